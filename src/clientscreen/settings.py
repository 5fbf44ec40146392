"""Settings a team sets once: the language, the rulebook, the screenings folder, the interviewer, the currency,
the ledger and the days between reviews of a current client.

Each value comes from the first of: a command-line option, an environment variable, a settings file,
the default. Settings files are TOML, read with the standard library: ``clientscreen.toml`` (or
``.clientscreen.toml``) in the working folder, then ``clientscreen.toml`` in the user's config folder
(as ``platformdirs`` names it for the system: ``~/.config/clientscreen`` on Linux). The working
folder's file wins key by key, so a project can change one value and keep the user's others.

A key is one line in ``KEYS``; the CLI shows every key, its value, and where it came from
(``clientscreen config``). Relative paths in a file are relative to that file, so a settings file
means the same whichever folder the command runs in. This module is pure: it reads files and the
mapping it is given, never the process's environment on its own, and prints nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Final

from clientscreen.errors import InputError, Problem
from clientscreen.i18n import _

if TYPE_CHECKING:
    import tomllib

FILE_NAMES: Final = ("clientscreen.toml", ".clientscreen.toml")  # in the working folder, in this order
USER_FILE: Final = "clientscreen.toml"  # in the user's config folder
MAX_BYTES: Final = 64 * 1024


@dataclass(frozen=True)
class Key:
    """One setting: its name in a file, its environment variable, and whether it names a path or a number of days.

    Every value is kept as text, as an option or a variable gives it; ``days`` values are checked when a
    file is read (a whole number from 1), so a bad one stops the command at its place in the file.
    """

    name: str
    env: str
    path: bool = False
    default: str | None = None
    days: bool = False


KEYS: Final = (
    Key("language", "CLIENTSCREEN_LANG"),
    Key("rules", "CLIENTSCREEN_RULES", path=True),
    Key("screenings", "CLIENTSCREEN_SCREENINGS", path=True, default="screenings"),
    Key("interviewer", "CLIENTSCREEN_INTERVIEWER"),
    Key("currency", "CLIENTSCREEN_CURRENCY"),
    Key("ledger", "CLIENTSCREEN_LEDGER", path=True, default="clientscreen.db"),
    Key("review_interval", "CLIENTSCREEN_REVIEW_INTERVAL", default="90", days=True),
)
BY_NAME: Final = {k.name: k for k in KEYS}


@dataclass(frozen=True)
class Value:
    """A setting in force and where it came from: ``option``, ``environment``, ``file`` or ``default``."""

    value: str | None
    source: str
    where: str | None = None  # the option, the variable, or ``file:line``


@dataclass(frozen=True)
class Settings:
    values: Mapping[str, Value]
    files: tuple[Path, ...] = ()  # the files read, most important first
    searched: tuple[Path, ...] = field(default=())  # every place a file was looked for

    def get(self, name: str) -> str | None:
        return self.values[name].value

    def path(self, name: str) -> Path | None:
        value = self.get(name)
        return None if value is None else Path(value)

    def days(self, name: str) -> int:
        """A number of days in force. A file's value was checked when the file was read and the default is
        one; a variable's is checked here, where it is first used."""
        value = self.values[name]
        days = _days(value.value)
        if days is None:
            from clientscreen.errors import UsageError

            raise UsageError(_("CLIENTSCREEN_REVIEW_INTERVAL={value!r} is not a number of days", value=value.value))
        return days


def candidates(cwd: Path, config_dir: Path | None) -> list[Path]:
    """Where settings files are looked for, most important first."""
    found = [cwd / name for name in FILE_NAMES]
    if config_dir is not None:
        found.append(config_dir / USER_FILE)
    return found


def user_config_dir() -> Path:
    """The user's config folder for clientscreen, as the system names it."""
    import platformdirs

    return Path(platformdirs.user_config_dir("clientscreen", appauthor=False))


def load(
    options: Mapping[str, str | None],
    environ: Mapping[str, str],
    cwd: Path,
    config_dir: Path | None,
) -> Settings:
    """The settings in force: ``options`` given on the command line, then ``environ``, then files, then defaults.

    Raises ``InputError`` (exit 3) naming ``file:line:col`` for a file that is not TOML, a key
    clientscreen does not know, or a value that is not text.
    """
    searched = candidates(cwd, config_dir)
    files = [p for p in searched if p.is_file()]
    # in the working folder only the first of clientscreen.toml and .clientscreen.toml counts
    local = [p for p in files if p.parent == cwd][:1]
    files = local + [p for p in files if p.parent != cwd]
    from_files: dict[str, Value] = {}
    for path in reversed(files):  # the most important file last, so its values win
        from_files.update(read_file(path))
    values: dict[str, Value] = {}
    for key in KEYS:
        given = options.get(key.name)
        env = environ.get(key.env)
        if given is not None:
            values[key.name] = Value(given, "option")
        elif env is not None and env.strip():
            values[key.name] = Value(env, "environment", key.env)
        elif key.name in from_files:
            values[key.name] = from_files[key.name]
        else:
            values[key.name] = Value(key.default, "default")
    return Settings(values, tuple(files), tuple(searched))


