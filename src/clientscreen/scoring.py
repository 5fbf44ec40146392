"""The scorer: from a rulebook and answers to a verdict with its reasons. No I/O, no printing.

The client types decide; the points settle what they leave open. A knock-out (one
answer, the core sign of a type) or a category floor (enough red points in one type)
sets a floor on the verdict that green answers elsewhere cannot lift. Below the floors
the score, a sum of risk points (red flags positive, green flags negative), picks the
band. Everything the report shows is computed here, so that the Rich, JSON and Markdown
outputs cannot disagree with one another, and each verdict says what to do next: the
terms that would change it, the conditions to set, or the question whose answer decides.
"""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass

from clientscreen.answers import UNKNOWN, AnswerError, Given, parse
from clientscreen.i18n import _
from clientscreen.rulebook.levers import Tree, Trial, smallest_set
from clientscreen.rulebook.model import Answer, Localized, Question, Rulebook, Verdict

MAX_LEVER_SEARCH = 4096  # subsets tried before falling back to a greedy choice


@dataclass(frozen=True)
class Flag:
    """An answer that moved the score: a red flag (points > 0) or a green one (points < 0)."""

    question: str
    category: str
    answer: str | int
    number: float | None
    points: int

    @property
    def red(self) -> bool:
        return self.points > 0


@dataclass(frozen=True)
class Knockout:
    question: str
    category: str
    answer: str | int
    floor: Verdict


@dataclass(frozen=True)
class CategoryFloor:
    """A client type that decided on its own: its red points reached the category's floor."""

    category: str
    points: int
    floor: Verdict


@dataclass(frozen=True)
class CategoryScore:
    category: str
    points: int
    flags: int
    coverage: float = 1.0  # share of this category's evidence answered


@dataclass(frozen=True)
class Pending:
    """A question still to ask, with what its answer could do to the score."""

    question: str
    stake: int
    can_knock_out: bool
    opens: tuple[str, ...] = ()  # follow-ups this gate question decides whether to ask


@dataclass(frozen=True)
class Lever:
    """A negotiable answer, the answer a term would secure, and the term to propose."""

    question: str
    current: str | int | None  # None: not known yet
    target: str | int
    term: Localized
    points: int  # change in score if the term is accepted


@dataclass(frozen=True)
class Margin:
    """How many points separate the score from the neighbouring bands."""

    to_better: int | None  # points to shed to reach the better band
    to_worse: int | None  # points to add before reaching the worse band


@dataclass(frozen=True)
class Assessment:
    verdict: Verdict
    score_verdict: Verdict  # what the score alone says, before knock-outs
    score: int
    margin: Margin
    categories: tuple[CategoryScore, ...]
    flags: tuple[Flag, ...]
    knockouts: tuple[Knockout, ...]
    coverage: float
    provisional: bool
    ask_next: tuple[Pending, ...]
    levers: tuple[Lever, ...]
    levers_reach: Verdict | None  # the verdict the levers together would give
    skipped: tuple[str, ...]
    answers: tuple[tuple[str, str | int | float | None], ...]  # as understood, in rulebook order
    floors: tuple[CategoryFloor, ...] = ()
    final: bool = False  # decline that nothing still unknown and no term could change
    conditions: tuple[str, ...] = ()  # categories whose term to propose, beside the levers


class AnswersInvalid(ValueError):
    """Some answers could not be read; ``problems`` maps question id to the reason."""

    def __init__(self, problems: Mapping[str, str]) -> None:
        self.problems = dict(problems)
        super().__init__("; ".join(f"{k}: {v}" for k, v in self.problems.items()))


def parse_answers(rulebook: Rulebook, raw: Mapping[str, object], *, decimal: str | None = None) -> dict[str, Given]:
    """Read raw answers keyed by question id; unknown ids and unreadable values are errors."""
    problems: dict[str, str] = {}
    given: dict[str, Given] = {}
    for qid, value in raw.items():
        question = rulebook.question_by_id.get(qid)
        if question is None:
            problems[qid] = _("no such question in this rulebook")
            continue
        try:
            given[qid] = parse(question, value, decimal=decimal)
        except AnswerError as exc:
            problems[qid] = str(exc)
    if problems:
        raise AnswersInvalid(problems)
    return given


