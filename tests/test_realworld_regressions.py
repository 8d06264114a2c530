"""Readings that real documents need, each as a short sentence of our own.

Each test is one pattern a lawyer reading citelink's output on real documents
(Federal Register issues, CRS reports, state opinions, bills, agency pages)
found wrong: the sentence shows the pattern, not the document.
"""

from __future__ import annotations

import citelink
from citelink.finder import Finder
from citelink.models import Citation


def _ids(text: str) -> list[str | None]:
    return [c.id for c in citelink.find(text)]


def _shorts(text: str) -> list[Citation]:
    return [c for c in citelink.find(text) if c.short]


_FILLER = "The agency considered the comments it received and made no change. " * 2


# --- the reach of short forms ---------------------------------------------------------


def test_a_short_form_within_reach_takes_its_title() -> None:
    text = f"See 8 U.S.C. § 1101.\n\n{_FILLER}\n\nCompare § 1373."
    assert _ids(text) == ["usc/8/1101", "usc/8/1373"]


def test_a_short_form_beyond_the_reach_stays_unresolved_and_says_why() -> None:
    text = "See 8 U.S.C. § 1101.\n\n" + f"{_FILLER}\n\n" * 6 + "Compare § 1373."
    short = _shorts(text)
    assert [c.id for c in short] == [None]
    assert short[0].unresolved_reason == "far-antecedent"
    assert short[0].to_dict()["unresolved_reason"] == "far-antecedent"


def test_the_reach_is_a_finder_setting() -> None:
    text = "See 8 U.S.C. § 1101.\n\n" + f"{_FILLER}\n\n" * 6 + "Compare § 1373."
    far = Finder(antecedent_paragraphs=None).find(text)
    assert [c.id for c in far] == ["usc/8/1101", "usc/8/1373"]
    near = Finder(antecedent_paragraphs=0).find(f"See 8 U.S.C. § 1101.\n\n{_FILLER}\n\n§ 1373.")
    assert near[-1].unresolved_reason == "far-antecedent"


def test_headings_are_not_paragraphs() -> None:
    headings = "(C)\n\nIn general.—\n\n" * 8
    text = f"Under 8 U.S.C. § 1101, {_FILLER}\n\n{headings}Section 1373 applies."
    assert _ids(text) == ["usc/8/1101", "usc/8/1373"]


def test_a_short_form_with_nothing_before_it_says_so() -> None:
    (short,) = _shorts("Compare § 1373.")
    assert short.unresolved_reason == "no-antecedent"


def test_a_resolved_record_has_no_reason() -> None:
    record = citelink.find("See 8 U.S.C. § 1101 and § 1373.")[1].to_dict()
    assert record["id"] == "usc/8/1373"
    assert "unresolved_reason" not in record


# --- what is named before a bare section ends the chain --------------------------------


def test_an_executive_order_named_since_ends_the_chain() -> None:
    text = "See 43 U.S.C. 1337(k)(2).\n\nThe rule meets E.O. 12988. It meets section 3(a)."
    short = _shorts(text)
    assert [(c.id, c.unresolved_reason) for c in short] == [(None, "other-container")]


def test_an_act_named_just_before_the_mark_is_the_sections_body() -> None:
    for text in (
        "See 44 U.S.C. 3501. The Mine Safety and Health Act of 1977, Section 501 applies.",
        "See 16 U.S.C. 1801. The Fishery Conservation Act at section 304(d)(2)(A) applies.",
        "See 5 U.S.C. 601. The agency certified under RFA section 605(b) that it has none.",
    ):
        assert _ids(text)[1:] == [], text
    # acts citelink knows are their own sections, never the Code's
    text = "See 15 U.S.C. 2601. Importers are subject to TSCA section 13 and FIFRA section 17."
    assert _ids(text)[1:] == ["act/tsca/13", "act/fifra/17"]


def test_an_act_named_since_ends_the_chain() -> None:
    text = "See 15 U.S.C. 78a. The Exchange Act governs this. Section 6(b)(5) requires rules."
    assert [c.unresolved_reason for c in _shorts(text)] == ["other-container"]


