"""What the law contains: the shipped indexes of the U.S. Code and of title 8 of the CFR.

The U.S. Code index lists every section designation of titles 1–54 with its
heading and status (active, repealed, omitted, transferred, renumbered,
reserved, vacant, not_in_current), including the *range records* under which
the Code publishes many dead sections at once ("§§ 1 to 18. Repealed or
Omitted"). It ships as package data (``data/uscode.tsv.gz``) and is read on
first use only; :func:`uscode_index` returns the shared instance.

The file format is a gzipped UTF-8 text file: the first line is a JSON object
(the release point, title names, sources), then one tab-separated record per
line::

    title  designation  status[,status2]  heading  group  dup  pins  amended

``designation`` is a section number ("1373", "2000e-2") or a range
("1 to 18"); ``group`` lists designations published under one heading
("31, 32"); ``dup`` is 2, 3... for the later sections that reuse a designation
in one title; ``pins`` is every subdivision of a live section as a compact tree
(:func:`encode_pins`: ``a(1-4,5(A,B)),b,c``), ``.`` for a section without
subdivisions, empty where the index does not know them; ``amended`` the last
date in a live section's source credit (``20171222``). After the records come
the *moves* (how many: ``moves`` in the first line), one a line::

    old-title  old-designation  new-title  new-designation  date  how

a section renumbered or reclassified, with the date its old designation was
left (ISO, or empty when the data does not say) and ``renumbered`` (from the
source credits and the Code's records) or ``formerly`` (a "formerly
classified to" note). ``restated`` in the first line dates the titles that were
enacted as positive law with new section numbers.

The CFR index (``data/cfr.tsv.gz``) has the same layout with
``title  part  section  status  heading`` records and covers title 8 only.
"""

from __future__ import annotations

import gzip
import io
import itertools
import json
import re
import threading
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from citelink.grammar import roman_value

USCODE_FORMAT = "citelink-uscode/2"
CFR_FORMAT = "citelink-cfr/1"
USCODE_DATA = "uscode.tsv.gz"
CFR_DATA = "cfr.tsv.gz"

#: The statuses of the index, in the words the Code uses for them.
STATUSES = (
    "active",
    "repealed",
    "omitted",
    "transferred",
    "renumbered",
    "reserved",
    "vacant",
    "not_in_current",
)

_RANGE = " to "


class IndexFileError(Exception):
    """A data file that is not an index citelink can read."""


def order_key(designation: str) -> tuple[tuple[int, int, str], ...]:
    """The position of a section designation in Code order.

    "8" < "8a" < "8z" < "8aa" < "9" and "1320a" < "1320a-7" < "1320a-7b" <
    "1320b": numbers compare as numbers, letter suffixes by length and then
    alphabetically (the Code runs from "z" to "aa"), and each hyphenated part
    after the first. Case is ignored ("5318A" sorts as "5318a").
    """
    if designation.isdigit():  # the common case
        return ((int(designation), 0, ""),)
    key = []
    for part in designation.split("-"):
        letters = part.lstrip("0123456789")
        digits = part[: len(part) - len(letters)]
        if letters and not (letters.isascii() and letters.isalpha()):
            # Not a designation the Code uses: sorts after everything, so it matches nothing.
            return ((1 << 62, 0, designation.lower()),)
        key.append((int(digits) if digits else -1, len(letters), letters.lower()))
    return tuple(key)


