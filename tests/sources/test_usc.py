"""The U.S. Code: every form the core issue lists, and the negatives."""

from __future__ import annotations

import pytest

import citelink
from citelink import UsCodeCitation


def usc(text: str, **options: object) -> list[tuple[str | None, str, tuple[str, ...]]]:
    """(title, section, pin) of every U.S. Code citation in ``text``."""
    found = citelink.find(text, **options)  # type: ignore[arg-type]
    for c in found:
        assert text[c.start : c.end] == c.text
    return [(c.title, c.section, c.pin) for c in found if isinstance(c, UsCodeCitation)]


@pytest.mark.parametrize(
    ("text", "title", "section", "pin"),
    [
        ("8 U.S.C. 1373", "8", "1373", ()),
        ("8 U.S.C. § 1373", "8", "1373", ()),
        ("8 U.S.C. §1373", "8", "1373", ()),
        ("8 USC 1373", "8", "1373", ()),
        ("8 usc 1373", "8", "1373", ()),
        ("8 U.S. Code 8", "8", "8", ()),
        ("8 U.S. Code § 1373", "8", "1373", ()),
        ("8 U. S. C. § 1373", "8", "1373", ()),
        ("8 U.S.C.A. § 1373", "8", "1373", ()),
        ("8 U.S.C.S. § 1373", "8", "1373", ()),
        ("8 U.S.C. sec. 1373", "8", "1373", ()),
        ("8 U.S.C. Section 1373", "8", "1373", ()),
        ("Title 8, Section 1373 of the U.S. Code", "8", "1373", ()),
        ("section 1373 of title 8, United States Code", "8", "1373", ()),
        ("section 1373 of title 8", "8", "1373", ()),
        ("under section 89, title 14, United States Code.", "14", "89", ()),
        ("Section 14123(a)(2) of 49 U.S.C.", "49", "14123", ("a", "2")),
        ("18, United States Code, Section 3500", "18", "3500", ()),
        ("title 18, United States Code, section 3500", "18", "3500", ()),
        ("U.S.C. Title 18, Section 922(g)", "18", "922", ("g",)),
        ("8 U.S.C. § 1324(a)(1)(A)(iii)", "8", "1324", ("a", "1", "A", "iii")),
        ("8 U.S.C. § 1182(a)(9)(B)(i)(II)", "8", "1182", ("a", "9", "B", "i", "II")),
        ("42 U.S.C. 2000e-2", "42", "2000e-2", ()),
        ("42 U.S.C. 2000e–2", "42", "2000e-2", ()),
        ("15 U.S.C. 78j", "15", "78j", ()),
        ("50 U.S.C. 404o-1(a)", "50", "404o-1", ("a",)),
        ("16 USC 460nnn-101", "16", "460nnn-101", ()),
        ("42 U.S.C. § 1396a", "42", "1396a", ()),
        ("31 USC 5318A(a)(1)(A)", "31", "5318A", ("a", "1", "A")),
        ("42 U.S.C.285t–2(a)", "42", "285t-2", ("a",)),
        ("8\u00a0U.S.C.\u00a0§\u00a01373", "8", "1373", ()),
        ("8\u202fU.S.C.\u202f§\u202f1373", "8", "1373", ()),
        ("8 U.S.C.\n§ 1373", "8", "1373", ()),
        ("8\nU.S.C. 1373", "8", "1373", ()),
        ("18 U.S.C.§924(c)", "18", "924", ("c",)),
        ("47 U.S.C. 230 (c)", "47", "230", ("c",)),
        ("(5 U.S.C. 552)", "5", "552", ()),
    ],
)
def test_single_citation(text: str, title: str, section: str, pin: tuple[str, ...]) -> None:
    assert usc(text) == [(title, section, pin)]


def test_whole_span_and_normal_form() -> None:
    text = "compliance with 8 U.S. Code 8, of the Act"
    (c,) = citelink.find(text)
    assert (c.start, c.end, c.text) == (16, 29, "8 U.S. Code 8")
    assert c.normalized == "8 U.S.C. § 8"
    assert c.id == "usc/8/8"
    assert c.url == "https://www.law.cornell.edu/uscode/text/8/8"


