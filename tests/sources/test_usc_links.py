"""U.S. Code links: each built-in resolver, real citations -> exact URLs (or none).

The expected URLs follow each site's scheme as its own pages use it: LII section
pages with ``#a_15_U_iii`` anchors, uscode.house.gov granule queries with
``#substructure-location_a_1`` anchors, GovInfo's documented link service.
"""

from __future__ import annotations

import pytest

import citelink

LII = "https://www.law.cornell.edu/uscode/text/"
USCODE = "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-"
GOVINFO = "https://www.govinfo.gov/link/uscode/"

#: (text, [(url of lii, url of uscode, url of govinfo) for each citation in the text])
CASES = [
    (
        "8 U.S.C. § 1373",
        [
            (
                LII + "8/1373",
                USCODE + "title8-section1373&num=0&edition=prelim",
                GOVINFO + "8/1373?link-type=html",
            )
        ],
    ),
    (
        "8 U.S.C. § 1101(a)(15)(U)(iii)",
        [
            (
                LII + "8/1101#a_15_U_iii",
                USCODE + "title8-section1101&num=0&edition=prelim#substructure-location_a_15_U_iii",
                GOVINFO + "8/1101?link-type=html",
            )
        ],
    ),
    (
        "42 U.S.C. 2000e–2(a)(1)",  # an en dash in the section number
        [
            (
                LII + "42/2000e-2#a_1",
                USCODE + "title42-section2000e-2&num=0&edition=prelim#substructure-location_a_1",
                GOVINFO + "42/2000e-2?link-type=html",
            )
        ],
    ),
    (
        "31 USC 5318A(a)(1)(A)",
        [
            (
                LII + "31/5318A#a_1_A",
                USCODE + "title31-section5318A&num=0&edition=prelim#substructure-location_a_1_A",
                GOVINFO + "31/5318A?link-type=html",
            )
        ],
    ),
    (
        "16 USC 460nnn-101",
        [
            (
                LII + "16/460nnn-101",
                USCODE + "title16-section460nnn-101&num=0&edition=prelim",
                GOVINFO + "16/460nnn-101?link-type=html",
            )
        ],
    ),
    (
        "42 U.S.C. §§ 1981–1983",  # a range: its first and last sections
        [
            (
                LII + "42/1981",
                USCODE + "title42-section1981&num=0&edition=prelim",
                GOVINFO + "42/1981?link-type=html",
            ),
            (
                LII + "42/1983",
                USCODE + "title42-section1983&num=0&edition=prelim",
                GOVINFO + "42/1983?link-type=html",
            ),
        ],
    ),
    (
        "18 U.S.C. §§ 2, 371, and 1343",  # a list: each section
        [
            (
                LII + f"18/{s}",
                USCODE + f"title18-section{s}&num=0&edition=prelim",
                GOVINFO + f"18/{s}?link-type=html",
            )
            for s in ("2", "371", "1343")
        ],
    ),
    (
        "8 U.S.C. §§ 1373(a)-(c)",  # a range of subsections: both ends
        [
            (
                LII + f"8/1373#{p}",
                USCODE + f"title8-section1373&num=0&edition=prelim#substructure-location_{p}",
                GOVINFO + "8/1373?link-type=html",
            )
            for p in ("a", "c")
        ],
    ),
    (
        "8 U.S.C. § 1101(a) note",  # notes are on the section's page
        [
            (
                LII + "8/1101",
                USCODE + "title8-section1101&num=0&edition=prelim",
                GOVINFO + "8/1101?link-type=html",
            )
        ],
    ),
    (
        "42 U.S.C. § 12101 et seq.",  # the first section of the run
        [
            (
                LII + "42/12101",
                USCODE + "title42-section12101&num=0&edition=prelim",
                GOVINFO + "42/12101?link-type=html",
            )
        ],
    ),
    (
        "50 U.S.C. App. § 2401",  # a former appendix title: only GovInfo has it
        [(None, None, GOVINFO + "50/2401?type=uscappendix&link-type=html")],
    ),
    (
        "28 U.S.C. app. § 2072(b)",
        [(None, None, GOVINFO + "28/2072?type=uscappendix&link-type=html")],
    ),
    ("§ 1373", [(None, None, None)]),  # unresolved: no title
    ("53 U.S.C. § 101", [(None, None, None)]),  # title 53 is reserved
    ("99 U.S.C. § 1", [(None, None, None)]),  # there is no title 99
]


@pytest.mark.parametrize("resolver", ["lii", "uscode", "govinfo"])
@pytest.mark.parametrize(("text", "expected"), CASES)
def test_builtin_resolver_urls(
    resolver: str, text: str, expected: list[tuple[str | None, ...]]
) -> None:
    column = ["lii", "uscode", "govinfo"].index(resolver)
    found = citelink.find(text, resolvers=[resolver])
    assert [c.url for c in found] == [urls[column] for urls in expected]
    assert [c.urls.get(resolver) for c in found] == [urls[column] for urls in expected]


def test_short_forms_link_like_their_antecedent() -> None:
    found = citelink.find("8 U.S.C. § 1373(a). Id. at (b). See also § 1644.")
    assert [c.url for c in found] == [LII + "8/1373#a", LII + "8/1373#b", LII + "8/1644"]


def test_this_title_links() -> None:
    (c,) = citelink.find("section 1357(g) of this title", this_title="8")
    assert c.url == LII + "8/1357#g"


def test_default_chain_falls_back_per_citation() -> None:
    """LII first; the appendix, which only GovInfo holds, falls through to GovInfo."""
    main, appendix = citelink.find("8 U.S.C. § 1373; 50 U.S.C. App. § 2401")
    assert main.url == LII + "8/1373"
    assert list(main.urls) == ["lii", "uscode", "govinfo"]
    assert appendix.url == GOVINFO + "50/2401?type=uscappendix&link-type=html"
    assert list(appendix.urls) == ["govinfo"]