class Record(NamedTuple):
    """One line of the U.S. Code index."""

    title: str
    #: The designation as published: "1373", "2000e-2", or a range "1 to 18".
    section: str
    status: str
    #: The second word of a combined status ("Repealed or Omitted"), or "".
    status2: str
    #: The heading; for a dead section the Code's status note ("Repealed. Pub. L. ...").
    heading: str
    #: The designations published under one heading ("31, 32"), or "".
    group: str = ""
    #: 2, 3... for the later sections that share one designation in a title.
    dup: int = 1
    #: The section's subdivisions (:func:`encode_pins`); "." none; "" not known.
    pins: str = ""
    #: When a live section was last amended, as its source credit says ("20171222"), or "".
    amended: str = ""

    @property
    def last_amended(self) -> date | None:
        """When a live section was last amended, where its source credit says."""
        if len(self.amended) != 8 or not self.amended.isdigit():
            return None
        try:
            return date(int(self.amended[:4]), int(self.amended[4:6]), int(self.amended[6:]))
        except ValueError:
            return None

    @property
    def active(self) -> bool:
        return self.status == "active"

    @property
    def ended(self) -> date | None:
        """When a dead section left the Code, where its status note dates it."""
        if self.active:
            return None
        found = list(_DATE.finditer(self.heading))
        return parse_date(found[-1].group()) if found else None

    @property
    def is_range(self) -> bool:
        return _RANGE in self.section

    @property
    def status_line(self) -> str:
        """The Code's own line for the record: "§§ 1 to 18 — Repealed or Omitted"."""
        several = self.is_range or bool(self.group)
        where = f"§§ {self.group or self.section}" if several else f"§ {self.section}"
        return f"{where} — {self.heading}"

    @property
    def status_words(self) -> str:
        """The status in words: "repealed", "repealed or omitted", "not in the current Code"."""
        if self.status == "not_in_current":
            return "not in the current Code"
        if not self.status2:
            return self.status
        joined = re.match(rf"(?i){self.status} (and|or) {self.status2}\b", self.heading)
        joint = joined.group(1).lower() if joined else "or"
        return f"{self.status} {joint} {self.status2}"

    @property
    def renumbered_to(self) -> str | None:
        """The new designation of a renumbered section ("4705"), when the heading names one."""
        if self.status != "renumbered":
            return None
        found = re.match(r"Renumbered\s+§§?\s*([\w-]+(?:(?:,| and| to)\s*[\w-]+)*)", self.heading)
        return found.group(1) if found else None


class Move(NamedTuple):
    """Where a section went: renumbered within its title, or reclassified to another."""

    title: str
    section: str
    #: When the old designation was left, where the data says.
    date: date | None
    #: "renumbered" (source credits, the Code's records) or "formerly" (a classification note).
    how: str

    @property
    def where(self) -> str:
        return f"{self.title} U.S.C. § {self.section}"


_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        (
            "Jan January",
            "Feb February",
            "Mar March",
            "Apr April",
            "May",
            "June Jun",
            "July Jul",
            "Aug August",
            "Sept Sep September",
            "Oct October",
            "Nov November",
            "Dec December",
        )
    )
    for m in names.split()
}
#: "Aug. 13, 2018", "August 13, 2018".
_DATE = re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),\s+(\d{4})\b")


def parse_date(text: str) -> date | None:
    """A date written as the Code writes it ("Aug. 13, 2018"), or ISO ("2018-08-13")."""
    found = _DATE.fullmatch(text.strip())
    try:
        if found is not None:
            month = _MONTHS.get(found.group(1))
            if month is None:
                return None
            return date(int(found.group(3)), month, int(found.group(2)))
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


class CfrRecord(NamedTuple):
    """One line of the CFR index: a section, or a range of reserved sections."""

    title: str
    part: str
    #: "214.2", or a range "103.20-103.36".
    section: str
    status: str
    heading: str

    @property
    def active(self) -> bool:
        return self.status == "active"


