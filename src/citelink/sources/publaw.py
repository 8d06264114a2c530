"""Public and private laws: "Pub. L. No. 104-208, div. C, title VI, § 642", "Private Law 115-1".

Forms understood here:

* ``Pub. L. No. 104-208``, ``Pub. L. 104–208``, ``Pub.L. 107-006``, ``Pub L No 96-164``,
  ``Public Law 96–164``, ``Public Law Number 107-743``, ``P.L. 111-80``, ``PL 111-83``;
  private laws: ``Pvt. L. No. 112-1``, ``Priv. L. 96-164``, ``Private Law 115-1``;
* the law's own divisions, titles and sections after it, claimed with it:
  ``Pub. L. 104–208, div. C, title VI, § 642``, ``Pub. L. 105–33, title V, §§ 5302(c)(1),
  5306(c)``; a further ``title III, §§ 308, 384`` or ``§ 9(jj)`` right after belongs to
  the same law;
* the section first: ``section 642 of Public Law 104-208``, ``section 4402(e) of PL 107–171``;
* a later bare section (``§ 1373``) is not the law's: it refers to the citation before
  the law (see :attr:`PublicLawCitation.anchors`); ``Id. § 643`` is the law's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import ClassVar

from citelink.grammar import (
    DASH,
    SECTION_ITEM,
    SECTION_MARK,
    WS,
    WS1,
    Item,
    Sections,
    cited_sections,
    parse_sections,
)
from citelink.models import Citation, fast_init
from citelink.scanner import Scan, Source, Trigger


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class PublicLawCitation(Citation):
    """A public law, or a section of one.

    ``congress`` and ``number`` identify the law ("104", "208"); ``division``
    and ``title`` are the law's own parts as cited ("C", "VI"); ``section``,
    ``pin`` and ``range_end`` the section within it ("642", ``("a",)``).
    """

    kind = "pl"
    #: How the Bluebook names this kind of law.
    law_name: ClassVar[str] = "Pub. L."

    congress: str
    number: str
    division: str | None = None
    title: str | None = None
    section: str | None = None
    pin: tuple[str, ...] = ()
    range_end: str | None = None

    @property
    def anchors(self) -> bool:
        # A bare "§ 1373" after a law is seldom the law's: in amendment notes it is
        # quoted Code text ('substituted “section 1229a” for “section 1252”'), in
        # briefs the Code's. The law's own further sections follow it directly
        # (", § 9(jj)", ", title III, §§ 308, 384") and are claimed by named_before.
        return False

    @property
    def normalized(self) -> str:
        text = f"{self.law_name} No. {self.congress}-{self.number}"
        if self.division is not None:
            text += f", div. {self.division}"
        if self.title is not None:
            text += f", tit. {self.title}"
        if self.section is not None:
            text += ", " + cited_sections(self.section, self.pin, self.range_end)
        return text

    @property
    def id(self) -> str:
        parts = [self.kind, self.congress, self.number]
        if self.division is not None:
            parts.append(f"d{self.division}")
        if self.section is not None:
            parts += [f"s{self.section}", *self.pin]
        elif self.title is not None:
            parts.append(f"t{self.title}")
        return "/".join(parts)


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class PrivateLawCitation(PublicLawCitation):
    """A private law, or a section of one."""

    kind = "pvtl"
    law_name: ClassVar[str] = "Priv. L."


# --- grammar ----------------------------------------------------------------

_PUBLIC = rf"Pub(?:lic|\.)?{WS}(?:L\b\.?|Law\b)|P\.{WS}L\.|PL\b"
_PRIVATE = rf"(?:Priv(?:ate|\.)?|Pvt\.?){WS}(?:L\b\.?|Law\b)"
_NUMBER = (
    rf"(?:{WS}(?:No\.?|Number|Nos\.)(?!\w))?{WS}(?P<congress>\d{{1,3}}){WS}{DASH}{WS}"
    rf"(?P<number>\d{{1,4}})(?!\w|{DASH}\d)"
)
#: The law's own parts after its number: ", div. C", ", title VI" (", subtitle A" is skipped).
_PARTS = (
    rf"(?:,{WS}div(?:\.|ision\b){WS}(?P<division>[A-Z]{{1,2}})(?![\w.]))?"
    rf"(?:,{WS}subdiv(?:\.|ision\b){WS}[A-Z](?![\w.]))?"
    rf"(?:,{WS}(?:[Tt]itle\b|tit\.){WS}(?P<title>[IVXLC]{{1,7}}|\d{{1,3}})(?![\w.]))?"
    rf"(?:,{WS}subtitle{WS1}[A-Z](?![\w.]))?"
)
_LAW = re.compile(rf"(?:(?P<public>{_PUBLIC})|{_PRIVATE}){_NUMBER}{_PARTS}")
_MARK = re.compile(rf",{WS}(?:{SECTION_MARK}){WS}(?=\d)")
ITEM = re.compile(SECTION_ITEM)

#: After "section 642": "of Public Law 104-208", "of division C of Pub. L. 104-208".
_QUALIFIER = re.compile(
    rf"(?:{WS},)?{WS1}of{WS1}(?:div(?:ision\b|\.){WS}(?P<division_first>[A-Z]{{1,2}}){WS1}"
    rf"of{WS1})?(?:(?P<public>{_PUBLIC})|{_PRIVATE}){_NUMBER}"
    rf"(?:,{WS}div(?:\.|ision\b){WS}(?P<division>[A-Z]{{1,2}})(?![\w.]))?"
)
#: Between a law's citation and a further section of it: ", title III, ", ", " or " [".
_FURTHER = re.compile(
    rf"(?:,|{WS}\[){WS}(?:div(?:\.|ision\b){WS}(?P<division>[A-Z]{{1,2}}),{WS})?"
    rf"(?:(?:[Tt]itle\b|tit\.){WS}(?P<title>[IVXLC]{{1,7}}|\d{{1,3}}),{WS})?"
)

#: (congress, number, private, division, title)
Container = tuple[str, str, bool, "str | None", "str | None"]


# --- links --------------------------------------------------------------------


def govinfo_url(citation: PublicLawCitation) -> str | None:
    """GovInfo's link service, as documented for the Public and Private Laws collection:
    https://www.govinfo.gov/link/plaw/104/public/208?link-type=html. The collection
    begins with the 104th Congress (1995)."""
    if int(citation.congress) < 104:
        return None
    kind = "private" if isinstance(citation, PrivateLawCitation) else "public"
    return (
        f"https://www.govinfo.gov/link/plaw/{citation.congress}/{kind}/{citation.number}"
        "?link-type=html"
    )


def congress_url(citation: PublicLawCitation) -> str | None:
    """The enrolled text on Congress.gov, at its observed address
    (https://www.congress.gov/104/plaws/publ191/PLAW-104publ191.htm). Congress.gov holds
    public laws from the 104th Congress (1995) on, and no private laws."""
    if isinstance(citation, PrivateLawCitation) or int(citation.congress) < 104:
        return None
    law = f"{citation.congress}publ{citation.number}"
    return (
        f"https://www.congress.gov/{citation.congress}/plaws/publ{citation.number}/PLAW-{law}.htm"
    )


# --- the source ---------------------------------------------------------------


class PublicLaws(Source):
    """Public laws (kind "pl") and private laws (kind "pvtl")."""

    kind = "pl"
    #: "Pub. L. 100-525, § 2(a), § 9(jj)": a later section of the law just cited follows a
    #: comma or a bracket (see ``_FURTHER``).
    before_mark = r"[^\S\n]*(?:\n[^\S\n]*)?[,\[]"
    item = ITEM
    links = MappingProxyType({"govinfo": govinfo_url, "congress": congress_url})

    def __init__(self) -> None:
        self.triggers = (
            Trigger(
                (r"Pub", r"P\.\s?L\.", r"PL(?<![A-Za-z]PL)\s", r"Priv", r"Pvt"),
                self._law,
            ),
        )

    # "Pub. L. 104–208, div. C, title VI, § 642"
    def _law(self, scan: Scan, start: int, end: int) -> int | None:
        text = scan.text
        found = _LAW.match(text, start)
        if found is None:
            return None
        container = _container(found, found.group("division"), found.group("title"))
        mark = _MARK.match(text, found.end())
        first = ITEM.match(text, mark.end()) if mark is not None else None
        if mark is None or first is None:
            stop = found.end()
            scan.add(self._law_only(container, text[start:stop], start, stop))
            return stop
        sections = parse_sections(text, first, ITEM, mark.group("plural") is not None)
        return scan.cite(self, container, sections, start, sections.end)

    # "§ 9(jj)" in "Pub. L. 100–525, § 2(a)(1)(B), § 9(jj)", or "title III, §§ 308, 384"
    def named_before(self, scan: Scan, start: int, sections: Sections) -> int | None:
        last = scan.last
        if not isinstance(last, PublicLawCitation) or start - last.end > 40:
            return None
        text = scan.text
        if text[last.end : last.end + 1] not in (",", " "):
            return None
        between = _FURTHER.match(text, last.end)
        if between is None or between.end() != start:
            return None
        if text.startswith("sec", start) and "§" in last.text:
            # "Pub. L. No. 94-295, § 2, sec. 513": the law's § 2 inserts section 513 into
            # the act it amends; that section is the amended act's, not the law's.
            return sections.end
        division = between.group("division") or last.division
        title = between.group("title") or (last.title if division == last.division else None)
        private = isinstance(last, PrivateLawCitation)
        container: Container = (last.congress, last.number, private, division, title)
        antecedent = last.antecedent if last.short else last
        return scan.cite(
            self, container, sections, start, sections.end, short=True, antecedent=antecedent
        )

    # "section 642 of Public Law 104-208"
    def qualify(self, scan: Scan, start: int, sections: Sections) -> int | None:
        if scan.text.find("of", sections.end, sections.end + 5) < 0:
            return None
        tail = _QUALIFIER.match(scan.text, sections.end)
        if tail is None:
            return None
        division = tail.group("division_first") or tail.group("division")
        return scan.cite(self, _container(tail, division, None), sections, start, tail.end())

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
        law: Container = container  # type: ignore[assignment]
        congress, number, private, division, title = law
        kind = PrivateLawCitation if private else PublicLawCitation
        return kind(
            text=text,
            start=start,
            end=end,
            short=short,
            antecedent=antecedent,
            group=group,
            congress=congress,
            number=number,
            division=division,
            title=title,
            section=item.section or None,  # empty: "Id." after a whole law
            pin=item.pin,
            range_end=item.range_end,
        )

    def _law_only(self, container: Container, text: str, start: int, end: int) -> Citation:
        congress, number, private, division, title = container
        kind = PrivateLawCitation if private else PublicLawCitation
        return kind(
            text=text,
            start=start,
            end=end,
            congress=congress,
            number=number,
            division=division,
            title=title,
        )

    def container(self, antecedent: Citation) -> object:
        assert isinstance(antecedent, PublicLawCitation)
        private = isinstance(antecedent, PrivateLawCitation)
        # A later section may be in another title; a division restarts the numbering.
        return (antecedent.congress, antecedent.number, private, antecedent.division, None)


class PrivateLaws(PublicLaws):
    """Private laws: :class:`PublicLaws` finds them; this source gives their kind its
    resolvers and short forms, and leaves the finder's hooks to :class:`PublicLaws`."""

    kind = "pvtl"
    links = MappingProxyType({"govinfo": govinfo_url})  # Congress.gov has no private laws
    named_before = Source.named_before
    qualify = Source.qualify

    def __init__(self) -> None:
        self.triggers = ()


def _container(found: re.Match[str], division: str | None, title: str | None) -> Container:
    congress = found.group("congress").lstrip("0") or "0"
    number = found.group("number").lstrip("0") or "0"
    return (congress, number, found.group("public") is None, division, title)


SOURCE = PublicLaws()
PRIVATE = PrivateLaws()
