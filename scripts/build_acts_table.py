"""Build the table of named acts and the Code sections their sections are classified to.

    python scripts/build_acts_table.py [STRUCTURE] [OUTPUT]

Every live section of the U.S. Code has a source credit whose first element names
the act that enacted it and the act's own section: ``(July 1, 1944, ch. 373,
title III, § 399R, as added ...)`` is Public Health Service Act § 399R, so 42
U.S.C. § 280g-5 is PHSA § 399R; ``(Pub. L. 93-205, § 7, ...)`` is the Endangered
Species Act's section 7, 16 U.S.C. § 1536. The "Short Title" notes give the names
the acts go by ("may be cited as the 'Endangered Species Act of 1973'", "is
popularly known as the 'Lanham Act'"); ``scripts/act_names.tsv`` adds the
abbreviations and popular names writers use that the notes do not give (FD&C
Act, ERISA, the '34 Act), each with an example.

The script reads ``../shared/data/uscode_structure.jsonl.gz`` (the default) and
writes ``src/citelink/data/acts.json.gz``, which citelink ships. An act section
credited to two Code sections is left out (never a guess), and so is an act
without a name; the output is the same for the same input.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STRUCTURE = ROOT.parent / "shared" / "data" / "uscode_structure.jsonl.gz"
OUTPUT = ROOT / "src" / "citelink" / "data" / "acts.json.gz"
CURATED = ROOT / "scripts" / "act_names.tsv"
FORMAT = 1
#: An act needs this many sections classified one by one to be in the table.
MIN_SECTIONS = 3

_MONTHS = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "May": 5, "June": 6, "July": 7,
    "Aug": 8, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}  # fmt: skip
_DASH = "[-\u2013\u2014]"
_DATE = r"(?P<month>[A-Z][a-z]{2,4})\.? (?P<day>\d{1,2}), (?P<year>\d{4})"
_ENACTED = (
    rf"(?:{_DATE}, ch\. (?P<chapter>\d+[A-Z]?)|Pub\. L\. (?P<congress>\d+){_DASH}(?P<number>\d+))"
)
_UNITS = r"(?P<units>(?:, (?:div\.|title|subtitle|ch\.|subch\.|pt\.|subpt\.) [A-Z0-9]+)*)"
_SECTION = rf"\d+[A-Za-z]*(?:{_DASH}\d+[A-Za-z]*)*"
#: The first element of a source credit, up to the act's section: "(July 1, 1944, ch. 373,
#: title III, § 399R", "(Pub. L. 85-536, § 2[3]", "(Pub. L. 106-554, § 1(a)(5) [title II, § 206".
_CREDIT = re.compile(
    rf"\({_ENACTED}{_UNITS}, §\s?(?P<section>{_SECTION})(?P<pin>(?:\([A-Za-z0-9]+\))*)"
    rf"(?: ?\[(?:title [IVXL]+, )?(?:§ ?)?(?P<inner>{_SECTION})\])?(?P<after>[^;]*)"
)
#: Where a statement of a "Short Title" note starts: the act that says it.
_STATEMENT = re.compile(
    rf"(?:Act |Joint Res\. |[Ss]ection \d+[A-Za-z]* of (?:act |Pub\. L\. )?)?{_ENACTED}{_UNITS}"
)
#: What the statement says: "may be cited as", "should be known as", "popularly known as".
_AFTER = (". ", "” ", "’ ", ".”", ") ")
_CITED_AS = re.compile(r"(?:cited|known) as (?P<names>.*)", re.S)
_QUOTED = re.compile(r"[‘“](?P<name>[^‘’“”]{3,120}?)[.,]?[’”]")


@dataclass
class Act:
    """One act as the data shows it: its sections and its names."""

    key: str
    sections: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    names: list[tuple[int, str]] = field(default_factory=list)
    #: A name given to one title of the act ("This title may be cited as") -> that title.
    scopes: dict[str, str] = field(default_factory=dict)
    #: Act section -> the title of the act it is in ("VIII"), where its credit says.
    titles: dict[str, str] = field(default_factory=dict)


def act_key(found: re.Match[str]) -> str:
    """ "pl/93-205" for Pub. L. 93-205; "1944-07-01/ch373" for July 1, 1944, ch. 373."""
    if found.group("congress"):
        key = f"pl/{found.group('congress')}-{found.group('number')}"
    else:
        month = _MONTHS.get(found.group("month"), 0)
        key = (
            f"{found.group('year')}-{month:02d}-{int(found.group('day')):02d}"
            f"/ch{found.group('chapter')}"
        )
    division = re.search(r"div\. ([A-Z0-9]+)", found.group("units") or "")
    return key + (f"/div{division.group(1)}" if division else "")


def records(path: Path) -> Iterator[dict[str, object]]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


def collect(structure: Iterable[dict[str, object]]) -> tuple[dict[str, object], dict[str, Act]]:
    """The meta record and every act with its credited sections and names."""
    meta: dict[str, object] = {}
    acts: dict[str, Act] = {}
    for record in structure:
        if "meta" in record:
            meta = record["meta"]  # type: ignore[assignment]
            continue
        title, section = str(record["t"]), str(record["s"])
        credit = " ".join(str(record.get("credit") or "").split())
        found = _CREDIT.match(credit)
        if found is not None and (not found.group("pin") or found.group("inner")):
            key = act_key(found)
            own = found.group("section")
            if found.group("inner"):
                key += f"/s{own}{found.group('pin') or ''}"
                own = found.group("inner")
            own = re.sub(_DASH, "-", own)
            code = re.sub(_DASH, "-", section)
            act = acts.setdefault(key, Act(key))
            act.sections[own].add(f"{title}/{code}")
            part = re.search(r"title ([IVXL]+)\b", found.group("units") or "")
            if part is not None:
                act.titles.setdefault(own, part.group(1))
        for note in record.get("short_titles") or ():  # type: ignore[attr-defined]
            for key, name, rank, scope in short_titles(str(note)):
                act = acts.setdefault(key, Act(key))
                if all(name != known for _, known in act.names):
                    act.names.append((rank, name))
                    if scope is not None:
                        act.scopes[name] = scope
    return meta, acts


def short_titles(note: str) -> Iterator[tuple[str, str, int, str | None]]:
    """(act key, name, rank, title) for each name a "Short Title" note gives an act or one of its
    titles; rank 0 for the name of a whole act ("Pub. L. 93-205, § 1 ... This Act may be
    cited as"), 1 for one said in a title, 2 for a title's or a subtitle's; the title
    ("VIII") of a name that "This title" is given."""
    note = " ".join(note.split())
    header = re.match(r"Short Title(?:s)?(?: (?:of )?\d{4} Amendments?)?", note)
    if header is None:
        return
    # A statement starts after the heading or a sentence, not inside one ("as amended by
    # acts Aug. 13, 1946, ch. 958, ...").
    starts = [
        found
        for found in _STATEMENT.finditer(note, header.end())
        if found.start() == header.end() or note[found.start() - 2 : found.start()] in _AFTER
    ]
    for found, after in zip(starts, [*starts[1:], None], strict=False):
        said = note[found.end() : after.start() if after is not None else len(note)]
        if "div." in (found.group("units") or "") or re.search(r"\bThis division\b", said):
            continue  # a division numbers its sections its own way
        if re.search(r"provided(?: that)?:? (?:“(?:That )?)?[Tt]his (?:sub)?section\b", said):
            continue  # a section's own name ("This section may be cited as")
        if "formerly classified" in said:
            continue  # a section once known by a name
        whole = re.search(
            r"provided(?: that)?:? (?:“(?:That )?)?(?:[Tt]his|such) (?:Act|act|chapter)\b"
            r"|popularly known",
            said,
        )
        rank = (0 if "title" not in found.group("units") else 1) if whole else 2
        part = re.search(r"title ([IVXL]+)\b", found.group("units") or "")
        this_title = re.search(r"provided(?: that)?:? (?:“(?:That )?)?[Tt]his title\b", said)
        scope = part.group(1) if part is not None and this_title is not None else None
        cited = _CITED_AS.search(said)
        if cited is None:
            continue
        for name in _QUOTED.finditer(cited.group("names")):
            text = re.sub("[\u00ad\u200b]", "", name.group("name")).strip()
            if text.lower().startswith("the "):
                text = text[4:]
            if _nameable(text):
                yield act_key(found), text, rank, scope


def _nameable(name: str) -> bool:
    """A name the finder can read before a section: it ends in "Act", "Code", a year
    after "Act of", or an acronym."""
    words = name.split()
    last = words[-1]
    if len(words) < 2 and not re.fullmatch(r"[A-Z][A-Z0-9&.'’-]*[A-Z]\.?", last):
        return False  # "Act"
    if not (name[0].isupper() or name[0].isdigit() or name[0] in "'’"):
        return False  # "this Act"
    return (
        last in ("Act", "Code")
        or bool(re.search(r"\bAct(?: of|,) \d{4}$", name))
        or bool(re.fullmatch(r"[A-Z][A-Z0-9&.'’-]*[A-Z]\.?", last))
    )


def curated(path: Path) -> dict[str, dict[str, str]]:
    """The curated rows by act key: id, short, name, names ("|" between), example."""
    with path.open(encoding="utf-8", newline="") as rows:
        lines = (line for line in rows if not line.startswith("#"))
        return {row["act"]: row for row in csv.DictReader(lines, delimiter="\t")}


def build(
    structure: Iterable[dict[str, object]], extra: dict[str, dict[str, str]]
) -> dict[str, object]:
    """The table document (see the module docstring)."""
    meta, acts = collect(structure)
    # A curated "key/tVIII" is title VIII of the act, named on its own (the Fair Housing
    # Act, title VIII of the Civil Rights Act of 1968): the act's sections in that title.
    for key in sorted(extra):
        part = re.fullmatch(r"(.+)/t([IVXL]+)", key)
        if part is not None and part.group(1) in acts:
            whole = acts[part.group(1)]
            titled = Act(key)
            for own, codes in whole.sections.items():
                if whole.titles.get(own) == part.group(2):
                    titled.sections[own] = codes
            acts[key] = titled
    missing = sorted(set(extra) - {k for k, a in acts.items() if a.sections})
    if missing:
        raise ValueError(f"curated acts without classified sections: {missing}")
    entries: dict[str, dict[str, object]] = {}
    # "Pub. L. 85-536, § 2[3]": the act that § 2 of Pub. L. 85-536 enacted; the law's names
    # are its names only if the law enacted no other act so
    children = Counter(
        inner.group(1)
        for key, act in acts.items()
        if act.sections and (inner := re.fullmatch(r"(.+)/s[^/]+", key)) is not None
    )
    for key in sorted(acts):
        act = acts[key]
        if not act.sections:
            continue
        ranked = act.names
        # A name given to "Pub. L. 85-536" is that of the act its section 2 enacted.
        inner = re.fullmatch(r"(.+)/s[^/]+", key)
        parent = inner.group(1) if inner is not None else None
        if not ranked and parent is not None and parent in acts and children[parent] == 1:
            ranked = acts[parent].names
        names = [name for _, name in sorted(ranked, key=lambda rn: rn[0])]
        row = extra.get(key, {})
        scopes = dict(act.scopes)
        more = []
        for written in (n for n in row.get("names", "").split("|") if n):
            name, _, scope = written.partition("@")  # "Fair Housing Act@VIII": title VIII's
            more.append(name)
            if scope:
                scopes[name] = scope
        dropped = {n[1:] for n in more if n.startswith("-")}
        names = [n for n in dict.fromkeys([*more, *names]) if n[:1] != "-" and n not in dropped]
        sections = {s: next(iter(c)) for s, c in act.sections.items() if len(c) == 1}
        if not names or (len(sections) < MIN_SECTIONS and not row):
            continue
        titles = Counter(code.split("/")[0] for code in sections.values())
        title = min(titles, key=lambda t: (-titles[t], t))
        entry: dict[str, object] = {
            "id": row.get("id") or key.replace("/", "-"),
            "name": row.get("name") or names[0],
            "short": row.get("short") or names[0],
            "names": names,
            "title": title,
            "sections": {
                s: code.split("/")[1] if code.split("/")[0] == title else code
                for s, code in sorted(sections.items(), key=lambda kv: _order(kv[0]))
            },
        }
        titles = {
            name: sorted((s for s in sections if act.titles.get(s) == scopes[name]), key=_order)
            for name in names
            if name in scopes
        }
        if titles:
            # a name of one title reads only that title's sections
            entry["title_names"] = {n: t for n, t in titles.items() if t}
        if row.get("example"):
            entry["example"] = row["example"]
        entries[key] = entry
    # A name given to several acts goes to a curated one, else to the one with the most
    # sections (then the earliest key); the others lose it, and the choice is recorded.
    owners: dict[str, list[str]] = defaultdict(list)
    for key, entry in entries.items():
        for name in entry["names"]:  # type: ignore[attr-defined]
            owners[name.lower()].append(key)
    ambiguous: dict[str, dict[str, object]] = {}
    for name, keys in sorted(owners.items()):
        if len(keys) < 2:
            continue
        chosen = min(
            keys,
            key=lambda k: (k not in extra, -len(entries[k]["sections"]), k),  # type: ignore[arg-type]
        )
        why = "curated" if chosen in extra else "most classified sections"
        ambiguous[name] = {"chosen": chosen, "others": sorted(set(keys) - {chosen}), "why": why}
        for key in keys:
            if key != chosen:
                entry = entries[key]
                entry["names"] = [n for n in entry["names"] if n.lower() != name]  # type: ignore[attr-defined]
                if key not in extra and entry["names"]:
                    entry["name"] = entry["short"] = entry["names"][0]  # type: ignore[index]
    table = {key: entry for key, entry in entries.items() if entry["names"]}
    shorts = Counter(str(entry["short"]) for entry in table.values())
    twice = sorted(short for short, count in shorts.items() if count > 1)
    if twice:
        raise ValueError(f"short names of two acts: {twice}")
    unreadable = sorted(
        str(name)
        for entry in table.values()
        for name in entry["names"]
        if not _nameable(name)  # type: ignore[attr-defined]
    )
    if unreadable:
        raise ValueError(f"names that end in no Act, Code, year or acronym: {unreadable}")
    return {
        "format": FORMAT,
        "description": (
            "Named acts whose sections the U.S. Code classifies one by one: act section -> "
            "Code section (in the act's main title, or 'title/section'), and the act's names."
        ),
        "source": {
            **meta,
            "derived_from": "first element of each live section's source credit; Short Title notes",
            "built_by": "scripts/build_acts_table.py",
        },
        "acts": table,
        "ambiguous_names": ambiguous,
    }


def _full_name(names: list[str]) -> str:
    return max((n for n in names if " " in n), key=len, default=names[0])


def _order(section: str) -> tuple[int, str]:
    digits = len(section) - len(section.lstrip("0123456789"))
    return (int(section[:digits]) if digits else 0, section[digits:])


def main() -> int:
    structure = Path(sys.argv[1]) if len(sys.argv) > 1 else STRUCTURE
    output = Path(sys.argv[2]) if len(sys.argv) > 2 else OUTPUT
    if not structure.is_file():
        print(f"no structure file at {structure}", file=sys.stderr)
        return 2
    document = build(records(structure), curated(CURATED))
    data = json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    with output.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write(data.encode("utf-8"))
    acts = document["acts"]
    assert isinstance(acts, dict)
    count = sum(len(a["sections"]) for a in acts.values())
    print(f"{len(acts)} acts, {count} sections -> {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