def test_the_antecedents_own_act_in_its_sentence_does_not_end_the_chain() -> None:
    text = "They must comply with 8 U.S.C. 1101, of the Nationality Act, in full. See § 1373."
    assert _ids(text) == ["usc/8/1101", "usc/8/1373"]


def test_a_name_inside_a_citation_found_since_is_that_citations() -> None:
    text = "8 U.S.C. § 1101; 22 Tex. Admin. Code § 72.10; § 1373"
    assert _ids(text)[-1] == "usc/8/1373"


def test_session_law_sections_are_not_the_codes() -> None:
    for text in (
        "See 21 U.S.C. § 331. See ch. 675, § 505, 52 Stat. 1040.",
        "See 5 U.S.C. § 552. It was added by Pub. L. 113-235, Div. G, Title II, § 219(a).",
        "See 5 U.S.C. § 552. It was repealed by Pub. Act 91-403, § 5.",
        "See 5 U.S.C. § 552. Compare E-SIGN §§ 101(a)(1) and 102.",
    ):
        assert all(c.kind != "usc" or c.section in ("331", "552") for c in citelink.find(text))


def test_a_documents_own_sections_and_program_names_are_not_the_codes() -> None:
    assert _ids("See 18 U.S.C. Section 2319. Remove the item identified in Section 3.") == [
        "usc/18/2319"
    ]
    assert _ids("See 42 U.S.C. 1983. Tenants in Section 8 housing sued.") == ["usc/42/1983"]
    assert _ids("The site is built to meet Section 508 standards.") == []


def test_capitals_are_no_acronym_before_a_mark() -> None:
    text = "SEE 8 U.S.C. 1101 (1982). UNDER SECTION 1373 THE CLAIM FAILS."
    assert _ids(text) == ["usc/8/1101", "usc/8/1373"]


def test_the_seed_article_pattern_still_resolves() -> None:
    text = (
        "They cited 8 U.S. Code 8, of the Immigration and Nationalities Act, and the memo.\n\n"
        "He raised Fourth Amendment issues about warrants.\n\n"
        "The definition turns on compliance with § 1373 and not on warrants."
    )
    assert _ids(text) == ["usc/8/8", "usconst/amendment-4", "usc/8/1373"]


def test_a_title_named_alone_anchors_the_sections_after_it() -> None:
    text = (
        "See 21 U.S.C. 331.\n\nThe authority is found in Title 49 of the United States Code."
        " Subtitle I, Section 106 describes it; Subtitle VII, Section 40103 too."
    )
    found = citelink.find(text)
    assert [c.id for c in found] == ["usc/21/331", "usc/49/106", "usc/49/40103"]
    assert found[1].antecedent is not None and found[1].antecedent.id == "usc/49"


def test_a_section_the_title_has_no_live_section_of_stays_unresolved() -> None:
    text = "See 16 U.S.C. 1531. Section 7(a)(2) requires consultation."
    assert [(c.id, c.unresolved_reason) for c in _shorts(text)] == [(None, "unknown-section")]


# --- pins and lists --------------------------------------------------------------------


def test_a_listed_pin_continues_at_its_own_level() -> None:
    assert [c.id for c in citelink.find("8 U.S.C. 1326(d)(1) and (2)")] == [
        "usc/8/1326/d/1",
        "usc/8/1326/d/2",
    ]
    found = citelink.find("40 CFR 721.63(a)(1), (a)(2)(i), (a)(2)(ii), (a)(6), and (c)")
    assert [c.pin for c in found] == [  # type: ignore[attr-defined]
        ("a", "1"),
        ("a", "2", "i"),
        ("a", "2", "ii"),
        ("a", "6"),
        ("c",),
    ]
    roman = citelink.find("50 CFR 635.27(a)(8)(ii) and (ix)")
    assert roman[1].pin == ("a", "8", "ix")  # type: ignore[attr-defined]
    capitals = citelink.find("8 U.S.C. 1182(a)(2)(A)(i)(I) and (II)")
    assert capitals[1].id == "usc/8/1182/a/2/A/i/II"


