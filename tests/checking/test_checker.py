"""The checker: existence and status, style and fix-its, ambiguity, CFR, links."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

import citelink
from citelink.checking.checker import Checker, Document, Finding, apply_fixes, at_least, check
from citelink.checking.links import LinkResult
from citelink.models import Citation, fast_init
from tests.conftest import SHARED

SEED = SHARED / "seed" / "news_article.txt"


def codes(text: str, **options: object) -> list[tuple[str, str]]:
    return [(f.severity, f.code) for f in Checker(**options).check(text)]  # type: ignore[arg-type]


# --- done means ---------------------------------------------------------------------------


@pytest.mark.skipif(not SEED.exists(), reason="../shared is not beside the checkout")
def test_the_seed_article() -> None:
    text = SEED.read_text(encoding="utf-8")
    findings = check(text)
    code8 = text.index("8 U.S. Code 8")
    at_8 = [f for f in findings if f.start == code8]
    assert [(f.severity, f.code) for f in at_8] == [
        ("warning", "usc/not-current"),
        ("style", "style/code-name"),
    ]
    assert "repealed or omitted" in at_8[0].message
    assert "§§ 1 to 18 — Repealed or Omitted" in at_8[0].message
    assert at_8[1].suggestion == "8 U.S.C. § 8" and at_8[1].end == code8 + len("8 U.S. Code 8")
    # The two 1373 citations: nothing but the style of "8 U.S.C. 1373", which is inside the
    # Attorney General's quoted statement: a note, never rewritten.
    rest = [f for f in findings if f.start != code8]
    assert [(f.severity, f.code, f.suggestion) for f in rest] == [
        ("info", "style/section-sign", None)
    ]
    assert text[rest[0].start : rest[0].end] == "8 U.S.C. 1373"


@pytest.mark.parametrize(
    "text", ["8 U.S.C. § 1373", "42 U.S.C. § 1983", "18 U.S.C. § 1001", "8 U.S.C. § 1101 note"]
)
def test_active_sections_in_bluebook_form_are_clean(text: str) -> None:
    assert check(text) == []


def test_a_made_up_section_is_an_error() -> None:
    (finding,) = check("8 U.S.C. § 99999")
    assert (finding.severity, finding.code) == ("error", "usc/unknown-section")
    assert "does not exist" in finding.message and "119-100" in finding.message


@pytest.mark.parametrize(
    ("text", "words"),
    [("60 U.S.C. § 1", "no title 60"), ("53 U.S.C. § 1", "title 53 of the U.S. Code is reserved")],
)
def test_titles_that_do_not_exist(text: str, words: str) -> None:
    (finding,) = check(text)
    assert (finding.severity, finding.code) == ("error", "usc/unknown-title")
    assert words in finding.message


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("8 U.S.C. § 52", 'was repealed: "§ 52 — Repealed. June 25, 1948'),
        ("8 U.S.C. § 31", 'was transferred: it falls in "§§ 31, 32 — Transferred"'),
        ("5 U.S.C. § 4706", "it is now 5 U.S.C. § 4705"),
        ("10 U.S.C. § 3003", 'is reserved: "§ 3003 — Reserved"'),
        ("10 U.S.C. § 147", "not in the current Code (release point 119-100)"),
    ],
)
def test_sections_that_are_not_current(text: str, words: str) -> None:
    (finding,) = check(text)
    assert (finding.severity, finding.code) == ("warning", "usc/not-current")
    assert words in finding.message


def test_a_designation_used_twice_and_an_appendix_title() -> None:
    (twice,) = check("5 U.S.C. § 5757")
    assert (twice.severity, twice.code) == ("info", "usc/duplicate-section")
    assert "Payment of expenses" in twice.message and "Extended assignment" in twice.message
    findings = check("50 U.S.C. app. § 2401")
    assert [(f.severity, f.code) for f in findings] == [("info", "usc/not-checked")]


def test_a_short_form_its_title_lacks_is_left_unresolved_and_warned_about() -> None:
    """The finder does not infer a title that has no such section ("§ 1983" after title 8
    is 42 U.S.C.'s): the short form is unresolved, which is a warning."""
    (finding,) = check("See 8 U.S.C. § 1373. Compare § 1983.")
    assert (finding.severity, finding.code) == ("warning", "ambiguous/unknown-section")
    assert "probably cites another law" in finding.message
    assert finding.citation is not None
    assert finding.citation.unresolved_reason == "unknown-section"


# --- style --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "suggestion"),
    [
        ("8 U.S. Code 8", "style/code-name", "8 U.S.C. § 8"),
        ("8 USC 1373", "style/code-name", "8 U.S.C. § 1373"),
        ("8 U. S. C. § 1373", "style/code-name", "8 U.S.C. § 1373"),
        ("8 United States Code § 1373", "style/code-name", "8 U.S.C. § 1373"),
        ("8 U.S.C. 1373(a)(1)", "style/section-sign", "8 U.S.C. § 1373(a)(1)"),
        ("8 U.S.C. sec. 1373", "style/section-sign", "8 U.S.C. § 1373"),
        ("8 U.S.C. Section 1373", "style/section-sign", "8 U.S.C. § 1373"),
        ("8 U.S.C. §§ 1373", "style/section-sign", "8 U.S.C. § 1373"),
        ("42 U.S.C. § 1981–1983", "style/section-sign", "42 U.S.C. §§ 1981–1983"),
        ("42 U.S.C. §§ 1981-1983", "style/range-dash", "42 U.S.C. §§ 1981–1983"),
        ("42 U.S.C. §§ 1981 - 1983", "style/range-dash", "42 U.S.C. §§ 1981–1983"),
        ("8 U.S.C. § 1373(a)-(c)", "style/range-dash", "8 U.S.C. § 1373(a)–(c)"),
        ("42 U.S.C. §§ 2000e-2-2000e-4", "style/range-dash", "42 U.S.C. §§ 2000e-2 to 2000e-4"),
        ("18 U.S.C.§924(c)", "style/spacing", "18 U.S.C. § 924(c)"),
        ("8 U.S.C., § 1373", "style/form", "8 U.S.C. § 1373"),
        ("50 U.S.C. App. § 2401", "style/code-name", "50 U.S.C. app. § 2401"),
        ("U.S.C. Title 18, Section 922(g)", "style/form", "18 U.S.C. § 922(g)"),
        ("8 U.S.C. 1101 et seq.", "style/section-sign", "8 U.S.C. § 1101 et seq."),
        ("8 U.S.C. § 1373 and §§ 1357", "style/section-sign", "§ 1357"),
        ("8 U.S.C. § 1373 and §1357", "style/spacing", "§ 1357"),
    ],
)
def test_style_suggestions(text: str, code: str, suggestion: str) -> None:
    (finding,) = [f for f in check(text) if f.severity == "style"]
    assert finding.code == code
    assert finding.suggestion == suggestion
    assert suggestion in finding.message
    fixed, applied = apply_fixes(text, [finding])
    assert applied == [finding]
    assert fixed == text[: finding.start] + suggestion + text[finding.end :]
    assert [f for f in check(fixed) if f.severity == "style"] == []


