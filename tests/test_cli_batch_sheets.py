"""`clientscreen score` as a spreadsheet user meets it: typed headers, Excel on the way out, a table at a glance.

Every input here is written the way Danish, Russian or Hebrew Excel writes it (a BOM or a code page,
semicolons, CRLF). Each test runs the installed command at least once; its further variants (another
language, another format, another width) go through the same entry point in this process, as conftest's
``cli_in_process`` explains. Runs with ``--jobs`` above 1 fork their workers and use the installed command.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from clientscreen import i18n
from clientscreen.rulebook.model import load_rulebook
from conftest import FIXTURES, Run

CSV = FIXTURES / "csv"
RULES = CSV / "rules.yaml"
RESULT = ["verdict", "score", "provisional", "coverage", "red_flags", "knockouts", "red_flag_ids", "knockout_ids",
          "error"]


def excel(path: Path, rows: list[list[str]], *, encoding: str = "utf-8-sig", sep: str = ";") -> Path:
    """Write rows as Excel's "CSV" does: its encoding, its separator, CRLF, quotes only where needed."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=sep, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def read(data: bytes, sep: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=sep))


# -- the header: typos, nothing matched, too little matched ------------------------------------------------


def test_a_misspelled_header_gets_a_did_you_mean_per_column(cli: Run, cli_in_process: Run, tmp_path: Path) -> None:
    source = excel(tmp_path / "leads.csv", [
        ["Id", "Nmae", "goal", "prepayment", "monthly_budgt", "decision_maker", "misleading_claims", "trust", "Owner"],
        ["1", "Café Ærø", "measurable", "ja", "4.500,00", "one", "nej", "5", "Mette"],
    ])
    done = cli("score", source, "--rules", RULES, "-q")
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [
        f"{source}: column 'Nmae' is not a question; did you mean 'name'?",
        f"{source}: column 'goal' is not a question; did you mean 'goals'?",
        f"{source}: column 'monthly_budgt' is not a question; did you mean 'monthly_budget'?",
        f"{source}: ignoring columns that are not questions: Owner",
        f"{source}: no column for goals, monthly_budget; counted as unknown in every row",
    ]
    danish = cli_in_process("score", source, "--rules", RULES, "-q", "--lang", "da")
    assert f"{source}: kolonnen 'goal' er ikke et spørgsmål; mente du 'goals'?" in danish.stderr.splitlines()


def test_a_header_that_answers_no_question_is_an_unusable_input(cli: Run, cli_in_process: Run, tmp_path: Path) -> None:
    source = excel(tmp_path / "typed.csv", [["nmae", "goal", "Bemærkning"], ["Ærø Mejeri", "rough", "ring"]],
                   encoding="cp1252")
    out = tmp_path / "scored.csv"
    done = cli("score", source, "--rules", RULES, "--encoding", "cp1252", "-o", out)
    assert (done.returncode, done.stdout) == (3, "")
    assert done.stderr.splitlines() == [
        f"{source}:1: no column is a question of rulebook csv_fixture; every row would score on nothing "
        "(see 'clientscreen template' for the header)",
        f"{source}:1:1: column 'nmae' is not a question; did you mean 'name'?",
        f"{source}:1:2: column 'goal' is not a question; did you mean 'goals'?",
    ]
    assert not out.exists()  # nothing half-written
    russian = cli_in_process("score", source, "--rules", RULES, "--encoding", "cp1252", "--lang", "ru")
    assert russian.returncode == 3 and "ни один столбец не является вопросом" in russian.stderr


def test_a_short_row_keeps_its_own_id_and_name(cli: Run, cli_in_process: Run, tmp_path: Path) -> None:
    source = excel(tmp_path / "short.csv", [
        ["id", "name", "goals", "prepayment"], ["A-17", "Kontor Gruppen", "rough"], ["A-18", "Nordlys", "rough", "ja"],
    ])
    done = cli("score", source, "--rules", RULES, "-q")
    rows = read(done.stdout.encode())
    assert [r[:3] for r in rows[1:]] == [["2", "A-17", "Kontor Gruppen"], ["3", "A-18", "Nordlys"]]
    assert rows[1][-1] == "has 3 fields; the header has 4" and done.returncode == 1
    lines = cli_in_process("score", source, "--rules", RULES, "-f", "jsonl", "-q").stdout.splitlines()
    jsonl = [json.loads(line) for line in lines]
    assert (jsonl[0]["id"], jsonl[0]["name"]) == ("A-17", "Kontor Gruppen")


# -- output for a spreadsheet: --excel and --keep-columns ---------------------------------------------------


def danish_titles(*ids: str) -> str:
    book = load_rulebook(None)
    with i18n.use("da"):
        return "; ".join(next(c.title.get() for c in book.categories if c.id == i) for i in ids)


