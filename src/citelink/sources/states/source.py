"""State law: the codes and constitutions of the states, D.C. and the territories.

Forms understood here (``table.py`` lists every name; ``links.py`` the URLs):

* a code named before a section mark, found from the finder's shared
  section-mark handler (:meth:`StateLaw.named_before`): ``Cal. Penal Code § 187``,
  ``Fla. Stat. § 776.012``, ``Tex. Civ. Prac. & Rem. Code Ann. § 171.023``,
  ``Mass. Gen. Laws ch. 93A, § 2``, ``9 Del. C. § 2402``, ``Vt. Stat. Ann. tit. 13,
  § 2301``, ``21 O.S.2011, § 701.7``, ``Md. Code Ann., Crim. Law § 2-201``, and, once a
  citation has named the jurisdiction, its codes' short names: ``Penal Code § 187``;
* acronyms written with no mark: ``735 ILCS 5/2-619``, ``ORS 163.115``,
  ``RCW 9A.32.030``, ``N.J.S.A. 2C:11-3``, ``R.C. 2903.01``, ``CPLR 3211(a)(7)``;
* codes cited by article: ``La. Civ. Code art. 2315``, ``Tex. Code Crim. Proc. art. 38.22``;
* the code named after the section (:meth:`StateLaw.qualify`): ``section 776.012,
  Florida Statutes``, ``§ 565.020, RSMo``, ``section 187 of the Penal Code``;
* constitutions: ``Cal. Const. art. I, § 7``, ``Arizona Constitution Article XII,
  section 3``, ``Mass. Const. pt. 1, art. 12``, ``Ala. Const. amend. 772``,
  ``article I, section 7 of the California Constitution``, and after one,
  ``Art. XII, § 2`` (another article of the same constitution);
* short forms through the finder's shared handlers, each parsed with its
  jurisdiction's own section grammar: ``§ 26-14-8`` after ``Ala. Code § 38-2-6``,
  ``§ 10`` after ``410 ILCS 54/1`` (act 54), ``Id. § 3`` after a constitution.
"""

from __future__ import annotations

import functools
import re
import sys
from dataclasses import dataclass
from typing import NamedTuple

from citelink.grammar import (
    DASH,
    PIN,
    SECTION_MARK,
    SPACE,
    WS,
    WS1,
    Item,
    Sections,
    one_section,
    parse_sections,
    roman_value,
    to_roman,
)
from citelink.models import Citation, fast_init
from citelink.scanner import Scan, Source, Trigger
from citelink.sources.states import table
from citelink.sources.states.names import key, trie_pattern


class Code(NamedTuple):
    """One code of a jurisdiction, as ``table.CODES`` describes it."""

    jurisdiction: str
    key: str
    name: str
    shape: str
    style: str
    title: str


class Jurisdiction(NamedTuple):
    """A state, D.C. or a territory, as ``table.JURISDICTIONS`` describes it."""

    postal: str
    name: str
    abbreviation: str


JURISDICTIONS: dict[str, Jurisdiction] = {
    postal: Jurisdiction(postal, name, abbreviation)
    for postal, name, abbreviation, _ in table.JURISDICTIONS
}
#: The code a citation's ``(jurisdiction, code)`` stands for (its first entry in the table).
CODES: dict[tuple[str, str], Code] = {}
#: Full names ("Cal. Penal Code", "ORS"), by :func:`names.key`.
_FULL: dict[str, Code] = {}
#: Names used alone once the jurisdiction is known ("Penal Code"), by key: every code so named.
_LOCAL: dict[str, list[Code]] = {}
#: Names written with no section mark ("ORS 163.115"), by key.
_MARKLESS: set[str] = set()
#: Every name as written, for the name patterns.
_NAMES: set[str] = set()
for _row in table.CODES:
    _code = Code(*_row[:6])
    if _code.jurisdiction == "ny" and _code.shape == "decimal":
        _code = _code._replace(shape="hyphenated")  # "N.Y. Elec. Law § 9-112" is one section
    CODES.setdefault((_code.jurisdiction, _code.key), _code)
    for _name in _row[6]:
        # The name patterns read an optional "Ann." after any name: "X Ann." is X.
        _name = _name.removesuffix(" Ann.")
        _FULL.setdefault(key(_name), _code)
        _NAMES.add(_name)
    for _name in _row[7]:
        _LOCAL.setdefault(key(_name), []).append(_code)
        _NAMES.add(_name)
    _MARKLESS.update(key(_name) for _name in _row[8])
#: D.C., Guam and the Virgin Islands are governed by acts of Congress, not constitutions.
NO_CONSTITUTION = frozenset({"dc", "gu", "vi"})
#: Jurisdictions by the names written before "Const." ("Cal.", "California").
_JURISDICTION_NAMES: dict[str, str] = {
    key(name): postal
    for postal, _, _, names in table.JURISDICTIONS
    if postal not in NO_CONSTITUTION
    for name in names
}
_JURISDICTION_WRITTEN = [
    name
    for postal, _, _, names in table.JURISDICTIONS
    if postal not in NO_CONSTITUTION
    for name in names
]

#: Section separators a markless acronym's number must have at least ("AS 10" is not Alaska's).
_MARKLESS_SEPARATORS = {"AS": 2, "CPLR": 0}


