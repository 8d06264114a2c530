"""How results are written: citations as lines, JSON or JSONL, findings as lines, JSON or
GitHub annotations, and the progress line on a terminal."""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from citelink.models import Citation

if TYPE_CHECKING:  # the checker's modules are imported by the commands that use them
    from citelink.checking.checker import Finding


def write_citations(citations: Sequence[Citation], form: str, out: TextIO) -> None:
    """Print citations as one JSON array (``json``) or one line each (``text``)."""
    if form == "json":
        json.dump([c.to_dict() for c in citations], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    for c in citations:
        out.write(f"{c.start}-{c.end}\t{c.normalized}\t{c.url or '-'}\n")


class RecordWriter:
    """Writes records as lines (``text``, ``jsonl``) or as one JSON array (``json``)."""

    def __init__(self, form: str, out: TextIO) -> None:
        self.form, self.out, self.count = form, out, 0
        if form == "json":
            out.write("[")

    def write(self, records: Sequence[str]) -> None:
        for record in records:
            if self.form == "json":
                self.out.write(("\n" if not self.count else ",\n") + record)
            else:
                self.out.write(record + "\n")
            self.count += 1

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
        records = [{"path": path, **finding.to_dict()} for path, finding in findings]
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    for path, f in findings:
        shown = "<stdin>" if path == "-" else path
        if form == "github":
            level = {"error": "error", "warning": "warning"}.get(f.severity, "notice")
            where = f"file={_escape_property(shown)},line={f.line},endLine={f.end_line}"
            if f.line == f.end_line:
                where += f",col={f.column},endColumn={f.end_column}"
            title = _escape_property(f"citelink {f.code}")
            out.write(f"::{level} {where},title={title}::{_escape_data(f.message)}\n")
        else:
            out.write(f"{shown}:{f.line}:{f.column}: {f.severity}: {f.message} [{f.code}]\n")


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
VERIFIED_KINDS = frozenset({"usc", "cfr", "const", "rule"})


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
