"""How results are written: citations as lines, JSON or JSONL; findings as lines, JSON,
GitHub annotations or SARIF 2.1; a table of authorities; summaries and the progress line."""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from citelink.documents.files import display_path
from citelink.models import Citation
from citelink.records import json_text

if TYPE_CHECKING:  # the checker's modules are imported by the commands that use them
    from citelink.checking.checker import Finding


def write_citations(citations: Sequence[Citation], form: str, out: TextIO) -> None:
    """Print citations as one JSON array (``json``) or one line each (``text``)."""
    if form == "json":
        out.write(json_text([c.to_dict() for c in citations], indent=True) + "\n")
        return
    out.write("".join(f"{c.start}-{c.end}\t{c.normalized}\t{c.url or '-'}\n" for c in citations))


class RecordWriter:
    """Writes records as lines (``text``, ``jsonl``) or as one JSON array (``json``)."""

    def __init__(self, form: str, out: TextIO) -> None:
        self.form, self.out, self.count = form, out, 0
        if form == "json":
            out.write("[")

    def write(self, records: Sequence[str]) -> None:
        """Write one file's records in one write (``PYTHONUNBUFFERED`` makes each a system call)."""
        if not records:
            return
        if self.form == "json":
            self.out.write(("\n" if not self.count else ",\n") + ",\n".join(records))
        else:
            self.out.write("\n".join(records) + "\n")
        self.count += len(records)

    def close(self) -> None:
        if self.form == "json":
            self.out.write("\n]\n" if self.count else "]\n")


class Progress:
    """A one-line progress report on a terminal: files, megabytes, speed."""

    def __init__(self, out: TextIO) -> None:
        self.out, self.files, self.chars = out, 0, 0
        self.started = time.perf_counter()

    def update(self, path: str, size: int) -> None:
        self.files += 1
        self.chars += size
        seconds = max(time.perf_counter() - self.started, 1e-9)
        self.out.write(
            f"\r{self.files} files, {self.chars / 1e6:.1f} M characters, "
            f"{self.chars / 1e6 / seconds:.1f} M/s  "
        )
        self.out.flush()

    def close(self) -> None:
        self.out.write("\n")


def write_findings(findings: Sequence[tuple[str, Finding]], form: str, out: TextIO) -> None:
    """Print ``(path, finding)`` pairs as compiler-style lines, JSON or GitHub annotations."""
    if form == "json":
        records = [{"path": display_path(path), **f.to_dict()} for path, f in findings]
        out.write(json_text(records, indent=True) + "\n")
        return
    for path, f in findings:
        shown = "<stdin>" if path == "-" else display_path(path)
        if form == "github":
            level = {"error": "error", "warning": "warning"}.get(f.severity, "notice")
            where = f"file={_escape_property(shown)},line={f.line},endLine={f.end_line}"
            if f.line == f.end_line:
                where += f",col={f.column},endColumn={f.end_column}"
            title = _escape_property(f"citelink {f.code}")
            out.write(f"::{level} {where},title={title}::{_escape_data(f.message)}\n")
        else:
            out.write(f"{shown}:{f.line}:{f.column}: {f.severity}: {f.message} [{f.code}]\n")