def score(rulebook: Rulebook, answers: Mapping[str, object]) -> Assessment:
    """Score raw answers (values as typed or stored) against ``rulebook``."""
    return assess(rulebook, parse_answers(rulebook, answers))


@dataclass(frozen=True)
class _Tally:
    score: int
    verdict: Verdict
    score_verdict: Verdict
    flags: tuple[Flag, ...]
    knockouts: tuple[Knockout, ...]
    applicable: tuple[Question, ...]
    skipped: tuple[str, ...]
    floors: tuple[CategoryFloor, ...]

    @property
    def floor(self) -> Verdict:
        """The harshest floor set by a knock-out or a client type."""
        found = [k.floor for k in self.knockouts] + [f.floor for f in self.floors]
        return max(found, key=lambda v: v.rank, default=Verdict.TAKE)


def _tally(rulebook: Rulebook, given: Mapping[str, Given]) -> _Tally:
    total = 0
    flags: list[Flag] = []
    knockouts: list[Knockout] = []
    applicable: list[Question] = []
    skipped: list[str] = []
    for q in rulebook.questions:
        if not asked(q, given, skipped):
            skipped.append(q.id)
            continue
        applicable.append(q)
        answer = given.get(q.id, UNKNOWN)
        option = answer.option
        if option is None or not q.scores:
            continue
        total += option.points
        category = option.category or q.category or ""  # validation ensures scoring questions have one
        if option.points:
            flags.append(Flag(q.id, category, option.value, answer.number, option.points))
        if option.knockout:
            knockouts.append(Knockout(q.id, category, option.value, Verdict(option.knockout)))
    floors = category_floors(rulebook, flags)
    score_verdict = rulebook.verdict_for(total)
    verdict = score_verdict
    for floor in [k.floor for k in knockouts] + [f.floor for f in floors]:
        verdict = verdict.worse_of(floor)
    return _Tally(total, verdict, score_verdict, tuple(flags), tuple(knockouts), tuple(applicable), tuple(skipped),
                  floors)


def red_points(flags: tuple[Flag, ...] | list[Flag]) -> dict[str, int]:
    """Red points per category: what a category floor is measured against (green never offsets them)."""
    out: dict[str, int] = {}
    for f in flags:
        if f.points > 0:
            out[f.category] = out.get(f.category, 0) + f.points
    return out


def category_floors(rulebook: Rulebook, flags: tuple[Flag, ...] | list[Flag]) -> tuple[CategoryFloor, ...]:
    """The client types whose red points reached their floor, in the rulebook's category order."""
    reds = red_points(flags)
    out = []
    for c in rulebook.categories:
        if c.floor is None or c.id not in reds:
            continue
        floor = c.floor.verdict_for(reds[c.id])
        if floor is not None:
            out.append(CategoryFloor(c.id, reds[c.id], floor))
    return tuple(out)


def asked(q: Question, given: Mapping[str, Given], skipped: Container[str]) -> bool:
    """Skip logic: an unknown parent keeps the question (it may apply); a skipped parent skips it.

    ``skipped``: the questions before ``q`` that this rule left out. The interview asks by the same rule,
    so what it leaves out is what the score leaves out.
    """
    if q.ask_if is None:
        return True
    parent = q.ask_if.question
    if parent in skipped:
        return False
    option = given.get(parent, UNKNOWN).option
    return option is None or option.value in q.ask_if.in_


def assess(rulebook: Rulebook, given: Mapping[str, Given]) -> Assessment:
    """The full assessment of answers already parsed (see ``parse_answers``)."""
    t = _tally(rulebook, given)
    scoring = [q for q in t.applicable if q.scores]
    weights = {q.id: evidence_weight(rulebook, q) for q in scoring}
    at_stake = sum(weights.values())
    known = sum(w for qid, w in weights.items() if given.get(qid, UNKNOWN).known)
    coverage = known / at_stake if at_stake else 1.0
    per_category = {c.id: [0, 0] for c in rulebook.categories}
    for f in t.flags:
        per_category[f.category][0] += f.points
        per_category[f.category][1] += 1
    by_type = category_coverage(rulebook, scoring, given)
    levers, reach = _levers(rulebook, given, t)
    final = t.verdict is Verdict.DECLINE and t.floor is Verdict.DECLINE and not levers
    settled = final or any(
        floor is t.verdict and (floor is Verdict.DECLINE or by_type.get(category, 1.0) >= 1.0)
        for category, floor in [(k.category, k.floor) for k in t.knockouts] + [(f.category, f.floor) for f in t.floors]
    )
    return Assessment(
        verdict=t.verdict,
        score_verdict=t.score_verdict,
        score=t.score,
        margin=_margin(rulebook, t),
        categories=tuple(CategoryScore(cid, p, n, round(by_type.get(cid, 1.0), 4))
                         for cid, (p, n) in per_category.items()),
        flags=t.flags,
        knockouts=t.knockouts,
        coverage=round(coverage, 4),
        provisional=coverage < rulebook.min_coverage and not settled,
        ask_next=() if final else pending(rulebook, scoring, given),
        levers=levers,
        levers_reach=reach,
        skipped=t.skipped,
        answers=tuple((q.id, given[q.id].stored()) for q in rulebook.questions if q.id in given),
        floors=t.floors,
        final=final,
        conditions=_conditions(rulebook, t, levers),
    )


