"""Public and private laws: every form, the law's own sections, short forms and links."""

from __future__ import annotations

import pytest

import citelink
from citelink.sources.publaw import PrivateLawCitation, PublicLawCitation


def laws(text: str) -> list[tuple[str, str, str, str | None, str | None]]:
    """(kind, congress, number, division, section) of every law cited in ``text``."""
    found = [c for c in citelink.find(text) if isinstance(c, PublicLawCitation)]
    for c in found:
        assert text[c.start : c.end] == c.text
    return [(c.kind, c.congress, c.number, c.division, c.section) for c in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pub. L. No. 104-208", [("pl", "104", "208", None, None)]),
        ("Pub. L. 104–208", [("pl", "104", "208", None, None)]),
        ("Public Law 104-208", [("pl", "104", "208", None, None)]),
        ("Public   Law  96–164;", [("pl", "96", "164", None, None)]),
        ("Public Law No. 117-174", [("pl", "117", "174", None, None)]),
        ("Public Law Number 107-743", [("pl", "107", "743", None, None)]),
        ("Pub.L. 107-006", [("pl", "107", "6", None, None)]),
        ("Pub.L.No. 105-33, title XI", [("pl", "105", "33", None, None)]),
        ("(Pub L No 96-164; ", [("pl", "96", "164", None, None)]),
        ("(P.L. 111-80);", [("pl", "111", "80", None, None)]),
        ("(PL   111-83);", [("pl", "111", "83", None, None)]),
        ("Pvt. L. No. 112-1", [("pvtl", "112", "1", None, None)]),
        ("Pvt.L. 115-001", [("pvtl", "115", "1", None, None)]),
        ("Priv. L. 96–164;", [("pvtl", "96", "164", None, None)]),
        ("Private Law 115-1", [("pvtl", "115", "1", None, None)]),
        ("Pub. L. 104–208, div. C, title VI, § 642", [("pl", "104", "208", "C", "642")]),
        ("Pub. L. No. 111-148, § 1101", [("pl", "111", "148", None, "1101")]),
        ("section 642 of Public Law 104-208", [("pl", "104", "208", None, "642")]),
        ("(3) Section 4402(e) of PL 107–171 (relating", [("pl", "107", "171", None, "4402")]),
        ("section 23(a) of Pub. L. 99–653, set out", [("pl", "99", "653", None, "23")]),
        ("section 101 of division C of Public Law 104-208", [("pl", "104", "208", "C", "101")]),
        (
            "Pub. L. 105–33, title V, §§ 5302(c)(1), 5306(c), Aug. 5, 1997",
            [("pl", "105", "33", None, "5302"), ("pl", "105", "33", None, "5306")],
        ),
    ],
)
def test_forms(text: str, expected: list[tuple[str, ...]]) -> None:
    assert laws(text) == expected


def test_the_law_claims_its_own_sections() -> None:
    """Not "8 U.S.C. § 1102(1)": the known problem of the title-8 text."""
    text = "8 U.S.C. 1101; Pub. L. 107–296, § 1102(1), Nov. 25, 2002."
    found = citelink.find(text, this_title="8")
    assert [(c.kind, c.text, c.normalized) for c in found] == [
        ("usc", "8 U.S.C. 1101", "8 U.S.C. § 1101"),
        ("pl", "Pub. L. 107–296, § 1102(1)", "Pub. L. No. 107-296, § 1102(1)"),
    ]


def test_further_sections_and_titles_of_the_same_law() -> None:
    text = (
        "(Pub. L. 104–208, div. C, title I, §§ 122(a), 124(a)(1), title III, §§ 308(e)(1)(E), 384, "
        "Sept. 30, 1996; Pub. L. 100–525, § 2(a)(1)(B), § 9(jj), Oct. 24, 1988; "
        "Pub. L. 106–554, § 1(a)(4) [div. B, title XV, § 1505(a)(2)], Dec. 21, 2000)"
    )
    found = [c for c in citelink.find(text) if isinstance(c, PublicLawCitation)]
    assert [(c.number, c.division, c.title, c.section, c.pin) for c in found] == [
        ("208", "C", "I", "122", ("a",)),
        ("208", "C", "I", "124", ("a", "1")),
        ("208", "C", "III", "308", ("e", "1", "E")),
        ("208", "C", "III", "384", ()),
        ("525", None, None, "2", ("a", "1", "B")),
        ("525", None, None, "9", ("jj",)),
        ("554", None, None, "1", ("a", "4")),
        ("554", "B", "XV", "1505", ("a", "2")),
    ]


