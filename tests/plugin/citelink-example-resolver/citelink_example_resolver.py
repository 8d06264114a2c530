"""Example third-party resolvers for citelink.

``LawLibrary`` links U.S. Code citations to an imaginary law library. The
other two misbehave on purpose: one raises, one answers with a URL that is not
http(s). citelink must skip them and report the problem.
"""

from __future__ import annotations

from typing import Any


class LawLibrary:
    """U.S. Code sections at law.example.org."""

    name = "example"
    kinds = frozenset({"usc"})
    description = "An example law library (law.example.org)"

    def resolve(self, citation: Any) -> str | None:
        if citation.title is None or citation.appendix:
            return None
        return f"https://law.example.org/usc/{citation.title}/{citation.section}"


class _Raises:
    name = "broken"
    kinds = frozenset({"usc"})

    def resolve(self, citation: Any) -> str | None:
        raise RuntimeError("the library's index is offline")


class _Junk:
    name = "junk"
    kinds = frozenset({"usc"})

    def resolve(self, citation: Any) -> str | None:
        return "javascript:alert(1)"


broken = _Raises()
junk = _Junk()
