"""Build ``src/citelink/sources/states/table.py``: the states' codes and how writers name them.

    pip install eyecite     # brings reporters-db, whose laws.json this script reads
    python scripts/build_state_table.py

The facts below (each jurisdiction's names, its codes' Bluebook names, the
abbreviations and acronyms in use, the shape of its section numbers) are
curated here. reporters-db's ``laws.json`` adds the abbreviations it lists for
each jurisdiction's statutory code (``leg_statute`` entries: "Alaska Stat.
Ann.", "Mich. Comp. Laws Serv.", ...): every one of them must map to a code
below, so the script fails when reporters-db lists a code this table lacks.
citelink never imports reporters-db at run time: it ships the generated table.
"""

from __future__ import annotations

import json
import pprint
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

OUT = (
    Path(__file__).resolve().parent.parent / "src" / "citelink" / "sources" / "states" / "table.py"
)

#: postal code -> (name, Bluebook abbreviation, other ways to name it before "Const." or a code)
JURISDICTIONS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "al": ("Alabama", "Ala.", ("Alabama",)),
    "ak": ("Alaska", "Alaska", ()),
    "az": ("Arizona", "Ariz.", ("Arizona",)),
    "ar": ("Arkansas", "Ark.", ("Arkansas",)),
    "ca": ("California", "Cal.", ("California", "Calif.")),
    "co": ("Colorado", "Colo.", ("Colorado",)),
    "ct": ("Connecticut", "Conn.", ("Connecticut",)),
    "de": ("Delaware", "Del.", ("Delaware",)),
    "dc": ("District of Columbia", "D.C.", ("District of Columbia",)),
    "fl": ("Florida", "Fla.", ("Florida",)),
    "ga": ("Georgia", "Ga.", ("Georgia",)),
    "hi": ("Hawaii", "Haw.", ("Hawaii", "Hawai'i", "Hawaiʻi")),
    "id": ("Idaho", "Idaho", ()),
    "il": ("Illinois", "Ill.", ("Illinois",)),
    "in": ("Indiana", "Ind.", ("Indiana",)),
    "ia": ("Iowa", "Iowa", ()),
    "ks": ("Kansas", "Kan.", ("Kansas", "Kans.")),
    "ky": ("Kentucky", "Ky.", ("Kentucky",)),
    "la": ("Louisiana", "La.", ("Louisiana",)),
    "me": ("Maine", "Me.", ("Maine",)),
    "md": ("Maryland", "Md.", ("Maryland",)),
    "ma": ("Massachusetts", "Mass.", ("Massachusetts",)),
    "mi": ("Michigan", "Mich.", ("Michigan",)),
    "mn": ("Minnesota", "Minn.", ("Minnesota",)),
    "ms": ("Mississippi", "Miss.", ("Mississippi",)),
    "mo": ("Missouri", "Mo.", ("Missouri",)),
    "mt": ("Montana", "Mont.", ("Montana",)),
    "ne": ("Nebraska", "Neb.", ("Nebraska", "Nebr.")),
    "nv": ("Nevada", "Nev.", ("Nevada",)),
    "nh": ("New Hampshire", "N.H.", ("New Hampshire",)),
    "nj": ("New Jersey", "N.J.", ("New Jersey",)),
    "nm": ("New Mexico", "N.M.", ("New Mexico",)),
    "ny": ("New York", "N.Y.", ("New York",)),
    "nc": ("North Carolina", "N.C.", ("North Carolina",)),
    "nd": ("North Dakota", "N.D.", ("North Dakota",)),
    "oh": ("Ohio", "Ohio", ()),
    "ok": ("Oklahoma", "Okla.", ("Oklahoma",)),
    "or": ("Oregon", "Or.", ("Oregon", "Ore.")),
    "pa": ("Pennsylvania", "Pa.", ("Pennsylvania",)),
    "ri": ("Rhode Island", "R.I.", ("Rhode Island",)),
    "sc": ("South Carolina", "S.C.", ("South Carolina",)),
    "sd": ("South Dakota", "S.D.", ("South Dakota",)),
    "tn": ("Tennessee", "Tenn.", ("Tennessee",)),
    "tx": ("Texas", "Tex.", ("Texas",)),
    "ut": ("Utah", "Utah", ()),
    "vt": ("Vermont", "Vt.", ("Vermont",)),
    "va": ("Virginia", "Va.", ("Virginia",)),
    "wa": ("Washington", "Wash.", ("Washington",)),
    "wv": ("West Virginia", "W. Va.", ("West Virginia",)),
    "wi": ("Wisconsin", "Wis.", ("Wisconsin", "Wisc.")),
    "wy": ("Wyoming", "Wyo.", ("Wyoming",)),
    "pr": ("Puerto Rico", "P.R.", ("Puerto Rico",)),
    "gu": ("Guam", "Guam", ()),
    "vi": ("U.S. Virgin Islands", "V.I.", ("Virgin Islands", "U.S. Virgin Islands")),
    "mp": (
        "Northern Mariana Islands",
        "N. Mar. I.",
        ("Northern Mariana Islands", "CNMI", "N.M.I."),
    ),
    "as": ("American Samoa", "Am. Samoa", ("American Samoa",)),
}


