"""Properties of annotation and of citations found in generated HTML and Markdown (hypothesis).

Whatever the document, removing the inserted links gives it back exactly; the
output parses with lxml where the input did and reads the same; no link is
inside a link; and in Markdown every inserted link renders as a link while
code stays code.
"""

from __future__ import annotations

import re

import lxml.html
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from markdown_it import MarkdownIt

from citelink import annotation
from citelink.annotation import Links

from .test_annotation import unlink_html

OURS = Links(css_class="x-ours", title=None)
_OUR_OPENING = re.compile(r'<a href="[^"]*" class="x-ours">')
_LII = "https://www.law.cornell.edu/"

# Pieces of text that make citations and near-citations when put together.
WORDS = [
    "8", "42", " ", "  ", "U.S.C.", "USC", "U.S. Code", "§", "§§", "&sect;", "&#167;", "&#xA7;",
    "&sect", "&nbsp;", "\u00a0", "1373", "1983", "1981", "(a)", "(b)(2)", "–", "-", ", ", " and ",
    "Id.", "id.", " at ", "sec.", "section ", " of title 8", "\n", "\r\n", "x", "&amp;", "&", "<",
    ">", "'", '"', "*", "_", "[", "]", "(", ")", "!", "\\", "`",
]  # fmt: skip
HTML_TAGS = [
    "<b>", "</b>", "<i>", "</i>", "<em>", "</em>", "<span class=x>", "</span>", "<B>", "</I>",
    "<p>", "</p>", "<div>", "</div>", "<br>", "<br/>", "<li>", "<td>", "<sup>", "</sup>",
    "<a href='/x'>", "</a>", "<code>", "</code>", "<pre>", "</pre>", "<wbr>", "<em/>",
    '<span title="8 U.S.C. 1373 > x">', "<!-- 8 U.S.C. 1373 -->", "<!---->", "<!-->",
    "<script>8 U.S.C. 1373</script>", "<style>p{}</style>", "<textarea>8 U.S.C. 1373</textarea>",
    "<svg><text>8 U.S.C. 1373</text></svg>", "<![CDATA[ 8 U.S.C. 1373 ]]>", "<?pi 8 U.S.C.?>",
    "</>", "</ 8 >", "<!DOCTYPE html>", "<img alt='8 U.S.C. 1373'>", "<b", "<p title='x",
    "<!-- 8 U.S.C.", "<select><option>8 U.S.C. 1373</select>",
]  # fmt: skip

html_soup = st.lists(st.sampled_from(WORDS + HTML_TAGS), max_size=40).map("".join)


def _check_html(source: str) -> None:
    out = annotation.annotate_html(source, links=OURS)
    assert unlink_html(out, _OUR_OPENING) == source
    try:
        before = lxml.html.document_fromstring(source)
    except (etree.ParserError, ValueError):
        return
    after = lxml.html.document_fromstring(out)
    assert after.text_content() == before.text_content()
    for link in after.iter("a"):
        if link.get("class") == "x-ours":
            assert not list(link.iterancestors("a")), "a link inside a link"
            assert not list(link.iterdescendants("a")), "a link inside our link"


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(html_soup)
def test_html_soup_comes_back_exactly(source: str) -> None:
    _check_html(source)


# Well-formed documents: the output must be well-formed too.
INLINE = ["b", "i", "em", "span", "strong", "code", "a", "sup"]
BLOCK = ["p", "div", "li", "blockquote", "pre"]
text_node = st.lists(
    st.sampled_from([w for w in WORDS if "&" not in w and w not in "<>"] + ["&amp;", "&#167;"]),
    max_size=8,
).map("".join)


def _tag(name: str, content: list[str]) -> str:
    attributes = ' href="/x"' if name == "a" else ""
    return f"<{name}{attributes}>{''.join(content)}</{name}>"


