"""citelink's verbs: find, annotate, locate and check, for a document in any format.

Each takes the document and its ``format`` ("text", "html" or "markdown") and
works over one reusable object — a :class:`~citelink.finder.Finder` (which
sites links go to) or a :class:`~citelink.checking.Checker` (which indexes
citations are checked against) — made once and passed as ``finder=`` or
``checker=``; without one, each verb uses this process's shared default.

    >>> import citelink
    >>> page = "<p>See <i>8 U.S.C.</i> &sect; 1373.</p>"
    >>> [c.normalized for c in citelink.find(page, format="html")]
    ['8 U.S.C. § 1373']
    >>> plain = citelink.Links(title=None)
    >>> print(citelink.annotate("See 8 U.S.C. 1373.", format="markdown", links=plain))
    See [8 U.S.C. 1373](https://www.law.cornell.edu/uscode/text/8/1373).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from citelink.documents import reader
from citelink.finder import Finder, shared_finder
from citelink.models import Citation

if TYPE_CHECKING:  # annotation and checking load on first use
    from citelink.annotation import Annotated, Links
    from citelink.checking.checker import Checker, Finding
    from citelink.markup.placement import Placement


def find(
    document: str,
    format: str = "text",
    *,
    finder: Finder | None = None,
    this_title: str | None = None,
    resolvers: Sequence[str] | None = None,
    cases: bool = False,
) -> list[Citation]:
    """Every citation of a document, in order, as a reader sees them.

    Spans (``start``, ``end``, ``text``) are in ``document`` itself, whatever
    its format. ``finder`` (or ``resolvers``, the names of a resolver chain)
    chooses the links; ``this_title`` is the U.S. Code title the document is
    part of ("section 1357 of this title"); ``cases=True`` adds case law,
    through eyecite (``pip install 'citelink[cases]'``; much slower).
    """
    chosen = finder if finder is not None else shared_finder(resolvers)
    if format == "text":
        return chosen.find(document, this_title=this_title, cases=cases)
    return reader.find(document, format, finder=chosen, this_title=this_title, cases=cases)


def annotate(
    document: str,
    format: str = "text",
    *,
    output: str | None = None,
    links: Links | None = None,
    finder: Finder | None = None,
    this_title: str | None = None,
    cases: bool = False,
    fragment: bool = False,
    skip: Iterable[str] | None = None,
    only_inside: str | None = None,
    input_format: str | None = None,
    output_format: str | None = None,
) -> str:
    """The document with a link on every citation; nothing else changes.

    HTML and Markdown come back in their own format, byte for byte but for the
    links; plain text becomes ``output`` "html" (the default: a complete
    document, or its paragraphs alone with ``fragment``) or "markdown".
    ``links`` says how links look (:class:`~citelink.annotation.Links`); ``skip`` and
    ``only_inside`` are those of :func:`locate` (HTML only).
    :func:`annotate_report` says also what was not linked, and why.
    (``input_format`` and ``output_format`` are the old names of ``format`` and
    ``output``, kept for one release.)
    """
    if input_format is not None or output_format is not None:
        warnings.warn(
            "annotate(input_format=, output_format=) is deprecated: use format= and output=",
            DeprecationWarning,
            stacklevel=2,
        )
        format = input_format or format
        output = output_format or output
    return annotate_report(
        document,
        format,
        output=output,
        links=links,
        finder=finder,
        this_title=this_title,
        cases=cases,
        fragment=fragment,
        skip=skip,
        only_inside=only_inside,
    ).document


def annotate_report(
    document: str,
    format: str = "text",
    *,
    output: str | None = None,
    links: Links | None = None,
    finder: Finder | None = None,
    this_title: str | None = None,
    cases: bool = False,
    fragment: bool = False,
    skip: Iterable[str] | None = None,
    only_inside: str | None = None,
) -> Annotated:
    """:func:`annotate`, with the citations linked and those left unlinked and why."""
    from citelink.annotation import link_document

    return link_document(
        document,
        input_format=format,
        output_format=output,
        links=links,
        finder=finder,
        this_title=this_title,
        cases=cases,
        fragment=fragment,
        skip=skip,
        only_inside=only_inside,
    )


def locate(
    document: str,
    format: str = "html",
    *,
    finder: Finder | None = None,
    this_title: str | None = None,
    cases: bool = False,
    skip: Iterable[str] | None = None,
    only_inside: str | None = None,
) -> list[Placement]:
    """Where each citation's link would go in an HTML or Markdown document.

    Each :class:`~citelink.markup.Placement` holds the citation, its span in
    ``document`` and the source ranges a link wraps. HTML only: ``skip`` names
    elements never linked, ``only_inside`` an XPath expression for the only
    elements that are.
    """
    from citelink import annotation

    if format == "html":
        return annotation.locate_html(
            document,
            this_title=this_title,
            finder=finder,
            cases=cases,
            skip=skip,
            only_inside=only_inside,
        )
    if format == "markdown" and skip is None and only_inside is None:
        return annotation.locate_markdown(
            document, this_title=this_title, finder=finder, cases=cases
        )
    if format == "markdown":
        raise ValueError("skip and only_inside apply to HTML only")
    raise ValueError(f"locate reads html or markdown, not {format!r}")


def check(
    document: str,
    format: str = "text",
    *,
    checker: Checker | None = None,
    this_title: str | None = None,
) -> list[Finding]:
    """The problems of a document's citations: provisions that do not exist, that
    were repealed or moved, ambiguous short forms, style (no link checking).

    ``checker`` holds the indexes (default: the shipped ones, loaded once).
    """
    from citelink.checking.checker import check as check_text

    if checker is None:
        return check_text(document, this_title=this_title, input_format=format)
    return checker.check(document, this_title=this_title, input_format=format)
