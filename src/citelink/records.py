"""How a citation is written out: one line of text, or one JSON record.

The batch workers format their files' citations here, so that they send back
plain strings, and the command line writes the same records for one file.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from citelink.documents.files import display_path
from citelink.models import Citation


def citation_records(path: str, citations: Sequence[Citation], form: str) -> list[str]:
    """Citations of one file as ``text`` lines (``path:start-end\\tnormalized\\turl``)
    or as JSON records with their path (any other ``form``); the path as
    :func:`~citelink.documents.files.display_path` shows it."""
    path = display_path(path)
    if form == "text":
        return [f"{path}:{c.start}-{c.end}\t{c.normalized}\t{c.url or '-'}" for c in citations]
    return [json.dumps({"path": path, **c.to_dict()}, ensure_ascii=False) for c in citations]
