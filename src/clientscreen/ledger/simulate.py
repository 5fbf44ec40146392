"""A synthetic agency history drawn from a known true model, to test calibration against the truth.

Each client has one hidden trait, its risk (standard normal). A question the model calls telling is
answered by a noisy reading of that risk: the riskier the client, the likelier an answer worth more points.
Every other question is answered at random. Whether the client later goes bad is drawn from the risk
alone (a logistic model), so the true signs are known: the telling questions' red answers predict bad
clients, their green answers good ones, and the rest predict nothing. With ``outcome`` 0 nothing predicts
anything, and an honest calibration suggests no change at all.

Answers are scored as the engine scores complete choice answers (the points summed, knock-outs as a floor
on the verdict), without the engine, so that a history of 100,000 clients takes seconds to make.
Seeded: the same seed gives the same history.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from statistics import NormalDist

from clientscreen.ledger.outcomes import Case, Outcome
from clientscreen.ledger.records import FlagRecord, ScreeningRecord
from clientscreen.rulebook.model import Question, Rulebook, Verdict

_PHI = NormalDist().cdf
SCORED = ("choice", "yesno", "scale")


@dataclass(frozen=True)
class TrueModel:
    signal: Mapping[str, float] = field(default_factory=dict)  # question id -> how closely it follows the risk
    outcome: float = 1.5  # log-odds of going bad per unit of risk (0: outcomes are coin flips)
    base: float = -1.0  # log-odds of going bad at average risk
    judged: float = 0.8  # share of clients whose outcome gets recorded
    ordinary: float = 0.7  # chance that a question telling nothing gets its most ordinary answer (nearest 0)


def _answer(q: Question, risk: float, strength: float, ordinary: float, rng: random.Random) -> str | int:
    ordered = sorted(q.answers, key=lambda a: a.points)
    if not strength and rng.random() < ordinary:  # most prospects are unremarkable on most questions
        return min(ordered, key=lambda a: abs(a.points)).value
    reading = strength * risk + rng.gauss(0.0, 1.0)
    share = _PHI(reading / math.sqrt(strength * strength + 1))  # uniform on 0..1 whatever the strength
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))].value


def _verdict(book: Rulebook, score: int, floor: str | None) -> str:
    order = [Verdict.TAKE.value, Verdict.NEGOTIATE.value, Verdict.DECLINE.value]
    by_score = ("decline" if score >= book.thresholds.decline
                else "negotiate" if score >= book.thresholds.negotiate else "take")
    return max(by_score, floor or "take", key=order.index)


def history(book: Rulebook, model: TrueModel, clients: int, seed: int = 1
            ) -> Iterator[tuple[ScreeningRecord, Outcome | None]]:
    """``clients`` screenings by ``book``, each with the outcome drawn for it (None where not recorded)."""
    rng = random.Random(seed)  # noqa: S311 -- a simulation, reproducible by its seed
    questions = [q for q in book.questions if q.type in SCORED and q.answers and q.ask_if is None]
    for i in range(clients):
        risk = rng.gauss(0.0, 1.0)
        answers: list[tuple[str, str | int]] = []
        flags: list[FlagRecord] = []
        score, floor = 0, None
        for q in questions:
            value = _answer(q, risk, model.signal.get(q.id, 0.0), model.ordinary, rng)
            answers.append((q.id, value))
            chosen = q.by_value[value]
            if chosen.points:
                flags.append(FlagRecord(q.id, chosen.category or q.category or q.id, str(value), chosen.points))
                score += chosen.points
            if chosen.knockout and (floor is None or chosen.knockout == "decline"):
                floor = chosen.knockout
        name = f"Client {i:06d}"
        rec = ScreeningRecord(
            id=f"sim:{seed}:{i}", client_name=name, client_slug=f"client-{i:06d}",
            screened_at=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}T10:00", interviewer=None, rulebook_id=book.id,
            rulebook_version=book.version, rulebook_hash=book.digest, answers=tuple(answers),
            verdict=_verdict(book, score, floor), score=score, provisional=False, coverage=1.0,
            flags=tuple(sorted(flags, key=lambda f: f.question)),
        )
        bad = rng.random() < 1 / (1 + math.exp(-(model.base + model.outcome * risk)))
        recorded = rng.random() < model.judged
        yield rec, (Outcome(overall="bad" if bad else "good") if recorded else None)


def cases(book: Rulebook, model: TrueModel, clients: int, seed: int = 1) -> Iterator[Case]:
    """The same history as calibration reads it from a ledger."""
    for rec, outcome in history(book, model, clients, seed):
        yield Case(rec.client_slug, rec.id, rec.verdict,
                   tuple((f.question, f.answer, f.points) for f in rec.flags), None, outcome)
