"""Shared test helpers."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "fixtures"
SHARED = REPO.parent / "shared"
#: A second distribution that adds resolvers through the ``citelink.resolvers`` entry points.
PLUGIN = Path(__file__).resolve().parent / "plugin" / "citelink-example-resolver"


@pytest.fixture
def fixture_text():
    """Read a fixture document by name."""

    def read(name: str) -> str:
        return (FIXTURES / name).read_text(encoding="utf-8")

    return read


@pytest.fixture(scope="session")
def plugin_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory where pip really installed the example resolver distribution.

    Put it on ``sys.path`` (or ``PYTHONPATH``) to make the distribution and its
    entry points visible. Built offline with the setuptools of this environment.
    """
    work = tmp_path_factory.mktemp("plugin")
    source = work / "source"
    shutil.copytree(PLUGIN, source)  # keep pip's build files out of the checkout
    site = work / "site"
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index"]
    subprocess.run(
        [*pip, "--no-build-isolation", "--target", str(site), str(source)],
        check=True,
        capture_output=True,
    )
    return site
