"""The Federal Rules: "Fed. R. Civ. P. 12(b)(6)", "Fed. R. Evid. 403", "Rule 11".

Forms understood here:

* ``Fed. R. Civ. P. 12(b)(6)``, ``Fed. R. Crim. P. 11``, ``Fed. R. Evid. 404(b)``,
  ``Fed. R. App. P. 4(a)``, ``Fed. R. App. Proc. 6``, ``FRCP 56``, ``FRCrP Rule 6``,
  ``FRE 403``, ``FRAP 28``, ``Federal Rule of Civil Procedure 12(b)(6)``;
* the rule first: ``Rule 12(b)(6) of the Federal Rules of Civil Procedure``;
* lists: ``Fed. R. Civ. P. 12 and 56``, ``Rules 26 and 37``;
* short forms after a rule of the same set: ``Rule 11``, ``Rule 404(b)``, ``Id. at (b)(1)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType

from citelink.grammar import (
    DASH,
    PIN,
    WS,
    WS1,
    Item,
    Sections,
    one_section,
    parse_sections,
    pins,
)
from citelink.models import Citation, fast_init
from citelink.scanner import Scan, Source, Trigger


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class RuleCitation(Citation):
    """A Federal Rule: ``rules`` names the set ("frcp", "frcrmp", "fre", "frap")."""

    kind = "rule"

    rules: str
    rule: str
    pin: tuple[str, ...] = ()
    range_end: str | None = None

    @property
    def anchors(self) -> bool:
        return False  # "§ 1373" after it is not one of its sections

    @property
    def normalized(self) -> str:
        text = f"{RULE_SETS[self.rules]} {self.rule}" + "".join(f"({p})" for p in self.pin)
        if self.range_end is not None:
            text += "–" + self.range_end
        return text

    @property
    def id(self) -> str:
        return "/".join(("rule", self.rules, self.rule, *self.pin))


#: The Bluebook abbreviation of each set, by the name LII gives it in its URLs.
RULE_SETS = {
    "frcp": "Fed. R. Civ. P.",
    "frcrmp": "Fed. R. Crim. P.",
    "fre": "Fed. R. Evid.",
    "frap": "Fed. R. App. P.",
}

# --- grammar ----------------------------------------------------------------

_SETS = (
    rf"(?P<frcp>Fed\.{WS}R\.{WS}Civ\.{WS}P(?:roc)?\.|FRCP\b|FRCivP\b"
    rf"|Federal{WS1}Rules?{WS1}of{WS1}Civil{WS1}Procedure\b)"
    rf"|(?P<frcrmp>Fed\.{WS}R\.{WS}Crim\.{WS}P(?:roc)?\.|FRCrP\b|FRCRP\b"
    rf"|Federal{WS1}Rules?{WS1}of{WS1}Criminal{WS1}Procedure\b)"
    rf"|(?P<fre>Fed\.{WS}R\.{WS}Evid\.|FRE\b|Federal{WS1}Rules?{WS1}of{WS1}Evidence\b)"
    rf"|(?P<frap>Fed\.{WS}R\.{WS}App\.{WS}P(?:roc)?\.|FRAP\b"
    rf"|Federal{WS1}Rules?{WS1}of{WS1}Appellate{WS1}Procedure\b)"
)
#: One rule: "12", "4.1", "23.1", with its pins. A federal rule's number has no dash:
#: "Rule 1-060(B) NMRA" is a state's rule.
ITEM = re.compile(
    rf"(?P<section>\d{{1,4}}(?:\.\d{{1,2}})?)(?![\w]|\.\d|{DASH}\d)(?P<pins>(?:{PIN}){{0,10}})"
)
_SET_AND_RULE = re.compile(rf"(?:{_SETS})(?:{WS},)?{WS}(?:(?P<word>Rules?\b|R\.){WS})?(?=\d)")
_RULE_WORD = re.compile(rf"(?P<plural>Rules)?(?:Rule)?{WS1}(?=\d)")
_OF_THE_RULES = re.compile(rf"(?:{WS},)?{WS1}of{WS1}the{WS1}(?:{_SETS})")
_ID_FORM = re.compile(
    rf"[Ii]d\.(?:(?:{WS},)?{WS1}at{WS1}(?P<pins>(?:{PIN}){{1,10}}))?(?![\w.])"
    rf"(?!(?:{WS},)?{WS1}at\b)"
)
#: How far back a short form ("Rule 11") looks for the set it belongs to.
_ANTECEDENT_WINDOW = 50


def _rule_set(found: re.Match[str]) -> str:
    return next(name for name in RULE_SETS if found.group(name) is not None)


# --- links --------------------------------------------------------------------


def lii_url(citation: RuleCitation) -> str:
    """Cornell LII, by its observed scheme: https://www.law.cornell.edu/rules/frcp/rule_12,
    with the subdivision anchor its pages use: #rule_12_b_6."""
    url = f"https://www.law.cornell.edu/rules/{citation.rules}/rule_{citation.rule}"
    if citation.pin:
        url += f"#rule_{citation.rule}_" + "_".join(citation.pin)
    return url


