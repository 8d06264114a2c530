"""Legacy encodings: what is not UTF-8 is detected, and the user is told what was assumed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citelink.cli import main
from citelink.documents.encodings import choose_encoding
from citelink.documents.files import InputError, decode_auto, read_pieces, read_text

#: A decision's sentence in Windows-1252: curly quotes, an en dash and the section sign.
DECISION = (
    "The Veteran\u2019s claim under 38 U.S.C. \u00a7 5107(b) \u2013 the \u201cbenefit of"
    " the doubt\u201d rule \u2014 and 38 C.F.R. \u00a7 3.102 were considered.\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_utf8_is_utf8() -> None:
    assert choose_encoding(DECISION.encode("utf-8")) == "utf-8"
    assert decode_auto(DECISION.encode("utf-8"), "d").note is None


def test_windows_1252_is_detected_and_named() -> None:
    decoded = decode_auto(DECISION.encode("cp1252"), "decision.txt")
    assert decoded.text == DECISION
    assert decoded.encoding == "cp1252"
    assert decoded.note is not None and "cp1252" in decoded.note and "decision.txt" in decoded.note


def test_a_byte_order_mark_names_the_encoding() -> None:
    for encoding in ("utf-16", "utf-32", "utf-8-sig"):
        decoded = decode_auto(DECISION.encode(encoding), "d")
        assert decoded.text == DECISION


def test_binary_data_is_still_refused() -> None:
    with pytest.raises(InputError, match="binary"):
        decode_auto(b"\x00\x01\x02\xffELF\xfe", "a.out")


def test_a_piece_cut_inside_a_character_is_still_utf8() -> None:
    assert choose_encoding("8 U.S.C. §".encode()[:-1]) == "utf-8"


def test_read_text_and_pieces_take_auto(tmp_path: Path) -> None:
    path = tmp_path / "decision.txt"
    path.write_bytes(DECISION.encode("cp1252") * 50)
    assert read_text(path, "auto") == DECISION * 50
    assert "".join(read_pieces(path, "auto", size=64)) == DECISION * 50


def test_extract_reads_cp1252_and_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "decision.txt"
    path.write_bytes(DECISION.encode("cp1252"))
    code, out, err = run(capsys, "extract", "--format", "json", str(path))
    assert code == 0
    found = [c["normalized"] for c in json.loads(out)]
    assert found == ["38 U.S.C. § 5107(b)", "38 C.F.R. § 3.102"]
    assert "read as cp1252" in err and str(path) in err


def test_an_encoding_given_is_kept_strict(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "decision.txt"
    path.write_bytes(DECISION.encode("cp1252"))
    code, out, err = run(capsys, "extract", "--encoding", "utf-8", str(path))
    assert code == 2 and out == "" and "not valid utf-8" in err
    code, out, err = run(capsys, "extract", "--encoding", "cp1252", str(path))
    assert code == 0 and "5107" in out and "detected" not in err


def test_a_batch_of_mixed_archives_names_each_guess(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_bytes(DECISION.encode("cp1252"))
    (tmp_path / "b.txt").write_bytes(DECISION.encode("utf-8"))
    (tmp_path / "c.txt").write_bytes(b"\x00\x01binary\xff")
    (tmp_path / "d.txt").write_bytes(DECISION.encode("utf-16"))
    code, out, err = run(capsys, "extract", "--jobs", "1", str(tmp_path))
    assert code == 2  # the binary file is an error; the others are read
    assert out.count("\t38 U.S.C. § 5107(b)\t") == 3
    assert err.count("read as") == 2 and "a.txt" in err and "d.txt" in err
    assert "b.txt" not in err and "c.txt" in err


def test_annotate_writes_back_in_the_encoding_detected(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = tmp_path / "decision.html"
    page.write_bytes(f"<p>{DECISION}</p>".encode("cp1252"))
    out_path = tmp_path / "out.html"
    code, _, err = run(capsys, "annotate", "-o", str(out_path), str(page))
    assert code == 0 and "cp1252" in err
    written = out_path.read_bytes().decode("cp1252")
    assert "href=" in written and DECISION.strip()[:20] in written


def test_check_reads_cp1252(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "decision.txt"
    path.write_bytes(DECISION.encode("cp1252"))
    code, _, err = run(capsys, "check", str(path))
    assert code in (0, 1) and "read as cp1252" in err and "error:" not in err
