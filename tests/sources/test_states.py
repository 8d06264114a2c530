"""State law: three or more real forms per jurisdiction, short forms, constitutions, negatives."""

from __future__ import annotations

import pytest

import citelink
from citelink.sources.states import StateCitation
from citelink.sources.states.source import JURISDICTIONS, arabic, roman


def states(text: str) -> list[StateCitation]:
    """The state citations in ``text``; every span is checked against the text."""
    found = citelink.find(text)
    for c in found:
        assert text[c.start : c.end] == c.text
    return [c for c in found if isinstance(c, StateCitation)]


def ids(text: str) -> list[str]:
    return [c.id for c in states(text)]


#: (text, id of its one citation): real forms writers use, at least three per jurisdiction.
FORMS = [
    # Alabama
    ("Ala. Code § 13A-5-40(a)(2)", "state/al/code/13A-5-40/a/2"),
    ("Code of Alabama § 38-2-6", "state/al/code/38-2-6"),
    ("Ala. Code 1975 § 26-14-8", "state/al/code/26-14-8"),
    ("Ala. Const. art. I, § 6", "state/al/const/art-1/sec-6"),
    # Alaska
    ("Alaska Stat. § 11.41.100(a)(1)", "state/ak/stat/11.41.100/a/1"),
    ("AS 11.41.100", "state/ak/stat/11.41.100"),
    ("Alaska Statutes § 09.10.070", "state/ak/stat/09.10.070"),
    ("Alaska Const. art. I, § 22", "state/ak/const/art-1/sec-22"),
    # Arizona
    ("Ariz. Rev. Stat. Ann. § 13-1105", "state/az/rev-stat/13-1105"),
    ("A.R.S. § 13-1105(A)(1)", "state/az/rev-stat/13-1105/A/1"),
    ("A.R.S. 28-1381", "state/az/rev-stat/28-1381"),
    ("Ariz. Const. art. 2, § 8", "state/az/const/art-2/sec-8"),
    # Arkansas
    ("Ark. Code Ann. § 5-10-101", "state/ar/code/5-10-101"),
    ("A.C.A. § 16-90-111", "state/ar/code/16-90-111"),
    ("Arkansas Code § 4-88-107", "state/ar/code/4-88-107"),
    ("Ark. Const. art. 2, § 8", "state/ar/const/art-2/sec-8"),
    # California
    ("Cal. Penal Code § 187(a)", "state/ca/penal/187/a"),
    ("Cal. Pen. Code § 1170", "state/ca/penal/1170"),
    ("Cal. Civ. Proc. Code § 425.16", "state/ca/civ-proc/425.16"),
    ("California Public Resources Code section 21001.1", "state/ca/pub-res/21001.1"),
    ("Cal. Bus. & Prof. Code § 17200", "state/ca/bus-prof/17200"),
    ("Cal. Const. art. I, § 7", "state/ca/const/art-1/sec-7"),
    # Colorado
    ("Colo. Rev. Stat. § 18-3-102", "state/co/rev-stat/18-3-102"),
    ("C.R.S. § 13-21-102.5", "state/co/rev-stat/13-21-102.5"),
    ("C.R.S. 42-4-1301", "state/co/rev-stat/42-4-1301"),
    ("Colo. Const. art. II, § 7", "state/co/const/art-2/sec-7"),
    # Connecticut
    ("Conn. Gen. Stat. § 53a-54a", "state/ct/gen-stat/53a-54a"),
    ("Conn. Gen. Stat. Ann. § 46b-137", "state/ct/gen-stat/46b-137"),
    ("C.G.S. § 52-584", "state/ct/gen-stat/52-584"),
    ("Conn. Const. art. I, § 7", "state/ct/const/art-1/sec-7"),
    # Delaware
    ("Del. Code Ann. tit. 11, § 636", "state/de/code/11/636"),
    ("11 Del. C. § 4209", "state/de/code/11/4209"),
    ("DGCL § 203", "state/de/code/8/203"),
    ("Del. Const. art. I, § 6", "state/de/const/art-1/sec-6"),
    # District of Columbia
    ("D.C. Code § 22-2101", "state/dc/code/22-2101"),
    ("D.C. Official Code § 16-2701", "state/dc/code/16-2701"),
    ("D.C. Code Ann. § 40-101", "state/dc/code/40-101"),
    # Florida
    ("Fla. Stat. § 776.012", "state/fl/stat/776.012"),
    ("§ 768.81, Fla. Stat.", "state/fl/stat/768.81"),
    ("section 90.803, Florida Statutes", "state/fl/stat/90.803"),
    ("Fla. Stat. Ann. § 501.204", "state/fl/stat/501.204"),
    ("Fla. Const. art. I, § 12", "state/fl/const/art-1/sec-12"),
    # Georgia
    ("O.C.G.A. § 16-5-1", "state/ga/code/16-5-1"),
    ("Ga. Code Ann. § 9-11-12(b)(6)", "state/ga/code/9-11-12/b/6"),
    ("OCGA § 24-8-801", "state/ga/code/24-8-801"),
    ("Ga. Const. art. I, § I, para. XIII", "state/ga/const/art-1"),
    # Hawaii
    ("Haw. Rev. Stat. § 707-701", "state/hi/rev-stat/707-701"),
    ("HRS § 291E-61(a)", "state/hi/rev-stat/291E-61/a"),
    ("HRS 386-3", "state/hi/rev-stat/386-3"),
    ("Haw. Const. art. I, § 7", "state/hi/const/art-1/sec-7"),
    # Idaho
    ("Idaho Code § 18-4001", "state/id/code/18-4001"),
    ("Idaho Code Ann. § 19-2719", "state/id/code/19-2719"),
    ("Idaho Code § 66-326(2)", "state/id/code/66-326/2"),
    ("Idaho Const. art. I, § 17", "state/id/const/art-1/sec-17"),
    # Illinois
    ("735 ILCS 5/2-619", "state/il/ilcs/735/5/2-619"),
    ("720 ILCS 5/9-1(a)(1)", "state/il/ilcs/720/5/9-1/a/1"),
    ("735 Ill. Comp. Stat. 5/2-1117", "state/il/ilcs/735/5/2-1117"),
    ("Ill. Const. art. I, § 6", "state/il/const/art-1/sec-6"),
    # Indiana
    ("Ind. Code § 35-42-1-1", "state/in/code/35-42-1-1"),
    ("Ind. Code § 9-22-3-2.5", "state/in/code/9-22-3-2.5"),
    ("Ind. Code Ann. § 34-11-2-4", "state/in/code/34-11-2-4"),
    ("Ind. Const. art. 1, § 11", "state/in/const/art-1/sec-11"),
    # Iowa
    ("Iowa Code § 707.2", "state/ia/code/707.2"),
    ("Iowa Code § 321J.2(1)", "state/ia/code/321J.2/1"),
    ("Iowa Code Ann. § 614.1", "state/ia/code/614.1"),
    ("Iowa Const. art. I, § 8", "state/ia/const/art-1/sec-8"),
    # Kansas
    ("Kan. Stat. Ann. § 21-5402", "state/ks/stat/21-5402"),
    ("K.S.A. 60-1507", "state/ks/stat/60-1507"),
    ("K.S.A. 2019 Supp. 21-6804", "state/ks/stat/21-6804"),
    ("Kan. Const. Bill of Rights, § 15 and Kan. Const. art. 6, § 6", "state/ks/const/art-6/sec-6"),
    # Kentucky
    ("Ky. Rev. Stat. Ann. § 507.020", "state/ky/rev-stat/507.020"),
    ("KRS 532.055", "state/ky/rev-stat/532.055"),
    ("KRS § 189A.010", "state/ky/rev-stat/189A.010"),
    # Louisiana
    ("La. Rev. Stat. Ann. § 14:30", "state/la/rev-stat/14:30"),
    ("La. R.S. 9:2800.6", "state/la/rev-stat/9:2800.6"),
    ("La. Civ. Code art. 2315", "state/la/civ-code/2315"),
    ("La. Code Crim. Proc. art. 701", "state/la/crim-proc/701"),
    ("La. C.C.P. art. 966", "state/la/civ-proc/966"),
    ("La. Const. art. I, § 5", "state/la/const/art-1/sec-5"),
    # Maine
    ("Me. Stat. tit. 17-A, § 201", "state/me/stat/17-A/201"),
    ("17-A M.R.S. § 201(1)(A)", "state/me/stat/17-A/201/1/A"),
    ("Me. Rev. Stat. Ann. tit. 14, § 752", "state/me/stat/14/752"),
    ("Me. Const. art. I, § 6", "state/me/const/art-1/sec-6"),
    # Maryland
    ("Md. Code Ann., Crim. Law § 2-201", "state/md/crim-law/2-201"),
    ("Md. Code Ann., Cts. & Jud. Proc. § 5-101", "state/md/cts-jud-proc/5-101"),
    ("Md. Code, Fam. Law § 9-101", "state/md/fam-law/9-101"),
    ("Md. Const. art. IV, § 1", "state/md/const/art-4/sec-1"),
    # Massachusetts
    ("Mass. Gen. Laws ch. 93A, § 2", "state/ma/gen-laws/93A/2"),
    ("G.L. c. 265, § 1", "state/ma/gen-laws/265/1"),
    ("M.G.L. c. 93A, § 9(3)", "state/ma/gen-laws/93A/9/3"),
    ("Mass. Const. pt. 1, art. 12", "state/ma/const/pt-1/art-12"),
    # Michigan
    ("Mich. Comp. Laws § 750.316", "state/mi/comp-laws/750.316"),
    ("MCL 750.316(1)(a)", "state/mi/comp-laws/750.316/1/a"),
    ("M.C.L. § 600.2912a", "state/mi/comp-laws/600.2912a"),
    ("Mich. Const. art. I, § 11", "state/mi/const/art-1/sec-11"),
    # Minnesota
    ("Minn. Stat. § 609.185(a)(1)", "state/mn/stat/609.185/a/1"),
    ("Minn. Stat. Ann. § 169A.20", "state/mn/stat/169A.20"),
    ("Minnesota Statutes § 518.552", "state/mn/stat/518.552"),
    ("Minn. Const. art. I, § 10", "state/mn/const/art-1/sec-10"),
    # Mississippi
    ("Miss. Code Ann. § 97-3-19", "state/ms/code/97-3-19"),
    ("Miss. Code Ann. § 11-46-9(1)(c)", "state/ms/code/11-46-9/1/c"),
    ("Mississippi Code § 99-19-81", "state/ms/code/99-19-81"),
    ("Miss. Const. art. 3, § 14", "state/ms/const/art-3/sec-14"),
    # Missouri
    ("Mo. Rev. Stat. § 565.020", "state/mo/rev-stat/565.020"),
    ("section 565.020, RSMo", "state/mo/rev-stat/565.020"),
    ("Mo. Ann. Stat. § 537.080", "state/mo/rev-stat/537.080"),
    ("Mo. Const. art. I, § 15", "state/mo/const/art-1/sec-15"),
    # Montana
    ("Mont. Code Ann. § 45-5-102", "state/mt/code/45-5-102"),
    ("MCA § 46-18-201", "state/mt/code/46-18-201"),
    ("Section 45-5-102, MCA", "state/mt/code/45-5-102"),
    ("Mont. Const. art. II, § 11", "state/mt/const/art-2/sec-11"),
    # Nebraska
    ("Neb. Rev. Stat. § 28-303", "state/ne/rev-stat/28-303"),
    ("Neb. Rev. Stat. Ann. § 29-2261", "state/ne/rev-stat/29-2261"),
    ("Nebraska Revised Statutes § 25-21,185", "state/ne/rev-stat/25-21"),
    ("Neb. Const. art. I, § 7", "state/ne/const/art-1/sec-7"),
    # Nevada
    ("Nev. Rev. Stat. § 200.010", "state/nv/rev-stat/200.010"),
    ("NRS 200.030", "state/nv/rev-stat/200.030"),
    ("NRS § 41.0305", "state/nv/rev-stat/41.0305"),
    ("Nev. Const. art. 1, § 8", "state/nv/const/art-1/sec-8"),
    # New Hampshire
    ("N.H. Rev. Stat. Ann. § 630:1", "state/nh/rev-stat/630:1"),
    ("RSA 318-B:2", "state/nh/rev-stat/318-B:2"),
    ("RSA 541-A:3", "state/nh/rev-stat/541-A:3"),
    ("N.H. Const. pt. I, art. 15", "state/nh/const/pt-1/art-15"),
    # New Jersey
    ("N.J. Stat. Ann. § 2C:11-3", "state/nj/stat/2C:11-3"),
    ("N.J.S.A. 2A:53A-7", "state/nj/stat/2A:53A-7"),
    ("N.J.S.A. 34:13A-5.3", "state/nj/stat/34:13A-5.3"),
    ("N.J. Const. art. I, ¶ 7", "state/nj/const/art-1/para-7"),
    # New Mexico
    ("N.M. Stat. Ann. § 30-2-1", "state/nm/stat/30-2-1"),
    ("NMSA 1978, § 30-2-1(A)", "state/nm/stat/30-2-1/A"),
    ("NMSA 1978 § 41-4-4", "state/nm/stat/41-4-4"),
    ("N.M. Const. art. II, § 10", "state/nm/const/art-2/sec-10"),
    # New York
    ("N.Y. Penal Law § 125.25", "state/ny/penal/125.25"),
    ("N.Y. C.P.L.R. 3211(a)(7) and N.Y. Gen. Bus. Law § 349", "state/ny/gen-bus/349"),
    ("CPLR 3211(a)(7)", "state/ny/cplr/3211/a/7"),
    ("N.Y. Educ. Law § 3020-a", "state/ny/educ/3020-a"),
    ("N.Y. Const. art. I, § 6", "state/ny/const/art-1/sec-6"),
    # North Carolina
    ("N.C. Gen. Stat. § 14-17", "state/nc/gen-stat/14-17"),
    ("N.C.G.S. § 15A-1340.16", "state/nc/gen-stat/15A-1340.16"),
    ("G.S. 1A-1", "state/nc/gen-stat/1A-1"),
    ("N.C. Const. art. I, § 19", "state/nc/const/art-1/sec-19"),
    # North Dakota
    ("N.D. Cent. Code § 12.1-16-01", "state/nd/cent-code/12.1-16-01"),
    ("N.D.C.C. § 39-08-01", "state/nd/cent-code/39-08-01"),
    ("NDCC 14-09-06.2", "state/nd/cent-code/14-09-06.2"),
    ("N.D. Const. art. I, § 8", "state/nd/const/art-1/sec-8"),
    # Ohio
    ("Ohio Rev. Code Ann. § 2903.01", "state/oh/rev-code/2903.01"),
    ("R.C. 2903.01(A)", "state/oh/rev-code/2903.01/A"),
    ("Ohio Revised Code § 4123.01", "state/oh/rev-code/4123.01"),
    ("Ohio Const. art. I, § 14", "state/oh/const/art-1/sec-14"),
    # Oklahoma
    ("Okla. Stat. tit. 21, § 701.7", "state/ok/stat/21/701.7"),
    ("21 O.S.2011, § 701.7", "state/ok/stat/21/701.7"),
    ("12 O.S. § 2012", "state/ok/stat/12/2012"),
    ("Okla. Stat. tit. 27A, § 2-6-105", "state/ok/stat/27A/2-6-105"),
    ("63 O.S. § 1-101(A)", "state/ok/stat/63/1-101/A"),
    ("Okla. Const. art. 2, § 7", "state/ok/const/art-2/sec-7"),
    # Oregon
    ("Or. Rev. Stat. § 163.115", "state/or/rev-stat/163.115"),
    ("ORS 163.115(1)(a)", "state/or/rev-stat/163.115/1/a"),
    ("ORS 30.265", "state/or/rev-stat/30.265"),
    ("Or. Const. art. I, § 9", "state/or/const/art-1/sec-9"),
    # Pennsylvania
    ("18 Pa. Cons. Stat. § 2502", "state/pa/cons-stat/18/2502"),
    ("18 Pa.C.S. § 2502(a)", "state/pa/cons-stat/18/2502/a"),
    ("42 Pa.C.S.A. § 9545", "state/pa/cons-stat/42/9545"),
    ("43 P.S. § 1101.101", "state/pa/stat/43/1101.101"),
    ("Pa. Const. art. I, § 8", "state/pa/const/art-1/sec-8"),
    # Rhode Island
    ("R.I. Gen. Laws § 11-23-1", "state/ri/gen-laws/11-23-1"),
    ("R.I. Gen. Laws § 42-35-15.1", "state/ri/gen-laws/42-35-15.1"),
    ("Rhode Island General Laws § 9-1-14", "state/ri/gen-laws/9-1-14"),
    ("R.I. Const. art. I, § 6", "state/ri/const/art-1/sec-6"),
    # South Carolina
    ("S.C. Code Ann. § 16-3-10", "state/sc/code/16-3-10"),
    ("S.C. Code Ann. § 15-78-60(5)", "state/sc/code/15-78-60/5"),
    ("S.C. Code § 17-27-20", "state/sc/code/17-27-20"),
    ("S.C. Const. art. I, § 10", "state/sc/const/art-1/sec-10"),
    # South Dakota
    ("S.D. Codified Laws § 22-16-4", "state/sd/codified-laws/22-16-4"),
    ("SDCL 22-16-4", "state/sd/codified-laws/22-16-4"),
    ("SDCL § 15-6-12(b)", "state/sd/codified-laws/15-6-12/b"),
    ("S.D. Const. art. VI, § 11", "state/sd/const/art-6/sec-11"),
    # Tennessee
    ("Tenn. Code Ann. § 39-13-202", "state/tn/code/39-13-202"),
    ("T.C.A. § 40-35-210", "state/tn/code/40-35-210"),
    ("Tenn. Code § 29-26-121", "state/tn/code/29-26-121"),
    ("Tenn. Const. art. I, § 7", "state/tn/const/art-1/sec-7"),
    # Texas
    ("Tex. Penal Code Ann. § 19.02", "state/tx/penal/19.02"),
    ("Tex. Civ. Prac. & Rem. Code Ann. § 171.023", "state/tx/civ-prac-rem/171.023"),
    ("Tex. Fam. Code § 153.002", "state/tx/fam/153.002"),
    ("Tex. Code Crim. Proc. Ann. art. 38.22", "state/tx/crim-proc/38.22"),
    ("Tex. Gov't Code Ann. § 552.101", "state/tx/gov/552.101"),
    ("Tex. Const. art. I, § 19", "state/tx/const/art-1/sec-19"),
    # Utah
    ("Utah Code Ann. § 76-5-203", "state/ut/code/76-5-203"),
    ("Utah Code § 78B-2-307", "state/ut/code/78B-2-307"),
    ("U.C.A. § 77-18-1", "state/ut/code/77-18-1"),
    ("Utah Const. art. I, § 14", "state/ut/const/art-1/sec-14"),
    # Vermont
    ("Vt. Stat. Ann. tit. 13, § 2301", "state/vt/stat/13/2301"),
    ("13 V.S.A. § 2301", "state/vt/stat/13/2301"),
    ("12 V.S.A. § 512", "state/vt/stat/12/512"),
    ("Vt. Const. ch. I, art. 10", "state/vt/const/pt-1/art-10"),
    # Virginia
    ("Va. Code Ann. § 18.2-32", "state/va/code/18.2-32"),
    ("Va. Code § 8.01-229", "state/va/code/8.01-229"),
    ("Code of Virginia § 19.2-264.4", "state/va/code/19.2-264.4"),
    ("Va. Const. art. I, § 8", "state/va/const/art-1/sec-8"),
    # Washington
    ("Wash. Rev. Code § 9A.32.030", "state/wa/rev-code/9A.32.030"),
    ("RCW 9A.32.030(1)(a)", "state/wa/rev-code/9A.32.030/1/a"),
    ("RCW 4.16.080", "state/wa/rev-code/4.16.080"),
    ("Wash. Const. art. I, § 7", "state/wa/const/art-1/sec-7"),
    # West Virginia
    ("W. Va. Code § 61-2-1", "state/wv/code/61-2-1"),
    ("W. Va. Code § 55-7B-6", "state/wv/code/55-7B-6"),
    ("W. Va. Code Ann. § 23-4-2(d)(2)", "state/wv/code/23-4-2/d/2"),
    ("W. Va. Const. art. III, § 6", "state/wv/const/art-3/sec-6"),
    # Wisconsin
    ("Wis. Stat. § 940.01", "state/wi/stat/940.01"),
    ("Wis. Stat. § 655.002(2)(c)", "state/wi/stat/655.002/2/c"),
    ("Wis. Stat. Ann. § 893.80", "state/wi/stat/893.80"),
    ("Wis. Const. art. I, § 11", "state/wi/const/art-1/sec-11"),
    # Wyoming
    ("Wyo. Stat. Ann. § 6-2-101", "state/wy/stat/6-2-101"),
    ("Wyo. Stat. § 1-39-104", "state/wy/stat/1-39-104"),
    ("W.S. § 7-13-402", "state/wy/stat/7-13-402"),
    ("Wyo. Const. art. 1, § 4", "state/wy/const/art-1/sec-4"),
    # Puerto Rico
    ("P.R. Laws Ann. tit. 33, § 4001", "state/pr/laws/33/4001"),
    ("33 L.P.R.A. § 4001", "state/pr/laws/33/4001"),
    ("31 L.P.R.A. § 5141", "state/pr/laws/31/5141"),
    ("P.R. Const. art. II, § 10", "state/pr/const/art-2/sec-10"),
    # Guam
    ("9 Guam Code Ann. § 16.10", "state/gu/code/9/16.10"),
    ("9 GCA § 16.10", "state/gu/code/9/16.10"),
    ("11 Guam Code § 72107", "state/gu/code/11/72107"),
    # U.S. Virgin Islands
    ("V.I. Code Ann. tit. 14, § 922", "state/vi/code/14/922"),
    ("14 V.I.C. § 922(a)", "state/vi/code/14/922/a"),
    ("5 V.I.C. § 3711", "state/vi/code/5/3711"),
    # Northern Mariana Islands
    ("6 N. Mar. I. Code § 1101", "state/mp/code/6/1101"),
    ("6 CMC § 1101(a)", "state/mp/code/6/1101/a"),
    ("7 CMC § 3101", "state/mp/code/7/3101"),
    ("N.M.I. Const. art. I, § 3", "state/mp/const/art-1/sec-3"),
    # American Samoa
    ("Am. Samoa Code Ann. § 46.3501", "state/as/code/46.3501"),
    ("A.S.C.A. § 46.3501", "state/as/code/46.3501"),
    ("American Samoa Code § 2.1002", "state/as/code/2.1002"),
    ("Am. Samoa Const. art. II, § 2", "state/as/const/art-2/sec-2"),
]


