"""The lever search for a batch: which negotiable terms would move a row's verdict, in arithmetic.

``scoring`` finds levers by re-scoring the answers in full for every combination of
negotiable answers it tries, which is right for one report and a few milliseconds a
row. A combination only changes the points and the knock-outs of the questions it
changes, so here it is a sum and a ``max`` over what the compiled scorer already
knows of the row; and rows with the same score, the same fixed knock-outs and the
same negotiable answers share one search. The search itself is ``scoring``'s: the
fewest terms that reach take (else negotiate), the lowest score among sets of that
size, and past ``MAX_LEVER_SEARCH`` combinations the greedy choice. A test holds the
result to ``assess`` row for row.

Where a negotiable question takes part in skip logic, changing its answer can skip
or un-skip others; those rulebooks get the full re-scoring of ``scoring.assess``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import combinations

from clientscreen.answers import AnswerError, parse
from clientscreen.batch.compiled import CACHE_LIMIT, Compiled
from clientscreen.rulebook.model import Answer, Question, Rulebook
from clientscreen.scoring import MAX_LEVER_SEARCH

_FLOOR = {None: 0, "negotiate": 1, "decline": 2}
_REACH = ("take", "negotiate")

#: One lever: question id, the answer now (None: unknown), the answer the term would secure, change in score.
Term = tuple[str, str | int | None, str | int, int]
Found = tuple[str | None, tuple[Term, ...]]  # the verdict the terms reach (None: none), and the terms


def exact_in_arithmetic(rulebook: Rulebook) -> bool:
    """Whether no negotiable question is asked conditionally or decides whether another is asked, and no client
    type sets a floor or offers a term of its own: the search in sums knows knock-outs and thresholds only."""
    if any(c.floor is not None or c.term is not None for c in rulebook.categories):
        return False
    parents = {q.ask_if.question for q in rulebook.questions if q.ask_if is not None}
    return not any(q.negotiable is not None and (q.ask_if is not None or q.id in parents) for q in rulebook.questions)


class _Negotiable:
    __slots__ = ("position", "question", "target", "at", "options")

    def __init__(self, position: int, question: Question, target: Answer, at: int) -> None:
        self.position = position
        self.question = question
        self.target = target
        self.at = at  # its column, or -1: unknown in every row
        self.options: dict[str, Answer | None] = {"": None}  # cell -> the answer it means, as parsed once


class LeverSearch:
    """Levers of rows scored by ``compiled``; only for rulebooks ``exact_in_arithmetic`` accepts."""

    def __init__(self, compiled: Compiled, header: Sequence[str], decimal: str | None = None) -> None:
        book = compiled.rulebook
        self.compiled = compiled
        self.decimal = decimal
        positions: dict[str, int] = {}
        for i, name in enumerate(header):
            positions.setdefault(name.strip().casefold(), i)
        self._negotiable = [
            _Negotiable(i, q, q.by_value[q.negotiable.target], positions.get(q.id.casefold(), -1))
            for i, q in enumerate(book.questions)
            if q.negotiable is not None and q.scores
        ]
        self._negotiate = book.thresholds.negotiate
        self._decline = book.thresholds.decline
        self._found: dict[tuple[object, ...], Found] = {}

    def _option(self, n: _Negotiable, row: Sequence[str]) -> Answer | None:
        if n.at < 0:
            return None
        cell = row[n.at]
        if cell in n.options:
            return n.options[cell]
        try:
            option = parse(n.question, cell, decimal=self.decimal).option
        except AnswerError:  # not reached for a row that scored; unknown keeps the search honest
            option = None
        if len(n.options) < CACHE_LIMIT:
            n.options[cell] = option
        return option

    def search(self, row: Sequence[str], rank: int, points: int) -> Found:
        """The levers of a row that scored ``rank`` (0 take, 1 negotiate, 2 decline) with ``points``."""
        if rank == 0:
            return None, ()
        candidates: list[tuple[_Negotiable, Answer | None]] = []
        for n in self._negotiable:
            option = self._option(n, row)
            if option is not n.target:
                candidates.append((n, option))
        moving = {n.position for n, _option in candidates}
        fixed = max((floor for position, floor in self.compiled.fired(row) if position not in moving), default=0)
        key = (rank, points, fixed, *(id(option) for _n, option in candidates))
        found = self._found.get(key)
        if found is None:
            found = self._search(rank, points, fixed, candidates)
            if len(self._found) < CACHE_LIMIT:
                self._found[key] = found
        return found

    def _search(self, rank: int, points: int, fixed: int, candidates: list[tuple[_Negotiable, Answer | None]]) -> Found:
        # per candidate: the change in points and the floors before and after
        deltas = [n.target.points - (option.points if option else 0) for n, option in candidates]
        before = [_FLOOR[option.knockout] if option else 0 for _n, option in candidates]
        after = [_FLOOR[n.target.knockout] for n, _option in candidates]
        every = range(len(candidates))

        def outcome(chosen: Sequence[int]) -> tuple[int, int]:
            """Rank and score with the answers ``chosen`` (indices into candidates) changed to their targets."""
            score = points + sum(deltas[i] for i in chosen)
            floor = max((after[i] if i in chosen else before[i] for i in every), default=0)
            band = 2 if score >= self._decline else 1 if score >= self._negotiate else 0
            return max(band, floor, fixed), score

        for goal in ([0] if rank == 1 else [0, 1]):
            chosen = _smallest_set(len(candidates), goal, outcome)
            if chosen is not None:
                terms = tuple(
                    (candidates[i][0].question.id, _value(candidates[i][1]), candidates[i][0].target.value, deltas[i])
                    for i in chosen
                )
                return _REACH[goal], terms
        return None, ()


Outcome = Callable[[Sequence[int]], tuple[int, int]]


def _value(option: Answer | None) -> str | int | None:
    return option.value if option else None


def _smallest_set(size: int, goal: int, outcome: Outcome) -> tuple[int, ...] | None:
    """``scoring._smallest_set`` over candidate indices: the fewest changes reaching ``goal``, lowest score first."""
    if outcome(tuple(range(size)))[0] > goal:
        return None
    tried = 0
    for k in range(1, size + 1):
        best: tuple[int, tuple[int, ...]] | None = None
        for combo in combinations(range(size), k):
            tried += 1
            if tried > MAX_LEVER_SEARCH:
                return _greedy(size, goal, outcome)
            rank, score = outcome(combo)
            if rank <= goal and (best is None or score < best[0]):
                best = (score, combo)
        if best is not None:
            return best[1]
    return None


def _greedy(size: int, goal: int, outcome: Outcome) -> tuple[int, ...] | None:
    """``scoring._greedy``: the biggest score drop each time, in the order taken, for very many negotiable terms."""
    chosen: list[int] = []
    remaining = list(range(size))
    while remaining:
        pick = min(remaining, key=lambda c: outcome((*chosen, c))[1])
        chosen.append(pick)
        remaining.remove(pick)
        if outcome(tuple(chosen))[0] <= goal:
            return tuple(chosen)
    return None