def test_a_bare_section_after_a_law_is_not_the_laws() -> None:
    """In amendment notes it is quoted Code text; "Id." and ", § 9" are the law's."""
    text = (
        "8 U.S.C. § 1373. Pub. L. 104–208, § 308(g)(5)(A)(i), substituted “section 1229a” "
        "for “section 1252”. Pub. L. 104–208, § 308. Id. § 309."
    )
    found = citelink.find(text)
    assert [c.normalized for c in found] == [
        "8 U.S.C. § 1373",
        "Pub. L. No. 104-208, § 308(g)(5)(A)(i)",
        "8 U.S.C. § 1229a",
        "8 U.S.C. § 1252",
        "Pub. L. No. 104-208, § 308",
        "Pub. L. No. 104-208, § 309",
    ]
    assert found[-1].short and found[-1].antecedent is found[-2]


def test_a_whole_law_leaves_short_forms_to_the_code() -> None:
    found = citelink.find("8 U.S.C. § 1101, as amended by Pub. L. 104-208. See § 1373.")
    assert [c.normalized for c in found] == [
        "8 U.S.C. § 1101",
        "Pub. L. No. 104-208",
        "8 U.S.C. § 1373",
    ]


def test_id_at_a_subsection_of_a_whole_law_is_not_a_citation() -> None:
    found = citelink.find("Pub. L. 104-208. Id. at (b)")
    assert [c.id for c in found] == ["pl/104/208"]


def test_private_law_short_forms() -> None:
    found = citelink.find("Pvt. L. No. 112-1, § 1. Id. § 2.")
    assert [(type(c), c.normalized) for c in found] == [
        (PrivateLawCitation, "Priv. L. No. 112-1, § 1"),
        (PrivateLawCitation, "Priv. L. No. 112-1, § 2"),
    ]


@pytest.mark.parametrize(
    ("text", "normalized", "id", "govinfo"),
    [
        (
            "Pub. L. 104–208, div. C, title VI, § 642(a)",
            "Pub. L. No. 104-208, div. C, tit. VI, § 642(a)",
            "pl/104/208/dC/s642/a",
            "https://www.govinfo.gov/link/plaw/104/public/208?link-type=html",
        ),
        (
            "Pub. L. 104–208, div. C, title III",
            "Pub. L. No. 104-208, div. C, tit. III",
            "pl/104/208/dC/tIII",
            "https://www.govinfo.gov/link/plaw/104/public/208?link-type=html",
        ),
        (
            "Private Law 115-1",
            "Priv. L. No. 115-1",
            "pvtl/115/1",
            "https://www.govinfo.gov/link/plaw/115/private/1?link-type=html",
        ),
        ("Pub. L. 99–603", "Pub. L. No. 99-603", "pl/99/603", None),  # before the collection
    ],
)
def test_normal_form_id_and_links(text: str, normalized: str, id: str, govinfo: str | None) -> None:
    (c,) = citelink.find(text, resolvers=["govinfo"])
    assert (c.normalized, c.id, c.url) == (normalized, id, govinfo)


@pytest.mark.parametrize(
    ("text", "congress"),
    [
        (
            "Pub. L. 104–191, § 264",
            "https://www.congress.gov/104/plaws/publ191/PLAW-104publ191.htm",
        ),
        ("Public Law 117-58", "https://www.congress.gov/117/plaws/publ58/PLAW-117publ58.htm"),
        ("Pub. L. 99–603", None),  # before Congress.gov's collection
        ("Private Law 115-1", None),  # private laws are not linked there
    ],
)
def test_congress_gov_links(text: str, congress: str | None) -> None:
    (c,) = citelink.find(text, resolvers=["congress"])
    assert c.url == congress


def test_the_default_chain_prefers_govinfo_and_lists_congress_gov() -> None:
    (c,) = citelink.find("Pub. L. 107-40")
    assert c.url == "https://www.govinfo.gov/link/plaw/107/public/40?link-type=html"
    assert list(c.urls) == ["govinfo", "congress"]


def test_not_citations() -> None:
    assert citelink.find("Public Health Service; PLAN 9; APL 12-3; the public law") == []
