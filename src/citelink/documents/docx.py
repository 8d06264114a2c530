"""Word documents (.docx): the text a reader sees, and real Word hyperlinks on citations.

A .docx is a zip of WordprocessingML parts, read here with lxml (already
citelink's dependency; python-docx has no API for hyperlinks, nor for text
split over runs). The body's paragraphs (table cells' too), then the
footnotes' and endnotes', are read in order, one line each (``\\n``): a
paragraph's runs are joined, so a citation split over formatting runs
(``8 U.S.C. <b>§ 1373</b>``) is one citation. A tab is ``\\t``, a manual line
break ``\\v`` (as Word writes them). Deleted text, field codes and text boxes
are not read.

:func:`read_docx` gives that text and where each part of it is (its paragraph,
footnote or endnote, and its page where Word stored rendered page breaks).
:func:`annotate_docx` writes the document back with a ``w:hyperlink`` (an
external relationship) around each linked citation's runs, split where a
citation begins or ends inside one; every other part is copied byte for byte,
and no run's formatting changes.
"""

from __future__ import annotations

import copy
import io
import zipfile
import zlib
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from lxml import etree

from citelink.documents.files import InputError
from citelink.markup import Layout
from citelink.models import Citation

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

#: The parts read, in order, and what a citation in each is located by.
_PARTS = (
    ("word/document.xml", "paragraph"),
    ("word/footnotes.xml", "footnote"),
    ("word/endnotes.xml", "endnote"),
)


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


_P, _R, _T, _HL = _w("p"), _w("r"), _w("t"), _w("hyperlink")
#: Not read: properties, deleted and moved-away text, field codes, text boxes, marks.
_UNREAD = frozenset(
    map(
        _w,
        [
            "pPr",
            "rPr",
            "del",
            "moveFrom",
            "instrText",
            "delText",
            "txbxContent",
            "footnoteReference",
            "endnoteReference",
            "commentReference",
            "sectPr",
        ],
    )
)
#: What may sit between the runs a hyperlink wraps.
_WRAPPABLE = frozenset(
    map(
        _w,
        ["r", "proofErr", "bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd"],
    )
)
#: What reading a damaged or unusual zip entry may raise.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    OSError,
    ValueError,
    NotImplementedError,  # a compression zipfile does not know
    RuntimeError,  # an encrypted entry
    EOFError,
    zlib.error,  # a damaged entry
)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


@dataclass
class Piece:
    """A stretch of the text: from a ``w:t`` (``node``), or a tab or break (``None``)."""

    start: int
    end: int
    node: etree._Element | None
    #: Whether a link may go here: not in an existing hyperlink or a field's result.
    linkable: bool


@dataclass
class DocxText:
    """A Word document's text, where each line of it is, and how it was built."""

    text: str
    #: ``(offset, fields)``: from each offset on, the text is at ``fields``
    #: (``{"paragraph": 3, "page": 2}``, ``{"footnote": 1}``).
    regions: list[tuple[int, dict[str, int]]]
    pieces: list[Piece] = field(default_factory=list)
    #: The parsed parts, by name, and each piece's part.
    trees: dict[str, etree._Element] = field(default_factory=dict)
    piece_parts: list[str] = field(default_factory=list)


def read_docx(data: bytes, name: str) -> DocxText:
    """The text of a .docx file's bytes, or an :class:`InputError` if it is not one."""
    archive = _open(data, name)
    builder = _Builder()
    paged = False
    trees: dict[str, etree._Element] = {}
    for part, _ in _PARTS:
        if part in archive.namelist():
            trees[part] = _parse(archive, part, name)
            paged = paged or next(trees[part].iter(_w("lastRenderedPageBreak")), None) is not None
    for part, by in _PARTS:
        if part in trees:
            builder.read_part(trees[part], part, by, paged)
    return builder.finish(trees)


