"""The XML reader: legal XML (USLM, GPO's Federal Register and bill XML, the Caselaw
Access Project's case XML) as the text a reader sees, mapped to the source.

A tokenizer pass in the manner of :mod:`citelink.markup.html` reports every tag
with its source span, so that spans stay exact (a tree from lxml keeps line
numbers, not offsets). The reader's text is element text, entities decoded,
with no markup; which elements are blocks (a block separator where they begin
and end, so no citation crosses them) is decided without a schema:

* an element is *inline* where its parent holds text of its own beside it (mixed
  content: ``<p>see <ref>section 1357</ref> of this title</p>``) and its name is
  not a known block or note;
* every other element is a block (``<section><num>§ 1373.</num><heading>...``).

Footnote marks (``<sup>``, ``<ref class="footnoteRef">``, GPO's ``<SU>``) are
their own blocks, so ``1373<sup>1</sup>`` is not section 13731. Metadata
(USLM's ``<meta>``, bill XML's ``<metadata>``) is not read. Text inside an
existing reference (``<ref>``, ``<external-xref>``) is read but never linked,
and :func:`xml_references` lists those references so that a record can show
the one a citation lies in.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from citelink.markup import CLOSE, NEUTRAL, OPEN, Layout, add_html_text
from citelink.markup.layout import BREAK, IN_LINK


def _names(names: str) -> frozenset[str]:
    return frozenset(names.lower().split())


#: Elements that are blocks even inside mixed content: paragraphs, levels,
#: headings and numbers, table cells, notes and footnotes (lower case, no prefix).
BLOCKS = _names(
    """p fp hd paragraph subparagraph clause subclause item subitem subsection section
    subchapter chapter subtitle part subpart division title level content chapeau continuation
    heading num enum header text quotedcontent quoted-block table tr td th row entry thead tbody
    li list ul ol note notes sourcecredit footnote footnotes fnote ftnt toc layout column
    block casebody opinion parties docketnumber court decisiondate author headnotes summary
    attorneys judges citation br sup sub su ftref amdpar sectno subject extract gpotable"""
)
#: Elements whose text no reader sees.
SKIPPED = _names("meta metadata dublincore")
#: Elements that are references already: their text is never linked.
REFERENCES = _names("ref external-xref internal-xref")

_TAG = re.compile(
    r"<(?P<close>/)?(?P<name>[A-Za-z_:][^\s/>]*)"
    r"(?P<attrs>(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"<]*\"|'[^'<]*'))*)\s*(?P<empty>/)?>"
)
_ATTRIBUTE = re.compile(r"([^\s=]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_DOCTYPE_END = re.compile(r"\]\s*>")
#: How deep the open-element stack is searched for an end tag's partner.
_MATCH_DEPTH = 64

_TEXT, _CDATA, _OPEN, _CLOSE, _EMPTY, _OTHER = range(6)


@dataclass(frozen=True)
class Reference:
    """An existing reference in the source: its element's span and what it points to."""

    start: int
    end: int
    #: The ``href`` (USLM), ``parsable-cite`` or ``legal-doc`` (bill XML) it carries.
    target: str


def read_xml(source: str) -> Layout:
    """The reader's text of an XML document, mapped to the source."""
    return _read(source)[0]


def xml_references(source: str) -> list[Reference]:
    """The references already marked in an XML document, in source order."""
    return _read(source)[1]


def reference_at(references: list[Reference], start: int, end: int) -> Reference | None:
    """The reference whose element holds source span ``[start, end)``, if any."""
    starts = [r.start for r in references]
    i = bisect_right(starts, start) - 1
    while i >= 0:
        reference = references[i]
        if reference.start <= start and end <= reference.end:
            return reference
        i -= 1
        if i >= 0 and references[i].end <= start:
            break
    return None


