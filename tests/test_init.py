"""The public API: every exported name resolves, and ``import citelink`` loads nothing heavy."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import citelink
from citelink.models import Citation


@pytest.mark.parametrize("name", citelink.__all__)
def test_every_exported_name_resolves(name: str) -> None:
    assert getattr(citelink, name) is not None
    assert name in dir(citelink)


def test_every_kind_of_citation_is_exported() -> None:
    found = citelink.find(
        "8 U.S.C. § 1373; 8 C.F.R. § 287.7; 82 Fed. Reg. 8799; Pub. L. 104-208; "
        "110 Stat. 3009; U.S. Const. amend. XIV; Fed. R. Civ. P. 12; INA § 287(g); "
        "Cal. Penal Code § 187."
    )
    exported = {getattr(citelink, name) for name in citelink.__all__}
    assert len({type(c).__name__ for c in found}) == 9
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
