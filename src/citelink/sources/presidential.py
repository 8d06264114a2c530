"""Executive orders and proclamations: "Exec. Order No. 13,771", "E.O. 12988", "Proclamation 10141".

Forms understood here:

* executive orders: ``Exec. Order No. 13,771``, ``Ex. Ord. No. 13286`` (the Code's notes),
  ``Executive Order 14184``, ``Executive Order No. 12866``, ``E.O. 12988``, ``EO 13771``;
  proclamations: ``Proclamation 10141``,
  ``Proclamation No. 9645``, ``Presidential Proclamation 9645``; the number has three to
  five digits, a thousands separator allowed (``13,771``);
* a section of the order after it, claimed with it: ``E.O. 12866, § 6(a)(3)``, ``E.O. 12988,
  sec. 3``; or before it: ``section 3(a) of E.O. 12988``;
* the Federal Register citation after an order (``Exec. Order No. 13,771, 82 Fed. Reg. 9339
  (Jan. 30, 2017)``) is a citation of its own, read by :mod:`citelink.sources.fedreg`;
* a later bare section (``§ 1373``) is not the order's (see
  :attr:`PresidentialCitation.anchors`).

Links: FederalRegister.gov serves an executive order by its number at
``https://www.federalregister.gov/executive-order/13771`` (an address the site's own pages
and many public projects use), for the orders it holds in full text: from E.O. 12890
(December 1993) on. No by-number address for proclamations was confirmed, so they have no link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType

from citelink.grammar import PIN, WS, WS1, Item, Sections, cited_sections, parse_sections
from citelink.models import Citation, fast_init
from citelink.scanner import Scan, Source, Trigger


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class ExecutiveOrderCitation(Citation):
    """An executive order, or a section of one.

    ``number`` is the order's number without separators ("13771"); ``section``
    and ``pin`` the section cited within it ("6", ``("a", "3")``).
    """

    kind = "eo"

    number: str
    section: str | None = None
    pin: tuple[str, ...] = ()
    range_end: str | None = None

    @property
    def anchors(self) -> bool:
        # "§ 1373" after an order is the Code's or the citation's before it; the order's
        # own sections follow it directly (", § 6(a)(3)") and are claimed with it.
        return False

    @property
    def name(self) -> str:
        """The Bluebook name of the document: "Exec. Order No." or "Proclamation No."."""
        return "Exec. Order No."

    @property
    def normalized(self) -> str:
        text = f"{self.name} {_grouped(self.number)}"
        if self.section is not None:
            text += ", " + cited_sections(self.section, self.pin, self.range_end)
        return text

    @property
    def id(self) -> str:
        parts = [self.kind, self.number]
        if self.section is not None:
            parts += [f"s{self.section}", *self.pin]
        return "/".join(parts)


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class ProclamationCitation(ExecutiveOrderCitation):
    """A presidential proclamation, or a section of one."""

    kind = "proclamation"

    @property
    def name(self) -> str:
        return "Proclamation No."


# --- grammar ----------------------------------------------------------------

_NUMBER = (
    rf"(?:{WS}(?:No\.|Number\b|#))?{WS}"
    r"(?P<number>\d{1,2},\d{3}(?!\d|,\d)|\d{3,5}(?!\d|[,.\-–]\d))"
)
_ORDER = (
    rf"(?P<order>Exec(?:utive|\.){WS1}Order\b|Ex\.{WS}Ord\.|E\.{WS}?O\.|EO(?![A-Za-z]))"
    rf"|(?:Presidential{WS1})?Proclamation\b"
)
_DOCUMENT = re.compile(rf"(?:{_ORDER}){_NUMBER}")
#: ", § 6(a)(3)", ", sec. 3", " § 2" right after the number.
_MARK = re.compile(
    rf",?{WS}(?:(?P<plural>§§|[Ss]ecs\.|[Ss]ections\b)|§|[Ss]ec\.|[Ss]ection\b){WS}(?=\d)"
)
ITEM = re.compile(rf"(?P<section>\d{{1,3}}[a-z]?(?![\w.]))(?P<pins>(?:{PIN}){{0,6}})")
#: After "section 3(a)": "of E.O. 12988", "of Executive Order No. 12866".
_QUALIFIER = re.compile(rf"{WS1}of{WS1}(?:the{WS1})?(?:{_ORDER}){_NUMBER}")

#: (is an order, number)
Container = tuple[bool, str]


def _grouped(number: str) -> str:
    """The Bluebook's thousands separator in five-digit numbers: "13771" -> "13,771"."""
    return f"{int(number):,}" if len(number) > 4 else number


