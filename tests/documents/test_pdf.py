"""PDF documents: the text layer with page numbers; hyphens, running heads and scans."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from citelink.cli import main
from citelink.documents import find, read
from citelink.documents.files import InputError
from citelink.documents.pdf import read_pdf
from tests.documents.pdf_files import make_pdf

pytest.importorskip("pypdf")


def brief_pages(count: int) -> list[list[str]]:
    """A brief of ``count`` pages with a running head (that cites a statute) and footer."""
    words = ["first", "second", "third", "fourth", "fifth", "sixth"]
    pages = []
    for number in range(1, count + 1):
        pages.append(
            [
                "Brief for Appellant under 8 U.S.C. § 1101 (Case No. 24-1234)",
                f"The {words[number - 1]} argument: the immigra-",
                "tion rules of 42 U.S.C. § 2000e-",
                f"2 apply to the {words[number - 1]} claim.",
                f"Page {number} of {count}",
            ]
        )
    pages[1].insert(4, "On that, see also the rule in 8 U.S.C.")
    pages[2].insert(1, "§ 1324a, as the court held.")  # page 3 continues page 2's citation
    return pages


def test_pages_hyphens_and_running_heads(tmp_path: Path) -> None:
    pdf = read_pdf(make_pdf(brief_pages(4)), "brief.pdf")
    assert pdf.text.count("\f") == 3 and len(pdf.page_starts) == 4
    found = find(pdf.text, "pdf")
    normalized = [c.normalized for c in found]
    assert "8 U.S.C. § 1101" not in normalized  # the running head invents nothing
    assert normalized.count("42 U.S.C. § 2000e-2") == 4  # the hyphen between numbers is kept
    assert "8 U.S.C. § 1324a" in normalized  # across a page, its footer and the next head
    for citation in found:
        assert pdf.text[citation.start : citation.end] == citation.text
    reader_text = read(pdf.text, "pdf").text
    assert "immigration rules" in reader_text and "Page 1 of 4" not in reader_text


def test_extract_names_each_citations_page(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "brief.pdf"
    path.write_bytes(make_pdf(brief_pages(4)))
    assert main(["extract", "--format", "json", str(path)]) == 0
    records = json.loads(capsys.readouterr().out)
    pages = [(r["normalized"], r["location"]["page"]) for r in records]
    assert pages == [
        ("42 U.S.C. § 2000e-2", 1),
        ("42 U.S.C. § 2000e-2", 2),
        ("8 U.S.C. § 1324a", 2),
        ("42 U.S.C. § 2000e-2", 3),
        ("42 U.S.C. § 2000e-2", 4),
    ]
    assert main(["extract", "--format", "jsonl", str(path), str(path)]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["location"] == {"page": 4}


def test_a_short_pdf_keeps_its_lines(tmp_path: Path) -> None:
    pdf = read_pdf(make_pdf([["Under 8 U.S.C. § 1373 and", "28 C.F.R. § 0.5."]]), "memo.pdf")
    assert [c.normalized for c in find(pdf.text, "pdf")] == ["8 U.S.C. § 1373", "28 C.F.R. § 0.5"]


def test_a_scanned_pdf_is_reported_not_silently_empty(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([[], []]))
    assert main(["extract", str(path)]) == 2
    assert "no text layer" in capsys.readouterr().err
    partly = tmp_path / "partly.pdf"
    partly.write_bytes(make_pdf([["See 8 U.S.C. § 1373."], []]))
    assert main(["extract", str(partly)]) == 0
    out, err = capsys.readouterr()
    assert "1373" in out and "page(s) 2" in err


def test_check_reads_a_pdf(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "memo.pdf"
    path.write_bytes(make_pdf([["See 8 U.S.C. § 99999."]]))
    main(["check", str(path)])
    captured = capsys.readouterr()
    assert "99999" in captured.out and "error:" not in captured.err
    assert main(["check", "--fix", str(path)]) in (1, 2)
    assert path.read_bytes().startswith(b"%PDF")  # --fix never writes into a PDF


def test_not_a_pdf_and_no_pypdf_are_clear_errors(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with pytest.raises(InputError, match="not a readable PDF"):
        read_pdf(b"%PDF-1.4 nothing else", "broken.pdf")
    monkeypatch.setitem(sys.modules, "pypdf", None)
    with pytest.raises(InputError, match=r"citelink\[pdf\]"):
        read_pdf(make_pdf([["8 U.S.C. 1373"]]), "memo.pdf")


def test_damaged_pdfs_are_errors_or_text_never_crashes() -> None:
    data = make_pdf([["See 8 U.S.C. § 1373."], ["And 42 U.S.C. § 1983."]])
    damaged = [data[:cut] for cut in range(0, len(data), max(1, len(data) // 40))]
    damaged += [data[:at] + b"\x00" + data[at + 1 :] for at in range(9, len(data), 37)]
    for broken in damaged:
        try:
            pdf = read_pdf(broken, "broken.pdf")
        except InputError as error:
            assert "broken.pdf" in str(error)
        else:
            find(pdf.text, "pdf")


def test_a_pdf_on_standard_input_is_known_by_its_bytes(tmp_path: Path) -> None:
    path = tmp_path / "memo"  # no extension
    path.write_bytes(make_pdf([["See 8 U.S.C. § 1373."]]))
    result = subprocess.run(
        [sys.executable, "-m", "citelink.cli", "extract", "--format", "json", "-"],
        stdin=path.open("rb"),
        capture_output=True,
        check=True,
    )
    assert json.loads(result.stdout)[0]["location"] == {"page": 1}
    assert main(["extract", str(path)]) == 0


def test_annotate_says_a_pdf_is_not_annotated(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "memo.pdf"
    path.write_bytes(make_pdf([["See 8 U.S.C. § 1373."]]))
    assert main(["annotate", str(path)]) == 2
    assert "PDF is read (extract, check), not annotated" in capsys.readouterr().err
    bare = tmp_path / "memo"
    bare.write_bytes(path.read_bytes())
    assert main(["annotate", str(bare)]) == 2
    assert "a PDF file" in capsys.readouterr().err


def test_a_citations_own_page_is_not_the_pdfs(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "memo.pdf"
    path.write_bytes(make_pdf([["Intro."], ["As enacted at 110 Stat. 3009-546 and 82 FR 45980."]]))
    assert main(["extract", "--format", "json", str(path)]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [(r["page"], r["location"]) for r in records] == [
        ("3009-546", {"page": 2}),
        ("45980", {"page": 2}),
    ]
