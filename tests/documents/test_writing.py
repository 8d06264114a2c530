"""Writing a document whole or not at all (citelink.documents.writing)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from citelink.documents.files import InputError
from citelink.documents.writing import write_file


def test_an_atomic_write_replaces_the_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "index.gz"
    path.write_bytes(b"old")
    path.chmod(0o640)
    write_file(path, b"new")
    assert path.read_bytes() == b"new"
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["index.gz"]  # no temporary file left


def test_an_atomic_write_that_fails_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "index.gz"
    path.write_bytes(b"old")

    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(InputError, match="No space left"):
        write_file(path, b"new" * 1000)
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["index.gz"]


def test_an_atomic_write_through_a_link_writes_its_target(tmp_path: Path) -> None:
    target = tmp_path / "real.gz"
    target.write_bytes(b"old")
    link = tmp_path / "link.gz"
    link.symlink_to(target)
    write_file(link, b"new")
    assert link.is_symlink() and target.read_bytes() == b"new"


def test_a_new_file_gets_the_umasks_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        write_file(tmp_path / "new.gz", b"x")
    finally:
        os.umask(umask)
    assert (tmp_path / "new.gz").stat().st_mode & 0o777 == 0o644


def test_a_read_only_file_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(b"old")
    path.chmod(0o444)
    if os.access(path, os.W_OK):  # root may write anything
        pytest.skip("this process may write read-only files")
    with pytest.raises(InputError, match="read-only"):
        write_file(path, b"new")
    assert path.read_bytes() == b"old"


def test_a_file_with_other_hard_links_is_rewritten_in_place(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(b"old content")
    other = tmp_path / "other-name.html"
    os.link(path, other)
    write_file(path, b"new")
    assert other.read_bytes() == b"new" and path.read_bytes() == b"new"
    assert os.path.samefile(path, other)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other-name.html", "page.html"]
