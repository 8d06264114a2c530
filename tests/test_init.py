"""The public API: every exported name resolves, ``import citelink`` loads nothing heavy,
and every public object pickles (for process pools, Dask and other engines)."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys

import pytest

import citelink
from citelink.batch import Options
from citelink.checking.checker import Checker
from citelink.index import UsCodeIndex
from citelink.models import Citation


@pytest.mark.parametrize("name", citelink.__all__)
def test_every_exported_name_resolves(name: str) -> None:
    assert getattr(citelink, name) is not None
    assert name in dir(citelink)


def test_every_kind_of_citation_is_exported() -> None:
    found = citelink.find(
        "8 U.S.C. § 1373; 8 C.F.R. § 287.7; 82 Fed. Reg. 8799; Pub. L. 104-208; "
        "110 Stat. 3009; U.S. Const. amend. XIV; Fed. R. Civ. P. 12; INA § 287(g); "
        "Cal. Penal Code § 187; U.C.C. § 2-207."
    )
    exported = {getattr(citelink, name) for name in citelink.__all__}
    assert len({type(c).__name__ for c in found}) == 10
    for citation in found:
        assert type(citation) in exported
        assert isinstance(citation, Citation)


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_thing"):
        citelink.no_such_thing  # noqa: B018


def test_import_loads_no_grammar_and_no_heavy_dependency() -> None:
    script = "import citelink, sys, json; print(json.dumps(sorted(sys.modules)))"
    loaded = set(json.loads(subprocess.check_output([sys.executable, "-c", script], text=True)))
    heavy = {"citelink.finder", "citelink.sources.usc", "eyecite", "lxml", "requests"}
    assert not heavy & loaded


SAMPLE = (
    "See 8 U.S. Code 8 and § 1373(a); Cal. Penal Code § 187; Pub. L. 104-208, § 642; "
    "8 C.F.R. § 287.7; U.S. Const. amend. XIV."
)


def round_trip(value: object) -> object:
    return pickle.loads(pickle.dumps(value))


@pytest.mark.parametrize(
    "finder",
    [
        citelink.Finder(),
        citelink.Finder(resolvers=["govinfo", "lii"]),
        citelink.Finder(resolve=False),
    ],
    ids=["default", "named chain", "no links"],
)
def test_a_finder_pickles_and_its_copy_finds_the_same(finder: citelink.Finder) -> None:
    copy = round_trip(finder)
    assert isinstance(copy, citelink.Finder) and copy.sources == finder.sources
    found, again = finder.find(SAMPLE), copy.find(SAMPLE)
    assert found == again and len(found) == 6
    assert [c.urls for c in found] == [c.urls for c in again]


def test_the_checker_and_its_results_pickle() -> None:
    checker = Checker()
    findings = checker.check(SAMPLE)  # loads the shipped indexes
    copy = round_trip(checker)
    assert isinstance(copy, Checker) and copy.check(SAMPLE) == findings
    assert copy.uscode is checker.uscode  # the shipped index travels as a reference
    assert round_trip(findings) == findings


def test_a_custom_index_pickles_with_its_records() -> None:
    index = UsCodeIndex({"release_point": "1-1", "titles": {"8": "ALIENS"}}, [])
    assert round_trip(index).release_point == "1-1"


def test_other_public_objects_pickle() -> None:
    placement = citelink.locate("<p>8 U.S.C. <i>§</i> 1373</p>")[0]
    for value in (
        citelink.Links(css_class="cite", data=True),
        Options(this_title="8", resolvers=("lii",)),
        placement,
        citelink.find(SAMPLE),
    ):
        assert round_trip(value) == value