@dataclass
class Code:
    """One statutory code (or one subject code of a state that has several)."""

    postal: str
    key: str
    #: The Bluebook name, used in the normalized form.
    name: str
    #: Section grammar: decimal (187, 125.25, 9A.32.030), dotted (decimal whose sections all
    #: have a dot: 776.012), dashed (14-17, 13A-5-40), mixed (decimal in some titles, dashed in
    #: others: 701.7, 2-6-105), colon (14:30, 2C:11-3), ilcs (5/2-619).
    shape: str
    #: Normalized form: plain "Name § 1", before "9 Name § 1", tit "Name tit. 9, § 1",
    #: ch "Name ch. 93A, § 2", ilcs "735 Name 5/2-619", art "Name art. 2315".
    style: str = "plain"
    #: Subject names written after the jurisdiction ("Penal Code" -> "Cal. Penal Code").
    subjects: tuple[str, ...] = ()
    #: Names used alone once the document's jurisdiction is known ("Penal Code § 187").
    local: tuple[str, ...] = ()
    #: Other full names ("O.C.G.A.", "Florida Statutes").
    extra: tuple[str, ...] = ()
    #: Acronyms written with no section mark before the number ("ORS 163.115").
    markless: tuple[str, ...] = ()
    #: Whether "X Ann." is also a name for every name X.
    annotated: bool = True
    #: The title every citation of this name is in ("DGCL" is title 8 of the Delaware Code).
    title: str = ""
    variants: list[str] = field(default_factory=list)


def code(postal: str, key: str, name: str, shape: str, **kw: object) -> Code:
    return Code(postal, key, name, shape, **kw)  # type: ignore[arg-type]


def prefixes(postal: str) -> tuple[str, ...]:
    _, abbreviation, others = JURISDICTIONS[postal]
    return (abbreviation, *others)


# --- the codes ------------------------------------------------------------------

