"""The README's Python examples run as written (each ```python block is a doctest)."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCKS = re.findall(r"^```python\n(.*?)^```", README.read_text(encoding="utf-8"), re.M | re.S)


def test_the_readme_has_examples() -> None:
    assert len(BLOCKS) >= 5


def test_readme_examples_run_as_written() -> None:
    pytest.importorskip("eyecite")  # the tour finds case law too
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    session: dict[str, object] = {}  # one reader's session, top to bottom
    failures: list[str] = []
    for number, block in enumerate(BLOCKS):
        test = parser.get_doctest(block, {}, f"README block {number}", str(README), 0)
        test.globs = session  # get_doctest copies the names it is given
        runner.run(test, out=failures.append, clear_globs=False)
    assert runner.failures == 0, "".join(failures)
