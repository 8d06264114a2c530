"""Annotation of hostile pages stays linear: growth of the time from 100 KB to 1 MB.

    python benchmarks/annotate_hostile.py [--repeat 3]

Each shape nests or repeats markup that a reader keeps on a stack (open links,
code, blocks inside a link, SVG, list markers on one line); each is built at
about 100 KB and 1 MB and annotated (HTML or Markdown). Linear is a growth of
10x; the floor (issue 23) is at most 10x the time of the 100 KB input, and the
script exits 1 if a shape grows by more than 15x (a quadratic reader grows 100x).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from citelink.annotation import annotate_html, annotate_markdown
from scale import growth

CITATION = "<p>See 8 U.S.C. 1373.</p>"

SHAPES: list[tuple[str, Callable[[str], str], Callable[[int], str]]] = [
    ("html <a>* <b/>*", annotate_html, lambda n: "<a>" * n + "<b/>" * n),
    ("html <a>* </a>*", annotate_html, lambda n: "<a>" * n + "</a>" * n),
    ("html <a>* <!---->*", annotate_html, lambda n: "<a>" * n + "<!---->" * n),
    ("html <code>* </code>*", annotate_html, lambda n: "<code>" * n + "</code>" * n),
    ("html <a><div>* </div>*", annotate_html, lambda n: "<a>" + "<div>" * n + "</div>" * n),
    ("html <svg>* <x/>*", annotate_html, lambda n: "<svg>" * n + "<x/>" * n),
    ("html logo link + text", annotate_html, lambda n: '<a href="/"><img src="l"></a>' * n),
    ("md '- '* + lines", annotate_markdown, lambda n: "- " * n + "8 U.S.C. 1373\n" * (n // 4)),
    ("md '1. '*", annotate_markdown, lambda n: "1. " * n),
    ("md '<'*", annotate_markdown, lambda n: "<" * n),
    ("md '> '*", annotate_markdown, lambda n: "> " * n + "x\n"),
    ("md '**_'*", annotate_markdown, lambda n: "**_" * n),
    ("md '[a]('*", annotate_markdown, lambda n: "[a](" * n),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    worst = 0.0
    print(f"{'shape':28} {'100 KB':>9} {'1 MB':>9} {'growth':>7}")
    for label, annotate, build in SHAPES:
        unit = len(build(1000)) / 1000
        small_n, large_n = int(100_000 / unit), int(1_000_000 / unit)
        small, large = build(small_n) + CITATION, build(large_n) + CITATION
        best_small, best_large = growth(
            lambda s=small, a=annotate: a(s), lambda s=large, a=annotate: a(s), args.repeat
        )
        ratio = best_large / best_small
        worst = max(worst, ratio)
        print(f"{label:28} {best_small * 1e3:7.1f}ms {best_large * 1e3:7.0f}ms {ratio:6.1f}x")
    print(f"worst growth: {worst:.1f}x (linear: 10x)")
    return 1 if worst > 15 else 0


if __name__ == "__main__":
    sys.exit(main())