def _read(source: str) -> tuple[Layout, list[Reference]]:
    events, parents, names, has_text, attributes = _tokens(source)
    count = len(names)
    inline = [
        parents[e] >= 0 and has_text[parents[e]] and names[e] not in BLOCKS for e in range(count)
    ]
    for e in range(count):  # a footnote mark is a block wherever it is
        if "footnoteref" in attributes[e].lower():
            inline[e] = False
    skipped = [False] * count
    linked = [False] * count
    for e in range(count):  # parents come before their children
        parent = parents[e]
        skipped[e] = names[e] in SKIPPED or (parent >= 0 and skipped[parent])
        linked[e] = names[e] in REFERENCES or (parent >= 0 and linked[parent])
    layout = Layout(source, "xml")
    references: list[Reference] = []
    opened: dict[int, tuple[int, int]] = {}  # element -> (token, start) of an inline one
    reference_starts: dict[int, int] = {}
    flags = layout.flags
    for kind, start, end, element in events:
        if kind in (_TEXT, _CDATA):
            if element >= 0 and skipped[element]:
                continue
            text_flags = IN_LINK if element >= 0 and linked[element] else 0
            if kind == _CDATA:
                layout.add_text(start + 9, end - 3, text_flags)
            elif not (flags and flags[-1] & BREAK and source[start:end].isspace()):
                add_html_text(layout, start, end, text_flags)
            continue
        if kind == _OTHER:
            layout.add_token(start, end, NEUTRAL)
            continue
        name = names[element]
        if kind == _OPEN and name in REFERENCES:
            reference_starts[element] = start
        if kind == _CLOSE and element in reference_starts:
            target = _target(attributes[element])
            if target:
                references.append(Reference(reference_starts.pop(element), end, target))
        if skipped[element] or not inline[element]:
            layout.add_break(start)
            continue
        if kind == _EMPTY:
            layout.add_token(start, end, NEUTRAL, name)
        elif kind == _OPEN:
            opened[element] = (layout.add_token(start, end, OPEN, name), start)
        else:
            token = layout.add_token(start, end, CLOSE, name)
            if element in opened:
                layout.pair(opened.pop(element)[0], token)
    references.sort(key=lambda r: r.start)
    return layout.finish(), references


def _target(attributes: str) -> str:
    values = {m[1].lower(): m[2] or m[3] for m in _ATTRIBUTE.finditer(attributes)}
    return values.get("href") or values.get("parsable-cite") or values.get("legal-doc") or ""


def _tokens(
    source: str,
) -> tuple[list[tuple[int, int, int, int]], list[int], list[str], list[bool], list[str]]:
    """The source's events ``(kind, start, end, element)`` in order, and per element its
    parent, local name (lower case), whether it holds text of its own, and its attributes."""
    events: list[tuple[int, int, int, int]] = []
    parents: list[int] = []
    names: list[str] = []
    has_text: list[bool] = []
    attributes: list[str] = []
    stack: list[int] = []
    size = len(source)
    position = 0
    find = source.find
    while position < size:
        lt = find("<", position)
        if lt < 0:
            lt = size
        if position < lt:
            current = stack[-1] if stack else -1
            events.append((_TEXT, position, lt, current))
            if current >= 0 and not has_text[current] and not source[position:lt].isspace():
                has_text[current] = True
        if lt == size:
            break
        if source.startswith("<!--", lt):
            end = find("-->", lt + 4)
            position = end + 3 if end >= 0 else size
            events.append((_OTHER, lt, position, -1))
        elif source.startswith("<![CDATA[", lt):
            end = find("]]>", lt + 9)
            position = end + 3 if end >= 0 else size
            current = stack[-1] if stack else -1
            if end >= 0:
                events.append((_CDATA, lt, position, current))
                if current >= 0 and source[lt + 9 : end].strip():
                    has_text[current] = True
            else:
                events.append((_OTHER, lt, position, -1))
        elif source.startswith("<?", lt):
            end = find("?>", lt + 2)
            position = end + 2 if end >= 0 else size
            events.append((_OTHER, lt, position, -1))
        elif source.startswith("<!", lt):  # a doctype, with its internal subset if any
            close = find(">", lt + 2)
            bracket = find("[", lt + 2, close if close >= 0 else size)
            if bracket >= 0:
                found = _DOCTYPE_END.search(source, bracket)
                position = found.end() if found is not None else size
            else:
                position = close + 1 if close >= 0 else size
            events.append((_OTHER, lt, position, -1))
        else:
            tag = _TAG.match(source, lt)
            if tag is None:  # not a well-formed tag: markup up to its ">", never text
                close = find(">", lt + 1)
                position = close + 1 if close >= 0 else size
                events.append((_OTHER, lt, position, -1))
                continue
            position = tag.end()
            name = tag["name"]
            name = name[name.rfind(":") + 1 :].lower()
            if tag["close"]:
                depth = len(stack)
                for i in range(depth - 1, max(depth - _MATCH_DEPTH, 0) - 1, -1):
                    if names[stack[i]] == name:
                        events.append((_CLOSE, lt, position, stack[i]))
                        del stack[i:]
                        break
                else:  # an end tag without a start: markup
                    events.append((_OTHER, lt, position, -1))
                continue
            element = len(names)
            parents.append(stack[-1] if stack else -1)
            names.append(name)
            has_text.append(False)
            attributes.append(tag["attrs"])
            if tag["empty"]:
                events.append((_EMPTY, lt, position, element))
            else:
                events.append((_OPEN, lt, position, element))
                stack.append(element)
    return events, parents, names, has_text, attributes