# --- state sections --------------------------------------------------------------------


def test_hyphenated_state_sections_are_sections_not_ranges() -> None:
    assert _ids("N.Y. Elec. Law § 9-112") == ["state/ny/elec/9-112"]
    assert _ids("N.Y. Gen. Oblig. Law § 5-701(a)(1)") == ["state/ny/gen-oblig/5-701/a/1"]
    (dc,) = citelink.find("D.C. Code § 22\u20134504(a)(1)")
    assert dc.id == "state/dc/code/22-4504/a/1"
    assert [c.kind for c in citelink.find("Cal. Penal Code §§ 187-190")] == ["state", "state"]


def test_new_york_style_without_the_state_is_new_yorks() -> None:
    found = citelink.find("Public Officers Law § 17 and Village Law §§ 3-301(4) and 3-312(5)")
    assert [c.id for c in found] == [
        "state/ny/pub-off/17",
        "state/ny/village/3-301/4",
        "state/ny/village/3-312/5",
    ]


def test_a_law_the_finder_does_not_know_is_no_short_form_of_another() -> None:
    text = "N.Y. Const. art. 2, § 7; Canal Law § 10; Harbor Improvement Law §§ 10(1)(i), 23(2)"
    assert _ids(text) == ["state/ny/const/art-2/sec-7"]


def test_a_state_title_and_section_alone_is_not_a_us_code_record() -> None:
    assert citelink.find("See § 2-1933 and § 42\u20133505.01 for the notice.") == []
    assert _ids("See 8 U.S.C. §§ 1-18.") == ["usc/8/1", "usc/8/18"]


def test_an_enacting_laws_section_is_not_the_codes() -> None:
    for text in (
        "Stat. 1998 (repealed in part by Pub. Act 91 \u2014 403, § 5, eff. January 1, 2000)",
        "July 17, 1985, D.C. Law 6-10, § 501, 32 DCR 3089",
    ):
        assert citelink.find(text) == [], text


# --- capitals, state rules, "Id." -------------------------------------------------------


def test_all_capitals_are_read_and_pins_link_in_the_codes_case() -> None:
    (cfr,) = citelink.find("4. UNDER 41 C.F.R. SEC. 3-3.5103(E), WHERE INQUIRY IS MADE")
    assert cfr.id == "cfr/41/3-3.5103/e"
    (usc,) = citelink.find("SET-ASIDES (15 U.S.C. 637(A) (SUPP. III, (1979)) WHERE")
    assert usc.url is not None and usc.url.endswith("/15/637#a")
    caps = citelink.find("SEE 8 U.S.C. 1182(A)(2)(A)(I)(II).")
    assert caps[0].id == "usc/8/1182/a/2/A/i/II"


def test_a_section_of_a_named_act_in_capitals_is_not_the_codes() -> None:
    text = "SEE 15 U.S.C. 637. A PROCUREMENT UNDER SECTION 8(A) OF THE SMALL BUSINESS ACT."
    assert _ids(text) == ["usc/15/637"]


def test_state_court_rules_are_not_federal_rules() -> None:
    text = "See Fed. R. Civ. P. 60(b)(6). Under Rule 1-060(B) NMRA the court may act."
    assert _ids(text) == ["rule/frcp/60/b/6"]


def test_id_after_a_case_the_finder_did_not_find_is_not_the_statutes() -> None:
    text = "See 8 U.S.C. § 1101(a). See State v. Ross, 122 N.M. 15, 919 P.2d 1 (1996). Id. at 20."
    assert _ids(text) == ["usc/8/1101/a"]
    assert _ids(
        "Fed. R. Evid. 803(4) applies. The court in Smith, 122 N.M. at 24, agreed. Id."
    ) == ["rule/fre/803/4"]
    assert _ids("See 8 U.S.C. § 1101. Id. § 1373.") == ["usc/8/1101", "usc/8/1373"]


