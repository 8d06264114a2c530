"""Check a document's citations before publication: existence, status, style, ambiguity, links.

>>> from citelink.checking.checker import check
>>> [(f.severity, f.code) for f in check("See 8 U.S. Code 8.")]
[('warning', 'usc/not-current'), ('style', 'style/code-name')]

Each :class:`Finding` has a severity (error, warning, style or info), a code,
a message, the span it is about (offsets, line and column), the citation and,
for style findings, the suggested replacement of the span. The checks:

* **existence and status** — U.S. Code citations against the shipped index of
  the Code (:mod:`citelink.index`): a title that does not exist, a section that
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
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING, Any, cast

from citelink.checking.findings import (
    SEVERITIES,
    Document,
    Finding,
    Severity,
    at_least,
    one_line,
    rank,
)
from citelink.checking.provisions import (
    ABROGATED,
    AMENDMENTS,
    ARTICLES,
    RULE_SETS,
    RULES,
    rule_number,
)
from citelink.checking.quoted import Spans, markup_spans, quoted_spans
from citelink.checking.style import list_goes_on, note_base, style_findings
from citelink.documents.reader import ReaderText, read
from citelink.finder import ANTECEDENT_PARAGRAPHS, Finder
from citelink.grammar import WS, WS1, to_roman
from citelink.index import (
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
from citelink.markup import Layout
from citelink.models import Citation

if TYPE_CHECKING:
    from citelink.checking.links import LinkResult

__all__ = [
    "SEVERITIES",
    "Checker",
    "Dated",
    "Document",
    "Finding",
    "apply_fixes",
    "at_least",
    "check",
    "stated_date",
]

#: The citation forms style findings can ask for.
STYLES = ("bluebook", "gpo")
#: The highest title number of the U.S. Code.
LAST_TITLE = 54


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
        style: str = "bluebook",
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
        if style not in STYLES:
            raise ValueError(f"unknown style {style!r} (one of {', '.join(STYLES)})")
        #: The citation form style findings ask for: "bluebook" (8 U.S.C. § 1373) or "gpo"
        #: (8 U.S.C. 1373, the Federal Register's and the statutes' form).
        self.style = style
        #: Lower-cased subdivision paths by a record's pins (pins are matched ignoring case).
        self._folded: dict[str, dict[str, str]] = {}
        self._last: int | None = None

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
            return _leave_quoted(moved, lambda _: markup_spans(layout.source, layout.markup))
        document = Document(text)
        findings: list[Finding] = self.link_findings(text, citations, links) if links else []
        when = self.written(text, as_of)
        #: The line of the first warning about each far antecedent, by where it starts.
        far_from: dict[int, int] = {}
        for unit in _units(citations):
            doubts = self._ambiguity(document, unit, far_from)
            findings += doubts
            if any(f.code == "ambiguous/other-title" for f in doubts):
                continue  # its title is a guess the text contradicts: nothing more to say
            far = any(f.code == "ambiguous/far-antecedent" for f in doubts)
            before = len(findings)
            previous: Citation | None = None
            for citation in unit:
                rule = _STATUS_RULES.get(citation.kind)
                if rule is not None:
                    findings += rule(self, document, citation, when, previous)
                previous = citation
            if far:
                # Its title is a reading from many paragraphs back: what the index says of that
                # reading is a note, and no fix is offered for it.
                findings[before:] = [_as_note(f) for f in findings[before:]]
            if unit[0].kind == "usc":
                findings += style_findings(document, unit, self.style)
        return _ordered(
            _leave_quoted(findings, lambda spans: quoted_spans(text, document.paragraphs(spans)))
        )

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
            earlier = one_line(citation.antecedent.text)
            label += f' ("{one_line(citation.text)}", title {title} taken from "{earlier}")'

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
        base = note_base(section)
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
            return self._pin(document, citation, label, record, pin, previous, when)
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
        elif citation.short and getattr(citation, "pin", None) and not now:
            # "section 237(a)(1)(H)" read in title 8: a pin in a section long gone from the
            # Code is an act's section, not the Code's.
            severity = "info"
            message += (
                "; with a pin, a short form of a section gone from the Code probably cites"
                " another law"
            )
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
            message += f" (it was § {getattr(citation, 'section', '')} on {when.shown})"
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
        when: Dated | None = None,
    ) -> list[Finding]:
        """Whether the subdivision a citation pins exists; if not, the nearest that do."""
        paths = self.uscode.subdivisions(record)
        if paths is None:
            return []
        wanted = [_pin_label(p) for p in pin]
        folded = self._folded.get(record.pins)
        if folded is None:
            folded = self._folded[record.pins] = {p.lower(): p for p in paths}
        if "/".join(wanted).lower() in folded:
            return []
        if previous is not None and citation.text.lstrip().startswith("("):
            # "§ 1101(a)(43)(G) and (M)(i)": a pin in a list may go on from the one before.
            before = [_pin_label(p) for p in getattr(previous, "pin", ()) or ()]
            for keep in range(len(before) - 1, 0, -1):
                if "/".join(before[:keep] + wanted).lower() in folded:
                    return []
        # The deepest part of the pin that exists, and what is under it.
        lower = folded
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
            code = "usc/pin-not-verified"
            severity: Severity = "info"
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
                    severity,
                    code,
                    message,
                    citation.start,
                    citation.end,
                    citation,
                )
            ]
        has = f"{where} has {_labels(children)}, not ({pin[depth]})"
        message = f"{full} does not exist: {has} (release point {self.uscode.release_point})"
        hint = self._nearest_pin(record, wanted, paths)
        if hint:
            message += f"; did you mean {hint}?"
        amended = record.last_amended
        if when is not None and amended is not None and when.date < amended:
            # The section has changed since the document was written: the pin may have been
            # there then (the index holds the subdivisions of today's Code only).
            message = message.replace(" does not exist: ", " is not in the current Code: ", 1)
            message += (
                f"; § {record.section} was amended on {_day(amended)}, after {when.shown},"
                " so it may have been there then"
            )
            return [
                document.finding(
                    "warning", "usc/unknown-pin", message, citation.start, citation.end, citation
                )
            ]
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

    def _act_status(
        self, document: Document, citation: Citation, when: Dated | None, previous: Citation | None
    ) -> list[Finding]:
        """ "INA § 287(g)(10)": the act's table says where it is in the Code; that is checked.
        A section the table lacks is reported as such."""
        if not getattr(citation, "code_section", None):
            return _unmapped_act_section(document, citation)
        in_code = self._usc_status(document, cast(Citation, _InCode(citation)), when, previous)
        return [
            replace(f, message=f"{one_line(citation.text)}: {f.message}", citation=citation)
            for f in in_code
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

    def _law_status(self, document: Document, citation: Citation) -> list[Finding]:
        """Public laws of a Congress that has met, in range as far as the Code's source
        credits know; Statutes at Large and Federal Register volumes that exist."""
        today = date.today()
        why: str | None = None
        severity: Severity = "error"
        if citation.kind == "pl":
            congress = _number(getattr(citation, "congress", None))
            number = _number(getattr(citation, "number", None))
            if congress is None or number is None:
                return []
            met = _sitting_congress(today)
            highest = self.uscode.public_laws.get(str(congress))
            if congress < 1 or number < 1:
                why = "Congresses and their laws are numbered from 1"
            elif congress > met:
                why = (
                    f"the {_ordinal(congress)} Congress has not met (the {_ordinal(met)} sits now)"
                )
            elif highest is not None and number > highest and congress < self._last_congress():
                severity = "warning"
                why = (
                    f"the Code's source credits know Pub. L. {congress}-1 to {congress}-{highest} "
                    f"of the {_ordinal(congress)} Congress"
                )
        else:
            volume = _number(getattr(citation, "volume", None))
            if volume is None:
                return []
            stat = citation.kind == "stat"
            # Volume 140 of the Statutes at Large is 2026's, volume 91 of the Register too.
            latest = today.year - (1886 if stat else 1935)
            name = "the Statutes at Large have" if stat else "the Federal Register has"
            if volume < 1:
                why = f"{name} volumes from 1"
            elif volume > latest:
                why = f"{name} no volume {volume} yet (volume {latest} is this year's)"
        if why is None:
            return []
        label = citation.normalized
        verdict = "does not exist" if severity == "error" else "is not known"
        return [
            document.finding(
                severity,
                f"{citation.kind}/unknown",
                f"{label} {verdict}: {why}",
                citation.start,
                citation.end,
                citation,
            )
        ]

    def _nearest_pin(self, record: Record, wanted: list[str], paths: frozenset[str]) -> str:
        """A real pin a slip may have meant: a level left out ("§ 1650(7)" for
        "§ 1650(a)(7)"), or the same pin in a section a digit away ("§ 264(i)(1)" for
        "§ 262(i)(1)"); "" when there is none, or more than one."""
        target = "/".join(wanted).lower()
        deeper = [p for p in paths if p.lower().partition("/")[2] == target]
        if len(deeper) == 1:
            return f"§ {record.section}" + "".join(f"({q})" for q in deeper[0].split("/"))
        if not record.section.isdigit():
            return ""
        number, found = int(record.section), []
        for near in (number - 2, number - 1, number + 1, number + 2):
            records = self.uscode.lookup(record.title, str(near))
            if len(records) == 1 and records[0].active:
                others = self.uscode.subdivisions(records[0])
                if others is not None and target in {p.lower() for p in others}:
                    found.append(near)
        if len(found) != 1:
            return ""
        return f"{record.title} U.S.C. § {found[0]}" + "".join(f"({q})" for q in wanted)

    def _live_section(self, citation: Citation) -> bool:
        """Whether a U.S. Code citation names one live section (and its pin, if any)."""
        title, section = getattr(citation, "title", None), getattr(citation, "section", None)
        if citation.kind != "usc" or not title or not section:
            return False
        records = self.uscode.lookup(str(title), str(section))
        if len(records) != 1 or not records[0].active:
            return False
        pin = tuple(getattr(citation, "pin", ()) or ())
        paths = self.uscode.subdivisions(records[0])
        if not pin or paths is None:
            return True
        return "/".join(_pin_label(p) for p in pin).lower() in {p.lower() for p in paths}

    def _last_congress(self) -> int:
        """The last Congress the index knows public laws of (its numbers may go on)."""
        if self._last is None:
            self._last = max(map(int, self.uscode.public_laws), default=0)
        return self._last

    # --- ambiguity ----------------------------------------------------------------

    def _ambiguity(
        self,
        document: Document,
        unit: Sequence[Citation],
        far_from: dict[int, int] | None = None,
    ) -> list[Finding]:
        first = unit[0]
        if not first.short:
            return []
        start, end = unit[0].start, unit[-1].end
        shown = one_line(document.text[start:end])
        if not first.resolved:
            reason = getattr(first, "unresolved_reason", None) or "no-antecedent"
            why = _UNRESOLVED.get(reason, _UNRESOLVED["no-antecedent"])
            message = f'"{shown}" is a short form {why.format(self.antecedent_paragraphs)}'
            return [document.finding("warning", f"ambiguous/{reason}", message, start, end, first)]
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
                    f'"{shown}" is read as title {title} (from "{one_line(antecedent.text)}"), '
                    f'but "{one_line(named.group())}" is named nearer: cite it in full, '
                    "with its title",
                    start,
                    end,
                    first,
                )
            ]
        back = document.paragraph(first.start) - document.paragraph(antecedent.start)
        if back <= self.antecedent_paragraphs:
            return []
        # The full form is offered only where it names a live section of the Code: a reading
        # this far back is a guess, and a guess must not be written out as a citation.
        full = f" ({first.normalized})" if self._live_section(first) else ""
        message = (
            f'"{shown}" refers back to "{one_line(antecedent.text)}", {back} paragraphs '
            f"earlier; cite it in full{full}"
        )
        severity: Severity = "warning"
        if far_from is not None:
            # One warning for each far antecedent; the short forms after it are notes.
            line = far_from.get(antecedent.start)
            if line is None:
                far_from[antecedent.start] = document.position(start)[0]
            else:
                severity = "info"
                message += f" (as the short form on line {line})"
        return [document.finding(severity, "ambiguous/far-antecedent", message, start, end, first)]


#: Why the finder left a short form unresolved (its ``unresolved_reason``), as a finding says it.
_UNRESOLVED = {
    "no-antecedent": "with no full citation before it to say which code it cites",
    "far-antecedent": (
        "more than {} paragraphs after the last full citation that could say which code it"
        " cites: cite it in full"
    ),
    "other-container": (
        "after another body of law is named (an act, an order, a rule, a code): cite it in"
        " full to say which law it cites"
    ),
    "unknown-section": (
        "whose code, read from the citation before it, has no such section: it probably"
        " cites another law; cite it in full"
    ),
}


def _const_status(document: Document, citation: Citation) -> list[Finding]:
    """Whether the article or amendment has the section and clause cited."""
    article = getattr(citation, "article", None)
    amendment = getattr(citation, "amendment", None)
    section = getattr(citation, "section", None)
    clause = getattr(citation, "clause", None)
    label = citation.normalized
    why = None
    if article is not None and article.isdigit():
        sections = ARTICLES.get(int(article))
        if sections is None:
            why = "the Constitution has seven articles"
        elif section is not None and section not in sections:
            whole = "" in sections
            why = (
                f"Article {to_roman(int(article))} has no sections"
                if whole
                else f"Article {to_roman(int(article))} has §§ 1–{len(sections)}"
            )
        elif clause is not None and clause.isdigit():
            count = sections.get(section or "", sections.get("", 0))
            if section is None and "" not in sections:
                count = 0  # "art. I, cl. 3": its clauses are in its sections
            where = f"Article {to_roman(int(article))}" + (f", § {section}," if section else "")
            if not 1 <= int(clause) <= count:
                why = (
                    f"{where} has {count} clause{'s' if count != 1 else ''}"
                    if count
                    else f"{where} has its clauses in its sections"
                )
    elif amendment is not None and amendment.isdigit():
        sections_of = AMENDMENTS.get(int(amendment))
        name = f"Amendment {to_roman(int(amendment))}"
        if sections_of is None:
            why = "the Constitution has twenty-seven amendments"
        elif section is not None and section.isdigit() and not 1 <= int(section) <= sections_of:
            why = f"{name} has " + (f"§§ 1–{sections_of}" if sections_of else "no sections")
    if why is None:
        return []
    return [
        document.finding(
            "error",
            "const/unknown-provision",
            f"{label} does not exist: {why}",
            citation.start,
            citation.end,
            citation,
        )
    ]


def _rule_status(document: Document, citation: Citation) -> list[Finding]:
    """Whether the Federal Rule cited exists (its number; its subdivisions are not held)."""
    rules = str(getattr(citation, "rules", "") or "")
    number = rule_number(str(getattr(citation, "rule", "") or ""))
    numbers = RULES.get(rules)
    if numbers is None or number is None:
        return []
    end = getattr(citation, "range_end", None)
    if end is not None and not (number in numbers and rule_number(str(end)) in numbers):
        return []  # "Rule 11-803": a state's rule read as a range; nothing to say of it
    label = citation.normalized
    gone = ABROGATED.get((rules, number))
    if gone is not None:
        return [
            document.finding(
                "warning",
                "rule/not-current",
                f"{label}: Rule {number} of {RULE_SETS[rules]} was {gone}",
                citation.start,
                citation.end,
                citation,
            )
        ]
    if number in numbers:
        return []
    return [
        document.finding(
            "error",
            "rule/unknown-rule",
            f"{label} does not exist: {RULE_SETS[rules]} have no Rule {number}"
            f" (they run from {min(numbers)} to {max(numbers)})",
            citation.start,
            citation.end,
            citation,
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


def _as_note(finding: Finding) -> Finding:
    """A finding about a doubtful reading: a note without a fix."""
    if finding.severity == "info" and finding.suggestion is None:
        return finding
    return replace(
        finding,
        severity="info",
        message=f"{finding.message} (if the short form cites that title)",
        suggestion=None,
    )


def _leave_quoted(
    findings: list[Finding], spans: Callable[[list[tuple[int, int]]], Spans]
) -> list[Finding]:
    """Findings whose fix would rewrite quoted or official text, without the fix: a style
    finding there becomes a note (a quotation is reproduced as it was written).

    ``spans`` gives the quoted text around the spans of the findings it is given.
    """
    about = [
        (f.start, f.end) for f in findings if f.suggestion is not None or f.severity == "style"
    ]
    if not about:
        return findings
    found = spans(about)
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


def _unmapped_act_section(document: Document, citation: Citation) -> list[Finding]:
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


_StatusRule = Callable[
    [Checker, Document, Citation, "Dated | None", "Citation | None"], list[Finding]
]
#: What is checked of each kind of citation that exists or not (a kind not here is not
#: checked): one rule per kind, registered here.
_STATUS_RULES: dict[str, _StatusRule] = {
    "usc": lambda checker, document, citation, when, previous: checker._usc_status(
        document, citation, when, previous
    ),
    "act": Checker._act_status,
    "cfr": lambda checker, document, citation, when, previous: checker._cfr_status(
        document, citation
    ),
    "const": lambda checker, document, citation, when, previous: _const_status(document, citation),
    "rule": lambda checker, document, citation, when, previous: _rule_status(document, citation),
    **dict.fromkeys(
        ("pl", "stat", "fr"),
        lambda checker, document, citation, when, previous: checker._law_status(document, citation),
    ),
}


class _InCode:
    """A named act's section seen as the Code section its act table gives."""

    kind = "usc"

    def __init__(self, citation: Citation) -> None:
        self._citation = citation
        self.section = getattr(citation, "code_section", None)
        self.appendix = False
        self.note = False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._citation, name)


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
    """The date the document states near its start, taken as when it was written: a date
    labelled as the document's ("Dated:", "Decided", "Filed", "Issued", "Published"), else the
    first date written out in words there ("October 3, 2017"); never one after today."""
    today = date.today()
    first = labelled = None
    for found in _STATED_DATE.finditer(text, 0, _DATE_WINDOW):
        when = parse_date(f"{found['month']} {found['day']}, {found['year']}")
        if when is None or when > today:
            continue
        first = first or when
        if _DATE_LABEL.search(text, max(0, found.start() - 24), found.start()):
            labelled = when
            break
    when = labelled or first
    if when is None:
        return None
    return Dated(when, f"{_day(when)}, the date the document states")