@pytest.mark.parametrize(
    "text",
    [
        "8 U.S.C. § 1373",
        "8 U.S.C.A. § 1373",
        "8 U.S.C.S. § 1373",
        "42 U.S.C. §§ 1981–1983",
        "42 U.S.C. §§ 2000e-2 to 2000e-4",
        "8 U.S.C.\n§ 1373",  # a line break is a space
        "8 U.S.C. §\u00a01373",  # and so is a no-break space
        "section 1373 of title 8",  # prose is not a citation form
        "18, United States Code, Section 3500",
        "18 U.S.C. §§ 2, 371, and 1343",
        "8 U.S.C. § 1373(a) and (b)",
    ],
)
def test_forms_that_need_no_change(text: str) -> None:
    assert [f for f in check(text) if f.severity == "style"] == []


def test_fixes_keep_every_other_character() -> None:
    text = (
        "\ufeffIntro\u00a0— café 😀\r\n"
        "See 8 USC 1373 and 42 U.S.C. §§ 1981-1983;\r\n"
        "\r\n"
        "also 18 U.S.C.§924(c)\tend\r\n"
    )
    fixed, applied = apply_fixes(text, check(text))
    assert len(applied) == 3
    assert fixed == (
        "\ufeffIntro\u00a0— café 😀\r\n"
        "See 8 U.S.C. § 1373 and 42 U.S.C. §§ 1981–1983;\r\n"
        "\r\n"
        "also 18 U.S.C. § 924(c)\tend\r\n"
    )


