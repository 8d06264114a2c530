"""The command line on hostile ground: one-line errors and warnings, never a traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
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
    warning, *summaries = err.splitlines()
    assert warning.startswith("citelink: warning: link cache ")
    assert warning.endswith("file is not a database; checking links without the cache")
    assert "citelink: 1 finding (1 warning) in 1 file" in summaries


def command_line(
    *argv: str, encoding: str = "utf-8:strict", **options: Any
) -> subprocess.CompletedProcess[bytes]:
    """The command in a process of its own, its standard output in ``encoding``."""
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    options.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(
        [sys.executable, "-m", "citelink.cli", *argv],
        stderr=subprocess.PIPE,
        env=env,
        timeout=120,
        check=False,
        **options,
    )


@pytest.mark.parametrize("command", [["extract"], ["extract", "--format", "jsonl"], ["check"]])
def test_a_file_name_that_is_not_utf8_on_a_strict_output(
    tmp_path: Path, command: list[str]
) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    try:
        (tmp_path / name).write_text("See 8 U.S.C. 1373.", encoding="utf-8")  # a style finding
    except (UnicodeEncodeError, OSError):
        pytest.skip("this file system takes only valid names")
    done = command_line(*command, str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
    assert b"caf\\xe9.txt" in done.stdout or b"caf\\\\xe9.txt" in done.stdout


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
@pytest.mark.parametrize("command", [["extract"], ["extract", "--format", "jsonl"], ["annotate"]])
def test_a_write_that_fails_is_one_line(tmp_path: Path, command: list[str]) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text(DOC, encoding="utf-8")
    with open("/dev/full", "wb") as full:
        done = command_line(*command, str(doc), stdout=full)
    assert done.returncode == 2
    assert done.stderr == b"citelink: error: writing the output: No space left on device\n"


def test_an_output_that_cannot_carry_the_text_is_one_line(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text(DOC, encoding="utf-8")
    done = command_line("extract", str(doc), encoding="ascii:strict")
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == [
        "citelink: error: the output cannot be written in ascii ('\\xa7' cannot);"
        " set PYTHONIOENCODING=utf-8"
    ]


def test_a_closed_pipe_is_a_quiet_end(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text(DOC * 20000, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "citelink.cli", "extract", str(doc)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(100)
    process.stdout.close()  # "| head -c 100"
    assert process.wait(timeout=120) == 0
    assert process.stderr.read() == b""


def _blocked_reading(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/wchan") as wchan:
            return "pipe" in wchan.read()
    except OSError:
        return False


@pytest.mark.skipif(not os.path.exists("/proc/self/wchan"), reason="needs /proc/PID/wchan")
@pytest.mark.parametrize("command", [["extract", "-"], ["extract", "--format", "jsonl", "-"]])
def test_ctrl_c_exits_130_without_a_traceback(command: list[str]) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "citelink.cli", *command],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        for _ in range(1200):  # until it waits for its input (the import is done)
            if _blocked_reading(process.pid):
                break
            time.sleep(0.05)
        else:
            pytest.skip("the process never got to reading its input")
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 130
    assert err == b"citelink: interrupted\n"
