"""`clientscreen calibrate` through the installed command, on ledgers of simulated agency histories."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from clientscreen.ledger import simulate, store
from clientscreen.rulebook.model import default_path, load_rulebook
from conftest import Run

TELLING = {"goals": 1.5, "prepayment": 1.5, "decision_maker": 1.5}


def simulated(path: Path, clients: int, *, outcome: float = 1.5, seed: int = 3) -> Path:
    book = load_rulebook(None)
    history = list(simulate.history(book, simulate.TrueModel(signal=TELLING, outcome=outcome), clients, seed))
    with store.connect(path) as ledger:
        ledger.record_many(rec for rec, _o in history)
        ledger.set_outcomes((rec.client_slug, o) for rec, o in history if o is not None)
    return path


@pytest.fixture(scope="module")
def signal_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return simulated(tmp_path_factory.mktemp("signal") / "clientscreen.db", 1000)


def test_suggested_weights_become_the_next_rulebook_version_with_the_verdicts_they_flip(
    cli: Run, cli_in_process: Run, tmp_path: Path, signal_ledger: Path
) -> None:
    before = default_path().read_bytes()
    done = cli("calibrate", "--ledger", signal_ledger, "-o", "mine.yaml")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    now = load_rulebook(default_path()).version  # the bundled rulebook's, whatever it is today
    major, minor = now.split(".")
    then = f"{major}.{int(minor) + 1}"
    assert f"1,000 clients screened by default {now}" in out
    assert "█" in out
    suggestions = [line for line in out.splitlines() if "suggest" in line]
    assert suggestions and all(line.split()[0] in TELLING for line in suggestions)
    assert any(line.startswith("decision_maker = rivals (+8)") and "suggest +8 → +" in line for line in suggestions)
    assert f"Written: mine.yaml, version {then}" in out
    assert "rules diff:" in out and f"-> mine.yaml (default {then})" in out

    written = tmp_path / "mine.yaml"
    book = load_rulebook(written)
    assert book.version == then
    rivals = next(a for a in book.question_by_id["decision_maker"].answers if a.value == "rivals")
    assert rivals.points > 8
    unchanged = next(a for a in book.question_by_id["free_extras"].answers if a.value == "yes")
    assert unchanged.points == 5
    assert default_path().read_bytes() == before  # the input is never touched
    checked = cli_in_process("rules", "check", written)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert stat.S_IMODE(written.stat().st_mode) & 0o022 == 0


def test_json_has_every_flag_and_verdict_with_its_interval(cli_in_process: Run, signal_ledger: Path) -> None:
    done = cli_in_process("calibrate", "--ledger", signal_ledger, "--format", "json", "--min-sample", "50")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["clients"] == 1000 and data["min_sample"] == 50
    for row in data["flags"] + data["verdicts"]:
        assert row["low"] <= row["rate"] <= row["high"]
        assert row["enough"] == (row["n"] >= 50)
    assert all(f["suggested"] is None for f in data["flags"] if not f["enough"])
    assert {v["verdict"] for v in data["verdicts"]} <= {"take", "negotiate", "decline"}


def test_on_noise_nothing_is_suggested_and_no_rulebook_written(cli: Run, tmp_path: Path) -> None:
    ledger = simulated(tmp_path / "noise.db", 1000, outcome=0.0)
    done = cli("calibrate", "--ledger", ledger, "-o", "mine.yaml")
    assert done.returncode == 0, done.stderr
    assert "No weight change is suggested" in done.stdout
    assert "mine.yaml was not written" in done.stderr
    assert not (tmp_path / "mine.yaml").exists()


def test_a_small_ledger_says_there_are_not_enough_clients(cli_in_process: Run, tmp_path: Path) -> None:
    ledger = simulated(tmp_path / "small.db", 12)
    done = cli_in_process("calibrate", "--ledger", ledger)
    assert done.returncode == 0, done.stderr
    assert "not enough clients to say (fewer than 10)" in done.stdout


def test_the_new_rulebook_is_never_written_over_an_input(
    cli: Run, cli_in_process: Run, tmp_path: Path, signal_ledger: Path,
) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_bytes(default_path().read_bytes())
    done = cli("calibrate", "--ledger", signal_ledger, "--rules", rules, "-o", rules)
    assert done.returncode == 2
    assert done.stderr.strip() == (f"clientscreen: -o {rules}: that is one of the inputs ({rules}); clientscreen "
                                   "never overwrites its input")
    assert rules.read_bytes() == default_path().read_bytes()
    assert cli_in_process("calibrate", "--ledger", signal_ledger, "-o", signal_ledger).returncode == 2
