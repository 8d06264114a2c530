"""Links to the official text of the states' codes and constitutions.

One resolver, ``"state"``: the legislature's (or code revisor's) own site,
where it has a stable URL per section that can be built from the citation
alone. Jurisdictions whose official text is published only by a commercial
publisher, or whose URLs need numbers a citation does not carry (a database
id, a chapter or volume that cannot be derived from the section), have no
builder and get no link: the resolver never guesses.

Each URL pattern below notes where it was checked: the site's observed URLs,
as found in public pages and repositories with citelink's search tool.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING
from urllib.parse import quote

from citelink.grammar import to_roman

if TYPE_CHECKING:
    from citelink.sources.states.source import StateCitation

Builder = Callable[["StateCitation"], "str | None"]

# California: leginfo.legislature.ca.gov, codes_displaySection.xhtml?lawCode=PEN&sectionNum=187
# (observed; the constitution is lawCode=CONS with article=I and sectionNum=SEC. 7.).
_CALIFORNIA = {
    "bus-prof": "BPC", "civ": "CIV", "civ-proc": "CCP", "com": "COM", "corp": "CORP",
    "educ": "EDC", "elec": "ELEC", "evid": "EVID", "fam": "FAM", "fin": "FIN",
    "fish-game": "FGC", "food-agric": "FAC", "gov": "GOV", "harb-nav": "HNC",
    "health-safety": "HSC", "ins": "INS", "lab": "LAB", "mil-vet": "MVC", "penal": "PEN",
    "prob": "PROB", "pub-cont": "PCC", "pub-res": "PRC", "pub-util": "PUC", "rev-tax": "RTC",
    "sts-high": "SHC", "unemp-ins": "UIC", "veh": "VEH", "water": "WAT", "welf-inst": "WIC",
}  # fmt: skip
_LEGINFO = "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml"


def california(citation: StateCitation) -> str | None:
    """leginfo.legislature.ca.gov: the section of a code or of the constitution."""
    if citation.code == "const":
        if citation.article is None or not citation.section:
            return None
        section = quote(f"SEC. {citation.section}.")
        return f"{_LEGINFO}?lawCode=CONS&article={_roman(citation.article)}&sectionNum={section}"
    law = _CALIFORNIA.get(citation.code)
    return f"{_LEGINFO}?lawCode={law}&sectionNum={citation.section}" if law else None


# Texas: statutes.capitol.texas.gov/Docs/TN/htm/TN.545.htm#545.351 (observed): the chapter's
# page, anchored at the section; the Code of Criminal Procedure (CR) by article the same way,
# the constitution (CN) by article, anchored at article.section.
_TEXAS = {
    "agric": "AG", "alco-bev": "AL", "bus-com": "BC", "bus-orgs": "BO", "civ-prac-rem": "CP",
    "crim-proc": "CR", "educ": "ED", "elec": "EL", "est": "ES", "fam": "FA", "fin": "FI",
    "gov": "GV", "health-safety": "HS", "hum-res": "HR", "ins": "IN", "lab": "LA",
    "loc-gov": "LG", "nat-res": "NR", "occ": "OC", "parks-wild": "PW", "penal": "PE",
    "prop": "PR", "spec-dist": "SD", "tax": "TX", "transp": "TN", "util": "UT", "water": "WA",
}  # fmt: skip


def texas(citation: StateCitation) -> str | None:
    """statutes.capitol.texas.gov: the chapter (or constitutional article), at the section."""
    base = "https://statutes.capitol.texas.gov/Docs"
    if citation.code == "const":
        if citation.article is None or not citation.article.isdigit():
            return None
        page = f"{base}/CN/htm/CN.{citation.article}.htm"
        return f"{page}#{citation.article}.{citation.section}" if citation.section else page
    code = _TEXAS.get(citation.code)
    chapter = citation.section.split(".", 1)[0]
    if code is None or "." not in citation.section:
        return None
    return f"{base}/{code}/htm/{code}.{chapter}.htm#{citation.section}"


def florida(citation: StateCitation) -> str | None:
    """Online Sunshine (leg.state.fl.us): the current text of a section.

    index.cfm?App_mode=Display_Statute&URL=0500-0599/0501/Sections/0501.059.html (observed).
    """
    found = re.fullmatch(r"(\d{1,4})\.(\d+)", citation.section)
    if citation.code != "stat" or found is None:
        return None
    chapter = int(found.group(1))
    low = chapter // 100 * 100
    path = f"{low:04d}-{low + 99:04d}/{chapter:04d}/Sections/{chapter:04d}.{found.group(2)}.html"
    return f"https://www.leg.state.fl.us/statutes/index.cfm?App_mode=Display_Statute&URL={path}"


# New York: nysenate.gov/legislation/laws/GBS/527-A, .../LAB/590, .../LIE/3, .../GOB/7-108,
# .../TAX/606, .../GCN/25-A, .../STF/139-F, .../ISC/3222 (observed): the law's three-letter id
# and the section, letters in upper case.
_NEW_YORK = {
    "abc": "ABC", "agric-mkts": "AGM", "banking": "BNK", "bus-corp": "BSC", "cplr": "CVP",
    "civ-rights": "CVR", "civ-serv": "CVS", "correct": "COR", "county": "CNT",
    "crim-proc": "CPL", "debt-cred": "DCD", "dom-rel": "DOM", "educ": "EDN", "elec": "ELN",
    "envtl-conserv": "ENV", "est-powers-trusts": "EPT", "exec": "EXC", "fam-ct-act": "FCT",
    "gen-bus": "GBS", "gen-constr": "GCN", "gen-mun": "GMU", "gen-oblig": "GOB", "ins": "ISC",
    "jud": "JUD", "lab": "LAB", "lien": "LIE", "ltd-liab-co": "LLC", "mental-hyg": "MHY",
    "mult-dwell": "MDW", "not-for-profit": "NPC", "penal": "PEN", "pub-auth": "PBA",
    "pub-health": "PBH", "pub-off": "POF", "pub-serv": "PBS", "real-prop": "RPP",
    "real-prop-acts": "RPA", "real-prop-tax": "RPT", "soc-serv": "SOS", "state-fin": "STF",
    "surr-ct-proc": "SCP", "tax": "TAX", "town": "TWN", "veh-traf": "VAT", "village": "VIL",
    "workers-comp": "WKC",
}  # fmt: skip


def new_york(citation: StateCitation) -> str | None:
    """nysenate.gov Open Legislation: a section of a consolidated law."""
    law = _NEW_YORK.get(citation.code)
    if law is None:
        return None
    return f"https://www.nysenate.gov/legislation/laws/{law}/{citation.section.upper()}"


def illinois(citation: StateCitation) -> str | None:
    """ilga.gov: fulltext.asp?DocName=072000050K28 (observed) is 720 ILCS 5/28.

    The chapter and the act, each in four digits, then "0K" and the section.
    """
    found = re.fullmatch(r"(\d{1,4})/(.+)", citation.section)
    if citation.code != "ilcs" or found is None or citation.title is None:
        return None
    doc = f"{int(citation.title):04d}{int(found.group(1)):04d}0K{found.group(2)}"
    return f"https://www.ilga.gov/legislation/ilcs/fulltext.asp?DocName={doc}"


def washington(citation: StateCitation) -> str | None:
    """app.leg.wa.gov/RCW/default.aspx?cite=42.56.070 (observed)."""
    return f"https://app.leg.wa.gov/RCW/default.aspx?cite={citation.section}"


def alaska(citation: StateCitation) -> str | None:
    """akleg.gov/basis/statutes.asp#23.10.060 (observed): the statutes page at the section."""
    if not re.fullmatch(r"\d+\.\d+\.\d+", citation.section):
        return None
    return f"https://www.akleg.gov/basis/statutes.asp#{citation.section}"


