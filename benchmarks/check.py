"""The checker's figures: the U.S. Code index, checking a long text, how many made-up
citations it flags, and link checking.

    python benchmarks/check.py [--urls 1000] [--repeat 5] [--polite 50]

1. The shipped U.S. Code index: its size, how long it takes to load (and to
   read every title), and how long one look-up takes (a section, a section
   inside a range record, a miss, a pin, where a section went).
2. ``Checker.check`` on the title-8 text (about 3.8 MB) — find plus check —
   beside ``find`` alone (skipped when ../shared is absent).
3. Held-out lists drawn from ../shared's data: real sections and pins (none
   should be flagged) and made-up ones (at least 99% should be). A pin just below
   the subdivisions the Code marks up ("(B)") is reported as "cannot be verified"
   (info), not flagged: the text may run on with "(A) … (B)" the index does not
   hold; a ninth or later label there ("(Q)") is flagged.
4. Every constitutional provision and Federal Rule number, and the next past each.
5. Link checking of ``--urls`` distinct URLs against a local HTTP/1.1 server
   (another process on 127.0.0.1): with the cache cold, then warm (a new
   checker reading the same SQLite cache). The per-host rate limit is lifted
   for this run (8 requests in flight, no spacing); ``--polite N`` also times
   N URLs with the default politeness (4 in flight, 5 requests per second).
"""

from __future__ import annotations

import argparse
import functools
import multiprocessing
import tempfile
import time
import timeit
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any

from citelink import Finder
from citelink.checking.checker import Checker
from citelink.checking.links import LinkChecker
from citelink.index import USCODE_DATA, UsCodeIndex

import uslm

PAGE = b"<html><head><title>8 U.S. Code 1373</title></head><body>" + b"x" * 2000 + b"</body></html>"


