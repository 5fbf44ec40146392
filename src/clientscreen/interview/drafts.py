"""The answers file of an interview in progress: named, locked, saved after every answer.

An interview must never lose what was typed and never overwrite another prospect's
file, so a new file is created exclusively, every save is atomic (mode 0600, client
data), and a lock refuses a second interview on the same file. Answers the rulebook
does not know are carried along untouched: resuming never drops anything silently.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import shlex
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO

from clientscreen.atomic import WriteError
from clientscreen.errors import ClientscreenError, ExitCode, os_reason
from clientscreen.i18n import _
from clientscreen.interview import answersfile
from clientscreen.interview.answersfile import AnswersFile, Prospect, RawValue
from clientscreen.interview.engine import Interview
from clientscreen.rulebook.model import Rulebook
from clientscreen.textsafe import slug

DEFAULT_FOLDER = Path("screenings")


class AlreadyOpen(ClientscreenError):
    names_its_file = True
    exit_code = ExitCode.BAD_INPUT


@dataclass
class Screening:
    path: Path
    file: AnswersFile
    rulebook: Rulebook
    _lock: IO[str] | None = field(default=None, repr=False)

    def save(
        self, state: Interview, *, complete: bool = False, our_side: dict[str, RawValue] | None = None
    ) -> None:
        """Write every answer, those skip logic has set aside included: nothing typed is dropped."""
        update: dict[str, object] = {"answers": dict(state.answers), "set_aside": dict(state.set_aside),
                                     "status": "complete" if complete else "draft"}
        if our_side is not None:
            update["our_side"] = dict(our_side)
        self.file = self.file.replace(**update)  # the interview's own values: nothing to check again
        answersfile.save(self.path, self.file, self.rulebook)

    def close(self) -> None:
        if self._lock is not None:
            _release(self._lock)
            self._lock = None

    def interview(self, *, quick: bool = False) -> Interview:
        return Interview(self.rulebook, answers=dict(self.file.answers), set_aside=dict(self.file.set_aside),
                         quick=quick)

    def resume_command(self) -> str:
        """The command that continues this interview, in its language and with its rulebook."""
        command = "review" if self.rulebook.id == "review" else "interview"  # the bundled review's own command
        words = ["clientscreen", command, "--resume", str(self.path)]
        if self.file.lang:
            words += ["--lang", self.file.lang]
        ref = self.file.rulebook
        if ref is not None and ref.path:
            words += ["--rules", ref.path]
        return shlex.join(words)


def _lock(path: Path) -> IO[str]:
    """An advisory lock beside the file (the file itself is replaced on every save)."""
    lock_path = path.with_name(f".{path.name}.lock")
    try:
        handle = lock_path.open("a", encoding="utf-8")
    except OSError as exc:  # no such folder, a read-only one
        message = _("cannot write here: {reason}", reason=os_reason(exc))
        raise WriteError(f"{path}: {message}") from None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        message = _("another interview has this file open; finish that one first")
        raise AlreadyOpen(f"{path}: {message}") from None
    except BaseException:  # a signal before the lock was taken: leave no lock file behind
        _release(handle)
        raise
    return handle


def _release(handle: IO[str]) -> None:
    """Close the lock and remove its file, so that no stale lock outlives the interview."""
    handle.close()
    with contextlib.suppress(OSError):
        Path(handle.name).unlink()


def start(
    rulebook: Rulebook,
    prospect: Prospect,
    out: Path | None,
    now: datetime | None = None,
    *,
    interviewer: str | None = None,
    lang: str | None = None,
    rules_path: Path | None = None,
    folder: Path | None = None,
) -> Screening:
    """Create a new answers file: ``out``, or <folder>/<prospect>-<date>.yaml, never an existing one.

    The language and the rulebook file go into it, so that a resume continues as it began. ``folder``
    is the settings' screenings folder (default: screenings/).
    """
    now = now or datetime.now().astimezone()
    file = answersfile.validate(  # the plain check; the schema for what it does not accept (an overlong --interviewer)
        {
            "status": "draft",
            "prospect": prospect.to_data(),
            "interviewer": interviewer or None,
            "interviewed_at": now.isoformat(timespec="minutes"),
            "lang": lang,
        }
    ).against(rulebook, str(rules_path.resolve()) if rules_path else None)
    if out is not None:
        candidates = [out]
    else:
        folder = folder or DEFAULT_FOLDER
        _make_folder(folder)
        base = f"{slug(prospect.name)}-{now:%Y%m%d-%H%M}"
        candidates = [folder / f"{base}{'' if n == 1 else f'-{n}'}.yaml" for n in range(1, 100)]
    for path in candidates:
        if path.exists():
            continue
        lock = _lock(path)
        try:
            answersfile.save(path, file, rulebook, new=True)
            return Screening(path, file, rulebook, lock)
        except WriteError:
            _release(lock)
            if path.exists() and len(candidates) > 1:
                continue
            raise
        except BaseException:  # a signal while the file was being created
            _release(lock)
            raise
    message = _("already exists; to continue it use --resume {path}", path=candidates[0])
    raise WriteError(f"{candidates[0]}: {message}")


def resume(
    path: Path, rulebook: Rulebook, *, lang: str | None = None, rules_path: Path | None = None
) -> tuple[Screening, dict[str, str], bool]:
    """Open an existing answers file; returns it, the answers that no longer apply, and whether the rulebook moved.

    Answers that skip logic now switches off are not among them: the interview sets them aside (see
    ``Interview.settle``), and they come back if a changed answer opens their branch again.
    """
    loaded = answersfile.load(path)
    lock = _lock(path)
    try:
        file = loaded.file.against(rulebook, str(rules_path.resolve()) if rules_path else None)
        screening = Screening(path, file.replace(lang=lang or file.lang), rulebook, lock)
    except BaseException:
        _release(lock)
        raise
    ref = loaded.file.rulebook
    changed = ref is not None and ref.hash != rulebook.digest
    return screening, screening.interview().invalid(), changed


def _make_folder(folder: Path) -> None:
    """The default folder for answers files, or the reason it cannot be made (a file of that name, no right)."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # its file names carry prospects' names
        if not folder.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR))
    except OSError as exc:
        if isinstance(exc, FileExistsError):
            exc = NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR))
        message = _("cannot write here: {reason}", reason=os_reason(exc))
        raise WriteError(f"{folder}: {message}") from None


def default_interviewer(environ: Mapping[str, str] | None = None) -> str | None:
    """``$CLIENTSCREEN_INTERVIEWER``, else git's ``user.name``: a person's name, never the account's (``root``)."""
    env = os.environ if environ is None else environ
    name = env.get("CLIENTSCREEN_INTERVIEWER", "").strip()
    if name:
        return name
    try:
        done = subprocess.run(
            ["git", "config", "user.name"],  # noqa: S607 - git from PATH, as the user runs it
            capture_output=True, text=True, timeout=5, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() or None
