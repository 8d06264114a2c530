"""Executive orders and proclamations: their forms, sections, normal forms, ids and links."""

from __future__ import annotations

import pytest

import citelink
from citelink.sources.presidential import ExecutiveOrderCitation, ProclamationCitation

FR_EO = "https://www.federalregister.gov/executive-order/"


@pytest.mark.parametrize(
    ("text", "kind", "cited", "normalized", "id", "url"),
    [
        (
            "The agency relied on Exec. Order No. 13,771, 82 Fed. Reg. 9339 (Jan. 30, 2017).",
            "eo",
            "Exec. Order No. 13,771",
            "Exec. Order No. 13,771",
            "eo/13771",
            FR_EO + "13771",
        ),
        (
            "as E.O. 12988 requires",
            "eo",
            "E.O. 12988",
            "Exec. Order No. 12,988",
            "eo/12988",
            FR_EO + "12988",
        ),
        (
            "EO 13771 was revoked.",
            "eo",
            "EO 13771",
            "Exec. Order No. 13,771",
            "eo/13771",
            FR_EO + "13771",
        ),
        (
            "Executive Order 14184 of",
            "eo",
            "Executive Order 14184",
            "Exec. Order No. 14,184",
            "eo/14184",
            FR_EO + "14184",
        ),
        (
            "under Executive Order No. 12866,",
            "eo",
            "Executive Order No. 12866",
            "Exec. Order No. 12,866",
            "eo/12866",
            None,
        ),
        (
            "Exec. Order No. 9066 of 1942",
            "eo",
            "Exec. Order No. 9066",
            "Exec. Order No. 9066",
            "eo/9066",
            None,
        ),
        (
            "Proclamation 10141 ended it.",
            "proclamation",
            "Proclamation 10141",
            "Proclamation No. 10,141",
            "proclamation/10141",
            None,
        ),
        (
            "see Proclamation No. 9645;",
            "proclamation",
            "Proclamation No. 9645",
            "Proclamation No. 9645",
            "proclamation/9645",
            None,
        ),
        (
            "Presidential Proclamation 9645 suspended",
            "proclamation",
            "Presidential Proclamation 9645",
            "Proclamation No. 9645",
            "proclamation/9645",
            None,
        ),
    ],
)
def test_orders_and_proclamations(
    text: str, kind: str, cited: str, normalized: str, id: str, url: str | None
) -> None:
    (c,) = [c for c in citelink.find(text) if c.kind in ("eo", "proclamation")]
    assert (c.kind, c.text, text[c.start : c.end]) == (kind, cited, cited)
    assert (c.normalized, c.id) == (normalized, id)
    assert c.urls.get("federalregister") == url


def test_the_federal_register_citation_of_an_order_is_its_own() -> None:
    found = citelink.find("Exec. Order No. 13,771, 82 Fed. Reg. 9339 (Jan. 30, 2017)")
    assert [(c.kind, c.text) for c in found] == [
        ("eo", "Exec. Order No. 13,771"),
        ("fr", "82 Fed. Reg. 9339 (Jan. 30, 2017)"),
    ]


@pytest.mark.parametrize(
    ("text", "cited", "section", "pin", "normalized", "id"),
    [
        (
            "under section 3(a) of E.O. 12988, the",
            "section 3(a) of E.O. 12988",
            "3",
            ("a",),
            "Exec. Order No. 12,988, § 3(a)",
            "eo/12988/s3/a",
        ),
        (
            "E.O. 12866, § 6(a)(3) requires",
            "E.O. 12866, § 6(a)(3)",
            "6",
            ("a", "3"),
            "Exec. Order No. 12,866, § 6(a)(3)",
            "eo/12866/s6/a/3",
        ),
        (
            "E.O. 12988, sec. 3, and",
            "E.O. 12988, sec. 3",
            "3",
            (),
            "Exec. Order No. 12,988, § 3",
            "eo/12988/s3",
        ),
        (
            "Section 2 of Proclamation 9645 bars",
            "Section 2 of Proclamation 9645",
            "2",
            (),
            "Proclamation No. 9645, § 2",
            "proclamation/9645/s2",
        ),
    ],
)
def test_a_section_of_an_order_is_the_orders(
    text: str, cited: str, section: str, pin: tuple[str, ...], normalized: str, id: str
) -> None:
    (c,) = citelink.find(text)
    assert isinstance(c, ExecutiveOrderCitation)
    assert (c.text, c.section, c.pin) == (cited, section, pin)
    assert (c.normalized, c.id) == (normalized, id)


def test_the_codes_abbreviation_and_its_section() -> None:
    (c,) = citelink.find("which was revoked by Ex. Ord. No. 13993, \u202f§ 2, and")
    assert (c.kind, c.normalized, c.id) == ("eo", "Exec. Order No. 13,993, § 2", "eo/13993/s2")


def test_a_list_of_an_orders_sections() -> None:
    found = citelink.find("E.O. 12866, §§ 6(a)(3), 7 and")
    assert [c.id for c in found] == ["eo/12866/s6/a/3", "eo/12866/s7"]


def test_a_bare_section_after_an_order_is_not_the_orders() -> None:
    # the order is another body named since: the Code's chain ends, nothing is guessed
    found = citelink.find("8 U.S.C. § 1373; see E.O. 13768. Under § 1324, the")
    assert [(c.kind, c.id, c.unresolved_reason) for c in found] == [
        ("usc", "usc/8/1373", None),
        ("eo", "eo/13768", None),
        ("usc", None, "other-container"),
    ]


def test_proclamations_have_no_link() -> None:
    (c,) = citelink.find("Proclamation 10141")
    assert isinstance(c, ProclamationCitation)
    assert c.urls == {}


@pytest.mark.parametrize(
    "text",
    [
        "GEO 1234 and NEO 12345 are not orders",
        "EO 12 is too short a number, EO 123456 too long",
        "the Executive Order was signed; the Proclamation followed",
        "E.O. 12.5 and Proclamation 1234-5",
    ],
)
def test_not_orders(text: str) -> None:
    assert [c for c in citelink.find(text) if c.kind in ("eo", "proclamation")] == []
