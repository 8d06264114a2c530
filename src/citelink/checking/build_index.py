"""Build the shipped indexes: from official USLM XML, or from the project's JSON section lists.

The Office of the Law Revision Counsel publishes the U.S. Code as USLM XML
(one file per title, ``usc08.xml``, or a zip of them all). Each section is a
``<section identifier="/us/usc/t8/s1373">`` with a ``<num>``, a ``<heading>``
and, for a dead section, ``status="repealed"`` (or omitted, transferred...);
sections published together carry a range identifier
(``/us/usc/t27/s1...5``, "§§ 1 to 5") or several identifiers separated by
spaces ("§§ 43a, 43b"). The release point is in ``<docPublicationName>``
("Online@117-80"). lxml is imported here only.
"""

from __future__ import annotations

import gzip
import itertools
import json
import re
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any, NamedTuple

from citelink.grammar import hyphenate
from citelink.index import (
    CFR_DATA,
    STATUSES,
    USCODE_DATA,
    CfrIndex,
    CfrRecord,
    IndexFileError,
    Move,
    Record,
    UsCodeIndex,
    encode_pins,
    parse_date,
)

_USLM = "{http://xml.house.gov/schemas/uslm/1.0}"
_SECTION_ID = re.compile(r"/us/usc/t(\d+)(a?)/s(\S+)$")
_TITLE_ID = re.compile(r"/us/usc/t(\d+)$")
_PUBLICATION = re.compile(r"@(\d+-\d+\w*)")
_COMBINED = re.compile(r"(\w+) (?:or|and) (\w+)\b")
_STATUS_WORD = re.compile(r"(Repealed|Omitted|Transferred|Renumbered|Reserved|Vacant)\b")
#: USLM statuses that the index spells differently.
_STATUS_ALIASES = {"redesignated": "renumbered"}


def build(source: str | Path, *, release_point: str | None = None) -> UsCodeIndex | CfrIndex:
    """Read ``source`` and return the index it describes.

    ``source`` is a USLM title file (``usc08.xml``), a directory of USLM files,
    a zip of them (the OLRC's ``xml_uscAll@...zip``), or one of the project's
    JSON section lists (``uscode_sections.json.gz``, ``cfr08_sections.json.gz``).
    """
    path = Path(source)
    if not path.exists():
        raise IndexFileError(f"{path}: no such file or directory")
    if path.is_file() and path.name.endswith((".json", ".json.gz")):
        return from_json(path)
    return from_uslm(path, release_point=release_point)


def from_json(path: Path) -> UsCodeIndex | CfrIndex:
    """An index from a JSON section list (schema ``uscode-section-index/1`` or ``cfr-...``)."""
    try:
        raw = path.read_bytes()
        data = json.loads(gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw)
        schema = data["meta"]["schema"]
    except (OSError, EOFError, ValueError, KeyError, TypeError) as error:
        raise IndexFileError(f"{path}: not a section list ({error})") from None
    if schema == "uscode-section-index/1":
        structure = path.with_name(STRUCTURE)
        return _uscode_from_json(data, path.name, structure if structure.exists() else None)
    if schema == "cfr-section-index/1":
        return _cfr_from_json(data, path.name)
    raise IndexFileError(f"{path}: unknown schema {schema!r}")


def _uscode_from_json(data: dict[str, Any], name: str, structure: Path | None) -> UsCodeIndex:
    meta = data["meta"]
    live = _read_structure(structure) if structure is not None else {}
    records = [
        Record(
            r["t"],
            r["s"],
            r["st"],
            r.get("st2", ""),
            r["h"],
            r.get("grp", ""),
            int(r.get("dup", 1)),
            *_structure_of(live, r),
        )
        for r in data["sections"]
    ]
    moves = [*_renumbered_records(records), *_structure_moves(live.values())]
    moves = list(_plausible(moves, UsCodeIndex({}, records)))
    extra: dict[str, Any] = {}
    if structure is not None:
        extra["structure"] = f"{structure.name} ({live_source(structure)})"
        extra["restated"] = {t: d.isoformat() for t, d in _restated(live.values()).items()}
        extra["public_laws"] = _public_laws(live.values())
    return UsCodeIndex(
        {
            **extra,
            "release_point": meta.get("release_point", "unknown"),
            "release_point_note": meta.get("release_point_note", ""),
            "titles": {t: v["name"] for t, v in data["titles"].items()},
            "built_from": f"{name} (generated {meta.get('generated', '?')})",
            "sources": {
                k: f"{v.get('repository')}@{v.get('commit')}"
                for k, v in meta.get("sources", {}).items()
            },
        },
        records,
        moves,
    )


