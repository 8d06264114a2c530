"""The United States Code: "8 U.S.C. § 1373(a)", "section 1373 of title 8", "§ 1373".

Forms understood here:

* title, then the Code's name, then sections: ``8 U.S.C. 1373``, ``8 U.S. Code 8``,
  ``8 U. S. C. § 1373``, ``8 U.S.C.A. § 1373``, ``8 USC 1373``, ``50 U.S.C. App. § 2401``,
  ``18, United States Code, Section 3500``, ``title 18, United States Code, section 922``;
* the Code's name first: ``U.S.C. Title 18, Section 922(g)``;
* the section first: ``section 1373 of title 8``, ``section 89, title 14, United States
  Code``, ``Section 14123(a)(2) of 49 U.S.C.``, ``section 1357 of this title`` (with
  ``this_title``), ``Title 8, Section 1373 of the U.S. Code``;
* lists, ranges, pins, ``et seq.`` and ``note`` through :func:`citelink.grammar.parse_sections`;
* short forms ("§ 1373", "id. § 1702", "Id. at (b)") through the finder's shared handlers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from citelink.grammar import (
    CODE_PIN_LEVELS,
    SECTION_ITEM,
    SECTION_MARK,
    WS,
    WS1,
    Item,
    Sections,
    parse_sections,
    pin_in_case,
)
from citelink.index import uscode_index
from citelink.models import Citation, fast_init
from citelink.scanner import Scan, Source, Trigger


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class UsCodeCitation(Citation):
    """A citation of the United States Code.

    ``title`` is ``None`` for a short form with no antecedent (unresolved).
    ``section`` is empty for a whole title ("Title 49 of the United States Code"), which
    is not reported but anchors the short forms after it.
    ``pin`` is the subsection path, ``("a", "1", "A")`` for "(a)(1)(A)".
    ``range_end`` is set on the first citation of a range ("1983" in
    "§§ 1981–1983"); ``appendix`` marks the former appendix titles
    ("50 U.S.C. App. § 2401").
    """

    kind = "usc"

    title: str | None
    section: str
    pin: tuple[str, ...] = ()
    appendix: bool = False
    range_end: str | None = None
    et_seq: bool = False
    note: bool = False

    @property
    def normalized(self) -> str:
        pin = "".join(f"({p})" for p in self.pin)
        if self.range_end is None:
            where = f"§ {self.section}{pin}"
        elif self.range_end.startswith("("):
            where = f"§ {self.section}{pin}–{self.range_end}"
        elif self.range_end.startswith(self.section + "("):
            where = f"§ {self.section}{pin}–{self.range_end[len(self.section) :]}"
        else:
            where = f"§§ {self.section}{pin}–{self.range_end}"
        if self.et_seq:
            where += " et seq."
        if self.note:
            where += " note"
        if self.title is None:
            return where
        app = " app." if self.appendix else ""
        return f"{self.title} U.S.C.{app} {where}"

    @property
    def resolved(self) -> bool:
        return self.title is not None

    @property
    def moved_to(self) -> tuple[str, str] | None:
        """Where the cited section is in the Code now, ``(title, section)``, when it was
        renumbered or reclassified and the shipped index says so without doubt: one place,
        live there, and nothing live under the old designation (which a later section may
        reuse). ``None`` otherwise, and for ranges, appendix titles and short forms' guesses."""
        if self.title is None or not self.section or self.appendix or self.range_end:
            return None
        index = uscode_index()
        places = {(m.title, m.section) for m in index.moved(self.title, self.section)}
        if len(places) != 1:
            return None
        ((title, section),) = places
        if any(r.active for r in index.lookup(self.title, self.section)):
            return None
        if not any(r.active for r in index.lookup(title, section)):
            return None
        return title, section

    def fields(self) -> dict[str, Any]:
        found = Citation.fields(self)
        moved = self.moved_to
        if moved is not None:
            found["moved_to"] = {"title": moved[0], "section": moved[1]}
        return found

    @property
    def anchors(self) -> bool:
        # A bare section left unresolved because it is another body's ("section 5" of
        # the act just named) does not stand for the Code: later short forms look past it.
        return self.unresolved_reason not in _NOT_ANCHORING

    @property
    def id(self) -> str | None:
        if self.title is None:
            return None
        title = f"{self.title}-app" if self.appendix else self.title
        if not self.section:  # a whole title, named as the anchor of short forms
            return f"usc/{title}"
        return "/".join(("usc", title, self.section, *self.pin))


