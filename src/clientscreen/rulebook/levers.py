"""The lever search: the fewest negotiable answers whose change moves a verdict, found in sums.

The search itself is what the report has always done: every set of one changed answer, then
of two, and so on, the lowest score winning among the sets of the first size that reaches the
goal; past a limit of sets tried, a greedy choice takes the biggest drop in score each time.
What changed is the price of one try. Scoring every answer anew for each try made the greedy
choice cost the cube of the negotiable questions (300 of them took 41 s). Here the answers are
kept as sums that a changed answer updates where it touches, so one try costs what the changed
answers touch, and a greedy step reads every remaining term's score off those sums at once:
the whole search is at most quadratic.

Two ``Trial`` kinds give the search its outcomes. ``Tree`` follows skip logic: an answer's
change may skip or ask the questions below it, so each question keeps the sums of its branch
as if asked. ``Additive`` is for the batch, where no negotiable question takes part in skip
logic and each term just adds its own change. Both know the whole verdict: the thresholds,
knock-outs, and every client type's floor, which is measured against red points only.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from typing import Protocol

from clientscreen.rulebook.model import Answer, Floor, Question, Rulebook

Sums = list[int]  # score, knock-outs to negotiate, knock-outs to decline, red points per category with a floor
Outcome = tuple[int, int]  # verdict rank (0 take, 1 negotiate, 2 decline) and score


class Verdicts:
    """A rulebook's verdict as a function of ``Sums``, and what one answer adds to them."""

    def __init__(self, book: Rulebook) -> None:
        self.negotiate = book.thresholds.negotiate
        self.decline = book.thresholds.decline
        self.floors: list[tuple[int, Floor]] = []
        self.slot: dict[str, int] = {}
        for c in book.categories:
            if c.floor is not None:
                self.slot[c.id] = 3 + len(self.floors)
                self.floors.append((3 + len(self.floors), c.floor))
        self.width = 3 + len(self.floors)

    def zero(self) -> Sums:
        return [0] * self.width

    def of(self, q: Question, option: Answer | None) -> Sums:
        """What ``option`` as the answer to ``q`` adds when ``q`` is asked, as ``scoring`` tallies it."""
        sums = self.zero()
        if option is None or not q.scores:
            return sums
        sums[0] = option.points
        if option.knockout:
            sums[1 if option.knockout == "negotiate" else 2] = 1
        if option.points > 0:
            slot = self.slot.get(option.category or q.category or "")
            if slot is not None:
                sums[slot] = option.points
        return sums

    def rank(self, sums: Sums) -> int:
        """The verdict's rank: the band of the score, raised by any knock-out or client type's floor."""
        if sums[2]:
            return 2
        score = sums[0]
        rank = 2 if score >= self.decline else 1 if score >= self.negotiate or sums[1] else 0
        for slot, floor in self.floors:
            if rank == 2:
                break
            red = sums[slot]
            if floor.decline is not None and red >= floor.decline:
                rank = 2
            elif floor.negotiate is not None and red >= floor.negotiate:
                rank = 1
        return rank


class Trial(Protocol):
    """The outcomes the search asks for; candidates are numbered 0 to n-1 in the order they are tried."""

    def outcome(self, chosen: Sequence[int]) -> Outcome:
        """Rank and score with the ``chosen`` candidates changed, besides those taken; leaves nothing changed."""

    def take(self, candidate: int) -> None:
        """Change ``candidate`` for good (the greedy choice)."""

    def scores(self, remaining: Sequence[int]) -> list[int]:
        """The score with each of ``remaining`` changed in turn, besides those taken."""

    def rank(self) -> int:
        """The rank with the candidates taken."""


def smallest_set(size: int, goal: int, trial: Trial, limit: int) -> tuple[int, ...] | None:
    """The fewest candidates reaching ``goal`` (a rank), lowest score first; greedy past ``limit`` sets tried."""
    if trial.outcome(range(size))[0] > goal:
        return None
    tried = 0
    for k in range(1, size + 1):
        best: tuple[int, tuple[int, ...]] | None = None
        for combo in combinations(range(size), k):
            tried += 1
            if tried > limit:
                return _greedy(size, goal, trial)
            rank, score = trial.outcome(combo)
            if rank <= goal and (best is None or score < best[0]):
                best = (score, combo)
        if best is not None:
            return best[1]
    return None


def _greedy(size: int, goal: int, trial: Trial) -> tuple[int, ...] | None:
    """For very many negotiable terms: the biggest score drop each time (the first on a tie), in the order taken."""
    chosen: list[int] = []
    remaining = list(range(size))
    while remaining:
        scores = trial.scores(remaining)
        pick = remaining.pop(scores.index(min(scores)))
        chosen.append(pick)
        trial.take(pick)
        if trial.rank() <= goal:
            return tuple(chosen)
    return None


def _add(a: Sums, b: Sums) -> Sums:
    return [x + y for x, y in zip(a, b, strict=True)]


def _sub(a: Sums, b: Sums) -> Sums:
    return [x - y for x, y in zip(a, b, strict=True)]


def sparse(change: Sums) -> list[tuple[int, int]]:
    """What a change does besides the score, as (place, amount) pairs: usually nothing at all."""
    return [(k, d) for k, d in enumerate(change) if d and k]


