"""The lever search in sums gives the levers of the search that re-scores every try, and in time.

The reference below is the search as it was written first: each set of changed answers is scored
in full (``scoring._tally``), every set of one, then of two, and so on, greedy past the limit. It
is the definition; the search the report uses (``rulebook.levers``) must give the same terms in
the same order, with skip logic, knock-outs and client-type floors, on the default rulebook and on
random small ones, below and past the limit. The command is then timed against a budget on a
rulebook with 300 negotiable questions, where the re-scoring search took 41 s.
"""

from __future__ import annotations

import csv
import json
import random
from collections.abc import Mapping
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clientscreen import scoring
from clientscreen.answers import UNKNOWN, Given
from clientscreen.batch.levers import exact_in_arithmetic
from clientscreen.rulebook import cases, safeyaml, schema
from clientscreen.rulebook.model import Answer, Question, Rulebook, Verdict, load_rulebook
from clientscreen.scoring import _tally, parse_answers, score
from conftest import Run
from test_verdict_properties import answer_sets, maybe, maybe_between, sampled

DEFAULT = load_rulebook(Path(__file__).parent.parent / "rules" / "default.yaml")
Change = tuple[Question, Answer]


def reference(book: Rulebook, given: Mapping[str, Given], limit: int) -> tuple[list[tuple[str, Any]], str | None]:
    """The levers (question, target) and the verdict they reach, by re-scoring every set tried."""
    t = _tally(book, given)
    if t.verdict is Verdict.TAKE:
        return [], None
    candidates: list[Change] = []
    for q in t.applicable:
        if q.negotiable is not None:
            target = q.by_value[q.negotiable.target]
            if given.get(q.id, UNKNOWN).option != target:
                candidates.append((q, target))

    def outcome(changes: tuple[Change, ...]) -> Any:
        changed = dict(given)
        for q, target in changes:
            changed[q.id] = Given(option=target)
        return _tally(book, changed)

    def greedy(goal: Verdict) -> list[Change] | None:
        chosen: list[Change] = []
        remaining = list(candidates)
        while remaining:
            pick = min(remaining, key=lambda c: outcome((*chosen, c)).score)
            chosen.append(pick)
            remaining.remove(pick)
            if outcome(tuple(chosen)).verdict.rank <= goal.rank:
                return chosen
        return None

    def smallest(goal: Verdict) -> list[Change] | None:
        if outcome(tuple(candidates)).verdict.rank > goal.rank:
            return None
        tried = 0
        for size in range(1, len(candidates) + 1):
            best: tuple[int, tuple[Change, ...]] | None = None
            for combo in combinations(candidates, size):
                tried += 1
                if tried > limit:
                    return greedy(goal)
                result = outcome(combo)
                if result.verdict.rank <= goal.rank and (best is None or result.score < best[0]):
                    best = (result.score, combo)
            if best is not None:
                return list(best[1])
        return None

    for goal in [Verdict.TAKE] if t.verdict is Verdict.NEGOTIATE else [Verdict.TAKE, Verdict.NEGOTIATE]:
        found = smallest(goal)
        if found is not None:
            return [(q.id, target.value) for q, target in found], goal.value
    return [], None


GATE_VALUES = st.lists(sampled("v0", "v1"), min_size=1, unique=True)


@st.composite
def lever_rulebooks(draw: st.DrawFn) -> Rulebook:
    """Small rulebooks where levers interact: many negotiable questions, chains and fans of skip logic,
    knock-outs on targets and on current answers, client-type floors, green answers in floored types."""
    n_categories = draw(st.integers(1, 3))
    categories = []
    for c in range(n_categories):
        category: dict[str, Any] = {"id": f"c{c}", "title": f"C{c}", "kind": "red", "why": "w", "advice": "a",
                                    "source": {"article": "a.txt", "section": "s"}}
        negotiate = draw(maybe_between(1, 6))
        decline = draw(maybe_between((negotiate or 0) + 1, 12))
        if negotiate or decline:
            category["floor"] = {k: v for k, v in (("negotiate", negotiate), ("decline", decline)) if v}
        if draw(st.booleans()):
            category["term"] = f"term {c}"
        categories.append(category)
    questions: list[dict[str, Any]] = []
    for i in range(draw(st.integers(1, 9))):
        answers = [
            {"value": f"v{j}", "points": draw(sampled(-3, -1, 0, 0, 1, 2, 4, 7)),
             "knockout": draw(sampled(None, None, None, None, "negotiate", "decline")),
             "category": draw(maybe(*(f"c{c}" for c in range(n_categories))))}
            for j in range(draw(st.integers(2, 3)))
        ]
        q: dict[str, Any] = {"id": f"q{i}", "category": f"c{draw(st.integers(0, n_categories - 1))}", "text": "?",
                             "type": "choice", "answers": [{k: v for k, v in a.items() if v is not None}
                                                           for a in answers]}
        if i and draw(st.integers(0, 2)):
            parent = draw(sampled(i - 1, 0, draw(st.integers(0, i - 1))))
            q["ask_if"] = {"question": f"q{parent}", "in": draw(GATE_VALUES)}
        if draw(st.integers(0, 3)):
            target = draw(sampled(*(a["value"] for a in answers)))
            q["negotiable"] = {"term": f"negotiate q{i}", "target": target}
        questions.append(q)
    negotiate = draw(st.integers(1, 8))
    return schema.checked({
        "id": "x", "version": "1", "title": "x",
        "thresholds": {"negotiate": negotiate, "decline": negotiate + draw(st.integers(1, 8))},
        "min_coverage": 0.5, "categories": categories, "questions": questions,
    })