# --- pins, lists and typography -----------------------------------------------------------


def test_a_title_written_after_the_word_section_is_the_citations() -> None:
    assert _ids("See section 17 U.S.C. § 501 for it.") == ["usc/17/501"]


def test_a_list_after_a_singular_mark_ending_in_or_is_a_list() -> None:
    text = "See Cal. Gov. Code § 18200. Section 18213, 18215, or 18216 applies."
    assert [c.id for c in citelink.find(text)][1:] == [
        "state/ca/gov/18213",
        "state/ca/gov/18215",
        "state/ca/gov/18216",
    ]


def test_et_seq_after_a_comma_and_the_codes_nt() -> None:
    (et_seq,) = citelink.find("17 U.S.C. §§ 100, et. seq.")
    assert et_seq.normalized == "17 U.S.C. § 100 et seq."
    (note,) = citelink.find("29 U.S.C. 651nt")
    assert note.normalized == "29 U.S.C. § 651 note"


def test_a_page_of_the_statutes_at_large_after_its_law() -> None:
    found = citelink.find("See ch. 675, 52 Stat. 1040 (1938). See 52 Stat. at 1052.")
    assert [c.normalized for c in found] == ["52 Stat. 1040", "52 Stat. 1040, 1052"]
    assert found[1].short and found[1].antecedent is found[0]
    (alone,) = citelink.find("See 52 Stat. at 1052.")
    assert alone.normalized == "52 Stat. 1052"


def test_a_state_code_named_in_full_before_a_bare_number() -> None:
    (penal,) = citelink.find("laws such as Cal. Penal Code 502(c) apply")
    assert penal.id == "state/ca/penal/502/c"


def test_oklahoma_supplement_years_and_illinois_em_dashes() -> None:
    text = "violating 47 O.S.2011, § 11-902, and 21 O.S.Supp.2017, § 1123(A)(1)"
    assert _ids(text) == ["state/ok/stat/47/11-902", "state/ok/stat/21/1123/A/1"]
    (ilcs,) = citelink.find("sentenced under 730 ILCS 5/5\u20148\u20141(a)(1)(d)(iii)")
    assert ilcs.normalized == "730 Ill. Comp. Stat. 5/5-8-1(a)(1)(d)(iii)"


def test_invisible_characters_inside_a_citation_do_not_hide_it() -> None:
    text = "8 U.S.C. § 12\u200b29a, 8 U.S.C. § 12\u00ad29a and 8 U.S.\u200dC. § 1373; § 1357"
    found = citelink.find(text)
    assert [c.id for c in found] == ["usc/8/1229a", "usc/8/1229a", "usc/8/1373", "usc/8/1357"]
    for citation in found:
        assert text[citation.start : citation.end] == citation.text
    assert found[-1].antecedent is found[-2]


def test_illinois_reporters_spaced_dashes_and_spaced_pins() -> None:
    text = "See 730 ILCS 5/5-4-1. Under section 5 \u2014 8\u20141(a) (1) (d) (iii), it applies."
    assert _ids(text) == ["state/il/ilcs/730/5/5-4-1", "state/il/ilcs/730/5/5-8-1/a/1/d/iii"]


def test_a_documents_section_headings_are_not_citations() -> None:
    text = "TITLE I\n\nSEC. 11001. MODIFICATION OF RATES.\n\nSec. 3. Short title.\n\n8 U.S.C. 1101"
    assert _ids(text) == ["usc/8/1101"]


def test_cfr_parts_end_at_the_next_title_and_at_a_full_stop() -> None:
    found = citelink.find("See 15 CFR part 906 and 40 CFR part 721. Under § 721.20 also.")
    assert [c.id for c in found] == ["cfr/15/part-906", "cfr/40/part-721", "cfr/40/721.20"]


