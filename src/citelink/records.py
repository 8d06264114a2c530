"""How a citation is written out: one line of text, or one JSON record.

The batch workers format their files' citations here, so that they send back
plain strings, and the command line writes the same records for one file.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from citelink.documents.files import display_path
from citelink.models import Citation

try:  # orjson writes the same bytes as the standard library, 10 to 30 times faster
    import orjson
except ImportError:  # pragma: no cover - the standard library is the fallback
    orjson = None  # type: ignore[assignment]


def json_text(value: Any, *, indent: bool = False) -> str:
    """``value`` as JSON, UTF-8 characters unescaped: with ``indent``, two spaces a
    level; without, compact (no space after ``,`` and ``:``; a JSONL record).

    The same text whether or not orjson is installed (``pip install 'citelink[fast]'``);
    orjson writes it 10 to 30 times faster than the standard library.
    """
    if orjson is not None:
        try:
            return orjson.dumps(value, option=orjson.OPT_INDENT_2 if indent else 0).decode()
        except TypeError:  # a lone surrogate, which only the standard library writes
            pass
    if indent:
        return json.dumps(value, ensure_ascii=False, indent=2)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def citation_records(
    path: str,
    citations: Sequence[Citation],
    form: str,
    places: Sequence[Mapping[str, Any]] = (),
) -> list[str]:
    """Citations of one file as ``text`` lines (``path:start-end\\tnormalized\\turl``)
    or as JSON records with their path (any other ``form``); the path as
    :func:`~citelink.documents.files.display_path` shows it. ``places`` (one per
    citation, see :func:`citelink.documents.loading.places`) adds to each JSON record
    where the citation is: its ``page``, ``paragraph`` or existing ``xref``."""
    path = display_path(path)
    if form == "text":
        return [f"{path}:{c.start}-{c.end}\t{c.normalized}\t{c.url or '-'}" for c in citations]
    extra: Sequence[Mapping[str, Any]] = places or [{}] * len(citations)
    return [
        json_text({"path": path, **citation_record(c, place)})
        for c, place in zip(citations, extra, strict=True)
    ]


def citation_record(citation: Citation, place: Mapping[str, Any]) -> dict[str, Any]:
    """One citation's JSON record, with where it is (``page``, ``paragraph``, ``xref``)."""
    return {**citation.to_dict(), **place}
