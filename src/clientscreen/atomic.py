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
from typing import IO

from clientscreen.errors import ClientscreenError


class WriteError(ClientscreenError):
    """An output file could not be written; the previous file, if any, is untouched."""


def write_atomic(path: Path, data: bytes, *, mode: int = 0o644, new: bool = False) -> None:
    """Replace ``path`` with ``data`` in one step; with ``new``, refuse to replace an existing file."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise WriteError(f"{path}: cannot write here: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            os.fchmod(fh.fileno(), mode)
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if new:
            try:
                os.link(tmp, path)  # fails if the target exists, unlike rename
            except FileExistsError:
                raise WriteError(f"{path}: already exists; choose another name") from None
            os.unlink(tmp)
        else:
            os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise WriteError(f"{path}: cannot write: {exc.strerror or exc}") from None
        raise
    _fsync_folder(folder)


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def atomic_text(path: Path, *, encoding: str = "utf-8", newline: str = "") -> Iterator[IO[str]]:
    """Stream text into ``path``: it appears whole when the block ends, and not at all if it raises."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise WriteError(f"{path}: cannot write here: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as fh:
            os.fchmod(fh.fileno(), 0o644)
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise WriteError(f"{path}: cannot write: {exc.strerror or exc}") from None
        raise
    _fsync_folder(folder)
