"""Shared helpers: run the installed ``clientscreen`` command the way a user does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent

Run = Callable[..., subprocess.CompletedProcess[str]]


def installed_command() -> str:
    """The script pip installed beside this interpreter (a venv need not be activated), else PATH's."""
    beside = Path(sys.executable).parent / "clientscreen"
    path = str(beside) if beside.is_file() else shutil.which("clientscreen")
    if path is None:
        pytest.fail("the clientscreen command is not installed: pip install '.[test]' first")
    return path


def plain_environment() -> dict[str, str]:
    """This process's environment with no clientscreen settings and an English locale, whatever the machine's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLIENTSCREEN_") and k not in LOCALE}
    env["LANG"] = "C.UTF-8"
    return env


LOCALE = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


@pytest.fixture
def cli(tmp_path: Path) -> Run:
    """Run ``clientscreen`` with arguments, from a scratch folder, with no terminal and no colour."""

    def run(
        *args: str | Path,
        env: dict[str, str] | None = None,
        cwd: Path | None = None,
        input: str | None = None,
        timeout: float = 60,
    ) -> subprocess.CompletedProcess[str]:
        full_env = plain_environment()
        full_env.update({"NO_COLOR": "1", "COLUMNS": "100", "TERM": "dumb"})
        full_env.update(env or {})
        return subprocess.run(
            [installed_command(), *map(str, args)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=full_env,
            cwd=cwd or tmp_path,
            input=input,
            timeout=timeout,
            check=False,
        )

    return run


YAML_READERS = ["libyaml", "python"]


@pytest.fixture(params=YAML_READERS)
def yaml_reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each YAML test once with libyaml's parser and once with PyYAML's own, which stands in where libyaml is
    missing: both must read every file alike and refuse every hazard alike."""
    from clientscreen.rulebook import safeyaml

    if request.param == "python":
        monkeypatch.setattr(safeyaml, "_CParser", None)
    elif safeyaml._CParser is None:
        pytest.skip("PyYAML was built without libyaml")
    return str(request.param)