# --- the citation --------------------------------------------------------------------


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class StateCitation(Citation):
    """A citation of a state's (D.C.'s, a territory's) code or constitution.

    ``jurisdiction`` is the lower-case postal code ("ca", "dc", "pr"), as in
    the id. ``code`` names the code ("penal", "stat", "gen-laws", "ilcs"), or
    ``"const"`` for the constitution. ``title`` is the title or chapter a
    code's sections are cited within ("9" in "9 Del. C. § 2402", "93A" in
    "Mass. Gen. Laws ch. 93A, § 2", "735" in "735 ILCS 5/2-619"). A
    constitution's citation has an ``article`` (in Arabic numerals, "1" for
    "art. I"), maybe a ``part`` (Massachusetts, New Hampshire, Vermont),
    ``amendment``, ``clause`` or ``paragraph``; its ``section`` may be empty.
    """

    kind = "state"

    jurisdiction: str
    code: str
    title: str | None = None
    section: str = ""
    pin: tuple[str, ...] = ()
    range_end: str | None = None
    et_seq: bool = False
    article: str | None = None
    part: str | None = None
    amendment: str | None = None
    clause: str | None = None
    paragraph: str | None = None

    @property
    def normalized(self) -> str:
        if self.code == "const":
            return self._constitution()
        code = CODES[(self.jurisdiction, self.code)]
        where = self._where("arts." if code.style == "art" else "§§")
        if code.style == "art":
            return f"{code.name} {where if self._several_sections() else 'art. ' + where}"
        if code.style == "ilcs":
            return f"{self.title} {code.name} {where}"
        mark = "§§" if self._several_sections() else "§"
        body = where if mark == "§§" else f"§ {where}"
        if code.style == "before":
            return f"{self.title} {code.name} {body}"
        if code.style == "tit":
            return f"{code.name} tit. {self.title}, {body}"
        if code.style == "ch":
            return f"{code.name} ch. {self.title}, {body}"
        return f"{code.name} {body}"

    def _several_sections(self) -> bool:
        end = self.range_end
        return end is not None and not end.startswith(("(", self.section + "("))

    def _where(self, plural: str) -> str:
        pin = "".join(f"({p})" for p in self.pin)
        where = f"{self.section}{pin}"
        if self.range_end is not None:
            if self.range_end.startswith("("):
                where = f"{where}–{self.range_end}"
            elif self.range_end.startswith(self.section + "("):
                where = f"{where}–{self.range_end[len(self.section) :]}"
            else:
                where = f"{plural} {where}–{self.range_end}"
        return where + (" et seq." if self.et_seq else "")

    def _constitution(self) -> str:
        parts = [f"{JURISDICTIONS[self.jurisdiction].abbreviation} Const."]
        if self.part is not None:
            parts.append(f"pt. {self.part},")
        if self.amendment is not None:
            parts.append(f"amend. {self.amendment}")
        if self.article is not None:
            parts.append(f"art. {roman(self.article)}")
        text = " ".join(parts)
        if self.section:
            where = self._where("§§")
            text += ", " + (where if self._several_sections() else f"§ {where}")
        if self.clause is not None:
            text += f", cl. {self.clause}"
        if self.paragraph is not None:
            text += f", para. {self.paragraph}"
        return text

    @property
    def resolved(self) -> bool:
        return True

    @property
    def id(self) -> str:
        segments = ["state", self.jurisdiction, self.code]
        if self.title is not None:
            segments.append(self.title)
        if self.part is not None:
            segments.append(f"pt-{self.part}")
        if self.amendment is not None:
            segments.append(f"amend-{self.amendment}")
        if self.article is not None:
            segments.append(f"art-{self.article}")
        if self.section:
            segments.append(f"sec-{self.section}" if self.code == "const" else self.section)
        if self.clause is not None:
            segments.append(f"cl-{self.clause}")
        if self.paragraph is not None:
            segments.append(f"para-{self.paragraph}")
        return "/".join((*segments, *self.pin))


# --- numbers -------------------------------------------------------------------------

_ROMAN_LETTERS = frozenset("IVXLC")


def arabic(number: str) -> str:
    """An article number in Arabic numerals: "XIV" -> "14", "13 A" -> "13A", "xiii-a" -> "13A"."""
    number = number.replace(" ", "").replace("-", "").upper()
    digits = number.rstrip("ABCDEFGHJKNOPQRSTUWYZ")  # a trailing letter that is not a numeral
    suffix = number[len(digits) :]
    if digits.isdigit():
        return str(int(digits)) + suffix
    if len(number) > 1 and number[-1] in "AB" and all(c in _ROMAN_LETTERS for c in number[:-1]):
        digits, suffix = number[:-1], number[-1]  # "XIIIA": art. XIII A
    total = roman_value(digits)
    return f"{total}{suffix}" if total else number


def roman(number: str) -> str:
    """An article number as Bluebook writes it: "14" -> "XIV", "13A" -> "XIII A"."""
    digits = number.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    if not digits.isdigit():
        return number
    value = int(digits)
    if not 0 < value < 400:
        return number
    out = to_roman(value)
    suffix = number[len(digits) :]
    return f"{out} {suffix}" if suffix else out


# --- grammar -------------------------------------------------------------------------

