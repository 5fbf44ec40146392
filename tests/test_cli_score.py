"""`clientscreen score` on real-looking exports, through the installed command.

The fixtures in fixtures/csv are made by make_fixtures.py the way Excel and CRMs write them, and are
scored with the frozen rulebook beside them; the tests at the end build exports for each language from
`clientscreen template` and check them against `clientscreen report` under the default rulebook.

Each test makes at least one run of the installed command; the variants of one behaviour (another
fixture, another option, another language) go through the same entry point in this process
(``score_here``), as conftest's ``cli_in_process`` explains. Runs with ``--jobs`` above 1 fork their
workers and always use the installed command.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import json
import os
import pty
import random
import subprocess
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES, Run, installed_command, plain_environment, run_in_process

CSV = FIXTURES / "csv"
RULES = CSV / "rules.yaml"
VERDICTS = ["take", "negotiate", "decline", "take"]  # the four prospects of every language fixture


def records(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def score(cli: Run) -> Run:
    """``clientscreen score`` with the fixtures' own rulebook."""

    def run(*args: str | Path, **kw: Any) -> subprocess.CompletedProcess[str]:
        return cli("score", *args, "--rules", RULES, **kw)

    return run


@pytest.fixture
def score_here(cli_in_process: Run) -> Run:
    """What ``score`` does, through the command's entry point in this process: a test's further variants."""

    def run(*args: str | Path, **kw: Any) -> subprocess.CompletedProcess[str]:
        return cli_in_process("score", *args, "--rules", RULES, **kw)

    return run


# -- the exports of each language and tool --------------------------------------------------------------


EXPORTS = [
        ("excel_da_utf8_bom.csv", []),  # BOM, ;, CRLF, 4.500,00, ja/nej, rows of bare ;
        ("excel_ru_utf8_bom.csv", []),  # BOM, ;, да/нет, 4 500 with a no-break space
        ("excel_he_utf8_bom.csv", []),  # BOM, ",", כן/לא, "4,500.00" quoted
        ("crm_en.csv", []),  # LF, 4,500.00, Y and TRUE
        ("excel_unicode_text.txt", []),  # UTF-16 LE with BOM, tabs
        ("sep_line.csv", []),  # Excel's sep=; first line
        ("cr_only.csv", []),  # old Mac line ends
        ("pipes.csv", []),
        ("header_case.csv", []),  # " ID", "PREPAYMENT ", " Monthly_Budget"
        ("quoted_newline.csv", []),  # a blank line, a note over two lines
        ("excel_da_cp1252.csv", ["--encoding", "cp1252"]),
        ("excel_ru_cp1251.csv", ["--encoding", "cp1251"]),
        ("excel_he_cp1255.csv", ["--encoding", "cp1255"]),
        ("excel_da_utf8_bom.csv", ["--delimiter", ";"]),
        ("excel_unicode_text.txt", ["--delimiter", "tab", "--encoding", "utf-16"]),
]


@pytest.mark.parametrize(("name", "extra"), EXPORTS)
def test_each_export_scores_its_four_prospects(score: Run, score_here: Run, name: str, extra: list[str]) -> None:
    source = CSV / name
    before = sha(source)
    done = (score if (name, extra) == EXPORTS[0] else score_here)(source, *extra)
    assert done.returncode == 0, done.stderr
    rows = records(done.stdout)
    assert [r["verdict"] for r in rows] == VERDICTS
    assert [r["id"] for r in rows] == ["1", "2", "3", "4"]
    assert [r["score"] for r in rows] == ["-11", "10", "-11", "0"]
    assert rows[1]["red_flag_ids"] == "muddy_goals;refuses_prepayment;warring_stakeholders"
    assert rows[1]["red_flags"] == "Muddy goals; Refuses prepayment; Warring stakeholders"
    assert (rows[1]["knockout_ids"], rows[1]["knockouts"]) == ("refuses_prepayment", "Refuses prepayment")
    assert rows[2]["knockout_ids"] == "misleading_product"
    assert [r["provisional"] for r in rows] == ["false", "false", "false", "true"]
    assert [r["coverage"] for r in rows] == ["1.0", "1.0", "1.0", "0.0"]
    assert sha(source) == before  # the input is never modified
    assert done.stderr.splitlines()[-1].startswith("4 rows: 2 take, 1 negotiate, 1 decline, 0 errors; ")
    assert done.stderr.rstrip().endswith(" rows/s")


