"""The layout of a marked-up document: the text a reader sees, mapped back to the source.

A :class:`Layout` holds the *reader's text* of an HTML or Markdown document
(entities decoded, tags and Markdown syntax left out, a blank line where a
block ends) and the *runs* that map every stretch of it to the source. Each
run says whether a link may go there. The layout also keeps the markup tokens
(tags, comments, Markdown delimiters) with their source spans, so that a link
can be placed without mis-nesting them (:mod:`citelink.markup.placement`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

# --- runs -------------------------------------------------------------------

#: Run flags: text a link may not cover, a block boundary, and text that maps
#: as a whole to a longer source span (an entity, a backslash escape).
NOLINK = 1
BREAK = 2
WHOLE = 4

#: Text that may not be linked, and why (NOLINK with the reason above the flag bits).
IN_LINK = NOLINK | 1 << 3
IN_CODE = NOLINK | 2 << 3
IN_CONTROL = NOLINK | 3 << 3
IN_FOREIGN = NOLINK | 4 << 3
IN_EMBEDDED = NOLINK | 5 << 3
IN_SKIPPED = NOLINK | 6 << 3
_REASONS = {
    IN_LINK: "inside a link",
    IN_CODE: "in code",
    IN_CONTROL: "in a form control",
    IN_FOREIGN: "in SVG or MathML",
    IN_EMBEDDED: "in an embedded object or template",
    IN_SKIPPED: "in an element left unlinked",
}


def unlinkable_reason(flags: int) -> str:
    """Why a run with these flags may not be linked (for a run with :data:`NOLINK`)."""
    return _REASONS.get(flags & ~(BREAK | WHOLE), "in text left unlinked")


#: What the reader's text holds where a block ends: citations never cross it.
BLOCK_SEPARATOR = "\n\n"

# --- markup tokens ------------------------------------------------------------

#: Token roles. An OPEN and a CLOSE of one element are each other's partner;
#: NEUTRAL tokens (comments, ``<wbr>``) may sit anywhere inside a link;
#: BARRIER tokens (block tags, raw-text elements) never inside one.
OPEN = 1
CLOSE = 2
NEUTRAL = 3
BARRIER = 4


class Layout:
    """The reader's text of a document, its runs and its markup tokens.

    Runs are kept in parallel lists sorted by reader position: ``starts``
    (reader offset), ``src_starts``/``src_ends`` (source span) and
    ``flags``. A run without :data:`WHOLE` maps character for character.
    Tokens are kept the same way: ``tok_starts``/``tok_ends`` (source span),
    ``tok_roles``, ``tok_names`` and ``tok_partners`` (index of the matching
    token, or -1).
    """

    __slots__ = (
        "_parts",
        "flags",
        "markup",
        "size",
        "source",
        "src_ends",
        "src_starts",
        "starts",
        "text",
        "tok_ends",
        "tok_names",
        "tok_partners",
        "tok_roles",
        "tok_starts",
    )

    def __init__(self, source: str, markup: str) -> None:
        self.source = source
        #: What the source is written in: "html" or "markdown".
        self.markup = markup
        self.text = ""
        self.size = 0
        self._parts: list[str] = []
        self.starts: list[int] = []
        self.src_starts: list[int] = []
        self.src_ends: list[int] = []
        self.flags: list[int] = []
        self.tok_starts: list[int] = []
        self.tok_ends: list[int] = []
        self.tok_roles: list[int] = []
        self.tok_names: list[str] = []
        self.tok_partners: list[int] = []

    # -- building --

    def add_text(self, start: int, end: int, flags: int) -> None:
        """Add ``source[start:end]`` as read, character for character."""
        if start < end:
            self._parts.append(self.source[start:end])
            self.starts.append(self.size)
            self.src_starts.append(start)
            self.src_ends.append(end)
            self.flags.append(flags)
            self.size += end - start

    def add_decoded(self, value: str, start: int, end: int, flags: int) -> None:
        """Add ``value``, which the reader sees for ``source[start:end]`` as a whole."""
        if value:
            self._parts.append(value)
            self.starts.append(self.size)
            self.src_starts.append(start)
            self.src_ends.append(end)
            self.flags.append(flags | WHOLE)
            self.size += len(value)

    def add_break(self, at: int) -> None:
        """End a block at source position ``at`` (consecutive breaks collapse)."""
        if self.flags and self.flags[-1] & BREAK:
            return
        self._parts.append(BLOCK_SEPARATOR)
        self.starts.append(self.size)
        self.src_starts.append(at)
        self.src_ends.append(at)
        self.flags.append(BREAK | NOLINK)
        self.size += len(BLOCK_SEPARATOR)

    def add_token(self, start: int, end: int, role: int, name: str = "") -> int:
        """Record a markup token; returns its index."""
        self.tok_starts.append(start)
        self.tok_ends.append(end)
        self.tok_roles.append(role)
        self.tok_names.append(name)
        self.tok_partners.append(-1)
        return len(self.tok_starts) - 1

    def pair(self, opening: int, closing: int) -> None:
        """Make two tokens each other's partner."""
        self.tok_partners[opening] = closing
        self.tok_partners[closing] = opening

    def finish(self) -> Layout:
        self.text = "".join(self._parts)
        self._parts = []
        return self

    # -- reading --

    def crosses_break(self, start: int, end: int) -> bool:
        """Whether reader text ``[start, end)`` spans a block boundary."""
        starts, flags = self.starts, self.flags
        first = max(bisect_right(starts, start) - 1, 0)
        last = bisect_right(starts, end - 1) - 1
        return any(flags[i] & BREAK for i in range(first, last + 1))

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source span of reader text ``[start, end)``; an entity or escape at
        either end is taken whole."""
        starts, flags = self.starts, self.flags
        first, last = self._runs(start, end)
        s = self.src_starts[first]
        if not flags[first] & WHOLE:
            s += start - starts[first]
        if flags[last] & WHOLE:
            e = self.src_ends[last]
        else:
            e = self.src_starts[last] + end - starts[last]
        return s, max(s, e)

    def editable(self, start: int, end: int) -> bool:
        """Whether reader text ``[start, end)`` may be rewritten in place: it is written
        as it reads (no tag, entity, escape or block boundary inside) and is not in
        text that is never linked (code, a link)."""
        flags = self.flags
        first, last = self._runs(start, end)
        if any(flags[i] & (WHOLE | BREAK | NOLINK) for i in range(first, last + 1)):
            return False
        return all(self.src_ends[i] == self.src_starts[i + 1] for i in range(first, last))

    def _runs(self, start: int, end: int) -> tuple[int, int]:
        """The first and the last run that reader text ``[start, end)`` touches."""
        first = max(bisect_right(self.starts, start) - 1, 0)
        return first, max(bisect_right(self.starts, max(start, end - 1)) - 1, first)

    def tokens_between(self, start: int, end: int) -> range:
        """Indexes of the tokens that start in source ``[start, end)``."""
        return range(bisect_left(self.tok_starts, start), bisect_left(self.tok_starts, end))

    def in_token(self, position: int) -> bool:
        """Whether source ``position`` is inside a markup token."""
        i = bisect_right(self.tok_starts, position) - 1
        return i >= 0 and position < self.tok_ends[i]
