"""State administrative codes: three or more real forms per code, links, short forms, negatives."""

from __future__ import annotations

import pytest

import citelink
from citelink.resolve import chain
from citelink.sources.state_regs import CODES, StateRegCitation


def regs(text: str) -> list[StateRegCitation]:
    """The administrative-code citations in ``text``; every span is checked against the text."""
    found = citelink.find(text)
    for c in found:
        assert text[c.start : c.end] == c.text
    return [c for c in found if isinstance(c, StateRegCitation)]


#: (text, id of its one citation): the Bluebook's form and the forms writers use.
FORMS = [
    # Alabama
    ("Ala. Admin. Code r. 130-X-1-.06", "state_reg/al/130-X-1-.06"),
    ("Ala. Admin. Code r. 810-3-14-.02(1)", "state_reg/al/810-3-14-.02/1"),
    ("Alabama Administrative Code Rule 420-5-10-.05", "state_reg/al/420-5-10-.05"),
    # Alaska
    ("Alaska Admin. Code tit. 7, § 45.485", "state_reg/ak/7/45.485"),
    ("5 AAC 93.324", "state_reg/ak/5/93.324"),
    ("18 AAC 75.325(f)", "state_reg/ak/18/75.325/f"),
    # Arizona
    ("Ariz. Admin. Code § R12-1-424", "state_reg/az/R12-1-424"),
    ("Arizona Admin. Code R20-6-801", "state_reg/az/R20-6-801"),
    ("A.A.C. R9-10-1011(B)", "state_reg/az/R9-10-1011/B"),
    # Arkansas
    ("005.19.02 Ark. Code R. § 004", "state_reg/ar/005.19.02/004"),
    ("208.00.13 Ark. Code R. § 001", "state_reg/ar/208.00.13/001"),
    ("049.00.05 Ark. Code R. 003", "state_reg/ar/049.00.05/003"),
    # California
    ("Cal. Code Regs. tit. 4, § 1687", "state_reg/ca/4/1687"),
    ("Cal. Code Regs., tit. 22, § 51000.30", "state_reg/ca/22/51000.30"),
    ("Cal. Code of Regs., tit. 8, § 3395", "state_reg/ca/8/3395"),
    ("CCR Tit. 4, § 1687", "state_reg/ca/4/1687"),
    ("10 CCR § 2695.5(b)", "state_reg/ca/10/2695.5/b"),
    ("title 8, California Code of Regulations, section 3203", "state_reg/ca/8/3203"),
    # Colorado
    ("5 Colo. Code Regs. § 1002-31", "state_reg/co/5/1002-31"),
    ("5 CCR 1002-31", "state_reg/co/5/1002-31"),
    ("5 Colo. Code Regs. § 1002-31:31.11", "state_reg/co/5/1002-31:31.11"),
    ("5 CCR 1002-31, § 31.11(a)", "state_reg/co/5/1002-31:31.11/a"),
    ("10 CCR 2505-10 8.014", "state_reg/co/10/2505-10:8.014"),
    ("10 C.C.R. 2505-10", "state_reg/co/10/2505-10"),
    # Connecticut
    ("Conn. Agencies Regs. § 22a-174-22", "state_reg/ct/22a-174-22"),
    ("Regs., Conn. State Agencies § 17b-262-1100", "state_reg/ct/17b-262-1100"),
    ("Regulations of Connecticut State Agencies § 12-865-11", "state_reg/ct/12-865-11"),
    # Florida
    ("Fla. Admin. Code Ann. r. 12B-6.0021", "state_reg/fl/12B-6.0021"),
    ("Fla. Admin. Code R. 65A-4.220", "state_reg/fl/65A-4.220"),
    ("FL Admin. Code Rule 12B-6.0021", "state_reg/fl/12B-6.0021"),
    ("rule 61G4-15.006, F.A.C.", "state_reg/fl/61G4-15.006"),
    ("Rule 65A-1.205, Florida Administrative Code", "state_reg/fl/65A-1.205"),
    # Georgia
    ("Ga. Comp. R. & Regs. 391-3-6-.03", "state_reg/ga/391-3-6-.03"),
    ("Ga. Comp. R. & Regs. r. 560-12-1-.08", "state_reg/ga/560-12-1-.08"),
    ("Ga. Comp. R. & Regs. 75-5-.01", "state_reg/ga/75-5-.01"),
    # Illinois
    ("Ill. Admin. Code tit. 35, § 302.208", "state_reg/il/35/302.208"),
    ("35 Ill. Adm. Code 302.208(e)", "state_reg/il/35/302.208/e"),
    ("89 Ill. Admin. Code § 113.120", "state_reg/il/89/113.120"),
    # Massachusetts
    ("310 Mass. Code Regs. 7.00", "state_reg/ma/310/7.00"),
    ("106 CMR 704.500", "state_reg/ma/106/704.500"),
    ("Mass. Regs. Code tit. 940, § 3.13", "state_reg/ma/940/3.13"),
    # Michigan
    ("Mich. Admin. Code r. 325.10101", "state_reg/mi/325.10101"),
    ("Mich Admin Code, R 338.143", "state_reg/mi/338.143"),
    ("Mich. Admin. Code R. 420.104", "state_reg/mi/420.104"),
    # Minnesota
    ("Minn. R. 7050.0150", "state_reg/mn/7050.0150"),
    ("Minnesota Rules, part 3400.0170", "state_reg/mn/3400.0170"),
    ("Minn. R. pt. 1230.1604", "state_reg/mn/1230.1604"),
    ("Minn. R. 7050.0150, subp. 4(B)", "state_reg/mn/7050.0150/subp-4/B"),
    ("Minnesota Rules, part 7050.0150, subpart 3", "state_reg/mn/7050.0150/subp-3"),
    # New Jersey
    ("N.J. Admin. Code § 7:26-2.1", "state_reg/nj/7:26-2.1"),
    ("N.J.A.C. 10:90-3.8(a)", "state_reg/nj/10:90-3.8/a"),
    ("N.J.A.C. 13:45C-2", "state_reg/nj/13:45C-2"),
    # New York
    ("N.Y. Comp. Codes R. & Regs. tit. 9, § 8002.1", "state_reg/ny/9/8002.1"),
    ("9 NYCRR 8002.1", "state_reg/ny/9/8002.1"),
    ("22 N.Y.C.R.R. § 202.7(a)", "state_reg/ny/22/202.7/a"),
    ("6 NYCRR 217-3.2", "state_reg/ny/6/217-3.2"),
    ("New York Codes, Rules and Regulations, Title 9, Section 8002.1", "state_reg/ny/9/8002.1"),
    # Ohio
    ("Ohio Admin. Code 3745-1-07", "state_reg/oh/3745-1-07"),
    ("Ohio Adm.Code 5101:2-17-03", "state_reg/oh/5101:2-17-03"),
    ("OAC 5160-1-17.8", "state_reg/oh/5160-1-17.8"),
    ("O.A.C. 4733-23-01", "state_reg/oh/4733-23-01"),
    # Oregon
    ("Or. Admin. R. 340-041-0001", "state_reg/or/340-041-0001"),
    ("OAR 863-010-0610(2)", "state_reg/or/863-010-0610/2"),
    ("Oregon Administrative Rules 414-175-0025", "state_reg/or/414-175-0025"),
    # Pennsylvania
    ("25 Pa. Code § 93.9", "state_reg/pa/25/93.9"),
    ("55 Pa. Code § 183.94(a)", "state_reg/pa/55/183.94/a"),
    ("58 Pa.Code § 461a.12", "state_reg/pa/58/461a.12"),
    # Texas
    ("22 Tex. Admin. Code § 72.10", "state_reg/tx/22/72.10"),
    ("Tex. Admin. Code tit. 16, § 3.8", "state_reg/tx/16/3.8"),
    ("22 TAC § 72.10", "state_reg/tx/22/72.10"),
    ("30 T.A.C. § 305.1", "state_reg/tx/30/305.1"),
    ("Texas Administrative Code, Title 25, §289.203", "state_reg/tx/25/289.203"),
    ("Title 22 Texas Administrative Code § 72.10", "state_reg/tx/22/72.10"),
    # Virginia
    ("12 Va. Admin. Code § 5-90-80", "state_reg/va/12/5-90-80"),
    ("12VAC5-90-80", "state_reg/va/12/5-90-80"),
    ("9 VAC 25-260-50", "state_reg/va/9/25-260-50"),
    # Washington
    ("Wash. Admin. Code § 173-201A-200", "state_reg/wa/173-201A-200"),
    ("WAC 173-201A-200", "state_reg/wa/173-201A-200"),
    ("WAC 388-470-0005(1)(a)", "state_reg/wa/388-470-0005/1/a"),
    # Iowa
    ("Iowa Admin. Code r. 567-61.3", "state_reg/ia/567-61.3"),
    ("Iowa Admin. Code r. 441—41.27(2)", "state_reg/ia/441-41.27/2"),
    ("Iowa Administrative Code 441-41.28", "state_reg/ia/441-41.28"),
    # Kansas
    ("Kan. Admin. Regs. § 28-16-28b", "state_reg/ks/28-16-28b"),
    ("K.A.R. 30-4-100(a)", "state_reg/ks/30-4-100/a"),
    ("KAR 40-1-52", "state_reg/ks/40-1-52"),
    # Kentucky
    ("401 Ky. Admin. Regs. 10:031", "state_reg/ky/401/10:031"),
    ("401 KAR 8:100", "state_reg/ky/401/8:100"),
    ("921 KAR 2:016(4)", "state_reg/ky/921/2:016/4"),
    ("201 KAR 002:106", "state_reg/ky/201/2:106"),  # the padded chapter: the same rule
    # Louisiana
    ("La. Admin. Code tit. 33, pt. IX, § 1113", "state_reg/la/33/IX.1113"),
    ("LAC 33:IX.1113", "state_reg/la/33/IX.1113"),
    ("LAC 46:LX §605", "state_reg/la/46/LX.605"),
    ("LAC 67:III.1229(A)", "state_reg/la/67/III.1229/A"),
    ("Louisiana Administrative Code, Title 61, Part I, § 1311", "state_reg/la/61/I.1311"),
    # Maryland
    ("Md. Code Regs. 26.08.02.03", "state_reg/md/26.08.02.03"),
    ("COMAR 10.37.10.26", "state_reg/md/10.37.10.26"),
    ("COMAR 26.08.02.03-3", "state_reg/md/26.08.02.03-3"),
    # New Mexico
    ("N.M. Code R. § 20.6.2.3103", "state_reg/nm/20.6.2.3103"),
    ("20.6.2.3103 NMAC", "state_reg/nm/20.6.2.3103"),
    ("8.314.5.20 NMAC", "state_reg/nm/8.314.5.20"),
    ("N.M. Admin. Code § 3.3.1.10", "state_reg/nm/3.3.1.10"),
    # North Carolina
    ("N.C. Admin. Code tit. 15A, r. 2B.0211", "state_reg/nc/15A/2B.0211"),
    ("15A N.C. Admin. Code 2B.0211", "state_reg/nc/15A/2B.0211"),
    ("15A NCAC 02B .0211", "state_reg/nc/15A/2B.0211"),
    ("21 NCAC 36 .0806(a)", "state_reg/nc/21/36.0806/a"),
    # North Dakota
    ("N.D. Admin. Code 33.1-16-02.1-09", "state_reg/nd/33.1-16-02.1-09"),
    ("N.D. Admin. Code § 75-02-02-08", "state_reg/nd/75-02-02-08"),
    ("N.D.A.C. § 75-02-1.2-51", "state_reg/nd/75-02-1.2-51"),
    ("NDAC 81-03-04-02(1)", "state_reg/nd/81-03-04-02/1"),
    ("North Dakota Administrative Code 75-02-02-08", "state_reg/nd/75-02-02-08"),
    # Oklahoma
    ("Okla. Admin. Code § 252:730-5-1", "state_reg/ok/252:730-5-1"),
    ("OAC 310:667-1-1", "state_reg/ok/310:667-1-1"),
    ("OAC 340:100-3-1.2", "state_reg/ok/340:100-3-1.2"),
    ("Oklahoma Administrative Code 165:10-9-4", "state_reg/ok/165:10-9-4"),
    # Tennessee
    ("Tenn. Comp. R. & Regs. 1200-13-01-.06", "state_reg/tn/1200-13-01-.06"),
    ("Tenn. Comp. R. & Regs. r. 0400-40-03-.03", "state_reg/tn/0400-40-03-.03"),
    ("Tenn. Comp. R. & Regs. 0720-14-.01(3)", "state_reg/tn/0720-14-.01/3"),
    # Utah
    ("Utah Admin. Code r. R317-2-7", "state_reg/ut/R317-2-7"),
    ("Utah Admin. Code R986-200-239", "state_reg/ut/R986-200-239"),
    ("Utah Administrative Code R. R70-560-6", "state_reg/ut/R70-560-6"),
    # West Virginia
    ("W. Va. Code R. § 47-2-3", "state_reg/wv/47-2-3"),
    ("W. Va. C.S.R. § 64-9-1", "state_reg/wv/64-9-1"),
    ("W. Va. Code St. R. § 110-21-57", "state_reg/wv/110-21-57"),
    ("West Virginia Code of State Rules § 47-2-3", "state_reg/wv/47-2-3"),
    # Wisconsin
    ("Wis. Admin. Code § NR 102.04", "state_reg/wi/NR-102.04"),
    ("Wis. Admin. Code DOC 350.06", "state_reg/wi/DOC-350.06"),
    ("Wisconsin Administrative Code § DHS 83.01(1)(a)", "state_reg/wi/DHS-83.01/1/a"),
    ("Wis. Admin. Code § A-E 4.01", "state_reg/wi/A-E-4.01"),
    # Delaware
    ("7 Del. Admin. Code § 1101-2.0", "state_reg/de/7/1101-2.0"),
    ("Del. Admin. Code tit. 7, § 1100", "state_reg/de/7/1100"),
    ("7 DE Admin. Code 1102", "state_reg/de/7/1102"),
    ("16 Del. Admin. Code § 4000-4008", "state_reg/de/16/4000-4008"),
    ("7 Del. Admin. Code § 9201-17.3(a)", "state_reg/de/7/9201-17.3/a"),
    # District of Columbia
    ("D.C. Mun. Regs. tit. 20, § 100.1", "state_reg/dc/20/100.1"),
    ("20 DCMR § 100.1", "state_reg/dc/20/100.1"),
    ("10A DCMR 3599.1", "state_reg/dc/10A/3599.1"),
    ("D.C. Mun. Regs. tit. 29, § 5700.1(b)", "state_reg/dc/29/5700.1/b"),
    # Hawaii
    ("Haw. Code R. § 11-54-4", "state_reg/hi/11-54-4"),
    ("HAR § 12-229-7.1", "state_reg/hi/12-229-7.1"),
    ("Haw. Admin. R. § 13-235-35(a)", "state_reg/hi/13-235-35/a"),
    ("Hawaii Administrative Rules § 17-1746-11", "state_reg/hi/17-1746-11"),
    ("HAR § 17-892.1-18", "state_reg/hi/17-892.1-18"),
    # Idaho
    ("Idaho Admin. Code r. 58.01.02.200", "state_reg/id/58.01.02.200"),
    ("IDAPA 16.03.08.100(2)", "state_reg/id/16.03.08.100/2"),
    ("IDAPA 58.01.02.200.01", "state_reg/id/58.01.02.200.01"),
    ("Idaho Administrative Code 35.01.01.799", "state_reg/id/35.01.01.799"),
    # Missouri
    ("Mo. Code Regs. Ann. tit. 10, § 20-7.031", "state_reg/mo/10/20-7.031"),
    ("10 CSR 20-7.031", "state_reg/mo/10/20-7.031"),
    ("13 CSR 40-2.310(1)", "state_reg/mo/13/40-2.310/1"),
    # Montana
    ("Mont. Admin. R. 17.30.620", "state_reg/mt/17.30.620"),
    ("ARM 37.78.406(1)", "state_reg/mt/37.78.406/1"),
    ("Admin. R. M. 24.29.1513", "state_reg/mt/24.29.1513"),
    # Nevada
    ("Nev. Admin. Code § 445A.070", "state_reg/nv/445A.070"),
    ("NAC 484D.635", "state_reg/nv/484D.635"),
    ("NAC 432A.5205(2)", "state_reg/nv/432A.5205/2"),
    # South Carolina
    ("S.C. Code Ann. Regs. 61-68", "state_reg/sc/61-68"),
    ("S.C. Code Regs. 126-920", "state_reg/sc/126-920"),
    ("S.C. Code Ann. Regs. 61-62.5(C)", "state_reg/sc/61-62.5/C"),
    ("South Carolina Code of Regulations 114-1140", "state_reg/sc/114-1140"),
    # South Dakota
    ("S.D. Admin. R. 74:51:01:55", "state_reg/sd/74:51:01:55"),
    ("ARSD 67:10:03:05", "state_reg/sd/67:10:03:05"),
    ("ARSD 67:42:07:03(1)", "state_reg/sd/67:42:07:03/1"),
]