@pytest.mark.parametrize(("text", "expected"), FORMS)
def test_real_forms(text: str, expected: str) -> None:
    assert expected in ids(text)


def test_three_forms_per_jurisdiction() -> None:
    per: dict[str, int] = {}
    for _, expected in FORMS:
        jurisdiction = expected.split("/")[1]
        per[jurisdiction] = per.get(jurisdiction, 0) + 1
    assert set(per) == set(JURISDICTIONS)
    assert min(per.values()) >= 3


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("Cal. Pen. Code § 187(a)", "Cal. Penal Code § 187(a)"),
        ("California Public Resources Code section 21001.1", "Cal. Pub. Res. Code § 21001.1"),
        ("Tex. Penal Code § 19.02", "Tex. Penal Code Ann. § 19.02"),
        ("735 ILCS 5/2-619", "735 Ill. Comp. Stat. 5/2-619"),
        ("G.L. c. 93A, § 2", "Mass. Gen. Laws ch. 93A, § 2"),
        ("9 Del. C. § 2402(b)", "Del. Code Ann. tit. 9, § 2402(b)"),
        ("17-A M.R.S. § 201", "Me. Stat. tit. 17-A, § 201"),
        ("18 Pa.C.S. § 2502", "18 Pa. Cons. Stat. § 2502"),
        ("La. C.C. art. 2315", "La. Civ. Code Ann. art. 2315"),
        ("ORS 163.115", "Or. Rev. Stat. § 163.115"),
        ("Arizona Constitution Article XII, section 3", "Ariz. Const. art. XII, § 3"),
        ("Ark. Const. art. 18", "Ark. Const. art. XVIII"),
        ("Ala. Const. amend. 772", "Ala. Const. amend. 772"),
        ("Mass. Gen. Laws ch. 1, §§ 2-3", "Mass. Gen. Laws ch. 1, §§ 2–3"),
        ("Ariz. Rev. Stat. Ann. § 36-3701 et seq.", "Ariz. Rev. Stat. § 36-3701 et seq."),
    ],
)
def test_normalized_form_keeps_the_codes_name(text: str, normalized: str) -> None:
    assert states(text)[0].normalized == normalized


