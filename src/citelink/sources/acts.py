"""Sections of named acts: "INA § 287(g)", "IRC § 501(c)(3)", "section 212 of the INA".

A named act numbers its sections its own way; where the act is classified to one
title of the U.S. Code, its citation also carries the Code section it maps to:

* the Immigration and Nationality Act, through a table derived from the Law Revision
  Counsel's source credits (``citelink/data/ina_sections.json``, built by
  ``scripts/build_ina_table.py``): INA § 287(g) is 8 U.S.C. § 1357(g). Source credits
  name it by date and chapter, which counts too: ``June 27, 1952, ch. 477, title II,
  ch. 9, §287``;
* the Internal Revenue Code, whose sections are those of title 26.

Other well-known acts (the NLRA, the Clean Air Act...) are recognized, so that their
sections are never mistaken for sections of the Code, but carry no Code section.

Forms: the act's name before the section (``INA § 287(g)``, ``I.R.C. § 501``,
``Immigration and Nationality Act section 101(a)(15)``), or after it (``section
287(g) of the Immigration and Nationality Act``, ``section 501(c)(3) of the Internal
Revenue Code of 1986``); short forms (``§ 237(c)``, ``Id. at (b)``) stay in the act.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from citelink.grammar import SECTION_ITEM, WS, WS1, Item, Sections, cited_sections
from citelink.models import Citation, fast_init
from citelink.scanner import Scan, Source


@dataclass(frozen=True)
class Act:
    """A named act: how it is written, and how its sections map to the Code."""

    key: str
    #: The short name used in citations ("INA") and the Bluebook name ("Immigration
    #: and Nationality Act", or "I.R.C." for the Code itself).
    short: str
    bluebook: str
    #: The names writers use, as literal text (spaces stand for any white space).
    names: tuple[str, ...]
    #: The Code title the act's sections are classified to, if a single one is known.
    title: str | None = None
    #: Act section -> Code section; ``None`` with a ``title`` means they are the same.
    table: Mapping[str, str] | None = None
    #: The highest section number of an act without a table: a bare "section 414(q)"
    #: after "the Fair Labor Standards Act" (sections 1 to 19) is not one of its sections.
    highest: int | None = None

    def code_section(self, section: str) -> str | None:
        if self.title is None:
            return None
        if self.table is None:
            return section
        return self.table.get(section)


def _ina_table() -> Mapping[str, str]:
    data = (Path(__file__).parent.parent / "data" / "ina_sections.json").read_text("utf-8")
    return MappingProxyType(json.loads(data)["sections"])


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
        Act(
            "nlra",
            "NLRA",
            "National Labor Relations Act",
            ("NLRA", "N.L.R.A.", "National Labor Relations Act"),
            highest=19,
        ),
        Act(
            "esa",
            "ESA",
            "Endangered Species Act",
            ("ESA", "Endangered Species Act", "Endangered Species Act of 1973"),
            highest=18,
        ),
        Act("caa", "CAA", "Clean Air Act", ("CAA", "Clean Air Act"), highest=618),
        Act("cwa", "CWA", "Clean Water Act", ("CWA", "Clean Water Act"), highest=607),
        Act("fha", "FHA", "Fair Housing Act", ("FHA", "Fair Housing Act"), highest=820),
        Act(
            "ada",
            "ADA",
            "Americans with Disabilities Act",
            (
                "ADA",
                "A.D.A.",
                "Americans with Disabilities Act",
                "Americans with Disabilities Act of 1990",
            ),
            highest=514,
        ),
        Act(
            "adea",
            "ADEA",
            "Age Discrimination in Employment Act",
            (
                "ADEA",
                "Age Discrimination in Employment Act",
                "Age Discrimination in Employment Act of 1967",
            ),
            highest=17,
        ),
        Act(
            "erisa",
            "ERISA",
            "Employee Retirement Income Security Act",
            (
                "ERISA",
                "Employee Retirement Income Security Act",
                "Employee Retirement Income Security Act of 1974",
            ),
            highest=4402,
        ),
        Act(
            "flsa",
            "FLSA",
            "Fair Labor Standards Act",
            ("FLSA", "Fair Labor Standards Act", "Fair Labor Standards Act of 1938"),
            highest=19,
        ),
    )
}


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class ActCitation(Citation):
    """A section of a named act, and the Code section it is classified to, if known.

    ``act`` is the act's short name ("INA"); ``section``, ``pin`` and
    ``range_end`` are the act's own; ``title`` and ``code_section`` the U.S.
    Code's ("8", "1357"), or ``None``.
    """

    kind = "act"

    act: str
    section: str
    pin: tuple[str, ...] = ()
    range_end: str | None = None
    title: str | None = None
    code_section: str | None = None
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
        act = _BY_SHORT[self.act]
        text = f"{act.bluebook} {cited_sections(self.section, self.pin, self.range_end)}"
        if self.code_section is not None and self.code_section != self.section:
            code = cited_sections(self.code_section, self.pin, None)
            text += f", {self.title} U.S.C. {code}"
        return text

    @property
    def id(self) -> str:
        return "/".join(("act", _BY_SHORT[self.act].key, self.section, *self.pin))


_BY_SHORT = {act.short: act for act in ACTS.values()}

# --- grammar ----------------------------------------------------------------


#: The white space between the words of a name: a plain class, since a name is short
#: and its words are literals (the shared WS1 would make these large patterns slow to
#: compile).
_GAP = r"\s+"


def _literal(name: str) -> str:
    return _GAP.join(re.escape(word) for word in name.split(" "))


def _reversed_literal(name: str) -> str:
    return _GAP.join(re.escape(word[::-1]) for word in reversed(name.split(" ")))


#: One group per act, its names longest first (so that "Internal Revenue Code of 1986"
#: wins over "Internal Revenue Code").
_BY_LENGTH = {key: sorted(act.names, key=len, reverse=True) for key, act in ACTS.items()}
#: A name before the section mark, matched on the reversed text: "INA ", "I.R.C. ".
_NAME_BEFORE = re.compile(
    rf"{WS}(?:,{WS})?(?:"
    + "|".join(
        f"(?P<{key}>" + "|".join(_reversed_literal(n) for n in names) + ")"
        for key, names in _BY_LENGTH.items()
    )
    + r")(?![A-Za-z.&])"
)
_LOOKBACK = 48
#: The last characters of the names, for a quick test before the lookback.
_NAME_ENDS = frozenset(name[-1] for act in ACTS.values() for name in act.names)
#: The INA in a source credit: "June 27, 1952, ch. 477, title II, ch. 9, " (reversed).
_INA_BY_CHAPTER = re.compile(
    rf"{WS},(?:[IVX]{{1,4}}{WS1}\.tp{WS},)?(?:\d{{1,2}}{WS}\.hc{WS},)?"
    rf"(?:[IVX]{{1,4}}{WS1}eltit{WS},)?774{WS}\.hc{WS},2591{WS},72{WS1}enuJ"
)
_CHAPTER_LOOKBACK = 64
#: After "section 287(g)": "of the Immigration and Nationality Act"; a longer name
#: ("of the ADA Amendments Act") is another act.
_QUALIFIER = re.compile(
    rf"(?:{WS},)?{WS1}of{WS1}(?:the{WS1})?(?:"
    + "|".join(
        f"(?P<{key}>" + "|".join(_literal(n) for n in names) + ")"
        for key, names in _BY_LENGTH.items()
    )
    + rf")(?![\w&])(?:{WS1}of{WS1}(?:19|20)\d\d\b)?(?!{WS1}[A-Z])"
)

ITEM = re.compile(SECTION_ITEM)


def _leading_number(section: str) -> int:
    """ "414" of "414(q)", "45" of "45S"; a number without digits counts as none."""
    digits = len(section) - len(section.lstrip("0123456789"))
    return int(section[:digits]) if digits else 1 << 30


def _act_of(found: re.Match[str]) -> Act:
    return ACTS[found.lastgroup or ""]


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


#: Where :meth:`NamedActs.named_before` may claim a mark (reversed text): right after
#: a comma or the last letter of an act's name, and at most one space.
_BEFORE_MARK = rf"[^\S\n]?[,{re.escape(''.join(sorted(_NAME_ENDS)))}]"


class NamedActs(Source):
    """Named acts. A container is the act's key ("ina"), or "ina:chapter" for the INA
    cited by date and chapter."""

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
        elif before_mark not in _NAME_ENDS:
            return None
        found = _NAME_BEFORE.match(text[max(scan.floor, start - _LOOKBACK) : start][::-1])
        if found is None:
            return None
        return scan.cite(self, _act_of(found).key, sections, start - found.end(), sections.end)

    # "section 287(g) of the Immigration and Nationality Act"
    def qualify(self, scan: Scan, start: int, sections: Sections) -> int | None:
        if scan.text.find("of", sections.end, sections.end + 5) < 0:
            return None
        tail = _QUALIFIER.match(scan.text, sections.end)
        if tail is None:
            return None
        return scan.cite(self, _act_of(tail).key, sections, start, tail.end())

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
        key, _, how = str(container).partition(":")
        act = ACTS[key]
        code_section = act.code_section(item.section)
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
            title=act.title if code_section is not None else None,
            code_section=code_section,
            by_chapter=how == "chapter",
        )

    # "§ 237(c)" after "INA § 101(11)" is the INA's; "§ 1153" after it is not.
    def continues(self, antecedent: Citation, sections: Sections) -> bool:
        assert isinstance(antecedent, ActCitation)
        act = _BY_SHORT[antecedent.act]
        if act.table is not None:
            return all(item.section in act.table for item in sections.items)
        if act.highest is not None:
            return all(_leading_number(item.section) <= act.highest for item in sections.items)
        return True

    def container(self, antecedent: Citation) -> object:
        assert isinstance(antecedent, ActCitation)
        return _BY_SHORT[antecedent.act].key


SOURCE = NamedActs()