_HYPHEN = "[-\u2010\u2011]"
_TITLE_DASH = "[-\u2010\u2011\u2013]"
#: Pins, a space allowed before each: reporters print "(a) (1) (d) (iii)".
_PINS = rf"(?P<pins>(?:[^\S\n]?{PIN}){{0,10}})"
#: Section numbers by shape (see ``table.CODES``); each ends where no word character follows.
_NUMBERS = {
    # 187, 21001.1, 437c, 125.25, 3020-a, 9A.32.030, 11.41.100, 2.1002
    "decimal": (
        r"\d{1,6}[A-Za-z]{0,3}(?:\.\d{1,6}[A-Za-z]{0,3}){0,3}(?:-[A-Za-z]{1,2}(?![A-Za-z]))?"
    ),
    # 14-17, 13A-5-40, 46b-137, 9-22-3-2.5, 18.2-32, 12.1-16-01, 55-7B-6, 50-7a02
    # (D.C. prints an en dash after the title: "22–4504"; a range is then "22-4501–22-4504")
    "dashed": (
        rf"\d{{1,4}}[A-Za-z]{{0,3}}(?:\.\d{{1,4}}[A-Za-z]?)?"
        rf"(?:{_TITLE_DASH}\d{{1,6}}(?:[A-Za-z]{{1,3}}\d{{1,4}})?[A-Za-z]{{0,3}}"
        rf"(?:\.\d{{1,6}}[A-Za-z]{{0,2}}){{0,2}}"
        rf"(?:{_HYPHEN}\d{{1,6}}(?:[A-Za-z]{{1,3}}\d{{1,4}})?[A-Za-z]{{0,3}}"
        rf"(?:\.\d{{1,6}}[A-Za-z]{{0,2}}){{0,2}}){{0,4}})?"
    ),
    # 14:30, 630:1, 2C:11-3, 318-B:2, 9:2800.6
    "colon": (
        r"\d{1,4}[A-Za-z]{0,3}(?:-[A-Za-z]{1,2})?"
        r"(?::\d{1,5}[A-Za-z]{0,3}(?:[-.]\d{1,5}[A-Za-z]{0,3}){0,3})?"
    ),
    # 5/2-619, 54/1: act and section
    # (Illinois reporters print em dashes, spaced or not: "5/5—8—1", "5 — 8—1")
    "ilcs": (
        r"\d{1,4}/\d{1,5}[A-Za-z]{0,2}"
        r"(?:(?:[-.\u2013]|[^\S\n]?\u2014[^\S\n]?)\d{1,5}[A-Za-z]{0,3}){0,4}"
    ),
    # a constitution's section: at most 300 ("Section 778a" is not one)
    "const": r"(?:300|[12]\d\d|[1-9]\d|\d)[A-Za-z]?(?:\.\d{1,2})?",
}
_NUMBERS["dotted"] = _NUMBERS["decimal"]
# New York's laws (the table's "decimal" codes of "ny"): article and section joined by a
# hyphen, "9-112", "5-701", "27-0704", "5-1.1"; else as decimal, "125.25", "2116-a".
_NUMBERS["hyphenated"] = (
    rf"(?:\d{{1,2}}{_HYPHEN}\d{{1,4}}[A-Za-z]{{0,2}}(?:\.\d{{1,3}})?(?![\d.\-\u2010\u2011])"
    rf"|{_NUMBERS['decimal']})"
)
# 701.7 or 2-6-105 (Oklahoma: the titles differ); a dot before a dash starts a range, "701.7-701.9".
# Its short forms are as free as a decimal code's: "§ 702" after "Okla. Stat. tit. 21, § 701.7".
_DECIMAL_PARTS = r"(?:\.\d{1,6}[A-Za-z]{0,3}){1,3}"
_DASHED_PARTS = rf"(?:{_HYPHEN}\d{{1,6}}[A-Za-z]{{0,3}}(?:\.\d{{1,6}}[A-Za-z]{{0,3}})?){{1,4}}"
_NUMBERS["mixed"] = rf"\d{{1,6}}[A-Za-z]{{0,3}}(?:{_DECIMAL_PARTS}|{_DASHED_PARTS})?"
#: The numbers of short forms ("§ 26-14-8" after "Ala. Code § 38-2-6"): they must have the
#: structure of their code's numbers, a bare "§ 4" being more often another law's section.
_SHORT_NUMBERS = {
    **_NUMBERS,
    "dashed": _NUMBERS["dashed"].removesuffix(")?") + ")",
    "dotted": r"\d{1,6}[A-Za-z]{0,3}(?:\.\d{1,6}[A-Za-z]{0,3}){1,3}",
    "ilcs": rf"(?:\d{{1,4}}/)?{_NUMBERS['ilcs'].split('/', 1)[1]}",
}
ITEMS: dict[str, re.Pattern[str]] = {
    shape: re.compile(rf"(?P<section>{number})(?![\w])" + _PINS)
    for shape, number in _NUMBERS.items()
}
#: Any section number, before the code is known: "776.012", "14:30", "2C:11-3", "5/2-619".
_ANY_ITEM = re.compile(
    rf"(?P<section>\d{{1,6}}[A-Za-z]{{0,4}}(?:[.:/]\d[A-Za-z\d]{{0,7}}|{DASH}[A-Za-z\d]{{1,8}}){{0,6}})"
    rf"(?P<pins>(?:{PIN}){{0,10}})"
)
SHORT_ITEMS: dict[str, re.Pattern[str]] = {
    shape: re.compile(rf"(?P<section>{number})(?![\w])" + _PINS)
    for shape, number in _SHORT_NUMBERS.items()
}

