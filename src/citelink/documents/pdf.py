"""PDF documents: the text layer, page by page, read as a reader reads it.

The text layer is taken out with pypdf (``pip install 'citelink[pdf]'``): pure
Python, no system library, and its per-page text keeps the lines, which is
what the rest needs. The pages are joined with a form feed (``\\f``), as
pdftotext does; a citation's span is in that text and its record names its
page. The text a reader sees (:func:`read_pdf_text`) is built from it:

* a word hyphenated at a line's end is joined (``immigra-`` / ``tion``); a
  hyphen between numbers is kept and the line joined (``2000e-`` / ``2`` is
  section 2000e-2);
* running headers and footers — a line at the top or the bottom of a page that
  recurs on other pages, digits aside ("Page 3 of 12", a case caption) — and
  bare page numbers are left out, so they neither break a citation that runs
  over a page nor make citations of their own;
* a line break is a space; a blank line ends a paragraph (pypdf marks none: a gap
  between lines wider than the page's usual spacing is taken for one).

A PDF without a text layer (a scan) is an :class:`InputError` that says so;
pages without text in a PDF that has some are named in a note.
"""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from citelink.documents.files import InputError
from citelink.markup import Layout

#: Lines looked at, at each end of a page, for running headers and footers.
_EDGE_LINES = 2
#: A bare page number, or "Page 3 (of 12)", "- 3 -".
_PAGE_NUMBER = re.compile(r"[\s\-–—]*(?:page\s+)?\d{1,5}(?:\s+of\s+\d{1,5})?[\s\-–—]*", re.I)
_DIGITS = re.compile(r"\d+")
#: A soft hyphen at a line's end: a letter, "-", then a lower-case letter on the next line.
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class PdfText:
    """A PDF's text layer (pages joined by ``\\f``) and where each page starts."""

    text: str
    #: The offset in ``text`` where each page starts (the first is 0).
    page_starts: tuple[int, ...]
    #: What the user should know (pages without text).
    notes: tuple[str, ...] = ()


def read_pdf(data: bytes, name: str) -> PdfText:
    """The text layer of a PDF file's bytes; an :class:`InputError` if it has none."""
    try:
        from pypdf import PdfReader
    except ImportError:
        raise InputError(f"{name}: reading PDF needs pypdf: pip install 'citelink[pdf]'") from None
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{name}: the PDF is encrypted")
        count = len(reader.pages)
    except InputError:
        raise
    except Exception as error:  # pypdf reports a damaged file in many ways
        raise InputError(f"{name}: not a readable PDF ({type(error).__name__}: {error})") from None
    if not count:
        raise InputError(f"{name}: the PDF has no pages")
    pages, unreadable = [], []
    for number in range(count):
        try:
            pages.append(_clean(_page_text(reader.pages[number])))
        except Exception:  # one damaged page: said, and the others are read
            pages.append("")
            unreadable.append(number + 1)
    empty = [
        number
        for number, page in enumerate(pages, 1)
        if not page.strip() and number not in unreadable
    ]
    if len(unreadable) == len(pages):
        raise InputError(f"{name}: not a readable PDF (no page could be read)")
    if len(empty) + len(unreadable) == len(pages):
        raise InputError(
            f"{name}: no text layer in {len(pages)} page(s): a scanned PDF? (run OCR on it first,"
            " e.g. ocrmypdf)"
        )
    notes: list[str] = []
    if empty:
        notes.append(f"{name}: no text layer on page(s) {_shown(empty)} (scanned?): not read")
    if unreadable:
        notes.append(f"{name}: page(s) {_shown(unreadable)} could not be read: skipped")
    starts, offset = [], 0
    for text in pages:
        starts.append(offset)
        offset += len(text) + 1
    return PdfText("\f".join(pages), tuple(starts), tuple(notes))


def _shown(numbers: list[int]) -> str:
    return ", ".join(map(str, numbers[:10])) + (" ..." if len(numbers) > 10 else "")


