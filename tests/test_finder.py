"""The finder's machinery: merged trigger searches, lazy triggers, hooks and prescanned hits."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pytest

import citelink
from citelink import Finder
from citelink.finder import _literal_prefix, _scans
from citelink.models import Citation, fast_init
from citelink.scanner import Handler, Scan, Source, Trigger
from citelink.sources import SOURCES, usc

from .conftest import FIXTURES


def test_literal_prefix() -> None:
    assert _literal_prefix(r"sec\.(?<!x)\s*\d") == [("s", 1), ("e", 2), ("c", 3), (".", 5)]
    assert _literal_prefix(r"Pub\.?\s?L") == [("P", 1), ("u", 2), ("b", 3)]
    assert _literal_prefix(r"§§?\s*\d") == [("§", 1)]
    assert _literal_prefix(r"\d+") == []


def test_searches_share_the_literal_text_of_their_patterns() -> None:
    def handler(scan: Scan, start: int, end: int) -> int | None:
        return None

    (scan,) = _scans([Trigger((r"section\s\d", r"sec\.\s\d"), handler)])
    pattern, handlers = scan
    assert pattern.pattern.startswith("sec(?:")
    assert [m.group() for m in pattern.finditer("section 5, sec. 6, secret 7")] == [
        "section 5",
        "sec. 6",
    ]
    assert handlers[1:] == [handler, handler]


@pytest.mark.parametrize("pattern", [r"P?ub", r"(Pub)", r"\dPub", r"[Pp]ub"])
def test_a_trigger_must_start_with_a_literal_and_have_no_groups(pattern: str) -> None:
    with pytest.raises(ValueError, match="literal"):
        _scans([Trigger((pattern,), lambda scan, start, end: None)])


class _Notes(Source):
    """A toy source: "Note 5" cites note 5; "note 6" is a short form after one."""

    kind = "note"

    def __init__(self) -> None:
        self.searched = 0
        self.triggers = (
            Trigger((r"Note\s\d",), self._full),
            Trigger((r"note\s\d",), self._short, lazy=True),
        )

    def _full(self, scan: Scan, start: int, end: int) -> int:
        scan.add(_Note(text=scan.text[start:end], start=start, end=end))
        return end

    def _short(self, scan: Scan, start: int, end: int) -> int:
        scan.add(_Note(text=scan.text[start:end], start=start, end=end, short=True))
        return end


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class _Note(Citation):
    kind = "note"

    @property
    def normalized(self) -> str:
        return self.text

    @property
    def id(self) -> str:
        return self.text.lower()


def test_lazy_triggers_are_searched_only_where_their_source_has_hits() -> None:
    finder = Finder(sources=(_Notes(),), resolve=False)
    assert finder.find("a note 6 alone") == []
    assert [c.text for c in finder.find("Note 5, then note 6")] == ["Note 5", "note 6"]


class _Tagged(Source):
    """A toy source whose hits come from elsewhere, like case law from eyecite."""

    kind = "tag"

    def prescan(self, scan: Scan) -> Iterable[tuple[int, int, Handler]]:
        for found in re.finditer(r"<\w+>", scan.text):

            def record(scan: Scan, start: int, end: int) -> int:
                scan.add(_Note(text=scan.text[start:end], start=start, end=end))
                return end

            yield found.start(), found.end(), record


def test_prescanned_hits_join_the_others_in_text_order_when_asked() -> None:
    finder = Finder(sources=(*SOURCES, _Tagged()), resolve=False)
    text = "<a> 8 U.S.C. § 1373 <b> § 1374"
    assert [c.text for c in finder.find(text)] == ["8 U.S.C. § 1373", "§ 1374"]
    found = finder.find(text, cases=True)
    assert [c.text for c in found] == ["<a>", "8 U.S.C. § 1373", "<b>", "§ 1374"]
    # The tag ends the chain of short forms: "§ 1374" has no title to take.
    assert found[-1].id is None


def test_a_hit_inside_an_earlier_citation_is_skipped() -> None:
    finder = Finder(sources=(*SOURCES, _Tagged()), resolve=False)
    found = finder.find("8 U.S.C. §<x> 1373", cases=True)
    assert [c.text for c in found] == ["<x>"]


class _Words(Source):
    """A toy source that cites a word its trigger matched, unless ``refuses`` is in it."""

    def __init__(self, kind: str, pattern: str, refuses: str = "") -> None:
        self.kind = kind
        self.refuses = refuses
        self.triggers = (Trigger((pattern,), self._word),)

    def _word(self, scan: Scan, start: int, end: int) -> int | None:
        if self.refuses and self.refuses in scan.text[start:end]:
            return None
        scan.add(_Note(text=scan.text[start:end], start=start, end=end))
        return end


def test_a_declined_trigger_goes_to_each_other_source_that_matches_there_in_turn() -> None:
    # All three match "Numb"; one search reports the first source's trigger only.
    first = _Words("first", r"Numb\w*", refuses="Numbers")
    second = _Words("second", r"Number\w*", refuses="Numbers")
    third = _Words("third", r"Numbe\w*")
    finder = Finder(sources=(first, second, third), resolve=False)
    found = finder.find("Numb, Number, Numbers, Numbx")
    assert [(c.text, c.start) for c in found] == [
        ("Numb", 0),
        ("Number", 6),
        ("Numbers", 14),  # the first two decline it; the third takes it
        ("Numbx", 23),
    ]


def test_find_with_cases_needs_eyecite_only_then() -> None:
    pytest.importorskip("eyecite")
    assert [c.kind for c in citelink.find("8 U.S.C. § 1373; 477 U.S. 561", cases=True)] == [
        "usc",
        "case",
    ]


def test_usc_source_alone_still_works() -> None:
    finder = Finder(sources=(usc.SOURCE,), resolve=False)
    assert [c.normalized for c in finder.find("Pub. L. 104–208; 8 U.S.C. § 1373; § 1374")] == [
        "8 U.S.C. § 1373",
        "8 U.S.C. § 1374",
    ]


def test_a_brief_citing_all_of_federal_law_and_cases() -> None:
    pytest.importorskip("eyecite")
    text = (FIXTURES / "federal_brief.txt").read_text(encoding="utf-8")
    found = citelink.find(text, cases=True)
    for c in found:
        assert text[c.start : c.end] == c.text
    assert [c.kind for c in found] == [
        "pl", "stat", "usc", "act", "act", "usc", "fr", "cfr", "cfr", "cfr", "const", "const",
        "const", "usc", "rule", "case", "rule", "case", "case", "case", "act", "cfr", "act",
        "pvtl",
    ]  # fmt: skip
    normalized = [c.normalized for c in found]
    assert "8 U.S.C. § 1357(g)(10)" in normalized  # past the regulations and the Constitution
    assert "8 C.F.R. § 287.7(d)" in normalized  # "id. at (d)"
    assert "567 U.S. 387, 410" in normalized  # "Id. at 410" after Arizona
    assert "I.R.C. § 509(a)" in normalized  # past the Treasury regulation
    assert all(c.resolved for c in found)
