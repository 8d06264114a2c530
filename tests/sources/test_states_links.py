"""Links to the official texts: one real citation per URL scheme, and citations with none."""

from __future__ import annotations

import pytest

import citelink
from citelink.resolve import chain
from citelink.sources.states import StateCitation


def state_url(text: str) -> str | None:
    (c,) = [c for c in citelink.find(text, resolvers=["state"]) if isinstance(c, StateCitation)]
    return c.urls.get("state")


@pytest.mark.parametrize(
    ("text", "url"),
    [
        (
            "Cal. Penal Code § 187(a)",
            "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml"
            "?lawCode=PEN&sectionNum=187",
        ),
        (
            "Cal. Const. art. I, § 7",
            "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml"
            "?lawCode=CONS&article=I&sectionNum=SEC.%207.",
        ),
        (
            "Tex. Penal Code Ann. § 19.02",
            "https://statutes.capitol.texas.gov/Docs/PE/htm/PE.19.htm#19.02",
        ),
        (
            "Tex. Code Crim. Proc. Ann. art. 38.22",
            "https://statutes.capitol.texas.gov/Docs/CR/htm/CR.38.htm#38.22",
        ),
        (
            "Tex. Const. art. I, § 19",
            "https://statutes.capitol.texas.gov/Docs/CN/htm/CN.1.htm#1.19",
        ),
        (
            "Fla. Stat. § 776.012",
            "https://www.leg.state.fl.us/statutes/index.cfm?App_mode=Display_Statute"
            "&URL=0700-0799/0776/Sections/0776.012.html",
        ),
        ("N.Y. Penal Law § 125.25", "https://www.nysenate.gov/legislation/laws/PEN/125.25"),
        ("N.Y. Educ. Law § 3020-a", "https://www.nysenate.gov/legislation/laws/EDN/3020-A"),
        ("CPLR 3211(a)(7)", "https://www.nysenate.gov/legislation/laws/CVP/3211"),
        (
            "735 ILCS 5/2-619",
            "https://www.ilga.gov/legislation/ilcs/fulltext.asp?DocName=073500050K2-619",
        ),
        ("RCW 9A.32.030", "https://app.leg.wa.gov/RCW/default.aspx?cite=9A.32.030"),
        ("AS 11.41.100", "https://www.akleg.gov/basis/statutes.asp#11.41.100"),
        ("A.R.S. § 13-1105", "https://www.azleg.gov/ars/13/01105.htm"),
        ("K.S.A. 60-1101", "https://www.ksrevisor.org/statutes/chapters/ch60/060_011_0001.html"),
        ("K.S.A. 50-7a02", "https://www.ksrevisor.org/statutes/chapters/ch50/050_007a_0002.html"),
        (
            "MCL 722.26a",
            "https://www.legislature.mi.gov/Laws/MCL?objectName=mcl-722-26a",
        ),
        ("Minn. Stat. § 609.185", "https://www.revisor.mn.gov/statutes/cite/609.185"),
        ("Mo. Rev. Stat. § 565.020", "https://revisor.mo.gov/main/OneSection.aspx?section=565.020"),
        (
            "N.C. Gen. Stat. § 14-17",
            "https://www.ncleg.gov/EnactedLegislation/Statutes/HTML/BySection/Chapter_14/GS_14-17.html",
        ),
        (
            "Neb. Rev. Stat. § 28-303",
            "https://nebraskalegislature.gov/laws/statutes.php?statute=28-303",
        ),
        ("NRS 41.0305", "https://www.leg.state.nv.us/NRS/NRS-041.html#NRS041Sec0305"),
        ("R.C. 2903.01", "https://codes.ohio.gov/ohio-revised-code/section-2903.01"),
        ("SDCL 22-16-4", "https://sdlegislature.gov/Statutes/22-16-4"),
        (
            "Utah Code Ann. § 78B-2-307",
            "https://le.utah.gov/xcode/Title78B/Chapter2/78B-2-S307.html",
        ),
        ("Wis. Stat. § 940.01", "https://docs.legis.wisconsin.gov/document/statutes/940.01"),
        ("W. Va. Code § 61-2-1", "https://code.wvlegislature.gov/61-2-1/"),
    ],
)
def test_official_urls(text: str, url: str) -> None:
    assert state_url(text) == url


@pytest.mark.parametrize(
    "text",
    [
        "Ga. Code Ann. § 16-5-1",  # the official code is a publisher's
        "Mass. Gen. Laws ch. 93A, § 2",  # the site's URL needs the part and title
        "Fla. Const. art. I, § 12",  # no builder for this constitution
        "Tex. Rev. Civ. Stat. Ann. art. 4495b",
        "K.S.A. 17-76,143",
    ],
)
def test_no_url_rather_than_a_guess(text: str) -> None:
    found = [c for c in citelink.find(text, resolvers=["state"]) if isinstance(c, StateCitation)]
    assert found and all(c.url is None for c in found)


def test_the_default_chain_links_state_citations() -> None:
    (c,) = citelink.find("Minn. Stat. § 609.185")
    assert c.url == "https://www.revisor.mn.gov/statutes/cite/609.185"
    assert "state" in {r.name for r in chain().resolvers}