def category_coverage(rulebook: Rulebook, scoring: list[Question], given: Mapping[str, Given]) -> dict[str, float]:
    """Coverage per client type: the share of each category's evidence (by its questions) answered."""
    stake: dict[str, int] = {}
    known: dict[str, int] = {}
    for q in scoring:
        category = q.category or ""
        weight = evidence_weight(rulebook, q)
        stake[category] = stake.get(category, 0) + weight
        if given.get(q.id, UNKNOWN).known:
            known[category] = known.get(category, 0) + weight
    return {c: known.get(c, 0) / w if w else 1.0 for c, w in stake.items()}


def pending(rulebook: Rulebook, scoring: list[Question], given: Mapping[str, Given]) -> tuple[Pending, ...]:
    """The questions still to ask, weightiest first; a gate carries what it opens, and goes before it.

    A follow-up whose gate is unknown is not suggested at all: it may never apply, and
    asking about a previous agency's invoices before anyone knows there was one is
    nonsense. Its weight is carried by the gate, so the gate is asked early.
    """
    unknown = [q for q in scoring if not given.get(q.id, UNKNOWN).known]
    unknown_ids = {q.id for q in unknown}
    host: dict[str, str] = {}
    for q in unknown:
        parent = q.ask_if.question if q.ask_if else None
        if parent in unknown_ids:
            host[q.id] = host.get(parent, parent)
    carried: dict[str, list[Question]] = {}
    for q in unknown:
        if q.id in host:
            carried.setdefault(host[q.id], []).append(q)
    out = [
        Pending(
            q.id,
            q.stake + sum(f.stake for f in carried.get(q.id, [])),
            q.can_knock_out or any(f.can_knock_out for f in carried.get(q.id, [])),
            tuple(f.id for f in carried.get(q.id, [])),
        )
        for q in unknown
        if q.id not in host
    ]
    return tuple(sorted(out, key=lambda p: (not p.can_knock_out, -p.stake)))


def _conditions(rulebook: Rulebook, t: _Tally, levers: tuple[Lever, ...]) -> tuple[str, ...]:
    """Client types to take only on their condition: those that set a negotiate floor, in order.

    When the score alone asks for negotiation and no term would settle it, the reddest
    types (at most three) give theirs. Offered under negotiate, or a decline terms could
    lift; a type whose question already has a lever on the table is not repeated.
    """
    if t.verdict is Verdict.TAKE or (t.verdict is Verdict.DECLINE and not levers):
        return ()
    covered = {rulebook.question_by_id[lv.question].category for lv in levers}
    floored = [k.category for k in t.knockouts if k.floor is Verdict.NEGOTIATE]
    floored += [f.category for f in t.floors if f.floor is Verdict.NEGOTIATE]
    reds: list[str] = []
    if not levers and t.score_verdict is not Verdict.TAKE:
        reds = [c for c, _points in sorted(red_points(t.flags).items(), key=lambda item: -item[1])]
    out: list[str] = []
    for category in [*floored, *reds]:
        if category in out or category in covered or rulebook.category_by_id[category].term is None:
            continue
        if category in reds and category not in floored and len(out) >= 3:
            break
        out.append(category)
    return tuple(out)


def evidence_weight(rulebook: Rulebook, q: Question) -> int:
    """What an answer can change: its points, or for a knock-out the points it takes to reach its floor."""
    floors = [
        rulebook.thresholds.decline if a.knockout == "decline" else rulebook.thresholds.negotiate
        for a in q.answers
        if a.knockout
    ]
    return max([q.stake, *floors])


