"""Writing a document: all of it or none of it.

A document is written to a temporary file beside it and renamed over the old
one only when every byte is on disk, so a full disk, a size limit, a kill or a
reader in the middle never sees half a document. The old file's mode (and,
where the process may, its owner) carry over; a symbolic link is written
through to its target; a file with other hard links is rewritten in place once
the new content has been written out in full, so that every name still shows it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile

from citelink.documents.files import InputError


def write_file(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace the file at ``path`` with ``data`` atomically (an :class:`InputError`
    with a one-line message if it cannot be written)."""
    name = os.fspath(path)
    target = os.path.realpath(name)
    try:
        status: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise InputError(f"{name}: {error.strerror or error}") from None
    if status is not None and not os.access(target, os.W_OK):
        raise InputError(f"{name}: the file is read-only; nothing was written")
    directory = os.path.dirname(target) or "."
    try:
        handle, temporary = tempfile.mkstemp(prefix=".citelink-", dir=directory)
    except OSError as error:
        raise InputError(f"{name}: cannot write here: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if status is not None and status.st_nlink > 1:
            _rewrite_in_place(target, temporary)
            return
        if status is not None:
            os.chmod(temporary, status.st_mode & 0o7777)
            with contextlib.suppress(OSError):  # only a privileged process may give a file away
                os.chown(temporary, status.st_uid, status.st_gid)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except OSError as error:
        raise InputError(f"{name}: not written: {error.strerror or error}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _rewrite_in_place(target: str, temporary: str) -> None:
    """Copy the complete new content over a file that other hard links share."""
    with open(temporary, "rb") as new, open(target, "r+b") as old:
        while chunk := new.read(1 << 20):
            old.write(chunk)
        old.truncate()
        old.flush()
        os.fsync(old.fileno())
