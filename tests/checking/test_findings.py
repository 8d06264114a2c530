"""Findings and the checked text they point into."""

from __future__ import annotations

from citelink.checking.findings import SEVERITIES, Document, at_least, one_line, rank


def test_positions_and_paragraphs() -> None:
    text = "one\ntwo\n\nthree\n \nfour"
    document = Document(text)
    assert document.position(text.index("two")) == (2, 1)
    assert document.position(text.index("four")) == (6, 1)
    assert [document.paragraph(text.index(w)) for w in ("one", "two", "three", "four")] == [
        0,
        0,
        1,
        2,
    ]
    spans = [(text.index("two"), text.index("two") + 3), (text.index("four"), len(text))]
    assert [text[s:e].strip() for s, e in document.paragraphs(spans)] == ["one\ntwo", "four"]


def test_severities_and_one_line() -> None:
    assert [rank(s) for s in SEVERITIES] == [0, 1, 2, 3]
    assert at_least("error", "warning") and not at_least("info", "style")
    assert one_line(" a\n  b\u00a0c ") == "a b c"
