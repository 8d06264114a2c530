"""The checker's figures: the U.S. Code index, checking a long text, and link checking.

    python benchmarks/check.py [--urls 1000] [--repeat 5] [--polite 50]

1. The shipped U.S. Code index: its size, how long it takes to load (and to
   read every title), and how long one look-up takes (a section, a section
   inside a range record, a miss, a pin, where a section went).
2. ``Checker.check`` on the title-8 text (about 3.8 MB) — find plus check —
   beside ``find`` alone (skipped when ../shared is absent).
3. Link checking of ``--urls`` distinct URLs against a local HTTP/1.1 server
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
from citelink.checking.index import USCODE_DATA, UsCodeIndex
from citelink.checking.links import LinkChecker

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
    args = parser.parse_args()
    index_figures(args.repeat)
    check_figures(max(1, args.repeat // 2))
    link_figures(args.urls, args.polite)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
