"""Reading files: bytes to text, with a clear error for what is not text.

Every entry point (the CLI, the batch runner, annotate, check) reads through
here, so a binary file, an undecodable byte or a missing file is reported the
same way everywhere: an :class:`InputError` with a one-line message.
"""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Iterator
from typing import BinaryIO

#: Bytes looked at to decide whether a file is binary.
_SNIFF = 8192
#: Characters per piece when a document is read in pieces.
PIECE_SIZE = 1 << 22


#: Document formats by file name extension; any other file is plain text.
FORMATS_BY_EXTENSION = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
}


def input_format(path: str | os.PathLike[str], given: str | None = None) -> str:
    """A document's format: ``given`` if the caller named one ("text", "html",
    "markdown"), else by its file name's extension (any other file is plain text)."""
    if given is not None:
        return given
    return FORMATS_BY_EXTENSION.get(os.path.splitext(os.fspath(path))[1].lower(), "text")


class InputError(Exception):
    """A document that cannot be read as text: missing, binary or undecodable."""


def read_text(path: str | os.PathLike[str], encoding: str = "utf-8", errors: str = "strict") -> str:
    """The decoded text of a file (``-``: standard input)."""
    name = _name(path)
    if os.fspath(path) == "-":
        return decode(sys.stdin.buffer.read(), name, encoding, errors)
    try:
        with open(path, "rb") as file:
            return decode(file.read(), name, encoding, errors)
    except OSError as error:
        raise _open_error(name, error) from None


def read_pieces(
    path: str | os.PathLike[str],
    encoding: str = "utf-8",
    errors: str = "strict",
    size: int = PIECE_SIZE,
) -> Iterator[str]:
    """The decoded text of a file in pieces of about ``size`` bytes: memory stays bounded."""
    name = _name(path)
    decoder = _decoder(encoding, errors)
    if os.fspath(path) == "-":  # standard input is read, never closed
        yield from _decoded_pieces(sys.stdin.buffer, name, decoder, encoding, size)
        return
    try:
        file = open(path, "rb")  # noqa: SIM115
    except OSError as error:
        raise _open_error(name, error) from None
    with file:
        yield from _decoded_pieces(file, name, decoder, encoding, size)


def _decoded_pieces(
    file: BinaryIO, name: str, decoder: codecs.IncrementalDecoder, encoding: str, size: int
) -> Iterator[str]:
    offset = 0
    first = True
    while True:
        data = file.read(size)
        if first:
            _refuse_binary(data, name)
            first = False
        final = not data
        try:
            text = decoder.decode(data, final)
        except UnicodeDecodeError as error:
            raise _decode_error(name, encoding, offset + error.start) from None
        offset += len(data)
        if text:
            yield text
        if final:
            return


def decode(data: bytes, name: str, encoding: str = "utf-8", errors: str = "strict") -> str:
    """Decode a document's bytes; refuse binary data and undecodable text clearly."""
    _refuse_binary(data, name)
    decoder = _decoder(encoding, errors)
    try:
        return decoder.decode(data, True)
    except UnicodeDecodeError as error:
        raise _decode_error(name, encoding, error.start) from None


def _decoder(encoding: str, errors: str) -> codecs.IncrementalDecoder:
    try:
        return codecs.getincrementaldecoder(encoding)(errors)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None


def _refuse_binary(data: bytes, name: str) -> None:
    if b"\x00" in data[:_SNIFF]:
        raise InputError(f"{name}: looks like a binary file (it contains NUL bytes)")


def _decode_error(name: str, encoding: str, byte: int) -> InputError:
    return InputError(f"{name}: not valid {encoding} at byte {byte} (try --errors replace)")


def _open_error(name: str, error: OSError) -> InputError:
    if isinstance(error, FileNotFoundError):
        return InputError(f"{name}: no such file")
    if isinstance(error, IsADirectoryError):
        return InputError(f"{name}: is a directory")
    return InputError(f"{name}: {error.strerror or error}")


def _name(path: str | os.PathLike[str]) -> str:
    name = os.fspath(path)
    return "standard input" if name == "-" else name
