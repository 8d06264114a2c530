"""``citelink data``: look citations up in the shipped indexes, or rebuild one."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from citelink.documents.files import InputError
from citelink.documents.writing import write_file

if TYPE_CHECKING:
    from citelink.checking.checker import Checker, Finding
    from citelink.models import (
        Citation,  # the checker's modules are imported by the commands that use them
    )


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    data = commands.add_parser(
        "data",
        help="the indexes of the law that citelink ships",
        description="Look citations up in the shipped indexes, or rebuild an index.",
    )
    actions = data.add_subparsers(dest="action", required=True, metavar="ACTION")
    build = actions.add_parser(
        "build-index",
        help="rebuild the U.S. Code index from official USLM XML",
        description=(
            "Rebuild an index: from USLM XML of the Office of the Law Revision Counsel (a title "
            "file such as usc08.xml, a directory of them, or the zip of all titles), or from a "
            "JSON section list (uscode_sections.json.gz, cfr08_sections.json.gz)."
        ),
    )
    build.add_argument(
        "source", metavar="USLM_DIR_OR_ZIP", help="USLM XML: a file, directory or zip"
    )
    build.add_argument(
        "--output",
        "-o",
        metavar="PATH",
        help="where to write the index (default: the copy inside the installed package)",
    )
    build.add_argument(
        "--release-point",
        metavar="RP",
        help='the release point, e.g. "119-100" (default: read from the XML)',
    )
    build.set_defaults(run=_build_index)
    lookup = actions.add_parser(
        "lookup",
        help="show the status and heading of cited sections",
        description=(
            "Find the citations in TEXT and show what the index says of each. "
            "Exit code 1 if one does not exist."
        ),
    )
    lookup.add_argument("text", nargs="+", metavar="TEXT", help='e.g. "8 U.S.C. § 1373"')
    lookup.set_defaults(run=_lookup)


def _build_index(args: argparse.Namespace) -> int:
    from citelink.checking.build_index import build, default_output
    from citelink.index import IndexFileError, UsCodeIndex

    try:
        index = build(args.source, release_point=args.release_point)
        output = Path(args.output) if args.output else default_output(index)
        write_file(output, index.encoded())
    except IndexFileError as error:
        raise InputError(str(error)) from None
    except OSError as error:
        raise InputError(f"{args.output or 'index'}: {error.strerror or error}") from None
    if isinstance(index, UsCodeIndex):
        what = f"{index.count} U.S. Code records, release point {index.release_point}"
    else:
        what = f"{len(index.records)} CFR records"
    print(f"citelink: wrote {what} to {output}", file=sys.stderr)
    return 0


def _lookup(args: argparse.Namespace) -> int:
    from citelink.checking.checker import Checker
    from citelink.index import IndexFileError

    text = "\n\n".join(args.text)
    from citelink.finder import Finder

    checker = Checker(finder=Finder(resolve=False))
    missing = False
    try:
        citations = checker.finder.find(text)
        findings = {
            f.start: f for f in checker.check_citations(text, citations) if f.severity != "style"
        }
        for citation in citations:
            status, detail = status_of(checker, citation, findings.get(citation.start))
            missing = missing or status == "does not exist"
            print(f"{citation.normalized}\t{status}\t{detail}")
    except IndexFileError as error:
        raise InputError(str(error)) from None
    return 1 if missing else 0


def status_of(checker: Checker, citation: Citation, finding: Finding | None) -> tuple[str, str]:
    """A citation's status and what the index says of it, in words, for ``data lookup``."""
    title = getattr(citation, "title", None)
    section = getattr(citation, "section", None)
    if citation.kind == "usc" and title and section and not getattr(citation, "appendix", False):
        if not checker.uscode.has_title(title):
            return "does not exist", f"the U.S. Code has no title {title}"
        records = checker.uscode.lookup(title, section)
        moves = checker.uscode.moved(title, section)
        if not records and moves:
            return "moved", "; ".join(f"now {m.where}" for m in moves)
        if not records:
            return "does not exist", f"title {title} has no section {section}"
        if len(records) > 1:
            return "ambiguous", " | ".join(r.status_line for r in records)
        record = records[0]
        if record.active:
            return "active", record.heading
        now = "".join(f"; now {m.where}" for m in moves)
        return record.status_words, record.status_line + now
    if finding is not None:
        kind = finding.code.partition("/")[2]
        status = _LOOKUP_STATUS.get(kind, finding.severity)
        return status, finding.message
    if citation.kind == "cfr" and title:
        part = getattr(citation, "part", None)
        if section:
            regulation = checker.cfr.section(str(title), str(section))
            if regulation is not None:
                return "active", regulation.heading
        elif part:
            named = checker.cfr.part(str(title), str(part))
            if named is not None:
                return "active", named[1]
    return "not checked", f"citelink does not check {citation.kind} citations"


#: ``data lookup``'s word for a finding, by the part of its code after the slash.
_LOOKUP_STATUS = {
    "unknown-title": "does not exist",
    "unknown-section": "does not exist",
    "unknown-part": "does not exist",
    "not-current": "not current",
    "not-checked": "not checked",
    "no-antecedent": "unresolved",
    "far-antecedent": "unresolved",
    "other-container": "unresolved",
    "duplicate-section": "ambiguous",
}
