"""The ``citelink`` command: a thin layer over the library.

Exit codes: 0 success, 2 a usage or input error (missing file, binary or
undecodable input, unknown resolver), each with a one-line message.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from typing import TextIO

from citelink import __version__
from citelink.batch import Options, expand, extract_file, ordered_map
from citelink.documents import InputError, read_text
from citelink.find import Finder
from citelink.models import Citation


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
    parser.add_argument("--version", action="version", version=f"citelink {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_extract(commands)
    return parser


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
        help="UTF-8 text files or directories (walked), or - for stdin (the default)",
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
    _finder_options(extract)
    _input_options(extract)
    extract.set_defaults(run=_extract)


def _finder_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--this-title",
        metavar="T",
        help='the U.S. Code title the document is part of ("section 1357 of this title")',
    )
    parser.add_argument(
        "--resolver",
        metavar="NAME[,NAME...]",
        help="the resolver chain that chooses each citation's url (default: lii)",
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


def _finder(resolver: str | None) -> Finder:
    try:
        return Finder(resolvers=_resolver_names(resolver))
    except ValueError as error:
        raise InputError(str(error)) from None


def _extract(args: argparse.Namespace) -> int:
    paths = args.paths
    if args.jobs is not None and args.jobs < 1:
        raise InputError("--jobs must be at least 1")
    if len(paths) == 1 and not os.path.isdir(paths[0]) and args.format != "jsonl":
        text = read_input(paths[0], args.encoding, args.errors)
        citations = _finder(args.resolver).find(text, this_title=args.this_title)
        write_citations(citations, args.format, sys.stdout)
        return 0
    _finder(args.resolver)  # an unknown resolver is a usage error before any work starts
    options = Options(args.this_title, _resolver_names(args.resolver), args.encoding, args.errors)
    failed = 0
    progress = _Progress(sys.stderr) if sys.stderr.isatty() else None
    if args.format == "json":
        sys.stdout.write("[")
    first = True
    for path, error, records, size in ordered_map(
        _extract_records, expand(paths), (options, args.format), processes=args.jobs
    ):
        if error is not None:
            failed += 1
            print(f"citelink: error: {error}", file=sys.stderr)
        for record in records:
            if args.format == "json":
                sys.stdout.write(("\n" if first else ",\n") + record)
                first = False
            else:
                sys.stdout.write(record + "\n")
        if progress is not None:
            progress.update(path, size)
    if args.format == "json":
        sys.stdout.write("\n]\n" if not first else "]\n")
    if progress is not None:
        progress.close()
    return 2 if failed else 0


def _extract_records(
    path: str, context: tuple[Options, str]
) -> tuple[str, str | None, list[str], int]:
    """One file's citations, already formatted, so that workers send back plain strings."""
    options, form = context
    result = extract_file(path, options)
    if form == "text":
        lines = [
            f"{path}:{c.start}-{c.end}\t{c.normalized}\t{c.url or '-'}" for c in result.citations
        ]
    else:
        lines = [
            json.dumps({"path": path, **c.to_dict()}, ensure_ascii=False) for c in result.citations
        ]
    return result.path, result.error, lines, result.size


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


def write_citations(citations: Sequence[Citation], form: str, out: TextIO) -> None:
    """Print citations as one JSON array (``json``) or one line each (``text``)."""
    if form == "json":
        json.dump([c.to_dict() for c in citations], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    for c in citations:
        out.write(f"{c.start}-{c.end}\t{c.normalized}\t{c.url or '-'}\n")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