def best_time(run: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs, in seconds (the machine's noise only adds time)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def index_figures(repeat: int) -> None:
    print("U.S. Code index (shipped package data)")
    load = best_time(UsCodeIndex.load, repeat)

    def load_all() -> None:
        index = UsCodeIndex.load()
        for title in list(index.titles):
            index.lookup(title, "1")

    every = best_time(load_all, repeat)
    index = UsCodeIndex.load()
    size = resources.files("citelink").joinpath("data").joinpath(USCODE_DATA).read_bytes()
    print(f"  size: {len(size) / 1e3:,.0f} kB (gzip); {len(index.titles)} titles")
    print(f"  load: {load * 1e3:.0f} ms; load and read all 53 titles: {every * 1e3:.0f} ms")
    for label, title, section in [
        ("a section (8 U.S.C. § 1373)", "8", "1373"),
        ("inside a range (8 U.S.C. § 8)", "8", "8"),
        ("inside a range (42 U.S.C. § 1a)", "42", "1a"),
        ("a miss (8 U.S.C. § 99999)", "8", "99999"),
    ]:
        index.lookup(title, section)
        number = 200_000
        look_up = functools.partial(index.lookup, title, section)
        runs = timeit.repeat(look_up, number=number, repeat=repeat)
        print(f"  look-up, {label}: {min(runs) / number * 1e6:.2f} µs")
    (record,) = index.lookup("8", "1357")

    def pin() -> bool:
        paths = index.subdivisions(record)
        return paths is not None and "g/10/A" in paths

    def first_pin() -> bool:
        index._pins.clear()  # the section's subdivisions read afresh
        return pin()

    for label, run in [
        ("a pin, section read before (8 U.S.C. § 1357(g)(10)(A))", pin),
        ("a pin, first in its section", first_pin),
        ("where a section went (42 U.S.C. § 1973)", functools.partial(index.moved, "42", "1973")),
    ]:
        run()
        number = 100_000
        runs = timeit.repeat(run, number=number, repeat=repeat)
        print(f"  look-up, {label}: {min(runs) / number * 1e6:.2f} µs")
    paths = sum(len(index.subdivisions(r) or ()) for r in index.records())
    print(f"  subdivision paths: {paths:,}; moves: {sum(1 for _ in index.moves()):,}")


def check_figures(repeat: int) -> None:
    if not uslm.available():
        print("check on the title-8 text: skipped (../shared is absent)")
        return
    text = uslm.title8_text()
    size = len(text.encode("utf-8")) / 1e6
    finder = Finder()
    checker = Checker(finder=finder)
    checker.check("8 U.S.C. § 1373")  # read the index first
    found = best_time(lambda: finder.find(text, this_title="8"), repeat)
    checked = best_time(lambda: checker.check(text, this_title="8"), repeat)
    findings = checker.check(text, this_title="8")
    print(f"check on the title-8 text ({size:.1f} MB, {len(findings):,} findings)")
    print(f"  find alone: {size / found:.1f} MB/s; find and check: {size / checked:.1f} MB/s")


def holdout_figures(count: int) -> None:
    """How many made-up sections and pins are flagged, and how many real ones are not.

    The lists are drawn here (seeded) from the shared data, not from the shipped index:
    real live sections, real pins; made-up ones of the kinds a drafting tool invents —
    a number past the end of a real run, a letter suffix the section does not have,
    a subsection after the last real one, a paragraph after the last real one.
    """
    sections = uslm.SHARED / "data" / "uscode_sections.json.gz"
    structure = uslm.SHARED / "data" / "uscode_structure.jsonl.gz"
    if not (sections.exists() and structure.exists()):
        print("held-out sections and pins: skipped (../shared is absent)")
        return
    import gzip
    import json
    import random

    from citelink.grammar import hyphenate
    from citelink.index import next_label, order_key, sorted_labels

    data = json.loads(gzip.decompress(sections.read_bytes()))
    designations: dict[str, set[str]] = {}
    ranges: dict[str, list[tuple[Any, Any]]] = {}
    for r in data["sections"]:
        if "lo" in r:
            ranges.setdefault(r["t"], []).append((order_key(r["lo"]), order_key(r["hi"])))
        else:
            designations.setdefault(r["t"], set()).add(r["s"].lower())

    def known(title: str, section: str) -> bool:
        if section.lower() in designations.get(title, ()):
            return True
        key = order_key(section)
        return any(lo <= key <= hi for lo, hi in ranges.get(title, ()))

    with gzip.open(structure, "rt", encoding="utf-8") as lines:
        next(lines)
        live = [json.loads(line) for line in lines]
    pick = random.Random(19)
    real: list[str] = []
    made_up: dict[str, list[str]] = {
        "section": [],
        "suffix": [],
        "subsection": [],
        "deeper": [],
        "(Q) below the last marked-up subdivision": [],
        "(B) below the last marked-up subdivision (cannot be verified: info, by design)": [],
    }
    for r in pick.sample(live, min(count * 4, len(live))):
        title, section = r["t"], hyphenate(r["s"])
        pins = [p.split("/") for p in r["pins"]]
        if section.lower() in {s for s in designations[title]} and len(real) < count:
            pin = pick.choice(pins) if pins and pick.random() < 0.7 else []
            real.append(f"{title} U.S.C. § {section}" + "".join(f"({p})" for p in pin))
        if section.isdigit():
            number = str(int(section) + pick.choice((7, 50, 300, 2000)))
            if not known(title, number):
                made_up["section"].append(f"{title} U.S.C. § {number}")
            suffixed = section + pick.choice("qwxyz")
            if not known(title, suffixed):
                made_up["suffix"].append(f"{title} U.S.C. § {suffixed}")
        tops = sorted_labels({p[0] for p in pins})
        if tops:
            following = next_label(tops[-1])
            if following is not None:
                made_up["subsection"].append(f"{title} U.S.C. § {section}({following})")
        parents = {tuple(p[:-1]) for p in pins if len(p) > 1}
        if parents:
            parent = pick.choice(sorted(parents))
            children = sorted_labels(p[-1] for p in pins if tuple(p[:-1]) == parent)
            following = next_label(children[-1])
            if following is not None:
                pin = "".join(f"({p})" for p in (*parent, following))
                made_up["deeper"].append(f"{title} U.S.C. § {section}{pin}")
        leaves = [p for p in pins if not any(q[: len(p)] == p and q != p for q in pins)]
        if leaves:
            leaf = pick.choice(leaves)
            for label, key in zip("QB", list(made_up)[-2:], strict=True):
                below = "".join(f"({p})" for p in (*leaf, label))
                made_up[key].append(f"{title} U.S.C. § {section}{below}")
    checker = Checker()

    def flagged(citation: str) -> bool:
        return any(f.severity in ("error", "warning") for f in checker.check(citation))

    wrong = [c for c in real if flagged(c)]
    print(f"held-out citations drawn from the data (seed 19, {count:,} real sections)")
    print(f"  real sections and pins flagged: {len(wrong)} of {len(real):,}", wrong[:5])
    for kind, citations in made_up.items():
        citations = citations[:count]
        missed = [c for c in citations if not flagged(c)]
        rate = 1 - len(missed) / max(1, len(citations))
        print(f"  made-up {kind}: {rate:.2%} of {len(citations):,} flagged", missed[:5])


def provision_figures() -> None:
    """Every real constitutional provision and Federal Rule number, and the next ones past
    them (made up), through the finder and the checker."""
    from citelink.checking.provisions import ABROGATED, AMENDMENTS, ARTICLES, RULES
    from citelink.grammar import to_roman

    real: list[str] = []
    made_up: list[str] = []
    for article, sections in ARTICLES.items():
        head = f"U.S. Const. art. {to_roman(article)}"
        for section, clauses in sections.items():
            where = f"{head}, § {section}" if section else head
            real += [f"{where}, cl. {n}" for n in range(1, clauses + 1)]
            made_up.append(f"{where}, cl. {clauses + 1}")
        if "" not in sections:
            made_up.append(f"{head}, § {len(sections) + 1}")
    for amendment, sections in AMENDMENTS.items():
        head = f"U.S. Const. amend. {to_roman(amendment)}"
        real += [head, *(f"{head}, § {n}" for n in range(1, sections + 1))]
        made_up.append(f"{head}, § {sections + 1}")
    names = {"frcp": "Fed. R. Civ. P.", "frcrmp": "Fed. R. Crim. P.", "fre": "Fed. R. Evid."}
    names["frap"] = "Fed. R. App. P."
    for rules, numbers in RULES.items():
        real += [f"{names[rules]} {n}" for n in sorted(numbers) if (rules, n) not in ABROGATED]
        made_up.append(f"{names[rules]} {max(numbers) + 1}")
    checker = Checker()

    def flagged(text: str) -> bool:
        return any(f.severity in ("error", "warning") for f in checker.check(text))

    wrong = [c for c in real if flagged(c)]
    missed = [c for c in made_up if not flagged(c)]
    print("the Constitution and the Federal Rules (every provision, and the next past each)")
    print(f"  real flagged: {len(wrong)} of {len(real)}", wrong[:5])
    print(f"  made-up flagged: {len(made_up) - len(missed)} of {len(made_up)}", missed[:5])


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes: without this, Nagle's algorithm and the
    # client's delayed ACK hold every keep-alive response back by about 40 ms.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)


def _serve(port: Any) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    port.value = server.server_address[1]
    server.serve_forever()


def link_figures(count: int, polite: int) -> None:
    port = multiprocessing.Value("i", 0)
    process = multiprocessing.Process(target=_serve, args=(port,), daemon=True)
    process.start()
    try:
        while not port.value:
            time.sleep(0.01)
        base = f"http://127.0.0.1:{port.value}"
        urls = [f"{base}/uscode/text/8/{n}#a" for n in range(count)]
        with tempfile.TemporaryDirectory() as scratch:
            cache = Path(scratch) / "links.sqlite3"
            options = {"cache": cache, "rate": 0, "per_host": 8, "workers": 8}
            print(f"link checking, {count:,} URLs on a local server (8 in flight, no rate limit)")
            with LinkChecker(**options) as checker:  # type: ignore[arg-type]
                start = time.perf_counter()
                cold = checker.check(urls)
                cold_time = time.perf_counter() - start
            assert all(r.status == "ok" for r in cold.values()), "the local server failed"
            with LinkChecker(**options) as checker:  # type: ignore[arg-type]
                start = time.perf_counter()
                warm = checker.check(urls)
                warm_time = time.perf_counter() - start
            assert all(r.cached for r in warm.values())
            print(f"  cache cold: {cold_time:.2f} s ({count / cold_time:,.0f} URLs/s)")
            print(f"  cache warm: {warm_time * 1e3:.0f} ms")
        if polite:
            some = [f"{base}/polite/{n}" for n in range(polite)]
            with LinkChecker() as checker:
                start = time.perf_counter()
                checker.check(some)
                took = time.perf_counter() - start
            print(f"  default politeness (4 in flight, 5/s per host), {polite} URLs: {took:.1f} s")
    finally:
        process.terminate()
        process.join()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--urls", type=int, default=1000, help="URLs for the link benchmark")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (best kept)")
    parser.add_argument("--polite", type=int, default=0, help="also time N URLs, default limits")
    parser.add_argument(
        "--holdout", type=int, default=2000, help="real and made-up citations of each kind"
    )
    args = parser.parse_args()
    index_figures(args.repeat)
    check_figures(max(1, args.repeat // 2))
    holdout_figures(args.holdout)
    provision_figures()
    link_figures(args.urls, args.polite)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
