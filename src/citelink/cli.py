"""The ``citelink`` command: a thin layer over the library.

Exit codes: 0 success, 2 a usage or input error (missing file, binary or
undecodable input, unknown resolver, invalid configuration), each with a
one-line message. ``citelink check`` exits with 1 when it finds something at
or above ``--fail-on``. Resolvers that fail during a run are reported as
warnings on standard error; the run goes on.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from citelink import __version__
from citelink.batch import (
    Options,
    StreamedFile,
    expand,
    extract_file,
    find_in,
    is_big,
    is_stdin,
    ordered_map,
)
from citelink.config import ConfigError
from citelink.documents import InputError, input_format, read_text
from citelink.finder import Finder
from citelink.models import Citation
from citelink.resolve import Chain, Registry, configured_registry

if TYPE_CHECKING:  # the checker's modules are imported by the commands that use them
    from citelink.checking.checker import Checker, Finding
    from citelink.checking.links import LinkResult
    from citelink.markup import Layout


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except InputError as error:
        print(f"citelink: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # "citelink extract big.txt | head"
        sys.stderr.close()
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="citelink",
        description="Find legal citations in text, normalize them and link them to the law.",
    )
    parser.add_argument(
        "--version", action=_Version, help="show the version and the index's release point"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_extract(commands)
    _add_check(commands)
    _add_data(commands)
    _add_resolvers(commands)
    _add_annotate(commands)
    return parser


class _Version(argparse.Action):
    """``--version``: the package's version and the release point of its U.S. Code index."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.setdefault("help", None)
        super().__init__(
            option_strings, argparse.SUPPRESS, nargs=0, default=argparse.SUPPRESS, **kwargs
        )

    def __call__(self, parser: argparse.ArgumentParser, *args: Any) -> None:
        from citelink.checking.index import release_point

        print(f"citelink {__version__} (U.S. Code index: release point {release_point()})")
        parser.exit()


def _add_extract(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    extract = commands.add_parser(
        "extract",
        help="list the citations in documents",
        description=(
            "List the citations in documents. Several files or directories are read "
            "on every core, and their results printed in order as they come."
        ),
    )
    extract.add_argument(
        "paths",
        nargs="*",
        default=["-"],
        metavar="PATH",
        help="text, HTML or Markdown files, directories (walked), or - for stdin (the default)",
    )
    extract.add_argument(
        "--format",
        choices=("json", "jsonl", "text"),
        default="text",
        help="json: one array; jsonl: one record per line; text: one line per citation",
    )
    extract.add_argument(
        "--jobs", type=int, metavar="N", help="worker processes for many files (default: all cores)"
    )
    extract.add_argument(
        "--input-format",
        choices=("text", "html", "markdown"),
        help="what the inputs are (default: from each file name's extension, else text); in"
        " HTML and Markdown the citations are those a reader sees, with spans in the file",
    )
    _finder_options(extract)
    _cases_option(extract)
    _input_options(extract)
    extract.set_defaults(run=_extract)


def _add_annotate(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    annotate = commands.add_parser(
        "annotate",
        help="link every citation in a text, HTML or Markdown document",
        description=(
            "Link every citation in a document. HTML and Markdown come back unchanged "
            "except for the inserted links; plain text becomes HTML or Markdown."
        ),
    )
    annotate.add_argument("path", nargs="?", default="-", help="a UTF-8 file, or - for stdin")
    annotate.add_argument(
        "--input-format",
        choices=("text", "html", "markdown"),
        help="what the input is (default: from the file name's extension, else text)",
    )
    annotate.add_argument(
        "--format",
        choices=("html", "markdown"),
        help="what to write (default: the input's format; html for text)",
    )
    annotate.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    _finder_options(annotate)
    _cases_option(annotate)
    _input_options(annotate)
    annotate.set_defaults(run=_annotate)


def _annotate(args: argparse.Namespace) -> int:
    from citelink.annotation import annotate

    text = read_input(args.path, args.encoding, args.errors)
    form = input_format(args.path, args.input_format)
    finder = _finder(args.resolver, args.config)
    try:
        result = annotate(
            text,
            input_format=form,
            output_format=args.format,
            this_title=args.this_title,
            finder=finder,
            cases=args.cases,
        )
    except (ValueError, ImportError) as error:  # ImportError: --cases without eyecite
        raise InputError(str(error)) from None
    if finder.chain is not None:
        warn_resolver_errors(finder.chain)
    if args.output is None:
        sys.stdout.write(result)
        return 0
    try:
        with open(args.output, "w", encoding="utf-8", newline="") as out:
            out.write(result)
    except OSError as error:
        raise InputError(f"{args.output}: {error.strerror or error}") from None
    return 0


def _cases_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--cases",
        action="store_true",
        help="also find case law, through eyecite (pip install 'citelink[cases]'; much slower)",
    )


def _finder_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--this-title",
        metavar="T",
        help='the U.S. Code title the document is part of ("section 1357 of this title")',
    )
    parser.add_argument(
        "--resolver",
        metavar="NAME[,NAME...]",
        help="the resolver chain that chooses each citation's url: per kind, the first"
        " that answers wins; 'default' stands for each kind's default chain"
        " (default: the configured chain, else each kind's default; see: citelink resolvers)",
    )
    _config_option(parser)


