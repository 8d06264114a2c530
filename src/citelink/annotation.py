"""Link every citation in text, Markdown or HTML without changing the document.

Citations are found in the text a reader sees (:mod:`citelink.markup`) and
their links are inserted at the matching places in the source, which is
otherwise copied byte for byte: remove the inserted links and you get the
input back. A link that would cross the end of an inline element is moved
out to wrap the element when that adds no text (``<a><i>8 U.S.C.</i> §
1373</a>``), and otherwise split into well-nested pieces, one per stretch.

>>> annotate_html("<p><i>8 U.S.C.</i> &sect; 1373</p>", links=Links(title=None))
'<p><a href="https://www.law.cornell.edu/uscode/text/8/1373"><i>8 U.S.C.</i> &sect; 1373</a></p>'
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from operator import itemgetter

from citelink.documents.reader import ReaderText, find
from citelink.finder import Finder
from citelink.markup import (
    ALWAYS_SKIP,
    BARRIER,
    CLOSE,
    DEFAULT_SKIP,
    NOLINK,
    OPEN,
    Layout,
    flanking,
    read_html,
    read_markdown,
)
from citelink.models import Citation
from citelink.urls import safe_url


def normalized_title(citation: Citation) -> str | None:
    """The citation's canonical form: the default ``title`` of a link."""
    return citation.normalized if citation.resolved else None


@dataclass(frozen=True)
class Links:
    """How inserted links look.

    ``css_class``, ``rel`` and ``target`` set those attributes of every
    ``<a>``; ``title`` makes its ``title`` (Markdown: the link title) from the
    citation; ``data`` adds ``data-citation-id`` and ``data-citation-kind``.
    ``attributes`` is a callback that returns more attributes for a citation
    (they replace the defaults; an ``href`` it returns is used as the link)
    or ``None`` to leave that citation unlinked. Every value is escaped, and
    a URL that is not http(s) is never emitted.
    """

    css_class: str | None = None
    rel: str | None = None
    target: str | None = None
    title: Callable[[Citation], str | None] | None = normalized_title
    data: bool = False
    attributes: Callable[[Citation], Mapping[str, str | None] | None] | None = None

    def html_attributes(self, citation: Citation) -> dict[str, str] | None:
        """The attributes of the ``<a>`` for ``citation``, or ``None`` for no link."""
        found: dict[str, str | None] = {
            "href": citation.url,
            "class": self.css_class,
            "rel": self.rel,
            "target": self.target,
            "title": self.title(citation) if self.title is not None else None,
        }
        if self.data:
            found["data-citation-id"] = citation.id
            found["data-citation-kind"] = citation.kind
        if self.attributes is not None:
            extra = self.attributes(citation)
            if extra is None:
                return None
            found.update(extra)
        url = safe_url(found["href"])
        if url is None:
            return None
        found["href"] = url
        attributes = {}
        for name, value in found.items():
            if value is None:
                continue
            if not _ATTRIBUTE_NAME.fullmatch(name):
                raise ValueError(f"not an attribute name: {name!r}")
            attributes[name] = str(value)
        return attributes

    def html_open(self, citation: Citation) -> str | None:
        """The opening ``<a ...>`` tag for ``citation``, or ``None`` for no link."""
        if self.attributes is None:  # the common case, without building a dictionary
            url = safe_url(citation.url)
            if url is None:
                return None
            title = self.title(citation) if self.title is not None else None
            return "".join(
                (
                    f'<a href="{_escape(url)}"',
                    self._fixed,
                    f' title="{_escape(title)}"' if title is not None else "",
                    self._data(citation) if self.data else "",
                    ">",
                )
            )
        attributes = self.html_attributes(citation)
        if attributes is None:
            return None
        return "<a" + "".join(f' {n}="{_escape(v)}"' for n, v in attributes.items()) + ">"

    @cached_property
    def _fixed(self) -> str:
        """The attributes that are the same on every link."""
        fixed = (("class", self.css_class), ("rel", self.rel), ("target", self.target))
        return "".join(f' {n}="{_escape(v)}"' for n, v in fixed if v is not None)

    @staticmethod
    def _data(citation: Citation) -> str:
        found = citation.id
        identifier = f' data-citation-id="{_escape(found)}"' if found is not None else ""
        return f'{identifier} data-citation-kind="{_escape(citation.kind)}"'

    def markdown_close(self, citation: Citation) -> str | None:
        """What follows the link text in Markdown: ``](url "title")``; ``None`` for no link."""
        attributes = self.html_attributes(citation)
        if attributes is None:
            return None
        destination = _markdown_destination(attributes["href"])
        title = attributes.get("title")
        if title:
            return f']({destination} "{_markdown_escape(title, _TITLE_SPECIALS)}")'
        return f"]({destination})"


