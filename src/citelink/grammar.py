"""Pieces of citation grammar that several bodies of law share.

Every pattern here is used with ``match`` at a known position and consumes a
bounded amount of text per step, so parsing stays linear in the input. The
list parser (:func:`parse_sections`) is a loop of such steps rather than one
large pattern, which keeps it free of catastrophic backtracking.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

#: A space within a line: any Unicode white space but a line break (so also the
#: no-break U+00A0 and narrow no-break U+202F spaces).
SPACE = r"[^\S\n]"
#: Optional white space with at most one line break.
WS = rf"{SPACE}*(?:\n{SPACE}*)?"
#: Required white space (at least one character) with at most one line break.
WS1 = rf"(?:{SPACE}+(?:\n{SPACE}*)?|\n{SPACE}*)"
#: A blank line (white space only), which ends a paragraph.
BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
#: The fewest characters a block between blank lines needs to count as a paragraph:
#: a heading ("(C)", "In general.—") is not one.
PARAGRAPH_SIZE = 80


def paragraph_breaks(text: str) -> list[int]:
    """Where each paragraph of ``text`` ends: the blank lines after a block of at least
    :data:`PARAGRAPH_SIZE` characters (the end of each such blank line)."""
    breaks = []
    block = 0
    for blank in BLANK_LINE.finditer(text):
        if blank.start() - block >= PARAGRAPH_SIZE:
            breaks.append(blank.end())
        block = blank.end()
    return breaks


#: Hyphens and dashes that writers use between numbers.
DASH = "[-\u2010\u2011\u2012\u2013\u2014\u2212]"
_DASH_RE = re.compile(DASH)
_SPACED_DASH = re.compile(rf"\s*{DASH}\s*")

#: One subsection designation in parentheses: (a), (12), (A), (iii), (II), (aa).
PIN = r"\((?:\d{1,3}[A-Za-z]?|[A-Za-z]{1,2}|[ivxlcdm]{1,8}|[IVXLCDM]{1,8})\)"

#: A section sign or word, singular or plural. Group ``plural`` is set for "§§" etc.
SECTION_MARK = (
    r"(?:(?P<plural>§§|[Ss]ections\b|SECTIONS\b|[Ss]ecs\.?(?!\w)|SECS\.)"
    r"|§|[Ss]ection\b|SECTION\b|[Ss]ec\.?(?!\w)|SEC\.|S\.(?=\s*\d))"
)

#: A section number of the U.S. Code kind: 1373, 1324a, 5318A, 2000e-2, 460nnn-101.
#: Dash-joined parts may also be a range ("1981-1983"); see :func:`split_range`.
#: Never a decimal: "18.13" is a regulation's section, not the Code's.
SECTION_NUMBER = (
    rf"\d{{1,6}}[A-Za-z]{{0,4}}(?:{DASH}\d{{1,6}}[A-Za-z]{{0,4}}){{0,4}}(?!\w|[.:]\d|{DASH}\d)"
)

#: One section of the U.S. Code kind with its pins; a first pin may follow a space ("552 (a)").
SECTION_ITEM = rf"(?P<section>{SECTION_NUMBER})(?P<pins>(?:[^\S\n]?{PIN})?(?:{PIN}){{0,9}})"

#: What follows a list item that really starts the next citation ("42 U.S.C.",
#: "521 U.S. 898", "8 CFR 1", "110 Stat. 3009"): such a number is not a list item.
_NEXT_CITATION = re.compile(
    rf"{WS}(?:[A-Z][A-Za-z]{{0,8}}\.|[A-Z]{{2,6}}\b|U\.?\s?S|,{WS}United{WS1}States)"
)

#: What may follow a section: a range or list connector, "et seq." or "note".
_FOLLOW = re.compile(
    rf"(?=[\s,&]|{DASH}){WS}(?:"
    rf"(?P<range>{DASH}{WS}|(?<=\s)(?:to|through|thru){WS1})"
    rf"|(?:(?<=\s)|,{WS})(?P<et_seq>et\.?{WS}seq\.?)"
    rf"|(?P<list>,{WS}(?:(?:and|or){WS1})?|(?<=\s)(?:and|or){WS1}|&{WS})"
    rf"|(?<=\s)(?P<note>note\b(?!{WS1}that\b))"
    r")"
)
_PINS_ONLY = re.compile(rf"(?:{PIN}){{1,10}}")
#: "Section 18213, 18215, or 18216": a list after a singular mark, its last item after
#: "or" or "and": its numbers are sections too.
_ENUMERATION = re.compile(
    rf"(?:,{WS}\d[\w.\-]{{0,12}}(?:{PIN}){{0,6}}){{1,8}},?{WS1}(?:or|and){WS1}\d"
)


class Item(NamedTuple):
    """One section of a list or range, with its position in the text."""

    section: str
    pin: tuple[str, ...]
    start: int
    end: int
    range_end: str | None = None  # set on the first item of a range: "1983", "1373(c)"


class Sections(NamedTuple):
    """The result of :func:`parse_sections`."""

    items: list[Item]
    end: int
    et_seq: bool
    note: bool


def pins(text: str) -> tuple[str, ...]:
    """Split "(a)(1)(A)" (as matched by :data:`PIN`, spaces between allowed) into
    ``("a", "1", "A")``."""
    return tuple("".join(text.split())[1:-1].split(")(")) if text else ()


#: How the U.S. Code writes each level of a pin: (a)(1)(A)(i)(I)(aa).
CODE_PIN_LEVELS = ("lower", "digit", "upper", "lower", "upper", "lower")
#: How the C.F.R. writes them: (a)(1)(i)(A)(1)(i).
CFR_PIN_LEVELS = ("lower", "digit", "lower", "upper", "digit", "lower")


def pin_in_case(pin: tuple[str, ...], text: str, levels: tuple[str, ...]) -> tuple[str, ...]:
    """The pin of a citation written in capitals ("15 U.S.C. 637(A)", a GAO digest) in
    the case its code writes each level in ("(a)"); any other citation's pin unchanged."""
    if not pin or any(ch.islower() for ch in text):
        return pin
    return tuple(
        p.lower() if i < len(levels) and levels[i] == "lower" else p for i, p in enumerate(pin)
    )


