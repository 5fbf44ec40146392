"""`clientscreen interview` in a real pseudo-terminal, through the installed command."""

from __future__ import annotations

import re
import signal
import stat
import subprocess
import time
from pathlib import Path

import pexpect
import pytest
import yaml

from conftest import FIXTURES, REPO, installed_command, plain_environment

pytestmark = pytest.mark.pty
RULES = FIXTURES / "core" / "rules.yaml"


class Terminal(pexpect.spawn):  # type: ignore[misc]
    """pexpect's spawn, typing at once and waiting for a finished child instead of sleeping on it.

    pexpect pauses 50 ms before every send (the tests here wait for each prompt before they type), and
    ``close`` sleeps 0.1 s to let the child's status settle, then sends SIGHUP to a child still alive.
    Once the terminal has reached its end the child is exiting: it is waited for, so its exit status is
    its own, and the sleep is left out. A child still running is closed as pexpect closes it.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.delaybeforesend = None

    def close(self, force: bool = True) -> None:
        if not self.closed and self.flag_eof and not self.terminated:
            self.wait()
        if self.terminated:
            self.ptyproc.delayafterclose = 0
        super().close(force)

    def __del__(self) -> None:
        if not self.closed and self.flag_eof:  # read to its end and dropped: close without the sleep
            self.close()


def spawn(
    tmp_path: Path, *args: str | Path, colour: bool = False, cols: int = 100, rows: int = 50,
    env: dict[str, str] | None = None,
) -> pexpect.spawn:
    env = {**{k: v for k, v in plain_environment().items() if k not in ("NO_COLOR", "COLUMNS")}, **(env or {})}
    env["TERM"] = "xterm-256color"
    env.setdefault("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig"))  # no name from the machine's own git
    env["GIT_CONFIG_NOSYSTEM"] = "1"
    if not colour:
        env["NO_COLOR"] = "1"
    return Terminal(
        installed_command(),
        ["interview", *map(str, args)],
        cwd=str(tmp_path),
        env=env,
        encoding="utf-8",
        timeout=15,
        dimensions=(rows, cols),
    )


def prospect(child: pexpect.spawn, name: str = "Nordlys ApS") -> None:
    child.expect_exact("Prospect name:")
    child.sendline(name)
    child.expect_exact("Company (optional):")
    child.sendline("Nordlys")
    child.expect_exact("Contact (optional):")
    child.sendline("")
    child.expect_exact("Your name (the interviewer):")
    child.sendline("")
    child.expect_exact("as you go.")


def answer(child: pexpect.spawn, *pairs: tuple[str, str]) -> None:
    for prompt, line in pairs:
        child.expect_exact(prompt)
        child.sendline(line)


FULL = [
    ("1/8", "y"),
    ("2/8", "1"),
    ("3/8", "ja"),
    ("4/8", "full"),
    ("5/8", "nej"),
    ("6/8", "4"),
    ("7/8", "3 000"),
    ("8/8", "met at a fair"),
]


def decide_later(child: pexpect.spawn, prompt: str = "What did you decide?") -> None:
    """The interview's last step asks what the agency decided; Enter, its default, leaves that for later."""
    child.expect_exact(prompt)
    child.expect_exact("> ")
    child.sendline("")


def finish(child: pexpect.spawn) -> None:
    child.expect_exact("or f to finish.")
    child.sendline("f")
    child.expect_exact("Answers saved to ")
    decide_later(child)
    child.expect(pexpect.EOF)
    child.close()


def saved_file(tmp_path: Path) -> Path:
    files = list((tmp_path / "screenings").glob("*.yaml"))
    assert len(files) == 1, files
    return files[0]


def test_a_full_interview_ends_with_the_report_and_a_complete_private_file(tmp_path: Path) -> None:
    child = spawn(tmp_path, "--rules", RULES)
    prospect(child)
    answer(child, *FULL)
    child.expect_exact("or f to finish.")
    child.sendline("f")
    child.expect_exact("TAKE")
    child.expect_exact("Answers saved to screenings/nordlys-aps-")
    decide_later(child)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    path = saved_file(tmp_path)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["status"] == "complete"
    assert data["prospect"] == {"name": "Nordlys ApS", "company": "Nordlys"}
    assert data["answers"]["budget"] == 3000 and data["answers"]["notes"] == "met at a fair"
    assert data["rulebook"]["id"] == "core_fixture" and data["rulebook"]["hash"].startswith("sha256:")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700  # its file names are prospects' names
    assert not list((tmp_path / "screenings").glob(".*"))  # no lock or temporary file left behind


