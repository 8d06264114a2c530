"""Where a fix may not go: quoted and official text, block quotes, code.

A checker may find a citation of a quotation or of enacted text in a form it
would not write itself ("42 U.S.C. 9902" is how the Office of Legislative
Counsel writes it), but a quotation is reproduced as it was: its citations are
reported as notes and never rewritten. :func:`quoted_spans` finds, in plain
text (or the text a reader sees):

* text inside curly double quotes; a quotation of several paragraphs opens each
  with “ and closes only the last, so a paragraph's open quote runs to its end
  when the next paragraph opens with “ too (else it is a quote left open by mistake);
* GPO's ````…''`` quotes, read the same way;
* block quotes written as e-mail quotes (lines starting with ``>``);
* margin notes of enacted text (a line that is one citation in the Statutes at
  Large's form: "26 USC 1 note.")
  and the authority lines of regulations ("Authority: 8 U.S.C. 1103.");

and :func:`markup_spans` the block quotes (``<blockquote>``, ``<q>``) and code
(``<pre>``, ``<code>``) of an HTML source, and the ``>`` lines of a Markdown source.
Every scan is one pass over the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

#: An opening quote and the closing quotes that end it.
_OPEN = {"\u201c": "\u201d", "``": "''"}
_QUOTE_MARK = re.compile(r"\u201c|\u201d|``|''|\n[^\S\n]*\n")
#: A Statutes at Large margin note alone on a line ("26 USC 1 note."); "Authority: ..." lines
#: (the citations on the line, or on the next line when the label stands alone).
_OFFICIAL_LINE = re.compile(
    r"(?m)^[^\S\n]*(?:\d{1,3}[^\S\n]+USC[^\S\n]+[\w.\u2013-]+"
    r"[^\S\n]+note\.?|(?:Authority|AUTHORITY|Source|SOURCE):(?:[^\S\n]*\n[^\S\n]*(?=\S))?[^\n]*)"
    r"[^\S\n]*$"
)
_EMAIL_QUOTE = re.compile(r"(?m)^[^\S\n]*>[^\n]*")
_HTML_QUOTE = re.compile(
    r"(?is)<(blockquote|q|pre|code)\b[^>]{0,1000}>.*?</\1\s*>"
    r"|<(?:blockquote|q|pre|code)\b[^>]{0,1000}>.*\Z"
)
#: A Markdown block quote line, also inside list items ("- > quoted").
_MARKDOWN_QUOTE = re.compile(r"(?m)^[^\S\n]{0,3}(?:(?:[-*+]|\d{1,9}[.)])[^\S\n]+)*>[^\n]*")


class Spans:
    """Sorted, non-overlapping ``[start, end)`` spans; :meth:`covers` answers in log time."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def covers(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` touches a span."""
        at = bisect_right(self._starts, max(start, end - 1)) - 1
        return at >= 0 and self._ends[at] > start

    def __len__(self) -> int:
        return len(self._starts)


def quoted_spans(text: str, windows: Iterable[tuple[int, int]] | None = None) -> Spans:
    """The quoted and official text of plain text (see the module's description).

    ``windows`` limits the scan to those ``[start, end)`` parts of ``text``, each of
    whole paragraphs (a paragraph's quotes are read from its start).
    """
    spans: list[tuple[int, int]] = []
    for start, end in windows if windows is not None else [(0, len(text))]:
        spans += _quotes(text, start, end)
        spans += [m.span() for m in _OFFICIAL_LINE.finditer(text, start, end)]
        spans += [m.span() for m in _EMAIL_QUOTE.finditer(text, start, end)]
    return Spans(spans)


def _quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    opened: tuple[int, str, str] | None = None  # where the open quote is, what closes it, itself
    for mark in _QUOTE_MARK.finditer(text, start, end):
        token = mark.group()
        if token.startswith("\n"):  # a paragraph break ends an open quote
            if opened is not None and _reopened(text, mark.end(), opened[2]):
                spans.append((opened[0], mark.start()))  # it goes on in the next paragraph
            opened = None
        elif opened is None:
            if token in _OPEN:
                opened = (mark.start(), _OPEN[token], token)
        elif token == opened[1]:
            spans.append((opened[0], mark.end()))
            opened = None
    if opened is not None and (end >= len(text) or _reopened(text, end, opened[2])):
        spans.append((opened[0], end))
    return spans


def _reopened(text: str, at: int, mark: str) -> bool:
    """Whether the paragraph at ``at`` opens with the quote ``mark`` (blank space first)."""
    while at < len(text) and text[at].isspace():
        at += 1
    return text.startswith(mark, at)


def markup_spans(source: str, markup: str) -> Spans:
    """The block quotes and code of an HTML source, or the block quotes of a Markdown one."""
    if markup == "html":
        return Spans([m.span() for m in _HTML_QUOTE.finditer(source)])
    if markup == "markdown":
        return Spans([m.span() for m in _MARKDOWN_QUOTE.finditer(source)])
    return Spans([])
