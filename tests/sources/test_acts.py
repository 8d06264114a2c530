"""Named acts: the INA and the Internal Revenue Code mapped to the Code, other acts recognized."""

from __future__ import annotations

import pytest

import citelink
from citelink.sources.acts import ACTS, ActCitation


def acts(text: str) -> list[tuple[str, str, tuple[str, ...], str | None, str | None]]:
    found = [c for c in citelink.find(text) if isinstance(c, ActCitation)]
    for c in found:
        assert text[c.start : c.end] == c.text
    return [(c.act, c.section, c.pin, c.title, c.code_section) for c in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("INA § 287(g)", [("INA", "287", ("g",), "8", "1357")]),
        ("INA section 287(g)", [("INA", "287", ("g",), "8", "1357")]),
        ("I.N.A. § 212(a)(9)(B)", [("INA", "212", ("a", "9", "B"), "8", "1182")]),
        (
            "Immigration and Nationality Act § 101(a)(15)",
            [("INA", "101", ("a", "15"), "8", "1101")],
        ),
        ("INA § 274A", [("INA", "274A", (), "8", "1324a")]),
        (
            "section 287(g) of the Immigration and Nationality Act",
            [("INA", "287", ("g",), "8", "1357")],
        ),
        ("section 237(a)(2) of the INA", [("INA", "237", ("a", "2"), "8", "1227")]),
        (
            "INA § 101(11). § 237(c)",
            [("INA", "101", ("11",), "8", "1101"), ("INA", "237", ("c",), "8", "1227")],
        ),
        ("IRC § 501(c)(3)", [("IRC", "501", ("c", "3"), "26", "501")]),
        ("I.R.C. § 61", [("IRC", "61", (), "26", "61")]),
        (
            "section 501(c)(3) of the Internal Revenue Code of 1986",
            [("IRC", "501", ("c", "3"), "26", "501")],
        ),
        ("IRC § 671. § 673", [("IRC", "671", (), "26", "671"), ("IRC", "673", (), "26", "673")]),
        (
            "NLRA § 8(b)(4). § 7",
            [("NLRA", "8", ("b", "4"), "29", "158"), ("NLRA", "7", (), "29", "157")],
        ),
        (
            "CAA § 171(2). Id. at (3)(A)",
            [("CAA", "171", ("2",), "42", "7501"), ("CAA", "171", ("3", "A"), "42", "7501")],
        ),
        ("section 404 of the Clean Water Act", [("CWA", "404", (), "33", "1344")]),
        # The INA cited as the source credits cite it, by date and chapter.
        (
            "(June 27, 1952, ch. 477, title II, ch. 9, §287, 66 Stat. 233;",
            [("INA", "287", (), "8", "1357")],
        ),
    ],
)
def test_forms(text: str, expected: list[tuple[str | None, ...]]) -> None:
    assert acts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "section 2 of the ADA Amendments Act of 2008",  # another act
        "section 212 of such Act",
        "DATA § 5",  # a word that ends like a name
        "(Mar. 2, 1931, ch. 368, § 1, 46 Stat. 1467;",  # another act of another day
    ],
)
def test_not_named_acts(text: str) -> None:
    assert acts(text) == []


def test_ina_sections_map_to_title_8_through_the_derived_table() -> None:
    table = ACTS["ina"].table
    assert table is not None
    assert {s: table[s] for s in ("101", "208", "212", "237", "274A", "287")} == {
        "101": "1101",
        "208": "1158",
        "212": "1182",
        "237": "1227",
        "274A": "1324a",
        "287": "1357",
    }
    assert acts("INA § 999") == [
        ("INA", "999", (), None, None)
    ]  # not in the table: no Code section


@pytest.mark.parametrize(
    ("text", "normalized", "id", "lii", "uscode"),
    [
        (
            "INA § 287(g)(1)",
            "Immigration and Nationality Act § 287(g)(1), 8 U.S.C. § 1357(g)(1)",
            "act/ina/287/g/1",
            "https://www.law.cornell.edu/uscode/text/8/1357#g_1",
            "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title8-section1357"
            "&num=0&edition=prelim",
        ),
        (
            "IRC § 501(c)(3)",
            "I.R.C. § 501(c)(3)",
            "act/irc/501/c/3",
            "https://www.law.cornell.edu/uscode/text/26/501#c_3",
            "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title26-section501"
            "&num=0&edition=prelim",
        ),
    ],
)
def test_normal_form_id_and_links(
    text: str, normalized: str, id: str, lii: str, uscode: str
) -> None:
    (c,) = citelink.find(text, resolvers=["lii", "uscode"])
    assert (c.normalized, c.id) == (normalized, id)
    assert c.urls == {"lii": lii, "uscode": uscode}


def test_no_link_without_a_code_section() -> None:
    (c,) = citelink.find("NLRA § 88(b)", resolvers=["lii", "uscode"])
    assert (c.normalized, c.id, c.url, c.unmapped_reason) == (
        "National Labor Relations Act § 88(b)",
        "act/nlra/88/b",
        None,
        "not-classified",
    )


def test_a_section_the_ina_does_not_have_is_not_its_short_form() -> None:
    found = citelink.find("INA § 203(a). § 204(b). § 1153 here.")
    assert [(c.kind, c.normalized, c.resolved) for c in found] == [
        ("act", "Immigration and Nationality Act § 203(a), 8 U.S.C. § 1153(a)", True),
        ("act", "Immigration and Nationality Act § 204(b), 8 U.S.C. § 1154(b)", True),
        ("usc", "§ 1153", False),  # unresolved rather than guessed
    ]


def test_a_source_credit_does_not_anchor_short_forms() -> None:
    text = "8 U.S.C. § 1101. (June 27, 1952, ch. 477, title II, ch. 9, §287, 66 Stat. 233.) § 1358."
    found = citelink.find(text)
    assert [c.normalized for c in found] == [
        "8 U.S.C. § 1101",
        "Immigration and Nationality Act § 287, 8 U.S.C. § 1357",
        "66 Stat. 233",
        "8 U.S.C. § 1358",
    ]
    assert found[1].by_chapter
