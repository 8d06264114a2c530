"""``citelink check``: check the citations of documents before publication."""

from __future__ import annotations

import argparse
import difflib
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from citelink.cli.options import (
    build_finder,
    cases_option,
    finder_options,
    input_options,
    read_input,
)
from citelink.cli.output import (
    document_summary,
    summary,
    write_findings,
    write_sarif,
    write_toa,
)
from citelink.documents.encodings import resolve_encoding
from citelink.documents.files import InputError, input_format
from citelink.documents.loading import BINARY_FORMATS
from citelink.documents.writing import write_file

if TYPE_CHECKING:  # the checker's modules (and the finder) load when the command runs
    from citelink.checking.checker import Checker, Finding
    from citelink.checking.links import LinkResult
    from citelink.finder import Finder
    from citelink.markup import Layout
    from citelink.models import Citation


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = commands.add_parser(
        "check",
        help="check the citations of documents before publication",
        description=(
            "Check that the citations of documents exist and are current, offline: U.S. Code "
            "sections and their pins (and where a moved section is now), 8 C.F.R., the "
            "Constitution, the Federal Rules, public laws, Statutes at Large and Federal "
            "Register volumes; that they are in Bluebook (or GPO) form and are not ambiguous "
            "short forms; and (with --online) that they link to live pages. A summary of each "
            "document goes to standard error. Exit code: 0 nothing at or above --fail-on, 1 "
            "findings, 2 a usage or input error (a file that cannot be read or written is "
            "reported and the others are still checked)."
        ),
    )
    check.add_argument(
        "paths",
        nargs="*",
        default=["-"],
        metavar="PATH",
        help="text, HTML, Markdown, XML, Word or PDF files, directories (walked), or - for stdin"
        " (the default);"
        " each is decoded as --encoding (default: UTF-8, else detected), and a file with NUL"
        " bytes is refused as binary",
    )
    check.add_argument(
        "--input-format",
        choices=("text", "html", "markdown", "xml", "docx", "pdf"),
        help="what the inputs are (default: from each file name's extension, else text);"
        " in HTML and Markdown the text a reader sees is checked",
    )
    check.add_argument(
        "--format",
        choices=("text", "json", "github", "sarif", "toa"),
        default="text",
        help="text: file:line:col lines (default); json: one array; github: workflow annotations;"
        " sarif: a SARIF 2.1.0 log for code-review tools; toa: a table of authorities (each"
        " authority once, with the lines citing it and its problems)",
    )
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "style"),
        default="error",
        help="the least severe finding that makes the exit code 1 (default: error)",
    )
    check.add_argument(
        "--as-of",
        metavar="DATE",
        type=_iso_date,
        help="when the documents were written (YYYY-MM-DD): a section in force then that has"
        " left the Code since is a note, not a warning (default: the date each document"
        " states near its start, if any)",
    )
    check.add_argument(
        "--style",
        choices=("bluebook", "gpo"),
        default="bluebook",
        help='the form style findings ask for: bluebook "8 U.S.C. § 1373" (default) or gpo'
        " \"8 U.S.C. 1373\" (the Federal Register's and the statutes' form)",
    )
    check.add_argument(
        "--show-info",
        action="store_true",
        help="also print info findings (notes, and what could not be verified; by default"
        " they are counted in each document's summary only)",
    )
    check.add_argument(
        "--ignore",
        metavar="RULE[,RULE...]",
        help="leave out findings of these rules, or rule families"
        " (e.g. ambiguous/far-antecedent, style)",
    )
    check.add_argument(
        "--no-summary", action="store_true", help="no per-document summary on standard error"
    )
    check.add_argument("--online", action="store_true", help="also check that each link is alive")
    check.add_argument(
        "--fix",
        action="store_true",
        help="write the suggested fixes back into the files, atomically (never into quoted or"
        " official text, block quotes or code; a read-only file is refused)",
    )
    check.add_argument(
        "--diff",
        action="store_true",
        help="print the fixes as a unified diff instead of the findings, and change nothing",
    )
    check.add_argument(
        "--link-cache",
        metavar="PATH",
        help="the SQLite cache of link results (default: ~/.cache/citelink/links.sqlite3)",
    )
    check.add_argument("--no-link-cache", action="store_true", help="check every link afresh")
    check.add_argument(
        "--link-ttl",
        type=float,
        default=168.0,
        metavar="HOURS",
        help="how long a cached link result stays fresh (default: 168)",
    )
    finder_options(check)
    cases_option(check)
    input_options(check)
    check.set_defaults(run=_check)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


@dataclass
class _Checked:
    """One document being checked."""

    path: str
    text: str
    #: The reader's text of an HTML or Markdown document; ``None`` for plain text.
    layout: Layout | None
    citations: list[Citation]
    findings: list[Finding] = field(default_factory=list)

    def source_citations(self) -> list[Citation]:
        """The citations with their spans in the file (they are the reader's text's)."""
        from citelink.documents.reader import ReaderText

        return ReaderText(self.text, self.layout).in_source(self.citations)