#: Words that say a date is the document's own.
_DATE_LABEL = re.compile(r"(?i)\b(?:dated|date|decided|filed|issued|published|argued)\b[:,]?\s*$")


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
    if len(places) != 1 or citation.group is not None or list_goes_on(text, citation.end):
        return None
    title, section = next(iter(places))
    pin = "".join(f"({p})" for p in getattr(citation, "pin", ()) or ())
    note = " note" if getattr(citation, "note", False) else ""
    return f"{title} U.S.C. § {section}{pin}{note}"


def _number(value: object) -> int | None:
    text = str(value) if value is not None else ""
    return int(text) if text.isdigit() else None


def _sitting_congress(today: date) -> int:
    """The Congress sitting on ``today`` (the 119th in 2025 and 2026; each first meets on
    January 3 of an odd year)."""
    congress = (today.year - 1789) // 2 + 1
    return congress - 1 if today.year % 2 and today < date(today.year, 1, 3) else congress


#: How many subdivisions run into a paragraph's text, unmarked, the checker allows for.
_RUN_IN = 8


def _rank(label: str) -> int:
    """Where a label stands in its kind of sequence: "3" 3, "c" 3, "iv" 4, "cc" 3; the lower
    of two readings ("i" is the first roman numeral or the ninth letter: 1)."""
    if label.isdigit():
        return int(label)
    found = _ROMAN_RANKS.get(label.lower())
    ranks = [found] if found is not None else []
    if label.isascii() and label.isalpha() and len(set(label)) == 1:
        ranks.append(ord(label[0].lower()) - ord("a") + 1)
    return min(ranks, default=0)


#: Roman numerals up to 199 and their values, as subdivisions use them.
_ROMAN_RANKS = {to_roman(n).lower(): n for n in range(1, 200)}


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
    return sorted(findings, key=lambda f: (f.start, rank(f.severity), f.end))