def _escape(value: str) -> str:
    return value if _HTML_SPECIAL.search(value) is None else html.escape(value, quote=True)


_HTML_SPECIAL = re.compile("[&<>\"']")


_ATTRIBUTE_NAME = re.compile(r"[A-Za-z_:][-A-Za-z0-9_:.]*")


# --- placements -----------------------------------------------------------------


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
    layout: Layout, citations: Iterable[Citation], *, outward: bool = False
) -> list[Placement]:
    """Where the links of ``citations`` (found in ``layout.text``) go in ``layout.source``.

    Citations in text that may not be linked, or that cross a block
    boundary, are left out, and so is any that would overlap one before it.
    ``outward`` prefers wrapping an inline element whose text is exactly the
    citation to linking inside it (Markdown needs it: ``[**§ 5**](...)``).
    """
    placements: list[Placement] = []
    floor = 0
    for citation in citations:
        place = _place(layout, citation.start, citation.end, outward)
        if place is None or place[0] < floor:
            continue
        placements.append(Placement(citation, place[0], place[1], place[2]))
        floor = place[1]
    return placements


_Place = tuple[int, int, tuple[tuple[int, int], ...]]
_SPACES = " \t\n\r\f"


def _place(layout: Layout, start: int, end: int, outward: bool) -> _Place | None:
    if start >= end:
        return None
    starts, flags = layout.starts, layout.flags
    first = bisect_right(starts, start) - 1
    last = bisect_right(starts, end - 1) - 1
    if first < 0 or any(flags[i] & NOLINK for i in range(first, last + 1)):
        return None  # text that may not be linked, or a block boundary
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
        return None
    if not cuts:
        return s, e, ((s, e),)
    pieces = _split(layout, s, e, cuts)
    if any(_cuts(layout, layout.tokens_between(a, b)) != [] for a, b in pieces):
        pieces = _split(layout, s, e, tokens)  # mis-nested source: link each stretch of text
    kept = [piece for piece in (_trim(layout, a, b) for a, b in pieces) if piece is not None]
    if not kept:
        return None
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
    while a < b and source[a] in _SPACES and not layout.in_token(a):
        a += 1
    while a < b and source[b - 1] in _SPACES and not layout.in_token(b - 1):
        b -= 1
    position = a
    for k in layout.tokens_between(a, b):
        if source[position : layout.tok_starts[k]].strip(_SPACES):
            return a, b
        position = layout.tok_ends[k]
    return (a, b) if source[position:b].strip(_SPACES) else None


def _citations(
    text: str, finder: Finder | None, this_title: str | None, cases: bool
) -> list[Citation]:
    return ReaderText(text).citations(finder, this_title=this_title, cases=cases)


def _in_reader_text(
    layout: Layout,
    finder: Finder | None,
    this_title: str | None,
    cases: bool,
    across_blocks: bool = False,
) -> list[Citation]:
    return ReaderText(layout.source, layout).citations(
        finder, this_title=this_title, cases=cases, across_blocks=across_blocks
    )


def find_in_document(
    source: str,
    input_format: str = "text",
    *,
    finder: Finder | None = None,
    this_title: str | None = None,
    cases: bool = False,
) -> list[Citation]:
    """The citations of a text, HTML or Markdown document, with spans in ``source``
    (the same as :func:`citelink.documents.find`)."""
    return find(source, input_format, finder=finder, this_title=this_title, cases=cases)


def _insert(
    source: str,
    placements: Iterable[Placement],
    markup: Callable[[Citation], tuple[str, str] | None],
) -> str:
    """``source`` with each placement's pieces wrapped in ``markup(citation)``."""
    out: list[str] = []
    position = 0
    for placement in placements:
        wrap = markup(placement.citation)
        if wrap is None:
            continue
        before, after = wrap
        for a, b in placement.pieces:
            out += (source[position:a], before, source[a:b], after)
            position = b
    out.append(source[position:])
    return "".join(out)


# --- HTML ---------------------------------------------------------------------------


def _html_layout(source: str, skip: Iterable[str] | None) -> Layout:
    return read_html(source, DEFAULT_SKIP if skip is None else skip)


def find_in_html(
    source: str,
    *,
    this_title: str | None = None,
    finder: Finder | None = None,
    cases: bool = False,
    skip: Iterable[str] | None = None,
) -> list[Citation]:
    """The citations in the text a reader sees in an HTML document.

    Spans are offsets into that text (entities decoded, tags removed, a
    blank line where a block ends); :func:`locate_html` gives source spans.
    """
    return _in_reader_text(_html_layout(source, skip), finder, this_title, cases)


