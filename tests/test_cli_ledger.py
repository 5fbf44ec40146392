"""`clientscreen ledger` and the recording of every completed screening, through the installed command."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import stat
import subprocess
from pathlib import Path

import pexpect
import pytest
import yaml

from conftest import REPO, Run, installed_command, plain_environment

EXAMPLES = REPO / "examples" / "prospects"
KONTOR = EXAMPLES / "kontor-gruppen.yaml"


def screenings(db: Path) -> list[tuple[str, str, str, int]]:
    with sqlite3.connect(db) as conn:
        query = "SELECT client_id, verdict, rulebook_id, score FROM screenings ORDER BY client_id"
        return conn.execute(query).fetchall()


def answers_file(folder: Path, name: str, **answers: object) -> Path:
    data = yaml.safe_load(KONTOR.read_text(encoding="utf-8"))
    data["prospect"]["name"] = name
    data["answers"].update(answers)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{len(list(folder.iterdir()))}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_report_records_the_screening_once_in_the_working_folder(cli: Run, cli_in_process: Run, tmp_path: Path) -> None:
    assert cli("report", KONTOR, "-f", "json").returncode == 0
    assert cli_in_process("report", KONTOR).returncode == 0
    assert screenings(tmp_path / "clientscreen.db") == [("kontor-gruppen-a-s", "negotiate", "default", 12)]
    assert stat.S_IMODE((tmp_path / "clientscreen.db").stat().st_mode) == 0o600


def test_the_ledger_option_the_variable_and_no_ledger(cli: Run, cli_in_process: Run, tmp_path: Path) -> None:
    assert cli("report", KONTOR, "--ledger", "a.db").returncode == 0
    evil = EXAMPLES / "evil-corp.yaml"
    assert cli_in_process("report", evil, env={"CLIENTSCREEN_LEDGER": str(tmp_path / "b.db")}).returncode == 0
    assert cli_in_process("report", KONTOR, "--no-ledger").returncode == 0
    assert [r[0] for r in screenings(tmp_path / "a.db")] == ["kontor-gruppen-a-s"]
    assert [r[0] for r in screenings(tmp_path / "b.db")] == ["evil-corp"]
    assert not (tmp_path / "clientscreen.db").exists()


def test_a_draft_is_not_a_screening_yet(cli_in_process: Run, tmp_path: Path) -> None:
    draft = answers_file(tmp_path / "in", "Draft ApS")
    draft.write_text(draft.read_text(encoding="utf-8").replace("status: complete", "status: draft"), encoding="utf-8")
    assert cli_in_process("report", draft).returncode == 0
    assert not (tmp_path / "clientscreen.db").exists() or screenings(tmp_path / "clientscreen.db") == []


def test_import_is_idempotent_and_reports_what_it_did(cli: Run, cli_in_process: Run, tmp_path: Path) -> None:
    first = cli("ledger", "import", EXAMPLES)
    assert first.returncode == 0, first.stderr
    assert first.stderr == "3 recorded, 0 already in the ledger, 0 drafts skipped, 0 unreadable\n"
    again = cli_in_process("ledger", "import", EXAMPLES, KONTOR)
    assert again.stderr == "0 recorded, 4 already in the ledger, 0 drafts skipped, 0 unreadable\n"
    assert len(screenings(tmp_path / "clientscreen.db")) == 3


def test_an_unreadable_file_is_named_and_the_rest_is_imported(cli: Run, tmp_path: Path) -> None:
    good = answers_file(tmp_path / "in", "Good ApS")
    bad = tmp_path / "in" / "bad.yaml"
    bad.write_text("prospect: {name: Bad}\nanswers: {prepayment: perhaps}\n", encoding="utf-8")
    done = cli("ledger", "import", tmp_path / "in")
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert lines[0] == f"{bad}:2:11: answers.prepayment: 'perhaps' is not an answer here; expected yes or no"
    assert lines[-1] == "1 recorded, 0 already in the ledger, 0 drafts skipped, 1 unreadable"
    assert good.exists() and [r[0] for r in screenings(tmp_path / "clientscreen.db")] == ["good-aps"]


def test_export_csv_neutralises_formulas_and_writes_a_private_file_atomically(
    cli: Run, cli_in_process: Run, tmp_path: Path,
) -> None:
    answers_file(tmp_path / "in", "=HYPERLINK(\"http://x\",\"click\")")
    answers_file(tmp_path / "in", "Kontor; \"quoted\"")
    assert cli_in_process("ledger", "import", tmp_path / "in").returncode == 0
    done = cli("ledger", "export", "--format", "csv", "-o", tmp_path / "out.csv")
    assert done.returncode == 0, done.stderr
    out = tmp_path / "out.csv"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert sorted(r["name"] for r in rows) == ["'=HYPERLINK(\"http://x\",\"click\")", "Kontor; \"quoted\""]
    assert {r["verdict"] for r in rows} == {"negotiate"} and {r["rulebook"] for r in rows} == {"default"}
    assert json.loads(rows[0]["answers"])["prepayment"] == "no"
    assert "refuses_prepayment" in rows[0]["red_flags"].split()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_export_jsonl_gives_every_field_back(cli_in_process: Run) -> None:
    cli_in_process("report", KONTOR)
    lines = cli_in_process("ledger", "export", "-f", "jsonl").stdout.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["client"] == "kontor-gruppen-a-s" and record["name"] == "Kontor Gruppen A/S"
    assert record["screened_at"] == "2026-11-21T14:00" and record["interviewer"] == "Mette"
    assert record["rulebook"]["id"] == "default" and record["rulebook"]["hash"].startswith("sha256:")
    assert record["verdict"] == "negotiate" and record["score"] == 12
    assert {"question": "prepayment", "category": "refuses_prepayment", "answer": "no", "points": 7} in record["flags"]
    assert record["answers"]["monthly_budget"] == "3 000"
    assert record["screening"].startswith("sha256:")


def test_export_refuses_to_overwrite_the_ledger(cli_in_process: Run, tmp_path: Path) -> None:
    cli_in_process("report", KONTOR)
    before = (tmp_path / "clientscreen.db").read_bytes()
    done = cli_in_process("ledger", "export", "-o", "clientscreen.db")
    assert done.returncode == 2 and "is the ledger itself" in done.stderr
    assert (tmp_path / "clientscreen.db").read_bytes() == before


def test_merge_two_spellings_of_one_client(cli: Run, cli_in_process: Run, tmp_path: Path) -> None:
    answers_file(tmp_path / "in", "Kontor Gruppen")
    answers_file(tmp_path / "in", "Kontor-Gruppen A/S", goals="measurable")
    cli_in_process("ledger", "import", tmp_path / "in")
    done = cli("ledger", "merge", "Kontor-Gruppen A/S", "Kontor Gruppen")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ("1 screening of Kontor-Gruppen A/S now belongs to kontor-gruppen; "
                           "Kontor-Gruppen A/S is a second name for it\n")
    assert {r[0] for r in screenings(tmp_path / "clientscreen.db")} == {"kontor-gruppen"}
    again = cli_in_process("ledger", "merge", "Kontor-Gruppen A/S", "Kontor Gruppen")
    assert again.returncode == 3 and "already one client" in again.stderr


def test_a_file_that_is_not_a_ledger_is_one_line_and_exit_3(cli: Run, tmp_path: Path) -> None:
    (tmp_path / "clientscreen.db").write_text("not a database\n" * 200)
    done = cli("report", KONTOR)
    assert done.returncode == 3
    assert done.stderr.strip().splitlines() == [done.stderr.strip()]
    assert done.stderr.startswith("clientscreen.db: not a clientscreen ledger")
    assert "Traceback" not in done.stderr


def test_two_imports_at_once_both_succeed(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        for i in range(12):
            answers_file(tmp_path / folder, f"{folder} client {i}")
    env = plain_environment()
    procs = [subprocess.Popen([installed_command(), "ledger", "import", folder], cwd=tmp_path, env=env,
                              stderr=subprocess.PIPE, text=True) for folder in ("a", "b")]
    outs = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert all(o.endswith("12 recorded, 0 already in the ledger, 0 drafts skipped, 0 unreadable\n") for o in outs)
    assert len(screenings(tmp_path / "clientscreen.db")) == 24


@pytest.mark.pty
def test_the_interview_records_what_it_saved(cli_in_process: Run, tmp_path: Path) -> None:
    from test_cli_interview import FULL, RULES, answer, decide_later, spawn

    child = spawn(tmp_path, "--rules", RULES, "--prospect", "Nordlys ApS")
    answer(child, *FULL)
    child.expect_exact("or f to finish.")
    child.sendline("f")
    child.expect_exact("Recorded in the ledger.")
    decide_later(child)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert screenings(tmp_path / "clientscreen.db") == [("nordlys-aps", "take", "core_fixture", -5)]
    imported = cli_in_process("ledger", "import", "screenings", "--rules", RULES)  # the interview was the real run
    assert imported.stderr == "0 recorded, 1 already in the ledger, 0 drafts skipped, 0 unreadable\n"


def test_import_scores_a_review_by_the_review_rulebook_it_names(cli_in_process: Run, tmp_path: Path) -> None:
    data = yaml.safe_load((REPO / "tests" / "fixtures" / "review" / "let-go.yaml").read_text(encoding="utf-8"))
    data["rulebook"] = {"id": "review", "version": "1.0", "hash": "sha256:an-earlier-edition"}
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "review.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    answers_file(folder, "Nordlys ApS")
    done = cli_in_process("ledger", "import", folder)
    assert done.stderr == "2 recorded, 0 already in the ledger, 0 drafts skipped, 0 unreadable\n"
    assert screenings(tmp_path / "clientscreen.db") == [("kontor-gruppen", "decline", "review", 81),
                                                        ("nordlys-aps", "negotiate", "default", 12)]