def test_fields() -> None:
    (c,) = states("Cal. Penal Code § 187(a)")
    assert (c.kind, c.jurisdiction, c.code, c.section, c.pin) == (
        "state",
        "ca",
        "penal",
        "187",
        ("a",),
    )
    record = c.to_dict()
    assert record["jurisdiction"] == "ca" and record["pin"] == ["a"]
    (k,) = states("Cal. Const. art. I, § 7")
    assert (k.code, k.article, k.section) == ("const", "1", "7")


def test_whole_span() -> None:
    text = "See 21 O.S.2011, § 701.7 (murder)."
    (c,) = states(text)
    assert c.text == "21 O.S.2011, § 701.7"


def test_lists_ranges_and_et_seq() -> None:
    found = states("Fla. Stat. §§ 776.012, 776.013, and 776.032")
    assert [c.section for c in found] == ["776.012", "776.013", "776.032"]
    assert len({c.group for c in found}) == 1
    found = states("Ala. Code §§ 13A-5-45 to 13A-5-53")
    assert [c.section for c in found] == ["13A-5-45", "13A-5-53"]
    assert found[0].range_end == "13A-5-53"
    (c,) = states("Ariz. Rev. Stat. Ann. § 36-3701 et seq. (West 2009)")
    assert c.et_seq and c.section == "36-3701"
    assert [c.pin for c in states("Ark. Code Ann. § 23-3-119(a)(2) and (d)")] == [
        ("a", "2"),
        ("d",),
    ]