@pytest.mark.parametrize(("text", "expected"), FORMS)
def test_real_forms(text: str, expected: str) -> None:
    found = regs(f"See {text}; and more.")
    assert [c.id for c in found] == [expected]
    assert found[0].text == text  # the whole citation, nothing around it


def test_three_forms_per_code() -> None:
    per: dict[str, int] = {}
    for _, expected in FORMS:
        jurisdiction = expected.split("/")[1]
        per[jurisdiction] = per.get(jurisdiction, 0) + 1
    assert set(per) == set(CODES)
    assert min(per.values()) >= 3


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        (
            "Ala. Admin. Code r. 130-X-1-.06 - Freedom Of Information.",
            "Ala. Admin. Code r. 130-X-1-.06",
        ),
        ("5 AAC 93.324.", "Alaska Admin. Code tit. 5, § 93.324"),
        ("005.19.02 Ark. Code R. § 004 - ADE 139.", "005.19.02 Ark. Code R. § 004"),
        ("Arizona Admin. Code R12-1-424.", "Ariz. Admin. Code § R12-1-424"),
        ("CCR Tit. 4, § 1687.", "Cal. Code Regs. tit. 4, § 1687"),
        ("FL Admin. Code Rule 12B-6.0021.", "Fla. Admin. Code Ann. r. 12B-6.0021"),
        ("22 Tex. Admin. Code § 72.10.", "22 Tex. Admin. Code § 72.10"),
        ("9 NYCRR 8002.1", "N.Y. Comp. Codes R. & Regs. tit. 9, § 8002.1"),
        ("35 Ill. Adm. Code 302.208(e)", "Ill. Admin. Code tit. 35, § 302.208(e)"),
        ("N.J.A.C. 7:26-2.1", "N.J. Admin. Code § 7:26-2.1"),
        ("Ohio Adm.Code 3745-1-07", "Ohio Admin. Code 3745-1-07"),
        ("Mich Admin Code, R 325.10101", "Mich. Admin. Code r. 325.10101"),
        ("OAR 340-041-0001", "Or. Admin. R. 340-041-0001"),
        ("Minnesota Rules, part 7050.0150", "Minn. R. 7050.0150"),
        ("Minnesota Rules, part 7050.0150, subpart 3", "Minn. R. 7050.0150, subp. 3"),
        ("Minn. R. 7050.0150 subp. 4(B)", "Minn. R. 7050.0150, subp. 4(B)"),
        ("Minn. R. 7050.0150(a)", "Minn. R. 7050.0150(a)"),  # a pin, not a subpart
        ("12VAC5-90-80", "12 Va. Admin. Code § 5-90-80"),
        ("310 CMR 7.00", "310 Mass. Code Regs. 7.00"),
        ("Regs., Conn. State Agencies § 22a-174-22", "Conn. Agencies Regs. § 22a-174-22"),
        ("5 CCR 1002-31", "5 Colo. Code Regs. § 1002-31"),
        ("5 CCR 1002-31, § 31.11", "5 Colo. Code Regs. § 1002-31:31.11"),
        ("WAC 173-201A-200", "Wash. Admin. Code § 173-201A-200"),
        ("Ga. Comp. R. & Regs. r. 391-3-6-.03", "Ga. Comp. R. & Regs. 391-3-6-.03"),
        ("25 Pa. Code § 93.9 et seq.", "25 Pa. Code § 93.9 et seq."),
        ("K.A.R. 28-16-28b", "Kan. Admin. Regs. § 28-16-28b"),
        ("401 KAR 10:031.", "401 Ky. Admin. Regs. 10:031"),
        ("COMAR 26.08.02.03", "Md. Code Regs. 26.08.02.03"),
        ("OAC 252:730-5-1", "Okla. Admin. Code § 252:730-5-1"),
        ("Tenn. Comp. R. & Regs. r. 0400-40-03-.03", "Tenn. Comp. R. & Regs. 0400-40-03-.03"),
        ("Utah Admin. Code R317-2-7.", "Utah Admin. Code r. R317-2-7"),
        ("Wis. Admin. Code NR 102.04.", "Wis. Admin. Code § NR 102.04"),
        ("10A DCMR 3599.1", "D.C. Mun. Regs. tit. 10A, § 3599.1"),
        ("HAR § 12-229-7.1.", "Haw. Code R. § 12-229-7.1"),
        ("10 CSR 20-7.031.", "Mo. Code Regs. Ann. tit. 10, § 20-7.031"),
        ("ARM 17.30.620.", "Mont. Admin. R. 17.30.620"),
        ("NAC 445A.070.", "Nev. Admin. Code § 445A.070"),
        ("ARSD 74:51:01:55.", "S.D. Admin. R. 74:51:01:55"),
        ("IDAPA 58.01.02.200.", "Idaho Admin. Code r. 58.01.02.200"),
        ("W. Va. C.S.R. § 64-9-1.", "W. Va. Code R. § 64-9-1"),
        ("15A NCAC 02B .0211.", "N.C. Admin. Code tit. 15A, r. 2B.0211"),
        ("20.6.2.3103 NMAC.", "N.M. Code R. § 20.6.2.3103"),
        ("S.C. Code Regs. 126-920.", "S.C. Code Ann. Regs. 126-920"),
        ("N.D.A.C. § 75-02-02-08.", "N.D. Admin. Code 75-02-02-08"),
        ("Iowa Admin. Code r. 441—41.27.", "Iowa Admin. Code r. 441-41.27"),
        ("LAC 33:IX.1113(B)(2).", "La. Admin. Code tit. 33, pt. IX, § 1113(B)(2)"),
        ("LAC 46:LX §605", "La. Admin. Code tit. 46, pt. LX, § 605"),
        ("Del. Admin. Code tit. 7, § 1101-2.0", "7 Del. Admin. Code § 1101-2.0"),
    ],
)
def test_bluebook_form(text: str, normalized: str) -> None:
    (found,) = regs(text)
    assert found.normalized == normalized