def found(book: Rulebook, given: Mapping[str, Given]) -> tuple[list[tuple[str, Any]], str | None]:
    a = scoring.assess(book, given)
    return [(lv.question, lv.target) for lv in a.levers], a.levers_reach.value if a.levers_reach else None


def hold(book: Rulebook, raw: Mapping[str, Any], limit: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scoring, "MAX_LEVER_SEARCH", limit)
    given = parse_answers(book, raw)
    assert found(book, given) == reference(book, given, limit)


LIMITS = st.sampled_from([0, 1, 3, 10, 4096])  # 0 and 1: greedy from the start; 4096: the report's


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_search_in_sums_gives_the_re_scoring_search_levers(data: st.DataObject,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    book = data.draw(lever_rulebooks())
    hold(book, data.draw(answer_sets(book)), data.draw(LIMITS), monkeypatch)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_on_the_default_rulebook_too(data: st.DataObject, monkeypatch: pytest.MonkeyPatch) -> None:
    hold(DEFAULT, data.draw(answer_sets(DEFAULT)), data.draw(LIMITS), monkeypatch)


def test_a_rulebook_the_model_did_not_validate_is_searched_by_re_scoring(monkeypatch: pytest.MonkeyPatch) -> None:
    """Skip logic pointing at a later question is refused by validation; built without it, the search still
    answers as the report always did, by scoring every try in full."""
    book = schema.checked({
        "id": "x", "version": "1", "title": "x", "thresholds": {"negotiate": 2, "decline": 5}, "min_coverage": 0.5,
        "categories": [{"id": "c", "title": "C", "kind": "red", "why": "w", "advice": "a",
                        "source": {"article": "a.txt", "section": "s"}}],
        "questions": [
            {"id": "a", "category": "c", "text": "?", "type": "choice", "ask_if": {"question": "b", "in": ["v0"]},
             "answers": [{"value": "v0", "points": 3}, {"value": "v1", "points": 0}],
             "negotiable": {"term": "t", "target": "v1"}},
            {"id": "b", "category": "c", "text": "?", "type": "choice",
             "answers": [{"value": "v0", "points": 3}, {"value": "v1", "points": -1}],
             "negotiable": {"term": "t", "target": "v1"}},
        ],
    })
    hold(book, {"a": "v0", "b": "v0"}, 4096, monkeypatch)
    assert found(book, parse_answers(book, {"a": "v0", "b": "v0"}))[0]


def generated(n: int) -> tuple[str, str]:
    """A rulebook of ``n`` negotiable yes/no questions in six floored client types, and a prospect who
    answered every one the bad way: more than half the terms are needed, so the search goes greedy."""
    types = 6
    lines = ["id: many_levers", 'version: "1"', "title: Many levers",
             f"thresholds: {{negotiate: {n}, decline: {2 * n}}}", "min_coverage: 0.5", "categories:"]
    for t in range(types):
        lines.append(f"  - {{id: t{t}, title: T{t}, kind: red, source: {{article: x.txt, section: s}}, why: w, "
                     f"advice: a, floor: {{negotiate: {max(1, n // 8)}, decline: {max(2, n // 2)}}}, term: T{t}}}")
    lines += ["  - {id: g, title: G, kind: green, source: {article: x.txt, section: s}, why: w, advice: a}",
              "questions:"]
    for i in range(n):
        lines += [f"  - id: q{i}", f"    category: t{i % types}", f"    text: Question {i}?", "    type: yesno",
                  f"    answers: [{{value: 'yes', points: -{i % 2}, category: g}}, "
                  f"{{value: 'no', points: {2 + i % 3}}}]",
                  f"    negotiable: {{term: Term {i}, target: 'yes'}}"]
    prospect = "prospect: {name: Many Levers ApS}\nanswers:\n" + "".join(f"  q{i}: 'no'\n" for i in range(n))
    return "\n".join(lines) + "\n", prospect


def report(cli: Run, tmp_path: Path, n: int, timeout: float) -> tuple[Rulebook, dict[str, Any], dict[str, Any]]:
    rules, prospect = tmp_path / f"rules-{n}.yaml", tmp_path / f"prospect-{n}.yaml"
    text, answers = generated(n)
    rules.write_text(text, encoding="utf-8")
    prospect.write_text(answers, encoding="utf-8")
    done = cli("report", prospect, "--rules", rules, "-f", "json", "--no-ledger", timeout=timeout)
    assert done.returncode == 0, done.stderr
    return load_rulebook(rules), {f"q{i}": "no" for i in range(n)}, json.loads(done.stdout)


def test_report_on_a_small_generated_rulebook_gives_the_reference_levers(cli_in_process: Run, tmp_path: Path) -> None:
    """In process: the installed command makes the same report below, on 300 questions, within its budget."""
    book, raw, data = report(cli_in_process, tmp_path, 14, timeout=60)
    expected, reach = reference(book, parse_answers(book, raw), scoring.MAX_LEVER_SEARCH)
    assert [(t["question"], t["target"]) for t in data["levers"]["terms"]] == expected
    assert data["levers"]["reach"] == reach == "take" and data["verdict"] == "decline"


def test_report_with_300_negotiable_questions_finishes_within_budget(cli: Run, tmp_path: Path) -> None:
    """The re-scoring search took 41 s here; the budget is generous for a loaded machine, not a timing."""
    book, raw, data = report(cli, tmp_path, 300, timeout=10)
    terms = data["levers"]["terms"]
    assert data["verdict"] == "decline" and data["levers"]["reach"] == "take"
    agreed = score(book, {**raw, **{t["question"]: t["target"] for t in terms}})
    assert agreed.verdict is Verdict.TAKE
    # Greedy: one term less (the last one taken) would not reach take.
    assert score(book, {**raw, **{t["question"]: t["target"] for t in terms[:-1]}}).verdict is not Verdict.TAKE




def golden_rows() -> list[dict[str, Any]]:
    """Every answer set of every golden case of the default rulebook (alternatives merged over the answers)."""
    path = Path(__file__).parent.parent / "rules" / "default.yaml"
    found, problems = cases.collect(path, safeyaml.load(path), DEFAULT.id)
    assert found and not problems
    return [answers for case in found for answers in case.model.answer_sets()]


def random_rows(count: int, seed: int) -> list[dict[str, Any]]:
    """Rows as a CRM exports them, leaning bad so that most rows have levers to find: each question blank or
    one of its answers (a number inside one of its bands)."""
    rnd = random.Random(seed)
    rows = []
    for _n in range(count):
        row: dict[str, Any] = {}
        for q in DEFAULT.questions:
            if not q.scores or rnd.random() < 0.2:
                continue
            a = rnd.choice(q.answers)
            row[q.id] = max(0, int(a.below or 100_000) - rnd.randint(1, 50)) if q.type == "number" else a.value
        rows.append(row)
    return rows


def csv_cell(value: Any) -> str:
    return {True: "yes", False: "no", None: ""}.get(value, str(value)) if isinstance(value, bool | None) else str(value)


def test_jsonl_levers_in_sums_are_the_full_assessments_on_the_default_rulebook(
    cli: Run, cli_in_process: Run, tmp_path: Path
) -> None:
    """The default rulebook has client-type floors and terms; its lean records' levers come from sums, and must be
    the full assessment's (``--texts``) for every golden case and hundreds of random rows.

    The lean records come from the installed command; the full ones, the reference, from the same entry point
    in this process, without a second interpreter's start-up."""
    assert exact_in_arithmetic(DEFAULT)
    rows = [*golden_rows(), *random_rows(600, seed=20261203)]
    ids = [q.id for q in DEFAULT.questions]
    data = tmp_path / "leads.csv"
    with data.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["id", "name", *ids])
        out.writerows([f"L{n}", f"Lead {n}", *(csv_cell(row.get(q)) for q in ids)] for n, row in enumerate(rows))
    lean = cli("score", data, "-f", "jsonl", "-q")
    full = cli_in_process("score", data, "-f", "jsonl", "--texts", "-q")
    assert lean.returncode == full.returncode == 0, lean.stderr + full.stderr
    pairs = list(zip(map(json.loads, lean.stdout.splitlines()), map(json.loads, full.stdout.splitlines()),
                     strict=True))
    assert len(pairs) == len(rows)
    for short, whole in pairs:
        assert short["verdict"] == whole["verdict"] and short["score"] == whole["score"]
        assert short["levers"] == {"reach": whole["levers"]["reach"], "terms": [
            {k: t[k] for k in ("question", "current", "target", "points")} for t in whole["levers"]["terms"]
        ]}, short["id"]
    reached = {short["levers"]["reach"] for short, _whole in pairs}
    floored = [whole for _short, whole in pairs if whole["floors"] and whole["levers"]["terms"]]
    assert {"take", "negotiate", None} <= reached and floored  # the rows reach every kind of answer
