"""The `check` and `data` commands: formats, exit codes, --fix, --online, the index tools."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

import citelink.checking.links
from citelink.checking.checker import Checker
from citelink.checking.links import LinkChecker, LinkResult
from citelink.cli import main
from citelink.cli.data import status_of
from citelink.index import UsCodeIndex
from tests.checking.test_checker import FakeCfr
from tests.conftest import FIXTURES, SHARED
from tests.linkserver import LinkServer

SEED = SHARED / "seed" / "news_article.txt"
NEWS = FIXTURES / "news_article.txt"
CLEAN = "The rule is 8 U.S.C. § 1373(a); see also 42 U.S.C. § 1983.\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, text: str, name: str = "doc.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


@pytest.mark.parametrize(
    ("fail_on", "expected"), [(None, 0), ("error", 0), ("warning", 1), ("style", 1)]
)
def test_exit_code_follows_fail_on(
    capsys: pytest.CaptureFixture[str], fail_on: str | None, expected: int
) -> None:
    options = ["--fail-on", fail_on] if fail_on else []
    code, _, _ = run(capsys, "check", *options, str(NEWS))
    assert code == expected


def test_a_clean_document_exits_0_even_on_style(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "check", "--fail-on", "style", str(write(tmp_path, CLEAN)))
    assert (code, out) == (0, "")
    assert "no findings in 1 file" in err


def test_an_error_fails_by_default(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "check", str(write(tmp_path, "See 8 U.S.C. § 99999.\n")))
    assert code == 1 and "error: 8 U.S.C. § 99999 does not exist" in out


@pytest.mark.skipif(not SEED.exists(), reason="../shared is not beside the checkout")
def test_text_format_reads_like_a_compiler(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", str(SEED))
    assert code == 0
    text = SEED.read_text(encoding="utf-8")
    lines = out.splitlines()
    assert len(lines) == 2  # and a note, not shown: "8 U.S.C. 1373" inside a quotation
    pattern = re.compile(r"(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<sev>\w+): .+ \[[\w/-]+\]$")
    first = pattern.match(lines[0])
    assert first is not None
    assert (first["path"], first["sev"]) == (str(SEED), "warning")
    line, col = int(first["line"]), int(first["col"])
    assert text.splitlines()[line - 1][col - 1 :].startswith("8 U.S. Code 8")
    assert "repealed or omitted" in lines[0]
    assert 'write "8 U.S.C. § 8"' in lines[1]
    assert "2 findings (1 warning, 1 style) in 1 file" in err
    assert "1 info finding not shown (--show-info)" in err


def test_json_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--format", "json", "--show-info", str(NEWS))
    assert code == 0
    records = json.loads(out)
    assert [(r["severity"], r["code"]) for r in records] == [
        ("warning", "usc/not-current"),
        ("style", "style/code-name"),
        ("style", "style/section-sign"),
    ]
    text = NEWS.read_text(encoding="utf-8")
    for r in records:
        assert r["path"] == str(NEWS)
        assert text[r["start"] : r["end"]] == r["citation"]["text"]
    assert records[1]["suggestion"] == "8 U.S.C. § 8"


def test_github_annotations(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    doc = write(tmp_path, "Intro.\nSee 8 U.S.C. § 99999, and 8 USC 1373.\n", "a,b:c.txt")
    code, out, _ = run(capsys, "check", "--format", "github", str(doc))
    assert code == 1
    error, notice = out.splitlines()
    escaped = str(doc).replace(":", "%3A").replace(",", "%2C")
    assert error.startswith(f"::error file={escaped},line=2,endLine=2,col=5,endColumn=20,")
    assert "title=citelink usc/unknown-section::8 U.S.C. § 99999 does not exist" in error
    assert notice.startswith("::notice ") and "col=27,endColumn=36" in notice


def test_several_files_at_once(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    clean = write(tmp_path, CLEAN, "clean.txt")
    code, out, err = run(capsys, "check", str(clean), str(NEWS))
    assert code == 0 and out.count(str(NEWS)) == 3 and str(clean) not in out
    assert "in 2 files" in err


def test_directories_are_walked_and_unreadable_files_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write(tmp_path, "See 8 USC 1373.\n", "a.txt")
    (tmp_path / "b.bin").write_bytes(b"\x00\x01binary")
    code, out, err = run(capsys, "check", str(tmp_path))
    assert code == 2  # an input error outranks the findings
    assert out.startswith(f"{tmp_path / 'a.txt'}:1:5: style:")
    assert "b.bin: looks like a binary file" in err


def test_fix_writes_suggestions_back_and_keeps_every_other_byte(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    original = "\ufeffCaf\u00e9\r\nSee 8 USC 1373 and 42 U.S.C. §§ 1981-1983.\r\n\r\nEnd\u00a0😀"
    doc = write(tmp_path, original)
    code, out, err = run(capsys, "check", "--fix", "--fail-on", "style", str(doc))
    assert doc.read_bytes() == original.replace("8 USC 1373", "8 U.S.C. § 1373").replace(
        "1981-1983", "1981–1983"
    ).encode("utf-8")
    assert "fixed 2 citation(s)" in err
    assert (code, out) == (0, "")  # nothing left to report
    code, out, _ = run(capsys, "check", "--fix", str(doc))
    assert doc.read_bytes().decode("utf-8").count("U.S.C.") == 2 and out == ""


def test_fix_reports_what_is_left_at_its_new_place(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    doc = write(tmp_path, "8 USC 1101 and 8 U.S.C. § 99999")
    code, out, _ = run(capsys, "check", "--fix", str(doc))
    assert code == 1
    assert doc.read_text(encoding="utf-8") == "8 U.S.C. § 1101 and 8 U.S.C. § 99999"
    assert out.startswith(f"{doc}:1:21: error: 8 U.S.C. § 99999 does not exist")


def test_html_and_markdown_are_checked_and_fixed_as_a_reader_sees_them(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = (
        '<p title="8 USC 99999">See 8 USC 1373 and <b>8 USC</b>&nbsp;1644.</p>\r\n'
        "<pre>8 U.S.C. &sect; 99999</pre>\n"
    )
    html_doc = write(tmp_path, page, "page.html")
    as_text = write(tmp_path, page, "page.txt")
    code, out, err = run(capsys, "check", "--fix", "--fail-on", "style", str(html_doc))
    fixed = page.replace("See 8 USC 1373", "See 8 U.S.C. § 1373")
    assert html_doc.read_bytes() == fixed.encode("utf-8")
    assert "fixed 1 citation(s)" in err
    # What is left: the tagged citation, to fix by hand; and § 99999, which a reader sees.
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"{html_doc}:1:{fixed.index('8 USC</b>') + 1}: style:")
    assert "fix it by hand" in lines[0]
    assert lines[1].startswith(f"{html_doc}:2:6: error: 8 U.S.C. § 99999 does not exist")
    # The same bytes read as text: the attribute's citation is reported, the entity is not read.
    code, out, _ = run(capsys, "check", "--format", "json", str(as_text))
    assert [f["code"] for f in json.loads(out)] == [
        "usc/unknown-section",
        "style/code-name",
        "style/code-name",
    ]
    markdown = write(tmp_path, "`8 USC 1373` and *8 USC 1644*\n", "notes.md")
    code, out, _ = run(capsys, "check", "--fix", "--input-format", "markdown", str(markdown))
    assert markdown.read_text(encoding="utf-8") == "`8 USC 1373` and *8 U.S.C. § 1644*\n"


def test_fix_refuses_what_it_cannot_write_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    doc = tmp_path / "bad.txt"
    doc.write_bytes(b"8 USC 1373 \xff")
    code, _, err = run(
        capsys, "check", "--fix", "--encoding", "utf-8", "--errors", "replace", str(doc)
    )
    assert code == 2 and "cannot --fix" in err
    assert doc.read_bytes() == b"8 USC 1373 \xff"
    code, _, err = run(capsys, "check", "--fix", "-")
    assert code == 2 and "standard input" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check", "/no/such/file.txt"], "no such file"),
        (["check", "--resolver", "nope", str(NEWS)], "unknown resolver"),
        (["check", "--antecedent-paragraphs", "-1", str(NEWS)], "0 or more"),
    ],
)
def test_input_errors_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and message in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["check", "--fail-on", "info", str(NEWS)])
    assert exited.value.code == 2


def test_online_reports_dead_links(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--online checks each citation's URL; here the LII URLs are served by a local server."""
    with LinkServer() as server:

        class LocalLinks(LinkChecker):
            def __init__(self, **options: Any) -> None:
                super().__init__(**{**options, "rate": 0})

            def check(self, urls: Iterable[str]) -> dict[str, LinkResult]:
                wanted = list(urls)
                local = {u: server.url("/missing" if "1983" in u else "/ok") for u in wanted}
                found = super().check(local.values())
                return {u: found[local[u]] for u in wanted}

        monkeypatch.setattr(citelink.checking.links, "LinkChecker", LocalLinks)
        cache = tmp_path / "links.sqlite3"
        doc = write(tmp_path, CLEAN)
        code, out, _ = run(capsys, "check", "--online", "--link-cache", str(cache), str(doc))
        assert code == 0  # a dead link is a warning
        assert "warning: dead link for 42 U.S.C. § 1983" in out and "HTTP 404" in out
        again = ["--online", "--fail-on", "warning", "--link-cache", str(cache), str(doc)]
        code, _, _ = run(capsys, "check", *again)
        assert code == 1
        assert server.hits["/missing"] == 1  # the second run read the cache
        assert cache.exists()


