"""The form of U.S. Code citations, unit by unit."""

from __future__ import annotations

import pytest

from citelink.checking.findings import Document
from citelink.checking.style import list_goes_on, note_base, style_findings
from citelink.finder import Finder

FINDER = Finder(resolve=False)


def _style(text: str, style: str = "bluebook") -> list[str | None]:
    citations = FINDER.find(text)
    return [f.suggestion for f in style_findings(Document(text), citations, style)]


@pytest.mark.parametrize(
    ("text", "bluebook", "gpo"),
    [
        ("8 USC 1373", "8 U.S.C. § 1373", "8 U.S.C. 1373"),
        ("8 U.S.C. § 1373", None, None),
        ("8 U.S.C. 1373", "8 U.S.C. § 1373", None),
        ("29 U.S.C. 651nt", "29 U.S.C. § 651 note", "29 U.S.C. 651 note"),
    ],
)
def test_one_citation_in_each_style(text: str, bluebook: str | None, gpo: str | None) -> None:
    assert _style(text) == ([bluebook] if bluebook else [])
    assert _style(text, "gpo") == ([gpo] if gpo else [])


@pytest.mark.parametrize(
    ("text", "goes_on"),
    [
        ("7 U.S.C. 450, 7701", True),
        ("21 U.S.C. 136 and 136a", True),
        ("8 USC 1373 and 42 U.S.C. 1983", False),
        ("8 U.S.C. 1373 (2018)", False),
    ],
)
def test_a_list_the_finder_did_not_join(text: str, goes_on: bool) -> None:
    first = FINDER.find(text)[0]
    assert list_goes_on(text, first.end) is goes_on


def test_note_base() -> None:
    assert (note_base("651nt"), note_base("1101NT"), note_base("nt"), note_base("651")) == (
        "651",
        "1101",
        None,
        None,
    )