def test_dashed_sections_are_not_ranges() -> None:
    assert [c.section for c in states("Ala. Code § 13A-5-40")] == ["13A-5-40"]
    assert [c.section for c in states("Conn. Gen. Stat. § 53a-54a")] == ["53a-54a"]
    # Oklahoma numbers some titles with dots and others with dashes; a dot before a dash
    # starts a range.
    assert [c.section for c in states("Okla. Stat. tit. 27A, § 2-6-105")] == ["2-6-105"]
    assert [(c.section, c.range_end) for c in states("Okla. Stat. tit. 21, §§ 701.7-701.9")] == [
        ("701.7", "701.9"),
        ("701.9", None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ala. Code § 38-2-6. § 26-14-8", ["state/al/code/38-2-6", "state/al/code/26-14-8"]),
        ("Fla. Stat. § 285.16. § 285.20", ["state/fl/stat/285.16", "state/fl/stat/285.20"]),
        ("410 ILCS 54/1. § 10", ["state/il/ilcs/410/54/1", "state/il/ilcs/410/54/10"]),
        ("Am. Samoa Code § 2.1002. § 1009(b)", ["state/as/code/2.1002", "state/as/code/2.1009/b"]),
        ("9 Del. C. § 2402(b). § 2403", ["state/de/code/9/2402/b", "state/de/code/9/2403"]),
        (
            "Okla. Stat. tit. 21, § 701.7. § 702; § 703.1",
            ["state/ok/stat/21/701.7", "state/ok/stat/21/702", "state/ok/stat/21/703.1"],
        ),
        (
            "Okla. Stat. tit. 63, § 1-101. § 1-102",
            ["state/ok/stat/63/1-101", "state/ok/stat/63/1-102"],
        ),
        (
            "Mass. Gen. Laws ch. 93A, § 2. § 11",
            ["state/ma/gen-laws/93A/2", "state/ma/gen-laws/93A/11"],
        ),
        ("Idaho Code § 66-326. Id. at (2)", ["state/id/code/66-326", "state/id/code/66-326/2"]),
        ("Mass. Gen. Laws ch. 1, § 2. Id.", ["state/ma/gen-laws/1/2", "state/ma/gen-laws/1/2"]),
        (
            "Alaska Stat. § 01.05.011. 01.05.016",
            ["state/ak/stat/01.05.011", "state/ak/stat/01.05.016"],
        ),
    ],
)
def test_short_forms_parse_with_their_jurisdictions_grammar(text: str, expected: list[str]) -> None:
    found = states(text)
    assert [c.id for c in found] == expected
    assert found[-1].short and found[-1].antecedent is found[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Cal. Const. Art. XI § 1. § 2",
            ["state/ca/const/art-11/sec-1", "state/ca/const/art-11/sec-2"],
        ),
        (
            "Alaska Const. Art. I § 1. Id. § 3",
            ["state/ak/const/art-1/sec-1", "state/ak/const/art-1/sec-3"],
        ),
        (
            "Ala. Const. Art. VIII, Sec. 177. Id. at § 178",
            ["state/al/const/art-8/sec-177", "state/al/const/art-8/sec-178"],
        ),
        (
            "Florida Constitution Article X, Section 2. Id. at Section 6",
            ["state/fl/const/art-10/sec-2", "state/fl/const/art-10/sec-6"],
        ),
        (
            "Arizona Constitution Article XII, section 3. Art. XII § 2",
            ["state/az/const/art-12/sec-3", "state/az/const/art-12/sec-2"],
        ),
        (
            "Arkansas Constitution Article 18. Article 15, § 2",
            ["state/ar/const/art-18", "state/ar/const/art-15/sec-2"],
        ),
        (  # an article on its own, just after
            "Conn. Const. Art. XIII, Sec. 2. Art. VII",
            ["state/ct/const/art-13/sec-2", "state/ct/const/art-7"],
        ),
        (
            "Mass. Const. pt. 1, art. 12. Article XIV",
            ["state/ma/const/pt-1/art-12", "state/ma/const/pt-1/art-14"],
        ),
        # Not another article of it: too far, lettered, of something else, no numeral.
        ("Cal. Const. art. I, § 7. " + "x" * 50 + " Art. VII", ["state/ca/const/art-1/sec-7"]),
        ("Cal. Const. art. I, § 7, and Art. XIII A", ["state/ca/const/art-1/sec-7"]),
        ("Cal. Const. art. I, § 7. Article IV of the treaty", ["state/ca/const/art-1/sec-7"]),
        ("Cal. Const. art. I. Art. IIII", ["state/ca/const/art-1"]),
        ("U.S. Const. art. I, § 8. Art. II", []),
        ("Art. VII of the lease", []),
    ],
)
def test_constitution_short_forms(text: str, expected: list[str]) -> None:
    assert ids(text) == expected


