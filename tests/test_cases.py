"""Golden cases: each outcome (pass, fail, todo, todo now passing, a value no one could type), coverage, JUnit.

The fixture rulebook in tests/fixtures/casebook has cases inline and in a cases/ folder beside it, one of
each outcome; the tests here go through the library, tests/test_cli_rules.py through the command.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from clientscreen.errors import InputError
from clientscreen.rulebook import cases
from conftest import FIXTURES, REPO

BOOK = FIXTURES / "casebook" / "book.yaml"
MORE = FIXTURES / "casebook" / "cases" / "more.yaml"


@pytest.fixture(scope="module")
def suite() -> cases.Suite:
    return cases.run(BOOK)


def by_name(suite: cases.Suite) -> dict[str, cases.Result]:
    return {r.name: r for r in suite.results}


def test_cases_come_inline_and_from_the_folder_but_not_for_another_rulebook(suite: cases.Suite) -> None:
    assert [r.name for r in suite.results] == [
        "prepays, new to agencies",  # inline, in file order
        "will not prepay",
        "everything unknown",  # cases/list.yaml
        "paid late",  # cases/more.yaml; cases/other.yaml names another rulebook
        "never paid, known disagreement",
        "fixed disagreement",
        "wrong flags and score",
        "a value nobody could type",
    ]


def test_each_outcome(suite: cases.Suite) -> None:
    results = by_name(suite)
    assert {name: r.status for name, r in results.items()} == {
        "prepays, new to agencies": "pass",
        "will not prepay": "fail",
        "everything unknown": "pass",
        "paid late": "pass",
        "never paid, known disagreement": "todo",
        "fixed disagreement": "fixed",
        "wrong flags and score": "fail",
        "a value nobody could type": "error",
    }
    assert suite.failed
    assert suite.summary() == f"{BOOK}: 8 cases: 3 passed, 2 failed, 1 error, 1 todo, 1 todo now passing"


def test_a_failure_is_one_line_with_expected_and_actual(suite: cases.Suite) -> None:
    results = by_name(suite)
    assert results["will not prepay"].line() == (
        f"{BOOK}:55:5: FAIL will not prepay: verdict: expected take, got negotiate (score 4)"
    )
    assert results["wrong flags and score"].line() == (
        f"{MORE}:17:5: FAIL wrong flags and score: verdict: expected negotiate, got take (score 3); "
        "flag trust: expected to fire, did not; flag money: expected not to fire, fired; "
        "score: expected at most 2, got 3"
    )


def test_todo_is_reported_with_its_reason_and_a_fixed_todo_says_so(suite: cases.Suite) -> None:
    results = by_name(suite)
    assert results["never paid, known disagreement"].line() == (
        f"{MORE}:9:5: TODO never paid, known disagreement: verdict: expected negotiate, got decline (score 6) "
        "(todo: the team still argues whether this is a decline)"
    )
    assert not results["never paid, known disagreement"].failed
    assert results["fixed disagreement"].line() == f"{MORE}:13:5: FIXED fixed disagreement: passes now; remove 'todo'"


def test_a_bad_value_is_an_error_at_its_line_and_column(suite: cases.Suite) -> None:
    line = by_name(suite)["a value nobody could type"].line()
    assert line == (f"{MORE}:25:15: case 'a value nobody could type': prepay: 'perhaps' is not an answer here; "
                    "expected yes or no")


def test_coverage_names_what_no_case_exercises(suite: cases.Suite) -> None:
    c = suite.coverage
    assert c.missing == {"questions": (), "answers": ("paid_prior=on_time",), "knock-outs": (), "bands": ("decline",)}
    assert (c.covered, c.total) == (13, 15)
    assert suite.coverage_lines() == [
        f"{BOOK}: coverage 86.7% (questions 3/3, answers 6/7, knock-outs 2/2, bands 2/3)",
        "  not exercised: answers: paid_prior=on_time",
        "  not exercised: bands: decline",
    ]


def test_a_skipped_answer_exercises_nothing(tmp_path: Path) -> None:
    book = tmp_path / "book.yaml"
    book.write_text(BOOK.read_text(encoding="utf-8").split("cases:")[0] + (
        "cases:\n  - name: skipped\n    verdict: take\n    answers: {prior: 'no', paid_prior: late}\n"
    ), encoding="utf-8")
    missing = cases.run(book).coverage.missing
    assert "paid_prior" in missing["questions"] and "paid_prior=late" in missing["answers"]


def test_min_coverage_and_exit_codes(tmp_path: Path) -> None:
    run = cases.run_paths([BOOK])
    assert run.exit_code() == 1  # failures
    clean = tmp_path / "book.yaml"
    clean.write_text(BOOK.read_text(encoding="utf-8").split("  - name: will not prepay")[0], encoding="utf-8")
    ok = cases.run_paths([clean])
    assert ok.exit_code() == 0 and ok.exit_code(min_coverage=50) == 1
    assert ok.to_text(50).splitlines()[-1] == f"{clean}: coverage 33.3% is below --min-coverage 50%"
    broken = cases.run_paths([tmp_path / "missing.yaml"])
    assert broken.exit_code() == 3 and "cannot read" in broken.to_text()


def test_cases_that_do_not_fit_the_format_are_errors_with_their_place(tmp_path: Path) -> None:
    book = tmp_path / "book.yaml"
    book.write_text(BOOK.read_text(encoding="utf-8").split("cases:")[0], encoding="utf-8")
    (tmp_path / "cases").mkdir()
    (tmp_path / "cases" / "bad.yaml").write_text(
        "- name: no verdict\n  answers: {prepay: 'yes'}\n- name: typo\n  verdict: take\n  flgs: [money]\n"
        "- name: typo\n  verdict: take\n", encoding="utf-8")
    (tmp_path / "cases" / "scalar.yaml").write_text("just text\n", encoding="utf-8")
    suite = cases.run(book)
    assert [str(p) for p in suite.problems] == [
        f"{tmp_path}/cases/bad.yaml:1:3: [0].verdict: field 'verdict' is required",
        f"{tmp_path}/cases/bad.yaml:5:3: [1].flgs: unknown field 'flgs'; check its spelling",
        f"{tmp_path}/cases/scalar.yaml:1:1: a case file is a list of cases, or {{rulebook, cases}}",
    ]
    assert suite.failed and [r.status for r in suite.results] == ["pass"]


def test_duplicate_names_unknown_questions_and_flags_are_found_by_the_check() -> None:
    from clientscreen.rulebook import safeyaml
    from clientscreen.rulebook.model import parse_rulebook

    doc = safeyaml.load(FIXTURES / "lint" / "inline_cases.yaml")
    found, problems = cases.collect(FIXTURES / "lint" / "inline_cases.yaml", doc, "lint_base")
    problems += cases.check(parse_rulebook(doc), found)
    assert sorted((cp.kind, cp.problem.line) for cp in problems) == [
        ("duplicate", 51), ("shape", 65), ("unknown", 59), ("unknown", 62), ("value", 56)
    ]


def test_junit_xml_parses_and_counts_each_outcome(suite: cases.Suite) -> None:
    root = ET.fromstring(cases.junit_xml([suite]))  # noqa: S314 - our own output
    (node,) = root.findall("testsuite")
    assert {k: node.get(k) for k in ("tests", "failures", "errors", "skipped")} == {
        "tests": "8", "failures": "2", "errors": "1", "skipped": "1"
    }
    failure = node.find("testcase[@name='will not prepay']/failure")
    assert failure is not None and failure.get("message") == "verdict: expected take, got negotiate (score 4)"
    assert node.find("testcase[@name='never paid, known disagreement']/skipped") is not None
    assert node.find("testcase[@name='a value nobody could type']/error") is not None
    assert node.find("testcase[@name='paid late']").get("line") == "4"  # type: ignore[union-attr]


def test_case_files_stand_for_the_rulebooks_beside_their_folder() -> None:
    rules = REPO / "rules"
    books, problems = cases.rulebooks_for([rules / "cases" / "coverage.yaml", rules, rules / "default.yaml"])
    assert books == [rules / "default.yaml", rules / "review.yaml"] and problems == []
    empty, problems = cases.rulebooks_for([FIXTURES / "golden"])
    assert empty == [] and "holds no rulebook" in str(problems[0])


def test_the_bundled_rulebook_passes_its_cases_with_full_coverage_of_bands_and_knockouts() -> None:
    suite = cases.run(REPO / "rules" / "default.yaml")
    assert not suite.failed, [r.line() for r in suite.results if r.failed]
    assert suite.coverage.missing["bands"] == () and suite.coverage.missing["knock-outs"] == ()
    assert suite.coverage.percent == 100.0
    stories = {Path(r.case.doc.path).name for r in suite.results}
    assert {"000-content-agency.yaml", "001-social-media.yaml", "002-difficult-clients.yaml"} <= stories


def test_the_review_rulebook_passes_its_cases_with_full_coverage() -> None:
    suite = cases.run(REPO / "rules" / "review.yaml")
    assert not suite.failed, [r.line() for r in suite.results if r.failed]
    assert suite.coverage.percent == 100.0
    assert {r.case.model.verdict for r in suite.results} == {"take", "negotiate", "decline"}


def test_a_rulebook_that_cannot_load_is_an_input_error() -> None:
    with pytest.raises(InputError):
        cases.run(FIXTURES / "lint" / "schema_error.yaml")


ACCEPTING = """\
id: accepting
version: "1"
title: Accepting
thresholds: {negotiate: 5, decline: 10}
categories:
  - {id: money, title: Money, kind: red, source: {article: a.txt, section: "1"}, why: W, advice: A}
