"""A document as a reader sees it, and the one way to find citations in it.

Plain text is its own reader's text. HTML and Markdown are read into a
:class:`~citelink.markup.Layout`: the text a reader sees (entities decoded,
tags and Markdown syntax removed, a blank line where a block ends) with the
way back to each character's place in the source. Citations are found in
that text, never across a block, and moved back to the source, so that
``source[c.start:c.end] == c.text`` holds in every format.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from citelink.finder import Finder, shared_finder
from citelink.models import Citation

if TYPE_CHECKING:  # the markup readers load when a document needs them
    from citelink.markup import Layout


@dataclass(frozen=True)
class ReaderText:
    """A document's ``source`` and, for HTML and Markdown, its ``layout``."""

    source: str
    #: ``None`` for plain text, which a reader sees as it is.
    layout: Layout | None = None

    @property
    def text(self) -> str:
        """The text a reader sees."""
        return self.source if self.layout is None else self.layout.text

    def citations(
        self,
        finder: Finder | None = None,
        *,
        this_title: str | None = None,
        cases: bool = False,
        across_blocks: bool = False,
    ) -> list[Citation]:
        """The citations in the reader's text, with spans in that text.

        Those that cross a block boundary (a paragraph, a cell, a heading) are
        left out unless ``across_blocks`` (placement leaves them out itself).
        """
        finder = finder or shared_finder()
        found = finder.find(self.text, this_title=this_title, cases=cases)
        if self.layout is None or across_blocks:
            return found
        layout = self.layout
        return [c for c in found if not layout.crosses_break(c.start, c.end)]

    def in_source(self, citations: Iterable[Citation]) -> list[Citation]:
        """Citations of the reader's text with their spans (and their antecedents'
        and lists') moved to the source, and their ``text`` the source's."""
        layout = self.layout
        if layout is None:
            return list(citations)
        moved: dict[int, Citation] = {}

        def move(citation: Citation) -> Citation:
            done = moved.get(id(citation))
            if done is None:
                group, antecedent = citation.group, citation.antecedent
                start, end = layout.source_span(citation.start, citation.end)
                done = moved[id(citation)] = dataclasses.replace(
                    citation,
                    text=layout.source[start:end],
                    start=start,
                    end=end,
                    group=layout.source_span(*group) if group is not None else None,
                    antecedent=move(antecedent) if antecedent is not None else None,
                )
            return done

        return [move(citation) for citation in citations]


def read(source: str, format: str = "text") -> ReaderText:
    """A document in ``format`` ("text", "html", "markdown", "xml"; "docx" and
    "pdf" for the text :func:`citelink.documents.loading.load` takes out of a Word or PDF
    file) as a reader sees it."""
    if format == "text":
        return ReaderText(source)
    if format == "xml":
        from citelink.documents.xml import read_xml

        return ReaderText(source, read_xml(source))
    if format == "docx":  # the text taken out of a Word document, a paragraph a line
        from citelink.documents.docx import read_paragraphs

        return ReaderText(source, read_paragraphs(source))
    if format == "pdf":  # a PDF's text layer, pages joined by form feeds
        from citelink.documents.pdf import read_pdf_text

        return ReaderText(source, read_pdf_text(source))
    from citelink.markup import read_layout

    return ReaderText(source, read_layout(source, format))


def find(
    document: str,
    format: str = "text",
    *,
    finder: Finder | None = None,
    this_title: str | None = None,
    cases: bool = False,
) -> list[Citation]:
    """The citations of a document, as a reader sees them, with spans in ``document``.

    ``finder`` defaults to this process's shared finder (each kind's default
    resolvers); ``this_title`` is the U.S. Code title the document belongs to;
    ``cases=True`` finds case law too (through eyecite, which must be installed).
    """
    reader_text = read(document, format)
    found = reader_text.citations(finder, this_title=this_title, cases=cases)
    return reader_text.in_source(found)
