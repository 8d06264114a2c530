"""Print the README's coverage table of state law: jurisdiction x code forms, constitution, links.

    python scripts/state_coverage.py > /tmp/coverage.md

Each row is made from the shipped table and the link builders, with one real citation per
jurisdiction run through the finder, so the table cannot claim what the code does not do.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import citelink
from citelink.sources.states import StateCitation, links, table
from citelink.sources.states.source import NO_CONSTITUTION

#: A citation per jurisdiction, to show its link (the first code's form).
EXAMPLES = {
    "al": "Ala. Code § 13A-5-40", "ak": "AS 11.41.100", "az": "A.R.S. § 13-1105",
    "ar": "Ark. Code Ann. § 5-10-101", "ca": "Cal. Penal Code § 187", "co": "C.R.S. § 18-3-102",
    "ct": "Conn. Gen. Stat. § 53a-54a", "de": "11 Del. C. § 636", "dc": "D.C. Code § 22-2101",
    "fl": "Fla. Stat. § 776.012", "ga": "O.C.G.A. § 16-5-1", "hi": "HRS § 707-701",
    "id": "Idaho Code § 18-4001", "il": "720 ILCS 5/9-1", "in": "Ind. Code § 35-42-1-1",
    "ia": "Iowa Code § 707.2", "ks": "K.S.A. 21-5402", "ky": "KRS 507.020",
    "la": "La. R.S. 14:30", "me": "17-A M.R.S. § 201", "md": "Md. Code Ann., Crim. Law § 2-201",
    "ma": "G.L. c. 265, § 1", "mi": "MCL 750.316", "mn": "Minn. Stat. § 609.185",
    "ms": "Miss. Code Ann. § 97-3-19", "mo": "§ 565.020, RSMo", "mt": "Mont. Code Ann. § 45-5-102",
    "ne": "Neb. Rev. Stat. § 28-303", "nv": "NRS 200.010", "nh": "RSA 630:1",
    "nj": "N.J.S.A. 2C:11-3", "nm": "NMSA 1978, § 30-2-1", "ny": "N.Y. Penal Law § 125.25",
    "nc": "N.C. Gen. Stat. § 14-17", "nd": "N.D.C.C. § 12.1-16-01", "oh": "R.C. 2903.01",
    "ok": "21 O.S. § 701.7", "or": "ORS 163.115", "pa": "18 Pa.C.S. § 2502",
    "ri": "R.I. Gen. Laws § 11-23-1", "sc": "S.C. Code Ann. § 16-3-10", "sd": "SDCL 22-16-4",
    "tn": "Tenn. Code Ann. § 39-13-202", "tx": "Tex. Penal Code Ann. § 19.02",
    "ut": "Utah Code Ann. § 76-5-203", "vt": "13 V.S.A. § 2301", "va": "Va. Code Ann. § 18.2-32",
    "wa": "RCW 9A.32.030", "wv": "W. Va. Code § 61-2-1", "wi": "Wis. Stat. § 940.01",
    "wy": "Wyo. Stat. Ann. § 6-2-101", "pr": "33 L.P.R.A. § 4001", "gu": "9 GCA § 16.10",
    "vi": "14 V.I.C. § 922", "mp": "6 CMC § 1101", "as": "A.S.C.A. § 46.3501",
}  # fmt: skip


#: Constitutions divided otherwise than by article and section.
CONSTITUTION_FORMS = {
    "ma": "Mass. Const. pt. 1, art. 12",
    "nh": "N.H. Const. pt. I, art. 15",
    "vt": "Vt. Const. ch. I, art. 10",
    "ga": "Ga. Const. art. I, § I, para. I",
    "nj": "N.J. Const. art. I, ¶ 7",
}


def main() -> None:
    print(
        "| Jurisdiction | Codes (Bluebook name; other names read) | Constitution | Official links |"
    )
    print("|---|---|---|---|")
    for postal, name, abbreviation, _ in table.JURISDICTIONS:
        rows = [row for row in table.CODES if row[0] == postal]
        codes = {row[1] for row in rows}
        first = rows[0]
        others = [n for n in first[6] if n != first[2]][:3]
        if len(codes) > 1:
            names = list(dict.fromkeys(row[2] for row in rows))[:3]
            forms = f"{len(codes)} codes: {'; '.join(names)}; …"
        else:
            forms = first[2] + (f" ({', '.join(others)})" if others else "")
        constitution = CONSTITUTION_FORMS.get(postal, f"{abbreviation} Const. art. I, § 1")
        if postal in NO_CONSTITUTION:
            constitution = "— (none)"
        (found,) = [c for c in citelink.find(EXAMPLES[postal]) if isinstance(c, StateCitation)]
        assert found.jurisdiction == postal, (postal, found)
        host = urlsplit(found.urls["state"]).netloc if "state" in found.urls else "—"
        if host != "—" and links.BY_JURISDICTION[postal] in links.CONSTITUTIONS:
            host += " (and constitution)"
        print(f"| {name} ({postal}) | {forms} | {constitution} | {host} |")


if __name__ == "__main__":
    main()
