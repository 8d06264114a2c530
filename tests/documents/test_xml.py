"""The XML reader: legal XML read as the text a reader sees, with spans in the source."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citelink.cli import main
from citelink.documents import find, read
from citelink.documents.xml import reference_at, xml_references

USLM = """<?xml version="1.0" encoding="UTF-8"?>
<section xmlns="http://xml.house.gov/schemas/uslm/1.0" identifier="/us/usc/t8/s9999">
<meta><dc:title xmlns:dc="http://purl.org/dc/elements/1.1/">8 U.S.C. 1101</dc:title></meta>
<num value="9999">§ 9999.</num><heading> A section written for this test</heading>
<subsection identifier="/us/usc/t8/s9999/a"><num value="a">(a)</num><content>
<p>An alien described in <ref href="/us/usc/t8/s1357/a">section 1357(a) of this title</ref>
and in 42 U.S.C. &#167; 1983 may apply, as 8 U.S.C. 1373<sup>1</sup> provides.</p>
</content></subsection>
<notes><note><heading>Amendments</heading><p>2016&#8212;Pub. L. 114&#8211;190 struck
<quotedText>under 8 U.S.C. 1182</quotedText>.</p></note></notes>
</section>
"""


def test_uslm_reads_as_text_with_spans_in_the_source() -> None:
    heading, *found = find(USLM, "xml", this_title="8")
    assert heading.text == "§ 9999"  # the section's own number, a short form
    assert [c.normalized for c in found] == [
        "8 U.S.C. § 1357(a)",
        "42 U.S.C. § 1983",
        "8 U.S.C. § 1373",
        "Pub. L. No. 114-190",
        "8 U.S.C. § 1182",
    ]
    for citation in found:
        assert USLM[citation.start : citation.end] == citation.text
    assert found[1].text == "42 U.S.C. &#167; 1983"


def test_no_markup_and_no_metadata_in_the_reader_text() -> None:
    text = read(USLM, "xml").text
    assert "<" not in text and "ref href" not in text
    assert "1101" not in text  # the metadata is not what a reader sees
    assert "§ 9999." in text and "Amendments" in text


def test_a_footnote_mark_does_not_join_the_number() -> None:
    (usc,) = [c for c in find(USLM, "xml") if c.normalized.startswith("8 U.S.C. § 137")]
    assert usc.normalized == "8 U.S.C. § 1373"


def test_blocks_end_citations_and_inline_elements_do_not() -> None:
    doc = "<doc><num>8 U.S.C.</num><heading>1373</heading><p><i>8</i> U.S.C. 1324a</p></doc>"
    assert [c.normalized for c in find(doc, "xml")] == ["8 U.S.C. § 1324a"]


def test_federal_register_and_bill_xml() -> None:
    federal_register = (
        "<RULE><PREAMB><AGENCY>DHS</AGENCY><SUM><HD>SUMMARY:</HD><P>This rule amends"
        " 8 CFR 214.2<SU>1</SU> under 8 U.S.C. 1184(c).</P></SUM></PREAMB>"
        "<FTNT><P><SU>1</SU> See 82 FR 12345.</P></FTNT></RULE>"
    )
    assert [c.normalized for c in find(federal_register, "xml")] == [
        "8 C.F.R. § 214.2",
        "8 U.S.C. § 1184(c)",
        "82 Fed. Reg. 12,345",
    ]
    bill = (
        '<bill><legis-body><section id="S1"><enum>2.</enum><header>Amendment</header>'
        '<text>Section 212 of the Act (<external-xref legal-doc="usc" parsable-cite="usc/8/1182">'
        "8 U.S.C. 1182</external-xref>) is amended.</text></section></legis-body></bill>"
    )
    (citation,) = find(bill, "xml")
    assert citation.normalized == "8 U.S.C. § 1182" and bill[citation.start : citation.end] == (
        "8 U.S.C. 1182"
    )


def test_case_xml_and_cdata_and_doctype() -> None:
    case = (
        '<?xml version="1.0"?><!DOCTYPE casebody [<!ENTITY x "y">]><!-- 8 U.S.C. 1 -->'
        "<casebody><parties>People v. Someone</parties><opinion><p>Under"
        " <![CDATA[42 U.S.C. § 1983]]> the claim fails.</p>"
        "<footnote><p>See 28 U.S.C. § 1331.</p></footnote></opinion></casebody>"
    )
    found = find(case, "xml")
    assert [c.normalized for c in found] == ["42 U.S.C. § 1983", "28 U.S.C. § 1331"]
    assert case[found[0].start : found[0].end] == "42 U.S.C. § 1983"


def test_existing_references_are_listed() -> None:
    references = xml_references(USLM)
    assert [r.target for r in references] == ["/us/usc/t8/s1357/a"]
    first = find(USLM, "xml")[1]
    found = reference_at(references, first.start, first.end)
    assert found is not None and found.target == "/us/usc/t8/s1357/a"
    assert reference_at(references, 0, 5) is None


@pytest.mark.parametrize(
    "broken",
    [
        "<p>8 U.S.C. 1373 <b",
        "<p a='1' b='2'>8 U.S.C. 1373 </q> <!-- open",
        "<![CDATA[ 8 U.S.C. 1373",
        "<!DOCTYPE x [ <p>8 U.S.C. 1373</p>",
        "</p></p>8 U.S.C. 1373<x:y/>",
        "<" * 1000 + "8 U.S.C. 1373",
    ],
)
def test_broken_xml_never_crashes_and_markup_is_never_text(broken: str) -> None:
    reader = read(broken, "xml")
    for citation in find(broken, "xml"):
        assert broken[citation.start : citation.end] == citation.text
    assert "<b" not in reader.text and "</q>" not in reader.text


def test_extract_reads_xml_by_its_extension(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "section.xml"
    path.write_text(USLM, encoding="utf-8")
    assert main(["extract", "--format", "json", "--this-title", "8", str(path)]) == 0
    records = json.loads(capsys.readouterr().out)
    assert len(records) == 6
    assert records[1]["xref"] == "/us/usc/t8/s1357/a"
    assert "xref" not in records[2]


def test_annotate_says_xml_is_not_annotated(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "section.xml"
    path.write_text(USLM, encoding="utf-8")
    assert main(["annotate", str(path)]) == 2
    assert "XML is read (extract, check), not annotated" in capsys.readouterr().err


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<ref href='/us/usc/t8/s1373'>",
                "</ref>",
                "<sup>1</sup>",
                "<b",
                ">",
                "</",
                "<!--",
                "-->",
                "<![CDATA[",
                "]]>",
                "<?x",
                "?>",
                "<!DOCTYPE d [",
                "]>",
                "&amp;",
                "&#167;",
                "&",
                "8 U.S.C. ",
                "§ 1373",
                "(a)",
                " ",
                "\n",
                "'",
                '"',
                "<meta>",
                "</meta>",
                "<x:y a='1'/>",
            ]
        ),
        max_size=40,
    )
)
def test_any_xml_shape_keeps_spans_exact(pieces: list[str]) -> None:
    source = "".join(pieces)
    for citation in find(source, "xml"):
        assert source[citation.start : citation.end] == citation.text
    for reference in xml_references(source):
        assert source[reference.start : reference.end].startswith("<ref")


def test_an_xml_declaration_names_the_encoding(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "old.xml"
    path.write_bytes(
        '<?xml version="1.0" encoding="ISO-8859-1"?><p>Under 8 U.S.C. \u00a7 1373.</p>'.encode(
            "latin-1"
        )
    )
    assert main(["extract", "--format", "json", str(path)]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)[0]["normalized"] == "8 U.S.C. § 1373"
    assert "detected" not in captured.err