CODES: list[Code] = [
    code(
        "al",
        "code",
        "Ala. Code",
        "dashed",
        extra=("Code of Alabama", "Alabama Code", "Ala. Code 1975"),
    ),
    code("ak", "stat", "Alaska Stat.", "decimal", extra=("Alaska Statutes",), markless=("AS",)),
    code(
        "az",
        "rev-stat",
        "Ariz. Rev. Stat.",
        "dashed",
        extra=("Arizona Revised Statutes", "A.R.S.", "ARS"),
        markless=("A.R.S.",),
    ),
    code("ar", "code", "Ark. Code Ann.", "dashed", extra=("Arkansas Code", "A.C.A.", "Ark. Code")),
    code(
        "co",
        "rev-stat",
        "Colo. Rev. Stat.",
        "dashed",
        extra=("Colorado Revised Statutes", "C.R.S."),
        markless=("C.R.S.",),
    ),
    code(
        "ct",
        "gen-stat",
        "Conn. Gen. Stat.",
        "dashed",
        extra=("Connecticut General Statutes", "C.G.S.", "Conn. Gen. Stat. Rev."),
        local=("General Statutes", "Gen. Stat."),
    ),
    code(
        "de",
        "code",
        "Del. Code Ann.",
        "decimal",
        style="tit",
        extra=("Del. C.", "Delaware Code", "Del. Code"),
    ),
    code(
        "de",
        "code",
        "Del. Code Ann.",
        "decimal",
        style="tit",
        annotated=False,
        title="8",
        extra=("DGCL", "Delaware General Corporation Law"),
    ),
    code(
        "dc",
        "code",
        "D.C. Code",
        "dashed",
        extra=("D.C. Official Code", "D.C. Code Ann.", "District of Columbia Code"),
    ),
    code(
        "fl", "stat", "Fla. Stat.", "decimal", extra=("Florida Statutes", "F.S.", "Fla. Stat. Ann.")
    ),
    code(
        "ga",
        "code",
        "Ga. Code Ann.",
        "dashed",
        extra=("O.C.G.A.", "OCGA", "Official Code of Georgia", "Georgia Code", "Ga. Code"),
    ),
    code(
        "hi",
        "rev-stat",
        "Haw. Rev. Stat.",
        "dashed",
        extra=("HRS", "H.R.S.", "Hawaii Revised Statutes"),
        markless=("HRS",),
    ),
    code("id", "code", "Idaho Code", "dashed", extra=("Idaho Code Ann.",), local=("I.C.",)),
    code(
        "il",
        "ilcs",
        "Ill. Comp. Stat.",
        "ilcs",
        style="ilcs",
        extra=("ILCS", "Illinois Compiled Statutes"),
        markless=("ILCS", "Ill. Comp. Stat.", "Ill. Comp. Stat. Ann."),
    ),
    code(
        "in",
        "code",
        "Ind. Code",
        "dashed",
        extra=("Indiana Code", "Ind. Code Ann."),
        local=("I.C.",),
    ),
    code("ia", "code", "Iowa Code", "decimal", extra=("Code of Iowa", "Iowa Code Ann.")),
    code(
        "ks",
        "stat",
        "Kan. Stat. Ann.",
        "dashed",
        extra=("K.S.A.", "Kansas Statutes Annotated", "Kan. Stat."),
        markless=("K.S.A.",),
    ),
    code(
        "ky",
        "rev-stat",
        "Ky. Rev. Stat. Ann.",
        "decimal",
        extra=("KRS", "K.R.S.", "Kentucky Revised Statutes", "Ky. Rev. Stat."),
        markless=("KRS",),
    ),
    code(
        "la",
        "rev-stat",
        "La. Stat. Ann.",
        "colon",
        extra=(
            "La. Rev. Stat.",
            "La. Rev. Stat. Ann.",
            "La. R.S.",
            "LSA-R.S.",
            "La. Stat.",
            "Louisiana Revised Statutes",
        ),
        markless=("La. R.S.", "LSA-R.S."),
        local=("R.S.",),
    ),
    code(
        "la",
        "civ-code",
        "La. Civ. Code Ann.",
        "decimal",
        style="art",
        extra=("La. Civ. Code", "La. C.C.", "Louisiana Civil Code"),
        local=("Civil Code", "C.C."),
    ),
    code(
        "la",
        "civ-proc",
        "La. Code Civ. Proc. Ann.",
        "decimal",
        style="art",
        extra=("La. Code Civ. Proc.", "La. C.C.P.", "Louisiana Code of Civil Procedure"),
        local=("Code of Civil Procedure", "C.C.P."),
    ),
    code(
        "la",
        "crim-proc",
        "La. Code Crim. Proc. Ann.",
        "decimal",
        style="art",
        extra=("La. Code Crim. Proc.", "La. C.Cr.P.", "Louisiana Code of Criminal Procedure"),
        local=("Code of Criminal Procedure", "C.Cr.P."),
    ),
    code(
        "la",
        "evid",
        "La. Code Evid. Ann.",
        "decimal",
        style="art",
        extra=("La. Code Evid.", "La. C.E.", "Louisiana Code of Evidence"),
        local=("C.E.",),
    ),
    code(
        "la",
        "child",
        "La. Child. Code Ann.",
        "decimal",
        style="art",
        extra=("La. Child. Code", "La. Ch.C.", "Louisiana Children's Code"),
        local=("Ch.C.",),
    ),
    code(
        "me",
        "stat",
        "Me. Stat.",
        "decimal",
        style="tit",
        extra=(
            "Me. Rev. Stat.",
            "Me. Rev. Stat. Ann.",
            "M.R.S.",
            "M.R.S.A.",
            "Maine Revised Statutes",
        ),
    ),
    code(
        "ma",
        "gen-laws",
        "Mass. Gen. Laws",
        "decimal",
        style="ch",
        extra=(
            "G.L.",
            "M.G.L.",
            "Mass. Ann. Laws",
            "Massachusetts General Laws",
            "General Laws",
            "Mass. G.L.",
            "M.G.L.A.",
        ),
    ),
    code(
        "mi",
        "comp-laws",
        "Mich. Comp. Laws",
        "decimal",
        extra=(
            "MCL",
            "M.C.L.",
            "MCLA",
            "M.C.L.A.",
            "Michigan Compiled Laws",
            "Mich. Comp. Laws Serv.",
        ),
        markless=("MCL", "M.C.L."),
    ),
    code("mn", "stat", "Minn. Stat.", "decimal", extra=("Minnesota Statutes", "M.S.A.")),
    code("ms", "code", "Miss. Code Ann.", "dashed", extra=("Mississippi Code", "Miss. Code")),
    code(
        "mo",
        "rev-stat",
        "Mo. Rev. Stat.",
        "decimal",
        extra=("RSMo", "R.S.Mo.", "Missouri Revised Statutes", "Mo. Ann. Stat.", "V.A.M.S."),
    ),
    code(
        "mt", "code", "Mont. Code Ann.", "dashed", extra=("MCA", "M.C.A.", "Montana Code Annotated")
    ),
    code(
        "ne",
        "rev-stat",
        "Neb. Rev. Stat.",
        "dashed",
        extra=("Nebraska Revised Statutes", "Neb. Rev. Stat. Ann.", "R.R.S. Neb."),
    ),
    code(
        "nv",
        "rev-stat",
        "Nev. Rev. Stat.",
        "decimal",
        extra=("NRS", "N.R.S.", "Nevada Revised Statutes"),
        markless=("NRS",),
    ),
    code(
        "nh",
        "rev-stat",
        "N.H. Rev. Stat. Ann.",
        "colon",
        extra=("RSA", "N.H. Rev. Stat.", "New Hampshire Revised Statutes"),
        markless=("RSA",),
    ),
    code(
        "nj",
        "stat",
        "N.J. Stat. Ann.",
        "colon",
        extra=("N.J.S.A.", "N.J.S.", "N.J. Rev. Stat.", "New Jersey Statutes", "N.J. Stat."),
        markless=("N.J.S.A.", "N.J.S."),
    ),
    code(
        "nm",
        "stat",
        "N.M. Stat. Ann.",
        "dashed",
        extra=(
            "NMSA",
            "NMSA 1978",
            "N.M.S.A.",
            "N.M.S.A. 1978",
            "New Mexico Statutes",
            "N.M. Stat.",
        ),
    ),
    code(
        "nc",
        "gen-stat",
        "N.C. Gen. Stat.",
        "dashed",
        extra=("N.C.G.S.", "N.C. Gen. Stat. Ann.", "North Carolina General Statutes", "G.S."),
        markless=("G.S.", "N.C.G.S."),
    ),
    code(
        "nd",
        "cent-code",
        "N.D. Cent. Code",
        "dashed",
        extra=("NDCC", "N.D.C.C.", "North Dakota Century Code"),
        markless=("NDCC", "N.D.C.C."),
    ),
    code(
        "oh",
        "rev-code",
        "Ohio Rev. Code Ann.",
        "decimal",
        extra=("R.C.", "Ohio R.C.", "O.R.C.", "ORC", "Ohio Revised Code", "Ohio Rev. Code"),
        markless=("R.C.", "Ohio R.C.", "O.R.C."),
    ),
    code(
        "ok",
        "stat",
        "Okla. Stat.",
        "mixed",
        style="tit",
        extra=("O.S.", "Oklahoma Statutes", "Okla. Stat. Ann."),
    ),
    code(
        "or",
        "rev-stat",
        "Or. Rev. Stat.",
        "decimal",
        extra=("ORS", "O.R.S.", "Oregon Revised Statutes", "Or. Rev. Stat. Ann."),
        markless=("ORS",),
    ),
    code(
        "pa",
        "cons-stat",
        "Pa. Cons. Stat.",
        "decimal",
        style="before",
        extra=(
            "Pa.C.S.",
            "Pa. C.S.",
            "Pa.C.S.A.",
            "Pa. Cons. Stat. Ann.",
            "Pa. Stat. and Cons. Stat. Ann.",
            "Pennsylvania Consolidated Statutes",
        ),
    ),
    code("pa", "stat", "Pa. Stat. Ann.", "decimal", style="before", extra=("P.S.", "Pa. Stat.")),
    code(
        "ri",
        "gen-laws",
        "R.I. Gen. Laws",
        "dashed",
        extra=("Rhode Island General Laws", "R.I.G.L.", "G.L. R.I."),
    ),
    code(
        "sc",
        "code",
        "S.C. Code Ann.",
        "dashed",
        extra=("South Carolina Code", "S.C. Code", "S.C. Code of Laws"),
    ),
    code(
        "sd",
        "codified-laws",
        "S.D. Codified Laws",
        "dashed",
        extra=("SDCL", "S.D.C.L.", "South Dakota Codified Laws"),
        markless=("SDCL",),
    ),
    code(
        "tn",
        "code",
        "Tenn. Code Ann.",
        "dashed",
        extra=("T.C.A.", "Tennessee Code Annotated", "Tenn. Code"),
    ),
    code("ut", "code", "Utah Code Ann.", "dashed", extra=("Utah Code", "U.C.A.")),
    code(
        "vt", "stat", "Vt. Stat. Ann.", "decimal", style="tit", extra=("V.S.A.", "Vermont Statutes")
    ),
    code(
        "va",
        "code",
        "Va. Code Ann.",
        "dashed",
        extra=("Va. Code", "Code of Virginia", "Virginia Code"),
        local=("Code",),
    ),
    code(
        "wa",
        "rev-code",
        "Wash. Rev. Code",
        "decimal",
        extra=("RCW", "Revised Code of Washington", "Rev. Code Wash."),
        markless=("RCW",),
    ),
    code("wv", "code", "W. Va. Code", "dashed", extra=("West Virginia Code", "W. Va. Code Ann.")),
    code("wi", "stat", "Wis. Stat.", "decimal", extra=("Wisconsin Statutes", "Wis. Stat. Ann.")),
    code(
        "wy", "stat", "Wyo. Stat. Ann.", "dashed", extra=("Wyoming Statutes", "W.S.", "Wyo. Stat.")
    ),
    code(
        "pr",
        "laws",
        "P.R. Laws Ann.",
        "decimal",
        style="tit",
        extra=("L.P.R.A.", "P.R. Leyes An.", "Laws of Puerto Rico"),
    ),
    code(
        "gu",
        "code",
        "Guam Code Ann.",
        "decimal",
        style="before",
        extra=("GCA", "G.C.A.", "Guam Code"),
    ),
    code(
        "vi",
        "code",
        "V.I. Code Ann.",
        "decimal",
        style="tit",
        extra=("V.I.C.", "Virgin Islands Code"),
    ),
    code(
        "mp",
        "code",
        "N. Mar. I. Code",
        "decimal",
        style="before",
        extra=("CMC", "N.M.I. Code", "Commonwealth Code"),
    ),
    code(
        "as",
        "code",
        "Am. Samoa Code Ann.",
        "decimal",
        extra=("A.S.C.A.", "ASCA", "American Samoa Code", "Am. Samoa Code"),
    ),
]

