"""The rules commands through the installed ``clientscreen``: exit codes, formats, annotations, schema drift."""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import FIXTURES, REPO, Run

LINT = FIXTURES / "lint"
CASEBOOK = FIXTURES / "casebook" / "book.yaml"
MODELINE = "# yaml-language-server: $schema=rulebook.schema.json"


def test_a_clean_rulebook_exits_0_and_says_ok(cli: Run) -> None:
    done = cli("rules", "check", LINT / "clean.yaml")
    assert (done.returncode, done.stdout) == (0, "")
    assert done.stderr == f"{LINT / 'clean.yaml'}: ok (lint_base 1: 2 categories, 4 questions; scores from -1 to 10)\n"


def test_errors_exit_1_in_the_text_format(cli: Run) -> None:
    done = cli("rules", "check", LINT / "skip_forward.yaml")
    assert done.returncode == 1
    assert done.stdout == (
        f"{LINT / 'skip_forward.yaml'}:32:14: error: questions[1].ask_if.question: skip logic points forward: "
        "'prior' is asked after 'paid_prior'; move 'paid_prior' below it [CS103]\n"
    )
    assert done.stderr.endswith("1 error, 0 warnings in 1 file\n")


def test_warnings_fail_only_with_strict(cli_in_process: Run) -> None:
    path = LINT / "band_unreachable.yaml"
    relaxed, strict = cli_in_process("rules", "check", path), cli_in_process("rules", "check", "--strict", path)
    assert relaxed.returncode == 0 and ": warning: " in relaxed.stdout and "[CS202]" in relaxed.stdout
    assert strict.returncode == 1 and strict.stdout == relaxed.stdout


def test_github_annotations_name_the_line_when_running_in_actions(cli: Run, cli_in_process: Run) -> None:
    done = cli("rules", "check", LINT / "knockout_never_asked.yaml", env={"GITHUB_ACTIONS": "true"})
    assert done.returncode == 1
    path = str(LINT / "knockout_never_asked.yaml").replace(":", "%3A").replace(",", "%2C")
    assert done.stdout.splitlines() == [
        f"::error file={path},line=39,col=36,title=clientscreen CS102::questions[2].ask_if.in[0]: "
        "'prior' has no answer 'often'",
        f"::error file={path},line=43,col=35,title=clientscreen CS107::questions[2].answers[2].knockout: "
        "knock-out paid_prior=never can never be asked: no answer to 'prior' asks it",
    ]
    text = cli_in_process("rules", "check", "--format", "text", LINT / "knockout_never_asked.yaml",
                          env={"GITHUB_ACTIONS": "true"})
    assert text.stdout.startswith(f"{LINT / 'knockout_never_asked.yaml'}:39:36: error: ")


def test_a_yaml_error_is_reported_in_the_same_formats(cli_in_process: Run, tmp_path: Path) -> None:
    done = cli_in_process("rules", "check", "-f", "github", LINT / "not_yaml.yaml", tmp_path / "missing.yaml")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[0].startswith("::error file=")
    assert ",line=3,col=1,title=clientscreen CS001::duplicate key 'id' (first at line 2); keep one" in lines[0]
    assert lines[1].endswith("missing.yaml,title=clientscreen CS001::cannot read: No such file or directory")
    assert "Traceback" not in done.stderr


def test_json_for_scripts(cli_in_process: Run) -> None:
    done = cli_in_process("rules", "check", "--format", "json", LINT / "blank_texts.yaml", LINT / "clean.yaml")
    data = json.loads(done.stdout)
    assert (done.returncode, data["errors"], data["warnings"]) == (0, 0, 4)
    assert [f["code"] for f in data["files"][0]["findings"]] == ["CS301", "CS301", "CS302", "CS303"]
    assert data["files"][0]["findings"][0] | {"message": ""} == {
        "path": str(LINT / "blank_texts.yaml"), "line": 11, "col": 5, "severity": "warning", "code": "CS301",
        "message": "",
    }
    assert data["files"][1] == {"path": str(LINT / "clean.yaml"), "rulebook": {"id": "lint_base", "version": "1"},
                                "score_range": [-1, 10], "findings": []}
    assert done.stderr == ""


