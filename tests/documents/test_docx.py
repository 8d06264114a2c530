"""Word documents: citations with their paragraph, across runs; annotate writes Word hyperlinks."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from citelink.cli import main
from citelink.documents import find
from citelink.documents.docx import R, W, annotate_docx, read_docx
from citelink.documents.files import InputError

_NS = f'xmlns:w="{W}" xmlns:r="{R}"'
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/footnotes.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
    "</Types>"
)
_PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/footnotes" Target="footnotes.xml"/></Relationships>'
)


def run(text: str, props: str = "") -> str:
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}<w:t{space}>{text}</w:t></w:r>"


def paragraph(*runs: str) -> str:
    return f"<w:p>{''.join(runs)}</w:p>"


#: A brief written for these tests: a citation split over formatting runs, one in a run
#: with other text, a page Word rendered, an existing link, a deletion, a table and a footnote.
BODY = "".join(
    (
        paragraph(run("Introduction")),
        paragraph(
            run("The statute, "),
            run("8 U.S.C. ", "<w:i/>"),
            run("§ 1373", "<w:b/><w:i/>"),
            run(", bars such rules; see also 42 U.S.C. § 1983 and "),
            '<w:del w:id="1" w:author="x"><w:r><w:delText>8 U.S.C. 1182</w:delText></w:r></w:del>',
            run("the rest."),
        ),
        paragraph(
            '<w:r><w:lastRenderedPageBreak/><w:t xml:space="preserve">On page two, </w:t></w:r>',
            '<w:hyperlink r:id="rId9"><w:r><w:t>28 U.S.C. § 1331</w:t></w:r></w:hyperlink>',
            run(" is linked already; 8 C.F.R. § 214.2 is not", '<w:u w:val="single"/>'),
            '<w:r><w:footnoteReference w:id="1"/></w:r>',
        ),
        "<w:tbl><w:tr><w:tc>",
        paragraph(run("In a cell: 5 U.S.C. § 552(b)")),
        "</w:tc></w:tr></w:tbl>",
    )
)
FOOTNOTES = (
    f'<w:footnotes {_NS}><w:footnote w:type="separator" w:id="-1"><w:p>{run("--")}</w:p>'
    f'</w:footnote><w:footnote w:id="1">{paragraph(run("See 18 U.S.C. § 1001."))}</w:footnote>'
    "</w:footnotes>"
)


def make_docx(body: str = BODY, footnotes: str | None = FOOTNOTES) -> bytes:
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_NS}>'
        f"<w:body>{body}<w:sectPr/></w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _PACKAGE_RELS)
        archive.writestr("word/document.xml", document)
        if footnotes is not None:
            archive.writestr("word/_rels/document.xml.rels", _DOCUMENT_RELS)
            archive.writestr("word/footnotes.xml", footnotes)
    return out.getvalue()


def characters(data: bytes) -> list[tuple[str, str]]:
    """Every character a reader sees in the body and notes, with its run's formatting."""
    shown = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for part in ("word/document.xml", "word/footnotes.xml"):
            root = etree.fromstring(archive.read(part))
            for t in root.iter(f"{{{W}}}t"):
                props = t.getparent().find(f"{{{W}}}rPr")
                shown_props = etree.tostring(props) if props is not None else b""
                shown.extend((char, shown_props.decode()) for char in t.text or "")
    return shown


def test_the_text_a_reader_sees_one_paragraph_a_line() -> None:
    document = read_docx(make_docx(), "brief.docx")
    lines = document.text.split("\n")
    assert lines[0] == "Introduction"
    assert lines[1].startswith("The statute, 8 U.S.C. § 1373, bars")
    assert "1182" not in document.text  # deleted text is not read
    assert lines[-1] == "See 18 U.S.C. § 1001."
    assert "--" not in document.text  # the footnote separator is not a note


def test_a_citation_over_formatting_runs_is_one_citation_with_its_paragraph() -> None:
    document = read_docx(make_docx(), "brief.docx")
    found = find(document.text, "docx")
    assert [c.normalized for c in found] == [
        "8 U.S.C. § 1373",
        "42 U.S.C. § 1983",
        "28 U.S.C. § 1331",
        "8 C.F.R. § 214.2",
        "5 U.S.C. § 552(b)",
        "18 U.S.C. § 1001",
    ]
    assert document.text[found[0].start : found[0].end] == "8 U.S.C. § 1373"


