"""A long text read in pieces gives exactly the citations of the whole text."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

import citelink.finder
from citelink import Finder
from citelink.batch import Options, StreamedFile, extract_file
from citelink.cli import main

from .conftest import FIXTURES


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cut the text every kilobyte or so, so that cuts fall everywhere."""
    monkeypatch.setattr(citelink.finder, "_CHUNK", 1000)
    monkeypatch.setattr(citelink.finder, "_EDGE", 500)


def long_text() -> str:
    """The fixtures many times over: lists, ranges, short forms and id. across cuts."""
    parts = [(FIXTURES / name).read_text(encoding="utf-8") for name in ("brief.txt", "page.md")]
    text = "\n\n".join(parts) * 6
    return text + "\n" + text.replace("\n", " ")  # and a part with no line breaks at all


def records(citations: list[citelink.Citation]) -> list[dict[str, object]]:
    return [c.to_dict() for c in citations]


def pieces_of(text: str, seed: int) -> list[str]:
    rnd, pieces, at = random.Random(seed), [], 0
    while at < len(text):
        size = rnd.randint(1, 1500)
        pieces.append(text[at : at + size])
        at += size
    return pieces


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_pieces_give_the_whole_texts_citations(small_chunks: None, seed: int) -> None:
    text = long_text()
    finder = Finder()
    whole = finder.find(text, this_title="8")
    streamed = list(finder.find_stream(pieces_of(text, seed), this_title="8"))
    assert records(streamed) == records(whole)
    for c in streamed:
        assert text[c.start : c.end] == c.text
        if c.antecedent is not None:
            assert text[c.antecedent.start : c.antecedent.end] == c.antecedent.text


def test_a_big_file_is_read_in_pieces(
    small_chunks: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(citelink.batch, "STREAM_ABOVE", 10_000)
    text = long_text()
    big = tmp_path / "big.txt"
    big.write_text(text, encoding="utf-8")
    expected = records(Finder().find(text))
    streamed = StreamedFile(big)
    assert records(list(streamed)) == expected and streamed.size == len(text)
    assert records(list(extract_file(big, Options()).citations)) == expected


def test_the_cli_streams_a_big_file(
    small_chunks: None,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(citelink.batch, "STREAM_ABOVE", 10_000)
    text = long_text()
    big = tmp_path / "big.txt"
    big.write_text(text, encoding="utf-8")
    assert main(["extract", "--format", "jsonl", str(big)]) == 0
    lines = capsys.readouterr().out.splitlines()
    expected = records(Finder().find(text))
    assert [
        {k: v for k, v in json.loads(line).items() if k != "path"} for line in lines
    ] == expected


def test_a_bad_byte_in_a_big_file_is_reported(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(citelink.batch, "STREAM_ABOVE", 10)
    big = tmp_path / "big.txt"
    big.write_bytes(b"8 U.S.C. 1373\n\n" * 10 + b"\xff" + b"8 U.S.C. 1324" * 10)
    assert main(["extract", "--format", "jsonl", "--encoding", "utf-8", str(big)]) == 2
    assert "not valid utf-8 at byte 150" in capsys.readouterr().err
