"""The Federal Rules: the four sets, rule-first forms, short forms and LII links."""

from __future__ import annotations

import pytest

import citelink
from citelink.sources.rules import RuleCitation


def rules(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    found = [c for c in citelink.find(text) if isinstance(c, RuleCitation)]
    for c in found:
        assert text[c.start : c.end] == c.text
    return [(c.rules, c.rule, c.pin) for c in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fed. R. Civ. P. 12(b)(6)", [("frcp", "12", ("b", "6"))]),
        ("Fed. R. Crim. P. 11", [("frcrmp", "11", ())]),
        ("Fed. R. Evid. 404(b)", [("fre", "404", ("b",))]),
        ("Fed. R. App. P. 4(a)(1)", [("frap", "4", ("a", "1"))]),
        ("Fed. R. App. Proc. 6", [("frap", "6", ())]),
        ("Fed.R.Civ.P. 56", [("frcp", "56", ())]),
        ("FRCP 23.1", [("frcp", "23.1", ())]),
        ("FRCrP Rule 6", [("frcrmp", "6", ())]),
        ("FRE 403", [("fre", "403", ())]),
        ("FRAP 28", [("frap", "28", ())]),
        ("Federal Rule of Civil Procedure 12(b)(6)", [("frcp", "12", ("b", "6"))]),
        ("Rule 12(b)(6) of the Federal Rules of Civil Procedure", [("frcp", "12", ("b", "6"))]),
        ("Fed. R. Civ. P. 12(b)(6). Rule 11", [("frcp", "12", ("b", "6")), ("frcp", "11", ())]),
        ("FRCrP Rule 6. Rule 7(c)", [("frcrmp", "6", ()), ("frcrmp", "7", ("c",))]),
        ("Fed. R. Evid. 403. Rule 404(b)", [("fre", "403", ()), ("fre", "404", ("b",))]),
        ("Fed. R. App. Proc. 6. Id. at (b)(1)", [("frap", "6", ()), ("frap", "6", ("b", "1"))]),
        ("Fed. R. Civ. P. 26 and 37", [("frcp", "26", ()), ("frcp", "37", ())]),
        ("Rule 11 of the club", []),  # no rule before it: whose rule 11 is unknown
    ],
)
def test_forms(text: str, expected: list[tuple[str, str, tuple[str, ...]]]) -> None:
    assert rules(text) == expected


def test_short_form_refers_to_the_rule_before_it() -> None:
    found = citelink.find("Fed. R. Civ. P. 12(b)(6); 28 U.S.C. § 1331. Rule 56 then.")
    (first, _, short) = found
    assert short.short and short.antecedent is first and short.normalized == "Fed. R. Civ. P. 56"


def test_a_rule_does_not_break_a_chain_of_short_forms() -> None:
    found = citelink.find("28 U.S.C. § 1331 and Fed. R. Civ. P. 12; § 1332 too.")
    assert [c.normalized for c in found] == [
        "28 U.S.C. § 1331",
        "Fed. R. Civ. P. 12",
        "28 U.S.C. § 1332",
    ]


@pytest.mark.parametrize(
    ("text", "normalized", "id", "lii"),
    [
        (
            "Fed. R. Civ. P. 12(b)(6)",
            "Fed. R. Civ. P. 12(b)(6)",
            "rule/frcp/12/b/6",
            "https://www.law.cornell.edu/rules/frcp/rule_12#rule_12_b_6",
        ),
        (
            "FRCP 11",
            "Fed. R. Civ. P. 11",
            "rule/frcp/11",
            "https://www.law.cornell.edu/rules/frcp/rule_11",
        ),
        (
            "Fed. R. Crim. P. 7(c)",
            "Fed. R. Crim. P. 7(c)",
            "rule/frcrmp/7/c",
            "https://www.law.cornell.edu/rules/frcrmp/rule_7#rule_7_c",
        ),
        (
            "Fed. R. Evid. 403",
            "Fed. R. Evid. 403",
            "rule/fre/403",
            "https://www.law.cornell.edu/rules/fre/rule_403",
        ),
        (
            "Fed. R. App. P. 6",
            "Fed. R. App. P. 6",
            "rule/frap/6",
            "https://www.law.cornell.edu/rules/frap/rule_6",
        ),
    ],
)
def test_normal_form_id_and_links(text: str, normalized: str, id: str, lii: str) -> None:
    (c,) = citelink.find(text, resolvers=["lii"])
    assert (c.normalized, c.id, c.url) == (normalized, id, lii)