def test_names_in_the_users_languages_survive_untouched(score: Run, score_here: Run) -> None:
    assert records(score(CSV / "excel_he_utf8_bom.csv").stdout)[0]["name"] == "אור צפוני בע״מ"
    assert records(score_here(CSV / "excel_he_cp1255.csv", "--encoding", "cp1255").stdout)[0]["name"] == (
        "אור צפוני בע״מ")
    assert records(score_here(CSV / "excel_da_cp1252.csv", "--encoding", "cp1252").stdout)[2]["name"] == (
        "Ærlig Ærø Mejeri")
    assert records(score_here(CSV / "excel_ru_cp1251.csv", "--encoding", "cp1251").stdout)[0]["name"] == (
        "ООО Северный свет")


def test_yes_and_no_in_four_languages_and_any_case(score: Run) -> None:
    done = score(CSV / "yes_no_words.csv")
    assert done.returncode == 0, done.stderr
    assert [r["verdict"] for r in records(done.stdout)] == ["take", "negotiate"] * 7
    assert ("only 1 of 6 questions has a column (prepayment); goals, monthly_budget, decision_maker, "
            "misleading_claims, trust count as unknown in every row") in done.stderr


# -- files that cannot be used: exit 3, one line, no output ------------------------------------------------


LEGACY = ["excel_da_cp1252.csv", "excel_ru_cp1251.csv", "excel_he_cp1255.csv"]


@pytest.mark.parametrize("name", LEGACY)
def test_a_legacy_code_page_is_a_clear_error_with_the_option_to_use(score: Run, score_here: Run, name: str) -> None:
    done = (score if name == LEGACY[0] else score_here)(CSV / name)
    assert done.returncode == 3
    assert done.stdout == ""
    data = (CSV / name).read_bytes()
    offset = next(i for i, byte in enumerate(data) if byte >= 0x80)  # the first letter outside ASCII
    line, col = data[:offset].count(b"\n") + 1, offset - data.rfind(b"\n", 0, offset)
    assert done.stderr == (
        f"{CSV / name}:{line}:{col}: is not UTF-8 text at byte {offset} (0x{data[offset]:02x}); try --encoding "
        "cp1252 (Danish Excel), cp1251 (Russian) or cp1255 (Hebrew), or save as CSV UTF-8\n"
    )


def test_a_bad_byte_late_in_the_file_stops_it_before_any_output(score: Run, score_here: Run, tmp_path: Path) -> None:
    done = score(CSV / "mid_file_cp1252.csv")
    assert done.returncode == 3 and done.stdout == ""
    assert done.stderr.startswith(f"{CSV / 'mid_file_cp1252.csv'}:4:8: is not UTF-8 text at byte ")
    out = tmp_path / "scored.csv"
    out.write_text("yesterday's scores\n", encoding="utf-8")
    assert score_here(CSV / "mid_file_cp1252.csv", "-o", out).returncode == 3
    assert out.read_text(encoding="utf-8") == "yesterday's scores\n"


def test_utf16_without_a_byte_order_mark_says_which_encoding_to_try(score: Run, score_here: Run) -> None:
    done = score(CSV / "utf16_no_bom.txt")
    assert done.returncode == 3
    assert "NUL bytes in its header line" in done.stderr and "--encoding utf-16-le" in done.stderr
    assert [r["verdict"] for r in records(score_here(CSV / "utf16_no_bom.txt", "--encoding", "utf-16-le").stdout)] == (
        VERDICTS
    )


def test_duplicate_headers_exit_3(score: Run) -> None:
    done = score(CSV / "duplicate_headers.csv")
    assert done.returncode == 3
    assert done.stdout == ""
    assert done.stderr == (
        f"{CSV / 'duplicate_headers.csv'}:1:8: column 8 repeats the header 'Goals' of column 3; rename or remove one\n"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "is empty: no header, no rows"), (b"\r\n\r\n", "is empty: no header, no rows")],
)
def test_an_empty_file_is_an_input_error(
    score: Run, score_here: Run, tmp_path: Path, content: bytes, message: str,
) -> None:
    source = tmp_path / "empty.csv"
    source.write_bytes(content)
    done = (score if content == b"" else score_here)(source)
    assert (done.returncode, done.stderr) == (3, f"{source}: {message}\n")


