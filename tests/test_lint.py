"""Each lint rule on a small fixture rulebook: the code, the severity and the line of every finding.

Every fixture in tests/fixtures/lint marks the lines where findings are expected with a trailing
comment, ``# CS101 error`` (several separated by commas), so the expectation sits beside its cause.
"""

from __future__ import annotations

import itertools
import re
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from clientscreen.errors import UsageError
from clientscreen.rulebook import lint, lintformats, schema
from clientscreen.rulebook.arithmetic import Arithmetic
from clientscreen.rulebook.model import Rulebook
from clientscreen.scoring import score
from conftest import FIXTURES, REPO

LINT = FIXTURES / "lint"
EXPECT = re.compile(r"#\s*((?:CS\d{3} (?:error|warning)(?:,\s*)?)+)\s*$")


def expected(path: Path) -> set[tuple[int, str, str]]:
    found = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = EXPECT.search(line)
        if match:
            for item in match.group(1).split(","):
                code, severity = item.split()
                found.add((number, code, severity))
    return found


def findings(path: Path, **kw: Any) -> set[tuple[int | None, str, str]]:
    return {(f.line, f.code, f.severity) for f in lint.check_file(path, **kw).findings}


@pytest.mark.parametrize("name", sorted(p.name for p in LINT.glob("*.yaml")))
def test_each_fixture_gets_exactly_the_findings_marked_in_it(name: str) -> None:
    assert findings(LINT / name) == expected(LINT / name)


def test_every_rule_has_a_fixture_except_the_version_rules() -> None:
    marked = {code for p in LINT.glob("*.yaml") for _, code, _ in expected(p)}
    assert set(lint.SEVERITIES) - marked == {"CS401", "CS402"}  # these need an old rulebook: see below
    for code, severity in lint.SEVERITIES.items():
        assert re.fullmatch(r"CS\d{3}", code) and severity in ("error", "warning") and lint.describe(code)


def test_the_clean_fixture_and_the_bundled_rulebook_have_no_findings() -> None:
    report = lint.check_paths([LINT / "clean.yaml", REPO / "rules" / "default.yaml"])
    assert report.findings == []
    assert report.files[0].score_range == (-1, 10)


def test_messages_say_what_is_wrong_and_what_to_do() -> None:
    messages = {(f.code, f.line): f.message for f in lint.check_file(LINT / "skip_loop.yaml").findings}
    assert messages["CS104", 32].endswith("skip logic loops: prior -> paid_prior -> prior")
    assert messages["CS107", 44].endswith("knock-out paid_prior=never can never be asked: its skip logic loops")
    forward = lint.check_file(LINT / "skip_forward.yaml").findings[0]
    assert forward.message.endswith("'prior' is asked after 'paid_prior'; move 'paid_prior' below it")
    band = lint.check_file(LINT / "band_unreachable.yaml").findings[0]
    assert "reachable scores run from -1 to 10" in band.message and "only knock-outs give decline" in band.message
    idle = [f.message for f in lint.check_file(LINT / "idle_questions.yaml").findings]
    assert idle[1].endswith("'size' can never change a verdict: its answers move the score by at most 1 point, "
                            "never across a threshold")
    first = lint.check_file(LINT / "duplicate_ids.yaml").findings[0]
    assert str(first) == (f"{LINT / 'duplicate_ids.yaml'}:13:5: error: categories[1].id: duplicate category id "
                          "'money' (first at line 7) [CS101]")


def test_the_score_range_respects_skip_logic() -> None:
    """Answering prior 'no' (+5) skips paid_prior (up to +6): the two never add up, though a naive sum adds them."""
    text = (LINT / "clean.yaml").read_text(encoding="utf-8")
    text = text.replace('{value: "no", points: 0}', '{value: "no", points: 5}', 1)
    book = schema.checked(yaml.safe_load(text))
    assert book.score_range() == (-1, 15)
    assert Arithmetic(book).score_range() == (-1, 10)


def test_huge_points_fall_back_to_bounds_quickly(tmp_path: Path) -> None:
    text = (LINT / "clean.yaml").read_text(encoding="utf-8").replace("points: 6,", "points: 6000000000,")
    path = tmp_path / "huge.yaml"
    path.write_text(text, encoding="utf-8")
    started = time.monotonic()
    report = lint.check_file(path)
    assert time.monotonic() - started < 2
    assert report.score_range == (-1, 6000000004)
    assert not report.findings


def test_the_version_must_change_with_the_content(tmp_path: Path) -> None:
    old = LINT / "clean.yaml"
    same = tmp_path / "same.yaml"
    same.write_text(old.read_text(encoding="utf-8").replace("# A small", "# Only a comment changed; a small"),
                    encoding="utf-8")
    assert findings(same, old=str(old)) == set()
    edited = tmp_path / "edited.yaml"
    edited.write_text(old.read_text(encoding="utf-8").replace("points: 3}", "points: 4}"), encoding="utf-8")
    assert findings(edited, old=str(old)) == {(4, "CS401", "error")}
    message = lint.check_file(edited, old=str(old)).findings[0].message
    assert f"the content changed since {old} but the version is still '1'; bump it" in message
    bumped = tmp_path / "bumped.yaml"
    bumped.write_text(edited.read_text(encoding="utf-8").replace('version: "1"', 'version: "2"'), encoding="utf-8")
    assert findings(bumped, old=str(old)) == set()


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.com", "HOME": str(repo), "PATH": "/usr/bin:/bin"})


