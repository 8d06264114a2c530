"""The Code of Federal Regulations: "8 C.F.R. § 287.7(a)", "40 CFR Part 60", "Treas. Reg. § 1.41-2".

Forms understood here:

* title, then the Code's name, then sections: ``8 C.F.R. § 287.7(a)``, ``8 CFR 287.7``,
  ``48 CFR §9903.201``, ``47 CFR 54.506 (c)``, ``5CFR, part 575``;
* parts: ``40 CFR Part 60``, ``8 C.F.R. pt. 287``, ``14 CFR part 25``, ``8 CFR parts 1 and 2``
  (``38 CFR Part 74.2`` is a section);
* section numbers of every shape the Code uses: ``1.1031(a)-1`` and ``1.411(a)(13)-1``
  (Treasury parentheses inside the number), ``8360.0-7``, ``240.10b-21``, ``128-1.5004``,
  ``100.T07-0110``, ``970.3102-05-30-70``; lists and ranges (``§§ 8360.0–7 & 8365.2–3(f)``,
  ``§§ 60.1–60.19``), ``et seq.``;
* Treasury Regulations: ``Treas. Reg. § 1.41-2``, ``Treas. Reg. 1.42-1T`` (title 26);
* the section first: ``section 1.1031(a)-1 of title 26, Code of Federal Regulations``,
  ``section 287.7 of 8 CFR``, and ``title 8, Code of Federal Regulations, section 287.7``;
* short forms (``§ 287.8``, ``Id. at (b)``) take the title of the citation before them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType
from urllib.parse import quote

from citelink.grammar import (
    CFR_PIN_LEVELS,
    DASH,
    PIN,
    SECTION_MARK,
    WS,
    WS1,
    Item,
    Sections,
    cited_sections,
    one_section,
    parse_sections,
    pin_in_case,
)
from citelink.models import Citation, fast_init
from citelink.scanner import Scan, Source, Trigger


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class CfrCitation(Citation):
    """A citation of the Code of Federal Regulations: a section, or a whole part.

    ``section`` is ``None`` for a part citation ("40 C.F.R. pt. 60"); ``part``
    is always set when ``title`` is. ``cited_as`` keeps the name a writer used
    instead of the Code's ("Treas. Reg."). ``title`` is ``None`` for a short
    form with no antecedent.
    """

    kind = "cfr"

    title: str | None
    part: str | None = None
    section: str | None = None
    pin: tuple[str, ...] = ()
    range_end: str | None = None
    et_seq: bool = False
    cited_as: str | None = None

    @property
    def normalized(self) -> str:
        if self.section is None:
            return f"{self.title} C.F.R. pt. {self.part}"
        where = cited_sections(self.section, self.pin, self.range_end)
        if self.et_seq:
            where += " et seq."
        return where if self.title is None else f"{self.title} C.F.R. {where}"

    @property
    def resolved(self) -> bool:
        return self.title is not None

    @property
    def id(self) -> str | None:
        if self.title is None:
            return None
        if self.section is None:
            return f"cfr/{self.title}/part-{self.part}"
        return "/".join(("cfr", self.title, self.section, *self.pin))


# --- grammar ----------------------------------------------------------------

#: A part: "287", "708a", "128-1" (title 41's hyphenated chapters).
_PART = rf"\d{{1,5}}[A-Za-z]{{0,2}}(?:{DASH}\d{{1,4}})?"
#: A section: the part, a dot, and the rest. Parentheses belong to the number
#: only when a dash follows them ("1.1031(a)-1"); otherwise they are pins. A
#: dash followed by the part again starts the end of a range ("60.1–60.19").
_SECTION = (
    rf"(?P<part>{_PART})\.[0-9A-Za-z]{{1,12}}"
    rf"(?:{DASH}(?!(?P=part)\.)[0-9A-Za-z]{{1,10}}"
    rf"|\.\d{{1,6}}"
    rf"|(?:\([0-9A-Za-z]{{1,5}}\)){{1,6}}(?={DASH}[0-9A-Za-z])){{0,6}}"
)
ITEM = re.compile(rf"(?P<section>{_SECTION})(?!\w)(?P<pins>(?:[^\S\n]?{PIN})?(?:{PIN}){{0,9}})")
#: A part number on its own ("Part 60"); a dot and digits make it a section.
#: A part number; it may end a sentence ("40 CFR part 721."). A year before "Comp." is
#: a compilation of title 3 ("3 CFR, 2001 Comp., p. 783"), not a part.
_PART_NUMBER = re.compile(
    rf"(?P<part>\d{{1,5}}[A-Za-z]?)(?!\w|\.\w|{DASH}\d|{WS}(?:{DASH}{WS}\d{{4}}{WS})?Comp\.)"
)
#: A number followed by a Code's name is the title of the next citation ("and 40 CFR").
_NEXT_TITLE = re.compile(rf"{WS}(?:C\.?{WS}?F\.?{WS}?R\b|U\.?{WS}?S\.?{WS}?C\b)")
_PART_LIST = re.compile(rf"(?:{WS},{WS}(?:and{WS1})?|{WS1}(?:and|or){WS1}|{WS}&{WS})")

_NAME = rf"(?:C\.{WS}F\.{WS}R\.?|CFR(?![A-Za-z]))"
#: What follows the Code's name: a section mark, a part word, or a number.
_AFTER_NAME = re.compile(
    rf"{_NAME}(?:{WS},)?{WS}(?:(?P<mark>{SECTION_MARK}){WS}"
    rf"|(?P<partword>[Pp]arts?\b|PARTS?\b|[Pp]ts?\.){WS}"
    r"|(?=\d))"
)
#: The title before the Code's name, matched on the reversed text: "8 ", "5", "title 8, ".
_TITLE_BEFORE = re.compile(rf"{WS}(?:,{WS})?(?P<title>\d{{1,2}})(?![\w.,§])(?:{WS1}eltit)?")
_LOOKBACK = 24

_TREASURY = re.compile(
    rf"Treas(?:\.|ury){WS}Reg(?:ulations?\b|s?\.?)(?:{WS},)?{WS}"
    rf"(?:(?P<mark>{SECTION_MARK}){WS})?"
)

#: After "section 1.1031(a)-1": "of title 26, Code of Federal Regulations", "of 8 CFR".
_QUALIFIER = re.compile(
    rf"(?:{WS},)?{WS1}of{WS1}(?:(?:[Tt]itle|TITLE){WS1}(?P<title>\d{{1,2}})"
    rf"(?:{WS},|{WS1}of{WS1}the){WS}Code{WS1}of{WS1}Federal{WS1}Regulations\b"
    rf"|(?P<title_num>\d{{1,2}}){WS1}{_NAME})"
)
#: Before "section 287.7": "title 8, Code of Federal Regulations, " (matched reversed).
_NAMED_BEFORE = re.compile(
    rf"{WS},{WS}snoitalugeR{WS1}laredeF{WS1}fo{WS1}edoC{WS},{WS}(?P<title>\d{{1,2}}){WS1}"
    r"(?:eltit|eltiT|ELTIT)(?!\w)"
)
_NAMED_LOOKBACK = 60


# --- links --------------------------------------------------------------------
# Each builder returns None for a citation its site cannot hold: titles run 1 to 50.


def ecfr_url(citation: CfrCitation) -> str | None:
    """eCFR (the current, official online edition), by its observed URL scheme:
    https://www.ecfr.gov/current/title-8/section-287.7#p-287.7(a)(1) and
    https://www.ecfr.gov/current/title-40/part-60 (paragraph anchors are "p-" + the cite).
    """
    if not _known_title(citation):
        return None
    base = f"https://www.ecfr.gov/current/title-{citation.title}"
    if citation.section is None:
        return f"{base}/part-{citation.part}"
    url = f"{base}/section-{citation.section}"
    if citation.pin:
        url += f"#p-{citation.section}" + "".join(f"({p})" for p in citation.pin)
    return url


def lii_url(citation: CfrCitation) -> str | None:
    """Cornell LII: https://www.law.cornell.edu/cfr/text/8/287.7, .../cfr/text/47/part-15."""
    if not _known_title(citation):
        return None
    base = f"https://www.law.cornell.edu/cfr/text/{citation.title}"
    if citation.section is None:
        return f"{base}/part-{citation.part}"
    return f"{base}/{citation.section}"


