"""Rebuilding the U.S. Code index from official USLM XML."""

from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path

import pytest

from citelink.checking.build_index import build
from citelink.documents.writing import write_file
from citelink.index import IndexFileError, UsCodeIndex, uscode_index
from tests.conftest import SHARED

USLM = SHARED / "data" / "uslm"
needs_uslm = pytest.mark.skipif(not USLM.exists(), reason="../shared is not beside the checkout")

#: A small title written for these tests in the shape of the OLRC's files.
TITLE_99 = """<?xml version="1.0" encoding="UTF-8"?>
<uscDoc xmlns="http://xml.house.gov/schemas/uslm/1.0" identifier="/us/usc/t99">
<meta><docPublicationName>Online@118-42</docPublicationName></meta>
<main><title identifier="/us/usc/t99"><num value="99">Title 99—</num><heading>TESTING</heading>
<chapter identifier="/us/usc/t99/ch1">
<section identifier="/us/usc/t99/s1"><num value="1">§\u202f1.</num>
  <heading> Live   section</heading>
  <subsection identifier="/us/usc/t99/s1/a"><num value="a">(a)</num>
    <paragraph identifier="/us/usc/t99/s1/a/1"><num value="1">(1)</num></paragraph>
  </subsection>
  <subsection identifier="/us/usc/t99/s1/b–1"><num value="b–1">(b–1)</num></subsection>
  <notes><note><quotedContent>
    <section><num value="1">“SECTION 1.</num><heading> SHORT TITLE.</heading></section>
  </quotedContent></note></notes>
</section>
<section identifier="/us/usc/t99/s2...4" status="repealed"><num value="2 to 4">§§\u202f2 to 4.</num>
  <heading> Repealed or Omitted</heading></section>
<section identifier="/us/usc/t99/s5 /us/usc/t99/s5a"><num value="5, 5a">§§\u202f5, 5a.</num>
  <heading> Transferred</heading></section>
<section identifier="/us/usc/t99/s6"><num value="6">§\u202f6.</num>
  <heading> Repealed. Pub. L. 1–2, §\u202f3</heading></section>
<section identifier="/us/usc/t99/s7" status="redesignated"><num value="7">§\u202f7.</num>
  <heading> Renumbered §\u202f9</heading></section>
<section identifier="/us/usc/t99/s2000e–2"><num value="2000e–2">§\u202f2000e–2.</num>
  <heading> Hyphenated</heading></section>
<section identifier="/us/usc/t99/s8"><num value="8">§ 8.</num><heading>First</heading></section>
<section identifier="/us/usc/t99/s8"><num value="8">§ 8.</num><heading>Second</heading></section>
</chapter></title></main></uscDoc>
"""


def _title_99(tmp_path: Path) -> Path:
    path = tmp_path / "usc99.xml"
    path.write_text(TITLE_99, encoding="utf-8")
    return path


def test_statuses_ranges_groups_and_duplicates(tmp_path: Path) -> None:
    index = build(_title_99(tmp_path))
    assert isinstance(index, UsCodeIndex)
    assert index.release_point == "118-42"
    assert index.titles == {"99": "TESTING"}
    (live,) = index.lookup("99", "1")
    assert (live.status, live.heading) == ("active", "Live section")
    # Its subdivisions; the section quoted in its notes adds none.
    assert index.subdivisions(live) == {"a", "a/1", "b\u20131"}
    (ranged,) = index.lookup("99", "3")
    assert ranged.section == "2 to 4"
    assert (ranged.status, ranged.status2) == ("repealed", "omitted")
    (grouped,) = index.lookup("99", "5a")
    assert grouped.group == "5, 5a" and grouped.status == "transferred"
    (inferred,) = index.lookup("99", "6")  # no status attribute: the heading says it
    assert inferred.status == "repealed" and inferred.heading == "Repealed. Pub. L. 1–2, § 3"
    (renumbered,) = index.lookup("99", "7")
    assert renumbered.status == "renumbered" and renumbered.renumbered_to == "9"
    (hyphenated,) = index.lookup("99", "2000e-2")
    assert hyphenated.section == "2000e-2"
    assert [(r.heading, r.dup) for r in index.lookup("99", "8")] == [("First", 1), ("Second", 2)]
    # The section quoted inside a note is not a section of the Code.
    assert index.count == 9


def test_release_point_option_and_round_trip(tmp_path: Path) -> None:
    index = build(_title_99(tmp_path), release_point="119-1")
    assert index.release_point == "119-1"
    assert isinstance(index, UsCodeIndex)
    write_file(tmp_path / "out.tsv.gz", index.encoded())
    again = UsCodeIndex.load(tmp_path / "out.tsv.gz")
    assert sorted(again.records()) == sorted(index.records())


def test_a_zip_of_title_files(tmp_path: Path) -> None:
    archive = tmp_path / "xml_uscAll@118-42.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("usc99.xml", TITLE_99)
        out.writestr("readme.txt", "not xml")
    index = build(archive)
    assert isinstance(index, UsCodeIndex) and index.count == 9


@pytest.mark.parametrize("content", ["<not xml", "<html><body>no sections</body></html>"])
def test_bad_sources_are_clear_errors(tmp_path: Path, content: str) -> None:
    (tmp_path / "bad.xml").write_text(content, encoding="utf-8")
    with pytest.raises(IndexFileError):
        build(tmp_path / "bad.xml")
    with pytest.raises(IndexFileError):
        build(tmp_path / "missing")


