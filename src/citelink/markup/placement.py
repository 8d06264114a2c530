"""Where a citation's link goes in the source of a marked-up document.

A link that would cross the end of an inline element is moved out to wrap
the element when that adds no text (``<a><i>8 U.S.C.</i> § 1373</a>``), and
otherwise split into well-nested pieces, one per stretch. In Markdown a
piece is linked only where ``[piece](url)`` changes nothing around it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from citelink.markup.html import ALWAYS_SKIP
from citelink.markup.layout import BARRIER, BREAK, CLOSE, NOLINK, OPEN, Layout, unlinkable_reason
from citelink.markup.markdown_inline import flanking
from citelink.models import Citation


@dataclass(frozen=True, slots=True)
class Placement:
    """Where one citation's link goes in the source markup.

    ``citation`` has its spans in the reader's text; ``start`` and ``end``
    are its span in the source, and ``pieces`` the source ranges to wrap in
    link markup (one, unless the citation crosses the edge of an inline
    element that a link cannot wrap whole).
    """

    citation: Citation
    start: int
    end: int
    pieces: tuple[tuple[int, int], ...]


def locate(
    layout: Layout,
    citations: Iterable[Citation],
    *,
    outward: bool = False,
    unplaced: list[tuple[Citation, str]] | None = None,
) -> list[Placement]:
    """Where the links of ``citations`` (found in ``layout.text``) go in ``layout.source``.

    Citations in text that may not be linked, or that cross a block
    boundary, are left out, and so is any that would overlap one before it;
    each left out is added to ``unplaced``, if given, with the reason.
    ``outward`` prefers wrapping an inline element whose text is exactly the
    citation to linking inside it (Markdown needs it: ``[**§ 5**](...)``).
    """
    placements: list[Placement] = []
    floor = 0
    for citation in citations:
        place = _place(layout, citation.start, citation.end, outward)
        if isinstance(place, str) or place[0] < floor:
            if unplaced is not None:
                why = place if isinstance(place, str) else "overlaps the citation before it"
                unplaced.append((citation, why))
            continue
        placements.append(Placement(citation, place[0], place[1], place[2]))
        floor = place[1]
    return placements


_Place = tuple[int, int, tuple[tuple[int, int], ...]]


_SPACES = " \t\n\r\f"
_ACROSS_BLOCKS = "across a block boundary"


def _place(layout: Layout, start: int, end: int, outward: bool) -> _Place | str:
    """Where a link over reader text ``[start, end)`` goes, or why it cannot go anywhere."""
    if start >= end:
        return "no text"
    starts, flags = layout.starts, layout.flags
    first = bisect_right(starts, start) - 1
    last = bisect_right(starts, end - 1) - 1
    if first < 0:
        return "no text"
    for i in range(first, last + 1):
        if flags[i] & BREAK:
            return _ACROSS_BLOCKS
        if flags[i] & NOLINK:
            return unlinkable_reason(flags[i])
    s, e = layout.source_span(start, end)
    tok_starts = layout.tok_starts
    if not outward and bisect_left(tok_starts, s) == bisect_left(tok_starts, e):
        return s, e, ((s, e),)
    s, e = _extend(layout, s, e, outward)
    tokens = layout.tokens_between(s, e)
    if not tokens:
        return s, e, ((s, e),)
    cuts = _cuts(layout, tokens)
    if cuts is None:
        return _ACROSS_BLOCKS
    if not cuts:
        return s, e, ((s, e),)
    pieces = _split(layout, s, e, cuts)
    if any(_cuts(layout, layout.tokens_between(a, b)) != [] for a, b in pieces):
        pieces = _split(layout, s, e, tokens)  # mis-nested source: link each stretch of text
    kept = [piece for piece in (_trim(layout, a, b) for a, b in pieces) if piece is not None]
    if not kept:
        return "no text"
    return kept[0][0], kept[-1][1], tuple(kept)


def _extend(layout: Layout, s: int, e: int, outward: bool) -> tuple[int, int]:
    """Move the span out over tags it half-contains, where that adds no text."""
    source = layout.source
    starts, ends = layout.tok_starts, layout.tok_ends
    roles, partners, names = layout.tok_roles, layout.tok_partners, layout.tok_names
    count = len(starts)
    while True:
        before = bisect_right(ends, s) - 1
        after = bisect_right(starts, e - 1)
        opens_before = (
            before >= 0
            and roles[before] == OPEN
            and names[before] not in ALWAYS_SKIP
            and not source[ends[before] : s].strip(_SPACES)
        )
        closes_after = (
            after < count
            and roles[after] == CLOSE
            and names[after] not in ALWAYS_SKIP
            and not source[e : starts[after]].strip(_SPACES)
        )
        if opens_before and partners[before] >= 0 and s <= starts[partners[before]] < e:
            s = starts[before]
        elif closes_after and partners[after] >= 0 and s <= starts[partners[after]] < e:
            e = ends[after]
        elif outward and opens_before and closes_after and partners[before] == after:
            s, e = starts[before], ends[after]
        else:
            return s, e


def _cuts(layout: Layout, tokens: range) -> list[int] | None:
    """The tokens a single link over ``tokens`` would mis-nest with (None: none may)."""
    roles, partners, names = layout.tok_roles, layout.tok_partners, layout.tok_names
    opened: list[int] = []
    cuts: list[int] = []
    for k in tokens:
        role = roles[k]
        if role == BARRIER:
            return None
        if names[k] in ALWAYS_SKIP:
            cuts.append(k)
        elif role == OPEN:
            opened.append(k)
        elif role == CLOSE:
            if opened and partners[k] == opened[-1]:
                opened.pop()
            else:
                cuts.append(k)
    if opened:
        cuts = sorted(cuts + opened)
    return cuts


def _split(layout: Layout, s: int, e: int, cuts: Iterable[int]) -> list[tuple[int, int]]:
    """``[s, e)`` less the tokens ``cuts``."""
    pieces, position = [], s
    for k in cuts:
        pieces.append((position, layout.tok_starts[k]))
        position = layout.tok_ends[k]
    pieces.append((position, e))
    return pieces


def _trim(layout: Layout, a: int, b: int) -> tuple[int, int] | None:
    """A piece without white space at its ends; ``None`` if it holds no text."""
    source = layout.source
    while a < b:
        if source[a] in _SPACES and not layout.in_token(a):
            a += 1
        elif (prefix := _line_prefix_at(layout, a)) >= 0:  # a Markdown line's indentation
            a = layout.tok_ends[prefix]
        else:
            break
    while a < b:
        if source[b - 1] in _SPACES and not layout.in_token(b - 1):
            b -= 1
        elif (prefix := _line_prefix_at(layout, b - 1)) >= 0:
            b = layout.tok_starts[prefix]
        else:
            break
    position = a
    for k in layout.tokens_between(a, b):
        if source[position : layout.tok_starts[k]].strip(_SPACES):
            return a, b
        position = layout.tok_ends[k]
    return (a, b) if source[position:b].strip(_SPACES) else None


def _line_prefix_at(layout: Layout, position: int) -> int:
    """The token of a Markdown line's prefix (indentation, quote markers) holding
    ``position``, or -1."""
    k = bisect_right(layout.tok_starts, position) - 1
    if k >= 0 and position < layout.tok_ends[k] and layout.tok_names[k] == "\n":
        return k
    return -1


_BRACKETS = re.compile(r"(?<!\\)(?:\\\\)*[\[\]]")


def markdown_safe(layout: Layout, placement: Placement) -> bool:
    """Whether each piece can become ``[piece](url)`` without changing what is around it.

    A piece may hold no bare bracket; it may not follow a backslash (which
    would escape our "[") or a "!" (which would make an image); and no
    emphasis delimiter at its edges may change its meaning because its
    neighbour becomes "[", "]" or ")".
    """
    source = layout.source
    for a, b in placement.pieces:
        if _BRACKETS.search(source, a, b) or source[b - 1] == "\\":
            return False
        if a > 0 and source[a - 1] in "\\!":
            return False
        edges = (
            (_token_ending_at(layout, a), None, "["),  # before the piece: its right side
            (_token_starting_at(layout, b), ")", None),  # after it: its left side
            (_token_starting_at(layout, a), "[", None),  # its first token: left side
            (_token_ending_at(layout, b), None, "]"),  # its last token: right side
        )
        for k, new_before, new_after in edges:
            if k < 0 or layout.tok_names[k][:1] not in ("*", "_", "~"):
                continue
            start, end = layout.tok_starts[k], layout.tok_ends[k]
            run = layout.tok_names[k]
            before, after = _neighbour(layout, start - 1), _neighbour(layout, end)
            now = flanking(new_before or before, run, new_after or after)
            was = flanking(before, run, after)
            if layout.tok_partners[k] >= 0:  # paired: it needs only the side it uses
                side = 0 if layout.tok_roles[k] == OPEN else 1
                now, was = (now[side], False), (was[side], False)
            if now != was:
                return False
        if not (_text_run_keeps(layout, b, ")", None) and _text_run_keeps(layout, a, None, "[")):
            return False
    return True


def _text_run_keeps(
    layout: Layout, edge: int, new_before: str | None, new_after: str | None
) -> bool:
    """Whether a run of ``*``, ``_`` or ``~`` read as text right after (``new_before``) or
    right before (``new_after``) a piece at ``edge`` may still neither open nor close
    emphasis once the piece's link syntax is beside it (``§ 5_2_`` must not become
    ``[§ 5](…)_2_``, which renders an emphasis)."""
    source = layout.source
    if new_before is not None:  # the run starts at edge
        if edge >= len(source) or source[edge] not in "*_~" or layout.in_token(edge):
            return True
        start, end = edge, edge
        while end < len(source) and source[end] == source[edge]:
            end += 1
    else:  # the run ends at edge
        if edge == 0 or source[edge - 1] not in "*_~" or layout.in_token(edge - 1):
            return True
        start, end = edge, edge
        while start > 0 and source[start - 1] == source[edge - 1]:
            start -= 1
    run = source[start:end]
    before, after = _neighbour(layout, start - 1), _neighbour(layout, end)
    was = flanking(before, run, after)
    now = flanking(new_before or before, run, new_after or after)
    return now == was


def _token_ending_at(layout: Layout, position: int) -> int:
    k = bisect_right(layout.tok_ends, position) - 1
    return k if k >= 0 and layout.tok_ends[k] == position else -1


def _token_starting_at(layout: Layout, position: int) -> int:
    k = bisect_right(layout.tok_starts, position) - 1
    return k if k >= 0 and layout.tok_starts[k] == position else -1


def _neighbour(layout: Layout, position: int) -> str:
    """The character a delimiter run sees at ``position`` ("\\n" for a line's prefix)."""
    if position < 0 or position >= len(layout.source):
        return ""
    k = bisect_right(layout.tok_starts, position) - 1
    if k >= 0 and position < layout.tok_ends[k] and layout.tok_names[k] == "\n":
        return "\n"
    return layout.source[position]
