"""Formats: speed and citations found in XML, Word, PDF and legacy encodings, beside plain text.

    python benchmarks/formats.py [--repeat 3]

* XML: the 286 USLM sections of title 8 and the whole of title 1 (../shared/data/uslm), read
  as text, as HTML (what users tried before) and as XML: citations found and MB/s.
* Encodings: the Federal Register issue of ../shared/realworld in Windows-1252, read with
  ``--encoding auto`` beside the UTF-8 original: MB/s of reading, and the same citations.
* Word and PDF: the same issue written as a .docx (its paragraphs cut into runs of a few
  words, every other one bold) and as a PDF (lines of 90 columns, 50 a page, a running head
  and a page footer), both built here; MB/s of text (Word, reading and finding) and pages
  per second (PDF), and citations found beside the plain-text route on the same text.

Times are the best of ``--repeat`` runs. Skips when ../shared is absent.
"""

from __future__ import annotations

import argparse
import io
import sys
import textwrap
import time
import zipfile
from collections import Counter
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from citelink.documents import find
from citelink.documents.docx import annotate_docx, read_docx
from citelink.documents.files import decode_auto

import uslm

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.documents.pdf_files import make_pdf

REALWORLD = uslm.SHARED / "realworld"
FR_ISSUE = REALWORLD / "fr_issue_2017-10-03.txt"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def best(run: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """The fastest of ``repeat`` runs, in seconds, and the last result."""
    fastest, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest, result


def count(documents: list[str], form: str) -> int:
    return sum(len(find(d, form)) for d in documents)


def xml(repeat: int) -> None:
    sections = [p.read_text(encoding="utf-8") for p in sorted(uslm.USLM_DIR.glob("*.xml"))]
    title1 = (uslm.USLM_DIR.parent / "usc01.xml").read_text(encoding="utf-8")
    for label, documents in (("title 8, 286 sections", sections), ("title 1, one file", [title1])):
        size = sum(len(d.encode()) for d in documents) / 1e6
        print(f"XML, {label} ({size:.1f} MB):")
        for form in ("text", "html", "xml"):
            seconds, found = best(partial(count, documents, form), repeat)
            print(f"  as {form:5s} {found:6d} citations  {size / seconds:5.2f} MB/s")


def encodings(repeat: int, text: str) -> None:
    data = text.encode("cp1252", "replace")
    utf8 = data.decode("cp1252").encode("utf-8")
    size = len(data) / 1e6
    auto_seconds, decoded = best(lambda: decode_auto(data, "fr.txt"), repeat)
    utf8_seconds, _ = best(lambda: decode_auto(utf8, "fr.txt"), repeat)
    same = Counter(c.normalized for c in find(decoded.text)) == Counter(
        c.normalized for c in find(utf8.decode("utf-8"))
    )
    print(f"Encodings, the Federal Register issue ({size:.1f} MB):")
    print(f"  cp1252, detected as {decoded.encoding}: {size / auto_seconds:6.1f} MB/s to read")
    print(f"  UTF-8:                           {size / utf8_seconds:6.1f} MB/s to read")
    print(f"  the same citations as from UTF-8: {same}")


def differing(found: Counter[str], expected: Counter[str]) -> int:
    """How many citations one side has and the other has not (by their normalized form)."""
    return sum(((found - expected) + (expected - found)).values())


def paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def make_docx(blocks: list[str]) -> bytes:
    """A .docx of these paragraphs, each cut into runs of five words, every other bold."""
    body = []
    for block in blocks:
        words = block.split(" ")
        runs = []
        for i in range(0, len(words), 5):
            piece = escape(" ".join(words[i : i + 5]) + (" " if i + 5 < len(words) else ""))
            bold = "<w:rPr><w:b/></w:rPr>" if i // 5 % 2 else ""
            runs.append(f'<w:r>{bold}<w:t xml:space="preserve">{piece}</w:t></w:r>')
        body.append(f"<w:p>{''.join(runs)}</w:p>")
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}">'
        f"<w:body>{''.join(body)}</w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", document)
    return out.getvalue()


def pdf_pages(blocks: list[str]) -> list[list[str]]:
    """The paragraphs wrapped at 90 columns (breaking at hyphens, as a typesetter may), a
    blank line between them, 50 lines a page under a running head and over a footer."""
    lines: list[str] = []
    for block in blocks:
        lines.extend([*textwrap.wrap(block, 90, break_long_words=False), ""])
    body = [lines[i : i + 50] for i in range(0, len(lines), 50)]
    count = len(body)
    return [
        [
            "Federal Register / Vol. 82, No. 190 / Tuesday, October 3, 2017",
            *page,
            f"Page {n} of {count}",
        ]
        for n, page in enumerate(body, 1)
    ]


def word_and_pdf(repeat: int, text: str) -> None:
    from citelink.documents.pdf import read_pdf

    blocks = paragraphs(text)
    plain = "\n\n".join(blocks)
    expected = Counter(c.normalized for c in find(plain))
    data = make_docx(blocks)
    size = len(plain.encode()) / 1e6

    def word() -> Any:
        return find(read_docx(data, "fr.docx").text, "docx")

    seconds, found = best(word, repeat)
    counted = Counter(c.normalized for c in found)
    print(
        f"Word, the Federal Register issue ({size:.1f} MB of text, {len(data) / 1e6:.1f} MB file):"
    )
    print(
        f"  read and find: {size / seconds:5.2f} MB/s of text; {sum(counted.values())} citations,"
    )
    print(f"  plain text {sum(expected.values())}; differing: {differing(counted, expected)}")
    seconds, (_, linked, _) = best(
        lambda: annotate_docx(data, "fr.docx", lambda t: find(t, "docx")), repeat
    )
    print(f"  annotate: {size / seconds:5.2f} MB/s of text, {len(linked)} hyperlinks")

    safe = "\n\n".join(paragraphs(plain.encode("cp1252", "replace").decode("cp1252")))
    expected = Counter(c.normalized for c in find(safe))
    pages = pdf_pages(paragraphs(safe))
    pdf_data = make_pdf(pages, size=9, left=40, top=770, errors="replace")
    seconds, pdf = best(lambda: read_pdf(pdf_data, "fr.pdf"), repeat)
    find_seconds, found = best(lambda: find(pdf.text, "pdf"), repeat)
    counted = Counter(c.normalized for c in found)
    print(f"PDF, the same issue ({len(pages)} pages, {len(pdf_data) / 1e6:.1f} MB file):")
    print(f"  text layer: {len(pages) / seconds:5.1f} pages/s", end="; ")
    print(f"finding: {len(pages) / find_seconds:.0f} pages/s")
    print(
        f"  {sum(counted.values())} citations, plain text {sum(expected.values())};"
        f" differing: {differing(counted, expected)}"
    )
    for normalized, count in (counted - expected).most_common(5):
        print(f"    only in the PDF: {normalized} ×{count}")
    for normalized, count in (expected - counted).most_common(5):
        print(f"    only in the text: {normalized} ×{count}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not uslm.available() or not FR_ISSUE.exists():
        print("skipped: ../shared is not beside the checkout")
        return 0
    xml(args.repeat)
    text = Path(FR_ISSUE).read_text(encoding="utf-8")
    encodings(args.repeat, text)
    word_and_pdf(args.repeat, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
