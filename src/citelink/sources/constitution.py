"""The U.S. Constitution: "U.S. Const. art. I, § 8, cl. 1", "the Fourteenth Amendment".

Forms understood here:

* ``U.S. Const. art. I, § 8, cl. 1``, ``U.S. CONST., art. I, ¶ 8, cl. 17``,
  ``U. S. Const. Amend. IV``, ``U.S. Const. amend. XIV, § 1``,
  ``U.S. Constitution Art. III § 2, cl. 1``;
* the article first: ``Article III, Section 2 of the U.S. Constitution``,
  ``Article I of the United States Constitution``;
* amendments by name: ``the Fourteenth Amendment``, ``the 14th Amendment``,
  ``Amendment XIV``, ``the First Amendment to the U.S. Constitution``; ``Section 5 of the
  Fourteenth Amendment``;
* after a citation of the Constitution: ``Amdt. XIV § 3``, ``Id. at cl. 2``, ``Id. § 3``.

A state's constitution ("Cal. Const. art. I, § 7", "the First Amendment to the Ohio
Constitution") is not this source's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType

from citelink.grammar import ROMAN, WS, WS1, Sections, roman_value, to_roman
from citelink.models import Citation, fast_init
from citelink.scanner import Scan, Source, Trigger


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class ConstitutionCitation(Citation):
    """A provision of the U.S. Constitution: an article or an amendment.

    ``article`` and ``amendment`` are Arabic numerals ("1", "14"), one of them
    set; ``section`` and ``clause`` narrow it down.
    """

    kind = "const"

    article: str | None = None
    amendment: str | None = None
    section: str | None = None
    clause: str | None = None

    @property
    def anchors(self) -> bool:
        return False  # "§ 1373" after it is not one of its sections

    @property
    def normalized(self) -> str:
        if self.article is not None:
            text = f"U.S. Const. art. {to_roman(int(self.article))}"
        else:
            text = f"U.S. Const. amend. {to_roman(int(self.amendment or 0))}"
        if self.section is not None:
            text += f", § {self.section}"
        if self.clause is not None:
            text += f", cl. {self.clause}"
        return text

    @property
    def id(self) -> str:
        parts = ["usconst"]
        if self.article is not None:
            parts.append(f"article-{self.article}")
        else:
            parts.append(f"amendment-{self.amendment}")
        if self.section is not None:
            parts.append(f"section-{self.section}")
        if self.clause is not None:
            parts.append(f"clause-{self.clause}")
        return "/".join(parts)


# --- grammar ----------------------------------------------------------------

_ARTICLES = 7
_AMENDMENTS = 27
_NUMBER = rf"(?:{ROMAN}|\d{{1,2}})(?![\w])"
_SECTION = rf"(?:,?{WS}(?:§|¶|[Ss]ec(?:tion|\.)|SEC(?:TION|\.)){WS}(?P<section>\d{{1,2}})(?!\w))?"
_CLAUSE = rf"(?:,?{WS}(?:[Cc]l(?:ause|\.)|CL(?:AUSE|\.)){WS}(?P<clause>\d{{1,2}})(?!\w))?"
_US = rf"(?:U\.{WS}S\.|United{WS1}States|US)"

#: After "Const": the designation, if any.
_AFTER_CONST = re.compile(
    rf"(?:Const(?:itution\b|\.)?|CONST(?:ITUTION\b|\.)?)(?:{WS},)?"
    rf"(?:{WS}(?:(?:[Aa]rt(?:icle\b|\.)?|ART(?:ICLE\b|\.)?){WS}(?P<article>{_NUMBER})"
    rf"|(?:[Aa]mend(?:ment\b|\.)?|AMEND(?:MENT\b|\.)?|[Aa]mdt\.?){WS}(?P<amendment>{_NUMBER}))"
    rf"{_SECTION}{_CLAUSE})?"
)
#: Before "Constitution": "U.S. ", or "Article III, Section 2 of the U.S. " (searched at the end).
_BEFORE_CONST = re.compile(
    rf"(?:(?:Article|Art\.|ARTICLE){WS}(?P<article>{_NUMBER}){_SECTION}{_CLAUSE}"
    rf"{WS1}of{WS1}the{WS1})?{_US}{WS}$"
)
_CONST_LOOKBACK = 90
#: "Article I, " before a section mark (searched at the end), and what follows the mark.
_ARTICLE_BEFORE = re.compile(rf"(?:Article|Art\.|ARTICLE){WS}(?P<article>{_NUMBER}),{WS}$")
_SECTION_OF_THE_CONSTITUTION = re.compile(
    rf"(?:§|[Ss]ec(?:tion|\.)|SEC(?:TION|\.)){WS}(?P<section>\d{{1,2}})(?!\w){_CLAUSE}"
    rf"{WS1}of{WS1}the{WS1}{_US}{WS}Constitution\b"
)

_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
}
_ORDINAL_WORD = "(?i:" + "|".join(_ORDINALS) + ")"
_ORDINAL = (
    rf"(?:(?P<twenty>Twenty|TWENTY)[-\s](?P<unit>{_ORDINAL_WORD})|(?P<word>{_ORDINAL_WORD})"
    rf"|(?P<digits>\d{{1,2}})(?:st|nd|rd|th))"
)
#: Before "Amendment": "Fourteenth ", "14th ", "Twenty-first " (searched at the end).
_BEFORE_AMENDMENT = re.compile(rf"(?<![\w-]){_ORDINAL}{WS1}$")
_AMENDMENT_LOOKBACK = 24
#: The last letters of ordinals ("Fourteenth", "First", "Second", "Third", "14th").
_ORDINAL_ENDS = frozenset("hdtHDT")
#: "Amendment XIV", "Amdt. XIV § 3".
_NUMBERED_AMENDMENT = re.compile(
    rf"(?P<name>Amendment|AMENDMENT|Amdt\.|Amend\.){WS}(?P<amendment>{ROMAN})(?![\w]){_SECTION}"
)
#: After "Fourteenth Amendment": the Constitution it amends, if named.
_TO_THE = re.compile(
    rf"(?:Amendment|AMENDMENT){WS1}to{WS1}the{WS1}(?P<whose>[\w.\s]{{0,20}}?)Constitution\b"
)
_OURS = re.compile(rf"(?:{_US}|[Ff]ederal){WS}$")

#: After "Section 5": "of the Fourteenth Amendment".
_QUALIFIER = re.compile(
    rf"(?:{WS},)?{WS1}of{WS1}the{WS1}{_ORDINAL}{WS1}(?:Amendment|AMENDMENT)\b"
    rf"(?:{WS1}to{WS1}the{WS1}{_US}{WS1}Constitution\b)?"
)
_ID_FORM = re.compile(
    rf"[Ii]d\.(?:{WS},)?(?:{WS1}at{WS1}(?:[Cc]l(?:ause|\.){WS}(?P<clause>\d{{1,2}})"
    rf"|§{WS}(?P<at_section>\d{{1,2}}))|{WS1}§{WS}(?P<section>\d{{1,2}})(?!\w))?(?![\w.])"
    rf"(?!(?:{WS},)?{WS1}at\b)"
)


def _number(text: str, limit: int) -> str | None:
    """ "XIV" or "14" -> "14" when it is between 1 and ``limit``."""
    value = int(text) if text.isdigit() else roman_value(text)
    return str(value) if value is not None and 1 <= value <= limit else None


def _ordinal(found: re.Match[str]) -> str | None:
    if found.group("digits") is not None:
        return _number(found.group("digits"), _AMENDMENTS)
    if found.group("twenty") is not None:
        return _number(str(20 + _ORDINALS[found.group("unit").lower()]), _AMENDMENTS)
    return str(_ORDINALS[found.group("word").lower()])


# --- links --------------------------------------------------------------------


def constitution_annotated_url(citation: ConstitutionCitation) -> str:
    """The Constitution Annotated (Congress.gov), by its observed browse scheme:
    https://constitution.congress.gov/browse/article-1/section-8/clause-1/,
    https://constitution.congress.gov/browse/article-6/clause-2/ and
    https://constitution.congress.gov/browse/amendment-14/section-1/."""
    if citation.article is not None:
        path = f"article-{citation.article}"
        if citation.section is not None:
            path += f"/section-{citation.section}"
        if citation.clause is not None:  # art. VI has clauses and no sections
            path += f"/clause-{citation.clause}"
    else:
        path = f"amendment-{citation.amendment}"
        if citation.section is not None:
            path += f"/section-{citation.section}"
    return f"https://constitution.congress.gov/browse/{path}/"


