"""The text a reader sees in a marked-up document, mapped back to the source.

* :mod:`~citelink.markup.layout` — the :class:`Layout`: the reader's text, its runs
  (where a link may go) and the markup tokens, each with its source span;
* :mod:`~citelink.markup.entities` — HTML character references;
* :mod:`~citelink.markup.html` — the HTML reader;
* :mod:`~citelink.markup.markdown` and :mod:`~citelink.markup.markdown_inline` — the
  Markdown (CommonMark) reader, blocks and inlines;
* :mod:`~citelink.markup.placement` — where a citation's link may go in the source.

The readers are tokenizers that report source positions: one forward pass
each, with anchored regular expressions that cannot backtrack without bound.
They never change the source; whatever they cannot read with certainty (an
unterminated tag, a raw-text element) is treated as markup, never as
linkable text.
"""

from __future__ import annotations

from citelink.markup.entities import add_html_text, html_entity
from citelink.markup.html import (
    ALWAYS_SKIP,
    BREAKING,
    DEFAULT_SKIP,
    RAW_TEXT,
    VOID,
    read_html,
)
from citelink.markup.layout import (
    BARRIER,
    BLOCK_SEPARATOR,
    BREAK,
    CLOSE,
    NEUTRAL,
    NOLINK,
    OPEN,
    WHOLE,
    Layout,
)
from citelink.markup.markdown import read_markdown
from citelink.markup.markdown_inline import flanking

__all__ = [
    "ALWAYS_SKIP",
    "BARRIER",
    "BLOCK_SEPARATOR",
    "BREAK",
    "BREAKING",
    "CLOSE",
    "DEFAULT_SKIP",
    "NEUTRAL",
    "NOLINK",
    "OPEN",
    "RAW_TEXT",
    "VOID",
    "WHOLE",
    "Layout",
    "add_html_text",
    "flanking",
    "html_entity",
    "read_html",
    "read_layout",
    "read_markdown",
]


def read_layout(source: str, input_format: str) -> Layout | None:
    """The reader's text of an "html" or "markdown" document; ``None`` for "text"."""
    if input_format == "html":
        return read_html(source)
    if input_format == "markdown":
        return read_markdown(source)
    if input_format == "text":
        return None
    raise ValueError(f"unknown input format {input_format!r} (text, html or markdown)")