def annotate_docx(
    data: bytes,
    name: str,
    find: Callable[[str], Sequence[Citation]],
) -> tuple[bytes, list[Citation], list[tuple[Citation, str]]]:
    """The .docx with a hyperlink on every citation ``find`` finds in its text that has a
    url; the citations linked, and those not linked with why."""
    document = read_docx(data, name)
    archive = _open(data, name)
    linked: list[Citation] = []
    unlinked: list[tuple[Citation, str]] = []
    rels: dict[str, _Relationships] = {}
    changed: set[str] = set()
    for citation in reversed(find(document.text)):  # from the end: earlier pieces stay valid
        if not citation.url:
            unlinked.append((citation, "no public URL"))
            continue
        why = _link(document, citation, archive, rels, changed)
        if why is None:
            linked.append(citation)
        else:
            unlinked.append((citation, why))
    linked.reverse()
    unlinked.reverse()
    replaced: dict[str, bytes] = {}
    for part in changed:
        replaced[part] = _serialize(document.trees[part])
    for part, relationships in rels.items():
        replaced[part] = _serialize(relationships.tree)
    try:
        return _rezip(archive, replaced), linked, unlinked
    except _ZIP_ERRORS as error:
        raise InputError(f"{name}: a part cannot be copied ({error})") from None


def read_paragraphs(text: str) -> Layout:
    """The reader's text of a Word document's text: each line a paragraph (a block)."""
    layout = Layout(text, "text")
    position = 0
    for line in text.split("\n"):
        layout.add_text(position, position + len(line), 0)
        position += len(line) + 1
        if position <= len(text):
            layout.add_break(position - 1)
    return layout.finish()


# --- reading ------------------------------------------------------------------------


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.regions: list[tuple[int, dict[str, int]]] = []
        self.pieces: list[Piece] = []
        self.piece_parts: list[str] = []
        self.page = 1
        self.paragraphs = 0

    def add(self, value: str, node: etree._Element | None, linkable: bool, part: str) -> None:
        if value:
            self.pieces.append(Piece(self.size, self.size + len(value), node, linkable))
            self.piece_parts.append(part)
            self.parts.append(value)
            self.size += len(value)

    def region(self, fields: dict[str, int]) -> None:
        if self.regions and self.regions[-1][0] == self.size:
            self.regions[-1] = (self.size, fields)
        else:
            self.regions.append((self.size, fields))

    def read_part(self, root: etree._Element, part: str, by: str, paged: bool) -> None:
        for paragraph, note in _paragraphs(root, by):
            if self.size:
                self.parts.append("\n")
                self.size += 1
            if by == "paragraph":
                self.paragraphs += 1
                fields = {"paragraph": self.paragraphs}
            else:
                fields = {by: note}
            self.region({**fields, "page": self.page} if paged and by == "paragraph" else fields)
            self._read_paragraph(paragraph, part, fields if paged and by == "paragraph" else None)

    def _read_paragraph(
        self, paragraph: etree._Element, part: str, paged: dict[str, int] | None
    ) -> None:
        field_depth = 0  # inside a complex field (fldChar begin ... end)
        in_result = 0  # of which past its "separate": its result text is read, not linked
        for node, in_link in _walk(paragraph):
            tag = node.tag
            if tag == _w("fldChar"):
                kind = node.get(_w("fldCharType"))
                if kind == "begin":
                    field_depth += 1
                elif kind == "separate" and field_depth:
                    in_result += 1
                elif kind == "end" and field_depth:
                    field_depth -= 1
                    in_result = min(in_result, field_depth)
                continue
            if field_depth > in_result:  # a field's code
                continue
            linkable = not in_link and not field_depth and tag == _T
            if tag == _T:
                self.add(node.text or "", node, linkable, part)
            elif tag == _w("tab"):
                self.add("\t", None, False, part)
            elif tag in (_w("br"), _w("cr")):
                self.add("\v", None, False, part)
            elif tag == _w("noBreakHyphen"):
                self.add("-", None, False, part)
            elif tag == _w("lastRenderedPageBreak") and paged is not None:
                self.page += 1
                self.region({**paged, "page": self.page})

    def finish(self, trees: dict[str, etree._Element]) -> DocxText:
        return DocxText("".join(self.parts), self.regions, self.pieces, trees, self.piece_parts)


