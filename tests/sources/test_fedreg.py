"""The Federal Register: volumes, pages with thousands separators, pin pages, dates, links."""

from __future__ import annotations

import pytest

import citelink
from citelink.sources.fedreg import FederalRegisterCitation, bluebook_date


@pytest.mark.parametrize(
    ("text", "volume", "page", "pin", "date"),
    [
        ("82 Fed. Reg. 8799", "82", "8799", (), None),
        ("82 FR 8799", "82", "8799", (), None),
        ("60 Fed. Reg. 68,380", "60", "68380", (), None),
        ("82 Fed. Reg. 8799, 8801 (Jan. 30, 2017).", "82", "8799", ("8801",), "2017-01-30"),
        ("82 Fed. Reg. 8799, 8801–02", "82", "8799", ("8801–02",), None),
        (
            "60 Fed. Reg. 68,380, 68,385 (December 29, 1995)",
            "60",
            "68380",
            ("68385",),
            "1995-12-29",
        ),
        ("eff. June 14, 1940, 5 F.R. 2223, 54 Stat. 1238", "5", "2223", (), None),
    ],
)
def test_forms(text: str, volume: str, page: str, pin: tuple[str, ...], date: str | None) -> None:
    (c,) = [c for c in citelink.find(text) if isinstance(c, FederalRegisterCitation)]
    assert text[c.start : c.end] == c.text
    assert (c.volume, c.page, c.pin, c.date) == (volume, page, pin, date)


def test_a_number_that_starts_the_next_citation_is_not_a_pin_page() -> None:
    found = citelink.find("82 FR 8799, 83 FR 100, and 5 U.S.C. 552")
    assert [(c.kind, c.text) for c in found] == [
        ("fr", "82 FR 8799"),
        ("fr", "83 FR 100"),
        ("usc", "5 U.S.C. 552"),
    ]


def test_not_citations() -> None:
    assert citelink.find("the FR notice of OFR 12 and the Fed. Reg. itself") == []


@pytest.mark.parametrize(
    ("text", "normalized", "id", "federalregister", "govinfo"),
    [
        (
            "82 FR 8799",
            "82 Fed. Reg. 8799",
            "fr/82/8799",
            "https://www.federalregister.gov/citation/82-FR-8799",
            "https://www.govinfo.gov/link/fr/82/8799",
        ),
        (
            "60 Fed. Reg. 68,380, 68,385 (Dec. 29, 1995)",
            "60 Fed. Reg. 68,380, 68,385 (Dec. 29, 1995)",
            "fr/60/68380",
            "https://www.federalregister.gov/citation/60-FR-68380",
            "https://www.govinfo.gov/link/fr/60/68380",
        ),
        (
            "59 Fed. Reg. 1000",  # 1994: on FederalRegister.gov, a whole-issue scan on GovInfo
            "59 Fed. Reg. 1000",
            "fr/59/1000",
            "https://www.federalregister.gov/citation/59-FR-1000",
            None,
        ),
    ],
)
def test_normal_form_id_and_links(
    text: str, normalized: str, id: str, federalregister: str, govinfo: str | None
) -> None:
    (c,) = citelink.find(text, resolvers=["federalregister", "govinfo"])
    assert (c.normalized, c.id) == (normalized, id)
    expected = {"federalregister": federalregister}
    if govinfo is not None:
        expected["govinfo"] = govinfo
    assert c.urls == expected


def test_volumes_before_either_site() -> None:
    (c,) = citelink.find("5 F.R. 2223", resolvers=["federalregister", "govinfo"])
    assert c.url is None and c.urls == {}


def test_bluebook_date() -> None:
    assert [bluebook_date(d) for d in ("2017-01-30", "1995-06-05", "2001-09-11")] == [
        "Jan. 30, 2017",
        "June 5, 1995",
        "Sept. 11, 2001",
    ]