def _page_text(page: Any) -> str:
    """A page's text as pypdf takes it out, with a blank line where the gap between two
    lines is wider than the page's usual line spacing (pypdf leaves paragraphs unmarked,
    and without them a short form would reach back over the whole document)."""
    fragments: list[tuple[str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: Any) -> None:
        fragments.append((text, tm[4] * cm[1] + tm[5] * cm[3] + cm[5]))

    page.extract_text(visitor_text=visit)
    lines: list[tuple[str, float | None]] = []
    current: list[str] = []
    top: float | None = None
    for text, y in fragments:
        for index, part in enumerate(text.split("\n")):
            if index:
                lines.append(("".join(current), top))
                current, top = [], None
            current.append(part)
            if top is None and part.strip():
                top = y
    lines.append(("".join(current), top))
    heights = [y for _, y in lines if y is not None]
    gaps = [above - below for above, below in pairwise(heights) if above > below]
    spacing = statistics.median(gaps) if gaps else 0.0
    shown = [lines[0][0]]
    previous = lines[0][1]
    for line, height in lines[1:]:
        if height is not None and previous is not None and previous - height > 1.6 * spacing:
            shown.append("")
        shown.append(line)
        previous = height if height is not None else previous
    return "\n".join(shown)


def _clean(page: str) -> str:
    """A page's text with its own form feeds and carriage returns made line breaks."""
    return page.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")


def read_pdf_text(source: str) -> Layout:
    """The reader's text of a PDF's text layer (pages joined by ``\f``), mapped to it."""
    lines = _lines(source)
    running = _running(source, lines)
    layout = Layout(source, "text")
    kept = [(s, e) for s, e, _, edges in lines if not _dropped(source, s, e, edges, running)]
    for i, (start, end) in enumerate(kept):
        following = kept[i + 1][0] if i + 1 < len(kept) else None
        if following is not None and _paragraph_ends(source, end, following):
            layout.add_text(start, end, 0)
            layout.add_break(end)
            continue
        if following is not None and source[end - 1] == "-":
            before = source[end - 2] if end - start >= 2 else ""
            after = source[following]
            if _LETTER.match(before) and after.islower():  # immigra-/tion
                layout.add_text(start, end - 1, 0)
                continue
            if before.isalnum() and after.isdigit():  # 2000e-/2, 104-/208
                layout.add_text(start, end, 0)
                continue
        layout.add_text(start, end, 0)
        if following is not None:
            layout.add_text(end, end + 1, 0)  # the line break itself: a space to the finder
    return layout.finish()


#: A line's place at a page's edge: ("top", 0) is the first line, ("bottom", 0) the last.
_Edge = tuple[str, int]


def _lines(source: str) -> list[tuple[int, int, int, tuple[_Edge, ...]]]:
    """Every non-blank line: ``(start, end, page, edges)``, ``edges`` its places among the
    first and the last :data:`_EDGE_LINES` lines of its page."""
    found: list[tuple[int, int, int, tuple[_Edge, ...]]] = []
    page_start = 0
    for page_number, page in enumerate(source.split("\f")):
        spans = []
        position = page_start
        for line in page.split("\n"):
            if line.strip():
                spans.append((position, position + len(line)))
            position += len(line) + 1
        for index, (start, end) in enumerate(spans):
            from_end = len(spans) - 1 - index
            edges = tuple(
                edge for edge in (("top", index), ("bottom", from_end)) if edge[1] < _EDGE_LINES
            )
            found.append((start, end, page_number, edges))
        page_start += len(page) + 1
    return found


def _shape(line: str) -> str:
    """A line with its numbers blanked: "Page 3 of 12" and "Page 4 of 12" are one shape."""
    return _DIGITS.sub("#", " ".join(line.split()))


def _running(
    source: str, lines: list[tuple[int, int, int, tuple[_Edge, ...]]]
) -> set[tuple[_Edge, str]]:
    """Lines in one place at a page's edge, numbers aside, on many pages: running heads."""
    pages = {page for _, _, page, _ in lines}
    if len(pages) < 3:
        return set()
    seen = {(page, edge, _shape(source[s:e])) for s, e, page, edges in lines for edge in edges}
    counts = Counter((edge, shape) for _, edge, shape in seen)
    least = max(3, len(pages) // 3)
    return {key for key, count in counts.items() if count >= least}


def _dropped(
    source: str, start: int, end: int, edges: tuple[_Edge, ...], running: set[tuple[_Edge, str]]
) -> bool:
    if not edges:
        return False
    line = source[start:end]
    if _PAGE_NUMBER.fullmatch(line) is not None:
        return True
    shape = _shape(line)
    return any((edge, shape) in running for edge in edges)


def _paragraph_ends(source: str, end: int, following: int) -> bool:
    """Whether a blank line lies between two lines (on one page)."""
    between = source[end:following]
    return "\f" not in between and between.count("\n") >= 2
