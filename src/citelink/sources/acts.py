"""Sections of named acts: "INA § 287(g)", "section 7 of the ESA", "FD&C Act section 403A".

A named act numbers its sections its own way; where the Code classifies them one by
one, its citation also carries the Code section it maps to:

* the acts of ``citelink/data/acts.json.gz`` (built by ``scripts/build_acts_table.py``
  from the Law Revision Counsel's source credits and Short Title notes: the Public
  Health Service Act, the FD&C Act, the Social Security Act, ERISA... some 700 acts),
  read on first use: PHSA § 399R is 42 U.S.C. § 280g-5;
* the Immigration and Nationality Act, through ``citelink/data/ina_sections.json``
  (``scripts/build_ina_table.py``): INA § 287(g) is 8 U.S.C. § 1357(g). Source
  credits name it by date and chapter, which counts too: ``June 27, 1952, ch. 477,
  title II, ch. 9, §287``;
* the Internal Revenue Code, whose sections are those of title 26.

An act section the table lacks stays an act citation without a Code section
(``unmapped_reason``), never a guess.

Forms: the act's name before the section (``INA § 287(g)``, ``I.R.C. § 501``,
``Exchange Act section 10(b)``), or after it (``section 287(g) of the Immigration
and Nationality Act``, ``§ 43(a) of the Lanham Act``); short forms (``§ 237(c)``,
``Id. at (b)``) stay in the act.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType

from citelink.grammar import SECTION_ITEM, WS, WS1, Item, Sections, cited_sections
from citelink.models import Citation, fast_init
from citelink.scanner import Scan, Source

_DATA = Path(__file__).parent.parent / "data"
#: The format of ``acts.json.gz`` this module reads.
TABLE_FORMAT = 1


@dataclass(frozen=True)
class Act:
    """A named act: how it is written, and how its sections map to the Code."""

    #: The act's part of citation ids ("ina", "fdca").
    key: str
    #: The short name used in citations ("INA") and the Bluebook name ("Immigration
    #: and Nationality Act", or "I.R.C." for the Code itself).
    short: str
    bluebook: str
    #: The names writers use, as literal text (spaces stand for any white space).
    names: tuple[str, ...]
    #: The Code title the act's sections are classified to (the main one).
    title: str | None = None
    #: Act section -> Code section ("1357", or "title/section" outside ``title``);
    #: ``None`` with a ``title`` means they are the same.
    table: Mapping[str, str] | None = None
    #: A name of one title of the act ("Fair Housing Act": title VIII of the Civil Rights
    #: Act of 1968) -> the sections of that title, the only ones it names.
    scopes: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def code_section(self, section: str) -> tuple[str, str] | None:
        """The Code's (title, section) for the act's ``section``, if it is classified."""
        if self.title is None:
            return None
        if self.table is None:
            return self.title, section
        code = self.table.get(section)
        if code is None:
            return None
        title, _, other = code.partition("/")
        return (title, other) if other else (self.title, code)


def _ina_table() -> Mapping[str, str]:
    data = (_DATA / "ina_sections.json").read_text("utf-8")
    return MappingProxyType(json.loads(data)["sections"])


#: The acts mapped by their own tables; the others are read from ``acts.json.gz``
#: on first use (:func:`all_acts`).
ACTS = {
    act.key: act
    for act in (
        Act(
            "ina",
            "INA",
            "Immigration and Nationality Act",
            (
                "INA",
                "I.N.A.",
                "Immigration and Nationality Act",
                "Immigration & Nationality Act",
                "Immigration and Naturalization Act",
            ),
            title="8",
            table=_ina_table(),
        ),
        Act(
            "irc",
            "IRC",
            "I.R.C.",
            (
                "IRC",
                "I.R.C.",
                "Internal Revenue Code",
                "Internal Revenue Code of 1986",
                "Internal Revenue Code of 1954",
            ),
            title="26",
        ),
    )
}


@dataclass(frozen=True)
class _Names:
    """Every act, and its names as word tries: forward (after "of the") and backward
    (before a section mark). A node maps a word to the next node; ``""`` marks where a
    name ends, with its container (:class:`NamedActs`)."""

    acts: Mapping[str, Act]
    by_short: Mapping[str, Act]
    forward: dict[str, object]
    backward: dict[str, object]


def _insert(trie: dict[str, object], words: list[str], container: str) -> None:
    node = trie
    for word in words:
        node = node.setdefault(word, {})  # type: ignore[assignment]
    node.setdefault("", container)


@cache
def _names() -> _Names:
    """The acts of ``acts.json.gz`` with the hand-made ones, read once."""
    with gzip.open(_DATA / "acts.json.gz", "rt", encoding="utf-8") as data:
        document = json.load(data)
    if document.get("format") != TABLE_FORMAT:
        raise ValueError(f"acts.json.gz: format {document.get('format')}, not {TABLE_FORMAT}")
    acts = dict(ACTS)
    taken = {name for act in ACTS.values() for name in act.names}
    shorts = {act.short for act in ACTS.values()}
    for entry in document["acts"].values():
        names = tuple(n for n in entry["names"] if n not in taken)
        if not names or entry["id"] in acts or entry["short"] in shorts:
            continue
        taken.update(names)
        shorts.add(entry["short"])
        acts[entry["id"]] = Act(
            entry["id"],
            entry["short"],
            entry["name"],
            names,
            title=entry["title"],
            table=MappingProxyType(entry["sections"]),
            scopes=MappingProxyType(
                {n: frozenset(s) for n, s in entry.get("title_names", {}).items() if n in names}
            ),
        )
    forward: dict[str, object] = {}
    backward: dict[str, object] = {}
    for act in acts.values():
        for name in act.names:
            words = name.split()
            # a title's name is its act's key and the name: "civil-rights-act-1968@FHA"
            container = f"{act.key}@{name}" if name in act.scopes else act.key
            _insert(forward, words, container)
            _insert(backward, words[::-1], container)
    return _Names(
        MappingProxyType(acts),
        MappingProxyType({act.short: act for act in acts.values()}),
        forward,
        backward,
    )


def all_acts() -> Mapping[str, Act]:
    """Every named act citelink knows, by key (reads the table on first use)."""
    return _names().acts


def _act(short: str) -> Act:
    return _names().by_short[short]


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class ActCitation(Citation):
    """A section of a named act, and the Code section it is classified to, if known.

    ``act`` is the act's short name ("INA"); ``section``, ``pin`` and
    ``range_end`` are the act's own; ``title`` and ``code_section`` the U.S.
    Code's ("8", "1357"), or ``None``, and then ``unmapped_reason`` says why.
    """

    kind = "act"

    act: str
    section: str
    pin: tuple[str, ...] = ()
    range_end: str | None = None
    title: str | None = None
    code_section: str | None = None
    #: Why the act's section has no Code section: "not-classified" (the table of the
    #: act's sections has none: not classified one by one, repealed, or credited to
    #: two Code sections); ``None`` when it has one.
    unmapped_reason: str | None = None
    #: Cited by the enacting law's date and chapter, as source credits cite the INA
    #: ("June 27, 1952, ch. 477, title II, ch. 9, §287").
    by_chapter: bool = False

    @property
    def anchors(self) -> bool:
        # A source credit is a list of enactments: a bare "§ 1358" after one is not
        # the act's (it is the next section's heading, or the Code's).
        return not self.by_chapter

    @property
    def normalized(self) -> str:
        act = _act(self.act)
        text = f"{act.bluebook} {cited_sections(self.section, self.pin, self.range_end)}"
        if self.code_section is not None and (
            self.code_section != self.section or self.title != act.title or act.table
        ):
            code = cited_sections(self.code_section, self.pin, None)
            text += f", {self.title} U.S.C. {code}"
        return text

    @property
    def id(self) -> str:
        return "/".join(("act", _act(self.act).key, self.section, *self.pin))


# --- grammar ----------------------------------------------------------------

#: The INA in a source credit: "June 27, 1952, ch. 477, title II, ch. 9, " (reversed).
_INA_BY_CHAPTER = re.compile(
    rf"{WS},(?:[IVX]{{1,4}}{WS1}\.tp{WS},)?(?:\d{{1,2}}{WS}\.hc{WS},)?"
    rf"(?:[IVX]{{1,4}}{WS1}eltit{WS},)?774{WS}\.hc{WS},2591{WS},72{WS1}enuJ"
)
_CHAPTER_LOOKBACK = 64
#: How far before a section mark a name may start.
_LOOKBACK = 160
#: A word and the white space after it.
_WORD = re.compile(r"(\S{1,64})(?!\S)(\s{0,16})")
_WORDS = re.compile(r"\S+")
#: After a section: "of the", then a capital (a name).
_OF_THE = re.compile(rf"(?:{WS},)?{WS1}of{WS1}(?:the{WS1})?(?=[A-Z0-9'’])")
#: "of 1973" after a name that has no year ("section 7 of the Endangered Species Act of 1973").
_YEAR_AFTER = re.compile(rf"{WS1}of{WS1}(?:19|20)\d\d\b")
#: What may stand before a name's first word ("(ERISA § 3)") and after its last.
#: The last word before a section mark, read backwards.
_LAST_WORD = re.compile(r"\s{0,2}(?:,\s{0,2})?(\S{1,64})")
_OPENING = "([“‘\"'"
_CLOSING = ",.;:)]’”'\""
#: How near after a table act's citation a short form may name another of its sections
#: (from the citation's end to the short form's: ". § 7(a)(1)").
_NEAR = 24
#: The longest name, in words.
_MOST_WORDS = 24

ITEM = re.compile(SECTION_ITEM)


def _named_before(text: str, end: int, floor: int) -> tuple[int, str] | None:
    """The longest act name ending at ``end`` (but for white space and a comma before
    the mark): where it starts, and its act's key."""
    window = text[max(floor, end - _LOOKBACK) : end]
    base = end - len(window)
    stripped = window.rstrip()
    if stripped.endswith(","):
        stripped = stripped[:-1].rstrip()
    if len(window) - len(stripped) > 4:
        return None
    if stripped.endswith(")"):
        # "Public Health Service Act (PHSA) section 351", "(FD&C Act) section 505"
        opening = stripped.rfind("(")
        inner = _named_before(text, base + len(stripped) - 1, base + opening + 1)
        if inner is None or inner[0] != base + opening + 1:
            return None
        full = _named_before(text, base + opening, floor)
        if full is not None and full[1].partition("@")[0] == inner[1].partition("@")[0]:
            return full
        return base + opening, inner[1]
    words = [(m.start(), m.end()) for m in _WORDS.finditer(stripped)][-_MOST_WORDS:]
    node: dict[str, object] = _names().backward
    found: tuple[int, str] | None = None
    later = len(stripped)
    for start, stop in reversed(words):
        if "\n\n" in stripped[stop:later]:
            break  # a name does not run across paragraphs
        later = start
        word = stripped[start:stop]
        following = node.get(word)
        if not isinstance(following, dict):
            # "(ERISA § 3)": the name's first word after a bracket or a quote
            bare = word.lstrip(_OPENING)
            first = node.get(bare) if bare != word else None
            if isinstance(first, dict) and "" in first:
                found = (base + stop - len(bare), str(first[""]))
            break
        node = following
        if "" in node:
            found = (base + start, str(node[""]))
    if found is None:
        return None
    start = found[0]
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "&.-"):
        return None  # a name inside a longer word
    return found


