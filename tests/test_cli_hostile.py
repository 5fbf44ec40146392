"""Input a hostile user can give the installed command: it ends with a documented exit code and one clear line.

Exit 70 means a bug in clientscreen; none of these may reach it, and none may hang or grow without bound.
Signals, terminals, devices, memory limits and the process's own streams are met by the installed command;
a test that tries one refusal several ways runs one of them there and the others through the same entry
point in process (``cli_in_process``).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pexpect
import pytest
import yaml

from clientscreen.rulebook import arithmetic, schema
from conftest import FIXTURES, REPO, Run, installed_command, plain_environment

DOCUMENTED = {0, 1, 2, 3, 129, 130, 143}
LIBYAML = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the same data as safe_load, a tenth of its time


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
    cli: Run, cli_in_process: Run, tmp_path: Path, command: list[str]
) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text(rulebook(500, chained=True), encoding="utf-8")
    run = cli if command == ["rules", "check"] else cli_in_process  # in process, under pytest's deeper stack
    done = run(*command, path, timeout=60)  # exponential before: 25 in a chain took over a minute
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
        book = schema.checked(yaml.load(rulebook(n, chained=chained), Loader=LIBYAML))  # noqa: S506
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


CSV_RULES = FIXTURES / "csv" / "rules.yaml"
CRM = FIXTURES / "csv" / "crm_en.csv"
PROSPECT = REPO / "examples" / "prospects" / "nordlys-webshop.yaml"


def limited_memory() -> None:
    """In the child: 1 GiB of address space, so that reading without bound ends in MemoryError, not a stuck machine."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def run_limited(*args: str | Path, stdin: object = None) -> subprocess.CompletedProcess[str]:
    env = plain_environment() | {"NO_COLOR": "1", "COLUMNS": "100"}
    return subprocess.run(
        [installed_command(), *map(str, args)], capture_output=True, text=True, encoding="utf-8", env=env,
        stdin=stdin, timeout=120, check=False, preexec_fn=limited_memory,  # noqa: PLW1509 - only sets a limit
    )


def test_score_dev_zero_stops_at_the_header_line_with_one_error(tmp_path: Path) -> None:
    done = run_limited("score", "--rules", CSV_RULES, "/dev/zero")
    assert done.returncode == 3, done.stderr
    assert one_clean_line(done.stderr) == (
        "/dev/zero:1: has no line break in its first 1 MiB: it is not a CSV export, or its lines end in something else")


def test_a_pipe_with_no_newline_is_refused_with_bounded_memory(tmp_path: Path) -> None:
    endless = subprocess.Popen(["yes", "--", "x" * 4000], stdout=subprocess.PIPE)  # noqa: S603
    endless_line = subprocess.Popen(["tr", "-d", "\n"], stdin=endless.stdout, stdout=subprocess.PIPE)  # noqa: S603
    try:
        done = run_limited("score", "--rules", CSV_RULES, "-", stdin=endless_line.stdout)
    finally:
        endless_line.kill()
        endless.kill()
        endless_line.wait()
        endless.wait()
    assert done.returncode == 3, done.stderr
    assert one_clean_line(done.stderr).startswith("<stdin>:1: has no line break in its first 1 MiB")


def test_a_row_line_of_40_mib_with_no_end_costs_rows_not_memory(tmp_path: Path) -> None:
    path = tmp_path / "one-line.csv"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("id,name,prepayment\n1,Acme,yes\n2,")
        for _ in range(40):
            fh.write("x" * (1 << 20))
        fh.write("\n3,Beta,no\n")
    done = run_limited("score", "--rules", CSV_RULES, path, "-f", "jsonl")
    assert done.returncode == 1, done.stderr
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert lines[0]["name"] == "Acme" and lines[-1]["name"] == "Beta"
    assert [(line["line"], line.get("error")) for line in lines] == [
        (2, None), (3, "this line is longer than 4 MiB; it was skipped"), (4, None)]


def test_a_header_cell_over_128_kib_is_an_error_at_line_1(cli_in_process: Run, tmp_path: Path) -> None:
    """Fields may hold 4 MiB now, so a 200 KB header cell is read: a header with no question is refused."""
    path = tmp_path / "wide.csv"
    path.write_text("id,name," + "x" * 200_000 + "\n1,a,b\n", encoding="utf-8")
    done = cli_in_process("score", "--rules", CSV_RULES, path)
    assert done.returncode == 3
    assert one_clean_line(done.stderr).startswith(f"{path}:1: no column is a question")