_LOOKBACK = 90
_TRIE_BACK = trie_pattern(sorted(_NAMES), reverse=True)
_TRIE_AHEAD = trie_pattern(sorted(_NAMES), reverse=False)
#: A title or chapter number, reversed: "13", "93A", "17-A".
_NUMBER_BACK = r"(?:[A-Za-z]-)?[A-Za-z]{0,2}\d{1,4}"
#: What precedes a section number, read backwards from it: an "art." mark (codes
#: cited by article), a comma, a year ("21 O.S.2011,", "NMSA 1978,", "K.S.A. 2019
#: Supp.", "21 O.S.Supp.2017,"), "tit. 13," or "ch. 93A," after the name, the name,
#: and a title before it.
_BEFORE = (
    rf"{WS}(?P<art>\.s?tr[Aa](?![A-Za-z]){WS})?(?:,{WS})?"
    rf"(?:(?:\.ppuS{WS1})?(?P<year>\d{{4}})(?![\d]){WS}(?:\.ppuS{WS})?(?:,{WS})?)?"
    rf"(?:(?P<chapter>{_NUMBER_BACK})(?![\w]){WS}"
    rf"(?P<word>\.tit|\.tiT|\.hc|\.hC|\.c|eltit|eltiT|retpahc|retpahC)(?:{WS},|{WS1}))?"
    rf"(?:\.nnA{WS1})?(?P<name>{_TRIE_BACK})(?![A-Za-z0-9'’])"
    rf"(?:{WS1}(?P<before>{_NUMBER_BACK})(?![\w.,§]))?"
)
#: ", " or " of the " between a section and what it is a section of.
_OF = rf"(?:{WS},{WS}|{WS1}of{WS1}(?:the{WS1})?)"
#: After a section: ", Florida Statutes", " of the Penal Code", ", RSMo", and with the title or
#: chapter first: " of title 11 of the Delaware Code", ", chapter 93A, Mass. Gen. Laws".
_AFTER = (
    rf"{_OF}(?:(?P<unit>[Tt]itle|TITLE|[Cc]hapter|CHAPTER){WS1}"
    rf"(?P<number>\d{{1,4}}[A-Z]?(?:-[A-Z])?)(?![\w]){_OF})?"
    rf"(?P<name>{_TRIE_AHEAD})(?:{WS1}Ann(?:\.|otated\b))?(?![A-Za-z0-9])"
)
#: What must follow a section for :data:`_AFTER` to be worth a try.
_AFTER_START = re.compile(rf"{_OF}(?:[A-Z]|(?:title|chapter){WS1}\d)")


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """A pattern compiled on first use: the name patterns take a noticeable time to compile,
    which a program that never meets a state citation need not spend."""
    return re.compile(pattern)


_MARK = re.compile(rf"(?:{SECTION_MARK}){WS}")
_YEAR_AND_SUPPLEMENT = re.compile(rf"(?:19|20)\d\d(?:{WS1}Supp\.)?{WS1}(?=\d)")
#: "art. 2315" after a code's name, from the trigger on the name.
_ARTICLE_MARK = re.compile(
    rf"[^§\n]{{0,45}}?(?<![A-Za-z])(?P<mark>[Aa]rt(?P<plural>s)?\.){WS}(?=\d)"
)
#: A section right after a citation, in the next sentence: "Conn. Gen. Stat. § 46b-137.
#: § 121q" (read with the code's full grammar), or a bare number as structured as the
#: citation's ("Alaska Stat. § 01.05.011. 01.05.016").
_CONTINUATION = re.compile(
    rf"[.;]{SPACE}{{1,3}}(?P<mark>(?:(?P<plural>§§)|§){SPACE}{{0,2}})?(?=\d)"
)

# Constitutions.
_ROMAN_NUMERAL = r"[IVXLC]{1,7}"
_ARTICLE_NUMBER = rf"(?:{_ROMAN_NUMERAL}(?:{SPACE}?[AB](?![\w]))?|\d{{1,3}}(?:-?[A-Za-z](?![\w]))?)"
_JURISDICTION_BACK = trie_pattern(_JURISDICTION_WRITTEN, reverse=True)
_JURISDICTION_AHEAD = trie_pattern(_JURISDICTION_WRITTEN, reverse=False)
_CONSTITUTION_BEFORE = re.compile(
    rf"{WS}(?P<name>{_JURISDICTION_BACK})(?![A-Za-z'’])"
    rf"(?:{WS1}eht(?![A-Za-z]))?"
    rf"(?:{WS1}fo{WS1}(?P<article>{_ROMAN_NUMERAL}|\d{{1,3}}){WS1}(?:elcitrA|elcitra|ELCITRA)(?![A-Za-z]))?"
)
_ART_WORD = r"(?:art\.|Art\.|[Aa]rticle|ARTICLE)"
_SECTION_WORD = rf"(?P<mark>{SECTION_MARK})"
_CONSTITUTION_AFTER = re.compile(
    rf"(?:{WS}\(\d{{4}}\))?(?:{WS},)?{WS}"
    rf"(?:(?:pt\.|Pt\.|[Pp]art){WS}(?P<part>{_ROMAN_NUMERAL}|\d{{1,2}})(?:{WS},)?{WS1})?"
    rf"(?:(?:ch\.|Ch\.|[Cc]hapter){WS}(?P<chapter>{_ROMAN_NUMERAL}|\d{{1,2}})(?:{WS},)?{WS1})?"
    rf"(?:(?:amend\.|Amend\.|[Aa]mendment|amdt\.|Amdt\.){WS}(?P<amendment>{_ROMAN_NUMERAL}|\d{{1,4}})(?![\w])"
    rf"|(?:amend\.{WS}|Amend\.{WS})?{_ART_WORD}{WS}(?P<article>{_ARTICLE_NUMBER})"
    rf"(?:(?:{WS},)?{WS}{_SECTION_WORD}{WS}(?=\d))?)"
)
_CLAUSE = re.compile(
    rf"(?:{WS},)?{WS}(?:(?:cl\.|[Cc]lause){WS}(?P<clause>\d{{1,2}})"
    rf"|(?:para\.|¶|[Pp]aragraph){WS}(?P<paragraph>{_ROMAN_NUMERAL}|\d{{1,2}}))(?![\w])"
)
#: "Art. XII, " before a section mark, read backwards: another article of the constitution.
_ARTICLE_BEFORE = re.compile(
    rf"{WS}(?:,{WS})?(?P<article>{_ROMAN_NUMERAL}|[A-Za-z]?\d{{1,3}})(?![\w])"
    rf"{WS}(?:\.trA|\.tra|elcitrA|elcitra|ELCITRA)(?![A-Za-z])"
    rf"(?!(?:{WS},)?{WS}(?:\.tsnoC|noitutitsnoC))"  # "U.S. Const. art. I, § 8" is not ours
    # "Real Property Law, Art. 9, § 291": an article of a law, not of the constitution
    rf"(?!(?:{WS},)?{WS}(?:waL|WAL|edoC|EDOC)(?![A-Za-z]))"
)
#: "Art. VII" on its own after a citation of a state's constitution: another article of it.
#: Not "Art. XII, § 2" (the section mark claims that), "Art. XIII A" (a lettered article)
#: or "Article IV of the treaty" (an article of something named after it).
_LONE_ARTICLE = re.compile(
    rf"(?:Art\.|Article\b){WS}(?P<article>{_ROMAN_NUMERAL})(?![\w])"
    rf"(?!{SPACE}?[A-Z](?![\w])|(?:{WS},)?{WS}(?:{SECTION_MARK})|(?:{WS},)?{WS1}of\b)"
)
#: How far after the constitution's citation a lone article may stand.
_LONE_ARTICLE_WINDOW = 40
_OF_THE_CONSTITUTION = re.compile(
    rf"(?:{WS},)?{WS1}of{WS1}the{WS1}(?P<name>{_JURISDICTION_AHEAD}){WS1}(?:Constitution|Const\.)"
)