def test_lists_and_ranges() -> None:
    found = regs("25 Pa. Code §§ 93.9 and 93.9a; 22 Tex. Admin. Code §§ 72.10–72.12")
    assert [c.id for c in found] == [
        "state_reg/pa/25/93.9",
        "state_reg/pa/25/93.9a",
        "state_reg/tx/22/72.10",
        "state_reg/tx/22/72.12",
    ]
    assert found[2].normalized == "22 Tex. Admin. Code §§ 72.10–72.12"
    (first, last) = regs("WAC 173-201A-200 to 173-201A-210")
    assert first.normalized == "Wash. Admin. Code §§ 173-201A-200 to 173-201A-210"
    assert last.normalized == "Wash. Admin. Code § 173-201A-210"
    assert first.group == last.group == (0, len("WAC 173-201A-200 to 173-201A-210"))
    (rule, _) = regs("Ala. Admin. Code rr. 130-X-1-.06 to 130-X-1-.08")
    assert rule.normalized == "Ala. Admin. Code rr. 130-X-1-.06 to 130-X-1-.08"


def test_short_forms_in_the_codes_grammar() -> None:
    text = "22 Tex. Admin. Code § 72.10. See § 72.11; Id. § 72.12; Id. at (b)."
    found = regs(text)
    assert [(c.short, c.id) for c in found] == [
        (False, "state_reg/tx/22/72.10"),
        (True, "state_reg/tx/22/72.11"),
        (True, "state_reg/tx/22/72.12"),
        (True, "state_reg/tx/22/72.12/b"),
    ]
    assert found[1].antecedent is found[0]
    washington = regs("WAC 173-201A-200. Section 173-201A-210 and § 173-201A-220(1).")
    assert [c.id for c in washington] == [
        "state_reg/wa/173-201A-200",
        "state_reg/wa/173-201A-210",
        "state_reg/wa/173-201A-220/1",
    ]


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        (
            "section 3203 of title 8 of the California Code of Regulations",
            "Cal. Code Regs. tit. 8, § 3203",
        ),
        (
            "section 3203(a)(1) of title 8, California Code of Regulations",
            "Cal. Code Regs. tit. 8, § 3203(a)(1)",
        ),
        ("section 3203, title 8, California Code of Regulations", "Cal. Code Regs. tit. 8, § 3203"),
        (
            "Section 72.10 of Title 22 of the Texas Administrative Code",
            "22 Tex. Admin. Code § 72.10",
        ),
        (
            "section 8002.1 of title 9 of the New York Codes, Rules and Regulations",
            "N.Y. Comp. Codes R. & Regs. tit. 9, § 8002.1",
        ),
        (
            "section 5-90-80 of title 12 of the Virginia Administrative Code",
            "12 Va. Admin. Code § 5-90-80",
        ),
        ("Rule 65A-1.205 of the Florida Administrative Code", "Fla. Admin. Code Ann. r. 65A-1.205"),
        ("part 7050.0150 of the Minnesota Rules", "Minn. R. 7050.0150"),
    ],
)
def test_the_section_before_the_codes_name(text: str, normalized: str) -> None:
    (c,) = citelink.find(text)
    assert (c.kind, c.normalized, c.text) == ("state_reg", normalized, text)


