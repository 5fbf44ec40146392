"""The scorer: from a rulebook and answers to a verdict with its reasons. No I/O, no printing.

The score is a sum of risk points (red flags positive, green flags negative); the
verdict is the band the score falls in, made harsher, never milder, by knock-outs.
Everything the report shows is computed here, so that the Rich, JSON and Markdown
outputs cannot disagree with one another.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import combinations

from clientscreen.answers import UNKNOWN, AnswerError, Given, parse
from clientscreen.i18n import _
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
class CategoryScore:
    category: str
    points: int
    flags: int


@dataclass(frozen=True)
class Pending:
    """A question still to ask, with what its answer could do to the score."""

    question: str
    stake: int
    can_knock_out: bool


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


def _tally(rulebook: Rulebook, given: Mapping[str, Given]) -> _Tally:
    total = 0
    flags: list[Flag] = []
    knockouts: list[Knockout] = []
    applicable: list[Question] = []
    skipped: list[str] = []
    for q in rulebook.questions:
        if not _asked(q, given, skipped):
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
    score_verdict = rulebook.verdict_for(total)
    verdict = score_verdict
    for k in knockouts:
        verdict = verdict.worse_of(k.floor)
    return _Tally(total, verdict, score_verdict, tuple(flags), tuple(knockouts), tuple(applicable), tuple(skipped))


def _asked(q: Question, given: Mapping[str, Given], skipped: list[str]) -> bool:
    """Skip logic: an unknown parent keeps the question (it may apply); a skipped parent skips it."""
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
    at_stake = sum(evidence_weight(rulebook, q) for q in scoring)
    known = sum(evidence_weight(rulebook, q) for q in scoring if given.get(q.id, UNKNOWN).known)
    coverage = known / at_stake if at_stake else 1.0
    pending = sorted(
        (Pending(q.id, q.stake, q.can_knock_out) for q in scoring if not given.get(q.id, UNKNOWN).known),
        key=lambda p: (not p.can_knock_out, -p.stake),
    )
    per_category = {c.id: [0, 0] for c in rulebook.categories}
    for f in t.flags:
        per_category[f.category][0] += f.points
        per_category[f.category][1] += 1
    levers, reach = _levers(rulebook, given, t)
    return Assessment(
        verdict=t.verdict,
        score_verdict=t.score_verdict,
        score=t.score,
        margin=_margin(rulebook, t),
        categories=tuple(CategoryScore(cid, p, n) for cid, (p, n) in per_category.items()),
        flags=t.flags,
        knockouts=t.knockouts,
        coverage=round(coverage, 4),
        provisional=coverage < rulebook.min_coverage and not declined_outright(t.knockouts),
        ask_next=tuple(pending),
        levers=levers,
        levers_reach=reach,
        skipped=t.skipped,
        answers=tuple((q.id, given[q.id].stored()) for q in rulebook.questions if q.id in given),
    )


def evidence_weight(rulebook: Rulebook, q: Question) -> int:
    """What an answer can change: its points, or for a knock-out the points it takes to reach its floor."""
    floors = [
        rulebook.thresholds.decline if a.knockout == "decline" else rulebook.thresholds.negotiate
        for a in q.answers
        if a.knockout
    ]
    return max([q.stake, *floors])


def declined_outright(knockouts: tuple[Knockout, ...]) -> bool:
    """A decline knock-out is final: no further answer can change the verdict, so it is never provisional."""
    return any(k.floor is Verdict.DECLINE for k in knockouts)


def _margin(rulebook: Rulebook, t: _Tally) -> Margin:
    """Points to the neighbouring verdicts, from the verdict given: a knock-out's floor no points can lift."""
    neg, dec, score = rulebook.thresholds.negotiate, rulebook.thresholds.decline, t.score
    floor = max((k.floor.rank for k in t.knockouts), default=0)
    to_worse = {Verdict.TAKE: neg - score, Verdict.NEGOTIATE: dec - score, Verdict.DECLINE: None}[t.verdict]
    to_better = None
    if t.verdict is t.score_verdict and t.verdict.rank > floor:
        to_better = score - (neg if t.verdict is Verdict.NEGOTIATE else dec) + 1 if t.verdict.rank else None
    return Margin(to_better, to_worse)


def _levers(rulebook: Rulebook, given: Mapping[str, Given], t: _Tally) -> tuple[tuple[Lever, ...], Verdict | None]:
    """The fewest negotiable answers whose change moves the verdict to take, else to negotiate.

    Among sets of the same size the one leaving the lowest score wins, so the lead
    gets the terms with the most room to spare. Changes are re-scored in full, so
    skip logic and knock-outs are respected.
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
        found = _smallest_set(rulebook, given, candidates, goal)
        if found is not None:
            return tuple(_lever(q, given, target) for q, target in found), goal
    return (), None


def _smallest_set(
    rulebook: Rulebook,
    given: Mapping[str, Given],
    candidates: list[tuple[Question, Answer]],
    goal: Verdict,
) -> list[tuple[Question, Answer]] | None:
    def outcome(changes: tuple[tuple[Question, Answer], ...]) -> _Tally:
        changed = dict(given)
        for q, target in changes:
            changed[q.id] = Given(option=target)
        return _tally(rulebook, changed)

    if outcome(tuple(candidates)).verdict.rank > goal.rank:
        return None
    tried = 0
    for size in range(1, len(candidates) + 1):
        best: tuple[int, tuple[tuple[Question, Answer], ...]] | None = None
        for combo in combinations(candidates, size):
            tried += 1
            if tried > MAX_LEVER_SEARCH:
                return _greedy(candidates, goal, outcome)
            result = outcome(combo)
            if result.verdict.rank <= goal.rank and (best is None or result.score < best[0]):
                best = (result.score, combo)
        if best is not None:
            return list(best[1])
    return None


def _greedy(
    candidates: list[tuple[Question, Answer]],
    goal: Verdict,
    outcome: Callable[[tuple[tuple[Question, Answer], ...]], _Tally],
) -> list[tuple[Question, Answer]] | None:
    """For rulebooks with very many negotiable questions: take the biggest score drop each time."""
    chosen: list[tuple[Question, Answer]] = []
    remaining = list(candidates)
    while remaining:
        pick = min(remaining, key=lambda c: outcome((*chosen, c)).score)
        chosen.append(pick)
        remaining.remove(pick)
        if outcome(tuple(chosen)).verdict.rank <= goal.rank:
            return chosen
    return None


def _lever(q: Question, given: Mapping[str, Given], target: Answer) -> Lever:
    assert q.negotiable is not None  # noqa: S101 - only negotiable questions are candidates
    current = given.get(q.id, UNKNOWN).option
    before = current.points if current else 0
    return Lever(q.id, current.value if current else None, target.value, q.negotiable.term, target.points - before)
