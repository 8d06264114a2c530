"""The HTML reader: a tokenizer that reports source positions, in one forward pass."""

from __future__ import annotations

import re
from collections.abc import Iterable

from citelink.markup.entities import add_html_text
from citelink.markup.layout import (
    BARRIER,
    BLOCK_SEPARATOR,
    BREAK,
    CLOSE,
    IN_CODE,
    IN_CONTROL,
    IN_EMBEDDED,
    IN_FOREIGN,
    IN_LINK,
    IN_SKIPPED,
    NEUTRAL,
    NOLINK,
    OPEN,
    Layout,
)

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
TAG = re.compile(
    rf"</?(?P<name>[A-Za-z][^{_NOT_SPACE}/>]*)"
    rf"(?:[{_NOT_SPACE}/]+(?![{_NOT_SPACE}/])|{_ATTRIBUTE})*>"
)
_COMMENT_END = re.compile(r"--!?>")
_LINK_START = re.compile(rf"<a(?=[{_NOT_SPACE}/>])", re.IGNORECASE)
_LINK_END = re.compile(rf"</a(?=[{_NOT_SPACE}/>])", re.IGNORECASE)
ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


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
#: The run flags of text inside each skipped element: why it is not linked.
SKIP_FLAGS = {
    "a": IN_LINK,
    **dict.fromkeys(("code", "pre", "kbd", "samp"), IN_CODE),
    **dict.fromkeys(("button", "select", "option", "optgroup", "datalist"), IN_CONTROL),
    **dict.fromkeys(_FOREIGN, IN_FOREIGN),
    **dict.fromkeys(("template", "object"), IN_EMBEDDED),
}
#: How deep the open-element stack is searched for an end tag's partner.
MATCH_DEPTH = 64
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
    skipping = ElementStack()  # the skipped elements we are inside
    # Blocks opened inside a skipped element and not yet closed: while one is open, libxml2
    # ignores the skipped element's end tag ("<a><div></a>§ 8" keeps "§ 8" in the link), so
    # the text stays unlinked, whatever a browser makes of it. Void elements never open one.
    blocks_inside = ElementStack()
    text_start = 0
    reader_size = 0
    # A browser (and libxml2) closes an open link at the next link's start tag; an XML parser
    # nests them. Where every link start tag has its end tag, the page was written nested
    # (XHTML): read it so, and text between the inner and the outer end tag stays unlinked.
    auto_close_links = len(_LINK_START.findall(source)) != len(_LINK_END.findall(source))
    search, find = _MARKUP.search, source.find
    while True:
        found = search(source, text_start)
        if found is None:
            break
        lt, end = found.span()
        name, closed = found.groups()
        text_flags = SKIP_FLAGS.get(skipping.innermost, IN_SKIPPED) if skipping else 0
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
        closing = False
        if name is None:  # a comment, a declaration, a processing instruction, "</...>"
            end = _bogus_end(source, lt, skipping.foreign > 0)
            name = ""
        elif closed is None:  # a tag that never ends: the rest is markup
            end = size
            name = ""
        elif name[0] == "/":
            name = name[1:].lower()
            closing = True
            role = BARRIER if name in BREAKING else CLOSE
        else:
            name = name.lower()
            if name in RAW_TEXT:
                end = _raw_text_end(source, name, end)
                role = BARRIER
            else:
                role = BARRIER if name in BREAKING else NEUTRAL if name in VOID else OPEN
        text_start = end
        if name == "a" and not closing and auto_close_links and "a" in skipping:
            # A link start tag inside a link closes the open one first, as in a browser.
            skipping.pop_through("a")
        if role == BARRIER:
            if not (flags and flags[-1] & BREAK):
                parts.append(BLOCK_SEPARATOR)
                starts.append(reader_size)
                src_starts.append(lt)
                src_ends.append(lt)
                flags.append(BREAK | NOLINK)
                reader_size += len(BLOCK_SEPARATOR)
            if skipping and name not in RAW_TEXT and name not in VOID and name != "p":
                if name in skipped:  # a skipped element ends at its own end tag
                    pass
                elif not closing:
                    if source[end - 2] != "/":
                        blocks_inside.push(name)
                elif name in blocks_inside:
                    blocks_inside.pop_through(name)
            if not every_tag:
                if name in skipped and name not in RAW_TEXT:
                    if not closing:
                        skipping.push(name)
                    elif name in skipping and not blocks_inside:
                        skipping.pop_through(name)
                continue
        token = len(tok_starts)
        tok_starts.append(lt)
        tok_ends.append(end)
        tok_roles.append(role)
        tok_names.append(name)
        tok_partners.append(-1)
        if not name or (name in RAW_TEXT and role == BARRIER and not closing):
            continue
        if closing:  # an end tag: find its start tag
            depth = len(open_elements)
            for i in range(depth - 1, max(depth - MATCH_DEPTH, 0) - 1, -1):
                if open_elements[i][0] == name:
                    opening = open_elements[i][1]
                    tok_partners[opening] = token
                    tok_partners[token] = opening
                    del open_elements[i:]
                    break
            if name in skipping and not blocks_inside:
                skipping.pop_through(name)
        elif name not in VOID and not (
            source[end - 2] == "/" and (name in _FOREIGN or skipping.foreign > 0)
        ):
            open_elements.append((name, token))
            if len(open_elements) > _STACK_LIMIT:
                del open_elements[: _STACK_LIMIT // 2]
            if name in skipped:
                skipping.push(name)
    if text_start < size:
        layout.size = reader_size
        flags_after = SKIP_FLAGS.get(skipping.innermost, IN_SKIPPED) if skipping else 0
        add_html_text(layout, text_start, size, flags_after)
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


class ElementStack:
    """A stack of element names that answers "is NAME open?" and pops through the
    last NAME in time proportional to what it pops (the reader stays linear
    however deep a page nests)."""

    __slots__ = ("_names", "_positions", "foreign")

    def __init__(self) -> None:
        self._names: list[str] = []
        self._positions: dict[str, list[int]] = {}
        #: How many of the names are SVG or MathML elements.
        self.foreign = 0

    def __bool__(self) -> bool:
        return bool(self._names)

    @property
    def innermost(self) -> str:
        """The last name pushed and not popped ("" when none is)."""
        return self._names[-1] if self._names else ""

    def __contains__(self, name: str) -> bool:
        return bool(self._positions.get(name))

    def push(self, name: str) -> None:
        self._positions.setdefault(name, []).append(len(self._names))
        self._names.append(name)
        if name in _FOREIGN:
            self.foreign += 1

    def pop_through(self, name: str) -> None:
        """Pop every name down to and including the last ``name`` (which must be open)."""
        last = self._positions[name][-1]
        names, positions = self._names, self._positions
        while len(names) > last:
            popped = names.pop()
            positions[popped].pop()
            if popped in _FOREIGN:
                self.foreign -= 1


def _raw_text_end(source: str, name: str, content_start: int) -> int:
    """Where a raw-text element whose start tag ends at ``content_start`` ends."""
    if name == "plaintext":
        return len(source)
    if name == "script":
        return _script_end(source, content_start)
    found = _raw_end_tag(name).search(source, content_start)
    if found is None:
        return len(source)
    tag = TAG.match(source, found.start())
    return tag.end() if tag is not None else len(source)


# The tokenizer's script states: in script data, "<!--" starts an escaped part; in
# it, "<script" starts a double-escaped part, in which "</script>" does not end the
# script; "-->" ends either part.
_SCRIPT_TAG_END = f"(?=[{_NOT_SPACE}/>])"
_SCRIPT_DATA = re.compile(rf"(?P<end></script{_SCRIPT_TAG_END})|(?P<escape><!--)", re.I)
_SCRIPT_ESCAPED = re.compile(
    rf"(?P<end></script{_SCRIPT_TAG_END})|(?P<double><script{_SCRIPT_TAG_END})|(?P<data>-->)", re.I
)
_SCRIPT_DOUBLE = re.compile(rf"(?P<escaped></script{_SCRIPT_TAG_END})|(?P<data>-->)", re.I)


def _script_end(source: str, position: int) -> int:
    """Where a script whose start tag ends at ``position`` ends (after its end tag)."""
    state = _SCRIPT_DATA
    while True:
        found = state.search(source, position)
        if found is None:
            return len(source)
        kind = found.lastgroup
        if kind == "end":
            tag = TAG.match(source, found.start())
            return tag.end() if tag is not None else len(source)
        if kind == "escape":  # its "--" may be the start of "-->" ("<!-->")
            state, position = _SCRIPT_ESCAPED, found.start() + 2
        elif kind == "double":
            state, position = _SCRIPT_DOUBLE, found.end()
        elif kind == "escaped":
            state, position = _SCRIPT_ESCAPED, found.end()
        else:
            state, position = _SCRIPT_DATA, found.end()


_RAW_END_TAGS: dict[str, re.Pattern[str]] = {}


def _raw_end_tag(name: str) -> re.Pattern[str]:
    pattern = _RAW_END_TAGS.get(name)
    if pattern is None:
        pattern = _RAW_END_TAGS[name] = re.compile(
            rf"</{re.escape(name)}(?=[{_NOT_SPACE}/>])", re.IGNORECASE
        )
    return pattern
