"""Many files on several processes: order, errors that do not stop the batch, pickling."""

from __future__ import annotations

import io
import pickle
import shutil
import sys
from pathlib import Path

import pytest

import citelink
from citelink.batch import FileResult, Options, expand, extract_file, extract_files
from citelink.documents.files import input_format

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
