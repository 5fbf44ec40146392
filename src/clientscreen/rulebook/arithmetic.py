"""Score arithmetic: which scores and verdicts a rulebook's answers can actually reach.

Skip logic makes this more than a sum of per-question extremes: a branch that is
switched off takes its points with it. The linter uses this to find bands no set of
answers reaches and questions that can never change a verdict.
"""

from __future__ import annotations

from collections.abc import Iterator

from clientscreen.i18n import _, _n
from clientscreen.rulebook.model import Question, Rulebook, Thresholds, Verdict
from clientscreen.rulebook.safeyaml import Loc

MAX_SPAN = 20_000  # widest score range searched exactly; beyond it the arithmetic falls back to bounds
FLOOR = {None: 0, "negotiate": 1, "decline": 2}
_VERDICTS = (Verdict.TAKE, Verdict.NEGOTIATE, Verdict.DECLINE)
Outcomes = tuple[int, int, int]  # reachable sums as bitmasks (bit s + offset), one per knock-out floor


class Arithmetic:
    """Which scores and verdicts answers can reach, respecting skip logic.

    Each question with its dependants is a small tree: an answer (or unknown) adds its
    points and decides which dependants are asked; a skipped question adds nothing.
    Reachable sums are kept as bitmasks per knock-out floor, so combining subtrees is a
    handful of shifts. Skip logic that loops or points nowhere is treated as absent.
    """

    def __init__(self, book: Rulebook) -> None:
        self.book = book
        scoring = [q for q in book.questions if q.scores and q.answers]
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
        self.exact = self.offset + sum(max(0, *(a.points for a in q.answers)) for q in scoring) <= MAX_SPAN
        self._memo: dict[str, Outcomes] = {}
        self.all = self._forest(None) if self.exact else (0, 0, 0)

    def _unit(self, points: int, floor: int) -> Outcomes:
        masks = [0, 0, 0]
        masks[floor] = 1 << (points + self.offset)
        return masks[0], masks[1], masks[2]

    def _plus(self, a: Outcomes, b: Outcomes) -> Outcomes:
        out = [0, 0, 0]
        for f, x in enumerate(a):
            for g, y in enumerate(b):
                if x and y:
                    out[max(f, g)] |= self._sumset(x, y)
        return out[0], out[1], out[2]

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

    def _options(self, q: Question, skip: str | None) -> Iterator[Outcomes]:
        """Per answer (and unknown): its points and floor, plus the dependants that answer asks.

        Above ``skip`` only the answers that still ask it count: the rest of the rulebook as
        it stands whenever ``skip`` is asked.
        """
        kids = self.children.get(q.id, [])
        on_path = [c for c in kids if skip is not None and (c.id == skip or self._above(c.id, skip))]
        for value, points, floor in [(None, 0, 0), *((a.value, a.points, FLOOR[a.knockout]) for a in q.answers)]:
            if on_path and not _asks(on_path[0], value):
                continue
            acc = self._unit(points, floor)
            for child in kids:
                if child.id != skip and _asks(child, value):
                    acc = self._plus(acc, self._subtree(child, skip))
            yield acc

    def _subtree(self, q: Question, skip: str | None) -> Outcomes:
        if skip is not None and not self._above(q.id, skip):
            skip = None  # the skipped question is elsewhere: this subtree is the same as ever
        if skip is None and q.id in self._memo:
            return self._memo[q.id]
        out = (0, 0, 0)
        for option in self._options(q, skip):
            out = (out[0] | option[0], out[1] | option[1], out[2] | option[2])
        if skip is None:
            self._memo[q.id] = out
        return out

    def _above(self, ancestor: str, qid: str) -> bool:
        parent = self.parent.get(qid)
        while parent is not None:
            if parent == ancestor:
                return True
            parent = self.parent.get(parent)
        return False

    def _forest(self, skip: str | None) -> Outcomes:
        acc = self._unit(0, 0)
        for root in self.children.get(None, []):
            if root.id != skip:
                acc = self._plus(acc, self._subtree(root, skip))
        return acc

    def score_range(self) -> tuple[int, int]:
        if not self.exact:
            return self.book.score_range()
        every = self.all[0] | self.all[1] | self.all[2]
        return (every & -every).bit_length() - 1 - self.offset, every.bit_length() - 1 - self.offset

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
            elif self.exact and not self._feeds_a_floor(q) and not self._matters(q):
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

    def _matters(self, q: Question) -> bool:
        """Whether some answers to the rest leave two answers to ``q`` with different verdicts.

        The answers to ``q`` and its dependants are compared as ranges of sums, an overestimate
        that can only hide a warning, never raise a false one.
        """
        rest = self._forest(q.id)
        sides = [
            [(f, self._lowest(m), m.bit_length() - 1 - self.offset) for f, m in enumerate(o) if m]
            for o in self._options(q, None)
        ]
        t = self.book.thresholds
        for floor_r, mask in enumerate(rest):
            while mask:
                low = mask & -mask
                mask ^= low
                r = low.bit_length() - 1 - self.offset
                seen: set[int] = set()
                for side in sides:
                    for f, lo, hi in side:
                        top = max(f, floor_r)
                        bands = range(_band(r + lo, t.negotiate, t.decline), _band(r + hi, t.negotiate, t.decline) + 1)
                        seen |= {max(b, top) for b in bands}
                if len(seen) > 1:
                    return True
        return False

    def _lowest(self, mask: int) -> int:
        return (mask & -mask).bit_length() - 1 - self.offset


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
    """Questions whose skip logic leads back to themselves, with the loop as a path of ids."""
    out: dict[str, list[str]] = {}
    by_id = first_by_id(book)
    for q in book.questions:
        path, current = [q.id], q
        while current.ask_if and current.ask_if.question in by_id:
            current = by_id[current.ask_if.question]
            if current.id == q.id:
                out[q.id] = [*path, q.id]
                break
            if current.id in path:
                break
            path.append(current.id)
    return out


def first_by_id(book: Rulebook) -> dict[str, Question]:
    """Questions by id, the first of duplicates winning, so one duplicate does not break its neighbours' checks."""
    return {q.id: q for q in reversed(book.questions)}
