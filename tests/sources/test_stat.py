"""The Statutes at Large: suffixed pages, page ranges, pin pages, links."""

from __future__ import annotations

import pytest

import citelink
from citelink.sources.stat import StatutesAtLargeCitation


def stat(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    found = [c for c in citelink.find(text) if isinstance(c, StatutesAtLargeCitation)]
    for c in found:
        assert text[c.start : c.end] == c.text
    return [(c.volume, c.page, c.pin) for c in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("110 Stat. 3009", [("110", "3009", ())]),
        ("110 Stat. 3009-546", [("110", "3009-546", ())]),
        ("Sept. 30, 1996, 110 Stat. 3009–707.)", [("110", "3009-707", ())]),
        ("Oct. 21, 1998, 112 Stat. 2681–480, 2681–541.)", [("112", "2681-480", ("2681-541",))]),
        ("Nov. 29, 1999, 113 Stat. 1536, 1501A–468.)", [("113", "1536", ("1501A-468",))]),
        (
            "Nov. 29, 1990, 104 Stat. 4995, 5004, 5018–5020; Pub. L.",
            [("104", "4995", ("5004", "5018–5020"))],
        ),
        (
            "110 Stat. 3009–649, 3009–666 to 3009–669; Pub. L.",
            [("110", "3009-649", ("3009-666–3009-669",))],
        ),
        ("Nov. 19, 1997, 111 Stat. 2196–2199, 2201;", [("111", "2196", ("2196–2199", "2201"))]),
        ("(66 Stat. 163)", [("66", "163", ())]),
        ("118 Stat 3910", [("118", "3910", ())]),
        ("Mar. 3, 1887, 24 Stat. 501, ch. 355", [("24", "501", ())]),
        ("66 Stat. 163, 8 U.S.C. 1101", [("66", "163", ())]),
        ("Fla. Stat. § 120.68 (2007)", []),
        ("Wis. Stat. § 655.002(2)(c)", []),
    ],
)
def test_forms(text: str, expected: list[tuple[str, str, tuple[str, ...]]]) -> None:
    assert stat(text) == expected


@pytest.mark.parametrize(
    ("text", "normalized", "id", "govinfo"),
    [
        (
            "110 Stat. 3009",
            "110 Stat. 3009",
            "stat/110/3009",
            "https://www.govinfo.gov/link/statute/110/3009",
        ),
        (
            "110 Stat. 3009–546, 3009–550",
            "110 Stat. 3009-546, 3009-550",
            "stat/110/3009-546",
            "https://www.govinfo.gov/link/statute/110/3009",
        ),
        (
            "110 Stat. 3009–546, 3009–550 to 3009–552",
            "110 Stat. 3009-546, 3009-550 to 3009-552",
            "stat/110/3009-546",
            "https://www.govinfo.gov/link/statute/110/3009",
        ),
        (
            "104 Stat. 4978, 5018–5020",
            "104 Stat. 4978, 5018–5020",
            "stat/104/4978",
            "https://www.govinfo.gov/link/statute/104/4978",
        ),
        (
            "113 Stat. 1501A–468",
            "113 Stat. 1501A-468",
            "stat/113/1501A-468",
            "https://www.govinfo.gov/link/statute/113/1501",
        ),
        ("1 Stat. 2", "1 Stat. 2", "stat/1/2", "https://www.govinfo.gov/link/statute/1/2"),
        ("139 Stat. 364", "139 Stat. 364", "stat/139/364", None),  # after GPO's collection
    ],
)
def test_normal_form_id_and_links(text: str, normalized: str, id: str, govinfo: str | None) -> None:
    (c,) = citelink.find(text, resolvers=["govinfo"])
    assert (c.normalized, c.id, c.url) == (normalized, id, govinfo)


def test_the_normal_form_reads_back_as_the_same_citation() -> None:
    for text in ("110 Stat. 3009–546, 3009–550 to 3009–552", "104 Stat. 4978, 4995–4997"):
        (c,) = citelink.find(text)
        (again,) = citelink.find(c.normalized)
        assert (again.text, again.id, again.pin) == (c.normalized, c.id, c.pin)


def test_a_page_of_the_statutes_does_not_break_a_chain_of_short_forms() -> None:
    found = citelink.find("8 U.S.C. § 1101 (66 Stat. 163); § 1182 too.")
    assert [c.normalized for c in found] == ["8 U.S.C. § 1101", "66 Stat. 163", "8 U.S.C. § 1182"]
