"""Throughput on the title-8 text: citelink beside citeurl and eyecite, in one process.

    python benchmarks/speed.py [--sample-kb 400] [--repeat 5] [--no-peers] [--no-cases]

Prints MB/s (UTF-8 bytes) for citelink on the whole title-8 text (about 3.8 MB)
with and without resolving URLs (runs interleaved, so that the machine's drift
hits both alike; reading every citation's ``urls`` afterwards is timed on its
own, since the chain computes them on demand), and with the U.S. Code source
alone; the peers and citelink on the same sample (the peers take minutes on
the whole text) with the ratios; the growth of citelink's time when the text
is ten times longer (in turns, as in scale.py); both paths on the opinions of
../shared/corpus, statutes only and with case law (``cases=True``, through
eyecite) beside eyecite alone; and the time citelink takes on adversarial inputs. Peers that are not
installed are skipped (``pip install citeurl eyecite markdown``). Skips when
../shared is absent.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from citelink import Finder
from citelink.sources import usc
from scale import growth

import uslm

CORPUS = uslm.SHARED / "corpus"


def best_time(run: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs, in seconds (the machine's noise only adds time)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def best_times(runs: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """The fastest of ``repeat`` runs of each, taken in turns: drift in speed affects all."""
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(repeat):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            best[name] = min(best[name], time.perf_counter() - start)
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
    parser.add_argument(
        "--no-cases", action="store_true", help="skip case law (citelink with eyecite)"
    )
    args = parser.parse_args()
    if not uslm.available():
        print("skipped: ../shared/data/uslm is not beside the checkout")
        return 0

    text = uslm.title8_text()
    linked, bare = Finder(), Finder(resolve=False)
    size = len(text.encode("utf-8")) / 1e6
    print(f"title-8 text: {size:.2f} MB, {len(bare.find(text, this_title='8'))} citations")

    times = best_times(
        {
            "bare": lambda: bare.find(text, this_title="8"),
            "linked": lambda: linked.find(text, this_title="8"),
        },
        args.repeat,
    )
    t_bare, t_linked = times["bare"], times["linked"]
    print(f"citelink find, no URLs : {rate(text, t_bare):7.1f} MB/s  ({t_bare * 1000:.0f} ms)")
    print(f"citelink find + URLs   : {rate(text, t_linked):7.1f} MB/s  ({t_linked * 1000:.0f} ms)")
    print(f"  resolving adds {t_linked / t_bare - 1:.0%} to extraction")
    # The same cost timed alone: the chain's pass over citations found without URLs. A short
    # run is less often disturbed by other work on the machine than a whole find.
    resolver_chain = linked.chain
    assert resolver_chain is not None
    unlinked = bare.find(text, this_title="8")
    t_attach = best_time(lambda: resolver_chain.attach(unlinked), args.repeat * 3)
    share = t_attach / t_bare
    print(f"  resolving alone (Chain.attach): {t_attach * 1000:.0f} ms = {share:.0%} of find")
    found = linked.find(text, this_title="8")
    t_urls = best_time(lambda: [c.urls for c in found], args.repeat)
    print(f"  reading every citation's urls (all resolvers, on demand): {t_urls * 1000:.0f} ms")
    usc_only = Finder(resolve=False, sources=(usc.SOURCE,))
    t_usc = best_time(lambda: usc_only.find(text, this_title="8"), args.repeat)
    print(f"U.S. Code source alone : {rate(text, t_usc):7.1f} MB/s  ({t_usc * 1000:.0f} ms)")

    ten = text * 10
    t_one, t_ten = growth(
        lambda: linked.find(text, this_title="8"), lambda: linked.find(ten, this_title="8")
    )
    print(f"10x the text           : {t_ten / t_one:.2f}x the time (linear: 10.0; in turns)")

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

    if not args.no_cases:
        case_law(linked, args.repeat)

    print("adversarial inputs (1 MB each):")
    for label, unit in [
        ("'§ ' repeated", "§ "),
        ("'§§ 1-' repeated", "§§ 1-"),
        ("'1 U.S.C. ' repeated", "1 U.S.C. "),
        ("'((((' repeated", "(((("),
        ("digits", "0123456789"),
        ("'U.S.C.' repeated", "U.S.C."),
        ("'section 1 of title ' repeated", "section 1 of title "),
        ("'Pub. L. 1-1, § ' repeated", "Pub. L. 1-1, § "),
        ("'1 Stat. 1, ' repeated", "1 Stat. 1, "),
        ("'1 Fed. Reg. 1, ' repeated", "1 Fed. Reg. 1, "),
        ("'1 C.F.R. § 1.1-' repeated", "1 C.F.R. § 1.1-"),
        ("'the First Amendment ' repeated", "the First Amendment "),
        ("'U.S. Const. art. I, ' repeated", "U.S. Const. art. I, "),
        ("'INA § 1 ' repeated", "INA § 1 "),
        ("'Fed. R. Civ. P. 1. Rule ' repeated", "Fed. R. Civ. P. 1. Rule "),
        ("'9 Del. C. § 1-' repeated", "9 Del. C. § 1-"),
        ("'Cal. Const. art. I, § ' repeated", "Cal. Const. art. I, § "),
        ("'ORS 1.1 ' repeated", "ORS 1.1 "),
        ("'22 Tex. Admin. Code § 1' repeated", "22 Tex. Admin. Code § 1"),
        ("'5 AAC ' repeated", "5 AAC "),
        ("'CCR Tit. 4, § ' repeated", "CCR Tit. 4, § "),
        ("'rule 1A-1.11, F.A.C. ' repeated", "rule 1A-1.11, F.A.C. "),
        ("'1 KAR 1:' repeated", "1 KAR 1:"),
        ("'COMAR 10.10.10.' repeated", "COMAR 10.10.10."),
        ("'ARM 1.1.' repeated", "ARM 1.1."),
        ("'ARSD 1:01:01:' repeated", "ARSD 1:01:01:"),
        ("'10A DCMR ' repeated", "10A DCMR "),
        ("'HAR § 1-1-' repeated", "HAR § 1-1-"),
        ("'NAC 1A.' repeated", "NAC 1A."),
        ("'1 CSR 1-1.' repeated", "1 CSR 1-1."),
        ("'IDAPA 1.' repeated", "IDAPA 1."),
        ("'N.D.A.C. § 1-1-1-' repeated", "N.D.A.C. § 1-1-1-"),
        ("'LAC 1:I.' repeated", "LAC 1:I."),
        ("'15A NCAC 02B ' repeated", "15A NCAC 02B "),
        ("'1.1.1.1 NMAC ' repeated", "1.1.1.1 NMAC "),
        ("'W. Va. C.S.R. § 1-' repeated", "W. Va. C.S.R. § 1-"),
    ]:
        hostile = unit * (1_000_000 // len(unit))
        seconds = best_time(lambda hostile=hostile: linked.find(hostile), 1)
        print(f"  {label:32s}: {seconds * 1000:7.0f} ms")
    return 0


def case_law(finder: Finder, repeat: int) -> None:
    """Statutes only, and statutes with case law, on the opinions of the corpus."""
    try:
        from eyecite import get_citations
    except ImportError:
        print("  (eyecite not installed: case law not measured)")
        return
    if not CORPUS.is_dir():
        print("  (../shared/corpus absent: case law not measured)")
        return
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")))
    finder.find(text[:2000], cases=True)  # import eyecite and warm its caches first
    repeat = max(1, repeat // 2)
    t_statutes = best_time(lambda: finder.find(text), repeat)
    t_cases = best_time(lambda: finder.find(text, cases=True), repeat)
    t_eyecite = best_time(lambda: get_citations(text), repeat)
    kinds = [c.kind for c in finder.find(text, cases=True)]
    print(
        f"opinions (../shared/corpus, {len(text.encode()) / 1e3:.0f} KB, "
        f"{kinds.count('case')} case and {len(kinds) - kinds.count('case')} other citations):"
    )
    print(f"  citelink, statutes only       : {rate(text, t_statutes):7.2f} MB/s")
    print(f"  citelink, cases=True          : {rate(text, t_cases):7.2f} MB/s")
    print(f"  eyecite alone                 : {rate(text, t_eyecite):7.2f} MB/s")
    print(f"  case law costs {t_cases / t_statutes:,.0f}x the statute-only time")


if __name__ == "__main__":
    sys.exit(main())
