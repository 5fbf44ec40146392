"""Scoring a whole CSV export: the rulebook compiled once into per-column lookups.

``scoring.assess`` builds a full assessment (levers included), which is right for one
prospect and far too slow for a million. Here each column gets a table from cell text
to what that cell means, filled lazily through the same ``answers.parse`` as every
other input, so a row costs a few dictionary lookups. The result must match
``assess`` exactly on verdict, score, coverage, flags and knock-outs; a test holds
the two together.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple

from clientscreen.answers import AnswerError, parse
from clientscreen.rulebook import Answer, Question, Rulebook, Verdict
from clientscreen.scoring import evidence_weight

CACHE_LIMIT = 20_000  # distinct cells remembered per column: bounded, since numbers vary without end
_FLOOR = {None: 0, "negotiate": 1, "decline": 2}
_VERDICTS = (Verdict.TAKE, Verdict.NEGOTIATE, Verdict.DECLINE)


# What one cell means for one question: (answer value or None when unknown, points, floor, category,
# evidence weight counted as known). A plain tuple, so that a row is scored by C-level map and sum.
Cell = tuple[object, int, int, str, int]
UNKNOWN_CELL: Cell = (None, 0, 0, "", 0)
SKIPPED = object()
SKIPPED_CELL: Cell = (SKIPPED, 0, 0, "", 0)
_POINTS, _FLOOR_OF, _KNOWN = itemgetter(1), itemgetter(2), itemgetter(4)


class Outcome(NamedTuple):
    """The scored row, in the columns the output needs (a tuple: built once per row, it must be cheap)."""

    verdict: Verdict
    score: int
    coverage: float
    provisional: bool
    red_flags: tuple[str, ...]  # categories, in rulebook order, each once
    knockouts: tuple[str, ...]


class CellError(ValueError):
    def __init__(self, column: int, question: str, message: str) -> None:
        super().__init__(f"{question}: {message}")
        self.column = column  # 0-based index into the row


@dataclass
class _Column:
    question: Question
    index: int  # position in the CSV row, -1 when the column is missing
    weight: int
    parent: int  # position in the plan of the ask_if question, -1 for none
    allowed: frozenset[str | int]
    table: dict[str, Cell]
    bounds: list[float]  # number questions: the bands' upper bounds, for a fast path on whole numbers


class Compiled:
    """A rulebook ready to score rows whose columns are laid out as ``header``."""

    def __init__(self, rulebook: Rulebook, header: Sequence[str], *, decimal: str | None = None) -> None:
        self.rulebook = rulebook
        self.decimal = decimal
        positions = {name.strip().casefold(): i for i, name in enumerate(header)}
        scoring = [q for q in rulebook.questions if q.scores]
        order = {q.id: i for i, q in enumerate(scoring)}
        self.plan = [
            _Column(
                question=q,
                index=positions.get(q.id.casefold(), -1),
                weight=evidence_weight(rulebook, q),
                parent=order[q.ask_if.question] if q.ask_if else -1,
                allowed=frozenset(q.ask_if.in_) if q.ask_if else frozenset(),
                table={"": UNKNOWN_CELL},
                bounds=[a.below for a in q.answers if a.below is not None] if q.type == "number" else [],
            )
            for q in scoring
        ]
        self.missing = [c.question.id for c in self.plan if c.index < 0]
        present = [pos for pos, c in enumerate(self.plan) if c.index >= 0]
        slot = {pos: i for i, pos in enumerate(present)}
        self._present = present
        self._tables = [self.plan[pos].table for pos in present]
        self._cells: Callable[[Sequence[str]], tuple[str, ...]] = (
            itemgetter(*(self.plan[pos].index for pos in present)) if len(present) > 1
            else (lambda row: tuple(row[self.plan[p].index] for p in present))
        )
        self._base_stake = sum(c.weight for c in self.plan)
        # Skip logic in rulebook order: (position, slot or -1, parent position, parent slot or -1, allowed, weight)
        self._children = [
            (pos, slot.get(pos, -1), c.parent, slot.get(c.parent, -1), c.allowed, c.weight)
            for pos, c in enumerate(self.plan) if c.parent >= 0
        ]
        known = {q.id.casefold() for q in rulebook.questions}
        self.negotiate = rulebook.thresholds.negotiate
        self.decline = rulebook.thresholds.decline
        self.min_coverage = rulebook.min_coverage
        self._extra_names = [name for name in header if name.strip().casefold() not in known]

    def extra_columns(self, passed: set[str]) -> list[str]:
        """Header names that are neither questions nor columns the caller uses (id, name, …)."""
        return [n for n in self._extra_names if n.strip().casefold() not in passed and n.strip()]

    def _meaning(self, pos: int, cell: str) -> Cell:
        """The slow path, once per distinct cell: the shared parser, then remembered."""
        column = self.plan[pos]
        question = column.question
        option: Answer | None
        if column.bounds and cell.isascii() and cell.isdigit():  # whole numbers: find the band directly
            option = question.answers[bisect_right(column.bounds, int(cell))]
        else:
            try:
                option = parse(question, cell, decimal=self.decimal).option
            except AnswerError as exc:
                raise CellError(column.index, question.id, str(exc)) from None
        if option is None:
            meaning = UNKNOWN_CELL
        else:
            category = option.category or question.category or ""
            meaning = (option.value, option.points, _FLOOR[option.knockout], category, column.weight)
        if len(column.table) < CACHE_LIMIT:
            column.table[cell] = meaning
        return meaning

    def score(self, row: Sequence[str]) -> Outcome:
        cells = self._cells(row)
        looked = list(map(dict.get, self._tables, cells))
        meanings: list[Cell] = (
            looked  # type: ignore[assignment]  # no None in it
            if None not in looked
            else [m if m is not None else self._meaning(self._present[i], cells[i]) for i, m in enumerate(looked)]
        )
        at_stake = self._base_stake
        if self._children:
            skipped: set[int] = set()
            for pos, at, parent, parent_at, allowed, weight in self._children:
                up = meanings[parent_at][0] if parent_at >= 0 else None
                if parent in skipped or (up is not None and up not in allowed):
                    skipped.add(pos)
                    at_stake -= weight
                    if at >= 0:
                        meanings[at] = SKIPPED_CELL
        total = sum(map(_POINTS, meanings))
        known = sum(map(_KNOWN, meanings))
        floor = max(map(_FLOOR_OF, meanings), default=0)
        band = 2 if total >= self.decline else 1 if total >= self.negotiate else 0
        coverage = known / at_stake if at_stake else 1.0
        return Outcome(
            _VERDICTS[band if band > floor else floor],
            total,
            round(coverage, 4),
            coverage < self.min_coverage,
            tuple(dict.fromkeys([m[3] for m in meanings if m[1] > 0])),
            tuple([m[3] for m in meanings if m[2]]) if floor else (),
        )

    def raw_answers(self, row: Sequence[str]) -> dict[str, str]:
        """The row as an answers mapping, for the full assessment (JSON Lines)."""
        return {c.question.id: row[c.index] for c in self.plan if c.index >= 0}
