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
from collections import Counter
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


# --- what was linked -----------------------------------------------------------


@dataclass(frozen=True)
class Annotated:
    """A document with links on its citations, and what was and was not linked.

    ``linked`` are the citations that got a link; ``unlinked`` the others, each
    with why (``"inside a link"``, ``"in code"``, ``"no public URL"``...). Every
    citation found in the document is in one of the two.
    """

    document: str
    linked: tuple[Citation, ...]
    unlinked: tuple[tuple[Citation, str], ...]

    @property
    def found(self) -> int:
        """How many citations the document has (what ``extract`` reports)."""
        return len(self.linked) + len(self.unlinked)

    def reasons(self) -> dict[str, int]:
        """How many citations were left unlinked for each reason, most common first."""
        counts = Counter(why for _, why in self.unlinked)
        return dict(counts.most_common())

    def summary(self) -> str:
        """One line: ``12 citations, 10 linked; 2 not linked (1 inside a link, 1 in code)``."""
        found = f"{self.found} citation{'s' if self.found != 1 else ''}, {len(self.linked)} linked"
        if not self.unlinked:
            return found
        reasons = ", ".join(f"{count} {why}" for why, count in self.reasons().items())
        return f"{found}; {len(self.unlinked)} not linked ({reasons})"


class _Report:
    """The citations linked and left unlinked while a document is annotated."""

    def __init__(self) -> None:
        self.linked: list[Citation] = []
        self.unlinked: list[tuple[Citation, str]] = []

    def skip(self, citation: Citation, why: str) -> None:
        self.unlinked.append((citation, why))

    def result(self, document: str) -> Annotated:
        unlinked = sorted(self.unlinked, key=lambda pair: pair[0].start)
        return Annotated(document, tuple(self.linked), tuple(unlinked))


@dataclass(frozen=True)
class _Reading:
    """How a document's citations are found: the finder (``None``: the shared one), the
    title "of this title" means, and whether case law is found too."""

    finder: Finder | None = None
    this_title: str | None = None
    cases: bool = False

    def citations(self, source: str, layout: Layout | None = None) -> list[Citation]:
        """The citations of a document, in its reader's text (those across a block
        boundary left out, as ``extract`` leaves them out)."""
        return ReaderText(source, layout).citations(
            self.finder, this_title=self.this_title, cases=self.cases
        )


def _no_link_reason(citation: Citation, style: Links) -> str:
    """Why ``style`` makes no link for ``citation``."""
    if style.attributes is not None and style.attributes(citation) is None:
        return "left out by Links.attributes"
    if citation.url is None:
        return "no public URL" if citation.resolved else "unresolved"
    return "URL not http(s)"


def _insert(
    source: str,
    placements: Iterable[Placement],
    markup: Callable[[Citation], tuple[str, str] | None],
    style: Links,
    report: _Report,
) -> str:
    """``source`` with each placement's pieces wrapped in ``markup(citation)``."""
    out: list[str] = []
    position = 0
    for placement in placements:
        wrap = markup(placement.citation)
        if wrap is None:
            report.skip(placement.citation, _no_link_reason(placement.citation, style))
            continue
        report.linked.append(placement.citation)
        before, after = wrap
        for a, b in placement.pieces:
            out += (source[position:a], before, source[a:b], after)
            position = b
    out.append(source[position:])
    return "".join(out)


def _convert(
    text: str,
    bounds: tuple[int, int],
    style: Links,
    reading: _Reading,
    report: _Report,
    plain: Callable[[str, bool], str],
    link: Callable[[Citation], tuple[str, str, str] | None],
) -> str:
    """``text[start:stop]`` in another format: ``plain(piece, at_line_start)`` writes the text
    between citations, ``link`` a citation as (opening, its text, closing), or ``None``."""
    start, stop = bounds
    out: list[str] = []
    position = start
    for citation in reading.citations(text):
        wrap = link(citation)
        if wrap is None:
            report.skip(citation, _no_link_reason(citation, style))
            continue
        if citation.start < position or citation.end > stop:
            report.skip(citation, "overlaps the citation before it")
            continue
        report.linked.append(citation)
        out += (plain(text[position : citation.start], _at_line_start(text, position)), *wrap)
        position = citation.end
    out.append(plain(text[position:stop], _at_line_start(text, position)))
    return "".join(out)