def _paragraphs(root: etree._Element, by: str) -> Iterator[tuple[etree._Element, int]]:
    """The paragraphs of a part in order (not those in text boxes), with their note's id."""
    if by == "paragraph":
        body = root.find(_w("body"))
        containers = [(body, 0)] if body is not None else []
    else:
        containers = [
            (note, int(note.get(_w("id"), "0")))
            for note in root.iterchildren(_w(by))
            if note.get(_w("type")) in (None, "normal")
        ]
    for container, note in containers:
        stack = [container]
        while stack:
            node = stack.pop()
            if node.tag == _P:
                yield node, note
                continue
            if node.tag in _UNREAD:
                continue
            stack.extend(reversed([child for child in node if isinstance(child.tag, str)]))


def _walk(paragraph: etree._Element) -> Iterator[tuple[etree._Element, bool]]:
    """The nodes of a paragraph in order, each with whether it is inside a hyperlink;
    what is not read is pruned."""
    stack: list[tuple[etree._Element, bool]] = [(paragraph, False)]
    while stack:
        node, in_link = stack.pop()
        yield node, in_link
        inner = in_link or node.tag in (_HL, _w("fldSimple"))
        stack.extend(
            (child, inner)
            for child in reversed(node)
            if isinstance(child.tag, str) and child.tag not in _UNREAD
        )


def _open(data: bytes, name: str) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise InputError(f"{name}: not a Word document (.docx): not a zip file") from None
    if "word/document.xml" not in archive.namelist():
        raise InputError(f"{name}: not a Word document (.docx): no word/document.xml")
    return archive


def _parse(archive: zipfile.ZipFile, part: str, name: str) -> etree._Element:
    try:
        return etree.fromstring(archive.read(part), _PARSER)
    except (etree.XMLSyntaxError, *_ZIP_ERRORS) as error:
        raise InputError(f"{name}: {part} cannot be read ({error})") from None


# --- linking ------------------------------------------------------------------------


def _link(
    document: DocxText,
    citation: Citation,
    archive: zipfile.ZipFile,
    rels: dict[str, _Relationships],
    changed: set[str],
) -> str | None:
    """Wrap a citation's runs in a hyperlink; ``None``, or why it could not be.

    Citations are linked from the last to the first: a split keeps the first part
    of a ``w:t`` in place, so the pieces before a linked citation stay as they were.
    """
    found = _overlapping(document.pieces, citation.start, citation.end)
    pieces = [document.pieces[i] for i in found]
    nodes = [p.node for p in pieces if p.linkable and p.node is not None]
    if not pieces or len(nodes) < len(pieces):
        return "in a link or a field, or across a tab or a line break"
    runs = [node.getparent() for node in nodes]
    parent = runs[0].getparent() if runs[0] is not None else None
    if parent is None or any(run is None or run.getparent() is not parent for run in runs):
        return "its runs are in different places (a tracked change, a field)"
    part = document.piece_parts[found[0]]
    first, last = pieces[0], pieces[-1]
    last_run = _split(nodes[-1], citation.end - last.start, keep="left")
    first_run = _split(nodes[0], citation.start - first.start, keep="right")
    if first is last:
        last_run = first_run
    siblings = (
        _between(first_run, last_run) if first_run is not None and last_run is not None else None
    )
    if first_run is None or siblings is None:
        return "its runs are not side by side"
    rels_name = _rels_name(part)
    relationships = rels.get(rels_name)
    if relationships is None:
        relationships = rels[rels_name] = _Relationships(archive, rels_name)
    hyperlink = etree.Element(_HL)
    hyperlink.set(f"{{{R}}}id", relationships.hyperlink(citation.url or ""))
    hyperlink.set(_w("history"), "1")
    parent.insert(parent.index(first_run), hyperlink)
    for node in siblings:
        hyperlink.append(node)
    changed.add(part)
    return None


