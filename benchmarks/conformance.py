"""Score citelink against the peer projects' test cases in ../shared/conformance.

    python benchmarks/conformance.py [--kinds usc,cfr] [--federal] [--failures]

Prints precision, recall and F1 per file, and how many cases came out whole
(nothing missed, nothing extra): for the U.S. Code, for every kind, for every
kind over the federal cases only (those whose expectations are all federal
law: an "other" counts as federal when the peer linked it to the U.S. Code, the
eCFR or the NLRB), and over the other cases ("other law": state codes and
constitutions, administrative codes, model laws, journals). The schema is
described in ../shared/README.md: identified kinds (usc, cfr, fr, stat, pl,
pvtl, const) are matched field by field; case, rule and other are counted. Case
law is found with eyecite when it is installed (``find(text, cases=True)``).
Skips when ../shared is absent.

Two peers name some citations differently; a citation counts under either name:
a Treasury Regulation cited as "Treas. Reg." is cfr to eyecite and "other" to
citeurl, and a decision of the NLRB (an agency, not a court) is a case to eyecite
and "other" to citeurl.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import citelink
from citelink.models import Citation

CONFORMANCE = Path(__file__).resolve().parent.parent.parent / "shared" / "conformance"
FILES = ("unitedstates_citation.json", "eyecite_laws.json", "citeurl.json")
IDENTIFIED = ("usc", "cfr", "fr", "stat", "pl", "pvtl", "const")
COUNTED = ("case", "rule", "other")
#: Reporters of agency decisions: cases to eyecite, "other" to citeurl.
AGENCY_REPORTERS = frozenset({"N.L.R.B.", "NLRB No."})
#: Where citeurl links an "other" citation of federal law.
_FEDERAL_URL = re.compile(r"https?://(?:www\.)?(?:law\.cornell\.edu/uscode/|ecfr\.|nlrb\.gov/)")
_DASHES = str.maketrans("\u2010\u2011\u2012\u2013\u2014\u2212", "------")


def record(citation: Citation) -> dict[str, Any] | None:
    """Our citation in the conformance schema; None when it claims nothing (unresolved)."""
    if not citation.resolved:
        return None
    fields = citation.fields()
    kind = citation.kind
    if fields.get("act"):  # a named act's section ("INA § 287(g)") is an "other" citation
        return {"kind": "other"}
    if kind == "usc":
        title = fields["title"] + ("-app" if fields.get("appendix") else "")
        pin = fields["pin"] + (["et-seq"] if fields.get("et_seq") else [])  # the peers' spelling
        return {"kind": kind, "title": title, "section": fields["section"], "pin": pin}
    if kind == "cfr":
        also = {"also": "other"} if fields.get("cited_as") else {}
        if fields.get("section"):
            return {
                "kind": kind,
                "title": fields["title"],
                "section": fields["section"],
                "pin": fields.get("pin", []),
                **also,
            }
        return {"kind": kind, "title": fields["title"], "part": fields.get("part"), **also}
    if kind in ("fr", "stat"):
        return {"kind": kind, "volume": fields["volume"], "page": fields["page"]}
    if kind in ("pl", "pvtl"):
        return {"kind": kind, "congress": fields["congress"], "number": fields["number"]}
    if kind == "const":
        return {
            "kind": kind,
            "article": fields.get("article"),
            "amendment": fields.get("amendment"),
        }
    if kind == "case":
        # The suites list full citations and pinpointed short forms, not "Id." or "supra".
        if fields.get("form") not in ("full", "short"):
            return None
        if fields.get("reporter") in AGENCY_REPORTERS:
            return {"kind": kind, "also": "other"}
        return {"kind": kind}
    if kind == "rule":
        return {"kind": kind}
    return {"kind": "other"}


def is_federal(case: dict[str, Any]) -> bool:
    """Whether every expectation of a case is federal law."""
    return all(
        e["kind"] != "other" or _FEDERAL_URL.match(e.get("citeurl_url") or "")
        for e in case["expect"]
    )


def _norm(value: Any) -> Any:
    if isinstance(value, list):
        return [_norm(v) for v in value]
    if value is None:
        return None
    text = str(value).translate(_DASHES).lower()
    return text.lstrip("0") or "0" if text.isdigit() else text


def matches(expected: dict[str, Any], found: dict[str, Any]) -> bool:
    """Whether a found record satisfies an expectation (fields absent from it are free)."""
    if expected["kind"] != found["kind"]:
        return False
    for name, value in expected.items():
        if name in ("kind", "thru", "normalized", "citeurl_url", "also"):
            continue
        if name == "pin" and "pin" not in found:
            return False
        if name in ("article", "amendment") and value is None:
            continue
        if _norm(value) != _norm(found.get(name)):
            return False
    return True


def _section_key(section: str) -> tuple[int, str]:
    digits = len(section) - len(section.lstrip("0123456789"))
    return (int(section[:digits]) if digits else -1, section[digits:])


def inside_range(expected: dict[str, Any], found: dict[str, Any]) -> bool:
    """A found section strictly after the start of an expected range and not after its end."""
    if "thru" not in expected or found["kind"] != expected["kind"]:
        return False
    if _norm(found.get("title")) != _norm(expected.get("title")):
        return False
    low = _section_key(_norm(expected["section"]))
    high = _section_key(_norm(expected["thru"]))
    return low < _section_key(_norm(found.get("section", ""))) <= high


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def line(self) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return f"P {p:.3f}  R {r:.3f}  F1 {f1:.3f}  (tp {self.tp}, fp {self.fp}, fn {self.fn})"


def score_case(case: dict[str, Any], kinds: set[str] | None) -> tuple[Score, list[str]]:
    """Score one case; ``kinds`` limits scoring further (None: the case's own ``kinds``)."""
    scored = set(case.get("kinds") or (*IDENTIFIED, *COUNTED))
    if kinds is not None:
        scored &= kinds
    try:
        citations = _find(case["text"])
    except Exception as error:  # a crash is scored as missing everything, and reported
        return Score(fn=len(case["expect"])), [f"{case['id']}: crashed: {error!r}"]
    # A range's other members ("1983" of "§§ 1981-1983") may be listed; they are never extra.
    # Nor, for the counted kinds, are the other pins of one section ("§ 23-3-119(a)(2) and
    # (d)" is one citation to the peers that only count).
    optional: list[dict[str, Any]] = []
    found_all: list[dict[str, Any]] = []
    for before, citation in zip([None, *citations], citations, strict=False):
        r = record(citation)
        if r is not None:
            ends_range = before is not None and getattr(before, "range_end", None) is not None
            (optional if ends_range or _same_section(before, citation, r) else found_all).append(r)
    expected = [e for e in case["expect"] if e["kind"] in scored]
    found = [f for f in found_all if f["kind"] in scored]
    optional = [f for f in optional if f["kind"] in scored]
    score, problems = Score(), []
    unused = list(found)
    for e in expected:
        if e["kind"] in COUNTED:
            continue
        hit = next((f for f in unused if matches(e, f)), None)
        pool = unused
        if hit is None:
            hit, pool = next((f for f in optional if matches(e, f)), None), optional
        if hit is None:
            score.fn += 1
            problems.append(f"{case['id']}: missed {e}")
        else:
            score.tp += 1
            pool.remove(hit)
    for f in list(unused):
        if f["kind"] in COUNTED:
            continue
        if any(inside_range(e, f) for e in expected):
            unused.remove(f)
    want = Counter(e["kind"] for e in expected if e["kind"] in COUNTED)
    got = Counter(f["kind"] for f in unused if f["kind"] in COUNTED)
    for f in unused:  # a citation the peer names otherwise ("also") counts under that name
        alias = f.get("also")
        extra = f["kind"] not in COUNTED or got[f["kind"]] > want[f["kind"]]
        if alias in scored and extra and got[alias] < want[alias]:
            if f["kind"] in COUNTED:
                got[f["kind"]] -= 1
            got[alias] += 1
            f["counted_as"] = alias
    for f in unused:
        if f["kind"] not in COUNTED and "counted_as" not in f:
            score.fp += 1
            problems.append(f"{case['id']}: extra {f}")
    for kind in set(want) | set(got):
        hits = min(want[kind], got[kind])
        score.tp += hits
        score.fn += want[kind] - hits
        score.fp += got[kind] - hits
        if want[kind] != got[kind]:
            problems.append(f"{case['id']}: {kind}: expected {want[kind]}, found {got[kind]}")
    return score, problems


def _same_section(before: Citation | None, citation: Citation, r: dict[str, Any]) -> bool:
    """Whether ``citation`` is another pin of the section ``before`` cites, in one list."""
    return (
        before is not None
        and r["kind"] in COUNTED
        and citation.group is not None
        and before.group == citation.group
        and getattr(before, "section", None) == getattr(citation, "section", None)
    )


_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


def _find(text: str) -> list[Citation]:
    """Find in a case's text; cases written in HTML are read as a browser shows them."""
    if _TAG.search(text):
        html_finder = getattr(citelink, "find_in_html", None)
        if html_finder is not None:
            return list(html_finder(text))
        text = _TAG.sub(lambda m: " " * len(m.group()), text)
    return citelink.find(text, cases=CASES)


def _eyecite_installed() -> bool:
    try:
        import eyecite  # noqa: F401
    except ImportError:
        return False
    return True


CASES = _eyecite_installed()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kinds", help="score only these kinds (comma-separated)")
    parser.add_argument(
        "--federal", action="store_true", help="score only the cases about federal law"
    )
    parser.add_argument("--failures", action="store_true", help="list every miss and extra")
    args = parser.parse_args()
    if not CONFORMANCE.is_dir():
        print("skipped: ../shared/conformance is not beside the checkout")
        return 0
    if not CASES:
        print("  (eyecite not installed: case law is not scored)")
    views: list[tuple[str, set[str] | None, bool | None]] = [
        ("usc", {"usc"}, None),
        ("all kinds", None, None),
        ("federal", None, True),
        ("other law", None, False),
    ]
    if args.kinds:
        views = [(args.kinds, set(args.kinds.split(",")), True if args.federal else None)]
    elif args.federal:
        views = [("federal", None, True)]
    for name in FILES:
        cases = json.loads((CONFORMANCE / name).read_text(encoding="utf-8"))
        for label, kinds, federal in views:
            total, problems, whole, count = Score(), [], 0, 0
            for case in cases:
                if federal is not None and is_federal(case) != federal:
                    continue
                score, trouble = score_case(case, kinds)
                total.add(score)
                problems += trouble
                count += 1
                whole += not trouble
            print(f"{name:28s} {label:10s} {total.line()}  {whole}/{count} cases whole")
            if args.failures:
                for line in problems:
                    print("    " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
