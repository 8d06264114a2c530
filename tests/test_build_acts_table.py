"""scripts/build_acts_table.py: named acts and their Code sections from source credits."""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import REPO


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_acts_table", REPO / "scripts" / "build_acts_table.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # (its dataclass looks its module up)
    spec.loader.exec_module(module)
    return module


def _record(title: str, section: str, credit: str, *short_titles: str) -> dict[str, object]:
    return {"t": title, "s": section, "credit": credit, "short_titles": list(short_titles)}


STRUCTURE: list[dict[str, object]] = [
    {"meta": {"release_point": "119-100", "source": "a test"}},
    _record(
        "16",
        "1531",
        "(Pub. L. 93–205, § 2, Dec. 28, 1973, 87 Stat. 884; Pub. L. 96–159, § 1.)",
        "Short TitlePub. L. 93–205, § 1, Dec. 28, 1973, 87 Stat. 884, provided: “That this Act"
        " [enacting this chapter] may be cited as the ‘Endangered Species Act of 1973’.”",
        "Short Title of 1982 AmendmentPub. L. 97–304, § 1, Oct. 13, 1982, provided: “That this"
        " Act may be cited as the ‘Endangered Species Act Amendments of 1982’.”",
    ),
    _record("16", "1532", "(Pub. L. 93–205, § 3, Dec. 28, 1973, 87 Stat. 885.)"),
    _record("16", "1536", "(Pub. L. 93–205, § 7, Dec. 28, 1973, 87 Stat. 892.)"),
    # one act section credited to two Code sections: left out
    _record("16", "1537", "(Pub. L. 93–205, § 8, Dec. 28, 1973.)"),
    _record("16", "1537a", "(Pub. L. 93–205, § 8, Dec. 28, 1973.)"),
    # an act cited by date and chapter, amended in: the first element still names it
    _record(
        "42",
        "280g–6",
        "(July 1, 1944, ch. 373, title III, § 399R, as added Pub. L. 110–275, § 152(a).)",
        "Short TitleAct July 1, 1944, ch. 373, title I, § 1, 58 Stat. 682, as amended by acts"
        " Aug. 13, 1946, ch. 958, § 4, provided that: “This Act [enacting this chapter] may be"
        " cited as the ‘Public Health Service Act’.”",
    ),
    _record("42", "201", "(July 1, 1944, ch. 373, title I, § 2, 58 Stat. 682.)"),
    _record("21", "300", "(July 1, 1944, ch. 373, title III, § 300, 58 Stat. 700.)"),
    # an act whose section enacted another act: the bracket is that act's section
    _record(
        "15",
        "632",
        "(Pub. L. 85–536, § 2[3], July 18, 1958, 72 Stat. 384.)",
        "Short TitlePub. L. 85–536, § 2[1], July 18, 1958, 72 Stat. 384, provided that this"
        " chapter should be known as the “Small Business Act”.",
    ),
    _record("15", "633", "(Pub. L. 85–536, § 2[4], July 18, 1958, 72 Stat. 384.)"),
    _record("15", "637", "(Pub. L. 85–536, § 2[8], July 18, 1958, 72 Stat. 384.)"),
    # a section added to a Code title, no act's section: not an act's
    _record("10", "101", "(Added Pub. L. 103–337, div. A, title XVI, § 1661(a)(1).)"),
    # an act without a name: left out
    _record("7", "1", "(Mar. 2, 1931, ch. 368, § 1, 46 Stat. 1467.)"),
    _record("7", "2", "(Mar. 2, 1931, ch. 368, § 2, 46 Stat. 1467.)"),
    _record("7", "3", "(Mar. 2, 1931, ch. 368, § 3, 46 Stat. 1467.)"),
]

CURATED = {
    "pl/93-205": {
        "act": "pl/93-205",
        "id": "esa",
        "short": "ESA",
        "name": "Endangered Species Act of 1973",
        "names": "Endangered Species Act|ESA",
        "example": "section 7 of the ESA => 16/1536",
    }
}


