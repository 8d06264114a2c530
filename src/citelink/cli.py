"""The ``citelink`` command: a thin layer over the library.

Exit codes: 0 success, 2 a usage or input error (missing file, binary or
undecodable input, unknown resolver, invalid configuration), each with a
one-line message. Resolvers that fail during a run are reported as warnings
on standard error; the run goes on.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from typing import Any, TextIO

from citelink import __version__
from citelink.config import ConfigError, load_config
from citelink.find import Finder
from citelink.models import Citation
from citelink.resolve import Chain, Registry


class InputError(Exception):
    """A problem with what the user gave us: reported in one line, exit code 2."""


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
    _add_resolvers(commands)
    return parser


def _add_extract(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    extract = commands.add_parser(
        "extract",
        help="list the citations in a document",
        description="List the citations in a document.",
    )
    extract.add_argument("path", nargs="?", default="-", help="a UTF-8 text file, or - for stdin")
    extract.add_argument("--format", choices=("json", "text"), default="text")
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
    name = "standard input" if path == "-" else path
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as file:
                data = file.read()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except OSError as error:
        raise InputError(f"{name}: {error.strerror or error}") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file (it contains NUL bytes)")
    try:
        return data.decode(encoding, errors)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as error:
        raise InputError(
            f"{name}: not valid {encoding} at byte {error.start} (try --errors replace)"
        ) from None


def _registry(config: str | None) -> Registry:
    """The resolvers of this run: built-in, installed and configured."""
    registry = Registry()
    try:
        found = load_config(config)
        if found is not None:
            registry.configure(found)
    except ConfigError as error:
        raise InputError(str(error)) from None
    return registry


def _finder(resolver: str | None, config: str | None = None) -> Finder:
    """A finder with the chain named by ``--resolver`` (and ``--config``)."""
    registry = _registry(config)
    names = [n.strip() for n in resolver.split(",") if n.strip()] if resolver else None
    try:
        finder = Finder(resolvers=registry.chain(names))
    except ValueError as error:
        raise InputError(str(error)) from None
    _warn_problems(registry.problems)
    return finder


def _extract(args: argparse.Namespace) -> int:
    text = read_input(args.path, args.encoding, args.errors)
    finder = _finder(args.resolver, args.config)
    citations = finder.find(text, this_title=args.this_title)
    write_citations(citations, args.format, sys.stdout)
    if finder.chain is not None:
        warn_resolver_errors(finder.chain)
    return 0


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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