def declined_outright(knockouts: tuple[Knockout, ...], floors: tuple[CategoryFloor, ...] = ()) -> bool:
    """A decline floor, from a knock-out or a client type: no further answer can lift the verdict."""
    return any(k.floor is Verdict.DECLINE for k in knockouts) or any(f.floor is Verdict.DECLINE for f in floors)


def _margin(rulebook: Rulebook, t: _Tally) -> Margin:
    """Points to the neighbouring verdicts, from the verdict given: a knock-out's floor no points can lift."""
    neg, dec, score = rulebook.thresholds.negotiate, rulebook.thresholds.decline, t.score
    floor = t.floor.rank
    to_worse = {Verdict.TAKE: neg - score, Verdict.NEGOTIATE: dec - score, Verdict.DECLINE: None}[t.verdict]
    to_better = None
    if t.verdict is t.score_verdict and t.verdict.rank > floor:
        to_better = score - (neg if t.verdict is Verdict.NEGOTIATE else dec) + 1 if t.verdict.rank else None
    return Margin(to_better, to_worse)


def _levers(rulebook: Rulebook, given: Mapping[str, Given], t: _Tally) -> tuple[tuple[Lever, ...], Verdict | None]:
    """The fewest negotiable answers whose change moves the verdict to take, else to negotiate.

    Among sets of the same size the one leaving the lowest score wins, so the lead
    gets the terms with the most room to spare. Skip logic and knock-outs are respected:
    the search (``rulebook.levers``) follows what a changed answer asks or skips.
    """
    if t.verdict is Verdict.TAKE:
        return (), None
    candidates: list[tuple[Question, Answer]] = []
    for q in t.applicable:
        if q.negotiable is None:
            continue
        target = q.by_value[q.negotiable.target]
        if given.get(q.id, UNKNOWN).option != target:
            candidates.append((q, target))
    goals = [Verdict.TAKE] if t.verdict is Verdict.NEGOTIATE else [Verdict.TAKE, Verdict.NEGOTIATE]
    for goal in goals:
        found = smallest_set(len(candidates), goal.rank, _trial(rulebook, given, candidates), MAX_LEVER_SEARCH)
        if found is not None:
            return tuple(_lever(candidates[i][0], given, candidates[i][1]) for i in found), goal
    return (), None


def _trial(rulebook: Rulebook, given: Mapping[str, Given], candidates: list[tuple[Question, Answer]]) -> Trial:
    position = {q.id: i for i, q in enumerate(rulebook.questions)}
    tree = Tree(rulebook, [given.get(q.id, UNKNOWN).option for q in rulebook.questions],
                [(position[q.id], target) for q, target in candidates])
    return tree if tree.usable else Rescore(rulebook, given, candidates)


class Rescore:
    """Outcomes by scoring every answer anew: for a rulebook whose skip logic ``Tree`` cannot follow
    (one not validated), and the reference the tests hold ``Tree`` to."""

    def __init__(self, rulebook: Rulebook, given: Mapping[str, Given], candidates: list[tuple[Question, Answer]]):
        self.rulebook = rulebook
        self.given = given
        self.candidates = candidates
        self.taken: list[int] = []

    def _tally(self, chosen: Sequence[int]) -> _Tally:
        changed = dict(self.given)
        for i in [*self.taken, *chosen]:
            q, target = self.candidates[i]
            changed[q.id] = Given(option=target)
        return _tally(self.rulebook, changed)

    def outcome(self, chosen: Sequence[int]) -> tuple[int, int]:
        result = self._tally(chosen)
        return result.verdict.rank, result.score

    def take(self, candidate: int) -> None:
        self.taken.append(candidate)

    def scores(self, remaining: Sequence[int]) -> list[int]:
        return [self._tally((c,)).score for c in remaining]

    def rank(self) -> int:
        return self._tally(()).verdict.rank


def _lever(q: Question, given: Mapping[str, Given], target: Answer) -> Lever:
    assert q.negotiable is not None  # noqa: S101 - only negotiable questions are candidates
    current = given.get(q.id, UNKNOWN).option
    before = current.points if current else 0
    return Lever(q.id, current.value if current else None, target.value, q.negotiable.term, target.points - before)