def test_overlapping_suggestions_apply_once() -> None:
    document = Document("abc")
    first = document.finding("style", "style/form", "m", 0, 2, suggestion="X")
    second = document.finding("style", "style/form", "m", 1, 3, suggestion="Y")
    assert apply_fixes("abc", [second, first]) == ("Xc", [first])


def test_positions_count_characters_on_their_line() -> None:
    text = "Première ligne.\nDeuxième — 8 USC 1373 ici.\n"
    (finding,) = check(text)
    assert (finding.line, finding.column) == (2, 12)
    assert (finding.end_line, finding.end_column) == (2, 21)
    assert text[finding.start : finding.end] == "8 USC 1373"


# --- ambiguity ----------------------------------------------------------------------------


def test_a_short_form_with_nothing_before_it() -> None:
    (finding,) = check("Compliance with § 1373 is required.")
    assert (finding.severity, finding.code) == ("warning", "ambiguous/no-antecedent")
    assert '"§ 1373"' in finding.message


def test_a_short_form_far_from_its_antecedent() -> None:
    def document(paragraphs: int) -> str:
        return "See 8 U.S.C. § 1357.\n\n" + "Text.\n\n" * (paragraphs - 1) + "Then § 1373."

    assert codes(document(5)) == []
    assert codes(document(6)) == [("warning", "ambiguous/far-antecedent")]
    assert codes(document(3), antecedent_paragraphs=2) == [("warning", "ambiguous/far-antecedent")]
    (finding,) = check(document(6))
    assert "6 paragraphs earlier" in finding.message and "8 U.S.C. § 1373" in finding.message


def test_a_list_short_form_is_reported_once() -> None:
    findings = check("Under §§ 1981 and 1983, anyone may sue.")
    assert [f.code for f in findings] == ["ambiguous/no-antecedent"]


# --- CFR and other kinds ------------------------------------------------------------------


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class FakeCfr(Citation):
    """A CFR citation with the fields the CFR source gives its citations."""

    kind = "cfr"
    title: str | None
    section: str | None = None
    part: str | None = None
    pin: tuple[str, ...] = ()

    @property
    def normalized(self) -> str:
        where = f"§ {self.section}" if self.section else f"pt. {self.part}"
        return f"{self.title} C.F.R. {where}"

    @property
    def id(self) -> str | None:
        return f"cfr/{self.title}/{self.section or self.part}"


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class FakeStatute(Citation):
    kind = "stat"
    volume: str
    page: str

    @property
    def normalized(self) -> str:
        return f"{self.volume} Stat. {self.page}"

    @property
    def id(self) -> str | None:
        return f"stat/{self.volume}/{self.page}"


def cfr_findings(**fields: str) -> list[tuple[str, str, str]]:
    citation = FakeCfr(text="x", start=0, end=1, **fields)  # type: ignore[arg-type]
    return [(f.severity, f.code, f.message) for f in Checker().check_citations("x", [citation])]


def test_cfr_title_8_is_checked() -> None:
    assert cfr_findings(title="8", section="214.2") == []
    assert cfr_findings(title="8", part="214") == []
    [(severity, code, message)] = cfr_findings(title="8", section="214.999")
    assert (severity, code) == ("error", "cfr/unknown-section")
    assert "part 214 has no section 214.999" in message
    [(severity, code, message)] = cfr_findings(title="8", section="9999.1")
    assert "title 8 has no part 9999" in message
    [(severity, code, _)] = cfr_findings(title="8", part="9999")
    assert (severity, code) == ("error", "cfr/unknown-part")
    [(severity, code, message)] = cfr_findings(title="8", section="103.25")
    assert (severity, code) == ("warning", "cfr/not-current") and "reserved" in message
    [(severity, code, _)] = cfr_findings(title="8", part="242")
    assert (severity, code) == ("warning", "cfr/not-current")


def test_other_cfr_titles_are_not_checked_never_missing() -> None:
    [(severity, code, message)] = cfr_findings(title="21", section="101.9")
    assert (severity, code) == ("info", "cfr/not-checked")
    assert "not checked" in message and "not exist" not in message


