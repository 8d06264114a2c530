"""The title-8 USLM text and its labelled references, shared by the benchmarks.

The Law Revision Counsel marks every cross-reference in the official XML of
the U.S. Code: ``<ref href="/us/usc/t8/s1357/a">section 1357(a) of this
title</ref>``. :func:`title8_documents` flattens each section file to plain
text with lxml and keeps the span of every ``<ref>``, so a finder's output can
be scored against them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
USLM_DIR = SHARED / "data" / "uslm" / "usc08"
_NS = "{http://xml.house.gov/schemas/uslm/1.0}"
#: Elements after which a reader sees a line break.
_BLOCK_NAMES = (
    "num heading chapeau content continuation paragraph subsection subparagraph clause "
    "subclause item subitem section note notes p sourceCredit quotedContent toc"
)
_BLOCKS = {f"{_NS}{name}" for name in _BLOCK_NAMES.split(" ")}


@dataclass(frozen=True)
class Ref:
    """A labelled reference: its span in the flattened text and its target."""

    start: int
    end: int
    href: str
    text: str


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    refs: list[Ref]


def available() -> bool:
    return USLM_DIR.is_dir()


def flatten(path: Path) -> Document:
    """The text a reader sees in one USLM file, with the spans of its ``<ref>`` tags."""
    parts: list[str] = []
    refs: list[Ref] = []
    size = 0

    def add(piece: str | None) -> None:
        nonlocal size
        if piece:
            parts.append(piece)
            size += len(piece)

    def walk(element: etree._Element) -> None:
        start = size
        add(element.text)
        for child in element:
            if isinstance(child.tag, str):
                walk(child)
            add(child.tail)
        if element.tag == f"{_NS}ref" and element.get("href"):
            refs.append(Ref(start, size, element.get("href", ""), "".join(parts)[start:size]))
        if element.tag in _BLOCKS:
            add("\n")

    walk(etree.parse(str(path)).getroot())
    text = "".join(parts)
    refs = [Ref(r.start, r.end, r.href, text[r.start : r.end]) for r in refs]
    return Document(path.stem, text, refs)


def title8_documents() -> Iterator[Document]:
    """Every live section of title 8, flattened."""
    for path in sorted(USLM_DIR.glob("*.xml")):
        yield flatten(path)


def title8_text() -> str:
    """All of title 8 as one text (about 3.8 MB)."""
    return "\n".join(doc.text for doc in title8_documents())