#: California's codes: key, Bluebook subject, other subjects, the California Style Manual's forms.
CALIFORNIA = [
    ("bus-prof", "Bus. & Prof. Code", ("Business and Professions Code",)),
    ("civ", "Civ. Code", ("Civil Code",)),
    ("civ-proc", "Civ. Proc. Code", ("Code Civ. Proc.", "Code of Civil Procedure")),
    ("com", "Com. Code", ("Commercial Code",)),
    ("corp", "Corp. Code", ("Corporations Code",)),
    ("educ", "Educ. Code", ("Ed. Code", "Education Code")),
    ("elec", "Elec. Code", ("Elections Code",)),
    ("evid", "Evid. Code", ("Evidence Code",)),
    ("fam", "Fam. Code", ("Family Code",)),
    ("fin", "Fin. Code", ("Financial Code",)),
    ("fish-game", "Fish & Game Code", ("Fish & G. Code", "Fish and Game Code")),
    ("food-agric", "Food & Agric. Code", ("Food & Agr. Code", "Food and Agricultural Code")),
    ("gov", "Gov't Code", ("Gov. Code", "Government Code")),
    ("harb-nav", "Harb. & Nav. Code", ("Harbors and Navigation Code",)),
    ("health-safety", "Health & Safety Code", ("Health & Saf. Code", "Health and Safety Code")),
    ("ins", "Ins. Code", ("Insurance Code",)),
    ("lab", "Lab. Code", ("Labor Code",)),
    ("mil-vet", "Mil. & Vet. Code", ("Military and Veterans Code",)),
    ("penal", "Penal Code", ("Pen. Code",)),
    ("prob", "Prob. Code", ("Probate Code",)),
    ("pub-cont", "Pub. Cont. Code", ("Public Contract Code",)),
    ("pub-res", "Pub. Res. Code", ("Pub. Resources Code", "Public Resources Code")),
    ("pub-util", "Pub. Util. Code", ("Public Utilities Code",)),
    ("rev-tax", "Rev. & Tax. Code", ("Revenue and Taxation Code",)),
    ("sts-high", "Sts. & High. Code", ("Streets and Highways Code", "Sts. & Hy. Code")),
    ("unemp-ins", "Unemp. Ins. Code", ("Unemployment Insurance Code",)),
    ("veh", "Veh. Code", ("Vehicle Code",)),
    ("water", "Water Code", ()),
    ("welf-inst", "Welf. & Inst. Code", ("Welfare and Institutions Code",)),
]

