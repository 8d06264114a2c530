"""The command line: the JSON contract, the text format, and clear input errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from citelink.cli import main

from .conftest import FIXTURES


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", "--format", "json", str(FIXTURES / "news_article.txt"))
    assert code == 0
    records = json.loads(out)
    assert [r["normalized"] for r in records] == [
        "8 U.S.C. § 8",
        "8 U.S.C. § 1373",
        "8 U.S.C. § 1373",
    ]
    text = (FIXTURES / "news_article.txt").read_text(encoding="utf-8")
    for r in records:
        assert text[r["start"] : r["end"]] == r["text"]
        assert {"kind", "id", "url", "title", "section", "pin"} <= set(r)
        assert isinstance(r["pin"], list)


def test_extract_text_and_this_title(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("as provided in section 1357 of this title", encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(doc), "--this-title", "8")
    assert code == 0
    assert out.split("\t")[1] == "8 U.S.C. § 1357"


def test_extract_reads_stdin() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "citelink.cli", "extract", "--format", "json", "-"],
        input=b"see 8 U.S.C. 1373",
        capture_output=True,
        check=True,
    )
    assert json.loads(result.stdout)[0]["id"] == "usc/8/1373"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01\x02ELF", "binary"),
        (b"8 U.S.C. 1373 \xff\xfe", "not valid utf-8"),
    ],
)
def test_bad_input_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, message: str
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    code, out, err = run(capsys, "extract", str(bad))
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1


def test_errors_replace_decodes_anyway(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"8 U.S.C. 1373 \xff")
    code, out, _ = run(capsys, "extract", "--errors", "replace", str(bad))
    assert code == 0 and "8 U.S.C. § 1373" in out


def test_missing_file_and_unknown_resolver(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "extract", "/no/such/file.txt")
    assert code == 2 and "no such file" in err
    code, _, err = run(capsys, "extract", "--resolver", "nope", str(FIXTURES / "news_article.txt"))
    assert code == 2 and "unknown resolver" in err


def test_annotate_html_file_changes_only_by_links(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = tmp_path / "page.html"
    page.write_text("<p><i>8 U.S.C.</i> &sect; 1373</p>\r\n", encoding="utf-8")
    code, out, _ = run(capsys, "annotate", str(page))
    assert code == 0
    assert out.startswith('<p><a href="https://www.law.cornell.edu/uscode/text/8/1373"')
    assert out.endswith("><i>8 U.S.C.</i> &sect; 1373</a></p>\r\n")


def test_annotate_text_to_markdown_into_a_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    notes, out_file = tmp_path / "notes.txt", tmp_path / "out.md"
    notes.write_text("section 1357 of this title", encoding="utf-8")
    code, out, _ = run(
        capsys,
        "annotate",
        str(notes),
        "--format",
        "markdown",
        "--this-title",
        "8",
        "-o",
        str(out_file),
    )
    assert (code, out) == (0, "")
    assert out_file.read_text(encoding="utf-8") == (
        "[section 1357 of this title](https://www.law.cornell.edu/uscode/text/8/1357 "
        '"8 U.S.C. § 1357")'
    )


def test_annotate_reads_stdin_as_the_format_given() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "citelink.cli", "annotate", "--input-format", "markdown", "-"],
        input=b"`8 U.S.C. 1101` and 8 U.S.C. 1373",
        capture_output=True,
        check=True,
    )
    assert result.stdout.decode().startswith("`8 U.S.C. 1101` and [8 U.S.C. 1373](https://")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--input-format", "html", "--format", "markdown"], "cannot turn html into markdown"),
        (["--resolver", "nope"], "unknown resolver"),
    ],
)
def test_annotate_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], message: str
) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("8 U.S.C. 1373", encoding="utf-8")
    code, _, err = run(capsys, "annotate", str(doc), *argv)
    assert code == 2
    assert message in err and err.count("\n") == 1
