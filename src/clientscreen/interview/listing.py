"""The screenings folder as a list: who was screened, when, with what verdict, and whether it was finished.

A lead looking for last week's screening should not have to open files one by one. Each answers
file is read and scored against the rulebook in force; a file that cannot be read is reported
and skipped, never a reason to list nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from clientscreen.errors import InputError, Problem
from clientscreen.i18n import _
from clientscreen.interview import answersfile
from clientscreen.rulebook.model import Rulebook
from clientscreen.scoring import assess

SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True)
class Entry:
    prospect: str
    date: str  # when the interview was held (YYYY-MM-DD HH:MM), else the file's modification time
    verdict: str | None  # take / negotiate / decline; None when an answer no longer fits the rulebook
    status: str  # draft / complete
    path: Path
    sort_key: str


def scan(folder: Path, rulebook: Rulebook) -> tuple[list[Entry], list[Problem]]:
    """Every answers file directly in ``folder``, newest first, and the problems of those that could not be read."""
    if not folder.is_dir():
        return [], [Problem(str(folder), _("no screenings folder here yet; 'clientscreen interview' creates it"))]
    entries: list[Entry] = []
    problems: list[Problem] = []
    for path in sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file()):
        try:
            loaded = answersfile.load(path)
        except InputError as exc:
            problems.append(Problem(str(path), _("skipped: {reason}", reason=exc.problems[0].message)))
            continue
        try:
            given, _warnings = answersfile.read(rulebook, loaded)
            verdict: str | None = assess(rulebook, given).verdict.value
        except InputError:
            verdict = None
        when = loaded.file.interviewed_at
        if when is None:
            when = datetime.fromtimestamp(path.stat().st_mtime).astimezone().isoformat(timespec="minutes")
        entries.append(Entry(loaded.file.prospect.name, when[:16].replace("T", " "), verdict, loaded.file.status,
                             path, _sortable(when)))
    entries.sort(key=lambda e: (e.sort_key, str(e.path)), reverse=True)
    return entries, problems


def _sortable(when: str) -> str:
    """An ISO date with or without an offset, as a string that sorts in time order (UTC where an offset is given)."""
    try:
        moment = datetime.fromisoformat(when)
    except ValueError:
        return when
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return moment.isoformat()
