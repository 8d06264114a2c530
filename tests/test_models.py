"""Citations are immutable, hashable, picklable and serialize to the CLI's JSON."""

from __future__ import annotations

import dataclasses
import json
import pickle

import pytest

import citelink


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