#: Texas's codes: key, Bluebook subject, other subjects.
TEXAS = [
    ("agric", "Agric. Code", ("Agriculture Code",)),
    ("alco-bev", "Alco. Bev. Code", ("Alcoholic Beverage Code",)),
    ("bus-com", "Bus. & Com. Code", ("Business and Commerce Code", "Bus. & Comm. Code")),
    ("bus-orgs", "Bus. Orgs. Code", ("Business Organizations Code",)),
    ("civ-prac-rem", "Civ. Prac. & Rem. Code", ("Civil Practice and Remedies Code",)),
    ("educ", "Educ. Code", ("Education Code",)),
    ("elec", "Elec. Code", ("Election Code",)),
    ("est", "Est. Code", ("Estates Code",)),
    ("fam", "Fam. Code", ("Family Code",)),
    ("fin", "Fin. Code", ("Finance Code",)),
    ("gov", "Gov't Code", ("Government Code", "Gov. Code")),
    ("health-safety", "Health & Safety Code", ("Health and Safety Code",)),
    ("hum-res", "Hum. Res. Code", ("Human Resources Code",)),
    ("ins", "Ins. Code", ("Insurance Code",)),
    ("lab", "Lab. Code", ("Labor Code",)),
    ("loc-gov", "Loc. Gov't Code", ("Local Government Code",)),
    ("nat-res", "Nat. Res. Code", ("Natural Resources Code",)),
    ("occ", "Occ. Code", ("Occupations Code",)),
    ("parks-wild", "Parks & Wild. Code", ("Parks and Wildlife Code",)),
    ("penal", "Penal Code", ()),
    ("prop", "Prop. Code", ("Property Code",)),
    ("spec-dist", "Spec. Dist. Code", ("Special District Local Laws Code",)),
    ("tax", "Tax Code", ()),
    ("transp", "Transp. Code", ("Transportation Code",)),
    ("util", "Util. Code", ("Utilities Code",)),
    ("water", "Water Code", ()),
]

