"""Named acts against the Code sections the text itself gives beside them.

    python benchmarks/acts_accuracy.py [--show]

Laws and the Code's notes often follow an act's section with the Code section it is
classified to: "section 1614(a)(1) of the Social Security Act [42 U.S.C. 1382c(a)(1)]",
"TSCA section 13 (15 U.S.C. 2612)". Those parallel citations are written by Congress and the
Law Revision Counsel, not derived from the source credits that citelink's table of acts comes
from, so they make a held-out test: of the act citations citelink finds with a parallel Code
citation right after them, how many map to that Code section. It reads the USLM text of title 8
and the two complete titles of ../shared/data/uslm, and the documents of ../shared/realworld.
A parallel citation of a later section ("now 50 U.S.C. 3003") counts against. Skips when
../shared is absent.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterator

import citelink
from citelink.sources.acts import ActCitation

import uslm

#: Right after an act citation: "(42 U.S.C. 1382c(a)(1))", "[42 U.S.C. 1382c]", "(15 U.S.C. 78c))".
_PARALLEL = re.compile(
    r"[^\S\n]?(?:,[^\S\n]*as amended,?[^\S\n]*)?[(\[](?:[^()\[\]]{0,60}?;[^\S\n]*)?"
    r"(?P<title>\d{1,2})[^\S\n]+U\.[^\S\n]?S\.[^\S\n]?C\.(?:[^\S\n]*§+)?[^\S\n]*"
    r"(?P<section>\d+[a-z]*(?:[-\u2013]\d+[a-z]*)?)(?P<note>[^\S\n]+note)?"
)
_FORMATS = {".md": "markdown", ".html": "html", ".txt": "text"}


def documents() -> Iterator[tuple[str, str, str]]:
    """(name, text, format) of every document read."""
    for document in uslm.title8_documents():
        yield document.name, document.text, "text"
    for name in ("usc01.xml", "usc27.xml"):
        path = uslm.SHARED / "data" / "uslm" / name
        if path.is_file():
            yield name, uslm.flatten(path).text, "text"
    for path in sorted((uslm.SHARED / "realworld").glob("*")):
        if path.suffix in _FORMATS:
            yield path.name, path.read_text("utf-8", errors="replace"), _FORMATS[path.suffix]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", action="store_true", help="print each wrong or unmapped one")
    args = parser.parse_args()
    if not uslm.available():
        print("skipped: ../shared is absent")
        return 0
    counts: Counter[str] = Counter()
    # the Code's designations take ASCII hyphens
    acts: Counter[str] = Counter()
    for name, text, fmt in documents():
        for c in citelink.find(text, format=fmt):
            if not isinstance(c, ActCitation) or c.short or c.act == "IRC" or c.group:
                continue  # (a list's parallel citation is the whole list's)
            parallel = _PARALLEL.match(text, c.end)
            if parallel is None or parallel.group("note"):
                continue
            expected = f"{parallel.group('title')}/{parallel.group('section').replace('–', '-')}"
            got = f"{c.title}/{c.code_section}" if c.code_section else None
            verdict = "right" if got == expected else "unmapped" if got is None else "wrong"
            counts[verdict] += 1
            acts[c.act] += 1
            if args.show and verdict != "right":
                print(f"{verdict}\t{name}\t{text[c.start : parallel.end()]!r}\t{got}")
    total = sum(counts.values())
    if not total:
        print("no act citations with a parallel Code citation")
        return 0
    print(
        f"{total} act citations with a parallel Code citation, {len(acts)} acts: "
        f"{counts['right']} right ({counts['right'] / total:.1%}), {counts['wrong']} wrong, "
        f"{counts['unmapped']} unmapped"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