# --- the source ---------------------------------------------------------------


class FederalRules(Source):
    """The Federal Rules of Civil, Criminal and Appellate Procedure and of Evidence."""

    kind = "rule"
    links = MappingProxyType({"lii": lii_url})

    def __init__(self) -> None:
        self.triggers = (
            Trigger(
                (
                    r"Fed\.\s?R\.\s?(?:Civ|Crim|Evid|App)\.",
                    r"FRC(?:iv|r|R)?P",
                    r"FRE(?![A-Za-z])",
                    r"FRAP",
                    r"Federal\s+Rules?\s+of\s+(?:Civil|Criminal|Appellate|Evidence)",
                ),
                self._set_first,
            ),
            # "Rule 11" is a short form, or names its set after it ("Rule 12(b)(6) of the
            # Federal Rules of Civil Procedure", which the trigger above also matches), so
            # a text where the trigger above never matched has none: this one is lazy.
            Trigger((r"Rules?\s{1,3}\d",), self._rule_first, lazy=True),
        )

    # "Fed. R. Civ. P. 12(b)(6)", "FRCrP Rule 6"
    def _set_first(self, scan: Scan, start: int, end: int) -> int | None:
        text = scan.text
        found = _SET_AND_RULE.match(text, start)
        if found is None:
            return None
        # "Fed. R. Civ. P. 26 and 37": numbers after the set's name are its rules.
        sections = self._sections(text, found.end(), True)
        if sections is None:
            return None
        return scan.cite(self, _rule_set(found), sections, start, sections.end)

    # "Rule 12(b)(6) of the Federal Rules of Civil Procedure", "Rule 11"
    def _rule_first(self, scan: Scan, start: int, end: int) -> int | None:
        text = scan.text
        word = _RULE_WORD.match(text, start)
        if word is None or text[start - 1 : start].isalpha():
            return None
        sections = self._sections(text, word.end(), word.group("plural") is not None)
        if sections is None:
            return None
        tail = _OF_THE_RULES.match(text, sections.end)
        if tail is not None:
            return scan.cite(self, _rule_set(tail), sections, start, tail.end())
        antecedent = _last_rule(scan)
        if antecedent is None:
            return None  # a rule of something we cannot tell
        if scan.reach is not None and scan.paragraphs_back(antecedent, start) > scan.reach:
            return None  # too far from the rule that named the set
        return scan.cite(
            self, antecedent.rules, sections, start, sections.end, short=True, antecedent=antecedent
        )

    # "Id.", "Id. at (b)(1)"
    def refer_back(self, scan: Scan, start: int) -> int | None:
        last = scan.last
        if not isinstance(last, RuleCitation):
            return None
        found = _ID_FORM.match(scan.text, start)
        if found is None:
            return None
        pin = pins(found.group("pins")) if found.group("pins") else last.pin
        antecedent = last.antecedent if last.short and last.antecedent is not None else last
        only = Sections([Item(last.rule, pin, start, found.end())], found.end(), False, False)
        return scan.cite(
            self, last.rules, only, start, found.end(), short=True, antecedent=antecedent
        )

    def _sections(self, text: str, at: int, plural: bool) -> Sections | None:
        first = ITEM.match(text, at)
        return parse_sections(text, first, ITEM, plural, one_section) if first else None

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
        return RuleCitation(
            text=text,
            start=start,
            end=end,
            short=short,
            antecedent=antecedent,
            group=group,
            rules=str(container),
            rule=item.section,
            pin=item.pin,
            range_end=item.range_end,
        )


def _last_rule(scan: Scan) -> RuleCitation | None:
    """The latest full citation of a rule, among the last few citations."""
    for citation in reversed(scan.citations[-_ANTECEDENT_WINDOW:]):
        if isinstance(citation, RuleCitation):
            return citation if not citation.short else citation.antecedent  # type: ignore[return-value]
    return None


SOURCE = FederalRules()