def test_a_cfr_short_form_refers_to_the_latest_citation_of_its_part() -> None:
    text = "See 50 CFR 679.43 and 15 CFR part 906. Under § 679.41(m) it applies."
    found = citelink.find(text)
    assert found[-1].id == "cfr/50/679.41/m"
    assert found[-1].antecedent is found[0]
    other = citelink.find("See 40 CFR 721.5 and 40 CFR part 700. Under § 9.1 too.")
    assert other[-1].id == "cfr/40/9.1"


def test_id_after_a_parenthetical_or_a_page_is_not_the_statutes() -> None:
    for text in (
        "Smith v. Jones, 5 F.4th 1 (2020) (quoting 21 C.F.R. § 101.9(b)). Id.",
        "Pub. L. No. 94-295, 90 Stat. 539 (codified as amended at 21 U.S.C. § 360k). Id.",
        "See 21 C.F.R. § 101.62(b). Id. at 1091. Id.",
    ):
        assert all(not c.short for c in citelink.find(text)), text


def test_a_section_a_law_inserts_is_the_amended_acts() -> None:
    text = "Pub. L. No. 94-295, § 2, sec. 513(a)(1)(C), 90 Stat. 539, 541."
    assert _ids(text) == ["pl/94/295/s2", "stat/90/539"]


def test_a_law_named_in_the_citation_before_owns_the_section_after_it() -> None:
    text = "N.Y. Educ. Law § 2-d; Public Law 111-5 § 13402(h)(2)."
    assert _ids(text) == ["state/ny/educ/2-d", "pl/111/5"]


def test_articles_of_laws_and_numbered_regulations_are_not_the_constitutions() -> None:
    text = (
        "N.Y. Const. art. 2, § 7; REAL PROPERTY LAW, ART. 9, § 291; Real Property Law, Art. 9,"
        " § 291; N.Y.C.R.R. §§ 9, § 9000.1; New York Code, Rules And Regulations 19, § 203.1(a)"
    )
    assert _ids(text) == ["state/ny/const/art-2/sec-7"]


def test_an_illinois_section_printed_with_spaced_dashes_is_no_other_codes() -> None:
    text = "Ill. Const. 1970, art. I, § 2. As stated, section 5 \u2014 8\u2014 1(a)(1)(d) provides."
    assert [c.section for c in citelink.find(text)] == ["2"]  # type: ignore[attr-defined]
    ilcs = "See 730 ILCS 5/5-4-1. As stated, section 5 \u2014 8\u2014 1(a)(1)(d) provides."
    assert _ids(ilcs)[-1] == "state/il/ilcs/730/5/5-8-1/a/1/d"


def test_a_singular_mark_before_unlike_numbers_is_one_section() -> None:
    assert citelink.find("See § 32-408 for the rule.") == []  # a D.C. section, not the Code's
    assert _ids("8 U.S.C. § 1981-1983") == ["usc/8/1981", "usc/8/1983"]


def test_an_abbreviated_range_end_keeps_the_digits_it_does_not_repeat() -> None:
    found = citelink.find("citing Cal. Evid.Code 1252-53 (West 2001)")
    assert [c.id for c in found] == ["state/ca/evid/1252", "state/ca/evid/1253"]


def test_id_and_a_page_is_a_cases() -> None:
    assert _ids("Fed. R. Evid. 803(4) applies. Id. 37-39.") == ["rule/fre/803/4"]


def test_a_title_after_the_sections_without_a_comma_and_a_laws_section_before_it() -> None:
    text = "under sections 552b(c)(4) and 552b(c)(6), Title 5 U.S.C., as amended."
    assert _ids(text) == ["usc/5/552b/c/4", "usc/5/552b/c/6"]
    assert _ids("See 22 U.S.C. 7210; Sec. 1503, Pub. L. 108-11.") == ["usc/22/7210", "pl/108/11"]


def test_any_space_after_a_plural_mark() -> None:
    assert _ids("8 U.S.C. §§\u20021373, 1644") == ["usc/8/1373", "usc/8/1644"]
    assert citelink.find("see §§\u20022182, 7039 of the Budget Support Act.") == []