def test_a_header_without_rows_is_zero_rows(score: Run, tmp_path: Path) -> None:
    source = tmp_path / "header.csv"
    source.write_text("id,name,prepayment\r\n", encoding="utf-8")
    done = score(source)
    assert done.returncode == 0
    assert done.stdout.splitlines() == [
        "line,id,name,verdict,score,provisional,coverage,red_flags,knockouts,red_flag_ids,knockout_ids,error"]
    assert "0 rows: 0 take, 0 negotiate, 0 decline, 0 errors" in done.stderr


# -- bad rows: reported with line and column, and the batch goes on ------------------------------------------


BROKEN = [
    "3: has 3 fields; the header has 8",
    "4:2: contains a NUL byte",
    "5:4: prepayment: 'maybe' is not an answer here; expected yes or no",
    "6:5: monthly_budget: '1,500' could be a whole number or a decimal; write it without grouping "
    "or say which mark is the decimal one (--decimal , or --decimal .)",
    "8: text follows a closing quote; a quote inside a quoted field is written twice (\"\")",
    "9: a quote opened on this line is never closed",
]


def test_bad_rows_are_reported_and_the_batch_goes_on(score: Run) -> None:
    source = CSV / "broken_rows.csv"
    done = score(source)
    assert done.returncode == 1
    assert [line for line in done.stderr.splitlines() if line.startswith(f"{source}:")] == [
        f"{source}:{error}" for error in BROKEN
    ]
    rows = records(done.stdout)
    reasons = {int(error.split(":")[0]): error.split(": ", 1)[1] for error in BROKEN}
    assert [(r["line"], r["id"], r["verdict"], r["error"]) for r in rows] == [
        ("2", "1", "take", ""),
        ("3", "2", "", reasons[3]),  # a short row keeps its own id
        ("4", "4", "", reasons[4]),
        ("5", "4", "", reasons[5]),
        ("6", "5", "", reasons[6]),
        ("7", "2", "negotiate", ""),
        ("8", "8", "", reasons[8]),
        ("9", "9", "", reasons[9]),
    ]
    assert [r["name"] for r in rows][3:5] == ["Maybe Ltd", "Ambiguous Ltd"]  # a row that parsed keeps its names
    assert done.stderr.splitlines()[-1].startswith("8 rows: 1 take, 1 negotiate, 0 decline, 6 errors; ")


def test_strict_stops_at_the_first_bad_row_and_leaves_the_output_alone(
    score: Run, score_here: Run, tmp_path: Path,
) -> None:
    out = tmp_path / "scored.csv"
    out.write_text("yesterday's scores\n", encoding="utf-8")
    done = score(CSV / "broken_rows.csv", "--strict", "-o", out)
    assert done.returncode == 1
    assert done.stderr == (
        f"{CSV / 'broken_rows.csv'}:3: has 3 fields; the header has 8 (--strict: stopped at the first bad row)\n"
    )
    assert out.read_text(encoding="utf-8") == "yesterday's scores\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["scored.csv"]  # no temporary file left behind
    assert score_here(CSV / "crm_en.csv", "--strict").returncode == 0


def test_the_decimal_option_settles_ambiguous_numbers(score: Run, score_here: Run) -> None:
    done = score(CSV / "broken_rows.csv", "--decimal", ".")
    assert "monthly_budget" not in done.stderr
    assert records(done.stdout)[4]["verdict"] == "negotiate"  # 1500: below market
    assert records(score_here(CSV / "broken_rows.csv", "--decimal", ",").stdout)[4]["score"] == "14"  # 1.5: far below
    bad = score_here(CSV / "crm_en.csv", "--decimal", ";")
    assert (bad.returncode, bad.stdout) == (2, "")
    assert bad.stderr == "clientscreen: --decimal takes , or . (got ';')\n"


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("x" * (5 << 20), "this line is longer than 4 MiB; it was skipped"),  # one line: the line limit comes first
        ("\n".join(["x" * (1 << 20)] * 5), "a field is larger than 4096 KiB"),  # quoted lines: the field limit
    ],
)
def test_a_field_over_the_size_limit_is_a_row_error(
    score: Run, score_here: Run, tmp_path: Path, field: str, message: str,
) -> None:
    source = tmp_path / "big_field.csv"
    source.write_text(f'id,name,prepayment\n1,A,yes\n2,"{field}",no\n3,C,no\n', encoding="utf-8")
    done = (score if "\n" in field else score_here)(source)
    assert done.returncode == 1
    assert f"{source}:3: {message}" in done.stderr
    csv.field_size_limit(1 << 30)  # the error row may carry what could be read of its cells
    rows = [(r["line"], r["verdict"]) for r in records(done.stdout)]
    assert rows[0] == ("2", "take") and rows[1] == ("3", "") and rows[-1][1] == "negotiate"


