"""``citelink extract``: list the citations in documents."""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from citelink.cli.options import (
    build_finder,
    cases_option,
    find_citations,
    finder_options,
    input_options,
    load_input,
    resolver_names,
    warn_resolver_errors,
)
from citelink.cli.output import Progress, RecordWriter, write_citations
from citelink.documents.files import InputError, input_format
from citelink.documents.loading import places
from citelink.records import citation_record, citation_records

if TYPE_CHECKING:  # the batch runner (and through it the finder) loads when the command runs
    from citelink.batch import Options, Records


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
        help="text, HTML, Markdown, XML, Word or PDF files, directories (walked), or - for stdin"
        " (the default)",
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
        choices=("text", "html", "markdown", "xml", "docx", "pdf"),
        help="what the inputs are (default: from each file name's extension, else text); in"
        " HTML, Markdown and XML the citations are those a reader sees, with spans in the file;"
        " in Word and PDF files, spans in the text taken out, and records name the paragraph"
        " or page",
    )
    finder_options(extract)
    cases_option(extract)
    input_options(extract)
    extract.set_defaults(run=_extract)


def _extract(args: argparse.Namespace) -> int:
    from citelink.batch import (
        Options,
        expand,
        extract_records,
        is_big,
        is_stdin,
        ordered_map,
        reads_here,
    )

    paths = args.paths
    if args.jobs is not None and args.jobs < 1:
        raise InputError("--jobs must be at least 1")
    form = input_format(paths[0], args.input_format)
    big = form == "text" and is_big(paths[0])
    single = len(paths) == 1 and not os.path.isdir(paths[0]) and not big
    if single and args.format != "jsonl":
        loaded = load_input(paths[0], args.input_format, args.encoding, args.errors)
        finder = build_finder(args.resolver, args.config, args.antecedent_paragraphs)
        citations = find_citations(finder, loaded.text, loaded.format, args)
        if args.format == "json":
            where = places(loaded, citations)
            shown = [citation_record(c, p) for c, p in zip(citations, where, strict=True)]
            json.dump(shown, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            write_citations(citations, args.format, sys.stdout)
        if finder.chain is not None:
            warn_resolver_errors(finder.chain)
        return 0
    build_finder(
        args.resolver, args.config, args.antecedent_paragraphs
    )  # a usage error is found before any work starts
    options = Options(
        args.this_title,
        resolver_names(args.resolver),
        args.encoding,
        args.errors,
        args.config,
        cases=args.cases,
        input_format=args.input_format,
        antecedent_paragraphs=args.antecedent_paragraphs,
    )
    out = RecordWriter(args.format, sys.stdout)
    progress = Progress(sys.stderr) if sys.stderr.isatty() else None
    failed = 0
    for here, files in itertools.groupby(expand(paths), key=partial(reads_here, options)):
        results: Iterator[Records]
        if here:  # read in pieces here, printed as found: memory stays bounded
            results = (_stream_records(path, options, out) for path in files)
        else:
            results = ordered_map(
                extract_records,
                files,
                (options, args.format),
                processes=args.jobs,
                here=is_stdin,
            )
        for path, error, records, size, notes in results:
            for note in notes:
                print(f"citelink: {note}", file=sys.stderr)
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


def _stream_records(path: str, options: Options, out: RecordWriter) -> Records:
    """A big file's citations, printed as they are found; then what is left to report."""
    from citelink.batch import StreamedFile

    streamed = StreamedFile(path, options)
    try:
        for citation in streamed:
            out.write(citation_records(path, (citation,), out.form))
    except (InputError, ImportError) as error:
        return path, str(error), [], streamed.size, ()
    return path, None, [], streamed.size, ()