def _check(args: argparse.Namespace) -> int:
    from citelink.batch import expand
    from citelink.checking.checker import Checker, at_least
    from citelink.index import IndexFileError

    if args.fix and "-" in args.paths:
        raise InputError("--fix cannot write back to standard input")
    if args.fix and args.diff:
        raise InputError("--fix and --diff: choose one (--diff changes nothing)")
    if args.antecedent_paragraphs < 0:
        raise InputError("--antecedent-paragraphs must be 0 or more")
    finder = build_finder(args.resolver, args.config, args.antecedent_paragraphs)
    texts, unreadable = [], 0
    for path in expand(args.paths):
        try:
            texts.append((path, read_input(path, args.encoding, args.errors)))
        except InputError as error:  # reported, and the other files are still checked
            print(f"citelink: error: {error}", file=sys.stderr)
            unreadable += 1
    checker = Checker(
        finder=finder,
        antecedent_paragraphs=args.antecedent_paragraphs,
        as_of=args.as_of,
        style=args.style,
    )
    links: dict[str, LinkResult] = {}
    try:
        docs = [_checked(finder, path, text, args) for path, text in texts]
        if args.online:
            links = _check_links(args, [c.url for doc in docs for c in doc.citations if c.url])
        for doc in docs:
            doc.findings = checker.check_citations(
                doc.text, doc.citations, links, layout=doc.layout
            )
            if args.fix:
                try:
                    _fix(checker, finder, doc, links, args)
                except InputError as error:  # reported; the other files are still fixed
                    print(f"citelink: error: {error}", file=sys.stderr)
                    unreadable += 1
    except IndexFileError as error:
        raise InputError(str(error)) from None
    ignored = _rules(args.ignore)
    for doc in docs:
        doc.findings = [f for f in doc.findings if not _ignored(f.code, ignored)]
    findings = [(doc.path, f) for doc in docs for f in doc.findings]
    shown = [(p, f) for p, f in findings if args.show_info or f.severity != "info"]
    if args.diff:
        for doc in docs:
            sys.stdout.writelines(_diff(doc))
    elif args.format == "sarif":
        write_sarif(shown, sys.stdout)
    elif args.format == "toa":
        write_toa([(d.path, d.text, d.source_citations(), d.findings) for d in docs], sys.stdout)
    else:
        write_findings(shown, args.format, sys.stdout)
    if args.format not in ("json", "sarif") and docs:
        if not args.no_summary:
            for doc in docs:
                if doc.findings or doc.citations:
                    hidden = (
                        0 if args.show_info else sum(f.severity == "info" for f in doc.findings)
                    )
                    kinds = Counter(c.kind for c in doc.citations)
                    for line in document_summary(doc.path, kinds, doc.findings, hidden):
                        print(
                            f"citelink: {line}" if not line.startswith(" ") else line,
                            file=sys.stderr,
                        )
        summary(shown, len(docs))
    if unreadable:
        return 2
    return 1 if any(at_least(f.severity, args.fail_on) for _, f in findings) else 0


def _rules(given: str | None) -> tuple[str, ...]:
    return tuple(r.strip().rstrip("/") for r in (given or "").split(",") if r.strip())


def _ignored(code: str, rules: tuple[str, ...]) -> bool:
    """Whether ``code`` is one of ``rules`` or in one of their families ("style")."""
    return any(code == r or code.startswith(f"{r}/") for r in rules)


def _checked(finder: Finder, path: str, text: str, args: argparse.Namespace) -> _Checked:
    """A document read as its input format, with its citations."""
    from citelink.documents.reader import read

    reader_text = read(text, input_format(path, args.input_format))
    try:
        citations = reader_text.citations(finder, this_title=args.this_title, cases=args.cases)
    except ImportError as error:  # --cases without eyecite installed
        raise InputError(str(error)) from None
    return _Checked(path, text, reader_text.layout, citations)


def _check_links(args: argparse.Namespace, urls: list[str]) -> dict[str, LinkResult]:
    from citelink.checking.links import LinkChecker, default_cache_path

    def warn(message: str) -> None:
        print(f"citelink: warning: {message}", file=sys.stderr)

    cache = None if args.no_link_cache else (args.link_cache or default_cache_path())
    with LinkChecker(cache=cache, ttl=args.link_ttl * 3600, warn=warn) as checker:
        return checker.check(urls)


def _diff(doc: _Checked) -> list[str]:
    """The unified diff of what --fix would write into the document."""
    from citelink.checking.checker import apply_fixes

    fixed, applied = apply_fixes(doc.text, doc.findings)
    if not applied:
        return []
    name = "<stdin>" if doc.path == "-" else doc.path
    lines = difflib.unified_diff(
        doc.text.splitlines(keepends=True),
        fixed.splitlines(keepends=True),
        f"a/{name}",
        f"b/{name}",
    )
    return [
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    ]


def _fix(
    checker: Checker,
    finder: Finder,
    doc: _Checked,
    links: dict[str, LinkResult],
    args: argparse.Namespace,
) -> None:
    """Write the suggestions into the file, keeping every other byte; check it again."""
    from citelink.checking.checker import apply_fixes

    fixed, applied = apply_fixes(doc.text, doc.findings)
    if not applied:
        return
    if input_format(doc.path, args.input_format) in BINARY_FORMATS:
        raise InputError(f"{doc.path}: --fix changes text files only, not Word or PDF files")
    path = Path(doc.path)
    raw = path.read_bytes()
    encoding = resolve_encoding(args.encoding, raw)
    try:
        round_trip = raw.decode(encoding, "strict").encode(encoding) == raw
    except (UnicodeError, LookupError):
        round_trip = False
    if not round_trip:
        raise InputError(
            f"{doc.path}: cannot --fix a file that does not decode and re-encode unchanged"
        )
    write_file(path, fixed.encode(encoding))
    print(f"citelink: {doc.path}: fixed {len(applied)} citation(s)", file=sys.stderr)
    fixed_doc = _checked(finder, doc.path, fixed, args)
    doc.text, doc.layout, doc.citations = fixed_doc.text, fixed_doc.layout, fixed_doc.citations
    doc.findings = checker.check_citations(doc.text, doc.citations, links, layout=doc.layout)
