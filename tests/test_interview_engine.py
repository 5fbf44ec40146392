"""The interview state machine, driven by scripted lines: no terminal needed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from clientscreen.interview.engine import Event, Interview, run_interview, shown_answer
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


def test_going_back_and_switching_a_branch_off_drops_the_answers_inside_it() -> None:
    state = Interview(BOOK)
    for line in ["y", "one", "y", "late"]:
        state.handle(line)
    state.handle("b")
    state.handle("b")
    assert state.question is not None and state.question.id == "prior_agency"
    state.handle("n")
    assert "paid_prior" not in state.answers
    assert state.question is not None and state.question.id == "misleading"


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
        ("budget", 3000, "3000 (Market rate)"),
        ("misleading", "unknown", "unknown"),
        ("contacts", None, "—"),
        ("contacts", "x", "x (no longer allowed)"),
    ],
)
def test_the_review_shows_labels(qid: str, raw: object, shown: str) -> None:
    assert shown_answer(BOOK.question_by_id[qid], raw) == shown  # type: ignore[arg-type]
