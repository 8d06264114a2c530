"""Bills with their Congress, committee reports and the Congressional Record."""

from __future__ import annotations

import pytest

import citelink

CONGRESS = "https://www.congress.gov/bill/"
CRPT = "https://www.govinfo.gov/link/crpt/"


@pytest.mark.parametrize(
    ("text", "cited", "normalized", "id", "url"),
    [
        (
            "as enacted, S. 2155, 115th Cong. (2018), amended",
            "S. 2155, 115th Cong. (2018)",
            "S. 2155, 115th Cong. (2018)",
            "bill/115/s/2155",
            CONGRESS + "115th-congress/senate-bill/2155",
        ),
        (
            "See H.R. 1, 115th Cong.; cf.",
            "H.R. 1, 115th Cong.",
            "H.R. 1, 115th Cong.",
            "bill/115/hr/1",
            CONGRESS + "115th-congress/house-bill/1",
        ),
        (
            "H.J. Res. 7, 117th Cong. (2021)",
            "H.J. Res. 7, 117th Cong. (2021)",
            "H.R.J. Res. 7, 117th Cong. (2021)",
            "bill/117/hjres/7",
            CONGRESS + "117th-congress/house-joint-resolution/7",
        ),
        (
            "S. Con. Res. 3, 116th Cong.",
            "S. Con. Res. 3, 116th Cong.",
            "S. Con. Res. 3, 116th Cong.",
            "bill/116/sconres/3",
            CONGRESS + "116th-congress/senate-concurrent-resolution/3",
        ),
        (
            "H. Res. 24, 118th Cong.",
            "H. Res. 24, 118th Cong.",
            "H.R. Res. 24, 118th Cong.",
            "bill/118/hres/24",
            CONGRESS + "118th-congress/house-resolution/24",
        ),
        ("S. 1, 82nd Cong.", "S. 1, 82nd Cong.", "S. 1, 82nd Cong.", "bill/82/s/1", None),
    ],
)
def test_bills(text: str, cited: str, normalized: str, id: str, url: str | None) -> None:
    (c,) = citelink.find(text)
    assert (c.kind, c.text, text[c.start : c.end]) == ("bill", cited, cited)
    assert (c.normalized, c.id, c.urls.get("congress")) == (normalized, id, url)


@pytest.mark.parametrize(
    ("text", "normalized", "id", "url"),
    [
        ("H.R. Rep. No. 111-58", "H.R. Rep. No. 111-58", "crpt/111/hrpt/58", CRPT + "111/hrpt/58"),
        ("S. Rep. No. 95-797, at 12", "S. Rep. No. 95-797, at 12", "crpt/95/srpt/797", None),
        ("H.Rept. 105-532", "H.R. Rep. No. 105-532", "crpt/105/hrpt/532", CRPT + "105/hrpt/532"),
        ("S. Rept. 114–20", "S. Rep. No. 114-20", "crpt/114/srpt/20", CRPT + "114/srpt/20"),
    ],
)
def test_reports(text: str, normalized: str, id: str, url: str | None) -> None:
    (c,) = citelink.find(f"The committee said so. {text}.")
    assert (c.kind, c.text) == ("crpt", text)
    assert (c.normalized, c.id, c.urls.get("govinfo")) == (normalized, id, url)


@pytest.mark.parametrize(
    ("text", "normalized", "id"),
    [
        ("138 Cong. Rec. 12,345 (1992)", "138 Cong. Rec. 12,345 (1992)", "crec/138/12345"),
        ("164 Cong. Rec. S1234", "164 Cong. Rec. S1234", "crec/164/s1234"),
        (
            "164 Cong. Rec. H2001 (daily ed. Mar. 6, 2018)",
            "164 Cong. Rec. H2001 (2018)",
            "crec/164/h2001",
        ),
    ],
)
def test_the_record(text: str, normalized: str, id: str) -> None:
    (c,) = citelink.find(f"Senator X spoke, {text}.")
    assert (c.kind, c.text, c.normalized, c.id, c.urls) == ("crec", text, normalized, id, {})


@pytest.mark.parametrize(
    "text",
    [
        "H.R. 1 passed the House; S. 2 did not",
        "items S. 2, S. 3 and the 115th Cong. as a whole",
        "the Cong. Rec. of that day",
        "H.R. Rep. of the committee, S. Rep. 12",
    ],
)
def test_not_legislative_citations(text: str) -> None:
    assert [c for c in citelink.find(text) if c.kind in ("bill", "crpt", "crec")] == []


@pytest.mark.parametrize(
    ("text", "id", "url"),
    [
        ("CRS Report R46867", "crs/r46867", "https://crsreports.congress.gov/product/pdf/R/R46867"),
        (
            "CRS In Focus IF11226",
            "crs/if11226",
            "https://crsreports.congress.gov/product/pdf/IF/IF11226",
        ),
        ("CRS Report No. RL33110", "crs/rl33110", None),
        ("CRS Legal Sidebar LSB10433", "crs/lsb10433", None),
    ],
)
def test_crs_products(text: str, id: str, url: str | None) -> None:
    (c,) = citelink.find(f"As {text}, at 4, explains.")
    assert (c.kind, c.text, c.id, c.urls.get("crs")) == ("crs", text, id, url)
    assert c.normalized == f"CRS Report No. {c.number}"


def test_not_crs_products() -> None:
    assert citelink.find("CRS staff wrote R46867; the CRS Report was long; CRS Report X12345") == []
