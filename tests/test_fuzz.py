"""Keep it so: mutated rulebooks, answers files and CSVs end in a result or in our error, never in a crash.

Derandomized, so CI sees the same inputs every run; a few seconds in all. ``tests/fuzz_long.py`` runs the
same mutations for as long as one likes.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fuzzing
from conftest import installed_command, plain_environment

FEW = settings(max_examples=30, deadline=None, derandomize=True, database=None,
               suppress_health_check=[HealthCheck.too_slow])
CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")  # a newline may separate two problems; nothing else


def mutated(base: Path, steps: list[fuzzing.Mutation], folder: str) -> Path:
    path = Path(folder) / f"fuzzed{base.suffix}"
    path.write_bytes(fuzzing.mutate(base.read_bytes(), steps))
    return path


@FEW
@given(st.sampled_from(fuzzing.RULEBOOKS), fuzzing.mutations())
def test_mutated_rulebooks_give_our_error_or_a_rulebook(base: Path, steps: list[fuzzing.Mutation]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = mutated(base, steps, folder)
        fuzzing.within_budget(lambda: fuzzing.check_rulebook(path))


@FEW
@given(st.sampled_from(fuzzing.ANSWERS), fuzzing.mutations())
def test_mutated_answers_files_give_our_error_or_a_report(base: Path, steps: list[fuzzing.Mutation]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = mutated(base, steps, folder)
        fuzzing.within_budget(lambda: fuzzing.report_answers(path, fuzzing.HERE.parent / "rules" / "default.yaml"))


@FEW
@given(st.sampled_from(fuzzing.CSVS), fuzzing.mutations(), st.sampled_from(["csv", "jsonl"]))
def test_mutated_csvs_give_our_error_or_scores(base: Path, steps: list[fuzzing.Mutation], fmt: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = mutated(base, steps, folder)
        fuzzing.within_budget(lambda: fuzzing.score_csv(path, fmt=fmt))


COMMANDS = {
    "rulebook": lambda p: ["rules", "check", p],
    "answers": lambda p: ["report", p, "-f", "json"],
    "csv": lambda p: ["score", "--rules", str(fuzzing.CSV_RULES), p, "-f", "jsonl"],
}
BASES = {"rulebook": fuzzing.RULEBOOKS[0], "answers": fuzzing.ANSWERS[0], "csv": fuzzing.CSVS[0]}


@pytest.mark.parametrize("kind", sorted(COMMANDS))
@settings(max_examples=2, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(steps=fuzzing.mutations())
def test_the_installed_command_on_mutated_files_exits_with_a_documented_code(
    kind: str, steps: list[fuzzing.Mutation]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = mutated(BASES[kind], steps, folder)
        command = [installed_command(), *COMMANDS[kind](str(path))]
        done = subprocess.run(command, capture_output=True, env=plain_environment(),
                              timeout=60, check=False, cwd=folder)
    stderr = done.stderr.decode("utf-8")
    assert done.returncode in fuzzing.DOCUMENTED - {129, 130, 143}, stderr
    assert "internal error" not in stderr and "Traceback" not in stderr, stderr
    assert not CONTROLS.search(stderr), stderr
