"""The resolver chain: built-in links, fallback and isolation of broken resolvers."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from citelink import Finder
from citelink.models import Citation
from citelink.resolve import Chain, builtin_resolvers, chain


@dataclass
class Fixed:
    name: str
    answer: object
    kinds: frozenset[str] = frozenset({"usc"})

    def resolve(self, citation: Citation) -> str | None:
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer  # type: ignore[return-value]


def test_lii_is_built_in() -> None:
    assert "lii" in builtin_resolvers()
    assert builtin_resolvers()["lii"].kinds >= {"usc"}


def test_unknown_resolver_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown resolver nope"):
        chain(["nope"])


def test_first_answer_wins_and_all_are_listed() -> None:
    lii = builtin_resolvers()["lii"]
    finder = Finder(resolvers=Chain([Fixed("mine", "https://law.example/8/1373"), lii]))
    (c,) = finder.find("8 U.S.C. § 1373")
    assert c.url == "https://law.example/8/1373"
    assert list(c.urls) == ["mine", "lii"]


def test_broken_resolvers_are_skipped_and_reported() -> None:
    lii = builtin_resolvers()["lii"]
    broken = Chain(
        [Fixed("raises", RuntimeError("boom")), Fixed("junk", "javascript:alert(1)"), lii]
    )
    (c,) = Finder(resolvers=broken).find("8 U.S.C. § 1373")
    assert c.url == "https://www.law.cornell.edu/uscode/text/8/1373"
    assert [name for name, _, _ in broken.errors] == ["raises", "junk"]


def test_no_url_for_what_lii_does_not_hold() -> None:
    (unresolved,) = Finder().find("§ 1373")
    assert unresolved.url is None and unresolved.urls == {}
    (appendix,) = Finder().find("50 U.S.C. App. § 2401")
    assert appendix.url is None


def test_resolve_false_leaves_urls_empty() -> None:
    (c,) = Finder(resolve=False).find("8 U.S.C. § 1373")
    assert c.url is None and c.links == ()
