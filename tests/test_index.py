"""The shipped indexes: what they say of real sections, Code order, ranges, and the file format."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from citelink.checking.build_index import from_json
from citelink.documents.writing import write_file
from citelink.index import (
    CfrIndex,
    IndexFileError,
    Record,
    UsCodeIndex,
    cfr_index,
    decode_pins,
    encode_pins,
    order_key,
    release_point,
    sorted_labels,
    uscode_index,
)
from tests.conftest import SHARED

USCODE_JSON = SHARED / "data" / "uscode_sections.json.gz"
CFR_JSON = SHARED / "data" / "cfr08_sections.json.gz"


@pytest.mark.parametrize(
    ("title", "section", "heading"),
    [
        (
            "8",
            "1373",
            "Communication between government agencies and the Immigration and "
            "Naturalization Service",
        ),
        ("42", "1983", "Civil action for deprivation of rights"),
        ("18", "1001", "Statements or entries generally"),
        ("42", "2000e-2", "Unlawful employment practices"),
    ],
)
def test_active_sections_have_their_headings(title: str, section: str, heading: str) -> None:
    (record,) = uscode_index().lookup(title, section)
    assert record.active and record.status == "active"
    assert record.heading == heading


def test_a_section_inside_a_range_record_takes_its_status() -> None:
    (record,) = uscode_index().lookup("8", "8")
    assert record.section == "1 to 18" and record.is_range
    assert (record.status, record.status2) == ("repealed", "omitted")
    assert record.status_words == "repealed or omitted"
    assert record.status_line == "§§ 1 to 18 — Repealed or Omitted"
    # Both ends and the letters between them are covered, in Code order.
    for inside in ("1", "18", "8a"):
        assert uscode_index().lookup("8", inside) == (record,)
    assert uscode_index().lookup("8", "19") == ()
    (lettered,) = uscode_index().lookup("8", "106b")
    assert lettered.section == "106 to 106c"


def test_grouped_renumbered_and_duplicated_designations() -> None:
    index = uscode_index()
    (grouped,) = index.lookup("8", "31")
    assert grouped.group == "31, 32"
    assert grouped.status_line == "§§ 31, 32 — Transferred"
    (renumbered,) = index.lookup("5", "4706")
    assert renumbered.status == "renumbered" and renumbered.renumbered_to == "4705"
    twice = index.lookup("5", "5757")
    assert [r.dup for r in twice] == [1, 2]
    assert twice[0].heading != twice[1].heading


def test_what_does_not_exist() -> None:
    index = uscode_index()
    assert index.lookup("8", "99999") == ()
    assert not index.has_title("53")  # reserved
    assert not index.has_title("55")
    assert index.has_title("54") and index.has_title("1")
    assert index.lookup("53", "1") == ()


def test_lookups_ignore_case() -> None:
    (record,) = uscode_index().lookup("31", "5318a")
    assert record.section == "5318A"


def test_shipped_index_counts_and_release_point() -> None:
    index = uscode_index()
    assert index.release_point == "119-100" == release_point()
    assert index.count == 61186
    assert index.titles["8"] == "ALIENS AND NATIONALITY"


@pytest.mark.skipif(not USCODE_JSON.exists(), reason="../shared is not beside the checkout")
def test_shipped_index_is_the_shared_section_list(tmp_path: Path) -> None:
    """The package data is exactly what `citelink data build-index` makes of the shared list."""
    rebuilt = from_json(USCODE_JSON)
    assert isinstance(rebuilt, UsCodeIndex)
    assert sorted(rebuilt.records()) == sorted(uscode_index().records())
    write_file(tmp_path / "uscode.tsv.gz", rebuilt.encoded())
    shipped = Path(__file__).parents[1] / "src" / "citelink" / "data" / "uscode.tsv.gz"
    assert (tmp_path / "uscode.tsv.gz").read_bytes() == shipped.read_bytes()


@pytest.mark.parametrize(
    "ordered",
    [
        ["8", "8a", "8z", "8aa", "9"],
        ["1320a", "1320a-7", "1320a-7b", "1320a-8", "1320b"],
        ["99", "100", "1000"],
    ],
)
def test_code_order(ordered: list[str]) -> None:
    assert sorted(ordered, key=order_key) == ordered
    assert order_key("5318A") == order_key("5318a")


def _record(section: str, status: str = "active", heading: str = "Heading") -> Record:
    return Record("1", section, status, "", heading)


def test_an_exact_record_wins_over_the_range_around_it() -> None:
    index = UsCodeIndex(
        {"release_point": "x"},
        [_record("1 to 18", "repealed", "Repealed"), _record("5", heading="Kept")],
    )
    assert index.lookup("1", "5")[0].heading == "Kept"
    assert index.lookup("1", "6")[0].section == "1 to 18"


def test_dump_and_load_round_trip(tmp_path: Path) -> None:
    records = [
        _record("1"),
        _record("2 to 4", "repealed", "Repealed or Omitted")._replace(status2="omitted"),
        _record("5", "transferred", "Transferred")._replace(group="5, 6"),
        _record("7")._replace(title="2", dup=2),
    ]
    index = UsCodeIndex({"release_point": "1-1", "titles": {"1": "ONE"}}, records)
    path = tmp_path / "index.tsv.gz"
    write_file(path, index.encoded())
    again = UsCodeIndex.load(path)
    assert sorted(again.records()) == sorted(records)
    assert again.release_point == "1-1" and again.titles == {"1": "ONE"}


@pytest.mark.parametrize(
    "content",
    [
        b"not gzip at all",
        gzip.compress(b'{"format": "something-else"}\n'),
        gzip.compress(b'{"format": "citelink-uscode/1", "lines": [["1", 5]]}\n1\t1\tactive\tx\n'),
        gzip.compress(b"\xff\xfe"),
    ],
)
def test_a_bad_index_file_is_a_clear_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.tsv.gz"
    path.write_bytes(content)
    with pytest.raises(IndexFileError):
        UsCodeIndex.load(path)


def test_cfr_title_8() -> None:
    index = cfr_index()
    assert index.covered == frozenset({"8"})
    record = index.section("8", "214.2")
    assert record is not None and record.active and record.part == "214"
    reserved = index.section("8", "103.25")
    assert reserved is not None and reserved.status == "reserved"
    assert reserved.section == "103.20-103.36"
    assert index.section("8", "214.999") is None
    assert index.section("21", "101.9") is None
    assert index.part("8", "214") == ("214", "NONIMMIGRANT CLASSES")
    assert index.part("8", "242") == ("242-243", "PARTS 242-243 [RESERVED]")
    assert index.part("8", "9999") is None


@pytest.mark.skipif(not CFR_JSON.exists(), reason="../shared is not beside the checkout")
def test_shipped_cfr_index_is_the_shared_list(tmp_path: Path) -> None:
    rebuilt = from_json(CFR_JSON)
    assert isinstance(rebuilt, CfrIndex)
    write_file(tmp_path / "cfr.tsv.gz", rebuilt.encoded())
    assert CfrIndex.load(tmp_path / "cfr.tsv.gz").records == cfr_index().records
    assert len(cfr_index().records) == 971


@pytest.mark.parametrize(
    "paths",
    [
        [],
        ["a"],
        ["a", "a/1", "a/2", "a/3", "a/4", "a/5", "a/5/A", "a/5/B", "b", "c", "d"],
        ["g", "g/1", "g/10", "g/10/A", "g/2", "g/9", "h/i", "h/ii", "h/iii", "h/iv", "h"],
        ["a\u20131", "a\u20132", "aa", "bb", "cc", "dd", "z", "aa/I", "aa/II"],
    ],
)
def test_subdivisions_round_trip(paths: list[str]) -> None:
    encoded = encode_pins(paths)
    assert decode_pins(encoded) == frozenset(paths)
    assert encode_pins(sorted(paths, reverse=True)) == encoded  # one tree, one encoding


def test_runs_are_written_as_their_ends() -> None:
    assert encode_pins(["a", "b", "c", "d", "a/1", "a/2", "a/3"]) == "a(1-3),b-d"
    assert encode_pins([]) == "."


@pytest.mark.parametrize("bad", ["a-", "3-1", "a-3", "z-a"])
def test_a_broken_run_is_an_index_error(bad: str) -> None:
    with pytest.raises(IndexFileError):
        decode_pins(bad)


def test_labels_sort_in_code_order() -> None:
    assert sorted_labels(["10", "2", "1"]) == ["1", "2", "10"]
    assert sorted_labels(["v", "iv", "ii", "i", "iii"]) == ["i", "ii", "iii", "iv", "v"]
    assert sorted_labels(["i", "h", "j"]) == ["h", "i", "j"]  # letters, not numerals
    assert sorted_labels(["aa", "z", "a"]) == ["a", "z", "aa"]


def test_the_shipped_index_knows_every_live_section_s_subdivisions() -> None:
    index = uscode_index()
    (record,) = index.lookup("8", "1357")
    paths = index.subdivisions(record)
    assert paths is not None and "g/10" in paths and "z" not in paths
    (moved,) = index.moved("42", "1973")
    assert moved.where == "52 U.S.C. § 10301"
    assert "41" in index.restated