def test_many_paths_at_once_as_a_pre_commit_hook_passes_them(cli_in_process: Run) -> None:
    files = [LINT / "clean.yaml", LINT / "skip_loop.yaml", LINT / "thresholds_out_of_order.yaml",
             REPO / "rules" / "cases" / "coverage.yaml", REPO / "rules" / "default.yaml"]
    done = cli_in_process("rules", "check", *files)
    assert done.returncode == 1
    codes = [line.rsplit("[", 1)[1] for line in done.stdout.splitlines()]
    assert codes == ["CS104]", "CS104]", "CS107]", "CS203]"]
    assert f"{REPO / 'rules' / 'default.yaml'}: ok (default " in done.stderr  # the case file stands for it, once
    assert done.stderr.count("default.yaml: ok") == 1
    folder = cli_in_process("rules", "check", REPO / "rules")
    assert folder.returncode == 0 and "default.yaml: ok" in folder.stderr


def test_old_catches_an_unbumped_version(cli_in_process: Run, tmp_path: Path) -> None:
    edited = tmp_path / "book.yaml"
    edited.write_text((LINT / "clean.yaml").read_text(encoding="utf-8").replace("points: 3}", "points: 4}"),
                      encoding="utf-8")
    done = cli_in_process("rules", "check", edited, "--old", LINT / "clean.yaml")
    assert done.returncode == 1 and f"{edited}:4:1: error: version: the content changed since " in done.stdout
    assert "[CS401]" in done.stdout


def test_rules_test_passes_the_bundled_cases_and_fails_the_fixture(
    cli: Run, cli_in_process: Run, tmp_path: Path,
) -> None:
    bundled = cli("rules", "test", REPO / "rules", "--min-coverage", "100")
    assert bundled.returncode == 0, bundled.stdout
    assert "coverage 100.0% (questions 32/32" in bundled.stdout
    junit = tmp_path / "out" / "junit.xml"
    junit.parent.mkdir()
    failing = cli_in_process("rules", "test", CASEBOOK, "--junit", junit)
    assert failing.returncode == 1
    lines = failing.stdout.splitlines()
    assert lines[0] == f"{CASEBOOK}:55:5: FAIL will not prepay: verdict: expected take, got negotiate (score 4)"
    assert f"{CASEBOOK}: 8 cases: 3 passed, 2 failed, 1 error, 1 todo, 1 todo now passing" in lines
    suite = ET.parse(junit).getroot().find("testsuite")  # noqa: S314 - our own output
    assert suite is not None and suite.get("tests") == "8"
    low = cli_in_process("rules", "test", CASEBOOK, "--min-coverage", "90")
    assert low.stdout.splitlines()[-1] == f"{CASEBOOK}: coverage 86.7% is below --min-coverage 90%"
    broken = cli_in_process("rules", "test", LINT / "schema_error.yaml")
    assert broken.returncode == 3 and "unknown field 'pionts'" in broken.stdout and "Traceback" not in broken.stderr