def test_pin_in_id_and_url() -> None:
    (c,) = citelink.find("8 U.S.C. § 1373(a)(1)")
    assert c.normalized == "8 U.S.C. § 1373(a)(1)"
    assert c.id == "usc/8/1373/a/1"
    assert c.url == "https://www.law.cornell.edu/uscode/text/8/1373#a_1"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("18 U.S.C. §§ 2, 371, and 1343", [("18", "2"), ("18", "371"), ("18", "1343")]),
        ("5 U.S.C. §§ 8344 and 8468", [("5", "8344"), ("5", "8468")]),
        ("42 U.S.C. §§ 1981-1983", [("42", "1981"), ("42", "1983")]),
        ("49 U.S.C. §§ 10101–10726", [("49", "10101"), ("49", "10726")]),
        ("41 U.S.C. 10a-10c", [("41", "10a"), ("41", "10c")]),
        ("sections 1373 and 1644 of title 8", [("8", "1373"), ("8", "1644")]),
        (
            "sections 1581–1585 or 1588–1591 of title 18",
            [("18", s) for s in ("1581", "1585", "1588", "1591")],
        ),
        ("43 U.S.C. §1733 & 1734", [("43", "1733"), ("43", "1734")]),
    ],
)
def test_lists_and_ranges(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t, s) for t, s, _ in usc(text)] == expected


def test_range_members_have_their_own_spans_and_a_shared_group() -> None:
    text = "see 42 U.S.C. §§ 1981–1983."
    first, last = citelink.find(text)
    assert first.text == "42 U.S.C. §§ 1981" and last.text == "1983"
    assert first.range_end == "1983" and last.range_end is None
    assert first.normalized == "42 U.S.C. §§ 1981–1983"
    assert last.normalized == "42 U.S.C. § 1983"
    assert first.group == last.group == (4, 26)


def test_pin_ranges_and_pin_lists() -> None:
    assert usc("8 U.S.C. §§ 1373(a)-(c)") == [("8", "1373", ("a",)), ("8", "1373", ("c",))]
    assert usc("8 U.S.C. § 1373(a) and (b)") == [("8", "1373", ("a",)), ("8", "1373", ("b",))]
    assert usc("41 U.S.C. 10a(1)-10c(2)") == [("41", "10a", ("1",)), ("41", "10c", ("2",))]
    (first, _) = citelink.find("8 U.S.C. §§ 1373(a)-(c)")
    assert first.normalized == "8 U.S.C. § 1373(a)–(c)"


def test_et_seq_and_note() -> None:
    (c,) = citelink.find("42 U.S.C. 12101 et seq.")
    assert c.et_seq and c.section == "12101" and c.text.endswith("et seq.")
    assert c.normalized == "42 U.S.C. § 12101 et seq."
    assert c.id == "usc/42/12101"
    (n,) = citelink.find("8 U.S.C. § 1101 note")
    assert n.note and n.normalized == "8 U.S.C. § 1101 note" and n.id == "usc/8/1101"


def test_appendix_titles() -> None:
    (c,) = citelink.find("50 U.S.C. App. § 2401")
    assert (c.title, c.section, c.appendix) == ("50", "2401", True)
    assert c.normalized == "50 U.S.C. app. § 2401"
    assert c.id == "usc/50-app/2401"


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("8 U.S.C. § 1101. Later, § 1373 applies.", "§ 1373"),
        ("8 U.S.C. § 1101. Later, section 1373 applies.", "section 1373"),
        ("8 U.S.C. § 1101. Later, § 1231(a)(6) applies.", "§ 1231(a)(6)"),
        ("8 U.S.C. § 1101; id. § 1702.", "id. § 1702"),
    ],
)
def test_short_forms_inherit_the_title(text: str, short: str) -> None:
    full, later = citelink.find(text)
    assert later.text == short
    assert later.short and later.title == "8"
    assert later.antecedent == full


def test_id_at_pin_and_bare_id() -> None:
    text = "fees under 42 USC § 1988(b), and expert fees, id. at (c). 42 U.S.C. § 1983. Id."
    found = citelink.find(text)
    assert [(c.text, c.normalized) for c in found] == [
        ("42 USC § 1988(b)", "42 U.S.C. § 1988(b)"),
        ("id. at (c)", "42 U.S.C. § 1988(c)"),
        ("42 U.S.C. § 1983", "42 U.S.C. § 1983"),
        ("Id.", "42 U.S.C. § 1983"),
    ]


def test_short_form_without_antecedent_is_unresolved() -> None:
    (c,) = citelink.find("As § 1373 says.")
    assert c.short and c.title is None and c.id is None and c.url is None
    assert c.normalized == "§ 1373"


def test_this_title() -> None:
    text = "as defined in section 1357 of this title"
    (unresolved,) = citelink.find(text)
    assert unresolved.title is None and unresolved.url is None
    (c,) = citelink.find(text, this_title="8")
    assert (c.title, c.section, c.text) == ("8", "1357", "section 1357 of this title")


