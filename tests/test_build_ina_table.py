"""scripts/build_ina_table.py: the INA table from the Law Revision Counsel's source credits."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import REPO, SHARED

USLM = "http://xml.house.gov/schemas/uslm/1.0"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_ina_table", REPO / "scripts" / "build_ina_table.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _section(directory: Path, number: str, credit: str) -> None:
    (directory / f"{number}.xml").write_text(
        f'<section xmlns="{USLM}"><num value="{number}">§ {number}.</num>'
        f"<heading> A heading</heading><content>Text.</content>"
        f"<sourceCredit>{credit}</sourceCredit></section>",
        encoding="utf-8",
    )


def test_the_table_comes_from_the_credits_of_sections_the_ina_enacted(tmp_path: Path) -> None:
    uslm = tmp_path / "usc08"
    uslm.mkdir()
    _section(
        uslm,
        "1357",
        "(June 27, 1952, ch. 477, title II, ch. 9, §287, 66 Stat. 233; Pub. L. 99–603.)",
    )
    _section(
        uslm,
        "1324a",
        "(June 27, 1952, ch. 477, title II, ch. 8, §274A, as added Pub. L. 99–603, title I, "
        "§101(a)(1), Nov. 6, 1986, 100 Stat. 3360.)",
    )
    _section(uslm, "1101", "(June 27, 1952, ch. 477, title I, §101, 66 Stat. 166.)")
    _section(uslm, "1373", "(Pub. L. 104–208, div. C, title VI, §642, Sept. 30, 1996.)")
    _section(
        uslm, "1353d", "(Aug. 22, 1940, ch. 688; June 27, 1952, ch. 477, title IV, §402(i)(2).)"
    )
    module = _script()
    assert module.ina_sections(uslm) == {"101": "1101", "274A": "1324a", "287": "1357"}


def test_the_script_writes_the_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    uslm = tmp_path / "usc08"
    uslm.mkdir()
    _section(uslm, "1357", "(June 27, 1952, ch. 477, title II, ch. 9, §287, 66 Stat. 233.)")
    output = tmp_path / "ina.json"
    monkeypatch.setattr("sys.argv", ["build_ina_table.py", str(uslm), str(output)])
    assert _script().main() == 0
    document = json.loads(output.read_text(encoding="utf-8"))
    assert document["sections"] == {"287": "1357"}


def test_the_shipped_table_is_the_one_the_script_builds() -> None:
    uslm = SHARED / "data" / "uslm" / "usc08"
    shipped = json.loads(
        (REPO / "src" / "citelink" / "data" / "ina_sections.json").read_text(encoding="utf-8")
    )
    if not uslm.is_dir():
        pytest.skip("../shared is not beside the checkout")
    assert shipped["sections"] == _script().ina_sections(uslm)
