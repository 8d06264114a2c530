"""``citelink annotate``: link every citation in a document, and say what was linked."""

from __future__ import annotations

import argparse
import re
import sys
from typing import TYPE_CHECKING

from citelink.cli.options import (
    build_finder,
    cases_option,
    finder_options,
    input_options,
    load_input,
    warn_resolver_errors,
)
from citelink.documents.files import InputError, input_format, read_bytes
from citelink.documents.writing import write_file
from citelink.models import Citation

if TYPE_CHECKING:  # annotation loads when the command runs
    from citelink.annotation import Annotated


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    annotate = commands.add_parser(
        "annotate",
        help="link every citation in a text, HTML, Markdown or Word document",
        description=(
            "Link every citation in a document. HTML and Markdown come back unchanged "
            "except for the inserted links; plain text becomes HTML or Markdown. On stderr, "
            "how many citations were found and linked, and why the others were not. The exit "
            "status is 1 when citations were found and none could be linked."
        ),
    )
    annotate.add_argument("path", nargs="?", default="-", help="a file, or - for stdin")
    annotate.add_argument(
        "--input-format",
        choices=("text", "html", "markdown", "docx"),
        help="what the input is (default: from the file name's extension, else text; on"
        " standard input, HTML when it starts with a tag or a doctype)",
    )
    annotate.add_argument(
        "--format",
        choices=("html", "markdown", "docx"),
        help="what to write (default: the input's format; html for text; a Word document"
        " is written as Word, with Word hyperlinks)",
    )
    annotate.add_argument(
        "--fragment",
        action="store_true",
        help="text to HTML: write the paragraphs alone, not a complete document",
    )
    annotate.add_argument(
        "-o", "--output", metavar="OUT", help="write here (whole or not at all) instead of stdout"
    )
    annotate.add_argument(
        "-q", "--quiet", action="store_true", help="no summary on stderr (errors still show)"
    )
    finder_options(annotate)
    cases_option(annotate)
    input_options(annotate)
    annotate.set_defaults(run=_annotate)


#: What HTML starts with: a doctype, a comment or a tag (after a BOM and white space).
_HTML_START = re.compile(r"\ufeff?\s*(?:<!doctype\s|<!--|<[a-z][a-z0-9]*[\s/>])", re.IGNORECASE)


def _stdin_is_html(args: argparse.Namespace, text: str) -> bool:
    """Whether standard input read without ``--input-format`` starts like HTML (said so)."""
    if args.input_format is not None or args.path != "-" or not _HTML_START.match(text):
        return False
    print(
        "citelink: reading standard input as HTML (it starts with a tag);"
        " --input-format text reads it as text",
        file=sys.stderr,
    )
    return True


_WRITES = " annotate writes HTML, Markdown or Word"


def _annotate(args: argparse.Namespace) -> int:
    from citelink.annotation import link_document

    form = input_format(args.path, args.input_format)
    if form == "docx":
        return _annotate_docx(args)
    name = "standard input" if args.path == "-" else args.path
    if form in ("xml", "pdf"):
        raise InputError(
            f"{name}: {form.upper()} is read (extract, check), not annotated;{_WRITES}"
        )
    loaded = load_input(args.path, args.input_format, args.encoding, args.errors)
    if loaded.format != form:  # known by its bytes: a Word document or a PDF
        hint = " --input-format docx annotates it" if loaded.format == "docx" else _WRITES
        raise InputError(f"{name}: a {loaded.format.upper()} file;{hint}")
    text = loaded.text
    if _stdin_is_html(args, text):
        form = "html"
    finder = build_finder(args.resolver, args.config, args.antecedent_paragraphs)
    try:
        result = link_document(
            text,
            input_format=form,
            output_format=args.format,
            this_title=args.this_title,
            finder=finder,
            cases=args.cases,
            fragment=args.fragment,
        )
    except (ValueError, ImportError) as error:  # ImportError: --cases without eyecite
        raise InputError(str(error)) from None
    if finder.chain is not None:
        warn_resolver_errors(finder.chain)
    # Written in the input's encoding; what it cannot hold becomes a character reference.
    data = result.document.encode(loaded.encoding, "xmlcharrefreplace")
    return _written(args, name, data, result)


def _written(args: argparse.Namespace, name: str, data: bytes, result: Annotated) -> int:
    """Write the annotated document (whole or not at all), say what was linked on stderr,
    and return the exit status: 1 when citations were found and none linked."""
    if args.output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        write_file(args.output, data)
    if not args.quiet:
        print(f"citelink: {name}: {result.summary()}", file=sys.stderr)
    if result.found and not result.linked:
        print(f"citelink: {name}: no citation could be linked", file=sys.stderr)
        return 1
    return 0


def _annotate_docx(args: argparse.Namespace) -> int:
    """A Word document with a Word hyperlink on every citation; nothing else changes."""
    from citelink.annotation import Annotated
    from citelink.documents.docx import annotate_docx
    from citelink.documents.reader import find

    if args.format not in (None, "docx"):
        raise InputError(f"a Word document is annotated as Word, not {args.format}")
    if args.output is None and sys.stdout.isatty():
        raise InputError("a Word document is binary: write it with -o OUT (or redirect stdout)")
    finder = build_finder(args.resolver, args.config, args.antecedent_paragraphs)
    name = "standard input" if args.path == "-" else args.path

    def found(text: str) -> list[Citation]:
        try:
            return find(text, "docx", finder=finder, this_title=args.this_title, cases=args.cases)
        except ImportError as error:  # --cases without eyecite
            raise InputError(str(error)) from None

    data, linked, unlinked = annotate_docx(read_bytes(args.path), name, found)
    if finder.chain is not None:
        warn_resolver_errors(finder.chain)
    return _written(args, name, data, Annotated("", tuple(linked), tuple(unlinked)))