def guard_pattern(names: set[str]) -> str:
    """The pattern of :data:`_GUARD` for ``names`` (see there), to match on reversed text."""
    endings = trie_pattern(
        {word[-2:] for word in {name.split()[-1] for name in names} | {"Ann."}}, reverse=True
    )
    pattern = (
        r"[ \u00a0\t\n]?+,?+[ \u00a0]?+"
        rf"(?:{endings}"
        r"|[A-Za-z-]{0,2}+\d[\dA-Za-z-]{0,4}+[ .]"
        r"|(?P<article>(?:[IVXLC]{1,7}+|\d{1,3}+)[ \u00a0]{1,2}+(?:\.?tr|elc|ELC)))"
    )
    # Possessive quantifiers (Python 3.11+) fail a mark once, without backtracking; the
    # same pattern without them matches the same text.
    return pattern if sys.version_info >= (3, 11) else pattern.replace("+", "")


#: A cheap look before a section mark, matched on the reversed text (reversed once per
#: call), so that the finder's thousands of "of section 5" and "title III, § 308" cost one
#: call and no backward match: the last two characters of a name ("de" of "Code"), a
#: title's, chapter's or year's number after a space or period ("ch. 93A,", "tit. 13,",
#: "17-A", "NMSA 1978,", "O.S.2011,"), or an article's numeral ("Art. XII,", "Article 15,").
_GUARD = re.compile(guard_pattern(_NAMES))


class Container(NamedTuple):
    """What the citations of one list, and the short forms after them, share."""

    code: Code
    title: str | None = None
    #: A constitution's article and part.
    article: str | None = None
    part: str | None = None
    #: What a short form's number is read within: the act of "410 ILCS 54/1" (so
    #: that "§ 10" is 54/10) and the title of "Am. Samoa Code § 2.1002".
    prefix: str | None = None
    #: A constitution's amendment, clause and paragraph.
    amendment: str | None = None
    clause: str | None = None
    paragraph: str | None = None


_CONSTITUTION = "const"
_MEMO_STATE = "states.jurisdiction"


# --- the source ----------------------------------------------------------------------


