"""The document the project began from must always come out right."""

from __future__ import annotations

import pytest

import citelink

from .conftest import SHARED

SEED = SHARED / "seed" / "news_article.txt"


@pytest.mark.skipif(not SEED.exists(), reason="../shared is not beside the checkout")
def test_seed_gives_exactly_three_us_code_citations() -> None:
    text = SEED.read_text(encoding="utf-8")
    everything = citelink.find(text)
    found = [c for c in everything if c.kind == "usc"]
    assert [(c.text, c.normalized) for c in found] == [
        ("8 U.S. Code 8", "8 U.S.C. § 8"),
        ("§ 1373", "8 U.S.C. § 1373"),
        ("8 U.S.C. 1373", "8 U.S.C. § 1373"),
    ]
    for c in found:
        assert text[c.start : c.end] == c.text
        assert c.url == f"https://www.law.cornell.edu/uscode/text/8/{c.section}"
    # The only other citation is the "Fourth Amendment" the mayors raised; it sits
    # between "8 U.S. Code 8" and the bare "§ 1373" without taking its title away.
    assert [(c.text, c.normalized) for c in everything if c.kind != "usc"] == [
        ("Fourth Amendment", "U.S. Const. amend. IV")
    ]