def test_rules_schema_matches_the_committed_file_and_the_rulebook_points_to_it(cli: Run) -> None:
    done = cli("rules", "schema")
    committed = (REPO / "rules" / "rulebook.schema.json").read_text(encoding="utf-8")
    assert done.returncode == 0
    assert done.stdout == committed, "run: clientscreen rules schema -o rules/rulebook.schema.json"
    schema = json.loads(committed)
    assert "cases" in schema["properties"] and "digest" not in schema["properties"]
    assert schema["$defs"]["AskIf"]["properties"].keys() >= {"question", "in"}
    first = (REPO / "rules" / "default.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == MODELINE


def test_rules_show_fits_60_columns_and_shows_rulebook_text_as_written(
    cli: Run, cli_in_process: Run, tmp_path: Path,
) -> None:
    book = tmp_path / "book.yaml"
    book.write_text((LINT / "clean.yaml").read_text(encoding="utf-8").replace(
        "title: Lint base", "title: '[bold red]Lint[/] base \x1b]0;pwned\x07'").replace("\x1b", "").replace(
        "\x07", ""), encoding="utf-8")
    done = cli("rules", "show", book, env={"COLUMNS": "60"})
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "[bold red]Lint[/] base ]0;pwned (lint_base 1)"
    assert max(len(line) for line in lines) <= 60
    assert "take below 4 · negotiate 4 to 7 · decline from 8; answers" in done.stdout
    assert "asked if prior is yes" in done.stdout and "knock-out: decline" in done.stdout
    assert "negotiable to yes: Half up front." in done.stdout
    bundled = cli_in_process("rules", "show", env={"COLUMNS": "60"})
    assert bundled.returncode == 0 and "Refuses prepayment" in bundled.stdout
    assert max(len(line) for line in bundled.stdout.splitlines()) <= 60


def write_prospects(folder: Path) -> Path:
    folder.mkdir()
    for key, answers in {"alpha": "{prepay: 'yes', prior: 'yes', paid_prior: late}",
                         "beta": "{prepay: 'no', prior: 'no'}"}.items():
        (folder / f"{key}.yaml").write_text(f"prospect: {{name: {key.title()}}}\nanswers: {answers}\n",
                                            encoding="utf-8")
    return folder


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.com", "HOME": str(repo), "PATH": "/usr/bin:/bin"})


def test_rules_diff_against_a_git_revision_in_each_format(cli: Run, cli_in_process: Run, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    book = repo / "book.yaml"
    book.write_text((LINT / "clean.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "first")
    book.write_text(book.read_text(encoding="utf-8").replace("points: 3}", "points: 5}"), encoding="utf-8")
    prospects = write_prospects(tmp_path / "prospects")
    text = cli("rules", "diff", "HEAD:book.yaml", "book.yaml", "--prospects", prospects, cwd=repo)
    assert text.returncode == 0, text.stderr
    assert "2 prospects: 1 changed verdict, 0 changed score only, 1 unchanged" in text.stdout
    assert "alpha (Alpha): take -> negotiate, score 2 -> 4 (+2)" in text.stdout
    assert "  paid_prior = late: +3 -> +5" in text.stdout
    edit = ("rules", "diff", "HEAD:book.yaml", "book.yaml", "--prospects", prospects)
    md = cli_in_process(*edit, "-f", "markdown", cwd=repo)
    assert "| take | 0 | **1** | 0 |" in md.stdout
    data = json.loads(cli_in_process(*edit, "-f", "json", cwd=repo).stdout)
    assert data["changed"] == 1 and data["changes"][0]["causes"][0]["question"] == "paid_prior"
    strict = cli_in_process(*edit, "--fail-on-change", cwd=repo)
    assert strict.returncode == 1 and strict.stdout == text.stdout
    same = cli_in_process("rules", "diff", "HEAD:book.yaml", "HEAD:book.yaml", "--prospects", prospects,
                          "--fail-on-change", cwd=repo)
    assert same.returncode == 0
    bad = cli_in_process("rules", "diff", "HEAD~3:book.yaml", "book.yaml", "--prospects", prospects, cwd=repo)
    assert bad.returncode == 3 and bad.stderr.startswith("HEAD~3:book.yaml: git cannot read it: ")
    assert len(bad.stderr.splitlines()) == 1


def test_rules_diff_needs_prospects(cli_in_process: Run) -> None:
    done = cli_in_process("rules", "diff", LINT / "clean.yaml", LINT / "clean.yaml")
    assert done.returncode == 2 and "--prospects" in done.stderr


def test_the_pre_commit_hooks_run_on_the_files_pre_commit_would_pass(cli: Run, cli_in_process: Run) -> None:
    import re
    import shlex

    import yaml

    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["clientscreen-check", "clientscreen-test"]
    changed = ["rules/default.yaml", "rules/cases/coverage.yaml", ".pre-commit-config.yaml", ".github/workflows/a.yml"]
    for hook in hooks:
        assert {"name", "entry", "language", "files"} <= hook.keys()
        passed = [f for f in changed if re.search(hook["files"], f)]
        assert passed == ["rules/default.yaml", "rules/cases/coverage.yaml"]
        program, *args = shlex.split(hook["entry"])
        assert program == "clientscreen"
        run = cli if hook is hooks[0] else cli_in_process  # the first installed, the other in process
        done = run(*args, *passed, cwd=REPO)
        assert done.returncode == 0, done.stdout + done.stderr


def test_the_example_workflow_runs_only_commands_that_exist(cli: Run, cli_in_process: Run) -> None:
    import yaml

    workflow = yaml.safe_load((REPO / "examples" / "github-workflow.yml").read_text(encoding="utf-8"))
    runs = " ".join(step.get("run", "") for step in workflow["jobs"]["rulebook"]["steps"])
    used = {tuple(m.split()[1:3]) for m in __import__("re").findall(r"clientscreen rules \w+", runs)}
    assert used == {("rules", "check"), ("rules", "test"), ("rules", "diff")}
    for command in sorted(used):  # the first installed, the others in process
        assert (cli if command == min(used) else cli_in_process)(*command, "--help").returncode == 0
    assert "--format markdown" in runs and "gh pr comment" in runs
