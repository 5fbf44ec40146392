"""The core commands as a user meets them: the installed command, its output and exit codes.

The installed command starts, prints a report, writes one to a file, refuses a broken answers file, a
missing one and a broken rulebook, takes its rulebook from the environment, writes a template and shows
--debug's traceback; the further variants of those behaviours (another format, width or broken file)
run through the same entry point in process (``cli_in_process``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, Run

RULES = FIXTURES / "core" / "rules.yaml"


def write_answers(folder: Path, answers: dict[str, object], **prospect: str) -> Path:
    path = folder / "prospect.yaml"
    data = {"prospect": {"name": "Nordlys ApS", **prospect}, "answers": answers}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


GOOD = {"prepay": "ja", "contacts": "one", "prior_agency": "no", "misleading": "nej", "trust": 4, "budget": "3 000"}


def test_version_and_help_list_commands_and_exit_codes(cli: Run, cli_in_process: Run) -> None:
    version = cli("--version")
    assert version.returncode == 0 and version.stdout.startswith("clientscreen ")
    helped = cli_in_process("--help")
    assert helped.returncode == 0
    for command in ("report", "template", "rules"):
        assert command in helped.stdout
    for code in ("0 ok", "1 problems", "2 usage", "3 an input file", "130"):
        assert code in " ".join(helped.stdout.split())


def test_python_dash_m_runs_the_same_program(tmp_path: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "clientscreen", "--version"], capture_output=True, text=True, check=False, cwd=tmp_path
    )
    assert done.returncode == 0 and done.stdout.startswith("clientscreen ")


def test_report_json_carries_the_verdict_and_its_reasons(cli_in_process: Run, tmp_path: Path) -> None:
    path = write_answers(tmp_path, {**GOOD, "prepay": "no", "contacts": "committee"})
    done = cli_in_process("report", path, "--rules", RULES, "--format", "json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["verdict"] == "negotiate"
    assert report["score"] == 7
    assert report["provisional"] is False
    assert report["coverage"] == 1.0
    assert {f["question"] for f in report["flags"]} == {"prepay", "contacts", "trust"}
    assert report["knockouts"] == []
    assert report["levers"]["reach"] == "take"
    assert report["levers"]["terms"][0]["term"].startswith("Half")
    assert report["rulebook"]["id"] == "core_fixture"
    assert report["prospect"]["name"] == "Nordlys ApS"
    for key in ("verdict", "score", "provisional", "flags", "knockouts", "levers", "coverage"):
        assert key in report


def test_rich_report_shows_verdict_flags_levers_and_unknowns(cli: Run, tmp_path: Path) -> None:
    path = write_answers(tmp_path, {"prepay": "no", "contacts": "committee", "trust": 1})
    done = cli("report", path, "--rules", RULES, "--full")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "NEGOTIATE" in out or "DECLINE" in out
    assert "NOT ENOUGH EVIDENCE YET, leaning" in out  # below the coverage floor: a leaning, not a verdict
    for text in (
        "Red flags",
        "Refuses prepayment",
        "Why:",
        "Do:",
        "Source:",
        "000_eaa4497101015895.txt",
        "Put on the table",
        "Half of the first month up front",
        "Still unknown",
        "Would selling the product require misleading people?",
    ):
        assert text in out
    assert "\x1b[" not in out  # NO_COLOR and no terminal: plain text


def test_outside_text_is_printed_as_data_not_markup(cli_in_process: Run, tmp_path: Path) -> None:
    path = write_answers(
        tmp_path, GOOD, company="[link=https://x]click[/link]", notes="call \x1b]0;pwned\x07back \x1b[31mred\u202e"
    )
    path.write_text(path.read_text(encoding="utf-8").replace("Nordlys ApS", "Evil [/] Corp"), encoding="utf-8")
    for fmt in ("rich", "markdown", "json"):
        done = cli_in_process("report", path, "--rules", RULES, "--format", fmt)
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
        if fmt == "rich":
            assert "Evil [/] Corp" in done.stdout
            assert "[link=https://x]click[/link]" in done.stdout
            assert "\x1b" not in done.stdout and "\u202e" not in done.stdout
            assert "call back red" in done.stdout
        if fmt == "markdown":
            assert "Evil \\[/\\] Corp" in done.stdout
    as_json = json.loads(cli_in_process("report", path, "--rules", RULES, "-f", "json").stdout)
    assert as_json["prospect"]["name"] == "Evil [/] Corp"  # JSON keeps the text as it is


@pytest.mark.parametrize("width", [60, 160])
def test_report_fits_narrow_and_wide_terminals(cli_in_process: Run, tmp_path: Path, width: int) -> None:
    path = write_answers(tmp_path, {"prepay": "no", "contacts": "warring", "trust": 1, "budget": 500})
    done = cli_in_process("report", path, "--rules", RULES, env={"COLUMNS": str(width)})
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert max(len(line) for line in lines) <= width
    assert "DECLINE" in done.stdout


def test_report_written_to_a_file_atomically_and_input_untouched(cli: Run, cli_in_process: Run, tmp_path: Path) -> None:
    path = write_answers(tmp_path, GOOD)
    before = path.read_bytes()
    out = tmp_path / "report.md"
    done = cli("report", path, "--rules", RULES, "-f", "markdown", "-o", out)
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").startswith("# Nordlys ApS: **take**")
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    text_out = tmp_path / "report.txt"
    assert cli_in_process("report", path, "--rules", RULES, "-o", text_out).returncode == 0
    assert "TAKE" in text_out.read_text(encoding="utf-8")


def test_report_warns_about_answers_the_rulebook_does_not_have(cli_in_process: Run, tmp_path: Path) -> None:
    path = write_answers(tmp_path, {**GOOD, "budjet": 5})
    done = cli_in_process("report", path, "--rules", RULES, "-f", "json")
    assert done.returncode == 0
    assert f"{path}:" in done.stderr and "warning:" in done.stderr and "'budjet'" in done.stderr


def test_a_bad_answer_is_one_line_naming_file_line_and_column(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("prospect:\n  name: X\nanswers:\n  prepay: maybe\n  trust: 9\n", encoding="utf-8")
    done = cli("report", path, "--rules", RULES)
    assert done.returncode == 3
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert lines[0].startswith(f"{path}:4:3: answers.prepay: 'maybe' is not an answer here; expected yes or no")
    assert lines[1].startswith(f"{path}:5:3: answers.trust:")
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("prospect: [1, 2]\n", ":1:1: prospect: Input should be a valid dictionary"),
        ("answers: {}\n", "prospect: Field required"),
        ("prospect: {name: X}\nsurprise: 1\n", ":2:1: surprise: unknown field 'surprise'"),
        ("prospect: {name: X}\nanswers: &a {prepay: yes}\n", ":2:10: anchors (&name) are not allowed"),
        ("- just\n- a list\n", ":1:1: an answers file is a mapping"),
    ],
)
def test_unusable_answers_files_exit_3(cli_in_process: Run, tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(content, encoding="utf-8")
    done = cli_in_process("report", path, "--rules", RULES)
    assert done.returncode == 3, done.stderr
    assert expected in done.stderr
    assert "Traceback" not in done.stderr


def test_missing_files_and_usage_errors(cli: Run, cli_in_process: Run, tmp_path: Path) -> None:
    missing = cli("report", tmp_path / "nope.yaml", "--rules", RULES)
    assert missing.returncode == 3 and "nope.yaml: cannot read: No such file or directory" in missing.stderr
    assert cli_in_process("report").returncode == 2
    assert cli_in_process("report", "x.yaml", "--format", "pdf").returncode == 2
    assert cli_in_process("no-such-command").returncode == 2


def test_json_answers_files_are_read_too(cli_in_process: Run, tmp_path: Path) -> None:
    path = tmp_path / "prospect.json"
    path.write_text(json.dumps({"prospect": {"name": "Kontor"}, "answers": GOOD}), encoding="utf-8")
    done = cli_in_process("report", path, "--rules", RULES, "-f", "json")
    assert done.returncode == 0 and json.loads(done.stdout)["verdict"] == "take"
    path.write_text('{"prospect": {"name": "K"},\n "answers": {"prepay": "maybe"}}', encoding="utf-8")
    wrong = cli_in_process("report", path, "--rules", RULES)
    assert wrong.returncode == 3 and f"{path}:2:14: answers.prepay: 'maybe'" in wrong.stderr
    path.write_text('{"prospect": {"name": "K"}, "answers": {"prepay": "yes",}}', encoding="utf-8")
    broken = cli_in_process("report", path, "--rules", RULES)
    assert broken.returncode == 3 and f"{path}:1:" in broken.stderr


def test_rules_option_environment_and_bundled_default(cli: Run, cli_in_process: Run, tmp_path: Path) -> None:
    path = write_answers(tmp_path, GOOD)
    by_env = cli("report", path, "-f", "json", env={"CLIENTSCREEN_RULES": str(RULES)})
    assert by_env.returncode == 0 and json.loads(by_env.stdout)["rulebook"]["id"] == "core_fixture"
    bundled = cli_in_process("rules", "check")
    assert bundled.returncode == 0, bundled.stdout + bundled.stderr
    assert ": ok (" in bundled.stderr


def test_template_csv_and_json_describe_every_question(cli: Run, cli_in_process: Run, tmp_path: Path) -> None:
    out = tmp_path / "header.csv"
    assert cli("template", "--rules", RULES, "-o", out).returncode == 0
    assert out.read_bytes() == b"id,name,prepay,contacts,prior_agency,paid_prior,misleading,trust,budget,notes\r\n"
    described = json.loads(cli_in_process("template", "--rules", RULES, "--format", "json").stdout)
    by_id = {q["id"]: q for q in described["questions"]}
    assert [v["value"] for v in by_id["contacts"]["values"]] == ["one", "committee", "warring"]
    assert by_id["trust"]["range"] == [1, 5]
    assert by_id["budget"]["unit"] == "EUR per month"
    assert [(b["from"], b["below"], b["points"]) for b in by_id["budget"]["bands"]] == [
        (None, 1000, 5),
        (1000, 5000, 0),
        (5000, None, -2),
    ]
    assert by_id["paid_prior"]["ask_if"] == {"question": "prior_agency", "in": ["yes"]}
    assert by_id["paid_prior"]["values"][2]["knockout"] == "decline"
    assert "values" not in by_id["notes"]


def test_rules_check_reports_every_problem_and_exits_1(cli: Run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    text = RULES.read_text(encoding="utf-8").replace(
        "category: debt\n    text: Did they pay", "category: dept\n    text: Did they pay"
    )
    text = text.replace("category: accepts_prepayment}", "category: accept_prepayment}")
    bad.write_text(text.replace("{negotiate: 5, decline: 12}", "{negotiate: 12, decline: 5}"), encoding="utf-8")
    done = cli("rules", "check", RULES, bad)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert any(line.startswith(f"{bad}:5:") and "decline must be above negotiate" in line for line in lines)
    assert any("unknown category 'dept'" in line for line in lines)
    assert any(": questions[0].answers[0].category: unknown category 'accept_prepayment'" in line for line in lines)
    assert f"{RULES}: ok" in done.stderr


def test_the_bundled_rulebook_is_found_from_any_folder(cli_in_process: Run, tmp_path: Path) -> None:
    done = cli_in_process("template", "--format", "json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)["questions"]) > 10


def test_an_output_that_cannot_be_written_is_an_error_and_leaves_nothing(cli_in_process: Run, tmp_path: Path) -> None:
    path = write_answers(tmp_path, GOOD)
    not_a_folder = tmp_path / "file.txt"
    not_a_folder.write_text("keep me", encoding="utf-8")
    done = cli_in_process("report", path, "--rules", RULES, "-o", not_a_folder / "r.md", "-f", "markdown")
    assert done.returncode == 3
    assert "cannot write" in done.stderr and "Traceback" not in done.stderr
    assert not_a_folder.read_text(encoding="utf-8") == "keep me"
    existing = tmp_path / "old.md"
    existing.write_text("old report", encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text("prospect: {name: X}\nanswers: {prepay: maybe}\n", encoding="utf-8")
    assert cli_in_process("report", bad, "--rules", RULES, "-o", existing).returncode == 3
    assert existing.read_text(encoding="utf-8") == "old report"


def test_debug_shows_the_traceback_that_errors_otherwise_hide(cli: Run, cli_in_process: Run) -> None:
    hostile = FIXTURES / "rulebooks" / "custom_tag.yaml"
    plain = cli_in_process("template", "--rules", hostile)
    assert plain.returncode == 3 and "Traceback" not in plain.stderr
    debug = cli("--debug", "template", "--rules", hostile)
    assert debug.returncode != 0 and "Traceback" in debug.stderr
