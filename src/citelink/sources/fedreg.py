"""The Federal Register: "82 Fed. Reg. 8799", "82 FR 8799", "60 Fed. Reg. 68,380 (Dec. 29, 1995)".

Forms understood here: the volume, then ``Fed. Reg.``, ``FR`` or ``F.R.``, then the
first page (thousands separators allowed: ``68,380``), pin pages (``8799, 8801``,
``8799, 8801–02``) and a date in parentheses (``(Jan. 30, 2017)``), which is kept in
ISO form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType

from citelink.grammar import DASH, WS, WS1, hyphenate
from citelink.models import Citation, fast_init
from citelink.scanner import Scan, Source, Trigger


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class FederalRegisterCitation(Citation):
    """A page of the Federal Register.

    ``page`` is the first page, without thousands separators; ``pin`` the
    pages cited within the document: a page or a range, written with an en
    dash ("8801–02");
    ``date`` the publication date in ISO form when the citation gives it.
    """

    kind = "fr"

    volume: str
    page: str
    pin: tuple[str, ...] = ()
    date: str | None = None

    @property
    def anchors(self) -> bool:
        return False  # "§ 1373" after it is not one of its sections

    @property
    def normalized(self) -> str:
        text = f"{self.volume} Fed. Reg. {_grouped(self.page)}"
        for pin in self.pin:
            text += ", " + "–".join(_grouped(p) for p in pin.split("–"))
        if self.date is not None:
            text += f" ({bluebook_date(self.date)})"
        return text

    @property
    def id(self) -> str:
        return f"fr/{self.volume}/{self.page}"


# --- grammar ----------------------------------------------------------------

_PAGE = r"\d{1,3}(?:,\d{3}){1,2}(?!\d)|\d{1,7}(?![\d,]\d)"
_AFTER_NAME = re.compile(rf"(?:Fed\.{WS}Reg\.?|F\.{WS}R\.|FR){WS}(?P<page>{_PAGE})")
#: A pin page after a comma: "8801", "8801–02", "68,385"; not the volume of a next citation.
_PIN = re.compile(
    rf",{WS}(?P<pin>{_PAGE})(?:{WS}{DASH}{WS}(?P<pin_end>{_PAGE}))?(?!{WS1}[A-Z]|{WS}§)"
)
_VOLUME_BEFORE = re.compile(rf"{WS}(?P<volume>\d{{1,3}})(?![\w.,§])")
_LOOKBACK = 8
MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_NAMES = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?\.?|July?\.?"
    r"|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_DATE = re.compile(
    rf"{WS}\((?P<month>{_MONTH_NAMES}){WS1}(?P<day>\d{{1,2}}),{WS}(?P<year>1[89]\d\d|20\d\d)\)"
)
_BLUEBOOK_MONTHS = (
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)


def bluebook_date(iso: str) -> str:
    """ "2017-01-30" -> "Jan. 30, 2017" (Bluebook month abbreviations)."""
    year, month, day = iso.split("-")
    return f"{_BLUEBOOK_MONTHS[int(month) - 1]} {int(day)}, {year}"


def _grouped(page: str) -> str:
    """Write a page as the Federal Register prints it: "68380" -> "68,380"."""
    return f"{int(page):,}" if page.isdigit() and len(page) > 4 else page


def _page(text: str) -> str:
    return text.replace(",", "").lstrip("0") or "0"


# --- links --------------------------------------------------------------------


def federalregister_url(citation: FederalRegisterCitation) -> str | None:
    """FederalRegister.gov's citation lookup, by its observed scheme (the site's own
    reference parser builds it): https://www.federalregister.gov/citation/82-FR-8799.
    The site holds documents from volume 59 (1994) on."""
    if int(citation.volume) < 59:
        return None
    return f"https://www.federalregister.gov/citation/{citation.volume}-FR-{citation.page}"


def govinfo_url(citation: FederalRegisterCitation) -> str | None:
    """GovInfo's link service, as documented for the FR collection:
    https://www.govinfo.gov/link/fr/82/8799. Documents are split out from volume 60 (1995)
    on (older volumes are whole-issue scans)."""
    if int(citation.volume) < 60:
        return None
    return f"https://www.govinfo.gov/link/fr/{citation.volume}/{citation.page}"


# --- the source ---------------------------------------------------------------


class FederalRegister(Source):
    """The Federal Register; it has no short forms."""

    kind = "fr"
    links = MappingProxyType({"federalregister": federalregister_url, "govinfo": govinfo_url})

    def __init__(self) -> None:
        self.triggers = (
            Trigger(
                (r"Fed\.\s?Reg", r"F\.\s?R\.\s{0,2}\d", r"FR(?<![A-Za-z]FR)\s{0,2}\d"),
                self._after_name,
            ),
        )

    def _after_name(self, scan: Scan, start: int, end: int) -> int | None:
        text = scan.text
        before = _VOLUME_BEFORE.match(text[max(scan.floor, start - _LOOKBACK) : start][::-1])
        if before is None:
            return None
        found = _AFTER_NAME.match(text, start)
        if found is None:
            return None
        page = _page(found.group("page"))
        pins: list[str] = []
        stop = found.end()
        pin = _PIN.match(text, stop)
        while pin is not None and len(pins) < 20:
            first = _page(pin.group("pin"))
            if not page.isdigit() or int(first) < int(page):
                break  # a page before the document's first is not one of its pages
            last = pin.group("pin_end")
            pins.append(first if last is None else f"{first}–{last.replace(',', '')}")
            stop = pin.end()
            pin = _PIN.match(text, stop)
        date = _DATE.match(text, stop)
        iso = None
        if date is not None:
            month = MONTHS[date.group("month")[:3].lower()]
            iso = f"{date.group('year')}-{month:02d}-{int(date.group('day')):02d}"
            stop = date.end()
        cite_start = start - before.end()
        scan.add(
            FederalRegisterCitation(
                text=text[cite_start:stop],
                start=cite_start,
                end=stop,
                volume=before.group("volume")[::-1].lstrip("0") or "0",
                page=hyphenate(page),
                pin=tuple(pins),
                date=iso,
            )
        )
        return stop


SOURCE = FederalRegister()
