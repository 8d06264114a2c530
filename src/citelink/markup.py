"""The text a reader sees in a marked-up document, mapped back to the source.

A :class:`Layout` holds the *reader's text* of an HTML or Markdown document
(entities decoded, tags and Markdown syntax left out, a blank line where a
block ends) and the *runs* that map every stretch of it to the source. Each
run says whether a link may go there: text inside ``<a>``, ``<code>`` or a
Markdown code span is read (a short form after it may refer back to it) but
never linked. The layout also keeps the markup tokens (tags, comments,
Markdown delimiters) with their source spans, so that a link can be placed
without mis-nesting them (:mod:`citelink.annotation`).

The readers here are tokenizers that report source positions: one forward
pass each, with anchored regular expressions that cannot backtrack without
bound. They never change the source; whatever they cannot read with
certainty (an unterminated tag, a raw-text element) is treated as markup,
never as linkable text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from html.entities import html5 as _HTML5_ENTITIES

# --- runs -------------------------------------------------------------------

#: Run flags: text a link may not cover, a block boundary, and text that maps
#: as a whole to a longer source span (an entity, a backslash escape).
NOLINK = 1
BREAK = 2
WHOLE = 4

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


# --- entities -----------------------------------------------------------------

_NUMERIC = re.compile(r"&#(?:[xX][0-9A-Fa-f]+|[0-9]+);?")
_NAMED = re.compile(r"&[A-Za-z][A-Za-z0-9]{0,40};?")
_LONGEST_ENTITY = max(len(name) for name in _HTML5_ENTITIES)
_AMP = re.compile("&")
# Code points that HTML decodes numeric references of differently (the
# Windows-1252 block, NUL, surrogates and numbers past Unicode).
_WINDOWS_1252 = {
    0x80: "\u20ac", 0x82: "\u201a", 0x83: "\u0192", 0x84: "\u201e", 0x85: "\u2026",
    0x86: "\u2020", 0x87: "\u2021", 0x88: "\u02c6", 0x89: "\u2030", 0x8A: "\u0160",
    0x8B: "\u2039", 0x8C: "\u0152", 0x8E: "\u017d", 0x91: "\u2018", 0x92: "\u2019",
    0x93: "\u201c", 0x94: "\u201d", 0x95: "\u2022", 0x96: "\u2013", 0x97: "\u2014",
    0x98: "\u02dc", 0x99: "\u2122", 0x9A: "\u0161", 0x9B: "\u203a", 0x9C: "\u0153",
    0x9E: "\u017e", 0x9F: "\u0178",
}  # fmt: skip


def _numeric_value(reference: str) -> str:
    digits = reference[2:].rstrip(";")
    number = int(digits[1:], 16) if digits[:1] in "xX" else int(digits)
    if number in _WINDOWS_1252:
        return _WINDOWS_1252[number]
    if number == 0 or 0xD800 <= number <= 0xDFFF or number > 0x10FFFF:
        return "\ufffd"
    return chr(number)


def html_entity(source: str, at: int, limit: int) -> tuple[str, int] | None:
    """The HTML character reference at ``source[at]`` ("&"), as text: ``(value, end)``.

    Follows the HTML rules for text content: the longest known name wins,
    with or without its semicolon for the legacy names (``&sect``, ``&amp``);
    numeric references map the Windows-1252 block and invalid numbers as
    browsers do. ``None`` when the ampersand starts no reference.
    """
    found = _NUMERIC.match(source, at, limit)
    if found is not None:
        return _numeric_value(found.group()), found.end()
    found = _NAMED.match(source, at, limit)
    if found is None:
        return None
    name = found.group()[1:]
    if name in _HTML5_ENTITIES:
        return _HTML5_ENTITIES[name], found.end()
    for size in range(min(len(name) - 1, _LONGEST_ENTITY), 1, -1):
        value = _HTML5_ENTITIES.get(name[:size])
        if value is not None and not name[:size].endswith(";"):
            return value, at + 1 + size
    return None


def add_html_text(layout: Layout, start: int, end: int, flags: int) -> None:
    """Add source text with HTML character references decoded."""
    source = layout.source
    amp = source.find("&", start, end)
    if amp < 0:
        if layout.flags and layout.flags[-1] & BREAK and source[start:end].isspace():
            return  # white space between blocks: nothing to read
        layout.add_text(start, end, flags)
        return
    position = start
    while amp >= 0:
        found = html_entity(source, amp, end)
        if found is not None:
            value, after = found
            layout.add_text(position, amp, flags)
            layout.add_decoded(value, amp, after, flags)
            position = after
            amp = source.find("&", after, end)
        else:
            amp = source.find("&", amp + 1, end)
    layout.add_text(position, end, flags)


# --- HTML -----------------------------------------------------------------------

_SPACE = "[\t\n\f\r ]"
_NOT_SPACE = "\t\n\f\r "
# One attribute: a name, then "=" and a value if an "=" follows. Every run is
# followed by a lookahead that forbids giving characters back, so a tag that
# never closes fails in one linear pass instead of backtracking.
_ATTRIBUTE = (
    rf"[^{_NOT_SPACE}/>][^{_NOT_SPACE}/>=]*(?![^{_NOT_SPACE}/>=])"
    rf"(?:{_SPACE}*={_SPACE}*(?:\"[^\"]*\"|'[^']*'"
    rf"|[^{_NOT_SPACE}\"'>][^{_NOT_SPACE}>]*(?![^{_NOT_SPACE}>])|(?=>))"
    rf"|(?!{_SPACE}*=))"
)
#: A start or end tag, from "<" to its ">" (attribute values may hold ">").
_TAG = re.compile(
    rf"</?(?P<name>[A-Za-z][^{_NOT_SPACE}/>]*)"
    rf"(?:[{_NOT_SPACE}/]+(?![{_NOT_SPACE}/])|{_ATTRIBUTE})*>"
)
_COMMENT_END = re.compile(r"--!?>")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _names(names: str) -> frozenset[str]:
    return frozenset(names.split())


#: Elements whose content is raw text (no tags inside) and not read.
RAW_TEXT = _names("script style textarea title xmp iframe noembed noframes noscript plaintext")
#: Elements without content.
VOID = _names(
    "area base basefont bgsound br col embed frame hr img input keygen link meta param "
    "source track wbr"
)
#: Elements that end a run of text for the reader: blocks, line breaks, replaced
#: content, and superscripts and subscripts (``4<sup>2</sup>`` is not "42").
#: Every other element, known or not, is inline and does not break a citation.
BREAKING = _names(
    """address applet area article aside audio base blockquote body br button canvas caption
    center col colgroup dd details dialog dir div dl dt embed fieldset figcaption figure footer
    form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img input keygen
    legend li link listing main map marquee math menu meta meter nav noembed noframes noscript
    object ol optgroup option p param picture plaintext pre progress rp rt ruby script search
    section select source style sub summary sup svg table tbody td template textarea tfoot th
    thead title tr track ul video xmp"""
)
#: Where a link is never placed, whatever the caller asks: inside a link, in
#: foreign content (SVG, MathML), in form controls and in raw-text elements.
ALWAYS_SKIP = _names("a svg math button select option optgroup datalist template object") | RAW_TEXT
#: Where a link is not placed unless the caller says otherwise.
DEFAULT_SKIP = _names("a code pre kbd samp script style textarea title")
_FOREIGN = frozenset(("svg", "math"))
#: How deep the open-element stack is searched for an end tag's partner.
_MATCH_DEPTH = 64
_STACK_LIMIT = 4096


#: The next piece of markup: a tag (group 1: its name, with "/" for an end tag;
#: group 2: its ">", absent when the tag never ends), or "<!", "<?", "</".
_MARKUP = re.compile(
    rf"<(?:(/?[A-Za-z][^{_NOT_SPACE}/>]*)(?:[{_NOT_SPACE}/]+(?![{_NOT_SPACE}/])|{_ATTRIBUTE})*(>)?"
    r"|[!?/])"
)


def read_html(
    source: str, skip: Iterable[str] = DEFAULT_SKIP, *, every_tag: bool = False
) -> Layout:
    """The reader's text of an HTML document (or fragment), mapped to the source.

    ``skip`` names elements whose text is read but never linked; the elements
    of :data:`ALWAYS_SKIP` are added to it. The tokens of block tags are kept
    only with ``every_tag``: no link can contain one (the block separator
    they add to the reader's text ends any citation), so only a caller that
    maps elements back to the source needs them.
    """
    skipped = frozenset(name.lower() for name in skip) | ALWAYS_SKIP
    layout = Layout(source, "html")
    # The layout's lists, appended to directly: this loop runs once per tag.
    parts, starts, src_starts, src_ends, flags = (
        layout._parts,
        layout.starts,
        layout.src_starts,
        layout.src_ends,
        layout.flags,
    )
    tok_starts, tok_ends, tok_roles, tok_names, tok_partners = (
        layout.tok_starts,
        layout.tok_ends,
        layout.tok_roles,
        layout.tok_names,
        layout.tok_partners,
    )
    size = len(source)
    open_elements: list[tuple[str, int]] = []  # (name, token) of elements not yet closed
    skipping: list[str] = []  # the skipped elements we are inside
    # Blocks opened inside a skipped element and not yet closed: while one is open, libxml2
    # ignores the skipped element's end tag ("<a><div></a>§ 8" keeps "§ 8" in the link), so
    # the text stays unlinked, whatever a browser makes of it.
    blocks_inside: list[str] = []
    text_start = 0
    reader_size = 0
    search, find = _MARKUP.search, source.find
    while True:
        found = search(source, text_start)
        if found is None:
            break
        lt, end = found.span()
        name, closed = found.groups()
        text_flags = NOLINK if skipping else 0
        # The text before the markup.
        if text_start < lt:
            if find("&", text_start, lt) >= 0:
                layout.size = reader_size
                add_html_text(layout, text_start, lt, text_flags)
                reader_size = layout.size
            elif not (flags and flags[-1] & BREAK and source[text_start:lt].isspace()):
                parts.append(source[text_start:lt])
                starts.append(reader_size)
                src_starts.append(text_start)
                src_ends.append(lt)
                flags.append(text_flags)
                reader_size += lt - text_start
        role = NEUTRAL
        if name is None:  # a comment, a declaration, a processing instruction, "</...>"
            end = _bogus_end(source, lt, _in_foreign(skipping))
            name = ""
        elif closed is None:  # a tag that never ends: the rest is markup
            end = size
            name = ""
        elif name[0] == "/":
            name = name[1:].lower()
            role = BARRIER if name in BREAKING else CLOSE
        else:
            name = name.lower()
            if name in RAW_TEXT:
                end = _raw_text_end(source, name, end)
                role = BARRIER
            else:
                role = BARRIER if name in BREAKING else NEUTRAL if name in VOID else OPEN
        text_start = end
        if role == BARRIER:
            if not (flags and flags[-1] & BREAK):
                parts.append(BLOCK_SEPARATOR)
                starts.append(reader_size)
                src_starts.append(lt)
                src_ends.append(lt)
                flags.append(BREAK | NOLINK)
                reader_size += len(BLOCK_SEPARATOR)
            if skipping and name not in RAW_TEXT and name != "p":
                if source[lt + 1] != "/":
                    blocks_inside.append(name)
                elif name in blocks_inside:
                    del blocks_inside[len(blocks_inside) - 1 - blocks_inside[::-1].index(name)]
            if not every_tag:
                if name in skipped and name not in RAW_TEXT:
                    if source[lt + 1] != "/":
                        skipping.append(name)
                    elif name in skipping and not blocks_inside:
                        del skipping[len(skipping) - 1 - skipping[::-1].index(name) :]
                continue
        token = len(tok_starts)
        tok_starts.append(lt)
        tok_ends.append(end)
        tok_roles.append(role)
        tok_names.append(name)
        tok_partners.append(-1)
        if not name or (name in RAW_TEXT and role == BARRIER and source[lt + 1] != "/"):
            continue
        if source[lt + 1] == "/":  # an end tag: find its start tag
            depth = len(open_elements)
            for i in range(depth - 1, max(depth - _MATCH_DEPTH, 0) - 1, -1):
                if open_elements[i][0] == name:
                    opening = open_elements[i][1]
                    tok_partners[opening] = token
                    tok_partners[token] = opening
                    del open_elements[i:]
                    break
            if skipping and name in skipping and not blocks_inside:
                del skipping[len(skipping) - 1 - skipping[::-1].index(name) :]
        elif name not in VOID and not (
            source[end - 2] == "/" and (name in _FOREIGN or _in_foreign(skipping))
        ):
            open_elements.append((name, token))
            if len(open_elements) > _STACK_LIMIT:
                del open_elements[: _STACK_LIMIT // 2]
            if name in skipped:
                skipping.append(name)
    if text_start < size:
        layout.size = reader_size
        add_html_text(layout, text_start, size, NOLINK if skipping else 0)
        reader_size = layout.size
    layout.size = reader_size
    return layout.finish()


def _bogus_end(source: str, lt: int, foreign: bool) -> int:
    """Where a comment, declaration, CDATA section or bogus comment at ``lt`` ends."""
    size = len(source)
    if source.startswith("<!--", lt):
        if source.startswith(">", lt + 4):
            return lt + 5
        if source.startswith("->", lt + 4):
            return lt + 6
        close = _COMMENT_END.search(source, lt + 4)
        return close.end() if close is not None else size
    if foreign and source.startswith("<![CDATA[", lt):
        close_at = source.find("]]>", lt + 9)
        return close_at + 3 if close_at >= 0 else size
    close_at = source.find(">", lt + 2)
    return close_at + 1 if close_at >= 0 else size


def _in_foreign(skipping: list[str]) -> bool:
    """Whether the elements being skipped include SVG or MathML content."""
    return any(name in _FOREIGN for name in skipping)


def _raw_text_end(source: str, name: str, content_start: int) -> int:
    """Where a raw-text element whose start tag ends at ``content_start`` ends."""
    if name == "plaintext":
        return len(source)
    found = _raw_end_tag(name).search(source, content_start)
    if found is None:
        return len(source)
    tag = _TAG.match(source, found.start())
    return tag.end() if tag is not None else len(source)


_RAW_END_TAGS: dict[str, re.Pattern[str]] = {}


def _raw_end_tag(name: str) -> re.Pattern[str]:
    pattern = _RAW_END_TAGS.get(name)
    if pattern is None:
        pattern = _RAW_END_TAGS[name] = re.compile(
            rf"</{re.escape(name)}(?=[{_NOT_SPACE}/>])", re.IGNORECASE
        )
    return pattern


# --- Markdown -----------------------------------------------------------------------
#
# CommonMark's block structure is read line by line (block quotes, list items,
# headings, fences, indented code, HTML blocks, link reference definitions,
# paragraphs); each paragraph or heading is then read inline (code spans,
# autolinks, inline HTML, escapes, entities, links and images, emphasis).
# Where the reading is uncertain it errs towards markup: text is linked only
# where a CommonMark renderer shows it as text.

_QUOTE_PREFIX = re.compile(r"(?: {0,3}>[ \t]?)*")
_LEADING = re.compile(r"[ \t]*")
_ATX = re.compile(r"(#{1,6})(?:[ \t]+|(?=\r?$))")
_FENCE = re.compile(r"(`{3,})(?=[^`]*$)|(~{3,})")
_SETEXT = re.compile(r"(?:=+|-+)[ \t]*\r?$")
_THEMATIC = re.compile(r"([-*_])(?:[ \t]*\1){2,}[ \t]*\r?$")
_LIST_ITEM = re.compile(r"(?:[-+*]|(?P<number>\d{1,9})[.)])(?=[ \t]|\r?$)")
_DEFINITION = re.compile(r"\[(?:[^\]\\\n]|\\.){1,999}\]:")
_DEFINITION_LINES = re.compile(r"^ {0,3}\[((?:[^\]\\\n]|\\.){1,999})\]:", re.MULTILINE)
_CONTINUED_DEFINITION = re.compile(r"[ \t]*[\"'(]")
_HTML_BLOCK_ENDS = {
    1: re.compile(r"</(?:script|pre|style|textarea)>", re.IGNORECASE),
    2: re.compile("-->"),
    3: re.compile(r"\?>"),
    4: re.compile(">"),
    5: re.compile(r"\]\]>"),
}
_HTML_BLOCK_STARTS = (
    (1, re.compile(r"<(?:script|pre|style|textarea)(?:[ \t>]|\r?$)", re.IGNORECASE)),
    (2, re.compile(r"<!--")),
    (3, re.compile(r"<\?")),
    (4, re.compile(r"<![A-Za-z]")),
    (5, re.compile(r"<!\[CDATA\[")),
    (
        6,
        re.compile(
            r"</?(?:address|article|aside|base|basefont|blockquote|body|caption|center|"
            r"col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|"
            r"form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|"
            r"menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|"
            r"tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t>]|/>|\r?$)",
            re.IGNORECASE,
        ),
    ),
    (7, re.compile(_TAG.pattern.replace("(?P<name>", "(?:", 1) + r"[ \t]*\r?$")),
)


def read_layout(source: str, input_format: str) -> Layout | None:
    """The reader's text of an "html" or "markdown" document; ``None`` for "text"."""
    if input_format == "html":
        return read_html(source)
    if input_format == "markdown":
        return read_markdown(source)
    if input_format == "text":
        return None
    raise ValueError(f"unknown input format {input_format!r} (text, html or markdown)")


def read_markdown(source: str) -> Layout:
    """The reader's text of a Markdown (CommonMark) document, mapped to the source.

    Code (spans, fenced and indented blocks), HTML blocks, link reference
    definitions, autolinks, inline HTML and the text of links and images are
    never linked.
    """
    return _MarkdownReader(source).read()


def _columns(text: str, start: int, stop: int) -> int:
    """The width of ``text[start:stop]`` (spaces and tabs), tab stops every 4 columns."""
    width = 0
    for char in text[start:stop]:
        width = width + 4 - width % 4 if char == "\t" else width + 1
    return width


def _normalize_label(label: str) -> str:
    return " ".join(label.split()).casefold()


class _MarkdownReader:
    """One pass over a Markdown document's lines, then one over each paragraph."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.layout = Layout(source, "markdown")
        self.labels = {_normalize_label(m.group(1)) for m in _DEFINITION_LINES.finditer(source)}
        #: The current paragraph: (content start, content end, line start) per line.
        self.lines: list[tuple[int, int, int]] = []
        #: How many block quotes the current paragraph is in.
        self.quotes = 0
        #: Inline HTML elements whose text is not linked, open across paragraphs.
        self.skipping: list[str] = []

    def read(self) -> Layout:
        source, layout = self.source, self.layout
        fence: tuple[str, int, int, int] | None = None  # character, length, base, quotes
        html_block: int | None = None  # the kind of the open HTML block
        after_definition = False
        lists: list[int] = []  # content columns of the open list items
        position, size = 0, len(source)
        while position < size:
            newline = source.find("\n", position)
            end = size if newline < 0 else newline
            following = size if newline < 0 else newline + 1
            line = source[position:end]
            quote = _QUOTE_PREFIX.match(line).end()  # type: ignore[union-attr]
            body = _LEADING.match(line, quote).end()  # type: ignore[union-attr]
            indent = _columns(line, quote, body)
            blank = not line[body:].strip()
            quotes = line.count(">", 0, quote)

            if fence is not None:
                char, length, base, depth = fence
                if quotes < depth or (not blank and indent < base):
                    fence = None  # its container ended
                    layout.add_break(position)
                else:
                    rest = line[body:].rstrip(" \t\r")
                    if indent - base <= 3 and len(rest) >= length and rest.count(char) == len(rest):
                        fence = None
                        layout.add_token(position, following, BARRIER)
                        layout.add_break(following)
                    else:
                        layout.add_text(position, following, NOLINK)
                    position = following
                    continue
            if html_block is not None:
                layout.add_token(position, following, BARRIER)
                ends = _HTML_BLOCK_ENDS.get(html_block)
                if (ends.search(line) is not None) if ends is not None else blank:
                    html_block = None
                    layout.add_break(following)
                position = following
                continue
            if blank:
                self.flush()
                after_definition = False
                layout.add_token(position, following, NEUTRAL)
                position = following
                continue
            if after_definition and _CONTINUED_DEFINITION.match(line, quote):
                layout.add_token(position, following, BARRIER)  # a definition's title
                position = following
                continue
            after_definition = False

            if self.lines and quotes > self.quotes:
                self.flush()  # a deeper block quote starts: it interrupts the paragraph
            if not self.lines:
                self.quotes = quotes
            start = position + body
            lazy = bool(self.lines) and bool(lists) and indent < lists[-1]
            # A line outside the block quote of its paragraph: any list marker ends the quote
            # for markdown-it, even one that could not interrupt a paragraph ("1. " alone).
            outside_quote = bool(self.lines) and quotes < self.quotes
            if not self.lines:
                while lists and indent < lists[-1]:
                    lists.pop()
            while True:  # block starts at the line's content (again after a list marker)
                base = lists[-1] if lists and not lazy else 0
                relative = indent - base
                rest = source[start:end]
                if relative >= 4:
                    if self.lines:  # a paragraph goes on, however indented
                        self.lines.append((start, end, position))
                    else:  # indented code
                        layout.add_token(position, start, BARRIER)
                        layout.add_text(start, following, NOLINK)
                        layout.add_break(following)
                    break
                kind = self._block(rest, lazy, outside_quote)
                if kind is None:
                    self.lines.append((start, end, position))
                    break
                if lazy:
                    while lists and indent < lists[-1]:
                        lists.pop()
                    lazy = False
                self.flush()
                if kind == "item":
                    item = _LIST_ITEM.match(rest)
                    assert item is not None
                    marker_end = start + item.end()
                    gap_end = _LEADING.match(source, marker_end, end).end()  # type: ignore[union-attr]
                    width = _columns(source, marker_end, gap_end)
                    marker = indent + item.end()
                    if gap_end >= end or width > 4:  # empty item, or code after the marker
                        lists.append(marker + 1)
                        content = min(marker_end + 1, gap_end)
                        indent = marker + width
                    else:
                        lists.append(marker + width)
                        content = gap_end
                        indent = marker + width
                    layout.add_token(position, content, BARRIER)
                    position = start = content
                    if start >= end:
                        break
                    continue
                if kind == "heading":
                    self._heading(position, start, end, following)
                elif kind == "fence":
                    opening = _FENCE.match(rest)
                    assert opening is not None
                    marks = opening.group(1) or opening.group(2)
                    fence = (marks[0], len(marks), base, quotes)
                    layout.add_token(position, following, BARRIER)
                elif kind == "definition":
                    layout.add_token(position, following, BARRIER)
                    after_definition = True
                elif isinstance(kind, int):  # an HTML block
                    layout.add_token(position, following, BARRIER)
                    ends = _HTML_BLOCK_ENDS.get(kind)
                    if ends is None or ends.search(rest) is None:
                        html_block = kind
                    else:
                        layout.add_break(following)
                else:  # a thematic break or a setext underline
                    layout.add_token(position, following, BARRIER)
                    layout.add_break(following)
                break
            position = following
        self.flush()
        return layout.finish()

    def _block(self, rest: str, lazy: bool, outside_quote: bool) -> str | int | None:
        """What block ``rest`` (a line's content) starts, or ``None`` for paragraph text.

        ``lazy``: the line is less indented than its list item's content; ``outside_quote``:
        it is outside the block quote of the paragraph before it.
        """
        in_paragraph = bool(self.lines)
        if in_paragraph and not lazy and _SETEXT.match(rest):
            return "underline"
        if _THEMATIC.match(rest):
            return "thematic"
        if _ATX.match(rest):
            return "heading"
        if _FENCE.match(rest):
            return "fence"
        for kind, pattern in _HTML_BLOCK_STARTS:
            if pattern.match(rest) and not (kind == 7 and in_paragraph):
                return kind
        item = _LIST_ITEM.match(rest)
        if item is not None:
            empty = not rest[item.end() :].strip()
            number = item.group("number")
            interrupts = not (empty or (number is not None and number != "1"))
            if not in_paragraph or lazy or outside_quote or interrupts:
                return "item"
        if not in_paragraph and _DEFINITION.match(rest):
            return "definition"
        return None

    def _heading(self, position: int, start: int, end: int, following: int) -> None:
        """An ATX heading: its markers are markup, its text is read inline."""
        heading = _ATX.match(self.source, start, end)
        assert heading is not None
        content_start = heading.end()
        content_end = start + len(self.source[start:end].rstrip(" \t\r"))
        trimmed = self.source[content_start:content_end].rstrip("#")
        if not trimmed or trimmed[-1] in " \t":  # a closing sequence of #s
            content_end = content_start + len(trimmed.rstrip(" \t"))
        content_end = max(content_end, content_start)
        self.layout.add_token(position, content_start, BARRIER)
        self.lines = [(content_start, content_end, content_start)]
        self.flush()
        if content_end < following:
            self.layout.add_token(content_end, following, BARRIER)

    def flush(self) -> None:
        """Read the current paragraph inline, then end the block."""
        lines, self.lines = self.lines, []
        if lines:
            _Inline(self.layout, lines, self.labels, self.skipping).read()
            self.layout.add_break(lines[-1][1])


# Inline atoms, found left to right.
_ESCAPE, _CODE, _AUTOLINK, _HTML, _ENTITY, _OPENER, _DELIMITER = range(7)
_SPECIAL = re.compile(r"[\\`<&\[\]*_~]|!\[")
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_MD_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
_URI_AUTOLINK = re.compile(r"<[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\x00-\x20<>]*>")
_EMAIL_AUTOLINK = re.compile(
    r"<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)*>"
)
_INLINE_LINK = re.compile(
    r"\([ \t]*\n?[ \t]*(?:<(?:[^<>\n\\]|\\.)*>|(?:[^\x00-\x20()\\]|\\.)*"
    r"(?:\((?:[^\x00-\x20()\\]|\\.)*\)(?:[^\x00-\x20()\\]|\\.)*)*)"
    r"(?:[ \t]*\n?[ \t]*(?:\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?"
    r"[ \t]*\n?[ \t]*\)"
)
_REFERENCE = re.compile(r"\[(?:[^\[\]\\]|\\.){0,999}\]")
#: Inline HTML other than tags: how each opens and closes (CommonMark).
_HTML_SPECIALS = (
    ("<!--", "-->"),
    ("<![CDATA[", "]]>"),
    ("<?", "?>"),
    *((f"<!{letter}", ">") for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"),
)
# CommonMark's inline HTML tag, stricter than HTML's: "<a <a <a" is no tag.
_MD_SPACE = "[ \t\n]"
_INLINE_TAG = re.compile(
    rf"</(?P<end>[A-Za-z][A-Za-z0-9-]*){_MD_SPACE}*>"
    rf"|<(?P<name>[A-Za-z][A-Za-z0-9-]*)(?:{_MD_SPACE}+[A-Za-z_:][A-Za-z0-9_.:-]*"
    rf"(?:{_MD_SPACE}*={_MD_SPACE}*(?:[^ \t\n\"'=<>`]+|'[^']*'|\"[^\"]*\"))?)*"
    rf"{_MD_SPACE}*/?>"
)
_MARKDOWN_SKIP = DEFAULT_SKIP | ALWAYS_SKIP
_UNICODE_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _is_punctuation(char: str) -> bool:
    return char in _UNICODE_PUNCTUATION or unicodedata.category(char)[:1] in ("P", "S")


def flanking(before: str, run: str, after: str) -> tuple[bool, bool]:
    """Whether a delimiter run between ``before`` and ``after`` may open and close emphasis.

    ``before``/``after`` are the characters around the run ("" at an edge),
    by CommonMark's left- and right-flanking rules.
    """
    space_after = not after or after.isspace()
    space_before = not before or before.isspace()
    punct_after = bool(after) and _is_punctuation(after)
    punct_before = bool(before) and _is_punctuation(before)
    left = not space_after and (not punct_after or space_before or punct_before)
    right = not space_before and (not punct_before or space_after or punct_after)
    if run[0] == "_":
        return left and (not right or punct_before), right and (not left or punct_after)
    return left, right


_BACKTICK_RUNS: dict[int, re.Pattern[str]] = {}


def _backticks(text: str, start: int, length: int) -> int | None:
    """Where the next run of exactly ``length`` backticks after ``start`` begins."""
    pattern = _BACKTICK_RUNS.get(length)
    if pattern is None:
        pattern = _BACKTICK_RUNS[length] = re.compile(f"(?<!`)`{{{length}}}(?!`)")
    found = pattern.search(text, start)
    return found.start() if found is not None else None


class _Inline:
    """The inline reading of one paragraph or heading (its lines joined by newlines)."""

    def __init__(
        self,
        layout: Layout,
        lines: list[tuple[int, int, int]],
        labels: set[str],
        skipping: list[str],
    ) -> None:
        source = layout.source
        self.layout = layout
        self.lines = lines
        self.labels = labels
        self.skipping = skipping
        self.offsets: list[int] = []
        parts = []
        offset = 0
        for start, end, _ in lines:
            self.offsets.append(offset)
            parts.append(source[start:end])
            offset += end - start + 1
        self.text = "\n".join(parts)
        self.next_line = 1  # the next line whose prefix token is still to be added

    def to_source(self, offset: int) -> int:
        i = bisect_right(self.offsets, offset) - 1
        return self.lines[i][0] + offset - self.offsets[i]

    def read(self) -> None:
        atoms, links = self._atoms()
        partners = self._pair_delimiters(atoms, links)
        self._emit(atoms, links, partners)

    # -- finding the constructs --

    def _atoms(self) -> tuple[list[tuple[int, int, int, str]], list[tuple[int, int, int, bool]]]:
        """Code spans, autolinks, HTML, escapes, entities, delimiters; and links.

        A link is ``(start, text end, end, is image)``: its text is
        ``[start + 1 (2 for an image), text end)``.
        """
        text = self.text
        size = len(text)
        atoms: list[tuple[int, int, int, str]] = []
        links: list[tuple[int, int, int, bool]] = []
        openers: list[tuple[int, bool]] = []  # (position, is image) of "[" and "!["
        no_closer: set[int] = set()  # backtick lengths with no closer after this point
        no_gt_after = size + 1
        next_gt = -1
        position = 0
        while True:
            found = _SPECIAL.search(text, position)
            if found is None:
                break
            at = found.start()
            char = text[at]
            if char == "\\":
                following = text[at + 1 : at + 2]
                if following and following in _ASCII_PUNCTUATION:
                    atoms.append((at, at + 2, _ESCAPE, following))
                    position = at + 2
                else:
                    position = at + 1
            elif char == "`":
                run_end = at + 1
                while run_end < size and text[run_end] == "`":
                    run_end += 1
                length = run_end - at
                close = None if length in no_closer else _backticks(text, run_end, length)
                if close is None:
                    no_closer.add(length)
                    position = run_end
                else:
                    atoms.append((at, close + length, _CODE, text[at:run_end]))
                    position = close + length
            elif char == "<":
                if next_gt < at:  # where the next ">" is, found once per ">"
                    next_gt = text.find(">", at)
                    if next_gt < 0:
                        next_gt = no_gt_after = at
                end, kind, name = self._angle(text, at, no_gt_after)
                if end < 0:
                    if end == -2:
                        no_gt_after = min(no_gt_after, at)
                    position = at + 1
                else:
                    atoms.append((at, end, kind, name))
                    position = end
            elif char == "&":
                entity = _MD_ENTITY.match(text, at)
                if entity is not None and (
                    entity.group()[1] == "#" or entity.group()[1:] in _HTML5_ENTITIES
                ):
                    atoms.append((at, entity.end(), _ENTITY, entity.group()))
                    position = entity.end()
                else:
                    position = at + 1
            elif char in "[!":
                openers.append((at, char == "!"))
                atoms.append((at, at + (2 if char == "!" else 1), _OPENER, char))
                position = at + (2 if char == "!" else 1)
            elif char == "]":
                position = at + 1
                if not openers:
                    continue
                opener, image = openers.pop()
                link_end = self._link_end(text, opener, image, at)
                if link_end is None:
                    continue
                links.append((opener, at, link_end, image))
                if not image:  # links do not contain links (images may)
                    openers = [o for o in openers if o[1]]
                position = link_end
            else:  # a run of *, _ or ~
                run_end = at + 1
                while run_end < size and text[run_end] == char:
                    run_end += 1
                atoms.append((at, run_end, _DELIMITER, text[at:run_end]))
                position = run_end
        return atoms, links

    def _angle(self, text: str, at: int, no_gt_after: int) -> tuple[int, int, str]:
        """An autolink or inline HTML at ``at``: ``(end, kind, tag name)``; end < 0 if none.

        -2 means that no ">" follows, so nothing later can be one either.
        """
        if at >= no_gt_after:
            return -2, 0, ""
        for autolink in (_URI_AUTOLINK, _EMAIL_AUTOLINK):
            found = autolink.match(text, at)
            if found is not None:
                return found.end(), _AUTOLINK, ""
        following = text[at + 1 : at + 2]
        if following in ("!", "?"):
            if text.startswith("<!-->", at) or text.startswith("<!--->", at):
                return text.index(">", at + 4) + 1, _HTML, ""
            for opening, closing in _HTML_SPECIALS:
                if text.startswith(opening, at):
                    close = text.find(closing, at + len(opening))
                    if close < 0:
                        return -1, 0, ""
                    return close + len(closing), _HTML, ""
            return -1, 0, ""
        if following in _ASCII_LETTERS or (
            following == "/" and text[at + 2 : at + 3] in _ASCII_LETTERS
        ):
            tag = _INLINE_TAG.match(text, at)
            if tag is not None:
                return tag.end(), _HTML, (tag.group("name") or tag.group("end")).lower()
        return -1, 0, ""

    def _link_end(self, text: str, opener: int, image: bool, close: int) -> int | None:
        """Where the link or image whose text ends at ``close`` ("]") ends, if it is one."""
        after = close + 1
        if text.startswith("(", after):
            inline = _INLINE_LINK.match(text, after)
            if inline is not None:
                return inline.end()
        if close - opener > 1000:  # longer than any link label
            return None
        label = text[opener + (2 if image else 1) : close]
        if text.startswith("[", after):
            reference = _REFERENCE.match(text, after)
            if reference is not None:
                named = reference.group()[1:-1]
                if _normalize_label(named or label) in self.labels:
                    return reference.end()
        if _normalize_label(label) in self.labels:
            return after
        return None

    def _pair_delimiters(
        self, atoms: list[tuple[int, int, int, str]], links: list[tuple[int, int, int, bool]]
    ) -> dict[int, int]:
        """Pairs of emphasis delimiter runs (atom index to atom index, both ways).

        A run that may both open and close closes when an opener of its kind
        is waiting. Runs inside a link's text and runs of different lengths
        are left unpaired, which keeps links away from them.
        """
        text = self.text
        inside = _Spans([(start, end) for start, _, end, _ in links])
        partners: dict[int, int] = {}
        waiting: list[int] = []
        for i, (start, end, kind, run) in enumerate(atoms):
            if kind != _DELIMITER or inside.covers(start):
                continue
            before = text[start - 1] if start > 0 else ""
            after = text[end] if end < len(text) else ""
            can_open, can_close = flanking(before, run, after)
            if can_close:
                for w in range(len(waiting) - 1, max(len(waiting) - _MATCH_DEPTH, 0) - 1, -1):
                    if atoms[waiting[w]][3][0] == run[0]:
                        if atoms[waiting[w]][3] == run:
                            partners[waiting[w]] = i
                            partners[i] = waiting[w]
                        del waiting[w:]
                        can_open = False
                        break
            if can_open:
                waiting.append(i)
        return partners

    # -- adding runs and tokens --

    def _prefixes_before(self, offset: int) -> None:
        """Add the prefix tokens of the lines that start at or before ``offset``."""
        lines = self.lines
        while self.next_line < len(lines) and self.offsets[self.next_line] <= offset:
            start, _, line_start = lines[self.next_line]
            if line_start < start:  # named "\n": a line's start, for emphasis rules
                self.layout.add_token(line_start, start, NEUTRAL, "\n")
            self.next_line += 1

    def _token(self, start: int, end: int, role: int, name: str = "") -> int:
        self._prefixes_before(start)
        return self.layout.add_token(self.to_source(start), self.to_source(end), role, name)

    def _text(self, start: int, end: int, flags: int) -> None:
        """Add content ``[start, end)`` as read, split where lines join."""
        offsets = self.offsets
        i = bisect_right(offsets, start) - 1
        while start < end:
            line_end = offsets[i + 1] if i + 1 < len(offsets) else end
            stop = min(end, line_end)
            source_start = self.lines[i][0] + start - offsets[i]
            self.layout.add_text(source_start, source_start + stop - start, flags)
            start = stop
            i += 1

    def _close_link(self, position: int, pending: tuple[int, int, int]) -> int:
        """Add the rest of a link's text and its closing syntax; returns where it ends."""
        text_end, end, opening = pending
        self._text(position, text_end, NOLINK)
        closing = self._token(text_end, end, CLOSE, "a")
        self.layout.pair(opening, closing)
        return end

    def _html(self, start: int, end: int, name: str, open_tags: list[tuple[str, int]]) -> None:
        """An inline HTML tag, comment or declaration."""
        if not name:
            self._token(start, end, NEUTRAL)
            return
        closing = self.text[start + 1] == "/"
        if name in BREAKING:
            self._token(start, end, BARRIER, name)
            self.layout.add_break(self.to_source(start))
        elif name in VOID:
            self._token(start, end, NEUTRAL, name)
        elif closing:
            token = self._token(start, end, CLOSE, name)
            for i in range(len(open_tags) - 1, -1, -1):
                if open_tags[i][0] == name:
                    self.layout.pair(open_tags[i][1], token)
                    del open_tags[i:]
                    break
        else:
            open_tags.append((name, self._token(start, end, OPEN, name)))
        if name in _MARKDOWN_SKIP and name not in VOID:
            skipping = self.skipping
            if closing:
                if name in skipping:
                    del skipping[len(skipping) - 1 - skipping[::-1].index(name) :]
            elif self.text[end - 2] != "/":
                skipping.append(name)

    def _emit(
        self,
        atoms: list[tuple[int, int, int, str]],
        links: list[tuple[int, int, int, bool]],
        partners: dict[int, int],
    ) -> None:
        layout, text = self.layout, self.text
        start, _, line_start = self.lines[0]
        if line_start < start:
            layout.add_token(line_start, start, BARRIER)
        link_at = {start: (text_end, end, image) for start, text_end, end, image in links}
        link_text = _Spans([(start, text_end) for start, text_end, _, _ in links])
        tokens: dict[int, int] = {}  # atom index -> token index, for pairing
        open_tags: list[tuple[str, int]] = []
        pending: tuple[int, int, int] | None = None  # the open link: text end, end, token
        position = 0
        for i, (start, end, kind, value) in enumerate(atoms):
            if pending is not None and start >= pending[0]:
                position = self._close_link(position, pending)
                pending = None
            if start < position:
                continue  # inside an image, or a link's destination
            nolink = NOLINK if self.skipping or link_text.covers(start) else 0
            self._text(position, start, nolink)
            position = end
            if kind == _OPENER and start in link_at:
                text_end, link_end, image = link_at[start]
                if image:
                    self._token(start, link_end, BARRIER)
                    position = link_end
                else:
                    pending = (text_end, link_end, self._token(start, end, OPEN, "a"))
            elif kind in (_ESCAPE, _ENTITY):
                self._prefixes_before(start)
                decoded = html_entity(value, 0, len(value)) if kind == _ENTITY else (value, 0)
                assert decoded is not None
                layout.add_decoded(decoded[0], self.to_source(start), self.to_source(end), nolink)
            elif kind == _CODE:
                marks = len(value)
                self._token(start, start + marks, NEUTRAL)
                self._text(start + marks, end - marks, NOLINK)
                self._token(end - marks, end, NEUTRAL)
            elif kind == _AUTOLINK:
                self._token(start, end, BARRIER)
            elif kind == _HTML:
                self._html(start, end, value, open_tags)
            elif kind == _DELIMITER:
                self._delimiter(i, start, end, value, partners, tokens, nolink, link_text)
            else:  # a bracket that opens no link: text
                self._text(start, end, nolink)
        if pending is not None:
            position = self._close_link(position, pending)
        self._text(position, len(text), NOLINK if self.skipping else 0)
        self._prefixes_before(len(text))

    def _delimiter(
        self,
        i: int,
        start: int,
        end: int,
        run: str,
        partners: dict[int, int],
        tokens: dict[int, int],
        nolink: int,
        link_text: _Spans,
    ) -> None:
        """An emphasis delimiter run: a token (paired if it is), or text if it is literal."""
        text = self.text
        before = text[start - 1] if start > 0 else ""
        after = text[end] if end < len(text) else ""
        can_open, can_close = flanking(before, run, after)
        if not (can_open or can_close):
            self._text(start, end, nolink)
        elif link_text.covers(start):
            self._token(start, end, NEUTRAL, run)
        else:
            partner = partners.get(i)
            if partner is None:
                role = OPEN if can_open else CLOSE
            else:
                role = OPEN if partner > i else CLOSE
            tokens[i] = self._token(start, end, role, run)
            if partner is not None and partner < i:
                self.layout.pair(tokens[partner], tokens[i])


class _Spans:
    """Sorted, merged spans, and a test of whether a position falls inside one."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(spans):
            if self.ends and start <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def covers(self, position: int) -> bool:
        i = bisect_right(self.starts, position) - 1
        return i >= 0 and position < self.ends[i]
