"""`clientscreen review` in a real pseudo-terminal: the review rulebook as an interview, recorded, compared."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
from pathlib import Path

import pexpect
import pytest

from conftest import REPO, Run, installed_command, plain_environment

pytestmark = pytest.mark.pty

GOOD = ["on_time", "0", "n", "none", "0", "n", "1", "n", "1", "all", "1", "n", "measurable", "pays_well", "n", "5",
        "a good start"]
SLIPPING = ["later_each_time", "20", "y", "steady", "1", "n", "5", "n", "2", "all", "2", "n", "measurable",
            "pays_well", "n", "5", ""]


def run_review(
    tmp_path: Path, client: str, answers: list[str], *args: str, finish: str = "or f to finish.",
    our_side: list[str] | None = None,
) -> str:
    env = {k: v for k, v in plain_environment().items() if k not in ("NO_COLOR", "COLUMNS")}
    env.update({"TERM": "xterm-256color", "NO_COLOR": "1"})
    child = pexpect.spawn(installed_command(), ["review", client, *args], cwd=str(tmp_path), env=env,
                          encoding="utf-8", timeout=20, dimensions=(50, 120))
    child.delaybeforesend = None  # each answer is typed once its prompt is seen
    for i, line in enumerate(answers, start=1):
        child.expect_exact(f"{i}/{len(answers)}")
        child.sendline(line)
    child.expect_exact(finish)
    child.sendline("f")
    if our_side is not None:
        child.expect_exact("Before letting go: was it us?")
        for i, line in enumerate(our_side, start=1):
            child.expect_exact(f"{i}/{len(our_side)}")
            child.sendline(line)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    return str(child.before)


def test_a_review_is_recorded_and_the_next_one_says_what_changed_flag_by_flag(tmp_path: Path) -> None:
    first = run_review(tmp_path, "Nordlys ApS", GOOD)
    assert "KEEP" in first and "keep below 8" in first  # the brief names the band the score is in
    assert "The first review of Nordlys ApS." in first

    second = run_review(tmp_path, "nordlys aps", SLIPPING)
    assert "RENEGOTIATE" in second
    lines = [re.sub(r"\x1b\[[0-9;]*m", "", line).strip() for line in second.replace("\r", "").splitlines()]
    since = lines.index(next(line for line in lines if line.startswith("Since the review of ")))
    assert lines[since + 1] == "verdict keep → renegotiate, score -11 → 16 (+27)"
    assert "▲ Later with every invoice: On time, every time → Later with every invoice, worse" in lines
    assert "+ Later with every invoice: new: Weeks late" in lines
    assert "+ A debt that only grows: new: yes" in lines
    assert "▲ Silent, then disappointed: Within two days → Within a week, worse" in lines
    assert lines[-1] == "Heading the wrong way."

    with sqlite3.connect(tmp_path / "clientscreen.db") as conn:
        rows = conn.execute("SELECT client_id, rulebook_id, verdict, score FROM screenings ORDER BY recorded_at")
        assert rows.fetchall() == [("nordlys-aps", "review", "take", -11), ("nordlys-aps", "review", "negotiate", 16)]
    files = sorted((tmp_path / "screenings").glob("*.yaml"))
    assert len(files) == 2


def test_the_first_review_after_the_intake_names_the_intake_verdict(tmp_path: Path) -> None:
    example = REPO / "examples" / "prospects" / "kontor-gruppen.yaml"
    done = subprocess.run([installed_command(), "report", str(example)], cwd=tmp_path, env=plain_environment(),
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0
    out = run_review(tmp_path, "Kontor Gruppen A/S", GOOD)
    assert "The screening of 2026-11-21 said negotiate (score 12)." in out


def test_review_in_danish_names_its_verdicts_in_danish(tmp_path: Path) -> None:
    out = run_review(tmp_path, "Nordlys ApS", GOOD, "--lang", "da", finish="for at afslutte.")
    assert "BEHOLD" in out and "behold under" in out  # the brief names the score's band in the rulebook's words


def test_review_without_a_terminal_is_a_usage_error_and_records_nothing(cli: Run) -> None:
    done = cli("review", "Nordlys")
    assert done.returncode == 2 and "needs a terminal" in done.stderr
    export = cli("ledger", "export", "-f", "jsonl")
    assert export.returncode == 0 and [json.loads(x) for x in export.stdout.splitlines()] == []


LET_GO = ["later_each_time", "60", "y", "growing", "4", "y", "12", "y", "5", "some", "5", "y", "none", "most_hours",
          "y", "1", ""]


@pytest.mark.parametrize(
    ("ours", "says", "provisional"),
    [
        (["y", "y", "y"], "Our own side is checked: we did our part.", 0),
        (["y", "u", "y"], "Provisional: our own side is not checked yet.", 1),
        (["y", "n", "y"], "Provisional: by our own answers part of the fault is ours.", 1),
    ],
)
def test_a_let_go_asks_about_our_own_side_first_and_stays_provisional_until_it_is_clear(
    tmp_path: Path, ours: list[str], says: str, provisional: int
) -> None:
    out = run_review(tmp_path, "Kontor Gruppen", LET_GO, our_side=ours)
    assert "LET GO" in out and says in out
    with sqlite3.connect(tmp_path / "clientscreen.db") as conn:
        assert conn.execute("SELECT verdict, provisional FROM screenings").fetchall() == [("decline", provisional)]
    saved = next((tmp_path / "screenings").glob("*.yaml")).read_text(encoding="utf-8")
    assert "our_side:" in saved and "we_delivered: 'yes'" in saved


def test_a_keep_never_asks_about_our_own_side(tmp_path: Path) -> None:
    out = run_review(tmp_path, "Nordlys ApS", GOOD)
    assert "was it us?" not in out
    assert "our_side" not in next((tmp_path / "screenings").glob("*.yaml")).read_text(encoding="utf-8")


def test_ctrl_c_keeps_the_review_draft_and_review_resume_finishes_it(tmp_path: Path) -> None:
    env = {k: v for k, v in plain_environment().items() if k not in ("NO_COLOR", "COLUMNS")}
    env.update({"TERM": "xterm-256color", "NO_COLOR": "1"})
    child = pexpect.spawn(installed_command(), ["review", "Nordlys ApS"], cwd=str(tmp_path), env=env,
                          encoding="utf-8", timeout=20, dimensions=(50, 120))
    child.delaybeforesend = None  # each answer is typed once its prompt is seen
    for i, line in enumerate(GOOD[:3], start=1):
        child.expect_exact(f"{i}/17")
        child.sendline(line)
    child.expect_exact("4/17")
    child.expect_exact("> ")  # a Ctrl-C landing just before input() waits is acted on only after the next line
    child.sendintr()
    child.expect_exact("continue with: clientscreen review --resume screenings/nordlys-aps-")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    draft = next((tmp_path / "screenings").glob("*.yaml"))
    assert not (tmp_path / "clientscreen.db").exists()  # a draft is not recorded
    child = pexpect.spawn(installed_command(), ["review", "--resume", str(draft.relative_to(tmp_path))],
                          cwd=str(tmp_path), env=env, encoding="utf-8", timeout=20, dimensions=(50, 120))
    child.delaybeforesend = None  # each answer is typed once its prompt is seen
    for i, line in enumerate(GOOD[3:], start=4):
        child.expect_exact(f"{i}/17")
        child.sendline(line)
    child.expect_exact("or f to finish.")
    child.sendline("f")
    child.expect_exact("The first review of Nordlys ApS.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    with sqlite3.connect(tmp_path / "clientscreen.db") as conn:
        rows = conn.execute("SELECT rulebook_id, verdict, score FROM screenings").fetchall()
    assert rows == [("review", "take", -11)]
