"""The interview state machine, driven by scripted lines: no terminal needed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from clientscreen import i18n
from clientscreen.interview.engine import Event, Interview, far_outside, run_interview, settled, shown_answer
from clientscreen.rulebook.model import load_rulebook

BOOK = load_rulebook(Path(__file__).parent / "fixtures" / "core" / "rules.yaml")


def scripted(lines: list[str]) -> Iterator[str]:
    yield from lines
    raise AssertionError("the interview asked for more lines than the script has")


def drive(
    lines: list[str], review: list[str] | None = None, interview: Interview | None = None
) -> tuple[Interview, list[Event], list[dict[str, object]]]:
    state = interview or Interview(BOOK)
    answers = scripted(lines)
    reviews = scripted(review or ["f"])
    events: list[Event] = []
    saves: list[dict[str, object]] = []
    run_interview(
        state,
        lambda _i: next(answers),
        tell=lambda _i, e: events.append(e),
        review=lambda _i: next(reviews),
        saved=lambda i: saves.append(dict(i.answers)),
    )
    return state, events, saves


FULL = ["y", "1", "y", "full", "n", "4", "3 000", "met at a fair"]


def test_a_full_interview_stores_every_answer_as_written_to_the_file() -> None:
    state, events, saves = drive(FULL)
    assert state.answers == {
        "prepay": "yes",
        "contacts": "one",
        "prior_agency": "yes",
        "paid_prior": "full",
        "misleading": "no",
        "trust": 4,
        "budget": 3000,
        "notes": "met at a fair",
    }
    assert len(saves) == 8 and saves[-1] == state.answers  # saved after every answer
    assert [e.kind for e in events] == ["answered"] * 8


def test_skip_logic_leaves_out_a_question_and_the_count_follows() -> None:
    state = Interview(BOOK)
    assert state.position() == (1, 8)
    state.handle("y")
    state.handle("one")
    state.handle("n")  # no earlier agency: "did they pay it?" is not asked
    assert state.question is not None and state.question.id == "misleading"
    assert state.position() == (4, 7)


def test_invalid_input_is_explained_and_the_question_asked_again() -> None:
    state, events, _ = drive(["perhaps", "", *FULL])
    assert events[0] == Event("invalid", "'perhaps' is not an answer here; expected yes or no")
    assert events[1].kind == "repeat"
    assert state.answers["prepay"] == "yes"


def test_help_unknown_and_back() -> None:
    state = Interview(BOOK)
    help_event = state.handle("?")
    assert help_event.kind == "help" and help_event.category is not None
    assert help_event.category.id == "prepayment"
    assert state.handle("b") == Event("at_start", "this is the first question")
    assert state.handle("u").kind == "unknown" and state.answers["prepay"] == "unknown"
    state.handle("committee")
    assert state.handle("b").kind == "back"
    assert state.question is not None and state.question.id == "contacts"
    assert state.answers["contacts"] == "committee"  # going back keeps the answer until it is changed
    state.handle("warring")
    assert state.question is not None and state.question.id == "prior_agency"


def test_switching_a_branch_off_sets_its_answers_aside_and_switching_it_on_restores_them() -> None:
    state = Interview(BOOK)
    for line in ["y", "one", "y", "late"]:
        state.handle(line)
    state.handle("b")
    state.handle("b")
    assert state.question is not None and state.question.id == "prior_agency"
    event = state.handle("n")
    assert event.set_aside == ("paid_prior",)
    assert "paid_prior" not in state.answers and state.set_aside == {"paid_prior": "late"}
    assert state.question is not None and state.question.id == "misleading"
    state.handle("b")
    event = state.handle("y")
    assert event.restored == ("paid_prior",)
    assert state.answers["paid_prior"] == "late" and state.set_aside == {}
    assert state.question is not None and state.question.id == "misleading"  # not asked again


def test_a_resumed_answer_the_rulebook_now_skips_is_set_aside_not_lost() -> None:
    state = Interview(BOOK, answers={"prepay": "no", "prior_agency": "no", "paid_prior": "never"})
    assert state.set_aside == {"paid_prior": "never"} and "paid_prior" not in state.answers


def test_the_review_jumps_to_a_question_and_new_questions_are_asked() -> None:
    lines = [*FULL[:2], "n", *FULL[4:], "y", "never"]  # no earlier agency, then changed to yes in the review
    state, events, _ = drive(lines, review=["9", "3", "f"])
    assert any(e.kind == "invalid" and "question number" in e.message for e in events)
    assert state.answers["prior_agency"] == "yes" and state.answers["paid_prior"] == "never"


def test_a_blank_note_is_an_answer_and_is_not_asked_again() -> None:
    state, _, _ = drive([*FULL[:-1], ""])
    assert state.answers["notes"] == ""
    assert state.first_unanswered() is None


def test_resuming_starts_at_the_first_unanswered_question() -> None:
    state = Interview(BOOK, answers={"prepay": "no", "contacts": "one"})
    assert state.question is not None and state.question.id == "prior_agency"
    assert state.position() == (3, 8)


def test_answers_that_no_longer_apply_are_reported_not_dropped() -> None:
    state = Interview(BOOK, answers={"prepay": "no", "contacts": "everyone", "budgett": 5})
    assert state.invalid() == {
        "contacts": "'everyone' is not an answer here; expected 1 one, 2 committee, 3 warring",
        "budgett": "no such question in this rulebook",
    }
    assert state.question is not None and state.question.id == "contacts"  # asked again
    assert state.answers["budgett"] == 5


@pytest.mark.parametrize(
    ("qid", "raw", "shown"),
    [
        ("contacts", "one", "One responsible person"),
        ("budget", 3000, "3,000 (Market rate)"),  # as the language writes numbers
        ("trust", 2, "2 (1 = Not at all … 5 = Fully)"),  # a scale point keeps its meaning
        ("trust", 5, "Fully"),
        ("misleading", "unknown", "unknown"),
        ("contacts", None, "—"),
        ("contacts", "x", "x (no longer allowed)"),
    ],
)
def test_the_review_shows_labels(qid: str, raw: object, shown: str) -> None:
    assert shown_answer(BOOK.question_by_id[qid], raw) == shown  # type: ignore[arg-type]


def test_enter_on_an_answered_question_keeps_the_answer_shown() -> None:
    state = Interview(BOOK, answers={"prepay": "no", "contacts": "one"}, cursor="prepay")
    event = state.handle("")
    assert event.kind == "kept" and state.answers["prepay"] == "no"
    assert state.cursor == "prior_agency"  # on past the answered one, to the first still open
    state.cursor = "contacts"
    assert state.handle("   ").kind == "kept" and state.answers["contacts"] == "one"
    assert Interview(BOOK).handle("").kind == "repeat"  # nothing to keep: asked again


def test_enter_keeps_a_note_rather_than_emptying_it() -> None:
    state = Interview(BOOK, answers={"notes": "met at a fair"}, cursor="notes")
    assert state.handle("").kind == "kept" and state.answers["notes"] == "met at a fair"


def test_f_anywhere_goes_to_the_review_and_the_rest_stays_unknown() -> None:
    state, events, saves = drive(["y", "f"], review=["f"])
    assert [e.kind for e in events] == ["answered", "finish"]
    assert state.answers == {"prepay": "yes"} and state.done
    assert len(saves) == 1


def test_a_jump_from_the_review_after_finishing_early_asks_that_question_only() -> None:
    state, events, _ = drive(["f", "2"], review=["2", "f"])
    assert state.answers == {"contacts": "committee"} and [e.kind for e in events] == ["finish", "answered"]


@pytest.mark.parametrize(
    ("lang", "typed", "stored"),
    [("en", "2,500", 2500), ("da", "3.500", 3500), ("ru", "3 500", 3500), ("he", "2,500", 2500),
     ("en", "€2500", 2500), ("da", "2500 EUR", 2500), ("en", "2.5k", 2500), ("da", "2,5k", 2500),
     ("ru", "2,5 тыс.", 2500), ("en", "1,250.50", 1250.5), ("da", "1.250,50", 1250.5)],
)
def test_a_number_is_read_the_way_the_interview_language_writes_it(lang: str, typed: str, stored: float) -> None:
    with i18n.use(lang):
        state = Interview(BOOK, cursor="budget")
        event = state.handle(typed)
    assert event.kind == "answered" and event.number == stored and event.typed == typed
    assert state.answers["budget"] == stored


@pytest.mark.parametrize(("lang", "typed"), [("en", "2 500 kr."), ("da", "2.500,-"), ("ru", "2500 руб.")])
def test_another_currency_than_the_question_counts_in_is_refused_never_converted(lang: str, typed: str) -> None:
    with i18n.use(lang):
        state = Interview(BOOK, cursor="budget")
        event = state.handle(typed)
    assert event.kind == "invalid" and "EUR" in event.message and "budget" not in state.answers


def test_a_number_far_outside_the_bands_asks_did_you_mean_and_yes_keeps_it() -> None:
    state = Interview(BOOK, cursor="budget")
    event = state.handle("2")
    assert event.kind == "suspect" and event.message.startswith("2 is far outside the bands; did you mean 2,000?")
    assert "budget" not in state.answers
    assert state.handle("y").kind == "answered" and state.answers["budget"] == 2
    state = Interview(BOOK, cursor="budget")
    state.handle("2")
    assert state.handle("2k").kind == "answered" and state.answers["budget"] == 2000
    assert far_outside(BOOK.question_by_id["budget"], 900) is None
    assert far_outside(BOOK.question_by_id["budget"], 9_000_000) == 9000


@pytest.mark.parametrize(
    ("lang", "typed", "meant"),
    [("en", "yess", "yes"), ("da", "jaa", "ja"), ("ru", "даа", "да"), ("he", "כןן", "כן")],
)
def test_a_typo_says_did_you_mean_in_every_language(lang: str, typed: str, meant: str) -> None:
    with i18n.use(lang):
        event = Interview(BOOK).handle(typed)
        expected = i18n._("{given} is not an answer here; did you mean {suggestion}?", given=repr(typed),
                          suggestion=meant)
    assert event.kind == "invalid" and event.message == expected


def test_a_mistyped_label_or_value_gets_the_nearest_one() -> None:
    state = Interview(BOOK, cursor="contacts")
    assert "did you mean committee?" in state.handle("comittee").message
    assert "did you mean People who argue with each other?" in state.handle("people who argue with eachother").message
    assert "did you mean" not in state.handle("xyz").message  # nothing near: the valid answers instead


def test_quick_asks_what_moves_the_verdict_most_and_stops_once_it_is_settled() -> None:
    state = Interview(BOOK, quick=True)
    assert state.cursor == "prior_agency"  # a knock-out question first, preceded by the one it depends on
    state.handle("y")
    assert state.cursor == "paid_prior"
    state.handle("never")  # a decline knock-out: no answer left can change that
    assert state.cursor is None and settled(BOOK, state.given())


def test_quick_goes_on_while_the_verdict_can_still_move() -> None:
    state = Interview(BOOK, quick=True)
    asked: list[str] = []
    for _ in range(len(BOOK.questions)):
        if state.cursor is None:
            break
        asked.append(state.cursor)
        line = {"prior_agency": "n", "misleading": "n", "budget": "5000"}.get(state.cursor, "1")
        assert state.handle(line).kind == "answered"
    assert asked[:2] == ["prior_agency", "misleading"]  # the knock-outs, then the most points at stake
    assert "notes" not in asked and settled(BOOK, state.given())
    assert not settled(BOOK, {})
