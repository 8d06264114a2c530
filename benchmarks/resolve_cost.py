"""What resolving URLs adds to extraction on the title-8 text, in CPU instructions.

    python benchmarks/resolve_cost.py          # needs valgrind; takes a minute or two

Wall-clock times on a shared machine vary by 2x between runs; the number of
instructions a run executes (valgrind's callgrind) does not. This script runs
itself under callgrind four times (on the text saved to a temporary file, so
that the runs skip the XML parsing); each run first finds once in the whole
text with another finder, so that what a first call compiles and caches is
not counted. The steps: loading the text and that first find only, finding without
URLs, finding with the default chain (the chosen ``url`` of every citation),
and the same plus reading every citation's ``urls`` (all resolvers, computed on
demand). It prints the instructions of each step and the ratios. Skips when
../shared or valgrind is absent.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from citelink import Finder

import uslm

STEPS = ("load", "find", "find+url", "find+urls")
VALGRIND = ("valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null")


def run_step(step: str, path: str) -> None:
    """The work of one step, run inside callgrind."""
    text = Path(path).read_text(encoding="utf-8")
    Finder().find(text, this_title="8")  # compile and cache all that a first call does
    finder = Finder(resolve=step != "find")
    if step == "load":
        return
    found = finder.find(text, this_title="8")
    if step == "find+urls":
        for citation in found:
            citation.urls  # noqa: B018 - computed on demand: reading it is the work


def instructions(step: str, path: Path) -> int:
    result = subprocess.run(
        [*VALGRIND, sys.executable, __file__, "--step", step, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.search(r"Collected : (\d+)", result.stderr)
    if found is None:
        raise RuntimeError(f"no instruction count in valgrind's output:\n{result.stderr}")
    return int(found.group(1))


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--step":
        run_step(sys.argv[2], sys.argv[3])
        return 0
    if not uslm.available():
        print("skipped: ../shared/data/uslm is not beside the checkout")
        return 0
    if shutil.which("valgrind") is None:
        print("skipped: valgrind is not installed")
        return 0
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "title8.txt"
        text = uslm.title8_text()
        path.write_text(text, encoding="utf-8")
        counts = {step: instructions(step, path) for step in STEPS}
    find = counts["find"] - counts["load"]
    url = counts["find+url"] - counts["find"]
    urls = counts["find+urls"] - counts["find+url"]
    size = len(text.encode("utf-8")) / 1e6
    print(f"title-8 text ({size:.2f} MB), default chain: instructions, in millions")
    print(f"  find, no URLs              : {find / 1e6:8.0f}")
    print(f"  + the chosen url           : {url / 1e6:8.0f}  ({url / find:.1%} of find)")
    print(f"  + reading every urls       : {urls / 1e6:8.0f}  ({urls / find:.1%} of find)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