def continued_pin(before: tuple[str, ...], listed: tuple[str, ...]) -> tuple[str, ...]:
    """The pin of a list item given by its pins alone, after the item ``before``.

    The item starts at the level of ``before`` that is written the same way (letters,
    digits, capitals, roman numerals), the deepest such: "(d)(1) and (2)" is (d)(2),
    "(a)(8)(ii) and (ix)" is (a)(8)(ix), "(a) and (b)" is (b).
    """
    if not listed or not before:
        return listed
    kinds = _pin_kinds(listed[0])
    levels = [_pin_kinds(pin) for pin in before]
    for level, here in enumerate(levels):
        # Below a level of letters, "(i)" is a roman numeral: (a)(2)(i).
        unused = here.difference(*levels[:level])
        if len(here) > 1 and unused:
            levels[level] = unused
    for level in range(len(before) - 1, -1, -1):
        if kinds & levels[level]:
            return before[:level] + listed
    return listed


def _pin_kinds(pin: str) -> frozenset[str]:
    """How a subsection designation is written: "a" -> {letter}, "ii" -> {roman, letter}."""
    if pin[:1].isdigit():
        return _DIGITS
    upper = pin.isupper()
    kinds = set()
    if len(pin) == 1 or (len(pin) == 2 and pin[0] == pin[1]):  # (a), (aa)
        kinds.add("upper" if upper else "lower")
    if roman_value(pin) is not None and (len(pin) > 1 or pin.lower() in "ivx"):
        kinds.add("upper roman" if upper else "roman")
    return frozenset(kinds) or frozenset({pin})


_DIGITS = frozenset({"digit"})


def hyphenate(section: str) -> str:
    """Write every dash in a section number as an ASCII hyphen."""
    return _SPACED_DASH.sub("-", section) if not section.isalnum() else section


