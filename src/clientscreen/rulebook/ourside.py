"""'Was it us?': the questions about our own side, asked before a decline is final, and what they add up to.

The Danish article closes its blacklist by warning that the more complex the problem, the surer people are
that they made no mistakes: before filing a client under one of the bad kinds, make sure our own team did
everything it should. A rulebook lists those questions in ``our_side``; they run through the interview
engine like any other, and never score.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from clientscreen.answers import AnswerError, parse
from clientscreen.rulebook.model import Answer, Category, Question, Rulebook, Verdict

Status = Literal["clear", "unchecked", "ours"]
RawValue = str | int | float | bool | None


def applies(book: Rulebook, verdict: Verdict) -> bool:
    return book.our_side is not None and verdict is Verdict.DECLINE


def as_rulebook(book: Rulebook) -> Rulebook:
    """The questions as a rulebook of yes/no questions, so the interview engine asks them (autosave, back, ?)."""
    side = book.our_side
    assert side is not None  # noqa: S101 - callers check applies() first
    category = Category(id="our_side", title=side.title, kind="green", source=side.source, why=side.why,
                        advice=side.advice)
    questions = [
        Question(id=q.id, category="our_side", text=q.text, help=q.help, type="yesno",
                 answers=[Answer(value="yes"), Answer(value="no")])
        for q in side.questions
    ]
    return Rulebook(id=book.id, version=book.version, title=side.title, thresholds=book.thresholds,
                    min_coverage=0.0, categories=[category], questions=questions, digest=book.digest)


def status(book: Rulebook, verdict: Verdict, answers: Mapping[str, RawValue]) -> Status | None:
    """None where the check does not apply; 'ours' if any answer is no, 'clear' if all are yes."""
    if not applies(book, verdict):
        return None
    mini = as_rulebook(book)
    values: list[str | int | None] = []
    for q in mini.questions:
        try:
            given = parse(q, answers.get(q.id))
        except AnswerError:
            values.append(None)
            continue
        values.append(given.option.value if given.option is not None else None)
    if "no" in values:
        return "ours"
    return "clear" if all(v == "yes" for v in values) else "unchecked"
