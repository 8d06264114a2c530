"""Throughput on the title-8 text: citelink beside citeurl and eyecite, in one process.

    python benchmarks/speed.py [--sample-kb 400] [--repeat 5] [--no-peers]

Prints MB/s (UTF-8 bytes) for citelink on the whole title-8 text (about 3.8 MB)
with and without resolving URLs, the peers and citelink on the same sample
(the peers take minutes on the whole text) with the ratios, the growth of
citelink's time when the text is ten times longer, and the time citelink
takes on adversarial inputs. Peers that are not installed are skipped
(``pip install citeurl eyecite markdown``). Skips when ../shared is absent.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from citelink import Finder

import uslm


def best_time(run: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs, in seconds (the machine's noise only adds time)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def rate(text: str, seconds: float) -> float:
    return len(text.encode("utf-8")) / seconds / 1e6


def peers() -> dict[str, Callable[[str], object]]:
    found: dict[str, Callable[[str], object]] = {}
    try:
        from citeurl import Citator

        citator = Citator()
        found["citeurl"] = citator.list_cites
    except ImportError:
        print("  (citeurl not installed: skipped)")
    try:
        from eyecite import get_citations

        found["eyecite"] = get_citations
    except ImportError:
        print("  (eyecite not installed: skipped)")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample-kb", type=int, default=400, help="sample size for the peers")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (best kept)")
    parser.add_argument("--no-peers", action="store_true", help="measure citelink only")
    args = parser.parse_args()
    if not uslm.available():
        print("skipped: ../shared/data/uslm is not beside the checkout")
        return 0

    text = uslm.title8_text()
    linked, bare = Finder(), Finder(resolve=False)
    size = len(text.encode("utf-8")) / 1e6
    print(f"title-8 text: {size:.2f} MB, {len(bare.find(text, this_title='8'))} citations")

    t_bare = best_time(lambda: bare.find(text, this_title="8"), args.repeat)
    t_linked = best_time(lambda: linked.find(text, this_title="8"), args.repeat)
    print(f"citelink find, no URLs : {rate(text, t_bare):7.1f} MB/s  ({t_bare * 1000:.0f} ms)")
    print(f"citelink find + URLs   : {rate(text, t_linked):7.1f} MB/s  ({t_linked * 1000:.0f} ms)")
    print(f"  resolving adds {t_linked / t_bare - 1:.0%} to extraction")

    ten = text * 10
    t_ten = best_time(lambda: linked.find(ten, this_title="8"), max(1, args.repeat // 2))
    print(f"10x the text           : {t_ten / t_linked:.2f}x the time (linear: 10.0)")

    if not args.no_peers:
        sample = text[: args.sample_kb * 1000]
        t_ours = best_time(lambda: linked.find(sample, this_title="8"), args.repeat)
        print(f"sample: first {len(sample.encode()) / 1e3:.0f} KB")
        print(f"  citelink             : {rate(sample, t_ours):7.2f} MB/s")
        for name, run in peers().items():
            t_peer = best_time(lambda run=run: run(sample), 1)
            ratio = t_peer / t_ours
            speed = rate(sample, t_peer)
            print(f"  {name:20s} : {speed:7.2f} MB/s  citelink is {ratio:,.0f}x faster")

    print("adversarial inputs (1 MB each):")
    for label, unit in [
        ("'§ ' repeated", "§ "),
        ("'§§ 1-' repeated", "§§ 1-"),
        ("'1 U.S.C. ' repeated", "1 U.S.C. "),
        ("'((((' repeated", "(((("),
        ("digits", "0123456789"),
        ("'U.S.C.' repeated", "U.S.C."),
        ("'section 1 of title ' repeated", "section 1 of title "),
        ("'9 Del. C. § 1-' repeated", "9 Del. C. § 1-"),
        ("'Cal. Const. art. I, § ' repeated", "Cal. Const. art. I, § "),
        ("'ORS 1.1 ' repeated", "ORS 1.1 "),
    ]:
        hostile = unit * (1_000_000 // len(unit))
        seconds = best_time(lambda hostile=hostile: linked.find(hostile), 1)
        print(f"  {label:32s}: {seconds * 1000:7.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
