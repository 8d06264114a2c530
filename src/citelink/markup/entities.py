"""HTML character references (``&sect;``, ``&#167;``), decoded as browsers decode them."""

from __future__ import annotations

import re
from html.entities import html5 as _HTML5_ENTITIES

from citelink.markup.layout import BREAK, Layout

# --- entities -----------------------------------------------------------------

_NUMERIC = re.compile(r"&#(?:[xX][0-9A-Fa-f]+|[0-9]+);?")
_NAMED = re.compile(r"&[A-Za-z][A-Za-z0-9]{0,40};?")
_LONGEST_ENTITY = max(len(name) for name in _HTML5_ENTITIES)
_AMP = re.compile("&")
# Code points that HTML decodes numeric references of differently (the
# Windows-1252 block, NUL, surrogates and numbers past Unicode).
_WINDOWS_1252 = {
    0x80: "\u20ac", 0x82: "\u201a", 0x83: "\u0192", 0x84: "\u201e", 0x85: "\u2026",
    0x86: "\u2020", 0x87: "\u2021", 0x88: "\u02c6", 0x89: "\u2030", 0x8A: "\u0160",
    0x8B: "\u2039", 0x8C: "\u0152", 0x8E: "\u017d", 0x91: "\u2018", 0x92: "\u2019",
    0x93: "\u201c", 0x94: "\u201d", 0x95: "\u2022", 0x96: "\u2013", 0x97: "\u2014",
    0x98: "\u02dc", 0x99: "\u2122", 0x9A: "\u0161", 0x9B: "\u203a", 0x9C: "\u0153",
    0x9E: "\u017e", 0x9F: "\u0178",
}  # fmt: skip


def _numeric_value(reference: str) -> str:
    digits = reference[2:].rstrip(";")
    number = int(digits[1:], 16) if digits[:1] in "xX" else int(digits)
    if number in _WINDOWS_1252:
        return _WINDOWS_1252[number]
    if number == 0 or 0xD800 <= number <= 0xDFFF or number > 0x10FFFF:
        return "\ufffd"
    return chr(number)


def html_entity(source: str, at: int, limit: int) -> tuple[str, int] | None:
    """The HTML character reference at ``source[at]`` ("&"), as text: ``(value, end)``.

    Follows the HTML rules for text content: the longest known name wins,
    with or without its semicolon for the legacy names (``&sect``, ``&amp``);
    numeric references map the Windows-1252 block and invalid numbers as
    browsers do. ``None`` when the ampersand starts no reference.
    """
    found = _NUMERIC.match(source, at, limit)
    if found is not None:
        return _numeric_value(found.group()), found.end()
    found = _NAMED.match(source, at, limit)
    if found is None:
        return None
    name = found.group()[1:]
    if name in _HTML5_ENTITIES:
        return _HTML5_ENTITIES[name], found.end()
    for size in range(min(len(name) - 1, _LONGEST_ENTITY), 1, -1):
        value = _HTML5_ENTITIES.get(name[:size])
        if value is not None and not name[:size].endswith(";"):
            return value, at + 1 + size
    return None


def add_html_text(layout: Layout, start: int, end: int, flags: int) -> None:
    """Add source text with HTML character references decoded."""
    source = layout.source
    amp = source.find("&", start, end)
    if amp < 0:
        if layout.flags and layout.flags[-1] & BREAK and source[start:end].isspace():
            return  # white space between blocks: nothing to read
        layout.add_text(start, end, flags)
        return
    position = start
    while amp >= 0:
        found = html_entity(source, amp, end)
        if found is not None:
            value, after = found
            layout.add_text(position, amp, flags)
            layout.add_decoded(value, amp, after, flags)
            position = after
            amp = source.find("&", after, end)
        else:
            amp = source.find("&", amp + 1, end)
    layout.add_text(position, end, flags)