def test_excel_in_danish_is_bom_semicolons_decimal_commas_and_danish_flag_names(
    cli: Run, cli_in_process: Run, tmp_path: Path,
) -> None:
    header = next(csv.reader(io.StringIO(cli_in_process("template").stdout)))
    answers = {"prepayment": "nej", "goals": "rough"}
    source = excel(tmp_path / "leads.csv", [header, ["7", "Café Ærø; Søn", *(answers.get(q, "") for q in header[2:])]],
                   encoding="cp1252")
    out = tmp_path / "scored.csv"
    done = cli("score", source, "--encoding", "cp1252", "--excel", "-o", out, "--lang", "da")
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    assert data.startswith(codecs.BOM_UTF8) and b"\r\n" in data
    rows = read(data, ";")
    assert rows[0] == ["line", "id", "name", *RESULT]
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["name"] == "Café Ærø; Søn"  # whole, in one cell
    assert "," in row["coverage"] and "." not in row["coverage"]
    ids = row["red_flag_ids"].split(";")
    assert "refuses_prepayment" in ids and row["red_flags"] == danish_titles(*ids)
    english = cli_in_process("score", source, "--encoding", "cp1252", "--excel", "--lang", "en")
    assert english.stdout.startswith("\ufeffline,id,name,") and "." in read(english.stdout.encode())[1][6]
    hebrew = cli_in_process("score", source, "--encoding", "cp1252", "--excel", "--lang", "he")
    assert hebrew.stdout.startswith("\ufeffline;id;name;")


def test_keep_columns_puts_the_inputs_own_columns_first_for_the_crm(cli: Run, tmp_path: Path) -> None:
    rows = [
        ["CRM-ID", "name", "goals", "prepayment", "monthly_budget", "decision_maker", "misleading_claims", "trust",
         "Ejer", "Noter"],
        ["D-1", "Nordlys Webshop ApS", "measurable", "ja", "4.500,00", "one", "nej", "5", "Mette", "=1+1"],
        ["D-2", "Kontor Gruppen A/S", "rough", "nej", "3000", "group", "nej", "3", "Lars", "ring; igen"],
        ["D-3", "Kort"],
    ]
    source = excel(tmp_path / "crm.csv", rows, encoding="cp1252")
    done = cli("score", source, "--rules", RULES, "--encoding", "cp1252", "--keep-columns", "--excel",
               "--id-column", "CRM-ID", "--lang", "da", "-q")
    assert done.returncode == 1  # the short row
    out = read(done.stdout.encode(), ";")
    assert out[0] == [*rows[0], *RESULT]
    width = len(rows[0])
    assert out[1][:width] == [*rows[1][:-1], "'=1+1"]  # as given, a formula neutralised
    assert out[2][:width] == rows[2]
    assert out[3][:width] == ["D-3", "Kort", *[""] * (width - 2)]
    assert [r[width] for r in out[1:]] == ["take", "negotiate", ""]
    assert out[3][-1] == "har 2 felter; overskriftslinjen har 10"


def test_keep_columns_on_a_scored_export_replaces_the_earlier_result_in_place(
    cli: Run, cli_in_process: Run, tmp_path: Path,
) -> None:
    rows = [["CRM-ID", "name", "goals", "prepayment", "monthly_budget", "decision_maker", "misleading_claims", "trust",
             "Ejer"],
            ["D-1", "Nordlys Webshop ApS", "measurable", "ja", "4500", "one", "nej", "5", "Mette"],
            ["D-2", "Kontor Gruppen A/S", "rough", "nej", "3000", "group", "nej", "3", "Lars"]]
    first, again = tmp_path / "scored.csv", tmp_path / "again.csv"
    options = ["--rules", RULES, "--keep-columns", "--id-column", "CRM-ID"]
    done = cli("score", excel(tmp_path / "crm.csv", rows, sep=","), *options, "-o", first, "-q")
    assert done.returncode == 0, done.stderr
    scored = read(first.read_bytes())
    assert [r[len(rows[0])] for r in scored[1:]] == ["take", "negotiate"]
    scored[1][rows[0].index("prepayment")] = "nej"  # the CRM learns something, and the export goes round again
    scored[2][rows[0].index("goals")] = "measurable"
    excel(first, scored, sep=",")
    done = cli_in_process("score", first, *options, "-o", again)
    assert done.returncode == 0, done.stderr
    out = read(again.read_bytes())
    assert out[0] == scored[0] == [*rows[0], *RESULT]  # each column once, where it was: the CRM's import still fits
    fresh = [dict(zip(out[0], r, strict=True)) for r in out[1:]]
    assert [r["verdict"] for r in fresh] == ["negotiate", "negotiate"]
    assert fresh[0]["red_flag_ids"] == "refuses_prepayment" and fresh[1]["red_flag_ids"] != scored[2][-3]
    assert [r["Ejer"] for r in fresh] == ["Mette", "Lars"]
    assert "replaces the earlier one in columns verdict, score, provisional" in done.stderr
    assert "not questions: Ejer\n" in done.stderr  # the old result columns are not ignored: they are written anew


