"""Many documents at once: files and directories, on every core, in order.

:func:`extract_files` runs the finder over many files in a pool of worker
processes and yields one :class:`FileResult` per file, in the order the files
were given, as soon as it is ready. A file that cannot be read (missing,
binary, undecodable) gives a result with an ``error``, and the batch goes on.
Everything here pickles, so the same functions run under Dask or any other
engine that ships work to other processes::

    import dask.bag
    bag = dask.bag.from_sequence(paths).map(citelink.batch.extract_file)
"""

from __future__ import annotations

import os
import signal
import stat
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from citelink.documents.files import (
    InputError,
    Unreadable,
    file_kind,
    input_format,
    read_pieces,
)
from citelink.documents.loading import load, places
from citelink.documents.reader import find
from citelink.finder import ANTECEDENT_PARAGRAPHS, Finder, shared_finder
from citelink.models import Citation
from citelink.records import citation_records

_T = TypeVar("_T")
_C = TypeVar("_C")


@dataclass(frozen=True)
class Options:
    """How to read and search each document; shared by every worker."""

    this_title: str | None = None
    resolvers: tuple[str, ...] | None = None
    encoding: str = "utf-8"
    errors: str = "strict"
    #: A citelink.toml or pyproject.toml for the resolvers (default: the nearest one).
    config: str | None = None
    #: Also find case law (through eyecite).
    cases: bool = False
    #: "text", "html" or "markdown"; ``None``: by each file's extension (see
    #: :func:`citelink.documents.input_format`).
    input_format: str | None = None
    #: How many paragraphs back a short form may find its full citation.
    antecedent_paragraphs: int = ANTECEDENT_PARAGRAPHS

    def format_of(self, path: str) -> str:
        """The format a file is read in."""
        return input_format(path, self.input_format)

    def finder(self) -> Finder:
        """This process's finder for these options (built once, then reused)."""
        return shared_finder(
            self.resolvers,
            configured=True,
            config=self.config,
            antecedent_paragraphs=self.antecedent_paragraphs,
        )


@dataclass(frozen=True)
class FileResult:
    """The citations of one file, or why it could not be read."""

    path: str
    citations: tuple[Citation, ...] = ()
    error: str | None = None
    #: The length of the file's text, in characters.
    size: int = 0
    #: What the user should know about how it was read (an encoding detected).
    notes: tuple[str, ...] = ()
    #: Per citation, where it is beyond its span (see :func:`citelink.documents.loading.places`).
    places: tuple[dict[str, Any], ...] = ()


#: Files bigger than this many bytes are read and searched in pieces (see :func:`stream_file`).
STREAM_ABOVE = 1 << 25


def extract_file(path: str | os.PathLike[str], options: Options | None = None) -> FileResult:
    """The citations of one file; a bad file gives a result with ``error`` set.

    A plain-text file bigger than :data:`STREAM_ABOVE` is never held in memory
    whole (see :class:`StreamedFile`). HTML and Markdown files are read whole,
    and their citations are those a reader sees, with spans in the file
    (:func:`citelink.documents.find`).
    """
    options = options or Options()
    name = os.fspath(path)
    form = options.format_of(name)
    try:
        if form == "text" and is_big(name):
            streamed = StreamedFile(name, options)
            citations = tuple(streamed)
            return FileResult(name, citations, size=streamed.size)
        loaded = load(name, options.input_format, options.encoding, options.errors)
        found = find(
            loaded.text,
            loaded.format,
            finder=options.finder(),
            this_title=options.this_title,
            cases=options.cases,
        )
        return FileResult(
            name,
            tuple(found),
            size=len(loaded.text),
            notes=loaded.notes,
            places=tuple(places(loaded, found)),
        )
    except InputError as error:
        return FileResult(name, error=str(error))
    except ImportError as error:  # case law asked for without eyecite installed
        return FileResult(name, error=str(error))


def reads_here(options: Options, path: str) -> bool:
    """Whether a file is read in this process, in pieces: a big text file, or text on
    standard input (which the worker processes cannot read) or from a FIFO."""
    return options.format_of(path) == "text" and (is_big(path) or is_stdin(path) or is_fifo(path))


def extract_records(path: str, context: tuple[Options, str]) -> Records:
    """One file's citations as records (see :mod:`citelink.records`), so that workers send
    back plain strings: the path, the error if any, the records, the text's length and
    the notes on how it was read."""
    options, form = context
    result = extract_file(path, options)
    records = citation_records(path, result.citations, form, result.places)
    return result.path, result.error, records, result.size, result.notes


#: What :func:`extract_records` sends back for one file.
Records = tuple[str, "str | None", list[str], int, tuple[str, ...]]