STRUCTURE = "uscode_structure.jsonl.gz"


class _Live(NamedTuple):
    """What the structure file says of one live section."""

    title: str
    section: str
    pins: str
    credit: str
    formerly: tuple[tuple[str, str], ...]
    #: The public laws the source credit cites: (congress, number).
    laws: tuple[tuple[int, int], ...] = ()


def _structure_of(
    live: dict[tuple[str, str, int], _Live], record: dict[str, Any]
) -> tuple[str, str]:
    """The encoded subdivisions of a live section (the n-th of a designation used n times)
    and when it was last amended (the latest date of its source credit, "20171222")."""
    found = live.get((record["t"], record["s"].lower(), int(record.get("dup", 1))))
    if found is None or record["st"] != "active":
        return "", ""
    dates = [parse_date(m.group()) for m in _CREDIT_DATE.finditer(found.credit)]
    last = max((d for d in dates if d is not None), default=None)
    return found.pins, f"{last:%Y%m%d}" if last is not None else ""


def live_source(path: Path) -> str:
    """The source line of a structure file's first line: repository@commit, release point."""
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        meta = json.loads(lines.readline()).get("meta", {})
    return f"{meta.get('source')}@{meta.get('commit')}, release point {meta.get('release_point')}"


def _read_structure(path: Path) -> dict[tuple[str, str, int], _Live]:
    """The live sections of ``uscode_structure.jsonl.gz`` by title, lower-cased designation
    and which of the sections of that designation it is (1, or 2 for a second)."""
    live: dict[tuple[str, str, int], _Live] = {}
    try:
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            next(lines)  # the meta line
            for line in lines:
                r = json.loads(line)
                section = hyphenate(r["s"])
                formerly = tuple((t, hyphenate(s)) for t, s in r.get("formerly") or ())
                pins = encode_pins(r.get("pins") or ())
                dup = 1
                while (r["t"], section.lower(), dup) in live:
                    dup += 1
                laws = tuple(
                    (int(m.group(1)), int(m.group(2)))
                    for m in map(_LAW_REF.match, r.get("credit_refs") or ())
                    if m
                )
                live[r["t"], section.lower(), dup] = _Live(
                    r["t"], section, pins, r.get("credit") or "", formerly, laws
                )
    except (OSError, EOFError, ValueError, KeyError, TypeError, StopIteration) as error:
        raise IndexFileError(f"{path}: not a structure file ({error})") from None
    return live


_LAW_REF = re.compile(r"/us/pl/(\d+)/(\d+)")
_DESIGNATION = r"(\d+[A-Za-z]*(?:[-–]\d+[A-Za-z]*)*)"
#: A positive-law title's credit starts with the enacting act and the section's first number:
#: "(Aug. 10, 1956, ch. 1041, 70A Stat. 460, § 7430".
_ORIGIN = re.compile(r"Stat\.\s+[\d–-]+(?:,\s*[\d–-]+)*,\s*§\s*" + _DESIGNATION + r"\s*$")
_RENUMBERED = re.compile(r"renumbered\s+§\s*" + _DESIGNATION)
_CREDIT_DATE = re.compile(r"\b[A-Z][a-z]{2,4}\.?\s+\d{1,2},\s+\d{4}\b")


def _credit_moves(live: _Live) -> Iterator[tuple[str, str, Move]]:
    """The designations a section of a positive-law title had before, from its source credit.

    "…, 70A Stat. 460, § 7430; …; renumbered § 8730, Pub. L. 115–232, …, Aug. 13, 2018, …"
    gives 10 U.S.C. § 7430 → § 8730, left on 2018-08-13. Only a chain that starts with the
    title's own number and ends at the section's designation is read (the credits of other
    titles number the sections of acts, not of the Code).
    """
    elements = live.credit.strip("()").split(";")
    origin = _ORIGIN.search(elements[0].rstrip(". "))
    if origin is None:
        return
    chain: list[tuple[str, date | None]] = [(hyphenate(origin.group(1)), None)]
    for element in elements:
        for found in _RENUMBERED.finditer(element):
            dated = _CREDIT_DATE.search(element, found.end())
            chain.append((hyphenate(found.group(1)), parse_date(dated.group()) if dated else None))
    if len(chain) < 2 or chain[-1][0].lower() != live.section.lower():
        return
    for (old, _), (_, left) in itertools.pairwise(chain):
        if old.lower() != live.section.lower():
            yield live.title, old, Move(live.title, live.section, left, "renumbered")


