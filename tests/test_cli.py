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


def test_extract_directory_as_jsonl_in_order_and_bad_files_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text("8 U.S.C. § 1373 and § 1324", encoding="utf-8")
    (tmp_path / "b.bin").write_bytes(b"\x00\x01")
    (tmp_path / "c.txt").write_text("42 U.S.C. § 1983", encoding="utf-8")
    code, out, err = run(capsys, "extract", str(tmp_path), "--format", "jsonl", "--jobs", "2")
    assert code == 2  # one file failed; the others were still read
    records = [json.loads(line) for line in out.splitlines()]
    assert [(Path(r["path"]).name, r["normalized"]) for r in records] == [
        ("a.txt", "8 U.S.C. § 1373"),
        ("a.txt", "8 U.S.C. § 1324"),
        ("c.txt", "42 U.S.C. § 1983"),
    ]
    assert "b.bin" in err and "binary" in err


def test_extract_several_files_as_one_json_array(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text("8 U.S.C. § 1373", encoding="utf-8")
    (tmp_path / "b.txt").write_text("no citations here", encoding="utf-8")
    code, out, _ = run(
        capsys, "extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", "json"
    )
    assert code == 0
    (record,) = json.loads(out)
    assert record["path"].endswith("a.txt") and record["id"] == "usc/8/1373"


def test_jobs_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "extract", "--jobs", "0", str(FIXTURES / "brief.txt"))
    assert code == 2 and "--jobs" in err


def test_extract_json_carries_the_fields_of_each_kind(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text(
        "Pub. L. 104–208, div. C, § 642, 110 Stat. 3009–707; 82 FR 8799; 8 CFR 287.7(a); "
        "U.S. Const. amend. XIV, § 1; Fed. R. Civ. P. 12(b)(6); INA § 287(g).",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "extract", "--format", "json", str(doc))
    assert code == 0
    by_kind = {r["kind"]: r for r in json.loads(out)}
    assert {k: by_kind[k]["id"] for k in by_kind} == {
        "pl": "pl/104/208/dC/s642",
        "stat": "stat/110/3009-707",
        "fr": "fr/82/8799",
        "cfr": "cfr/8/287.7/a",
        "const": "usconst/amendment-14/section-1",
        "rule": "rule/frcp/12/b/6",
        "act": "act/ina/287/g",
    }
    assert (by_kind["pl"]["congress"], by_kind["pl"]["number"], by_kind["pl"]["division"]) == (
        "104",
        "208",
        "C",
    )
    assert (by_kind["stat"]["volume"], by_kind["stat"]["page"]) == ("110", "3009-707")
    assert (by_kind["cfr"]["title"], by_kind["cfr"]["part"], by_kind["cfr"]["pin"]) == (
        "8",
        "287",
        ["a"],
    )
    assert (by_kind["const"]["amendment"], by_kind["const"]["section"]) == ("14", "1")
    assert (by_kind["rule"]["rules"], by_kind["rule"]["rule"]) == ("frcp", "12")
    assert (by_kind["act"]["title"], by_kind["act"]["code_section"]) == ("8", "1357")


def test_extract_cases(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pytest.importorskip("eyecite")
    doc = tmp_path / "doc.txt"
    doc.write_text(
        "See Riverside v. Rivera, 477 U.S. 561 (1986); 8 U.S.C. § 1373.", encoding="utf-8"
    )
    code, out, _ = run(capsys, "extract", "--format", "json", str(doc))
    assert [r["kind"] for r in json.loads(out)] == ["usc"]
    code, out, _ = run(
        capsys,
        "extract",
        "--cases",
        "--format",
        "json",
        "--resolver",
        "courtlistener,lii",
        str(doc),
    )
    assert code == 0
    case, statute = json.loads(out)
    assert (case["kind"], case["reporter"], case["volume"], case["page"]) == (
        "case",
        "U.S.",
        "477",
        "561",
    )
    assert case["url"] == "https://www.courtlistener.com/c/us/477/561/"
    assert statute["url"] == "https://www.law.cornell.edu/uscode/text/8/1373"
