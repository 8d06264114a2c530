"""The verbs: find, annotate, locate and check take a document and its format."""

from __future__ import annotations

import pytest

import citelink
from citelink import annotation

PAGE = "<p>See <i>8 U.S.C.</i> &sect; 1373 and <code>8 U.S.C. 1101</code>.</p>"
NOTE = "See 8 U.S.C. § 1373 and `8 U.S.C. 1101`.\n"


def test_find_gives_spans_in_the_document_whatever_its_format() -> None:
    for document, form in ((PAGE, "html"), (NOTE, "markdown"), (NOTE, "text")):
        found = citelink.find(document, form)
        assert [c.normalized for c in found] == ["8 U.S.C. § 1373", "8 U.S.C. § 1101"]
        for citation in found:
            assert document[citation.start : citation.end] == citation.text


def test_find_on_text_is_the_finders_find() -> None:
    finder = citelink.Finder(resolvers=["govinfo"])
    text = "8 U.S.C. 1373 and § 1101"
    assert citelink.find(text, finder=finder) == finder.find(text)
    assert citelink.find(text, resolvers=["govinfo"])[0].url == finder.find(text)[0].url


def test_annotate_takes_a_format_and_an_output() -> None:
    assert citelink.annotate(PAGE, "html") == annotation.annotate_html(PAGE)
    assert citelink.annotate(NOTE, format="markdown") == annotation.annotate_markdown(NOTE)
    assert citelink.annotate(NOTE, output="markdown") == annotation.text_to_markdown(NOTE)
    fragment = citelink.annotate("8 U.S.C. 1373", fragment=True)
    assert fragment.startswith("<p><a href=") and "<!DOCTYPE" not in fragment


def test_annotate_report_says_what_was_left_unlinked_and_why() -> None:
    report = citelink.annotate_report(PAGE, "html")
    assert report.document == citelink.annotate(PAGE, "html")
    assert [c.normalized for c in report.linked] == ["8 U.S.C. § 1373"]
    assert [(c.normalized, why) for c, why in report.unlinked] == [("8 U.S.C. § 1101", "in code")]
    assert report.summary() == "2 citations, 1 linked; 1 not linked (1 in code)"


def test_locate_gives_placements_in_html_and_markdown() -> None:
    (placement,) = citelink.locate(PAGE, "html")
    assert PAGE[placement.start : placement.end] == "<i>8 U.S.C.</i> &sect; 1373"
    (placement,) = citelink.locate(NOTE, "markdown")
    assert NOTE[placement.start : placement.end] == "8 U.S.C. § 1373"
    with pytest.raises(ValueError, match="html or markdown"):
        citelink.locate(NOTE, "text")


def test_check_finds_a_section_that_does_not_exist_in_any_format() -> None:
    for document, form in (("<p>8 U.S.C. § 99999</p>", "html"), ("8 U.S.C. § 99999", "text")):
        findings = citelink.check(document, form)
        assert any(f.severity == "error" for f in findings)
        assert citelink.check(document, form, checker=citelink.Checker()) == findings


@pytest.mark.parametrize(
    "name",
    ["annotate_html", "annotate_markdown", "text_to_html", "text_to_markdown", "locate_html"],
)
def test_the_old_names_still_work_and_say_what_replaces_them(name: str) -> None:
    with pytest.warns(DeprecationWarning, match=r"use citelink\.(annotate|locate)\("):
        old = getattr(citelink, name)
    assert old is getattr(annotation, name)


def test_annotate_with_the_old_keyword_names_warns_and_works() -> None:
    with pytest.warns(DeprecationWarning, match="format= and output="):
        old = citelink.annotate(NOTE, input_format="text", output_format="markdown")
    assert old == citelink.annotate(NOTE, output="markdown")