def _named_after(text: str, at: int) -> tuple[int, str] | None:
    """The longest act name starting at ``at``: where it ends, and its act's key. A
    name running on into a capitalised word ("of the ADA Amendments Act") is another's."""
    node: dict[str, object] = _names().forward
    found: tuple[int, str] | None = None
    position = at
    for _ in range(_MOST_WORDS):
        word = _WORD.match(text, position)
        if word is None:
            break
        token = word.group(1)
        following = node.get(token)
        if not isinstance(following, dict):
            bare = token.rstrip(_CLOSING)
            if bare.endswith(("’s", "'s")):
                bare = bare[:-2]
            last = node.get(bare) if bare != token else None
            if isinstance(last, dict) and "" in last:
                found = (word.start() + len(bare), str(last[""]))
            break
        node = following
        if "" in node:
            found = (word.end(1), str(node[""]))
        if "\n\n" in word.group(2) or not word.group(2):
            break
        position = word.end()
    if found is None:
        return None
    end, key = found
    year = _YEAR_AFTER.match(text, end)
    if year is not None:
        end = year.end()
    after = re.match(r"[^\S\n]+[A-Z]", text[end : end + 4])
    if after is not None:
        return None
    return end, key


# --- links --------------------------------------------------------------------


def lii_url(citation: ActCitation) -> str | None:
    """Cornell LII's page of the Code section (as for the U.S. Code)."""
    if citation.code_section is None:
        return None
    url = f"https://www.law.cornell.edu/uscode/text/{citation.title}/{citation.code_section}"
    if citation.pin:
        url += "#" + "_".join(citation.pin)
    return url


