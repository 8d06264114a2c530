"""Real-text recall: the Law Revision Counsel's <ref> tags in title 8 of the U.S. Code.

    python benchmarks/uslm_recall.py [--misses N]

For every ``<ref href="/us/usc/...">`` (and ``/us/pl/...``, ``/us/stat/...``
once those sources exist) a citation must overlap the ref's span with the
same target: title, section and pin for the Code; congress and number for
public laws; volume and page for the Statutes at Large. Skips when
``../shared`` is absent.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter

import citelink
from citelink.models import Citation

import uslm

_USC = re.compile(r"^/us/usc/t(?P<title>\d+a?)/s(?P<section>[^/]+)(?P<pin>(?:/[^/]+)*)$")
_PL = re.compile(r"^/us/pl/(?P<congress>\d+)/(?P<number>\d+)")
_STAT = re.compile(r"^/us/stat/(?P<volume>\d+)/(?P<page>[^/]+)")


_DASHES = str.maketrans("\u2010\u2011\u2012\u2013\u2014\u2212", "------")


def target(href: str) -> tuple[str, tuple[str, ...]] | None:
    """What a ref points at, as (kind, key); None for kinds we do not score."""
    href = href.translate(_DASHES)
    if m := _USC.match(href):
        pin = tuple(p for p in m.group("pin").split("/") if p)
        return "usc", (m.group("title"), m.group("section").lower(), *pin)
    if m := _PL.match(href):
        return "pl", (m.group("congress"), m.group("number"))
    if m := _STAT.match(href):
        return "stat", (m.group("volume"), m.group("page").lower())
    return None


def key(citation: Citation) -> tuple[str, tuple[str, ...]] | None:
    """The same (kind, key) for a citation we found."""
    fields = citation.fields()
    if citation.kind == "usc" and fields.get("title"):
        return "usc", (fields["title"], fields["section"].lower(), *fields["pin"])
    if citation.kind == "pl":
        return "pl", (str(fields["congress"]), str(fields["number"]))
    if citation.kind == "stat":
        return "stat", (str(fields["volume"]), str(fields["page"]).lower())
    return None


def _same(
    found: tuple[str, tuple[str, ...]] | None, wanted: tuple[str, tuple[str, ...]], longer: bool
) -> bool:
    """Equal targets; or, where the citation runs past the ref ("8 U.S.C. 1182" in the ref,
    "(l)" after it), a found pin that extends the ref's."""
    if found is None or found[0] != wanted[0]:
        return False
    if found == wanted:
        return True
    size = len(wanted[1])
    return longer and wanted[0] == "usc" and found[1][:size] == wanted[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", type=int, default=0, help="print up to N missed refs")
    args = parser.parse_args()
    if not uslm.available():
        print("skipped: ../shared/data/uslm is not beside the checkout")
        return 0
    total: Counter[str] = Counter()
    found: Counter[str] = Counter()
    kinds_seen: set[str] = set()
    misses: list[str] = []
    for doc in uslm.title8_documents():
        citations = citelink.find(doc.text, this_title="8")
        keyed = [(c.start, c.end, key(c)) for c in citations]
        kinds_seen.update(k[0] for _, _, k in keyed if k)
        for ref in doc.refs:
            wanted = target(ref.href)
            if wanted is None:
                continue
            total[wanted[0]] += 1
            if any(
                s < ref.end and ref.start < e and _same(k, wanted, e > ref.end) for s, e, k in keyed
            ):
                found[wanted[0]] += 1
            elif len(misses) < args.misses and wanted[0] in kinds_seen | {"usc"}:
                context = doc.text[max(0, ref.start - 40) : ref.end + 20].replace("\n", " ")
                misses.append(f"{doc.name}: {ref.href} {ref.text!r} … {context!r}")
    for kind in ("usc", "pl", "stat"):
        if total[kind]:
            share = found[kind] / total[kind]
            print(f"{kind:5s} refs found: {found[kind]:6d} / {total[kind]:6d} = {share:.2%}")
    for line in misses:
        print("  miss", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