def is_big(path: str) -> bool:
    """Whether a file is big enough to be read in pieces (stdin never is)."""
    try:
        return path != "-" and os.path.getsize(path) > STREAM_ABOVE
    except (OSError, ValueError):  # ValueError: a NUL in the name
        return False  # reading it will say what is wrong


def is_fifo(path: str) -> bool:
    """Whether ``path`` names a FIFO (``<(command)``), whose size nobody knows."""
    if isinstance(path, Unreadable):
        return False
    try:
        return stat.S_ISFIFO(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


class StreamedFile:
    """The citations of a big file, found as it is read in pieces: memory stays bounded.

    Iterate for the citations, in text order; ``size`` counts the characters
    read so far. A piece that cannot be decoded raises
    :class:`~citelink.documents.InputError` after the citations before it.
    """

    def __init__(self, path: str | os.PathLike[str], options: Options | None = None) -> None:
        self.path = os.fspath(path)
        self.options = options or Options()
        self.size = 0

    def __iter__(self) -> Iterator[Citation]:
        options = self.options
        finder = options.finder()
        yield from finder.find_stream(
            self._pieces(), this_title=options.this_title, cases=options.cases
        )

    def _pieces(self) -> Iterator[str]:
        for piece in read_pieces(self.path, self.options.encoding, self.options.errors):
            self.size += len(piece)
            yield piece


def extract_files(
    paths: Iterable[str | os.PathLike[str]],
    options: Options | None = None,
    *,
    processes: int | None = None,
) -> Iterator[FileResult]:
    """Every file's citations, in the order given; directories are walked.

    ``processes`` defaults to the number of cores; 1 works in this process.
    """
    yield from ordered_map(
        extract_file, expand(paths), options or Options(), processes=processes, here=is_stdin
    )


def is_stdin(path: str) -> bool:
    """Whether ``path`` names standard input, which only this process can read."""
    return path == "-"


def expand(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str]:
    """The files named, and every file under the directories named (sorted; hidden skipped).

    What a walk meets and does not read is yielded as an
    :class:`~citelink.documents.files.Unreadable` path, whose reading reports
    why: a FIFO, socket or device (reading one could hang or never end), a
    directory that cannot be listed, a symbolic link to a directory (not
    followed: a link can lead anywhere, or in a circle) and a broken link.
    """
    for path in paths:
        name = os.fspath(path)
        if os.path.isdir(name):
            yield from _walk(name)
        else:
            yield name


def _walk(top: str) -> Iterator[str]:
    """The files under ``top`` (its own first, then each folder's, in name order)."""
    folders = [top]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(
                    (e for e in listing if not e.name.startswith(".")), key=lambda e: e.name
                )
        except OSError as error:
            yield Unreadable(folder, f"cannot be listed ({error.strerror or error}): skipped")
            continue
        inner = []
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    inner.append(entry.path)
                elif entry.is_file():
                    yield entry.path
                else:
                    yield _skipped(entry)
            except OSError as error:
                yield Unreadable(entry.path, f"{error.strerror or error}: skipped")
        folders.extend(reversed(inner))


def _skipped(entry: os.DirEntry[str]) -> Unreadable:
    """Why a walk does not read ``entry``, which is neither a folder nor a regular file."""
    if entry.is_symlink():
        if entry.is_dir():
            return Unreadable(entry.path, "a symbolic link to a directory: not followed")
        if not os.path.exists(entry.path):
            return Unreadable(entry.path, "a broken symbolic link: skipped")
    kind = file_kind(entry.stat().st_mode)
    return Unreadable(entry.path, f"a {kind}, not a regular file: skipped")


def ordered_map(
    work: Callable[[str, _C], _T],
    items: Iterable[str],
    context: _C,
    *,
    processes: int | None = None,
    in_flight: int = 16,
    here: Callable[[str], bool] | None = None,
) -> Iterator[_T]:
    """``work(item, context)`` for every item on a pool of processes, yielded in order.

    ``work`` must be a module-level function and ``context`` picklable. At
    most ``in_flight`` items per process are queued, so memory stays bounded
    however many items there are. Items for which ``here(item)`` is true
    (standard input) are worked on in this process, in their turn.
    """
    processes = processes or os.cpu_count() or 1
    if processes == 1:
        for item in items:
            yield work(item, context)
        return
    pool = ProcessPoolExecutor(max_workers=processes, initializer=_leave_interrupts)
    try:
        pending: deque[Future[_T]] = deque()
        for item in items:
            if here is not None and here(item):
                while pending:
                    yield pending.popleft().result()
                yield work(item, context)
                continue
            pending.append(pool.submit(work, item, context))
            if len(pending) >= in_flight * processes:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:  # done, interrupted or abandoned (a closed pipe): what is queued is dropped
        pool.shutdown(wait=True, cancel_futures=True)


def _leave_interrupts() -> None:
    """In a worker: leave Ctrl-C to the main process, which stops the pool (no tracebacks)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
