"""Reading files: bytes to text, with a clear error for what is not text.

Every entry point (the CLI, the batch runner, annotate, check) reads through
here, so a binary file, an undecodable byte, a missing file or something that
is not a file (a directory, ``/dev/zero``, a socket) is reported the same way
everywhere: an :class:`InputError` with a one-line message. A FIFO named
explicitly is read (``<(command)``); one met in a directory walk is not
(:class:`Unreadable`). UTF-16 and UTF-32 text is text: for those encodings a
NUL *character* marks a binary file, not a NUL byte. Paths in messages and
records are shown by :func:`display_path`.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from citelink.documents.encodings import AUTO, BinaryData, choose_encoding

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
    ".xml": "xml",
    ".docx": "docx",
    ".pdf": "pdf",
}


def input_format(path: str | os.PathLike[str], given: str | None = None) -> str:
    """A document's format: ``given`` if the caller named one ("text", "html",
    "markdown", "xml"), else by its file name's extension (any other file is plain text)."""
    if given is not None:
        return given
    return FORMATS_BY_EXTENSION.get(os.path.splitext(os.fspath(path))[1].lower(), "text")


class InputError(Exception):
    """A document that cannot be read as text: missing, binary or undecodable."""


class Unreadable(str):
    """A path met in a directory walk that is not to be read, and why.

    It is a ``str`` so that it travels wherever paths go (to worker processes
    too); reading it raises an :class:`InputError` with its ``reason``.
    """

    reason: str

    def __new__(cls, path: str, reason: str) -> Unreadable:
        self = super().__new__(cls, path)
        self.reason = reason
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return Unreadable, (str(self), self.reason)