def test_kinds_the_checker_does_not_know_are_skipped() -> None:
    statute = FakeStatute(text="110 Stat. 3009", start=0, end=14, volume="110", page="3009")
    assert Checker().check_citations("110 Stat. 3009", [statute]) == []


# --- links --------------------------------------------------------------------------------


def test_link_findings() -> None:
    text = "8 U.S.C. § 1373 and 42 U.S.C. § 1983 and 18 U.S.C. § 1001"
    checker = Checker()
    citations = checker.finder.find(text)
    urls = [c.url for c in citations]
    assert all(urls)
    results = {
        urls[0]: LinkResult(urls[0], "ok", "HTTP 200", 200),
        urls[1]: LinkResult(urls[1], "dead", "HTTP 404", 404),
        urls[2]: LinkResult(urls[2], "unverifiable", "bot challenge (HTTP 403)", 403),
    }
    findings = checker.link_findings(text, citations, results)
    assert [(f.severity, f.code, f.start) for f in findings] == [
        ("warning", "link/dead", citations[1].start),
        ("info", "link/unverifiable", citations[2].start),
    ]
    assert "HTTP 404" in findings[0].message and str(urls[1]) in findings[0].message


def test_severity_order() -> None:
    assert at_least("error", "warning") and at_least("warning", "warning")
    assert at_least("warning", "style") and not at_least("style", "warning")
    assert not at_least("info", "style")


def test_finding_records_are_json_ready() -> None:
    (finding,) = check("8 USC 1373")
    record = finding.to_dict()
    assert record["severity"] == "style" and record["suggestion"] == "8 U.S.C. § 1373"
    assert record["citation"]["id"] == "usc/8/1373"
    assert {"code", "message", "start", "end", "line", "column", "end_line", "end_column"} <= set(
        record
    )
    assert isinstance(finding, Finding)


# --- HTML and Markdown ----------------------------------------------------------------------

PAGE = (
    "<html><head><title>8 U.S.C. § 99999</title></head>\n"
    '<body><p title="8 U.S.C. § 99999">See 8 U.S. Code 8 and\n'
    "<i>8 USC</i> &sect; 1373.</p>\n"
    "<script>var s = '8 U.S.C. § 99999';</script></body></html>\n"
)


def test_html_is_checked_as_a_reader_sees_it() -> None:
    findings = check(PAGE, input_format="html")
    # Nothing from the title, the attribute or the script; the citations of the paragraph,
    # the second one read through its tag and entity.
    assert [(f.code, PAGE[f.start : f.end]) for f in findings] == [
        ("usc/not-current", "8 U.S. Code 8"),
        ("style/code-name", "8 U.S. Code 8"),
        ("style/code-name", "8 USC</i> &sect; 1373"),
    ]
    first, _, tagged = findings
    lines = PAGE.split("\n")
    assert (first.line, first.column) == (2, lines[1].index("8 U.S. Code") + 1)
    assert (tagged.line, tagged.column, tagged.end_line) == (3, lines[2].index("8 USC") + 1, 3)


def test_html_findings_carry_their_citations_with_source_spans() -> None:
    findings = check(PAGE, input_format="html")
    for finding in findings:
        assert finding.citation is not None
        assert (finding.citation.start, finding.citation.end) == (finding.start, finding.end)
    assert findings[2].citation.text == PAGE[findings[2].start : findings[2].end]  # type: ignore[union-attr]


def test_html_fixes_only_what_is_written_as_it_reads() -> None:
    findings = check(PAGE, input_format="html")
    written, tagged = findings[1], findings[2]
    assert written.suggestion == "8 U.S.C. § 8"
    assert tagged.suggestion is None and "fix it by hand" in tagged.message
    assert "8 U.S.C. § 1373" in tagged.message
    fixed, applied = apply_fixes(PAGE, findings)
    assert applied == [written]
    assert fixed == PAGE.replace("8 U.S. Code 8", "8 U.S.C. § 8")


def test_html_suggestions_are_escaped_for_html() -> None:
    (style,) = check("<p>42 USC §§ 1981 & 1983</p>", input_format="html")
    assert style.suggestion == "42 U.S.C. §§ 1981 &amp; 1983"
    (style,) = check("<p>42 USC §§ 1981 &amp; 1983</p>", input_format="html")
    assert style.suggestion is None  # an entity inside: left to the editor


