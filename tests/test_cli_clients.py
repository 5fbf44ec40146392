"""`clientscreen clients`: the portfolio from the ledger, through the installed command."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import yaml

from conftest import FIXTURES, REPO, Run

REVIEW = REPO / "rules" / "review.yaml"
LET_GO = FIXTURES / "review" / "let-go.yaml"
GOOD = {"invoice_trend": "on_time", "days_late": 0, "partial_payments": "no", "balance": "none",
        "broken_promises": 0, "work_unpaid": "no", "feedback_days": 1, "is_that_all": "no", "approval_rounds": 1,
        "networks": "all", "outside_brief": 1, "after_hours": "no", "goals_now": "measurable",
        "hours_share": "pays_well", "belittling": "no", "respect": 5}


def review(cli: Run, tmp_path: Path, name: str, when: date, **answers: object) -> None:
    """Record a review in the ledger, as report does; the tests pass the in-process runner, as this is their
    setting up, and report's recording through the installed command is tested on its own."""
    data = {"status": "complete", "prospect": {"name": name}, "interviewer": "Mette",
            "interviewed_at": f"{when.isoformat()}T10:00", "answers": {**GOOD, **answers}}
    path = tmp_path / f"{name}-{when}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    done = cli("report", path, "--rules", REVIEW)
    assert done.returncode == 0, done.stderr


def table(out: str) -> dict[str, list[str]]:
    """Rows of the table by client, cells split on runs of two spaces or more."""
    import re

    rows = {}
    for line in out.splitlines()[1:]:
        if not line.strip():
            break
        cells = re.split(r"\s{2,}", line.strip())
        rows[cells[0]] = cells[1:]
    return rows


def test_latest_verdict_trend_last_screening_and_next_due(cli: Run, cli_in_process: Run, tmp_path: Path) -> None:
    today = date.today()
    review(cli_in_process, tmp_path, "Nordlys ApS", today - timedelta(days=200))
    review(cli_in_process, tmp_path, "Nordlys ApS", today - timedelta(days=100), invoice_trend="later_each_time",
           days_late=20, balance="steady", partial_payments="yes")
    review(cli_in_process, tmp_path, "Kontor Gruppen", today - timedelta(days=10))
    out = cli("clients").stdout
    rows = table(out)
    # no hours or revenue recorded yet: no empty columns taking the width an 80-column terminal needs
    assert out.splitlines()[0].split() == ["Client", "Verdict", "Trend", "Last", "screened", "Next", "due"]
    last = today - timedelta(days=100)
    assert rows["Nordlys ApS"] == ["renegotiate", "▲ worse", last.isoformat(),
                                   f"{(last + timedelta(days=90)).isoformat()} due"]
    assert rows["Kontor Gruppen"] == ["keep", "–", (today - timedelta(days=10)).isoformat(),
                                      (today + timedelta(days=80)).isoformat()]
    assert list(rows) == ["Nordlys ApS", "Kontor Gruppen"]  # the most overdue first

    due = table(cli_in_process("clients", "--due").stdout)
    assert list(due) == ["Nordlys ApS"]
    every_5 = table(cli_in_process("clients", "--due", "--interval", "5").stdout)
    assert list(every_5) == ["Nordlys ApS", "Kontor Gruppen"]
    assert list(table(cli_in_process("clients", "--due", env={"CLIENTSCREEN_REVIEW_INTERVAL": "365"}).stdout)) == []
    assert cli_in_process("clients", "--due", env={"CLIENTSCREEN_REVIEW_INTERVAL": "soon"}).returncode == 2


