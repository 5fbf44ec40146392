"""Rulebooks checked before, kept so the next run reads them without checking them again.

Checking a rulebook means importing Pydantic and building its validator: more than the rest of a report's
start-up. A rulebook changes far less often than it is read, so each one checked is stored under a key made
of its text and of the code that checked it (the schema and the loader), and read back as the same records.
Edit the rulebook, or install another clientscreen, and the key changes: the cache never answers for a text
or a checker it has not seen. It is an optimisation only: any fault in it (no folder, a full disk, a damaged
or foreign file) is a miss, and the rulebook is checked as if there were no cache.

Entries are JSON, never pickles: a record is an object whose key ``""`` names its class (no key of the
rulebook's own can be empty). A cache file is read as data, so a planted one cannot run code, and one not
owned by this user, or writable by others, is not read at all. ``CLIENTSCREEN_CACHE_DIR`` moves the cache;
``CLIENTSCREEN_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import hashlib
import json as _json
import os
import re
import stat
import sys
from functools import cache
from pathlib import Path
from typing import Any

from clientscreen import __version__
from clientscreen.frozen import Frozen
from clientscreen.rulebook import model

KEEP = 64  # entries: a team's few rulebooks and their recent edits
_ENTRY = re.compile(r"[0-9a-f]{64}\.json")  # an entry's name: its key
_FORMAT = b"clientscreen-rulebook-cache-1"
#: The modules that decide what a rulebook file means and how it becomes records: a change to any is a new key.
_CHECKERS = ("model.py", "schema.py", "crosscheck.py", "safeyaml.py", "compose.py", "validation.py")
_RECORDS = {kind.__name__: kind for kind in vars(model).values()
            if isinstance(kind, type) and issubclass(kind, Frozen) and kind is not Frozen}


def folder() -> Path | None:
    """Where the entries are kept, or None when the cache is off."""
    if os.environ.get("CLIENTSCREEN_NO_CACHE", "") not in ("", "0"):
        return None
    given = os.environ.get("CLIENTSCREEN_CACHE_DIR")
    if given:
        return Path(given)
    import platformdirs

    return Path(platformdirs.user_cache_dir("clientscreen", appauthor=False)) / "rulebooks"


def get(text: str, *, json: bool) -> model.Rulebook | None:
    """The rulebook ``text`` was checked to before, or None (never checked, or the cache cannot say)."""
    where = folder()
    if where is None:
        return None
    try:
        with open(where / _name(text, json), "rb") as f:
            info = os.fstat(f.fileno())
            if not _ours(info):
                return None
            book = _json.loads(f.read(), object_hook=_decode)
    except (OSError, ValueError, TypeError, KeyError, RecursionError):
        return None
    return book if isinstance(book, model.Rulebook) else None


def put(text: str, book: model.Rulebook, *, json: bool) -> None:
    """Keep ``book`` as what ``text`` was checked to; a cache that cannot be written is left as it is."""
    where = folder()
    if where is None:
        return
    from clientscreen.atomic import write_atomic

    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        data = _json.dumps(book.to_data(named=True), separators=(",", ":")).encode("ascii")
        write_atomic(where / _name(text, json), data, mode=0o600)
        _prune(where)
    except OSError:
        pass


def _name(text: str, json: bool) -> str:
    key = hashlib.sha256(_checkers())
    key.update(b"json" if json else b"yaml")
    key.update(text.encode("utf-8", "surrogatepass"))
    return key.hexdigest() + ".json"


@cache
def _checkers() -> bytes:
    """What the key owes to the code: this version of clientscreen and Python, and the checking modules' text."""
    key = hashlib.sha256(_FORMAT)
    key.update(f"{__version__} {sys.version}".encode())
    here = Path(__file__).parent
    for name in _CHECKERS:
        key.update((here / name).read_bytes())
    return key.digest()


def _ours(info: os.stat_result) -> bool:
    """A regular file of this user's that no one else may write: anything else is not the cache's to trust."""
    owner = not hasattr(os, "geteuid") or info.st_uid == os.geteuid()
    return stat.S_ISREG(info.st_mode) and owner and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _decode(found: dict[str, Any]) -> Any:
    """One JSON object, its own objects already decoded: a record if it names one, else a mapping."""
    name = found.pop("", None)
    if name is None:
        return found
    record = _RECORDS[name]
    if found.keys() != set(record._fields):
        raise KeyError(name)
    return record.of(found)


def _prune(where: Path) -> None:
    """Only the ``KEEP`` newest entries stay: each edit of a rulebook leaves the old text's entry behind.

    Only entries: ``CLIENTSCREEN_CACHE_DIR`` may name a folder that holds the user's own JSON files.
    """
    entries = [(p.stat().st_mtime_ns, p) for p in where.glob("*.json") if _ENTRY.fullmatch(p.name)]
    for _, old in sorted(entries)[:-KEEP]:
        old.unlink(missing_ok=True)
