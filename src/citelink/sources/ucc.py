"""The Uniform Commercial Code: "U.C.C. § 2-207(2)", "UCC 2-104", "UCC Article 9".

Forms understood here:

* the Code's name, then a section: ``U.C.C. § 2-207(2)``, ``UCC § 2-314``, ``UCC 2-104``
  (no mark), ``Uniform Commercial Code section 9-109``, ``U.C.C. § 4A-202``;
* lists and ranges: ``U.C.C. §§ 2-313, 2-314``, ``U.C.C. §§ 2-314 to 2-316``;
* an article: ``U.C.C. art. 2``, ``UCC Article 9``;
* the section first: ``section 2-207 of the Uniform Commercial Code``, ``§ 2-302 of the U.C.C.``;
* short forms after it: ``§ 2-105``, ``Id. § 2-106``, ``Id. at (b)``.

The UCC is a uniform law that each state enacts in its own code; a citation of the
Code itself is to the official text, which Cornell LII publishes by article and section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType

from citelink.grammar import (
    DASH,
    PIN,
    SECTION_MARK,
    WS,
    WS1,
    Item,
    Sections,
    one_section,
    parse_sections,
)
from citelink.models import Citation, fast_init
from citelink.scanner import Scan, Source, Trigger


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class UccCitation(Citation):
    """A section (``2-207``) or an article (``2A``) of the Uniform Commercial Code."""

    kind = "ucc"

    article: str
    section: str | None = None
    pin: tuple[str, ...] = ()
    range_end: str | None = None

    @property
    def normalized(self) -> str:
        if self.section is None:
            return f"U.C.C. art. {self.article}"
        pin = "".join(f"({p})" for p in self.pin)
        if self.range_end is not None:  # hyphenated sections take "to" (Bluebook 3.3(b))
            return f"U.C.C. §§ {self.section}{pin} to {self.range_end}"
        return f"U.C.C. § {self.section}{pin}"

    @property
    def id(self) -> str:
        if self.section is None:
            return f"ucc/art-{self.article}"
        return "/".join(("ucc", self.section, *self.pin))


# --- grammar ----------------------------------------------------------------

_NAME = rf"U\.{WS}?C\.{WS}?C\.|UCC\b|Uniform{WS1}Commercial{WS1}Code\b"
#: One section: the article (1 to 9, "2A", "4A"), a dash and three digits, with its pins.
ITEM = re.compile(
    rf"(?P<section>[1-9]A?{DASH}\d{{3}})(?!\d)"
    rf"(?P<pins>(?:[^\S\n]?{PIN})?(?:{PIN}){{0,9}})"
)
_NAME_AND_MARK = re.compile(rf"(?:{_NAME})(?:{WS},)?{WS}(?:{SECTION_MARK}{WS})?(?=[1-9]A?{DASH}\d)")
_NAME_AND_ARTICLE = re.compile(
    rf"(?:{_NAME})(?:{WS},)?{WS}(?:art\.|Art\.|[Aa]rticle\b|ARTICLE\b){WS}"
    rf"(?P<article>[1-9]A?)(?![{DASH[1:-1]}\w])"
)
#: After "section 2-207": "of the Uniform Commercial Code", "of the U.C.C.".
_QUALIFIER = re.compile(rf"(?:{WS},)?{WS1}of{WS1}(?:the{WS1})?(?:{_NAME})")
_MARK = re.compile(SECTION_MARK)


def article_of(section: str) -> str:
    """The article a section belongs to: "2A-103" -> "2A"."""
    return section.split("-", 1)[0]


# --- links --------------------------------------------------------------------


def lii_url(citation: UccCitation) -> str:
    """Cornell LII, by its observed scheme: https://www.law.cornell.edu/ucc/2/2-207 and
    https://www.law.cornell.edu/ucc/4A for an article."""
    url = f"https://www.law.cornell.edu/ucc/{citation.article}"
    return url if citation.section is None else f"{url}/{citation.section}"


# --- the source ---------------------------------------------------------------

#: What the sections of a UCC citation share: there is one Code.
_CONTAINER = "ucc"


class UniformCommercialCode(Source):
    """The Uniform Commercial Code (the official text, not a state's enactment)."""

    kind = "ucc"
    item = ITEM
    # "section 2-207 of the Uniform Commercial Code": its numbers look like the U.S. Code's.
    every_mark = True
    links = MappingProxyType({"lii": lii_url})

    def __init__(self) -> None:
        self.triggers = (
            Trigger(
                (r"U\.\s?C\.\s?C\.", r"UCC(?![A-Za-z])", r"Uniform\s+Commercial\s+Code"),
                self._after_name,
            ),
        )

    # "U.C.C. § 2-207(2)", "UCC 2-104", "UCC Article 9"
    def _after_name(self, scan: Scan, start: int, end: int) -> int | None:
        text = scan.text
        head = _NAME_AND_MARK.match(text, start)
        if head is not None:
            sections = self.sections(text, head.end(), head.group("plural") is not None)
            if sections is None:
                return None
            return scan.cite(self, _CONTAINER, sections, start, sections.end)
        article = _NAME_AND_ARTICLE.match(text, start)
        if article is None:
            return None
        stop = article.end()
        scan.add(
            UccCitation(
                text=text[start:stop], start=start, end=stop, article=article.group("article")
            )
        )
        return stop

    # "section 2-207 of the Uniform Commercial Code"
    def qualify(self, scan: Scan, start: int, sections: Sections) -> int | None:
        text = scan.text
        if text.find("of", sections.end, sections.end + 5) < 0:
            return None
        mark = _MARK.match(text, start)
        plural = mark is not None and mark.group("plural") is not None
        own = self.sections(text, sections.items[0].start, plural)
        if own is None:
            return None
        tail = _QUALIFIER.match(text, own.end)
        if tail is None:
            return None
        return scan.cite(self, _CONTAINER, own, start, tail.end())

    def sections(
        self, text: str, at: int, plural: bool, antecedent: Citation | None = None
    ) -> Sections | None:
        first = ITEM.match(text, at)
        return parse_sections(text, first, ITEM, plural, one_section) if first is not None else None

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
        # parse_sections writes its dashes as hyphens; none: "Id." after an article
        section = item.section or None
        if section is not None:
            article = article_of(section)
        else:
            assert isinstance(antecedent, UccCitation)
            article = antecedent.article
        return UccCitation(
            text=text,
            start=start,
            end=end,
            short=short,
            antecedent=antecedent,
            group=group,
            article=article,
            section=section,
            pin=item.pin,
            range_end=item.range_end,
        )

    def container(self, antecedent: Citation) -> object:
        return _CONTAINER

    def continues(self, antecedent: Citation, sections: Sections) -> bool:
        return isinstance(antecedent, UccCitation) and antecedent.section is not None


SOURCE = UniformCommercialCode()
