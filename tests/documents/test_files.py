"""Reading documents: text in, clear errors out, bounded memory for big files."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from citelink.documents.files import (
    InputError,
    Unreadable,
    display_path,
    read_pieces,
    read_text,
)

needs_fifos = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")


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


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_a_device_is_refused_before_a_byte_is_read() -> None:
    for read in (read_text, lambda path: "".join(read_pieces(path))):
        with pytest.raises(InputError, match="/dev/zero: is a character device, not a file"):
            read("/dev/zero")


@needs_fifos
def test_a_fifo_named_is_read_and_one_nobody_writes_to_is_empty(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert read_text(fifo) == ""  # no writer: an empty document, not a hang
    keep_open = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # so the pipe holds what is written
    try:
        writer = os.open(fifo, os.O_WRONLY)
        os.write(writer, "8 U.S.C. § 1373".encode())
        os.close(writer)
        assert read_text(fifo) == "8 U.S.C. § 1373"
    finally:
        os.close(keep_open)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_are_text(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("See 8 U.S.C. § 1373.\n".encode(encoding))
    assert read_text(path, encoding).lstrip("\ufeff") == "See 8 U.S.C. § 1373.\n"
    assert "".join(read_pieces(path, encoding, size=5)) == read_text(path, encoding)


@pytest.mark.parametrize(("encoding", "hint"), [("utf-16", "UTF-16"), ("utf-32", "UTF-32")])
def test_wide_text_read_as_utf8_says_what_it_is(tmp_path: Path, encoding: str, hint: str) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("8 U.S.C. § 1373".encode(encoding))
    with pytest.raises(InputError, match=f"looks like {hint} text \\(try --encoding {encoding}\\)"):
        read_text(path)


def test_binary_read_as_utf16_is_still_binary(tmp_path: Path) -> None:
    path = tmp_path / "binary.bin"
    path.write_bytes(b"\x7fELF\x00\x00\x00\x00" * 4)
    with pytest.raises(InputError, match="binary"):
        read_text(path, "utf-16-le")


@pytest.mark.parametrize(
    ("encoding", "errors", "message"),
    [
        ("base64", "strict", "'base64' is not a text encoding"),
        ("rot13", "strict", "'rot13' is not a text encoding"),
        ("utf-8", "no-such-handler", "no-such-handler"),
        ("ascii", "strict", "not valid ascii at byte 9"),
        ("undefined", "strict", "cannot be decoded as undefined"),
    ],
)
def test_codec_problems_are_one_line_errors(
    tmp_path: Path, encoding: str, errors: str, message: str
) -> None:
    path = tmp_path / "doc.txt"
    path.write_text("8 U.S.C. § 1373", encoding="utf-8")
    for read in (read_text, lambda *a: "".join(read_pieces(*a))):
        with pytest.raises(InputError, match=message) as raised:
            read(path, encoding, errors)
        assert "\n" not in str(raised.value)


def test_an_unreadable_path_says_why_and_pickles() -> None:
    path = Unreadable("dir/pipe", "a FIFO, not a regular file: skipped")
    again = pickle.loads(pickle.dumps(path))
    assert (again, again.reason) == ("dir/pipe", path.reason)
    with pytest.raises(InputError, match=r"^dir/pipe: a FIFO, not a regular file: skipped$"):
        read_text(again)


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("brief.txt", "brief.txt"),
        ("caf\u00e9 §.txt", "caf\u00e9 §.txt"),
        (os.fsdecode(b"caf\xe9.txt"), "caf\\xe9.txt"),  # Latin-1 bytes in a UTF-8 system
        ("a\nb\tc.txt", "a\\x0ab\\x09c.txt"),
        ("\x1b[31mred", "\\x1b[31mred"),  # no terminal escapes
        ("evil\u202etxt.exe", "evil\\u202etxt.exe"),  # no bidi override
    ],
)
def test_display_path(name: str, shown: str) -> None:
    assert display_path(name) == shown
    display_path(name).encode("utf-8")  # any output can carry it