#: Titles the Law Revision Counsel made by editorial reclassification, and when: the
#: sections "formerly classified" elsewhere moved on that day (title 52 from 42 and 2, title
#: 34 from 42 and 18).
_RECLASSIFIED = {"52": date(2014, 9, 1), "34": date(2017, 9, 1)}
_ADDED = re.compile(r"\(Added\b[^;]*?(" + _CREDIT_DATE.pattern + ")")


def _structure_moves(live: Iterable[_Live]) -> Iterator[tuple[str, str, Move]]:
    for section in live:
        yield from _credit_moves(section)
        # When a reclassified section arrived: its title's reclassification, or the day a
        # positive-law title added it ("(Added Pub. L. 115–282, …, Dec. 4, 2018").
        added = _ADDED.match(section.credit)
        arrived = parse_date(added.group(1)) if added else None
        for title, old in section.formerly:
            when = arrived
            if title != section.title and section.title in _RECLASSIFIED:
                when = _RECLASSIFIED[section.title]
            yield title, old, Move(section.title, section.section, when, "formerly")


def _plausible(
    moves: Iterable[tuple[str, str, Move]], index: UsCodeIndex
) -> Iterator[tuple[str, str, Move]]:
    """The moves that the Code's own record of the old designation does not contradict.

    A "formerly classified to section 13 of Title 50" note may mean the former Appendix
    to Title 50 (which the structure file does not say): where the Code records the old
    designation as repealed, the note is about another section, and is left out.
    """
    for old_title, old, move in moves:
        records = index.lookup(old_title, old)
        if move.how == "formerly" and any(r.status == "repealed" for r in records):
            continue
        yield old_title, old, move


def _renumbered_records(records: Iterable[Record]) -> Iterator[tuple[str, str, Move]]:
    """The Code's own "Renumbered § 4705" records, to one new designation."""
    for record in records:
        new = record.renumbered_to
        if new is not None and re.fullmatch(r"[\w-]+", new) and not record.is_range:
            yield record.title, record.section, Move(record.title, new, None, "renumbered")


def _restated(live: Iterable[_Live]) -> dict[str, date]:
    """When most of each title was enacted at once (a positive-law restatement, or one act
    the title was made from): the date a quarter or more of its sections' credits start with.
    A section cited in a document older than that may have had another number."""
    dates: dict[str, Counter[date]] = {}
    counts: Counter[str] = Counter()
    for section in live:
        counts[section.title] += 1
        found = _CREDIT_DATE.search(section.credit.strip("()").split(";")[0])
        when = parse_date(found.group()) if found else None
        if when is not None:
            dates.setdefault(section.title, Counter())[when] += 1
    restated = {}
    for title, counter in dates.items():
        when, count = counter.most_common(1)[0]
        if count >= RESTATED_SHARE * counts[title]:
            restated[title] = when
    return restated


def _public_laws(live: Iterable[_Live]) -> dict[str, int]:
    """The highest public law number of each Congress the source credits cite."""
    highest: dict[str, int] = {}
    for section in live:
        for congress, number in section.laws:
            key = str(congress)
            highest[key] = max(highest.get(key, 0), number)
    return dict(sorted(highest.items(), key=lambda item: int(item[0])))


#: The share of a title's sections enacted on one day that makes the day its restatement.
RESTATED_SHARE = 0.22


def _cfr_from_json(data: dict[str, Any], name: str) -> CfrIndex:
    meta = data["meta"]
    source = meta.get("source", {})
    records = [CfrRecord(r["t"], r["p"], r["s"], r["st"], r["h"]) for r in data["sections"]]
    return CfrIndex(
        {
            "parts": {t: v["parts"] for t, v in data["titles"].items()},
            "built_from": f"{name} (generated {meta.get('generated', '?')})",
            "source": f"{source.get('repository')}@{source.get('commit')}",
            "upstream": source.get("upstream", ""),
        },
        records,
    )


def from_uslm(path: Path, *, release_point: str | None = None) -> UsCodeIndex:
    """An index of the sections in USLM XML: a file, a directory of files, or a zip."""
    reader = _UslmReader()
    for name, stream in _xml_files(path):
        try:
            reader.read(stream)
        except Exception as error:  # lxml's XMLSyntaxError and friends
            raise IndexFileError(f"{name}: not USLM XML ({error})") from None
        finally:
            stream.close()
    if not reader.records:
        raise IndexFileError(f"{path}: no U.S. Code sections found")
    found = release_point or reader.latest_release_point() or "unknown"
    meta = {
        "release_point": found,
        "titles": reader.titles,
        "built_from": f"USLM XML ({path.name})",
    }
    return UsCodeIndex(meta, reader.records)