class Additive:
    """Terms whose changes add up: the sums now, each term's change in score (``points``) and in the other sums
    (``rest``, see ``sparse``), and a floor no term moves (``fixed``)."""

    def __init__(self, verdicts: Verdicts, start: Sums, points: Sequence[int],
                 rest: Sequence[Sequence[tuple[int, int]]], fixed: int = 0) -> None:
        self.verdicts = verdicts
        self.now = list(start)
        self.fixed = fixed
        self.points = points
        self.rest = rest

    def outcome(self, chosen: Sequence[int]) -> Outcome:
        sums = list(self.now)
        for i in chosen:
            sums[0] += self.points[i]
            for k, d in self.rest[i]:
                sums[k] += d
        return max(self.verdicts.rank(sums), self.fixed), sums[0]

    def take(self, candidate: int) -> None:
        self.now[0] += self.points[candidate]
        for k, d in self.rest[candidate]:
            self.now[k] += d

    def scores(self, remaining: Sequence[int]) -> list[int]:
        score, points = self.now[0], self.points
        return [score + points[i] for i in remaining]

    def rank(self) -> int:
        return max(self.verdicts.rank(self.now), self.fixed)


class Tree:
    """Answers under skip logic, as sums per branch, for the full assessment.

    Every question keeps the sums of its branch as if it were asked: its own answer's, plus
    the branches of the dependants its answer asks. The rulebook's sums are those of the
    top-level questions. Changing an answer recomputes its question's branch from its
    dependants and passes the difference up while the questions above ask it; a question is
    asked when every question above it asks the next one down. That is ``scoring``'s skip
    logic, given that a question's ``ask_if`` names an earlier question (``usable`` says so;
    the model's validation requires it).
    """

    def __init__(self, book: Rulebook, options: Sequence[Answer | None],
                 candidates: Sequence[tuple[int, Answer]]) -> None:
        questions = book.questions
        index = {q.id: i for i, q in enumerate(questions)}
        self.usable = len(index) == len(questions)
        self.parent = [-1] * len(questions)
        self.allowed: list[frozenset[str | int]] = [frozenset()] * len(questions)
        self.children: list[list[int]] = [[] for _q in questions]
        for i, q in enumerate(questions):
            if q.ask_if is None:
                continue
            p = index.get(q.ask_if.question, i)
            self.usable = self.usable and p < i
            self.parent[i] = p
            self.allowed[i] = frozenset(q.ask_if.in_)
            if p < i:
                self.children[p].append(i)
        self.flat = all(p < 0 for p in self.parent)
        self.verdicts = Verdicts(book)
        self.questions = questions
        self.options = list(options)
        self.where = [i for i, _target in candidates]
        self.targets = [self.verdicts.of(questions[i], target) for i, target in candidates]
        self.target_options = [target for _i, target in candidates]
        self.branch: list[Sums] = [self.verdicts.zero() for _q in questions]
        if not self.usable:
            return
        for i in reversed(range(len(questions))):  # dependants come after the question they depend on
            self.branch[i] = self._branch(i, self.verdicts.of(questions[i], self.options[i]), self.options[i])
        self.total = self.verdicts.zero()
        for i, p in enumerate(self.parent):
            if p < 0:
                self.total = _add(self.total, self.branch[i])

    def _asks(self, child: int, option: Answer | None) -> bool:
        """``scoring._asked`` for a parent that is asked: an unknown answer keeps the dependant."""
        return option is None or option.value in self.allowed[child]

    def _branch(self, i: int, own: Sums, option: Answer | None) -> Sums:
        sums = list(own)
        for child in self.children[i]:
            if self._asks(child, option):
                sums = _add(sums, self.branch[child])
        return sums

    def _set(self, i: int, option: Answer | None, own: Sums) -> None:
        self.options[i] = option
        new = self._branch(i, own, option)
        change = _sub(new, self.branch[i])
        self.branch[i] = new
        if not any(change):
            return
        node = i
        while True:
            p = self.parent[node]
            if p < 0:
                self.total = _add(self.total, change)
                return
            if not self._asks(node, self.options[p]):
                return
            self.branch[p] = _add(self.branch[p], change)
            node = p

    def outcome(self, chosen: Sequence[int]) -> Outcome:
        before = [(self.where[c], self.options[self.where[c]]) for c in chosen]
        for c in chosen:
            self._set(self.where[c], self.target_options[c], self.targets[c])
        found = self.verdicts.rank(self.total), self.total[0]
        for i, option in reversed(before):
            self._set(i, option, self.verdicts.of(self.questions[i], option))
        return found

    def take(self, candidate: int) -> None:
        self._set(self.where[candidate], self.target_options[candidate], self.targets[candidate])

    def scores(self, remaining: Sequence[int]) -> list[int]:
        asked = [True] * len(self.questions)
        if not self.flat:
            for i, p in enumerate(self.parent):
                asked[i] = p < 0 or (asked[p] and self._asks(i, self.options[p]))
        score, out = self.total[0], []
        for c in remaining:
            i = self.where[c]
            if not asked[i]:
                out.append(score)
                continue
            target = self.target_options[c]
            gain = self.targets[c][0] + sum(self.branch[k][0] for k in self.children[i] if self._asks(k, target))
            out.append(score + gain - self.branch[i][0])
        return out

    def rank(self) -> int:
        return self.verdicts.rank(self.total)