#: Why an unresolved short form may be another body's section, not an unknown Code's.
_NOT_ANCHORING = frozenset({"other-container", "unknown-section"})

# --- grammar ----------------------------------------------------------------

ITEM = re.compile(SECTION_ITEM)

_CODE_NAME = (
    rf"U\.?{WS}S\.?{WS}C(?:ode\b|\.?(?:{WS}?[ASU]\b\.?)?(?![A-Za-z]))"
    rf"|United{WS1}States{WS1}Code\b"
    r"|u\.?s\.?c\b\.?"
)
#: The title before the Code's name: "8 ", "title 18, ", "18, ", "Title 8 of the ".
#: Matched on the reversed text before the name, so that it is one anchored match.
_TITLE_BEFORE = re.compile(
    rf"{WS}(?:,{WS}|eht{WS1}fo{WS1})?(?P<title>\d{{1,3}})(?![\w.,§])"
    rf"(?P<word>{WS1}(?:eltit|eltiT|ELTIT)(?!\w))?"
)
_LOOKBACK = 40

#: The Code's name and what follows it: an appendix marker, a comma, a section mark, a section.
_NAME_AND_SECTION = re.compile(
    rf"(?:{_CODE_NAME})(?P<app>{WS1}[Aa]pp(?:\.|endix\b))?(?:{WS},)?{WS}"
    rf"(?:(?P<mark>{SECTION_MARK}){WS})?{SECTION_ITEM}"
)
_CODE_NAME_ONLY = re.compile(_CODE_NAME)
#: A number followed by the Code's name is the title of the next citation ("8 U.S.C. 42 U.S.C.").
_NEXT_NAME = re.compile(rf"{WS}(?:{_CODE_NAME})")
#: "U.S.C. Title 18, Section 922(g)": the title after the Code's name.
_NAME_TITLE_SECTION = re.compile(
    rf"(?:{_CODE_NAME}){WS},?{WS}(?:[Tt]itle|TITLE){WS1}(?P<title>\d{{1,3}}){WS},?{WS}"
    rf"(?P<mark>{SECTION_MARK}){WS}{SECTION_ITEM}"
)
#: "Title 8, Section 1373 of the U.S. Code".
_TITLE_FIRST = re.compile(
    rf"(?:[Tt]itle|TITLE){WS1}(?P<title>\d{{1,3}}){WS},{WS}(?P<mark>{SECTION_MARK}){WS}"
    + SECTION_ITEM
)
_OF_THE_CODE = re.compile(rf"{WS1}of{WS1}the{WS1}(?:{_CODE_NAME})")

#: What names another body of law after "of title 11": " of the Delaware Code", ", California
#: Code of Regulations", " of the Act". Its title is not the U.S. Code's; but the Code's own
#: titles have names too ("title 26, Internal Revenue Code").
_ANOTHER_CODE = (
    rf"(?:{WS},|{WS1}of)(?:{WS1}the)?{WS1}"
    rf"(?!(?:Internal{WS1}Revenue|Bankruptcy|Judicial|Criminal){WS1}Code\b)"
    rf"(?:(?:[A-Z][\w.'’]{{0,20}}|and|of|&){WS1}){{0,6}}"
    r"(?:Code|Codes|Statutes|Stat\.|Regulations|Regs\.|Laws|Rules|Act|Annotated)(?![A-Za-z])"
)
#: After "section 1373": "of title 8", "of this title", ", title 14, United States Code",
#: "of 49 U.S.C.".
_QUALIFIER = re.compile(
    rf"(?:{WS},)?{WS1}of{WS1}(?:(?P<this>this{WS1}title\b)"
    rf"|(?:[Tt]itle|TITLE){WS1}(?P<title>\d{{1,3}})(?!\w)"
    rf"(?:(?:{WS},|{WS1}of{WS1}the){WS}(?:{_CODE_NAME})|(?!{_ANOTHER_CODE}))"
    rf"|(?P<title_num>\d{{1,3}}){WS1}(?:{_CODE_NAME}))"
    rf"|{WS},{WS}(?:[Tt]itle|TITLE){WS1}(?P<title_comma>\d{{1,3}}){WS},?{WS}(?:{_CODE_NAME})"
)


