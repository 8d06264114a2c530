"""Reading documents: text in, clear errors out, bounded memory for big files."""

from __future__ import annotations

from pathlib import Path

import pytest

from citelink.documents.files import InputError, read_pieces, read_text


def test_reads_utf8_and_refuses_binary_and_bad_bytes(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("§ 1373 — “quoted”", encoding="utf-8")
    assert read_text(good) == "§ 1373 — “quoted”"
    binary = tmp_path / "binary.bin"
    binary.write_bytes(b"PK\x03\x04\x00\x00")
    with pytest.raises(InputError, match="binary"):
        read_text(binary)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ok \xff")
    with pytest.raises(InputError, match="at byte 3"):
        read_text(bad)
    assert read_text(bad, errors="replace") == "ok \ufffd"
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_text(tmp_path)
    with pytest.raises(InputError, match="unknown encoding"):
        read_text(good, encoding="no-such-codec")


def test_empty_file_is_empty_text(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert read_text(empty) == ""
    assert list(read_pieces(empty)) == []


def test_pieces_rejoin_to_the_text_even_inside_a_multibyte_character(tmp_path: Path) -> None:
    text = "8 U.S.C. § 1373 “x” " * 50
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    pieces = list(read_pieces(path, size=7))  # 7 bytes cut "§" and the quotes in half
    assert "".join(pieces) == text
    assert len(pieces) > 10


def test_pieces_report_the_byte_of_a_bad_sequence(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"a" * 100 + b"\xff" + b"b" * 100)
    with pytest.raises(InputError, match="at byte 100"):
        list(read_pieces(path, size=16))