def test_version_names_the_release_point(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert re.fullmatch(
        r"citelink \S+ \(U\.S\. Code index: release point 119-100\)\n", capsys.readouterr().out
    )


def test_data_lookup(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "data", "lookup", "8 U.S.C. § 1373", "42 U.S.C. § 1983; 18 U.S.C. § 1001"
    )
    assert code == 0
    assert out.splitlines() == [
        "8 U.S.C. § 1373\tactive\tCommunication between government agencies and the "
        "Immigration and Naturalization Service",
        "42 U.S.C. § 1983\tactive\tCivil action for deprivation of rights",
        "18 U.S.C. § 1001\tactive\tStatements or entries generally",
    ]
    code, out, _ = run(capsys, "data", "lookup", "8 U.S. Code 8 and 8 U.S.C. § 99999")
    assert code == 1
    assert out.splitlines() == [
        "8 U.S.C. § 8\trepealed or omitted\t§§ 1 to 18 — Repealed or Omitted",
        "8 U.S.C. § 99999\tdoes not exist\ttitle 8 has no section 99999",
    ]
    # Where a moved section is now.
    code, out, _ = run(capsys, "data", "lookup", "42 U.S.C. § 1973 and 10 U.S.C. § 7430")
    assert code == 0
    assert out.splitlines() == [
        "42 U.S.C. § 1973\ttransferred\t§ 1973 — Transferred; now 52 U.S.C. § 10301",
        "10 U.S.C. § 7430\tmoved\tnow 10 U.S.C. § 8730",
    ]


def test_data_lookup_of_short_duplicate_and_unchecked_citations(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "data", "lookup", "§ 1373", "5 U.S.C. § 5757", "50 U.S.C. app. § 1")
    assert code == 0
    assert [line.split("\t")[1] for line in out.splitlines()] == [
        "unresolved",
        "ambiguous",
        "not checked",
    ]
    assert "Extended assignment incentive" in out.splitlines()[1]


def test_data_lookup_of_cfr_citations() -> None:
    checker = Checker()
    section = FakeCfr(text="8 CFR 214.2", start=0, end=11, title="8", section="214.2")
    part = FakeCfr(text="8 CFR pt. 214", start=0, end=13, title="8", part="214")
    assert status_of(checker, section, None)[0] == "active"
    assert status_of(checker, part, None) == ("active", "NONIMMIGRANT CLASSES")
    missing = FakeCfr(text="8 CFR 214.999", start=0, end=13, title="8", section="214.999")
    (finding,) = checker.check_citations(missing.text, [missing])
    assert status_of(checker, missing, finding)[0] == "does not exist"


def test_data_build_index(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "usc99.xml"
    source.write_text(
        '<uscDoc xmlns="http://xml.house.gov/schemas/uslm/1.0"><main>'
        '<section identifier="/us/usc/t99/s1"><num value="1">§ 1.</num>'
        "<heading>Only section</heading></section></main></uscDoc>",
        encoding="utf-8",
    )
    output = tmp_path / "out" / "index.tsv.gz"
    output.parent.mkdir()
    code, _, err = run(
        capsys, "data", "build-index", str(source), "-o", str(output), "--release-point", "1-2"
    )
    assert code == 0 and "wrote 1 U.S. Code records, release point 1-2" in err
    index = UsCodeIndex.load(output)
    assert index.lookup("99", "1")[0].heading == "Only section"
    code, _, err = run(capsys, "data", "build-index", str(tmp_path / "none"), "-o", str(output))
    assert code == 2 and "no such file" in err


def test_standard_input_is_the_default(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    stdin = io.TextIOWrapper(io.BytesIO("See 8 U.S.C. § 99999.\n".encode()))
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, _ = run(capsys, "check")
    assert code == 1 and out.startswith("<stdin>:1:5: error:")


def test_as_of_makes_a_section_in_force_then_a_note(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = str(write(tmp_path, "See 10 U.S.C. § 7430(e).\n"))
    code, out, _ = run(capsys, "check", "--fail-on", "warning", path)
    assert code == 1 and "warning: 10 U.S.C. § 7430 was renumbered" in out
    code, out, _ = run(capsys, "check", "--fail-on", "warning", "--as-of", "2017-10-03", path)
    assert code == 0
    with pytest.raises(SystemExit):
        run(capsys, "check", "--as-of", "last year", path)


NOISY = (
    "See 8 U.S.C. § 99999 and 8 U.S.C. 1373 and 40 C.F.R. § 1.1, 40 C.F.R. § 1.2.\n"
    "Also 8 U.S.C. § 1357(g)(10)(A)(i).\n"
)


def test_info_findings_are_counted_not_shown(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = str(write(tmp_path, NOISY))
    _, out, err = run(capsys, "check", path)
    assert "info:" not in out and "error: 8 U.S.C. § 99999" in out
    assert f"citelink: {path}: 5 citations (usc 3, cfr 2)" in err
    assert "findings: 1 error, 1 style, 3 info" in err
    assert "problems: usc/unknown-section 1, style/section-sign 1" in err
    # What could not be verified is said once, in the summary.
    assert "not verified: 2 CFR citations" in err and "1 pins below" in err
    assert "3 info findings not shown (--show-info)" in err
    _, out, _ = run(capsys, "check", "--show-info", path)
    assert out.count("info:") == 3


def test_ignore_leaves_out_rules_and_families(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = str(write(tmp_path, NOISY))
    code, out, _ = run(capsys, "check", "--ignore", "usc/unknown-section,style", path)
    assert code == 0 and out == ""
    _, _, err = run(capsys, "check", "--no-summary", path)
    assert "citations (" not in err and "finding" in err


def test_sarif_is_a_2_1_log_with_fixes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = str(write(tmp_path, "Café: see 8 U.S.C. 1373 and 8 U.S.C. § 99999.\n"))
    code, out, _ = run(capsys, "check", "--format", "sarif", path)
    log = json.loads(out)
    assert code == 1 and log["version"] == "2.1.0"
    (sarif_run,) = log["runs"]
    assert sarif_run["columnKind"] == "unicodeCodePoints"
    rules = [r["id"] for r in sarif_run["tool"]["driver"]["rules"]]
    style, error = sarif_run["results"]
    assert (style["level"], error["level"]) == ("note", "error")
    assert rules[error["ruleIndex"]] == "usc/unknown-section"
    region = style["locations"][0]["physicalLocation"]["region"]
    line = Path(path).read_text(encoding="utf-8").splitlines()[region["startLine"] - 1]
    assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == "8 U.S.C. 1373"
    (fix,) = style["fixes"]
    replacement = fix["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"]["text"] == "8 U.S.C. § 1373"
    assert "fixes" not in error


def test_a_table_of_authorities_lists_each_once_in_order(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = (
        "Under 42 U.S.C. § 1983 and U.S. Const. amend. XIV, § 1, see 8 U.S.C. § 1357(g).\n"
        "Also 8 C.F.R. § 214.2 and Fed. R. Civ. P. 12(b)(6).\n"
        "Again 8 U.S.C. § 1357(a) and 8 U.S.C. § 99999.\n"
    )
    path = str(write(tmp_path, text))
    _, out, _ = run(capsys, "check", "--format", "toa", path)
    lines = out.splitlines()
    assert lines[0] == "TABLE OF AUTHORITIES"
    headings = [line for line in lines if line and not line.startswith(" ")][1:]
    assert headings == ["Constitutional Provisions", "Statutes", "Regulations", "Rules"]
    statutes = [line.strip() for line in lines if "U.S.C." in line]
    assert statutes == [
        f"8 U.S.C. § 1357 .... {path}:1, 3",
        f"8 U.S.C. § 99999 .... {path}:3  [1 error]",
        f"42 U.S.C. § 1983 .... {path}:1",
    ]


def test_the_pre_commit_hooks_run(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    hooks = (Path(__file__).resolve().parents[2] / ".pre-commit-hooks.yaml").read_text("utf-8")
    entries = re.findall(r"^\s*entry: (.+)$", hooks, flags=re.MULTILINE)
    assert len(entries) == 2
    clean, bad = str(write(tmp_path, CLEAN)), str(write(tmp_path, "8 U.S.C. § 99999\n", "b.md"))
    for entry in entries:
        program, *argv = entry.split()
        assert program == "citelink"
        assert run(capsys, *argv, clean)[0] == 0
        assert run(capsys, *argv, clean, bad)[0] == 1


def test_diff_prints_the_fixes_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = "First line.\nSee 8 U.S.C. 1373 today.\nLast"
    doc = write(tmp_path, text)
    code, out, _ = run(capsys, "check", "--diff", str(doc))
    assert doc.read_bytes() == text.encode()
    assert out.splitlines()[:2] == [f"--- a/{doc}", f"+++ b/{doc}"]
    assert "-See 8 U.S.C. 1373 today.\n+See 8 U.S.C. § 1373 today.\n" in out
    assert code == 0
    assert run(capsys, "check", "--diff", "--fix", str(doc))[0] == 2


def test_fix_never_rewrites_quoted_or_official_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = (
        "We cite 8 U.S.C. 1373.\n\n"
        "Section 2 is amended to read: “(a) See 8 U.S.C. 1357.\n\n“(b) And 8 U.S.C. 1101.”.\n\n"
        "Authority: 8 U.S.C. 1103.\n\n> As the court wrote, 8 U.S.C. 1182 applies.\n"
    )
    doc = write(tmp_path, text)
    run(capsys, "check", "--fix", str(doc))
    assert doc.read_text(encoding="utf-8") == text.replace(
        "cite 8 U.S.C. 1373", "cite 8 U.S.C. § 1373"
    )
    markdown = write(tmp_path, "See 8 U.S.C. 1373.\n\n> Quoted: 8 U.S.C. 1357.\n", "q.md")
    run(capsys, "check", "--fix", str(markdown))
    assert markdown.read_text(encoding="utf-8").endswith("> Quoted: 8 U.S.C. 1357.\n")
    page = write(tmp_path, "<p>8 U.S.C. 1373</p><blockquote>8 U.S.C. 1357</blockquote>", "q.html")
    run(capsys, "check", "--fix", str(page))
    assert page.read_text(encoding="utf-8") == (
        "<p>8 U.S.C. § 1373</p><blockquote>8 U.S.C. 1357</blockquote>"
    )


def test_fix_writes_through_links_keeps_hard_links_and_mode(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = write(tmp_path, "See 8 U.S.C. 1373.\n", "target.txt")
    target.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    run(capsys, "check", "--fix", str(link))
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "See 8 U.S.C. § 1373.\n"
    assert target.stat().st_mode & 0o777 == 0o640
    shared = write(tmp_path, "See 8 U.S.C. 1357.\n", "shared.txt")
    other = tmp_path / "other.txt"
    other.hardlink_to(shared)
    run(capsys, "check", "--fix", str(shared))
    assert other.read_text(encoding="utf-8") == "See 8 U.S.C. § 1357.\n"
    assert other.stat().st_ino == shared.stat().st_ino


def test_fix_refuses_a_read_only_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import os

    doc = write(tmp_path, "See 8 U.S.C. 1373.\n")
    doc.chmod(0o444)
    if os.access(doc, os.W_OK):
        pytest.skip("running as a user who may write any file")
    code, _, err = run(capsys, "check", "--fix", str(doc))
    assert code == 2 and "read-only" in err
    assert doc.read_text(encoding="utf-8") == "See 8 U.S.C. 1373.\n"
