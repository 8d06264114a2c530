"""The ``citelink`` command: a thin layer over the library.

Exit codes: 0 success, 2 a usage or input error (missing file, binary or
undecodable input, unknown resolver), each with a one-line message.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from citelink import __version__
from citelink.find import Finder
from citelink.models import Citation


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
    _add_annotate(commands)
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
    _input_options(annotate)
    annotate.set_defaults(run=_annotate)


_EXTENSIONS = {".html": "html", ".htm": "html", ".xhtml": "html", ".md": "markdown"}
_EXTENSIONS[".markdown"] = "markdown"


def _annotate(args: argparse.Namespace) -> int:
    from citelink.annotate import annotate

    text = read_input(args.path, args.encoding, args.errors)
    input_format = args.input_format or _EXTENSIONS.get(Path(args.path).suffix.lower(), "text")
    try:
        result = annotate(
            text,
            input_format=input_format,
            output_format=args.format,
            this_title=args.this_title,
            finder=_finder(args.resolver),
        )
    except ValueError as error:
        raise InputError(str(error)) from None
    if args.output is None:
        sys.stdout.write(result)
        return 0
    try:
        with open(args.output, "w", encoding="utf-8", newline="") as out:
            out.write(result)
    except OSError as error:
        raise InputError(f"{args.output}: {error.strerror or error}") from None
    return 0


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


def _finder(resolver: str | None) -> Finder:
    names = [n.strip() for n in resolver.split(",") if n.strip()] if resolver else None
    try:
        return Finder(resolvers=names)
    except ValueError as error:
        raise InputError(str(error)) from None


def _extract(args: argparse.Namespace) -> int:
    text = read_input(args.path, args.encoding, args.errors)
    citations = _finder(args.resolver).find(text, this_title=args.this_title)
    write_citations(citations, args.format, sys.stdout)
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