def _config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        metavar="PATH",
        help="a citelink.toml or pyproject.toml with resolver settings (default: the nearest"
        " citelink.toml, or pyproject.toml with [tool.citelink], here or in a parent directory)",
    )


def _input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--encoding", default="utf-8", help="the input's encoding (default: utf-8)")
    parser.add_argument(
        "--errors",
        choices=("strict", "replace"),
        default="strict",
        help="strict: stop on undecodable input (default); replace: decode it as U+FFFD",
    )


def read_input(path: str, encoding: str = "utf-8", errors: str = "strict") -> str:
    """The decoded text of ``path`` (``-``: standard input), or an :class:`InputError`."""
    return read_text(path, encoding, errors)


def _registry(config: str | None) -> Registry:
    """The resolvers of this run: built-in, installed and configured."""
    try:
        return configured_registry(config)
    except ConfigError as error:
        raise InputError(str(error)) from None


def _finder(resolver: str | None, config: str | None = None) -> Finder:
    """A finder with the chain named by ``--resolver`` (and ``--config``)."""
    registry = _registry(config)
    try:
        finder = Finder(resolvers=registry.chain(_resolver_names(resolver)))
    except ValueError as error:
        raise InputError(str(error)) from None
    _warn_problems(registry.problems)
    return finder


def _find(finder: Finder, text: str, form: str, args: argparse.Namespace) -> list[Citation]:
    """The citations of one document, with the finder options of the command line."""
    try:
        return find_in(text, form, finder, this_title=args.this_title, cases=args.cases)
    except ImportError as error:  # --cases without eyecite installed
        raise InputError(str(error)) from None


def _extract(args: argparse.Namespace) -> int:
    paths = args.paths
    if args.jobs is not None and args.jobs < 1:
        raise InputError("--jobs must be at least 1")
    form = input_format(paths[0], args.input_format)
    big = form == "text" and is_big(paths[0])
    single = len(paths) == 1 and not os.path.isdir(paths[0]) and not big
    if single and args.format != "jsonl":
        text = read_input(paths[0], args.encoding, args.errors)
        finder = _finder(args.resolver, args.config)
        citations = _find(finder, text, form, args)
        write_citations(citations, args.format, sys.stdout)
        if finder.chain is not None:
            warn_resolver_errors(finder.chain)
        return 0
    _finder(args.resolver, args.config)  # a usage error is found before any work starts
    options = Options(
        args.this_title,
        _resolver_names(args.resolver),
        args.encoding,
        args.errors,
        args.config,
        cases=args.cases,
        input_format=args.input_format,
    )
    out = _RecordWriter(args.format, sys.stdout)
    progress = _Progress(sys.stderr) if sys.stderr.isatty() else None
    failed = 0
    for here, files in itertools.groupby(expand(paths), key=partial(_read_here, options)):
        results: Iterator[tuple[str, str | None, list[str], int]]
        if here:  # read in pieces here, printed as found: memory stays bounded
            results = (_stream_records(path, options, out) for path in files)
        else:
            results = ordered_map(
                _extract_records,
                files,
                (options, args.format),
                processes=args.jobs,
                here=is_stdin,
            )
        for path, error, records, size in results:
            if error is not None:
                failed += 1
                print(f"citelink: error: {error}", file=sys.stderr)
            out.write(records)
            if progress is not None:
                progress.update(path, size)
    out.close()
    if progress is not None:
        progress.close()
    return 2 if failed else 0


