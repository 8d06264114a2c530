"""Scale and hostile input: processes, growth with size, adversarial text.

    python benchmarks/scale.py [--skip-adversarial] [--skip-processes]

1. Throughput over the 286 title-8 sections as separate files, with 1 and 2
   worker processes: ``citelink.batch.extract_files`` (citations come back to
   the parent as objects) and ``citelink extract DIR --format jsonl --jobs N``
   (workers send back JSON lines; the time includes starting Python).
2. Peak memory of ``citelink extract --format jsonl`` on one synthetic file of
   ``--memory-gb`` gigabytes (the title-8 text repeated), in a child process.
3. Adversarial inputs at 1 MB and 10 MB: the growth ratio of the time
   (linear means 10x; the floor is at most 11x), plus a single 5 MB line. The
   1 MB input runs ten times in a row and the 10 MB input once, in turns, so
   that the shared machine's drift in speed hits both alike.
Skips the title-8 parts when ../shared is absent.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from citelink import Finder
from citelink.batch import extract_files

import uslm

CLI = [sys.executable, "-m", "citelink.cli"]
ADVERSARIAL = [
    ("'§ '", "§ "),
    ("'§§ 1-'", "§§ 1-"),
    ("'1 U.S.C. '", "1 U.S.C. "),
    ("'(((('", "(((("),
    ("digits", "0123456789"),
    ("'U.S.C.' without numbers", "U.S.C. "),
    ("'section 1 of title '", "section 1 of title "),
    ("'id. at '", "id. at "),
]


def seconds(run: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def growth(
    small: Callable[[], object],
    large: Callable[[], object],
    repeat: int = 3,
    clock: Callable[[], float] = time.perf_counter,
) -> tuple[float, float]:
    """The best time of ``small`` and of ``large``, measured in turns: the small input
    ten times in a row, then the large one once, so that both take about as long and
    the machine's drift in speed hits both alike."""
    best_small = best_large = float("inf")
    for _ in range(repeat):
        start = clock()
        for _ in range(10):
            small()
        best_small = min(best_small, (clock() - start) / 10)
        start = clock()
        large()
        best_large = min(best_large, clock() - start)
    return best_small, best_large


def processes_benchmark(copies: int) -> None:
    if not uslm.available():
        print("processes: skipped (../shared/data/uslm is not beside the checkout)")
        return
    with tempfile.TemporaryDirectory() as folder:
        size = files = 0
        for copy in range(copies):
            Path(folder, str(copy)).mkdir()
            for doc in uslm.title8_documents():
                Path(folder, str(copy), f"{doc.name}.txt").write_text(doc.text, encoding="utf-8")
                size += len(doc.text.encode("utf-8"))
                files += 1
        print(f"title 8 as {files} files ({copies} copies of its sections), {size / 1e6:.1f} MB")
        for processes in (1, 2):
            took = seconds(lambda p=processes: count_citations(folder, p), 2)
            command = [*CLI, "extract", "--format", "jsonl", "--jobs", str(processes), folder]
            run = lambda c=command: subprocess.run(c, stdout=subprocess.DEVNULL, check=True)  # noqa: E731
            cli = seconds(run, 2)
            print(
                f"  {processes} process(es): extract_files {size / took / 1e6:5.1f} MB/s;"
                f" citelink extract --format jsonl --jobs {processes}: {size / cli / 1e6:5.1f} MB/s"
            )


def count_citations(folder: str, processes: int) -> int:
    return sum(len(result.citations) for result in extract_files([folder], processes=processes))


def memory_benchmark(gigabytes: float) -> None:
    if not uslm.available():
        print("memory: skipped (../shared/data/uslm is not beside the checkout)")
        return
    unit = uslm.title8_text().encode("utf-8")
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder, "big.txt")
        with big.open("wb") as out:
            for _ in range(max(1, int(gigabytes * 1e9 / len(unit)))):
                out.write(unit)
        size = big.stat().st_size
        command = [*CLI, "extract", "--format", "jsonl", str(big)]
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
        took = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # kB on Linux
    print(
        f"one {size / 1e9:.2f} GB file, extract --format jsonl: peak memory {peak:.0f} MB, "
        f"{took:.0f} s ({size / took / 1e6:.1f} MB/s)"
    )


def adversarial_benchmark() -> None:
    finder = Finder()
    print("adversarial input: time at 1 MB, at 10 MB, and the growth (linear: 10x)")
    for label, unit in ADVERSARIAL:
        small = unit * (1_000_000 // len(unit))
        large = small * 10
        t_small, t_large = growth(
            lambda text=small: finder.find(text), lambda text=large: finder.find(text)
        )
        print(
            f"  {label:28s} {t_small * 1000:7.0f} ms {t_large * 1000:8.0f} ms"
            f"  {t_large / t_small:5.1f}x"
        )
    if uslm.available():
        line = uslm.title8_text().replace("\n", " ")[:5_000_000]
        took = seconds(lambda: finder.find(line, this_title="8"), 1)
        print(f"  one line of {len(line) / 1e6:.1f} M characters of title 8: {took * 1000:.0f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-processes", action="store_true")
    parser.add_argument(
        "--copies", type=int, default=10, help="copies of title 8 for the processes part"
    )
    parser.add_argument("--skip-adversarial", action="store_true")
    parser.add_argument(
        "--memory-gb", type=float, default=1.0, help="size of the synthetic file (0: skip)"
    )
    args = parser.parse_args()
    if not args.skip_processes:
        processes_benchmark(args.copies)
    if args.memory_gb > 0:
        memory_benchmark(args.memory_gb)
    if not args.skip_adversarial:
        adversarial_benchmark()
    return 0


if __name__ == "__main__":
    sys.exit(main())
