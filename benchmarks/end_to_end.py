"""What a user runs, beside ``find``: the command line end to end on the title-8 text.

    python benchmarks/end_to_end.py [--repeat 3]

Prints, in CPU seconds (best of ``--repeat``, child processes measured with
``resource``): ``find`` in this process; ``citelink extract`` with ``--format
json``, ``jsonl`` and ``text`` (also with ``PYTHONUNBUFFERED=1``, as in containers
and CI) and each one's ratio to ``find``; the cost of starting (``citelink
--version``, ``extract`` on a one-line file); and 2.8 MB of ``§§ 1-`` (400,000
citations) through ``extract --format json``. Skips when ../shared is absent.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from citelink.finder import Finder

sys.path.insert(0, str(Path(__file__).resolve().parent))
import uslm


def child_cpu(command: list[str], stdin: Path | None = None, **env: str) -> float:
    """CPU seconds (user + system) of one run of ``command``, output discarded."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(stdin or os.devnull, "rb") as source:
        subprocess.run(
            command,
            stdin=source,
            stdout=subprocess.DEVNULL,
            check=True,
            env={**os.environ, **env},
        )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def best(repeat: int, run) -> float:  # type: ignore[no-untyped-def]
    return min(run() for _ in range(repeat))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not uslm.available():
        print("skipped: ../shared is absent")
        return 0
    text = uslm.title8_text()
    work = Path(tempfile.mkdtemp())
    title8 = work / "title8.txt"
    title8.write_text(text, encoding="utf-8")
    small = work / "small.txt"
    small.write_text("See 8 U.S.C. 1373.\n", encoding="utf-8")
    hostile = work / "hostile.txt"
    hostile.write_text("§§ 1-" * 400_000, encoding="utf-8")

    finder = Finder()
    finder.find(text[:10_000])

    def find_once() -> float:
        start = time.process_time()
        finder.find(text)
        return time.process_time() - start

    found = best(args.repeat, find_once)
    size = len(text.encode("utf-8")) / 1e6
    print(f"title 8: {size:.1f} MB, {len(finder.find(text)):,} citations")
    print(f"{'find (in process)':40} {found:6.2f} s  {size / found:5.1f} MB/s")
    citelink = [sys.executable, "-m", "citelink.cli"]
    for form in ("json", "jsonl", "text"):
        for unbuffered in (False, True):
            env = {"PYTHONUNBUFFERED": "1"} if unbuffered else {}
            seconds = best(
                args.repeat,
                lambda f=form, e=env: child_cpu(
                    [*citelink, "extract", "--format", f, str(title8)], **e
                ),
            )
            label = f"extract --format {form}" + (" (unbuffered)" if unbuffered else "")
            print(f"{label:40} {seconds:6.2f} s  {seconds / found:5.2f}x find")
    version = best(args.repeat, lambda: child_cpu([*citelink, "--version"]))
    one_line = best(args.repeat, lambda: child_cpu([*citelink, "extract", str(small)]))
    print(f"{'citelink --version':40} {version * 1e3:6.0f} ms")
    print(f"{'extract on a one-line file':40} {one_line * 1e3:6.0f} ms")
    hostile_cpu = best(
        1, lambda: child_cpu([*citelink, "extract", "--format", "json", "-"], hostile)
    )
    print(f"{'2.8 MB of §§ 1- (400,000 citations)':40} {hostile_cpu:6.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