# --- links --------------------------------------------------------------------
#
# Each builder answers ``None`` for what its site does not hold: an unresolved
# short form, a title that does not exist, an appendix the site has no section
# pages for. Lists and ranges need nothing special: each member is its own
# citation, and the first of a range links to its first section. "et seq." and
# "note" link to the section's page (its notes are on it), without a pin anchor.

#: Titles that hold sections: 1 to 54, but title 53 is reserved.
_TITLES = frozenset(str(number) for number in range(1, 55)) - {"53"}


def _where(citation: UsCodeCitation) -> tuple[str | None, str]:
    """The title and section a link goes to: where the law is now, if it moved."""
    moved = citation.moved_to
    return moved if moved is not None else (citation.title, citation.section)


def lii_url(citation: UsCodeCitation) -> str | None:
    """Cornell LII: ``https://www.law.cornell.edu/uscode/text/8/1101#a_15_U_iii``.

    The path and the ``#a_15_U_iii`` subsection anchors are the scheme of LII's
    own section pages and links. LII publishes the appendix titles only as
    named rules (``/uscode/text/28a/courtrules-Evid/...``), not by section
    number, so an appendix citation has no LII link. A section that moved links
    to where it is now (``lii-as-cited`` keeps the section as cited).
    """
    title, section = _where(citation)
    return _lii(citation, title, section)


def lii_as_cited_url(citation: UsCodeCitation) -> str | None:
    """LII's page of the section as cited, for a section that moved (else none: ``lii``)."""
    if citation.moved_to is None:
        return None
    return _lii(citation, citation.title, citation.section)


def _lii(citation: UsCodeCitation, title: str | None, section: str) -> str | None:
    if title not in _TITLES or citation.appendix:
        return None
    url = f"https://www.law.cornell.edu/uscode/text/{title}/{section}"
    if citation.pin and not citation.note:
        url += "#" + "_".join(citation.pin)
    return url


def uscode_url(citation: UsCodeCitation) -> str | None:
    """The Law Revision Counsel's site, uscode.house.gov, current ("prelim") edition.

    ``https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title8-section1373&num=0&edition=prelim#substructure-location_a_1``:
    the granule query is the form the site's own section links use, and its
    pages mark each subsection with an ``<a name="substructure-location_a_1">``
    anchor. The current edition has no section granules for the former
    appendix titles (the title 5 and title 50 appendices were moved into the
    Code), so an appendix citation has no link here.
    """
    title, section = _where(citation)
    if title not in _TITLES or citation.appendix:
        return None
    url = (
        "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-"
        f"title{title}-section{section}&num=0&edition=prelim"
    )
    if citation.pin and not citation.note:
        url += "#substructure-location_" + "_".join(citation.pin)
    return url


def govinfo_url(citation: UsCodeCitation) -> str | None:
    """GovInfo's link service: ``https://www.govinfo.gov/link/uscode/8/1373?link-type=html``.

    The service's documented query for the ``uscode`` collection
    (https://www.govinfo.gov/link-docs/) is ``/link/uscode/{title}/{section}``,
    ``type=uscappendix`` for a section of an appendix, and ``link-type=html``
    for the text rather than the PDF; it returns the most recent edition that
    holds the section, so former appendix sections resolve too. It addresses
    whole sections: there is no subsection anchor.
    """
    title, section = _where(citation)
    if title not in _TITLES:
        return None
    kind = "type=uscappendix&" if citation.appendix else ""
    return f"https://www.govinfo.gov/link/uscode/{title}/{section}?{kind}link-type=html"


# --- the source ---------------------------------------------------------------


