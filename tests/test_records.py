"""Records: a citation as a text line or a JSON record, the same with or without orjson."""

from __future__ import annotations

import json

import pytest

import citelink
from citelink import records

TEXT = 'See 8 U.S.C. § 1373(a) and "quoted\u2028text" \x1f; Cal. Penal Code § 187.'


@pytest.mark.parametrize("indent", [True, False])
def test_json_text_is_the_same_whichever_encoder_writes_it(
    monkeypatch: pytest.MonkeyPatch, indent: bool
) -> None:
    value = [c.to_dict() for c in citelink.find(TEXT)] + [{"empty": [], "none": {}, "x": 1.5}]
    fast = records.json_text(value, indent=indent)
    monkeypatch.setattr(records, "orjson", None)
    assert records.json_text(value, indent=indent) == fast
    assert json.loads(fast) == value
    if indent:
        assert fast == json.dumps(value, ensure_ascii=False, indent=2)


def test_a_lone_surrogate_is_written_by_the_standard_library() -> None:
    assert json.loads(records.json_text({"text": "\ud800"})) == {"text": "\ud800"}


def test_jsonl_records_carry_the_path_and_the_json_contract() -> None:
    found = citelink.find(TEXT)
    lines = records.citation_records("dir/a.txt", found, "jsonl")
    assert [json.loads(line) for line in lines] == [
        {"path": "dir/a.txt", **c.to_dict()} for c in found
    ]
    assert all("\n" not in line for line in lines)
