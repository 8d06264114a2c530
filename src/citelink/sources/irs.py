"""IRS guidance: "Rev. Rul. 59-60", "Rev. Proc. 2020-3", "Notice 2021-1", "PLR 201912001".

Forms understood here: revenue rulings (``Rev. Rul. 2019-12``, ``Rev. Rul. 59-60``), revenue
procedures (``Rev. Proc. 2020-3``), notices (``Notice 2021-1``, ``I.R.S. Notice 2018-54``; only
with a year from 1950 on and a number, so that the word alone is nothing), Treasury decisions
(``T.D. 9876``) and private letter rulings (``PLR 201912001``, ``Priv. Ltr. Rul. 201912001``).
The Cumulative Bulletin or I.R.B. page after one (``1959-1 C.B. 237``) is not read.

Links: none. The IRS publishes these in its bulletins and a by-number address for each was not
confirmed, so they are left without one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citelink.grammar import DASH, WS, WS1
from citelink.models import Citation, fast_init
from citelink.scanner import Scan, Source, Trigger


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class GuidanceCitation(Citation):
    """A piece of IRS guidance: ``series`` one of :data:`SERIES` (``"rev-rul"``...),
    ``number`` as the IRS numbers it ("2019-12", "59-60", "9876", "201912001")."""

    kind = "irs"

    series: str
    number: str

    @property
    def anchors(self) -> bool:
        return False

    @property
    def normalized(self) -> str:
        return f"{SERIES[self.series]} {self.number}"

    @property
    def id(self) -> str:
        return f"irs/{self.series}/{self.number}"


# --- grammar ----------------------------------------------------------------

#: The series and their Bluebook names.
SERIES = {
    "rev-rul": "Rev. Rul.",
    "rev-proc": "Rev. Proc.",
    "notice": "I.R.S. Notice",
    "td": "T.D.",
    "plr": "I.R.S. Priv. Ltr. Rul.",
}
_YEAR_NUMBER = rf"(?P<year>19\d\d|20\d\d|\d\d){WS}{DASH}{WS}(?P<seq>\d{{1,3}})(?![\w]|{DASH}\d)"
_GUIDANCE = re.compile(
    rf"(?:(?P<rul>Rev\.{WS}Rul\.)|(?P<proc>Rev\.{WS}Proc\.)){WS}{_YEAR_NUMBER}"
    rf"|(?P<notice>(?:I\.R\.S\.{WS1})?Notice){WS1}(?P<nyear>19[5-9]\d|20\d\d){WS}{DASH}{WS}"
    r"(?P<nseq>\d{1,3})(?![\w]|[-\u2013]\d)"
    rf"|(?P<td>T\.{WS}?D\.){WS}(?P<td_number>\d{{4}})(?!\w|[.,]\d|{DASH}\d)"
    rf"|(?:PLR|(?:I\.R\.S\.{WS1})?Priv\.{WS}Ltr\.{WS}Rul\.){WS1}(?P<plr>(?:19|20)\d{{7}})(?!\w)"
)


def _series(found: re.Match[str]) -> tuple[str, str]:
    if found.group("rul") or found.group("proc"):
        series = "rev-rul" if found.group("rul") else "rev-proc"
        return series, f"{found.group('year')}-{found.group('seq')}"
    if found.group("notice"):
        return "notice", f"{found.group('nyear')}-{found.group('nseq')}"
    if found.group("td"):
        return "td", found.group("td_number")
    return "plr", found.group("plr")


# --- the source ---------------------------------------------------------------


class Guidance(Source):
    """IRS guidance by its number; no short forms, no links."""

    kind = "irs"

    def __init__(self) -> None:
        self.triggers = (
            Trigger(
                (
                    r"Rev\.\s?R",
                    r"Rev\.\s?P",
                    r"Notice\s",
                    r"I\.R\.S\.\s",
                    r"T\.\s?D\.\s?\d",
                    r"PLR\s",
                    r"Priv\.\s?Ltr",
                ),
                self._guidance,
            ),
        )

    def _guidance(self, scan: Scan, start: int, end: int) -> int | None:
        found = _GUIDANCE.match(scan.text, start)
        if found is None:
            return None
        series, number = _series(found)
        scan.add(
            GuidanceCitation(
                text=found.group(), start=start, end=found.end(), series=series, number=number
            )
        )
        return found.end()


SOURCE = Guidance()
