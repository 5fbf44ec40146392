"""Writing files so that a crash, a full disk or Ctrl-C never leaves half of one behind.

Click's ``atomic=True`` replaces the target even when the write failed and creates
files 0644; answers are client data, so we write to a temporary file in the same
folder, fsync it, and only then ``os.replace`` it over the target.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from clientscreen.errors import ClientscreenError, UsageError, os_reason
from clientscreen.i18n import _
from clientscreen.textsafe import one_line


class WriteError(ClientscreenError):
    names_its_file = True
    """An output file could not be written; the previous file, if any, is untouched."""


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether two paths name one file, by device and inode: a link or another spelling included."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def refuse_input(option: str, output: str | Path | None, inputs: Iterable[str | Path | None]) -> None:
    """Refuse to write ``output`` when it is one of a command's inputs, before anything is read or written.

    An input folder counts with every file in it, so ``-o`` cannot land on a prospect of
    ``--prospects`` or a case beside a rulebook. Standard output (None or ``-``) is never an input.
    """
    if output is None or str(output) == "-":
        return
    try:
        target = os.stat(output)
    except (OSError, ValueError):
        return  # a file that does not exist yet is nobody's input
    if not stat.S_ISREG(target.st_mode):
        return  # a device or a pipe is written into, never replaced
    for given in inputs:
        if given is None or str(given) == "-":
            continue
        if os.path.isdir(given):
            clash = next((f for f in _files_under(Path(given)) if _is(target, f)), None)
        else:
            clash = Path(given) if _is(target, Path(given)) else None
        if clash is not None:
            raise UsageError(_("{option} {output}: that is one of the inputs ({input}); clientscreen never "
                               "overwrites its input", option=option, output=one_line(str(output)),
                               input=one_line(str(clash))))


def _is(target: os.stat_result, path: Path) -> bool:
    try:
        other = os.stat(path)
    except (OSError, ValueError):
        return False
    return (other.st_dev, other.st_ino) == (target.st_dev, target.st_ino)


def _files_under(folder: Path) -> Iterator[Path]:
    for root, _dirs, files in os.walk(folder):
        for name in files:
            yield Path(root, name)


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
    """A temporary file beside ``path`` that takes its place, fsynced, only if the block succeeds.

    What is already at ``path`` decides how: a device or a pipe (``/dev/null``, ``/dev/stdout``, a
    FIFO) is written into as it is, since renaming over it would replace the device itself (root
    may); a symbolic link is followed, and the file it names is replaced, so the link stays a link.
    """
    if not new:
        try:
            existing = os.stat(path)  # follows links
        except (OSError, ValueError):
            existing = None
        if existing is not None and not stat.S_ISREG(existing.st_mode):
            with _into(path, text=text, encoding=encoding, newline=newline) as fh:
                yield fh
            return
        if os.path.islink(path):
            path = Path(os.path.realpath(path))
    folder = path.parent if str(path.parent) else Path(".")
    with _signals_held():  # a SIGTERM between creating the file and owning its cleanup would leave it behind
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
        with _signals_held():
            if new:
                try:
                    os.link(tmp, path)  # fails if the target exists, unlike rename
                except FileExistsError:
                    message = _("already exists; choose another name")
                    raise WriteError(f"{path}: {message}") from None
                finally:
                    os.unlink(tmp)
            else:
                os.replace(tmp, path)
    except BaseException as exc:
        with _signals_held(), contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            message = _("cannot write: {reason}", reason=os_reason(exc))
            raise WriteError(f"{path}: {message}") from None
        raise
    _fsync_folder(folder)


@contextlib.contextmanager
def _into(path: Path, *, text: bool, encoding: str, newline: str) -> Iterator[IO[Any]]:
    """Write straight into a device or a pipe; a full disk (``/dev/full``) is an error, never a success."""
    try:
        handle: IO[Any] = open(path, "w", encoding=encoding, newline=newline) if text else open(path, "wb")  # noqa: SIM115
        with handle as fh:
            yield fh
            fh.flush()
    except OSError as exc:
        message = _("cannot write: {reason}", reason=os_reason(exc))
        raise WriteError(f"{path}: {message}") from None


_HELD = {signal.SIGTERM, signal.SIGHUP, signal.SIGINT}


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGTERM, SIGHUP and SIGINT for a few system calls; they arrive, and unwind, right after."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