def locate_html(
    source: str,
    *,
    this_title: str | None = None,
    finder: Finder | None = None,
    cases: bool = False,
    skip: Iterable[str] | None = None,
    only_inside: str | None = None,
) -> list[Placement]:
    """Where each citation of an HTML document may be linked, as source spans.

    ``skip`` names the elements whose text is never linked (default:
    :data:`~citelink.markup.DEFAULT_SKIP`; links, form controls, SVG, MathML
    and raw-text elements are always skipped). ``only_inside`` is an XPath
    expression: only text inside the elements it selects is linked (for
    example ``//article``). Placements are found for every citation that
    may be linked, whether or not it has a URL. ``cases=True`` finds case law
    too (through eyecite, which must be installed).
    """
    layout = read_html(
        source, DEFAULT_SKIP if skip is None else skip, every_tag=only_inside is not None
    )
    placements = locate(
        layout,
        _in_reader_text(layout, finder, this_title, cases, across_blocks=True),
    )
    if only_inside is not None:
        regions = _regions(layout, only_inside)
        placements = [p for p in placements if _inside(regions, p.start, p.end)]
    return placements


def annotate_html(
    source: str,
    *,
    links: Links | None = None,
    this_title: str | None = None,
    finder: Finder | None = None,
    cases: bool = False,
    skip: Iterable[str] | None = None,
    only_inside: str | None = None,
) -> str:
    """An HTML document with a link on every citation; nothing else changes.

    The arguments are those of :func:`locate_html`, and ``links``, how the
    links look (:class:`Links`).
    """
    style = links or Links()
    placements = locate_html(
        source,
        this_title=this_title,
        finder=finder,
        cases=cases,
        skip=skip,
        only_inside=only_inside,
    )

    def markup(citation: Citation) -> tuple[str, str] | None:
        opening = style.html_open(citation)
        return None if opening is None else (opening, "</a>")

    return _insert(source, placements, markup)


def text_to_html(
    text: str,
    *,
    links: Links | None = None,
    this_title: str | None = None,
    finder: Finder | None = None,
    cases: bool = False,
) -> str:
    """Plain text as HTML: the text escaped, with a link on every citation."""
    style = links or Links()
    citations = _citations(text, finder, this_title, cases)
    out: list[str] = []
    position = 0
    for citation in citations:
        opening = style.html_open(citation)
        if opening is None or citation.start < position:
            continue
        out += (
            html.escape(text[position : citation.start], quote=False),
            opening,
            html.escape(citation.text, quote=False),
            "</a>",
        )
        position = citation.end
    out.append(html.escape(text[position:], quote=False))
    return "".join(out)


# --- XPath regions ----------------------------------------------------------------

_MARK = "data-citelink-at"


