"""Citations are immutable, hashable, picklable and serialize to the CLI's JSON."""

from __future__ import annotations

import dataclasses
import json
import pickle

import pytest

import citelink

from .sources.test_state_regs import FORMS as REG_FORMS
from .sources.test_states import FORMS as STATE_FORMS


def test_citations_are_frozen_hashable_and_picklable() -> None:
    first, second = citelink.find("8 U.S.C. § 1373(a); § 1324.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.section = "1"  # type: ignore[misc]
    assert len({first, second, first}) == 2
    copy = pickle.loads(pickle.dumps(second))
    assert copy == second and copy.antecedent == first
    assert dataclasses.replace(first, section="1324").section == "1324"


def test_to_dict_is_json_ready() -> None:
    _, short = citelink.find("8 U.S.C. § 1373(a); § 1324.")
    record = json.loads(json.dumps(short.to_dict()))
    assert record["kind"] == "usc"
    assert record["pin"] == []
    assert record["short"] is True
    assert record["antecedent"] == {"start": 0, "end": 18, "id": "usc/8/1373/a"}
    assert record["url"] == "https://www.law.cornell.edu/uscode/text/8/1324"
    assert list(record["urls"]) == ["lii", "uscode", "govinfo"]
    for key in ("text", "start", "end", "normalized", "id", "url", "title", "section"):
        assert key in record


#: Full citations of every federal kind, to be written in their normal form and read back.
FEDERAL = [
    "8 U.S.C. § 1373(a)(1)",
    "42 U.S.C. §§ 1981–1983",
    "42 U.S.C. 12101 et seq.",
    "50 U.S.C. App. § 2401",
    "8 U.S.C. § 1101 note",
    "Pub. L. 104–208, div. C, title VI, § 642",
    "110 Stat. 3009–546, 3009–550 to 3009–552",
    "104 Stat. 4978, 5018–5020",
    "82 Fed. Reg. 8799, 8801–02 (Jan. 30, 2017)",
    "26 C.F.R. § 1.1031(a)-1",
    "40 CFR Part 60",
    "U.S. Const. art. I, § 8, cl. 1",
    "the Fourteenth Amendment",
    "Fed. R. Civ. P. 12(b)(6)",
    "INA § 287(g)",
    "U.C.C. § 2-207",
]


@pytest.mark.parametrize(
    ("text", "cited"),
    [*((text, None) for text in FEDERAL), *STATE_FORMS, *REG_FORMS],
)
def test_the_normal_form_reads_back_as_the_same_citation(text: str, cited: str | None) -> None:
    """Writing a citation in its normal form loses nothing: the form is found as the same id."""
    found = citelink.find(text)
    citation = found[0] if cited is None else next(c for c in found if c.id == cited)
    assert citation.resolved
    again = citelink.find(citation.normalized)
    assert again and again[0].id == citation.id
