"""Hostile and random input: no exception, consistent spans, same answer every time and thread."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import citelink
from citelink import Finder

from .conftest import FIXTURES

#: Real citations, to be cut and mutated into near-citations.
SEEDS = [
    "8 U.S.C. § 1373(a)(1)",
    "42 U.S.C. §§ 1981–1983",
    "section 1373 of title 8, United States Code",
    "18, United States Code, Section 3500",
    "id. § 1702",
    "Id. at (b)",
    "50 U.S.C. App. § 2401",
    "42 U.S.C. 12101 et seq.",
    "§§ 1373(a)-(c)",
    "U.S.C. Title 18, Section 922(g)",
    "Pub. L. 104–208, div. C, title VI, § 642",
    "110 Stat. 3009–546, 3009–550 to 3009–552",
    "82 Fed. Reg. 8799, 8801–02 (Jan. 30, 2017)",
    "26 C.F.R. § 1.1031(a)-1",
    "40 CFR Part 60",
    "Treas. Reg. § 1.41-2",
    "U.S. Const. art. I, § 8, cl. 1",
    "the Fourteenth Amendment to the U.S. Constitution",
    "Fed. R. Civ. P. 12(b)(6). Rule 11",
    "INA § 287(g)",
    "section 287(g) of the Immigration and Nationality Act",
    "June 27, 1952, ch. 477, title II, ch. 9, §287",
    "Cal. Penal Code § 187(a)",
    "735 ILCS 5/2-619",
    "Mass. Gen. Laws ch. 93A, § 2",
    "section 776.012, Florida Statutes",
    "Conn. Const. art. I, § 7. Art. XII, § 2",
    "U.C.C. §§ 2-314 to 2-316",
    "section 2-207 of the Uniform Commercial Code",
    "22 Tex. Admin. Code § 72.10",
    "CCR Tit. 4, § 1687",
    "5 AAC 93.324",
    "rule 12B-6.0021, F.A.C.",
    "Regs., Conn. State Agencies § 22a-174-22",
]
_PIECES = st.sampled_from(
    [*SEEDS, "§", "§§", " ", "\n", "(", ")", "-", "–", ",", " and ", "U.S.C.", "1", "0", "a", "Id."]
)


def near_citations() -> st.SearchStrategy[str]:
    return st.lists(_PIECES, max_size=40).map("".join)


def check(text: str) -> None:
    found = citelink.find(text)
    assert found == citelink.find(text)  # deterministic
    previous_end = 0
    for c in found:
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start : c.end] == c.text
        assert c.start >= previous_end  # in order, never overlapping
        previous_end = c.end


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode(text: str) -> None:
    check(text)


@settings(max_examples=800, deadline=None)
@given(near_citations())
def test_near_citations(text: str) -> None:
    check(text)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(SEEDS), st.integers(0, 40), st.text(max_size=3))
def test_mutated_citations(seed: str, at: int, insert: str) -> None:
    at = min(at, len(seed))
    check(seed[:at] + insert + seed[at:])
    check(seed[:at] + seed[at + 1 :])


def test_one_finder_shared_by_eight_threads_gives_the_single_thread_answer() -> None:
    texts = [(FIXTURES / name).read_text(encoding="utf-8") for name in ("brief.txt", "page.md")]
    texts += ["see section 1357 of this title"] * 4
    finder = Finder()
    expected = [finder.find(t, this_title="8") for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        for _ in range(5):
            got = list(pool.map(lambda t: finder.find(t, this_title="8"), texts * 8))
            assert got == expected * 8


@pytest.mark.parametrize(
    "digits", ["\uff18", "\u0668", "\u096e", "\U0001d7d6"]
)  # fullwidth, Arabic-Indic, Devanagari, mathematical bold 8
def test_digits_of_other_scripts_are_read_as_the_digits_they_are(digits: str) -> None:
    text = f"See {digits} U.S.C. § 1373(a) and 42 U.S.C. § 19{digits}3."
    first, second = citelink.find(text)
    assert (first.id, second.id) == ("usc/8/1373/a", "usc/42/1983")
    for citation in (first, second):
        assert text[citation.start : citation.end] == citation.text  # the text as written
        assert citation.url is not None and citation.url.isascii()
