"""A synthetic agency history drawn from a known true model, to test calibration against the truth.

Each client has one hidden trait, its risk (standard normal). A question the model calls telling is
answered by a noisy reading of that risk: the riskier the client, the likelier an answer worth more points.
Every other question is answered at random. Whether the client later goes bad is drawn from the risk
alone (a logistic model), so the true signs are known: the telling questions' red answers predict bad
clients, their green answers good ones, and the rest predict nothing. With ``outcome`` 0 nothing predicts
anything, and an honest calibration suggests no change at all.

The history is what the tool would have recorded. The interview's skip logic decides which questions are
asked (a follow-up only after the answer that opens it, or after ``unknown``); a number question gets a
number inside the band drawn; a share of answers is ``unknown``. Verdict, score, coverage and provisional
come from the batch scorer (``batch.compiled``, held equal to ``scoring.assess`` by a property test), the
only scorer fast enough for a history of 100,000 clients in seconds; the flags are the answers that moved
the score, each kept as ``records.from_screening`` keeps it. A test scores a sample of the history again
with ``scoring.score`` and finds every record the same. Seeded: the same seed gives the same history.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from statistics import NormalDist

from clientscreen.batch.compiled import Compiled
from clientscreen.ledger.outcomes import Case, Outcome
from clientscreen.ledger.records import FlagRecord, ScreeningRecord
from clientscreen.rulebook.model import Answer, Question, Rulebook

_PHI = NormalDist().cdf
UNKNOWN = "unknown"


@dataclass(frozen=True)
class TrueModel:
    signal: Mapping[str, float] = field(default_factory=dict)  # question id -> how closely it follows the risk
    outcome: float = 1.5  # log-odds of going bad per unit of risk (0: outcomes are coin flips)
    base: float = -1.0  # log-odds of going bad at average risk
    judged: float = 0.8  # share of clients whose outcome gets recorded
    ordinary: float = 0.7  # chance that a question telling nothing gets its most ordinary answer (see _Asked)
    unknown: float = 0.03  # chance that an asked question is answered ``unknown``


@dataclass(frozen=True)
class _Asked:
    """One scoring question ready to be drawn: its answers by points, and what each answer records."""

    question: Question
    ordered: tuple[Answer, ...]  # fewest points first
    ordinary: Answer  # the answer nearest 0 points that knocks nothing out
    flags: Mapping[str | int, FlagRecord | None]  # answer value -> the flag it raises (None: no points)
    lows: Mapping[str | int, int]  # number questions: answer value -> the band's lowest whole number
    highs: Mapping[str | int, int]  # ... and one past its highest


def _prepare(q: Question) -> _Asked:
    ordered = tuple(sorted(q.answers, key=lambda a: a.points))
    flags = {a.value: FlagRecord(q.id, a.category or q.category or "", str(a.value), a.points) if a.points else None
             for a in q.answers}
    lows: dict[str | int, int] = {}
    highs: dict[str | int, int] = {}
    if q.type == "number":
        low = 0
        for a in q.answers:  # bands go up; the last one has no upper bound, so it gets as wide as the one before
            high = math.ceil(a.below) if a.below is not None else max(low * 2, low + 10)
            lows[a.value], highs[a.value] = low, max(high, low + 1)
            low = high
    ordinary = min(ordered, key=lambda a: (a.knockout is not None, abs(a.points)))  # a 0-point knock-out is no norm
    return _Asked(q, ordered, ordinary, flags, lows, highs)


def _answer(q: _Asked, risk: float, strength: float, ordinary: float, rng: random.Random) -> Answer:
    if not strength and rng.random() < ordinary:  # most prospects are unremarkable on most questions
        return q.ordinary
    reading = strength * risk + rng.gauss(0.0, 1.0)
    share = _PHI(reading / math.sqrt(strength * strength + 1))  # uniform on 0..1 whatever the strength
    return q.ordered[min(len(q.ordered) - 1, int(share * len(q.ordered)))]


def history(book: Rulebook, model: TrueModel, clients: int, seed: int = 1
            ) -> Iterator[tuple[ScreeningRecord, Outcome | None]]:
    """``clients`` screenings by ``book``, each with the outcome drawn for it (None where not recorded)."""
    rng = random.Random(seed)  # noqa: S311 -- a simulation, reproducible by its seed
    asked = [_prepare(q) for q in book.questions if q.scores and q.answers]
    scorer = Compiled(book, [a.question.id for a in asked])
    for i in range(clients):
        risk = rng.gauss(0.0, 1.0)
        answers: list[tuple[str, str | int]] = []
        flags: list[FlagRecord] = []
        row: list[str] = []
        drawn: dict[str, str | int | None] = {}  # question id -> answer value; None: unknown
        for a in asked:
            q = a.question
            opens = q.ask_if
            if opens is not None and (opens.question not in drawn or (
                    drawn[opens.question] is not None and drawn[opens.question] not in opens.in_)):
                row.append("")  # not asked: skipped by the answer to the question it follows
                continue
            if rng.random() < model.unknown:
                drawn[q.id] = None
                answers.append((q.id, UNKNOWN))
                row.append(UNKNOWN)
                continue
            chosen = _answer(a, risk, model.signal.get(q.id, 0.0), model.ordinary, rng)
            drawn[q.id] = chosen.value
            value: str | int = rng.randrange(a.lows[chosen.value], a.highs[chosen.value]) if a.lows else chosen.value
            answers.append((q.id, value))
            row.append(str(value))
            flag = a.flags[chosen.value]
            if flag is not None:
                flags.append(flag)
        scored = scorer.score(row)
        rec = ScreeningRecord(
            id=f"sim:{seed}:{i}", client_name=f"Client {i:06d}", client_slug=f"client-{i:06d}",
            screened_at=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}T10:00", interviewer=None, rulebook_id=book.id,
            rulebook_version=book.version, rulebook_hash=book.digest, answers=tuple(answers),
            verdict=scored.verdict.value, score=scored.score, provisional=scored.provisional,
            coverage=scored.coverage, flags=tuple(flags),
        )
        bad = rng.random() < 1 / (1 + math.exp(-(model.base + model.outcome * risk)))
        recorded = rng.random() < model.judged
        yield rec, (Outcome(overall="bad" if bad else "good") if recorded else None)


def cases(book: Rulebook, model: TrueModel, clients: int, seed: int = 1) -> Iterator[Case]:
    """The same history as calibration reads it from a ledger."""
    for rec, outcome in history(book, model, clients, seed):
        yield Case(rec.client_slug, rec.id, rec.verdict,
                   tuple((f.question, f.answer, f.points) for f in rec.flags), None, outcome)
