"""Writing files so that a crash, a full disk or Ctrl-C never leaves half of one behind.

Click's ``atomic=True`` replaces the target even when the write failed and creates
files 0644; answers are client data, so we write to a temporary file in the same
folder, fsync it, and only then ``os.replace`` it over the target.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from clientscreen.errors import ClientscreenError, os_reason
from clientscreen.i18n import _


class WriteError(ClientscreenError):
    names_its_file = True
    """An output file could not be written; the previous file, if any, is untouched."""


def write_atomic(path: Path, data: bytes, *, mode: int = 0o644, new: bool = False) -> None:
    """Replace ``path`` with ``data`` in one step; with ``new``, refuse to replace an existing file."""
    with atomic_file(path, mode=mode, new=new) as fh:
        fh.write(data)


def atomic_text(
    path: Path, *, encoding: str = "utf-8", newline: str = ""
) -> contextlib.AbstractContextManager[IO[str]]:
    """Stream text into ``path``: it appears whole when the block ends, and not at all if it raises."""
    return atomic_file(path, text=True, encoding=encoding, newline=newline)


@contextlib.contextmanager
def atomic_file(
    path: Path, *, mode: int = 0o644, new: bool = False, text: bool = False, encoding: str = "utf-8", newline: str = ""
) -> Iterator[IO[Any]]:
    """A temporary file beside ``path`` that takes its place, fsynced, only if the block succeeds."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        message = _("cannot write here: {reason}", reason=os_reason(exc))
        raise WriteError(f"{path}: {message}") from None
    try:
        handle: IO[Any] = os.fdopen(fd, "w", encoding=encoding, newline=newline) if text else os.fdopen(fd, "wb")
        with handle as fh:
            os.fchmod(fh.fileno(), mode)
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if new:
            try:
                os.link(tmp, path)  # fails if the target exists, unlike rename
            except FileExistsError:
                message = _("already exists; choose another name")
                raise WriteError(f"{path}: {message}") from None
            os.unlink(tmp)
        else:
            os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            message = _("cannot write: {reason}", reason=os_reason(exc))
            raise WriteError(f"{path}: {message}") from None
        raise
    _fsync_folder(folder)


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
