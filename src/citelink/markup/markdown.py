"""The Markdown reader's block structure (CommonMark), line by line."""

from __future__ import annotations

import re

from citelink.markup.html import TAG, ElementStack
from citelink.markup.layout import BARRIER, IN_CODE, NEUTRAL, Layout
from citelink.markup.markdown_inline import Inline, normalize_label

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
_THEMATIC_CHARS = frozenset("-*_")
_FRONT_MATTER = re.compile(r"\ufeff?(---|\+\+\+)[ \t]*\r?\n")
_FRONT_MATTER_END = {
    "---": re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE),
    "+++": re.compile(r"^\+\+\+[ \t]*(?:\r?\n|\Z)", re.MULTILINE),
}
_LIST_ITEM = re.compile(r"(?:[-+*]|(?P<number>\d{1,9})[.)])(?=[ \t]|\r?$)")
_DEFINITION = re.compile(r"\[(?:[^\]\\\n]|\\.){1,999}\]:")
#: A line ends at LF, or at a CR that no LF follows (CR LF keeps its CR in the line).
_LINE_END = re.compile(r"\n|\r(?!\n)")
_DEFINITION_LINES = re.compile(r"(?:^|(?<=\r)) {0,3}\[((?:[^\]\\\n]|\\.){1,999})\]:", re.MULTILINE)
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
    (7, re.compile(TAG.pattern.replace("(?P<name>", "(?:", 1) + r"[ \t]*\r?$")),
)


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


class _MarkdownReader:
    """One pass over a Markdown document's lines, then one over each paragraph."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.layout = Layout(source, "markdown")
        self.labels = {normalize_label(m.group(1)) for m in _DEFINITION_LINES.finditer(source)}
        #: The current paragraph: (content start, content end, line start) per line.
        self.lines: list[tuple[int, int, int]] = []
        #: How many block quotes the current paragraph is in.
        self.quotes = 0
        #: Inline HTML elements whose text is not linked, open across paragraphs.
        self.skipping = ElementStack()
        #: Per (line end, character): where the line is only that character and blanks.
        self._clean_from: dict[tuple[int, str], int] = {}

    def read(self) -> Layout:
        source, layout = self.source, self.layout
        fence: tuple[str, int, int, int] | None = None  # character, length, base, quotes
        html_block: int | None = None  # the kind of the open HTML block
        after_definition = False
        lists: list[int] = []  # content columns of the open list items
        position, size = self._front_matter(), len(source)
        while position < size:
            newline = _LINE_END.search(source, position)
            end = size if newline is None else newline.start()
            following = size if newline is None else newline.end()
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
                        layout.add_text(position, following, IN_CODE)
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
                if relative >= 4:
                    if self.lines:  # a paragraph goes on, however indented
                        self.lines.append((start, end, position))
                    else:  # indented code
                        layout.add_token(position, start, BARRIER)
                        layout.add_text(start, following, IN_CODE)
                        layout.add_break(following)
                    break
                kind = self._block(start, end, lazy, outside_quote)
                if kind is None:
                    self.lines.append((start, end, position))
                    break
                if lazy:
                    while lists and indent < lists[-1]:
                        lists.pop()
                    lazy = False
                self.flush()
                self.quotes = quotes  # the next paragraph is in this line's block quotes
                if kind == "item":
                    item = _LIST_ITEM.match(source, start, end)
                    assert item is not None
                    marker_end = item.end()
                    gap_end = _LEADING.match(source, marker_end, end).end()  # type: ignore[union-attr]
                    width = _columns(source, marker_end, gap_end)
                    marker = indent + marker_end - start
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
                    opening = _FENCE.match(source, start, end)
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
                    if ends is None or ends.search(source, start, end) is None:
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

    def _front_matter(self) -> int:
        """Where the document's front matter ends (0: it has none).

        YAML (``---`` ... ``---`` or ``...``) and TOML (``+++`` ... ``+++``) front
        matter is data for a site generator (Jekyll, Hugo, MkDocs): never read, never
        linked.
        """
        source = self.source
        opening = _FRONT_MATTER.match(source)
        if opening is None:
            return 0
        closing = _FRONT_MATTER_END[opening.group(1)].search(source, opening.end())
        if closing is None:
            return 0
        self.layout.add_token(0, closing.end(), BARRIER)
        self.layout.add_break(closing.end())
        return closing.end()

    def _block(self, start: int, end: int, lazy: bool, outside_quote: bool) -> str | int | None:
        """What block ``source[start:end]`` (a line's content) starts, or ``None`` for
        paragraph text.

        ``lazy``: the line is less indented than its list item's content; ``outside_quote``:
        it is outside the block quote of the paragraph before it. Every test looks at a
        bounded prefix of the content, or once at the whole line, so a line of many
        list markers is read in linear time.
        """
        source = self.source
        in_paragraph = bool(self.lines)
        if in_paragraph and not lazy and _SETEXT.match(source, start, end):
            return "underline"
        if source[start : start + 1] in _THEMATIC_CHARS and self._thematic(start, end):
            return "thematic"
        if _ATX.match(source, start, end):
            return "heading"
        if _FENCE.match(source, start, end):
            return "fence"
        if source.startswith("<", start):
            for kind, pattern in _HTML_BLOCK_STARTS:
                if pattern.match(source, start, end) and not (kind == 7 and in_paragraph):
                    return kind
        item = _LIST_ITEM.match(source, start, end)
        if item is not None:
            empty = _LEADING.match(source, item.end(), end).end() >= end  # type: ignore[union-attr]
            number = item.group("number")
            interrupts = not (empty or (number is not None and number != "1"))
            if not in_paragraph or lazy or outside_quote or interrupts:
                return "item"
        if not in_paragraph and _DEFINITION.match(source, start, end):
            return "definition"
        return None

    def _thematic(self, start: int, end: int) -> bool:
        """Whether ``source[start:end]`` is a thematic break.

        Where the line's text stops being only the break's character and blanks is
        found once per line and character, not once per list marker on the line.
        """
        char = self.source[start]
        key = (end, char)
        clean_from = self._clean_from.get(key)
        if clean_from is None:
            line_start = max(self.source.rfind("\n", 0, end), self.source.rfind("\r", 0, end)) + 1
            kept = self.source[line_start:end].rstrip(char + " \t\r")
            clean_from = self._clean_from[key] = line_start + len(kept)
        return start >= clean_from and _THEMATIC.match(self.source, start, end) is not None

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
            Inline(self.layout, lines, self.labels, self.skipping).read()
            self.layout.add_break(lines[-1][1])
