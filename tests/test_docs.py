"""The README's and the docs' Python examples run as written (each ```python block is a doctest,
one session per page, top to bottom), and the pages link to one another correctly."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PAGES = [REPO / "README.md", *sorted((REPO / "docs").rglob("*.md"))]
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.M | re.S)
_LINK = re.compile(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)")


def test_the_readme_is_short_and_has_examples() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 200
    assert len(_BLOCK.findall(readme)) >= 3


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(REPO)))
def test_python_examples_run_as_written(page: Path) -> None:
    blocks = _BLOCK.findall(page.read_text(encoding="utf-8"))
    if not blocks:
        return
    if "cases=True" in "".join(blocks):
        pytest.importorskip("eyecite")
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    session: dict[str, object] = {}  # one reader's session, top to bottom
    failures: list[str] = []
    for number, block in enumerate(blocks):
        test = parser.get_doctest(block, {}, f"{page.name} block {number}", str(page), 0)
        test.globs = session  # get_doctest copies the names it is given
        runner.run(test, out=failures.append, clear_globs=False)
    assert runner.failures == 0, "".join(failures)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(REPO)))
def test_links_between_pages_lead_somewhere(page: Path) -> None:
    for target in _LINK.findall(page.read_text(encoding="utf-8")):
        if "://" not in target:
            assert (page.parent / target).resolve().is_file(), f"{page.name}: {target}"