def _element(names: list[str], children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(_tag, st.sampled_from(names), st.lists(children, max_size=4))


inline_tree = st.recursive(text_node, lambda inner: _element(INLINE, inner), max_leaves=12)
well_formed = st.lists(
    st.one_of(inline_tree, _element(BLOCK, inline_tree)), min_size=1, max_size=5
).map("".join)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(well_formed)
def test_well_formed_html_stays_well_formed(source: str) -> None:
    document = f"<body>{source}</body>"
    etree.fromstring(document)  # the input is well-formed XML
    out = annotation.annotate_html(document, links=OURS)
    root = etree.fromstring(out)
    for link in root.iter("a"):
        if link.get("class") == "x-ours":
            assert not list(link.iterancestors("a"))
            assert not list(link.iterdescendants("a"))
    _check_html(document)


# --- Markdown ---------------------------------------------------------------------------

LINE_STARTS = [
    "", "", "", "> ", "- ", "1. ", "2) ", "  ", "    ", "# ", "## ", "```", "~~~", "<div>",
    "[x]: https://e.org", "---", "===", "| a | ", "> > ", "\t",
]  # fmt: skip
INLINE_MD = [
    *WORDS, "**", "*", "__", "~~", "`", "``", "[x]", "[x](https://e.org)", "![i](p.png)",
    "<b>", "</b>", "<a href='x'>", "</a>", "<https://e.org>", "&sect;", "\\*", "\\[", "<br>",
]  # fmt: skip
markdown_line = st.tuples(
    st.sampled_from(LINE_STARTS), st.lists(st.sampled_from(INLINE_MD), max_size=12)
).map(lambda t: t[0] + "".join(t[1]))
markdown_doc = st.lists(markdown_line, max_size=10).map("\n".join)
_OUR_MD_CLOSE = re.compile(r"\]\(https://www\.law\.cornell\.edu/[^ )]*\)")
RENDER = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def _unlink_markdown(markdown: str) -> str:
    out, position = [], 0
    for found in _OUR_MD_CLOSE.finditer(markdown):
        opening = markdown.rindex("[", position, found.start())
        out += (markdown[position:opening], markdown[opening + 1 : found.start()])
        position = found.end()
    out.append(markdown[position:])
    return "".join(out)


def _rendered(markdown: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(f"<div>{RENDER.render(markdown)}</div>")


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(markdown_doc, html_soup))
def test_markdown_comes_back_exactly_and_renders_the_same(source: str) -> None:
    out = annotation.annotate_markdown(source, links=OURS)
    assert _unlink_markdown(out) == source
    inserted = len(_OUR_MD_CLOSE.findall(out))
    before, after = _rendered(source), _rendered(out)
    ours = [a for a in after.iter("a") if a.get("href", "").startswith(_LII)]
    assert len(ours) == inserted, "every inserted link renders as a link"
    assert after.text_content() == before.text_content()
    assert [c.text_content() for c in after.iter("code")] == [
        c.text_content() for c in before.iter("code")
    ]
    assert [e.tag for e in after.iter() if e.tag != "a"] == [
        e.tag for e in before.iter() if e.tag != "a"
    ], "the structure around the links is unchanged"


# --- citations with source spans ----------------------------------------------------------


def _check_source_spans(source: str, input_format: str) -> None:
    found = annotation.find_in_document(source, input_format)
    assert found == annotation.find_in_document(source, input_format)  # deterministic
    previous = 0
    for citation in found:
        assert previous <= citation.start <= citation.end <= len(source)
        previous = citation.start
        if citation.antecedent is not None:
            assert citation.antecedent.end <= citation.start  # moved with it, still before it
        assert source[citation.start : citation.end] == citation.text


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(html_soup)
def test_html_citations_have_source_spans(source: str) -> None:
    _check_source_spans(source, "html")


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(markdown_doc)
def test_markdown_citations_have_source_spans(source: str) -> None:
    _check_source_spans(source, "markdown")


# --- plain text into HTML and Markdown ------------------------------------------------

plain_text = st.lists(
    st.sampled_from([*WORDS, "#", "- ", "1. ", "    ", "\t", "> ", "===", "~", "|", "\n\n", "+"]),
    max_size=40,
).map("".join)


def _words(text: str) -> list[str]:
    """What a reader sees of a text, white space aside."""
    return text.split()


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(plain_text)
def test_text_into_html_reads_as_the_text(text: str) -> None:
    out = annotation.text_to_html(text)
    assert out.startswith("<!DOCTYPE html>\n") and '<meta charset="utf-8">' in out
    body = lxml.html.document_fromstring(out).body
    assert _words(body.text_content()) == _words(text.replace("\r", "\n"))
    lines = re.sub(r"\r\n|\r", "\n", text)
    paragraphs = re.split(r"\n(?:[ \t\f\v]*\n)+", lines.strip("\n"))
    assert len(body.findall("p")) == (len(paragraphs) if lines.strip("\n") else 0)
    assert not body.findall("p/p")


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(plain_text)
def test_text_into_markdown_renders_as_the_text(text: str) -> None:
    out = annotation.text_to_markdown(text)
    rendered = MarkdownIt("commonmark").render(out)
    document = lxml.html.fragment_fromstring(rendered, create_parent="div") if rendered else None
    seen = document.text_content() if document is not None else ""
    assert _words(seen) == _words(text.replace("\r", "\n"))
    if document is not None:  # nothing but paragraphs, line breaks and our links
        tags = {element.tag for element in document.iter()} - {"div"}
        assert tags <= {"p", "br", "a"}, out