@pytest.mark.parametrize(
    "text",
    [
        "5 U.S. Cities were visited",
        "8 U.S. Street, Suite 1373",
        "Call (202) 555-0143 or 1-800-555-1373.",
        "Laws of 2019, § 2019 was amended",
        "§ 2021",
        "see subsection 1373 above",
        "section 212 of the Immigration and Nationality Act",
        "The U.S.C. has fifty-four titles.",
        "U. S. Const. amend. IV",
        "it was paid. 5 dollars",
        "Id. at 574",
    ],
)
def test_not_citations(text: str) -> None:
    """None of these is a U.S. Code citation (other sources may claim them)."""
    assert [c for c in citelink.find(text) if c.kind == "usc"] == []


@pytest.mark.parametrize(
    "text",
    [
        "section 3 of title 11 of the Delaware Code",
        "section 701 of title 21 of the Oklahoma Statutes",
        "section 3203 of title 8, California Code of Regulations",
        "section 1003 of title 8, Code of Federal Regulations",
        "section 5 of title 8 of the Act",
        "section 25 of title 14 of the Maine Revised Statutes",
    ],
)
def test_a_title_of_another_code_is_not_the_us_codes(text: str) -> None:
    assert [c.id for c in citelink.find(text) if c.kind == "usc"] == []


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("section 1101 of title 8 of the United States Code", "usc/8/1101"),
        ("section 3304 of Title 26, Internal Revenue Code", "usc/26/3304"),
        ("section 101 of title 11, Bankruptcy Code", "usc/11/101"),
        ("section 1101 of title 8, Aliens and Nationality", "usc/8/1101"),
        ("section 1101 of title 8 (relating to definitions)", "usc/8/1101"),
        ("section 1101 of title 8. The Act was amended", "usc/8/1101"),
    ],
)
def test_a_title_named_after_it_may_still_be_the_us_codes(text: str, cited: str) -> None:
    assert [c.id for c in citelink.find(text)] == [cited]


def test_next_citation_is_not_a_list_item() -> None:
    assert usc("8 U.S.C. § 1373, 42 U.S.C. § 1983") == [("8", "1373", ()), ("42", "1983", ())]
    text = "18 U.S.C. §§ 2, 371, and\n18, United States Code, Section 3500"
    assert usc(text) == [("18", "2", ()), ("18", "371", ()), ("18", "3500", ())]


def test_year_in_parentheses_is_not_a_pin() -> None:
    assert usc("42 U.S.C. § 405(r)(2) (2019)") == [("42", "405", ("r", "2"))]


def test_seed_article_forms(fixture_text) -> None:
    text = fixture_text("news_article.txt")
    found = citelink.find(text)
    assert [(c.text, c.normalized, c.url) for c in found] == [
        ("8 U.S. Code 8", "8 U.S.C. § 8", "https://www.law.cornell.edu/uscode/text/8/8"),
        ("§ 1373", "8 U.S.C. § 1373", "https://www.law.cornell.edu/uscode/text/8/1373"),
        ("8 U.S.C. 1373", "8 U.S.C. § 1373", "https://www.law.cornell.edu/uscode/text/8/1373"),
    ]


def test_brief_fixture_has_no_false_positives(fixture_text) -> None:
    text = fixture_text("brief.txt")
    found = citelink.find(text)
    assert all(c.title is not None for c in found)
    assert "Suite" not in " ".join(c.text for c in found)
    sections = {(c.title, c.section) for c in found}
    assert {("8", "1644"), ("18", "3500"), ("18", "922"), ("50", "2401"), ("8", "1231")} <= sections


# --- where the law is now ---------------------------------------------------------------


def test_a_section_that_moved_links_to_where_it_is_now() -> None:
    (moved,) = citelink.find("See 42 U.S.C. § 1973(a).")
    assert moved.id == "usc/42/1973/a"  # the id is of what is cited
    assert moved.moved_to == ("52", "10301")
    assert moved.url == "https://www.law.cornell.edu/uscode/text/52/10301#a"
    assert moved.urls["lii-as-cited"] == "https://www.law.cornell.edu/uscode/text/42/1973#a"
    assert moved.to_dict()["moved_to"] == {"title": "52", "section": "10301"}


def test_a_live_section_and_a_reused_designation_link_as_cited() -> None:
    (live,) = citelink.find("See 8 U.S.C. § 1373.")
    assert live.moved_to is None and "lii-as-cited" not in live.urls
    assert "moved_to" not in live.to_dict()
    # 10 U.S.C. § 7420 was renumbered in 2018, and § 7420 is now another section: no move.
    (reused,) = citelink.find("See 10 U.S.C. § 7420.")
    assert reused.moved_to is None
    assert reused.url == "https://www.law.cornell.edu/uscode/text/10/7420"