def test_markdown_is_checked_as_a_reader_sees_it() -> None:
    doc = "# Notes\n\nSee *8 USC 1373* and 8 USC 1644.\n"
    findings = check(doc, input_format="markdown")
    assert [(f.code, doc[f.start : f.end], f.suggestion) for f in findings] == [
        ("style/code-name", "8 USC 1373", "8 U.S.C. § 1373"),
        ("style/code-name", "8 USC 1644", "8 U.S.C. § 1644"),
    ]
    line = doc.split("\n")[2]
    assert [(f.line, f.column) for f in findings] == [
        (3, line.index("8 USC 1373") + 1),
        (3, line.index("8 USC 1644") + 1),
    ]


def test_a_block_boundary_ends_a_citation() -> None:
    assert check("<p>8 U.S.C.</p><p>§ 99999</p>", input_format="html")[0].code == (
        "ambiguous/no-antecedent"
    )


def test_an_unknown_input_format_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown input format 'rtf'"):
        check("8 U.S.C. § 1373", input_format="rtf")


# --- what a new user tried (issue 19) ---------------------------------------------------


@pytest.mark.parametrize("text", ["29 U.S.C. § 651nt", "29 U.S.C. 651nt", "8 U.S.C. § 1101nt"])
def test_nt_is_the_note_of_the_section(text: str) -> None:
    findings = check(text)
    assert [f.severity for f in findings] == ["style"]
    (finding,) = findings
    assert finding.suggestion is not None and finding.suggestion.endswith(" note")
    assert "nt" not in finding.suggestion.replace("note", "")


def test_a_made_up_nt_is_still_an_error() -> None:
    assert check("29 U.S.C. § 99999nt")[0].code == "usc/unknown-section"


@pytest.mark.parametrize(
    "text", ["17 U.S.C. §§ 101, et. seq.", "17 U.S.C. §§ 101 et seq.", "17 U.S.C. § 101 et seq."]
)
def test_et_seq_takes_either_section_sign(text: str) -> None:
    assert check(text) == []


def test_a_title_named_nearer_than_the_antecedent_is_the_short_forms_title() -> None:
    text = (
        "See 21 U.S.C. § 136.\n\nThe agency's authority is in Title 49 of the United States "
        "Code. Section 106 describes it.\n"
    )
    findings = check(text)
    # The finder reads Section 106 in title 49, which has it: nothing to report, and
    # nothing about 21 U.S.C. § 106, a reading the text contradicts.
    assert not [f for f in findings if f.code.startswith(("usc/", "ambiguous/"))]
    assert all("21 U.S.C. § 106" not in f.message for f in findings)


def test_a_title_named_that_agrees_leaves_the_short_form_alone() -> None:
    text = "See 8 U.S.C. § 1357. Title 8 of the United States Code also has § 1373.\n"
    assert [f.code for f in check(text)] == []


# --- pins ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["8 U.S.C. § 1357(g)(10)", "8 U.S.C. § 1357(g)(10)(A)", "8 U.S.C. § 1357(a)(5)(B)"]
)
def test_pins_that_exist(text: str) -> None:
    assert check(text) == []


@pytest.mark.parametrize(
    ("text", "nearest"),
    [
        ("8 U.S.C. § 1357(z)", "§ 1357 has (a) to (h), not (z)"),
        ("8 U.S.C. § 1357(g)(11)", "§ 1357(g) has (1) to (10), not (11)"),
    ],
)
def test_a_pin_that_does_not_exist_names_the_nearest(text: str, nearest: str) -> None:
    (finding,) = check(text)
    assert (finding.severity, finding.code) == ("error", "usc/unknown-pin")
    assert nearest in finding.message


def test_a_pin_below_the_marked_up_subdivisions_cannot_be_verified() -> None:
    # The Code's markup ends at (g)(10)(A); a deeper level may run on in its text.
    (finding,) = check("8 U.S.C. § 1357(g)(10)(A)(i)")
    assert (finding.severity, finding.code) == ("info", "usc/pin-not-verified")


def test_a_pin_in_a_list_goes_on_from_the_one_before() -> None:
    assert check("8 U.S.C. § 1357(g)(1) and (10)") == []
    assert check("8 U.S.C. § 1357(g)(10)(A) and (B)") == []
    assert [f.code for f in check("8 U.S.C. § 1357(g)(1) and (x)")] == ["usc/unknown-pin"]


