"""Hostile input shapes: does the time grow linearly with the size?

    python benchmarks/hostile.py [--only find,check] [--shapes "'<a>'"] [--timeout 120]

For each shape of the fuzz corpus (``'§§ 1-' * n``, ``'<a>' * n``, ``'- ' * n``...)
and each operation (``find`` on text, ``check`` on text, ``annotate`` and
``find`` of HTML and Markdown), the best time at 100 KB and at 1 MB, and their
ratio: linear is 10x, the floor is at most 10x the 100 KB time plus noise
(issue 23). Each measurement runs in a child process of its own, cut after
``--timeout`` seconds (then the ratio is shown as "> N"), so a quadratic case
cannot stall the run. Prints one line per case and a summary of the cases over
the floor.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

#: (name, the Python expression of one repeat unit, or of a prefix and a tail).
SHAPES: list[tuple[str, str]] = [
    ("'§§ 1-'", "'§§ 1-'"),
    ("'§ '", "'§ '"),
    ("'(((('", "'(((('"),
    ("'1 U.S.C. '", "'1 U.S.C. '"),
    ("'8 U.S.C. 1373\\n'", "'8 U.S.C. 1373\\n'"),
    ("'Id. '", "'Id. '"),
    ("'- '", "'- '"),
    ("'1. '", "'1. '"),
    ("'<'", "'<'"),
    ("'<a>'", "'<a>'"),
    ("'<a>'+'<b/>'", "('<a>', '<b/>')"),
    ("'<a>'+'</a>'", "('<a>', '</a>')"),
    ("'<a>'+'<!---->'", "('<a>', '<!---->')"),
    ("'<a><div>'", "'<a><div>'"),
    ("'<code>'", "'<code>'"),
    ("'- '+'8 U.S.C. 1373\\n'", "('- ', '8 U.S.C. 1373\\n')"),
    ("'[8 U.S.C. 1373]('", "'[8 U.S.C. 1373]('"),
    ("'*_'", "'*_'"),
    ("'`'", "'`'"),
    ("'&#'", "'&#'"),
]

OPERATIONS = {
    "find": "import citelink; run = lambda: citelink.find(text)",
    "check": "from citelink.checking.checker import check; run = lambda: check(text)",
    "find-html": "from citelink.documents import find; run = lambda: find(text, 'html')",
    "annotate-html": (
        "from citelink.annotation import annotate_html; run = lambda: annotate_html(text)"
    ),
    "find-md": "from citelink.documents import find; run = lambda: find(text, 'markdown')",
    "annotate-md": (
        "from citelink.annotation import annotate_markdown; run = lambda: annotate_markdown(text)"
    ),
}

_CHILD = """
import json, sys, time
unit = {unit}
size = {size}
if isinstance(unit, tuple):  # half the text of each part, one after the other
    head, tail = unit
    text = head * (size // 2 // len(head.encode())) + tail * (size // 2 // len(tail.encode()))
else:
    text = unit * (size // len(unit.encode()))
{setup}
best = float("inf")
for _ in range({repeat}):
    start = time.perf_counter()
    run()
    best = min(best, time.perf_counter() - start)
print(json.dumps(best))
"""


def measure(unit: str, operation: str, size: int, repeat: int, timeout: float) -> float | None:
    """The best of ``repeat`` runs, in seconds, or ``None`` if it took over ``timeout``."""
    code = _CHILD.format(unit=unit, size=size, setup=OPERATIONS[operation], repeat=repeat)
    try:
        done = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        raise SystemExit(f"{operation} on {unit}: {done.stderr.strip().splitlines()[-1]}")
    return float(json.loads(done.stdout))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="operations, comma-separated (default: all)")
    parser.add_argument("--shapes", help="shape names, comma-separated (default: all)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per measurement")
    parser.add_argument("--small", type=int, default=100_000, help="bytes (default: 100 KB)")
    parser.add_argument("--factor", type=int, default=10, help="large / small (default: 10)")
    args = parser.parse_args()
    operations = args.only.split(",") if args.only else list(OPERATIONS)
    wanted = set(args.shapes.split(",")) if args.shapes else None
    over = []
    print(f"{'operation':14} {'shape':28} {'small s':>9} {'large s':>9} {'ratio':>7}")
    for name, unit in SHAPES:
        if wanted is not None and name not in wanted:
            continue
        for operation in operations:
            small = measure(unit, operation, args.small, 5, args.timeout)
            if small is None:
                print(f"{operation:14} {name:28} {'> ' + str(args.timeout):>9}")
                over.append((operation, name, "small input over the timeout"))
                continue
            large = measure(unit, operation, args.small * args.factor, 2, args.timeout)
            floor = args.factor * small + 0.05  # 50 ms of noise on tiny times
            if large is None:
                ratio = f"> {args.timeout / max(small, 1e-6):.0f}"
                cut = f"> {args.timeout:g}"
                print(f"{operation:14} {name:28} {small:9.4f} {cut:>9} {ratio:>7}")
                over.append((operation, name, ratio))
                continue
            ratio = f"{large / max(small, 1e-6):.1f}"
            print(f"{operation:14} {name:28} {small:9.4f} {large:9.4f} {ratio:>7}", flush=True)
            if large > floor:
                over.append((operation, name, ratio))
    print()
    if over:
        print(f"{len(over)} case(s) over {args.factor}x:")
        for operation, name, ratio in over:
            print(f"  {operation} on {name}: {ratio}")
    else:
        print(f"every case within {args.factor}x")


if __name__ == "__main__":
    main()