def _overlapping(pieces: list[Piece], start: int, end: int) -> list[int]:
    """Indexes of the pieces that text ``[start, end)`` touches."""
    i = max(bisect_right(pieces, start, key=_piece_start) - 1, 0)
    found = []
    while i < len(pieces) and pieces[i].start < end:
        if pieces[i].end > start:
            found.append(i)
        i += 1
    return found


def _piece_start(piece: Piece) -> int:
    return piece.start


def _split(t: etree._Element, at: int, keep: str) -> etree._Element | None:
    """Split the run of ``w:t`` ``t`` at character ``at`` of its text; the run that holds
    the part to keep ("left": up to ``at``, "right": from ``at``)."""
    run = t.getparent()
    if run is None or run.tag != _R:
        return None
    text = t.text or ""
    children = [c for c in run if c.tag != _w("rPr")]
    index = children.index(t)
    before, after = children[:index], children[index + 1 :]
    if keep == "left" and at >= len(text) and not after:
        return run
    if keep == "right" and at <= 0 and not before:
        return run
    # run -> left run (before + text[:at]) and right run (text[at:] + after).
    right = etree.Element(_R)
    for key, value in run.attrib.items():
        right.set(key, value)
    properties = run.find(_w("rPr"))
    if properties is not None:
        right.append(copy.deepcopy(properties))
    if at < len(text) or not after:
        right_t = etree.SubElement(right, _T)
        _set_text(right_t, text[at:])
    for child in after:
        right.append(child)
    if at > 0:
        _set_text(t, text[:at])
    else:
        run.remove(t)
    run.addnext(right)
    return run if keep == "left" else right


def _set_text(t: etree._Element, value: str) -> None:
    t.text = value
    if value != value.strip():
        t.set(_XML_SPACE, "preserve")


def _between(first: etree._Element, last: etree._Element) -> list[etree._Element] | None:
    """``first``, ``last`` and the siblings between them, if all may go in a hyperlink."""
    nodes = [first]
    node = first
    while node is not last:
        following = node.getnext()
        if following is None:
            return None
        node = following
        if not isinstance(node.tag, str) or node.tag not in _WRAPPABLE:
            return None
        nodes.append(node)
    return nodes


def _rels_name(part: str) -> str:
    folder, _, file = part.rpartition("/")
    return f"{folder}/_rels/{file}.rels"


class _Relationships:
    """A part's relationships, to which hyperlinks are added (one per url)."""

    def __init__(self, archive: zipfile.ZipFile, name: str) -> None:
        if name in archive.namelist():
            self.tree = etree.fromstring(archive.read(name), _PARSER)
        else:
            self.tree = etree.fromstring(f'<Relationships xmlns="{_RELS}"/>'.encode(), _PARSER)
        self.used = {r.get("Id") for r in self.tree}
        self.by_url: dict[str, str] = {}
        self.number = 0

    def hyperlink(self, url: str) -> str:
        """The id of an external hyperlink relationship to ``url`` (added once)."""
        rid = self.by_url.get(url)
        if rid is None:
            self.number += 1
            while f"rId{self.number}" in self.used:
                self.number += 1
            rid = self.by_url[url] = f"rId{self.number}"
            etree.SubElement(
                self.tree,
                f"{{{_RELS}}}Relationship",
                Id=rid,
                Type=_HYPERLINK,
                Target=url,
                TargetMode="External",
            )
        return rid


def _serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _rezip(archive: zipfile.ZipFile, replaced: dict[str, bytes]) -> bytes:
    """The archive with ``replaced`` parts (new ones added); every other entry as it was."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as new:
        for info in archive.infolist():
            data = replaced.pop(info.filename, None)
            new.writestr(info, data if data is not None else archive.read(info.filename))
        for name, data in replaced.items():
            new.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
