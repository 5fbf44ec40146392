"""The scorer: worked examples for each rule, and properties that must hold for any answers."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clientscreen.rulebook.model import Rulebook, Verdict, load_rulebook
from clientscreen.scoring import AnswersInvalid, assess, parse_answers, score

FIXTURE = Path(__file__).parent / "fixtures" / "core" / "rules.yaml"
BOOK = load_rulebook(FIXTURE)
GOOD = {"prepay": "yes", "contacts": "one", "prior_agency": "no", "misleading": "no", "trust": 4, "budget": 3000}


def test_a_good_prospect_is_taken_with_green_flags_listed() -> None:
    a = score(BOOK, GOOD)
    assert a.verdict is Verdict.TAKE
    assert a.score == -2 - 1 - 1
    assert {f.question for f in a.flags} == {"prepay", "contacts", "trust"}
    # An answer may raise a flag of its own: paying up front is the green twin of refusing to.
    assert {f.question: f.category for f in a.flags}["prepay"] == "accepts_prepayment"
    assert {f.question: f.category for f in score(BOOK, {"prepay": "no"}).flags}["prepay"] == "prepayment"
    assert all(not f.red for f in a.flags)
    assert a.knockouts == ()
    assert a.levers == ()
    assert a.margin.to_worse == 5 - a.score and a.margin.to_better is None


def test_score_bands_follow_the_thresholds() -> None:
    # 6 (no prepayment) - 1 - 1 = 4 < 5: still take; with a committee (+2 instead of -1) it is 7: negotiate.
    assert score(BOOK, {**GOOD, "prepay": "no"}).verdict is Verdict.TAKE
    a = score(BOOK, {**GOOD, "prepay": "no", "contacts": "committee"})
    assert (a.verdict, a.score) == (Verdict.NEGOTIATE, 7)
    assert (a.margin.to_better, a.margin.to_worse) == (3, 5)
    a = score(BOOK, {**GOOD, "prepay": "no", "contacts": "warring", "trust": 1})
    assert (a.verdict, a.score) == (Verdict.DECLINE, 6 + 7 + 3)
    assert a.margin == type(a.margin)(to_better=16 - 12 + 1, to_worse=None)


def test_an_ethics_knockout_declines_whatever_the_score() -> None:
    a = score(BOOK, {**GOOD, "misleading": "yes", "budget": 9000})
    assert a.score < 0
    assert a.score_verdict is Verdict.TAKE
    assert a.verdict is Verdict.DECLINE
    assert [(k.question, k.floor) for k in a.knockouts] == [("misleading", Verdict.DECLINE)]


def test_a_negotiate_floor_raises_take_but_does_not_lower_decline() -> None:
    taken = score(BOOK, {**GOOD, "prior_agency": "yes", "paid_prior": "late"})
    assert taken.score_verdict is Verdict.TAKE and taken.verdict is Verdict.NEGOTIATE
    declined = score(
        BOOK, {**GOOD, "prior_agency": "yes", "paid_prior": "late", "prepay": "no", "trust": 1, "budget": 1}
    )
    assert declined.score_verdict is Verdict.DECLINE and declined.verdict is Verdict.DECLINE


def test_skip_logic_drops_answers_to_questions_not_asked() -> None:
    a = score(BOOK, {**GOOD, "prior_agency": "no", "paid_prior": "never"})
    assert "paid_prior" in a.skipped
    assert a.knockouts == () and a.verdict is Verdict.TAKE
    # An unknown parent keeps the question: it may apply, so its answer counts.
    b = score(BOOK, {**GOOD, "prior_agency": "unknown", "paid_prior": "never"})
    assert "paid_prior" not in b.skipped and b.verdict is Verdict.DECLINE


def test_unknown_scores_zero_lowers_coverage_and_orders_what_to_ask_next() -> None:
    a = score(BOOK, {"prepay": "yes"})
    assert a.score == -2
    assert a.provisional
    assert 0 < a.coverage < 0.6
    asked = [p.question for p in a.ask_next]
    # Questions that can knock out come first, then by points at stake; the unknown gate carries its
    # follow-up (which can knock out) and the follow-up is not suggested before it.
    assert asked[:2] == ["prior_agency", "misleading"]
    assert "paid_prior" not in asked
    assert a.ask_next[0].opens == ("paid_prior",)
    answered = [p.question for p in score(BOOK, {"prior_agency": "yes"}).ask_next]
    assert "paid_prior" in answered and "prior_agency" not in answered
    stakes = [p.stake for p in a.ask_next if not p.can_knock_out]
    assert stakes == sorted(stakes, reverse=True)
    assert "notes" not in asked
    full = score(BOOK, {**GOOD, "prior_agency": "yes", "paid_prior": "full"})
    assert full.coverage == 1.0 and not full.provisional and full.ask_next == ()


def test_levers_are_the_smallest_set_of_terms_that_reach_take() -> None:
    a = score(BOOK, {**GOOD, "prepay": "no", "contacts": "committee"})
    assert a.verdict is Verdict.NEGOTIATE
    # Either change alone reaches take; prepayment leaves the lower score, so it wins.
    assert [(lv.question, lv.current, lv.target) for lv in a.levers] == [("prepay", "no", "yes")]
    assert a.levers[0].points == -8 and a.levers[0].term.en.startswith("Half")
    assert a.levers_reach is Verdict.TAKE


def test_levers_fall_back_to_negotiate_and_vanish_behind_an_ethics_knockout() -> None:
    a = score(BOOK, {**GOOD, "prepay": "no", "contacts": "warring", "trust": 1, "budget": 100})
    assert a.verdict is Verdict.DECLINE
    assert a.levers_reach in (Verdict.TAKE, Verdict.NEGOTIATE)
    assert {lv.question for lv in a.levers} <= {"prepay", "contacts"}
    blocked = score(BOOK, {**GOOD, "misleading": "yes"})
    assert blocked.levers == () and blocked.levers_reach is None


def test_answers_are_read_by_value_number_label_and_in_four_languages() -> None:
    for words in (
        {"prepay": "ja", "contacts": 1},
        {"prepay": "да", "contacts": "One responsible person"},
        {"prepay": "כן", "contacts": "ONE"},
        {"prepay": True, "contacts": "one"},
    ):
        assert parse_answers(BOOK, words)["prepay"].option is BOOK.question_by_id["prepay"].by_value["yes"]
        assert parse_answers(BOOK, words)["contacts"].option is BOOK.question_by_id["contacts"].answers[0]


def test_bad_answers_are_all_reported_with_what_would_be_accepted() -> None:
    with pytest.raises(AnswersInvalid) as caught:
        score(BOOK, {"prepay": "maybe", "trust": 9, "budget": "lots", "nosuch": 1})
    problems = caught.value.problems
    assert set(problems) == {"prepay", "trust", "budget", "nosuch"}
    assert "yes or no" in problems["prepay"]
    assert "1 to 5" in problems["trust"]
    assert "not a number" in problems["budget"]
    assert "no such question" in problems["nosuch"]


# -- properties ---------------------------------------------------------------------------------


def _value_strategy(book: Rulebook) -> st.SearchStrategy[dict[str, Any]]:
    fields: dict[str, st.SearchStrategy[Any]] = {}
    for q in book.questions:
        if q.type == "number":
            choice: st.SearchStrategy[Any] = st.integers(min_value=0, max_value=20_000)
        elif q.type == "note":
            choice = st.text(max_size=20)
        else:
            choice = st.sampled_from([a.value for a in q.answers])
        fields[q.id] = st.one_of(st.none(), choice)
    return st.fixed_dictionaries({}, optional=fields)


ANSWERS = _value_strategy(BOOK)


LEAVES = [q for q in BOOK.questions if q.scores and q.id not in BOOK.dependants]
# Drawn from in every example, so built once: hypothesis checks each new strategy object on its first draw.
LEAF = st.sampled_from(LEAVES)
TWO_OPTIONS = {
    q.id: st.lists(st.sampled_from(sorted(q.answers, key=lambda a: a.points)), min_size=2, max_size=2) for q in LEAVES
}


@settings(max_examples=300, deadline=None)
@given(ANSWERS, st.data())
def test_a_worse_answer_never_gives_a_better_verdict(answers: dict[str, Any], data: st.DataObject) -> None:
    """Holds for questions no other question depends on (a parent can switch whole branches off)."""
    q = data.draw(LEAF)
    better, worse = sorted(
        data.draw(TWO_OPTIONS[q.id]),
        key=lambda a: (a.points, Verdict(a.knockout or "take").rank),
    )
    if Verdict(better.knockout or "take").rank > Verdict(worse.knockout or "take").rank:
        return  # not comparable: more points but a milder floor
    raw_better = _raw(q.type, better)
    raw_worse = _raw(q.type, worse)
    a = score(BOOK, {**answers, q.id: raw_better})
    b = score(BOOK, {**answers, q.id: raw_worse})
    assert b.verdict.rank >= a.verdict.rank
    assert b.score >= a.score or q.id in a.skipped


def _raw(qtype: str, option: Any) -> Any:
    if qtype != "number":
        return option.value
    return (option.below - 1) if option.below is not None else 1_000_000


@settings(max_examples=200, deadline=None)
@given(ANSWERS, st.randoms(use_true_random=False))
def test_answer_order_does_not_matter(answers: dict[str, Any], rnd: random.Random) -> None:
    items = list(answers.items())
    rnd.shuffle(items)
    assert score(BOOK, dict(items)) == score(BOOK, answers)


@settings(max_examples=300, deadline=None)
@given(ANSWERS)
def test_the_score_stays_within_the_reachable_range(answers: dict[str, Any]) -> None:
    low, high = BOOK.score_range()
    a = score(BOOK, answers)
    assert low <= a.score <= high
    assert 0.0 <= a.coverage <= 1.0
    assert a.verdict.rank >= a.score_verdict.rank


def test_assessments_are_frozen_and_deterministic() -> None:
    given_answers = parse_answers(BOOK, {**GOOD, "prepay": "no", "contacts": "committee"})
    first, second = assess(BOOK, given_answers), assess(BOOK, given_answers)
    assert first == second
    with pytest.raises(AttributeError):
        first.score = 0  # type: ignore[misc]


def test_an_unknown_knockout_counts_as_much_evidence_as_reaching_its_floor() -> None:
    """The ethics question moves no points, but leaving it unknown must still lower the evidence."""
    known = score(BOOK, GOOD)
    unknown = score(BOOK, {k: v for k, v in GOOD.items() if k != "misleading"})
    assert known.coverage == 1.0
    # At stake: prepay 8, contacts 8, prior_agency 0, trust 5, budget 7, and the ethics knock-out weighs
    # the decline threshold, 12 (paid_prior is skipped). Unknown, it leaves 28 of 40.
    assert unknown.coverage == 0.7
    assert [p.question for p in unknown.ask_next] == ["misleading"]


def test_a_decline_knockout_is_final_so_never_provisional_and_has_no_margin() -> None:
    a = score(BOOK, {"misleading": "yes"})
    assert a.coverage < BOOK.min_coverage
    assert a.verdict is Verdict.DECLINE and not a.provisional
    assert (a.margin.to_better, a.margin.to_worse) == (None, None)


def test_under_a_negotiate_floor_the_margin_counts_only_towards_decline() -> None:
    a = score(BOOK, {**GOOD, "prior_agency": "yes", "paid_prior": "late"})  # score 0, floor negotiate
    assert a.verdict is Verdict.NEGOTIATE and a.score_verdict is Verdict.TAKE
    assert (a.margin.to_better, a.margin.to_worse) == (None, 12 - a.score)
    # The debt type is fully known and decides: not provisional for want of unrelated answers.
    settled = score(BOOK, {"prior_agency": "yes", "paid_prior": "late"})
    assert settled.coverage < BOOK.min_coverage and not settled.provisional
    assert {c.category: c.coverage for c in settled.categories}["debt"] == 1.0