def test_an_unterminated_quote_is_one_error_and_the_rows_after_it_are_scored(score: Run, tmp_path: Path) -> None:
    source = FIXTURES / "hostile" / "unterminated_quote.csv"
    done = score(source)
    assert done.returncode == 1
    assert [(r["line"], r["verdict"], r["error"]) for r in records(done.stdout)] == [
        ("2", "take", ""), ("3", "", "a quote opened on this line is never closed"),
        ("5", "negotiate", ""), ("6", "decline", ""), ("7", "take", ""),
    ]
    assert done.stderr.splitlines() == [
        f"{source}:3: a quote opened on this line is never closed",
        f"{source}: 1 line after a quote that never closes was not read",
        done.stderr.splitlines()[-1],
    ]
    assert done.stderr.splitlines()[-1].startswith("5 rows: 2 take, 1 negotiate, 1 decline, 1 error;")


def test_broken_and_long_quotes_read_the_same_in_one_process_and_in_several(
    score: Run, score_here: Run, tmp_path: Path,
) -> None:
    rows = (CSV / "crm_en.csv").read_text(encoding="utf-8").splitlines()
    # 2,000 rows (about 95 KB) before the long note, 2,000 after it, and 2,000 after the broken one: the
    # 490 KB file is cut into chunks of the smallest size, 64 KiB: two chunks up to the long note, one after
    # it, and from the chunk that holds the broken quote on, the rest of the file in one process.
    many = rows[1:] * 500
    note = "a note that runs on " * 12_000  # 240 KiB, closed: read whole, not restarted inside
    lines = [rows[0], *many, f'9001,"Long Note Ltd: {note}",rough,no,3000,one,no,3',
             *many, '9002,"Never Closed,rough,no', "a line of the broken note", *many]
    source = tmp_path / "leads.csv"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outputs = []
    for jobs, run in (("1", score_here), ("2", score)):  # several processes: the installed command forks them
        done = run(source, "--jobs", jobs, "-q", "-o", f"out{jobs}.csv")
        assert done.returncode == 1, done.stderr
        outputs.append((tmp_path / f"out{jobs}.csv").read_bytes())
        assert done.stderr.splitlines() == [
            f"{source}:{2 * len(many) + 3}: a quote opened on this line is never closed",
            f"{source}: 1 line after a quote that never closes was not read",
        ]
    assert outputs[0] == outputs[1]
    csv.field_size_limit(1 << 20)  # this test's own reader, for the long name
    scored = records(outputs[0].decode("utf-8"))
    assert len(scored) == 3 * len(many) + 2  # every row but the unread line, the long one and the broken one included
    long_row = next(r for r in scored if r["id"] == "9001")
    assert (long_row["line"], long_row["verdict"], long_row["name"]) == (
        str(len(many) + 2), "negotiate", f"Long Note Ltd: {note}")
    assert scored[-1]["line"] == str(len(lines))


def test_missing_and_extra_columns_each_get_one_warning(score: Run) -> None:
    done = score(CSV / "partial_columns.csv")
    assert done.returncode == 0
    warnings = done.stderr.splitlines()[:-1]
    assert warnings == [  # two of six questions answered: the warning says which two
        f"{CSV / 'partial_columns.csv'}: ignoring columns that are not questions: owner",
        f"{CSV / 'partial_columns.csv'}: only 2 of 6 questions have a column (goals, prepayment); monthly_budget, "
        "decision_maker, misleading_claims, trust count as unknown in every row",
    ]
    # Row 2's refusal of prepayment is a client type known in full that sets the verdict: not provisional.
    assert [r["provisional"] for r in records(done.stdout)] == ["true", "false", "true", "true"]


# -- output: CSV neutralised, JSON Lines whole, the table safe ----------------------------------------------