def arizona(citation: StateCitation) -> str | None:
    """azleg.gov/ars/43/01022.htm (observed): the title, then the section in five digits."""
    found = re.fullmatch(r"(\d+)-(\d{1,5})", citation.section)
    return f"https://www.azleg.gov/ars/{found[1]}/{int(found[2]):05d}.htm" if found else None


def kansas(citation: StateCitation) -> str | None:
    """ksrevisor.org/statutes/chapters/ch60/060_011_0001.html is K.S.A. 60-1101 (observed).

    Also ch50/050_007a_0002.html for 50-7a02: the article is what precedes the last two digits.
    """
    found = re.fullmatch(r"(\d{1,3})([a-z]?)-(\d{1,2}[a-z]?)(\d{2})", citation.section)
    if found is None:
        return None
    chapter, letter, article, section = found.groups()
    number = article.rstrip("abcdefghijklmnopqrstuvwxyz")
    article_part = f"{int(number):03d}{article[len(number) :]}"
    return (
        f"https://www.ksrevisor.org/statutes/chapters/ch{int(chapter):02d}{letter}/"
        f"{int(chapter):03d}{letter}_{article_part}_{int(section):04d}.html"
    )


def michigan(citation: StateCitation) -> str | None:
    """legislature.mi.gov/Laws/MCL?objectName=mcl-722-26a is MCL 722.26a (observed)."""
    if "." not in citation.section:
        return None
    name = citation.section.replace(".", "-")
    return f"https://www.legislature.mi.gov/Laws/MCL?objectName=mcl-{name}"


