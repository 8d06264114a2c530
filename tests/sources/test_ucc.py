"""The Uniform Commercial Code: sections, articles, lists, qualifiers, short forms, LII links."""

from __future__ import annotations

import pytest

import citelink
from citelink.sources.ucc import UccCitation


def ucc(text: str) -> list[tuple[str, str | None, tuple[str, ...], str | None]]:
    found = [c for c in citelink.find(text) if isinstance(c, UccCitation)]
    for c in found:
        assert text[c.start : c.end] == c.text
    return [(c.article, c.section, c.pin, c.range_end) for c in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UCC 2-104.", [("2", "2-104", (), None)]),
        ("U.C.C. § 2-207(2)", [("2", "2-207", ("2",), None)]),
        ("U. C. C. § 1-201(b)(9)", [("1", "1-201", ("b", "9"), None)]),
        ("UCC § 2-314", [("2", "2-314", (), None)]),
        ("Uniform Commercial Code section 9-109", [("9", "9-109", (), None)]),
        ("U.C.C. § 4A-202", [("4A", "4A-202", (), None)]),
        ("UCC § 2A‑103", [("2A", "2A-103", (), None)]),  # a non-breaking hyphen
        ("U.C.C. §§ 2-313, 2-314", [("2", "2-313", (), None), ("2", "2-314", (), None)]),
        (
            "U.C.C. §§ 2-314 to 2-316",
            [("2", "2-314", (), "2-316"), ("2", "2-316", (), None)],
        ),
        (
            "U.C.C. §§ 2-314–2-316",
            [("2", "2-314", (), "2-316"), ("2", "2-316", (), None)],
        ),
        ("U.C.C. art. 2", [("2", None, (), None)]),
        ("UCC Article 9", [("9", None, (), None)]),
        ("section 2-207 of the Uniform Commercial Code", [("2", "2-207", (), None)]),
        ("§ 2-302 of the U.C.C.", [("2", "2-302", (), None)]),
        (
            "U.C.C. § 2-104. Then § 2-105 and Id. § 2-106. Id. at (b).",
            [
                ("2", "2-104", (), None),
                ("2", "2-105", (), None),
                ("2", "2-106", (), None),
                ("2", "2-106", ("b",), None),
            ],
        ),
    ],
)
def test_forms(
    text: str, expected: list[tuple[str, str | None, tuple[str, ...], str | None]]
) -> None:
    assert ucc(text) == expected


@pytest.mark.parametrize(
    "text",
    ["UCC filing", "the UCC-1 form", "UCC 2014", "U.C.C. § 12-345", "ucc 2-104", "UCCs 2-104"],
)
def test_not_citations(text: str) -> None:
    assert ucc(text) == []


def test_id_after_an_article_is_the_article() -> None:
    found = citelink.find("U.C.C. art. 9. Id. And Id. at (b)")
    # "Id." is the article again; an article has no subsection (b), so that is not reported.
    assert [(c.text, c.id, c.normalized) for c in found] == [
        ("U.C.C. art. 9", "ucc/art-9", "U.C.C. art. 9"),
        ("Id.", "ucc/art-9", "U.C.C. art. 9"),
    ]


def test_short_forms_go_back_to_the_us_code_for_its_numbers() -> None:
    found = citelink.find("8 U.S.C. § 1101; UCC § 2-104; § 1373")
    assert [(c.kind, c.normalized) for c in found] == [
        ("usc", "8 U.S.C. § 1101"),
        ("ucc", "U.C.C. § 2-104"),
        ("usc", "8 U.S.C. § 1373"),
    ]


@pytest.mark.parametrize(
    ("text", "normalized", "id", "lii"),
    [
        (
            "UCC 2-207(2)",
            "U.C.C. § 2-207(2)",
            "ucc/2-207/2",
            "https://www.law.cornell.edu/ucc/2/2-207",
        ),
        (
            "U.C.C. § 4A-202",
            "U.C.C. § 4A-202",
            "ucc/4A-202",
            "https://www.law.cornell.edu/ucc/4A/4A-202",
        ),
        ("UCC Article 9", "U.C.C. art. 9", "ucc/art-9", "https://www.law.cornell.edu/ucc/9"),
        (
            "U.C.C. §§ 2-314–2-316",
            "U.C.C. §§ 2-314 to 2-316",
            "ucc/2-314",
            "https://www.law.cornell.edu/ucc/2/2-314",
        ),
    ],
)
def test_normal_form_id_and_link(text: str, normalized: str, id: str, lii: str) -> None:
    first = citelink.find(text, resolvers=["lii"])[0]
    assert (first.normalized, first.id, first.url) == (normalized, id, lii)
    assert citelink.find(text)[0].url == lii  # LII is the default chain's only resolver


def test_json_fields() -> None:
    (found,) = citelink.find("U.C.C. § 2-207(2)")
    record = found.to_dict()
    assert (record["kind"], record["article"], record["section"], record["pin"]) == (
        "ucc",
        "2",
        "2-207",
        ["2"],
    )
