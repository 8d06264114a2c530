"""The ``citelink`` command: a thin layer over the library, one module per command.

Exit codes: 0 success, 2 a usage or input error (missing file, binary or
undecodable input, unknown resolver, invalid configuration) or an output that
cannot be written (a full disk, an encoding that cannot carry the text), each
with a one-line message; 130 interrupted (Ctrl-C). ``citelink check`` exits
with 1 when it finds something at or above ``--fail-on``. Resolvers that
fail during a run are reported as warnings on standard error; the run goes on.

* :mod:`~citelink.cli.extract`, :mod:`~citelink.cli.annotate`, :mod:`~citelink.cli.check`,
  :mod:`~citelink.cli.data`, :mod:`~citelink.cli.resolvers` — each command's options and run;
* :mod:`~citelink.cli.options` — what the commands share (finder and input options);
* :mod:`~citelink.cli.output` — how results are written.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any

from citelink import __version__
from citelink.cli import annotate, check, data, extract, resolvers
from citelink.documents.files import InputError, display_path


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        code = int(args.run(args))
        sys.stdout.flush()  # a failed write is reported here, not as a traceback at exit
        return code
    except InputError as error:
        return _error(str(error))
    except BrokenPipeError:  # "citelink extract big.txt | head"
        _drop_stdout()
        return 0
    except KeyboardInterrupt:
        _drop_stdout()
        print("citelink: interrupted", file=sys.stderr)
        return 130
    except UnicodeEncodeError as error:  # a strict standard output in a narrow encoding
        _drop_stdout()
        char = error.object[error.start : error.start + 1]
        return _error(
            f"the output cannot be written in {error.encoding} ({char!a} cannot);"
            " set PYTHONIOENCODING=utf-8"
        )
    except OSError as error:  # a full disk, a closed terminal...
        _drop_stdout()
        named = isinstance(error.filename, (str, bytes)) and error.filename
        where = (
            f"{display_path(os.fsdecode(error.filename))}: " if named else "writing the output: "
        )
        return _error(f"{where}{error.strerror or error}")


def _error(message: str) -> int:
    print(f"citelink: error: {message}", file=sys.stderr)
    return 2


def _drop_stdout() -> None:
    """Send what is left in standard output's buffer nowhere, so that exiting does not
    fail again on it (the way Python's documentation advises for a broken pipe)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no file descriptor (a test's captured output)
        pass


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="citelink",
        description="Find legal citations in text, normalize them and link them to the law.",
    )
    parser.add_argument(
        "--version", action=_Version, help="show the version and the index's release point"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in (extract, check, data, resolvers, annotate):
        command.add(commands)
    return parser


class _Version(argparse.Action):
    """``--version``: the package's version and the release point of its U.S. Code index."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.setdefault("help", None)
        super().__init__(
            option_strings, argparse.SUPPRESS, nargs=0, default=argparse.SUPPRESS, **kwargs
        )

    def __call__(self, parser: argparse.ArgumentParser, *args: Any) -> None:
        from citelink.index import release_point

        print(f"citelink {__version__} (U.S. Code index: release point {release_point()})")
        parser.exit()