@pytest.mark.parametrize(
    ("encoding", "code", "message"),
    [
        ("utf-16", 3, "does not start with a byte order mark, so utf-16 cannot tell its byte order; "
                      "try --encoding utf-16-le (or utf-16-be)"),
        ("rot13", 2, "'rot13' is not a text encoding; try cp1252, cp1251, cp1255 or utf-16"),
        ("base64", 2, "'base64' is not a text encoding; try cp1252, cp1251, cp1255 or utf-16"),
    ],
)
def test_encodings_that_cannot_read_the_file_are_one_line(
    cli: Run, cli_in_process: Run, encoding: str, code: int, message: str,
) -> None:
    for source in (str(CRM), "-"):
        run = cli if encoding == "utf-16" else cli_in_process  # one real run of each source
        done = run("score", "--rules", CSV_RULES, "--encoding", encoding, source,
                   input=CRM.read_text(encoding="utf-8") if source == "-" else None)
        assert done.returncode == code, done.stderr
        assert one_clean_line(done.stderr).endswith(message)


def test_rulebook_and_answers_keys_holding_a_bracket_or_reading_str_are_named(
    cli_in_process: Run, tmp_path: Path,
) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text((FIXTURES / "lint" / "clean.yaml").read_text(encoding="utf-8") + '"th[x": 1\nstr: 2\n',
                     encoding="utf-8")
    done = cli_in_process("rules", "check", rules)
    assert done.returncode == 1
    assert "unknown field 'th[x'" in done.stdout + done.stderr and "unknown field 'str'" in done.stdout + done.stderr
    done = cli_in_process("report", "--rules", rules, PROSPECT)
    assert done.returncode == 3
    assert done.stderr.splitlines() == [f"{rules}:48:1: th[x: unknown field 'th[x'; check its spelling",
                                        f"{rules}:49:1: str: unknown field 'str'; check its spelling"]
    answers = tmp_path / "acme.yaml"
    answers.write_text(PROSPECT.read_text(encoding="utf-8") + '"go[als": 1\nstr: x\n', encoding="utf-8")
    done = cli_in_process("report", answers)
    assert done.returncode == 3
    assert [line.split(": ", 1)[1] for line in done.stderr.splitlines()] == [
        "go[als: unknown field 'go[als'", "str: unknown field 'str'"]


def test_a_lone_surrogate_in_an_answers_file_is_refused_at_its_place(cli_in_process: Run, tmp_path: Path) -> None:
    answers = tmp_path / "acme.yaml"
    answers.write_text('prospect:\n  name: Acme\nanswers:\n  notes: "met \\udc80 at a fair"\n', encoding="utf-8")
    done = cli_in_process("report", "--rules", FIXTURES / "core" / "rules.yaml", answers, "-f", "json",
                          "-o", tmp_path / "r.json")
    assert done.returncode == 3
    assert one_clean_line(done.stderr) == (
        f"{answers}:4:3: answers.notes: U+DC80 is half of a character (a lone surrogate), not text; delete it")
    assert not (tmp_path / "r.json").exists()


@pytest.mark.parametrize("command", [["report", str(PROSPECT)], ["report", str(PROSPECT), "-f", "json"],
                                     ["rules", "show"], ["score", "--rules", str(CSV_RULES), str(CRM)]])
def test_standard_output_on_a_full_disk_is_one_line_exit_3(tmp_path: Path, command: list[str]) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run([installed_command(), *command], stdout=full, stderr=subprocess.PIPE, text=True,
                              env=plain_environment(), timeout=60, check=False)
    assert done.returncode == 3
    assert one_clean_line(done.stderr) == "<stdout>: cannot write: No space left on device"


def test_a_huge_columns_value_draws_a_table_no_wider_than_1000(cli_in_process: Run) -> None:
    done = cli_in_process("score", "--rules", CSV_RULES, CRM, "-f", "table", env={"COLUMNS": "100000000"}, timeout=60)
    assert done.returncode == 0, done.stderr
    assert 100 < max(len(line) for line in done.stdout.splitlines()) <= 1000


