"""The Markdown reader: front matter, line endings, emphasis beside a link, hostile lines."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from citelink.annotation import annotate_markdown

URL = "https://www.law.cornell.edu/uscode/text/38/1151"


@pytest.mark.parametrize(
    "front_matter",
    [
        "---\ntitle: Claims under 38 U.S.C. 1151\ntags: [38 U.S.C. 1151]\n---\n",
        "---\r\ntitle: 38 U.S.C. 1151\r\n...\r\n",
        '+++\ntitle = "38 U.S.C. 1151"\n+++\n',
        "\ufeff---\ntitle: 38 U.S.C. 1151\n---\n",
    ],
)
def test_front_matter_is_data_and_never_linked(front_matter: str) -> None:
    page = front_matter + "\nFile under 38 U.S.C. 1151.\n"
    annotated = annotate_markdown(page)
    assert annotated.startswith(front_matter)
    assert annotated.count(URL) == 1
    assert annotated.endswith(f'[38 U.S.C. 1151]({URL} "38 U.S.C. § 1151").\n')


def test_a_rule_that_never_closes_is_not_front_matter() -> None:
    assert annotate_markdown("---\nSee 38 U.S.C. 1151.\n").count(URL) == 1


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_code_and_html_blocks_stay_untouched_whatever_the_line_endings(newline: str) -> None:
    page = newline.join(
        [
            "```",
            "38 U.S.C. 1151",
            "```",
            "",
            "<div>",
            "38 U.S.C. 1151",
            "</div>",
            "",
            "38 U.S.C. 1151",
        ]
    )
    annotated = annotate_markdown(page)
    assert annotated.count(URL) == 1
    assert annotated.startswith(page[: page.rindex("38 U.S.C.")])


@pytest.mark.parametrize(
    "text",
    [
        "The Fourteenth Amendment_2_ says so.",
        "See 38 U.S.C. 1151*x* too.",
        "x_38 U.S.C. 1151_y",
        "_See 38 U.S.C. 1151_ and *38 U.S.C. 1151*.",
        "**38 U.S.C. 1151**_a_",
    ],
)
def test_a_link_never_changes_the_emphasis_around_it(text: str) -> None:
    render = MarkdownIt("commonmark").render
    before, after = render(text), render(annotate_markdown(text))
    without_links = after
    while "<a href=" in without_links:
        start = without_links.index("<a href=")
        without_links = without_links[:start] + without_links[
            without_links.index(">", start) + 1 :
        ].replace("</a>", "", 1)
    assert without_links == before


def test_a_line_of_list_markers_is_read_and_its_text_linked() -> None:
    page = "- " * 20_000 + "38 U.S.C. 1151\n" + "38 U.S.C. 1151\n" * 500
    assert annotate_markdown(page).count(URL) == 501


@pytest.mark.parametrize(
    "tag",
    [
        '{% include note.html title="38 U.S.C. 1151" %}',
        '{{< ref "38 U.S.C. 1151" >}}',
        "{{ page.cite | default: '38 U.S.C. 1151' }}",
    ],
)
def test_a_site_generators_template_tags_are_data(tag: str) -> None:
    page = f"See {tag} and 38 U.S.C. 1151.\n"
    annotated = annotate_markdown(page)
    assert annotated.startswith(f"See {tag} and [38 U.S.C. 1151]")
    assert annotated.count(URL) == 1


def test_braces_that_open_no_template_tag_are_text() -> None:
    assert annotate_markdown("{{ 38 U.S.C. 1151 {%\n").count(URL) == 1


def test_a_block_quote_after_a_list_item_ends_the_items_paragraph() -> None:
    # The item's paragraph is outside the quotes of the paragraph before it; the quote after
    # it starts a new block, so nothing reads across the two.
    page = "> > 8\n- §\n> > 8 of title 8"
    assert annotate_markdown(page) == page
