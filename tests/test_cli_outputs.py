"""Where a command writes: never onto an input, into devices and through links as they are, 0600 for client data.

The installed command refuses each kind of output onto an input (report, template, rules diff), writes into
devices, through links, into a fifo and 0600 files, is stopped by signals, and refuses a folder, as root where
the tests run as root (a root user could replace device nodes before, so the devices here are made in a
scratch folder, never the system's own); the further variants of those behaviours (another command, another
name for the same file, another message) run through the same entry point in process (``cli_in_process``).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import stat
import subprocess
import time
from pathlib import Path

import pytest

from conftest import FIXTURES, Run, installed_command, plain_environment

RULES = FIXTURES / "core" / "rules.yaml"
ACME = FIXTURES / "hostile" / "acme.yaml"
CSV = FIXTURES / "csv" / "crm_en.csv"
CSV_CSV, CSV_RULES = CSV, FIXTURES / "csv" / "rules.yaml"  # a CSV export and the rulebook it answers


def copy(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target


def refused(done: object, before: bytes, path: Path) -> None:
    """Exit 2, one line naming the clash, and the input byte for byte as it was."""
    assert done.returncode == 2, done.stderr  # type: ignore[attr-defined]
    lines = done.stderr.splitlines()  # type: ignore[attr-defined]
    assert len(lines) == 1 and "that is one of the inputs" in lines[0], lines
    assert path.read_bytes() == before


def test_report_never_writes_over_its_answers_file_or_rulebook(cli: Run, cli_in_process: Run, tmp_path: Path) -> None:
    answers, rules = copy(ACME, tmp_path / "acme.yaml"), copy(RULES, tmp_path / "rules.yaml")
    refused(cli("report", answers, "--rules", rules, "-o", answers), ACME.read_bytes(), answers)
    run = cli_in_process
    refused(run("report", answers, "--rules", rules, "-f", "json", "-o", rules), RULES.read_bytes(), rules)
    (tmp_path / "link.yaml").symlink_to(answers)  # another name for the same file
    refused(run("report", answers, "--rules", rules, "-o", "link.yaml"), ACME.read_bytes(), answers)
    os.link(answers, tmp_path / "hard.yaml")
    refused(run("report", answers, "--rules", rules, "-o", "hard.yaml"), ACME.read_bytes(), answers)
    fine = run("report", answers, "--rules", rules, "-o", "report.txt")
    assert fine.returncode == 0, fine.stderr
    assert "Acme A/S" in (tmp_path / "report.txt").read_text(encoding="utf-8")


def test_template_and_rules_test_never_write_over_the_rulebook(cli: Run, cli_in_process: Run, tmp_path: Path) -> None:
    rules = copy(RULES, tmp_path / "rules.yaml")
    refused(cli("template", "--rules", rules, "-o", rules), RULES.read_bytes(), rules)
    refused(cli_in_process("rules", "test", rules, "--junit", rules), RULES.read_bytes(), rules)
    folder = tmp_path / "books"
    inside = copy(RULES, folder / "book.yaml")
    refused(cli_in_process("rules", "test", folder, "--junit", inside), RULES.read_bytes(), inside)


def test_rules_diff_never_writes_over_a_prospect_or_a_rulebook(cli: Run, cli_in_process: Run, tmp_path: Path) -> None:
    rules = copy(RULES, tmp_path / "rules.yaml")
    prospect = copy(ACME, tmp_path / "pros" / "a.yaml")
    refused(cli("rules", "diff", rules, rules, "--prospects", "pros", "-o", prospect), ACME.read_bytes(), prospect)
    run = cli_in_process
    refused(run("rules", "diff", rules, rules, "--prospects", "pros", "-o", rules), RULES.read_bytes(), rules)
    leads = copy(CSV, tmp_path / "leads.csv")
    refused(run("rules", "diff", rules, rules, "--prospects", leads, "-o", leads), CSV.read_bytes(), leads)
    fine = run("rules", "diff", rules, rules, "--prospects", "pros", "-o", "impact.txt")
    assert fine.returncode == 0, fine.stderr


def test_score_refuses_its_rulebook_as_well_as_its_csv(cli_in_process: Run, tmp_path: Path) -> None:
    rules, leads = copy(RULES, tmp_path / "rules.yaml"), copy(CSV, tmp_path / "leads.csv")
    refused(cli_in_process("score", leads, "--rules", rules, "-o", rules), RULES.read_bytes(), rules)
    refused(cli_in_process("score", leads, "--rules", rules, "-o", leads), CSV.read_bytes(), leads)


def device(path: Path, minor: int) -> Path:
    """A copy of /dev/null (minor 3) or /dev/full (7) in a scratch folder: never the system's own."""
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    return path


