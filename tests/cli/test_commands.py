"""The command line: the JSON contract, the text format, and clear input errors."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from citelink.cli import main
from tests.conftest import FIXTURES

CLI = [sys.executable, "-m", "citelink.cli"]


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
    code, out, err = run(capsys, "extract", "--encoding", "utf-8", str(bad))
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1


def test_errors_replace_decodes_anyway(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"8 U.S.C. 1373 \xff")
    code, out, _ = run(capsys, "extract", "--encoding", "utf-8", "--errors", "replace", str(bad))
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


# --- resolvers ------------------------------------------------------------------

DOC = "see 8 U.S.C. § 1373(a) and 50 U.S.C. App. § 2401"


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    path = tmp_path / "doc.txt"
    path.write_text(DOC, encoding="utf-8")
    return path


def test_extract_urls_follow_the_named_chain(capsys: pytest.CaptureFixture[str], doc: Path) -> None:
    code, out, err = run(
        capsys, "extract", "--format", "json", "--resolver", "govinfo,lii", str(doc)
    )
    assert code == 0 and err == ""
    first, appendix = json.loads(out)
    assert first["url"] == "https://www.govinfo.gov/link/uscode/8/1373?link-type=html"
    assert first["urls"] == {
        "govinfo": "https://www.govinfo.gov/link/uscode/8/1373?link-type=html",
        "lii": "https://www.law.cornell.edu/uscode/text/8/1373#a",
    }
    assert appendix["urls"] == {
        "govinfo": "https://www.govinfo.gov/link/uscode/50/2401?type=uscappendix&link-type=html"
    }


def test_extract_default_chain(capsys: pytest.CaptureFixture[str], doc: Path) -> None:
    _, out, _ = run(capsys, "extract", "--format", "json", str(doc))
    first, appendix = json.loads(out)
    assert first["url"] == "https://www.law.cornell.edu/uscode/text/8/1373#a"
    assert list(first["urls"]) == ["lii", "uscode", "govinfo"]
    assert appendix["url"].startswith("https://www.govinfo.gov/link/uscode/50/2401?")


def test_resolvers_lists_names_kinds_and_default_chains(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "resolvers")
    assert code == 0
    rows = {line.split()[0]: line for line in out.splitlines()[:3]}
    assert list(rows) == ["lii", "uscode", "govinfo"]
    for row in rows.values():
        assert "usc" in row.split() or "usc," in row.split()
        assert row.endswith("built-in")
    assert "usc: lii, uscode, govinfo" in out
    code, out, _ = run(capsys, "resolvers", "--format", "json")
    (lii, *_) = json.loads(out)
    assert (lii["name"], lii["origin"]) == ("lii", "built-in")
    assert "usc" in lii["kinds"]


def test_config_templates_and_chain(
    capsys: pytest.CaptureFixture[str], doc: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "citelink.toml").write_text(
        'resolvers = ["library", "default"]\n\n[templates.library]\nusc = { url ='
        ' "https://library.example.org/usc/{title}/{section}", unless = ["appendix"] }\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)  # found in the current directory
    code, out, _ = run(capsys, "extract", "--format", "json", str(doc))
    assert code == 0
    first, appendix = json.loads(out)
    assert first["url"] == "https://library.example.org/usc/8/1373"
    assert appendix["url"].startswith("https://www.govinfo.gov/")
    _, out, _ = run(capsys, "extract", "--format", "json", "--resolver", "lii", str(doc))
    assert json.loads(out)[0]["url"].startswith("https://www.law.cornell.edu/")  # named wins
    _, out, _ = run(capsys, "resolvers")
    (library,) = [line for line in out.splitlines() if line.startswith("library ")]
    assert f"config {tmp_path / 'citelink.toml'}" in library
    assert "usc: library, lii, uscode, govinfo" in out


def test_a_bad_config_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], doc: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[templates.lib]\nusc = "javascript:alert(1)"\n', encoding="utf-8")
    code, out, err = run(capsys, "extract", "--config", str(bad), str(doc))
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "bad.toml" in err and "http" in err


def test_an_installed_resolver_in_the_cli(plugin_site: Path, doc: Path) -> None:
    """A second, really installed distribution adds resolvers that the CLI lists and uses."""
    env = {**os.environ, "PYTHONPATH": str(plugin_site)}
    command = [sys.executable, "-m", "citelink.cli"]
    listing = subprocess.run(
        [*command, "resolvers"], env=env, capture_output=True, text=True, check=True
    )
    assert (
        "example" in listing.stdout
        and "entry point citelink-example-resolver 0.1.0" in listing.stdout
    )
    assert "'missing'" in listing.stderr  # an entry point that cannot be loaded: a warning
    extract = subprocess.run(
        [
            *command,
            "extract",
            "--format",
            "json",
            "--resolver",
            "broken,junk,example,default",
            str(doc),
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    first, appendix = json.loads(extract.stdout)
    assert first["url"] == "https://law.example.org/usc/8/1373"
    assert list(first["urls"]) == ["example", "lii", "uscode", "govinfo"]
    assert appendix["url"].startswith("https://www.govinfo.gov/")
    warnings = extract.stderr.splitlines()
    assert len(warnings) == 2
    assert "resolver 'broken' raised RuntimeError" in warnings[0]
    assert "resolver 'junk' returned 'javascript:alert(1)'" in warnings[1]
    assert "(2 citations" in warnings[0]


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


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_extract_reads_stdin_among_files_on_any_number_of_processes(jobs: str) -> None:
    news = str(FIXTURES / "news_article.txt")
    result = subprocess.run(
        [*CLI, "extract", "--format", "jsonl", "--jobs", jobs, news, "-", news, "-"],
        input="See 8 U.S.C. § 1373(a); § 1644.".encode(),
        capture_output=True,
        check=True,
    )
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [(r["path"], r["normalized"]) for r in records[3:5]] == [
        ("-", "8 U.S.C. § 1373(a)"),
        ("-", "8 U.S.C. § 1644"),
    ]
    assert [r["path"] for r in records] == [news] * 3 + ["-"] * 2 + [news] * 3
    assert result.stderr == b""  # stdin read twice: the second time it is empty


def test_extract_reads_html_and_markdown_as_a_reader_sees_them(tmp_path: Path) -> None:
    page = '<p title="8 U.S.C. 99">See <i>8 U.S.C.</i> &sect; 1373.</p><script>8 U.S.C. 1</script>'
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    (tmp_path / "notes.md").write_text("See *8 U.S.C.* § 1644.", encoding="utf-8")
    result = subprocess.run(
        [*CLI, "extract", "--format", "jsonl", "--jobs", "2", str(tmp_path)],
        capture_output=True,
        check=True,
    )
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    by_file: dict[str, list[str]] = {}
    for r in records:
        by_file.setdefault(Path(r["path"]).name, []).append(r["text"])
    assert by_file == {
        "notes.md": ["8 U.S.C.* § 1644"],
        "page.html": ["8 U.S.C.</i> &sect; 1373"],  # read through the tags; not the attribute
        "page.txt": ["8 U.S.C. 99", "8 U.S.C. 1"],  # as plain text: tags and all
    }
    html_record = next(r for r in records if r["path"].endswith("page.html"))
    assert page[html_record["start"] : html_record["end"]] == "8 U.S.C.</i> &sect; 1373"
    forced = subprocess.run(
        [*CLI, "extract", "--input-format", "html", "--format", "json", str(tmp_path / "page.txt")],
        capture_output=True,
        check=True,
    )
    assert [r["normalized"] for r in json.loads(forced.stdout)] == ["8 U.S.C. § 1373"]


def test_annotate_reads_stdin_as_the_format_given() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "citelink.cli", "annotate", "--input-format", "markdown", "-"],
        input=b"`8 U.S.C. 1101` and 8 U.S.C. 1373",
        capture_output=True,
        check=True,
    )
    assert result.stdout.decode().startswith("`8 U.S.C. 1101` and [8 U.S.C. 1373](https://")


def test_annotate_cases(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pytest.importorskip("eyecite")
    page = tmp_path / "opinion.html"
    page.write_text(
        "<p>See <i>Riverside v. Rivera</i>, 477 U.S. 561 (1986); 8 U.S.C. § 1373.</p>",
        encoding="utf-8",
    )
    _, without, _ = run(capsys, "annotate", str(page))
    code, out, _ = run(capsys, "annotate", "--cases", str(page))
    assert code == 0
    assert without.count("<a ") == 1 and out.count("<a ") == 2
    assert '<a href="https://www.courtlistener.com/c/us/477/561/"' in out
    assert re.sub(r"<a [^>]*>|</a>", "", out) == page.read_text(encoding="utf-8")


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


def test_the_command_lines_default_reach_is_the_finders() -> None:
    from citelink.cli import options
    from citelink.finder import ANTECEDENT_PARAGRAPHS

    assert options.ANTECEDENT_PARAGRAPHS == ANTECEDENT_PARAGRAPHS


def test_parsing_the_command_line_loads_no_grammar() -> None:
    import json
    import subprocess
    import sys

    script = "import citelink.cli, sys, json; print(json.dumps(sorted(sys.modules)))"
    loaded = set(json.loads(subprocess.check_output([sys.executable, "-c", script], text=True)))
    assert not {"citelink.finder", "citelink.sources", "citelink.checking.checker"} & loaded


def test_annotate_writes_a_page_in_its_own_encoding_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = (
        '<!DOCTYPE html>\n<html><head><meta charset="windows-1252"></head>'
        "<body><p>See 8 U.S.C. § 1373 and the café’s sign.</p></body></html>\n"
    ).encode("cp1252")
    source, out = tmp_path / "page.html", tmp_path / "linked.html"
    source.write_bytes(page)
    code, _, err = run(capsys, "annotate", str(source), "-o", str(out))
    assert code == 0 and "cp1252" in err and "1 citation, 1 linked" in err
    written = out.read_bytes()
    assert re.sub(rb"<a [^>]*>|</a>", b"", written) == page  # nothing else changed
    assert b'title="8 U.S.C. \xa7 1373"' in written  # the link's title in cp1252 too
    assert sorted(p.name for p in tmp_path.iterdir()) == ["linked.html", "page.html"]


def test_annotate_that_links_nothing_found_says_so_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.html"
    page.write_text("<p><code>8 U.S.C. 1373</code></p>", encoding="utf-8")
    code, out, err = run(capsys, "annotate", str(page))
    assert code == 1
    assert out == "<p><code>8 U.S.C. 1373</code></p>"
    assert "1 citation, 0 linked; 1 not linked (1 in code)" in err
    assert "no citation could be linked" in err