def test_csv_output_neutralises_formulas_and_jsonl_keeps_text(score: Run, score_here: Run, tmp_path: Path) -> None:
    out = tmp_path / "scored.csv"
    assert score(CSV / "hostile_names.csv", "-o", out).returncode == 0
    rows = records(out.read_bytes().decode("utf-8"))
    assert [r["id"] for r in rows] == ["'=1+1", "'+2", "'-3", "'@x", "5", "6", "7", "8"]
    assert rows[0]["name"] == '\'=HYPERLINK("http://x","click")'
    assert rows[1]["name"] == "'@SUM(A1)"
    assert rows[5]["name"] == "'\tTabbed" and rows[6]["name"] == "'\rCarriage"
    lines = [json.loads(line) for line in score_here(CSV / "hostile_names.csv", "-f", "jsonl").stdout.splitlines()]
    assert [r["id"] for r in lines] == ["=1+1", "+2", "-3", "@x", "5", "6", "7", "8"]
    assert lines[5]["name"] == "\tTabbed" and lines[7]["name"] == "Very Long Name " * 12 + "End"


def test_the_table_shows_markup_as_text_strips_escapes_and_truncates(score: Run) -> None:
    done = score(CSV / "hostile_names.csv", "-f", "table", env={"COLUMNS": "120"})
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "[bold]Evil[/bold]" in out and "Evil [/] Corp" in out and "[link=https://x]click" in out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "Very Long Name Very Long Name Very Lo…" in out and "End" not in out  # whole in JSON Lines, cut here
    assert "=HYPERLINK" in out  # a table is not a spreadsheet: nothing to neutralise
    assert max(len(line) for line in out.splitlines()) <= 120


def test_the_table_written_to_a_file_has_a_fixed_width(score: Run, tmp_path: Path) -> None:
    out = tmp_path / "scores.txt"
    assert score(CSV / "broken_rows.csv", "-f", "table", "-o", out).returncode == 1
    text = out.read_text(encoding="utf-8")
    assert "Worst flag / error" in text and "error" in text and "\x1b" not in text
    assert max(len(line) for line in text.splitlines()) <= 120


def test_jsonl_carries_the_same_assessment_as_report(
    score: Run, score_here: Run, cli_in_process: Run, tmp_path: Path,
) -> None:
    done = score(CSV / "crm_en.csv", "-f", "jsonl", "--texts")
    first = json.loads(done.stdout.splitlines()[1])
    answers = tmp_path / "office.yaml"
    answers.write_text(
        'prospect: {name: Office Group}\nanswers: {goals: rough, prepayment: "no", '
        'monthly_budget: 3000, decision_maker: group, misleading_claims: "no", trust: 3}\n',
        encoding="utf-8",
    )
    report = json.loads(cli_in_process("report", answers, "-f", "json", "--rules", RULES).stdout)
    del report["prospect"], first["prospect"]
    assert {k: v for k, v in first.items() if k not in ("line", "id", "name", "error")} == report
    assert (first["line"], first["id"], first["name"], first["error"]) == (3, "2", "Office Group", None)
    errors = [json.loads(line) for line in score_here(CSV / "broken_rows.csv", "-f", "jsonl").stdout.splitlines()]
    assert errors[1] == {"line": 3, "id": "2", "name": "Short row", "error": "has 3 fields; the header has 8"}


def test_the_lean_jsonl_record_is_the_reports_verdict_by_id(score: Run, score_here: Run) -> None:
    """Without --texts a record holds ids, points and verdicts only, and says what the full one says."""
    lean = [json.loads(line) for line in score(CSV / "crm_en.csv", "-f", "jsonl").stdout.splitlines()]
    full = [json.loads(line) for line in score_here(CSV / "crm_en.csv", "-f", "jsonl", "--texts").stdout.splitlines()]
    assert list(lean[1]) == ["line", "id", "name", "verdict", "score", "provisional", "coverage", "red_flags",
                             "knockouts", "levers", "error"]
    assert lean[1]["levers"] == {
        "reach": "take", "terms": [{"question": "prepayment", "current": "no", "target": "yes", "points": -9}]
    }
    for short, whole in zip(lean, full, strict=True):
        assert {k: short[k] for k in ("line", "id", "name", "verdict", "score", "provisional", "coverage", "error")} \
            == {k: whole[k] for k in ("line", "id", "name", "verdict", "score", "provisional", "coverage", "error")}
        assert short["knockouts"] == [k["category"] for k in whole["knockouts"]]
        assert short["levers"] == {"reach": whole["levers"]["reach"], "terms": [
            {k: t[k] for k in ("question", "current", "target", "points")} for t in whole["levers"]["terms"]
        ]}
        assert set(short["red_flags"]) == {f["category"] for f in whole["flags"] if f["kind"] != "green"}
    assert max(len(json.dumps(r)) for r in lean) < 600  # no texts: a few hundred bytes, not kilobytes


