"""Many files on several processes: order, errors that do not stop the batch, pickling."""

from __future__ import annotations

import io
import os
import pickle
import shutil
import socket
import sys
from pathlib import Path
from typing import Any

import pytest

import citelink
from citelink.batch import (
    FileResult,
    Options,
    expand,
    extract_file,
    extract_files,
    reads_here,
)
from citelink.documents.files import input_format
from citelink.records import citation_records

from .conftest import FIXTURES


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A directory of fixtures, one nested, plus a binary file and a hidden one."""
    shutil.copy(FIXTURES / "news_article.txt", tmp_path / "a_news.txt")
    shutil.copy(FIXTURES / "brief.txt", tmp_path / "b_brief.txt")
    (tmp_path / "c_sub").mkdir()
    shutil.copy(FIXTURES / "page.md", tmp_path / "c_sub" / "page.md")
    (tmp_path / "c_sub" / "d_binary.dat").write_bytes(b"\x7fELF\x00\x01")
    (tmp_path / ".hidden.txt").write_text("8 U.S.C. 1", encoding="utf-8")
    return tmp_path


def test_expand_walks_directories_in_order(corpus: Path) -> None:
    names = [Path(p).relative_to(corpus).as_posix() for p in expand([corpus])]
    assert names == ["a_news.txt", "b_brief.txt", "c_sub/d_binary.dat", "c_sub/page.md"]


@pytest.mark.parametrize("processes", [1, 2])
def test_results_match_one_by_one_and_bad_files_do_not_stop_the_batch(
    corpus: Path, processes: int
) -> None:
    results = list(extract_files([corpus], processes=processes))
    assert [Path(r.path).name for r in results] == [
        "a_news.txt",
        "b_brief.txt",
        "d_binary.dat",
        "page.md",
    ]
    binary = results[2]
    assert binary.error is not None and "binary" in binary.error and binary.citations == ()
    for result in results:
        if result.error is None:
            text = Path(result.path).read_text(encoding="utf-8")
            form = input_format(result.path)
            assert list(result.citations) == citelink.find(text, form)


def test_html_is_read_as_html_unless_the_options_say_otherwise(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text('<a title="8 U.S.C. 1">x</a> <b>8 U.S.C.</b> &sect; 1373', encoding="utf-8")
    (as_html,) = extract_files([page], processes=2)
    (as_text,) = extract_files([page], Options(input_format="text"), processes=2)
    assert [c.text for c in as_html.citations] == ["8 U.S.C.</b> &sect; 1373"]
    assert [c.text for c in as_text.citations] == ["8 U.S.C. 1"]  # the attribute's, as text


def test_options_reach_the_workers(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("see section 1357 of this title", encoding="utf-8")
    (result,) = extract_files([doc], Options(this_title="8"), processes=2)
    assert result.citations[0].normalized == "8 U.S.C. § 1357"


@pytest.mark.parametrize("processes", [1, 2])
def test_standard_input_is_read_here_in_its_turn(
    corpus: Path, processes: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO("See 8 U.S.C. § 1373; § 1644.".encode()))
    monkeypatch.setattr(sys, "stdin", stdin)
    news = corpus / "a_news.txt"
    results = list(extract_files([news, "-", news], processes=processes))
    assert [r.path for r in results] == [str(news), "-", str(news)]
    assert [c.normalized for c in results[1].citations] == ["8 U.S.C. § 1373", "8 U.S.C. § 1644"]
    assert results[0] == results[2] and len(results[0].citations) == 3


def test_results_pickle(corpus: Path) -> None:
    result = extract_file(corpus / "b_brief.txt")
    assert isinstance(result, FileResult) and result.citations
    assert pickle.loads(pickle.dumps(result)) == result


def test_case_law_in_batches_and_every_kind_pickles() -> None:
    pytest.importorskip("eyecite")
    path = FIXTURES / "federal_brief.txt"
    (result,) = list(extract_files([path], Options(cases=True), processes=2))
    assert result.error is None
    kinds = {c.kind for c in result.citations}
    assert kinds == {"usc", "cfr", "fr", "pl", "pvtl", "stat", "const", "rule", "act", "case"}
    assert result.citations == tuple(citelink.find(path.read_text(encoding="utf-8"), cases=True))
    assert pickle.loads(pickle.dumps(result)) == result


@pytest.fixture
def odd_tree(tmp_path: Path) -> Path:
    """A folder with one readable file and every kind of entry a walk must not read."""
    (tmp_path / "a.txt").write_text("See 8 U.S.C. § 1373.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("See 42 U.S.C. § 1983.", encoding="utf-8")
    os.mkfifo(tmp_path / "fifo")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(tmp_path / "sock"))
    (tmp_path / "broken").symlink_to(tmp_path / "nowhere")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)  # a circle
    (tmp_path / "zero").symlink_to("/dev/zero")
    (tmp_path / "link.txt").symlink_to(tmp_path / "a.txt")  # a link to a file is read
    return tmp_path


needs_posix = pytest.mark.skipif(
    not hasattr(os, "mkfifo") or not os.path.exists("/dev/zero"), reason="POSIX files"
)


@needs_posix
@pytest.mark.parametrize("processes", [1, 2])
def test_a_walk_reports_what_it_does_not_read_and_never_hangs(
    odd_tree: Path, processes: int
) -> None:
    results = list(extract_files([odd_tree], processes=processes))
    seen = {Path(r.path).relative_to(odd_tree).as_posix(): r for r in results}
    assert list(seen) == [
        "a.txt",
        "broken",
        "fifo",
        "link.txt",
        "sock",
        "zero",
        "sub/b.txt",
        "sub/loop",
    ]
    errors = {name: r.error for name, r in seen.items() if r.error is not None}
    assert errors == {
        "broken": f"{odd_tree}/broken: a broken symbolic link: skipped",
        "fifo": f"{odd_tree}/fifo: a FIFO, not a regular file: skipped",
        "sock": f"{odd_tree}/sock: a socket, not a regular file: skipped",
        "zero": f"{odd_tree}/zero: a character device, not a regular file: skipped",
        "sub/loop": f"{odd_tree}/sub/loop: a symbolic link to a directory: not followed",
    }
    assert [c.normalized for c in seen["link.txt"].citations] == ["8 U.S.C. § 1373"]
    assert [c.normalized for c in seen["sub/b.txt"].citations] == ["42 U.S.C. § 1983"]


def test_a_folder_that_cannot_be_listed_is_reported(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.scandir
    locked = str(corpus / "c_sub")

    def scandir(path: str) -> Any:
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", path)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)  # as a folder without read permission is
    (locked_result,) = [r for r in extract_files([corpus], processes=1) if r.path == locked]
    assert locked_result.error == f"{locked}: cannot be listed (Permission denied): skipped"


def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    try:
        (tmp_path / name).write_text("See 8 U.S.C. § 1373.", encoding="utf-8")
    except (UnicodeEncodeError, OSError):
        pytest.skip("this file system takes only valid names")
    (result,) = extract_files([tmp_path], processes=1)
    assert [c.normalized for c in result.citations] == ["8 U.S.C. § 1373"]
    (record,) = citation_records(result.path, result.citations, "text")
    assert record.startswith(f"{tmp_path}/caf\\xe9.txt:4-19\t")
    record.encode("utf-8")  # any standard output can carry it


@needs_posix
def test_a_fifo_named_in_a_batch_is_read_here_in_pieces(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert reads_here(Options(), str(fifo))
    assert not reads_here(Options(input_format="html"), str(fifo))  # read whole, as HTML is
    assert not reads_here(Options(), str(FIXTURES / "brief.txt"))