def test_extract_reports_paragraph_page_and_footnote(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "brief.docx"
    path.write_bytes(make_docx())
    assert main(["extract", "--format", "json", str(path)]) == 0
    records = json.loads(capsys.readouterr().out)
    where = [
        (r["normalized"], {k: r["location"].get(k) for k in ("paragraph", "page", "footnote")})
        for r in records
    ]
    assert where == [
        ("8 U.S.C. § 1373", {"paragraph": 2, "page": 1, "footnote": None}),
        ("42 U.S.C. § 1983", {"paragraph": 2, "page": 1, "footnote": None}),
        ("28 U.S.C. § 1331", {"paragraph": 3, "page": 2, "footnote": None}),
        ("8 C.F.R. § 214.2", {"paragraph": 3, "page": 2, "footnote": None}),
        ("5 U.S.C. § 552(b)", {"paragraph": 4, "page": 2, "footnote": None}),
        ("18 U.S.C. § 1001", {"paragraph": None, "page": None, "footnote": 1}),
    ]
    assert main(["extract", "--format", "jsonl", str(path), str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 12 and json.loads(lines[0])["location"]["paragraph"] == 2


def test_check_reports_the_paragraph_as_the_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "brief.docx"
    path.write_bytes(make_docx(paragraph(run("Intro")) + paragraph(run("See 8 U.S.C. § 99999."))))
    main(["check", str(path)])
    out = capsys.readouterr().out
    assert f"{path}:2:" in out


def test_annotate_links_the_citations_and_changes_nothing_else(tmp_path: Path) -> None:
    before = make_docx()
    source, out = tmp_path / "brief.docx", tmp_path / "linked.docx"
    source.write_bytes(before)
    assert main(["annotate", "-q", "-o", str(out), str(source)]) == 0
    after = out.read_bytes()
    assert characters(after) == characters(before)  # the same text, the same formatting
    assert read_docx(after, "x").text == read_docx(before, "x").text
    with zipfile.ZipFile(io.BytesIO(after)) as archive, zipfile.ZipFile(io.BytesIO(before)) as old:
        assert archive.namelist()[: len(old.namelist())] == old.namelist()
        assert archive.read("[Content_Types].xml") == old.read("[Content_Types].xml")
        root = etree.fromstring(archive.read("word/document.xml"))
        rels = etree.fromstring(archive.read("word/_rels/document.xml.rels"))
        note_rels = etree.fromstring(archive.read("word/_rels/footnotes.xml.rels"))
    targets = {r.get("Id"): r for r in rels}
    links = root.iter(f"{{{W}}}hyperlink")
    linked = {"".join(link.itertext()): targets.get(link.get(f"{{{R}}}id")) for link in links}
    assert linked["8 U.S.C. § 1373"].get("Target").endswith("/uscode/text/8/1373")
    assert linked["42 U.S.C. § 1983"].get("Target").endswith("/uscode/text/42/1983")
    assert "8 C.F.R. § 214.2" in linked and "5 U.S.C. § 552(b)" in linked
    assert linked["28 U.S.C. § 1331"] is None  # the existing link (rId9), left alone
    assert all(r.get("TargetMode") == "External" for r in targets.values() if r.get("Id") != "rId1")
    (note_link,) = note_rels
    assert note_link.get("Target").endswith("/uscode/text/18/1001")


def test_annotated_document_opens_in_python_docx(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    data, linked, _ = annotate_docx(make_docx(), "brief.docx", lambda t: find(t, "docx"))
    document = docx.Document(io.BytesIO(data))
    second = document.paragraphs[1]
    assert second.text.startswith("The statute, 8 U.S.C. § 1373, bars")
    (hyperlink,) = [h for h in second.hyperlinks if h.text == "8 U.S.C. § 1373"]
    assert hyperlink.address.endswith("/uscode/text/8/1373")
    assert [run.bold for run in hyperlink.runs] == [None, True]
    assert len(linked) == 5


def test_two_citations_in_one_run_are_both_linked() -> None:
    body = paragraph(run("Under 8 U.S.C. § 1373 and 8 U.S.C. § 1324a both apply."))
    data, linked, unlinked = annotate_docx(make_docx(body, None), "d", lambda t: find(t, "docx"))
    assert len(linked) == 2 and not unlinked
    assert read_docx(data, "d").text == "Under 8 U.S.C. § 1373 and 8 U.S.C. § 1324a both apply."


def test_not_a_word_document_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a Word document"):
        read_docx(b"plain text", "fake.docx")
    path = tmp_path / "fake.docx"
    path.write_bytes(b"PK\x03\x04 broken")
    assert main(["extract", str(path)]) == 2


def test_damaged_word_documents_are_errors_or_text_never_crashes() -> None:
    data = make_docx()
    damaged = [data[:cut] for cut in range(0, len(data), max(1, len(data) // 30))]
    damaged += [data[:at] + b"\xff" + data[at + 1 :] for at in range(0, len(data), 53)]
    for broken in damaged:
        try:
            document = read_docx(broken, "broken.docx")
        except InputError as error:
            assert "broken.docx" in str(error)
        else:
            find(document.text, "docx")


def test_an_old_word_file_says_what_to_do(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "brief.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    assert main(["extract", str(path)]) == 2
    assert "save it as .docx" in capsys.readouterr().err


def test_one_relationship_per_url() -> None:
    body = paragraph(run("See 8 U.S.C. § 1373.")) + paragraph(run("Again 8 U.S.C. § 1373."))
    data, linked, _ = annotate_docx(make_docx(body, None), "d", lambda t: find(t, "docx"))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        rels = etree.fromstring(archive.read("word/_rels/document.xml.rels"))
        root = etree.fromstring(archive.read("word/document.xml"))
    ids = [link.get(f"{{{R}}}id") for link in root.iter(f"{{{W}}}hyperlink")]
    assert len(linked) == 2 and len(set(ids)) == 1 and len(rels) == 1