def govinfo_url(citation: CfrCitation) -> str | None:
    """GovInfo's link service (the annual edition), as documented for the CFR collection:
    https://www.govinfo.gov/link/cfr/{title}/{part}?sectionnum={section after the part's dot}.
    """
    if not _known_title(citation) or citation.part is None:
        return None
    url = f"https://www.govinfo.gov/link/cfr/{citation.title}/{citation.part}"
    if citation.section is not None:
        inner = citation.section[len(citation.part) + 1 :]
        url += "?sectionnum=" + quote(inner, safe="")
    return url


def _known_title(citation: CfrCitation) -> bool:
    title = citation.title
    return title is not None and title.isdigit() and 1 <= int(title) <= 50


# --- the source ---------------------------------------------------------------


class Cfr(Source):
    """The Code of Federal Regulations.

    A container is ``(title, cited_as, part)``; ``part`` only matters after a
    part citation, for "Id." (an item with an empty section is the part).
    """

    kind = "cfr"
    item = ITEM
    links = MappingProxyType({"ecfr": ecfr_url, "lii": lii_url, "govinfo": govinfo_url})

    def __init__(self) -> None:
        self.triggers = (
            Trigger((r"C\.\s?F\.\s?R", r"CFR(?![A-Za-z])"), self._after_name),
            Trigger((r"Treas(?:\.|ury)\s?Reg",), self._treasury),
        )

    def sections(
        self, text: str, at: int, plural: bool, antecedent: Citation | None = None
    ) -> Sections | None:
        first = ITEM.match(text, at)
        if first is None:
            return None
        if antecedent is not None and first.group("section").count(".") > 1:
            return None  # "Section 4.4.2.3 in the Analysis": a document's outline, not a rule
        return parse_sections(text, first, ITEM, plural, one_section)

    # "8 C.F.R. § 287.7(a)", "40 CFR Part 60"
    def _after_name(self, scan: Scan, start: int, end: int) -> int | None:
        text = scan.text
        before = _TITLE_BEFORE.match(text[max(scan.floor, start - _LOOKBACK) : start][::-1])
        if before is None:
            return None
        found = _AFTER_NAME.match(text, start)
        if found is None:
            return None
        title = before.group("title")[::-1].lstrip("0") or "0"
        cite_start = start - before.end()
        after = found.end()
        if found.group("partword") is not None:
            return self._parts(scan, title, cite_start, after)
        plural = found.group("plural") is not None or found.group("mark") is None
        sections = self.sections(text, after, plural)
        if sections is None:
            if found.group("mark") is not None:
                return None
            return self._parts(scan, title, cite_start, after)  # "40 CFR 60": a part
        return scan.cite(self, (title, None, None), sections, cite_start, sections.end)

    def _parts(self, scan: Scan, title: str, start: int, at: int) -> int | None:
        """ "Part 60", "parts 1 and 2"; "Part 74.2" is a section."""
        text = scan.text
        sections = self.sections(text, at, True)
        if sections is not None:
            return scan.cite(self, (title, None, None), sections, start, sections.end)
        found = _PART_NUMBER.match(text, at)
        if found is None:
            return None
        parts = [found]
        while len(parts) < 20:
            joint = _PART_LIST.match(text, parts[-1].end())
            nxt = _PART_NUMBER.match(text, joint.end()) if joint is not None else None
            if nxt is None or _NEXT_TITLE.match(text, nxt.end()):
                break
            parts.append(nxt)
        group = (start, parts[-1].end()) if len(parts) > 1 else None
        for i, part in enumerate(parts):
            s = start if i == 0 else part.start()
            scan.add(
                CfrCitation(
                    text=text[s : part.end()],
                    start=s,
                    end=part.end(),
                    group=group,
                    title=title,
                    part=part.group("part"),
                )
            )
        return parts[-1].end()

    # "Treas. Reg. § 1.41-2", "Treas. Reg. 1.42-1T"
    def _treasury(self, scan: Scan, start: int, end: int) -> int | None:
        text = scan.text
        found = _TREASURY.match(text, start)
        if found is None:
            return None
        sections = self.sections(text, found.end(), found.group("plural") is not None)
        if sections is None:
            return None
        return scan.cite(self, ("26", "Treas. Reg.", None), sections, start, sections.end)

    # "title 8, Code of Federal Regulations, section 287.7"
    def named_before(self, scan: Scan, start: int, sections: Sections) -> int | None:
        text = scan.text
        if text[start - 2 : start - 1] != ",":
            return None
        before = _NAMED_BEFORE.match(text[max(scan.floor, start - _NAMED_LOOKBACK) : start][::-1])
        if before is None:
            return None
        title = before.group("title")[::-1]
        return scan.cite(self, (title, None, None), sections, start - before.end(), sections.end)

    # "section 1.1031(a)-1 of title 26, Code of Federal Regulations"
    def qualify(self, scan: Scan, start: int, sections: Sections) -> int | None:
        if scan.text.find("of", sections.end, sections.end + 5) < 0:
            return None
        tail = _QUALIFIER.match(scan.text, sections.end)
        if tail is None:
            return None
        title = tail.group("title") or tail.group("title_num")
        return scan.cite(self, (title, None, None), sections, start, tail.end())

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
        cited_as: str | None = None
        part: str | None = None
        if container is not None:
            title, cited_as, part = container  # type: ignore[misc]
        section: str | None = item.section or None  # empty: "Id." after a part citation
        if section is not None:
            part = _part_of(section)
        return CfrCitation(
            text=text,
            start=start,
            end=end,
            short=short,
            antecedent=antecedent,
            group=group,
            title=title,
            part=part,
            section=section,
            pin=pin_in_case(item.pin, text, CFR_PIN_LEVELS) if section is not None else (),
            range_end=item.range_end,
            et_seq=et_seq,
            cited_as=cited_as,
        )

    def container(self, antecedent: Citation) -> object:
        assert isinstance(antecedent, CfrCitation)
        return (antecedent.title, antecedent.cited_as, antecedent.part)

    # "§ 679.43" after "50 CFR 679.43 ... 15 CFR part 906" is 50 CFR's: the latest
    # citation of its part; "§ 9.1" after "40 CFR part 720" (no part 9 cited) is title 40's.
    def antecedent_of(
        self, scan: Scan, antecedent: Citation, sections: Sections
    ) -> tuple[Citation, bool]:
        assert isinstance(antecedent, CfrCitation)
        part = _part_of(sections.items[0].section)
        if antecedent.part == part:
            return antecedent, True
        for citation in reversed(scan.citations[-_PART_WINDOW:]):
            if isinstance(citation, CfrCitation) and not citation.short and citation.part == part:
                return citation, True
        return antecedent, False


_PART_OF = re.compile(_PART)
#: How many citations back a short form looks for a citation of its own part.
_PART_WINDOW = 50


def _part_of(section: str) -> str:
    """The part of a section number: "287" of "287.7", "128-1" of "128-1.5004"."""
    found = _PART_OF.match(section)
    return found.group() if found is not None else section.split(".", 1)[0]


SOURCE = Cfr()
