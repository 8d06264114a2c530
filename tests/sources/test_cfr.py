"""The Code of Federal Regulations: forms, Treasury numbering, short forms and links."""

from __future__ import annotations

import pytest

import citelink
from citelink.sources.cfr import CfrCitation, ecfr_url, govinfo_url, lii_url


def cfr(text: str) -> list[tuple[str | None, str | None, str | None, tuple[str, ...]]]:
    """(title, part, section, pin) of every C.F.R. citation in ``text``."""
    found = citelink.find(text)
    for c in found:
        assert text[c.start : c.end] == c.text
    return [(c.title, c.part, c.section, c.pin) for c in found if isinstance(c, CfrCitation)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8 C.F.R. § 287.7(a)", [("8", "287", "287.7", ("a",))]),
        ("8 CFR 287.7", [("8", "287", "287.7", ())]),
        ("48 CFR §9903.201", [("48", "9903", "9903.201", ())]),
        ("47 CFR 54.506 (c)", [("47", "54", "54.506", ("c",))]),
        ("47 CFR 54.506 (whatever)", [("47", "54", "54.506", ())]),
        ("40 CFR Part 60", [("40", "60", None, ())]),
        ("8 C.F.R. pt. 287", [("8", "287", None, ())]),
        ("14 CFR part 25", [("14", "25", None, ())]),
        ("5CFR, part 575", [("5", "575", None, ())]),
        ("40 CFR 60", [("40", "60", None, ())]),
        ("38 CFR Part 74.2", [("38", "74", "74.2", ())]),
        ("8 CFR parts 1 and 2", [("8", "1", None, ()), ("8", "2", None, ())]),
        ("26 C.F.R. § 1.1031(a)-1", [("26", "1", "1.1031(a)-1", ())]),
        ("26 CFR § 1.411(a)(13)-1", [("26", "1", "1.411(a)(13)-1", ())]),
        ("26 CFR § 301.6103(j)(1)-1T", [("26", "301", "301.6103(j)(1)-1T", ())]),
        ("17 CFR § 275.202(a)(11)(G)-1", [("17", "275", "275.202(a)(11)(G)-1", ())]),
        ("17 CFR § 240.13h-l(d)(2)(xiii)", [("17", "240", "240.13h-l", ("d", "2", "xiii"))]),
        ("41 CFR § 128-1.5004", [("41", "128-1", "128-1.5004", ())]),
        ("41 CFR §109-38.301-1.50", [("41", "109-38", "109-38.301-1.50", ())]),
        ("48 CFR 970.3102-05-30-70", [("48", "970", "970.3102-05-30-70", ())]),
        ("33 CFR § 100.35T01-0125", [("33", "100", "100.35T01-0125", ())]),
        ("33 CFR § 100.T07-0110", [("33", "100", "100.T07-0110", ())]),
        ("48 CFR 53.303-DD-254", [("48", "53", "53.303-DD-254", ())]),
        ("48 CFR 53.302-1419A", [("48", "53", "53.302-1419A", ())]),
        ("10 CFR § 960.3-1-4-1", [("10", "960", "960.3-1-4-1", ())]),
        ("12 CFR § 563d.3b-6", [("12", "563d", "563d.3b-6", ())]),
        (
            "43 U.S.C. §1733, 43 C.F.R. §8360.0–7 & 8365.2–3(f) make it a crime",
            [("43", "8360", "8360.0-7", ()), ("43", "8365", "8365.2-3", ("f",))],
        ),
        ("40 CFR §§ 60.1–60.19", [("40", "60", "60.1", ()), ("40", "60", "60.19", ())]),
        ("Treas. Reg. § 1.41-2", [("26", "1", "1.41-2", ())]),
        ("Treas. Reg. 1.42-1T", [("26", "1", "1.42-1T", ())]),
        ("Treasury Regulations section 1.41-2", [("26", "1", "1.41-2", ())]),
        (
            "section 1.1031(a)-1 of title 26, Code of Federal Regulations",
            [("26", "1", "1.1031(a)-1", ())],
        ),
        ("section 287.7 of 8 CFR", [("8", "287", "287.7", ())]),
        ("title 8, Code of Federal Regulations, section 287.7", [("8", "287", "287.7", ())]),
    ],
)
def test_forms(text: str, expected: list[tuple[str | None, ...]]) -> None:
    assert cfr(text) == expected


