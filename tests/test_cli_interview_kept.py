"""Nothing typed in an interview is deleted: answers skip logic switches off are set aside in the file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pexpect
import pytest
import yaml

from conftest import FIXTURES, installed_command, plain_environment
from test_cli_interview import FULL, RULES, Terminal, answer, finish, spawn

pytestmark = pytest.mark.pty
DRAFT = FIXTURES / "hostile" / "draft_before_ask_if.yaml"


def test_resume_after_a_new_ask_if_sets_the_skipped_answer_aside_instead_of_deleting_it(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    question = "    text: Would selling the product require misleading people?\n"
    rules.write_text(RULES.read_text(encoding="utf-8").replace(
        question, question + '    ask_if: {question: prepay, in: ["no"]}\n'), encoding="utf-8")
    path = tmp_path / "fjord.yaml"
    shutil.copyfile(DRAFT, path)
    child = spawn(tmp_path, "--rules", rules, "--resume", path)
    child.expect_exact("Set aside, kept in the file: misleading")
    answer(child, ("Did they work with an agency before?", "n"), ("How much do they trust", "4"),
           ("Monthly budget", "3000"), ("Anything else?", ""))
    finish(child)
    assert child.exitstatus == 0
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["set_aside"] == {"misleading": "no"}  # the first save used to delete it
    assert "misleading" not in data["answers"] and data["answers"]["prior_agency"] == "no"


def test_an_answer_switched_off_inside_one_interview_is_kept_and_restored(tmp_path: Path) -> None:
    child = spawn(tmp_path, "--rules", RULES, "--out", "a.yaml", "--prospect", "Nordlys")
    answer(child, ("1/8", "y"), ("2/8", "1"), ("3/8", "y"), ("4/8", "late"), ("5/8", "b"), ("4/8", "b"),
           ("3/8", "n"))
    child.expect_exact("Set aside, kept in the file: paid_prior")
    child.expect_exact("Would selling the product")
    draft = yaml.safe_load((tmp_path / "a.yaml").read_text(encoding="utf-8"))
    assert draft["set_aside"] == {"paid_prior": "late"} and "paid_prior" not in draft["answers"]
    child.sendline("b")
    answer(child, ("Did they work with an agency before?", "y"))
    child.expect_exact("Restored: paid_prior")
    answer(child, ("5/8", "n"), ("6/8", "4"), ("7/8", "3000"), ("8/8", ""))
    finish(child)
    data = yaml.safe_load((tmp_path / "a.yaml").read_text(encoding="utf-8"))
    assert data["answers"]["paid_prior"] == "late" and "set_aside" not in data



def test_resume_through_a_link_saves_into_the_linked_file(tmp_path: Path) -> None:
    target = tmp_path / "shared" / "fjord.yaml"
    target.parent.mkdir()
    shutil.copyfile(DRAFT, target)
    link = tmp_path / "fjord.yaml"
    link.symlink_to(target)
    child = spawn(tmp_path, "--rules", RULES, "--resume", "fjord.yaml")
    answer(child, ("Did they work with an agency before?", "n"))
    child.expect_exact("How much do they trust")
    child.sendintr()
    child.expect_exact("continue with: clientscreen interview --resume fjord.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert link.is_symlink()  # the file behind it was replaced, not the link by a copy
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["answers"]["prior_agency"] == "no"
    assert sorted(p.name for p in target.parent.iterdir()) == ["fjord.yaml"]


def test_a_save_that_fails_mid_interview_names_the_file_and_the_resume_command(tmp_path: Path) -> None:
    # A file-size limit makes the save of a long note fail as a full disk would (EFBIG instead of ENOSPC).
    env = {k: v for k, v in plain_environment().items() if k not in ("NO_COLOR", "COLUMNS")}
    env.update({"TERM": "xterm-256color", "NO_COLOR": "1"})
    child = Terminal("bash", ["-c", f'ulimit -f 2; exec "{installed_command()}" interview --rules "{RULES}" '
                                    "--prospect Nordlys --out a.yaml"],
                     cwd=str(tmp_path), env=env, encoding="utf-8", timeout=15, dimensions=(50, 200))
    answer(child, *FULL[:7])
    child.expect_exact("8/8")
    child.sendline("n" * 3000)  # the note does not fit
    child.expect_exact("a.yaml: cannot write: ")
    child.expect_exact("the answers saved before this one are in a.yaml; free some space and continue with: "
                       "clientscreen interview --resume a.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 3
    saved = yaml.safe_load((tmp_path / "a.yaml").read_text(encoding="utf-8"))
    assert saved["answers"]["budget"] == 3000 and "notes" not in saved["answers"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]  # no temporary file, no lock


def test_the_interview_never_resumes_into_its_own_rulebook(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    shutil.copyfile(RULES, rules)
    (tmp_path / "answers.yaml").symlink_to(rules)
    child = spawn(tmp_path, "--rules", rules, "--resume", "answers.yaml")
    child.expect_exact("--resume answers.yaml: that is one of the inputs")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    assert rules.read_bytes() == RULES.read_bytes()