def test_section_then_constitution() -> None:
    assert ids("article I, section 7 of the California Constitution") == [
        "state/ca/const/art-1/sec-7"
    ]
    assert ids("Article XVI of the Delaware Constitution") == ["state/de/const/art-16"]
    (c,) = states("U.S. Const. art. I, § 8, cl. 3 and Cal. Const. art. I, § 7")
    assert c.jurisdiction == "ca"


def test_jurisdiction_known_from_an_earlier_citation() -> None:
    text = (
        "Cal. Penal Code § 187. Under 42 U.S.C. § 1983 and Vehicle Code section 23152, "
        "see section 187 of the Penal Code and (Pen. Code, § 190.2)."
    )
    assert ids(text) == [
        "state/ca/penal/187",
        "state/ca/veh/23152",
        "state/ca/penal/187",
        "state/ca/penal/190.2",
    ]
    texas = ids("Tex. Fam. Code § 153.002. Penal Code § 19.02")
    assert texas == ["state/tx/fam/153.002", "state/tx/penal/19.02"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("section 3 of title 11 of the Delaware Code", ["Del. Code Ann. tit. 11, § 3"]),
        ("section 3 of title 11, Delaware Code", ["Del. Code Ann. tit. 11, § 3"]),
        (
            "sections 3 and 4 of title 11 of the Delaware Code",
            ["Del. Code Ann. tit. 11, § 3", "Del. Code Ann. tit. 11, § 4"],
        ),
        ("section 701 of title 21 of the Oklahoma Statutes", ["Okla. Stat. tit. 21, § 701"]),
        (
            "section 100 of title 17 of the Vermont Statutes Annotated",
            ["Vt. Stat. Ann. tit. 17, § 100"],
        ),
        ("section 25 of title 14 of the Maine Revised Statutes", ["Me. Stat. tit. 14, § 25"]),
        ("section 2 of chapter 93A, Mass. Gen. Laws", ["Mass. Gen. Laws ch. 93A, § 2"]),
        ("section 2 of title 93A, Mass. Gen. Laws", []),  # the General Laws have chapters
        ("section 776.012 of title 5, Florida Statutes", []),  # the Statutes have no titles
    ],
)
def test_the_title_or_chapter_after_the_section(text: str, expected: list[str]) -> None:
    found = states(text)
    assert [c.normalized for c in found] == expected
    assert all(c.end == len(text) for c in found[-1:])  # the last one ends with the code's name


