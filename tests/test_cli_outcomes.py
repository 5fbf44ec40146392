"""`clientscreen decide` and `clientscreen outcome`, through the installed command, on a real ledger."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import yaml

from clientscreen.ledger import store
from clientscreen.ledger.outcomes import Outcome
from conftest import Run

PROSPECTS = {
    "Nordlys ApS": {"goals": "measurable", "prepayment": "yes", "decision_maker": "one"},
    "Office Group": {"goals": "rough", "prepayment": "no", "decision_maker": "group"},
    "Kvik Shop": {"goals": "none", "prepayment": "no", "decision_maker": "group", "owes_money": "growing"},
}


def screened(cli: Run, tmp_path: Path) -> dict[str, str]:
    """The three prospects screened (their answers files recorded in the ledger); their verdicts. The tests pass
    the in-process runner, as this is their setting up: ``ledger import`` is tested on its own, installed."""
    folder = tmp_path / "screenings"
    folder.mkdir()
    for name, answers in PROSPECTS.items():
        data = {"status": "complete", "prospect": {"name": name}, "interviewer": "Mette",
                "interviewed_at": "2026-10-01T10:00", "answers": answers}
        path = folder / f"{name.replace(' ', '_')}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    done = cli("ledger", "import", folder)
    assert done.returncode == 0, done.stderr
    with store.connect(tmp_path / "clientscreen.db") as ledger:
        return {name: ledger.latest(name)[2] for name in PROSPECTS}


def test_a_decision_against_the_verdict_needs_a_reason_and_clients_shows_it(
    cli: Run, cli_in_process: Run, tmp_path: Path,
) -> None:
    verdicts = screened(cli_in_process, tmp_path)
    assert verdicts == {"Nordlys ApS": "take", "Office Group": "negotiate", "Kvik Shop": "decline"}

    refused = cli("decide", "Office Group", "take")
    assert refused.returncode == 2
    assert refused.stderr.strip() == ("clientscreen: office-group: the verdict was negotiate; to take instead, "
                                      "give a --reason")
    assert cli_in_process("decide", "Office Group", "take", "--reason", "  ").returncode == 2

    done = cli_in_process("decide", "Office Group", "take", "--reason", "old friend of the CEO\n[bold]x[/]")
    assert done.returncode == 0, done.stderr
    assert "take against the verdict negotiate" in done.stderr
    assert cli_in_process("decide", "nordlys-aps", "take").returncode == 0  # with the verdict: no reason needed

    shown = cli_in_process("clients")
    assert shown.returncode == 0, shown.stderr
    rows = {line.split()[0]: line for line in shown.stdout.splitlines() if line.startswith(("Nordlys", "Office"))}
    assert "take ≠" in rows["Office"] and "≠" not in rows["Nordlys"]
    assert "Office Group: take against negotiate, because: old friend of the CEO [bold]x[/]" in shown.stdout

    with store.connect(tmp_path / "clientscreen.db") as ledger:
        decisions = ledger.decisions()
    assert decisions["office-group"].overrides and decisions["office-group"].verdict == "negotiate"
    assert not decisions["nordlys-aps"].overrides


def test_deciding_about_a_client_the_ledger_does_not_know_names_the_ledger(
    cli: Run, cli_in_process: Run, tmp_path: Path,
) -> None:
    screened(cli_in_process, tmp_path)
    done = cli("decide", "Ghost Corp", "decline")
    assert done.returncode == 3
    assert done.stderr.strip() == "clientscreen.db: no client 'Ghost Corp' in the ledger"
    assert cli_in_process("decide", "Kvik Shop", "maybe").returncode == 2


def test_an_outcome_by_hand_is_kept_and_a_second_one_fills_in_what_was_missing(
    cli: Run, cli_in_process: Run, tmp_path: Path,
) -> None:
    screened(cli_in_process, tmp_path)
    done = cli("outcome", "Office Group", "--invoices", "late", "--hours-over", "40%", "--note", "slow to answer")
    assert done.returncode == 0, done.stderr
    assert "did not go bad" in done.stderr
    done = cli_in_process("outcome", "office group", "--overall", "Bad", "--ended-by", "us")
    assert "went bad" in done.stderr
    with store.connect(tmp_path / "clientscreen.db") as ledger:
        assert ledger.outcomes() == {"office-group": Outcome("late", "us", 40.0, "bad", "slow to answer")}
    bad = cli_in_process("outcome", "Office Group", "--invoices", "sometimes")
    assert bad.returncode == 2
    assert "--invoices 'sometimes' is not one of on_time, late, partly, unpaid" in bad.stderr
    assert cli_in_process("outcome", "Office Group").returncode == 2  # nothing to record
    assert cli_in_process("outcome", "Office Group", "--hours-over", "a lot").returncode == 2


def test_outcomes_from_a_crm_export_by_id_or_name_with_what_did_not_match(
    cli: Run, cli_in_process: Run, tmp_path: Path,
) -> None:
    screened(cli_in_process, tmp_path)
    export = tmp_path / "crm.csv"
    export.write_bytes(
        "\ufeffsep=;\r\nClient ID;Client;Invoices;Ended by;Hours over;Overall;Note\r\n"
        ";Nordlys ApS;On time;none;5,5 %;good;\r\n"
        "office-group;;unpaid;them;80;bad;\"paid nothing; gone\"\r\n"
        ";Ghost Corp;late;them;10;mixed;\r\n"
        ";Kvik Shop;sometimes;;;;\r\n".encode())
    done = cli("outcome", "import", export)
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert f"{export}:6:3: Invoices 'sometimes' is not one of on_time, late, partly, unpaid" in lines
    assert f"  {export}:5: Ghost Corp" in lines
    assert lines[-1] == "2 outcomes recorded, 1 rows matched no client, 1 rows invalid"
    with store.connect(tmp_path / "clientscreen.db") as ledger:
        assert ledger.outcomes() == {
            "nordlys-aps": Outcome("on_time", "none", 5.5, "good"),
            "office-group": Outcome("unpaid", "them", 80.0, "bad", "paid nothing; gone"),
        }
    assert export.read_bytes().startswith(b"\xef\xbb\xbfsep=;")  # the input is never touched


def test_an_import_whose_rows_all_match_exits_0_and_a_file_without_a_client_column_3(
    cli: Run, cli_in_process: Run, tmp_path: Path,
) -> None:
    screened(cli_in_process, tmp_path)
    (tmp_path / "ok.csv").write_text("name,overall\nKvik Shop,bad\n", encoding="utf-8")
    assert cli("outcome", "import", "ok.csv").returncode == 0
    (tmp_path / "nokey.csv").write_text("customer,overall\nKvik Shop,bad\n", encoding="utf-8")
    done = cli_in_process("outcome", "import", "nokey.csv")
    assert done.returncode == 3
    assert done.stderr.strip() == "nokey.csv:1: has no 'id' or 'name' column to find the client by"
    (tmp_path / "latin.csv").write_bytes("name,note\nKvik Shop,Købt\n".encode("cp1252"))
    assert cli_in_process("outcome", "import", "latin.csv").returncode == 3


def test_the_ledger_keeps_decisions_and_outcomes_in_their_own_tables(tmp_path: Path) -> None:
    """Standard SQL, as the rest of the ledger: a server database could hold the same."""
    path = tmp_path / "l.db"
    store.connect(path).close()
    tables = {r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"decisions", "outcomes"} <= tables
