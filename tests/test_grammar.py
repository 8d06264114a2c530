"""Shared grammar: telling hyphenated sections from ranges, pins."""

from __future__ import annotations

import pytest

from citelink.grammar import hyphenate, pins, split_range


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("1373", ("1373", None)),
        ("2000e-2", ("2000e-2", None)),
        ("288-1", ("288-1", None)),
        ("460nnn-101", ("460nnn-101", None)),
        ("5362-10c", ("5362-10c", None)),
        ("1a-1", ("1a-1", None)),
        ("1981-1983", ("1981", "1983")),
        ("10a-10c", ("10a", "10c")),
        ("1-2", ("1", "2")),
        ("1320a-7-1320a-7b", ("1320a-7", "1320a-7b")),
    ],
)
def test_split_range(token: str, expected: tuple[str, str | None]) -> None:
    assert split_range(token) == expected


def test_pins_and_dashes() -> None:
    assert pins("(a)(1)(A)(iii)") == ("a", "1", "A", "iii")
    assert pins(" (c)") == ("c",)
    assert pins("") == ()
    assert hyphenate("2000e–2") == "2000e-2"
    assert hyphenate("1373") == "1373"


def test_continued_pin_takes_the_level_written_the_same_way() -> None:
    from citelink.grammar import continued_pin

    assert continued_pin(("d", "1"), ("2",)) == ("d", "2")
    assert continued_pin(("a",), ("b",)) == ("b",)
    assert continued_pin(("h", "1"), ("h", "2")) == ("h", "2")
    assert continued_pin(("h", "2"), ("i",)) == ("i",)
    assert continued_pin(("a", "2", "i"), ("ii",)) == ("a", "2", "ii")
    assert continued_pin(("a", "8", "ii"), ("ix",)) == ("a", "8", "ix")
    assert continued_pin((), ("b",)) == ("b",)