@pytest.mark.parametrize(
    "text",
    [
        "Penal Code § 187",  # no jurisdiction yet
        "page 735at Ill. Comp. Stat. 5/2-619",  # the chapters of the ILCS are numbers
        "SUCH AS 10 PERCENT",
        "ORS 12",  # a markless acronym needs a number of its code's shape
        "Initial cite: Cal. Const. Art. I § 7. Intervening: 56 U.S. 365. Section 778a.",
        "the California Constitution protects privacy",
        "U.S. Const. art. I, § 8, cl. 3",
        "Fla. Stat.",
    ],
)
def test_not_state_citations_or_not_extra(text: str) -> None:
    found = states(text)
    assert len(found) <= 1 and all(c.code == "const" for c in found)


def test_no_state_citation_is_invented_in_the_brief(fixture_text) -> None:
    assert states(fixture_text("brief.txt")) == []


def test_numbers() -> None:
    assert [arabic(n) for n in ("XIV", "4", "XIII A", "xiii", "13A")] == [
        "14",
        "4",
        "13A",
        "13",
        "13A",
    ]
    assert [roman(n) for n in ("14", "13A", "1")] == ["XIV", "XIII A", "I"]


def test_hostile_input_finishes() -> None:
    for unit in ("Cal. Penal Code § ", "ORS ", "Const. art. ", "G.L. c. 1, § ", "9 Del. C. § 1-"):
        citelink.find(unit * 20_000)


def test_numbers_the_us_code_refuses_are_not_its_citations() -> None:
    text = "8 U.S.C. § 1101. See section 656.5 of title 20, Code of Federal Regulations. § 1379."
    # the C.F.R. claims its own section; the U.S. Code never reads "656.5" as one of its own
    assert [c.id for c in citelink.find(text)] == ["usc/8/1101", "cfr/20/656.5", "usc/8/1379"]
