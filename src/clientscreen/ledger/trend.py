"""What changed between two screenings of one client, flag by flag, and which way the client is heading.

A review is worth little as a snapshot: the Hebrew article's client pays on time at first and later with
every invoice, the Danish article's debt grows month by month. So each review is set against the one
before it under the same rulebook, and every flag says whether it appeared, went, or moved up or down.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from clientscreen.ledger.records import ScreeningRecord

Direction = Literal["new", "gone", "worse", "better"]
Heading = Literal["worse", "better", "steady"]
_RANK = {"take": 0, "negotiate": 1, "decline": 2}


@dataclass(frozen=True)
class FlagChange:
    question: str
    category: str
    before: str | None  # the answer then, None if the flag was not raised
    after: str | None
    points_before: int
    points_after: int

    @property
    def direction(self) -> Direction:
        if self.before is None:
            return "new"
        if self.after is None:
            return "gone"
        return "worse" if self.points_after > self.points_before else "better"


@dataclass(frozen=True)
class Changes:
    before: ScreeningRecord
    after: ScreeningRecord
    flags: tuple[FlagChange, ...]

    @property
    def score_delta(self) -> int:
        return self.after.score - self.before.score

    @property
    def heading(self) -> Heading:
        return heading(self.before, self.after)


def heading(before: ScreeningRecord, after: ScreeningRecord) -> Heading:
    """Worse if the verdict got harsher or, at the same verdict, the score rose; better the other way."""
    rank = _RANK.get(after.verdict, 0) - _RANK.get(before.verdict, 0)
    delta = rank or after.score - before.score
    return "worse" if delta > 0 else "better" if delta < 0 else "steady"


def compare(before: ScreeningRecord, after: ScreeningRecord) -> Changes:
    """Every flag raised in either screening whose answer or points differ, in the order of the later one."""
    old = {f.question: f for f in before.flags}
    new = {f.question: f for f in after.flags}
    order = [f.question for f in after.flags] + [q for q in old if q not in new]
    changes = []
    for q in order:
        o, n = old.get(q), new.get(q)
        if o is not None and n is not None and o.points == n.points:
            continue
        changes.append(FlagChange(
            question=q,
            category=(n or o).category,  # type: ignore[union-attr]
            before=o.answer if o else None,
            after=n.answer if n else None,
            points_before=o.points if o else 0,
            points_after=n.points if n else 0,
        ))
    return Changes(before, after, tuple(changes))


def trend(history: list[ScreeningRecord]) -> Heading | None:
    """Which way the last two screenings under one rulebook point; None with fewer than two."""
    if len(history) < 2:
        return None
    return heading(history[-2], history[-1])