def write_sarif(findings: Sequence[tuple[str, Finding]], out: TextIO) -> None:
    """Print findings as one SARIF 2.1.0 log (code-review tools: GitHub code scanning, IDEs).

    Columns count Unicode code points (``columnKind``); a suggestion is a ``fix``.
    """
    from citelink import __version__

    rules: dict[str, int] = {}
    results = []
    for path, f in findings:
        index = rules.setdefault(f.code, len(rules))
        location = {"uri": _uri(path)}
        region = {
            "startLine": f.line,
            "startColumn": f.column,
            "endLine": f.end_line,
            "endColumn": f.end_column + 1,  # SARIF's end column is past the last character
        }
        result: dict[str, object] = {
            "ruleId": f.code,
            "ruleIndex": index,
            "level": _SARIF_LEVELS[f.severity],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
        }
        if f.suggestion is not None:
            change = {
                "artifactLocation": location,
                "replacements": [
                    {"deletedRegion": region, "insertedContent": {"text": f.suggestion}}
                ],
            }
            result["fixes"] = [
                {"description": {"text": f"write {f.suggestion!r}"}, "artifactChanges": [change]}
            ]
        results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "citelink",
                        "version": __version__,
                        "rules": [{"id": code, "name": code.replace("/", "-")} for code in rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    json.dump(log, out, ensure_ascii=False, indent=2)
    out.write("\n")


_SARIF_LEVELS = {"error": "error", "warning": "warning", "style": "note", "info": "note"}


def _uri(path: str) -> str:
    """A file's relative URI reference for SARIF (``stdin`` for standard input)."""
    from urllib.parse import quote

    if path == "-":
        return "stdin"
    return quote(path.replace("\\", "/"))


#: A table of authorities' headings, in a brief's order, and the kinds under each.
_TOA_SECTIONS = (
    ("Cases", ("case",)),
    ("Constitutional Provisions", ("const",)),
    ("Statutes", ("usc", "pl", "pvtl", "stat", "act", "state", "ucc")),
    ("Regulations", ("cfr", "fr", "state_reg")),
    ("Rules", ("rule",)),
)


def write_toa(
    documents: Sequence[tuple[str, str, Sequence[Citation], Sequence[Finding]]], out: TextIO
) -> None:
    """Print a table of authorities: each authority once, under its heading (cases,
    constitutional provisions, statutes, regulations, rules, other authorities), in order,
    with the lines that cite it, and what the checker found wrong with it.

    ``documents`` are ``(path, text, citations, findings)``, spans in ``text``.
    """
    from citelink.checking.checker import Document, at_least

    entries: dict[tuple[str, str], _Authority] = {}
    for path, text, citations, findings in documents:
        document = Document(text)
        problems: dict[int, list[str]] = {}
        for f in findings:
            if f.citation is not None and at_least(f.severity, "warning"):
                problems.setdefault(f.citation.start, []).append(f.severity)
        shown = "<stdin>" if path == "-" else path
        for citation in citations:
            if citation.short and not citation.resolved:
                continue
            key, label = _authority(citation)
            entry = entries.setdefault((citation.kind, key), _Authority(label, citation))
            line, _ = document.position(citation.start)
            entry.lines.setdefault(shown, [])
            if line not in entry.lines[shown]:
                entry.lines[shown].append(line)
            entry.problems += problems.get(citation.start, [])
    placed = {kind for _, kinds in _TOA_SECTIONS for kind in kinds}
    sections = [*_TOA_SECTIONS, ("Other Authorities", ())]
    out.write("TABLE OF AUTHORITIES\n")
    for heading, kinds in sections:
        chosen = [
            e
            for (kind, _), e in entries.items()
            if (kind in kinds if kinds else kind not in placed)
        ]
        if not chosen:
            continue
        out.write(f"\n{heading}\n")
        for entry in sorted(chosen, key=_toa_order):
            where = "; ".join(
                f"{path}:{', '.join(map(str, lines))}" for path, lines in entry.lines.items()
            )
            counts = Counter(entry.problems)
            flag = ", ".join(f"{n} {s}{'s' if n > 1 else ''}" for s, n in counts.items())
            out.write(f"  {entry.label} .... {where}" + (f"  [{flag}]" if flag else "") + "\n")


class _Authority:
    """One line of a table of authorities."""

    def __init__(self, label: str, citation: Citation) -> None:
        self.label, self.citation = label, citation
        self.lines: dict[str, list[int]] = {}
        self.problems: list[str] = []


def _authority(citation: Citation) -> tuple[str, str]:
    """A citation's authority without its pin: its key and its name in the table."""
    pin = tuple(getattr(citation, "pin", ()) or ())
    key = citation.id or citation.normalized
    label = citation.normalized
    if pin and citation.id:
        key = "/".join(citation.id.split("/")[: -len(pin)])
        written = "".join(f"({p})" for p in pin)
        if written in label:
            label = label.replace(written, "", 1)
    if citation.kind == "case":
        key = label = citation.normalized
    return key, label


def _toa_order(entry: _Authority) -> tuple[object, ...]:
    """Cases by name; the Code by title and section; everything else by its name."""
    from citelink.index import order_key

    citation = entry.citation
    if citation.kind == "usc":
        title = str(getattr(citation, "title", "") or "")
        section = str(getattr(citation, "section", "") or "")
        return (0, int(title) if title.isdigit() else 0, order_key(section), entry.label)
    if citation.kind == "cfr":
        title = str(getattr(citation, "title", "") or "")
        part = str(getattr(citation, "part", "") or getattr(citation, "section", "") or "")
        number = part.split(".")
        return (1, int(title) if title.isdigit() else 0, tuple(map(order_key, number)), entry.label)
    return (2, (), (), entry.label.lower())


def _escape_data(text: str) -> str:
    """Escape a workflow command's message (GitHub's rules: %, CR and LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """Escape a workflow command's property value (also ":" and ",")."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


#: What the checker could not verify, by finding code: said once per document.
_NOT_VERIFIED = {
    "cfr/not-checked": "CFR citations outside the CFR index (title 8, parts with listed sections)",
    "usc/not-checked": "citations of the former appendix titles of the U.S. Code",
    "usc/pin-not-verified": "pins below the subdivisions the Code marks up",
    "link/unverified": "links that could not be verified",
}
#: Kinds the checker verifies; the others are counted as not verified.
VERIFIED_KINDS = frozenset({"usc", "cfr", "const", "rule", "pl", "stat", "fr"})


def document_summary(
    path: str, kinds: Counter[str], findings: Sequence[Finding], hidden: int
) -> list[str]:
    """The summary of one checked document: its authorities by kind, its findings by
    severity and by rule, and, once, what could not be verified."""
    from citelink.checking.checker import SEVERITIES

    shown = "<stdin>" if path == "-" else path
    total = sum(kinds.values())
    by_kind = ", ".join(f"{kind} {n:,}" for kind, n in kinds.most_common())
    lines = [
        f"{shown}: {total:,} citation{'s' if total != 1 else ''}"
        + (f" ({by_kind})" if by_kind else "")
    ]
    counts = Counter(f.severity for f in findings)
    severities = ", ".join(f"{counts[s]:,} {s}" for s in SEVERITIES if counts[s])
    if severities:
        lines.append(f"  findings: {severities}")
    rules = Counter(f.code for f in findings if f.severity != "info")
    if rules:
        lines.append("  problems: " + ", ".join(f"{code} {n:,}" for code, n in rules.most_common()))
    unverified = Counter(f.code for f in findings if f.code in _NOT_VERIFIED)
    unverified.update(
        f.code for f in findings if f.code.startswith("link/") and f.severity == "info"
    )
    parts = [f"{n:,} {_NOT_VERIFIED.get(code, code)}" for code, n in unverified.items() if n]
    other = Counter({k: n for k, n in kinds.items() if k not in VERIFIED_KINDS})
    if other:
        parts.append(
            ", ".join(f"{n:,} {kind}" for kind, n in other.most_common())
            + " (kinds the checker does not verify)"
        )
    if parts:
        lines.append("  not verified: " + "; ".join(parts))
    if hidden:
        lines.append(
            f"  {hidden:,} info finding{'s' if hidden != 1 else ''} not shown (--show-info)"
        )
    return lines


def summary(findings: Sequence[tuple[str, Finding]], files: int) -> None:
    from citelink.checking.checker import SEVERITIES

    counts = {s: sum(1 for _, f in findings if f.severity == s) for s in SEVERITIES}
    parts = [f"{n} {s}" for s, n in counts.items() if n]
    noun = "file" if files == 1 else "files"
    if parts:
        total = len(findings)
        what = f"{total} finding{'s' if total != 1 else ''} ({', '.join(parts)})"
    else:
        what = "no findings"
    print(f"citelink: {what} in {files} {noun}", file=sys.stderr)
