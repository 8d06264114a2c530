"""Which encoding a document is in, when it is not UTF-8: ``--encoding auto``.

Bytes that are valid UTF-8 are read as UTF-8. Others (a court archive in
Windows-1252, a Latin-1 statute, UTF-16 from a Windows tool) are given to
charset-normalizer, which chooses the encoding in which the text reads best;
the caller says on stderr which encoding was assumed (:attr:`Decoded.note`).
"""

from __future__ import annotations

import codecs

#: The ``encoding`` that asks for detection.
AUTO = "auto"
#: What legal text in a single-byte encoding almost always is; charset-normalizer
#: cannot always tell it from its neighbours (cp1250, Latin-1) in a short text.
_PREFERRED = "cp1252"
#: Bytes charset-normalizer looks at: enough to decide, cheap on a big file.
_SAMPLE = 1 << 20
#: Bytes looked at for NUL bytes, which no single-byte or UTF-8 text has.
_SNIFF = 8192


class BinaryData(ValueError):
    """Bytes with NUL bytes and no byte-order mark: no encoding makes them text."""


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def choose_encoding(data: bytes) -> str | None:
    """The encoding ``data`` is in: the one its byte-order mark names, "utf-8" if it is
    valid UTF-8, else the one charset-normalizer reads best (Windows-1252 among
    equals), else ``None``. Binary data (NUL bytes without a mark) raises
    :class:`BinaryData`."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    if b"\x00" in data[:_SNIFF]:
        raise BinaryData("NUL bytes")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        # A piece of a big file may end inside a character: valid up to there is valid.
        if error.start >= len(data) - 3 and error.reason == "unexpected end of data":
            return "utf-8"
    else:
        return "utf-8"
    from charset_normalizer import from_bytes

    matches = from_bytes(data[:_SAMPLE])
    best = matches.best()
    if best is None:
        return None
    # Windows-1252 wherever it reads the text as well as the best guess: the same bytes
    # read alike in cp1250 and cp1252, and in mostly-ASCII text with a few curly quotes
    # charset-normalizer may rank a DOS code page first on coherence alone (where "§",
    # 0xA7 in cp1252, would become "º").
    for match in matches:
        if _PREFERRED in match.could_be_from_charset and match.percent_chaos <= best.percent_chaos:
            return _PREFERRED
    return best.encoding


def resolve_encoding(encoding: str, data: bytes) -> str:
    """``encoding``, or for "auto" the one :func:`choose_encoding` finds ("utf-8" if none)."""
    if encoding != AUTO:
        return encoding
    return choose_encoding(data) or "utf-8"