def test_a_short_form_repeating_its_antecedents_section_survives_a_named_act() -> None:
    text = "See 18 U.S.C. § 2422(b). The Act governs. Section 2422(b) requires it. Section 2423."
    found = citelink.find(text)  # the repeated section takes the chain up again
    assert [c.id for c in found] == ["usc/18/2422/b", "usc/18/2422/b", "usc/18/2423"]
    broken = citelink.find("See 18 U.S.C. § 2422(b). The Act governs. Section 2423 too.")
    assert broken[-1].unresolved_reason == "other-container"


def test_the_reach_counts_from_the_latest_short_form_of_the_chain() -> None:
    live = ("1182", "1225", "1226", "1227", "1229a", "1231", "1357", "1373")
    paragraphs = "".join(f"{_FILLER}Under § {section}, more.\n\n" for section in live)
    found = citelink.find(f"See 8 U.S.C. § 1101.\n\n{paragraphs}")
    assert all(c.resolved for c in found)


def test_a_cfr_section_of_the_part_cited_is_within_reach_whatever_the_distance() -> None:
    far = f"{_FILLER}\n\n" * 8
    found = citelink.find(f"See 50 CFR part 679.\n\n{far}NMFS proposes modifying § 679.42.")
    assert found[-1].id == "cfr/50/679.42"
    other = citelink.find(f"See 50 CFR part 679.\n\n{far}NMFS proposes modifying § 300.65.")
    assert [c.id for c in other] == ["cfr/50/part-679"]


def test_an_acts_parallel_citation_and_sections_it_cannot_have() -> None:
    text = "the Toxic Substances Control Act (TSCA) (15 U.S.C. 2601 et seq.). Under section 5 the"
    found = citelink.find(text + " EPA acts; § 2604 too.")
    assert [c.id for c in found] == ["usc/15/2601", None, "usc/15/2604"]
    assert found[1].unresolved_reason == "other-container"
    flsa = citelink.find(
        "any employee (as defined in section 3(e) of the Fair Labor Standards Act of 1938)."
        " The credit under section 45S(a) applies."
    )
    assert [c.id for c in flsa] == ["act/flsa/3/e", None]


def test_outline_numbers_and_new_york_rules_without_a_final_stop() -> None:
    text = "See 50 CFR part 679. See Section 4.4.2.3 in the Analysis. § 679.42 too."
    assert _ids(text) == ["cfr/50/part-679", "cfr/50/679.42"]
    rules = "Insurance Law §§ 3420(f)(2), 5106(b); N.Y.C.R.R §§ 11, 60-2.3(c)"
    assert _ids(rules) == ["state/ny/ins/3420/f/2", "state/ny/ins/5106/b"]


def test_a_spaced_illinois_number_after_a_constitution_is_not_its_article() -> None:
    text = (
        "Section 2 of article I of the Illinois Constitution (Ill. Const. 1970, art. I, § 2)"
        " applies. As stated, section 5 \u2014 8\u2014 1(a)(1)(d) (iii) provides."
    )
    assert _ids(text) == ["state/il/const/art-1", "state/il/const/art-1/sec-2"]


def test_id_after_a_supra_citation_is_the_supras() -> None:
    text = "See 17 CFR 242.600. 23 See Notice, supra note 3, at 38957. The ISG was formed. Id."
    assert _ids(text) == ["cfr/17/242.600"]


def test_a_title_3_compilation_is_no_part_and_a_section_of_a_code_named_after_it() -> None:
    assert _ids("E.O. 13222, 66 FR 44025, 3 CFR, 2001 Comp., p. 783.") == [
        "eo/13222",
        "fr/66/44025",
    ]
    text = (
        "murder (720 ILCS 5/9-1(a)(1)). Under section 5 \u2014 8\u20141(a)(1) (d)(iii) of the"
        " Unified Code (730 ILCS 5/5-8-1(a)(1)(d)(iii) (West 2002))."
    )
    assert _ids(text) == ["state/il/ilcs/720/5/9-1/a/1", "state/il/ilcs/730/5/5-8-1/a/1/d/iii"]