def test_a_section_written_as_its_subsection_is_an_error_that_says_so() -> None:
    (finding,) = check("8 U.S.C. § 1357g")
    assert "did you mean 8 U.S.C. § 1357(g)?" in finding.message


# --- where the law is now -------------------------------------------------------------------


def test_a_transferred_section_is_reported_where_it_is_now() -> None:
    (finding,) = check("42 U.S.C. § 1973(a)")
    assert (finding.severity, finding.code) == ("warning", "usc/not-current")
    assert "it is now 52 U.S.C. § 10301" in finding.message
    assert finding.suggestion == "52 U.S.C. § 10301(a)"


def test_a_renumbered_section_in_an_older_document_is_a_note() -> None:
    text = "10 U.S.C. § 7430(e)"
    (current,) = check(text)
    assert (current.severity, current.code) == ("warning", "usc/moved")
    assert "August 13, 2018" in current.message and "10 U.S.C. § 8730" in current.message
    assert current.suggestion == "10 U.S.C. § 8730(e)"
    (older,) = check(text, as_of=date(2017, 10, 3))
    assert older.severity == "info" and older.suggestion is None


def test_a_designation_used_again_is_a_warning_for_an_older_document() -> None:
    assert check("10 U.S.C. § 7420") == []  # today: the Army's basic training
    text = "Published October 3, 2017.\n\nSee 10 U.S.C. § 7420."
    (finding,) = check(text)
    assert (finding.severity, finding.code) == ("warning", "usc/moved")
    assert "10 U.S.C. § 8720" in finding.message and "Recruit basic training" in finding.message
    assert "the date the document states" in finding.message
    assert Checker(stated_dates=False).check(text) == []


def test_a_repealed_section_in_force_when_the_document_was_written_is_a_note() -> None:
    (now,) = check("8 U.S.C. § 102")
    assert now.severity == "warning"
    (then,) = check("8 U.S.C. § 102", as_of=date(1950, 1, 1))
    assert then.severity == "info" and "in force on January 1, 1950" in then.message


def test_a_title_restated_after_the_document_cannot_be_verified() -> None:
    (now,) = check("41 U.S.C. § 35")
    assert now.severity == "error"
    (then,) = check("41 U.S.C. § 35", as_of=date(2005, 6, 1))
    assert (then.severity, then.code) == ("warning", "usc/not-verified")
    assert "January 4, 2011" in then.message


def test_a_cfr_part_the_index_lists_no_sections_of_is_not_checked() -> None:
    (finding,) = check("8 C.F.R. § 1292.18")
    assert (finding.severity, finding.code) == ("info", "cfr/not-checked")


def test_a_late_label_below_the_marked_up_subdivisions_is_made_up() -> None:
    (finding,) = check("8 U.S.C. § 1357(g)(10)(A)(xii)")
    assert (finding.severity, finding.code) == ("warning", "usc/unknown-pin")
    assert "12th" in finding.message
    # "(i)" is the first roman numeral here, not the ninth letter.
    (early,) = check("8 U.S.C. § 1357(g)(10)(A)(i)")
    assert early.severity == "info"


# --- the Constitution and the Federal Rules ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "U.S. Const. art. I, § 8, cl. 18",
        "U.S. Const. art. VI, cl. 2",
        "U.S. Const. art. V",
        "U.S. Const. amend. XIV, § 5",
        "U.S. Const. amend. XXVII",
        "U.S. Const. amend. I",
        "Fed. R. Civ. P. 12(b)(6)",
        "Fed. R. Civ. P. 23.1",
        "Fed. R. Evid. 803(6)",
        "Fed. R. Crim. P. 11",
        "Fed. R. App. P. 4(a)(1)(A)",
        "Fed. R. Evid. 801–807",
    ],
)
def test_provisions_that_exist(text: str) -> None:
    assert check(text) == []


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("U.S. Const. art. I, § 11", "Article I has §§ 1–10"),
        ("U.S. Const. art. I, § 8, cl. 19", "Article I, § 8, has 18 clauses"),
        ("U.S. Const. art. VI, cl. 4", "Article VI has 3 clauses"),
        ("U.S. Const. amend. XIV, § 6", "Amendment XIV has §§ 1–5"),
        ("U.S. Const. amend. I, § 2", "Amendment I has no sections"),
        ("Fed. R. Civ. P. 87", "no Rule 87 (they run from 1 to 86)"),
        ("Fed. R. Evid. 416", "no Rule 416"),
        ("Fed. R. App. P. 49", "no Rule 49"),
        ("Fed. R. Crim. P. 62", "no Rule 62"),
    ],
)
def test_provisions_that_do_not_exist(text: str, why: str) -> None:
    (finding,) = check(text)
    assert finding.severity == "error" and why in finding.message