@dataclass
class _Table:
    """Records of one title: exact designations by lower-cased key, ranges by Code order.

    An exact entry may still be the index file's line(s) for it (several lines
    joined by a newline when a designation is used twice): ``parse`` turns them
    into records on first look-up, so that reading a title costs one split per line.
    """

    key: Callable[[str], tuple[Any, ...]]
    parse: Callable[[str], Any] | None = None
    exact: dict[str, Any] = field(default_factory=dict)
    range_starts: list[tuple[Any, ...]] = field(default_factory=list)
    ranges: list[tuple[tuple[Any, ...], Any]] = field(default_factory=list)

    def add_exact(self, designation: str, record: Any) -> None:
        key = designation.lower()
        found = self.exact.get(key)
        self.exact[key] = (record,) if found is None else (*found, record)

    def add_range(self, lo: str, hi: str, record: Any) -> None:
        self.range_starts.append(self.key(lo))
        self.ranges.append((self.key(hi), record))

    def sort(self) -> None:
        order = sorted(range(len(self.ranges)), key=self.range_starts.__getitem__)
        self.range_starts = [self.range_starts[i] for i in order]
        self.ranges = [self.ranges[i] for i in order]

    def entries(self) -> Iterator[tuple[Any, ...]]:
        """Every exact entry as records."""
        for key in list(self.exact):
            yield self._exact(key)

    def _exact(self, key: str) -> tuple[Any, ...]:
        found = self.exact[key]
        if isinstance(found, str):
            assert self.parse is not None
            found = self.exact[key] = tuple(self.parse(line) for line in found.split("\n"))
        return found  # type: ignore[no-any-return]

    def find(self, designation: str) -> tuple[Any, ...]:
        key = designation.lower()
        if key in self.exact:
            return self._exact(key)
        if not self.ranges:
            return ()
        order = self.key(designation)
        at = bisect_right(self.range_starts, order) - 1
        if at >= 0:
            hi, record = self.ranges[at]
            if order <= hi:
                return (record,)
        return ()


