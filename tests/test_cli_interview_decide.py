"""The interview's last step: what the agency decided, recorded as `decide` records it, in a real terminal.

The interview is the installed command's run; the brief and the portfolio read after it through its entry point
in this process.
"""

from __future__ import annotations

from pathlib import Path

import pexpect
import pytest

from conftest import Run
from test_cli_interview import FULL, RULES, answer, prospect, saved_file, spawn

pytestmark = pytest.mark.pty


def interviewed(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> pexpect.spawn:
    """An interview of the core fixture (its verdict: take) answered to the end, at the decision prompt."""
    child = spawn(tmp_path, "--rules", RULES, *args, env=env)
    if "--prospect" not in args:
        prospect(child)
    answer(child, *FULL)
    child.expect_exact("> ")  # the review
    child.sendline("f")
    return child


def test_a_decision_against_the_verdict_asks_why_and_the_brief_and_clients_show_it(
    tmp_path: Path, cli_in_process: Run
) -> None:
    (tmp_path / "team").mkdir()
    (tmp_path / "clientscreen.toml").write_text('ledger = "team/clients.db"\n', encoding="utf-8")
    child = interviewed(tmp_path)
    child.expect_exact("Recorded in the ledger.")
    child.expect_exact("What did you decide?")
    child.expect_exact("1 take · 2 negotiate · 3 decline · Enter: decide later")
    child.expect_exact("> ")
    child.sendline("perhaps")
    child.expect_exact("'perhaps' is not a decision; type 1, 2 or 3, or press Enter to decide later")
    child.expect_exact("> ")
    child.sendline("3")
    child.expect_exact("The verdict was take; why decline instead? (Enter: decide later)")
    child.expect_exact("> ")
    child.sendline("their CEO shouted at our designer")
    child.expect_exact("nordlys-aps: decline against the verdict take, because: their CEO shouted at our designer")
    child.expect_exact("Recorded in team/clients.db.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    brief = cli_in_process("report", saved_file(tmp_path).relative_to(tmp_path), "--rules", RULES)
    assert brief.returncode == 0, brief.stderr
    words = " ".join(brief.stdout.split())  # the brief wraps at 80 columns
    assert "Decided: decline, against the verdict take, because: their CEO shouted at our designer" in words
    listed = cli_in_process("clients")
    assert "decline ≠" in listed.stdout and "their CEO shouted at our designer" in listed.stdout, listed.stdout
    assert not (tmp_path / "clientscreen.db").exists()  # the settings file's ledger, nowhere else


def test_enter_ctrl_d_or_no_reason_leave_the_decision_for_later(tmp_path: Path, cli_in_process: Run) -> None:
    child = interviewed(tmp_path, "--lang", "da", "--prospect", "Nordlys ApS")
    child.expect_exact("Hvad besluttede I?")
    child.expect_exact("> ")
    child.sendline("2")  # negotiate, against the verdict
    child.expect_exact("Vurderingen var sig ja; hvorfor forhandl i stedet? (Enter: beslut senere)")
    child.expect_exact("> ")
    child.sendeof()  # Ctrl-D: decide later, and the screening stays as recorded
    child.expect_exact("Ingen beslutning registreret. Når den er truffet: clientscreen decide 'Nordlys ApS' ")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    listed = cli_in_process("clients")
    assert "Nordlys ApS" in listed.stdout and "Decided" not in listed.stdout and "≠" not in listed.stdout
    brief = cli_in_process("report", saved_file(tmp_path).relative_to(tmp_path), "--rules", RULES)
    assert "Decided" not in brief.stdout

    again = interviewed(tmp_path, "--prospect", "Fjord Film")
    again.expect_exact("What did you decide?")
    again.expect_exact("> ")
    again.sendline("")  # Enter: the default is to decide later
    again.expect_exact("No decision recorded. Once it is made: clientscreen decide 'Fjord Film' ")
    again.expect(pexpect.EOF)
    again.close()
    assert again.exitstatus == 0 and "Decided" not in cli_in_process("clients").stdout
