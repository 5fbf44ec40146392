"""Input a hostile user can give the installed command: it ends with a documented exit code and one clear line.

Exit 70 means a bug in clientscreen; none of these may reach it, and none may hang or grow without bound.
"""

from __future__ import annotations

from pathlib import Path

import pexpect
import pytest
import yaml

from clientscreen.rulebook import arithmetic
from clientscreen.rulebook.model import Rulebook
from conftest import Run

DOCUMENTED = {0, 1, 2, 3, 129, 130, 143}


def rulebook(n: int, *, chained: bool) -> str:
    """``n`` yes/no questions, each (when ``chained``) asked only if the one before was answered yes."""
    lines = [
        "id: chain", 'version: "1"', "title: Chain", "thresholds: {negotiate: 4, decline: 8}",
        "categories:",
        "  - {id: money, title: Money, kind: red, source: {article: a.txt, section: Pay}, why: w., advice: a.}",
        "questions:",
    ]
    for i in range(n):
        ask_if = f', ask_if: {{question: q{i - 1}, in: ["yes"]}}' if chained and i else ""
        lines.append(f'  - {{id: q{i}, category: money, text: "Q{i}?", type: yesno{ask_if}, '
                     'answers: [{value: "yes", points: 1}, {value: "no", points: 0}]}')
    return "\n".join(lines) + "\n"


def one_clean_line(stderr: str) -> str:
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.mark.parametrize("command", [["rules", "check"], ["rules", "show"]])
def test_a_chain_of_500_follow_up_questions_is_checked_and_shown_without_recursion(
    cli: Run, tmp_path: Path, command: list[str]
) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text(rulebook(500, chained=True), encoding="utf-8")
    done = cli(*command, path, timeout=60)  # exponential before: 25 in a chain took over a minute
    assert done.returncode == 0, done.stderr
    assert "RecursionError" not in done.stderr and "internal error" not in done.stderr
    if command == ["rules", "check"]:
        assert "500 questions; scores from 0 to 500" in done.stdout + done.stderr
    else:
        assert "q499" in done.stdout or "Q499?" in done.stdout


@pytest.mark.parametrize("chained", [False, True])
def test_the_lint_arithmetic_grows_linearly_with_the_questions(monkeypatch: pytest.MonkeyPatch, chained: bool) -> None:
    """Counted, not timed: 5,000 flat questions took 250 s when every question re-added all the others."""
    calls = 0
    sumset = arithmetic.Arithmetic._sumset

    def counted(self: arithmetic.Arithmetic, x: int, y: int) -> int:
        nonlocal calls
        calls += 1
        return sumset(self, x, y)

    monkeypatch.setattr(arithmetic.Arithmetic, "_sumset", counted)
    work = []
    for n in (200, 400):
        calls = 0
        book = Rulebook.model_validate(yaml.safe_load(rulebook(n, chained=chained)))
        checked = arithmetic.Arithmetic(book)
        assert list(checked.bands()) == [] and checked.score_range() == (0, n)
        list(checked.idle_questions())
        work.append(calls)
    assert work[1] < 2.5 * work[0], work


@pytest.mark.pty
def test_closing_the_terminal_sighup_twice_exits_129_every_time_and_leaves_no_lock(tmp_path: Path) -> None:
    """The kernel and the shell each send SIGHUP; the second lands while the first unwinds.

    Many rounds with the pair at varied moments (at a prompt, while an answer is saved), for a few seconds.
    """
    import os
    import random
    import signal
    import time

    from test_cli_interview import RULES, spawn

    rounds = random.Random(14)
    deadline = time.monotonic() + 6
    tried = 0
    while tried < 3 or time.monotonic() < deadline:
        folder = tmp_path / str(tried)
        folder.mkdir()
        child = spawn(folder, "--rules", RULES, "--prospect", "Nordlys")
        child.expect_exact("1/8")
        if rounds.random() < 0.5:
            child.sendline("y")  # the pair lands while the answer is being saved, or at the next prompt
        time.sleep(rounds.random() * 0.03)
        os.kill(child.pid, signal.SIGHUP)
        time.sleep(rounds.choice([0, 0, 0.0005, 0.002]))
        os.kill(child.pid, signal.SIGHUP)
        child.expect(pexpect.EOF)
        child.close()
        output = child.before or ""
        assert child.exitstatus == 129, (tried, child.exitstatus, child.signalstatus, output)
        assert "internal error" not in output and "Traceback" not in output, output
        assert not list(folder.glob("screenings/.*.lock")), tried
        assert len(list(folder.glob("screenings/*.yaml"))) == 1, tried
        tried += 1
