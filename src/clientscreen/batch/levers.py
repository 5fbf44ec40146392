"""The lever search for a batch: which negotiable terms would move a row's verdict, in arithmetic.

``scoring`` finds levers for one report by following skip logic through every changed
answer. Here a term only changes the points, the knock-out and the red points of its own
question, so each term is a fixed change to what the compiled scorer already knows of the
row: its score, the knock-outs that fired, and the red points of each client type with a
floor. Rows with the same score, the same fixed knock-outs, the same red points and the
same negotiable answers share one search. The search itself is ``rulebook.levers``', the
report's: the fewest terms that reach take (else negotiate), the lowest score among sets of
that size, and past ``MAX_LEVER_SEARCH`` sets the greedy choice. A test holds the result to
``assess`` row for row.

Where a negotiable question takes part in skip logic, changing its answer can skip
or un-skip others; those rulebooks get the full assessment of ``scoring.assess``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import itemgetter

from clientscreen.answers import AnswerError, parse
from clientscreen.batch.compiled import CACHE_LIMIT, Compiled
from clientscreen.rulebook.levers import Additive, Sums, Verdicts, smallest_set, sparse
from clientscreen.rulebook.model import Answer, Question, Rulebook
from clientscreen.scoring import MAX_LEVER_SEARCH

_REACH = ("take", "negotiate")

#: One lever: question id, the answer now (None: unknown), the answer the term would secure, change in score.
Term = tuple[str, str | int | None, str | int, int]
Found = tuple[str | None, tuple[Term, ...]]  # the verdict the terms reach (None: none), and the terms


def exact_in_arithmetic(rulebook: Rulebook) -> bool:
    """Whether no negotiable question is asked conditionally or decides whether another is asked: then each
    term changes its own question's part of the sums alone."""
    parents = {q.ask_if.question for q in rulebook.questions if q.ask_if is not None}
    return not any(q.negotiable is not None and (q.ask_if is not None or q.id in parents) for q in rulebook.questions)


_Change = tuple[Sums, int, list[tuple[int, int]]]  # an answer's sums; the term's change in score, and in the rest


class _Options(dict[str, int]):
    """Cell -> the answer it means as a small number (its place among the answers, from 1; 0: unknown), parsed
    once per distinct cell, as the compiled tables are. Small numbers are shared objects: the search's memo keys
    hold them without a new integer each."""

    __slots__ = ("question", "decimal")

    def __init__(self, question: Question, decimal: str | None) -> None:
        super().__init__({"": 0})
        self.question = question
        self.decimal = decimal

    def __missing__(self, cell: str) -> int:
        try:
            option = parse(self.question, cell, decimal=self.decimal).option
        except AnswerError:  # not reached for a row that scored; unknown keeps the search honest
            option = None
        code = 0 if option is None else _place(self.question, option)
        if len(self) < CACHE_LIMIT:
            self[cell] = code
        return code


class _Moved(dict[str, int]):
    """Cell -> what setting a negotiable question to its target, from the answer in the cell, adds to the packed
    sum of the row (a blank: the target's whole part), remembered per distinct cell as the compiled tables are."""

    __slots__ = ("target", "now")

    def __init__(self, target: int, now: Callable[[str], int]) -> None:
        super().__init__()
        self.target = target
        self.now = now

    def __missing__(self, cell: str) -> int:
        moved = self.target - self.now(cell)
        if len(self) < CACHE_LIMIT:
            self[cell] = moved
        return moved


_lookup = dict.__getitem__  # honours __missing__, unlike dict.get


def _place(question: Question, option: Answer) -> int:
    return next(k for k, answer in enumerate(question.answers, start=1) if answer is option)