def _read_here(options: Options, path: str) -> bool:
    """Whether a file is read in this process, in pieces: a big text file, or text on
    standard input (which the worker processes cannot read)."""
    return options.format_of(path) == "text" and (is_big(path) or is_stdin(path))


def _extract_records(
    path: str, context: tuple[Options, str]
) -> tuple[str, str | None, list[str], int]:
    """One file's citations, already formatted, so that workers send back plain strings."""
    options, form = context
    result = extract_file(path, options)
    return result.path, result.error, _records(path, result.citations, form), result.size


def _stream_records(
    path: str, options: Options, out: _RecordWriter
) -> tuple[str, str | None, list[str], int]:
    """A big file's citations, printed as they are found; then what is left to report."""
    streamed = StreamedFile(path, options)
    try:
        for citation in streamed:
            out.write(_records(path, (citation,), out.form))
    except (InputError, ImportError) as error:
        return path, str(error), [], streamed.size
    return path, None, [], streamed.size


def _records(path: str, citations: Sequence[Citation], form: str) -> list[str]:
    """Citations of one file as lines of text or JSON records with their path."""
    if form == "text":
        return [f"{path}:{c.start}-{c.end}\t{c.normalized}\t{c.url or '-'}" for c in citations]
    return [json.dumps({"path": path, **c.to_dict()}, ensure_ascii=False) for c in citations]


class _RecordWriter:
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


class _Progress:
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


def _resolver_names(resolver: str | None) -> tuple[str, ...] | None:
    return tuple(n.strip() for n in resolver.split(",") if n.strip()) if resolver else None


def _warn_problems(problems: Sequence[str]) -> None:
    for problem in problems:
        print(f"citelink: warning: {problem}", file=sys.stderr)


def warn_resolver_errors(chain: Chain) -> None:
    """One warning on stderr per resolver and problem, with how many citations it hit."""
    counts = Counter((e.resolver, e.message) for e in chain.errors)
    first: dict[tuple[str, str], str] = {}
    for e in chain.errors:
        first.setdefault((e.resolver, e.message), e.citation)
    for (name, message), count in counts.items():
        which = f"{count} citations, the first" if count > 1 else "citation"
        print(
            f"citelink: warning: resolver {name!r} {message}"
            f" ({which} {first[name, message]!r}); skipped it",
            file=sys.stderr,
        )
    unlisted = chain.error_count - len(chain.errors)
    if unlisted:
        print(f"citelink: warning: {unlisted} more resolver errors not shown", file=sys.stderr)


def _add_resolvers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    listing = commands.add_parser(
        "resolvers",
        help="list the resolvers available and the kinds each handles",
        description="List the resolvers available (built-in, installed, configured), the kinds"
        " each handles, and the default chain of each kind.",
    )
    listing.add_argument("--format", choices=("json", "text"), default="text")
    _config_option(listing)
    listing.set_defaults(run=_resolvers)