def test_keep_columns_puts_a_result_column_moved_in_the_crm_back_where_it_was(cli: Run, tmp_path: Path) -> None:
    rows = [["id", "Verdict", "name", "goals", "prepayment", "Noter"],
            ["1", "take", "Nordlys", "measurable", "nej", "=1+1"]]
    done = cli("score", excel(tmp_path / "crm.csv", rows, sep=","), "--rules", RULES, "--keep-columns", "-q")
    assert done.returncode == 0, done.stderr
    out = read(done.stdout.encode())
    assert out[0] == [*rows[0], *RESULT[1:]]  # the verdict where the CRM has it, as it spells it; the rest at the end
    row = out[1]
    assert row[1] == "negotiate" and row[5] == "'=1+1"
    assert dict(zip(out[0], row, strict=True))["knockout_ids"] == "refuses_prepayment"


def test_excel_and_keep_columns_are_for_csv_only(cli: Run) -> None:
    done = cli("score", CSV / "crm_en.csv", "--rules", RULES, "--excel", "-f", "jsonl")
    assert done.returncode == 2
    assert done.stderr == (
        "clientscreen: --excel and --keep-columns shape CSV output; they do not go with --format jsonl\n")


# -- the table: one line a row, the worst flag, the terminal's width ---------------------------------------------


@pytest.mark.parametrize("columns", [60, 80, 132])
def test_the_table_is_one_line_a_row_with_the_worst_flag(
    cli: Run, cli_in_process: Run, tmp_path: Path, columns: int,
) -> None:
    base = ["goals", "prepayment", "monthly_budget", "decision_maker", "misleading_claims", "trust"]
    rows: list[list[Any]] = [["id", "name", *base]]
    for i in range(20):
        bad = i % 4 == 1
        rows.append([str(i + 1), f"Prospect number {i + 1} with a long company name A/S",
                     "rough" if bad else "measurable", "nej" if bad else "ja", "3000", "group" if bad else "one",
                     "ja" if i == 2 else "nej", "3"])
    source = excel(tmp_path / "twenty.csv", rows)
    run = cli if columns == 80 else cli_in_process  # the width from $COLUMNS, read in this process too
    done = run("score", source, "--rules", RULES, "-f", "table", "-q", env={"COLUMNS": str(columns)})
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 2 + 20  # the header, its rule, one line per row
    assert max(len(line) for line in lines) <= columns
    assert "Worst flag" in lines[0]
    assert ("Refuses prepayment (knock-out) (+2)" if columns > 100 else "Refuses p") in lines[2 + 1]
    assert ("Product that can only be sold" if columns > 100 else "Product") in lines[2 + 2]
    assert lines[2 + 3].rstrip().endswith("take           -9")  # no red flag: nothing after the score


def test_report_reads_standard_input(cli: Run, cli_in_process: Run) -> None:
    text = (Path(__file__).parent.parent / "examples" / "prospects" / "kontor-gruppen.yaml").read_text(encoding="utf-8")
    done = cli("report", "-", "-f", "json", input=text)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["prospect"]["name"].startswith("Kontor")
    bad = cli_in_process("report", "-", input='{"prospect": {"name": "X"}, "answers": {"goals": 7}}')
    assert bad.returncode == 3 and bad.stderr.startswith("<stdin>:1:")


def test_excel_and_keep_columns_give_the_same_bytes_in_two_processes(
    cli: Run, cli_in_process: Run, tmp_path: Path,
) -> None:
    """One process (this one) against two (the installed command forks them).

    6,000 rows are 330 KB, cut into 5 chunks of the smallest size (64 KiB, about 1,200 rows each).
    """
    rows = [["id", "name", "goals", "prepayment", "monthly_budget", "decision_maker", "misleading_claims", "trust"]]
    rows += [[str(i), f"Firma {i}; ApS", ("measurable", "rough")[i % 2], ("ja", "nej")[i % 3 == 0], "4.500,00",
              "one", "nej", "3"] for i in range(6_000)]
    rows[3000] = ["2999", "Kort"]  # a short row in the middle of a chunk (lines 2434 to 3629)
    source = excel(tmp_path / "big.csv", rows)
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    options = ["--rules", RULES, "--excel", "--keep-columns", "--lang", "da", "-q"]
    assert cli_in_process("score", source, *options, "-o", one).returncode == 1
    assert cli("score", source, *options, "-o", two, "--jobs", "2").returncode == 1
    assert one.read_bytes() == two.read_bytes()
    assert len(read(one.read_bytes(), ";")) == 6_001