class _Negotiable:
    __slots__ = ("position", "question", "target", "target_code", "at", "options", "sums")

    def __init__(self, position: int, question: Question, target: Answer, at: int, decimal: str | None) -> None:
        self.position = position
        self.question = question
        self.target = target
        self.target_code = _place(question, target)
        self.at = at  # its column, or -1: unknown in every row
        self.options = _Options(question, decimal)  # cell -> the answer it means, by its place
        self.sums: dict[int, _Change] = {}  # id of an answer (or of None) -> see LeverSearch._sums

    def option(self, code: int) -> Answer | None:
        return None if code == 0 else self.question.answers[code - 1]


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
            _Negotiable(i, q, q.by_value[q.negotiable.target], positions.get(q.id.casefold(), -1), decimal)
            for i, q in enumerate(book.questions)
            if q.negotiable is not None and q.scores
        ]
        self._verdicts = Verdicts(book)
        self._floored = [c.id for c in book.categories if c.floor is not None]  # in the order of the sums
        self._found: dict[tuple[object, ...], Found] = {}
        # Most rows that a term could help cannot be helped: not even every term together lowers their verdict.
        # Where each negotiable question has a column, that is one more sum over the row's cells and a rank.
        self._moved: list[_Moved] | None = None
        self._moved_cells: Callable[[Sequence[str]], Sequence[str]] = itemgetter(slice(0, 0))
        if self._negotiable and all(n.at >= 0 for n in self._negotiable):
            self._moved = [_Moved(compiled.packed(n.position, n.target), compiled.table(n.position))
                           for n in self._negotiable]
            columns = [n.at for n in self._negotiable]
            self._moved_cells = itemgetter(*columns) if len(columns) > 1 else _one(columns[0])

    @staticmethod
    def _code(n: _Negotiable, row: Sequence[str]) -> int:
        return 0 if n.at < 0 else n.options[row[n.at]]

    def search(self, row: Sequence[str], rank: int, points: int, total: int) -> Found:
        """The levers of a row that scored ``rank`` (0 take, 1 negotiate, 2 decline) with ``points``, and the
        packed sum ``total`` (see ``Compiled.scored``).

        Rows share a search when they share the rank, the score, the red points of the client types with a floor
        (one field of ``total``), the highest knock-out no term can lift, and the answer to each negotiable
        question, position by position.
        """
        if rank == 0:
            return None, ()
        moved = self._moved
        if moved is not None:
            every_term = total + sum(map(_lookup, moved, self._moved_cells(row)))  # each negotiable at its target
            if self.compiled.rank_of(every_term) >= rank:
                return None, ()  # all the terms at once leave the verdict as it is: the search stops there too
        codes = [self._code(n, row) for n in self._negotiable]
        compiled = self.compiled
        fixed = 0
        if total >> compiled.knockout_at:  # some knock-out fired: the highest one no term changes
            fired, _reds = compiled.fired(total)
            moving = {n.position for n, code in zip(self._negotiable, codes, strict=True) if code != n.target_code}
            fixed = max((floor for position, floor in fired if position not in moving), default=0)
        key = (rank, points, fixed, total & compiled.floor_mask, *codes)
        found = self._found.get(key)
        if found is None:
            candidates = [(n, n.option(code)) for n, code in zip(self._negotiable, codes, strict=True)
                          if code != n.target_code]
            reds = compiled.fired(total)[1]
            red = tuple(reds.get(category, 0) for category in self._floored)
            found = self._search(rank, points, fixed, red, candidates)
            if len(self._found) < CACHE_LIMIT:
                self._found[key] = found
        return found

    def _sums(self, n: _Negotiable, option: Answer | None) -> _Change:
        """What ``option`` adds to the sums, and what the term changes in the score and in the rest of them: once
        per answer of each question."""
        found = n.sums.get(id(option))
        if found is None:
            now = self._verdicts.of(n.question, option)
            change = [a - b for a, b in zip(self._verdicts.of(n.question, n.target), now, strict=True)]
            found = n.sums[id(option)] = (now, change[0], sparse(change))
        return found

    def _search(self, rank: int, points: int, fixed: int, red: tuple[int, ...],
                candidates: list[tuple[_Negotiable, Answer | None]]) -> Found:
        sums = [self._sums(n, option) for n, option in candidates]
        start = [points, sum(now[1] for now, _p, _r in sums), sum(now[2] for now, _p, _r in sums), *red]
        change = [p for _now, p, _r in sums]
        rest = [r for _now, _p, r in sums]
        for goal in ([0] if rank == 1 else [0, 1]):
            chosen = smallest_set(len(candidates), goal, Additive(self._verdicts, start, change, rest, fixed),
                                  MAX_LEVER_SEARCH)
            if chosen is not None:
                terms = tuple(
                    (candidates[i][0].question.id, _value(candidates[i][1]), candidates[i][0].target.value,
                     change[i])
                    for i in chosen
                )
                return _REACH[goal], terms
        return None, ()


def _one(at: int) -> Callable[[Sequence[str]], Sequence[str]]:
    return lambda row: (row[at],)


def _value(option: Answer | None) -> str | int | None:
    return option.value if option else None