def test_sigterm_to_score_with_jobs_prints_one_line_and_exits_143(tmp_path: Path) -> None:
    import signal
    import time

    path = tmp_path / "many.csv"
    row = "measurable,yes,4500,one,no,5\n"
    path.write_text("id,name,goals,prepayment,monthly_budget,decision_maker,misleading_claims,trust\n"
                    + "".join(f"{i},Name {i}," + row for i in range(300_000)), encoding="utf-8")
    child = subprocess.Popen([installed_command(), "score", "--jobs", "2", "--rules", str(CSV_RULES), str(path)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=plain_environment(), cwd=tmp_path)
    assert child.stdout is not None
    child.stdout.readline()  # scoring has started
    for _ in range(20):
        child.stdout.read(1 << 16)
    time.sleep(0.3)
    child.send_signal(signal.SIGTERM)
    _out, err = child.communicate(timeout=60)  # to the end of stderr: a worker's traceback after the parent's end
    assert child.returncode == 143
    assert err.decode("utf-8").splitlines() == ["clientscreen: terminated by SIGTERM"]


def interview(folder: Path, *args: str) -> pexpect.spawn:
    from test_cli_interview import RULES, spawn

    return spawn(folder, "--rules", RULES, *args)


def ended(child: pexpect.spawn) -> tuple[int | None, str]:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus, (child.before or "").replace("\r", "")


@pytest.mark.pty
@pytest.mark.parametrize(
    ("setup", "args", "message"),
    [
        (None, ["--out", "nodir/x.yaml"], "nodir/x.yaml: cannot write here: No such file or directory"),
        ("screenings", [], "screenings: cannot write here: Not a directory"),
    ],
)
def test_an_answers_file_that_cannot_be_made_is_one_line_exit_3(
    tmp_path: Path, setup: str | None, args: list[str], message: str
) -> None:
    if setup:
        (tmp_path / setup).write_text("a file, not a folder", encoding="utf-8")
    status, output = ended(interview(tmp_path, "--prospect", "Nordlys", *args))
    assert status == 3, output
    assert output.strip().splitlines()[-1] == message
    assert "internal error" not in output and "Traceback" not in output


@pytest.mark.pty
@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_one_line_exit_3(tmp_path: Path) -> None:
    tmp_path.chmod(0o555)
    try:
        status, output = ended(interview(tmp_path, "--prospect", "Nordlys"))
    finally:
        tmp_path.chmod(0o755)
    assert status == 3, output
    assert output.strip().splitlines()[-1] == "screenings: cannot write here: Permission denied"


@pytest.mark.pty
def test_an_interviewer_name_over_10000_characters_is_refused_in_one_line(tmp_path: Path) -> None:
    """It went into the file unchecked, and the file's schema refused it with an internal error (exit 70)."""
    status, output = ended(interview(tmp_path, "--prospect", "Nordlys", "--interviewer", "M" * 10_001))
    assert status == 2, output
    assert output.strip().splitlines()[-1] == (
        "clientscreen: --interviewer: String should have at most 10,000 characters")
    assert not (tmp_path / "screenings").exists()


@pytest.mark.pty
def test_a_prospect_name_over_500_characters_is_refused_and_asked_again(tmp_path: Path) -> None:
    status, output = ended(interview(tmp_path, "--prospect", "N" * 501))
    assert status == 2
    assert output.strip().splitlines()[-1] == "clientscreen: --prospect: String should have at most 500 characters"
    child = interview(tmp_path)
    child.expect_exact("Prospect name:")
    child.sendline("N" * 501)
    child.expect_exact("String should have at most 500 characters")
    child.expect_exact("Prospect name:")
    child.sendline("Nordlys")
    child.expect_exact("Company (optional):")
    child.sendeof()
    status, output = ended(child)
    assert status == 130 and "internal error" not in output


@pytest.mark.pty
def test_a_name_typed_from_a_non_utf8_terminal_is_saved_and_reported(tmp_path: Path, cli_in_process: Run) -> None:
    from test_cli_interview import RULES, Terminal

    env = plain_environment() | {"TERM": "xterm-256color", "NO_COLOR": "1"}
    args = ["interview", "--rules", str(RULES), "--interviewer", "Mette"]
    child = Terminal(installed_command(), args, cwd=str(tmp_path), env=env,
                     encoding="utf-8", codec_errors="replace", timeout=15, dimensions=(50, 100))
    child.expect_exact("Prospect name:")
    os.write(child.child_fd, b"Caf\xe9 N\xf8rre\r")  # Latin-1 bytes into a UTF-8 session
    child.expect_exact("Company (optional):")
    child.sendline("")
    child.expect_exact("Contact (optional):")
    child.sendline("")
    child.expect_exact("1/8")
    child.expect_exact("> ")
    child.sendline("u")  # unknown: an answer every question takes
    child.expect_exact("2/8")
    child.expect_exact("> ")
    child.sendeof()
    status, output = ended(child)
    assert status == 130, output
    saved = next((tmp_path / "screenings").glob("*.yaml"))
    name = yaml.safe_load(saved.read_text(encoding="utf-8"))["prospect"]["name"]
    assert name.endswith("N\ufffdrre") and name.startswith("Caf")  # readline may take a lone \xe9 as Meta-i
    done = cli_in_process("report", "--rules", FIXTURES / "core" / "rules.yaml", saved, "-f", "json",
                          "-o", tmp_path / "r.json")
    assert done.returncode == 0, done.stderr
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["prospect"]["name"] == name


def test_a_tab_or_escape_sequence_in_a_header_cell_never_reaches_the_terminal(
    cli_in_process: Run, tmp_path: Path,
) -> None:
    """Found by tests/fuzz_long.py: a tab in a header cell came out in the "ignoring columns" warning."""
    path = tmp_path / "crm.csv"
    path.write_text("id,name\tgoals,\x1b]0;pwned\x07x\x1b[31m,prepayment\r\n1,a,b,yes\r\n", encoding="utf-8")
    done = cli_in_process("score", "--rules", CSV_RULES, path)
    assert done.returncode == 0, done.stderr
    assert f"{path}: ignoring columns that are not questions: name goals, x" in done.stderr.splitlines()
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", done.stderr)
