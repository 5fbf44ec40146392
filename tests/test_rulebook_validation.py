"""Rulebook validation: one small hostile rulebook per hazard, and every rule of the model and ``_cross_check``.

Each fixture in tests/fixtures/rulebooks is valid_minimal.yaml with one hazard planted in it; the
table below says where the user is sent and what they read there.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from clientscreen.errors import InputError, Problem
from clientscreen.rulebook import safeyaml
from clientscreen.rulebook.model import Rulebook, content_hash, load_rulebook, parse_rulebook
from conftest import FIXTURES

pytestmark = pytest.mark.usefixtures("yaml_reader")  # every fixture with libyaml's parser and with PyYAML's own

RULEBOOKS = FIXTURES / "rulebooks"
VALID = RULEBOOKS / "valid_minimal.yaml"
NOT_A_MAPPING = "a rulebook is a mapping with id, version, questions, …"
TAG = "tags ({}) are not allowed; quote the value if it is text"

# fixture -> (line, col, what follows "path:line:col: ") for the first problem
EXPECTED: dict[str, tuple[int, int, str]] = {
    # the loader
    "python_object_tag.yaml": (4, 8, TAG.format("tag:yaml.org,2002:python/object/apply:os.system")),
    "custom_tag.yaml": (4, 8, TAG.format("!secret")),
    "int_tag_abc.yaml": (21, 17, TAG.format("tag:yaml.org,2002:int")),
    "billion_laughs.yaml": (2, 4, "anchors (&name) are not allowed; write each value out"),
    "single_anchor.yaml": (12, 13, "anchors (&name) are not allowed; write each value out"),
    "alias.yaml": (11, 10, "aliases (*name) are not allowed; write the value out"),
    "duplicate_key.yaml": (23, 9, "duplicate key 'points' (first at line 21); keep one"),
    "duplicate_key.json": (36, 11, "duplicate key 'points' (first at line 35); keep one"),
    "deep_nesting.yaml": (11, 71, f"nested more than {safeyaml.MAX_DEPTH} levels deep"),
    "tab_indent.yaml": (8, 1, "a tab character here; YAML indents with spaces"),
    "not_utf8.yaml": (11, 33, "is not UTF-8 text (byte 0xe9); save it as UTF-8"),
    "control_esc.yaml": (4, 12, "control character U+001B is not allowed; delete it"),
    "control_nul.yaml": (11, 18, "control character U+0000 is not allowed; delete it"),
    "two_documents.yaml": (30, 1, "but found another document (expected a single document in the stream)"),
    "empty.yaml": (1, 1, NOT_A_MAPPING),
    "top_level_list.yaml": (1, 1, NOT_A_MAPPING),
    # the model: at the field's own line and column
    "yaml11_upper_no.yaml": (
        20,
        10,
        "questions[0].answers[1].value: 'NO' is not an id: use lower-case letters, digits and _ (quote yes and no)",
    ),
    "version_float.yaml": (
        3,
        1,
        "version: YAML reads this unquoted value as the number 1.1; quote it to keep it as written",
    ),
    "unknown_field.yaml": (30, 9, "questions[1].answers[0].wieght: unknown field 'wieght'; check its spelling"),
    "wrong_type.yaml": (30, 9, "questions[1].answers[0].points: Input should be a valid integer, got 'lots'"),
    "nan_points.yaml": (30, 9, "questions[1].answers[0].points: Input should be a valid integer"),
    "inf_below.yaml": (29, 9, "questions[1].answers[0].below: Input should be a finite number"),
    "several_problems.yaml": (4, 1, "title: is empty; write the text after the colon"),
    # references between fields
    "unknown_category.yaml": (23, 5, "questions[1].category: unknown category 'payment'"),
    "ask_if_later.yaml": (18, 14, "questions[0].ask_if.question: refers to a later question 'budget'"),
    "negotiable_target.yaml": (21, 40, "questions[0].negotiable.target: no answer 'maybe' in this question"),
    "yesno_without_no.yaml": (18, 5, "questions[0].answers: a yesno question has exactly the answers yes and no"),
    "bands_out_of_order.yaml": (
        29,
        24,
        "questions[1].answers[1].below: bands go up: each 'below' is larger than the one before",
    ),
    "thresholds_out_of_order.yaml": (5, 29, "thresholds.decline: decline must be above negotiate"),
    "duplicate_question_id.yaml": (22, 5, "questions[1].id: duplicate question id 'prepay'"),
}
# fixtures that look hostile to a YAML 1.1 reader but are fine rulebooks
VALID_FIXTURES = {"valid_minimal.yaml", "valid_minimal.json", "yaml11_booleans.yaml", "sexagesimal_and_date.yaml"}


def problems_of(path: Path) -> tuple[Problem, ...]:
    with pytest.raises(InputError) as caught:
        load_rulebook(path)
    return caught.value.problems


def test_every_fixture_is_accounted_for() -> None:
    on_disk = {p.name for p in RULEBOOKS.iterdir() if p.suffix in (".yaml", ".json")}
    assert on_disk == set(EXPECTED) | VALID_FIXTURES


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_hazard_is_reported_at_its_place(name: str) -> None:
    line, col, message = EXPECTED[name]
    first = problems_of(RULEBOOKS / name)[0]
    assert (first.line, first.col) == (line, col)
    assert str(first) == f"{RULEBOOKS / name}:{line}:{col}: {message}"
    assert first.severity == "error"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_hazard_is_one_line_per_problem(name: str) -> None:
    problems = problems_of(RULEBOOKS / name)
    for problem in problems:
        assert "\n" not in str(problem) and "\r" not in str(problem)
        assert "Traceback" not in str(problem)


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("python_object_tag.yaml", 'title: !!python/object/apply:os.system ["echo owned"]'),
        ("custom_tag.yaml", "title: !secret Mini"),
        ("duplicate_key.yaml", "        points: 5"),
        ("unknown_field.yaml", "        wieght: 5"),
        ("version_float.yaml", "version: 1.10"),
        ("tab_indent.yaml", "\ttitle: Refuses prepayment"),
        ("unknown_category.yaml", "    category: payment"),
        ("ask_if_later.yaml", "    ask_if: {question: budget, in: [low]}"),
        ("thresholds_out_of_order.yaml", "thresholds: {negotiate: 10, decline: 5}"),
    ],
)
def test_the_line_number_is_the_line_an_editor_shows(name: str, line: str) -> None:
    """The numbers in EXPECTED are not guesses: the reported line is the one holding the planted hazard."""
    lines = (RULEBOOKS / name).read_text(encoding="utf-8").splitlines()
    assert lines[EXPECTED[name][0] - 1] == line


def test_a_duplicate_key_names_both_lines() -> None:
    text = (RULEBOOKS / "duplicate_key.yaml").read_text().splitlines()
    first = problems_of(RULEBOOKS / "duplicate_key.yaml")[0]
    first_line = int(re.search(r"first at line (\d+)", first.message).group(1))  # type: ignore[union-attr]
    assert text[first_line - 1].strip() == "points: 3"
    assert text[first.line - 1].strip() == "points: 5"  # type: ignore[operator]


def test_every_problem_in_a_file_is_listed_in_file_order() -> None:
    path = RULEBOOKS / "several_problems.yaml"
    assert [str(p) for p in problems_of(path)] == [
        f"{path}:4:1: title: is empty; write the text after the colon",
        f"{path}:5:1: thresholds.decline: field 'decline' is required",
        f"{path}:28:36: questions[1].answers[0].points: Input should be a valid integer, got 'lots'",
        f"{path}:29:36: questions[1].answers[1].wieght: unknown field 'wieght'; check its spelling",
    ]


def test_a_file_over_one_mib_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    padding = "# " + "x" * 78 + "\n"
    big.write_text(VALID.read_text() + padding * (safeyaml.MAX_BYTES // len(padding) + 1))
    assert big.stat().st_size > safeyaml.MAX_BYTES
    (problem,) = problems_of(big)
    assert str(problem) == f"{big}: is larger than 1024 KiB; this is not a hand-written file"


def test_a_non_utf8_rulebook_written_as_bytes(tmp_path: Path) -> None:
    path = tmp_path / "cp1251.yaml"
    path.write_bytes(VALID.read_bytes().replace(b"title: Mini", "title: Мини".encode("cp1251")))
    (problem,) = problems_of(path)
    assert str(problem) == f"{path}:3:8: is not UTF-8 text (byte 0xcc); save it as UTF-8"


# --- fixtures that a YAML 1.1 reader gets wrong load as the editor shows them -----------------------


def test_the_base_fixture_is_a_valid_rulebook() -> None:
    book = load_rulebook(VALID)
    assert book.id == "mini"
    assert [q.id for q in book.questions] == ["prepay", "budget"]
    assert book.digest == content_hash(safeyaml.load(VALID).data)


def test_unquoted_yes_no_on_off_stay_text() -> None:
    book = load_rulebook(RULEBOOKS / "yaml11_booleans.yaml")
    prepay = book.question_by_id["prepay"]
    assert [(a.value, a.shown) for a in prepay.answers] == [("yes", "on"), ("no", "off")]
    assert prepay.negotiable is not None and prepay.negotiable.target == "yes"
    raw = safeyaml.load(RULEBOOKS / "yaml11_booleans.yaml").data
    assert raw["questions"][0]["answers"][1]["value"] == "no"  # the string, not False


def test_times_and_impossible_dates_stay_text() -> None:
    book = load_rulebook(RULEBOOKS / "sexagesimal_and_date.yaml")
    assert book.title.en == "12:30"  # not 750
    assert [q.text.en for q in book.questions] == ["2025-02-30", "2025-01-01"]  # no ValueError, no date


def test_json_and_yaml_of_the_same_rulebook_are_the_same_rulebook() -> None:
    from_json = load_rulebook(RULEBOOKS / "valid_minimal.json")
    from_yaml = load_rulebook(VALID)
    assert from_json == from_yaml
    assert from_json.digest == from_yaml.digest


def test_json_rulebook_errors_are_placed_too(tmp_path: Path) -> None:
    data = json.loads((RULEBOOKS / "valid_minimal.json").read_text())
    data["questions"][1]["answers"][0]["wieght"] = 5
    path = tmp_path / "book.json"
    path.write_text(json.dumps(data, indent=2))
    lines = path.read_text().splitlines()
    (problem,) = problems_of(path)
    assert problem.where == "questions[1].answers[0].wieght"
    assert lines[problem.line - 1].strip() == '"wieght": 5'  # type: ignore[operator]


# --- every rule of the model and of _cross_check, one edit of the base rulebook each -----------------

BASE = VALID.read_text(encoding="utf-8")


def edited(old: str, new: str) -> str:
    assert BASE.count(old) == 1, old
    return BASE.replace(old, new)


def check(text: str) -> list[tuple[int | None, str | None, str]]:
    """(line, where, message) of every problem found in ``text``; [] if it is a valid rulebook."""
    try:
        parse_rulebook(safeyaml.parse_yaml(text, "book.yaml"))
    except InputError as exc:
        return [(p.line, p.where, p.message) for p in exc.problems]
    return []


def line_of(text: str, snippet: str) -> int:
    return text[: text.index(snippet)].count("\n") + 1


RULES = [
    # (old, new, snippet on the reported line, where, message)
    (
        "      - {value: market, points: 0}",
        "      - {value: market, points: 0}\n    ask_if: {question: prepay, in: [maybe]}",
        "ask_if",
        "questions[1].ask_if.in[0]",
        "'prepay' has no answer 'maybe'",
    ),
    (
        "      - {value: market, points: 0}",
        "      - {value: market, points: 0}\n    ask_if: {question: budget, in: [low]}",
        "ask_if",
        "questions[1].ask_if.question",
        "refers to a later question 'budget'",
    ),
    (
        "      - {value: market, points: 0}",
        "      - {value: market, points: 0}\n    ask_if: {question: nowhere, in: [low]}",
        "ask_if",
        "questions[1].ask_if.question",
        "refers to an unknown question 'nowhere'",
    ),
    (
        "      - {value: market, points: 0}",
        "      - {value: market, points: 0}\n  - {id: notes, text: Anything else, type: note, answers: [{value: a}]}",
        "id: notes",
        "questions[2].answers",
        "a note never scores; remove its answers",
    ),
    ("    unit: DKK\n", "", "- id: budget", "questions[1].unit", "a number question needs its unit"),
    (
        "{value: market, points: 0}",
        "{value: market, below: 50000, points: 0}",
        "value: market",
        "questions[1].answers[1].below",
        "the last band has no upper bound; remove 'below'",
    ),
    (
        "{value: low, below: 10000, points: 5}",
        "{value: low, points: 5}",
        "value: low",
        "questions[1].answers[0].below",
        "every band but the last needs 'below'",
    ),
    (
        '{value: "yes", points: -2}',
        '{value: "yes", below: 3, points: -2}',
        'value: "yes"',
        "questions[0].answers[0].below",
        "only number questions have bands",
    ),
    (
        '{value: "no", points: 6}',
        '{value: "no", points: 6}\n      - {value: maybe, points: 1}',
        "answers:",
        "questions[0].answers",
        "a yesno question has exactly the answers yes and no",
    ),
    (
        '{value: "no", points: 6}',
        '{value: "yes", points: 6}',
        '{value: "yes", points: 6}',
        "questions[0].answers[1].value",
        "duplicate answer 'yes'",
    ),
    (
        "    category: pay\n    text: Will",
        "    text: Will",
        "- id: prepay",
        "questions[0].category",
        "a yesno question needs the category of the flag it raises",
    ),
    (
        '{value: "no", points: 6}',
        '{value: "no", points: 6, category: payment}',
        'value: "no"',
        "questions[0].answers[1].category",
        "unknown category 'payment'",
    ),
    (
        "thresholds: {negotiate: 5, decline: 10}",
        "thresholds: {negotiate: 5, decline: 5}",
        "thresholds",
        "thresholds.decline",
        "decline must be above negotiate",
    ),
    (
        "    kind: red",
        "    kind: orange",
        "kind: orange",
        "categories[0].kind",
        "Input should be 'red', 'green' or 'ethics'",
    ),
    (
        "  - id: budget",
        "  - id: Monthly Budget",
        "id: Monthly Budget",
        "questions[1].id",
        "'Monthly Budget' is not an id: use lower-case letters, digits and _ (quote yes and no)",
    ),
    ("    text: Monthly budget?\n", "", "- id: budget", "questions[1].text", "field 'text' is required"),
    (
        "title: Mini",
        "title: Mini\nmin_coverage: 1.5",
        "min_coverage",
        "min_coverage",
        "Input should be less than or equal to 1",
    ),
    (
        "title: Mini",
        "title: Mini\nmin_coverage: .nan",
        "min_coverage",
        "min_coverage",
        "Input should be a finite number",
    ),
    (
        "{value: low, below: 10000, points: 5}",
        "{value: low, below: 10000, points: true}",
        "value: low",
        "questions[1].answers[0].points",
        "Input should be a valid integer",
    ),
    (
        "{value: low, below: 10000, points: 5}",
        "{value: low, below: '10000', points: 5}",
        "value: low",
        "questions[1].answers[0].below",
        "Input should be a valid number, got '10000'",
    ),
    (
        "    type: number",
        "    type: money",
        "type: money",
        "questions[1].type",
        "Input should be 'yesno', 'choice', 'scale', 'number' or 'note'",
    ),
]


@pytest.mark.parametrize(("old", "new", "snippet", "where", "message"), RULES, ids=[r[3] + ":" + r[4] for r in RULES])
def test_each_rule_is_reported_where_the_value_stands(
    old: str, new: str, snippet: str, where: str, message: str
) -> None:
    text = edited(old, new)
    assert (line_of(text, snippet), where, message) in check(text)


def test_scales_go_in_steps_of_one() -> None:
    scale = "\n".join(
        [
            "  - id: trust",
            "    category: pay",
            "    text: Trust?",
            "    type: scale",
            "    answers: [{value: 1, points: 2}, {value: 2, points: 0}, {value: LAST, points: -2}]",
        ]
    )
    assert check(BASE + scale.replace("LAST", "3") + "\n") == []
    text = BASE + scale.replace("LAST", "4") + "\n"
    assert check(text) == [
        (
            line_of(text, "answers: [{value: 1"),
            "questions[2].answers",
            "a scale has whole-number answers in steps of 1, e.g. 1 to 5",
        )
    ]


def test_choices_are_words_not_numbers() -> None:
    text = BASE + "  - {id: goals, category: pay, text: Goals, type: choice, answers: [{value: 1}, {value: 2}]}\n"
    assert check(text) == [
        (
            line_of(text, "id: goals"),
            "questions[2].answers",
            "choice answers are snake_case words (numbers are for scales)",
        )
    ]


def test_a_duplicate_category_id() -> None:
    category = BASE[BASE.index("  - id: pay") : BASE.index("questions:")]
    text = BASE.replace("questions:", category + "questions:")
    second = text[: text.rindex("  - id: pay")].count("\n") + 1
    assert check(text) == [(second, "categories[1].id", "duplicate category id 'pay'")]


def test_skip_logic_that_looks_back_is_fine() -> None:
    text = edited(
        "      - {value: market, points: 0}",
        "      - {value: market, points: 0}\n    ask_if: {question: prepay, in: ['no']}",
    )
    book = parse_rulebook(safeyaml.parse_yaml(text, "book.yaml"))
    assert book.dependants == {"prepay": ["budget"]}


def test_inline_cases_are_not_part_of_the_model() -> None:
    text = BASE + "cases:\n  - {name: anything}\n"
    book = parse_rulebook(safeyaml.parse_yaml(text, "book.yaml"))
    assert isinstance(book, Rulebook)
    assert book.question_by_id.keys() == {"prepay", "budget"}


def test_a_quoted_version_is_text() -> None:
    assert check(edited('version: "1"', "version: '1.10'")) == []
    assert check(edited('version: "1"', "version: 2")) == [
        (2, "version", "YAML reads this unquoted value as the number 2; quote it to keep it as written")
    ]


def test_comments_and_layout_do_not_change_the_digest() -> None:
    reflowed = BASE.replace(
        "thresholds: {negotiate: 5, decline: 10}", "# why\nthresholds:\n  negotiate: 5\n  decline: 10"
    )
    assert parse_rulebook(safeyaml.parse_yaml(reflowed, "b.yaml")).digest == load_rulebook(VALID).digest
