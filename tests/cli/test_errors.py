"""The command line on hostile ground: one-line errors and warnings, never a traceback."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

import citelink.checking.links
from citelink.checking.links import LinkChecker, LinkResult
from citelink.cli import main
from tests.linkserver import LinkServer

DOC = "The rule is 8 U.S.C. § 1373(a).\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_corrupt_link_cache_is_a_warning_and_the_links_are_checked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with LinkServer() as server:

        class LocalLinks(LinkChecker):
            def check(self, urls: Iterable[str]) -> dict[str, LinkResult]:
                wanted = list(urls)
                found = super().check([server.url("/missing")])
                return {u: found[server.url("/missing")] for u in wanted}

        def local(**options: Any) -> LinkChecker:
            return LocalLinks(**{**options, "rate": 0})

        monkeypatch.setattr(citelink.checking.links, "LinkChecker", local)
        cache = tmp_path / "links.sqlite3"
        cache.write_bytes(b"not a database " * 50)
        doc = tmp_path / "doc.txt"
        doc.write_text(DOC, encoding="utf-8")
        code, out, err = run(capsys, "check", "--online", "--link-cache", str(cache), str(doc))
    assert code == 0  # a dead link is a warning; the broken cache stopped nothing
    assert "dead link for 8 U.S.C. § 1373" in out
    warning, summary = err.splitlines()
    assert warning.startswith("citelink: warning: link cache ")
    assert warning.endswith("file is not a database; checking links without the cache")
    assert summary == "citelink: 1 finding (1 warning) in 1 file"