def uscode_url(citation: ActCitation) -> str | None:
    """The Law Revision Counsel's site, by its observed scheme:
    https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title8-section1357&num=0&edition=prelim
    """
    if citation.code_section is None:
        return None
    return (
        "https://uscode.house.gov/view.xhtml?req=granuleid:"
        f"USC-prelim-title{citation.title}-section{citation.code_section}&num=0&edition=prelim"
    )


# --- the source ---------------------------------------------------------------


#: Where :meth:`NamedActs.named_before` may claim a mark (reversed text): after the
#: last word of a name, a comma and a little space between. Every name ends in "Act",
#: "Code", a year ("Act of 1973") or an acronym ("ERISA", "I.R.C."), or is in brackets
#: ("Public Health Service Act (PHSA) section 351").
_BEFORE_MARK = r"\s{0,2}(?:,\s{0,2})?(?:tcA|edoC|\d|\.?[A-Z]|\))"


class NamedActs(Source):
    """Named acts. A container is the act's key ("ina"), "ina:chapter" for the INA cited by
    date and chapter, or the key and a title's name ("civil-rights-act-1968@FHA")."""

    kind = "act"
    before_mark = _BEFORE_MARK
    item = ITEM
    links = MappingProxyType({"lii": lii_url, "uscode": uscode_url})

    # "INA § 287(g)", "June 27, 1952, ch. 477, title II, ch. 9, §287"
    def named_before(self, scan: Scan, start: int, sections: Sections) -> int | None:
        text = scan.text
        before_mark = (
            text[start - 2 : start - 1]
            if text[start - 1 : start].isspace()
            else text[start - 1 : start]
        )
        if before_mark == ",":
            lookback = text[max(scan.floor, start - _CHAPTER_LOOKBACK) : start][::-1]
            found = _INA_BY_CHAPTER.match(lookback)
            if found is not None:
                return scan.cite(self, "ina:chapter", sections, start - found.end(), sections.end)
        last = _LAST_WORD.match(scan.backward, len(text) - start)
        if last is None or last.group(1)[::-1].strip(_OPENING + ")") not in _names().backward:
            return None
        named = _named_before(text, start, scan.floor)
        if named is None:
            return None
        return scan.cite(self, named[1], sections, named[0], sections.end)

    # "section 287(g) of the Immigration and Nationality Act"
    def qualify(self, scan: Scan, start: int, sections: Sections) -> int | None:
        text = scan.text
        if text.find("of", sections.end, sections.end + 5) < 0:
            return None
        of_the = _OF_THE.match(text, sections.end)
        if of_the is None:
            return None
        named = _named_after(text, of_the.end())
        if named is None:
            return None
        return scan.cite(self, named[1], sections, start, named[0])

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
        head, _, name = str(container).partition("@")
        key, _, how = head.partition(":")
        act = all_acts()[key]
        scope = act.scopes.get(name) if name else None
        code = act.code_section(item.section) if scope is None or item.section in scope else None
        return ActCitation(
            text=text,
            start=start,
            end=end,
            short=short,
            antecedent=antecedent,
            group=group,
            act=act.short,
            section=item.section,
            pin=item.pin,
            range_end=item.range_end,
            title=code[0] if code is not None else None,
            code_section=code[1] if code is not None else None,
            unmapped_reason=None if code is not None else "not-classified",
            by_chapter=how == "chapter",
        )

    # "§ 237(c)" after "INA § 101(11)" is the INA's; "§ 1153" after it is not.
    # After a table act, another of its sections only right after it ("NLRA § 8(b)(4). §
    # 7"); further on, only its own section again ("FD&C Act section 403A ... section
    # 403A"): a bill's "Applicable section 38 credits" after "section 15(a) of the
    # Securities Exchange Act of 1934." is the Internal Revenue Code's.
    def continues(self, antecedent: Citation, sections: Sections) -> bool:
        assert isinstance(antecedent, ActCitation)
        act = _act(antecedent.act)
        table = act.table
        if table is None:
            return True
        if not all(item.section in table for item in sections.items):
            return False
        if act.key in ACTS or sections.end - antecedent.end <= _NEAR:
            return True
        return all(item.section == antecedent.section for item in sections.items)

    def container(self, antecedent: Citation) -> object:
        assert isinstance(antecedent, ActCitation)
        return _act(antecedent.act).key


SOURCE = NamedActs()
