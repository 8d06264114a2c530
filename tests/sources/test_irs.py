"""IRS guidance by its number: revenue rulings and procedures, notices, T.D.s, PLRs."""

from __future__ import annotations

import pytest

import citelink


@pytest.mark.parametrize(
    ("text", "cited", "normalized", "id"),
    [
        (
            "Rev. Rul. 59-60, 1959-1 C.B. 237",
            "Rev. Rul. 59-60",
            "Rev. Rul. 59-60",
            "irs/rev-rul/59-60",
        ),
        (
            "under Rev. Proc. 2020-3,",
            "Rev. Proc. 2020-3",
            "Rev. Proc. 2020-3",
            "irs/rev-proc/2020-3",
        ),
        ("see Notice 2018-54.", "Notice 2018-54", "I.R.S. Notice 2018-54", "irs/notice/2018-54"),
        (
            "I.R.S. Notice 2021-1",
            "I.R.S. Notice 2021-1",
            "I.R.S. Notice 2021-1",
            "irs/notice/2021-1",
        ),
        ("the rule, T.D. 9876, and", "T.D. 9876", "T.D. 9876", "irs/td/9876"),
        (
            "PLR 201912001 held",
            "PLR 201912001",
            "I.R.S. Priv. Ltr. Rul. 201912001",
            "irs/plr/201912001",
        ),
        (
            "Priv. Ltr. Rul. 201901001",
            "Priv. Ltr. Rul. 201901001",
            "I.R.S. Priv. Ltr. Rul. 201901001",
            "irs/plr/201901001",
        ),
    ],
)
def test_guidance(text: str, cited: str, normalized: str, id: str) -> None:
    (c,) = citelink.find(text)
    assert (c.kind, c.text, text[c.start : c.end]) == ("irs", cited, cited)
    assert (c.normalized, c.id, c.urls) == (normalized, id, {})


def test_not_guidance() -> None:
    text = "Notice 12 of the hearing; Notice 1234-5; T.D. 12; PLR 12345; Rev. Rul. of 1960"
    assert citelink.find(text) == []