#: New York's consolidated laws (and court acts): key, Bluebook subject, other subjects.
NEW_YORK = [
    ("abc", "Alco. Bev. Cont. Law", ("Alcoholic Beverage Control Law",)),
    ("agric-mkts", "Agric. & Mkts. Law", ("Agriculture and Markets Law",)),
    ("banking", "Banking Law", ()),
    ("bus-corp", "Bus. Corp. Law", ("Business Corporation Law",)),
    ("cplr", "C.P.L.R.", ("CPLR", "Civil Practice Law and Rules", "Civ. Prac. Law & R.")),
    ("civ-rights", "Civ. Rights Law", ("Civil Rights Law",)),
    ("civ-serv", "Civ. Serv. Law", ("Civil Service Law",)),
    ("correct", "Correct. Law", ("Correction Law",)),
    ("county", "County Law", ()),
    ("crim-proc", "Crim. Proc. Law", ("Criminal Procedure Law", "CPL")),
    ("debt-cred", "Debt. & Cred. Law", ("Debtor and Creditor Law",)),
    ("dom-rel", "Dom. Rel. Law", ("Domestic Relations Law",)),
    ("educ", "Educ. Law", ("Education Law",)),
    ("elec", "Elec. Law", ("Election Law",)),
    ("envtl-conserv", "Envtl. Conserv. Law", ("Environmental Conservation Law", "ECL")),
    ("est-powers-trusts", "Est. Powers & Trusts Law", ("Estates, Powers and Trusts Law", "EPTL")),
    ("exec", "Exec. Law", ("Executive Law",)),
    ("fam-ct-act", "Fam. Ct. Act", ("Family Court Act",)),
    ("gen-bus", "Gen. Bus. Law", ("General Business Law", "GBL")),
    ("gen-constr", "Gen. Constr. Law", ("General Construction Law",)),
    ("gen-mun", "Gen. Mun. Law", ("General Municipal Law",)),
    ("gen-oblig", "Gen. Oblig. Law", ("General Obligations Law", "GOL")),
    ("ins", "Ins. Law", ("Insurance Law",)),
    ("jud", "Jud. Law", ("Judiciary Law",)),
    ("lab", "Lab. Law", ("Labor Law",)),
    ("lien", "Lien Law", ()),
    ("ltd-liab-co", "Ltd. Liab. Co. Law", ("Limited Liability Company Law",)),
    ("mental-hyg", "Mental Hyg. Law", ("Mental Hygiene Law",)),
    ("mult-dwell", "Mult. Dwell. Law", ("Multiple Dwelling Law",)),
    ("not-for-profit", "Not-for-Profit Corp. Law", ("Not-For-Profit Corporation Law",)),
    ("penal", "Penal Law", ()),
    ("pub-auth", "Pub. Auth. Law", ("Public Authorities Law",)),
    ("pub-health", "Pub. Health Law", ("Public Health Law",)),
    ("pub-off", "Pub. Off. Law", ("Public Officers Law",)),
    ("pub-serv", "Pub. Serv. Law", ("Public Service Law",)),
    ("real-prop", "Real Prop. Law", ("Real Property Law",)),
    (
        "real-prop-acts",
        "Real Prop. Acts. Law",
        ("Real Property Actions and Proceedings Law", "RPAPL"),
    ),
    ("real-prop-tax", "Real Prop. Tax Law", ("Real Property Tax Law",)),
    ("soc-serv", "Soc. Serv. Law", ("Social Services Law",)),
    ("state-fin", "State Fin. Law", ("State Finance Law",)),
    ("surr-ct-proc", "Surr. Ct. Proc. Act", ("Surrogate's Court Procedure Act", "SCPA")),
    ("tax", "Tax Law", ()),
    ("town", "Town Law", ()),
    ("veh-traf", "Veh. & Traf. Law", ("Vehicle and Traffic Law",)),
    ("village", "Village Law", ()),
    ("workers-comp", "Workers' Comp. Law", ("Workers' Compensation Law",)),
]