class StateLaw(Source):
    """The codes and constitutions of the states, D.C. and the territories."""

    kind = "state"
    item = ITEMS["decimal"]
    every_mark = True
    before_mark = _GUARD.pattern.replace("(?P<article>", "(?:")

    def __init__(self) -> None:
        from citelink.sources.states.links import LINKS

        self.links = LINKS
        self.triggers = (
            # Acronyms without a mark; each alternative after a one-character guard, so
            # that the thousands of "S" and "C" in a text cost one test each.
            Trigger(
                (
                    r"ILCS\s{0,2}\d",
                    r"Ill\.\s?Comp\.\s?Stat\.(?:\s?Ann\.)?\s{1,2}\d",
                    r"S(?<=[A-Z.]S)(?:(?<=[ONKH]RS)\s{1,2}|(?<=AS)(?<![\w.]AS)\s{1,2}"
                    r"|A(?<=RSA)\s{1,2}|\.(?<=[RGJ]\.S\.)\s{0,2}|\.A\.(?<=[JK]\.S\.A\.)\s{0,2})\d",
                    r"SDCL\s{1,2}\d",
                    r"C(?<=[A-Z.]C)(?:W(?<=RCW)\s{1,2}|\.(?<=R\.C\.)\s{0,2}|L(?<=MCL)\s{1,2}"
                    r"|\.L\.(?<=M\.C\.L\.)\s{0,2}|C(?<=NDCC)\s{1,2}|\.C\.(?<=D\.C\.C\.)\s{0,2})\d",
                    r"CPLR\s{0,2}\d",
                ),
                self._markless,
            ),
            Trigger(
                (
                    r"Code(?=[ A-Za-z.,'&]{0,40}?(?<![A-Za-z])[Aa]rts?\.\s{0,2}\d)",
                    r"C\.\s?(?:Cr\.\s?)?[CPE]\.(?:\s?P\.)?,?\s{1,3}[Aa]rts?\.\s{0,2}\d",
                    r"Ch\.\s?C\.,?\s{1,3}[Aa]rts?\.\s{0,2}\d",
                    r"Stat\.(?:\s?Ann\.)?,?\s{1,3}[Aa]rts?\.\s{0,2}\d",
                ),
                self._by_article,
            ),
            # "Cal. Penal Code 502(c)": a code's full name and a number, no mark
            Trigger((r"Code\s{1,2}\d",), self._code_and_number),
            Trigger((r"Const\.", r"Constitution\b"), self._constitution),
            Trigger((r"Art\.\s?[IVXLC]", r"Article\s[IVXLC]"), self._lone_article),
        )

    # --- finding ---------------------------------------------------------------------

    # "Cal. Penal Code § 187", "Art. XII, § 2" after a constitution
    def named_before(self, scan: Scan, start: int, sections: Sections) -> int | None:
        text, backward = scan.text, scan.backward
        at, limit = len(text) - start, len(text) - scan.floor
        guard = _GUARD.match(backward, at, limit)
        if guard is None:
            return None  # most marks: "of section 5", "under § 5", "title III, § 308"
        limit = min(limit, at + _LOOKBACK)
        if guard.lastgroup != "article":
            found = _compiled(_BEFORE).match(backward, at, limit)
            if found is not None and found.group("art") is None:
                code = self._code_named(scan, found.group("name")[::-1])
                if code is not None and code.style != "art":
                    return self._cite_code(scan, code, found, start, start)
        numeral = _ARTICLE_BEFORE.match(backward, at, limit)
        if numeral is not None:
            return self._another_article(scan, start - (numeral.end() - at), numeral, start)
        return None

    # "section 776.012, Florida Statutes", "section 187 of the Penal Code"
    def qualify(self, scan: Scan, start: int, sections: Sections) -> int | None:
        text = scan.text
        if _AFTER_START.match(text, sections.end) is None:
            return None
        tail = _compiled(_AFTER).match(text, sections.end)
        if tail is None:
            return None
        code = self._code_named(scan, tail.group("name"))
        if code is None or code.style == "art":
            return None
        title = _title_after(code, tail)
        if title is None:
            return None
        at = sections.items[0].start
        mark = _MARK.match(text, start)
        plural = mark is not None and mark.group("plural") is not None
        parsed = self._sections(text, at, code.shape, plural)
        if parsed is None:
            return None
        tail = _compiled(_AFTER).match(text, parsed.end)  # the code's grammar may end elsewhere
        if tail is None or self._code_named(scan, tail.group("name")) != code:
            return None
        if _title_after(code, tail) != title:
            return None
        container = Container(code, title or None, prefix=_prefix(code, parsed))
        self._remember(scan, code.jurisdiction)
        return scan.cite(self, container, parsed, start, tail.end())

    # "ORS 163.115", "735 ILCS 5/2-619", "N.J.S.A. 2C:11-3", "K.S.A. 2019 Supp. 21-5402"
    def _markless(self, scan: Scan, start: int, end: int) -> int | None:
        text = scan.text
        at = end - 1
        year = _YEAR_AND_SUPPLEMENT.match(text, at)
        if year is not None:
            at = year.end()
        window = text[max(scan.floor, at - _LOOKBACK) : at][::-1]
        found = _compiled(_BEFORE).match(window)
        if found is None or found.group("art") is not None:
            return None
        name = key(found.group("name")[::-1])
        if name not in _MARKLESS and name + "Ann." not in _MARKLESS:
            return None
        code = _FULL[name]
        return self._cite_code(scan, code, found, at, at, separators=_separators(name))

    # "laws such as Cal. Penal Code 502(c)": only a full name, with its jurisdiction
    def _code_and_number(self, scan: Scan, start: int, end: int) -> int | None:
        text = scan.text
        at = end - 1
        window = text[max(scan.floor, at - _LOOKBACK) : at][::-1]
        found = _compiled(_BEFORE).match(window)
        if found is None or found.group("art") is not None or found.group("year") is not None:
            return None
        code = _FULL.get(key(found.group("name")[::-1]))
        if code is None or code.style == "art" or not code.name.endswith("Code"):
            return None
        return self._cite_code(scan, code, found, at, at, plural=False)

    # "La. Civ. Code art. 2315", "Tex. Code Crim. Proc. Ann. art. 38.22"
    def _by_article(self, scan: Scan, start: int, end: int) -> int | None:
        text = scan.text
        mark = _ARTICLE_MARK.match(text, start)
        if mark is None:
            return None
        at = mark.start("mark")
        window = text[max(scan.floor, at - _LOOKBACK) : at][::-1]
        found = _compiled(_BEFORE).match(window)
        if found is None:
            return None
        code = self._code_named(scan, found.group("name")[::-1])
        if code is None or code.style != "art":
            return None
        plural = mark.group("plural") is not None
        return self._cite_code(scan, code, found, at, mark.end(), plural=plural)

    def _cite_code(
        self,
        scan: Scan,
        code: Code,
        found: re.Match[str],
        before: int,
        mark_start: int,
        *,
        plural: bool | None = None,
        separators: int = 0,
    ) -> int | None:
        """Cite ``code`` (named by ``found``, matched backwards from ``before``) at its number.

        The number follows the section mark at ``mark_start`` (or starts there,
        for a markless name).
        """
        text = scan.text
        at = mark_start
        if plural is None:
            mark = _MARK.match(text, mark_start)
            if mark is not None:
                at = mark.end()
            plural = mark is not None and mark.group("plural") is not None
        title = _title(code, found)
        if title is None:
            return None
        sections = self._sections(text, at, code.shape, plural)
        if sections is None:
            return None
        if sum(map(sections.items[0].section.count, ".-:/")) < separators:
            return None
        cite_start = before - (found.end("name") - found.pos)
        if title and found.group("before") is not None and title == found.group("before")[::-1]:
            cite_start = before - (found.end("before") - found.pos)
        container = Container(code, title or None, prefix=_prefix(code, sections))
        self._remember(scan, code.jurisdiction)
        end = scan.cite(self, container, sections, cite_start, sections.end)
        return self._continuation(scan, container, sections, end)

    def _continuation(self, scan: Scan, container: Container, sections: Sections, end: int) -> int:
        """Claim a bare section right after a citation whose numbers have several parts."""
        text = scan.text
        gap = _CONTINUATION.match(text, end)
        if gap is None or len(sections.items) != 1:
            return end
        item = ITEMS[container.code.shape].match(text, gap.end())
        if item is None:
            return end
        if gap.group("mark") is None:  # a bare number: only one as structured as the first
            first, second = sections.items[0].section, item.group("section")
            if min(sum(map(first.count, ".-")), sum(map(second.count, ".-"))) < 2:
                return end
        plural = gap.group("plural") is not None
        more = parse_sections(text, item, ITEMS[container.code.shape], plural, one_section)
        start = gap.start("mark") if gap.group("mark") is not None else gap.end()
        return scan.cite(self, container, more, start, more.end, short=True, antecedent=scan.last)

    def _code_named(self, scan: Scan, name: str) -> Code | None:
        """The code ``name`` stands for: a full name, or a short one of the known jurisdiction."""
        name = key(name)
        code = _FULL.get(name)
        if code is not None:
            return code
        jurisdiction = scan.memo.get(_MEMO_STATE)
        candidates = _LOCAL.get(name, [])
        for candidate in candidates:
            if candidate.jurisdiction == jurisdiction:
                return candidate
        # New York's own style names no state: "Village Law § 3-301", "Public Officers Law
        # § 17". A law so named in one jurisdiction only is that one's.
        if name.endswith("Law") and len({c.jurisdiction for c in candidates}) == 1:
            return candidates[0]
        return None

    @staticmethod
    def _sections(text: str, at: int, shape: str, plural: bool) -> Sections | None:
        item = ITEMS[shape].match(text, at)
        if item is None:
            return None
        return parse_sections(text, item, ITEMS[shape], plural, one_section)

    @staticmethod
    def _remember(scan: Scan, jurisdiction: str) -> None:
        """The document's jurisdiction is now known: its codes' short names may follow."""
        scan.memo[_MEMO_STATE] = jurisdiction

    # --- constitutions ---------------------------------------------------------------

    # "Cal. Const. art. I, § 7", "Arizona Constitution Article XII, section 3"
    def _constitution(self, scan: Scan, start: int, end: int) -> int | None:
        text = scan.text
        window = text[max(scan.floor, start - _LOOKBACK) : start][::-1]
        before = _CONSTITUTION_BEFORE.match(window)
        if before is None:
            return None
        jurisdiction = _JURISDICTION_NAMES.get(key(before.group("name")[::-1]))
        if jurisdiction is None:
            return None
        code = Code(jurisdiction, _CONSTITUTION, "", "const", "const", "")
        if before.group("article") is not None:  # "Article XVI of the Delaware Constitution"
            container = Container(code, article=arabic(before.group("article")[::-1]))
            only = Sections([Item("", (), start, end)], end, False, False)
            self._remember(scan, jurisdiction)
            return scan.cite(self, container, only, start - before.end(), end)
        after = _CONSTITUTION_AFTER.match(text, end)
        if after is None:
            return None
        cite_start = start - before.end("name")
        article, amendment = after.group("article", "amendment")
        part = after.group("part") or after.group("chapter")
        container = Container(
            code,
            article=arabic(article) if article is not None else None,
            part=arabic(part) if part is not None else None,
            amendment=arabic(amendment) if amendment is not None else None,
        )
        self._remember(scan, jurisdiction)
        sections = None
        if after.group("mark") is not None:
            plural = after.group("plural") is not None
            sections = self._sections(text, after.end(), "const", plural)
        if sections is None:
            number_end = after.end("article" if article is not None else "amendment")
            sections = Sections([Item("", (), number_end, number_end)], number_end, False, False)
        clause = _CLAUSE.match(text, sections.end)
        if clause is not None:
            container = container._replace(
                clause=clause.group("clause"), paragraph=clause.group("paragraph")
            )
        end = clause.end() if clause is not None else sections.end
        return scan.cite(self, container, sections, cite_start, end)

    # "Art. VII" on its own, just after a citation of a state's constitution
    def _lone_article(self, scan: Scan, start: int, end: int) -> int | None:
        last = scan.last
        if (
            not isinstance(last, StateCitation)
            or last.code != _CONSTITUTION
            or start - last.end > _LONE_ARTICLE_WINDOW
        ):
            return None
        found = _LONE_ARTICLE.match(scan.text, start)
        if found is None or roman_value(found.group("article")) is None:
            return None
        code = Code(last.jurisdiction, _CONSTITUTION, "", "const", "const", "")
        # Another article of the same part ("Mass. Const. pt. 1, art. XII. Art. XIV").
        container = Container(code, article=arabic(found.group("article")), part=last.part)
        stop = found.end()
        only = Sections([Item("", (), start, stop)], stop, False, False)
        antecedent = last.antecedent if last.short and last.antecedent is not None else last
        return scan.cite(self, container, only, start, stop, short=True, antecedent=antecedent)

    # "Art. XII, § 2" after a constitution; "article I, section 7 of the California Constitution"
    def _another_article(
        self, scan: Scan, cite_start: int, article: re.Match[str], mark_start: int
    ) -> int | None:
        text = scan.text
        mark = _MARK.match(text, mark_start)
        if mark is None:
            return None
        sections = self._sections(text, mark.end(), "const", mark.group("plural") is not None)
        if sections is None:
            return None
        end = sections.end
        tail = _OF_THE_CONSTITUTION.match(text, end)
        short = tail is None
        antecedent = scan.antecedent
        if tail is not None:
            jurisdiction = _JURISDICTION_NAMES[key(tail.group("name"))]
            end = tail.end()
        elif isinstance(antecedent, StateCitation) and antecedent.code == _CONSTITUTION:
            jurisdiction = antecedent.jurisdiction  # another article of the constitution just cited
        else:
            return None
        code = Code(jurisdiction, _CONSTITUTION, "", "const", "const", "")
        container = Container(code, article=arabic(article.group("article")[::-1]))
        self._remember(scan, jurisdiction)
        return scan.cite(
            self,
            container,
            sections,
            cite_start,
            end,
            short=short,
            antecedent=antecedent if short else None,
        )

    # --- short forms -----------------------------------------------------------------

    def sections(
        self, text: str, at: int, plural: bool, antecedent: Citation | None = None
    ) -> Sections | None:
        """A short form's sections in the grammar of its antecedent's code; without an
        antecedent (a number the U.S. Code refuses, "776.012", before the code's name is
        known) any run of digits, letters, dots, colons, slashes and dashes, which
        :meth:`named_before` and :meth:`qualify` parse again once they know the code."""
        item = _ANY_ITEM if antecedent is None else self._short_item(antecedent)
        if item is None:
            return None
        first = item.match(text, at)
        return parse_sections(text, first, item, plural, one_section) if first is not None else None

    @staticmethod
    def _short_item(antecedent: Citation) -> re.Pattern[str] | None:
        assert isinstance(antecedent, StateCitation)
        if antecedent.code == _CONSTITUTION:
            return ITEMS["const"] if antecedent.article is not None else None
        code = CODES[(antecedent.jurisdiction, antecedent.code)]
        if antecedent.jurisdiction == "as":  # "§ 1009" after "Am. Samoa Code § 2.1002"
            return ITEMS[code.shape]
        return SHORT_ITEMS[code.shape]

    def container(self, antecedent: Citation) -> object:
        assert isinstance(antecedent, StateCitation)
        if antecedent.code == _CONSTITUTION:
            code = Code(antecedent.jurisdiction, _CONSTITUTION, "", "const", "const", "")
            return Container(code, article=antecedent.article, part=antecedent.part)
        code = CODES[(antecedent.jurisdiction, antecedent.code)]
        prefix = None
        if code.shape == "ilcs" or antecedent.jurisdiction == "as":
            prefix = re.split(r"[/.]", antecedent.section, maxsplit=1)[0]
        return Container(code, antecedent.title, prefix=prefix)

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
        assert isinstance(container, Container)
        code, section = container.code, item.section
        if container.prefix is not None and short:
            if code.shape == "ilcs" and "/" not in section:
                section = f"{container.prefix}/{section}"
            elif code.jurisdiction == "as" and "." not in section:
                section = f"{container.prefix}.{section}"
        return StateCitation(
            text=text,
            start=start,
            end=end,
            short=short,
            antecedent=antecedent,
            group=group,
            jurisdiction=code.jurisdiction,
            code=code.key,
            title=container.title,
            section=section,
            pin=item.pin,
            range_end=item.range_end,
            et_seq=et_seq,
            article=container.article,
            part=container.part,
            amendment=container.amendment,
            clause=container.clause,
            paragraph=container.paragraph,
        )