def split_range(token: str) -> tuple[str, str | None]:
    """Tell a hyphenated section from a range of sections.

    "2000e-2", "288-1" and "460nnn-101" are sections (the part after the dash
    is smaller than the part before it); "1981-1983" and "10a-10c" are ranges,
    and so is "1320a-7-1320a-7b". A short number before a much longer one is a
    state's title and section ("2-1933", "9-112"), which no Code range is: one
    section. Returns ``(section, range_end)``.
    """
    parts = _DASH_RE.split(token)
    if len(parts) == 1:
        return token, None
    if len(parts) == 2 and parts[0].isdigit() and len(parts[1]) - len(parts[0]) >= 2:
        return "-".join(parts), None
    first = _number_key(parts[0])
    for i in range(1, len(parts)):
        key = _number_key(parts[i])
        if key > first or (i > 1 and key == first):
            return "-".join(parts[:i]), "-".join(parts[i:])
    return "-".join(parts), None


def _singular_split(token: str) -> tuple[str, str | None]:
    """:func:`split_range` after a singular mark: "§ 32-408" (numbers of unlike lengths)
    is one section; "§ 1981-1983" is still a range, as writers often mark it."""
    parts = _DASH_RE.split(token)
    digits = len(parts) == 2 and parts[0].isdigit() and parts[1].isdigit()
    if digits and len(parts[1]) > len(parts[0]):
        return "-".join(parts), None
    return split_range(token)


def one_section(token: str) -> tuple[str, str | None]:
    """A section token that is one section whatever its dashes ("2-207" of the UCC,
    "13A-5-40" of Alabama): for grammars whose ranges are always written out."""
    return token, None


def _number_key(part: str) -> tuple[int, str]:
    digits = len(part) - len(part.lstrip("0123456789"))
    return (int(part[:digits]) if digits else -1, part[digits:])


def parse_sections(
    text: str,
    first: re.Match[str],
    item: re.Pattern[str],
    plural: bool,
    split: Callable[[str], tuple[str, str | None]] = split_range,
) -> Sections:
    """Parse a section, list or range of sections, given the match of its first section.

    ``item`` matches one section with named groups ``section`` and ``pins``
    (``first`` is such a match). Lists of new sections ("§§ 2, 371, and 1343")
    are accepted when the citation is ``plural`` or joined by "&"; lists of
    subsections ("1373(a) and (b)") always are. A number that starts another
    citation ("..., 42 U.S.C.") ends the list.
    """
    end = first.end()
    follow = _FOLLOW.match(text, end)
    token, pin_text = first.group("section", "pins")
    if not plural and split is split_range:
        split = _singular_split
    if token.endswith("nt") and token[-3:-2].isdigit() and not pin_text:
        # "651nt": the Code's own abbreviation of "§ 651 note" (no section ends so)
        noted = Item(token[:-2], (), first.start("section"), end)
        return Sections([noted], end, False, True)
    if follow is None and token.isalnum():  # one plain section: the common case
        return Sections(
            [Item(token, pins(pin_text), first.start("section"), end)], end, False, False
        )
    items: list[Item] = []
    _add_item(items, first, split)
    if not plural and follow is not None and follow.group().lstrip().startswith(","):
        plural = _ENUMERATION.match(text, end) is not None
    while follow is not None:
        joint = follow.lastgroup
        if joint == "et_seq":
            return Sections(items, follow.end(), True, False)
        if joint == "note":
            if len(items) == 1:
                return Sections(items, follow.end(), False, True)
            break
        end_of_next = _next_item(text, follow, items, item, plural, split)
        if end_of_next is None:
            break
        end = end_of_next
        follow = _FOLLOW.match(text, end)
    return Sections(items, end, False, False)


