"""The installed command on every hostile rulebook: ``rules check`` exits 1, commands that use a rulebook exit 3.

Either way the user reads ``path:line:col:`` and the message, one line per problem, and never a traceback.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from clientscreen.rulebook import safeyaml
from conftest import REPO, Run, run_command, run_in_process
from test_rulebook_validation import EXPECTED, RULEBOOKS, VALID, VALID_FIXTURES

PROSPECT = REPO / "examples" / "prospects" / "nordlys-webshop.yaml"

# The linter words the references between fields its own way (it knows more: which line came first,
# the threshold values); the loader's and the model's messages it passes on as they are.
LINT_MESSAGE = {
    "ask_if_later.yaml": "questions[0].ask_if.question: skip logic points forward: 'budget' is asked after 'prepay'",
    "negotiable_target.yaml": "questions[0].negotiable.target: 'prepay' has no answer 'maybe'",
    "duplicate_question_id.yaml": "questions[1].id: duplicate question id 'prepay' (first at line 14)",
    "thresholds_out_of_order.yaml": "thresholds.decline: decline must be above negotiate",
}


def assert_no_traceback(output: str) -> None:
    assert "Traceback" not in output
    assert "internal error" not in output


@pytest.fixture(scope="module")
def every_hostile_rulebook_checked(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    """One ``rules check`` of every hostile fixture: the command takes many files, and one start of it costs
    more than linting them all; each file's lines begin with its path, so each test reads its own."""
    return run_command(tmp_path_factory.mktemp("check"), "rules", "check", *(RULEBOOKS / n for n in sorted(EXPECTED)))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_rules_check_names_the_place_and_exits_1(
    every_hostile_rulebook_checked: subprocess.CompletedProcess[str], name: str,
) -> None:
    path = RULEBOOKS / name
    line, col, message = EXPECTED[name]
    done = every_hostile_rulebook_checked
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert_no_traceback(output)
    prefix = f"{path}:{line}:{col}: "
    found = [row for row in output.splitlines() if row.startswith(prefix)]
    assert found, output
    assert LINT_MESSAGE.get(name, message) in found[0]


@pytest.fixture(scope="module")
def every_valid_fixture_checked(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    """One ``rules check`` of the valid fixtures together: it exits 0 only if every one of them passes. Through the
    entry point in this process: the hostile files above are checked by the installed command."""
    files = [RULEBOOKS / n for n in sorted(VALID_FIXTURES)]
    return run_in_process(tmp_path_factory.mktemp("check"), "rules", "check", *files)


@pytest.mark.parametrize("name", sorted(VALID_FIXTURES))
def test_rules_check_passes_what_only_yaml_1_1_would_misread(
    every_valid_fixture_checked: subprocess.CompletedProcess[str], name: str,
) -> None:
    done = every_valid_fixture_checked
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{RULEBOOKS / name}: ok" in done.stdout + done.stderr


def test_rules_check_lists_every_problem_of_a_file(cli_in_process: Run) -> None:
    """In process, as the next two: the installed command checks every hostile file above and the pair below."""
    path = RULEBOOKS / "several_problems.yaml"
    done = cli_in_process("rules", "check", path)
    assert done.returncode == 1
    places = [row.split(": ")[0] for row in done.stdout.splitlines() if row.startswith(str(path))]
    assert places == [f"{path}:4:1", f"{path}:5:1", f"{path}:28:36", f"{path}:29:36"]


def test_rules_check_of_several_files_fails_if_one_does(cli: Run) -> None:
    done = cli("rules", "check", VALID, RULEBOOKS / "billion_laughs.yaml")
    assert done.returncode == 1
    assert f"{RULEBOOKS / 'billion_laughs.yaml'}:2:4: " in done.stdout
    assert f"{VALID}: ok" in done.stdout + done.stderr


def test_rules_check_refuses_a_file_over_one_mib(cli_in_process: Run, tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text(VALID.read_text() + "# padding\n" * (safeyaml.MAX_BYTES // 10 + 1))
    done = cli_in_process("rules", "check", big)
    assert done.returncode == 1
    assert f"{big}: " in done.stdout + done.stderr
    assert "is larger than 1024 KiB" in done.stdout + done.stderr
    assert_no_traceback(done.stdout + done.stderr)


def test_rules_check_refuses_a_100000_deep_rulebook_in_one_line(cli: Run, tmp_path: Path) -> None:
    """The installed command, with whichever parser PyYAML brings: far past the depth where libyaml's composer
    crashed the process, flow and block alike are the cap's one line at the first value past it."""
    flow, block = tmp_path / "flow.yaml", tmp_path / "block.yaml"
    flow.write_text("why: " + "[" * 100_000 + "]" * 100_000 + "\n")
    block.write_text("- " * 100_000 + "why: x\n")
    done = cli("rules", "check", flow, block)
    assert done.returncode == 1, done.stdout + done.stderr
    assert_no_traceback(done.stdout + done.stderr)
    message = f"nested more than {safeyaml.MAX_DEPTH} levels deep"
    assert f"{flow}:1:{6 + safeyaml.MAX_DEPTH - 1}: error: {message}" in done.stdout
    assert f"{block}:1:{2 * safeyaml.MAX_DEPTH + 1}: error: {message}" in done.stdout


def test_rules_check_refuses_bytes_that_are_not_utf8(cli_in_process: Run, tmp_path: Path) -> None:
    path = tmp_path / "cp1252.yaml"
    path.write_bytes(VALID.read_bytes().replace(b"They may never pay.", "Måske betaler de aldrig.".encode("cp1252")))
    done = cli_in_process("rules", "check", path)
    assert done.returncode == 1
    assert f"{path}:10:11: error: is not UTF-8 text (byte 0xe5); save it as UTF-8" in done.stdout
    assert_no_traceback(done.stdout + done.stderr)


# --- a command that needs the rulebook: exit 3, the loader's own lines on stderr ---------------------


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_report_with_a_hostile_rulebook_exits_3_with_one_line_errors(
    cli: Run, cli_in_process: Run, name: str,
) -> None:
    """The first file through the installed command, the others through its entry point in this process."""
    assert PROSPECT.is_file()
    path = RULEBOOKS / name
    line, col, message = EXPECTED[name]
    run = cli if name == min(EXPECTED) else cli_in_process
    done = run("report", PROSPECT, "--rules", path)
    assert done.returncode == 3, done.stdout + done.stderr
    assert done.stdout == ""
    assert_no_traceback(done.stderr)
    rows = done.stderr.splitlines()
    assert rows[0] == f"{path}:{line}:{col}: {message}"
    assert all(row.startswith(f"{path}:") for row in rows)


def test_the_rulebook_from_the_environment_is_refused_the_same_way(cli: Run) -> None:
    path = RULEBOOKS / "python_object_tag.yaml"
    line, col, message = EXPECTED["python_object_tag.yaml"]
    done = cli("report", PROSPECT, env={"CLIENTSCREEN_RULES": str(path)})
    assert done.returncode == 3
    assert done.stderr == f"{path}:{line}:{col}: {message}\n"