@pytest.mark.parametrize(
    "text",
    [
        "section 3203 of the California Code of Regulations",  # its sections are in titles
        "section 5 of title 99 of the Texas Administrative Code",  # no such title
        "part 7050.0150 of title 4 of the Minnesota Rules",  # the Rules have no titles
        "the Rule of 1996, the California Code of Regulations",
    ],
)
def test_not_a_section_before_the_codes_name(text: str) -> None:
    assert citelink.find(text) == []


def test_a_number_of_another_shape_goes_back_to_the_us_code() -> None:
    found = citelink.find("8 U.S.C. § 1101; 22 Tex. Admin. Code § 72.10; § 1373")
    assert [c.id for c in found] == ["usc/8/1101", "state_reg/tx/22/72.10", "usc/8/1373"]


def test_a_number_the_code_cannot_have_goes_back_to_the_regulation_before() -> None:
    # "257.74" is no Colorado rule (they have a dash): the C.F.R. citation before takes it.
    found = citelink.find("40 CFR 257.73; 5 CCR 1002-31. See § 257.74.")
    assert [c.id for c in found] == ["cfr/40/257.73", "state_reg/co/5/1002-31", "cfr/40/257.74"]
    assert found[2].antecedent is found[0]
    # With no regulation before, it is not reported.
    assert [c.id for c in citelink.find("5 CCR 1002-31. See § 257.74.")] == [
        "state_reg/co/5/1002-31"
    ]