def test_standard_input_and_output_file(score: Run, score_here: Run, tmp_path: Path) -> None:
    out = tmp_path / "scored.csv"
    done = score("-", "-o", out, input=(CSV / "crm_en.csv").read_text(encoding="utf-8"))
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert [r["verdict"] for r in records(out.read_text(encoding="utf-8"))] == VERDICTS
    assert [p.name for p in tmp_path.iterdir()] == ["scored.csv"]
    assert oct(out.stat().st_mode & 0o777) == "0o600"  # names and notes: client data
    dashed = score_here(CSV / "crm_en.csv", "-o", "-")
    assert records(dashed.stdout) == records(out.read_text(encoding="utf-8"))


def test_the_output_never_replaces_the_input(score: Run, tmp_path: Path) -> None:
    source = tmp_path / "leads.csv"
    source.write_bytes((CSV / "crm_en.csv").read_bytes())
    done = score(source, "-o", source)
    assert done.returncode == 2
    assert "that is one of the inputs" in done.stderr
    assert source.read_bytes() == (CSV / "crm_en.csv").read_bytes()


def test_id_column_and_usage_errors(score: Run, score_here: Run, tmp_path: Path) -> None:
    assert records(score_here(CSV / "crm_en.csv", "--id-column", "NAME ").stdout)[0]["id"] == "Northern Light Ltd"
    missing = score(CSV / "crm_en.csv", "--id-column", "customer")
    assert (missing.returncode, missing.stdout) == (2, "")
    assert missing.stderr == f"clientscreen: --id-column customer: {CSV / 'crm_en.csv'} has no such column\n"
    nope = score_here(CSV / "nope.csv")
    assert (nope.returncode, nope.stderr) == (3, f"{CSV / 'nope.csv'}: cannot read: No such file or directory\n")
    assert score_here(CSV, "-q").returncode == 3
    klingon = score_here(CSV / "crm_en.csv", "--encoding", "klingon")
    assert klingon.returncode == 2 and "unknown encoding 'klingon'" in klingon.stderr
    assert score_here(CSV / "crm_en.csv", "--delimiter", ";;").returncode == 2
    assert score_here(CSV / "crm_en.csv", "--jobs", "0").returncode == 2
    assert score_here(CSV / "crm_en.csv", "--format", "xlsx").returncode == 2
    for done in (missing, nope, klingon):
        assert "Traceback" not in done.stderr


def test_rows_without_an_id_are_named_by_their_line(score: Run, tmp_path: Path) -> None:
    source = tmp_path / "no_ids.csv"
    source.write_text("prepayment,name\nyes,A\nno,B\n", encoding="utf-8")
    assert [r["id"] for r in records(score(source).stdout)] == ["2", "3"]


def test_quiet_and_pipes_show_no_progress_and_quiet_no_summary(score: Run, score_here: Run) -> None:
    loud = score(CSV / "crm_en.csv")  # stderr a real pipe: no progress bar
    assert "\x1b" not in loud.stderr and "Scoring" not in loud.stderr
    quiet = score_here(CSV / "crm_en.csv", "-q")
    assert quiet.stderr == "" and quiet.stdout == loud.stdout


@pytest.mark.pty
@pytest.mark.parametrize("quiet", [False, True])
def test_a_progress_bar_only_on_a_terminal_and_not_with_q(tmp_path: Path, quiet: bool) -> None:
    source = tmp_path / "leads.csv"
    generated(source, 3000)
    out = tmp_path / "scored.csv"
    leader, follower = pty.openpty()
    env = {**plain_environment(), "TERM": "xterm", "COLUMNS": "100"}
    env.pop("NO_COLOR", None)
    argv = [installed_command(), "score", str(source), "-o", str(out), *(["-q"] if quiet else [])]
    with subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=follower, env=env) as p:
        os.close(follower)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    os.close(leader)
    assert p.returncode == 0
    assert (b"\x1b[?25l" in seen) is not quiet  # Rich hides the cursor while its live bar is up
    assert (b"3,000 rows" in seen) is not quiet
    assert len(records(out.read_text(encoding="utf-8"))) == 3000


# -- several processes: the same bytes -----------------------------------------------------------------------


