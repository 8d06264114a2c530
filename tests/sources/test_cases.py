"""Case law through eyecite, in the same pass as the statutes."""

from __future__ import annotations

import pytest

import citelink
from citelink.sources.cases import CaseCitation, slugify

pytest.importorskip("eyecite")

RIVERSIDE = (
    "Fees, 42 USC § 1988(b), and expert fees, id. at (c). See Riverside v. Rivera, "
    "477 U.S. 561, 570 (1986). But Evans v. Jeff D., 475 U.S. 717 (1986), upheld it; "
    "the court's logic in Riverside, 477 U.S. at 574-78, and Rivera, supra, at 580. Id. at 581."
)


def test_statutes_and_cases_in_text_order() -> None:
    found = citelink.find(RIVERSIDE, cases=True, resolvers=["lii", "courtlistener"])
    assert [(c.kind, c.text) for c in found] == [
        ("usc", "42 USC § 1988(b)"),
        ("usc", "id. at (c)"),
        ("case", "477 U.S. 561, 570"),
        ("case", "475 U.S. 717"),
        ("case", "477 U.S. at 574-78"),
        ("case", "supra, at 580"),
        ("case", "Id. at 581"),
    ]
    for c in found:
        assert RIVERSIDE[c.start : c.end] == c.text
    full, evans, short, supra, ibid = found[2:]
    assert isinstance(full, CaseCitation)
    assert (full.form, full.volume, full.reporter, full.page, full.pin_cite) == (
        "full",
        "477",
        "U.S.",
        "561",
        "570",
    )
    assert (full.plaintiff, full.defendant, full.year, full.court) == (
        "Riverside",
        "Rivera",
        "1986",
        "scotus",
    )
    assert full.normalized == "Riverside v. Rivera, 477 U.S. 561, 570 (1986)"
    assert full.url == "https://www.courtlistener.com/c/us/477/561/"
    assert evans.url == "https://www.courtlistener.com/c/us/475/717/"
    for form, citation in (("short", short), ("supra", supra), ("id", ibid)):
        assert citation.form == form and citation.short
        assert citation.antecedent is full and citation.id == "case/us/477/561"
        assert citation.url == full.url
    assert short.normalized == "477 U.S. 561, 574-78"


def test_statute_only_by_default() -> None:
    assert [c.kind for c in citelink.find(RIVERSIDE)] == ["usc", "usc"]


def test_a_case_ends_a_chain_of_statutory_short_forms() -> None:
    text = "42 U.S.C. § 1983. Then Foo v. Bar, 56 U.S. 365 (1853). False short form: Section 778a."
    found = citelink.find(text, cases=True)
    assert [(c.kind, c.text, c.resolved) for c in found] == [
        ("usc", "42 U.S.C. § 1983", True),
        ("case", "56 U.S. 365", True),
        ("usc", "Section 778a", False),  # unresolved, not 42 U.S.C. § 778a
    ]


def test_id_belongs_to_the_citation_right_before_it() -> None:
    text = "Foo v. Bar, 1 U.S. 1 (1801). Id. at 2. 42 U.S.C. § 1983. Id. at (b). Id. at 574."
    found = citelink.find(text, cases=True)
    assert [(c.kind, c.text, c.normalized) for c in found] == [
        ("case", "1 U.S. 1", "Foo v. Bar, 1 U.S. 1 (1801)"),
        ("case", "Id. at 2", "1 U.S. 1, 2"),
        ("usc", "42 U.S.C. § 1983", "42 U.S.C. § 1983"),
        ("usc", "Id. at (b)", "42 U.S.C. § 1983(b)"),
    ]


def test_unresolved_short_form_has_no_id_or_link() -> None:
    (c,) = citelink.find("As held in 477 U.S. at 574.", cases=True, resolvers=["courtlistener"])
    assert (c.form, c.resolved, c.id, c.url) == ("short", False, None, None)


@pytest.mark.parametrize(
    ("reporter", "slug"),
    [
        ("U.S.", "us"),
        ("F. Supp. 2d", "f-supp-2d"),
        ("F.3d", "f3d"),
        ("S. Ct.", "s-ct"),
        ("L. Ed. 2d", "l-ed-2d"),
    ],
)
def test_slugify_like_courtlistener(reporter: str, slug: str) -> None:
    assert slugify(reporter) == slug


def test_courtlistener_url_of_a_reporter_with_spaces() -> None:
    (c,) = citelink.find("413 F. Supp. 1281", cases=True, resolvers=["courtlistener"])
    assert c.url == "https://www.courtlistener.com/c/f-supp/413/1281/"


