"""Where a fix may not go: quotations, official text, block quotes and code."""

from __future__ import annotations

import pytest

from citelink.checking.quoted import Spans, markup_spans, quoted_spans


def _covered(text: str, spans: Spans, part: str) -> bool:
    at = text.index(part)
    return spans.covers(at, at + len(part))


def test_curly_quotes_and_quotations_of_several_paragraphs() -> None:
    text = (
        "We cite A here. The Act reads: “(a) B in force.\n\n“(b) C also.”.\n\n"
        "Then D, and “E” and F.\n"
    )
    spans = quoted_spans(text)
    assert [_covered(text, spans, w) for w in "ABCDEF"] == [
        False,
        True,
        True,
        False,
        True,
        False,
    ]


def test_a_quote_left_open_by_mistake_ends_nowhere() -> None:
    text = "He said “we agree. Then G.\n\nH follows.\n"
    spans = quoted_spans(text)
    assert not _covered(text, spans, "G") and not _covered(text, spans, "H")


def test_gpo_quotes_official_lines_and_email_quotes() -> None:
    text = "As ``amended by K'' and L.\n26 USC 1 note.\nAuthority: M.\n> N quoted\nO\n"
    spans = quoted_spans(text)
    assert [_covered(text, spans, w) for w in ("K", "L", "26 USC", "M", "N", "O")] == [
        True,
        False,
        True,
        True,
        True,
        False,
    ]


@pytest.mark.parametrize(
    ("source", "markup", "inside", "outside"),
    [
        ("<p>P</p><blockquote><p>Q</p></blockquote><code>R</code>", "html", "QR", "P"),
        ("<P>P</P><Q cite=x>Q</Q><pre>R", "html", "QR", "P"),
        ("P\n\n> Q\n- > R\n", "markdown", "QR", "P"),
        ("P > Q", "markdown", "", "PQ"),
        ("<q>P</q>", "text", "", "P"),
    ],
)
def test_markup_block_quotes_and_code(source: str, markup: str, inside: str, outside: str) -> None:
    spans = markup_spans(source, markup)
    for letter in inside:
        at = source.rindex(letter)
        assert spans.covers(at, at + 1), letter
    for letter in outside:
        at = source.rindex(letter)
        assert not spans.covers(at, at + 1), letter


def test_spans_merge_and_answer_for_ranges() -> None:
    spans = Spans([(5, 10), (0, 3), (8, 12)])
    assert len(spans) == 2
    assert spans.covers(2, 4) and spans.covers(11, 20) and not spans.covers(3, 5)
    assert not spans.covers(12, 13)


def test_adversarial_inputs_finish() -> None:
    # Unclosed tags and quote marks by the thousand: each scan is one pass.
    assert len(markup_spans("<q" * 20_000, "html")) == 0
    assert len(markup_spans("<blockquote>" * 20_000, "html")) == 1
    assert len(quoted_spans("“``" * 20_000)) == 1
    assert len(markup_spans("- " * 20_000 + "x", "markdown")) == 0
