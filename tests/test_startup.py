"""What a command loads before it answers, pinned so start-up cost cannot creep back unnoticed.

Timing is for ``benchmarks/startup`` (ratios on a quiet machine); these tests only pin what must stay
out of a run: Typer's Pydantic coercion (``cli/coercion.py`` does texts and file names itself), the
report formats not asked for, the commands a run does not name (``app.only_the_named_command``), and
Pydantic, which a cached rulebook and a plainly valid answers file never need (``interview.answersschema``).
Also that the options coerced without Typer's adapters are refused in Typer's own words, and that
those still given to Typer (numbers) are too.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, Run, plain_environment

EXAMPLE = REPO / "examples" / "prospects" / "kontor-gruppen.yaml"


def run_in_process(args: list[str], cwd: Path) -> tuple[set[str], str, int]:
    """The modules loaded by one run of the command line with ``args`` (in-process, in a fresh interpreter), what
    it wrote on stderr and its exit code."""
    script = (
        "import sys\n"
        f"sys.argv = ['clientscreen', *{args!r}]\n"
        "from clientscreen.__main__ import main\n"
        "code = 0\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code or 0\n"
        "print(code, ' '.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False, cwd=cwd,
                          env={**plain_environment(), "NO_COLOR": "1"})
    said, _, last = done.stderr.rstrip("\n").rpartition("\n")
    code, *modules = last.split()
    return set(modules), said, int(code)


def modules_after(args: list[str], cwd: Path) -> set[str]:
    """The modules loaded by one run of the command line with ``args``."""
    return run_in_process(args, cwd)[0]


OTHER_FORMATS = {"clientscreen.report.html", "clientscreen.report.markdown", "clientscreen.report.full",
                 "clientscreen.report.terms"}


def test_a_json_report_loads_neither_rich_nor_typers_pydantic_coercion(tmp_path: Path) -> None:
    loaded = modules_after(["report", str(EXAMPLE), "-f", "json", "--no-ledger"], tmp_path)
    assert "clientscreen.report.content" in loaded  # the report was made
    assert "typer._adapters" not in loaded
    assert not {m for m in loaded if m == "rich" or m.startswith("rich.")}
    assert not loaded & (OTHER_FORMATS | {"clientscreen.report.brief", "clientscreen.cli.pager"})


def test_the_brief_loads_no_other_format(tmp_path: Path) -> None:
    loaded = modules_after(["report", str(EXAMPLE), "--no-ledger"], tmp_path)
    assert "clientscreen.report.brief" in loaded
    assert "typer._adapters" not in loaded
    assert not loaded & OTHER_FORMATS


def test_a_folder_for_a_file_option_is_refused_in_typers_words(cli: Run, tmp_path: Path) -> None:
    done = cli("report", EXAMPLE, "-o", tmp_path, "--no-ledger")
    assert done.returncode == 2
    assert f"Invalid value for '-o' / '--output': file '{tmp_path}' is a directory." in done.stderr
    assert not done.stdout


def test_a_file_argument_and_a_text_option_reach_the_command(cli: Run, tmp_path: Path) -> None:
    done = cli("report", EXAMPLE, "-f", "MarkDown", "-o", "brief.md", "--no-ledger", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "brief.md").read_text(encoding="utf-8").startswith("# ")


def test_a_number_option_still_goes_through_typer(cli: Run) -> None:
    done = cli("score", "--jobs", "x", EXAMPLE)
    assert done.returncode == 2
    assert "Invalid value for '--jobs' / '-j': Input should be a valid integer" in done.stderr


def commands_built(argv: list[str], env: dict[str, str] | None = None) -> list[str]:
    """The commands Typer builds for a run with ``argv``: what ``app.run`` keeps before it hands over to Typer.

    In this process, with the environment a run of the command gets: the app is process-wide, so its full
    lists are put back afterwards, as ``run`` puts them back (a fresh interpreter per call cost each one
    Typer's and the commands' imports, to learn the same thing).
    """
    import typer

    from clientscreen.cli import app
    from clientscreen.cli.app import only_the_named_command

    every = (app.registered_commands, app.registered_groups)
    saved = dict(os.environ)
    try:
        os.environ.clear()
        os.environ.update({**plain_environment(), **(env or {})})
        only_the_named_command(argv)
        return list(typer.main.get_command(app).commands)
    finally:
        app.registered_commands, app.registered_groups = every
        os.environ.clear()
        os.environ.update(saved)


def test_a_run_builds_only_the_command_it_names() -> None:
    everything = commands_built([])
    assert {"report", "interview", "score", "rules", "ledger"} <= set(everything)
    assert commands_built(["report", "x.yaml", "-f", "json"]) == ["report"]
    assert commands_built(["--debug", "--lang", "da", "rules", "check"]) == ["rules"]
    assert commands_built(["--lang=he", "ledger", "export"]) == ["ledger"]


@pytest.mark.parametrize("argv", [[], ["--help"], ["repot"], ["--lang", "report", "x.yaml"], ["-V", "report"]])
def test_help_a_mistyped_name_and_anything_unusual_keep_every_command(argv: list[str]) -> None:
    assert commands_built(argv) == commands_built([])


def test_shell_completion_keeps_every_command() -> None:
    assert commands_built(["report"], {"_CLIENTSCREEN_COMPLETE": "complete_bash"}) == commands_built([])


def test_a_mistyped_command_is_still_answered_with_the_close_one(cli: Run) -> None:
    done = cli("repot", EXAMPLE)
    assert done.returncode == 2
    assert "No such command 'repot'. Did you mean 'report'?" in done.stderr


SCHEMA = "clientscreen.interview.answersschema"


def pydantic_in(modules: set[str]) -> set[str]:
    return {m for m in modules if m.startswith("pydantic")}


@pytest.mark.parametrize("fmt", [[], ["-f", "json"]], ids=["brief", "json"])
def test_a_plainly_valid_answers_file_is_read_without_pydantic(tmp_path: Path, fmt: list[str]) -> None:
    args = ["report", str(EXAMPLE), "--no-ledger", *fmt]
    first = modules_after(args, tmp_path)  # the first run may check the rulebook and cache it
    assert SCHEMA not in first
    loaded, said, code = run_in_process(args, tmp_path)
    assert code == 0, said
    assert "clientscreen.report.content" in loaded  # the report was made
    assert SCHEMA not in loaded
    assert not pydantic_in(loaded)  # the rulebook cached, the answers plainly valid: no Pydantic at all


def test_an_answers_file_the_plain_check_leaves_is_refused_by_the_schema_as_before(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("prospect:\n  name: Nordlys ApS\n  nmae: Nordlys\nanswers:\n  trust: .inf\n", encoding="utf-8")
    loaded, said, code = run_in_process(["report", str(bad), "--no-ledger"], tmp_path)
    assert SCHEMA in loaded and pydantic_in(loaded)
    assert code == 3
    assert said.splitlines() == [f"{bad}:3:3: prospect.nmae: unknown field 'nmae'",
                                 f"{bad}:5:3: answers.trust: Input should be a finite number"]


def test_a_new_interview_never_needs_the_schema(tmp_path: Path) -> None:
    """From start to the first question and its file written: no schema (so none before the first prompt)."""
    import pexpect

    modules_after(["template"], tmp_path)  # the bundled rulebook checked and cached, as on a user's second run
    out, seen = tmp_path / "nordlys.yaml", tmp_path / "modules.txt"
    script = (
        "import sys\n"
        f"sys.argv = ['clientscreen', 'interview', '--out', {str(out)!r}]\n"
        "from clientscreen.__main__ import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"open({str(seen)!r}, 'w').write(' '.join(sorted(sys.modules)))\n"
    )
    env = {**plain_environment(), "NO_COLOR": "1", "TERM": "xterm", "GIT_CONFIG_GLOBAL": str(tmp_path / "none"),
           "GIT_CONFIG_NOSYSTEM": "1"}
    child = pexpect.spawn(sys.executable, ["-c", script], cwd=str(tmp_path), env=env, encoding="utf-8", timeout=30,
                          dimensions=(50, 250))
    for prompt, line in [("Prospect name:", "Nordlys ApS"), ("Company (optional):", "Nordlys"),
                         ("Contact (optional):", ""), ("Your name (the interviewer):", "Mette")]:
        child.expect_exact(prompt)
        child.sendline(line)
    child.expect_exact("? why")  # the first question's keys, under it
    child.expect_exact("> ")  # reading: Ctrl-D before readline waits would be lost
    child.sendeof()
    child.expect(pexpect.EOF)
    child.close()
    loaded = set(seen.read_text(encoding="utf-8").split())
    assert "clientscreen.interview.drafts" in loaded and out.exists()
    assert SCHEMA not in loaded
    assert not pydantic_in(loaded)
    assert "prospect:\n  name: Nordlys ApS\n  company: Nordlys\ninterviewer: Mette\n" in out.read_text(encoding="utf-8")