def test_a_device_is_written_into_as_it_is_and_a_full_disk_is_an_error(cli: Run, tmp_path: Path) -> None:
    null, full = device(tmp_path / "null", 3), device(tmp_path / "full", 7)
    done = cli("score", CSV_CSV, "--rules", CSV_RULES, "-o", null)
    assert done.returncode == 0, done.stderr
    assert stat.S_ISCHR(null.stat().st_mode)  # still the device, not a regular file with the scores
    for args in (["score", CSV_CSV, "--rules", CSV_RULES, "-q"], ["report", ACME, "--rules", RULES],
                 ["template", "--rules", RULES]):
        failed = cli(*args, "-o", full)
        assert failed.returncode == 3, (args, failed.stderr)
        assert failed.stderr.splitlines() == [f"{full}: cannot write: No space left on device"]
        assert stat.S_ISCHR(full.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["full", "null"]  # no temporary file beside them


def test_a_link_to_standard_output_prints_and_a_fifo_is_fed(cli: Run, tmp_path: Path) -> None:
    (tmp_path / "stdout").symlink_to("/proc/self/fd/1")  # what /dev/stdout is, without touching /dev
    done = cli("score", CSV_CSV, "--rules", CSV_RULES, "-q", "-o", "stdout")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("line,id,name,verdict")
    assert (tmp_path / "stdout").is_symlink()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    writer = subprocess.Popen([installed_command(), "template", "--rules", RULES, "-o", fifo],
                              env=plain_environment(), cwd=tmp_path)
    with fifo.open(encoding="utf-8") as reader:  # opens once the writer has: the pipe is written, not replaced
        text = reader.read()
    assert writer.wait(timeout=30) == 0
    assert text.startswith("id,name,") and stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_symlinked_output_replaces_its_target_and_stays_a_link(cli: Run, cli_in_process: Run, tmp_path: Path) -> None:
    target = tmp_path / "shared" / "scores.csv"
    target.parent.mkdir()
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(Path("shared") / "scores.csv")
    done = cli("score", CSV_CSV, "--rules", CSV_RULES, "-q", "-o", "link.csv")
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and os.readlink(link) == str(Path("shared") / "scores.csv")
    assert target.read_text(encoding="utf-8").startswith("line,id,name,verdict")
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert sorted(p.name for p in target.parent.iterdir()) == ["scores.csv"]
    dangling = tmp_path / "later.txt"
    dangling.symlink_to("made-now.txt")
    assert cli_in_process("report", ACME, "--rules", RULES, "-o", dangling).returncode == 0
    assert dangling.is_symlink() and "Acme A/S" in (tmp_path / "made-now.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_a_signal_during_score_leaves_no_temporary_file(tmp_path: Path, sig: signal.Signals, code: int) -> None:
    rows = CSV_CSV.read_text(encoding="utf-8").splitlines()
    big = tmp_path / "in" / "big.csv"
    big.parent.mkdir()
    big.write_text("\n".join([rows[0], *rows[1:] * 100_000]) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    child = subprocess.Popen([installed_command(), "score", big, "--rules", CSV_RULES, "-q", "-o", out / "s.csv"],
                             env=plain_environment(), cwd=tmp_path, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while not any(p.stat().st_size for p in out.glob(".s.csv.*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert child.poll() is None, "scoring finished before it could be stopped"
    child.send_signal(sig)
    _, err = child.communicate(timeout=30)
    assert child.returncode == code, err
    assert list(out.iterdir()) == []  # neither the output nor its half-written client data


def test_outputs_with_client_data_are_private(cli: Run, cli_in_process: Run, tmp_path: Path) -> None:
    for fmt in ("rich", "json", "markdown"):
        run = cli if fmt == "rich" else cli_in_process
        done = run("report", ACME, "--rules", RULES, "-f", fmt, "-o", f"acme.{fmt}")
        assert done.returncode == 0, done.stderr
        assert stat.S_IMODE((tmp_path / f"acme.{fmt}").stat().st_mode) == 0o600  # contact and notes inside
    copy(ACME, tmp_path / "pros" / "a.yaml")
    assert cli_in_process("rules", "diff", RULES, RULES, "--prospects", "pros", "-o", "impact.md").returncode == 0
    assert stat.S_IMODE((tmp_path / "impact.md").stat().st_mode) == 0o600


@pytest.mark.parametrize(
    "args",
    [["report", "{dir}"], ["report", str(ACME), "--rules", "{dir}"], ["template", "--rules", "{dir}"],
     ["rules", "show", "{dir}"], ["score", str(CSV), "--rules", "{dir}"]],
)
def test_a_folder_given_as_a_file_is_one_line_and_exit_3(
    cli: Run, cli_in_process: Run, tmp_path: Path, args: list[str],
) -> None:
    folder = tmp_path / "rules.d"
    folder.mkdir()
    run = cli if args[0] == "report" and args[1] == "{dir}" else cli_in_process  # one real run of the five
    done = run(*(a.replace("{dir}", str(folder)) for a in args))
    assert (done.returncode, done.stderr) == (3, f"{folder}: is a folder, not a file\n")


CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE = FIXTURES / "hostile"


def test_outside_text_in_messages_carries_no_controls_and_no_extra_lines(cli_in_process: Run) -> None:
    header = cli_in_process("score", HOSTILE / "escape_header.csv", "--rules", CSV_RULES, "-q")
    assert header.returncode == 0, header.stderr
    assert header.stderr == f"{HOSTILE / 'escape_header.csv'}: ignoring columns that are not questions: owner\n"
    answers = cli_in_process("report", HOSTILE / "escape_answers.yaml", "--rules", RULES)
    assert answers.returncode == 0, answers.stderr
    warnings = answers.stderr.splitlines()
    assert len(warnings) == 2 and not CONTROLS.search(answers.stderr), warnings  # one line each
    assert "answered against corefixture 1" in warnings[0] and "answers.k second line: no question" in warnings[1]
    for args in (["rules", "check"], ["rules", "show"]):
        key = cli_in_process(*args, HOSTILE / "escape_key_rules.yaml")
        found = [line for line in (key.stdout + key.stderr).splitlines() if "unknown field" in line]
        assert len(found) == 1 and "evil second line: unknown field" in found[0], key.stdout + key.stderr
        assert not CONTROLS.search(key.stdout + key.stderr)


def test_one_wrong_answer_is_one_line_and_nan_in_json_is_pinned(cli_in_process: Run) -> None:
    done = cli_in_process("report", HOSTILE / "budget_1e999.yaml", "--rules", RULES)
    assert (done.returncode, done.stderr) == (
        3, f"{HOSTILE / 'budget_1e999.yaml'}:5:3: answers.budget: Input should be a finite number\n")
    nan = cli_in_process("report", HOSTILE / "nan_budget.json", "--rules", RULES)
    assert (nan.returncode, nan.stderr) == (
        3, f"{HOSTILE / 'nan_budget.json'}:3:42: NaN is not a number a file may contain\n")


def test_rules_check_with_an_old_that_names_nothing_is_an_error(cli_in_process: Run, tmp_path: Path) -> None:
    for old in ("HEAD", "missing.yaml"):  # tmp_path is in no git repository
        done = cli_in_process("rules", "check", RULES, "--old", old)
        assert (done.returncode, done.stderr) == (
            3, f"{old}: --old: neither a file nor a git revision of the repository here\n")
    assert cli_in_process("rules", "check", RULES, "--old", RULES).returncode == 0
