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
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from citelink.documents.reader import ReaderText, find
from citelink.finder import Finder
from citelink.markup import (
    DEFAULT_SKIP,
    Layout,
    read_html,
    read_markdown,
)
from citelink.markup.placement import Placement, locate, markdown_safe
from citelink.markup.regions import inside_regions, xpath_regions
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
        regions = xpath_regions(layout, only_inside)
        placements = [p for p in placements if inside_regions(regions, p.start, p.end)]
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


# --- Markdown ---------------------------------------------------------------------

_LINK_TEXT_SPECIALS = frozenset("\\[]`*_<>&!")
_TITLE_SPECIALS = frozenset('\\"|')


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
    return [p for p in placements if markdown_safe(layout, p)]


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
