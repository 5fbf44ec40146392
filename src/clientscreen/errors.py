"""One exception hierarchy and one table of exit codes for every command.

Each error knows its exit code and renders as one line a user can act on, so the
CLI has a single place that prints and exits (see ``cli.run``).
"""

from __future__ import annotations

import errno
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum

from clientscreen.i18n import _
from clientscreen.textsafe import single_line


def disregard(*signums: int) -> None:
    """From now on, ignore these signals, so the cleanup the first one started finishes.

    Closing a terminal sends SIGHUP twice, from the kernel and from the shell. Switching to
    ``SIG_IGN`` while one can still land has a window: Python's C handler notes the signal, the
    switch happens, and the next check finds no Python handler and prints a traceback ("Signal 1
    ignored due to race condition") over the user's terminal. Held back during the switch, a late
    signal either runs the old handler first or is discarded by ``SIG_IGN``, as POSIX says. The
    kernel's ``SIG_IGN``, not a Python handler that does nothing, because Python puts the default
    (death) back while it shuts down.
    """
    import signal

    held = signal.pthread_sigmask(signal.SIG_BLOCK, signums)
    try:
        for signum in signums:
            signal.signal(signum, signal.SIG_IGN)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


class ExitCode(IntEnum):
    """Exit codes shared by every command; listed in ``--help`` and the README."""

    OK = 0
    PROBLEMS = 1  # the command ran and found problems (invalid rows, failed checks)
    USAGE = 2  # wrong options or arguments, or no terminal for the interview
    BAD_INPUT = 3  # an input file (rulebook, answers, CSV) cannot be used
    HANGUP = 129  # the terminal was closed (SIGHUP)
    INTERRUPTED = 130  # Ctrl-C or Ctrl-D
    TERMINATED = 143  # SIGTERM


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, pinned to where a user can find it."""

    path: str
    message: str
    line: int | None = None
    col: int | None = None
    where: str | None = None
    severity: str = "error"

    def __post_init__(self) -> None:
        """File names, keys and values in a problem come from outside: no escape sequence reaches the terminal,
        and no newline in a key splits one problem into two lines."""
        object.__setattr__(self, "path", single_line(self.path))
        object.__setattr__(self, "message", single_line(self.message))
        if self.where is not None:
            object.__setattr__(self, "where", single_line(self.where))

    def __str__(self) -> str:
        place = self.path
        if self.line is not None:
            place += f":{self.line}"
            if self.col is not None:
                place += f":{self.col}"
        text = f"{self.where}: {self.message}" if self.where else self.message
        if self.severity == "warning":
            text = _("warning: {message}", message=text)
        return f"{place}: {text}"


class ClientscreenError(Exception):
    """Base of every error a user may meet; its text is the whole message."""

    exit_code: ExitCode = ExitCode.BAD_INPUT
    names_its_file = False  # the message starts with the file it is about, as compilers' do


class InputError(ClientscreenError):
    """An input file cannot be used; carries every problem found in it, not just the first."""

    exit_code = ExitCode.BAD_INPUT
    names_its_file = True

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class UsageError(ClientscreenError):
    """The command was called in a way it cannot serve (wrong option, no terminal)."""

    exit_code = ExitCode.USAGE


class Interrupted(ClientscreenError):
    """The user or the system ended a command early; the message says how to pick up again."""

    names_its_file = True  # it names the answers file, after the program's name

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = ExitCode(exit_code)


def input_error(path: str, message: str, line: int | None = None, col: int | None = None) -> InputError:
    """Shorthand for the common case of a single problem."""
    return InputError([Problem(path, message, line, col)])


def os_reason(exc: OSError) -> str:
    """Why the system refused, in the reader's language where it is one of the common reasons.

    The C library's own text (``strerror``) is English here, whatever the language of the reader.
    """
    reasons = {
        errno.ENOENT: _("No such file or directory"),
        errno.EACCES: _("Permission denied"),
        errno.EPERM: _("Operation not permitted"),
        errno.EISDIR: _("Is a directory"),
        errno.ENOTDIR: _("Not a directory"),
        errno.ENOSPC: _("No space left on device"),
        errno.EDQUOT: _("Disk quota exceeded"),
        errno.EROFS: _("Read-only file system"),
        errno.EEXIST: _("File exists"),
        errno.ENAMETOOLONG: _("File name too long"),
        errno.EIO: _("Input/output error"),
    }
    return reasons.get(exc.errno or -1) or exc.strerror or str(exc)
