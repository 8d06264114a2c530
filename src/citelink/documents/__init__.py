"""Documents: reading files, and finding citations in what a reader sees.

* :mod:`~citelink.documents.files` — a file's bytes to text, with one clear
  :class:`~citelink.documents.files.InputError` for what is not text;
* :mod:`~citelink.documents.reader` — a document in any format as the text a
  reader sees, and :func:`find`, the one way every command finds citations in
  a document, with spans in its source.

    >>> from citelink import documents
    >>> page = "<p>8 U.S.C. <i>&sect;</i> 1373</p>"
    >>> [(c.text, c.normalized) for c in documents.find(page, "html")]
    [('8 U.S.C. <i>&sect;</i> 1373', '8 U.S.C. § 1373')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from citelink.documents.files import FORMATS_BY_EXTENSION, InputError, input_format

__all__ = ["FORMATS_BY_EXTENSION", "InputError", "ReaderText", "find", "input_format", "read"]


def __getattr__(name: str) -> Any:
    """``find``, ``read`` and ``ReaderText`` load the markup readers on first use."""
    if name in ("find", "read", "ReaderText"):
        from citelink.documents import reader

        return getattr(reader, name)
    raise AttributeError(f"module 'citelink.documents' has no attribute {name!r}")


if TYPE_CHECKING:
    from citelink.documents.reader import ReaderText, find, read