def test_beside_the_states_statutes() -> None:
    found = citelink.find(
        "Tex. Penal Code § 19.02; 22 Tex. Admin. Code § 72.10; Penal Code § 19.03. "
        "Ark. Code Ann. § 5-10-101; 005.19.02 Ark. Code R. § 004."
    )
    assert [c.id for c in found] == [
        "state/tx/penal/19.02",
        "state_reg/tx/22/72.10",
        "state/tx/penal/19.03",
        "state/ar/code/5-10-101",
        "state_reg/ar/005.19.02/004",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "the CCR Rule at 40 CFR 257.73",  # coal combustion residuals: no title, no "tit."
        "CCR 2019 annual report",
        "2 CCR units 3 and 4",
        "AAC 128 kbps",
        "2 AAC 44.1 kHz",  # not an Alaska section's shape
        "United States v. Smith, 15 C.M.R. 123 (C.M.A. 1954)",  # Court-Martial Reports
        "10 CMR 5.00",  # Massachusetts titles have three digits
        "the TAC met on 5 TAC 12",
        "OAR 12",
        "BOAR 340-041-0001",
        "oar 340-041-0001",
        "VACATED AND REMANDED 12",
        "a 24 VAC 50-60 Hz supply",  # volts, not Virginia's title 24
        "the WAC 2019",
        "OAC 5101",
        "OAC 31:66",
        "Minn. R. Civ. P. 12",
        "W. Va. Admin. Code § 64-9-1",  # not Virginia's
        "West Virginia Administrative Code 64-9-1",
        "N.C. Admin. Code 2B.0211",  # no title
        "15A NCAC 2B",
        "NCAC 02B .0211",
        "15A NCAC 0 .0209",  # chapters start at 1
        "the NCAC 2019 report",
        "20.6.2 NMAC",  # a part
        "NMAC",
        "N.M. Code R. § 20.6.2",
        "S.C. Code Regs. 61",
        "N.D.A.C. 33-16-02",  # a chapter
        "NDAC",
        "the NDAC 2019-01-01-01 meeting",
        "Cal. Code Ann. Regs. tit. 4, § 1687",
        "Iowa Admin. Code r. 441-41",  # a chapter
        "LAC 33:IX",  # a part
        "Del. Admin. Code § 1100",  # no title
        "7 Del. Admin. Code 12",
        "LAC 2019",
        "the LAC 33:12 meeting",
        "LAC+USC 33:IX.1113",
        "FLAC 33:IX.1113",
        "La. Admin. Code tit. 33, § 1113",  # no part
        "Iowa Admin. Code r. 41.27",  # no agency
        "Tenn. Comp. R. & Regs. 12-13-13-.01",  # Tennessee's control numbers have four digits
        "Ga. Comp. R. & Regs. 1200-13-13-.01",  # nor is it Georgia's
        "the COMAR database",
        "COMAR 26.08.02",  # a chapter
        "COMAR 2019-01",
        "a KAR 98k rifle",
        "the KAR 98 of 1935",
        "SKAR 40-1-52",
        "Ky. Admin. Regs. 10:031",  # no title
        "Kan. Admin. Regs. 10:031",
        "Tex. Admin. Regs. § 72.10",
        "Wis. Admin. Code § 102.04",  # no agency
        "Wis. Admin. Code NR 102",
        "Utah Admin. Code 317-2-7",  # Utah's titles begin with R
        "DCMR § 100.1",  # no title
        "D.C. Mun. Regs. § 100.1",
        "the DCMR 2019 edition",
        "HAR 12",
        "CHAR § 11-54-4",
        "the HAR 2019 amendments",
        "CSR 20-7.031",  # no title
        "our 2020 CSR report",
        "10 CSR 2020",
        "the ARM Cortex-M4",
        "ARM 7.1.2",
        "FARM 17.30.620",
        "ARSD 67:10",  # an article and chapter
        "ARSD 2019",
        "NAC 2.5",
        "the NAC of 2020",
        "117 NAC 4-002",  # Nebraska's
        "Admin. R. M. 24",
        "IDAPA 58.01.02",  # a chapter
        "the IDAPA 2019 edition",
        "W. Va. Code R. 47",
        "C.S.R. § 64-9-1",
        "Pa. C.S.R. § 64-9-1",
        "Tex. Admin. Code § 72.10",  # no title
        "2019 Tex. Admin. Code § 72.10",
        "Cal. Code Regs. § 1687",
        "see 4, Cal. Code Regs. § 1687",
        "NYCRR 8002.1",
        "Ill. Admin. Code § 302.208",
        "Ariz. Admin. Code § 12-1-424",  # Arizona's rules begin with R
        "rule 12, F.A.C.",
        "State Agencies § 22a-174-22",
    ],
)
def test_not_administrative_code_citations(text: str) -> None:
    assert regs(text) == []