def _resolvers(args: argparse.Namespace) -> int:
    registry = _registry(args.config)
    entries = registry.entries()
    _warn_problems(registry.problems)
    records: list[dict[str, Any]] = [
        {
            "name": name,
            "kinds": sorted(entry.resolver.kinds),
            "description": str(getattr(entry.resolver, "description", "") or ""),
            "origin": entry.origin,
        }
        for name, entry in entries.items()
    ]
    if args.format == "json":
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    rows = [
        (r["name"], ", ".join(r["kinds"]), r["description"] or "-", r["origin"]) for r in records
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[3]]))
    chain = registry.chain()
    kinds = sorted({k for entry in entries.values() for k in entry.resolver.kinds} - {"*"})
    print("\nchosen when no --resolver is given (per kind, the first that answers):")
    for kind in kinds:
        print(f"  {kind}: {', '.join(r.name for r in chain.order(kind)) or '-'}")
    return 0


def write_citations(citations: Sequence[Citation], form: str, out: TextIO) -> None:
    """Print citations as one JSON array (``json``) or one line each (``text``)."""
    if form == "json":
        json.dump([c.to_dict() for c in citations], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    for c in citations:
        out.write(f"{c.start}-{c.end}\t{c.normalized}\t{c.url or '-'}\n")


def _add_check(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
        "--antecedent-paragraphs",
        type=int,
        default=5,
        metavar="N",
        help="how many paragraphs back a short form may find its full citation (default: 5)",
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
    _finder_options(check)
    _cases_option(check)
    _input_options(check)
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
    if args.antecedent_paragraphs < 0:
        raise InputError("--antecedent-paragraphs must be 0 or more")
    finder = _finder(args.resolver, args.config)
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
        _summary(findings, len(docs))
    if unreadable:
        return 2
    return 1 if any(at_least(f.severity, args.fail_on) for _, f in findings) else 0


def _checked(finder: Finder, path: str, text: str, args: argparse.Namespace) -> _Checked:
    """A document read as its input format, with its citations."""
    from citelink.checking.checker import find_citations
    from citelink.markup import read_layout

    layout = read_layout(text, input_format(path, args.input_format))
    try:
        citations = find_citations(
            finder, text, layout, this_title=args.this_title, cases=args.cases
        )
    except ImportError as error:  # --cases without eyecite installed
        raise InputError(str(error)) from None
    return _Checked(path, text, layout, citations)


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


def _summary(findings: Sequence[tuple[str, Finding]], files: int) -> None:
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


def _add_data(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
    from citelink.checking.index import IndexFileError, UsCodeIndex

    try:
        index = build(args.source, release_point=args.release_point)
        output = Path(args.output) if args.output else default_output(index)
        index.dump(output)
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
    from citelink.checking.index import IndexFileError

    text = "\n\n".join(args.text)
    checker = Checker(finder=Finder(resolve=False))
    missing = False
    try:
        citations = checker.finder.find(text)
        findings = {
            f.start: f for f in checker.check_citations(text, citations) if f.severity != "style"
        }
        for citation in citations:
            status, detail = _status_of(checker, citation, findings.get(citation.start))
            missing = missing or status == "does not exist"
            print(f"{citation.normalized}\t{status}\t{detail}")
    except IndexFileError as error:
        raise InputError(str(error)) from None
    return 1 if missing else 0


def _status_of(checker: Checker, citation: Citation, finding: Finding | None) -> tuple[str, str]:
    """A citation's status and what the index says of it, in words, for ``data lookup``."""
    title = getattr(citation, "title", None)
    section = getattr(citation, "section", None)
    if citation.kind == "usc" and title and section and not getattr(citation, "appendix", False):
        if not checker.uscode.has_title(title):
            return "does not exist", f"the U.S. Code has no title {title}"
        records = checker.uscode.lookup(title, section)
        if not records:
            return "does not exist", f"title {title} has no section {section}"
        if len(records) > 1:
            return "ambiguous", " | ".join(r.status_line for r in records)
        record = records[0]
        if record.active:
            return "active", record.heading
        return record.status_words, record.status_line
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
    "duplicate-section": "ambiguous",
}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
