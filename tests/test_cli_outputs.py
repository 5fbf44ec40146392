"""Where a command writes: never onto an input, into devices and through links as they are, 0600 for client data.

Every case runs the installed command, as root where the tests run as root (a root user could replace
device nodes before, so the devices here are made in a scratch folder, never the system's own).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from conftest import FIXTURES, Run

RULES = FIXTURES / "core" / "rules.yaml"
ACME = FIXTURES / "hostile" / "acme.yaml"
CSV = FIXTURES / "csv" / "crm_en.csv"


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


def test_report_never_writes_over_its_answers_file_or_rulebook(cli: Run, tmp_path: Path) -> None:
    answers, rules = copy(ACME, tmp_path / "acme.yaml"), copy(RULES, tmp_path / "rules.yaml")
    refused(cli("report", answers, "--rules", rules, "-o", answers), ACME.read_bytes(), answers)
    refused(cli("report", answers, "--rules", rules, "-f", "json", "-o", rules), RULES.read_bytes(), rules)
    (tmp_path / "link.yaml").symlink_to(answers)  # another name for the same file
    refused(cli("report", answers, "--rules", rules, "-o", "link.yaml"), ACME.read_bytes(), answers)
    os.link(answers, tmp_path / "hard.yaml")
    refused(cli("report", answers, "--rules", rules, "-o", "hard.yaml"), ACME.read_bytes(), answers)
    fine = cli("report", answers, "--rules", rules, "-o", "report.txt")
    assert fine.returncode == 0, fine.stderr
    assert "Acme A/S" in (tmp_path / "report.txt").read_text(encoding="utf-8")


def test_template_and_rules_test_never_write_over_the_rulebook(cli: Run, tmp_path: Path) -> None:
    rules = copy(RULES, tmp_path / "rules.yaml")
    refused(cli("template", "--rules", rules, "-o", rules), RULES.read_bytes(), rules)
    refused(cli("rules", "test", rules, "--junit", rules), RULES.read_bytes(), rules)
    folder = tmp_path / "books"
    inside = copy(RULES, folder / "book.yaml")
    refused(cli("rules", "test", folder, "--junit", inside), RULES.read_bytes(), inside)


def test_rules_diff_never_writes_over_a_prospect_or_a_rulebook(cli: Run, tmp_path: Path) -> None:
    rules = copy(RULES, tmp_path / "rules.yaml")
    prospect = copy(ACME, tmp_path / "pros" / "a.yaml")
    refused(cli("rules", "diff", rules, rules, "--prospects", "pros", "-o", prospect), ACME.read_bytes(), prospect)
    refused(cli("rules", "diff", rules, rules, "--prospects", "pros", "-o", rules), RULES.read_bytes(), rules)
    leads = copy(CSV, tmp_path / "leads.csv")
    refused(cli("rules", "diff", rules, rules, "--prospects", leads, "-o", leads), CSV.read_bytes(), leads)
    fine = cli("rules", "diff", rules, rules, "--prospects", "pros", "-o", "impact.txt")
    assert fine.returncode == 0, fine.stderr


def test_score_refuses_its_rulebook_as_well_as_its_csv(cli: Run, tmp_path: Path) -> None:
    rules, leads = copy(RULES, tmp_path / "rules.yaml"), copy(CSV, tmp_path / "leads.csv")
    refused(cli("score", leads, "--rules", rules, "-o", rules), RULES.read_bytes(), rules)
    refused(cli("score", leads, "--rules", rules, "-o", leads), CSV.read_bytes(), leads)
