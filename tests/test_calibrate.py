"""Calibration against a history whose truth is known (the simulator), and its arithmetic by hand."""

from __future__ import annotations

import pytest

from clientscreen.ledger import calibrate, simulate
from clientscreen.ledger.outcomes import Case, Outcome
from clientscreen.rulebook.model import Rulebook, load_rulebook

TELLING = {"goals": 1.5, "prepayment": 1.5, "decision_maker": 1.5}


@pytest.fixture(scope="module")
def book() -> Rulebook:
    return load_rulebook(None)


def test_wilson_matches_the_published_interval_and_stays_inside_0_1() -> None:
    low, high = calibrate.wilson(8, 20)  # Newcombe (1998) style check: 0.219 .. 0.613
    assert (round(low, 3), round(high, 3)) == (0.219, 0.613)
    assert calibrate.wilson(0, 5)[0] == 0.0 and calibrate.wilson(5, 5)[1] == 1.0
    assert calibrate.wilson(0, 0) == (0.0, 1.0)


def case(i: int, flags: tuple[tuple[str, str, int], ...], outcome: Outcome | None, verdict: str = "take",
         decision: str | None = None) -> Case:
    return Case(f"c{i}", f"s{i}", verdict, flags, decision, outcome)


def test_below_the_minimum_sample_nothing_is_claimed() -> None:
    bad, good = Outcome(overall="bad"), Outcome(overall="good")
    cases = [case(i, (("goals", "none", 7),), bad) for i in range(9)]
    cases += [case(100 + i, (), good) for i in range(60)]
    result = calibrate.calibrate(cases, min_sample=10)
    (goals,) = result.flags
    assert (goals.rate.n, goals.rate.bad, goals.enough, goals.suggested) == (9, 9, False, None)
    assert calibrate.calibrate(cases, min_sample=5).flags[0].suggested == 14  # enough now: doubled, at most


def test_unpaid_invoices_count_as_bad_and_an_outcome_without_a_verdict_word_or_invoices_is_not_judged() -> None:
    cases = [case(0, (), Outcome(invoices="unpaid", overall="mixed")), case(1, (), Outcome(overall="mixed")),
             case(2, (), Outcome(hours_over=50.0)), case(3, (), None)]
    result = calibrate.calibrate(cases)
    assert (result.clients, result.base.n, result.base.bad) == (4, 2, 1)


def test_overrides_are_scored_by_who_turned_out_right() -> None:
    bad, good = Outcome(overall="bad"), Outcome(overall="good")
    cases = [
        case(0, (), bad, verdict="decline", decision="take"),  # the verdict was right
        case(1, (), good, verdict="decline", decision="take"),  # the agency was right
        case(2, (), good, verdict="negotiate", decision="take"),  # the agency was right
        case(3, (), bad, verdict="take", decision="negotiate"),  # the agency, more careful, was right
        case(4, (), None, verdict="take", decision="decline"),  # never known
        case(5, (), bad, verdict="take", decision="take"),  # no override
    ]
    assert calibrate.calibrate(cases).overrides == calibrate.Overrides(5, 1, 3, 1)


def test_calibration_recovers_the_signs_that_matter(book: Rulebook) -> None:
    model = simulate.TrueModel(signal=TELLING)
    result = calibrate.calibrate(simulate.cases(book, model, 3000, seed=7))
    suggested = {f.key: f.suggested for f in result.suggestions}
    assert {q for q, _points in suggested} <= set(TELLING)  # nothing about the questions that tell nothing
    for question in TELLING:
        points = sorted({a.points for a in book.question_by_id[question].answers if a.points})
        worst, best = points[-1], points[0]
        assert suggested[question, worst] > worst  # the worst answer weighs more
        assert suggested[question, best] < best  # the best (green) answer weighs less
    by_verdict = {v.verdict: v.rate.rate for v in result.verdicts}
    assert by_verdict["take"] < by_verdict["negotiate"] < by_verdict["decline"]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_on_pure_noise_calibration_suggests_nothing(book: Rulebook, seed: int) -> None:
    model = simulate.TrueModel(signal=TELLING, outcome=0.0)  # answers follow the risk, outcomes do not
    result = calibrate.calibrate(simulate.cases(book, model, 3000, seed=seed))
    assert sum(f.enough for f in result.flags) > 20  # plenty was tested
    assert result.suggestions == ()


def test_the_simulator_is_seeded(book: Rulebook) -> None:
    model = simulate.TrueModel(signal=TELLING)
    first = list(simulate.history(book, model, 50, seed=4))
    assert first == list(simulate.history(book, model, 50, seed=4))
    assert first != list(simulate.history(book, model, 50, seed=5))


def test_a_bar_is_eighths_of_its_width() -> None:
    assert calibrate.bar(0.0) == " " * 10
    assert calibrate.bar(1.0) == "█" * 10
    assert calibrate.bar(0.25) == "██▌       "


def test_the_simulated_history_is_what_the_scorer_would_have_recorded(book: Rulebook) -> None:
    from clientscreen import scoring

    model = simulate.TrueModel(signal=TELLING)
    history = list(simulate.history(book, model, 400, seed=11))
    follow_ups = [q for q in book.questions if q.ask_if is not None]
    assert follow_ups  # the default rulebook has skip logic for the simulator to honour
    opened = closed = 0
    for rec, _outcome in history:
        answers = dict(rec.answers)
        assessed = scoring.score(book, answers)
        assert (rec.verdict, rec.score, rec.coverage, rec.provisional) == (
            assessed.verdict.value, assessed.score, assessed.coverage, assessed.provisional)
        assert [(f.question, f.category, f.answer, f.points) for f in rec.flags] == [
            (f.question, f.category, str(f.answer), f.points) for f in assessed.flags]
        for q in follow_ups:  # a follow-up is answered exactly when the interview would have asked it
            parent = answers.get(q.ask_if.question) if q.ask_if else None
            asked = parent == "unknown" or parent in (q.ask_if.in_ if q.ask_if else ())
            assert (q.id in answers) == asked, (rec.id, q.id, parent)
            opened += asked
            closed += not asked
        for q in book.questions:
            if q.type == "number" and isinstance(answers.get(q.id), int):
                assert q.band(answers[q.id]).points in {a.points for a in q.answers}
    assert opened > 50 and closed > 50  # both sides of the skip logic were drawn
    verdicts = {rec.verdict for rec, _o in history}
    assert verdicts == {"take", "negotiate", "decline"}
    assert any(v == "unknown" for rec, _o in history for _q, v in rec.answers)
    assert any(isinstance(v, int) for rec, _o in history for _q, v in rec.answers)