def test_acts_sections_and_names_come_from_the_credits_and_short_titles() -> None:
    document = _script().build(STRUCTURE, CURATED)
    assert document["format"] == 1
    assert document["source"]["release_point"] == "119-100"
    acts = document["acts"]
    assert sorted(acts) == ["1944-07-01/ch373", "pl/85-536/s2", "pl/93-205"]
    esa = acts["pl/93-205"]
    assert (esa["id"], esa["short"], esa["name"], esa["title"]) == (
        "esa",
        "ESA",
        "Endangered Species Act of 1973",
        "16",
    )
    assert esa["names"] == ["Endangered Species Act", "ESA", "Endangered Species Act of 1973"]
    assert esa["sections"] == {"2": "1531", "3": "1532", "7": "1536"}  # § 8: two sections
    assert esa["example"] == "section 7 of the ESA => 16/1536"
    phsa = acts["1944-07-01/ch373"]
    assert phsa["names"] == ["Public Health Service Act"]
    assert phsa["id"] == "1944-07-01-ch373"
    # sections outside the act's main title say theirs; designations take ASCII hyphens
    assert phsa["sections"] == {"2": "201", "300": "21/300", "399R": "280g-6"}
    assert acts["pl/85-536/s2"]["names"] == ["Small Business Act"]
    assert acts["pl/85-536/s2"]["sections"] == {"3": "632", "4": "633", "8": "637"}


def test_a_name_given_to_two_acts_goes_to_one_and_the_choice_is_recorded() -> None:
    credit = "(Pub. L. 90–1, § {n}, Jan. 1, 1967.)"
    other = "(Pub. L. 91–2, § {n}, Jan. 1, 1969.)"
    note = (
        "Short TitlePub. L. {law}, § 1, provided that: “This Act may be cited as the"
        " ‘Clean Things Act’.”"
    )
    structure = [
        _record("42", "1", credit.format(n=2), note.format(law="90–1")),
        *(_record("42", str(n), credit.format(n=n)) for n in (3, 4, 5)),
        _record("43", "1", other.format(n=2), note.format(law="91–2")),
        *(_record("43", str(n), other.format(n=n)) for n in (3, 4)),
    ]
    document = _script().build(structure, {})
    assert document["ambiguous_names"] == {
        "clean things act": {
            "chosen": "pl/90-1",
            "others": ["pl/91-2"],
            "why": "most classified sections",
        }
    }
    assert list(document["acts"]) == ["pl/90-1"]  # the other has no name left


def test_a_curated_act_the_data_lacks_is_an_error() -> None:
    with pytest.raises(ValueError, match="without classified sections"):
        _script().build(STRUCTURE, {"pl/1-1": {"act": "pl/1-1", "names": "X Act"}})


def test_the_output_is_the_same_for_the_same_input(tmp_path: Path) -> None:
    source = tmp_path / "structure.jsonl.gz"
    with gzip.open(source, "wt", encoding="utf-8") as out:
        for record in STRUCTURE:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    script = _script()
    outputs = []
    for name in ("a.json.gz", "b.json.gz"):
        document = script.build(script.records(source), CURATED)
        data = json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        (tmp_path / name).write_bytes(gzip.compress(data.encode("utf-8"), mtime=0))
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]


def test_a_name_given_to_one_title_is_that_titles() -> None:
    note = (
        "Short TitlePub. L. 90–284, title VIII, § 800(a), Apr. 11, 1968, provided that: “This"
        " title may be cited as the ‘Fair Housing Act’.”"
    )
    structure = [
        _record("42", "3601", "(Pub. L. 90–284, title VIII, § 801, Apr. 11, 1968.)", note),
        _record("42", "3604", "(Pub. L. 90–284, title VIII, § 804, Apr. 11, 1968.)"),
        _record("25", "1301", "(Pub. L. 90–284, title II, § 201, Apr. 11, 1968.)"),
    ]
    curated = {"pl/90-284": {"act": "pl/90-284", "names": "Civil Rights Act of 1968|FHA@VIII"}}
    entry = _script().build(structure, curated)["acts"]["pl/90-284"]
    assert entry["names"] == ["Civil Rights Act of 1968", "FHA", "Fair Housing Act"]
    assert entry["title_names"] == {"FHA": ["801", "804"], "Fair Housing Act": ["801", "804"]}


def test_a_curated_title_of_an_act_is_an_act_of_its_own() -> None:
    structure = [
        _record("42", "3601", "(Pub. L. 90–284, title VIII, § 801, Apr. 11, 1968.)"),
        _record("42", "3604", "(Pub. L. 90–284, title VIII, § 804, Apr. 11, 1968.)"),
        _record("25", "1301", "(Pub. L. 90–284, title II, § 201, Apr. 11, 1968.)"),
    ]
    curated = {
        "pl/90-284": {"act": "pl/90-284", "id": "cra", "names": "Civil Rights Act of 1968"},
        "pl/90-284/tVIII": {"act": "pl/90-284/tVIII", "id": "fha", "names": "Fair Housing Act"},
    }
    acts = _script().build(structure, curated)["acts"]
    assert acts["pl/90-284/tVIII"]["sections"] == {"801": "3601", "804": "3604"}
    assert acts["pl/90-284/tVIII"]["title"] == "42"
    assert set(acts["pl/90-284"]["sections"]) == {"201", "801", "804"}
