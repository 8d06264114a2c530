"""The names of the states' codes as regular expressions, forward and backward.

A code may be named a dozen ways ("Cal. Penal Code", "Cal. Pen. Code",
"California Penal Code", "Penal Code"...), and there are about fifteen hundred
names in all. They are matched with one expression per direction, built as a
trie: the alternatives at each step share no first unit, so the regex engine
rejects a position after a character or two instead of trying every name in
turn. The backward expression is matched on the reversed text before a
section mark ("Cal. Penal Code § 187"); the forward one after a section
("section 21001.1 of the Public Resources Code").

A name is a string in which a space stands for white space (optional after a
period or comma, required elsewhere) and a period followed by a letter may be
followed by a space ("N.Y." also reads "N. Y.").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Units of a name: a character, or one of these two kinds of white space.
_OPTIONAL_SPACE = "\x00"
_REQUIRED_SPACE = "\x01"
#: White space inside a name: at most three characters (a line break counts as one).
_UNIT_PATTERN = {_OPTIONAL_SPACE: r"\s{0,3}", _REQUIRED_SPACE: r"\s{1,3}", "'": "['’]"}


def units(name: str) -> list[str]:
    """The units of ``name`` in reading order."""
    out: list[str] = []
    for i, char in enumerate(name):
        if char == " ":
            out.append(_OPTIONAL_SPACE if name[i - 1] in ".," else _REQUIRED_SPACE)
            continue
        out.append("'" if char == "’" else char)
        if char == "." and i + 1 < len(name) and name[i + 1].isalpha():
            out.append(_OPTIONAL_SPACE)
    return out


def key(text: str) -> str:
    """The lookup key of a name as matched in a text: no white space, straight apostrophes."""
    return "".join(text.split()).replace("’", "'")


def trie_pattern(names: Iterable[str], *, reverse: bool) -> str:
    """One regular expression (without groups) that matches any of ``names``.

    With ``reverse``, it matches the names written backwards, for matching on
    reversed text. Longer names are tried before their prefixes, so that
    "W. Va. Code" wins over "Va. Code".
    """
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for name in names:
        node = root
        sequence = units(name)
        if reverse:
            sequence.reverse()
        for unit in sequence:
            node = node.setdefault(unit, {})
        node[""] = {}
    return _emit(root)


def _emit(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    branches = [
        _UNIT_PATTERN.get(unit, re.escape(unit)) + _emit(child)
        for unit, child in node.items()
        if unit
    ]
    if "" in node:
        if not branches:
            return ""
        branches.append("")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"
