"""State administrative codes (regulations): "22 Tex. Admin. Code § 72.10", "9 NYCRR 8002.1".

One administrative code per jurisdiction (42 states and D.C.); its Bluebook name comes first,
then the other forms read (every code also reads pins, lists and ranges, ``et seq.``, and short
forms after it: ``§ 72.11``, ``Id. § 72.12``, ``Id. at (b)``):

* Alabama: ``Ala. Admin. Code r. 130-X-1-.06``, ``Alabama Administrative Code Rule 420-5-10-.05``;
* Alaska: ``Alaska Admin. Code tit. 5, § 93.324``, ``5 AAC 93.324``;
* Arizona: ``Ariz. Admin. Code § R12-1-424``, ``Arizona Admin. Code R12-1-424``,
  ``A.A.C. R9-10-1011``;
* Arkansas: ``005.19.02 Ark. Code R. § 004``;
* California: ``Cal. Code Regs. tit. 4, § 1687``, ``Cal. Code Regs., tit. 22, § 51000.30``,
  ``CCR Tit. 4, § 1687``, ``4 CCR 1687``, ``title 8, California Code of Regulations, section
  3203``;
* Colorado, by rule: ``5 Colo. Code Regs. § 1002-31``, ``5 CCR 1002-31`` (a number with a dash
  after "CCR" is Colorado's, one without California's), and a rule's section:
  ``5 Colo. Code Regs. § 1002-31:31.11``, ``5 CCR 1002-31, § 31.11``, ``10 CCR 2505-10 8.014``;
* Connecticut: ``Conn. Agencies Regs. § 22a-174-22``, ``Regs., Conn. State Agencies §
  17b-262-1100``, ``Regulations of Connecticut State Agencies § 12-865-11``;
* Delaware: ``7 Del. Admin. Code § 1100-3.0``, ``Del. Admin. Code tit. 7, § 1100``, ``7 DE
  Admin. Code 1102``;
* District of Columbia: ``D.C. Mun. Regs. tit. 20, § 100.1``, ``20 DCMR § 100.1``,
  ``10A DCMR 3599.1``;
* Florida: ``Fla. Admin. Code Ann. r. 12B-6.0021``, ``Fla. Admin. Code R. 65A-4.220``,
  ``Florida Administrative Code Rule 61G4-15.006``, the rule first: ``rule 12B-6.0021, F.A.C.``,
  ``Rule 65A-1.205, Florida Administrative Code``;
* Georgia: ``Ga. Comp. R. & Regs. 391-3-6-.03``, ``Ga. Comp. R. & Regs. r. 560-12-1-.08``;
* Hawaii: ``Haw. Code R. § 11-54-4``, ``HAR § 12-229-7.1``, ``Haw. Admin. R. § 13-235-35``,
  ``Hawaii Administrative Rules § 17-1746-11``;
* Idaho: ``Idaho Admin. Code r. 58.01.02.200``, ``IDAPA 16.03.08.100``;
* Iowa: ``Iowa Admin. Code r. 567-61.3``, ``Iowa Admin. Code r. 441—41.27``, ``Iowa
  Administrative Code 441-41.28`` (the agency's number with the rule: ``567 IAC 61.3`` is not
  read);
* Illinois: ``Ill. Admin. Code tit. 35, § 302.208``, ``35 Ill. Adm. Code 302.208``;
* Kansas: ``Kan. Admin. Regs. § 28-16-28b``, ``K.A.R. 30-4-100``, ``KAR 40-1-52``;
* Kentucky: ``401 Ky. Admin. Regs. 10:031``, ``401 KAR 10:031`` (a title before "KAR" and a
  colon in the number: Kentucky's; no title and dashes: Kansas's);
* Louisiana: ``La. Admin. Code tit. 33, pt. IX, § 1113``, ``LAC 33:IX.1113``, ``LAC 46:LX
  §605``;
* Maryland: ``Md. Code Regs. 26.08.02.03``, ``COMAR 10.37.10.26``;
* Massachusetts: ``310 Mass. Code Regs. 7.00``, ``310 CMR 7.00``, ``Mass. Regs. Code tit. 310,
  § 7.00``;
* Michigan: ``Mich. Admin. Code r. 325.10101``, ``Mich Admin Code, R 325.10101``;
* Minnesota: ``Minn. R. 7050.0150``, ``Minnesota Rules, part 7050.0150``, ``Minn. R. pt.
  7050.0150``, and a subpart: ``Minn. R. 7050.0150, subp. 3``, ``part 7050.0150, subpart 3``;
* Missouri: ``Mo. Code Regs. Ann. tit. 10, § 20-7.031``, ``10 CSR 20-7.031``;
* Montana: ``Mont. Admin. R. 17.30.620``, ``ARM 37.78.406``, ``Admin. R. M. 24.29.1513``;
* Nevada: ``Nev. Admin. Code § 445A.070``, ``NAC 484D.635``;
* New Jersey: ``N.J. Admin. Code § 7:26-2.1``, ``N.J.A.C. 7:26-2.1``, ``N.J.A.C. 13:45C-2``;
* New Mexico: ``N.M. Code R. § 20.6.2.3103``, ``20.6.2.3103 NMAC``, ``N.M. Admin. Code §
  3.3.1.10``;
* New York: ``N.Y. Comp. Codes R. & Regs. tit. 9, § 8002.1``, ``9 NYCRR 8002.1``,
  ``22 N.Y.C.R.R. § 202.7``, ``New York Codes, Rules and Regulations, Title 9, Section 8002.1``;
* North Dakota: ``N.D. Admin. Code 33.1-16-02.1-09``, ``N.D.A.C. § 75-02-02-08``, ``NDAC
  81-03-04-02``;
* North Carolina: ``N.C. Admin. Code tit. 15A, r. 2B.0211``, ``15A N.C. Admin. Code 2B.0211``,
  ``15A NCAC 02B .0211`` (read as ``2B.0211``);
* Ohio: ``Ohio Admin. Code 3745-1-07``, ``Ohio Adm.Code 5101:2-17-03``, ``OAC 3745-1-07``;
* Oklahoma: ``Okla. Admin. Code § 252:730-5-1``, ``OAC 310:667-1-1`` (a title of one to three
  digits before the colon: Oklahoma's; four: Ohio's);
* Oregon: ``Or. Admin. R. 340-041-0001``, ``OAR 340-041-0001``, ``Oregon Administrative Rules
  340-041-0001``;
* Pennsylvania: ``25 Pa. Code § 93.9``;
* South Carolina: ``S.C. Code Ann. Regs. 61-68``, ``S.C. Code Regs. 126-920``;
* South Dakota: ``S.D. Admin. R. 74:51:01:55``, ``ARSD 67:10:03:05``;
* Tennessee: ``Tenn. Comp. R. & Regs. 1200-13-01-.06``, ``Tenn. Comp. R. & Regs. r.
  0400-40-03-.03``;
* Texas: ``22 Tex. Admin. Code § 72.10``, ``Tex. Admin. Code tit. 16, § 3.8``, ``22 TAC §
  72.10``, ``Texas Administrative Code, Title 25, §289.203``;
* Utah: ``Utah Admin. Code r. R317-2-7``, ``Utah Admin. Code R986-200-239``;
* Virginia: ``12 Va. Admin. Code § 5-90-80``, ``12VAC5-90-80``, ``12 VAC 5-90-80``;
* Washington: ``Wash. Admin. Code § 173-201A-200``, ``WAC 173-201A-200``;
* West Virginia: ``W. Va. Code R. § 47-2-3``, ``W. Va. C.S.R. § 64-9-1``, ``W. Va. Code St. R.
  § 110-21-57``;
* Wisconsin: ``Wis. Admin. Code § NR 102.04``, ``Wis. Admin. Code DOC 350.06``.

Every code is also read with the section first, and its title if it has titles: ``section 3203
of title 8 of the California Code of Regulations``, ``Rule 65A-1.205 of the Florida Administrative
Code``.

The acronyms ("CCR", "AAC", "TAC", "OAC", "KAR", "NAC"...) are read only with the shape around
them that makes them citations: a title before those that need one, and a number of the code's
shape after. Links: Cornell LII's pages (``lii``) and the official sites (``state``), each scheme as
observed in public pages and repositories with citelink's search tool.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import NamedTuple

from citelink.grammar import PIN, SECTION_MARK, WS, WS1, Item, Sections, one_section, parse_sections
from citelink.models import Citation, fast_init
from citelink.scanner import Scan, Source, Trigger
from citelink.sources.states.names import key, trie_pattern


class Code(NamedTuple):
    """A jurisdiction's administrative code.

    ``style`` is how the Bluebook places the title: "before" ("22 Tex. Admin. Code § 72.10"),
    "tit" ("Cal. Code Regs. tit. 4, § 1687"), "part" ("La. Admin. Code tit. 33, pt. IX, §
    1113": a title, and a part the section carries, "IX.1113") or "plain" (the code has no
    titles); ``mark`` is
    what precedes the section ("§", "r." or nothing). ``number`` and ``title`` are the
    patterns of a section and of a title (``None``: the code has no titles).
    """

    postal: str
    name: str
    style: str
    mark: str
    number: str
    title: str | None = None


CODES: dict[str, Code] = {
    code.postal: code
    for code in (
        Code(
            "al",
            "Ala. Admin. Code",
            "plain",
            "r.",
            r"\d{3}-[0-9A-Z]{1,3}-\d{1,3}[A-Z]?-\.\d{2,3}[A-Z]?",
        ),
        Code("ak", "Alaska Admin. Code", "tit", "§", r"\d{1,3}[A-Z]?\.\d{3,4}", r"\d{1,2}"),
        Code("az", "Ariz. Admin. Code", "plain", "§", r"R\d{1,2}-\d{1,2}[A-Z]?-\d{1,4}[A-Z]?"),
        Code("ar", "Ark. Code R.", "before", "§", r"\d{3}", r"\d{3}\.\d{2}\.\d{2}"),
        Code("ca", "Cal. Code Regs.", "tit", "§", r"\d{1,6}(?:\.\d{1,4})?[a-z]?", r"\d{1,2}"),
        # Colorado: a rule ("1002-31") and a section within it ("1002-31:31.11"; written
        # "1002-31, § 31.11" and "2505-10 8.014" too)
        Code(
            "co",
            "Colo. Code Regs.",
            "before",
            "§",
            r"\d{3,4}-\d{1,3}(?:(?::|,?[^\S\n]?§[^\S\n]?|[^\S\n](?=\d{1,3}\.\d))"
            r"\d{1,3}(?:\.\d{1,4}){0,3}[A-Z]?)?",
            r"\d{1,2}",
        ),
        Code(
            "ct",
            "Conn. Agencies Regs.",
            "plain",
            "§",
            r"\d{1,3}[a-z]{0,2}-\d{1,4}[a-z]{0,2}-[A-Za-z]{0,2}\d{1,5}[a-z]{0,2}",
        ),
        Code(
            "fl",
            "Fla. Admin. Code Ann.",
            "plain",
            "r.",
            r"\d{1,3}[A-Z]{0,3}\d{0,2}-\d{1,3}\.\d{2,5}",
        ),
        Code(
            "ga",
            "Ga. Comp. R. & Regs.",
            "plain",
            "",
            r"\d{2,3}(?:-\d{1,3}[A-Z]?){1,3}-\.\d{2,3}[A-Z]?",
        ),
        Code("il", "Ill. Admin. Code", "tit", "§", r"\d{3,4}\.\d{1,4}[a-z]?", r"\d{1,2}"),
        Code("ma", "Mass. Code Regs.", "before", "", r"\d{1,3}\.\d{2,3}[A-Z]?", r"\d{3}"),
        Code("mi", "Mich. Admin. Code", "plain", "r.", r"\d{3}\.\d{1,5}[a-z]?"),
        # Minnesota: a part ("7050.0150") and its subpart ("7050.0150, subp. 3"), kept as the
        # first level of the pin ("subp-3")
        Code(
            "mn",
            "Minn. R.",
            "plain",
            "",
            r"\d{4}\.\d{4}(?:,?[^\S\n]?(?:subp\.|[Ss]ubpart\b)[^\S\n]?\d{1,3}[A-Za-z]?)?",
        ),
        Code(
            "nj",
            "N.J. Admin. Code",
            "plain",
            "§",
            r"\d{1,2}[A-Z]?:\d{1,3}[A-Z]{0,2}(?:-\d{1,3}[A-Z]?(?:\.\d{1,3}[A-Z]?)?)?",
        ),
        Code(
            "ny",
            "N.Y. Comp. Codes R. & Regs.",
            "tit",
            "§",
            r"\d{1,4}[a-z]?(?:-\d{1,3}[a-z]?)?\.\d{1,4}[a-z]?",
            r"\d{1,2}",
        ),
        Code(
            "oh",
            "Ohio Admin. Code",
            "plain",
            "",
            r"\d{4}(?::\d{1,2})?-\d{1,3}-\d{1,3}(?:\.\d{1,3})?",
        ),
        Code("or", "Or. Admin. R.", "plain", "", r"\d{3}-\d{3}-\d{4}"),
        Code("pa", "Pa. Code", "before", "§", r"\d{1,4}[a-z]?\.\d{1,4}[a-z]?", r"\d{1,3}"),
        Code("tx", "Tex. Admin. Code", "before", "§", r"\d{1,4}\.\d{1,4}", r"\d{1,2}"),
        Code("va", "Va. Admin. Code", "before", "§", r"\d{1,3}-\d{1,4}-\d{1,4}", r"\d{1,2}"),
        Code("wa", "Wash. Admin. Code", "plain", "§", r"\d{1,3}-\d{2,3}[A-Z]?-\d{3,5}[A-Z]?"),
        # Iowa: the agency's number, then chapter and rule ("567-61.3"; the code writes "567—61.3")
        Code("ia", "Iowa Admin. Code", "plain", "r.", r"\d{3}[-—–]\d{1,3}\.\d{1,4}"),
        # Kansas: article and section within the agency ("28-16-28b")
        Code("ks", "Kan. Admin. Regs.", "plain", "§", r"\d{1,3}-\d{1,3}[a-z]?-\d{1,4}[a-z]{0,2}"),
        # Kentucky: chapter and regulation within the title ("10:031"; the register pads "002:106")
        Code("ky", "Ky. Admin. Regs.", "before", "", r"\d{1,3}:\d{3}", r"\d{1,3}"),
        # Louisiana: a part within the title and its section ("pt. IX, § 1113"; the LAC writes
        # the title into the number: "33:IX.1113"); the section is kept as "IX.1113"
        Code(
            "la",
            "La. Admin. Code",
            "part",
            "§",
            r"(?:\d{1,2}:)?[IVXL]{1,7}(?:,?[^\S\n]?§§?[^\S\n]?|\.)\d{1,5}",
            r"\d{1,2}",
        ),
        # Maryland (COMAR): title, subtitle, chapter and regulation ("26.08.02.03")
        Code("md", "Md. Code Regs.", "plain", "", r"\d{2}\.\d{2}\.\d{2}\.\d{2}(?:-\d{1,2})?[A-Z]?"),
        # Oklahoma: a title of one to three digits before a colon (Ohio's numbers have four)
        Code(
            "ok",
            "Okla. Admin. Code",
            "plain",
            "§",
            r"\d{1,3}:\d{1,3}-\d{1,3}-\d{1,3}(?:\.\d{1,3})?",
        ),
        # Tennessee: a control number of four digits ("1200-13-01-.06", "0720-14-.01")
        Code("tn", "Tenn. Comp. R. & Regs.", "plain", "", r"\d{4}-\d{2}(?:-\d{2})?-\.\d{2}"),
        Code("ut", "Utah Admin. Code", "plain", "r.", r"R\d{1,3}-\d{1,4}-\d{1,4}[a-z]?"),
        # Delaware: a regulation within the title, and its section ("1100-3.0", "4000-4008")
        Code(
            "de",
            "Del. Admin. Code",
            "before",
            "§",
            r"\d{3,4}(?:-\d{1,4}(?:\.\d{1,3}){0,3})?",
            r"\d{1,2}",
        ),
        # D.C.: a title (with a letter: "10A") and a section ("100.1")
        Code("dc", "D.C. Mun. Regs.", "tit", "§", r"\d{1,4}\.\d{1,3}", r"\d{1,2}[A-Z]?"),
        # Hawaii: title, chapter and section ("11-54-4", "12-229-7.1", "17-892.1-18")
        Code("hi", "Haw. Code R.", "plain", "§", r"\d{1,2}-\d{1,4}(?:\.\d)?-\d{1,3}(?:\.\d{1,2})?"),
        # Idaho (IDAPA): title, chapter, section and rule ("58.01.02.200"), and a subsection
        Code("id", "Idaho Admin. Code", "plain", "r.", r"\d{2}\.\d{2}\.\d{2}\.\d{3}(?:\.\d{2})?"),
        # Missouri: division, chapter and rule within the title ("20-7.031")
        Code("mo", "Mo. Code Regs. Ann.", "tit", "§", r"\d{1,3}-\d{1,3}\.\d{3,4}", r"\d{1,2}"),
        # Montana: title, chapter and rule ("17.30.620")
        Code("mt", "Mont. Admin. R.", "plain", "", r"\d{1,2}\.\d{1,3}\.\d{3,4}"),
        # Nevada: the chapter (of the NRS's numbering) and section ("445A.070")
        Code("nv", "Nev. Admin. Code", "plain", "§", r"\d{1,3}[A-Z]?\.\d{3,4}"),
        # North Carolina: chapter (with a subchapter's letter) and rule ("2B.0211"; the NCAC
        # writes "02B .0211", read as the Bluebook's number)
        Code(
            "nc",
            "N.C. Admin. Code",
            "tit",
            "r.",
            r"(?:0?[1-9]|[1-9]\d)[A-Z]?[^\S\n]?\.\d{4}",  # chapters start at 1
            r"\d{1,2}[A-Z]?",
        ),
        # North Dakota: title, article, chapter and section, each with a decimal ("33.1-16-02.1-09")
        Code(
            "nd",
            "N.D. Admin. Code",
            "plain",
            "",
            r"\d{1,3}(?:\.\d{1,2})?(?:-\d{1,3}(?:\.\d{1,2})?){3}",
        ),
        # New Mexico: title, chapter, part and section ("20.6.2.3103")
        Code("nm", "N.M. Code R.", "plain", "§", r"\d{1,2}\.\d{1,3}\.\d{1,3}\.\d{1,4}"),
        # South Carolina: chapter and regulation ("61-68", "61-62.5")
        Code("sc", "S.C. Code Ann. Regs.", "plain", "", r"\d{1,3}-\d{1,4}(?:\.\d{1,3})?"),
        # South Dakota: article, chapter, section and rule ("74:51:01:55")
        Code(
            "sd",
            "S.D. Admin. R.",
            "plain",
            "",
            r"\d{1,2}:\d{2}:\d{2}(?:\.\d{1,2})?:\d{2}(?:\.\d{1,2})?",
        ),
        # West Virginia (C.S.R.): title, series and section ("47-2-3", "64-9-1.1")
        Code(
            "wv",
            "W. Va. Code R.",
            "plain",
            "§",
            r"\d{1,3}-\d{1,3}[A-Z]?-\d{1,3}[a-z]?(?:\.\d{1,3})?",
        ),
        # Wisconsin: the agency's letters, then chapter and section ("NR 102.04", "A-E 4.01")
        Code(
            "wi",
            "Wis. Admin. Code",
            "plain",
            "§",
            r"[A-Z][A-Za-z]{0,4}(?:-[A-Z]{1,2})?[^\S\n]\d{1,3}\.\d{2,4}[a-z]?",
        ),
    )
}

_PLURAL_MARK = {"§": "§§", "r.": "rr.", "": ""}


# --- the citation --------------------------------------------------------------------


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class StateRegCitation(Citation):
    """A section (rule) of a state's administrative code.

    ``jurisdiction`` is the lower-case postal code ("tx"), as in the id; ``title`` the title
    the code's sections are cited within ("22"; Arkansas's agency, division and part,
    "005.19.02"), ``None`` for a code without titles; ``section`` the number as the code
    writes it ("72.10", "130-X-1-.06", "R12-1-424", "7:26-2.1").
    """

    kind = "state_reg"

    jurisdiction: str
    title: str | None = None
    section: str = ""
    pin: tuple[str, ...] = ()
    range_end: str | None = None
    et_seq: bool = False

    @property
    def normalized(self) -> str:
        code = CODES[self.jurisdiction]
        pin = self.pin
        where = self.section
        if pin and pin[0].startswith("subp-"):  # Minnesota's "7050.0150, subp. 3(B)"
            where, pin = f"{where}, subp. {pin[0][5:]}", pin[1:]
        where += "".join(f"({p})" for p in pin)
        mark = code.mark
        end = self.range_end
        if end is not None:
            if end.startswith("("):
                where += f"–{end}"
            elif end.startswith(self.section + "("):
                where += f"–{end[len(self.section) :]}"
            else:  # hyphenated numbers take "to" (Bluebook 3.3(b))
                where += (" to " if "-" in self.section else "–") + end
                mark = _PLURAL_MARK[mark]
        if self.et_seq:
            where += " et seq."
        body = f"{mark} {where}" if mark else where
        if code.style == "before":
            return f"{self.title} {code.name} {body}"
        if code.style == "tit":
            return f"{code.name} tit. {self.title}, {body}"
        if code.style == "part":
            part, _, rest = self.section.partition(".")
            body = body.replace(self.section, rest, 1).replace(f"{part}.", "")
            return f"{code.name} tit. {self.title}, pt. {part}, {body}"
        return f"{code.name} {body}"

    @property
    def resolved(self) -> bool:
        return True

    @property
    def id(self) -> str:
        title = () if self.title is None else (self.title,)
        # Wisconsin's numbers start with the agency's letters and a space: "NR 102.04".
        section = self.section.replace(" ", "-")
        return "/".join(("state_reg", self.jurisdiction, *title, section, *self.pin))


# --- grammar -------------------------------------------------------------------------

_PINS = rf"(?P<pins>(?:[^\S\n]?{PIN})?(?:{PIN}){{0,9}})"
#: One section of each code, with its pins; a number ends where no word character, and no
#: dot or colon before a digit, follows ("285.636.15" is not Michigan's "285.636").
ITEMS: dict[str, re.Pattern[str]] = {
    postal: re.compile(rf"(?P<section>{code.number})(?!\w|[.:]\d){_PINS}")
    for postal, code in CODES.items()
}
_TITLES = {
    postal: re.compile(code.title) for postal, code in CODES.items() if code.title is not None
}
#: Any section of these codes: the source's ``item``, which tells the finder that its numbers
#: are not the U.S. Code's (``sections`` reads a short form with its antecedent's own grammar).
_ANY_ITEM = re.compile(rf"(?P<section>[0-9R][\w.:-]{{0,24}}){_PINS}")

#: A rule or part mark: "r. 130-X-1-.06", "R 325.10101", "Rule 12B-6.0021", "part 7050.0150".
_RULE_MARK = r"(?P<rules>[Rr]ules\b|rr\.)|[Rr]ule\b|[Rr]\.|R(?=[^\S\n]\d)|pts?\.|[Pp]arts?\b"
#: What follows a code's name: "Ann.", a comma, "tit. 4," ("tit. 10A,") and a section or rule
#: mark.
_AFTER = re.compile(
    rf"(?:{WS1}Ann\.)?(?:{WS},)?{WS}"
    rf"(?:(?:tit\.|Tit\.|[Tt]itle\b|TITLE\b){WS}(?P<title>\d{{1,3}}[A-Z]?)(?![\w.])(?:{WS},)?{WS})?"
    rf"(?:(?P<mark>{SECTION_MARK}|{_RULE_MARK}){WS})?"
)
#: A title before the name, read backwards from it: "22 ", "12" ("12VAC"), "005.19.02 ",
#: "Title 22 ", "title 8, ", "10A " (D.C.'s).
_TITLE_BEFORE = re.compile(
    rf"{WS}(?P<comma>,{WS})?(?P<title>[A-Z]?[\d.]{{1,10}})(?![\w.])"
    rf"(?P<word>{WS1}(?:eltit|eltiT|ELTIT|\.tit|\.tiT)(?![A-Za-z]))?"
)
#: The rule before the code's name, read backwards: Florida's "rule 12B-6.0021, " (F.A.C.),
#: New Mexico's "20.6.2.3103 " (NMAC).
_RULE_BEFORE = {
    "fl": re.compile(
        rf"{WS},{WS}(?P<token>[^\s,;]{{4,30}})(?P<mark>{WS1}(?:eluR|elur|\.r|\.R)(?![A-Za-z]))?"
    ),
    "nm": re.compile(rf"{WS1}(?P<token>[\d.]{{7,16}})(?![\w.])"),
}

#: The section before the code's name, read backwards from the name: "section 3203 of title 8
#: of the " (California Code of Regulations), "Rule 65A-1.205 of the ", "part 7050.0150 of the ".
_SECTION_BEFORE = re.compile(
    rf"{WS}(?:,|{WS1}(?:eht{WS1})?fo(?![A-Za-z]))"
    rf"(?:{WS}(?P<title>[A-Z]?\d{{1,3}})(?![\w.]){WS1}(?:eltit|eltiT|ELTIT)(?:{WS},|{WS1}fo))?"
    rf"{WS}(?P<token>[^\s,;]{{1,40}}){WS1}"
    r"(?P<mark>noitces|noitceS|NOITCES|\.ces|\.ceS|§|elur|eluR|\.r|trap|traP)(?![A-Za-z])"
)


class _Name(NamedTuple):
    """One way of naming codes: the name from its trigger on, and the jurisdiction before.

    ``core`` matches at the trigger; ``back`` on the reversed text before it, with a group
    ``name`` that ``states`` maps to a postal code (``None``: a name that ends like a known
    one but is another state's, "W. Va." before "Admin. Code").
    """

    core: re.Pattern[str]
    back: re.Pattern[str]
    states: Mapping[str, str | None]


def _named(
    core: str, states: Mapping[str, str | None], between: str = "", outside: str = ""
) -> _Name:
    """A name written ``<jurisdiction> <core>``. The reversed patterns ``between`` and
    ``outside`` match what is written between the two ("Regs." of "Mass. Regs. Code") and
    before the jurisdiction ("Regs., " of "Regs., Conn. State Agencies")."""
    trie = trie_pattern(states, reverse=True)
    back = rf"{between}{WS}(?P<name>{trie})(?![A-Za-z]){outside}"
    return _Name(re.compile(core), re.compile(back), {key(n): p for n, p in states.items()})


_ADMIN_CODE_STATES = {
    "Ala.": "al", "Alabama": "al", "Alaska": "ak", "Ariz.": "az", "Arizona": "az", "DE": "de",
    "Del.": "de", "Delaware": "de", "Fla.": "fl", "Florida": "fl", "FL": "fl", "Haw.": "hi",
    "Hawaii": "hi", "Idaho": "id", "Iowa": "ia", "Ill.": "il", "La.": "la", "Louisiana": "la",
    "Illinois": "il", "Mich.": "mi", "Mich": "mi", "Michigan": "mi", "Mont.": "mt", "Montana": "mt",
    "N.J.": "nj", "N.C.": "nc", "N.D.": "nd", "North Dakota": "nd", "N.M.": "nm", "Nev.": "nv",
    "Nevada": "nv", "New Jersey": "nj", "Ohio": "oh", "Okla.": "ok", "Oklahoma": "ok", "Or.": "or",
    "Ore.": "or", "Oregon": "or", "S.D.": "sd", "South Dakota": "sd", "Tex.": "tx", "Texas": "tx",
    "Utah": "ut", "Va.": "va", "Virginia": "va", "W. Va.": None, "West Virginia": None,
    "Wash.": "wa", "Washington": "wa", "Wis.": "wi", "Wisconsin": "wi",
}  # fmt: skip
#: "Admin. Regs.": Kansas's and Kentucky's.
_ADMIN_REGS_STATES = {"Kan.": "ks", "Kansas": "ks", "Ky.": "ky", "Kentucky": "ky"}
_SOUTH_CAROLINA = {"S.C.": "sc", "South Carolina": "sc"}
_CODE_REGS_STATES = {
    "Cal.": "ca", "Calif.": "ca", "California": "ca", "Colo.": "co", "Colorado": "co",
    "Mass.": "ma", "Massachusetts": "ma", "Md.": "md", "Maryland": "md", **_SOUTH_CAROLINA,
    "Mo.": "mo", "Missouri": "mo",
}  # fmt: skip
_WEST_VIRGINIA = {"W. Va.": "wv", "West Virginia": "wv"}
#: "Code R.", and West Virginia's "Code St. R.".
_CODE_R_STATES = {
    "Ark.": "ar", "Arkansas": "ar", "Haw.": "hi", "Hawaii": "hi", "N.M.": "nm", **_WEST_VIRGINIA
}  # fmt: skip
_CONNECTICUT = {"Conn.": "ct", "Connecticut": "ct"}
_NEW_YORK = {"N.Y.": "ny", "New York": "ny", "NY": "ny"}
#: Every name but the acronyms, in the order they are tried at a trigger.
_NAMES = (
    _named(rf"Adm(?:in(?:istrative\b|\.)?|\.){WS}(?:Code\b|R\.|Rules\b)", _ADMIN_CODE_STATES),
    _named(rf"Admin(?:istrative\b|\.){WS}(?:Regs\.|Regulations\b)", _ADMIN_REGS_STATES),
    _named(rf"Code{WS}(?:of{WS1})?(?:Regs?\.|Regulations\b)", _CODE_REGS_STATES),
    _named(rf"Code{WS}Ann\.{WS}Regs\.", _SOUTH_CAROLINA),
    _named(rf"Code{WS}(?:St\.{WS})?R\.", _CODE_R_STATES),
    _named(r"C\.S\.R\.", _WEST_VIRGINIA),
    _named(rf"Code{WS1}of{WS1}State{WS1}Rules\b", _WEST_VIRGINIA),
    _named(r"Code\b", {"Pa.": "pa"}),
    _named(r"Code\b", {"Mass.": "ma"}, between=rf"{WS}\.sgeR"),
    _named(
        rf"Comp\.{WS}R\.{WS}(?:&|and){WS1}Regs\.",
        {"Ga.": "ga", "Georgia": "ga", "Tenn.": "tn", "Tennessee": "tn"},
    ),
    _named(rf"Comp\.{WS}Codes{WS}R\.{WS}(?:&|and){WS1}Regs\.", _NEW_YORK),
    _named(rf"Codes,?{WS1}Rules,?{WS1}(?:&|and){WS1}Regulations\b", _NEW_YORK),
    _named(rf"Agencies{WS}Regs\.", _CONNECTICUT),
    _named(
        r"Agencies\b",
        _CONNECTICUT,
        between=rf"{WS1}etatS",
        outside=rf"(?:(?:{WS},)?{WS}\.sgeR|{WS1}fo{WS1}snoitalugeR)",
    ),
    # Montana's courts: "Admin. R. M. 17.30.620", the state after the name
    _Name(re.compile(rf"Admin\.{WS}R\.{WS}M\.(?![A-Za-z])"), re.compile("(?P<name>)"), {"": "mt"}),
    # "D.C. Mun. Regs.": the trigger starts at the "C" of "D.C."
    _Name(
        re.compile(rf"C\.{WS}Mun\.{WS}Regs\."),
        re.compile(r"(?P<name>\.D)(?![A-Za-z])"),
        {"D.": "dc"},
    ),
    # "Minn. R.", "Minnesota Rules": the trigger starts after the "M" (see the triggers)
    _Name(
        re.compile(rf"inn(?:\.{WS}R(?:ules\b|\.)|esota{WS1}Rules\b)"),
        re.compile("(?P<name>M)(?![A-Za-z])"),
        {"M": "mn"},
    ),
)

#: Acronyms by their letters: the codes they may name, tried in order (by number shape).
_ACRONYMS = {
    "AAC": ("az", "ak"), "ARM": ("mt",), "ARSD": ("sd",), "CCR": ("co", "ca"), "CMR": ("ma",),
    "COMAR": ("md",), "CSR": ("mo",), "DCMR": ("dc",), "FAC": ("fl",), "HAR": ("hi",),
    "IDAPA": ("id",), "KAR": ("ky", "ks"), "LAC": ("la",), "NAC": ("nv",), "NCAC": ("nc",),
    "NDAC": ("nd",), "NMAC": ("nm",), "NJAC": ("nj",), "NYCRR": ("ny",), "OAC": ("oh", "ok"),
    "OAR": ("or",), "TAC": ("tx",), "VAC": ("va",), "WAC": ("wa",),
}  # fmt: skip
#: The letters of an acronym before its trigger, read backwards ("W" of "WAC", "N.J." of
#: "N.J.A.C.", "NC" of "NCAC"); the character before the acronym is no letter (a digit may be:
#: "12VAC").
_ACRONYM_START = re.compile(
    r"(?:\.J\.N|\.Y\.N|\.D\.N|YN|CN|MN|DN|\.[AFOTK]|[AWVOTKNHDL])?(?![A-Za-z])"
)


def _as_written(section: str) -> str:
    return section


def _north_carolina(section: str) -> str:
    """The Bluebook's number of a rule the NCAC writes "02B .0211": "2B.0211"."""
    chapter, rule = section.split(".")
    return chapter.strip().lstrip("0") + "." + rule


def _kentucky_number(section: str) -> str:
    """Kentucky's chapter without the zeros some writers pad it with: "002:106" -> "2:106"."""
    chapter, regulation = section.split(":")
    return (chapter.lstrip("0") or "0") + ":" + regulation


#: Minnesota's subpart after its part: "7050.0150, subp. 3" is split around it.
_SUBPART = re.compile(r",?\s?(?:subp\.|[Ss]ubpart\b)\s?")

#: Sections written otherwise than the Bluebook's, as the citation keeps them.
_SECTION: dict[str, Callable[[str], str]] = {
    "co": lambda section: re.sub(r",?\s?§\s?|\s", ":", section),
    "ia": lambda section: section.replace("—", "-").replace("–", "-"),
    "ky": _kentucky_number,
    "la": lambda section: re.sub(r",?\s?§§?\s?", ".", section.rpartition(":")[2]),
    "nc": _north_carolina,
}


def _whole_token(text: str, code: Code, begin: int, stop: int) -> Sections | None:
    """The one section of ``code`` written exactly as ``text[begin:stop]`` (a token read
    backwards before the code's name), or ``None``."""
    item = ITEMS[code.postal]
    first = item.match(text, begin)
    if first is None or first.end() != stop:
        return None
    return parse_sections(text, first, item, False, one_section)


class Container(NamedTuple):
    """What the citations of one list, and the short forms after them, share."""

    code: Code
    title: str | None


# --- links ---------------------------------------------------------------------------

#: Cornell LII's page of a section, per state: the path after law.cornell.edu/regulations/,
#: the characters of the section (and title) written as dashes there, and a pattern
#: the section must match (the kind of number the scheme was seen with). Each scheme as
#: observed on pages that cite LII: .../texas/22-Tex-Admin-Code-SS-367-10,
#: .../florida/Fla-Admin-Code-Ann-R-65A-4-220, .../new-jersey/N-J-A-C-10-90-3-8,
#: .../ohio/Ohio-Admin-Code-5101-2-17-03, .../pennsylvania/58-Pa-Code-SS-461a-12,
#: .../massachusetts/106-CMR-704-500, .../michigan/Mich-Admin-Code-R-338-143,
#: .../new-york/12-NYCRR-142-2.4, .../california/22-CCR-51000.30, .../alaska/7-AAC-45.485,
#: .../illinois/Ill-Admin-Code-tit-89-SS-113.120, .../alabama/Ala-Admin-Code-r-810-3-14-.02,
#: .../arizona/Ariz-Admin-Code-SS-R20-6-801, .../arkansas/208-00-13-Ark-Code-R-SS-001,
#: .../georgia/Ga-Comp-R-Regs-R-560-12-1-.08, .../oregon/Or-Admin-Code-SS-177-093-0015,
#: .../virginia/18VAC85-150-120, .../washington/WAC-182-513-1605,
#: .../connecticut/Regs-Conn-State-Agencies-SS-12-865-11, .../kansas/K-A-R-30-4-100,
#: .../kentucky/401-KAR-8-100 (401 KAR 8:100), .../maryland/COMAR-07-03-07-08,
#: .../oklahoma/OAC-710-25-1-2 and OAC-340-100-3-1.2 (the colon only as a dash),
#: .../tennessee/Tenn-Comp-R-Regs-1200-13-01-.06, .../utah/Utah-Admin-Code-R986-700-707,
#: .../wisconsin/Wis-Admin-Code-SS-DOC-350-06 (Wis. Admin. Code DOC 350.06),
#: .../hawaii/Haw-Code-R-SS-12-229-7-1 (HAR § 12-229-7.1), .../missouri/13-CSR-40-2-310
#: (13 CSR 40-2.310), .../montana/Mont-Admin-r-37.78.401, .../nevada/NAC-484D-635,
#: .../south-dakota/ARSD-67-10-03-05, .../idaho/IDAPA-16.03.08.100,
#: .../west-virginia/W-Va-C-S-R-SS-110-15-6 (W. Va. Code R. § 110-15-6). Colorado's,
#: .../south-carolina/R-126-910 (S.C. Code Regs. 126-910),
#: .../north-carolina/15A-N-C-Admin-Code-07H-0209 (15A NCAC 07H .0209) and
#: 21-N-C-Admin-Code-36-0806, .../new-mexico/N-M-Admin-Code-SS-8.321.2.13,
#: .../north-dakota/N-D-A-C-75-02-1.2-51, .../iowa/Iowa-Admin-Code-r-441-41-27,
#: .../louisiana/La-Admin-Code-tit-67-SS-III-1229 (LAC 67:III.1229),
#: .../delaware/7-Del-Admin-Code-SS-9201-17.0 and 16-Del-Admin-Code-SS-4000-4008. Colorado's,
#: Minnesota's and D.C.'s were not seen for citations of the form read here: no LII link.
_LII_PAGES: dict[str, tuple[str, str, str]] = {
    "al": ("alabama/Ala-Admin-Code-r-{section}", "", ""),
    "ak": ("alaska/{title}-AAC-{section}", "", ""),
    "az": ("arizona/Ariz-Admin-Code-SS-{section}", "", ""),
    "ar": ("arkansas/{title}-Ark-Code-R-SS-{section}", ".:", ""),
    "ca": ("california/{title}-CCR-{section}", "", ""),
    "ct": ("connecticut/Regs-Conn-State-Agencies-SS-{section}", "", ""),
    "fl": ("florida/Fla-Admin-Code-Ann-R-{section}", ".:", ""),
    "ga": ("georgia/Ga-Comp-R-Regs-R-{section}", "", ""),
    "il": ("illinois/Ill-Admin-Code-tit-{title}-SS-{section}", "", ""),
    "ma": ("massachusetts/{title}-CMR-{section}", ".:", ""),
    "mi": ("michigan/Mich-Admin-Code-R-{section}", ".:", ""),
    "nj": ("new-jersey/N-J-A-C-{section}", ".:", r".*-.*\..*"),  # sections, not chapters
    "ny": ("new-york/{title}-NYCRR-{section}", "", ""),
    "oh": ("ohio/Ohio-Admin-Code-{section}", ".:", r"[^.]*"),  # seen without a dot only
    "or": ("oregon/Or-Admin-Code-SS-{section}", "", ""),
    "pa": ("pennsylvania/{title}-Pa-Code-SS-{section}", ".:", ""),
    "tx": ("texas/{title}-Tex-Admin-Code-SS-{section}", ".:", ""),
    "va": ("virginia/{title}VAC{section}", "", ""),
    "wa": ("washington/WAC-{section}", "", ""),
    "ks": ("kansas/K-A-R-{section}", "", ""),
    "ky": ("kentucky/{title}-KAR-{section}", ":", r"[1-9]\d{0,2}:\d{3}"),  # as seen: no zeros
    "md": ("maryland/COMAR-{section}", ".", r"[\d.]*"),  # regulations, not their parts
    "ok": ("oklahoma/OAC-{section}", ":", ""),
    "tn": ("tennessee/Tenn-Comp-R-Regs-{section}", "", ""),
    "ut": ("utah/Utah-Admin-Code-{section}", "", ""),
    "wi": ("wisconsin/Wis-Admin-Code-SS-{section}", " .", ""),
    "hi": ("hawaii/Haw-Code-R-SS-{section}", ".", ""),
    "mo": ("missouri/{title}-CSR-{section}", ".", ""),
    "mt": ("montana/Mont-Admin-r-{section}", "", ""),
    "nv": ("nevada/NAC-{section}", ".", ""),
    "sd": ("south-dakota/ARSD-{section}", ":", ""),
    "sc": ("south-carolina/R-{section}", "", r"[^.]*"),  # seen without a dot only
    "nc": ("north-carolina/{title}-N-C-Admin-Code-{section}", "", ""),
    "nd": ("north-dakota/N-D-A-C-{section}", "", ""),
    "nm": ("new-mexico/N-M-Admin-Code-SS-{section}", "", ""),
    "ia": ("iowa/Iowa-Admin-Code-r-{section}", ".", ""),
    "de": ("delaware/{title}-Del-Admin-Code-SS-{section}", "", r"\d+-\d+(?:\.0)?"),  # as seen
    "la": ("louisiana/La-Admin-Code-tit-{title}-SS-{section}", ".", ""),
    "id": ("idaho/IDAPA-{section}", "", r"\d\d\.\d\d\.\d\d\.\d{3}"),  # rules, not subsections
    "wv": ("west-virginia/W-Va-C-S-R-SS-{section}", "", r"[^.]*"),  # seen without a dot only
}


def lii_url(citation: StateRegCitation) -> str | None:
    """Cornell LII's page of the section (see ``_LII_PAGES`` for each state's scheme)."""
    page = _LII_PAGES.get(citation.jurisdiction)
    if page is None:
        return None
    path, dashes, shape = page
    section, title = citation.section, citation.title or ""
    if shape and re.fullmatch(shape, section) is None:
        return None
    if citation.jurisdiction == "nc":  # "2B.0211": 02B-0211, the NCAC's chapter
        chapter, rule = section.split(".")
        section = chapter.zfill(3 if chapter[-1].isalpha() else 2) + "-" + rule
    if dashes:
        table = str.maketrans(dashes, "-" * len(dashes))
        section, title = section.translate(table), title.translate(table)
    return "https://www.law.cornell.edu/regulations/" + path.format(section=section, title=title)


def _virginia(citation: StateRegCitation) -> str:
    agency, chapter, section = citation.section.split("-")
    return (
        f"https://law.lis.virginia.gov/admincode/title{citation.title}/agency{agency}"
        f"/chapter{chapter}/section{section}/"
    )


def _kentucky(citation: StateRegCitation) -> str:
    chapter, regulation = citation.section.split(":")
    return (
        "https://apps.legislature.ky.gov/law/kar/titles/"
        f"{int(citation.title or 0):03d}/{int(chapter):03d}/{regulation}/"
    )


def _pennsylvania(citation: StateRegCitation) -> str | None:
    chapter = citation.section.split(".", 1)[0]
    if not chapter.isdigit() or citation.title is None:
        return None
    return (
        "https://www.pacodeandbulletin.gov/Display/pacode?file=/secure/pacode/data/"
        f"{int(citation.title):03d}/chapter{chapter}/s{citation.section}.html"
    )


#: The official sites with a stable URL per section, as observed: akleg.gov/basis/aac.asp#7.41.012
#: (7 AAC 41.012), flrules.org/gateway/ruleNo.asp?id=59A-4.108, revisor.mn.gov/rules/3400.0170/,
#: codes.ohio.gov/ohio-administrative-code/rule-5180:2-16-01,
#: secure.sos.state.or.us/oard/view.action?ruleNumber=414-175-0025,
#: pacodeandbulletin.gov/...?file=/secure/pacode/data/061/chapter101/s101.6.html (61 Pa. Code §
#: 101.6), law.lis.virginia.gov/admincode/title9/agency25/chapter260/section50/ (9VAC25-260-50),
#: app.leg.wa.gov/wac/default.aspx?cite=388-470-0005,
#: apps.legislature.ky.gov/law/kar/titles/921/002/016/ (921 KAR 2:016),
#: sdlegislature.gov/Rules/Administrative/67:10:05:03.
_OFFICIAL: dict[str, Callable[[StateRegCitation], str | None]] = {
    "ak": lambda c: f"https://www.akleg.gov/basis/aac.asp#{c.title}.{c.section}",
    "fl": lambda c: f"https://www.flrules.org/gateway/ruleNo.asp?id={c.section}",
    "ky": _kentucky,
    "mn": lambda c: f"https://www.revisor.mn.gov/rules/{c.section}/",
    "oh": lambda c: f"https://codes.ohio.gov/ohio-administrative-code/rule-{c.section}",
    "or": lambda c: f"https://secure.sos.state.or.us/oard/view.action?ruleNumber={c.section}",
    "pa": _pennsylvania,
    "sd": lambda c: f"https://sdlegislature.gov/Rules/Administrative/{c.section}",
    "va": _virginia,
    "wa": lambda c: f"https://app.leg.wa.gov/wac/default.aspx?cite={c.section}",
}


def official_url(citation: StateRegCitation) -> str | None:
    """The official site's page of the section, where one can be built from the citation."""
    builder = _OFFICIAL.get(citation.jurisdiction)
    return None if builder is None else builder(citation)


# --- the source ----------------------------------------------------------------------


class StateRegulations(Source):
    """The administrative codes of the states."""

    kind = "state_reg"
    item = _ANY_ITEM
    links = MappingProxyType({"lii": lii_url, "state": official_url})

    def __init__(self) -> None:
        self.triggers = (
            Trigger(
                (
                    r"Adm(?:in(?:istrative)?\.?|\.)\s{0,2}(?:Code|R\.|Rules|Regs\.|Regulations)",
                    r"Agencies(?:\s?Regs\.|(?<=State\sAgencies))",
                    r"Co(?:de(?:\s?(?:of\s{1,2}|Ann\.\s?)?Regs?\.|\s{1,2}of\s{1,2}(?:Regulations|State\s{1,2}Rules)|\s?(?:St\.\s?)?R\."
                    r"|(?<=Pa\.\sCode)|(?<=Pa\.Code)|(?<=Regs\.\sCode)|(?<=Regs\.Code))"
                    r"|mp\.\s?(?:R\.|Codes)|des,?\s{1,2}Rules)",
                    # Minnesota's rules join the search for "id." rather than have a search
                    # of their own: an extra search over the text costs more than this test.
                    r"C(?<=D\.C)\.\s?Mun\.\s?Regs\.",
                    r"C\.S\.R\.(?<=Va\.\sC\.S\.R\.)",
                    r"inn(?<=Minn)(?:\.\s?R(?:\.|ules)|esota\s{1,2}Rules)",
                ),
                self._name,
            ),
            # One pattern per literal, so that a declined acronym is not offered to every
            # other trigger that starts with "A" or "C".
            Trigger(
                (
                    r"AC(?<=[AWVOTNCMDL]AC)(?![A-Za-z])",
                    r"A\.C\.(?<=[AJFOTD]\.A\.C\.)",
                    r"AR(?<=[OKH]AR)(?![A-Za-z])",
                    r"ARM(?![A-Za-z])",
                    r"ARSD(?![A-Za-z])",
                    r"A\.R\.(?<=K\.A\.R\.)",
                    r"CCR(?![A-Za-z])",
                    r"C\.C\.R\.",
                    r"CMR(?![A-Za-z])",
                    r"COMAR(?![A-Za-z])",
                    r"IDAPA(?![A-Za-z])",
                    r"CSR(?![A-Za-z])",
                    r"C\.M\.R\.",
                    r"CRR(?<=NYCRR)(?![A-Za-z])",
                    r"C\.R\.R\.(?<=Y\.C\.R\.R\.)",
                ),
                self._acronym,
            ),
        )

    # "22 Tex. Admin. Code § 72.10", "Cal. Code Regs. tit. 4, § 1687", "Minn. R. 7050.0150"
    def _name(self, scan: Scan, start: int, end: int) -> int | None:
        text, backward = scan.text, scan.backward
        at, limit = len(text) - start, len(text) - scan.floor
        for name in _NAMES:
            core = name.core.match(text, start)
            if core is None:
                continue
            before = name.back.match(backward, at, limit)
            if before is None:
                continue
            postal = name.states.get(key(before.group("name")[::-1]))
            if postal is None:
                continue
            name_start = start - (before.end() - at)
            return self._cite(scan, (CODES[postal],), name_start, core.end())
        return None

    # "9 NYCRR 8002.1", "WAC 173-201A-200", "12VAC5-90-80", "rule 12B-6.0021, F.A.C."
    def _acronym(self, scan: Scan, start: int, end: int) -> int | None:
        text = scan.text
        at = len(text) - start
        letters = _ACRONYM_START.match(scan.backward, at, len(text) - scan.floor)
        if letters is None:
            return None
        name_start = start - (letters.end() - at)
        postals = _ACRONYMS.get(text[name_start:end].replace(".", ""))
        if postals is None:
            return None
        return self._cite(scan, tuple(CODES[p] for p in postals), name_start, end)

    def _cite(
        self, scan: Scan, codes: tuple[Code, ...], name_start: int, name_end: int
    ) -> int | None:
        """Cite the first of ``codes`` whose title and number are around the name.

        The name spans ``name_start`` to ``name_end``; a title may precede it ("22 Tex.
        Admin. Code") or follow it ("tit. 22,"), and the section follows.
        """
        text = scan.text
        after = _AFTER.match(text, name_end)
        assert after is not None  # every part of it is optional
        before = None
        if any(code.title is not None for code in codes):
            before = _TITLE_BEFORE.match(
                scan.backward, len(text) - name_start, len(text) - scan.floor
            )
            if before is not None and before.group("comma") and not before.group("word"):
                before = None  # "see 4, Cal. Code Regs.": no title
        for code in codes:
            item = ITEMS[code.postal]
            first = item.match(text, after.end())
            if first is None:
                continue
            title, cite_start = after.group("title"), name_start
            if title is None and code.style == "part":  # "LAC 33:IX.1113"
                title = first.group("section").partition(":")[0] or None
            if code.title is None:
                if title is not None:
                    continue
            else:
                if title is None and before is not None:
                    title = before.group("title")[::-1]
                    cite_start = name_start - (before.end() - before.pos)
                if title is None or _TITLES[code.postal].fullmatch(title) is None:
                    continue
                title = (title.lstrip("0") or "0") if title.isdigit() else title
            plural = after.group("plural") is not None or after.group("rules") is not None
            sections = parse_sections(text, first, item, plural, one_section)
            return scan.cite(self, Container(code, title), sections, cite_start, sections.end)
        if codes[0].postal in _RULE_BEFORE:
            found = self._rule_first(scan, codes[0], name_start, name_end)
            if found is not None:
                return found
        return self._section_first(scan, codes, name_start, name_end)

    def _section_first(
        self, scan: Scan, codes: tuple[Code, ...], name_start: int, name_end: int
    ) -> int | None:
        """The section, and the title, before the code's name: "section 3203 of title 8 of
        the California Code of Regulations", "Rule 65A-1.205 of the Florida Administrative
        Code"."""
        text = scan.text
        at = len(text) - name_start
        found = _SECTION_BEFORE.match(scan.backward, at, len(text) - scan.floor)
        if found is None:
            return None
        begin, stop = len(text) - found.end("token"), len(text) - found.start("token")
        title = found.group("title")
        title = None if title is None else title[::-1]
        for code in codes:
            if (title is None) != (code.title is None):
                continue
            if title is not None and _TITLES[code.postal].fullmatch(title) is None:
                continue
            sections = _whole_token(text, code, begin, stop)
            if sections is None:
                continue
            if title is not None and title.isdigit():
                title = title.lstrip("0") or "0"
            mark_start = len(text) - found.end("mark")
            return scan.cite(self, Container(code, title), sections, mark_start, name_end)
        return None

    def _rule_first(self, scan: Scan, code: Code, name_start: int, name_end: int) -> int | None:
        """The rule before the code's name: "rule 12B-6.0021, F.A.C.", "20.6.2.3103 NMAC"."""
        text = scan.text
        at = len(text) - name_start
        found = _RULE_BEFORE[code.postal].match(scan.backward, at, len(text) - scan.floor)
        if found is None:
            return None
        begin, stop = len(text) - found.end("token"), len(text) - found.start("token")
        sections = _whole_token(text, code, begin, stop)
        if sections is None:
            return None
        mark = found.groupdict().get("mark")
        cite_start = begin if mark is None else len(text) - found.end("mark")
        return scan.cite(self, Container(code, None), sections, cite_start, name_end)

    # --- short forms -----------------------------------------------------------------

    def sections(
        self, text: str, at: int, plural: bool, antecedent: Citation | None = None
    ) -> Sections | None:
        """A short form's sections, in the grammar of its antecedent's code."""
        if not isinstance(antecedent, StateRegCitation):
            return None
        item = ITEMS[antecedent.jurisdiction]
        first = item.match(text, at)
        return parse_sections(text, first, item, plural, one_section) if first is not None else None

    def container(self, antecedent: Citation) -> object:
        assert isinstance(antecedent, StateRegCitation)
        return Container(CODES[antecedent.jurisdiction], antecedent.title)

    def build(
        self,
        container: object,
        item: Item,
        text: str,
        start: int,
        end: int,
        group: tuple[int, int] | None,
        et_seq: bool,
        note: bool,
        short: bool,
        antecedent: Citation | None,
        /,
    ) -> Citation:
        assert isinstance(container, Container)
        postal = container.code.postal
        section, pin = _SECTION.get(postal, _as_written)(item.section), item.pin
        if postal == "mn":  # "7050.0150, subp. 3": the subpart is the pin's first level
            section, *subpart = _SUBPART.split(section)
            pin = (*(f"subp-{number}" for number in subpart), *pin)
        return StateRegCitation(
            text=text,
            start=start,
            end=end,
            short=short,
            antecedent=antecedent,
            group=group,
            jurisdiction=container.code.postal,
            title=container.title,
            section=section,
            pin=pin,
            range_end=item.range_end,
            et_seq=et_seq,
        )


SOURCE = StateRegulations()
