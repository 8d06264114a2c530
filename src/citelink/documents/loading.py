"""A file as citelink reads it: its text, the format to read that text in, and notes.

Text, HTML, Markdown and XML files are decoded (``encoding`` "auto": UTF-8, else
the encoding detected, see :mod:`citelink.documents.encodings`). Word and PDF
files are binary: their text is taken out (:mod:`citelink.documents.docx`,
:mod:`citelink.documents.pdf`) and citations' spans are in that text, whose
paragraphs (Word) or pages (PDF) records name (:func:`location`).
"""

from __future__ import annotations

import codecs
import os
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from citelink.documents.encodings import AUTO
from citelink.documents.files import (
    InputError,
    decode,
    decode_auto,
    display_path,
    input_format,
    read_bytes,
)
from citelink.models import Citation


@dataclass(frozen=True)
class Loaded:
    """A file's text, the format it is read in, and what to tell the user."""

    text: str
    #: The format of ``text``, for :func:`citelink.documents.read`.
    format: str
    #: The encoding the file was decoded in ("" for Word and PDF files).
    encoding: str
    #: What the user should know (an encoding assumed): one line each, for stderr.
    notes: tuple[str, ...] = ()
    #: For Word and PDF: ``(offset, fields)``, from each offset on the text is at
    #: ``fields`` (``{"paragraph": 3, "page": 2}``), in order.
    regions: tuple[tuple[int, dict[str, int]], ...] = ()

    def place(self, offset: int) -> dict[str, int]:
        """Where text ``offset`` is in a Word or PDF document (``{}`` in others)."""
        i = bisect_right(self.regions, offset, key=_region_start) - 1
        return dict(self.regions[i][1]) if i >= 0 else {}


def _region_start(region: tuple[int, dict[str, int]]) -> int:
    return region[0]


#: The formats whose files are not text: their text is taken out.
BINARY_FORMATS = ("docx", "pdf")


def load(
    path: str | os.PathLike[str],
    format: str | None = None,
    encoding: str = AUTO,
    errors: str = "strict",
) -> Loaded:
    """The file at ``path`` (``-``: standard input), in ``format`` (default: by its name;
    a PDF or Word document is known by its first bytes too)."""
    name = "standard input" if os.fspath(path) == "-" else display_path(path)
    form = input_format(path, format)
    data = read_bytes(path)
    if format is None and form == "text":
        form = _sniffed(data, name)
    if form == "docx":
        from citelink.documents.docx import read_docx

        document = read_docx(data, name)
        return Loaded(document.text, form, "", regions=tuple(document.regions))
    if form == "pdf":
        from citelink.documents.pdf import read_pdf

        pdf = read_pdf(data, name)
        pages = tuple((start, {"page": n}) for n, start in enumerate(pdf.page_starts, 1))
        return Loaded(pdf.text, form, "", pdf.notes, pages)
    if encoding == AUTO and form == "xml":
        declared = _declared_encoding(data)
        if declared is not None:
            return Loaded(decode(data, name, declared, errors), form, declared)
    if encoding == AUTO:
        decoded = decode_auto(data, name, errors)
        notes = (decoded.note,) if decoded.note else ()
        return Loaded(decoded.text, form, decoded.encoding, notes)
    return Loaded(decode(data, name, encoding, errors), form, encoding)


#: An XML declaration's encoding, in its first line.
_DECLARATION = re.compile(
    rb"<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z][A-Za-z0-9._-]{0,40})[\"']"
)


def _declared_encoding(data: bytes) -> str | None:
    """The encoding an XML document declares, if it is one Python knows, not UTF-8, and
    the bytes are not valid UTF-8 (a file declared Latin-1 is often UTF-8 in fact)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return None
    found = _DECLARATION.match(data.lstrip()[:300])
    if found is None:
        return None
    try:
        name = codecs.lookup(found[1].decode("ascii")).name
    except LookupError:
        return None
    return None if name == "utf-8" else name


def _sniffed(data: bytes, name: str) -> str:
    """The format of a file named as text (standard input, no extension) that is a PDF or
    a Word document by its first bytes; an old Word file is refused with what to do."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") and b"word/document.xml" in data:
        return "docx"
    if data.startswith(b"\xd0\xcf\x11\xe0") and name.lower().endswith(".doc"):
        raise InputError(f"{name}: a Word 97-2003 document (.doc): save it as .docx to read it")
    return "text"


def places(loaded: Loaded, citations: Sequence[Citation]) -> list[dict[str, Any]]:
    """What a record adds to each citation's span to say where it is: its ``location``
    (``{"paragraph": 4, "page": 2}`` or ``{"footnote": 1}`` in Word, ``{"page": 3}`` in
    PDF; an object of its own, as ``page`` is a field of some kinds), the reference
    already marked around it in XML (``xref``); nothing for other formats."""
    if loaded.format == "xml":
        from citelink.documents.xml import reference_at, xml_references

        references = xml_references(loaded.text)
        found = (reference_at(references, c.start, c.end) for c in citations)
        return [{"xref": r.target} if r is not None else {} for r in found]
    if loaded.regions:
        return [{"location": loaded.place(c.start)} for c in citations]
    return [{} for _ in citations]
