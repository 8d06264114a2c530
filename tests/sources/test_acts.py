"""Named acts: the INA and the Internal Revenue Code mapped to the Code, other acts recognized."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import citelink
from citelink.sources.acts import ACTS, TABLE_FORMAT, ActCitation, all_acts

DATA = Path(citelink.__file__).parent / "data"


def acts(text: str) -> list[tuple[str, str, tuple[str, ...], str | None, str | None]]:
    found = [c for c in citelink.find(text) if isinstance(c, ActCitation)]
    for c in found:
        assert text[c.start : c.end] == c.text
    return [(c.act, c.section, c.pin, c.title, c.code_section) for c in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("INA § 287(g)", [("INA", "287", ("g",), "8", "1357")]),
        ("INA section 287(g)", [("INA", "287", ("g",), "8", "1357")]),
        ("I.N.A. § 212(a)(9)(B)", [("INA", "212", ("a", "9", "B"), "8", "1182")]),
        (
            "Immigration and Nationality Act § 101(a)(15)",
            [("INA", "101", ("a", "15"), "8", "1101")],
        ),
        ("INA § 274A", [("INA", "274A", (), "8", "1324a")]),
        ("INA § 329A", [("INA", "329A", (), "8", "1440-1")]),  # ASCII hyphens, as the Code's
        (
            "section 287(g) of the Immigration and Nationality Act",
            [("INA", "287", ("g",), "8", "1357")],
        ),
        ("section 237(a)(2) of the INA", [("INA", "237", ("a", "2"), "8", "1227")]),
        (
            "INA § 101(11). § 237(c)",
            [("INA", "101", ("11",), "8", "1101"), ("INA", "237", ("c",), "8", "1227")],
        ),
        ("IRC § 501(c)(3)", [("IRC", "501", ("c", "3"), "26", "501")]),
        ("I.R.C. § 61", [("IRC", "61", (), "26", "61")]),
        (
            "section 501(c)(3) of the Internal Revenue Code of 1986",
            [("IRC", "501", ("c", "3"), "26", "501")],
        ),
        ("IRC § 671. § 673", [("IRC", "671", (), "26", "671"), ("IRC", "673", (), "26", "673")]),
        (
            "NLRA § 8(b)(4). § 7",
            [("NLRA", "8", ("b", "4"), "29", "158"), ("NLRA", "7", (), "29", "157")],
        ),
        (
            "CAA § 171(2). Id. at (3)(A)",
            [("CAA", "171", ("2",), "42", "7501"), ("CAA", "171", ("3", "A"), "42", "7501")],
        ),
        ("section 404 of the Clean Water Act", [("CWA", "404", (), "33", "1344")]),
        # The INA cited as the source credits cite it, by date and chapter.
        (
            "(June 27, 1952, ch. 477, title II, ch. 9, §287, 66 Stat. 233;",
            [("INA", "287", (), "8", "1357")],
        ),
    ],
)
def test_forms(text: str, expected: list[tuple[str | None, ...]]) -> None:
    assert acts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "section 2 of the ADA Amendments Act of 2008",  # another act
        "section 212 of such Act",
        "DATA § 5",  # a word that ends like a name
        "(Mar. 2, 1931, ch. 368, § 1, 46 Stat. 1467;",  # another act of another day
    ],
)
def test_not_named_acts(text: str) -> None:
    assert acts(text) == []


def test_ina_sections_map_to_title_8_through_the_derived_table() -> None:
    table = ACTS["ina"].table
    assert table is not None
    assert {s: table[s] for s in ("101", "208", "212", "237", "274A", "287")} == {
        "101": "1101",
        "208": "1158",
        "212": "1182",
        "237": "1227",
        "274A": "1324a",
        "287": "1357",
    }
    assert acts("INA § 999") == [
        ("INA", "999", (), None, None)
    ]  # not in the table: no Code section


@pytest.mark.parametrize(
    ("text", "normalized", "id", "lii", "uscode"),
    [
        (
            "INA § 287(g)(1)",
            "Immigration and Nationality Act § 287(g)(1), 8 U.S.C. § 1357(g)(1)",
            "act/ina/287/g/1",
            "https://www.law.cornell.edu/uscode/text/8/1357#g_1",
            "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title8-section1357"
            "&num=0&edition=prelim",
        ),
        (
            "IRC § 501(c)(3)",
            "I.R.C. § 501(c)(3)",
            "act/irc/501/c/3",
            "https://www.law.cornell.edu/uscode/text/26/501#c_3",
            "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title26-section501"
            "&num=0&edition=prelim",
        ),
    ],
)
def test_normal_form_id_and_links(
    text: str, normalized: str, id: str, lii: str, uscode: str
) -> None:
    (c,) = citelink.find(text, resolvers=["lii", "uscode"])
    assert (c.normalized, c.id) == (normalized, id)
    assert c.urls == {"lii": lii, "uscode": uscode}


def test_no_link_without_a_code_section() -> None:
    (c,) = citelink.find("NLRA § 88(b)", resolvers=["lii", "uscode"])
    assert (c.normalized, c.id, c.url, c.unmapped_reason) == (
        "National Labor Relations Act § 88(b)",
        "act/nlra/88/b",
        None,
        "not-classified",
    )


def test_a_section_the_ina_does_not_have_is_not_its_short_form() -> None:
    found = citelink.find("INA § 203(a). § 204(b). § 1153 here.")
    assert [(c.kind, c.normalized, c.resolved) for c in found] == [
        ("act", "Immigration and Nationality Act § 203(a), 8 U.S.C. § 1153(a)", True),
        ("act", "Immigration and Nationality Act § 204(b), 8 U.S.C. § 1154(b)", True),
        ("usc", "§ 1153", False),  # unresolved rather than guessed
    ]


def test_a_source_credit_does_not_anchor_short_forms() -> None:
    text = "8 U.S.C. § 1101. (June 27, 1952, ch. 477, title II, ch. 9, §287, 66 Stat. 233.) § 1358."
    found = citelink.find(text)
    assert [c.normalized for c in found] == [
        "8 U.S.C. § 1101",
        "Immigration and Nationality Act § 287, 8 U.S.C. § 1357",
        "66 Stat. 233",
        "8 U.S.C. § 1358",
    ]
    assert found[1].by_chapter


# --- the acts of the derived table ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "act", "section", "pin", "code"),
    [
        ("Under section 7 of the ESA, each agency consults.", "ESA", "7", (), "16/1536"),
        (
            "The claim turns on FD&C Act section 403A(a)(2).",
            "FD&C Act",
            "403A",
            ("a", "2"),
            "21/343-1",
        ),
        ("It sued under FFDCA § 505(j).", "FD&C Act", "505", ("j",), "21/355"),
        ("See FDCA § 301(a) and more.", "FD&C Act", "301", ("a",), "21/331"),
        (
            "a claim under section 502(a)(1)(B) of the Employee Retirement Income Security Act",
            "ERISA",
            "502",
            ("a", "1", "B"),
            "29/1132",
        ),
        ("ERISA § 514 preempts it.", "ERISA", "514", (), "29/1144"),
        ("Exchange Act § 10(b) reaches it.", "Exchange Act", "10", ("b",), "15/78j"),
        ("a '34 Act § 12(g) registrant", "Exchange Act", "12", ("g",), "15/78l"),
        (
            "section 16(b) of the Securities Exchange Act of 1934 applies",
            "Exchange Act",
            "16",
            ("b",),
            "15/78p",
        ),
        (
            "a false endorsement claim under § 43(a) of the Lanham Act",
            "Lanham Act",
            "43",
            ("a",),
            "15/1125",
        ),
        (
            "Section 230 of the Communications Act shields it.",
            "Communications Act",
            "230",
            (),
            "47/230",
        ),
        (
            "an order under section 6(c) of the Investment Company Act",
            "Investment Company Act",
            "6",
            ("c",),
            "15/80a-6",
        ),
        ("Social Security Act § 1902(a)(10) lists them.", "SSA", "1902", ("a", "10"), "42/1396a"),
        (
            "a firm certified under section 8(a) of the Small Business Act",
            "Small Business Act",
            "8",
            ("a",),
            "15/637",
        ),
        (
            "section 504 of the Rehabilitation Act of 1973 forbids it",
            "Rehabilitation Act",
            "504",
            (),
            "29/794",
        ),
        ("PHSA § 351(k) governs biosimilars.", "PHSA", "351", ("k",), "42/262"),
        ("the Public Health Service Act § 399R program", "PHSA", "399R", (), "42/280g-6"),
        ("NEPA § 102(2)(C) requires a statement.", "NEPA", "102", ("2", "C"), "42/4332"),
        ("a CERCLA § 107(a) claim", "CERCLA", "107", ("a",), "42/9607"),
        ("RCRA § 7002 citizen suits", "RCRA", "7002", (), "42/6972"),
        ("section 112(r) of the Clean Air Act", "CAA", "112", ("r",), "42/7412"),
        # a title of an act, numbered as the act is: the Safe Drinking Water Act is PHSA title XIV
        ("section 1412 of the Safe Drinking Water Act", "PHSA", "1412", (), "42/300g-1"),
        # the Fair Credit Reporting Act is title VI of the Consumer Credit Protection Act
        ("FCRA § 623(a) duties", "FCRA", "623", ("a",), "15/1681s-2"),
    ],
)
def test_table_acts_map_to_the_code(
    text: str, act: str, section: str, pin: tuple[str, ...], code: str
) -> None:
    (c,) = [c for c in citelink.find(text) if isinstance(c, ActCitation)]
    assert (c.act, c.section, c.pin) == (act, section, pin)
    assert f"{c.title}/{c.code_section}" == code
    assert c.unmapped_reason is None
    assert text[c.start : c.end] == c.text


def test_a_table_act_normal_form_id_and_links() -> None:
    (c,) = citelink.find("Public Health Service Act § 399R(b)", resolvers=["lii", "uscode"])
    assert (c.normalized, c.id) == (
        "Public Health Service Act § 399R(b), 42 U.S.C. § 280g-6(b)",
        "act/phsa/399R/b",
    )
    assert c.urls == {
        "lii": "https://www.law.cornell.edu/uscode/text/42/280g-6#b",
        "uscode": "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title42-section280g-6"
        "&num=0&edition=prelim",
    }
    record = c.to_dict()
    assert (record["act"], record["title"], record["code_section"]) == ("PHSA", "42", "280g-6")
    assert record["unmapped_reason"] is None


def test_a_section_the_act_does_not_have_stays_unmapped() -> None:
    (c,) = citelink.find("ESA § 99(a)", resolvers=["lii", "uscode"])
    assert (c.act, c.section, c.title, c.code_section, c.url) == ("ESA", "99", None, None, None)
    assert c.unmapped_reason == "not-classified"
    assert c.normalized == "Endangered Species Act of 1973 § 99(a)"
    # never read as a section of the Code
    assert [x.kind for x in citelink.find("FD&C Act section 9999")] == ["act"]


def test_lists_and_pins_of_a_named_act() -> None:
    found = citelink.find("sections 301(a) and 502(f) of the FD&C Act")
    assert [(c.section, c.pin, c.code_section) for c in found] == [
        ("301", ("a",), "331"),
        ("502", ("f",), "352"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "section 5 of the Clean Air Act Amendments of 1990",  # another act, not in the table
        "the Exchange Actuary § 5",  # a word that begins like a name
        "section 3 of the Act",  # which act is not said
        "PHSAX § 351",
    ],
)
def test_not_a_table_act(text: str) -> None:
    assert acts(text) == []


def test_every_example_of_the_shipped_table_resolves() -> None:
    shipped = json.loads(gzip.decompress((DATA / "acts.json.gz").read_bytes()))
    assert shipped["format"] == TABLE_FORMAT
    assert shipped["source"]["release_point"]
    examples = [entry for entry in shipped["acts"].values() if "example" in entry]
    assert len(examples) >= 40
    assert len(shipped["acts"]) >= 100
    for entry in examples:
        text, _, expected = entry["example"].partition(" => ")
        found = [c for c in citelink.find(text) if isinstance(c, ActCitation)]
        assert len(found) == 1, text
        assert f"{found[0].title}/{found[0].code_section}" == expected, text
        assert all_acts()[entry["id"]].key == entry["id"]
    for act in all_acts().values():
        assert not any("\u2013" in code for code in (act.table or {}).values()), act.key


def test_every_name_of_the_table_is_read_before_and_after_a_section() -> None:
    by_key = all_acts()
    for act in by_key.values():
        if act.table is None:
            continue
        section = next(iter(act.table))
        for name in act.names[:3]:
            for text in (f"{name} § {section}", f"section {section} of the {name}"):
                found = [c for c in citelink.find(text) if isinstance(c, ActCitation)]
                assert [(c.act, c.section) for c in found] == [(act.short, section)], text


def test_an_abbreviation_in_brackets_between_the_name_and_the_section() -> None:
    (c,) = citelink.find("a product licensed under Public Health Service Act (PHSA) section 351(a)")
    assert (c.text, c.act, c.code_section) == (
        "Public Health Service Act (PHSA) section 351(a)",
        "PHSA",
        "262",
    )
    (c,) = citelink.find("the (FD&C Act) section 505(b)(2) pathway")
    assert (c.text, c.act, c.pin) == ("(FD&C Act) section 505(b)(2)", "FD&C Act", ("b", "2"))
    # a bracket that names no act is no act's
    assert acts("as Smith (2017) section 5 says") == []


def test_a_name_of_one_title_reads_only_that_titles_sections() -> None:
    # the Fair Housing Act is title VIII of the Civil Rights Act of 1968, FCRA title VI and
    # TILA title I of the Consumer Credit Protection Act, each named on its own
    assert acts("FHA § 804(a)") == [("FHA", "804", ("a",), "42", "3604")]
    assert acts("section 804(a) of the Civil Rights Act of 1968") == [
        ("Civil Rights Act of 1968", "804", ("a",), "42", "3604")
    ]
    assert acts("TILA § 128") == [("TILA", "128", (), "15", "1638")]
    assert (
        citelink.find("TILA § 128")[0].normalized == "Truth in Lending Act § 128, 15 U.S.C. § 1638"
    )
    # a name the Code's notes give one title reads that title's sections only
    (sdwa,) = citelink.find("section 1412 of the Safe Drinking Water Act")
    assert (sdwa.act, sdwa.code_section) == ("PHSA", "300g-1")
    (other,) = citelink.find("section 351 of the Safe Drinking Water Act")
    assert (other.code_section, other.unmapped_reason) == (None, "not-classified")
    (fha,) = citelink.find("an FHA Section 203(b) loan")
    assert (fha.code_section, fha.unmapped_reason) == (None, "not-classified")
    (fcra,) = citelink.find("FCRA § 128")
    assert (fcra.code_section, fcra.unmapped_reason) == (None, "not-classified")


def test_a_short_form_after_a_table_act() -> None:
    text = (
        "FD&C Act section 403A governs labels. It further states that section 403A(b) does not"
        " apply. Then section 404 is cited."
    )
    found = citelink.find(text)
    assert [(c.kind, c.text, c.id) for c in found] == [
        ("act", "FD&C Act section 403A", "act/fdca/403A"),
        ("act", "section 403A(b)", "act/fdca/403A/b"),  # its own section again
        ("usc", "section 404", None),  # another section, further on: not surely the act's
    ]
    assert found[1].short and found[1].code_section == "343-1"
    # another section right after it
    assert acts("NLRA § 8(b)(4). § 7")[1] == ("NLRA", "7", (), "29", "157")
    # a heading of a bill amending the Internal Revenue Code
    text = (
        "a dealer under section 15(a) of the Exchange Act.\n\n(4)\n\nApplicable section 38 credits."
    )
    assert [c.kind for c in citelink.find(text)] == ["act", "usc"]