def minnesota(citation: StateCitation) -> str | None:
    """revisor.mn.gov/statutes/cite/256D.44 (observed)."""
    return f"https://www.revisor.mn.gov/statutes/cite/{citation.section}"


def missouri(citation: StateCitation) -> str | None:
    """revisor.mo.gov/main/OneSection.aspx?section=408.040 (observed)."""
    return f"https://revisor.mo.gov/main/OneSection.aspx?section={citation.section}"


def nebraska(citation: StateCitation) -> str | None:
    """nebraskalegislature.gov/laws/statutes.php?statute=29-3523 (observed)."""
    return f"https://nebraskalegislature.gov/laws/statutes.php?statute={citation.section}"


def nevada(citation: StateCitation) -> str | None:
    """leg.state.nv.us/NRS/NRS-235.html#NRS235Sec130 (observed; chapter 17 is NRS-017)."""
    found = re.fullmatch(r"(\d{1,3})([A-Z]?)\.(\d+)", citation.section)
    if found is None:
        return None
    chapter = f"{int(found[1]):03d}{found[2]}"
    return f"https://www.leg.state.nv.us/NRS/NRS-{chapter}.html#NRS{chapter}Sec{found[3]}"


def north_carolina(citation: StateCitation) -> str | None:
    """ncleg.gov/.../Statutes/HTML/BySection/Chapter_44A/GS_44A-12.html (observed)."""
    chapter = citation.section.split("-", 1)[0]
    if chapter == citation.section:
        return None
    return (
        "https://www.ncleg.gov/EnactedLegislation/Statutes/HTML/BySection/"
        f"Chapter_{chapter}/GS_{citation.section}.html"
    )


def ohio(citation: StateCitation) -> str | None:
    """codes.ohio.gov/ohio-revised-code/section-2919.25 (observed)."""
    return f"https://codes.ohio.gov/ohio-revised-code/section-{citation.section}"


def south_dakota(citation: StateCitation) -> str | None:
    """sdlegislature.gov/Statutes/23A-27-17 (observed)."""
    return f"https://sdlegislature.gov/Statutes/{citation.section}"


def utah(citation: StateCitation) -> str | None:
    """le.utah.gov/xcode/Title13/Chapter61/13-61-S202.html (observed)."""
    found = re.fullmatch(r"(\d+[A-Z]?)-(\d+[a-z]?)-(\d+(?:\.\d+)?)", citation.section)
    if found is None:
        return None
    title, chapter, section = found.groups()
    return (
        f"https://le.utah.gov/xcode/Title{title}/Chapter{chapter}/{title}-{chapter}-S{section}.html"
    )


def west_virginia(citation: StateCitation) -> str | None:
    """code.wvlegislature.gov/11-21-12/ (observed)."""
    return f"https://code.wvlegislature.gov/{citation.section}/"


def wisconsin(citation: StateCitation) -> str | None:
    """docs.legis.wisconsin.gov/document/statutes/709.03 (observed)."""
    return f"https://docs.legis.wisconsin.gov/document/statutes/{citation.section}"


#: Builders by jurisdiction; a jurisdiction with none has no official per-section link.
BY_JURISDICTION: dict[str, Builder] = {
    "ak": alaska,
    "az": arizona,
    "ca": california,
    "fl": florida,
    "il": illinois,
    "ks": kansas,
    "mi": michigan,
    "mn": minnesota,
    "mo": missouri,
    "nc": north_carolina,
    "ne": nebraska,
    "nv": nevada,
    "ny": new_york,
    "oh": ohio,
    "sd": south_dakota,
    "tx": texas,
    "ut": utah,
    "wa": washington,
    "wi": wisconsin,
    "wv": west_virginia,
}


def official(citation: StateCitation) -> str | None:
    """The official site's URL of a state citation, or ``None`` where there is none."""
    builder = BY_JURISDICTION.get(citation.jurisdiction)
    if builder is None or (citation.code == "const" and builder not in CONSTITUTIONS):
        return None
    return builder(citation)


#: The builders that also link constitutions.
CONSTITUTIONS = frozenset({california, texas})

LINKS: Mapping[str, Callable[..., str | None]] = MappingProxyType({"state": official})


def _roman(article: str) -> str:
    """An article number as California's site writes it: "14" -> "XIV", "13A" -> "XIIIA"."""
    digits = article.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    if not digits.isdigit() or not 0 < int(digits) < 400:
        return article
    return to_roman(int(digits)) + article[len(digits) :]
