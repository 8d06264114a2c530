"""Annotation: links inserted into text, HTML and Markdown without changing anything else."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree
from markdown_it import MarkdownIt

import citelink
from citelink import annotation
from citelink.annotation import Links, locate, safe_url
from citelink.markup import read_html
from citelink.models import Citation, fast_init

from .conftest import FIXTURES, SHARED

ANNOTATED = FIXTURES / "annotate"
CASES = [
    *sorted(p for p in ANNOTATED.iterdir() if ".linked." not in p.name),
    FIXTURES / "page.html",
    FIXTURES / "page.md",
]
# Our links, as the fixtures make them: to LII, with a title (the links already there have none).
_OUR_HTML_LINK = re.compile(r'<a href="https://www\.law\.cornell\.edu/[^"]*" title="[^"]*">')
_OUR_MD_CLOSE = re.compile(r'\]\(https://www\.law\.cornell\.edu/[^ )]* "[^"]*"\)')


def read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as file:
        return file.read()


def unlink_html(html: str, opening: re.Pattern[str] = _OUR_HTML_LINK) -> str:
    """``html`` without the links that match ``opening`` (each with the next ``</a>``)."""
    out, position = [], 0
    for found in opening.finditer(html):
        if found.start() < position:
            raise AssertionError("a link inside a link")
        close = html.index("</a>", found.end())
        assert "<a " not in html[found.end() : close], "a link inside a link"
        out += (html[position : found.start()], html[found.end() : close])
        position = close + 4
    out.append(html[position:])
    return "".join(out)


def unlink_markdown(markdown: str) -> str:
    """``markdown`` without our ``[...](url "title")`` links."""
    out, position = [], 0
    for found in _OUR_MD_CLOSE.finditer(markdown):
        opening = markdown.rindex("[", position, found.start())
        out += (markdown[position:opening], markdown[opening + 1 : found.start()])
        position = found.end()
    out.append(markdown[position:])
    return "".join(out)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_fixture_comes_out_as_expected(path: Path) -> None:
    source = read(path)
    expected = read(path.with_name(f"{path.stem}.linked{path.suffix}"))
    if path.suffix == ".html":
        out = annotation.annotate_html(source)
        assert unlink_html(out) == source
    else:
        out = annotation.annotate_markdown(source)
        assert unlink_markdown(out) == source
    assert out == expected


# --- HTML: what is read, what is linked -------------------------------------------------


def linked_texts(html: str, **options: object) -> list[str]:
    """The source text of each inserted link, in order."""
    out = annotation.annotate_html(html, links=Links(title=None), **options)  # type: ignore[arg-type]
    return re.findall(r'<a href="https://www\.law[^"]*">(.*?)</a>', out, re.DOTALL)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("8 U.S.C. <i>§</i> 1373", "8 U.S.C. <i>§</i> 1373"),
        ("<i>8 U.S.C.</i> § 1373", "<i>8 U.S.C.</i> § 1373"),
        ("42 <strong>USC</strong> § 1983", "42 <strong>USC</strong> § 1983"),
        ("<p>8 U.S.C. &sect; 1373", "8 U.S.C. &sect; 1373"),
        ("8&nbsp;U.S.C.&nbsp;&#167;&nbsp;1373", "8&nbsp;U.S.C.&nbsp;&#167;&nbsp;1373"),
        ("8 U.S.C.<!-- x --> § 1373", "8 U.S.C.<!-- x --> § 1373"),
    ],
)
def test_inline_markup_does_not_break_a_citation(html: str, expected: str) -> None:
    assert linked_texts(html) == [expected]


@pytest.mark.parametrize(
    "html",
    [
        "<p>8 U.S.C.</p><p>1373</p>",
        "8 U.S.C.<br>1373",
        "<li>8 U.S.C.</li><li>1373</li>",
        "<td>8 U.S.C.</td><td>1373</td>",
        "<div>8 U.S.C.</div>\n1373",
    ],
)
def test_block_boundaries_break_a_citation(html: str) -> None:
    assert linked_texts(html) == []


def test_superscript_digits_do_not_join_the_number() -> None:
    assert [c for c in annotation.find_in_html("4<sup>2</sup> U.S.C. § 12") if c.resolved] == []
    assert linked_texts("8 U.S.C. 4<sup>2</sup>") == ["8 U.S.C. 4"]
    assert [c.normalized for c in annotation.find_in_html("42 U.S.C. § 12<sup>3</sup>")] == [
        "42 U.S.C. § 12"
    ]


def test_a_link_across_an_element_edge_is_split_into_nested_pieces() -> None:
    out = annotation.annotate_html("<b>See 8 U.S.C.</b> § 1373.", links=Links(title=None))
    url = "https://www.law.cornell.edu/uscode/text/8/1373"
    assert out == f'<b>See <a href="{url}">8 U.S.C.</a></b> <a href="{url}">§ 1373</a>.'


def test_a_link_wraps_an_element_when_that_adds_no_text() -> None:
    assert linked_texts("<b><i>8 U.S.C.</i></b> § 1373") == ["<b><i>8 U.S.C.</i></b> § 1373"]
    assert linked_texts("8 U.S.C. <b>§ <i>1373</i></b>.") == ["8 U.S.C. <b>§ <i>1373</i></b>"]
    assert linked_texts("<em>8 U.S.C. § 1373</em>") == ["8 U.S.C. § 1373"]  # inside is enough


@pytest.mark.parametrize(
    "html",
    [
        '<a href="/x">8 U.S.C. 1373</a>',
        '<a href="/x"><b>8 U.S.C. 1373</b></a>',
        "<p title='8 U.S.C. 1373'>x</p>",
        "<!-- 8 U.S.C. 1373 -->",
        "<script>'8 U.S.C. 1373'</script>",
        "<style>/* 8 U.S.C. 1373 */</style>",
        "<code>8 U.S.C. 1373</code>",
        "<pre>8 U.S.C. 1373</pre>",
        "<textarea>8 U.S.C. 1373</textarea>",
        "<title>8 U.S.C. 1373</title>",
        "<svg><text>8 U.S.C. 1373</text></svg>",
        "<select><option>8 U.S.C. 1373</select>",
        '<span title="x > 8 U.S.C. 1373">',
        '<p title="8 U.S.C. 1373>',  # a tag that never ends
        "<!-- 8 U.S.C. 1373",  # a comment that never ends
        "<script>8 U.S.C. 1373",
    ],
)
def test_never_linked_there(html: str) -> None:
    assert linked_texts(html) == []


def test_a_short_form_after_a_skipped_citation_still_takes_its_title() -> None:
    html = '<p><a href="/x">8 U.S.C. 1101</a> and § 1373</p>'
    assert linked_texts(html) == ["§ 1373"]
    assert [c.normalized for c in annotation.find_in_html(html)][1] == "8 U.S.C. § 1373"


def test_the_skip_list_is_configurable() -> None:
    html = "<h1>8 U.S.C. 1373</h1><pre>8 U.S.C. 1101</pre>"
    assert linked_texts(html) == ["8 U.S.C. 1373"]
    assert linked_texts(html, skip=("h1",)) == ["8 U.S.C. 1101"]
    assert linked_texts('<a href="/x">8 U.S.C. 1101</a>', skip=()) == []  # links: always


def test_only_inside_an_xpath_selection() -> None:
    html = (
        "<header>8 U.S.C. 1101</header><article><p>8 U.S.C. 1373</p>"
        "<aside>8 U.S.C. 1357</aside></article><footer>8 U.S.C. 1226</footer>"
    )
    assert linked_texts(html, only_inside="//article") == ["8 U.S.C. 1373", "8 U.S.C. 1357"]
    assert linked_texts(html, only_inside="//article/p | //footer") == [
        "8 U.S.C. 1373",
        "8 U.S.C. 1226",
    ]
    assert linked_texts("<p>8 U.S.C. 1373</p>", only_inside="//body") == ["8 U.S.C. 1373"]
    with pytest.raises(ValueError, match="XPath"):
        annotation.annotate_html(html, only_inside="//[")


def test_locate_html_gives_source_spans_and_pieces() -> None:
    html = "<p><b>See 8 U.S.C.</b> &sect; 1373(a).</p>"
    (placement,) = annotation.locate_html(html)
    assert placement.citation.normalized == "8 U.S.C. § 1373(a)"
    assert html[placement.start : placement.end] == "8 U.S.C.</b> &sect; 1373(a)"
    assert [html[a:b] for a, b in placement.pieces] == ["8 U.S.C.", "&sect; 1373(a)"]
    reader = read_html(html).text
    assert reader[placement.citation.start : placement.citation.end] == "8 U.S.C. § 1373(a)"


def test_find_in_html_reads_as_a_browser_shows_it() -> None:
    found = annotation.find_in_html("42 <strong>USC</strong> &#167; 1983. <i>Id.</i> at (b)")
    assert [c.normalized for c in found] == ["42 U.S.C. § 1983", "42 U.S.C. § 1983(b)"]


# --- link markup ------------------------------------------------------------------------


def test_link_markup_is_configurable_and_escaped() -> None:
    links = Links(
        css_class='cite "x"',
        rel="nofollow",
        target="_blank",
        title=lambda c: f"<{c.normalized}> & more",
        data=True,
    )
    out = annotation.annotate_html("8 U.S.C. 1373", links=links)
    assert out == (
        '<a href="https://www.law.cornell.edu/uscode/text/8/1373" class="cite &quot;x&quot;" '
        'rel="nofollow" target="_blank" title="&lt;8 U.S.C. § 1373&gt; &amp; more" '
        'data-citation-id="usc/8/1373" data-citation-kind="usc">8 U.S.C. 1373</a>'
    )
    assert etree.fromstring(out).get("title") == "<8 U.S.C. § 1373> & more"


def test_an_attribute_callback_can_change_or_refuse_a_link() -> None:
    def attributes(citation: Citation) -> dict[str, str | None] | None:
        if citation.normalized.endswith("1101"):
            return None
        return {"href": f"https://example.org/?q={citation.id}&x=1", "title": None}

    out = annotation.annotate_html("8 U.S.C. 1101 and § 1373", links=Links(attributes=attributes))
    assert out == (
        '8 U.S.C. 1101 and <a href="https://example.org/?q=usc/8/1373&amp;x=1">§ 1373</a>'
    )
    with pytest.raises(ValueError, match="attribute name"):
        annotation.annotate_html("8 U.S.C. 1101", links=Links(attributes=lambda c: {"on x": "1"}))


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "data:text/html,x", "//example.org/x", "https://", "https://a b/"],
)
def test_a_url_that_is_not_http_is_never_emitted(url: str) -> None:
    assert safe_url(url) is None
    links = Links(attributes=lambda c: {"href": url})
    assert annotation.annotate_html("8 U.S.C. 1373", links=links) == "8 U.S.C. 1373"
    assert annotation.annotate_markdown("8 U.S.C. 1373", links=links) == "8 U.S.C. 1373"
    assert (
        annotation.text_to_html("8 U.S.C. 1373", links=links, fragment=True)
        == "<p>8 U.S.C. 1373</p>\n"
    )


# --- any kind of citation ---------------------------------------------------------------


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class _OtherCitation(Citation):
    """A citation of a kind this module has never heard of."""

    name: str = ""

    @property
    def normalized(self) -> str:
        return f"Other {self.name}"

    @property
    def id(self) -> str | None:
        return f"other/{self.name}"


class _FixedFinder:
    """Returns the citations it was given, at the places their text is found."""

    def __init__(self, *found: tuple[str, str | None]) -> None:
        self.found = found

    def find(
        self, text: str, *, this_title: str | None = None, cases: bool = False
    ) -> list[Citation]:
        citations: list[Citation] = []
        for words, url in self.found:
            start = text.index(words)
            citations.append(
                _OtherCitation(text=words, start=start, end=start + len(words), url=url, name=words)
            )
        return sorted(citations, key=lambda c: c.start)


def test_any_kind_of_citation_is_linked_by_its_url() -> None:
    finder = _FixedFinder(
        ("Roe v. Wade", "https://example.org/roe"),
        ("Wade, 410", "https://example.org/overlap"),  # overlaps the one before: skipped
        ("410 U.S. 113", "javascript:void(0)"),
    )
    html = "<p><i>Roe v. Wade</i>, 410 U.S. 113</p>"
    out = annotation.annotate_html(html, finder=finder)  # type: ignore[arg-type]
    assert out == (
        '<p><i><a href="https://example.org/roe" title="Other Roe v. Wade">Roe v. Wade</a></i>'
        ", 410 U.S. 113</p>"
    )
    md = annotation.annotate_markdown("*Roe v. Wade*, 410 U.S. 113", finder=finder)  # type: ignore[arg-type]
    assert md == '[*Roe v. Wade*](https://example.org/roe "Other Roe v. Wade"), 410 U.S. 113'


def test_locate_skips_citations_that_cross_blocks() -> None:
    layout = read_html("<p>Roe v.</p><p>Wade</p>")
    citation = _OtherCitation(text="Roe v.\n\nWade", start=0, end=12, url="https://x.org/")
    assert locate(layout, [citation]) == []


# --- plain text and Markdown -------------------------------------------------------------


def test_text_to_html_escapes_the_text() -> None:
    out = annotation.text_to_html(
        "a < b & 8 U.S.C. § 1373 <b>", links=Links(title=None), fragment=True
    )
    url = "https://www.law.cornell.edu/uscode/text/8/1373"
    assert out == f'<p>a &lt; b &amp; <a href="{url}">8 U.S.C. § 1373</a> &lt;b&gt;</p>\n'


def test_text_to_markdown_links_and_escapes_link_text() -> None:
    out = annotation.text_to_markdown("See 8 U.S.C. § 1373(a) *now*.")
    assert out == (
        "See [8 U.S.C. § 1373(a)](https://www.law.cornell.edu/uscode/text/8/1373#a "
        '"8 U.S.C. § 1373(a)") \\*now\\*.'
    )


def test_markdown_destination_and_title_are_escaped() -> None:
    links = Links(
        title=lambda c: 'a "quoted" | title', attributes=lambda c: {"href": "https://x.org/a(b)"}
    )
    out = annotation.annotate_markdown("8 U.S.C. 1373", links=links)
    assert out == r'[8 U.S.C. 1373](https://x.org/a\(b\) "a \"quoted\" \| title")'
    html = MarkdownIt("commonmark").render(out)
    assert 'href="https://x.org/a(b)"' in html and 'title="a &quot;quoted&quot; | title"' in html


@pytest.mark.parametrize(
    "markdown",
    [
        "`8 U.S.C. 1373`",
        "``a ` 8 U.S.C. 1373``",
        "```\n8 U.S.C. 1373\n```",
        "    8 U.S.C. 1373",
        "[8 U.S.C. 1373](https://example.org)",
        "![8 U.S.C. 1373](x.png)",
        "<https://example.org/8 U.S.C. 1373>",
        '<a href="x">8 U.S.C. 1373</a>',
        "<div>\n8 U.S.C. 1373\n</div>",
        "[x]: https://example.org\n\n[8 U.S.C. 1373][x]",
        "[8 U.S.C. 1373]\n\n[8 U.S.C. 1373]: https://example.org",
        "Wow!8 U.S.C. 1373",  # "![" would make an image
        "- a\n\n      8 U.S.C. 1373",  # code inside a list item
    ],
)
def test_markdown_never_linked_there(markdown: str) -> None:
    assert annotation.annotate_markdown(markdown) == markdown


def test_markdown_emphasis_stays_well_nested() -> None:
    out = annotation.annotate_markdown("**See 8 U.S.C.** § 1373", links=Links(title=None))
    url = "https://www.law.cornell.edu/uscode/text/8/1373"
    assert out == f"**See [8 U.S.C.]({url})** [§ 1373]({url})"
    assert MarkdownIt("commonmark").render(out) == (
        f'<p><strong>See <a href="{url}">8 U.S.C.</a></strong> <a href="{url}">§ 1373</a></p>\n'
    )


def test_find_in_markdown_reads_the_rendered_text() -> None:
    found = annotation.find_in_markdown("8 U.S.C. &sect; 1373, `8 U.S.C. 1101`, *id.* at (b)")
    assert [c.normalized for c in found] == [
        "8 U.S.C. § 1373",
        "8 U.S.C. § 1101",
        "8 U.S.C. § 1101(b)",
    ]


@pytest.mark.parametrize(
    ("call", "document"),
    [
        (annotation.annotate_html, "x" * 10),
        (annotation.annotate_markdown, "x" * 10),
        (annotation.text_to_markdown, "x" * 10),
    ],
)
def test_nothing_to_link_changes_nothing(call: Callable[[str], str], document: str) -> None:
    assert call(document) in (document,)


# --- the seed --------------------------------------------------------------------------

SEED = SHARED / "seed" / "news_article.txt"


@pytest.mark.skipif(not SEED.exists(), reason="../shared is not beside the checkout")
def test_seed_as_html_paragraphs_gets_exactly_three_us_code_links() -> None:
    import html

    text = SEED.read_text(encoding="utf-8")
    page = "".join(f"<p>{html.escape(p)}</p>\n" for p in text.split("\n\n") if p.strip())
    out = annotation.annotate_html(page, links=Links(title=None))
    links = re.findall(r'<a href="([^"]*)">(.*?)</a>', out)
    base = "https://www.law.cornell.edu/uscode/text/8/"
    assert links == [
        (f"{base}8", "8 U.S. Code 8"),
        ("https://www.law.cornell.edu/constitution/fourth_amendment", "Fourth Amendment"),
        (f"{base}1373", "§ 1373"),
        (f"{base}1373", "8 U.S.C. 1373"),
    ]
    assert unlink_html(out, re.compile(r'<a href="[^"]*">')) == page


@pytest.mark.parametrize(
    ("convert", "link"),
    [
        (annotation.annotate_markdown, "](https://www.courtlistener.com/c/us/556/662/"),
        (annotation.text_to_markdown, "](https://www.courtlistener.com/c/us/556/662/"),
        (annotation.annotate_html, 'href="https://www.courtlistener.com/c/us/556/662/"'),
        (annotation.text_to_html, 'href="https://www.courtlistener.com/c/us/556/662/"'),
    ],
)
def test_case_law_is_linked_on_request(convert: Callable[..., str], link: str) -> None:
    pytest.importorskip("eyecite")
    text = "Ashcroft v. Iqbal, 556 U.S. 662, 678 (2009), and 8 U.S.C. § 1373."
    assert link not in convert(text)
    linked = convert(text, cases=True)
    assert linked.count(link) == 1
    assert linked.count("https://www.law.cornell.edu/uscode/text/8/1373") == 1


PAGE_WITH_SHORT_FORMS = (
    '<p title="8 U.S.C. § 99">See <i>8 U.S.C.</i> &sect; 1373(a) and &sect;&sect; 1644,'
    " 1645.</p>\n<script>var x = '8 U.S.C. 1';</script>\n<p>Id. § 1357.</p>\n"
)


def test_find_in_document_gives_source_spans_and_text() -> None:
    found = annotation.find_in_document(PAGE_WITH_SHORT_FORMS, "html")
    source = PAGE_WITH_SHORT_FORMS
    assert [(c.text, c.normalized) for c in found] == [
        ("8 U.S.C.</i> &sect; 1373(a)", "8 U.S.C. § 1373(a)"),
        ("&sect;&sect; 1644", "8 U.S.C. § 1644"),
        ("1645", "8 U.S.C. § 1645"),
        ("Id. § 1357", "8 U.S.C. § 1357"),
    ]
    assert all(source[c.start : c.end] == c.text for c in found)
    first, list_start, list_end, id_form = found
    # Antecedents and list groups are moved to the source with the citations.
    assert list_start.antecedent is first and id_form.antecedent is first
    assert list_start.group == list_end.group == (list_start.start, list_end.end)
    assert [c.normalized for c in found] == [c.normalized for c in annotation.find_in_html(source)]


def test_find_in_document_reads_text_and_markdown_too() -> None:
    assert annotation.find_in_document("8 USC 1373") == citelink.find("8 USC 1373")
    doc = "`8 U.S.C. 1` and *8 U.S.C.* § 1373"
    in_code, found = annotation.find_in_document(doc, "markdown")  # code is read, not linked
    assert doc[in_code.start : in_code.end] == "8 U.S.C. 1"
    assert doc[found.start : found.end] == "8 U.S.C.* § 1373"
    with pytest.raises(ValueError, match="unknown input format"):
        annotation.find_in_document(doc, "rtf")


def test_no_link_where_the_end_of_a_link_is_in_doubt() -> None:
    """ "</a>" with a block still open inside the link is ignored by libxml2 (the rest stays in
    the link), so what follows is left unlinked; a block closed in time changes nothing."""
    tangled = "<a href='/x'><div></a><select><option>1</select>§8"
    assert annotation.annotate_html(tangled) == tangled
    closed = "<a href='/x'><div>x</div></a>8 U.S.C. 1373"
    assert annotation.annotate_html(closed).count("<a ") == 2


def test_no_markdown_link_across_a_list_marker_after_a_block_quote() -> None:
    """markdown-it ends a block quote at any list marker on the line after it, even "1. " alone,
    which could not interrupt a paragraph; the lazy line that follows a quote still continues
    the quote's paragraph."""
    for source in ("> > 8U.S.C.\n1. ", "> a 8 U.S.C.\n1. x 1373", "> a 8 U.S.C.\n2. 1373"):
        assert annotation.annotate_markdown(source) == source
    assert annotation.annotate_markdown("> a 8 U.S.C.\n1373 here").count("](https://") == 1