def test_none_invented_in_the_brief(fixture_text) -> None:
    assert regs(fixture_text("brief.txt")) == []


def test_regulations_beside_the_statute_of_the_same_name() -> None:
    found = citelink.find(
        "S.C. Code Ann. § 44-1-140; S.C. Code Ann. Regs. 61-68. "
        "Okla. Stat. tit. 75, § 250; OAC 252:730-5-1; OAC 3745-1-07."
    )
    assert [c.id for c in found] == [
        "state/sc/code/44-1-140",
        "state_reg/sc/61-68",
        "state/ok/stat/75/250",
        "state_reg/ok/252:730-5-1",
        "state_reg/oh/3745-1-07",
    ]


def test_hostile_input_finishes() -> None:
    for unit in (
        "5 AAC ", "CCR Tit. 4, § ", "Admin. Code ", ", F.A.C.", "12VAC", "Code R. ", "1 KAR 1:",
        "COMAR 10.10.10.", "ARM 1.1.", "ARSD 1:01:01:", "10A DCMR ", "HAR § 1-1-", "NAC 1A.",
        "1 CSR 1-1.", "IDAPA 1.", "N.D.A.C. § 1-1-1-", "LAC 1:I.", "15A NCAC 02B ", "1.1.1.1 NMAC ",
        "W. Va. C.S.R. § 1-", "D.C. Mun. Regs. tit. 1, § ", "Wis. Admin. Code NR ", "Admin. R. M. ",
    ):  # fmt: skip
        citelink.find(unit * 20_000)