def _next_item(
    text: str,
    follow: re.Match[str],
    items: list[Item],
    item: re.Pattern[str],
    plural: bool,
    split: Callable[[str], tuple[str, str | None]],
) -> int | None:
    """Add the item after a range or list connector to ``items``; return its end."""
    after = follow.end()
    last = items[-1]
    only_pins = _PINS_ONLY.match(text, after)
    if follow.lastgroup == "range":
        if only_pins is not None:
            # "(b)(1)-(5)" ends at (b)(5): the end keeps the levels it does not repeat.
            tail = pins(only_pins.group())
            pin = last.pin[: max(0, len(last.pin) - len(tail))] + tail
            items[-1] = last._replace(range_end=last.section + only_pins.group())
            items.append(Item(last.section, pin, after, only_pins.end()))
            return only_pins.end()
        nxt = item.match(text, after)
        if nxt is None or last.range_end is not None:
            return None
        section, _ = split(nxt.group("section"))
        written = hyphenate(text[after : nxt.end()])
        if section.isdigit() and last.section.isdigit() and len(section) < len(last.section):
            # "§§ 1252-53": the end keeps the digits it does not repeat (1253)
            whole = last.section[: len(last.section) - len(section)] + section
            if int(whole) > int(last.section):
                section, written = whole, whole + written[len(nxt.group("section")) :]
        items[-1] = last._replace(range_end=written)
        items.append(Item(hyphenate(section), pins(nxt.group("pins")), after, nxt.end()))
        return nxt.end()
    if only_pins is not None:
        pin = continued_pin(last.pin, pins(only_pins.group()))
        items.append(Item(last.section, pin, after, only_pins.end()))
        return only_pins.end()
    if not (plural or "&" in follow.group()):
        return None
    nxt = item.match(text, after)
    if nxt is None or _NEXT_CITATION.match(text, nxt.end()):
        return None
    _add_item(items, nxt, split)
    return nxt.end()


def _add_item(
    items: list[Item], found: re.Match[str], split: Callable[[str], tuple[str, str | None]]
) -> None:
    token, pin_text = found.group("section", "pins")
    start = found.start("section")
    pin = pins(pin_text)
    if token.isalnum():  # the common case: no dash, so neither a range nor a hyphenated number
        items.append(Item(token, pin, start, found.end()))
        return
    section, range_end = split(token)
    if range_end is None:
        items.append(Item(hyphenate(section), pin, start, found.end()))
        return
    # "1981-1983": two citations, each with its own span.
    cut = start + len(section)
    items.append(Item(hyphenate(section), (), start, cut, hyphenate(range_end)))
    items.append(Item(hyphenate(range_end), pin, cut + 1, found.end()))


#: A Roman numeral as written in citations ("XIV", "iii"); check it with :func:`roman_value`.
ROMAN = "(?:[IVXLC]{1,7}|[ivxlc]{1,7})"
_ROMAN_DIGITS = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def roman_value(numeral: str) -> int | None:
    """The value of a Roman numeral up to 399 ("XIV" -> 14), or ``None`` if it is not one.

    Only well-formed numerals count ("IIII" and "VX" do not), so a word that
    happens to be made of these letters ("civil" is not, "ill" is not) is
    refused.
    """
    lowered = numeral.lower()
    if not lowered or any(ch not in _ROMAN_DIGITS for ch in lowered):
        return None
    total = 0
    for i, ch in enumerate(lowered):
        value = _ROMAN_DIGITS[ch]
        if i + 1 < len(lowered) and _ROMAN_DIGITS[lowered[i + 1]] > value:
            total -= value
        else:
            total += value
    return total if 0 < total < 400 and to_roman(total).lower() == lowered else None


def to_roman(value: int) -> str:
    """Write 1..399 as an upper-case Roman numeral (14 -> "XIV")."""
    out = []
    for number, letters in (
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)


def cited_sections(section: str, pin: tuple[str, ...], range_end: str | None) -> str:
    """The Bluebook form of a section, its pin and the end of its range, after the mark.

    ``("642", ("a",), None)`` -> "§ 642(a)"; a range of subsections
    ``("808", ("b",), "808(d)")`` -> "§ 808(b)–(d)"; a range of sections
    ``("1981", (), "1983")`` -> "§§ 1981–1983".
    """
    where = section + "".join(f"({p})" for p in pin)
    if range_end is None:
        return f"§ {where}"
    if range_end.startswith("("):
        return f"§ {where}–{range_end}"
    if range_end.startswith(section + "("):
        return f"§ {where}–{range_end[len(section) :]}"
    return f"§§ {where}–{range_end}"