def _container(found: re.Match[str]) -> Container:
    return (found.group("order") is not None, found.group("number").replace(",", ""))


# --- links --------------------------------------------------------------------


def federalregister_url(citation: ExecutiveOrderCitation) -> str | None:
    """FederalRegister.gov's page of an executive order by its number:
    https://www.federalregister.gov/executive-order/13771, for the orders the site holds
    (E.O. 12890, December 1993, on); proclamations have no such address."""
    if isinstance(citation, ProclamationCitation) or int(citation.number) < 12890:
        return None
    return f"https://www.federalregister.gov/executive-order/{citation.number}"


# --- the source ---------------------------------------------------------------


class Presidential(Source):
    """Executive orders; their sections follow them or name them ("section 3 of E.O. 12988")."""

    kind = "eo"
    links = MappingProxyType({"federalregister": federalregister_url})

    def __init__(self) -> None:
        self.triggers = (
            Trigger(
                (
                    r"Exec(?:utive|\.)\s{1,2}Order",
                    r"E\.\s?O\.\s{0,2}[N\d]",
                    r"Ex\.\s?Ord\.",
                    r"EO(?<![A-Za-z]EO)\s{0,2}[N\d]",
                    r"Proclamation",
                    r"Presidential\s{1,2}Proclamation",
                ),
                self._document,
            ),
        )

    def _document(self, scan: Scan, start: int, end: int) -> int | None:
        text = scan.text
        found = _DOCUMENT.match(text, start)
        if found is None:
            return None
        container = _container(found)
        mark = _MARK.match(text, found.end())
        first = ITEM.match(text, mark.end()) if mark is not None else None
        if mark is None or first is None:
            stop = found.end()
            scan.add(self._whole(container, text[start:stop], start, stop))
            return stop
        sections = parse_sections(text, first, ITEM, mark.group("plural") is not None)
        return scan.cite(self, container, sections, start, sections.end)

    # "section 3(a) of E.O. 12988"
    def qualify(self, scan: Scan, start: int, sections: Sections) -> int | None:
        text = scan.text
        if text.find("of", sections.end, sections.end + 5) < 0:
            return None
        tail = _QUALIFIER.match(text, sections.end)
        if tail is None:
            return None
        return scan.cite(self, _container(tail), sections, start, tail.end())

    def build(
        self,
        container: object,
        item: Item,
        text: str,
        start: int,
        end: int,
        group: tuple[int, int] | None,
        et_seq: bool,
        note: bool,
        short: bool,
        antecedent: Citation | None,
        /,
    ) -> Citation:
        document: Container = container  # type: ignore[assignment]
        order, number = document
        kind = ExecutiveOrderCitation if order else ProclamationCitation
        return kind(
            text=text,
            start=start,
            end=end,
            short=short,
            antecedent=antecedent,
            group=group,
            number=number,
            section=item.section or None,
            pin=item.pin,
            range_end=item.range_end,
        )

    def _whole(self, container: Container, text: str, start: int, end: int) -> Citation:
        order, number = container
        kind = ExecutiveOrderCitation if order else ProclamationCitation
        return kind(text=text, start=start, end=end, number=number)

    def container(self, antecedent: Citation) -> object:
        assert isinstance(antecedent, ExecutiveOrderCitation)
        return (not isinstance(antecedent, ProclamationCitation), antecedent.number)


class Proclamations(Presidential):
    """Proclamations: :class:`Presidential` finds them; this source gives their kind its
    short forms ("Id. § 2") and leaves the finder's hooks to :class:`Presidential`."""

    kind = "proclamation"
    links = MappingProxyType({})
    qualify = Source.qualify

    def __init__(self) -> None:
        self.triggers = ()


SOURCE = Presidential()
PROCLAMATIONS = Proclamations()