@needs_uslm
def test_the_official_files(tmp_path: Path) -> None:
    """usc01.xml and usc27.xml (release 117-80) and the 286 live sections of title 8."""
    index = build(USLM)
    assert isinstance(index, UsCodeIndex)
    assert index.release_point == "117-80"  # the per-section files of title 8 name none
    assert index.titles["27"] == "INTOXICATING LIQUORS"
    by_title: dict[str, int] = {}
    for record in index.records():
        by_title[record.title] = by_title.get(record.title, 0) + 1
    assert by_title["8"] == 286
    assert by_title["1"] == 39  # the sections quoted in title 1's notes are left out
    (words,) = index.lookup("1", "1")
    assert words.heading == "Words denoting number, gender, and so forth"
    (repealed,) = index.lookup("27", "3")
    assert repealed.status_line.startswith("§§ 1 to 5 — Repealed. Aug. 27, 1935, ch. 740")
    (omitted,) = index.lookup("27", "43b")
    assert omitted.group == "43a, 43b" and omitted.status == "omitted"
    # Title 8's live sections agree with the shipped index, heading for heading.
    shipped = uscode_index()
    for record in index.records():
        if record.title == "8":
            (same,) = shipped.lookup("8", record.section)
            assert (same.status, same.heading) == ("active", record.heading)
            # And subdivision for subdivision, down to the <level>s of items.
            assert index.subdivisions(record) == shipped.subdivisions(same)


@needs_uslm
def test_a_single_title_file() -> None:
    index = build(USLM / "usc27.xml")
    assert isinstance(index, UsCodeIndex)
    assert index.count == sum(1 for _ in index.records()) > 40
    assert index.lookup("8", "1373") == ()


# --- the JSON section list with its structure file beside it -----------------------------

SECTIONS_99 = {
    "meta": {"schema": "uscode-section-index/1", "release_point": "119-1", "generated": "x"},
    "titles": {"99": {"name": "TESTING"}},
    "sections": [
        {"t": "99", "s": "1", "h": "Live", "st": "active"},
        {"t": "99", "s": "2", "h": "Now at 99/12", "st": "active"},
        {"t": "99", "s": "3", "h": "Transferred", "st": "transferred"},
        {"t": "99", "s": "12", "h": "Moved here", "st": "active"},
        {"t": "99", "s": "4", "h": "Repealed. Pub. L. 1–2, Aug. 13, 2018", "st": "repealed"},
    ],
}
STRUCTURE_99 = [
    {"meta": {"source": "test", "commit": "0", "release_point": "119-1"}},
    {"t": "99", "s": "1", "pins": ["a", "a/1", "a/2", "a/3", "b"], "credit": "(Pub. L. 1–1.)"},
    {"t": "99", "s": "2", "pins": [], "credit": "(Pub. L. 1–1.)"},
    {
        "t": "99",
        "s": "12",
        "pins": ["a"],
        # Enacted as § 2 of the title, renumbered § 12 later; § 2 is used again since.
        "credit": "(Jan. 2, 1950, ch. 1, 64 Stat. 1, § 2; renumbered § 12, Pub. L. 115–232, "
        "div. A, § 807, Aug. 13, 2018, 132 Stat. 1836.)",
        "formerly": [["98", "7"]],
    },
]


def _json_99(tmp_path: Path) -> Path:
    sections = tmp_path / "uscode_sections.json"
    sections.write_text(json.dumps(SECTIONS_99), encoding="utf-8")
    lines = "".join(json.dumps(line) + "\n" for line in STRUCTURE_99)
    (tmp_path / "uscode_structure.jsonl.gz").write_bytes(gzip.compress(lines.encode()))
    return sections


def test_subdivisions_and_moves_from_the_structure_file(tmp_path: Path) -> None:
    index = build(_json_99(tmp_path))
    assert isinstance(index, UsCodeIndex)
    write_file(tmp_path / "out.tsv.gz", index.encoded())
    for read in (index, UsCodeIndex.load(tmp_path / "out.tsv.gz")):
        (live,) = read.lookup("99", "1")
        assert read.subdivisions(live) == {"a", "a/1", "a/2", "a/3", "b"}
        (bare,) = read.lookup("99", "2")
        assert read.subdivisions(bare) == frozenset()
        (dead,) = read.lookup("99", "3")
        assert read.subdivisions(dead) is None  # not known: not a live section
        (moved,) = read.moved("99", "2")
        assert (moved.where, moved.how, str(moved.date)) == (
            "99 U.S.C. § 12",
            "renumbered",
            "2018-08-13",
        )
        (reclassified,) = read.moved("98", "7")
        assert (reclassified.where, reclassified.how, reclassified.date) == (
            "99 U.S.C. § 12",
            "formerly",
            None,
        )
        assert read.moved("99", "1") == ()
        (repealed,) = read.lookup("99", "4")
        assert str(repealed.ended) == "2018-08-13"


def test_without_the_structure_file_subdivisions_are_not_known(tmp_path: Path) -> None:
    sections = _json_99(tmp_path)
    (tmp_path / "uscode_structure.jsonl.gz").unlink()
    index = build(sections)
    assert isinstance(index, UsCodeIndex)
    (live,) = index.lookup("99", "1")
    assert index.subdivisions(live) is None and index.moved("99", "2") == ()