def _at_line_start(text: str, position: int) -> bool:
    return position == 0 or text[position - 1] in "\r\n"


# --- HTML ---------------------------------------------------------------------------


def _place_html(
    source: str,
    reading: _Reading,
    report: _Report,
    skip: Iterable[str] | None,
    only_inside: str | None,
) -> list[Placement]:
    """Where each citation of an HTML document may be linked; the others go to ``report``."""
    skipped = DEFAULT_SKIP if skip is None else skip
    layout = read_html(source, skipped, every_tag=only_inside is not None)
    placements = locate(layout, reading.citations(source, layout), unplaced=report.unlinked)
    if only_inside is None:
        return placements
    regions = xpath_regions(layout, only_inside)
    inside = []
    for placement in placements:
        if inside_regions(regions, placement.start, placement.end):
            inside.append(placement)
        else:
            report.skip(placement.citation, "outside only_inside")
    return inside


def _link_html(
    source: str,
    style: Links,
    reading: _Reading,
    skip: Iterable[str] | None = None,
    only_inside: str | None = None,
) -> Annotated:
    report = _Report()
    placements = _place_html(source, reading, report, skip, only_inside)

    def markup(citation: Citation) -> tuple[str, str] | None:
        opening = style.html_open(citation)
        return None if opening is None else (opening, "</a>")

    return report.result(_insert(source, placements, markup, style, report))


# --- plain text into HTML -------------------------------------------------------------

# A line break is CR LF, LF or CR, and CR LF only ever one (never CR, then LF); a blank
# line between two lines ends a paragraph.
_BREAKS = re.compile(r"(?:\r?\n|\r(?!\n))(?P<blank>(?:[ \t\f\v]*(?:\r?\n|\r(?!\n)))+)?")
_LINE_BREAK = re.compile(r"\r?\n|\r(?!\n)")


def _escape_html_text(text: str) -> str:
    """Plain text as HTML text: escaped, a ``<br>`` at each line break and a new
    paragraph at each blank line (the start and end of the document excepted)."""
    escaped = html.escape(text, quote=False)
    return _BREAKS.sub(lambda m: "</p>\n<p>" if m.group("blank") else "<br>\n", escaped)