def test_invalid_input_help_back_and_a_jump_from_the_review(tmp_path: Path) -> None:
    child = spawn(tmp_path, "--rules", RULES, "--prospect", "Kontor")
    child.expect_exact("1/8")
    child.sendline("maybe")
    child.expect_exact("'maybe' is not an answer here; expected yes or no")
    child.sendline("?")
    child.expect_exact("Why: A client who will not pay up front may not pay at all.")
    child.sendline("n")
    child.expect_exact("2/8")
    child.sendline("b")
    child.expect_exact("now: no")
    child.sendline("y")
    answer(child, *FULL[1:])
    child.expect_exact("or f to finish.")
    child.sendline("2")
    child.expect_exact("now: One responsible person")
    child.sendline("warring")
    child.expect_exact("People who argue with each other")
    finish(child)
    data = yaml.safe_load(saved_file(tmp_path).read_text(encoding="utf-8"))
    assert data["answers"]["prepay"] == "yes" and data["answers"]["contacts"] == "warring"


def test_ctrl_c_keeps_a_draft_and_resume_finishes_it(tmp_path: Path) -> None:
    child = spawn(tmp_path, "--rules", RULES)
    prospect(child)
    answer(child, *FULL[:2])
    child.expect_exact("3/8")
    child.expect_exact("> ")
    child.sendintr()
    child.expect_exact("continue with: clientscreen interview --resume screenings/")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    path = saved_file(tmp_path)
    draft = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert draft["status"] == "draft" and draft["answers"] == {"prepay": "yes", "contacts": "one"}

    resumed = spawn(tmp_path, "--rules", RULES, "--resume", path.relative_to(tmp_path))
    answer(resumed, *FULL[2:])
    finish(resumed)
    assert resumed.exitstatus == 0
    done = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert done["status"] == "complete" and len(done["answers"]) == 8


@pytest.mark.parametrize(("how", "code"), [("eof", 130), (signal.SIGHUP, 129), (signal.SIGTERM, 143)])
def test_ctrl_d_a_closed_terminal_and_sigterm_keep_the_draft(tmp_path: Path, how: object, code: int) -> None:
    child = spawn(tmp_path, "--rules", RULES)
    prospect(child)
    answer(child, *FULL[:3])
    child.expect_exact("4/8")
    child.expect_exact("> ")  # reading: a signal before readline waits for a key would wait for that key
    if how == "eof":
        child.sendeof()
    else:
        child.kill(how)  # type: ignore[arg-type]
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == code
    draft = yaml.safe_load(saved_file(tmp_path).read_text(encoding="utf-8"))
    assert draft["status"] == "draft" and list(draft["answers"]) == ["prepay", "contacts", "prior_agency"]


def test_resume_after_a_rulebook_edit_lists_what_no_longer_applies(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text(RULES.read_text(encoding="utf-8"), encoding="utf-8")
    child = spawn(tmp_path, "--rules", rules)
    prospect(child)
    answer(child, ("1/8", "y"), ("2/8", "committee"))
    child.expect_exact("3/8")
    child.expect_exact("> ")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    path = saved_file(tmp_path)
    edited = rules.read_text(encoding="utf-8").replace("value: committee", "value: board")
    rules.write_text(edited, encoding="utf-8")

    resumed = spawn(tmp_path, "--rules", rules, "--resume", path)
    resumed.expect_exact("The rulebook has changed since")
    resumed.expect_exact("contacts: 'committee' is not an answer here")
    resumed.expect_exact("2/8")  # asked again, where it still applies
    resumed.sendline("board")
    answer(resumed, *FULL[2:])
    finish(resumed)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["answers"]["contacts"] == "board"
    assert data["rulebook"]["hash"] != ""


def test_markup_and_escape_sequences_in_a_name_are_shown_as_plain_text(tmp_path: Path) -> None:
    child = spawn(tmp_path, "--rules", RULES, "--prospect", "Evil [/] Corp \x1b]0;pwned\x07[bold]x[/bold]")
    answer(child, *FULL)
    child.expect_exact("or f to finish.")
    child.sendline("f")
    child.expect_exact("Evil [/] Corp [bold]x[/bold]")
    decide_later(child)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "pwned" not in (child.before or "")
    data = yaml.safe_load(saved_file(tmp_path).read_text(encoding="utf-8"))
    assert data["prospect"]["name"] == "Evil [/] Corp [bold]x[/bold]"  # control sequences never reach the file


def test_escape_sequences_typed_at_the_name_prompt_never_reach_the_file(tmp_path: Path) -> None:
    # Typed, ESC starts a key sequence for line editing; whatever is left of it is plain text.
    child = spawn(tmp_path, "--rules", RULES)
    prospect(child, name="Evil [/] Corp \x1b]0;pwned\x07[bold]x[/bold]")
    child.expect_exact("> ")
    child.sendintr()
    child.expect(pexpect.EOF)
    name = yaml.safe_load(saved_file(tmp_path).read_text(encoding="utf-8"))["prospect"]["name"]
    assert name.startswith("Evil [/] Corp") and name.endswith("[bold]x[/bold]")
    assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in name)