def _xml_files(path: Path) -> Iterator[tuple[str, IO[bytes]]]:
    if path.is_dir():
        for file in sorted(path.rglob("*.xml")):
            yield str(file), file.open("rb")
    elif zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            for member in sorted(archive.namelist()):
                if member.endswith(".xml"):
                    yield f"{path}:{member}", archive.open(member)
    else:
        yield str(path), path.open("rb")


class _UslmReader:
    """Collects section records, title names and release points from USLM documents."""

    def __init__(self) -> None:
        self.records: list[Record] = []
        self.titles: dict[str, str] = {}
        self.release_points: set[str] = set()
        self._seen: dict[tuple[str, str], int] = {}

    def read(self, stream: IO[bytes]) -> None:
        from lxml import etree

        tags = (f"{_USLM}section", f"{_USLM}title", f"{_USLM}docPublicationName")
        for _, element in etree.iterparse(stream, events=("end",), tag=tags):
            tag = element.tag
            if tag == f"{_USLM}docPublicationName":
                found = _PUBLICATION.search(element.text or "")
                if found:
                    self.release_points.add(found.group(1))
            elif tag == f"{_USLM}title":
                self._title(element)
            elif self._section(element):
                # Free what has been read (the full Code is several hundred MB of XML); the
                # empty element stays, so a title's heading before it is still there at its end.
                element.clear(keep_tail=True)

    def _title(self, element: Any) -> None:
        found = _TITLE_ID.match(element.get("identifier") or "")
        heading = element.find(f"{_USLM}heading")
        if found and heading is not None:
            self.titles[found.group(1)] = _text(heading)

    def _section(self, element: Any) -> bool:
        """Record a section of the Code (not one quoted in a note); whether it was one."""
        ids = (element.get("identifier") or "").split()
        parsed = [_SECTION_ID.match(i) for i in ids]
        if not parsed or not all(parsed):
            return False
        title = parsed[0].group(1)  # type: ignore[union-attr]
        if parsed[0].group(2):  # type: ignore[union-attr]
            return True  # an appendix title ("t50a"): not in the index
        heading_element = element.find(f"{_USLM}heading")
        heading = _text(heading_element) if heading_element is not None else ""
        status = _status(element.get("status"), heading)
        combined = _COMBINED.match(heading)
        status2 = ""
        if combined and combined.group(1).lower() == status:
            second = combined.group(2).lower()
            status2 = second if second in STATUSES and second != status else ""
        designations = [hyphenate(m.group(3)).replace("...", " to ") for m in parsed if m]
        group = ", ".join(designations) if len(designations) > 1 else ""
        pins = _subdivisions(element, ids[0]) if status == "active" and not group else ""
        for designation in designations:
            key = (title, designation.lower())
            dup = self._seen[key] = self._seen.get(key, 0) + 1
            self.records.append(
                Record(title, designation, status, status2, heading, group, dup, pins)
            )
        return True

    def latest_release_point(self) -> str | None:
        if not self.release_points:
            return None
        return max(self.release_points, key=lambda rp: [int(p) for p in re.findall(r"\d+", rp)])


#: The levels of a section, as USLM names them.
_LEVELS = tuple(
    f"{_USLM}{name}"
    for name in (
        "subsection",
        "paragraph",
        "subparagraph",
        "clause",
        "subclause",
        "item",
        "subitem",
        "subsubitem",
        "level",
    )
)


def _subdivisions(section: Any, identifier: str) -> str:
    """The encoded subdivision paths of a section element (``/us/usc/t8/s1357/g/10`` is
    ``g/10``); subdivisions quoted in its notes have other identifiers and are left out."""
    prefix = identifier + "/"
    paths = []
    for level in section.iter(*_LEVELS):
        found = level.get("identifier") or ""
        if found.startswith(prefix):
            paths.append(found[len(prefix) :])  # labels keep the Code's en dash ("a–1")
    return encode_pins(paths)


def _status(attribute: str | None, heading: str) -> str:
    if attribute:
        status = attribute.strip().lower()
        return _STATUS_ALIASES.get(status, status)
    found = _STATUS_WORD.match(heading)
    return found.group(1).lower() if found else "active"


def _text(element: Any) -> str:
    """The text of an element with its spaces (no-break, narrow) made plain and collapsed."""
    return " ".join("".join(element.itertext()).split())


def default_output(index: UsCodeIndex | CfrIndex) -> Path:
    """Where the shipped copy of this kind of index lives in the installed package."""
    name = USCODE_DATA if isinstance(index, UsCodeIndex) else CFR_DATA
    return Path(__file__).resolve().parent.parent / "data" / name