class UsCode(Source):
    """The United States Code. A container is ``(title, appendix)``."""

    kind = "usc"
    item = ITEM
    links = MappingProxyType(
        {
            "lii": lii_url,
            "uscode": uscode_url,
            "govinfo": govinfo_url,
            "lii-as-cited": lii_as_cited_url,
        }
    )

    def __init__(self) -> None:
        self.triggers = (
            Trigger(
                (r"U\.?\s?S\.?\s?C", r"United\s+States\s+Code", r"usc\b", r"u\.s\.c\."),
                self._after_code_name,
            ),
            Trigger((r"Title\s+\d", r"title\s+\d", r"TITLE\s+\d"), self._title_first),
        )

    # "8 U.S.C. § 1373", "U.S.C. Title 18, Section 922(g)"
    def _after_code_name(self, scan: Scan, start: int, end: int) -> int | None:
        text = scan.text
        before = _TITLE_BEFORE.match(text[max(scan.floor, start - _LOOKBACK) : start][::-1])
        if before is not None:
            found = _NAME_AND_SECTION.match(text, start)
            if found is None and before.group("word") is not None:
                return self._title_alone(scan, before, start)
            if found is None or _NEXT_NAME.match(text, found.end()):
                return None
            title, cite_start = before.group("title")[::-1], start - before.end()
            app, plural = found.group("app", "plural")
            appendix = app is not None
        else:
            found = _NAME_TITLE_SECTION.match(text, start)
            if found is None:
                return None
            title, plural = found.group("title", "plural")
            cite_start, appendix = start, False
        sections = parse_sections(text, found, ITEM, plural is not None)
        return scan.cite(self, (_title(title), appendix), sections, cite_start, sections.end)

    # "Title 49 of the United States Code": the title later bare sections are in
    def _title_alone(self, scan: Scan, before: re.Match[str], start: int) -> int | None:
        name = _CODE_NAME_ONLY.match(scan.text, start)
        if name is None:
            return None
        title = _title(before.group("title")[::-1])
        begin = start - before.end()
        scan.anchor_on(
            UsCodeCitation(
                text=scan.text[begin : name.end()],
                start=begin,
                end=name.end(),
                title=title,
                section="",
            )
        )
        return name.end()

    # "Title 8, Section 1373 of the U.S. Code"
    def _title_first(self, scan: Scan, start: int, end: int) -> int | None:
        text = scan.text
        head = _TITLE_FIRST.match(text, start)
        if head is None:
            return None
        sections = parse_sections(text, head, ITEM, head.group("plural") is not None)
        tail = _OF_THE_CODE.match(text, sections.end)
        if tail is None:
            return None
        return scan.cite(self, (_title(head.group("title")), False), sections, start, tail.end())

    # "section 1373 of title 8"
    def qualify(self, scan: Scan, start: int, sections: Sections) -> int | None:
        tail = _QUALIFIER.match(scan.text, sections.end)
        if tail is None:
            return None
        which = tail.lastgroup  # "this", or the group that holds the title's number
        title = scan.this_title if which == "this" else _title(tail.group(which or 0))
        return scan.cite(self, (title, False), sections, start, tail.end())

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
        title: str | None = None
        appendix = False
        if container is not None:
            title, appendix = container  # type: ignore[misc]
        return UsCodeCitation(
            text=text,
            start=start,
            end=end,
            short=short,
            antecedent=antecedent,
            group=group,
            title=title,
            section=item.section,
            pin=pin_in_case(item.pin, text, CODE_PIN_LEVELS),
            appendix=appendix,
            range_end=item.range_end,
            et_seq=et_seq,
            note=note,
        )

    def container(self, antecedent: Citation) -> object:
        assert isinstance(antecedent, UsCodeCitation)
        return (antecedent.title, antecedent.appendix)

    # "§ 1373" after "8 U.S.C. § 1101" is title 8's; "Section 7" after "16 U.S.C. § 1531"
    # is not (16 U.S.C. § 7 was repealed: it is the act's section 7).
    def continues(self, antecedent: Citation, sections: Sections) -> bool:
        assert isinstance(antecedent, UsCodeCitation)
        index, title = uscode_index(), antecedent.title
        if antecedent.appendix or title is None or not index.has_title(title):
            return True  # nothing known to check against
        return all(
            any(record.active for record in index.lookup(title, item.section))
            for item in sections.items
        )


def _title(number: str) -> str:
    """ "08" -> "8"."""
    return number.lstrip("0") or "0" if number[0] == "0" else number


SOURCE = UsCode()