def display_path(path: str | os.PathLike[str]) -> str:
    r"""``path`` as text any output can carry: bytes of a file name that are not UTF-8
    (which Python keeps as lone surrogates) are written ``\xNN``, and so are controls
    and other invisible characters (a newline in a name must not start a new record).

    >>> display_path("brief.txt"), display_path("a\udcffb\n.txt")
    ('brief.txt', 'a\\xffb\\x0a.txt')
    """
    name = os.fspath(path)
    if name.isprintable():
        return name
    shown = []
    for char in name:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, kept by surrogateescape
            shown.append(f"\\x{code - 0xDC00:02x}")
        elif char.isprintable() or char == " ":
            shown.append(char)
        elif code < 0x100:
            shown.append(f"\\x{code:02x}")
        else:
            shown.append(f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
    return "".join(shown)


def read_text(path: str | os.PathLike[str], encoding: str = "utf-8", errors: str = "strict") -> str:
    """The decoded text of a file (``-``: standard input); ``encoding`` "auto" detects it
    (:mod:`citelink.documents.encodings`)."""
    return decode(read_bytes(path), _name(path), encoding, errors)


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a file (``-``: standard input), or an :class:`InputError`."""
    name = _name(path)
    if os.fspath(path) == "-":
        return sys.stdin.buffer.read()
    with _open(path, name) as file:
        try:
            return file.read()
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
    if os.fspath(path) == "-":  # standard input is read, never closed
        yield from _decoded_pieces(sys.stdin.buffer, name, encoding, errors, size)
        return
    with _open(path, name) as file:
        yield from _decoded_pieces(file, name, encoding, errors, size)


def _open(path: str | os.PathLike[str], name: str) -> BinaryIO:
    """``path`` opened for reading if it is a regular file or a FIFO; else an InputError.

    It is opened without blocking, so that a FIFO nobody writes to is an empty
    file and not a hang, and looked at before a byte is read.
    """
    if isinstance(path, Unreadable):
        raise InputError(f"{name}: {path.reason}")
    nonblocking = getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, os.O_RDONLY | nonblocking | getattr(os, "O_BINARY", 0))
    except OSError as error:
        raise _open_error(name, error) from None
    except ValueError:  # os.open's word for a NUL in the name
        raise InputError(f"{name}: no such file (the name has a NUL in it)") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InputError(f"{name}: is a directory")
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
            raise InputError(f"{name}: is a {file_kind(mode)}, not a file")
        if nonblocking:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def file_kind(mode: int) -> str:
    """What a file of ``mode`` (``st_mode``) is, in words: "FIFO", "character device"..."""
    for test, kind in (
        (stat.S_ISREG, "regular file"),
        (stat.S_ISDIR, "directory"),
        (stat.S_ISFIFO, "FIFO"),
        (stat.S_ISCHR, "character device"),
        (stat.S_ISBLK, "block device"),
        (stat.S_ISSOCK, "socket"),
        (stat.S_ISLNK, "symbolic link"),
    ):
        if test(mode):
            return kind
    return "special file"


def _decoded_pieces(
    file: BinaryIO, name: str, encoding: str, errors: str, size: int
) -> Iterator[str]:
    offset = 0
    first = True
    decoder = _decoder(encoding, errors) if encoding != "auto" else None
    while True:
        try:
            data = file.read(size)
        except OSError as error:
            raise _open_error(name, error) from None
        if decoder is None:  # "auto": the first piece decides
            encoding = _auto_encoding(data) or "utf-8"
            decoder = _decoder(encoding, errors)
        if first:
            _refuse_binary(data, name, encoding)
        final = not data
        text = _decoded(decoder, data, final, name, encoding, offset)
        if first:
            _refuse_nul(text, name, encoding)
            first = False
        offset += len(data)
        if text:
            yield text
        if final:
            return


def decode(data: bytes, name: str, encoding: str = "utf-8", errors: str = "strict") -> str:
    """Decode a document's bytes; refuse binary data and undecodable text clearly."""
    if encoding == AUTO:
        return decode_auto(data, name, errors).text
    decoder = _decoder(encoding, errors)
    _refuse_binary(data, name, encoding)
    text = _decoded(decoder, data, True, name, encoding, 0)
    _refuse_nul(text, name, encoding)
    return text


def _decoder(encoding: str, errors: str) -> codecs.IncrementalDecoder:
    try:
        info = codecs.lookup(encoding)
        codecs.lookup_error(errors)
    except LookupError as error:
        raise InputError(
            str(error).replace("unknown error handler name", "unknown --errors")
        ) from None
    if info.incrementaldecoder is None or not getattr(info, "_is_text_encoding", True):
        # "base64", "rot13", "zlib": codecs, but not of text
        raise InputError(f"{encoding!r} is not a text encoding")
    return info.incrementaldecoder(errors)


def _decoded(
    decoder: codecs.IncrementalDecoder,
    data: bytes,
    final: bool,
    name: str,
    encoding: str,
    offset: int,
) -> str:
    try:
        return decoder.decode(data, final)
    except UnicodeDecodeError as error:
        raise _decode_error(name, encoding, offset + error.start) from None
    except (UnicodeError, ValueError, TypeError) as error:  # a codec's own complaint
        raise InputError(f"{name}: cannot be decoded as {encoding} ({error})") from None


def _auto_encoding(data: bytes) -> str | None:
    try:
        return choose_encoding(data)
    except BinaryData:
        return None  # refused, with the file's name, by the caller


@dataclass(frozen=True)
class Decoded:
    """A document's text and the encoding it was read in."""

    text: str
    encoding: str
    #: What to tell the user about the encoding (``None``: it was UTF-8 or the one given).
    note: str | None = None


def decode_auto(data: bytes, name: str, errors: str = "strict") -> Decoded:
    """``data`` decoded as UTF-8 if it is UTF-8, else in the encoding detected.

    Undecodable bytes that detection cannot explain raise an :class:`InputError`,
    unless ``errors`` is "replace" (they are read as UTF-8 with U+FFFD).
    """
    try:
        chosen = choose_encoding(data)
    except BinaryData:
        _refuse_binary(data, name)
        raise
    if chosen in ("utf-8", "utf-8-sig"):
        return Decoded(decode(data, name, chosen, errors), chosen)
    if chosen is None:
        if errors == "strict":
            raise InputError(
                f"{name}: not valid UTF-8, and its encoding could not be detected"
                " (give --encoding, or --errors replace)"
            )
        text = decode(data, name, "utf-8", errors)
        return Decoded(text, "utf-8", f"{name}: not valid UTF-8; undecodable bytes replaced")
    text = decode(data, name, chosen, errors)
    return Decoded(text, chosen, f"{name}: not valid UTF-8; read as {chosen} (detected)")


def _wide(encoding: str) -> bool:
    """Whether ``encoding`` writes ASCII with NUL bytes (UTF-16, UTF-32)."""
    return codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))


def _refuse_binary(data: bytes, name: str, encoding: str = "utf-8") -> None:
    if b"\x00" not in data[:_SNIFF] or _wide(encoding):
        return
    for bom, wide in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            raise InputError(f"{name}: looks like {wide.upper()} text (try --encoding {wide})")
    raise InputError(f"{name}: looks like a binary file (it contains NUL bytes)")


def _refuse_nul(text: str, name: str, encoding: str) -> None:
    if _wide(encoding) and "\x00" in text[: _SNIFF // 2]:
        raise InputError(f"{name}: looks like a binary file (it contains NUL characters)")


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
    return "standard input" if name == "-" else display_path(name)