def test_an_abrogated_rule_is_a_warning() -> None:
    (finding,) = check("Fed. R. Civ. P. 84")
    assert (finding.severity, finding.code) == ("warning", "rule/not-current")
    assert "2015" in finding.message


def test_a_state_rule_read_as_a_range_is_left_alone() -> None:
    assert check("as evidentiary Rule 11-803(D) requires") == []


# --- public laws, Statutes at Large and Federal Register volumes -----------------------------


@pytest.mark.parametrize(
    "text", ["Pub. L. 115-97", "Pub. L. 79-404", "131 Stat. 2054", "82 FR 45000", "1 Stat. 1"]
)
def test_laws_and_volumes_that_exist(text: str) -> None:
    assert check(text) == []


@pytest.mark.parametrize(
    ("text", "severity", "why"),
    [
        ("Pub. L. 190-1", "error", "the 190th Congress has not met"),
        ("Pub. L. 115-900", "warning", "know Pub. L. 115-1 to 115-442"),
        ("250 Stat. 1", "error", "no volume 250 yet"),
        ("200 FR 1", "error", "no volume 200 yet"),
    ],
)
def test_laws_and_volumes_that_do_not(text: str, severity: str, why: str) -> None:
    (finding,) = check(text)
    assert finding.severity == severity and why in finding.message


def test_a_reclassified_section_cited_before_its_move_is_a_note() -> None:
    (then,) = check("42 U.S.C. § 1973", as_of=date(2010, 6, 1))
    assert then.severity == "info" and "September 1, 2014" in then.message


def test_a_short_form_with_a_pin_in_a_dead_section_probably_cites_another_law() -> None:
    text = "Under 8 U.S.C. § 1227(a)(1), see section 237(a)(1)(H)."
    # The finder leaves it unresolved (title 8 has no live section 237): the INA's section.
    (finding,) = check(text)
    assert (finding.severity, finding.code) == ("warning", "ambiguous/unknown-section")
    assert "another law" in finding.message and finding.suggestion is None


def test_a_named_act_s_section_is_checked_where_the_code_has_it() -> None:
    assert check("INA § 287(g)(10)") == []
    (finding,) = check("INA § 287(z)")
    assert finding.code == "usc/unknown-pin" and finding.citation is not None
    assert finding.citation.kind == "act"
    assert finding.message.startswith("INA § 287(z): 8 U.S.C. § 1357(z) does not exist")


def test_a_far_antecedent_names_a_full_form_only_if_it_is_a_live_section() -> None:
    gap = "\n\n".join(["A paragraph."] * 7)
    (live,) = check(f"See 8 U.S.C. § 1357.\n\n{gap}\n\nSee also § 1373.")
    assert "cite it in full (8 U.S.C. § 1373)" in live.message
    findings = check(f"See 8 U.S.C. § 1357.\n\n{gap}\n\nSee also § 1373(zz).")
    (far,) = [f for f in findings if f.code == "ambiguous/far-antecedent"]
    assert far.message.endswith("cite it in full")


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("15 U.S.C. § 1650(7)", "did you mean § 1650(a)(7)?"),  # a level left out
        ("42 U.S.C. § 264(i)(1)", "did you mean 42 U.S.C. § 262(i)(1)?"),  # a digit off
    ],
)
def test_a_missing_pin_names_the_real_one_a_slip_may_have_meant(text: str, hint: str) -> None:
    (finding,) = [f for f in check(text) if f.code == "usc/unknown-pin"]
    assert finding.message.endswith(hint)


