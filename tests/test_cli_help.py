"""The command line as a shell user meets it: completion in bash, help without Python types, typos answered."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import Run, installed_command, plain_environment

COMMANDS = [[], ["report"], ["interview"], ["template"], ["compare"], ["score"], ["config"], ["list"], ["rules"],
            ["rules", "check"], ["rules", "test"], ["rules", "diff"], ["rules", "schema"], ["rules", "show"]]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "clientscreen")
def test_help_shows_no_python_types_and_ends_with_real_examples(
    cli: Run, cli_in_process: Run, command: list[str],
) -> None:
    done = (cli if command == ["report"] else cli_in_process)(*command, "--help")  # one real run of the fourteen
    assert done.returncode == 0, done.stderr
    text = done.stdout
    for python in ("<list[", "<file>", "<str>", "<path>", "<int", "<text", "{FILE", "...]...", "Path]"):
        assert python not in text, (python, text)
    assert not re.search(r"\{[A-Z]", text)
    tail = text.rstrip().split("Examples:")[-1].strip().splitlines()
    assert "Examples:" in text and 2 <= len(tail) <= 3
    for example in tail:
        assert example.strip().startswith(("clientscreen ", "cat ", "CLIENTSCREEN_")), example
        assert "clientscreen " + " ".join(command) in example or not command


def test_every_example_in_the_help_runs_its_options_past_the_parser(cli_in_process: Run) -> None:
    """An example with an option the command does not have would teach a user an error.

    The installed command's help is read by the test above; here the same entry point answers in this
    process, as only the options and the examples are compared."""
    for command in COMMANDS:
        if command in ([], ["rules"]):
            continue  # a group's examples use its commands' options
        text = cli_in_process(*command, "--help").stdout
        assert "Examples:" in text, (command, text)
        options = set(re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", text.split("Examples:")[0]))
        for example in text.split("Examples:")[-1].strip().splitlines():
            used = re.findall(r"(?<=\s)(--?[a-z][\w-]*)", example.split("clientscreen", 1)[-1])
            assert set(used) <= options | {"-"}, (command, example)


def test_a_bad_choice_is_answered_in_the_programs_words_and_the_readers_language(
    cli: Run, cli_in_process: Run,
) -> None:
    done = cli_in_process("report", "prospect.yaml", "-f", "jsn")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == ("clientscreen: --format 'jsn' is not one of rich, json, markdown, html; "
                           "did you mean 'json'?\n")
    danish = cli_in_process("score", "leads.csv", "--format", "tabel", "--lang", "da")
    assert danish.returncode == 2
    assert danish.stderr == ("clientscreen: --format 'tabel' er ikke en af csv, jsonl, table; mente du 'table'?\n")
    russian = cli("rules", "check", "-f", "xml", env={"LANG": "ru_RU.UTF-8"})  # the locale of a real process
    assert russian.stderr == "clientscreen: --format 'xml': допустимо одно из text, json, github, sarif\n"
    assert "Value error" not in done.stderr + danish.stderr + russian.stderr


# -- completion: the script each shell is given, run in bash ---------------------------------------------------


@pytest.fixture(scope="module")
def completion_script() -> str:
    """The script ``--show-completion`` prints for bash: the same for every word completed, so asked once."""
    # bash as the program's parent, where a user's shell would be ("; exit $?" keeps bash from exec'ing it)
    shown = subprocess.run(["bash", "--norc", "-c", f"'{installed_command()}' --show-completion; exit $?"],
                           capture_output=True, text=True, env=plain_environment(), check=False)
    assert "complete -o default -F _clientscreen_completion clientscreen" in shown.stdout, shown.stderr
    return shown.stdout


def complete(script: str, tmp_path: Path, *words: str, programs: Path | None = None) -> list[str]:
    """What bash offers after ``words`` (the last one being typed), through the script the command prints.

    The script calls the installed command, or with ``programs`` the ``clientscreen`` found in that folder."""
    program = (
        f"{script}\n"
        f"COMP_WORDS=({' '.join(repr(w) for w in ('clientscreen', *words))})\n"
        f"COMP_CWORD={len(words)}\n"
        "_clientscreen_completion clientscreen\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    env = {**plain_environment(), "PATH": f"{programs or Path(installed_command()).parent}:/usr/bin:/bin"}
    done = subprocess.run(["bash", "--norc", "--noprofile", "-c", program], capture_output=True, text=True,
                          cwd=tmp_path, env=env, timeout=60, check=True)
    return [line for line in done.stdout.splitlines() if line]


STAND_IN = """#!/bin/sh
# clientscreen as the completion script calls it: keeps what the script hands over, prints the answer once given
printf '%s' "$COMP_WORDS" > "$0.words"
printf '%s' "$COMP_CWORD" > "$0.cword"
printf '%s' "$_CLIENTSCREEN_COMPLETE" > "$0.switch"
if [ -f "$0.answer" ]; then cat "$0.answer"; fi
"""


def complete_in_process(script: str, tmp_path: Path, programs: Path, run: Run, *words: str) -> list[str]:
    """``complete``, with the program's part played by its entry point in this process.

    bash runs the script twice: first against a stand-in that keeps what the script hands the program (the
    words, the cursor, the switch to completion), then against the same stand-in printing what the entry
    point, given exactly that, printed. The installed command answers one case of the test below itself."""
    stand_in = programs / "clientscreen"
    stand_in.write_text(STAND_IN, encoding="utf-8")
    stand_in.chmod(0o755)
    assert complete(script, tmp_path, *words, programs=programs) == []
    parts = {"COMP_WORDS": "words", "COMP_CWORD": "cword", "_CLIENTSCREEN_COMPLETE": "switch"}
    handed = {name: Path(f"{stand_in}.{part}").read_text(encoding="utf-8") for name, part in parts.items()}
    answered = run(env=handed, cwd=tmp_path)
    assert answered.returncode == 0, answered.stderr
    Path(f"{stand_in}.answer").write_text(answered.stdout, encoding="utf-8")
    return complete(script, tmp_path, *words, programs=programs)


COMPLETIONS: list[tuple[list[str], str, list[str]]] = [  # words typed, how the offer is compared, what is offered
    (["sc"], "==", ["score"]),
    ([""], ">=", ["report", "interview", "score", "template", "rules", "config", "list"]),
    (["rules", "ch"], "==", ["check"]),
    (["score", "--ex"], "==", ["--excel"]),
    (["score", "--"], ">=", ["--keep-columns"]),
    (["report", "-f", ""], "==", ["rich", "json", "markdown", "html"]),
    (["score", "lea"], "==", ["leads-da.csv", "leads-ru.csv"]),
    (["report", "scr"], "==", ["screenings/"]),
    (["report", "screenings/k"], "==", ["screenings/kontor-gruppen.yaml"]),
    (["list", "--verdict", "d"], "==", ["decline"]),
]


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
@pytest.mark.parametrize(("words", "compare", "offered"), COMPLETIONS, ids=[" ".join(c[0]) + "_" for c in COMPLETIONS])
def test_bash_completes_commands_options_choices_and_file_names(
    completion_script: str, cli_in_process: Run, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory,
    words: list[str], compare: str, offered: list[str],
) -> None:
    (tmp_path / "leads-da.csv").write_bytes(b"\xef\xbb\xbfid;name\r\n")
    (tmp_path / "leads-ru.csv").write_bytes(b"id;name\r\n")
    (tmp_path / "screenings").mkdir()
    (tmp_path / "screenings" / "kontor-gruppen.yaml").write_text("prospect: {name: K}\n", encoding="utf-8")
    if words == ["report", "scr"]:  # one real run of the ten
        got = complete(completion_script, tmp_path, *words)
    else:
        programs = tmp_path_factory.mktemp("programs")
        got = complete_in_process(completion_script, tmp_path, programs, cli_in_process, *words)
    if compare == "==":
        assert got == offered
    else:
        assert set(got) >= set(offered)


def test_the_program_tells_bash_which_completions_are_folders(cli_in_process: Run, tmp_path: Path) -> None:
    """Called as the script calls it: a folder comes back with its slash, a file and a command without.

    The first through the installed command, the others through the same entry point in this process."""
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "nordlys.yaml").write_text("prospect: {name: N}\n", encoding="utf-8")
    env = {**plain_environment(), "_CLIENTSCREEN_COMPLETE": "complete_bash"}
    real = True

    def offered(*words: str) -> list[str]:
        nonlocal real
        line = {"COMP_WORDS": " ".join(("clientscreen", *words)), "COMP_CWORD": str(len(words))}
        if real:
            real = False
            done = subprocess.run([installed_command()], capture_output=True, text=True, cwd=tmp_path,
                                  env={**env, **line}, timeout=60, check=True)
        else:
            done = cli_in_process(env={**env, **line}, cwd=tmp_path)
            assert done.returncode == 0, done.stderr
        return done.stdout.splitlines()

    assert offered("report", "exam") == ["examples/"]
    assert offered("report", "examples/") == ["examples/nordlys.yaml"]
    assert offered("rep") == ["report"]
    (tmp_path / "examples" / "Fjord & Co (2).yaml").write_text("prospect: {name: F}\n", encoding="utf-8")
    named = "examples/Fjord & Co (2).yaml"  # the script quotes it for the line (the bash test below)
    assert offered("report", "examples/") == [named, "examples/nordlys.yaml"]
    assert offered("report", "examples/Fjord\\ \\&\\ C") == [named]  # the word as bash hands it over


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_in_bash_a_folder_completes_with_a_slash_and_no_space_a_file_with_a_space(
    completion_script: str, tmp_path: Path,
) -> None:
    """An interactive bash with the script sourced: what the user's line holds after each Tab."""
    import pexpect

    (tmp_path / "screenings").mkdir()
    (tmp_path / "screenings" / "kontor-gruppen.yaml").write_text("prospect: {name: K}\n", encoding="utf-8")
    (tmp_path / "completion.bash").write_text(completion_script, encoding="utf-8")
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "Notes 1.yaml").write_text("prospect: {name: N}\n", encoding="utf-8")
    env = {**plain_environment(), "PATH": f"{Path(installed_command()).parent}:/usr/bin:/bin", "TERM": "dumb",
           "PS1": "$ ", "INPUTRC": "/dev/null", "HOME": str(tmp_path / "home")}
    shell = pexpect.spawn("bash", ["--norc", "--noprofile", "-i"], cwd=str(tmp_path), env=env, encoding="utf-8",
                          timeout=60, dimensions=(24, 200))
    shell.delaybeforesend = None  # bash reads what is typed ahead; each Tab's answer is waited for
    try:
        # a function of the same name shows the words the line ended with; the completion still runs the program
        shell.sendline("source completion.bash; clientscreen() { printf '<%s>' \"$@\"; echo; }")
        shell.expect_exact("$ ")
        shell.send("clientscreen report scr\t")
        shell.expect_exact("screenings/")
        shell.send("k\t")
        shell.expect_exact("kontor-gruppen.yaml")
        shell.sendline("--full")
        shell.expect(r"<report>(<[^\n]*>)\r?\n")
        assert shell.match.group(1) == "<screenings/kontor-gruppen.yaml><--full>"
        (tmp_path / "screenings" / "Fjord & Co.yaml").write_text("prospect: {name: F}\n", encoding="utf-8")
        shell.send("clientscreen report screenings/F\t")
        shell.expect_exact("screenings/Fjord\\ \\&\\ Co.yaml")
        shell.sendline("")
        shell.expect(r"<report>(<[^\n]*>)\r?\n")
        assert shell.match.group(1) == "<screenings/Fjord & Co.yaml>"  # one word, not three and a background job
        shell.send("clientscreen report ~/N\t")  # a leading ~ stays bare for bash to expand
        shell.expect_exact("~/Notes\\ 1.yaml")
        shell.sendline("")
        shell.expect(r"<report>(<[^\n]*>)\r?\n")
        assert shell.match.group(1) == f"<{tmp_path}/home/Notes 1.yaml>"
    finally:
        shell.close(force=True)


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_each_shell_gets_a_script_that_calls_the_program_back(cli: Run, cli_in_process: Run, shell: str) -> None:
    """The shell is found from the process tree; Typer's switch for tests lets it be named instead."""
    run = cli if shell == "bash" else cli_in_process
    done = run("--show-completion", shell, env={"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"})
    assert done.returncode == 0, done.stderr
    assert "_CLIENTSCREEN_COMPLETE=complete_" + shell in done.stdout and "clientscreen" in done.stdout