def test_the_80_20_view_from_hours_and_revenue(cli: Run, cli_in_process: Run, tmp_path: Path) -> None:
    today = date.today()
    assert cli_in_process("report", LET_GO, "--rules", REVIEW).returncode == 0
    review(cli_in_process, tmp_path, "Nordlys ApS", today)
    review(cli_in_process, tmp_path, "Fjord Film", today)
    recorded = cli("clients", "hours", "Kontor Gruppen", "--hours", "150", "--revenue", "9000",
                              "--period", "2026-11")
    assert recorded.returncode == 0, recorded.stderr
    assert recorded.stderr == "kontor-gruppen, 2026-11: 150 hours, revenue 9,000\n"
    cli_in_process("clients", "hours", "Nordlys ApS", "--hours", "30", "--revenue", "40000", "--period", "2026-11")
    cli_in_process("clients", "hours", "Fjord Film", "--hours", "20", "--revenue", "11000", "--period", "2026-11")
    again = cli_in_process("clients", "hours", "Kontor Gruppen", "--hours", "140", "--revenue", "9000",
                           "--period", "2026-11")
    assert again.returncode == 0  # the same period again replaces it
    out = cli_in_process("clients").stdout
    assert table(out)["Kontor Gruppen"][-2:] == ["140", "9,000"]
    lines = [" ".join(line.split()) for line in out.splitlines()]
    split = next(line for line in lines if line.startswith("80/20:"))
    assert split == "80/20: 2 clients of 3 take 89% of the hours and bring 82% of the revenue."
    assert "Kontor Gruppen: let go; A debt that only grows, Later with every invoice, Silent, then disappointed" \
        in " ".join(lines)
    assert "Nordlys ApS: keep; no red flags" in lines


def test_hours_for_a_client_the_ledger_does_not_know_or_a_bad_period(cli_in_process: Run) -> None:
    assert cli_in_process("report", LET_GO, "--rules", REVIEW).returncode == 0
    ghost = cli_in_process("clients", "hours", "Ghost", "--hours", "1", "--revenue", "1")
    assert ghost.returncode == 3 and ghost.stderr == "clientscreen.db: no client 'Ghost' in the ledger\n"
    bad = cli_in_process("clients", "hours", "Kontor Gruppen", "--hours", "1", "--revenue", "1", "--period", "November")
    assert bad.returncode == 2 and "'November' is not a month such as 2026-11" in bad.stderr
    negative = cli_in_process("clients", "hours", "Kontor Gruppen", "--hours", "-5", "--revenue", "1")
    assert negative.returncode == 2


def test_an_empty_ledger_says_so(cli_in_process: Run) -> None:
    done = cli_in_process("clients")
    assert done.returncode == 0 and done.stdout == "The ledger has no clients yet.\n"


def test_in_hebrew_a_line_per_client_right_to_left_and_no_columns(
    cli_in_process: Run, tmp_path: Path,
) -> None:
    review(cli_in_process, tmp_path, "Nordlys ApS", date.today())
    out = cli_in_process("clients", "--lang", "he").stdout
    lines = [line for line in out.splitlines() if line.strip()]
    assert lines and all(line.startswith("\u200f") for line in lines)
    assert "Nordlys ApS · להמשיך · – · סינון אחרון" in out
    assert "  " not in out.replace("\u200f  ", "")  # no column padding


def test_on_an_80_column_terminal_no_verdict_or_date_is_cut_in_any_language(cli: Run, cli_in_process: Run,
                                                                            tmp_path: Path) -> None:
    """Long headers (Russian, Danish) wrap; the verdicts, decisions and dates under them are shown whole."""
    today = date.today()
    review(cli_in_process, tmp_path, "Nordlys ApS med et meget langt navn", today - timedelta(days=200))
    assert cli_in_process("decide", "nordlys-aps-med-et-meget-langt-navn", "take").returncode == 0
    last, due = (today - timedelta(days=200)).isoformat(), (today - timedelta(days=110)).isoformat()
    for lang, verdict in (("en", "keep"), ("da", None), ("ru", None)):
        run = cli if lang == "en" else cli_in_process  # English installed, the others in process
        out = run("--lang", lang, "clients", env={"COLUMNS": "80"}).stdout
        lines = out.splitlines()
        assert all(len(line) <= 80 for line in lines), out
        [row] = [line for line in lines if line.startswith("Nordlys")]
        assert last in row and due in row, out
        assert "…" not in row.split(last)[0].split("  ", 1)[1], out  # only the name may give way
        if verdict:
            assert f"  {verdict}  " in row, out