def _titled(code: Code) -> bool:
    return code.style in ("before", "tit", "ch", "ilcs")


def _title(code: Code, found: re.Match[str]) -> str | None:
    """The title or chapter of a citation of ``code``: "" if it has none, None if one is missing."""
    if not _titled(code):
        return ""
    chapter, word, before = found.group("chapter", "word", "before")
    title = code.title or None
    if chapter is not None and word is not None and _divides(code, word[::-1]):
        title = chapter[::-1]
    elif before is not None and code.style != "ch":
        title = before[::-1]
    return _checked_title(code, title)


def _title_after(code: Code, tail: re.Match[str]) -> str | None:
    """The title or chapter named after a section ("of title 11 of the Delaware Code"): "" if
    the code has none, None if one is missing or is not the code's kind of division."""
    unit, number = tail.group("unit", "number")
    if not _titled(code):
        return "" if unit is None else None
    if unit is None:
        return code.title or None
    return _checked_title(code, number) if _divides(code, unit) else None


def _divides(code: Code, unit: str) -> bool:
    """Whether ``unit`` ("tit.", "title", "ch.", "chapter", "c.") names the kind of division
    ``code`` is cited within."""
    return (code.style == "ch") == unit.lower().startswith("c")


def _checked_title(code: Code, title: str | None) -> str | None:
    """``title``, or None where the code cannot have it."""
    if code.shape == "ilcs" and title is not None and not title.isdigit():
        return None  # "735at Ill. Comp. Stat. 5/2-619": the chapters of the ILCS are numbers
    return title


def _prefix(code: Code, sections: Sections) -> str | None:
    if code.shape != "ilcs" and code.jurisdiction != "as":
        return None
    return re.split(r"[/.]", sections.items[0].section, maxsplit=1)[0]


def _separators(name: str) -> int:
    return _MARKLESS_SEPARATORS.get(name, 1)


SOURCE = StateLaw()
