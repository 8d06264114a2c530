"""The U.S. Constitution: articles, amendments by number and by name, short forms, links."""

from __future__ import annotations

import pytest

import citelink
from citelink.sources.constitution import ConstitutionCitation


def const(text: str) -> list[tuple[str | None, str | None, str | None, str | None]]:
    found = [c for c in citelink.find(text) if isinstance(c, ConstitutionCitation)]
    for c in found:
        assert text[c.start : c.end] == c.text
    return [(c.article, c.amendment, c.section, c.clause) for c in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("U.S. Const. art. I, § 8, cl. 1", [("1", None, "8", "1")]),
        ("U.S. CONST., art. I, ¶ 8, cl. 17", [("1", None, "8", "17")]),
        ("U.S. CONST., art. VI, cl. 2", [("6", None, None, "2")]),
        ("U. S. Const. Amend. IV", [(None, "4", None, None)]),
        ("U.S. Const. amend. XIV, § 1", [(None, "14", "1", None)]),
        ("U. S. Const., Art. I, § 8, cl. 18", [("1", None, "8", "18")]),
        ("U.S. Constitution Art. III § 2, cl. 1", [("3", None, "2", "1")]),
        ("U.S. Const. Art. I", [("1", None, None, None)]),
        ("Article I of the U.S. Constitution", [("1", None, None, None)]),
        ("Article III, Section 2 of the U.S. Constitution", [("3", None, "2", None)]),
        (
            "Article I, Section 8, Clause 3 of the United States Constitution",
            [("1", None, "8", "3")],
        ),
        ("the Fourteenth Amendment", [(None, "14", None, None)]),
        ("the 14th Amendment", [(None, "14", None, None)]),
        ("the Twenty-first Amendment", [(None, "21", None, None)]),
        ("Amendment XIV", [(None, "14", None, None)]),
        ("The First Amendment to the U.S. Constitution", [(None, "1", None, None)]),
        ("Section 5 of the Fourteenth Amendment", [(None, "14", "5", None)]),
        (
            "The Fourteenth Amendment to the U.S. Constitution. Amdt. XIV § 3",
            [(None, "14", None, None), (None, "14", "3", None)],
        ),
        (
            "U.S. Constitution Art. III § 2, cl. 1. Id. at cl. 2",
            [("3", None, "2", "1"), ("3", None, "2", "2")],
        ),
        ("U.S. Const. art. I, § 8. Id. § 9", [("1", None, "8", None), ("1", None, "9", None)]),
    ],
)
def test_forms(text: str, expected: list[tuple[str | None, ...]]) -> None:
    assert const(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Cal. Const. art. I, § 7",
        "the First Amendment to the Ohio Constitution",
        "Effective Date of 1996 Amendment",
        "Amendment by Pub. L. 104-208",
        "U.S. Const. art. IX",  # there are seven articles
        "the Thirtieth Amendment",
        "Amdt. XIV § 3",  # an abbreviation counts only right after the Constitution
        "the U.S. Constitution",
    ],
)
def test_not_citations(text: str) -> None:
    assert const(text) == []


def test_a_constitutional_citation_does_not_break_a_chain_of_short_forms() -> None:
    found = citelink.find("8 U.S. Code 8 ... raised Fourth Amendment issues ... § 1373")
    assert [c.normalized for c in found] == [
        "8 U.S.C. § 8",
        "U.S. Const. amend. IV",
        "8 U.S.C. § 1373",
    ]


def test_id_at_a_page_is_not_the_constitutions() -> None:
    assert const("U.S. Const. art. I, § 8. Id. at 5") == [("1", None, "8", None)]


@pytest.mark.parametrize(
    ("text", "normalized", "id", "annotated", "lii"),
    [
        (
            "U.S. Const. art. I, § 8, cl. 1",
            "U.S. Const. art. I, § 8, cl. 1",
            "usconst/article-1/section-8/clause-1",
            "https://constitution.congress.gov/browse/article-1/section-8/clause-1/",
            "https://www.law.cornell.edu/constitution/articlei",
        ),
        (
            "U.S. CONST., art. VI, cl. 2",
            "U.S. Const. art. VI, cl. 2",
            "usconst/article-6/clause-2",
            "https://constitution.congress.gov/browse/article-6/clause-2/",
            "https://www.law.cornell.edu/constitution/articlevi",
        ),
        (
            "U.S. Const. amend. XIV, § 1",
            "U.S. Const. amend. XIV, § 1",
            "usconst/amendment-14/section-1",
            "https://constitution.congress.gov/browse/amendment-14/section-1/",
            "https://www.law.cornell.edu/constitution/amendmentxiv",
        ),
        (
            "the Fifth Amendment",
            "U.S. Const. amend. V",
            "usconst/amendment-5",
            "https://constitution.congress.gov/browse/amendment-5/",
            "https://www.law.cornell.edu/constitution/fifth_amendment",
        ),
    ],
)
def test_normal_form_id_and_links(
    text: str, normalized: str, id: str, annotated: str, lii: str
) -> None:
    (c,) = citelink.find(text, resolvers=["constitution", "lii"])
    assert (c.normalized, c.id) == (normalized, id)
    assert c.urls == {"constitution": annotated, "lii": lii}
