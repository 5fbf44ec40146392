"""Shared helpers: run the installed ``clientscreen`` command the way a user does."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent

Run = Callable[..., subprocess.CompletedProcess[str]]

# The rulebooks the tests check are cached in a folder of this run's, not in the user's cache; every run of the
# command inherits it (plain_environment keeps XDG_CACHE_HOME), and tests of the cache itself set their own.
_CACHE = tempfile.mkdtemp(prefix="clientscreen-test-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, True)


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


def run_command(
    cwd: Path,
    *args: str | Path,
    env: dict[str, str] | None = None,
    input: str | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    """Run the installed ``clientscreen`` from ``cwd`` with no terminal and no colour (what ``cli`` does)."""
    return subprocess.run(
        [installed_command(), *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=command_environment(env),
        cwd=cwd,
        input=input,
        timeout=timeout,
        check=False,
    )


def command_environment(env: dict[str, str] | None = None) -> dict[str, str]:
    """The environment every run of the command gets: plain, English, no terminal, no colour, 100 columns."""
    full_env = plain_environment()
    full_env.update({"NO_COLOR": "1", "COLUMNS": "100", "TERM": "dumb"})
    full_env.update(env or {})
    return full_env


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
        return run_command(cwd or tmp_path, *args, env=env, input=input, timeout=timeout)

    return run


@pytest.fixture
def cli_in_process(tmp_path: Path) -> Run:
    """What ``cli`` does, through the same entry point the installed command calls, but in this process.

    Starting the command costs a fresh interpreter its imports and the rulebook; a test that runs one
    behaviour dozens of times over (one per fixture file, one per row) keeps one real run of the installed
    command and runs the rest of its variants here. The entry point is given the same argument list, the
    same environment, folder and standard streams (no terminal), and whatever a run leaves behind in this
    process (the language, the settings read once per run, the signal handler) is put back after it.
    """

    def run(
        *args: str | Path,
        env: dict[str, str] | None = None,
        cwd: Path | None = None,
        input: str | None = None,
        timeout: float = 60,
    ) -> subprocess.CompletedProcess[str]:
        del timeout  # nothing to wait for: the run is a call
        return run_in_process(cwd or tmp_path, *args, env=env, input=input)

    return run


def run_in_process(
    cwd: Path, *args: str | Path, env: dict[str, str] | None = None, input: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """Call ``clientscreen.__main__.main`` as the installed script does, with its streams captured."""
    import contextvars
    import importlib
    import io
    import signal

    from clientscreen.__main__ import main

    cli_app = importlib.import_module("clientscreen.cli.app")  # the module; the package names its Typer "app"

    argv = ["clientscreen", *map(str, args)]

    def stream(data: bytes = b"") -> io.TextIOWrapper:
        return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", newline=None if data else "")

    stdin, stdout, stderr = stream((input or "").encode("utf-8")), stream(), stream()
    saved = (sys.argv, sys.stdin, sys.stdout, sys.stderr, dict(os.environ), Path.cwd(),
             signal.getsignal(signal.SIGTERM))
    cli_app.settings.cache_clear()
    code: int = 0
    try:
        sys.argv, sys.stdin, sys.stdout, sys.stderr = argv, stdin, stdout, stderr
        os.environ.clear()
        os.environ.update(command_environment(env))
        os.chdir(cwd)
        try:
            contextvars.copy_context().run(main)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            if isinstance(exc.code, str):
                stderr.write(exc.code + "\n")
        stdout.flush()
        stderr.flush()
    finally:
        sys.argv, sys.stdin, sys.stdout, sys.stderr = saved[:4]
        os.environ.clear()
        os.environ.update(saved[4])
        os.chdir(saved[5])
        signal.signal(signal.SIGTERM, saved[6])
        cli_app.settings.cache_clear()

    def text(captured: io.TextIOWrapper) -> str:
        raw = captured.buffer
        assert isinstance(raw, io.BytesIO)
        return raw.getvalue().decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")  # as text=True reads

    return subprocess.CompletedProcess(argv, code, text(stdout), text(stderr))


YAML_READERS = ["libyaml", "python"]


@pytest.fixture(params=YAML_READERS)
def yaml_reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each YAML test once with libyaml's parser and once with PyYAML's own, which stands in where libyaml is
    missing: both must read every file alike and refuse every hazard alike."""
    from clientscreen.rulebook import safeyaml

    monkeypatch.setenv("CLIENTSCREEN_NO_CACHE", "1")  # a rulebook read in the test is parsed, never taken as cached
    if request.param == "python":
        monkeypatch.setattr(safeyaml, "_CParser", None)
    elif safeyaml._CParser is None:
        pytest.skip("PyYAML was built without libyaml")
    return str(request.param)