questions:
  - id: prepay
    category: money
    text: Prepay?
    type: yesno
    answers: [{value: "yes", points: 0}, {value: "no", points: 6}]
  - id: late
    category: money
    text: Late?
    type: yesno
    answers: [{value: "yes", points: 5}, {value: "no", points: 0}]
cases:
  - name: either verdict, either reading
    verdict: [negotiate, decline]
    answers: {prepay: "no"}
    alternatives: [{late: "yes"}]
  - name: one reading takes
    verdict: [negotiate, decline]
    answers: {prepay: "no"}
    alternatives: [{prepay: "yes"}]
  - name: a value nobody could type in an alternative
    verdict: take
    alternatives: [{late: "maybe"}]
"""


def test_a_case_may_accept_several_verdicts_and_every_reading_must_agree(tmp_path: Path) -> None:
    (tmp_path / "book.yaml").write_text(ACCEPTING, encoding="utf-8")
    suite = cases.run(tmp_path / "book.yaml")
    results = by_name(suite)
    assert results["either verdict, either reading"].status == "pass"
    assert [a.verdict.value for a in results["either verdict, either reading"].alternatives] == ["decline"]
    failed = results["one reading takes"]
    assert failed.status == "fail"
    assert failed.mismatches == ("alternative 1: verdict: expected negotiate/decline, got take (score 0)",)
    assert not failed.agrees
    broken = results["a value nobody could type in an alternative"]
    assert broken.status == "error"
    assert "late:" in broken.line() and f"{tmp_path}/book.yaml:" in broken.line()
    assert suite.agreement() == f"{tmp_path}/book.yaml: verdicts agree in 1 of 3 cases (33.3%)"