def test_short_forms_take_the_title_and_stay_in_the_code() -> None:
    text = "8 CFR 214.2(h); see § 214.3 and Id. at (b). But § 1373 is not a regulation."
    found = citelink.find(text)
    assert [(c.text, c.normalized) for c in found] == [
        ("8 CFR 214.2(h)", "8 C.F.R. § 214.2(h)"),
        ("§ 214.3", "8 C.F.R. § 214.3"),
        ("Id. at (b)", "8 C.F.R. § 214.3(b)"),
    ]
    assert found[1].short and found[1].antecedent is found[0]


def test_treasury_regulation_keeps_the_name_it_was_cited_by() -> None:
    (c,) = citelink.find("Treas. Reg. § 1.41-2")
    assert (c.cited_as, c.normalized, c.id) == (
        "Treas. Reg.",
        "26 C.F.R. § 1.41-2",
        "cfr/26/1.41-2",
    )


def test_decimal_sections_are_never_us_code_short_forms() -> None:
    assert citelink.find("42 U.S.C. § 1983; see § 18.13(c).")[1:] == []


@pytest.mark.parametrize(
    ("text", "normalized", "id", "ecfr", "lii", "govinfo"),
    [
        (
            "8 C.F.R. § 287.7(a)(1)",
            "8 C.F.R. § 287.7(a)(1)",
            "cfr/8/287.7/a/1",
            "https://www.ecfr.gov/current/title-8/section-287.7#p-287.7(a)(1)",
            "https://www.law.cornell.edu/cfr/text/8/287.7",
            "https://www.govinfo.gov/link/cfr/8/287?sectionnum=7",
        ),
        (
            "40 CFR Part 60",
            "40 C.F.R. pt. 60",
            "cfr/40/part-60",
            "https://www.ecfr.gov/current/title-40/part-60",
            "https://www.law.cornell.edu/cfr/text/40/part-60",
            "https://www.govinfo.gov/link/cfr/40/60",
        ),
        (
            "26 CFR § 1.1031(a)-1",
            "26 C.F.R. § 1.1031(a)-1",
            "cfr/26/1.1031(a)-1",
            "https://www.ecfr.gov/current/title-26/section-1.1031(a)-1",
            "https://www.law.cornell.edu/cfr/text/26/1.1031(a)-1",
            "https://www.govinfo.gov/link/cfr/26/1?sectionnum=1031%28a%29-1",
        ),
        (
            "41 CFR § 128-1.5004",
            "41 C.F.R. § 128-1.5004",
            "cfr/41/128-1.5004",
            "https://www.ecfr.gov/current/title-41/section-128-1.5004",
            "https://www.law.cornell.edu/cfr/text/41/128-1.5004",
            "https://www.govinfo.gov/link/cfr/41/128-1?sectionnum=5004",
        ),
    ],
)
def test_normal_form_id_and_links(
    text: str, normalized: str, id: str, ecfr: str, lii: str, govinfo: str
) -> None:
    (c,) = citelink.find(text, resolvers=["ecfr", "lii", "govinfo"])
    assert (c.normalized, c.id) == (normalized, id)
    assert c.urls == {"ecfr": ecfr, "lii": lii, "govinfo": govinfo}
    assert c.url == ecfr


def test_no_link_for_a_title_the_code_does_not_have() -> None:
    c = CfrCitation(text="", start=0, end=0, title="51", part="1", section="1.1")
    assert (ecfr_url(c), lii_url(c), govinfo_url(c)) == (None, None, None)


def test_short_forms_of_the_code_and_of_the_regulations_interleave() -> None:
    """A bare section numbered the other way refers to the anchor before the last one."""
    text = "8 U.S.C. § 1357(g); 8 C.F.R. § 287.7. Section 1357(g)(10), § 287.8, § 1358."
    assert [c.normalized for c in citelink.find(text)] == [
        "8 U.S.C. § 1357(g)",
        "8 C.F.R. § 287.7",
        "8 U.S.C. § 1357(g)(10)",
        "8 C.F.R. § 287.8",
        "8 U.S.C. § 1358",
    ]
