"""Score arithmetic: which scores and verdicts a rulebook's answers can actually reach.

Skip logic makes this more than a sum of per-question extremes: a branch that is
switched off takes its points with it. The linter uses this to find bands no set of
answers reaches and questions that can never change a verdict.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from clientscreen.i18n import _, _n
from clientscreen.rulebook.model import Question, Rulebook, Thresholds, Verdict
from clientscreen.rulebook.safeyaml import Loc

MAX_SPAN = 20_000  # widest score range searched exactly; beyond it the arithmetic falls back to bounds
_ROUGH = 32  # a sum of two sets both larger than this may be taken as its whole range where a superset will do
_WIDE = 2_000_000  # dependants times score range beyond which sums of all but one are kept as ranges
FLOOR = {None: 0, "negotiate": 1, "decline": 2}
_VERDICTS = (Verdict.TAKE, Verdict.NEGOTIATE, Verdict.DECLINE)
Outcomes = tuple[int, int, int]  # reachable sums as bitmasks (bit s + offset), one per knock-out floor


class Arithmetic:
    """Which scores and verdicts answers can reach, respecting skip logic.

    Each question with its dependants is a small tree: an answer (or unknown) adds its
    points and decides which dependants are asked; a skipped question adds nothing.
    Reachable sums are kept as bitmasks per knock-out floor, so combining subtrees is a
    handful of shifts. Skip logic that loops or points nowhere is treated as absent.

    Every walk over the trees is a loop over a list, never a recursion, and each question
    is visited a fixed number of times: a chain of 500 follow-up questions costs what 500
    unrelated ones do, and no depth of skip logic reaches Python's recursion limit.
    """

    def __init__(self, book: Rulebook) -> None:
        self.book = book
        by_id = first_by_id(book)
        scoring = [q for q in book.questions if q.scores and q.answers and by_id[q.id] is q]
        self.ids = {q.id for q in scoring}
        loops = skip_loops(book)
        self.parent = {
            q.id: q.ask_if.question if q.ask_if and q.ask_if.question in self.ids and q.id not in loops else None
            for q in scoring
        }
        self.children: dict[str | None, list[Question]] = {}
        for q in scoring:
            self.children.setdefault(self.parent[q.id], []).append(q)
        self.offset = sum(max(0, -min(a.points for a in q.answers)) for q in scoring)
        self.span = self.offset + sum(max(0, *(a.points for a in q.answers)) for q in scoring)
        self.exact = self.span <= MAX_SPAN
        self._memo: dict[str, Outcomes] = {}
        self._idle: dict[str, bool] | None = None
        if self.exact:
            for q in reversed(self._top_down()):
                self._memo[q.id] = _union(self._options(q))
            self.all = self._sum([self._unit(0, 0), *(self._memo[r.id] for r in self.children.get(None, []))])
        else:
            self.all = (0, 0, 0)

    def _top_down(self) -> list[Question]:
        """Every question reachable from the top, each after the question it depends on."""
        order: list[Question] = []
        todo = list(self.children.get(None, []))
        while todo:
            q = todo.pop()
            order.append(q)
            todo.extend(self.children.get(q.id, []))
        return order

    def _unit(self, points: int, floor: int) -> Outcomes:
        masks = [0, 0, 0]
        masks[floor] = 1 << (points + self.offset)
        return masks[0], masks[1], masks[2]

    def _plus(self, a: Outcomes, b: Outcomes, rough: bool = False) -> Outcomes:
        """Sums of one outcome from each side; ``rough`` allows a superset (a sum's whole range) where exact is dear."""
        out = [0, 0, 0]
        for f, x in enumerate(a):
            for g, y in enumerate(b):
                if x and y:
                    if rough and min(x.bit_count(), y.bit_count()) > _ROUGH:
                        out[max(f, g)] |= self._fill(self._lowest(x) + self._lowest(y),
                                                     self._highest(x) + self._highest(y))
                    else:
                        out[max(f, g)] |= self._sumset(x, y)
        return out[0], out[1], out[2]

    def _sum(self, parts: list[Outcomes], rough: bool = False) -> Outcomes:
        acc = self._unit(0, 0)
        for part in parts:
            acc = self._plus(acc, part, rough)
        return acc

    def _fill(self, low: int, high: int) -> int:
        """Every sum from ``low`` to ``high``."""
        return ((1 << (high - low + 1)) - 1) << (low + self.offset)

    def _sumset(self, x: int, y: int) -> int:
        if x.bit_count() > y.bit_count():
            x, y = y, x
        out = 0
        while x:
            low = x & -x
            shift = low.bit_length() - 1 - self.offset
            out |= y << shift if shift >= 0 else y >> -shift
            x ^= low
        return out

    def _values(self, q: Question) -> list[tuple[object, int, int]]:
        """Each answer (and unknown) as value, points and knock-out floor."""
        return [(None, 0, 0), *((a.value, a.points, FLOOR[a.knockout]) for a in q.answers)]

    def _options(self, q: Question, rough: bool = False) -> Iterator[Outcomes]:
        """Per answer (and unknown): its points and floor, plus the dependants that answer asks."""
        kids = self.children.get(q.id, [])
        for value, points, floor in self._values(q):
            yield self._sum([self._unit(points, floor), *(self._memo[c.id] for c in kids if _asks(c, value))], rough)

    def _all_but_one(self, parts: list[Outcomes]) -> Iterator[Outcomes]:
        """For each part in turn, the sums of all the others (a superset where exact would cost too much).

        Sums before a part grow as they go; sums after it are kept from a backward pass, as
        ranges only when there are too many to keep whole.
        """
        wide = len(parts) * (self.span + 1) > _WIDE
        after: list[Outcomes] = [self._unit(0, 0)] * (len(parts) + 1)
        for i in range(len(parts) - 1, 0, -1):
            after[i] = self._plus(parts[i], after[i + 1], rough=True)
            if wide:
                after[i] = self._hull(after[i])
        before = self._unit(0, 0)
        for i, part in enumerate(parts):
            yield self._plus(before, after[i + 1], rough=True)
            before = self._plus(before, part)
            if wide:
                after[i + 1] = (0, 0, 0)  # used: let it go

    def _hull(self, o: Outcomes) -> Outcomes:
        h = [self._fill(self._lowest(m), self._highest(m)) if m else 0 for m in o]
        return h[0], h[1], h[2]

    def _rests(self) -> Iterator[tuple[Question, Outcomes]]:
        """Each question with what the rest of the rulebook adds whenever that question is asked.

        The rest of a dependant is its parent's rest, plus the parent's answers that ask it,
        plus the other dependants those answers ask: one pass from the top, a stack of
        generators instead of recursion.
        """
        stack = [self._kid_rests(None, [(None, 0, 0)], self._unit(0, 0))]
        while stack:
            step = next(stack[-1], None)
            if step is None:
                stack.pop()
                continue
            q, rest = step
            yield q, rest
            if self.children.get(q.id):
                stack.append(self._kid_rests(q.id, self._values(q), rest))

    def _kid_rests(self, qid: str | None, values: list[tuple[object, int, int]],
                   rest: Outcomes) -> Iterator[tuple[Question, Outcomes]]:
        kids = self.children.get(qid, [])
        asked = [[k for k in kids if _asks(k, value)] for value, _points, _floor in values]
        others = [self._all_but_one([self._memo[k.id] for k in group]) for group in asked]
        members = [{k.id for k in group} for group in asked]
        for kid in kids:
            mine = (0, 0, 0)
            for (_value, points, floor), group, other in zip(values, members, others, strict=True):
                if kid.id in group:
                    mine = _union([mine, self._plus(self._unit(points, floor), next(other))])
            yield kid, self._plus(rest, mine, rough=True)

    def score_range(self) -> tuple[int, int]:
        if not self.exact:
            return self.book.score_range()
        every = self.all[0] | self.all[1] | self.all[2]
        return self._lowest(every), self._highest(every)

    def _band_hit(self, mask: int, low: int | None, high: int | None) -> bool:
        """Whether ``mask`` holds a sum in [low, high)."""
        lo = 0 if low is None else max(0, low + self.offset)
        if high is not None:
            mask &= (1 << max(0, high + self.offset)) - 1
        return bool(mask >> lo)

    def bands(self) -> Iterator[tuple[str, Loc, str]]:
        t = self.book.thresholds
        limits = {
            Verdict.TAKE: (None, t.negotiate),
            Verdict.NEGOTIATE: (t.negotiate, t.decline),
            Verdict.DECLINE: (t.decline, None),
        }
        where = {Verdict.TAKE: "negotiate", Verdict.NEGOTIATE: "negotiate", Verdict.DECLINE: "decline"}
        low, high = self.score_range()
        for v in _VERDICTS:
            lo, hi = limits[v]
            if self.exact:
                by_score = any(self._band_hit(m, lo, hi) for m in self.all)
                given = any(
                    self._band_hit(m, limits[b][0], limits[b][1])
                    for f, m in enumerate(self.all)
                    for b in _VERDICTS
                    if max(b.rank, f) == v.rank
                )
            else:
                by_score = (lo is None or high >= lo) and (hi is None or low < hi)
                given = by_score or any(a.knockout == v.value for q in self.book.questions for a in q.answers)
            given = given or v in self._floor_verdicts()
            loc: Loc = ("thresholds", where[v])
            if not given:
                yield "CS201", loc, _never_given(v, t, low, high)
            elif not by_score:
                yield "CS202", loc, _never_scored(v, t, low, high)


    def idle_questions(self) -> Iterator[tuple[Loc, str]]:
        """Questions whose answer, whatever the other answers, leaves every verdict where it was."""
        if self.exact and self._idle is None:
            self._idle = {q.id: not self._matters(q, rest) for q, rest in self._rests()}
        for i, q in enumerate(self.book.questions):
            if q.id not in self.ids:
                continue
            loc: Loc = ("questions", i, "id")
            trivial = not self.children.get(q.id) and not any(a.points or a.knockout for a in q.answers)
            if trivial:
                yield loc, _(
                    "question {question!r} can never change a verdict: every answer scores 0 and none knocks out",
                    question=q.id,
                )
            elif self._idle and self._idle.get(q.id, False) and not self._feeds_a_floor(q):
                yield (
                    loc,
                    _n(
                        "question {question!r} can never change a verdict: its answers move the score by at most "
                        "{n} point, never across a threshold",
                        "question {question!r} can never change a verdict: its answers move the score by at most "
                        "{n} points, never across a threshold",
                        q.stake,
                        question=q.id,
                    ),
                )

    def _floor_verdicts(self) -> set[Verdict]:
        """Verdicts some category floor can give: its red points summed over every question that raises it.

        Skip logic may keep some of those answers apart, so this can only hide a warning, never raise one.
        """
        out: set[Verdict] = set()
        for c in self.book.categories:
            if c.floor is None:
                continue
            most = sum(max([0, *(a.points for a in q.answers if (a.category or q.category) == c.id)])
                       for q in self.book.questions)
            out |= {v for v, at in ((Verdict.NEGOTIATE, c.floor.negotiate), (Verdict.DECLINE, c.floor.decline))
                    if at is not None and most >= at}
        return out

    def _feeds_a_floor(self, q: Question) -> bool:
        """Whether an answer to ``q`` adds red points to a category with a floor: it may decide through it."""
        floored = {c.id for c in self.book.categories if c.floor is not None}
        return any(a.points > 0 and (a.category or q.category) in floored for a in q.answers)

    def _matters(self, q: Question, rest: Outcomes) -> bool:
        """Whether some answers to the rest leave two answers to ``q`` with different verdicts.

        The answers to ``q`` and its dependants are compared as ranges of sums, an overestimate
        that can only hide a warning, never raise a false one. The verdicts a score ``r`` of the
        rest leads to change only where ``r`` plus an end of a range crosses a threshold, so
        the rest is asked once per stretch between those points, not once per score.
        """
        sides = [(f, self._lowest(m), self._highest(m)) for o in self._options(q, rough=True)
                 for f, m in enumerate(o) if m]
        t = self.book.thresholds
        cuts = sorted({limit - end for limit in (t.negotiate, t.decline) for _f, lo, hi in sides for end in (lo, hi)})
        stretches = list(zip([None, *cuts], [*cuts, None], strict=True))
        for floor_r, mask in enumerate(rest):
            if not mask:
                continue
            for start, end in stretches:
                r = start if start is not None else cuts[0] - 1
                seen = {
                    max(b, f, floor_r)
                    for f, lo, hi in sides
                    for b in range(_band(r + lo, t.negotiate, t.decline), _band(r + hi, t.negotiate, t.decline) + 1)
                }
                if len(seen) > 1 and self._band_hit(mask, start, end):
                    return True
        return False

    def _lowest(self, mask: int) -> int:
        return (mask & -mask).bit_length() - 1 - self.offset

    def _highest(self, mask: int) -> int:
        return mask.bit_length() - 1 - self.offset


def _union(outcomes: Iterable[Outcomes]) -> Outcomes:
    out = (0, 0, 0)
    for o in outcomes:
        out = (out[0] | o[0], out[1] | o[1], out[2] | o[2])
    return out


def _fields(v: Verdict, t: Thresholds, low: int, high: int) -> dict[str, object]:
    return {"verdict": v.value, "negotiate": t.negotiate, "decline": t.decline, "last": t.decline - 1,
            "low": low, "high": high}


def _never_given(v: Verdict, t: Thresholds, low: int, high: int) -> str:
    """CS201: a whole sentence per band, so a translation can put the band where its language wants it."""
    values = _fields(v, t, low, high)
    if v is Verdict.TAKE:
        return _("no answers give the verdict {verdict}: its band is scores below {negotiate}, "
                 "reachable scores run from {low} to {high}", **values)
    if v is Verdict.NEGOTIATE:
        return _("no answers give the verdict {verdict}: its band is scores {negotiate} to {last}, "
                 "reachable scores run from {low} to {high}", **values)
    return _("no answers give the verdict {verdict}: its band is scores {decline} or more, "
             "reachable scores run from {low} to {high}", **values)


def _never_scored(v: Verdict, t: Thresholds, low: int, high: int) -> str:
    """CS202, likewise one sentence per band."""
    values = _fields(v, t, low, high)
    if v is Verdict.TAKE:
        return _("no score reaches the {verdict} band (below {negotiate}; reachable scores run from {low} to {high}): "
                 "only knock-outs give {verdict}", **values)
    if v is Verdict.NEGOTIATE:
        return _("no score reaches the {verdict} band ({negotiate} to {last}; reachable scores run from {low} to "
                 "{high}): only knock-outs give {verdict}", **values)
    return _("no score reaches the {verdict} band ({decline} or more; reachable scores run from {low} to {high}): "
             "only knock-outs give {verdict}", **values)


def _asks(child: Question, value: object) -> bool:
    """Skip logic as the scorer applies it: an unknown answer keeps the dependant, a known one must match."""
    return value is None or value in (child.ask_if.in_ if child.ask_if else ())


def _band(score: int, negotiate: int, decline: int) -> int:
    return 2 if score >= decline else 1 if score >= negotiate else 0


def skip_loops(book: Rulebook) -> dict[str, list[str]]:
    """Questions whose skip logic leads back to themselves, with the loop as a path of ids.

    Each question points at one other, so every walk either ends or enters a loop; a
    question is walked once, whatever the length of the chains (a long loop is shown by its
    ends).
    """
    by_id = first_by_id(book)
    after = {qid: q.ask_if.question for qid, q in by_id.items() if q.ask_if and q.ask_if.question in by_id}
    walked: dict[str, bool] = {}  # False while on the current walk, True once done
    out: dict[str, list[str]] = {}
    for start in by_id:
        walk: list[str] = []
        node: str | None = start
        while node is not None and node not in walked:
            walked[node] = False
            walk.append(node)
            node = after.get(node)
        if node is not None and not walked[node]:
            loop = walk[walk.index(node):]
            for i, qid in enumerate(loop):
                out[qid] = _loop_path(loop, i)
        for qid in walk:
            walked[qid] = True
    return out


def _loop_path(loop: list[str], start: int) -> list[str]:
    """The loop read from ``loop[start]`` back to itself; past a dozen steps only its ends."""
    n = len(loop)
    steps = range(n + 1) if n <= _SHOWN_LOOP else [*range(_SHOWN_LOOP // 2), -1, *range(n - _SHOWN_LOOP // 2, n + 1)]
    return [loop[(start + j) % n] if j >= 0 else "…" for j in steps]


_SHOWN_LOOP = 12


def first_by_id(book: Rulebook) -> dict[str, Question]:
    """Questions by id, the first of duplicates winning, so one duplicate does not break its neighbours' checks."""
    return {q.id: q for q in reversed(book.questions)}