#: Maryland's articles: key, Bluebook subject, other subjects.
MARYLAND = [
    ("agric", "Agric.", ("Agriculture",)),
    ("bus-occ-prof", "Bus. Occ. & Prof.", ("Business Occupations and Professions",)),
    ("bus-reg", "Bus. Reg.", ("Business Regulation",)),
    ("corps-ass'ns", "Corps. & Ass'ns", ("Corporations and Associations",)),
    ("cts-jud-proc", "Cts. & Jud. Proc.", ("Courts and Judicial Proceedings",)),
    ("crim-law", "Crim. Law", ("Criminal Law",)),
    ("crim-proc", "Crim. Proc.", ("Criminal Procedure",)),
    ("com-law", "Com. Law", ("Commercial Law",)),
    ("educ", "Educ.", ("Education",)),
    ("elec-law", "Elec. Law", ("Election Law",)),
    ("envir", "Envir.", ("Environment",)),
    ("est-trusts", "Est. & Trusts", ("Estates and Trusts",)),
    ("fam-law", "Fam. Law", ("Family Law",)),
    ("fin-inst", "Fin. Inst.", ("Financial Institutions",)),
    ("gen-provis", "Gen. Provis.", ("General Provisions",)),
    ("health-gen", "Health-Gen.", ("Health-General", "Health–Gen.")),
    ("hous-cmty-dev", "Hous. & Cmty. Dev.", ("Housing and Community Development",)),
    ("ins", "Ins.", ("Insurance",)),
    ("lab-empl", "Lab. & Empl.", ("Labor and Employment",)),
    ("land-use", "Land Use", ()),
    ("local-gov't", "Local Gov't", ("Local Government",)),
    ("nat-res", "Nat. Res.", ("Natural Resources",)),
    ("pub-safety", "Pub. Safety", ("Public Safety",)),
    ("pub-util", "Pub. Util.", ("Public Utilities",)),
    ("real-prop", "Real Prop.", ("Real Property",)),
    ("state-fin-proc", "State Fin. & Proc.", ("State Finance and Procurement",)),
    ("state-gov't", "State Gov't", ("State Government",)),
    ("state-pers-pens", "State Pers. & Pens.", ("State Personnel and Pensions",)),
    ("tax-gen", "Tax-Gen.", ("Tax-General",)),
    ("tax-prop", "Tax-Prop.", ("Tax-Property",)),
    ("transp", "Transp.", ("Transportation",)),
]

for key, subject, others in CALIFORNIA:
    CODES.append(
        code(
            "ca",
            key,
            f"Cal. {subject}",
            "decimal",
            subjects=(subject, *others),
            local=(subject, *others),
        )
    )
for key, subject, others in TEXAS:
    CODES.append(
        code(
            "tx",
            key,
            f"Tex. {subject} Ann.",
            "decimal",
            subjects=(subject, *others),
            local=(subject, *others),
        )
    )
CODES.append(
    code(
        "tx",
        "crim-proc",
        "Tex. Code Crim. Proc. Ann.",
        "decimal",
        style="art",
        subjects=("Code Crim. Proc.", "Code of Criminal Procedure", "Crim. Proc. Code"),
        local=("Code Crim. Proc.", "Code of Criminal Procedure"),
    )
)
CODES.append(
    code(
        "tx",
        "rev-civ-stat",
        "Tex. Rev. Civ. Stat. Ann.",
        "decimal",
        style="art",
        subjects=("Rev. Civ. Stat.", "Revised Civil Statutes"),
        extra=("Vernon's Ann. Civ. St.",),
    )
)
for key, subject, others in NEW_YORK:
    CODES.append(
        code(
            "ny",
            key,
            f"N.Y. {subject}",
            "decimal",
            subjects=(subject, *others),
            local=(subject, *others),
            annotated=False,
            markless=("CPLR",) if key == "cplr" else (),
        )
    )
for key, subject, others in MARYLAND:
    names = tuple(
        f"{p}, {s}"
        for p in ("Md. Code Ann.", "Md. Code", "Maryland Code")
        for s in (subject, *others)
    )
    CODES.append(
        code(
            "md",
            key,
            f"Md. Code Ann., {subject}",
            "dashed",
            annotated=False,
            extra=(*names, f"Md. {subject} Code Ann.", f"Md. {subject} Code"),
        )
    )

#: Jurisdictions whose code's sections always have a dot (chapter.section: 776.012,
#: 2903.01): a short form's number must have one too ("§ 4" after "Fla. Stat. § 776.012" is
#: another law's section).
DOTTED = {"ak", "fl", "ia", "ky", "mi", "mn", "mo", "nv", "oh", "or", "wa", "wi", "tx"}
for c in CODES:
    if c.postal in DOTTED and c.shape == "decimal" and c.key != "rev-civ-stat":
        c.shape = "dotted"

