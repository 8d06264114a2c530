"""The Statutes at Large: "110 Stat. 3009", "110 Stat. 3009-546", "104 Stat. 4978, 4995".

Forms understood here: the volume, then ``Stat.`` (or ``Stat``), then the page. A page
keeps its suffix (``3009-546``, ``2681–480``, ``1501A–468``: the pages of the large
omnibus laws), while a dash between two pages where the second is the larger one is
a range (``5018–5020``). Pin pages follow after commas (``104 Stat. 4978, 4995, 5004``);
``3009–666 to 3009–669`` is a pin range. ``52 Stat. at 1052`` is a short form: a page
of the law of that volume cited last (``52 Stat. 1040``), or else that page.
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
class StatutesAtLargeCitation(Citation):
    """A page of the Statutes at Large.

    ``page`` is the first page as printed, suffix included ("3009-546");
    ``pin`` the pages cited after it: a page ("3009-666") or a range, written
    with an en dash ("5018–5020", "3009-666–3009-669").
    """

    kind = "stat"

    volume: str
    page: str
    pin: tuple[str, ...] = ()

    @property
    def anchors(self) -> bool:
        return False  # "§ 1373" after it is not one of its sections

    @property
    def normalized(self) -> str:
        text = f"{self.volume} Stat. {self.page}"
        for pin in self.pin:
            first, dash, last = pin.partition("–")
            # A range of hyphenated pages takes "to" (Bluebook 3.2(a)): "3009-666 to 3009-669".
            text += ", " + (f"{first} to {last}" if dash and "-" in first else pin)
        return text

    @property
    def id(self) -> str:
        return f"stat/{self.volume}/{self.page}"


# --- grammar ----------------------------------------------------------------

#: A page, with the suffix of an omnibus law's pages: "3009", "3009–546", "1501A–468".
_PAGE = rf"\d{{1,5}}(?:[A-Z]?{DASH}\d{{1,4}})?(?!\w|{DASH})"
_AFTER_NAME = re.compile(rf"Stat\.?{WS}(?P<at>at{WS1})?(?P<page>{_PAGE})")
#: How many citations back "52 Stat. at 1052" looks for the law it is a page of.
_SHORT_WINDOW = 20
#: A pin page or range after a comma; a number followed by a name starts another citation.
_PIN = re.compile(
    rf",{WS}(?P<pin>{_PAGE})(?:{WS1}(?:to|through){WS1}(?P<pin_end>{_PAGE}))?(?!{WS1}[A-Z])"
)
_VOLUME_BEFORE = re.compile(rf"{WS}(?P<volume>\d{{1,3}})(?![\w.,§])")
_LOOKBACK = 8
_DASHES = re.compile(DASH)


def _split_page(token: str) -> tuple[str, str | None]:
    """ "3009–546" is a page; "5018–5020" is pages 5018 to 5020 (the second part is larger)."""
    parts = _DASHES.split(token)
    if (
        len(parts) == 2
        and parts[0].isdigit()
        and parts[1].isdigit()
        and int(parts[1]) > int(parts[0])
        and len(parts[1]) >= len(parts[0])
    ):
        return parts[0], parts[1]
    return hyphenate(token), None


# --- links --------------------------------------------------------------------


def govinfo_url(citation: StatutesAtLargeCitation) -> str | None:
    """GovInfo's link service, as documented for the Statutes at Large collection:
    https://www.govinfo.gov/link/statute/110/3009 (the law printed on that page; a
    suffixed page "3009-546" lies within the law that begins on page 3009). GPO's
    collection holds volumes 1 to 132 (1789-2018)."""
    if not 1 <= int(citation.volume) <= 132:
        return None
    page = _DASHES.split(citation.page, 1)[0].rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return f"https://www.govinfo.gov/link/statute/{citation.volume}/{page}"


# --- the source ---------------------------------------------------------------


class StatutesAtLarge(Source):
    """The Statutes at Large; it has no short forms."""

    kind = "stat"
    links = MappingProxyType({"govinfo": govinfo_url})

    def __init__(self) -> None:
        self.triggers = (
            Trigger((r"Stat\.?\s{0,2}\d", r"Stat\.\s{1,2}at\s{1,2}\d"), self._after_name),
        )

    def _after_name(self, scan: Scan, start: int, end: int) -> int | None:
        text = scan.text
        before = _VOLUME_BEFORE.match(text[max(scan.floor, start - _LOOKBACK) : start][::-1])
        if before is None:
            return None
        found = _AFTER_NAME.match(text, start)
        if found is None:
            return None
        page, range_end = _split_page(found.group("page"))
        pins = [f"{page}–{range_end}"] if range_end is not None else []
        stop = found.end()
        pin = _PIN.match(text, stop)
        while pin is not None and len(pins) < 30:
            first, first_end = _split_page(pin.group("pin"))
            if not _page_not_before(first, page):
                break  # an earlier page is not one of this law's: another citation's number
            last = pin.group("pin_end")
            if last is not None:
                pins.append(f"{first}–{hyphenate(last)}")
            else:
                pins.append(first if first_end is None else f"{first}–{first_end}")
            stop = pin.end()
            pin = _PIN.match(text, stop)
        cite_start = start - before.end()
        volume = before.group("volume")[::-1].lstrip("0") or "0"
        antecedent = None
        if found.group("at") is not None:  # "52 Stat. at 1052": a page of the law cited last
            antecedent = _law_of(scan, volume, page)
            if antecedent is not None:
                pins.insert(0, page)
                page = antecedent.page
        scan.add(
            StatutesAtLargeCitation(
                text=text[cite_start:stop],
                start=cite_start,
                end=stop,
                short=antecedent is not None,
                antecedent=antecedent,
                volume=volume,
                page=page,
                pin=tuple(pins),
            )
        )
        return stop


def _law_of(scan: Scan, volume: str, page: str) -> StatutesAtLargeCitation | None:
    """The full citation of a law of ``volume`` among the last citations, that may hold
    ``page`` (it begins on or before it), for "52 Stat. at 1052"."""
    for citation in reversed(scan.citations[-_SHORT_WINDOW:]):
        if isinstance(citation, StatutesAtLargeCitation) and not citation.short:
            if citation.volume == volume and _page_not_before(page, citation.page):
                return citation
            return None
    return None


def _page_not_before(pin: str, page: str) -> bool:
    """Whether ``pin`` can be a page of the law that begins on ``page``.

    Pages with a letter ("1501A-468") belong to laws enacted by reference and
    may be numbered below the page the citation began with.
    """
    pin_number = _NUMBER.match(pin)
    page_number = _NUMBER.match(page)
    if pin_number is None or page_number is None:
        return False
    if pin[pin_number.end() : pin_number.end() + 1].isalpha():
        return True
    return int(pin_number.group()) >= int(page_number.group())


_NUMBER = re.compile(r"\d+")


SOURCE = StatutesAtLarge()
