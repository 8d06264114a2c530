"""citelink under Dask: a bag over files on the local scheduler gives the single-process results."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from citelink.batch import Options, extract_file, extract_files

from .conftest import FIXTURES

dask_bag = pytest.importorskip("dask.bag")


@pytest.mark.parametrize("scheduler", ["processes", "threads"])
def test_dask_bag_over_files_matches_extract_files(tmp_path: Path, scheduler: str) -> None:
    for name in ("news_article.txt", "brief.txt", "page.md", "page.html"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    paths = sorted(str(p) for p in tmp_path.iterdir())
    options = Options(this_title="8")
    bag = dask_bag.from_sequence(paths, npartitions=2).map(extract_file, options)
    with_dask = bag.compute(scheduler=scheduler, num_workers=2)
    assert with_dask == list(extract_files(paths, options, processes=1))
    assert sum(len(r.citations) for r in with_dask) > 20
