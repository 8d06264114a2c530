"""Find citations: one linear pass over the text.

The finder joins the triggers of every source into one regular expression
whose alternatives all begin with a literal character, so the regex engine
skips in C over text that cannot start a citation. At each trigger the owning
source's handler parses the citation with anchored patterns and records it;
the scan then resumes after the citation. Two kinds of trigger belong to the
finder itself because several sources share them: section marks ("§",
"section", "sec.") and "id.".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from operator import itemgetter

from citelink.grammar import (
    DASH,
    PIN,
    SECTION_ITEM,
    SECTION_MARK,
    WS,
    WS1,
    Item,
    Sections,
    parse_sections,
    pins,
)
from citelink.models import Citation
from citelink.resolve import Chain, chain
from citelink.scanner import Handler, Scan, Source, Trigger
from citelink.sources import DEFAULT_SHORT_FORM_SOURCE, SOURCES

_ITEM = re.compile(SECTION_ITEM)
#: Any section number, for the hooks of codes whose numbers the U.S. Code's
#: grammar refuses: "776.012", "14:30", "2C:11-3", "5/2-619", "3020-a".
_ANY_ITEM = re.compile(
    rf"(?P<section>\d{{1,6}}[A-Za-z]{{0,4}}(?:[.:/]\d[A-Za-z\d]{{0,7}}|{DASH}[A-Za-z\d]{{1,8}}){{0,6}})"
    rf"(?P<pins>(?:{PIN}){{0,10}})"
)
_MARK = re.compile(rf"(?:{SECTION_MARK}){WS}")
#: Section marks followed by the first digit of a number; "subsection" and
#: "this section," are skipped.
_SECTION_MARK_TRIGGERS = (
    rf"§§?{WS}\d",
    rf"Section(?<![A-Za-z]Section)s?{WS}\d",
    rf"section(?<![A-Za-z]section)s?{WS}\d",
    rf"SECTION(?<![A-Za-z]SECTION)S?{WS}\d",
    rf"Sec\.(?<![A-Za-z]Sec\.){WS}\d",
    rf"sec\.(?<![A-Za-z]sec\.){WS}\d",
    rf"Secs\.(?<![A-Za-z]Secs\.){WS}\d",
    rf"secs\.(?<![A-Za-z]secs\.){WS}\d",
)
_ID_TRIGGERS = (
    r"Id\.(?<![\w.]Id\.)",
    r"id\.(?<![\w.]id\.)",
    r"Ibid\.(?<![\w.]Ibid\.)",
    r"ibid\.(?<![\w.]ibid\.)",
)
#: "section 3 of the Act", "§ 5 of such Act": a section of something we do not cite.
_OF_SOMETHING_ELSE = re.compile(rf"(?:{WS},)?{WS1}of{WS1}[\w\"“]")
_ID = re.compile(rf"(?:[Ii]d|[Ii]bid)\.(?P<at>(?:{WS},)?{WS1}at(?!\w))?{WS}")
_PAGE = re.compile(r"\d")
_PINS = re.compile(rf"(?:{PIN}){{1,10}}")
#: Years are not sections: "§ 2019" with nothing before it is not a citation.
_YEARS = range(1990, 2100)


class Finder:
    """A reusable, thread-safe citation finder.

    ``resolvers`` names the chain of resolvers that gives each citation its
    ``url`` (see :mod:`citelink.resolve`); ``resolve=False`` skips linking.
    """

    def __init__(
        self,
        *,
        resolvers: Sequence[str] | Chain | None = None,
        resolve: bool = True,
        sources: Sequence[Source] = SOURCES,
    ) -> None:
        self.chain = (
            resolvers if isinstance(resolvers, Chain) else chain(resolvers) if resolve else None
        )
        self.sources = tuple(sources)
        self._by_kind = {source.kind: source for source in self.sources}
        self._named_before = _overriding(self.sources, "named_before")
        self._qualifiers = _overriding(self.sources, "qualify")
        # Those whose section numbers are not the U.S. Code's, for numbers it refuses.
        self._named_before_own = tuple(s for s in self._named_before if _own_numbering(s))
        self._qualifiers_own = tuple(s for s in self._qualifiers if _own_numbering(s))
        triggers = [trigger for source in self.sources for trigger in source.triggers]
        triggers += [
            Trigger(_SECTION_MARK_TRIGGERS, self._section_mark),
            Trigger(_ID_TRIGGERS, self._id),
        ]
        self._scans = _scans(triggers)

    def find(self, text: str, *, this_title: str | None = None) -> list[Citation]:
        """Every citation in ``text``, in text order."""
        scan = Scan(text, this_title=this_title)
        for start, end, handler in self._triggers(text):
            if start < scan.floor:
                continue
            found = handler(scan, start, end)
            if found is not None:
                scan.floor = found
        if self.chain is not None:
            self.chain.attach(scan.citations)
        return scan.citations

    def _triggers(self, text: str) -> list[tuple[int, int, Handler]]:
        """Every trigger in ``text``, sorted by position."""
        hits: list[tuple[int, int, Handler]] = []
        for pattern, handlers in self._scans:
            hits += [(m.start(), m.end(), handlers[m.lastindex]) for m in pattern.finditer(text)]  # type: ignore[index]
        hits.sort(key=_first)
        return hits

    # "§ 1373", "sections 1373 and 1644 of title 8"
    def _section_mark(self, scan: Scan, start: int, end: int) -> int | None:
        text = scan.text
        at = end - 1  # the trigger ends with the first digit
        plural = _is_plural(text[start:at])
        first = _ITEM.match(text, at)
        named_before, qualifiers = self._named_before, self._qualifiers
        if first is not None:
            sections = parse_sections(text, first, _ITEM, plural)
        else:
            # A number the U.S. Code never uses ("776.012", "14:30"): only the sources
            # with a numbering of their own may claim it.
            named_before, qualifiers = self._named_before_own, self._qualifiers_own
            if not (named_before or qualifiers):
                return None
            lenient = _ANY_ITEM.match(text, at)
            assert lenient is not None  # it matches any digit
            sections = parse_sections(text, lenient, _ANY_ITEM, plural, _whole)
        for source in named_before:
            claimed = source.named_before(scan, start, sections)
            if claimed is not None:
                return claimed
        for source in qualifiers:
            claimed = source.qualify(scan, start, sections)
            if claimed is not None:
                return claimed
        if _OF_SOMETHING_ELSE.match(text, sections.end):
            return None
        antecedent = scan.antecedent
        owner = self._short_form_source(antecedent)
        if owner is None or antecedent is None:  # nothing resolved to refer back to
            if first is None or _looks_like_a_year(sections):
                return None
            return scan.cite(
                DEFAULT_SHORT_FORM_SOURCE, None, sections, start, sections.end, short=True
            )
        item = owner.item_after(antecedent)
        if item is None:
            return None
        if item.pattern != SECTION_ITEM:
            reparsed = item.match(text, at)
            if reparsed is None:
                return None
            sections = parse_sections(text, reparsed, item, plural, owner.split_section)
        elif first is None:
            return None
        container = owner.container(antecedent)
        return scan.cite(
            owner, container, sections, start, sections.end, short=True, antecedent=antecedent
        )

    def _short_form_source(self, antecedent: Citation | None) -> Source | None:
        """The source whose short forms may follow ``antecedent``, if it is resolved."""
        if antecedent is None or not antecedent.resolved:
            return None
        source = self._by_kind.get(antecedent.kind)
        return source if source is not None and source.item is not None else None

    # "id. § 1702", "Id. at (b)", "Id."
    def _id(self, scan: Scan, start: int, end: int) -> int | None:
        text = scan.text
        last, antecedent = scan.last, scan.antecedent
        source = self._short_form_source(last)
        if source is None or source.item is None or last is None or antecedent is None:
            return None
        form = _ID.match(text, start)
        if form is None:
            return None
        container = source.container(last)
        after = form.end()
        mark = _MARK.match(text, after)
        grammar = source.item_after(last)
        first = grammar.match(text, mark.end()) if mark is not None and grammar else None
        if mark is not None and first is not None and grammar is not None:
            plural = mark.group("plural") is not None
            sections = parse_sections(text, first, grammar, plural, source.split_section)
            return scan.cite(
                source, container, sections, start, sections.end, short=True, antecedent=antecedent
            )
        found = _PINS.match(text, after)
        if found is not None:
            item = source.item_of(last)._replace(
                pin=pins(found.group()), start=after, end=found.end(), range_end=None
            )
            only = Sections([item], found.end(), False, False)
            return scan.cite(
                source, container, only, start, found.end(), short=True, antecedent=antecedent
            )
        if form.group("at") is not None or _PAGE.match(text, after):
            return None  # "Id. at 574": a page of a case
        dot = text.index(".", start) + 1
        only = Sections([source.item_of(last)._replace(range_end=None)], dot, False, False)
        return scan.cite(source, container, only, start, dot, short=True, antecedent=antecedent)


def _overriding(sources: Sequence[Source], hook: str) -> tuple[Source, ...]:
    """The sources that implement ``hook`` (the base class's does nothing)."""
    default = getattr(Source, hook)
    return tuple(s for s in sources if getattr(type(s), hook) is not default)


def _scans(triggers: Sequence[Trigger]) -> list[tuple[re.Pattern[str], list[Handler]]]:
    """One regex per first character of the trigger patterns, with its handlers.

    Python's regex engine searches fast for a pattern that starts with a
    literal, but falls back to testing every position against a set of
    characters when the alternatives start differently; so the finder runs
    one search per first character and merges the hits. Each pattern ends in
    an empty group, so ``match.lastindex`` tells which one matched.
    """
    by_first: dict[str, list[tuple[str, Handler]]] = {}
    for trigger in triggers:
        for pattern in trigger.patterns:
            first = pattern[:1]
            if not first or first in _REGEX_SYNTAX or re.compile(pattern).groups:
                raise ValueError(
                    f"a trigger must start with a literal and have no groups: {pattern!r}"
                )
            by_first.setdefault(first, []).append((pattern[1:], trigger.handler))
    scans = []
    for first, rests in by_first.items():
        regex = re.escape(first) + "(?:" + "|".join(f"{rest}()" for rest, _ in rests) + ")"
        scans.append((re.compile(regex), [_no_handler] + [handler for _, handler in rests]))
    return scans


def _own_numbering(source: Source) -> bool:
    """Whether ``source`` numbers sections otherwise than the U.S. Code."""
    return source.item is not None and source.item.pattern != SECTION_ITEM


def _whole(token: str) -> tuple[str, str | None]:
    """A lenient section token is one section: its owner, if any, splits it."""
    return token, None


def _no_handler(scan: Scan, start: int, end: int) -> int | None:  # pragma: no cover
    raise AssertionError("group 0 never names a trigger")


_first = itemgetter(0)
_REGEX_SYNTAX = frozenset("\\.^$*+?{}[]|()")


def _is_plural(mark: str) -> bool:
    """Whether a section mark ("§§ ", "sections ", "Secs. ") introduces several sections."""
    return mark.rstrip(" .\u00a0\u202f\n\t").endswith(("§§", "s", "S"))


def _looks_like_a_year(sections: Sections) -> bool:
    if len(sections.items) != 1:
        return False
    item: Item = sections.items[0]
    return not item.pin and item.section.isdigit() and int(item.section) in _YEARS


_FINDERS: dict[tuple[str, ...] | None, Finder] = {}


def find(
    text: str, *, this_title: str | None = None, resolvers: Sequence[str] | None = None
) -> list[Citation]:
    """Every citation in ``text``, in text order, each linked by the resolver chain.

    ``this_title`` is the U.S. Code title the text belongs to, for "section
    1357 of this title"; ``resolvers`` names the resolver chain (default:
    Cornell LII).
    """
    key = tuple(resolvers) if resolvers is not None else None
    finder = _FINDERS.get(key)
    if finder is None:
        finder = _FINDERS[key] = Finder(resolvers=resolvers)
    return finder.find(text, this_title=this_title)
