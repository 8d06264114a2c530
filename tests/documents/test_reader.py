"""One way to find citations in a document: what a reader sees, with spans in the source."""

from __future__ import annotations

import pytest

from citelink import documents
from citelink.documents.reader import ReaderText, read
from citelink.finder import Finder, shared_finder
from citelink.models import Citation

PAGES = {
    "text": "The agency relied on 8 U.S.C. § 1373 and id. § 1357(g).",
    "html": "<p>The agency relied on 8 U.S.C. <b>&sect;</b>&nbsp;1373 and <i>id.</i> § 1357(g)</p>",
    "markdown": "The agency relied on **8 U.S.C.** § 1373 and *id.* § 1357(g).\n",
}


@pytest.mark.parametrize("form", sorted(PAGES))
def test_every_format_gives_the_same_readings_with_spans_in_the_source(form: str) -> None:
    page = PAGES[form]
    found = documents.find(page, form)
    assert [c.normalized for c in found] == ["8 U.S.C. § 1373", "8 U.S.C. § 1357(g)"]
    for citation in found:
        assert page[citation.start : citation.end] == citation.text
    antecedent = found[1].antecedent
    assert antecedent is not None
    assert page[antecedent.start : antecedent.end] == antecedent.text == found[0].text


def test_plain_text_is_what_the_finder_finds() -> None:
    text = PAGES["text"]
    assert documents.find(text) == Finder().find(text)
    assert read(text).layout is None and read(text).text == text


class _EveryLine(Finder):
    """A finder that reads each "Roe v. ... Wade" as one citation, even across blocks."""

    def find(
        self, text: str, *, this_title: str | None = None, cases: bool = False
    ) -> list[Citation]:
        start = text.index("Roe")
        end = text.index("Wade") + 4
        return [Citation(text=text[start:end], start=start, end=end)]


def test_a_citation_across_a_block_is_left_out_unless_asked_for() -> None:
    reader_text = read("<p>Roe v.</p><p>Wade</p>", "html")
    assert reader_text.citations(_EveryLine()) == []
    (crossing,) = reader_text.citations(_EveryLine(), across_blocks=True)
    assert crossing.text == "Roe v.\n\nWade"
    (in_source,) = reader_text.in_source([crossing])
    assert in_source.text == "Roe v.</p><p>Wade"


def test_in_source_moves_a_whole_chain_once() -> None:
    page = "<p>8 U.S.C. &sect; 1373; <i>id.</i> § 1357; <i>id.</i> § 1226</p>"
    reader_text = read(page, "html")
    moved = reader_text.in_source(reader_text.citations())
    assert [page[c.start : c.end] for c in moved] == [c.text for c in moved]
    assert moved[1].antecedent is moved[0] and moved[2].antecedent is moved[0]


def test_an_unknown_format_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown input format 'rtf'"):
        documents.find("8 U.S.C. 1373", "rtf")


def test_the_shared_finder_is_made_once_per_chain() -> None:
    assert shared_finder() is shared_finder()
    assert shared_finder(["govinfo"]) is shared_finder(("govinfo",))
    assert shared_finder(["govinfo"]) is not shared_finder()
    assert isinstance(ReaderText("x").citations(), list)