def test_the_interview_ends_with_the_brief_wrapped_within_a_60_column_terminal(tmp_path: Path) -> None:
    child = spawn(tmp_path, "--rules", RULES, "--prospect", "Nordlys", cols=60)
    answer(child, *FULL)
    child.expect_exact("or f to finish.")
    child.sendline("f")
    child.expect_exact("Answers saved to")
    report = child.before or ""
    decide_later(child)
    child.expect(pexpect.EOF)
    child.close()
    plain = re.sub(r"\x1b\[[0-9;]*m", "", report)  # NO_COLOR still allows bold
    lines = [line.rstrip() for line in plain.replace("\r", "").splitlines()]
    assert max(len(line) for line in lines) <= 60
    assert any(line.startswith("✔ TAKE") for line in lines)
    assert "clientscreen report" in plain and "--full" in plain and "Red flags" not in plain


def test_colour_in_a_terminal_and_none_with_no_color(tmp_path: Path) -> None:
    outputs = {}
    for colour in (True, False):
        folder = tmp_path / str(colour)
        folder.mkdir()
        child = spawn(folder, "--rules", RULES, "--prospect", "Nordlys", colour=colour)
        answer(child, *FULL)
        child.expect_exact("or f to finish.")
        child.sendline("f")
        child.expect_exact("Recorded in the ledger.")
        outputs[colour] = child.before or ""
        decide_later(child)
        child.expect(pexpect.EOF)
        child.close()
    assert "\x1b[1;32m" in outputs[True] or "\x1b[32;1m" in outputs[True]
    assert "\x1b[32" not in outputs[False] and "\x1b[1;32" not in outputs[False]
    assert "TAKE" in outputs[False]


def test_the_same_file_cannot_be_interviewed_twice_at_once(tmp_path: Path) -> None:
    first = spawn(tmp_path, "--rules", RULES, "--prospect", "Nordlys")
    first.expect_exact("1/8")
    path = saved_file(tmp_path)
    second = spawn(tmp_path, "--rules", RULES, "--resume", path)
    second.expect_exact("another interview has this file open")
    second.expect(pexpect.EOF)
    second.close()
    assert second.exitstatus == 3
    first.expect_exact("> ")
    first.sendintr()
    first.expect(pexpect.EOF)


def test_without_a_terminal_it_exits_2_at_once(tmp_path: Path) -> None:
    started = time.monotonic()
    done = subprocess.run(
        [installed_command(), "interview"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=20,
        check=False,
    )
    assert done.returncode == 2
    assert "clientscreen report" in done.stderr and "clientscreen score" in done.stderr
    assert time.monotonic() - started < 10
    assert not (tmp_path / "screenings").exists()


def test_the_default_rulebook_interview_runs_to_a_verdict(tmp_path: Path) -> None:
    child = spawn(tmp_path, "--prospect", "Anyone")
    safe = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the same data as safe_load, a tenth of its time
    book = yaml.load((REPO / "rules" / "default.yaml").read_text(encoding="utf-8"), Loader=safe)  # noqa: S506
    total = len(book["questions"])
    for _ in range(total):
        index = child.expect([r"\d+/\d+", "or f to finish."])
        if index == 1:
            break
        child.sendline("u")
    else:
        child.expect_exact("or f to finish.")
    child.sendline("f")
    child.expect_exact("NOT ENOUGH EVIDENCE YET, leaning")
    decide_later(child)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