def read_file(path: Path) -> dict[str, Value]:
    """The values of one settings file, each with its ``file:line``."""
    name = str(path)
    try:
        raw = path.read_bytes()[: MAX_BYTES + 1]
    except OSError as exc:
        from clientscreen.errors import os_reason

        raise InputError([Problem(name, _("cannot read: {reason}", reason=os_reason(exc)))]) from None
    if len(raw) > MAX_BYTES:
        raise InputError([Problem(name, _("is larger than {size} KiB; this is not a settings file",
                                          size=MAX_BYTES // 1024))])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError([Problem(name, _("is not UTF-8 text (byte 0x{byte:02x}); save it as UTF-8",
                                          byte=raw[exc.start]), raw[: exc.start].count(b"\n") + 1)]) from None
    import tomllib  # only where a settings file exists: most runs have none

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError([_toml_problem(name, exc)]) from None
    lines = text.splitlines()
    found: dict[str, Value] = {}
    problems = []
    for key, value in data.items():
        line, col = _where(lines, key)
        known = BY_NAME.get(key)
        if known is None:
            problems.append(Problem(name, _("unknown setting {key!r}; the settings are {keys}",
                                            key=key, keys=", ".join(BY_NAME)), line, col))
        elif known.days:
            days = _days(value)
            if days is None:
                problems.append(Problem(name, _("{key} takes a whole number of days from 1, such as {key} = 30",
                                                key=key), line, _value_column(lines, line)))
            else:
                found[key] = Value(str(days), "file", f"{name}:{line}" if line else name)
        elif not isinstance(value, str) or not value.strip():
            problems.append(Problem(name, _("{key} takes text in quotes, such as {key} = \"{example}\"",
                                            key=key, example=_EXAMPLES.get(key, "…")), line, col))
        else:
            if known.path:
                value = str(path.parent / Path(value).expanduser())
            found[key] = Value(value, "file", f"{name}:{line}" if line else name)
    if problems:
        raise InputError(problems)
    return found


_EXAMPLES: Final = {"language": "da", "rules": "rules/agency.yaml", "screenings": "screenings",
                    "interviewer": "Mette", "currency": "DKK", "ledger": "clientscreen.db"}


def _days(value: object) -> int | None:
    """A number of days: a TOML integer, or text of digits (as the variable gives it); None if it is not one."""
    if isinstance(value, bool):  # TOML's true is no number of days, though Python's bool is an int
        return None
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        value = int(value.strip())
    return value if isinstance(value, int) and value >= 1 else None


def _value_column(lines: Sequence[str], line: int | None) -> int | None:
    """The column where the value on ``line`` starts (after ``=`` and its spaces), for an error that points at it."""
    if line is None:
        return None
    text = lines[line - 1]
    equals = text.find("=")
    if equals < 0:
        return None
    rest = text[equals + 1:]
    return equals + 2 + len(rest) - len(rest.lstrip())
_TOML_PLACE = re.compile(r"^(?P<message>.*?) \(at line (?P<line>\d+), column (?P<col>\d+)\)$")


def _toml_problem(name: str, exc: tomllib.TOMLDecodeError) -> Problem:
    """tomllib's "Invalid value (at line 3, column 11)" as ``file:3:11: not TOML: invalid value``."""
    text = str(exc)
    match = _TOML_PLACE.match(text)
    if match is None:
        return Problem(name, _("is not TOML: {error}", error=text))
    message = match["message"]
    return Problem(name, _("is not TOML: {error}", error=message[:1].lower() + message[1:]),
                   int(match["line"]), int(match["col"]))


def _where(lines: Sequence[str], key: str) -> tuple[int | None, int | None]:
    """The line and column where a top-level ``key`` is set (tomllib keeps no positions)."""
    pattern = re.compile(r"^\s*(?:" + re.escape(key) + r"|\"" + re.escape(key) + r"\"|'" + re.escape(key) + r"')\s*=")
    for number, line in enumerate(lines, start=1):
        if pattern.match(line):
            return number, len(line) - len(line.lstrip()) + 1
    return None, None