@functools.cache
def template(*args: str) -> str:
    """``clientscreen template`` with ``args``, asked once per test process: the generated exports are built on it."""
    done = run_in_process(Path(__file__).parent, "template", *args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def generated(path: Path, rows: int, *, quoted_newline: bool = False, bad_every: int = 0, end: str = "\r\n") -> None:
    """A realistic export of ``rows`` leads under the default rulebook, from ``clientscreen template``."""
    form = json.loads(template("--format", "json"))
    rnd = random.Random(7)
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh, lineterminator=end)
        out.writerow(["id", "name", *(q["id"] for q in form["questions"])])
        for i in range(rows):
            row = [str(i), f"Lead {i}"]
            for q in form["questions"]:
                if q["type"] == "number":
                    row.append(str(rnd.randint(0, 9000)))
                elif q["type"] == "note":
                    row.append("two\nlines" if quoted_newline and i == rows // 2 else "")
                else:
                    row.append(str(rnd.choice(q["values"])["value"]) if rnd.random() > 0.1 else "")
            if bad_every and i % bad_every == 3:
                row[3] = "perhaps"
            out.writerow(row)


JOB_ROWS = 3_000  # enough for chunks of the smallest size, as many of them as a big file has


@pytest.mark.parametrize(
    ("kind", "options"),
    [("plain", {}), ("quoted newline", {"quoted_newline": True}), ("bad rows", {"bad_every": 500}),
     ("CR only", {"end": "\r"})],
)
def test_jobs_give_byte_identical_output(
    cli: Run, cli_in_process: Run, tmp_path: Path, kind: str, options: dict[str, Any],
) -> None:
    """One process (in this one) against two (the installed command forks them), over a file cut in chunks.

    A chunk is at least 64 KiB, and at most an eighth of the file: the 3,000 rows (470 KB) are cut into
    8 chunks, as many as a file of any size, and the 1,000 rows of the JSON Lines run into 3.
    """
    source = tmp_path / "leads.csv"
    generated(source, JOB_ROWS, **options)
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    first = cli_in_process("score", source, "-o", one)
    second = cli("score", source, "-o", two, "--jobs", "2")
    assert first.returncode == second.returncode == (1 if "bad_every" in options else 0)
    assert one.read_bytes() == two.read_bytes()
    assert len(records(one.read_text(encoding="utf-8"))) == JOB_ROWS
    summary = [line.rsplit(";", 1)[0] for line in (first.stderr, second.stderr)]
    assert summary[0] == summary[1]  # the same errors, in the same order, and the same counts
    small = tmp_path / "small.csv"
    generated(small, 1000, **options)
    jsonl = [run("score", small, "-f", "jsonl", "-q", "--jobs", str(n)).stdout
             for n, run in ((1, cli_in_process), (2, cli))]
    assert jsonl[0] == jsonl[1] and jsonl[0].count("\n") == 1000


def test_strict_with_jobs_stops_at_the_first_bad_row_in_file_order(cli: Run, tmp_path: Path) -> None:
    source = tmp_path / "leads.csv"
    generated(source, JOB_ROWS, bad_every=1000)  # rows 3, 1003 and 2003 are bad: in the first, third and fifth chunk
    out = tmp_path / "scored.csv"
    done = cli("score", source, "-o", out, "--jobs", "2", "--strict")
    assert done.returncode == 1
    assert done.stderr == (
        f"{source}:5:4: price_doubts: 'perhaps' is not an answer here; expected yes or no "
        "(--strict: stopped at the first bad row)\n"
    )
    assert not out.exists()


@pytest.fixture(scope="module")
def bad_byte_deep(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """12,000 rows with a cp1252 letter on line 9001, past the first MiB the encoding check reads at a time."""
    source = tmp_path_factory.mktemp("bad-byte") / "leads.csv"
    generated(source, 12_000)
    lines = source.read_bytes().split(b"\r\n")
    lines[9000] = lines[9000].replace(b"Lead", "L\u00e9ad".encode("cp1252"), 1)
    return b"\r\n".join(lines)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_bad_byte_deep_in_a_big_file_fails_the_run_with_its_place(
    cli: Run, cli_in_process: Run, tmp_path: Path, jobs: str, bad_byte_deep: bytes,
) -> None:
    run = cli if jobs != "1" else cli_in_process  # several processes: the installed command forks them
    source = tmp_path / "leads.csv"
    source.write_bytes(bad_byte_deep)
    out = tmp_path / "scored.csv"
    done = run("score", source, "-o", out, "--jobs", jobs)
    assert done.returncode == 3
    assert done.stderr.splitlines()[-1].startswith(f"{source}:9001:") and "is not UTF-8 text at byte" in done.stderr
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["leads.csv"]
    piped = run("score", source, "--jobs", jobs)
    assert (piped.returncode, piped.stdout) == (3, "")  # to a pipe: the whole file is checked before any output


# -- the default rulebook: a real-looking export in each language scores as `clientscreen report` does --------

LANGUAGES = {
    # language: (encoding, delimiter, yes, no, number format, extra options)
    "da": ("utf-8-sig", ";", "Ja", "nej", lambda n: f"{n:,.2f}".replace(",", " ").replace(".", ",").replace(" ", "."),
           []),
    "ru": ("cp1251", ";", "да", "Нет", lambda n: f"{n:,.2f}".replace(",", "\u00a0").replace(".", ","),
           ["--encoding", "cp1251"]),
    "he": ("cp1255", ",", "כן", "לא", lambda n: f"{n:,.2f}", ["--encoding", "cp1255"]),
    "en": ("utf-8", ",", "Yes", "no", lambda n: f"{n:,.2f}", []),
}


def export(path: Path, language: str, rows: int, seed: int) -> list[dict[str, Any]]:
    """Write an export as that language's Excel would; return each row's answers as an answers file has them."""
    encoding, delimiter, yes, no, number, _ = LANGUAGES[language]
    header = next(csv.reader(io.StringIO(template())))
    questions = {q["id"]: q for q in json.loads(template("--format", "json"))["questions"]}
    rnd = random.Random(seed)
    answers: list[dict[str, Any]] = []
    buffer = io.StringIO()
    out = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    out.writerow(header)
    for i in range(rows):
        given: dict[str, Any] = {}
        row = [str(i + 1), f"Lead {i + 1}"]
        for qid in header[2:]:
            q = questions[qid]
            if rnd.random() < 0.15 or q["type"] == "note":
                row.append("")
                continue
            if q["type"] == "number":
                value = rnd.choice([300, 1500.5, 2499.99, 4000, 12_000, 7, 1, 3])
                given[qid] = value
                row.append(number(value))
                continue
            option = rnd.choice(q["values"])
            given[qid] = option["value"]
            if q["type"] == "yesno":
                row.append(yes if option["value"] == "yes" else no)
            elif option.get("label") and rnd.random() < 0.3:
                row.append(option["label"].upper())
            else:
                row.append(str(option["value"]))
        out.writerow(row)
        answers.append(given)
    data = buffer.getvalue()
    path.write_bytes(data.encode(encoding))
    return answers


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_a_real_export_in_each_language_scores_as_report_does(
    cli: Run, cli_in_process: Run, tmp_path: Path, language: str,
) -> None:
    """Each row against report on its own answers. In Hebrew (a code page, right-to-left names) the scores in
    JSON Lines come from the installed command; every other run, of score and of report, goes through the
    same entry point in this process (start-up is not what is compared)."""
    source = tmp_path / f"leads-{language}.csv"
    answers = export(source, language, 6, seed=len(language) * 31 + ord(language[0]))
    extra = LANGUAGES[language][5]
    if extra:  # a legacy code page: refused without --encoding, never guessed
        refused = cli_in_process("score", source)
        assert refused.returncode == 3 and "--encoding cp125" in refused.stderr
    done = (cli if language == "he" else cli_in_process)("score", source, "-f", "jsonl", "--texts", *extra)
    assert done.returncode == 0, done.stderr
    scored = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(scored) == len(answers)
    for i, (row, given) in enumerate(zip(scored, answers, strict=True)):
        file = tmp_path / f"prospect-{i}.json"
        file.write_text(json.dumps({"prospect": {"name": f"Lead {i + 1}"}, "answers": given}), encoding="utf-8")
        report = json.loads(cli_in_process("report", file, "-f", "json").stdout)
        assert {k: row[k] for k in report if k != "prospect"} == {k: v for k, v in report.items() if k != "prospect"}
    table = records(cli_in_process("score", source, *extra).stdout)
    assert [r["verdict"] for r in table] == [r["verdict"] for r in scored]
    assert [int(r["score"]) for r in table] == [r["score"] for r in scored]
