"""Rebuilding the U.S. Code index from official USLM XML."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from citelink.checking.build_index import build
from citelink.checking.index import IndexFileError, UsCodeIndex, uscode_index
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
    index.dump(tmp_path / "out.tsv.gz")
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


@needs_uslm
def test_a_single_title_file() -> None:
    index = build(USLM / "usc27.xml")
    assert isinstance(index, UsCodeIndex)
    assert index.count == sum(1 for _ in index.records()) > 40
    assert index.lookup("8", "1373") == ()
