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

import dataclasses
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from operator import attrgetter, itemgetter
from typing import Any

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
from citelink.resolve import REGISTRY, Chain, chain, configured_registry
from citelink.scanner import Handler, Scan, Source, Trigger
from citelink.sources import DEFAULT_SHORT_FORM_SOURCE, SOURCES

_ITEM = re.compile(SECTION_ITEM)
_MARK = re.compile(rf"(?:{SECTION_MARK}){WS}")
#: Section marks followed by the first digit of a number; "subsection" and
#: "this section," are skipped.
_SECTION_MARK_TRIGGERS = (
    rf"§§?{WS}\d",
    rf"Section(?<![A-Za-z]Section)s?{WS}\d",
    rf"section(?<![A-Za-z]section)s?{WS}\d",
    rf"SECTION(?<![A-Za-z]SECTION)S?{WS}\d",
    rf"Sec\.(?<![A-Za-z]Sec\.){WS}\d",
    rf"SEC\.(?<![A-Za-z]SEC\.){WS}\d",
    rf"SECS\.(?<![A-Za-z]SECS\.){WS}\d",
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
#: "section 3 of the Act", "§ 5 of such Act", "section 5, title 8, California Code of
#: Regulations": a section of something the finder does not cite (the sources declined it).
_OF_SOMETHING_ELSE = re.compile(
    rf"(?:{WS},)?{WS1}(?:of|OF){WS1}[\w\"“]"
    rf"|{WS},{WS}(?:Pub\.|P\.{WS}?L\.|Public{WS1}Law\b)"
    rf"|{WS},{WS}(?:[Tt]itle|TITLE){WS1}\d{{1,3}}[A-Z]?{WS},{WS}[A-Z]"
)
#: A Code's name after a number: the number is its title ("section 17 U.S.C. § 501").
_TITLE_OF_A_CODE = re.compile(
    rf"{WS1}(?:U\.?{WS}?S\.?{WS}?C\b|U\.{WS}?S\.{WS1}Code\b|United{WS1}States{WS1}Code\b"
    rf"|C\.?{WS}?F\.?{WS}?R\b)"
)
_ID_AND_PAGE = re.compile(rf"(?:[Ii]d|[Ii]bid)\.(?:(?:{WS},)?{WS1}at)?{WS1}\*?\d")
#: A dash and a number after a section: more of a number than its grammar read
#: ("section 5 — 8— 1(a)" after a constitution's article).
_MORE_NUMBER = re.compile(rf"{WS}{DASH}{WS}\d")
#: Three numbers joined by dashes, a space around one: "5 — 8— 1", an Illinois
#: section as its reporters print it; only a code numbered so reads it.
_SPACED_NUMBER = re.compile(rf"\d{{1,6}}(?:[^\S\n]?{DASH}[^\S\n]?\d{{1,6}}){{2,4}}")
_ID = re.compile(rf"(?:[Ii]d|[Ii]bid)\.(?P<at>(?:{WS},)?{WS1}at(?!\w))?{WS}")
_PAGE = re.compile(r"\d")
_PINS = re.compile(rf"(?:{PIN}){{1,10}}")
#: Years are not sections: "§ 2019" with nothing before it is not a citation.
_YEARS = range(1990, 2100)
#: How many paragraphs back a short form may find its full citation, by default.
ANTECEDENT_PARAGRAPHS = 5


class Finder:
    """A reusable, thread-safe citation finder.

    ``resolvers`` names the chain of resolvers that gives each citation its
    ``url``, or is a :class:`~citelink.resolve.Chain` (see
    :mod:`citelink.resolve`; default: each kind's default chain);
    ``resolve=False`` skips linking. ``antecedent_paragraphs`` is the reach of
    short forms: a "§ 1373" whose full citation is more paragraphs back (blank
    lines) stays unresolved.
    """

    def __init__(
        self,
        *,
        resolvers: Sequence[str] | Chain | None = None,
        resolve: bool = True,
        sources: Sequence[Source] = SOURCES,
        antecedent_paragraphs: int | None = ANTECEDENT_PARAGRAPHS,
    ) -> None:
        if antecedent_paragraphs is not None and antecedent_paragraphs < 0:
            raise ValueError("antecedent_paragraphs must be 0 or more")
        #: How many paragraphs back a short form may find its full citation (``None``:
        #: any distance); one further back is left unresolved ("far-antecedent").
        self.antecedent_paragraphs = antecedent_paragraphs
        self.chain = (
            resolvers if isinstance(resolvers, Chain) else chain(resolvers) if resolve else None
        )
        self.sources = tuple(sources)
        self._by_kind = {source.kind: source for source in self.sources}
        # Sources numbered like the U.S. Code take part in every section mark;
        # the others ("§ 287.7" of the C.F.R.) only where the Code's grammar fails.
        usc_like = tuple(
            s for s in self.sources if s.item is None or s.item.pattern == SECTION_ITEM
        )
        every_mark = tuple(s for s in self.sources if s in usc_like or s.every_mark)
        self._named_before = _overriding(every_mark, "named_before")
        self._named_before_always = tuple(s for s in self._named_before if s.before_mark is None)
        guards = [s.before_mark for s in self._named_before if s.before_mark is not None]
        self._before_guard = re.compile("|".join(f"(?:{g})" for g in guards)) if guards else None
        self._qualifiers = _overriding(every_mark, "qualify")
        self._numbered = tuple(s for s in self.sources if s not in usc_like)
        self._refer_back = frozenset(_overriding(self.sources, "refer_back"))
        self._prescanners = _overriding(self.sources, "prescan")
        triggers = [t for source in self.sources for t in source.triggers if not t.lazy]
        triggers += [
            Trigger(_SECTION_MARK_TRIGGERS, self._section_mark),
            Trigger(_ID_TRIGGERS, self._id),
        ]
        all_triggers = [
            *triggers,
            *(t for source in self.sources for t in source.triggers if t.lazy),
        ]
        self._fallbacks = _fallbacks(all_triggers)
        # Every search's handlers in one table, so that a hit is one int (see _hits).
        self._handlers: list[Handler] = []
        self._scans = [self._numbered_scan(*scan) for scan in _scans(triggers)]
        # Lazy triggers: one search per source, run when that source's other triggers hit.
        self._lazy: list[tuple[re.Pattern[str], int, frozenset[int]]] = []
        for source in self.sources:
            lazy = [t for t in source.triggers if t.lazy]
            if lazy:
                needs = {t.handler for t in source.triggers if not t.lazy}
                wanted = frozenset(i for i, h in enumerate(self._handlers) if h in needs)
                self._lazy += [(*self._numbered_scan(*scan), wanted) for scan in _scans(lazy)]
        wanted = frozenset().union(*(needs for _, _, needs in self._lazy))
        self._feeds_lazy = frozenset(
            i
            for i, (pattern, base) in enumerate(self._scans)
            if wanted.intersection(range(base, base + pattern.groups + 1))
        )
        if len(self._handlers) > _HANDLER_MASK:
            raise ValueError(f"too many trigger patterns ({len(self._handlers)})")

    def _numbered_scan(
        self, pattern: re.Pattern[str], handlers: list[Handler]
    ) -> tuple[re.Pattern[str], int]:
        """A search and where its handlers start in the finder's table."""
        base = len(self._handlers)
        self._handlers += handlers
        return pattern, base

    def __reduce__(self) -> tuple[Any, ...]:
        """A finder pickles as what it was made from; the copy compiles its own searches."""
        return _rebuild_finder, (self.chain, self.sources, self.antecedent_paragraphs)

    def find(
        self, text: str, *, this_title: str | None = None, cases: bool = False
    ) -> list[Citation]:
        """Every citation in ``text``, in text order.

        ``cases=True`` also finds case law (through eyecite, which must be
        installed: ``pip install 'citelink[cases]'``); it is much slower.
        """
        visible = _visible(text)
        if visible is not None:  # found in the text as read, offsets into the text as given
            return list(self._chunk(text, 0, _Carried(), this_title, cases, visible))
        scan = Scan(text, this_title=this_title, reach=self.antecedent_paragraphs)
        self._run(scan, cases)
        if self.chain is not None:
            self.chain.attach(scan.citations)
        return scan.citations

    def find_stream(
        self, pieces: Iterable[str], *, this_title: str | None = None, cases: bool = False
    ) -> Iterator[Citation]:
        """The citations of a long text given in pieces, in text order, as they are found.

        Offsets are into the whole text (the pieces joined). Memory stays
        bounded by a few megabytes whatever the length: the text is cut into
        chunks where no citation can cross (a blank line, else a line break,
        else a space, and never inside a citation found around that point),
        and the antecedent of short forms carries from one chunk to the next.
        Read a file in pieces with :func:`citelink.documents.read_pieces`.
        """
        buffer: list[str] = []
        size = base = 0
        carried = _Carried()
        for piece in pieces:
            buffer.append(piece)
            size += len(piece)
            if size < 2 * _CHUNK:
                continue
            text = "".join(buffer)
            while len(text) >= 2 * _CHUNK:
                cut = self._cut(text, _CHUNK, this_title)
                chunk = text[:cut]
                yield from self._chunk(chunk, base, carried, this_title, cases, _visible(chunk))
                text, base = text[cut:], base + cut
            buffer, size = [text], len(text)
        text = "".join(buffer)
        yield from self._chunk(text, base, carried, this_title, cases, _visible(text))

    def _cut(self, text: str, near: int, this_title: str | None) -> int:
        """Where to cut ``text`` after ``near`` so that no citation is cut in two."""
        cut = -1
        for gap in ("\n\n", "\n", " "):
            cut = text.find(gap, near, near + _CHUNK // 2)
            if cut >= 0:
                cut += len(gap)
                break
        cut = near if cut < 0 else cut
        while True:  # move past any citation found around the cut
            lo = max(0, cut - _EDGE)
            window = text[lo : cut + _EDGE]
            spans = [c.group or (c.start, c.end) for c in self._find_bare(window, this_title)]
            crossing = [end for start, end in spans if start < cut - lo < end]
            if not crossing:
                return cut
            cut = lo + max(crossing)

    def _find_bare(self, text: str, this_title: str | None) -> list[Citation]:
        scan = Scan(text, this_title=this_title)
        self._run(scan, False)
        return scan.citations

    def _chunk(
        self,
        text: str,
        base: int,
        carried: _Carried,
        this_title: str | None,
        cases: bool,
        visible: _Visible | None = None,
    ) -> Iterator[Citation]:
        """Find in one chunk, starting from the antecedents the chunks before it left;
        with ``visible``, in the chunk without its invisible characters."""
        scan = Scan(
            visible.text if visible is not None else text,
            this_title=this_title,
            last=carried.last,
            anchor=carried.anchor,
            previous_anchor=carried.previous_anchor,
            carried_breaks=carried.breaks,
            reach=self.antecedent_paragraphs,
        )
        self._run(scan, cases)
        if self.chain is not None:
            self.chain.attach(scan.citations)
        shifted: dict[int, Citation] = dict(carried.absolute)
        for citation in scan.citations:
            moved = _moved(citation, base, shifted, visible, text)
            shifted[id(citation)] = moved
            yield moved
        carried.carry(scan, shifted)

    def _run(self, scan: Scan, cases: bool) -> None:
        """Offer every trigger of ``scan.text`` to its handler, in text order."""
        handlers, fallbacks = self._handlers, self._fallbacks
        prescanned: list[tuple[int, int, Handler]] = []
        if cases and self._prescanners:
            prescanned = [hit for source in self._prescanners for hit in source.prescan(scan)]
            prescanned.sort(key=_first)
        waiting = 0  # the next prescanned hit; it goes before a trigger at the same place
        for hit in self._triggers(scan.text):
            start = hit >> _START_SHIFT
            while waiting < len(prescanned) and prescanned[waiting][0] <= start:
                _offer(scan, *prescanned[waiting], fallbacks)
                waiting += 1
            if start >= scan.floor:
                handler = handlers[hit >> _HANDLER_SHIFT & _HANDLER_MASK]
                _offer(scan, start, start + (hit & _LENGTH_MASK), handler, fallbacks)
        for start, end, handler in prescanned[waiting:]:
            _offer(scan, start, end, handler, fallbacks)

    def _triggers(self, text: str) -> list[int]:
        """Every trigger in ``text`` as an int (see :func:`_hits`), sorted by position."""
        hits: list[int] = []
        matched: set[int] = set()
        for i, (pattern, base) in enumerate(self._scans):
            found = _hits(pattern, base, text)
            hits += found
            if i in self._feeds_lazy:
                matched.update(hit >> _HANDLER_SHIFT & _HANDLER_MASK for hit in found)
        for pattern, base, needs in self._lazy:
            if not needs.isdisjoint(matched):
                hits += _hits(pattern, base, text)
        hits.sort()
        return hits

    # "§ 1373", "sections 1373 and 1644 of title 8"
    def _section_mark(self, scan: Scan, start: int, end: int) -> int | None:
        text = scan.text
        plural = _is_plural(text[start : end - 1])
        first = _ITEM.match(text, end - 1)  # the trigger ends with the first digit
        if first is None:
            return self._other_numbering(scan, start, end - 1, plural)
        sections = parse_sections(text, first, _ITEM, plural)
        if _TITLE_OF_A_CODE.match(text, first.end()) and not first.group("pins"):
            return None  # "section 17 U.S.C. § 501": the number is the title of what follows
        asked = self._named_before_always
        guard = self._before_guard
        if guard is not None and guard.match(scan.backward, len(text) - start):
            asked = self._named_before
        for source in asked:
            claimed = source.named_before(scan, start, sections)
            if claimed is not None:
                return claimed
        for source in self._qualifiers:
            claimed = source.qualify(scan, start, sections)
            if claimed is not None:
                return claimed
        if _OF_SOMETHING_ELSE.match(text, sections.end) or _not_the_code(scan, start, sections):
            return None
        antecedent = scan.antecedent
        owner = self._short_form_source(antecedent)
        reason = None
        if owner is None or owner.item is None or antecedent is None:  # nothing to refer back to
            reason = _reason_of(scan.anchor)
        elif owner.item.pattern != SECTION_ITEM:
            reparsed = owner.sections(text, end - 1, plural, antecedent)
            if reparsed is None:  # "§ 1357(g)" after "8 C.F.R. § 287.7": the anchor before it
                antecedent = scan.previous_antecedent
                owner = self._short_form_source(antecedent)
                if owner is None or owner in self._numbered or antecedent is None:
                    return None
                if not owner.continues(antecedent, sections):
                    return None
            else:
                sections = reparsed
                if _OF_SOMETHING_ELSE.match(text, sections.end):
                    return None  # "section 5-8-1 of the Unified Code": a code not cited here
        spaced = _SPACED_NUMBER.match(text, end - 1)
        if spaced is not None and not any(ch.isspace() for ch in spaced.group()):
            spaced = None
        if _MORE_NUMBER.match(text, sections.end) or (
            spaced is not None
            and (reason is not None or sections.end < spaced.end() or len(sections.items) > 1)
        ):
            return None  # a number the grammar of the code it would continue does not read
        if reason is None and owner is not None and antecedent is not None:
            reason = self._broken_chain(scan, antecedent, start, sections)
            if reason is None and not owner.continues(antecedent, sections):
                reason = "unknown-section"
        if reason is not None or owner is None or antecedent is None:
            if _looks_like_a_year(sections) or not _code_shaped(sections):
                return None
            return scan.cite(
                DEFAULT_SHORT_FORM_SOURCE,
                None,
                sections,
                start,
                sections.end,
                short=True,
                reason=reason or "no-antecedent",
            )
        container = owner.container(antecedent)
        return scan.cite(
            owner, container, sections, start, sections.end, short=True, antecedent=antecedent
        )

    def _broken_chain(
        self, scan: Scan, antecedent: Citation, at: int, sections: Sections | None = None
    ) -> str | None:
        """Why a short form at ``at`` may not refer back to ``antecedent``, if it may not:
        too far back, or, after a U.S. Code citation, another body of law named since
        (see :func:`_other_container`; an act's or a state code's own name is no other),
        unless the short form repeats the antecedent's own section ("18 U.S.C. § 2422(b)
        ... the Act ... Section 2422(b)")."""
        latest = _latest_link(scan, antecedent)
        reach = self.antecedent_paragraphs
        if reach is not None and scan.paragraphs_back(latest, at) > reach:
            return "far-antecedent"
        repeated = sections is not None and _repeats(antecedent, sections)
        if antecedent.kind == "usc" and not repeated:
            if _other_container(scan, latest, at):
                return "other-container"
            if latest is antecedent and scan.text[at] != "§" and _parallel(scan, antecedent):
                return "other-container"  # "TSCA (15 U.S.C. 2601) ... section 5": the act's
        return None

    def _other_numbering(self, scan: Scan, start: int, at: int, plural: bool) -> int | None:
        """A section number the U.S. Code never uses ("§ 287.7", "§ 1.1031(a)-1").

        Only a source with its own numbering may claim it: one whose name is
        before or after it ("section 1.1031(a)-1 of title 26, Code of Federal
        Regulations"), or the source of the antecedent (a short form).
        """
        text = scan.text
        for source in self._numbered:
            sections = source.sections(text, at, plural)
            if sections is None:
                continue
            claimed = source.named_before(scan, start, sections)
            if claimed is None:
                claimed = source.qualify(scan, start, sections)
            if claimed is not None:
                return claimed
        antecedent = scan.antecedent
        owner = self._short_form_source(antecedent)
        if owner is None or antecedent is None or _named_just_before(scan, start):
            return None  # nothing resolved to refer back to, or another body's section
        sections = None
        if owner in self._numbered:
            sections = owner.sections(text, at, plural, antecedent)
        if sections is None:
            # "§ 287.8" after "8 C.F.R. § 287.7 ... 8 U.S.C. § 1357", or after "40 CFR
            # 257.73; 5 CCR 1002-31" (not a Colorado rule's number): the anchor before it
            antecedent = scan.previous_antecedent
            owner = self._short_form_source(antecedent)
            if owner is None or owner not in self._numbered or antecedent is None:
                return None
            sections = owner.sections(text, at, plural, antecedent)
        if sections is None or _OF_SOMETHING_ELSE.match(text, sections.end):
            return None
        antecedent, named = owner.antecedent_of(scan, antecedent, sections)
        if not named and self._broken_chain(scan, antecedent, start) is not None:
            return None  # not the Code's numbering, and not surely the antecedent's code's
        if not owner.continues(antecedent, sections):
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
        last = scan.last
        if last is None or not last.resolved:
            return None
        antecedent = last.antecedent if last.short else last
        if antecedent is None or _unfound_between(scan, last, start):
            return None
        if _ID_AND_PAGE.match(text, start):
            return None  # "Id. 37-39", "Id. at 574": pages of a case or a report
        source = self._by_kind.get(last.kind)
        if source is None:
            return None
        if source in self._refer_back:
            return source.refer_back(scan, start)
        if source.item is None:
            return None
        form = _ID.match(text, start)
        if form is None:
            return None
        container = source.container(last)
        after = form.end()
        mark = _MARK.match(text, after)
        if mark is not None:
            plural = mark.group("plural") is not None
            sections = source.sections(text, mark.end(), plural, last)
            if sections is not None:
                return scan.cite(
                    source,
                    container,
                    sections,
                    start,
                    sections.end,
                    short=True,
                    antecedent=antecedent,
                )
        found = _PINS.match(text, after)
        if found is not None:
            item = source.item_of(last)
            if not item.section:  # a whole law, part or article has no subsections
                return None
            item = item._replace(
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


#: Characters per chunk when a long text is read in pieces.
_CHUNK = 1 << 22
#: Characters on each side of a cut that are searched for a citation crossing it.
_EDGE = 4096
#: Where a carried antecedent seems to be: far before the chunk, so that no
#: source takes it for the citation just before (its text is not in the chunk).
_FAR = -(1 << 40)


class _Carried:
    """The antecedents one chunk leaves to the next, and the citations yielded for them."""

    def __init__(self) -> None:
        self.last: Citation | None = None
        self.anchor: Citation | None = None
        self.previous_anchor: Citation | None = None
        #: id() of a carried antecedent -> the citation yielded for it (whole-text offsets).
        self.absolute: dict[int, Citation] = {}
        #: id() of a carried antecedent -> the paragraph breaks after it, up to the next chunk.
        self.breaks: dict[int, int] = {}

    def carry(self, scan: Scan, shifted: dict[int, Citation]) -> None:
        absolute: dict[int, Citation] = {}
        faraway: dict[int, Citation] = {}
        breaks: dict[int, int] = {}
        end_of_text = len(scan.text) + 1
        for name in ("last", "anchor", "previous_anchor"):
            citation = getattr(scan, name)
            if citation is None:
                setattr(self, name, None)
                continue
            if id(citation) not in faraway:
                before = citation.antecedent
                far = dataclasses.replace(
                    citation,
                    start=_FAR,
                    end=_FAR,
                    group=None,
                    antecedent=shifted.get(id(before), before) if before is not None else None,
                )
                faraway[id(citation)] = far
                absolute[id(far)] = shifted.get(id(citation), citation)
                breaks[id(far)] = scan.paragraphs_back(citation, end_of_text)
            setattr(self, name, faraway[id(citation)])
        self.absolute = absolute
        self.breaks = breaks


def _moved(
    citation: Citation,
    base: int,
    shifted: dict[int, Citation],
    visible: _Visible | None = None,
    source: str = "",
) -> Citation:
    """``citation`` with offsets into the whole text, its antecedent mapped the same way.

    With ``visible``, the citation was found in the text without its invisible
    characters: its offsets are moved back into ``source`` (the chunk as given), and its
    text is taken from there. An antecedent not yet mapped (a title that anchors short
    forms without being reported) is mapped too.
    """
    group = citation.group
    antecedent = citation.antecedent
    if antecedent is not None:
        known = shifted.get(id(antecedent))
        if known is None and antecedent.start >= 0:
            known = shifted[id(antecedent)] = _moved(antecedent, base, shifted, visible, source)
        antecedent = known or antecedent
    start, end = citation.start, citation.end
    text = citation.text
    if visible is not None:
        start, end = visible.start(start), visible.end(end)
        text = source[start:end]
        if group is not None:
            group = (visible.start(group[0]), visible.end(group[1]))
    moved_group = (group[0] + base, group[1] + base) if group is not None else None
    respan = getattr(citation, "_respan", None)
    if respan is not None:  # a fast_init citation: a copy without dataclasses' machinery
        return respan(text, start + base, end + base, moved_group, antecedent)  # type: ignore[no-any-return]
    return dataclasses.replace(
        citation,
        text=text,
        start=start + base,
        end=end + base,
        group=moved_group,
        antecedent=antecedent,
    )


#: Characters that do not show: zero-width spaces and joiners, the soft hyphen, the
#: word joiner, the byte-order mark. Inside a citation they hide it ("§ 12\u00ad29a").
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
#: Digits of other scripts (fullwidth "１３７３", Arabic-Indic "١٣٧٣"...): read as the ASCII
#: digits they are, so that ids and URLs hold nothing else (issue 23).
_OTHER_DIGIT = re.compile(r"[^\x00-\x7f](?<=\d)")  # faster than (?![0-9])\d


class _Visible:
    """A text without its invisible characters, its digits in ASCII, and how to map
    offsets back (a digit is one character in either script, so only removals count)."""

    def __init__(self, text: str) -> None:
        pieces: list[str] = []
        #: Where in the visible text each invisible character was taken out.
        self.removed: list[int] = []
        last = 0
        for found in _INVISIBLE.finditer(text):
            pieces.append(text[last : found.start()])
            self.removed.append(found.start() - len(self.removed))
            last = found.end()
        pieces.append(text[last:])
        visible = "".join(pieces)
        self.text = _OTHER_DIGIT.sub(_ascii_digit, visible) if not visible.isascii() else visible

    def start(self, at: int) -> int:
        """Where the visible character at ``at`` is in the original text."""
        return at + bisect_right(self.removed, at) if at >= 0 else at

    def end(self, at: int) -> int:
        """Where a span of the visible text that ends at ``at`` ends in the original."""
        return self.start(at - 1) + 1 if at > 0 else at


def _ascii_digit(digit: re.Match[str]) -> str:
    return str(unicodedata.decimal(digit.group()))


def _visible(text: str) -> _Visible | None:
    """The text as read, if it differs: without invisible characters, digits in ASCII."""
    if text.isascii():
        return None
    if _INVISIBLE.search(text) is None and _OTHER_DIGIT.search(text) is None:
        return None
    return _Visible(text)


def _overriding(sources: Sequence[Source], hook: str) -> tuple[Source, ...]:
    """The sources that implement ``hook`` (the base class's does nothing)."""
    default = getattr(Source, hook)
    return tuple(s for s in sources if getattr(type(s), hook) is not default)


def _scans(triggers: Sequence[Trigger]) -> list[tuple[re.Pattern[str], list[Handler]]]:
    """One regex per first character of the trigger patterns, with its handlers.

    Python's regex engine searches fast for a pattern that starts with a
    literal, but falls back to testing every position against a set of
    characters when the alternatives start differently; so the finder runs
    one search per first character and merges the hits. The literal text the
    patterns of one search share ("sec" of "section" and "sec.") is taken out
    in front of the alternatives, so that the engine only tries them where
    all of it is present. Each pattern ends in an empty group, so
    ``match.lastindex`` tells which one matched.
    """
    by_first: dict[str, list[tuple[str, Handler]]] = {}
    for trigger in triggers:
        for pattern in trigger.patterns:
            first = pattern[:1]
            if not _literal_prefix(pattern) or re.compile(pattern).groups:
                raise ValueError(
                    f"a trigger must start with a literal and have no groups: {pattern!r}"
                )
            by_first.setdefault(first, []).append((pattern, trigger.handler))
    scans = []
    for patterns in by_first.values():
        prefixes = [_literal_prefix(pattern) for pattern, _ in patterns]
        shared = 0
        while all(len(p) > shared and p[shared][0] == prefixes[0][shared][0] for p in prefixes):
            shared += 1
        literal = "".join(ch for ch, _ in prefixes[0][:shared])
        rests = [
            pattern[prefix[shared - 1][1] :]
            for (pattern, _), prefix in zip(patterns, prefixes, strict=True)
        ]
        regex = re.escape(literal) + "(?:" + "|".join(f"{rest}()" for rest in rests) + ")"
        scans.append((re.compile(regex), [_no_handler] + [handler for _, handler in patterns]))
    return scans


#: The triggers to try when a handler declines (see :func:`_fallbacks`): one search
#: that tells the first of them that matches, then each of them with its handler.
_Fallback = tuple[re.Pattern[str], tuple[tuple[re.Pattern[str], Handler], ...]]


def _fallbacks(triggers: Sequence[Trigger]) -> dict[Handler, _Fallback]:
    """For each handler, the other triggers that may match where its own do.

    One search reports one trigger per position, so when two sources start
    their citations with the same word ("Const" of "U.S. Const." and of
    "Ala. Const."), the second must still get its turn when the first
    declines: these are the patterns to try then, with their handlers. Most
    declined triggers match none of them, so they are joined into one search
    that answers that in one step.
    """
    entries = [
        (pattern, "".join(ch for ch, _ in _literal_prefix(pattern)), trigger.handler)
        for trigger in triggers
        for pattern in trigger.patterns
    ]
    fallbacks: dict[Handler, _Fallback] = {}
    for handler in dict.fromkeys(h for _, _, h in entries):
        mine = [literal for _, literal, h in entries if h == handler]
        others = [
            (pattern, other)
            for pattern, literal, other in entries
            if other != handler
            and any(literal.startswith(m) or m.startswith(literal) for m in mine)
        ]
        if others:
            joined = re.compile("|".join(f"{pattern}()" for pattern, _ in others))
            fallbacks[handler] = (
                joined,
                tuple((re.compile(pattern), other) for pattern, other in others),
            )
    return fallbacks


def _offer(
    scan: Scan,
    start: int,
    end: int,
    handler: Handler,
    fallbacks: Mapping[Handler, _Fallback],
) -> None:
    """Offer one trigger to its handler, then to the others that match there; a
    citation found moves the scan's floor past it."""
    if start < scan.floor:
        return
    found = handler(scan, start, end)
    if found is None and handler in fallbacks:
        found = _fall_back(scan, start, fallbacks[handler])
    if found is not None:
        scan.floor = found


def _fall_back(scan: Scan, start: int, fallback: _Fallback) -> int | None:
    """Offer a trigger that its first handler declined to the others that match there."""
    joined, others = fallback
    first = joined.match(scan.text, start)
    if first is None:
        return None
    # The joined search found the first pattern that matches; those before it do not.
    for pattern, handler in others[first.lastindex - 1 :]:  # type: ignore[operator]
        found = pattern.match(scan.text, start)
        if found is not None:
            claimed = handler(scan, start, found.end())
            if claimed is not None:
                return claimed
    return None


def _rebuild_finder(
    chain: Chain | None, sources: Sequence[Source], antecedent_paragraphs: int | None
) -> Finder:
    return Finder(
        resolvers=chain,
        resolve=chain is not None,
        sources=sources,
        antecedent_paragraphs=antecedent_paragraphs,
    )


def _literal_prefix(pattern: str) -> list[tuple[str, int]]:
    """The literal characters a pattern begins with, each with where it ends in the pattern.

    "sec\\.(?<!...)" -> [("s", 1), ("e", 2), ("c", 3), (".", 5)]. A character
    that a quantifier makes optional or repeats ("Pub\\.?") is not literal.
    """
    out: list[tuple[str, int]] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            nxt = pattern[i + 1 : i + 2]
            if not nxt or nxt.isalnum():  # \\s, \\d, \\b...: not a literal
                break
            ch, end = nxt, i + 2
        elif ch in _REGEX_SYNTAX:
            break
        else:
            end = i + 1
        if pattern[end : end + 1] in ("?", "*", "+", "{"):
            break
        out.append((ch, end))
        i = end
    return out


#: A trigger's hit packed in one int: its start, the index of its handler in the
#: finder's table, and its length. Ints sort by start, then by search order (the
#: table follows it), and a list of them costs a tenth of a list of tuples, none of
#: which the garbage collector has to visit: a text with millions of triggers stays
#: linear.
_START_SHIFT = 40
_HANDLER_SHIFT = 32
_HANDLER_MASK = 0xFF
_LENGTH_MASK = (1 << _HANDLER_SHIFT) - 1


def _hits(pattern: re.Pattern[str], base: int, text: str) -> list[int]:
    """Every match of one search, packed (handler ``base + match.lastindex``)."""
    return [
        m.start() << _START_SHIFT | base + m.lastindex << _HANDLER_SHIFT | m.end() - m.start()  # type: ignore[operator]
        for m in pattern.finditer(text)
    ]


def _no_handler(scan: Scan, start: int, end: int) -> int | None:  # pragma: no cover
    raise AssertionError("group 0 never names a trigger")


_first = itemgetter(0)
_REGEX_SYNTAX = frozenset("\\.^$*+?{}[]|()")


def _is_plural(mark: str) -> bool:
    """Whether a section mark ("§§ ", "sections ", "Secs. ") introduces several sections."""
    return mark.rstrip().rstrip(".").rstrip().endswith(("§§", "s", "S"))


#: What an "Id." may refer to that the finder did not find: a case ("State v. Ross,
#: 122 N.M. 15", "919 P.2d at 986"), a page of a report.
_UNFOUND_CITATION = re.compile(
    r"\sv\.\s|\b\d{1,4}[^\S\n]+[A-Z][A-Za-z]{0,6}\.(?:[^\S\n]?[A-Za-z0-9]{1,6}\.?){0,3}"
    r"[^\S\n]+(?:at[^\S\n]+)?\d{1,5}\b"
    r"|\b[Ii]d\.,?[^\S\n]+at[^\S\n]+\*?\d"  # "Id. at 1091": a page, so a case or a report
    r"|\bsupra\b|,[^\S\n]+at[^\S\n]+\d"  # "See Notice, supra note 3, at 38957"
)
#: A parenthetical the last citation may be in: "(quoting 21 C.F.R. § 101.9)", "(codified
#: as amended at 21 U.S.C. § 360k)"; "Id." after it is the citation the parenthetical is of.
_PARENTHETICAL = re.compile(r"\((?:quoting|citing|codified)\b[^()]*$")
_PARENTHETICAL_LOOKBACK = 80
#: The most characters an "Id." may be from the citation it refers to.
_ID_REACH = 3000


def _unfound_between(scan: Scan, last: Citation, at: int) -> bool:
    """Whether something the finder did not find may lie between ``last`` and an "Id."
    at ``at`` (so that "Id." is that one's): a case, or too much text to tell."""
    since = _end(last)
    if since < 0:  # carried from an earlier chunk of a long text, just before this one
        return False
    if at - since > _ID_REACH:
        return True
    text = scan.text
    start = last.group[0] if last.group is not None else last.start
    if _PARENTHETICAL.search(text, max(0, start - _PARENTHETICAL_LOOKBACK), start) is not None:
        return True
    return _UNFOUND_CITATION.search(text, since, at) is not None


#: An act named just before a parenthesis: "TSCA (", "the Regulatory Flexibility Act
#: (RFA) (", "section 15(d) of such Act (".
_ACT_THEN_PARENTHESIS = re.compile(
    r"(?:\bAct|\b[A-Z][A-Za-z&-]*[A-Z])(?:[^\S\n]*\([A-Z][A-Za-z&-]*[A-Z]\))?[^\S\n]*\($"
)


def _parallel(scan: Scan, antecedent: Citation) -> bool:
    """Whether a U.S. Code citation is in parentheses after an act's name: the act's
    parallel citation, so that a later "section 5" is the act's section, not the Code's."""
    start = antecedent.group[0] if antecedent.group is not None else antecedent.start
    if start < 0:
        return False
    return _ACT_THEN_PARENTHESIS.search(scan.text, max(0, start - 40), start) is not None


def _latest_link(scan: Scan, antecedent: Citation) -> Citation:
    """The latest citation of the chain that leads to ``antecedent``: a short form that
    took it as its antecedent keeps the chain alive, so the reach counts from there."""
    for anchor in (scan.anchor, scan.previous_anchor):
        if anchor is not None and anchor.short and anchor.antecedent is antecedent:
            return anchor
    return antecedent


def _repeats(antecedent: Citation, sections: Sections) -> bool:
    """Whether every section of a short form is its antecedent's own section."""
    own = getattr(antecedent, "section", None)
    return own is not None and all(item.section == own for item in sections.items)


def _reason_of(anchor: Citation | None) -> str:
    """Why a short form after ``anchor`` (no resolved full citation) is unresolved: the
    reason of an unresolved short form before it carries on."""
    if anchor is not None and anchor.short and anchor.unresolved_reason is not None:
        return anchor.unresolved_reason
    return "no-antecedent"


#: A body of law other than the antecedent's, named in the text: an act ("the Act",
#: "Clean Air Act"), an executive order, a rule, a code, an agreement; an acronym just
#: before a section mark ("TSCA section 5", "E-SIGN §§ 101"). A bare section after one
#: is more likely that one's than the Code's.
_CONTAINER_WORDS = re.compile(
    r"\b(?:Acts?|ACT|E\.[^\S\n]?O\.|Executive[^\S\n]+Order|Exec\.[^\S\n]+Order"
    r"|Orders?|Agreement|Compact|Treaty|Convention|Charter|Ordinance|Contract|Constitution"
    r"|(?<!States[^\S\n])(?<!U\.S\.[^\S\n])(?<!U\.[^\S\n]S\.[^\S\n])Code"
    r"|[Rr]ules?(?=[^\S\n]+\d))(?![\w-])"
    r"|\b[A-Z][A-Z0-9-]*[A-Z](?=(?:['’]s)?[^\S\n]+(?:sections?\b|§))"
)
#: Where a sentence ends: a mention of another body in the antecedent's own sentence
#: ("8 U.S.C. § 8, of the Immigration and Nationality Act") names the antecedent itself.
_SENTENCE_END = re.compile(r"[.;:!?][\"”’)\]]*\s|\n")


#: Kinds whose citations name another body of law: a Code short form after one is not the Code's.
_ORDER_KINDS = frozenset({"eo", "proclamation"})


def _other_container(scan: Scan, antecedent: Citation, at: int) -> bool:
    """Whether another body of law is named between ``antecedent`` and the short form at
    ``at``, after the antecedent's own sentence."""
    mentions: _Mentions | None = scan.memo.get(_MENTIONS)
    if mentions is None:
        mentions = scan.memo[_MENTIONS] = _Mentions(scan.text)
    since = max(antecedent.end, 0)
    found = mentions.between(since, at)
    citations = scan.citations
    for mention in found[: -_MENTIONS_TRIED - 1 : -1]:
        # A name inside a citation found since ("22 Tex. Admin. Code § 72.10") is that one's,
        # unless it is an order's ("E.O. 12988"), which is another body all the same.
        inside = bisect_right(citations, mention, key=_start) - 1
        if (
            inside < 0
            or _end(citations[inside]) <= mention
            or citations[inside].kind in _ORDER_KINDS
        ):
            return mentions.sentence_end_after(since) < mention
    return False


class _Mentions:
    """Where the text names a body of law, found only in the stretches short forms ask
    about, each stretch read once (consecutive short forms share their antecedent's)."""

    __slots__ = ("_found", "_from", "_sentence_ends", "_to", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._from = self._to = 0  # the stretch read: [_from, _to)
        self._found: list[int] = []
        # A sentence end found after a position, kept for the next look-up from a position
        # it also follows: (from, end); end is len(text) when there is none.
        self._sentence_ends: tuple[int, int] = (-1, -1)

    def between(self, start: int, end: int) -> list[int]:
        """The mentions in ``[start, end)``, in text order."""
        if start < self._from or start > self._to:  # a stretch apart from the one read
            self._from = self._to = start
            self._found = []
        if end > self._to:
            # A name's lookahead may read past the stretch ("TSCA section 5", where the
            # short form is "section 5"): search a little further, keep what starts inside.
            search = _CONTAINER_WORDS.finditer(self.text, self._to, end + _LOOKAHEAD)
            self._found += (m.start() for m in search if m.start() < end)
            self._to = end
        found = self._found
        return found[bisect_left(found, start) : bisect_left(found, end)]

    def sentence_end_after(self, position: int) -> int:
        """Where the first sentence ends at or after ``position`` (the text's length if none)."""
        start, end = self._sentence_ends
        if start <= position < end:
            return end
        found = _SENTENCE_END.search(self.text, position)
        end = found.start() if found is not None else len(self.text)
        self._sentence_ends = (position, end)
        return end


def _end(citation: Citation) -> int:
    return citation.group[1] if citation.group is not None else citation.end


_start = attrgetter("start")
#: How many names inside citations :func:`_other_container` looks past.
_MENTIONS_TRIED = 8
_MENTIONS = "finder:container-mentions"
#: How far past a stretch a mention's lookahead may read.
_LOOKAHEAD = 64

#: What names the section's own body just before its mark (read backwards from the
#: mark): an act ("Act of 1977, Section 501", "the Halibut Act, at section"), an
#: acronym ("TSCA section 5"), an executive order, an enacting law's chapter or number
#: ("ch. 675, § 505", "Pub. Act 91-403, § 5", "Stats. 1996, Ch. 935, Sec. 1"), an
#: act's own title or division ("Title II, § 219"), a rule or an agreement.
_NAMED_JUST_BEFORE = re.compile(
    rf"{WS}(?:,{WS})?(?:ta{WS1}(?:,{WS})?|ni{WS1}|rednu{WS1})?(?:"
    r"(?:s['’])?(?:tcA|TCA)(?![A-Za-z])"
    rf"|\d{{4}}{WS1}fo{WS1}(?:tcA|TCA)(?![A-Za-z])"
    r"|(?:s['’])?(?![IVXLC]+(?![A-Za-z.]))[A-Z][A-Z0-9-]*[A-Z](?![A-Za-z.])"
    rf"|(?:\d+{WS}(?:\.oN{WS})?)(?:\.{WS}?O\.{WS}?E|redrO{WS1}(?:evitucexE|\.cexE))(?![A-Za-z])"
    rf"|[A-Za-z]?\d+{WS}\.(?:hc|hC|HC|c|pahc|pahC)(?![A-Za-z])"
    rf"|\d+{WS}{DASH}{WS}\d+{WS}(?:\.oN{WS})?"
    rf"(?:\.?L{WS}\.?buP|\.?tcA|waL|\.L{WS}?\.P|\.A{WS}?\.P)(?![A-Za-z])"
    rf"|\d{{4}}{WS1}(?:\.statS|swaL)(?![A-Za-z])"
    rf"|[IVXLC]{{1,6}}{WS1}(?:eltit|eltiT|ELTIT)(?![A-Za-z])"
    rf"|\.?[A-Z]{WS}\.?(?:vid|viD)(?![A-Za-z])"
    rf"|(?:s['’])?(?:tnemeergA|tcartnoC|tcartnoc|esaeL|ecnanidrO|redrO|eluR|edoC|waL|WAL)"
    r"(?![A-Za-z])"
    # an article of a law ("REAL PROPERTY LAW, ART. 9, § 291"); a number of regulations
    # ("New York Code, Rules and Regulations 19, § 203.1", "N.Y.C.R.R. §§ 9")
    rf"|(?:\d{{1,3}}|[IVXLC]{{1,6}}){WS}\.?(?:TRA|trA|tra){WS}(?:,{WS})?(?:WAL|waL|edoC|EDOC)"
    r"(?![A-Za-z])"
    rf"|\d{{1,3}}{WS}(?:,{WS})?(?:snoitalugeR|SNOITALUGER|\.sgeR)(?![A-Za-z])"
    r"|\.?[A-Z](?:\.[A-Z]){2,7}(?![A-Za-z.])"
    r")"
)
_NAMED_LOOKBACK = 48
#: A section number used as a name, not cited: "Section 8 housing", "Section 508
#: standards"; or a document's own section: "identified in Section 3", "Section 2 below".
_NAME_AFTER = re.compile(
    rf"{WS1}(?:housing|vouchers?|tenants?|landlords?|programs?|Program|participants?"
    r"|standards?|Standards|compliance|compliant|requirements?|features|refresh|coordinators?"
    r"|offices?|Office|Director|above|below|herein|hereof|hereto)(?!\w)"
)
#: A heading after a section's number: "SEC. 2. DEFINITIONS.", "Sec. 3. Short title".
_HEADING_AFTER = re.compile(
    rf"\.(?=\s)[^\S\n]*(?:\n[^\S\n]*){{0,2}}(?:[A-Z]{{2}}|[A-Z][a-z]+{WS1}[a-z]+\.)"
)
_DOCUMENT_PART_BEFORE = re.compile(
    rf"{WS}(?:ni|ot){WS1}(?:deifitnedi|debircsed|detsil|htrof{WS1}tes|tuo{WS1}tes"
    r"|deificeps|deniltuo|dessucsid|denifed|deton|deniapxe)(?![A-Za-z])"
)


def _named_just_before(scan: Scan, start: int) -> bool:
    """Whether the body a section mark at ``start`` belongs to is named just before it
    (:data:`_NAMED_JUST_BEFORE`)."""
    text = scan.text
    # (the name may be the end of the citation before: "Public Law 111-5 § 13402")
    named = _NAMED_JUST_BEFORE.match(text[max(0, start - _NAMED_LOOKBACK) : start][::-1])
    if named is None:
        return False
    acronym = named.group().strip(" ,\n\u00a0").isupper()
    # In capitals ("UNDER SECTION 8(A)") a capitalised word is no acronym.
    return not (acronym and text[start : start + 2].isupper())


def _not_the_code(scan: Scan, start: int, sections: Sections) -> bool:
    """Whether a bare section mark at ``start`` is surely not a short form of the Code:
    its own body is named just before it, or it is a name or a document's own section."""
    text = scan.text
    if _named_just_before(scan, start):
        return True
    lookback = text[max(0, start - _NAMED_LOOKBACK) : start][::-1]
    if _NAME_AFTER.match(text, sections.end) is not None:
        return True
    if _HEADING_AFTER.match(text, sections.end) is not None and text[start] != "§":
        return True  # "SEC. 11001. MODIFICATION OF RATES.": the document's own section
    return _DOCUMENT_PART_BEFORE.match(lookback) is not None and len(sections.items) == 1


#: A state's title and section ("2-1933", "32-408"): a short number, a dash, a longer
#: one. The U.S. Code has no such designation, so an unresolved short form so
#: numbered is not reported as the Code's.
_STATE_NUMBER = re.compile(r"\d{1,3}-\d{2,}")


def _code_shaped(sections: Sections) -> bool:
    return not any(
        _STATE_NUMBER.fullmatch(item.section)
        and len(item.section) - 2 * item.section.index("-") >= 2
        for item in sections.items
    )


def _looks_like_a_year(sections: Sections) -> bool:
    if len(sections.items) != 1:
        return False
    item: Item = sections.items[0]
    return not item.pin and item.section.isdigit() and int(item.section) in _YEARS


#: This process's finders, by how they were made, with the registry generation they were made in.
_SHARED: dict[tuple[tuple[str, ...] | None, bool, str | None, int | None], tuple[int, Finder]] = {}


def shared_finder(
    resolvers: Sequence[str] | None = None,
    *,
    configured: bool = False,
    config: str | None = None,
    antecedent_paragraphs: int | None = ANTECEDENT_PARAGRAPHS,
) -> Finder:
    """This process's finder for a resolver chain: built once, then reused.

    ``resolvers`` names the chain (default: each kind's default chain).
    ``configured=True`` applies a configuration file first, as the command
    line does: ``config``, or the nearest citelink.toml or pyproject.toml with
    ``[tool.citelink]`` (see :func:`citelink.resolve.configured_registry`).
    A finder is made again once resolvers are registered after it was made.
    ``antecedent_paragraphs`` is the reach of short forms (see :class:`Finder`).
    """
    names = tuple(resolvers) if resolvers is not None else None
    key = (names, configured, config, antecedent_paragraphs)
    made = _SHARED.get(key)
    if made is None or made[0] != REGISTRY.generation:
        reach = antecedent_paragraphs
        if configured:
            chosen = configured_registry(config).chain(names)
            finder = Finder(resolvers=chosen, antecedent_paragraphs=reach)
        else:
            finder = Finder(resolvers=names, antecedent_paragraphs=reach)
        made = _SHARED[key] = (REGISTRY.generation, finder)
    return made[1]


def find(
    text: str,
    *,
    this_title: str | None = None,
    resolvers: Sequence[str] | None = None,
    cases: bool = False,
) -> list[Citation]:
    """Every citation in ``text``, in text order, each linked by the resolver chain.

    ``this_title`` is the U.S. Code title the text belongs to, for "section
    1357 of this title"; ``resolvers`` names the resolver chain (default:
    each kind's default chain, e.g. Cornell LII first for the U.S. Code); ``cases=True``
    adds case law, found by eyecite in the same pass (an optional extra, ``pip install
    'citelink[cases]'``; about a hundred times slower than statutes alone).
    """
    return shared_finder(resolvers).find(text, this_title=this_title, cases=cases)