@pytest.mark.parametrize(
    "text",
    [
        "See Fulton v. Philadelphia, 593 U.S.\u00a0155 (2021).",
        "See Brathwaite v. Garland, 3\nF.4th 542 (2021).",
        "Matter of Doe, 28 I&N Dec.\u202f757 (BIA 2023).",
    ],
)
def test_an_odd_space_inside_a_case_citation_reads_as_a_space(text: str) -> None:
    (found,) = citelink.find(text, cases=True)
    assert isinstance(found, CaseCitation)
    assert found.resolved
    assert text[found.start : found.end] == found.text
    words = found.text.split()
    assert (found.volume, found.page) == (words[0], words[-1])
    assert "\n" not in found.normalized and "\u00a0" not in found.normalized


def _full_cases(text: str) -> list[CaseCitation]:
    return [
        c
        for c in citelink.find(text, cases=True)
        if isinstance(c, CaseCitation) and c.form == "full"
    ]


def test_the_year_is_the_closing_parentheticals_only() -> None:
    text = (
        "Kent v. Lowe, 501 U.S. 210, 214 (1991). Id. at 215. See 70 Fed. Reg. 1200 (Mar. 3, 2005)."
    )
    (kent,) = _full_cases(text)
    assert kent.year == "1991"
    assert kent.normalized == "Kent v. Lowe, 501 U.S. 210, 214 (1991)"


def test_no_year_without_a_closing_parenthetical() -> None:
    (kent,) = _full_cases("Kent v. Lowe, 501 U.S. 210. Later, in a rule (2005), it said so.")
    assert kent.year is None
    assert kent.normalized == "Kent v. Lowe, 501 U.S. 210"


def test_a_parallel_citation_shares_the_closing_year() -> None:
    first, second = _full_cases("Kent v. Lowe, 401 U.S. 110, 91 S. Ct. 700, 702 (1971).")
    assert (first.year, second.year) == ("1971", "1971")


def test_a_case_name_does_not_cross_a_block() -> None:
    text = "Powers of Kent\n\nv. Lowe, 501 U.S. 210 (1991), held so."
    (kent,) = _full_cases(text)
    assert (kent.plaintiff, kent.defendant) == (None, None)
    assert kent.normalized == "501 U.S. 210 (1991)"


def test_a_name_cut_short_is_left_out() -> None:
    (case,) = _full_cases("See Friends for Birds v. Lowe, 901 F. Supp. 12 (D. Md. 1995).")
    assert case.plaintiff is None and case.defendant is None
    assert case.normalized == "901 F. Supp. 12 (1995)"


def test_a_name_over_a_line_break_is_collapsed() -> None:
    (case,) = _full_cases("See Kent\nMills v. Lowe, 4 F.4th 9 (2d Cir. 2021).")
    assert case.normalized == "Kent Mills v. Lowe, 4 F.4th 9 (2021)"


def _ids(text: str) -> list[CaseCitation]:
    return [
        c for c in citelink.find(text, cases=True) if isinstance(c, CaseCitation) and c.form == "id"
    ]


def test_id_after_a_parenthetical_refers_to_the_citing_case() -> None:
    text = (
        "Kent Mills, Inc. v. Lowe, 581 U.S. 410, 414 (2017) (quoting Bay Corp. v. Dunn, "
        "502 U.S. 300, 302 (1992)); id. at 420."
    )
    (ibid,) = _ids(text)
    assert (ibid.volume, ibid.page, ibid.pin_cite) == ("581", "410", "420")
    assert ibid.normalized == "581 U.S. 410, 420"


def test_id_inside_the_parenthetical_refers_to_the_quoted_case() -> None:
    text = (
        "Kent Mills, Inc. v. Lowe, 581 U.S. 410, 414 (2017) (quoting Bay Corp. v. Dunn, "
        "502 U.S. 300, 302 (1992), and id. at 305)."
    )
    (ibid,) = _ids(text)
    assert (ibid.volume, ibid.page) == ("502", "300")


def test_a_pin_before_the_first_page_is_not_accepted() -> None:
    text = "Kent v. Lowe, 501 U.S. 210, 214 (1991). Id. at 200. Id. at 220. Id. at 221. id. at 223."
    early, *later = _ids(text)
    assert not early.resolved and early.antecedent is None
    assert early.normalized == "Id. at 200"
    assert [(c.page, c.pin_cite) for c in later] == [("210", "220"), ("210", "221"), ("210", "223")]


def test_the_closing_year_comes_after_a_footnote_pin() -> None:
    (case,) = _full_cases("See Kent v. Lowe, 721 F.3d 226, 238 n.5 (4th Cir. 2013).")
    assert case.year == "2013"


def test_a_star_pin_of_a_database_citation_is_accepted() -> None:
    (ibid,) = _ids("Kent v. Lowe, No. 21-1, 2023 WL 5490100, at *3 (D. Md. 2023). Id. at *11.")
    assert ibid.resolved and ibid.page == "5490100"
