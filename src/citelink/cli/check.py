"""``citelink check``: check the citations of documents before publication."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from citelink.batch import (
    expand,
)
from citelink.cli.options import (
    build_finder,
    cases_option,
    finder_options,
    input_options,
    read_input,
)
from citelink.cli.output import summary, write_findings
from citelink.documents.files import InputError, input_format
from citelink.finder import Finder
from citelink.models import Citation

if TYPE_CHECKING:  # the checker's modules are imported by the commands that use them
    from citelink.checking.checker import Checker, Finding
    from citelink.checking.links import LinkResult
    from citelink.markup import Layout


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = commands.add_parser(
        "check",
        help="check the citations of documents before publication",
        description=(
            "Check that the U.S. Code (and 8 C.F.R.) citations of documents exist and are "
            "current, are in Bluebook form, are not ambiguous short forms, and (with "
            "--online) link to live pages. Exit code: 0 nothing at or above --fail-on, "
            "1 findings, 2 a usage or input error (a file that cannot be read is reported "
            "and the others are still checked)."
        ),
    )
    check.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="UTF-8 text, HTML or Markdown files, directories (walked), or - for stdin",
    )
    check.add_argument(
        "--input-format",
        choices=("text", "html", "markdown"),
        help="what the inputs are (default: from each file name's extension, else text);"
        " in HTML and Markdown the text a reader sees is checked",
    )
    check.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="text: file:line:col lines (default); json: one array; github: workflow annotations",
    )
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "style"),
        default="error",
        help="the least severe finding that makes the exit code 1 (default: error)",
    )
    check.add_argument("--online", action="store_true", help="also check that each link is alive")
    check.add_argument(
        "--fix", action="store_true", help="write the style suggestions back into the files"
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


@dataclass
class _Checked:
    """One document being checked."""

    path: str
    text: str
    #: The reader's text of an HTML or Markdown document; ``None`` for plain text.
    layout: Layout | None
    citations: list[Citation]
    findings: list[Finding] = field(default_factory=list)


def _check(args: argparse.Namespace) -> int:
    from citelink.checking.checker import Checker, at_least
    from citelink.checking.index import IndexFileError

    if args.fix and "-" in args.paths:
        raise InputError("--fix cannot write back to standard input")
    finder = build_finder(args.resolver, args.config, args.antecedent_paragraphs)
    texts, unreadable = [], 0
    for path in expand(args.paths):
        try:
            texts.append((path, read_input(path, args.encoding, args.errors)))
        except InputError as error:  # reported, and the other files are still checked
            print(f"citelink: error: {error}", file=sys.stderr)
            unreadable += 1
    checker = Checker(finder=finder, antecedent_paragraphs=args.antecedent_paragraphs)
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
                _fix(checker, finder, doc, links, args)
    except IndexFileError as error:
        raise InputError(str(error)) from None
    findings = [(doc.path, f) for doc in docs for f in doc.findings]
    write_findings(findings, args.format, sys.stdout)
    if args.format != "json" and docs:
        summary(findings, len(docs))
    if unreadable:
        return 2
    return 1 if any(at_least(f.severity, args.fail_on) for _, f in findings) else 0


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
    from citelink.checking.links import LinkCacheError, LinkChecker, default_cache_path

    cache = None if args.no_link_cache else (args.link_cache or default_cache_path())
    try:
        with LinkChecker(cache=cache, ttl=args.link_ttl * 3600) as checker:
            return checker.check(urls)
    except LinkCacheError as error:
        raise InputError(str(error)) from None


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
    path = Path(doc.path)
    raw = path.read_bytes()
    try:
        round_trip = raw.decode(args.encoding, "strict").encode(args.encoding) == raw
    except (UnicodeError, LookupError):
        round_trip = False
    if not round_trip:
        raise InputError(
            f"{doc.path}: cannot --fix a file that does not decode and re-encode unchanged"
        )
    _replace_file(path, fixed.encode(args.encoding))
    print(f"citelink: {doc.path}: fixed {len(applied)} citation(s)", file=sys.stderr)
    fixed_doc = _checked(finder, doc.path, fixed, args)
    doc.text, doc.layout, doc.citations = fixed_doc.text, fixed_doc.layout, fixed_doc.citations
    doc.findings = checker.check_citations(doc.text, doc.citations, links, layout=doc.layout)


def _replace_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, keeping its permissions."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        shutil.copymode(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
