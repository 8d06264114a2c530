"""Annotation of real pages: links placed beside the citations ``extract`` finds, and speed.

    python benchmarks/annotate_real.py [--repeat 5]

For each HTML and Markdown document of ``../shared/realworld``: the citations
``extract`` reports, the links ``annotate`` placed, those it left unlinked and
why, and annotate's speed in MB/s (CPU time, best of ``--repeat``). Every
citation found is either linked or counted with a reason; the script exits 1
if the two counts ever disagree. Skips when ../shared is absent.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from citelink.annotation import link_document
from citelink.documents import find, input_format
from citelink.finder import Finder

REALWORLD = Path(__file__).resolve().parent.parent.parent / "shared" / "realworld"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not REALWORLD.is_dir():
        print(f"skipped: {REALWORLD} is absent")
        return 0
    finder = Finder()
    paths = sorted(p for p in REALWORLD.iterdir() if p.suffix in (".html", ".md"))
    print(f"{'document':36} {'KB':>6} {'extract':>7} {'linked':>6} {'MB/s':>6}  not linked")
    mismatches = 0
    totals = [0, 0, 0.0, 0.0]
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        form = input_format(path)
        extracted = len(find(text, form, finder=finder))
        best = float("inf")
        for _ in range(args.repeat):
            start = time.process_time()
            result = link_document(text, input_format=form, finder=finder)
            best = min(best, time.process_time() - start)
        size = len(text.encode("utf-8")) / 1e6
        mismatches += result.found != extracted
        totals[0] += extracted
        totals[1] += len(result.linked)
        totals[2] += size
        totals[3] += best
        reasons = ", ".join(f"{n} {why}" for why, n in result.reasons().items()) or "-"
        print(
            f"{path.name[:36]:36} {size * 1e3:6.0f} {extracted:7} {len(result.linked):6} "
            f"{size / best:6.1f}  {reasons}"
        )
    print(
        f"{'all':36} {totals[2] * 1e3:6.0f} {totals[0]:7} {totals[1]:6} "
        f"{totals[2] / totals[3]:6.1f}"
    )
    if mismatches:
        print(f"{mismatches} documents where annotate's count differs from extract's")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
