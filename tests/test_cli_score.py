"""`clientscreen score` on real-looking exports, through the installed command."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import random
import subprocess
from pathlib import Path

import pytest

from conftest import FIXTURES, Run, installed_command

CSV = FIXTURES / "csv"
VERDICTS = ["take", "negotiate", "decline", "take"]  # the four prospects of every language fixture


def records(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize(
    ("name", "extra"),
    [
        ("excel_da_utf8_bom.csv", []),
        ("excel_ru_utf8_bom.csv", []),
        ("excel_he_utf8_bom.csv", []),
        ("crm_en.csv", []),
        ("excel_unicode_text.txt", []),
        ("sep_line.csv", []),
        ("cr_only.csv", []),
        ("pipes.csv", []),
        ("header_case.csv", []),
        ("quoted_newline.csv", []),
        ("excel_da_cp1252.csv", ["--encoding", "cp1252"]),
        ("excel_ru_cp1251.csv", ["--encoding", "cp1251"]),
        ("excel_he_cp1255.csv", ["--encoding", "cp1255"]),
    ],
)
def test_each_export_scores_its_four_prospects(cli: Run, name: str, extra: list[str]) -> None:
    source = CSV / name
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    done = cli("score", source, *extra)
    assert done.returncode == 0, done.stderr
    rows = records(done.stdout)
    assert [r["verdict"] for r in rows] == VERDICTS
    assert [r["id"] for r in rows] == ["1", "2", "3", "4"]
    assert rows[2]["knockouts"] == "misleading_product"
    assert rows[3]["provisional"] == "true"
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before  # the input is never modified
    assert "4 rows: 2 take, 1 negotiate, 1 decline, 0 errors" in done.stderr


def test_names_in_the_users_languages_survive_untouched(cli: Run) -> None:
    rows = records(cli("score", CSV / "excel_he_utf8_bom.csv").stdout)
    assert rows[0]["name"] == "אור צפוני בע״מ"
    rows = records(cli("score", CSV / "excel_da_cp1252.csv", "--encoding", "cp1252").stdout)
    assert rows[2]["name"] == "Ærlig Ærø Mejeri"


@pytest.mark.parametrize("name", ["excel_da_cp1252.csv", "excel_ru_cp1251.csv", "excel_he_cp1255.csv"])
def test_a_legacy_code_page_is_a_clear_error_with_the_option_to_use(cli: Run, name: str) -> None:
    done = cli("score", CSV / name)
    assert done.returncode == 3
    assert done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"{CSV / name}:") and "is not UTF-8 text at byte" in line and "--encoding cp125" in line


def test_bad_rows_are_reported_and_the_batch_goes_on(cli: Run) -> None:
    source = CSV / "broken_rows.csv"
    done = cli("score", source)
    assert done.returncode == 1
    errors = [
        line
        for line in done.stderr.splitlines()
        if line.startswith(f"{source}:") and line[len(str(source)) + 1].isdigit()
    ]
    assert errors == [
        f"{source}:3: has 3 fields; the header has 8",
        f"{source}:4:2: contains a NUL byte",
        f"{source}:5:4: prepayment: 'maybe' is not an answer here; expected yes or no",
        f"{source}:6:5: monthly_budget: '1,500' could be a whole number or a decimal; write it without grouping "
        "or say which mark is the decimal one (--decimal , or --decimal .)",
        f"{source}:8: a quote opened on this line is never closed",
    ]
    rows = records(done.stdout)
    assert [(r["line"], r["verdict"], bool(r["error"])) for r in rows] == [
        ("2", "take", False),
        ("3", "", True),
        ("4", "", True),
        ("5", "", True),
        ("6", "", True),
        ("7", "negotiate", False),
        ("8", "", True),
    ]
    assert "7 rows: 1 take, 1 negotiate, 0 decline, 5 errors" in done.stderr


def test_strict_stops_at_the_first_bad_row_and_writes_no_output(cli: Run, tmp_path: Path) -> None:
    out = tmp_path / "scored.csv"
    done = cli("score", CSV / "broken_rows.csv", "--strict", "-o", out)
    assert done.returncode == 1
    assert done.stderr.strip().endswith("has 3 fields; the header has 8 (--strict: stopped at the first bad row)")
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_the_decimal_option_settles_ambiguous_numbers(cli: Run) -> None:
    done = cli("score", CSV / "broken_rows.csv", "--decimal", ".")
    assert "monthly_budget" not in done.stderr
    assert records(done.stdout)[4]["verdict"] == "negotiate"
    assert cli("score", CSV / "crm_en.csv", "--decimal", ";").returncode == 2


def test_duplicate_headers_exit_3(cli: Run) -> None:
    done = cli("score", CSV / "duplicate_headers.csv")
    assert done.returncode == 3
    assert done.stderr == (
        f"{CSV / 'duplicate_headers.csv'}:1:8: column 8 repeats the header 'Goals' of column 3; rename or remove one\n"
    )


def test_missing_and_extra_columns_each_get_one_warning(cli: Run) -> None:
    done = cli("score", CSV / "partial_columns.csv")
    assert done.returncode == 0
    warnings = done.stderr.splitlines()
    assert sum("no column for" in w for w in warnings) == 1 and "decision_maker" in warnings[0]
    assert sum("ignoring columns that are not questions: owner" in w for w in warnings) == 1


def test_csv_output_neutralises_formulas_and_jsonl_keeps_text(cli: Run) -> None:
    done = cli("score", CSV / "hostile_names.csv")
    rows = records(done.stdout)
    assert [r["id"] for r in rows] == ["'=1+1", "'+2", "'-3"]
    assert rows[0]["name"] == '\'=HYPERLINK("http://x","click")' and rows[1]["name"] == "'@SUM(A1)"
    lines = [json.loads(line) for line in cli("score", CSV / "hostile_names.csv", "-f", "jsonl").stdout.splitlines()]
    assert [r["id"] for r in lines] == ["=1+1", "+2", "-3"]


def test_the_table_shows_markup_and_escapes_as_text(cli: Run) -> None:
    done = cli("score", CSV / "hostile_names.csv", "-f", "table", env={"COLUMNS": "160"})
    assert done.returncode == 0
    assert "[bold]Evil[/bold]" in done.stdout
    assert "\x1b" not in done.stdout and "\x07" not in done.stdout


def test_jsonl_carries_the_same_assessment_as_report(cli: Run, tmp_path: Path) -> None:
    done = cli("score", CSV / "crm_en.csv", "-f", "jsonl")
    first = json.loads(done.stdout.splitlines()[1])
    answers = tmp_path / "office.yaml"
    answers.write_text(
        'prospect: {name: Office Group}\nanswers: {goals: rough, prepayment: "no", '
        'monthly_budget: 3000, decision_maker: group, misleading_claims: "no", trust: 3}\n',
        encoding="utf-8",
    )
    report = json.loads(cli("report", answers, "-f", "json").stdout)
    for key in ("verdict", "score", "coverage", "provisional", "flags", "knockouts", "levers", "ask_next"):
        assert first[key] == report[key], key
    assert first["line"] == 3 and first["id"] == "2" and first["error"] is None


def test_a_field_over_the_size_limit_is_a_row_error(cli: Run, tmp_path: Path) -> None:
    source = tmp_path / "big_field.csv"
    source.write_text('id,name,prepayment\n1,A,yes\n2,"' + "x" * (1 << 20) + '",no\n3,C,no\n', encoding="utf-8")
    done = cli("score", source)
    assert done.returncode == 1
    assert f"{source}:3: a field is larger than 128 KiB" in done.stderr
    assert [r["line"] for r in records(done.stdout)] == ["2", "3", "4"]


def test_standard_input_and_output_file(cli: Run, tmp_path: Path) -> None:
    out = tmp_path / "scored.csv"
    done = cli("score", "-", "-o", out, input=(CSV / "crm_en.csv").read_text(encoding="utf-8"))
    assert done.returncode == 0, done.stderr
    assert [r["verdict"] for r in records(out.read_text(encoding="utf-8"))] == VERDICTS
    assert [p.name for p in tmp_path.iterdir()] == ["scored.csv"]


def test_id_column_and_usage_errors(cli: Run) -> None:
    done = cli("score", CSV / "crm_en.csv", "--id-column", "name")
    assert records(done.stdout)[0]["id"] == "Northern Light Ltd"
    missing = cli("score", CSV / "crm_en.csv", "--id-column", "customer")
    assert missing.returncode == 2 and "--id-column customer" in missing.stderr
    assert cli("score", CSV / "nope.csv").returncode == 3
    assert cli("score", CSV / "crm_en.csv", "--encoding", "klingon").returncode == 2


def generated(path: Path, rows: int, quoted_newline: bool = False) -> None:
    template = json.loads(
        subprocess.run(
            [installed_command(), "template", "--format", "json"], capture_output=True, text=True, check=True
        ).stdout
    )
    rnd = random.Random(7)
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["id", "name", *(q["id"] for q in template["questions"])])
        for i in range(rows):
            row = [str(i), f"Lead {i}"]
            for q in template["questions"]:
                if q["type"] == "number":
                    row.append(str(rnd.randint(0, 9000)))
                elif q["type"] == "note":
                    row.append("two\nlines" if quoted_newline and i == rows // 2 else "")
                else:
                    row.append(str(rnd.choice(q["values"])["value"]) if rnd.random() > 0.1 else "")
            out.writerow(row)


@pytest.mark.parametrize("quoted_newline", [False, True])
def test_jobs_give_byte_identical_output(cli: Run, tmp_path: Path, quoted_newline: bool) -> None:
    source = tmp_path / "leads.csv"
    generated(source, 4000, quoted_newline)
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    assert cli("score", source, "-o", one, "-q").returncode == 0
    assert cli("score", source, "-o", two, "-q", "--jobs", "2").returncode == 0
    assert one.read_bytes() == two.read_bytes()
    assert len(records(one.read_text(encoding="utf-8"))) == 4000
    jsonl_one = cli("score", source, "-f", "jsonl", "-q").stdout
    assert jsonl_one == cli("score", source, "-f", "jsonl", "-q", "--jobs", "2").stdout
