"""Legislative materials: bills with their Congress, committee reports, the Congressional Record.

Forms understood here:

* bills and resolutions, only with their Congress (a bare ``S. 2`` is too often something
  else): ``S. 2155, 115th Cong. (2018)``, ``H.R. 1, 115th Cong.``, ``H.J. Res. 7, 117th Cong.``,
  ``S. Con. Res. 3, 116th Cong.``, ``H. Res. 24, 118th Cong.``;
* committee reports: ``H.R. Rep. No. 111-58``, ``S. Rep. No. 95-797, at 12``, ``H.Rept.
  105-532``, ``S. Rept. 114-20``;
* the Congressional Record: ``138 Cong. Rec. 12,345 (1992)``, ``164 Cong. Rec. S1234``;
* CRS products: ``CRS Report R46867``, ``CRS Report No. RL33110``, ``CRS In Focus IF11226``.

Links: Congress.gov's bill pages (``https://www.congress.gov/bill/115th-congress/senate-bill/2155``,
the site's own scheme, from the 93rd Congress on); GovInfo's link service for reports, as
documented for the CRPT collection (``https://www.govinfo.gov/link/crpt/111/hrpt/58``, from the
104th Congress on); the CRS site for reports and In Focus products
(``https://crsreports.congress.gov/product/pdf/R/R46867``, ``/IF/IF11226``, observed). No
page-level address for the Record, nor for the other CRS products, was confirmed: no link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType

from citelink.grammar import DASH, WS, WS1
from citelink.models import Citation, fast_init
from citelink.scanner import Scan, Source, Trigger


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class BillCitation(Citation):
    """A bill or resolution of a Congress.

    ``bill_type`` is one of :data:`BILL_TYPES` (``"hr"``, ``"s"``, ``"hjres"``...);
    ``number`` and ``congress`` its number and Congress; ``year`` as cited.
    """

    kind = "bill"

    bill_type: str
    number: str
    congress: str
    year: str | None = None

    @property
    def anchors(self) -> bool:
        return False  # "§ 2" after a bill is not the Code's short form, nor surely the bill's

    @property
    def normalized(self) -> str:
        text = f"{BILL_TYPES[self.bill_type][0]} {self.number}, {_ordinal(self.congress)} Cong."
        return text + (f" ({self.year})" if self.year is not None else "")

    @property
    def id(self) -> str:
        return f"bill/{self.congress}/{self.bill_type}/{self.number}"


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class ReportCitation(Citation):
    """A committee report: ``chamber`` ``"house"`` or ``"senate"``, ``congress``, ``number``,
    ``pin`` the page cited ("12")."""

    kind = "crpt"

    chamber: str
    congress: str
    number: str
    pin: str | None = None

    @property
    def anchors(self) -> bool:
        return False

    @property
    def normalized(self) -> str:
        name = "H.R. Rep." if self.chamber == "house" else "S. Rep."
        text = f"{name} No. {self.congress}-{self.number}"
        return text + (f", at {self.pin}" if self.pin is not None else "")

    @property
    def id(self) -> str:
        return f"crpt/{self.congress}/{self.chamber[0]}rpt/{self.number}"


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class RecordCitation(Citation):
    """A page of the Congressional Record: ``volume``, ``page`` (without separators; with
    its daily edition's letter: ``"S1234"``), ``year`` as cited."""

    kind = "crec"

    volume: str
    page: str
    year: str | None = None

    @property
    def anchors(self) -> bool:
        return False

    @property
    def normalized(self) -> str:
        page = f"{int(self.page):,}" if self.page.isdigit() else self.page
        text = f"{self.volume} Cong. Rec. {page}"
        return text + (f" ({self.year})" if self.year is not None else "")

    @property
    def id(self) -> str:
        return f"crec/{self.volume}/{self.page.lower()}"


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class CRSCitation(Citation):
    """A product of the Congressional Research Service: ``number`` with its series letters
    ("R46867", "IF11226")."""

    kind = "crs"

    number: str

    @property
    def anchors(self) -> bool:
        return False

    @property
    def normalized(self) -> str:
        return f"CRS Report No. {self.number}"

    @property
    def id(self) -> str:
        return f"crs/{self.number.lower()}"


# --- grammar ----------------------------------------------------------------

#: Bill types: their Bluebook abbreviation and Congress.gov's name for them.
BILL_TYPES = MappingProxyType(
    {
        "hr": ("H.R.", "house-bill"),
        "s": ("S.", "senate-bill"),
        "hjres": ("H.R.J. Res.", "house-joint-resolution"),
        "sjres": ("S.J. Res.", "senate-joint-resolution"),
        "hconres": ("H.R. Con. Res.", "house-concurrent-resolution"),
        "sconres": ("S. Con. Res.", "senate-concurrent-resolution"),
        "hres": ("H.R. Res.", "house-resolution"),
        "sres": ("S. Res.", "senate-resolution"),
    }
)


def _ordinal(number: str) -> str:
    value = int(number)
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


#: Read backwards from "Cong.": " 115th ,2155 .S", " 117th ,7 .seR .J.H".
_BILL_BEFORE = re.compile(
    rf"{WS1}(?:ht|dn|dr|ts)(?P<congress>\d{{1,3}}){WS},(?P<number>\d{{1,5}}){WS}"
    rf"(?P<type>\.R{WS}?\.H|\.S|\.seR{WS}(?:\.J{WS}?)?(?:\.R{WS}?)?\.H"
    rf"|\.seR{WS}(?:\.J{WS}?)?\.S|\.seR{WS}\.noC{WS}(?:\.R{WS}?)?\.H|\.seR{WS}\.noC{WS}\.S)"
    r"(?![A-Za-z.])"
)
_YEAR = re.compile(rf"{WS}\((?P<year>1[789]\d\d|20\d\d)\)")
_RECORD = re.compile(
    rf"Cong\.{WS}Rec\.{WS}(?P<page>[HSE]{WS}?\d{{1,5}}(?!\d)|\d{{1,3}}(?:,\d{{3}})+(?!\d)"
    rf"|\d{{1,6}}(?![\d,]))(?:{WS}\((?:daily{WS1}ed\.{WS1}[^()\n]{{1,20}}?,{WS})?"
    r"(?P<year>1[789]\d\d|20\d\d)\))?"
)
_VOLUME_BEFORE = re.compile(rf"{WS1}(?P<volume>\d{{1,3}})(?![\w.,§])")
_REPORT = re.compile(
    rf"(?:(?P<house>H\.{WS}?R\.{WS}?Rep\.|H\.{WS}?Rept\.)|S\.{WS}?Rept?\.)"
    rf"(?:{WS}No\.)?{WS}(?P<congress>\d{{2,3}}){WS}{DASH}{WS}(?P<number>\d{{1,4}})(?![\d\w]|{DASH}\d)"
    rf"(?:,{WS}at{WS1}(?P<pin>\d{{1,4}})(?!\d))?"
)
_LOOKBACK = 40
_CRS = re.compile(
    rf"CRS{WS1}(?:Report(?:{WS1}for{WS1}Congress)?|In{WS1}Focus|Insight|Legal{WS1}Sidebar)"
    rf"(?:,?{WS1}No\.)?{WS1}(?P<number>(?:RL|RS|R|IF|IN|LSB)\d{{4,5}})(?![\w-])"
)
#: The CRS series whose address on crsreports.congress.gov was seen: reports, In Focus.
_CRS_LINKED = re.compile(r"(?P<series>R|IF)\d")


# --- links --------------------------------------------------------------------


def congress_url(citation: BillCitation) -> str | None:
    """Congress.gov's page of a bill, by the site's scheme:
    https://www.congress.gov/bill/115th-congress/senate-bill/2155 (93rd Congress on)."""
    if int(citation.congress) < 93:
        return None
    kind = BILL_TYPES[citation.bill_type][1]
    return f"https://www.congress.gov/bill/{_ordinal(citation.congress)}-congress/{kind}/{citation.number}"


def govinfo_url(citation: ReportCitation) -> str | None:
    """GovInfo's link service, as documented for the Congressional Reports collection:
    https://www.govinfo.gov/link/crpt/111/hrpt/58 (104th Congress on)."""
    if int(citation.congress) < 104:
        return None
    return (
        f"https://www.govinfo.gov/link/crpt/{citation.congress}/"
        f"{citation.chamber[0]}rpt/{citation.number}"
    )


def crs_url(citation: CRSCitation) -> str | None:
    """The CRS site's PDF of a report or In Focus product, by its observed scheme:
    https://crsreports.congress.gov/product/pdf/R/R46867; other series have no link."""
    series = _CRS_LINKED.match(citation.number)
    if series is None:
        return None
    return f"https://crsreports.congress.gov/product/pdf/{series.group('series')}/{citation.number}"


# --- the sources ---------------------------------------------------------------


def _bill_type(reversed_type: str) -> str:
    letters = "".join(ch for ch in reversed_type[::-1].lower() if ch.isalpha())
    letters = letters.replace("hrj", "hj").replace("hrcon", "hcon").replace("hrres", "hres")
    return "hr" if letters == "hr" else letters


class Bills(Source):
    """Bills and resolutions cited with their Congress, and the Congressional Record (both
    end in or carry "Cong."); no short forms."""

    kind = "bill"
    links = MappingProxyType({"congress": congress_url})

    def __init__(self) -> None:
        self.triggers = (Trigger((r"Cong\.",), self._cong),)

    def _cong(self, scan: Scan, start: int, end: int) -> int | None:
        text = scan.text
        lookback = text[max(scan.floor, start - _LOOKBACK) : start][::-1]
        record = _RECORD.match(text, start)
        if record is not None:
            volume = _VOLUME_BEFORE.match(lookback)
            if volume is None:
                return None
            cite_start = start - volume.end()
            page = re.sub(r"[\s,]", "", record.group("page"))
            scan.add(
                RecordCitation(
                    text=text[cite_start : record.end()],
                    start=cite_start,
                    end=record.end(),
                    volume=volume.group("volume")[::-1],
                    page=page,
                    year=record.group("year"),
                )
            )
            return record.end()
        bill = _BILL_BEFORE.match(lookback)
        if bill is None:
            return None
        stop = end
        year = _YEAR.match(text, stop)
        if year is not None:
            stop = year.end()
        cite_start = start - bill.end()
        scan.add(
            BillCitation(
                text=text[cite_start:stop],
                start=cite_start,
                end=stop,
                bill_type=_bill_type(bill.group("type")),
                number=bill.group("number")[::-1],
                congress=bill.group("congress")[::-1],
                year=year.group("year") if year is not None else None,
            )
        )
        return stop


class Reports(Source):
    """Committee reports of the House and the Senate; no short forms."""

    kind = "crpt"
    links = MappingProxyType({"govinfo": govinfo_url})

    def __init__(self) -> None:
        self.triggers = (
            Trigger((r"H\.\s?R\.\s?Rep\.", r"H\.\s?Rept\.", r"S\.\s?Rept?\."), self._report),
        )

    def _report(self, scan: Scan, start: int, end: int) -> int | None:
        text = scan.text
        found = _REPORT.match(text, start)
        if found is None:
            return None
        scan.add(
            ReportCitation(
                text=found.group(),
                start=start,
                end=found.end(),
                chamber="house" if found.group("house") is not None else "senate",
                congress=found.group("congress"),
                number=found.group("number").lstrip("0") or "0",
                pin=found.group("pin"),
            )
        )
        return found.end()


class CRSReports(Source):
    """Products of the Congressional Research Service; no short forms."""

    kind = "crs"
    links = MappingProxyType({"crs": crs_url})

    def __init__(self) -> None:
        self.triggers = (Trigger((r"CRS\s",), self._product),)

    def _product(self, scan: Scan, start: int, end: int) -> int | None:
        found = _CRS.match(scan.text, start)
        if found is None:
            return None
        scan.add(
            CRSCitation(
                text=found.group(), start=start, end=found.end(), number=found.group("number")
            )
        )
        return found.end()


SOURCE = Bills()
REPORTS = Reports()
CRS = CRSReports()