def test_old_as_a_git_revision_compares_each_path_with_its_committed_self(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    (repo / "rules").mkdir(parents=True)
    git(repo, "init", "-q")
    book = repo / "rules" / "book.yaml"
    book.write_text((LINT / "clean.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "first")
    book.write_text(book.read_text(encoding="utf-8").replace("points: 3}", "points: 5}"), encoding="utf-8")
    new = repo / "rules" / "new.yaml"  # not in HEAD: nothing to compare with
    new.write_text(book.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(repo)
    report = lint.check_paths([Path("rules/book.yaml"), Path("rules/new.yaml")], old="HEAD")
    assert [(f.path, f.code, f.line) for f in report.findings] == [("rules/book.yaml", "CS401", 4)]
    assert "since HEAD:./rules/book.yaml" in report.findings[0].message
    broken = lint.check_file(Path("rules/book.yaml"), old="no-such-revision")
    assert [(f.code, f.severity) for f in broken.findings] == [("CS402", "warning")]
    assert "git cannot read it" in broken.findings[0].message
    with pytest.raises(UsageError):
        lint.check_paths([Path("rules/book.yaml"), Path("rules/new.yaml")], old="HEAD:rules/book.yaml")


def test_github_annotations_escape_data_and_properties() -> None:
    report = lint.Report((lint.FileReport("a,b:c.yaml", (
        lint.Finding("CS101", "error", "a,b:c.yaml", "100% wrong\r\nsee: here, there", 3, 5),
        lint.Finding("CS001", "warning", "a,b:c.yaml", "no line"),
    )),))
    assert lintformats.to_github(report).splitlines() == [
        "::error file=a%2Cb%3Ac.yaml,line=3,col=5,title=clientscreen CS101::100%25 wrong%0D%0Asee: here, there",
        "::warning file=a%2Cb%3Ac.yaml,title=clientscreen CS001::no line",
    ]


@st.composite
def rulebooks(draw: st.DrawFn) -> Rulebook:
    """Small rulebooks with skip logic and knock-outs, small enough to try every set of answers."""
    questions: list[dict[str, Any]] = []
    for i in range(draw(st.integers(1, 5))):
        answers = [
            {"value": f"v{j}", "points": draw(st.sampled_from([-3, -1, 0, 1, 2, 4, 7])),
             "knockout": draw(st.sampled_from([None, None, None, "negotiate", "decline"]))}
            for j in range(draw(st.integers(2, 3)))
        ]
        q: dict[str, Any] = {"id": f"q{i}", "category": "c", "text": "?", "type": "choice", "answers": answers}
        if i and draw(st.booleans()):
            parent = draw(st.integers(0, i - 1))
            q["ask_if"] = {"question": f"q{parent}", "in": [f"v{draw(st.integers(0, 1))}"]}
        questions.append(q)
    negotiate = draw(st.integers(-2, 8))
    return schema.checked({
        "id": "x", "version": "1", "title": "x",
        "thresholds": {"negotiate": negotiate, "decline": negotiate + draw(st.integers(1, 8))},
        "categories": [{"id": "c", "title": "c", "kind": "red", "source": {"article": "a", "section": "s"},
                        "why": "w", "advice": "a"}],
        "questions": questions,
    })


@settings(max_examples=150, deadline=None)
@given(rulebooks())
def test_the_arithmetic_agrees_with_trying_every_set_of_answers(book: Rulebook) -> None:
    options = [[None, *(a.value for a in q.answers)] for q in book.questions]
    outcome = {}
    for combo in itertools.product(*options):
        a = score(book, {q.id: v for q, v in zip(book.questions, combo, strict=True) if v is not None})
        outcome[combo] = (a.score, a.verdict.value)
    arithmetic = Arithmetic(book)
    every = arithmetic.all[0] | arithmetic.all[1] | arithmetic.all[2]
    reachable = {i - arithmetic.offset for i in range(every.bit_length()) if every >> i & 1}
    assert reachable == {s for s, _ in outcome.values()}
    verdicts = {v for _, v in outcome.values()}
    never = {m.split("verdict ")[1].split(":")[0] for code, _, m in arithmetic.bands() if code == "CS201"}
    assert never == {"take", "negotiate", "decline"} - verdicts
    idle = {m.split("'")[1] for _, m in arithmetic.idle_questions()}
    for i, q in enumerate(book.questions):
        changes = any(
            outcome[combo][1] != outcome[(*combo[:i], alt, *combo[i + 1:])][1]
            for combo in outcome for alt in options[i]
        )
        leaf = not any(other.ask_if and other.ask_if.question == q.id for other in book.questions)
        if q.id in idle or leaf:  # with dependants, "changes" may be claimed without proof: a warning is withheld
            assert (q.id in idle) == (not changes), q.id


@pytest.mark.parametrize("module", ["lint", "cases", "diff"])
def test_the_rulebook_tools_are_core_modules_without_typer_rich_or_print(module: str) -> None:
    import ast

    import clientscreen

    tree = ast.parse((Path(clientscreen.__file__).parent / "rulebook" / f"{module}.py").read_text(encoding="utf-8"))
    nodes = list(ast.walk(tree))
    roots = {alias.name.split(".")[0] for node in nodes if isinstance(node, ast.Import) for alias in node.names}
    roots |= {node.module.split(".")[0] for node in nodes if isinstance(node, ast.ImportFrom) and node.module}
    assert not roots & {"typer", "rich", "click"}
    calls = [n.func.id for n in nodes if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)]
    assert "print" not in calls and "input" not in calls
