"""A checker's findings and the checked text they point into.

* :class:`Finding` — one problem with one citation: severity, code, message, span, fix.
* :class:`Document` — a checked text's lines and paragraphs, to locate findings.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from citelink.models import Citation

Severity = Literal["error", "warning", "style", "info"]
#: Severities from the most to the least serious.
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "style", "info")
_RANK: dict[str, int] = {s: i for i, s in enumerate(SEVERITIES)}


def rank(severity: str) -> int:
    """A severity's place, from 0 for the most serious."""
    return _RANK[severity]


def one_line(text: str) -> str:
    """A span of text for a one-line message."""
    return " ".join(text.split())


def at_least(severity: str, threshold: str) -> bool:
    """Whether ``severity`` is as serious as ``threshold`` or more ("warning" ≥ "style")."""
    return _RANK[severity] <= _RANK[threshold]


@dataclass(frozen=True)
class Finding:
    """One problem with one citation (or one list or range of citations).

    ``start``/``end`` are character offsets into the checked text; ``line`` and
    ``column`` (1-based) locate ``start``, ``end_line`` and ``end_column`` the
    last character of the span. ``suggestion`` replaces ``text[start:end]``
    (style findings only).
    """

    severity: Severity
    code: str
    message: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    citation: Citation | None = None
    suggestion: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary (the ``--format json`` record, without the path)."""
        return {
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "citation": self.citation.to_dict() if self.citation is not None else None,
            "suggestion": self.suggestion,
        }


class Document:
    """A checked text with its line and paragraph boundaries, for locating findings."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        #: Where each paragraph break (a blank line) ends.
        self._breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of the character at ``offset``."""
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def paragraphs(self, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        """The ``[start, end)`` of each paragraph that ``spans`` touch, each once, in order."""
        found: set[int] = set()
        for start, end in spans:
            found.update(range(self.paragraph(start), self.paragraph(max(start, end - 1)) + 1))
        breaks, size = self._breaks, len(self.text)
        return [
            (breaks[p - 1] if p else 0, breaks[p] if p < len(breaks) else size)
            for p in sorted(found)
        ]

    def paragraph(self, offset: int) -> int:
        """The number of the paragraph that holds ``offset`` (from 0)."""
        return bisect_right(self._breaks, offset)

    def finding(
        self,
        severity: Severity,
        code: str,
        message: str,
        start: int,
        end: int,
        citation: Citation | None = None,
        suggestion: str | None = None,
    ) -> Finding:
        line, column = self.position(start)
        end_line, end_column = self.position(max(start, end - 1))
        return Finding(
            severity,
            code,
            message,
            start,
            end,
            line,
            column,
            end_line,
            end_column,
            citation,
            suggestion,
        )


_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
