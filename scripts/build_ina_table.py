"""Build the table from sections of the Immigration and Nationality Act to title 8 of the U.S. Code.

    python scripts/build_ina_table.py [USLM_DIR] [OUTPUT]

The Law Revision Counsel's source credit of every title-8 section names the law
that enacted it first; for the INA that is "(June 27, 1952, ch. 477, title II,
ch. 9, §287, 66 Stat. 233; ...)", so 8 U.S.C. § 1357 is INA § 287. The script
reads the section files of ``../shared/data/uslm/usc08`` (the default) and
writes ``src/citelink/data/ina_sections.json``, which citelink ships.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
USLM_DIR = ROOT.parent / "shared" / "data" / "uslm" / "usc08"
OUTPUT = ROOT / "src" / "citelink" / "data" / "ina_sections.json"
_NS = "{http://xml.house.gov/schemas/uslm/1.0}"
#: The INA's own citation at the start of a source credit, up to its section number.
_INA_CREDIT = re.compile(
    r"\(June 27, 1952, ch\. 477, (?:title [IVX]+, )?(?:ch\. \d+, )?(?:pt\. [IVX]+, )?"
    r"§\s?(?P<section>\d+[A-Z]?(?:-\d+)?)\b"
)


def ina_sections(uslm_dir: Path) -> dict[str, str]:
    """INA section -> title-8 section, for every live section that the INA enacted."""
    table: dict[str, str] = {}
    for path in sorted(uslm_dir.glob("*.xml")):
        root = etree.parse(str(path)).getroot()
        num = root.find(f"{_NS}num")
        credit = root.find(f"{_NS}sourceCredit")
        if num is None or credit is None:
            continue
        text = " ".join("".join(credit.itertext()).split())
        found = _INA_CREDIT.match(text)
        if found is None:
            continue
        section = found.group("section")
        code_section = num.get("value", "").replace("\u2013", "-")  # ASCII hyphens, as the Code index
        if section in table and table[section] != code_section:
            raise ValueError(
                f"INA § {section} credited to both {table[section]} and {code_section}"
            )
        table[section] = code_section
    return dict(sorted(table.items(), key=lambda kv: _key(kv[0])))


def _key(section: str) -> tuple[int, str]:
    digits = len(section) - len(section.lstrip("0123456789"))
    return int(section[:digits]), section[digits:]


def main() -> int:
    uslm_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else USLM_DIR
    output = Path(sys.argv[2]) if len(sys.argv) > 2 else OUTPUT
    if not uslm_dir.is_dir():
        print(f"no USLM files at {uslm_dir}", file=sys.stderr)
        return 2
    table = ina_sections(uslm_dir)
    document = {
        "description": (
            "Sections of the Immigration and Nationality Act (June 27, 1952, ch. 477, "
            "66 Stat. 163) and the sections of title 8, U.S. Code, they are classified to."
        ),
        "source": (
            "Source credits of the live title-8 sections, Office of the Law Revision "
            "Counsel USLM release point 119-100; built by scripts/build_ina_table.py"
        ),
        "sections": table,
    }
    output.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(table)} INA sections -> {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