def _html_document(body: str, text: str) -> str:
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    title = html.escape(first_line[:80] + ("…" if len(first_line) > 80 else ""), quote=False)
    return (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def _text_as_html(text: str, style: Links, reading: _Reading, fragment: bool) -> Annotated:
    report = _Report()

    def link(citation: Citation) -> tuple[str, str, str] | None:
        opening = style.html_open(citation)
        return None if opening is None else (opening, _escape_html_text(citation.text), "</a>")

    def plain(piece: str, at_line_start: bool) -> str:
        return _escape_html_text(piece)

    # The paragraphs as the reader sees them: blank lines before the first and after the
    # last are none.
    start = len(text) - len(text.lstrip("\r\n"))
    stop = len(text.rstrip("\r\n"))
    inner = _convert(text, (start, max(start, stop)), style, reading, report, plain, link)
    body = f"<p>{inner}</p>" if stop > start else ""
    return report.result(body + "\n" if fragment else _html_document(body, text))


# --- Markdown -------------------------------------------------------------------------

_LINK_TEXT_SPECIALS = frozenset("\\[]`*_<>&!")
_TITLE_SPECIALS = frozenset('\\"|')
#: Characters that are Markdown syntax anywhere in a line (CommonMark and GFM's ~ and |).
_INLINE_SPECIALS = re.compile(r"[\\`*_\[\]<>&~|!]")
#: What Markdown reads as a block at the start of a line: headings, quotes, list
#: markers, setext underlines, thematic breaks, fences, table and HTML syntax.
_LINE_START_SPECIAL = re.compile(r"[#>+=\-:]|\d{1,9}(?=[.)])")


def _markdown_escape(text: str, specials: frozenset[str]) -> str:
    return "".join("\\" + c if c in specials else c for c in text)


def _markdown_destination(url: str) -> str:
    """A URL as a Markdown link destination (parentheses escaped, brackets encoded)."""
    return _markdown_escape(url.translate(_URL_ENCODE), _DESTINATION_SPECIALS)


_URL_ENCODE = str.maketrans({"<": "%3C", ">": "%3E", "|": "%7C", "\\": "%5C"})
_DESTINATION_SPECIALS = frozenset("()")


def _place_markdown(source: str, reading: _Reading, report: _Report) -> list[Placement]:
    """Where each citation of a Markdown document may be linked; the others go to ``report``."""
    layout = read_markdown(source)
    citations = reading.citations(source, layout)
    placements = locate(layout, citations, outward=True, unplaced=report.unlinked)
    safe = []
    for placement in placements:
        if markdown_safe(layout, placement):
            safe.append(placement)
        else:
            report.skip(placement.citation, "Markdown syntax around it")
    return safe


def _link_markdown(source: str, style: Links, reading: _Reading) -> Annotated:
    report = _Report()
    placements = _place_markdown(source, reading, report)

    def markup(citation: Citation) -> tuple[str, str] | None:
        closing = style.markdown_close(citation)
        return None if closing is None else ("[", closing)

    return report.result(_insert(source, placements, markup, style, report))


# --- plain text into Markdown ---------------------------------------------------------


def _escape_markdown_text(text: str, at_line_start: bool) -> str:
    """Plain text as Markdown that renders as that text.

    Syntax characters are backslash-escaped, indentation (which would make code)
    is dropped as a browser drops it, and each line break inside a paragraph
    becomes a hard break.
    """
    lines = _LINE_BREAK.split(text)
    out = []
    for i, line in enumerate(lines):
        line = _INLINE_SPECIALS.sub(lambda m: "\\" + m.group(), line)
        if i > 0 or at_line_start:
            line = line.lstrip(" \t")
            special = _LINE_START_SPECIAL.match(line)
            if special is not None:  # "1." is escaped after its digits, "#" before itself
                cut = special.end() if special.group()[0].isdigit() else 0
                line = line[:cut] + "\\" + line[cut:]
        out.append(line)
    return _join_markdown_lines(out)


def _join_markdown_lines(lines: list[str]) -> str:
    pieces: list[str] = []
    for i, line in enumerate(lines):
        pieces.append(line)
        if i + 1 < len(lines):
            hard = line.strip() and lines[i + 1].strip()
            pieces.append("\\\n" if hard else "\n")
    return "".join(pieces)


def _text_as_markdown(text: str, style: Links, reading: _Reading) -> Annotated:
    report = _Report()

    def link(citation: Citation) -> tuple[str, str, str] | None:
        closing = style.markdown_close(citation)
        if closing is None:
            return None
        return "[", _markdown_escape(citation.text, _LINK_TEXT_SPECIALS), closing

    def plain(piece: str, at_line_start: bool) -> str:
        return _escape_markdown_text(piece, at_line_start)

    return report.result(_convert(text, (0, len(text)), style, reading, report, plain, link))


# --- any format -----------------------------------------------------------------------


def link_document(
    document: str,
    *,
    input_format: str = "text",
    output_format: str | None = None,
    links: Links | None = None,
    this_title: str | None = None,
    finder: Finder | None = None,
    cases: bool = False,
    fragment: bool = False,
    skip: Iterable[str] | None = None,
    only_inside: str | None = None,
) -> Annotated:
    """Link the citations of a document and say what was and was not linked.

    ``input_format`` is "text", "html" or "markdown"; HTML and Markdown come back in
    their own format, plain text becomes ``output_format`` "html" (the default: a
    complete document, or its paragraphs alone with ``fragment``) or "markdown".
    ``skip`` and ``only_inside`` (HTML only) are those of :func:`locate_html`. The
    result holds the document and, for every citation found, whether it was linked and
    if not why. ``cases=True`` links case law too (through eyecite).
    """
    style = links or Links()
    reading = _Reading(finder, this_title, cases)
    output = output_format or ("html" if input_format == "text" else input_format)
    if (skip is not None or only_inside is not None) and input_format != "html":
        raise ValueError("skip and only_inside apply to HTML only")
    if (input_format, output) == ("html", "html"):
        return _link_html(document, style, reading, skip, only_inside)
    if (input_format, output) == ("markdown", "markdown"):
        return _link_markdown(document, style, reading)
    if (input_format, output) == ("text", "html"):
        return _text_as_html(document, style, reading, fragment)
    if (input_format, output) == ("text", "markdown"):
        return _text_as_markdown(document, style, reading)
    if input_format not in ("text", "html", "markdown"):
        raise ValueError(f"unknown input format {input_format!r}")
    raise ValueError(f"cannot turn {input_format} into {output_format}")


# --- the names of the last release, kept for one more ---------------------------------


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
    reading = _Reading(finder, this_title, cases)
    return _link_html(source, links or Links(), reading, skip, only_inside).document


def annotate_markdown(
    source: str,
    *,
    links: Links | None = None,
    this_title: str | None = None,
    finder: Finder | None = None,
    cases: bool = False,
) -> str:
    """A Markdown document with a link on every citation; nothing else changes."""
    return _link_markdown(source, links or Links(), _Reading(finder, this_title, cases)).document


def text_to_html(
    text: str,
    *,
    links: Links | None = None,
    this_title: str | None = None,
    finder: Finder | None = None,
    cases: bool = False,
    fragment: bool = False,
) -> str:
    """Plain text as an HTML document with a link on every citation.

    The text is escaped; each blank line starts a new paragraph and each line
    break is kept (``<br>``). The result is a complete document (doctype, UTF-8
    charset, the first line as its title) unless ``fragment`` asks for the
    paragraphs alone.
    """
    reading = _Reading(finder, this_title, cases)
    return _text_as_html(text, links or Links(), reading, fragment).document


def text_to_markdown(
    text: str,
    *,
    links: Links | None = None,
    this_title: str | None = None,
    finder: Finder | None = None,
    cases: bool = False,
) -> str:
    """Plain text as Markdown that renders as the text, each citation a link.

    Markdown syntax in the text is escaped, so ``<two> & *not emphasis*``
    renders as written; line breaks are kept as hard breaks, blank lines as
    paragraphs.
    """
    reading = _Reading(finder, this_title, cases)
    return _text_as_markdown(text, links or Links(), reading).document


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
    may be linked, whether or not it has a URL.
    """
    reading = _Reading(finder, this_title, cases)
    return _place_html(source, reading, _Report(), skip, only_inside)


def locate_markdown(
    source: str,
    *,
    this_title: str | None = None,
    finder: Finder | None = None,
    cases: bool = False,
) -> list[Placement]:
    """Where each citation of a Markdown document may be linked, as source spans.

    Front matter, code spans, fenced and indented code, HTML blocks, existing
    links and autolinks are never linked; nor is text whose link would need
    brackets in it.
    """
    return _place_markdown(source, _Reading(finder, this_title, cases), _Report())


def find_in_html(
    source: str,
    *,
    this_title: str | None = None,
    finder: Finder | None = None,
    cases: bool = False,
    skip: Iterable[str] | None = None,
) -> list[Citation]:
    """The citations in the text a reader sees in an HTML document, with spans in that
    text (``citelink.find(source, "html")`` gives them in the source)."""
    layout = read_html(source, DEFAULT_SKIP if skip is None else skip)
    return _Reading(finder, this_title, cases).citations(source, layout)


def find_in_markdown(
    source: str,
    *,
    this_title: str | None = None,
    finder: Finder | None = None,
    cases: bool = False,
) -> list[Citation]:
    """The citations in the text a reader sees in a Markdown document."""
    return _Reading(finder, this_title, cases).citations(source, read_markdown(source))


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
