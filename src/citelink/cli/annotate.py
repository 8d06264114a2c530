"""``citelink annotate``: link every citation in a document."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from citelink.cli.options import (
    build_finder,
    cases_option,
    finder_options,
    input_options,
    read_input,
    warn_resolver_errors,
)
from citelink.documents.files import InputError, input_format

if TYPE_CHECKING:  # the checker's modules are imported by the commands that use them
    pass


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
    finder_options(annotate)
    cases_option(annotate)
    input_options(annotate)
    annotate.set_defaults(run=_annotate)


def _annotate(args: argparse.Namespace) -> int:
    from citelink.annotation import annotate

    text = read_input(args.path, args.encoding, args.errors)
    form = input_format(args.path, args.input_format)
    finder = build_finder(args.resolver, args.config, args.antecedent_paragraphs)
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