#: reporters-db laws.json abbreviations (leg_statute) -> (postal, code key); None: covered by
#: the subject codes above ("Cal. $subject Code") or not a state's code.
REPORTERS_DB: dict[str, tuple[str, str] | None] = {
    "Cal. Code": None,
    "N.Y. Law": None,
    "Tex. Code Ann.": None,
    "Md. Code Ann.": None,
    "U.S.C.": None,
    "Pub. L.": None,
    "Pvt. L.": None,
    "C.Z. Code": None,
    "Navajo Nation Code Ann.": None,
    "Tex. Bus. Corp. Act Ann.": None,  # repealed in 2010 (now the Business Organizations Code)
    "Tex. Code Crim. Proc. Ann.": ("tx", "crim-proc"),
    "Tex. Ins. Code Ann.": ("tx", "ins"),
    "Tex. Prob. Code Ann.": ("tx", "est"),
    "Tex. Rev. Civ. Stat. Ann.": ("tx", "rev-civ-stat"),
    "La. Child. Code Ann.": ("la", "child"),
    "La. Civ. Code Ann.": ("la", "civ-code"),
    "La. Code Civ. Proc. Ann.": ("la", "civ-proc"),
    "La. Code Crim. Proc. Ann.": ("la", "crim-proc"),
    "La. Code Evid. Ann.": ("la", "evid"),
    "La. Const. Ann.": None,
    "La. Stat. Ann.": ("la", "rev-stat"),
    "Pa. Cons. Stat.": ("pa", "cons-stat"),
    "Pa. Stat. and Cons. Stat. Ann.": ("pa", "cons-stat"),
}
#: reporters-db's jurisdiction names -> postal codes.
BY_NAME = {name: postal for postal, (name, _, _) in JURISDICTIONS.items()}
BY_NAME["Virgin Islands"] = "vi"


def expand(c: Code) -> list[str]:
    """Every full name of a code: its Bluebook name, extras, jurisdiction + subject, with "Ann."."""
    names = [c.name, *c.extra, *c.markless]
    names += [f"{p} {s}" for p in prefixes(c.postal) for s in c.subjects]
    if c.annotated:
        names += [
            f"{n} Ann."
            for n in list(names)
            if not n.endswith("Ann.") and any(ch.islower() for ch in n)
        ]
    if c.name.endswith(" Ann.") and c.style != "tit":
        names.append(c.name[: -len(" Ann.")])
    seen: dict[str, None] = {}
    for n in names:
        seen.setdefault(n, None)
    return list(seen)


def main() -> int:
    try:
        import reporters_db  # type: ignore[import-untyped]
    except ImportError:
        print("pip install eyecite (it brings reporters-db)", file=sys.stderr)
        return 1
    laws = json.loads((Path(reporters_db.__file__).parent / "data" / "laws.json").read_text())
    by_key = {(c.postal, c.key): c for c in reversed(CODES)}
    main_code = {}
    for c in CODES:
        main_code.setdefault(c.postal, c)
    for c in CODES:
        c.variants = expand(c)
    problems = []
    for abbreviation, entries in laws.items():
        for entry in entries:
            if entry["cite_type"] != "leg_statute":
                continue
            if abbreviation in REPORTERS_DB:
                target = REPORTERS_DB[abbreviation]
                if target is None:
                    continue
                c = by_key[target]
            else:
                postal = BY_NAME.get(entry["jurisdiction"])
                if postal is None:
                    problems.append(f"{abbreviation}: unknown jurisdiction {entry['jurisdiction']}")
                    continue
                c = main_code[postal]
            for name in (abbreviation, *entry.get("variations", ())):
                if name not in c.variants:
                    c.variants.append(name)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    jurisdictions = tuple(
        (postal, name, abbreviation, (abbreviation, *others))
        for postal, (name, abbreviation, others) in JURISDICTIONS.items()
    )
    codes = tuple(
        (c.postal, c.key, c.name, c.shape, c.style, c.title, tuple(c.variants), c.local, c.markless)
        for c in CODES
    )
    OUT.write_text(
        '"""The jurisdictions and codes citelink knows.\n\n'
        "Generated by scripts/build_state_table.py: do not edit by hand.\n\n"
        "``JURISDICTIONS``: ``(postal code, name, Bluebook abbreviation, names written before a\n"
        'code or "Const.")``. ``CODES``: ``(postal code, code key, Bluebook name, section shape,\n'
        'citation style, the title all its citations are in or "", full names, names used alone\n'
        "once the jurisdiction is known, names written with no section mark before the number)``.\n"
        '"""\n\n'
        "from __future__ import annotations\n\n"
        "JURISDICTIONS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = "
        f"{pprint.pformat(jurisdictions, width=100)}\n\n"
        "CODES: tuple[\n"
        "    tuple[\n"
        "        str, str, str, str, str, str, tuple[str, ...], tuple[str, ...], tuple[str, ...]\n"
        "    ],\n"
        "    ...,\n"
        f"] = {pprint.pformat(codes, width=100)}\n",
        encoding="utf-8",
    )
    subprocess.run(["ruff", "format", "--quiet", str(OUT)], check=False)
    print(
        f"wrote {OUT}: {len(jurisdictions)} jurisdictions, {len(codes)} codes, "
        f"{sum(len(c.variants) for c in CODES)} names"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