def test_a_pin_of_a_section_amended_since_the_document_may_have_existed_then() -> None:
    # 26 U.S.C. § 447 lost its subsection (i) in December 2017.
    (now,) = check("26 U.S.C. § 447(i)")
    assert now.severity == "error"
    (then,) = check("26 U.S.C. § 447(i)", as_of=date(2017, 1, 1))
    assert (then.severity, then.code) == ("warning", "usc/unknown-pin")
    assert "is not in the current Code" in then.message and "December 22, 2017" in then.message


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("8 U.S.C. 1373", None),
        ("8 U.S.C. § 1373", None),
        ("§ 1373 after 8 U.S.C. 1357", None),
        ("8 USC 1373", "8 U.S.C. 1373"),
        ("8 U.S.C. sec. 1373", "8 U.S.C. 1373"),
    ],
)
def test_the_gpo_style(text: str, suggestion: str | None) -> None:
    style = [f for f in Checker(style="gpo").check(text) if f.severity == "style"]
    assert [f.suggestion for f in style] == ([suggestion] if suggestion else [])


def test_an_unknown_style_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown style"):
        Checker(style="apa")


def test_a_list_the_finder_did_not_join_gets_no_fix() -> None:
    findings = check(
        "See 7 U.S.C. 450, 7701; 21 U.S.C. 136 and 136a; 8 USC 1373 and 42 U.S.C. 1983."
    )
    by_start = {f.start: f for f in findings if f.severity == "style"}
    assert len(by_start) == 4
    unjoined = [f for f in by_start.values() if "begins a list" in f.message]
    assert len(unjoined) == 2 and all(f.suggestion is None for f in unjoined)
    # "and 42 U.S.C." starts another citation: the first keeps its fix.
    assert {f.suggestion for f in by_start.values()} >= {"8 U.S.C. § 1373", "42 U.S.C. § 1983"}
    moved = [f for f in findings if f.code == "usc/not-current"]
    assert moved and moved[0].suggestion is None  # "7 U.S.C. 450, 7701": not rewritten alone


def test_an_authority_label_on_its_own_line_covers_the_next() -> None:
    (finding,) = check("Authority:\n  8 U.S.C. 1103.\n")
    assert finding.severity == "info" and finding.suggestion is None


def test_what_the_index_says_of_a_far_reading_is_a_note_without_a_fix() -> None:
    gap = "\n\n".join(["A paragraph."] * 7)
    findings = check(f"See 42 U.S.C. § 1983.\n\n{gap}\n\nAs § 1973 says.")
    # 42 U.S.C. § 1973 is no live section (it moved to title 52): the finder does not read
    # the short form as it, and no fix writes it out.
    assert [(f.severity, f.code) for f in findings] == [("warning", "ambiguous/unknown-section")]
    assert findings[0].suggestion is None


def test_a_formerly_classified_note_the_code_contradicts_is_not_a_move() -> None:
    # 50 U.S.C. § 4313 was § 13 of the former Appendix to Title 50, not 50 U.S.C. § 13,
    # which the Code records as repealed in 1930.
    assert all("4313" not in f.message for f in check("50 U.S.C. § 13"))


def test_the_date_a_document_states_is_its_labelled_date_else_its_first() -> None:
    from citelink.checking.checker import stated_date

    found = stated_date("Enacted on June 27, 1952, and amended.\n\nDated: October 3, 2017.\n")
    assert found is not None and found.date == date(2017, 10, 3)
    found = stated_date("In the Senate, December 20, 2017. Effective after December 31, 2025.")
    assert found is not None and found.date == date(2017, 12, 20)
    assert stated_date("No date here.") is None
    assert stated_date("Due by January 1, 2999.") is None  # not one after today


def test_one_warning_for_each_far_antecedent() -> None:
    gap = "\n\n".join(["A paragraph."] * 7)
    text = f"See 8 U.S.C. § 1357.\n\n{gap}\n\nSee § 1373.\n\nAnd § 1101.\n\nAnd § 1182."
    far = [f for f in check(text) if f.code == "ambiguous/far-antecedent"]
    assert [f.severity for f in far] == ["warning", "info", "info"]
    first_line = far[0].line
    assert all(f"(as the short form on line {first_line})" in f.message for f in far[1:])


def test_a_section_a_named_act_does_not_have_is_reported() -> None:
    text = "Under ESA § 7(a)(2) and ESA § 99, the agency consults."
    findings = Checker().check_citations(text, citelink.find(text))
    assert [(f.severity, f.code, text[f.start : f.end]) for f in findings] == [
        ("warning", "act/unknown-section", "ESA § 99")
    ]