def test_json_fields() -> None:
    (found,) = citelink.find("22 TAC § 72.10(b)")
    record = found.to_dict()
    assert {k: record[k] for k in ("kind", "jurisdiction", "title", "section", "pin")} == {
        "kind": "state_reg",
        "jurisdiction": "tx",
        "title": "22",
        "section": "72.10",
        "pin": ["b"],
    }


LII = "https://www.law.cornell.edu/regulations/"


@pytest.mark.parametrize(
    ("text", "lii", "official"),
    [
        ("Ala. Admin. Code r. 130-X-1-.06", LII + "alabama/Ala-Admin-Code-r-130-X-1-.06", None),
        (
            "5 AAC 93.324",
            LII + "alaska/5-AAC-93.324",
            "https://www.akleg.gov/basis/aac.asp#5.93.324",
        ),
        ("A.A.C. R12-1-424", LII + "arizona/Ariz-Admin-Code-SS-R12-1-424", None),
        (
            "005.19.02 Ark. Code R. § 004",
            LII + "arkansas/005-19-02-Ark-Code-R-SS-004",
            None,
        ),
        ("CCR Tit. 4, § 1687", LII + "california/4-CCR-1687", None),
        ("Cal. Code Regs. tit. 22, § 51000.30", LII + "california/22-CCR-51000.30", None),
        ("5 CCR 1002-31", None, None),
        (
            "Conn. Agencies Regs. § 22a-174-22",
            LII + "connecticut/Regs-Conn-State-Agencies-SS-22a-174-22",
            None,
        ),
        (
            "Fla. Admin. Code R. 65A-4.220",
            LII + "florida/Fla-Admin-Code-Ann-R-65A-4-220",
            "https://www.flrules.org/gateway/ruleNo.asp?id=65A-4.220",
        ),
        ("Ga. Comp. R. & Regs. 391-3-6-.03", LII + "georgia/Ga-Comp-R-Regs-R-391-3-6-.03", None),
        ("35 Ill. Adm. Code 302.208", LII + "illinois/Ill-Admin-Code-tit-35-SS-302.208", None),
        ("106 CMR 704.500", LII + "massachusetts/106-CMR-704-500", None),
        ("Mich. Admin. Code r. 338.143", LII + "michigan/Mich-Admin-Code-R-338-143", None),
        ("Minn. R. 7050.0150", None, "https://www.revisor.mn.gov/rules/7050.0150/"),
        ("N.J.A.C. 10:90-3.8", LII + "new-jersey/N-J-A-C-10-90-3-8", None),
        ("N.J.A.C. 13:45C-2", None, None),  # a subchapter: LII's scheme was seen for sections
        ("12 NYCRR 142-2.4", LII + "new-york/12-NYCRR-142-2.4", None),
        (
            "Ohio Adm.Code 5101:2-17-03",
            LII + "ohio/Ohio-Admin-Code-5101-2-17-03",
            "https://codes.ohio.gov/ohio-administrative-code/rule-5101:2-17-03",
        ),
        (
            "OAC 5160-1-17.8",
            None,
            "https://codes.ohio.gov/ohio-administrative-code/rule-5160-1-17.8",
        ),
        (
            "OAR 414-175-0025",
            LII + "oregon/Or-Admin-Code-SS-414-175-0025",
            "https://secure.sos.state.or.us/oard/view.action?ruleNumber=414-175-0025",
        ),
        (
            "61 Pa. Code § 101.6",
            LII + "pennsylvania/61-Pa-Code-SS-101-6",
            "https://www.pacodeandbulletin.gov/Display/pacode"
            "?file=/secure/pacode/data/061/chapter101/s101.6.html",
        ),
        ("58 Pa. Code § 461a.12", LII + "pennsylvania/58-Pa-Code-SS-461a-12", None),
        ("22 Tex. Admin. Code § 72.10", LII + "texas/22-Tex-Admin-Code-SS-72-10", None),
        (
            "9VAC25-260-50",
            LII + "virginia/9VAC25-260-50",
            "https://law.lis.virginia.gov/admincode/title9/agency25/chapter260/section50/",
        ),
        (
            "WAC 182-513-1605",
            LII + "washington/WAC-182-513-1605",
            "https://app.leg.wa.gov/wac/default.aspx?cite=182-513-1605",
        ),
        ("K.A.R. 30-4-100", LII + "kansas/K-A-R-30-4-100", None),
        (
            "921 KAR 2:016",
            LII + "kentucky/921-KAR-2-016",
            "https://apps.legislature.ky.gov/law/kar/titles/921/002/016/",
        ),
        (  # the register's padded chapter is the same rule, written as LII writes it
            "201 KAR 002:106",
            LII + "kentucky/201-KAR-2-106",
            "https://apps.legislature.ky.gov/law/kar/titles/201/002/106/",
        ),
        ("COMAR 07.03.07.08", LII + "maryland/COMAR-07-03-07-08", None),
        ("COMAR 26.08.02.03-3", None, None),
        ("OAC 710:25-1-2", LII + "oklahoma/OAC-710-25-1-2", None),
        ("OAC 340:100-3-1.2", LII + "oklahoma/OAC-340-100-3-1.2", None),
        (
            "Tenn. Comp. R. & Regs. 1200-13-01-.06",
            LII + "tennessee/Tenn-Comp-R-Regs-1200-13-01-.06",
            None,
        ),
        ("Utah Admin. Code R986-700-707", LII + "utah/Utah-Admin-Code-R986-700-707", None),
        ("Wis. Admin. Code DOC 350.06", LII + "wisconsin/Wis-Admin-Code-SS-DOC-350-06", None),
        ("20 DCMR § 100.1", None, None),
        ("S.C. Code Regs. 126-910", LII + "south-carolina/R-126-910", None),
        ("S.C. Code Ann. Regs. 61-62.5", None, None),
        ("7 Del. Admin. Code § 9201-17.0", LII + "delaware/7-Del-Admin-Code-SS-9201-17.0", None),
        ("16 Del. Admin. Code § 4000-4008", LII + "delaware/16-Del-Admin-Code-SS-4000-4008", None),
        ("7 Del. Admin. Code § 9201-17.3", None, None),  # a subsection: seen on 17.0's page
        ("LAC 67:III.1229", LII + "louisiana/La-Admin-Code-tit-67-SS-III-1229", None),
        ("Iowa Admin. Code r. 441-41.27", LII + "iowa/Iowa-Admin-Code-r-441-41-27", None),
        ("N.D.A.C. § 75-02-1.2-51", LII + "north-dakota/N-D-A-C-75-02-1.2-51", None),
        ("15A NCAC 07H .0209", LII + "north-carolina/15A-N-C-Admin-Code-07H-0209", None),
        ("21 NCAC 36 .0806", LII + "north-carolina/21-N-C-Admin-Code-36-0806", None),
        ("8.321.2.13 NMAC", LII + "new-mexico/N-M-Admin-Code-SS-8.321.2.13", None),
        ("IDAPA 16.03.08.100", LII + "idaho/IDAPA-16.03.08.100", None),
        ("IDAPA 58.01.02.200.01", None, None),
        ("W. Va. Code R. § 110-15-6", LII + "west-virginia/W-Va-C-S-R-SS-110-15-6", None),
        ("HAR § 12-229-7.1", LII + "hawaii/Haw-Code-R-SS-12-229-7-1", None),
        ("13 CSR 40-2.310", LII + "missouri/13-CSR-40-2-310", None),
        ("ARM 37.78.401", LII + "montana/Mont-Admin-r-37.78.401", None),
        ("NAC 484D.635", LII + "nevada/NAC-484D-635", None),
        (
            "ARSD 67:10:05:03",
            LII + "south-dakota/ARSD-67-10-05-03",
            "https://sdlegislature.gov/Rules/Administrative/67:10:05:03",
        ),
    ],
)
def test_links(text: str, lii: str | None, official: str | None) -> None:
    (found,) = regs(text)
    assert found.urls.get("lii") == lii
    assert found.urls.get("state") == official
    assert found.url == (lii or official)  # LII first, then the official site


def test_default_chain() -> None:
    assert [r.name for r in chain().order("state_reg")] == ["lii", "state"]
