"""Check a document's citations before publication: existence, status, style, ambiguity, links.

>>> from citelink.checking.checker import check
>>> [(f.severity, f.code) for f in check("See 8 U.S. Code 8.")]
[('warning', 'usc/not-current'), ('style', 'style/code-name')]

Each :class:`Finding` has a severity (error, warning, style or info), a code,
a message, the span it is about (offsets, line and column), the citation and,
for style findings, the suggested replacement of the span. The checks:

* **existence and status** — U.S. Code citations against the shipped index of
  the Code (:mod:`citelink.checking.index`): a title that does not exist, a section that
  does not exist (errors); a repealed, omitted, transferred, renumbered,
  reserved or vacant section (warnings, with the Code's own status line).
  CFR citations of title 8 against the shipped CFR index; other CFR titles are
  reported as *not checked* (info), never as missing.
* **style** — the Bluebook form of the citation's head (``8 U.S.C. §``), one
  ``§`` for one section and ``§§`` for several, an en dash in ranges;
  :func:`apply_fixes` writes the suggestions back.
* **ambiguity** — a short form ("§ 1373", "id.") with no full citation before
  it, or whose full citation is more than ``antecedent_paragraphs`` paragraphs
  back.
* **links** — with :meth:`Checker.link_findings` and :mod:`citelink.checking.links`:
  dead links (warnings); links that could not be verified (info).

Citations of kinds the checker does not know are skipped.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING, Any, Literal

from citelink.checking.index import (
    CfrIndex,
    Move,
    Record,
    UsCodeIndex,
    cfr_index,
    next_label,
    parse_date,
    sorted_labels,
    uscode_index,
)
from citelink.checking.quoted import Spans, markup_spans, quoted_spans
from citelink.documents.reader import ReaderText, read
from citelink.finder import ANTECEDENT_PARAGRAPHS, Finder
from citelink.grammar import WS, WS1
from citelink.markup import Layout
from citelink.models import Citation

if TYPE_CHECKING:
    from citelink.checking.links import LinkResult

Severity = Literal["error", "warning", "style", "info"]
#: Severities from the most to the least serious.
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "style", "info")
_RANK: dict[str, int] = {s: i for i, s in enumerate(SEVERITIES)}

#: The highest title number of the U.S. Code.
LAST_TITLE = 54


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


class Checker:
    """Checks citations against the indexes of the law and the style rules.

    ``uscode`` and ``cfr`` default to the shipped indexes, read on first use.
    A checker is cheap to keep and reuse across documents.
    """

    def __init__(
        self,
        *,
        finder: Finder | None = None,
        uscode: UsCodeIndex | None = None,
        cfr: CfrIndex | None = None,
        antecedent_paragraphs: int = ANTECEDENT_PARAGRAPHS,
        as_of: date | None = None,
        stated_dates: bool = True,
    ) -> None:
        self.finder = finder if finder is not None else Finder()
        self._uscode = uscode
        self._cfr = cfr
        self.antecedent_paragraphs = antecedent_paragraphs
        #: When the documents were written: a section that existed then and has left the
        #: Code since is a note, not a warning. ``None``: the date a document states, if any.
        self.as_of = as_of
        #: Whether a document's own date (near its start) is used when ``as_of`` is ``None``.
        self.stated_dates = stated_dates

    @property
    def uscode(self) -> UsCodeIndex:
        if self._uscode is None:
            self._uscode = uscode_index()
        return self._uscode

    @property
    def cfr(self) -> CfrIndex:
        if self._cfr is None:
            self._cfr = cfr_index()
        return self._cfr

    def check(
        self,
        text: str,
        *,
        this_title: str | None = None,
        input_format: str = "text",
        as_of: date | None = None,
    ) -> list[Finding]:
        """Find the citations of ``text`` and check them (without checking links).

        ``input_format`` "html" or "markdown" finds the citations in the text a
        reader sees; the findings' spans, lines and columns are still in ``text``.
        """
        reader_text = read(text, input_format)
        citations = reader_text.citations(self.finder, this_title=this_title)
        return self.check_citations(text, citations, layout=reader_text.layout, as_of=as_of)

    def check_citations(
        self,
        text: str,
        citations: Sequence[Citation],
        links: Mapping[str, LinkResult] | None = None,
        *,
        layout: Layout | None = None,
        as_of: date | None = None,
    ) -> list[Finding]:
        """The findings for ``citations`` found in ``text``, in text order.

        ``links`` (url -> result, from :class:`citelink.checking.links.LinkChecker`)
        adds the findings of :meth:`link_findings`. For an HTML or Markdown
        ``text``, ``layout`` is its :func:`~citelink.markup.read_layout` and the
        citations are those of the reader's text (:meth:`~citelink.documents.ReaderText.citations`).
        """
        if layout is not None:
            read = self.check_citations(layout.text, citations, links, as_of=as_of)
            moved = _in_source(read, layout)
            return _leave_quoted(moved, lambda: markup_spans(layout.source, layout.markup))
        document = Document(text)
        findings: list[Finding] = self.link_findings(text, citations, links) if links else []
        when = self.written(text, as_of)
        for unit in _units(citations):
            doubts = self._ambiguity(document, unit)
            findings += doubts
            if any(f.code == "ambiguous/other-title" for f in doubts):
                continue  # its title is a guess the text contradicts: nothing more to say
            previous: Citation | None = None
            for citation in unit:
                if citation.kind == "usc":
                    findings += self._usc_status(document, citation, when, previous)
                elif citation.kind == "cfr":
                    findings += self._cfr_status(document, citation)
                elif citation.kind == "act":
                    findings += _act_status(document, citation)
                previous = citation
            if unit[0].kind == "usc":
                findings += _style(document, unit)
        return _ordered(_leave_quoted(findings, lambda: quoted_spans(text)))

    def written(self, text: str, as_of: date | None = None) -> Dated | None:
        """When ``text`` was written, as far as the checker is told: ``as_of`` (else the
        checker's), else the date the document states near its start (if ``stated_dates``)."""
        given = as_of or self.as_of
        if given is not None:
            return Dated(given, f"{_day(given)}, the date given")
        return stated_date(text) if self.stated_dates else None

    def link_findings(
        self,
        text: str,
        citations: Sequence[Citation],
        results: Mapping[str, LinkResult],
    ) -> list[Finding]:
        """Findings for the citations whose links ``results`` (url -> result) found wanting."""
        document = Document(text)
        findings = []
        for citation in citations:
            result = results.get(citation.url) if citation.url else None
            if result is None or result.status == "ok":
                continue
            where = f"{citation.normalized}: {citation.url}"
            if result.status == "dead":
                findings.append(
                    document.finding(
                        "warning",
                        "link/dead",
                        f"dead link for {where} ({result.detail})",
                        citation.start,
                        citation.end,
                        citation,
                    )
                )
            else:
                findings.append(
                    document.finding(
                        "info",
                        f"link/{result.status}",
                        f"could not verify the link for {where} ({result.detail})",
                        citation.start,
                        citation.end,
                        citation,
                    )
                )
        return _ordered(findings)

    # --- existence and status ---------------------------------------------------

    def _usc_status(
        self,
        document: Document,
        citation: Citation,
        when: Dated | None = None,
        previous: Citation | None = None,
    ) -> list[Finding]:
        title: str | None = getattr(citation, "title", None)
        section: str | None = getattr(citation, "section", None)
        if title is None or not section:
            return []  # unresolved: the ambiguity check reports it
        label = f"{title} U.S.C. § {section}"
        if citation.short and citation.antecedent is not None:
            # The title came from an earlier citation: say which, it may be the culprit.
            earlier = _shown(citation.antecedent.text)
            label += f' ("{_shown(citation.text)}", title {title} taken from "{earlier}")'

        def finding(
            severity: Severity, code: str, message: str, suggestion: str | None = None
        ) -> list[Finding]:
            return [
                document.finding(
                    severity, code, message, citation.start, citation.end, citation, suggestion
                )
            ]

        if getattr(citation, "appendix", False):
            return finding(
                "info",
                "usc/not-checked",
                f"{title} U.S.C. app. § {section} not checked: the index does not cover the "
                "former appendix titles",
            )
        index = self.uscode
        if not index.has_title(title):
            number = int(title) if title.isdigit() else 0
            if 1 <= number <= LAST_TITLE:
                why = f"title {title} of the U.S. Code is reserved and has no sections"
            else:
                why = f"the U.S. Code has no title {title} (its titles are 1 to {LAST_TITLE})"
            return finding("error", "usc/unknown-title", f"{label} does not exist: {why}")
        records = index.lookup(title, section)
        note = bool(getattr(citation, "note", False))
        base = _note_base(section)
        if not records and base is not None and index.lookup(title, base):
            # "651nt": the Law Revision Counsel's abbreviation for "§ 651 note".
            records, section, note = index.lookup(title, base), base, True
        moves = index.moved(title, section)
        if not records:
            if moves:
                return self._moved(document, citation, label, moves, when, None)
            message = (
                f"{label} does not exist: title {title} has no section {section} "
                f"(U.S. Code release point {index.release_point})"
            )
            hint = _pin_for_letters(index, title, section)
            if hint:
                message += f"; did you mean {hint}?"
            restated = index.restated.get(title)
            if restated is not None and when is not None and when.date < restated:
                return finding(
                    "warning",
                    "usc/not-verified",
                    f"{label} is not in the current Code, and cannot be verified for "
                    f"{when.shown}: most of title {title} was enacted on {_day(restated)}, "
                    "and sections cited before then may have had other numbers",
                )
            if citation.short:  # its title was inferred: perhaps it cites something else
                return finding("warning", "usc/unknown-section", f"{message}; is it another law?")
            return finding("error", "usc/unknown-section", message)
        if len(records) > 1:
            headings = " and ".join(dict.fromkeys(f'"{r.heading}"' for r in records))
            return finding(
                "info",
                "usc/duplicate-section",
                f"title {title} has {len(records)} sections numbered {section} ({headings}); "
                "make clear which one is meant",
            )
        record = records[0]
        if not record.active:
            return self._not_current(document, citation, label, record, moves, when)
        if moves and when is not None:
            # The designation was left after the document was written, and is used again.
            later = [m for m in moves if m.date is not None and when.date < m.date]
            if later:
                return self._moved(document, citation, label, later, when, record)
        pin = tuple(getattr(citation, "pin", ()) or ())
        if pin and not note:
            return self._pin(document, citation, label, record, pin, previous)
        return []

    def _not_current(
        self,
        document: Document,
        citation: Citation,
        label: str,
        record: Record,
        moves: Sequence[Move],
        when: Dated | None,
    ) -> list[Finding]:
        """A dead section: a warning with the Code's status line, and where it went."""
        message = _not_current(label, record, self.uscode)
        now = list(moves)
        new = record.renumbered_to
        if new is not None and not any(m.section == new for m in now):
            message += f"; it is now {record.title} U.S.C. §{'§' if ' ' in new else ''} {new}"
        suggestion = None
        if now:
            message += "; " + _now_at(now)
            suggestion = _moved_citation(document.text, citation, now)
        ended = record.ended or max((m.date for m in now if m.date), default=None)
        severity: Severity = "warning"
        if when is not None and ended is not None and when.date < ended:
            severity = "info"
            message += f" (in force on {when.shown}: it left the Code on {_day(ended)})"
            suggestion = None
        return [
            document.finding(
                severity,
                "usc/not-current",
                message,
                citation.start,
                citation.end,
                citation,
                suggestion,
            )
        ]

    def _moved(
        self,
        document: Document,
        citation: Citation,
        label: str,
        moves: Sequence[Move],
        when: Dated | None,
        reused: Record | None,
    ) -> list[Finding]:
        """A section renumbered or reclassified: where it is now, with the fix."""
        how = {m.how for m in moves}
        verb = "was renumbered" if how == {"renumbered"} else "was moved"
        dates = [m.date for m in moves if m.date is not None]
        on = f" on {_day(max(dates))}" if dates else ""
        message = f"{label} {verb}{on}: {_now_at(moves)}"
        if reused is not None:
            message += f'; § {reused.section} is now "{reused.heading}"'
        suggestion = _moved_citation(document.text, citation, moves)
        severity: Severity = "warning"
        if when is not None and dates and when.date < min(dates):
            severity = "info"
            message += f" (it was § {citation.section} on {when.shown})"  # type: ignore[attr-defined]
            if reused is not None:
                severity = "warning"  # the citation now reads as another section
            else:
                suggestion = None
        return [
            document.finding(
                severity, "usc/moved", message, citation.start, citation.end, citation, suggestion
            )
        ]

    def _pin(
        self,
        document: Document,
        citation: Citation,
        label: str,
        record: Record,
        pin: tuple[str, ...],
        previous: Citation | None = None,
    ) -> list[Finding]:
        """Whether the subdivision a citation pins exists; if not, the nearest that do."""
        paths = self.uscode.subdivisions(record)
        if paths is None:
            return []
        wanted = [_pin_label(p) for p in pin]
        folded = {p.lower() for p in paths}
        if "/".join(wanted).lower() in folded:
            return []
        if previous is not None and citation.text.lstrip().startswith("("):
            # "§ 1101(a)(43)(G) and (M)(i)": a pin in a list may go on from the one before.
            before = [_pin_label(p) for p in getattr(previous, "pin", ()) or ()]
            for keep in range(len(before) - 1, 0, -1):
                if "/".join(before[:keep] + wanted).lower() in folded:
                    return []
        # The deepest part of the pin that exists, and what is under it.
        lower = {p.lower(): p for p in paths}
        depth = 0
        while depth < len(wanted) and "/".join(wanted[: depth + 1]).lower() in lower:
            depth += 1
        parent = lower.get("/".join(wanted[:depth]).lower(), "") if depth else ""
        prefix = f"{parent}/" if parent else ""
        children = [p[len(prefix) :] for p in paths if p.startswith(prefix) and p != parent]
        children = sorted_labels(c for c in children if "/" not in c)
        where = f"§ {record.section}" + "".join(f"({p})" for p in parent.split("/") if p)
        missing = "".join(f"({p})" for p in pin)
        full = f"{record.title} U.S.C. § {record.section}{missing}"
        if not children:
            # Below the last subdivision the Code marks up: its text may still run on with
            # "(i) … (ii) …" that are not indexed, so the pin can be neither found nor denied.
            message = f"{full} cannot be verified: the Code marks no subdivisions under {where}" + (
                "" if parent else " (a section of one paragraph)"
            )
            code, severity = "usc/pin-not-verified", "info"
            rank = _rank(pin[depth])
            if rank > _RUN_IN:
                # Run-in subdivisions are few: a twelfth one is a pin made up.
                code, severity = "usc/unknown-pin", "warning"
                message = (
                    f"{full} almost certainly does not exist: the Code marks no subdivisions "
                    f"under {where}, and ({pin[depth]}) would be the {_ordinal(rank)} run into "
                    "its text"
                )
            return [
                document.finding(
                    severity,  # type: ignore[arg-type]
                    code,
                    message,
                    citation.start,
                    citation.end,
                    citation,
                )
            ]
        has = f"{where} has {_labels(children)}, not ({pin[depth]})"
        message = f"{full} does not exist: {has} (release point {self.uscode.release_point})"
        if citation.short:
            message += "; is it another law?"
            return [
                document.finding(
                    "warning", "usc/unknown-pin", message, citation.start, citation.end, citation
                )
            ]
        return [
            document.finding(
                "error", "usc/unknown-pin", message, citation.start, citation.end, citation
            )
        ]

    def _cfr_status(self, document: Document, citation: Citation) -> list[Finding]:
        title = getattr(citation, "title", None)
        section = getattr(citation, "section", None)
        part = getattr(citation, "part", None)
        if title is None or not (section or part):
            return []
        title = str(title)
        label = citation.normalized

        def finding(severity: Severity, code: str, message: str) -> list[Finding]:
            return [
                document.finding(severity, code, message, citation.start, citation.end, citation)
            ]

        index = self.cfr
        if title not in index.covered:
            covered = ", ".join(sorted(index.covered))
            return finding(
                "info",
                "cfr/not-checked",
                f"{label} not checked: the CFR index covers title {covered} only",
            )
        if section:
            section = str(section)
            record = index.section(title, section)
            if record is None:
                whose = section.partition(".")[0]
                has_part = index.part(title, whose) is not None
                if has_part and not index.lists_sections(title, whose):
                    return finding(
                        "info",
                        "cfr/not-checked",
                        f"{label} not checked: the CFR index lists no sections of part {whose}",
                    )
                why = (
                    f"part {whose} has no section {section}"
                    if has_part
                    else f"title {title} has no part {whose}"
                )
                return finding("error", "cfr/unknown-section", f"{label} does not exist: {why}")
            if record.active:
                return []
            return finding(
                "warning",
                "cfr/not-current",
                f'{label} is {record.status}: "§ {record.section} {record.heading}"',
            )
        found = index.part(title, str(part))
        if found is None:
            return finding(
                "error",
                "cfr/unknown-part",
                f"{label} does not exist: title {title} has no part {part}",
            )
        _, name = found
        if "RESERVED" in name.upper():
            return finding("warning", "cfr/not-current", f'{label} is reserved: "{name}"')
        return []

    # --- ambiguity ----------------------------------------------------------------

    def _ambiguity(self, document: Document, unit: Sequence[Citation]) -> list[Finding]:
        first = unit[0]
        if not first.short:
            return []
        start, end = unit[0].start, unit[-1].end
        shown = _shown(document.text[start:end])
        if not first.resolved:
            return [
                document.finding(
                    "warning",
                    "ambiguous/no-antecedent",
                    f'"{shown}" is a short form with no full citation before it to say '
                    "which code it cites",
                    start,
                    end,
                    first,
                )
            ]
        antecedent = first.antecedent
        if antecedent is None:
            return []
        named = _title_named_between(document.text, antecedent.end, start)
        title = getattr(first, "title", None)
        if named is not None and title is not None and named.group("title") != title:
            return [
                document.finding(
                    "warning",
                    "ambiguous/other-title",
                    f'"{shown}" is read as title {title} (from "{_shown(antecedent.text)}"), '
                    f'but "{_shown(named.group())}" is named nearer: cite it in full, '
                    "with its title",
                    start,
                    end,
                    first,
                )
            ]
        back = document.paragraph(first.start) - document.paragraph(antecedent.start)
        if back <= self.antecedent_paragraphs:
            return []
        return [
            document.finding(
                "warning",
                "ambiguous/far-antecedent",
                f'"{shown}" refers back to "{_shown(antecedent.text)}", {back} paragraphs '
                f"earlier; cite it in full ({first.normalized})",
                start,
                end,
                first,
            )
        ]


def check(
    text: str,
    *,
    this_title: str | None = None,
    input_format: str = "text",
    as_of: date | None = None,
) -> list[Finding]:
    """Check the citations of ``text`` with the shipped indexes (no link checking).

    ``input_format`` is "text", "html" or "markdown" (see :meth:`Checker.check`);
    ``as_of`` is when the document was written (default: the date it states, if any).
    """
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Checker()
    return _DEFAULT.check(text, this_title=this_title, input_format=input_format, as_of=as_of)


def _in_source(findings: list[Finding], layout: Layout) -> list[Finding]:
    """Findings about a layout's reader text, moved to its source.

    Their citations are moved too (:meth:`~citelink.documents.ReaderText.in_source`). A
    suggestion is kept where the span may be rewritten in place (escaped for
    HTML; see :meth:`~citelink.markup.Layout.editable`); elsewhere the fix is
    left to the editor.
    """
    document = Document(layout.source)
    about = [f.citation for f in findings if f.citation is not None]
    in_source = dict(
        zip(map(id, about), ReaderText(layout.source, layout).in_source(about), strict=True)
    )
    moved: list[Finding] = []
    for finding in findings:
        start, end = layout.source_span(finding.start, finding.end)
        message, suggestion = finding.message, finding.suggestion
        if suggestion is not None:
            if not layout.editable(finding.start, finding.end):
                message = f"{message}; markup inside, or in code or a link: fix it by hand"
                suggestion = None
            elif layout.markup == "html":
                suggestion = html.escape(suggestion, quote=False)
        moved.append(
            document.finding(
                finding.severity,
                finding.code,
                message,
                start,
                end,
                in_source[id(finding.citation)] if finding.citation is not None else None,
                suggestion,
            )
        )
    return moved


_DEFAULT: Checker | None = None


def _leave_quoted(findings: list[Finding], spans: Callable[[], Spans]) -> list[Finding]:
    """Findings whose fix would rewrite quoted or official text, without the fix: a style
    finding there becomes a note (a quotation is reproduced as it was written)."""
    if not any(f.suggestion is not None or f.severity == "style" for f in findings):
        return findings
    found = spans()
    if not found:
        return findings
    kept = []
    for f in findings:
        if (f.suggestion is not None or f.severity == "style") and found.covers(f.start, f.end):
            f = replace(
                f,
                severity="info" if f.severity == "style" else f.severity,
                message=f"{f.message} (in quoted or official text, or code: left as written)",
                suggestion=None,
            )
        kept.append(f)
    return kept


def apply_fixes(text: str, findings: Iterable[Finding]) -> tuple[str, list[Finding]]:
    """``text`` with the suggestions of ``findings`` written in; and the findings applied.

    Every character outside the replaced spans is kept. Of overlapping
    suggestions only the first is applied.
    """
    applied: list[Finding] = []
    pieces: list[str] = []
    at = 0
    for finding in sorted(findings, key=lambda f: (f.start, f.end)):
        if finding.suggestion is None or finding.start < at:
            continue
        if text[finding.start : finding.end] == finding.suggestion:
            continue
        pieces += [text[at : finding.start], finding.suggestion]
        at = finding.end
        applied.append(finding)
    pieces.append(text[at:])
    return "".join(pieces), applied


def _act_status(document: Document, citation: Citation) -> list[Finding]:
    """A named act's section that the act's table (from the Code's source credits) lacks:
    no such section, or one the Code does not classify on its own."""
    if getattr(citation, "unmapped_reason", None) != "not-classified":
        return []
    act, section = getattr(citation, "act", ""), getattr(citation, "section", "")
    message = (
        f"{citation.normalized}: the Code classifies no section {section} of the {act}"
        " (no such section, or one classified only in a note or not at all)"
    )
    return [
        document.finding(
            "warning", "act/unknown-section", message, citation.start, citation.end, citation
        )
    ]


def _not_current(label: str, record: Record, index: UsCodeIndex) -> str:
    line = f'"{record.status_line}"'
    if record.status == "not_in_current":
        return (
            f"{label} is not in the current Code (release point {index.release_point}); "
            f"an earlier release had {line}"
        )
    verb = "is" if record.status in ("reserved", "vacant") else "was"
    if record.is_range or record.group:
        message = f"{label} {verb} {record.status_words}: it falls in {line}"
    else:
        message = f"{label} {verb} {record.status_words}: {line}"
    return message


#: How far back before a short form a title named in words is looked for.
_NAMED_TITLE_WINDOW = 2000
#: "Title 49 of the United States Code", "title 49, United States Code".
_NAMED_TITLE = re.compile(
    rf"\b[Tt]itle{WS1}(?P<title>\d{{1,2}})(?:{WS1}of{WS1}the|{WS},){WS1}"
    rf"(?:United{WS1}States|U\.{WS}S\.){WS1}Code\b"
)


def _title_named_between(text: str, start: int, end: int) -> re.Match[str] | None:
    """The last title of the Code named in words in ``text[start:end]`` (its last part only)."""
    found = None
    for match in _NAMED_TITLE.finditer(text, max(start, end - _NAMED_TITLE_WINDOW), end):
        found = match
    return found


@dataclass(frozen=True)
class Dated:
    """When a document was written, and how the checker knows it (for messages)."""

    date: date
    shown: str


#: How far into a document its own date is looked for.
_DATE_WINDOW = 5000
#: "October 3, 2017", "December 20 (legislative day, December 19), 2017".
_STATED_DATE = re.compile(
    r"\b(?P<month>January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\s+(?P<day>\d{1,2})(?:\s+\([^()\n]{0,60}\))?,\s+(?P<year>\d{4})\b"
)


def stated_date(text: str) -> Dated | None:
    """The first date written out in words near the start of ``text`` ("October 3, 2017"),
    taken as the date the document was written."""
    found = _STATED_DATE.search(text, 0, _DATE_WINDOW)
    if found is None:
        return None
    when = parse_date(f"{found['month']} {found['day']}, {found['year']}")
    if when is None:
        return None
    return Dated(when, f"{_day(when)}, the date the document states")


def _day(when: date) -> str:
    return f"{when:%B} {when.day}, {when.year}"


def _now_at(moves: Sequence[Move]) -> str:
    places = list(dict.fromkeys(m.where for m in moves))
    if len(places) == 1:
        return f"it is now {places[0]}"
    return f"it is now one of {', '.join(places[:-1])} and {places[-1]}"


def _moved_citation(text: str, citation: Citation, moves: Sequence[Move]) -> str | None:
    """The citation written at its one new place, pin kept; ``None`` where there is no
    single place, or the citation is part of a list or range (fix those by hand)."""
    places = {(m.title, m.section) for m in moves}
    if len(places) != 1 or citation.group is not None:
        return None
    title, section = next(iter(places))
    pin = "".join(f"({p})" for p in getattr(citation, "pin", ()) or ())
    note = " note" if getattr(citation, "note", False) else ""
    return f"{title} U.S.C. § {section}{pin}{note}"


#: How many subdivisions run into a paragraph's text, unmarked, the checker allows for.
_RUN_IN = 8


def _rank(label: str) -> int:
    """Where a label stands in its kind of sequence: "3" 3, "c" 3, "iv" 4, "cc" 3; the lower
    of two readings ("i" is the first roman numeral or the ninth letter: 1)."""
    if label.isdigit():
        return int(label)
    ranks = [n for n in range(1, 200) if _roman_numeral(n) == label.lower()][:1]
    if label.isascii() and label.isalpha() and len(set(label)) == 1:
        ranks.append(ord(label[0].lower()) - ord("a") + 1)
    return min(ranks, default=0)


def _roman_numeral(number: int) -> str:
    out = ""
    for value, letters in ((100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix")):
        while number >= value:
            out += letters
            number -= value
    for value, letters in ((5, "v"), (4, "iv"), (1, "i")):
        while number >= value:
            out += letters
            number -= value
    return out


def _ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def _pin_label(label: str) -> str:
    """A pin as the index writes it: "a–1" with the Code's en dash."""
    return label.replace("-", "\u2013")


def _labels(children: Sequence[str]) -> str:
    """ "(a) to (h)" for a run, else "(a), (b), (d)" (at most twelve)."""
    if len(children) > 2 and all(next_label(a) == b for a, b in pairwise(children)):
        return f"({children[0]}) to ({children[-1]})"
    shown = ", ".join(f"({c})" for c in children[:12])
    return shown + (", …" if len(children) > 12 else "")


def _pin_for_letters(index: UsCodeIndex, title: str, section: str) -> str | None:
    """ "21 U.S.C. § 331(j)" for a missing "331j" whose section has a subsection (j)."""
    found = re.fullmatch(r"(\d+)([a-z]{1,2})", section)
    if found is None:
        return None
    records = index.lookup(title, found.group(1))
    if len(records) != 1 or not records[0].active:
        return None
    paths = index.subdivisions(records[0])
    if paths is None or found.group(2) not in paths:
        return None
    return f"{title} U.S.C. § {found.group(1)}({found.group(2)})"


def _units(citations: Sequence[Citation]) -> Iterator[list[Citation]]:
    """Citations grouped as written: a list or range is one unit, any other citation its own."""
    unit: list[Citation] = []
    for citation in citations:
        if unit and (citation.group is None or citation.group != unit[0].group):
            yield unit
            unit = []
        unit.append(citation)
    if unit:
        yield unit


def _ordered(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.start, _RANK[f.severity], f.end))


def _shown(text: str) -> str:
    """A span of text for a one-line message."""
    return " ".join(text.split())


# --- style ------------------------------------------------------------------------

_MARK = r"§§|§|[Ss]ections?\b|SECTIONS?\b|[Ss]ecs?\.|[Ss]ecs?\b"
#: "8 U.S.C. § ", "8 U.S. Code ", "8 USC ", "50 U.S.C. App. § ": what comes before the section.
_ABBREVIATED_HEAD = re.compile(
    rf"(?P<title>\d{{1,3}}){WS}"
    rf"(?P<name>U\.?{WS}S\.?{WS}C(?:ode\b|\.?(?:{WS}?[ASU]\b\.?)?)|usc\b\.?|United{WS1}States{WS1}Code\b)"
    rf"(?P<app>{WS1}[Aa]pp(?:\.|endix\b))?(?P<comma>{WS},)?{WS}(?:(?P<mark>{_MARK}){WS})?(?=\d)"
)
#: "U.S.C. Title 18, Section 922(g)".
_NAME_FIRST_HEAD = re.compile(
    rf"U\.?{WS}S\.?{WS}C\.?{WS},?{WS}(?:[Tt]itle|TITLE){WS1}\d{{1,3}}{WS},?{WS}"
    rf"(?P<mark>{_MARK}){WS}(?=\d)"
)
#: A bare short form: "§ 1373", "§§1981-1983".
_SHORT_HEAD = re.compile(rf"(?P<mark>§§?){WS}(?=\d)")
_DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2212")
_EN_DASH = "\u2013"


def _style(document: Document, unit: Sequence[Citation]) -> list[Finding]:
    """One style finding for a unit whose form is not the Bluebook form, with the fix."""
    text = document.text
    start, end = unit[0].start, unit[-1].end
    sections = {getattr(c, "section", None) for c in unit}
    mark = "§§" if len(sections) > 1 else "§"
    if mark == "§" and "§§" in text[start:end] and _et_seq(text, unit[-1]):
        mark = "§§"  # "§ 101 et seq." and "§§ 101 et seq." are both written: either is fine
    problems: list[tuple[str, str]] = []
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) in the text

    head = _head(text, start, end, unit[0], mark, problems)
    if head is not None:
        edits.append(head)
    note = _note_edit(text, unit[-1])
    if note is not None:
        edits.append(note)
        end = max(end, note[1])
        problems.append(("style/note", 'write "note" for the abbreviation "nt"'))
    for citation, after in pairwise(unit):
        if getattr(citation, "range_end", None) is None:
            continue
        joint = text[citation.end : after.start]
        if not joint.strip() or joint.strip()[0] not in _DASHES or len(joint.strip()) != 1:
            continue  # "to", "through": words are fine
        hyphenated = "-" in str(getattr(citation, "section", "")) or "-" in str(
            getattr(after, "section", "")
        )
        wanted = " to " if hyphenated else _EN_DASH
        if joint != wanted:
            edits.append((citation.end, after.start, wanted))
            problems.append(
                ("style/range-dash", 'write "to" between hyphenated sections')
                if hyphenated
                else ("style/range-dash", "join a range with an en dash (–), without spaces")
            )
    if not edits:
        return []
    pieces, at = [], start
    for s, e, replacement in edits:
        pieces += [text[at:s], replacement]
        at = e
    pieces.append(text[at:end])
    suggestion = "".join(pieces)
    code = problems[0][0]
    reasons = "; ".join(dict.fromkeys(reason for _, reason in problems))
    message = f'write "{_shown(suggestion)}" for "{_shown(text[start:end])}" ({reasons})'
    return [document.finding("style", code, message, start, end, unit[0], suggestion)]


def _head(
    text: str,
    start: int,
    end: int,
    first: Citation,
    mark: str,
    problems: list[tuple[str, str]],
) -> tuple[int, int, str] | None:
    """The edit that gives the citation's head its Bluebook form, if it needs one."""
    found = _ABBREVIATED_HEAD.match(text, start, end)
    if found is not None:
        title = getattr(first, "title", None) or found.group("title")
        name = _canonical_name(found.group("name"))
        app = " app." if found.group("app") else ""
        wanted = f"{title} {name}{app} {mark} "
        written = found.group()
        if _spaced(written) != wanted:
            problems += _head_problems(found, name, app, mark)
            return (start, found.end(), wanted)
        return None
    found = _NAME_FIRST_HEAD.match(text, start, end)
    if found is not None:
        title = getattr(first, "title", None)
        if title is None:
            return None
        problems.append(("style/form", 'cite the title first: "18 U.S.C. § 922"'))
        return (start, found.end(), f"{title} U.S.C. {mark} ")
    found = _SHORT_HEAD.match(text, start, end)
    if found is not None and _spaced(found.group()) != f"{mark} ":
        problems += _mark_problems(found.group("mark"), mark) or [_SPACING]
        return (start, found.end(), f"{mark} ")
    return None


def _canonical_name(written: str) -> str:
    letters = re.sub(r"[^A-Za-z]", "", written).upper()
    if letters in ("USCA", "USCS"):
        return f"U.S.C.{letters[-1]}."
    return "U.S.C."


def _head_problems(found: re.Match[str], name: str, app: str, mark: str) -> list[tuple[str, str]]:
    problems = []
    if _spaced(found.group("name")) != name:
        problems.append(("style/code-name", f'abbreviate the Code as "{name}"'))
    if found.group("app") and _spaced(found.group("app")).strip() != app.strip():
        problems.append(("style/code-name", 'write "app." for the appendix'))
    if found.group("comma"):
        problems.append(("style/form", "no comma before the section"))
    problems += _mark_problems(found.group("mark"), mark)
    return problems or [_SPACING]


def _mark_problems(written: str | None, mark: str) -> list[tuple[str, str]]:
    if written is None:
        return [("style/section-sign", f'put "{mark}" before the section number')]
    if not written.startswith("§"):
        return [("style/section-sign", f'write "{mark}" for "{written}"')]
    if written != mark:
        several = "several sections" if mark == "§§" else "one section"
        return [("style/section-sign", f'write "{mark}" for {several}')]
    return []


_SPACING = ("style/spacing", 'one space between the parts, as in "8 U.S.C. § 1373"')

#: "et seq." after a citation, as the finder's grammar reads it or with a stray period ("et. seq.").
_ET_SEQ_AFTER = re.compile(rf"{WS},?{WS}et\.?{WS}seq\b")
_NOTE_ABBREVIATION = re.compile(r"(?<=\d)nt\b|(?<=\d[A-Za-z])nt\b")


def _et_seq(text: str, last: Citation) -> bool:
    """Whether the citation is followed by "et seq." (the grammar may not have taken "et. seq.")."""
    return bool(getattr(last, "et_seq", False)) or bool(
        _ET_SEQ_AFTER.match(text, last.end, min(len(text), last.end + 20))
    )


def _note_base(section: str) -> str | None:
    """The section of "651nt" ("651"): the Code has no designation ending in "nt"."""
    if len(section) > 2 and section[-2:].lower() == "nt" and section[-3].isalnum():
        return section[:-2]
    return None


def _note_edit(text: str, last: Citation) -> tuple[int, int, str] | None:
    """The edit that writes "651nt" as "651 note" (the finder reads it as the note already, or
    an older grammar as a section "651nt")."""
    section = str(getattr(last, "section", "") or "")
    if not (getattr(last, "note", False) or _note_base(section) is not None):
        return None
    found = _NOTE_ABBREVIATION.search(text, last.start, last.end)
    if found is None:
        return None
    return (found.start(), found.end(), " note")


def _spaced(text: str) -> str:
    """``text`` with each run of white space (line breaks, no-break spaces) as one space."""
    return re.sub(r"\s+", " ", text)
