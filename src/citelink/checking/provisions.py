"""What the Constitution and the Federal Rules contain, for checking their citations offline.

The Constitution's seven articles with their sections and clauses as they are
cited (``art. I, § 8, cl. 3``; Articles V and VII have no sections, Article VI
has clauses only), and its twenty-seven amendments with their sections
(amendments without sections are cited whole: ``amend. I``). The text of the
Constitution is the National Archives' transcription.

The Federal Rules of Civil Procedure, Criminal Procedure, Evidence and Appellate
Procedure by rule number, as in force on December 1, 2024 (the rules published
by the U.S. Courts), with the rules since abrogated. A decimal rule ("23.1") is
read by its whole number; the subdivisions of rules are not held.
"""

from __future__ import annotations

from types import MappingProxyType

#: Clauses of each section of each article; an article without sections is section "".
ARTICLES: MappingProxyType[int, MappingProxyType[str, int]] = MappingProxyType(
    {
        number: MappingProxyType(sections)
        for number, sections in {
            1: {"1": 1, "2": 5, "3": 7, "4": 2, "5": 4, "6": 2, "7": 3, "8": 18, "9": 8, "10": 3},
            2: {"1": 8, "2": 3, "3": 1, "4": 1},
            3: {"1": 1, "2": 3, "3": 2},
            4: {"1": 1, "2": 3, "3": 2, "4": 1},
            5: {"": 1},
            6: {"": 3},
            7: {"": 2},  # the ratification clause and the attestation
        }.items()
    }
)

#: Sections of each amendment (0: cited whole).
AMENDMENTS: MappingProxyType[int, int] = MappingProxyType(
    {
        **dict.fromkeys(range(1, 13), 0),
        13: 2,
        14: 5,
        15: 2,
        16: 0,
        17: 0,
        18: 3,
        19: 0,
        20: 6,
        21: 3,
        22: 2,
        23: 2,
        24: 2,
        25: 4,
        26: 2,
        27: 0,
    }
)


def _numbers(*spans: tuple[int, int]) -> frozenset[int]:
    return frozenset(n for lo, hi in spans for n in range(lo, hi + 1))


#: The whole rule numbers of each set, and those abrogated (with when).
RULES: MappingProxyType[str, frozenset[int]] = MappingProxyType(
    {
        "frcp": _numbers((1, 86)),
        "frcrmp": _numbers((1, 61)),
        "fre": _numbers(
            (101, 106),
            (201, 201),
            (301, 302),
            (401, 415),
            (501, 502),
            (601, 615),
            (701, 706),
            (801, 807),
            (901, 903),
            (1001, 1008),
            (1101, 1103),
        ),
        "frap": _numbers((1, 48)),
    }
)
ABROGATED: MappingProxyType[tuple[str, int], str] = MappingProxyType(
    {
        ("frcp", 74): "abrogated in 1997",
        ("frcp", 75): "abrogated in 1997",
        ("frcp", 76): "abrogated in 1997",
        ("frcp", 84): "abrogated in 2015 (with the Appendix of Forms)",
    }
)
#: The names of the sets, for messages.
RULE_SETS = MappingProxyType(
    {
        "frcp": "the Federal Rules of Civil Procedure",
        "frcrmp": "the Federal Rules of Criminal Procedure",
        "fre": "the Federal Rules of Evidence",
        "frap": "the Federal Rules of Appellate Procedure",
    }
)


def rule_number(rule: str) -> int | None:
    """The whole number of a rule ("23.1" → 23), or ``None`` for one that is not a number."""
    whole = rule.partition(".")[0]
    return int(whole) if whole.isdigit() else None
