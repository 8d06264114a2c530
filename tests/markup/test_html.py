"""The HTML reader: which text a link may go in, on the shapes real pages and hostile ones have."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from citelink.annotation import annotate_html

LINK = '<a href="https://www.law.cornell.edu/uscode/text/8/1373"'
PARAGRAPH = "<p>See 8 U.S.C. 1373.</p>"


@pytest.mark.parametrize(
    "before",
    [
        '<a href="/"><img src="logo.png"></a>',  # a site's logo link
        '<button>Share<img src="x.svg" alt="" /></button>',
        "<code>x<br>y</code>",
        '<a href="/"><hr><input type="search"></a>',
        "<pre>one<br/>two<wbr>three</pre>",
        '<a href="/"><div>Home</div></a>',
        '<a href="/one">one<a href="/two">two</a>',  # a link closed only by the next link
        '<svg><a href="#"><image href="x.png"/></a></svg>',
    ],
)
def test_an_element_skipped_before_the_text_does_not_silence_it(before: str) -> None:
    annotated = annotate_html(before + PARAGRAPH)
    assert annotated.count(LINK) == 1
    assert annotated.startswith(before)
    assert annotated.endswith(">8 U.S.C. 1373</a>.</p>")


def test_text_inside_a_link_is_still_never_linked() -> None:
    page = '<a href="/"><img src="logo.png"> See 8 U.S.C. 1373</a>'
    assert annotate_html(page) == page


@pytest.mark.parametrize(
    "shape",
    [
        lambda n: "<a>" * n + "</a>" * n,
        lambda n: "<code>" * n + "</code>" * n,
        lambda n: "<a>" + "<div>" * n + "</div>" * n + "</a>",
        lambda n: "<svg>" * n + "<x/>" * n + "</svg>" * n,
        lambda n: "<b>" * n + "<i/>" * n + "<!---->" * n,
    ],
)
def test_deeply_nested_pages_are_read_and_the_text_after_them_linked(
    shape: Callable[[int], str],
) -> None:
    # 20,000 levels: the reader's stacks answer in constant time (benchmarks/annotate_hostile.py
    # measures that the time stays linear).
    page = shape(20_000) + PARAGRAPH
    annotated = annotate_html(page)
    assert annotated.startswith(page[: page.index(PARAGRAPH)] + "<p>See " + LINK)


@pytest.mark.parametrize(
    "shape",
    [lambda n: "<a>" * n + "<b/>" * n, lambda n: "<a>" * n + "<!---->" * n],
)
def test_text_after_a_link_that_never_closes_stays_unlinked(shape: Callable[[int], str]) -> None:
    page = shape(20_000) + PARAGRAPH
    assert annotate_html(page) == page


@pytest.mark.parametrize(
    ("script", "linked"),
    [
        ("<script><!--<script></script>8 U.S.C. 1373</script>", False),  # double-escaped
        ("<SCRIPT><!--<script>--></SCRIPT>8 U.S.C. 1373", True),
        ("<script><!--></script>8 U.S.C. 1373", True),  # "<!-->" escapes nothing
        ("<script>a<!-- b --></script>8 U.S.C. 1373", True),
        ("<script>x</script >8 U.S.C. 1373", True),
        ("<script><!-- <script> x", False),  # never ends: all script
    ],
)
def test_a_script_ends_where_the_html_tokenizer_ends_it(script: str, linked: bool) -> None:
    assert (LINK in annotate_html(script)) is linked


def test_links_written_nested_are_read_nested() -> None:
    # Every link start tag has its end tag: an XML parser nests them, so the text between the
    # inner and the outer end tag is inside a link for it, and stays unlinked.
    page = '<p><a href="/1">one <a href="/2">two</a> 8 U.S.C. 1373</a> and 8 U.S.C. 1101.</p>'
    annotated = annotate_html(page)
    assert "8 U.S.C. 1373</a> and" in annotated and annotated.count("law.cornell.edu") == 1