class UsCodeIndex:
    """The sections of the U.S. Code, titles 1–54, with their headings and statuses.

    Made from records, or read from a file with :meth:`load`; a loaded index
    turns a title's lines into records the first time that title is looked up.
    """

    def __init__(
        self,
        meta: Mapping[str, Any],
        records: Iterable[Record] = (),
        moves: Iterable[tuple[str, str, Move]] = (),
    ) -> None:
        self.meta = {k: v for k, v in meta.items() if k not in ("format", "lines", "moves")}
        #: The Law Revision Counsel release point the index reflects ("119-100").
        self.release_point: str = str(meta.get("release_point") or "unknown")
        #: Title numbers and names ("8": "ALIENS AND NATIONALITY").
        self.titles: dict[str, str] = dict(meta.get("titles", {}))
        self._tables: dict[str, _Table] = {}
        #: Lines of a loaded file not yet made into records, by title.
        self._unread: dict[str, list[str]] = {}
        #: When each title enacted as positive law with new section numbers was enacted.
        self.restated: dict[str, date] = {
            t: d for t, d in ((t, parse_date(v)) for t, v in meta.get("restated", {}).items()) if d
        }
        #: The highest public law number of each Congress the Code's source credits cite.
        self.public_laws: dict[str, int] = {
            str(k): int(v) for k, v in meta.get("public_laws", {}).items()
        }
        self._lock = threading.Lock()
        for record in records:
            self._add(record)
        for table in self._tables.values():
            table.sort()
        #: Moves by (old title, lower-cased old designation); lines until first used.
        self._moves: dict[tuple[str, str], tuple[Move, ...]] | None = None
        self._move_lines: list[str] = []
        self._given_moves = list(moves)
        #: Parsed subdivisions by a record's pins string.
        self._pins: dict[str, frozenset[str]] = {}

    def __reduce_ex__(self, protocol: Any) -> Any:
        """The shipped index pickles as a reference: another process reads its own."""
        if _SHIPPED.get(USCODE_DATA) is self:
            return uscode_index, ()
        return super().__reduce_ex__(protocol)

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        del state["_lock"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    def _add(self, record: Record) -> None:
        table = self._tables.get(record.title)
        if table is None:
            table = self._tables[record.title] = _Table(order_key, _parse)
        if _RANGE in record.section:
            lo, hi = record.section.split(_RANGE)
            table.add_range(lo, hi, record)
        else:
            table.add_exact(record.section, record)

    def _table(self, title: str) -> _Table | None:
        table = self._tables.get(title)
        if table is None and title in self._unread:
            with self._lock:
                lines = self._unread.pop(title, None)
                if lines is not None:
                    self._tables[title] = _read_title(lines)
            table = self._tables.get(title)
        return table

    @property
    def count(self) -> int:
        """How many records the index holds."""
        return sum(1 for _ in self.records())

    def has_title(self, title: str) -> bool:
        """Whether the Code has a title with this number (title 53 is reserved: it has not)."""
        return title in self.titles or title in self._tables or title in self._unread

    def lookup(self, title: str, section: str) -> tuple[Record, ...]:
        """The records for ``section`` of ``title``: its own (two if the designation is
        used twice), else the range record that covers it, else ``()``.

        ``section`` uses ASCII hyphens ("2000e-2"); case does not matter.
        """
        table = self._tables.get(title) or self._table(title)
        if table is None:
            return ()
        return table.find(section)

    def moved(self, title: str, section: str) -> tuple[Move, ...]:
        """Where ``section`` of ``title`` went, if it was renumbered or reclassified."""
        moves = self._moves
        if moves is None:
            moves = self._read_moves()
        return moves.get((title, section.lower()), ())

    def moves(self) -> Iterator[tuple[str, str, Move]]:
        """Every move: (old title, old designation, move)."""
        moves = self._moves if self._moves is not None else self._read_moves()
        for (title, _), found in moves.items():
            for move in found:
                yield title, self._move_names[title, _], move

    def _read_moves(self) -> dict[tuple[str, str], tuple[Move, ...]]:
        with self._lock:
            if self._moves is not None:
                return self._moves
            given = list(self._given_moves)
            for line in self._move_lines:
                cells = line.split("\t")
                if len(cells) < 6:
                    raise IndexFileError(f"a move record needs 6 fields: {line!r}")
                old_title, old, title, section, when, how = cells[:6]
                given.append((old_title, old, Move(title, section, parse_date(when), how)))
            moves: dict[tuple[str, str], tuple[Move, ...]] = {}
            self._move_names: dict[tuple[str, str], str] = {}
            for old_title, old, move in given:
                key = (old_title, old.lower())
                found = moves.get(key, ())
                same = [m for m in found if m[:2] == move[:2] and m.how == move.how]
                if not same:
                    moves[key] = (*found, move)
                elif same[0].date is None and move.date is not None:  # the dated one is kept
                    moves[key] = tuple(move if m is same[0] else m for m in found)
                self._move_names[key] = old
            self._moves = moves
            return moves

    def subdivisions(self, record: Record) -> frozenset[str] | None:
        """Every subdivision path of a live section ("a", "a/1", "g/10/A"), or ``None``
        when the index does not know them (an index built without the structure data)."""
        if not record.pins:
            return None
        found = self._pins.get(record.pins)
        if found is None:
            found = self._pins[record.pins] = decode_pins(record.pins)
        return found

    def records(self) -> Iterator[Record]:
        """Every record, title by title."""
        for title in list(self._unread):
            self._table(title)
        for table in self._tables.values():
            for group in table.entries():
                yield from group
            for _, record in table.ranges:
                yield record

    @classmethod
    def load(cls, path: str | Path | None = None) -> UsCodeIndex:
        """Read an index file (default: the one shipped with citelink)."""
        meta, lines = _read(path, USCODE_DATA, USCODE_FORMAT)
        index = cls(meta)
        counts = meta.get("lines")
        moves = meta.get("moves", 0)
        if not isinstance(counts, list) or sum(n for _, n in counts) + moves != len(lines):
            raise IndexFileError(f"{path or USCODE_DATA}: the line counts do not match")
        at = 0
        for title, count in counts:
            index._unread[title] = lines[at : at + count]
            at += count
        index._move_lines = lines[at:]
        return index

    def encoded(self) -> bytes:
        """The index in the shipped format (records in Code order within a title), gzipped:
        the same records always give the same bytes (write it with
        :func:`citelink.documents.writing.write_file`)."""
        records = sorted(self.records(), key=_code_order)
        counts: dict[str, int] = {}
        for r in records:
            counts[r.title] = counts.get(r.title, 0) + 1
        # How many lines each title has, in file order: a title's lines are read on first use.
        lines = list(counts.items())
        rows = (
            (
                r.title,
                r.section,
                f"{r.status},{r.status2}" if r.status2 else r.status,
                r.heading,
                r.group,
                str(r.dup) if r.dup > 1 else "",
                r.pins,
                r.amended,
            )
            for r in records
        )
        moves = sorted(
            self.moves(),
            key=lambda m: (order_key(m[0]), order_key(m[1]), m[2].title, m[2].section, m[2].how),
        )
        move_rows = (
            (old_title, old, m.title, m.section, m.date.isoformat() if m.date else "", m.how)
            for old_title, old, m in moves
        )
        meta = {"format": USCODE_FORMAT, **self.meta, "lines": lines, "moves": len(moves)}
        return _encoded(meta, itertools.chain(rows, move_rows))


class CfrIndex:
    """Parts and sections of the Code of Federal Regulations (the titles in ``covered``)."""

    def __init__(self, meta: Mapping[str, Any], records: Iterable[CfrRecord]) -> None:
        self.meta = {k: v for k, v in meta.items() if k != "format"}
        #: Part names by title and part ("8": {"214": "NONIMMIGRANT CLASSES"}); a key
        #: may be a range of reserved parts ("242-243").
        self.parts: dict[str, dict[str, str]] = {
            t: dict(p) for t, p in meta.get("parts", {}).items()
        }
        self.covered = frozenset(self.parts)
        self.records = tuple(records)
        #: The parts whose sections the index lists, by title.
        self._listed = {(r.title, r.part) for r in self.records}
        self._tables: dict[str, _Table] = {}
        self._part_tables: dict[str, _Table] = {}
        for title, parts in self.parts.items():
            table = self._part_tables[title] = _Table(order_key)
            for part, name in parts.items():
                if "-" in part:
                    lo, hi = part.split("-", 1)
                    table.add_range(lo, hi, (part, name))
                else:
                    table.add_exact(part, (part, name))
            table.sort()
        for record in self.records:
            sections = self._tables.get(record.title)
            if sections is None:
                sections = self._tables[record.title] = _Table(_cfr_key)
            if "-" in record.section:
                lo, hi = record.section.split("-", 1)
                sections.add_range(lo, hi, record)
            else:
                sections.add_exact(record.section, record)
        for table in self._tables.values():
            table.sort()

    def __reduce_ex__(self, protocol: Any) -> Any:
        """The shipped index pickles as a reference: another process reads its own."""
        if _SHIPPED.get(CFR_DATA) is self:
            return cfr_index, ()
        return super().__reduce_ex__(protocol)

    def part(self, title: str, part: str) -> tuple[str, str] | None:
        """``(part designation, name)`` of a part of a covered title, or ``None``."""
        table = self._part_tables.get(title)
        found = table.find(part) if table is not None else ()
        return found[0] if found else None

    def lists_sections(self, title: str, part: str) -> bool:
        """Whether the index lists the sections of ``part`` (of a few, only the name)."""
        return (title, part) in self._listed

    def section(self, title: str, section: str) -> CfrRecord | None:
        """The record of a section ("214.2") of a covered title, or ``None``."""
        table = self._tables.get(title)
        found = table.find(section) if table is not None else ()
        return found[0] if found else None

    @classmethod
    def load(cls, path: str | Path | None = None) -> CfrIndex:
        """Read a CFR index file (default: the one shipped with citelink)."""
        meta, lines = _read(path, CFR_DATA, CFR_FORMAT)
        records = []
        for line in lines:
            row = line.split("\t")
            if len(row) < 5:
                raise IndexFileError(f"a CFR index record needs 5 fields: {row!r}")
            records.append(CfrRecord(*row[:5]))
        return cls(meta, records)

    def encoded(self) -> bytes:
        """The index in the shipped format, gzipped."""
        return _encoded({"format": CFR_FORMAT, **self.meta}, (tuple(r) for r in self.records))


# --- subdivisions --------------------------------------------------------------------------

#: No subdivisions (a live section of one paragraph).
NO_PINS = "."


def encode_pins(paths: Iterable[str]) -> str:
    """A section's subdivision paths ("a", "a/1", "a/2", "b") as one compact tree.

    Children are in Code order; a run of leaves that count up ("1", "2", "3"; "a" to
    "e"; "aa" to "dd") is written as its ends: ``a(1-3),b``. An empty list is ``.``.
    """
    root: dict[str, Any] = {}
    for path in paths:
        node = root
        for label in path.split("/"):
            node = node.setdefault(label, {})
    return _encode(root) or NO_PINS


def _encode(node: dict[str, Any]) -> str:
    labels = sorted_labels(node)
    out: list[str] = []
    at = 0
    while at < len(labels):
        label = labels[at]
        if node[label]:
            out.append(f"{label}({_encode(node[label])})")
            at += 1
            continue
        last = at
        while (
            last + 1 < len(labels)
            and not node[labels[last + 1]]
            and next_label(labels[last]) == labels[last + 1]
        ):
            last += 1
        if last > at + 1:
            out.append(f"{label}-{labels[last]}")
        else:
            out += labels[at : last + 1]
        at = last + 1
    return ",".join(out)


def decode_pins(encoded: str) -> frozenset[str]:
    """Every subdivision path of an :func:`encode_pins` tree."""
    paths: set[str] = set()
    stack: list[str] = []  # the path to the node whose children are being read
    paths_last = ""
    for token in re.finditer(r"[^,()]+|[,()]", encoded):
        part = token.group()
        if part == "(":
            stack.append(paths_last)
        elif part == ")":
            stack.pop()
        elif part != "," and part != NO_PINS:
            prefix = f"{stack[-1]}/" if stack else ""
            for label in _expand(part):
                paths_last = prefix + label
                paths.add(paths_last)
    return frozenset(paths)


def _expand(part: str) -> list[str]:
    """The labels of "1-4" (a run), or the one label of a part."""
    lo, dash, hi = part.partition("-")
    if not dash:
        return [part]
    labels = [lo]
    while labels[-1] != hi and len(labels) <= 1000:
        following = next_label(labels[-1])
        if following is None:
            raise IndexFileError(f"not a run of subdivisions: {part!r}")
        labels.append(following)
    if labels[-1] != hi:
        raise IndexFileError(f"not a run of subdivisions: {part!r}")
    return labels


def next_label(label: str) -> str | None:
    """The label that follows ``label`` in a run: "9" → "10", "e" → "f", "cc" → "dd"."""
    if label.isdigit():
        return str(int(label) + 1)
    if label.isascii() and label.isalpha() and len(set(label)) == 1 and len(label) <= 2:
        letter = label[0]
        if letter in "zZ":
            return None
        return chr(ord(letter) + 1) * len(label)
    return None


_ROMAN = re.compile(r"(?i)(?=[ivxlc])c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})")


def sorted_labels(labels: Iterable[str]) -> list[str]:
    """Sibling subdivision labels in Code order: numbers as numbers, letters by length and
    then alphabetically, and roman numerals ("i", "ii", "iv") as numbers where they are."""
    labels = list(labels)
    roman = any(len(label) > 1 and _ROMAN.fullmatch(label) for label in labels) and any(
        label in ("i", "I") for label in labels
    )

    def order(label: str) -> tuple[int, int, int, str]:
        if label.isdigit():
            return (0, int(label), 0, "")
        if roman and _ROMAN.fullmatch(label):
            return (1, roman_value(label) or 0, 0, label)
        return (2, 0, len(label), label)

    return sorted(labels, key=order)


def _cfr_key(section: str) -> tuple[Any, ...]:
    part, _, number = section.partition(".")
    return (order_key(part), order_key(number))


def _code_order(record: Record) -> tuple[Any, ...]:
    title_key = order_key(record.title)
    return (title_key, order_key(record.section.split(_RANGE)[0]), record.dup)


def _read_title(lines: list[str]) -> _Table:
    """A title's table from its lines in an index file; exact entries stay lines until used."""
    table = _Table(order_key, _parse)
    exact = table.exact
    for line in lines:
        cells = line.split("\t", 2)
        if len(cells) < 3:
            raise IndexFileError(f"an index record needs at least 4 fields: {line!r}")
        section = cells[1]
        if _RANGE in section:
            lo, hi = section.split(_RANGE)
            table.add_range(lo, hi, _parse(line))
        else:
            key = section.lower()
            found = exact.get(key)
            exact[key] = line if found is None else f"{found}\n{line}"
    table.sort()
    return table


def _parse(line: str) -> Record:
    return _record(line.split("\t"))


def _record(row: list[str]) -> Record:
    if len(row) < 4:
        raise IndexFileError(f"an index record needs at least 4 fields: {row!r}")
    title, section, status, heading = row[:4]
    status, _, status2 = status.partition(",")
    group = row[4] if len(row) > 4 else ""
    dup = int(row[5]) if len(row) > 5 and row[5] else 1
    pins = row[6] if len(row) > 6 else ""
    amended = row[7] if len(row) > 7 else ""
    return Record(title, section, status, status2, heading, group, dup, pins, amended)


def _read(path: str | Path | None, default: str, form: str) -> tuple[dict[str, Any], list[str]]:
    """The meta object and the record lines of an index file."""
    try:
        if path is None:
            data = resources.files("citelink").joinpath("data").joinpath(default).read_bytes()
        else:
            data = Path(path).read_bytes()
        text = gzip.decompress(data).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as error:
        raise IndexFileError(f"cannot read index {path or default}: {error}") from None
    head, _, body = text.partition("\n")
    try:
        meta = json.loads(head)
    except json.JSONDecodeError:
        meta = None
    if not isinstance(meta, dict) or meta.get("format") != form:
        raise IndexFileError(f"{path or default} is not a {form} index")
    lines = body.split("\n")
    if lines and not lines[-1]:
        lines.pop()
    return meta, lines


def _encoded(meta: Mapping[str, Any], rows: Iterable[tuple[str, ...]]) -> bytes:
    out = io.StringIO()
    out.write(json.dumps(meta, ensure_ascii=False, sort_keys=True) + "\n")
    for row in rows:
        cells = [_clean(cell) for cell in row]
        while cells and not cells[-1]:
            cells.pop()
        out.write("\t".join(cells) + "\n")
    # mtime=0: the same records always give the same bytes.
    return gzip.compress(out.getvalue().encode("utf-8"), 9, mtime=0)


def _clean(cell: str) -> str:
    return " ".join(cell.split()) if ("\t" in cell or "\n" in cell) else cell


_LOCK = threading.Lock()
_SHIPPED: dict[str, Any] = {}


def uscode_index() -> UsCodeIndex:
    """The U.S. Code index shipped with citelink, read on first use."""
    index = _SHIPPED.get(USCODE_DATA)
    if index is None:
        with _LOCK:
            index = _SHIPPED.get(USCODE_DATA)
            if index is None:
                index = _SHIPPED[USCODE_DATA] = UsCodeIndex.load()
    return index


def cfr_index() -> CfrIndex:
    """The CFR index shipped with citelink (title 8), read on first use."""
    index = _SHIPPED.get(CFR_DATA)
    if index is None:
        with _LOCK:
            index = _SHIPPED.get(CFR_DATA)
            if index is None:
                index = _SHIPPED[CFR_DATA] = CfrIndex.load()
    return index


def release_point() -> str:
    """The release point of the shipped U.S. Code index, read from its first line only."""
    try:
        source = resources.files("citelink").joinpath("data").joinpath(USCODE_DATA)
        with source.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
            meta = json.loads(text.readline())
        return str(meta.get("release_point") or "unknown")
    except (OSError, EOFError, ValueError):
        return "unknown (no index)"