_BILL_OF_RIGHTS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
)


def lii_url(citation: ConstitutionCitation) -> str:
    """Cornell LII, by its observed scheme: https://www.law.cornell.edu/constitution/articlei;
    .../constitution/fifth_amendment for the Bill of Rights, .../amendmentxiv after it."""
    base = "https://www.law.cornell.edu/constitution/"
    if citation.article is not None:
        return base + "article" + to_roman(int(citation.article)).lower()
    number = int(citation.amendment or 0)
    if number <= len(_BILL_OF_RIGHTS):
        return base + f"{_BILL_OF_RIGHTS[number - 1]}_amendment"
    return base + "amendment" + to_roman(number).lower()


# --- the source ---------------------------------------------------------------


class Constitution(Source):
    """The U.S. Constitution; "Id." after it is handled by :meth:`refer_back`."""

    kind = "const"
    #: "art. I, § 8": the article, a comma and one character before the mark.
    before_mark = r"(?s:.),"
    links = MappingProxyType({"constitution": constitution_annotated_url, "lii": lii_url})

    def __init__(self) -> None:
        self.triggers = (
            Trigger((r"Const", r"CONST"), self._const),
            Trigger((r"Amendment", r"Amdt\.", r"Amend\."), self._amendment),
        )

    # "U.S. Const. art. I, § 8", "Article I of the U.S. Constitution"
    def _const(self, scan: Scan, start: int, end: int) -> int | None:
        text = scan.text
        before = _BEFORE_CONST.search(text, max(scan.floor, start - _CONST_LOOKBACK), start)
        if before is None:
            return None
        after = _AFTER_CONST.match(text, start)
        if after is None:
            return None
        if before.group("article") is not None:
            stop = _CONST_WORD.match(text, start).end()  # type: ignore[union-attr]
            article = _number(before.group("article"), _ARTICLES)
            amendment = None
            section, clause = before.group("section", "clause")
        elif after.group("article") is not None or after.group("amendment") is not None:
            stop = after.end()
            article = after.group("article") and _number(after.group("article"), _ARTICLES)
            amendment = after.group("amendment") and _number(after.group("amendment"), _AMENDMENTS)
            section, clause = after.group("section", "clause")
        else:
            return None  # "the U.S. Constitution" as a whole
        if article is None and amendment is None:
            return None
        return self._add(scan, before.start(), stop, article, amendment, section, clause)

    # "the Fourteenth Amendment", "Amendment XIV", "Amdt. XIV § 3"
    def _amendment(self, scan: Scan, start: int, end: int) -> int | None:
        text = scan.text
        numbered = _NUMBERED_AMENDMENT.match(text, start)
        if numbered is not None:
            if numbered.group("name") in ("Amdt.", "Amend.") and not isinstance(
                scan.last, ConstitutionCitation
            ):
                return None  # an abbreviation only counts right after the Constitution
            amendment = _number(numbered.group("amendment"), _AMENDMENTS)
            if amendment is None:
                return None
            section = numbered.group("section")
            return self._add(scan, start, numbered.end(), None, amendment, section, None)
        if text[start - 2 : start - 1] not in _ORDINAL_ENDS:  # "1996 Amendment", "\nAmendment"
            return None
        before = _BEFORE_AMENDMENT.search(text, max(scan.floor, start - _AMENDMENT_LOOKBACK), start)
        if before is None:
            return None
        amendment = _ordinal(before)
        if amendment is None:
            return None
        stop = start + len("Amendment")
        to_the = _TO_THE.match(text, start)
        if to_the is not None:
            if not _OURS.search(to_the.group("whose")) and to_the.group("whose").strip():
                return None  # "the First Amendment to the Ohio Constitution"
            stop = to_the.end()
        return self._add(scan, before.start(), stop, None, amendment, None, None)

    # "Article I, Section 8, Clause 3 of the United States Constitution"
    def named_before(self, scan: Scan, start: int, sections: Sections) -> int | None:
        text = scan.text
        if text[start - 2 : start - 1] != ",":
            return None
        article = _ARTICLE_BEFORE.search(text, max(scan.floor, start - 16), start)
        if article is None:
            return None
        tail = _SECTION_OF_THE_CONSTITUTION.match(text, start)
        number = _number(article.group("article"), _ARTICLES) if tail is not None else None
        if tail is None or number is None:
            return None
        section, clause = tail.group("section", "clause")
        return self._add(scan, article.start(), tail.end(), number, None, section, clause)

    # "Section 5 of the Fourteenth Amendment"
    def qualify(self, scan: Scan, start: int, sections: Sections) -> int | None:
        if scan.text.find("of", sections.end, sections.end + 5) < 0:
            return None
        if len(sections.items) != 1 or sections.items[0].pin:
            return None
        tail = _QUALIFIER.match(scan.text, sections.end)
        if tail is None:
            return None
        amendment = _ordinal(tail)
        if amendment is None:
            return None
        section = sections.items[0].section
        return self._add(scan, start, tail.end(), None, amendment, section, None)

    # "Id. at cl. 2", "Id. § 3", "Id."
    def refer_back(self, scan: Scan, start: int) -> int | None:
        last = scan.last
        if not isinstance(last, ConstitutionCitation):
            return None
        found = _ID_FORM.match(scan.text, start)
        if found is None:
            return None
        section, clause = last.section, last.clause
        new_section = found.group("section") or found.group("at_section")
        if new_section is not None:
            section, clause = new_section, None
        elif found.group("clause") is not None:
            clause = found.group("clause")
        antecedent = last.antecedent if last.short else last
        citation = ConstitutionCitation(
            text=found.group(),
            start=start,
            end=found.end(),
            short=True,
            antecedent=antecedent,
            article=last.article,
            amendment=last.amendment,
            section=section,
            clause=clause,
        )
        scan.add(citation)
        return found.end()

    def _add(
        self,
        scan: Scan,
        start: int,
        end: int,
        article: str | None,
        amendment: str | None,
        section: str | None,
        clause: str | None,
    ) -> int:
        scan.add(
            ConstitutionCitation(
                text=scan.text[start:end],
                start=start,
                end=end,
                article=article,
                amendment=amendment,
                section=section,
                clause=clause,
            )
        )
        return end


_CONST_WORD = re.compile(r"Const(?:itution\b|\.)?|CONST(?:ITUTION\b|\.)?")


SOURCE = Constitution()