def _regions(layout: Layout, xpath: str) -> list[tuple[int, int]]:
    """The source spans of the elements that ``xpath`` selects, merged and sorted.

    The source is parsed with lxml once more, with each start tag marked
    with its position, so that the selected elements map back to our
    tokens. An element that lxml implied (no start tag in the source) counts
    only if it is the document's ``html`` or ``body``: then it is everything.
    """
    from lxml import etree  # only this feature needs the parse

    source = layout.source
    marked: list[str] = []
    position = 0
    for k, start in enumerate(layout.tok_starts):
        name = layout.tok_names[k]
        if name and source[start + 1 : start + 2] != "/":
            at = start + 1 + len(name)
            marked += (source[position:at], f' {_MARK}="{k}"')
            position = at
    marked.append(source[position:])
    parser = etree.HTMLParser(encoding="utf-8")
    root = etree.fromstring("".join(marked).encode("utf-8"), parser)
    if root is None:
        return []
    try:
        selected = root.xpath(xpath)
    except etree.XPathError as error:
        raise ValueError(f"bad XPath expression {xpath!r}: {error}") from None
    if not isinstance(selected, list):
        raise ValueError(f"XPath expression {xpath!r} does not select elements")
    regions: list[tuple[int, int]] = []
    for element in selected:
        if not isinstance(element, etree._Element):
            continue
        mark = element.get(_MARK)
        if mark is None:
            if element.tag in ("html", "body"):
                regions.append((0, len(source)))
            continue
        k = int(mark)
        partner = layout.tok_partners[k]
        if partner >= 0:
            end = layout.tok_ends[partner]
        else:
            end = len(source)
            for following in element.iterfind(f"following::*[@{_MARK}]"):
                end = layout.tok_starts[int(following.get(_MARK, ""))]
                break
        regions.append((layout.tok_starts[k], end))
    regions.sort()
    merged: list[tuple[int, int]] = []
    for start, end in regions:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _inside(regions: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect_right(regions, start, key=_first) - 1
    return i >= 0 and end <= regions[i][1]


_first = itemgetter(0)


# --- Markdown ---------------------------------------------------------------------

_LINK_TEXT_SPECIALS = frozenset("\\[]`*_<>&!")
_TITLE_SPECIALS = frozenset('\\"|')
_BRACKETS = re.compile(r"(?<!\\)(?:\\\\)*[\[\]]")


def _markdown_escape(text: str, specials: frozenset[str]) -> str:
    return "".join("\\" + c if c in specials else c for c in text)


def _markdown_destination(url: str) -> str:
    """A URL as a Markdown link destination (parentheses escaped, brackets encoded)."""
    return _markdown_escape(url.translate(_URL_ENCODE), _DESTINATION_SPECIALS)


_URL_ENCODE = str.maketrans({"<": "%3C", ">": "%3E", "|": "%7C", "\\": "%5C"})
_DESTINATION_SPECIALS = frozenset("()")


def find_in_markdown(
    source: str,
    *,
    this_title: str | None = None,
    finder: Finder | None = None,
    cases: bool = False,
) -> list[Citation]:
    """The citations in the text a reader sees in a Markdown document."""
    return _in_reader_text(read_markdown(source), finder, this_title, cases)


def locate_markdown(
    source: str,
    *,
    this_title: str | None = None,
    finder: Finder | None = None,
    cases: bool = False,
) -> list[Placement]:
    """Where each citation of a Markdown document may be linked, as source spans.

    Code spans, fenced and indented code, HTML blocks, existing links and
    autolinks are never linked; nor is text whose link would need brackets
    in it.
    """
    layout = read_markdown(source)
    citations = _in_reader_text(layout, finder, this_title, cases, across_blocks=True)
    placements = locate(layout, citations, outward=True)
    return [p for p in placements if _markdown_safe(layout, p)]


def _markdown_safe(layout: Layout, placement: Placement) -> bool:
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
    return True


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


def annotate_markdown(
    source: str,
    *,
    links: Links | None = None,
    this_title: str | None = None,
    finder: Finder | None = None,
    cases: bool = False,
) -> str:
    """A Markdown document with a link on every citation; nothing else changes."""
    style = links or Links()
    placements = locate_markdown(source, this_title=this_title, finder=finder, cases=cases)

    def markup(citation: Citation) -> tuple[str, str] | None:
        closing = style.markdown_close(citation)
        return None if closing is None else ("[", closing)

    return _insert(source, placements, markup)


def text_to_markdown(
    text: str,
    *,
    links: Links | None = None,
    this_title: str | None = None,
    finder: Finder | None = None,
    cases: bool = False,
) -> str:
    """Plain text as Markdown: each citation becomes ``[text](url "title")``.

    The rest of the text is left as it is; the citation's text is escaped
    where Markdown would read it as markup.
    """
    style = links or Links()
    citations = _citations(text, finder, this_title, cases)
    out: list[str] = []
    position = 0
    for citation in citations:
        closing = style.markdown_close(citation)
        if closing is None or citation.start < position:
            continue
        out += (
            text[position : citation.start],
            "[",
            _markdown_escape(citation.text, _LINK_TEXT_SPECIALS),
            closing,
        )
        position = citation.end
    out.append(text[position:])
    return "".join(out)


# --- any format ---------------------------------------------------------------------


def annotate(
    document: str,
    *,
    input_format: str = "text",
    output_format: str | None = None,
    links: Links | None = None,
    this_title: str | None = None,
    finder: Finder | None = None,
    cases: bool = False,
) -> str:
    """Link the citations of a document; HTML and Markdown come back in their own format.

    ``input_format`` is "text", "html" or "markdown"; plain text may become
    "html" (the default) or "markdown". Other combinations are a ``ValueError``.
    ``cases=True`` links case law too (through eyecite, which must be installed).
    """
    default = "html" if input_format == "text" else input_format
    convert = _CONVERSIONS.get((input_format, output_format or default))
    if convert is None:
        raise ValueError(f"cannot turn {input_format} into {output_format}")
    return convert(document, links=links, this_title=this_title, finder=finder, cases=cases)


_CONVERSIONS: dict[tuple[str, str], Callable[..., str]] = {
    ("text", "html"): text_to_html,
    ("text", "markdown"): text_to_markdown,
    ("html", "html"): annotate_html,
    ("markdown", "markdown"): annotate_markdown,
}
