"""Which warning signs predicted the clients who went bad: counts, rates, intervals and suggested weights.

For every flag (an answer worth points, keyed by its question and its points, so the bands of a number
question count as one answer each) and every verdict, the clients who had it and were later judged, and
how many of them went bad (see ``outcomes.Outcome.bad``). Each rate carries a Wilson 95% interval, which
stays honest at the small counts an agency has and never leaves 0..1. Below ``min_sample`` judged clients
nothing is claimed.

A weight change is suggested only where the evidence is strong: the flag's bad rate differs from the base
rate (every judged client's) with the interval, widened by Bonferroni for the number of flags tested,
excluding the base rate. Without the widening, forty flags tested at 95% would "find" two signals in pure
noise; with it a history with no signal suggests nothing. The size of the change is the flag's points
scaled by how far its rate is from the base (at least one point, at most doubling or halving to zero), so
a suggestion moves a weight the way the evidence points without overturning the rulebook in one quarter.

Overrides are scored too: where the agency decided against the verdict and the client was judged, the
more careful side (decline over negotiate over take) was right if the client went bad, the bolder side if
not. Pure: no I/O, no printing; the ledger streams cases in, the command renders what comes out.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from statistics import NormalDist
from typing import TYPE_CHECKING, Any

from clientscreen.ledger.outcomes import CAUTION, Case

if TYPE_CHECKING:
    from clientscreen.rulebook.model import Rulebook

Z95 = 1.959963984540054
DEFAULT_MIN_SAMPLE = 10
VERDICT_ORDER = ("take", "negotiate", "decline")


def wilson(bad: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of a proportion ``bad / n``; (0, 1) when nothing was seen."""
    if n == 0:
        return 0.0, 1.0
    p = bad / n
    z2 = z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass(frozen=True)
class Rate:
    n: int  # judged clients
    bad: int  # of whom went bad
    low: float  # Wilson 95%
    high: float

    @property
    def rate(self) -> float:
        return self.bad / self.n if self.n else 0.0

    @classmethod
    def of(cls, bad: int, n: int) -> Rate:
        low, high = wilson(bad, n)
        return cls(n, bad, low, high)


@dataclass(frozen=True)
class FlagStat:
    question: str
    points: int  # the flag's weight now
    answers: tuple[str, ...]  # the answers seen with it (a number question's values, for a reader)
    clients: int  # clients whose latest screening had it, judged or not
    rate: Rate
    enough: bool  # judged clients >= the minimum sample
    suggested: int | None  # new points, where the evidence is strong enough

    @property
    def key(self) -> tuple[str, int]:
        return self.question, self.points


@dataclass(frozen=True)
class VerdictStat:
    verdict: str
    clients: int
    rate: Rate
    enough: bool
    mixed: int = 0  # judged clients who were neither good nor bad: the middle of the outcome mix

    @property
    def good(self) -> int:
        return self.rate.n - self.rate.bad - self.mixed

    @property
    def unknown(self) -> int:
        """Clients with this verdict and no judged outcome yet."""
        return self.clients - self.rate.n


@dataclass(frozen=True)
class Overrides:
    total: int  # decisions against the verdict
    verdict_right: int
    agency_right: int
    unknown: int  # no judged outcome (a declined client is rarely seen again)


@dataclass(frozen=True)
class Calibration:
    clients: int
    base: Rate  # every judged client
    min_sample: int
    flags: tuple[FlagStat, ...]  # most telling first
    verdicts: tuple[VerdictStat, ...]
    overrides: Overrides

    @property
    def suggestions(self) -> tuple[FlagStat, ...]:
        return tuple(f for f in self.flags if f.suggested is not None)


@dataclass
class Tally:
    """Counts so far; ``add`` a case at a time, so a ledger of any size streams through in flat memory."""

    clients: int = 0
    judged: int = 0
    bad: int = 0
    flags: dict[tuple[str, int], list[int]] = field(default_factory=dict)  # [clients, judged, bad]
    answers: dict[tuple[str, int], set[str]] = field(default_factory=dict)
    verdicts: dict[str, list[int]] = field(default_factory=dict)  # [clients, judged, bad, mixed]
    overrides: list[int] = field(default_factory=lambda: [0, 0, 0, 0])  # total, verdict, agency, unknown

    def add(self, case: Case) -> None:
        self.clients += 1
        judged = case.outcome is not None and case.outcome.judged
        bad = judged and case.outcome is not None and case.outcome.bad
        self.judged += judged
        self.bad += bad
        for question, answer, points in case.flags:
            key = (question, points)
            counts = self.flags.get(key)
            if counts is None:
                counts = self.flags[key] = [0, 0, 0]
                self.answers[key] = set()
            counts[0] += 1
            counts[1] += judged
            counts[2] += bad
            seen = self.answers[key]
            if len(seen) < 5:
                seen.add(answer)
        v = self.verdicts.setdefault(case.verdict, [0, 0, 0, 0])
        v[0] += 1
        v[1] += judged
        v[2] += bad
        v[3] += judged and not bad and case.outcome is not None and case.outcome.overall == "mixed"
        if case.decision is not None and case.decision != case.verdict and case.verdict in CAUTION:
            self.overrides[0] += 1
            if not judged:
                self.overrides[3] += 1
            else:
                careful = CAUTION[case.decision] > CAUTION[case.verdict]  # the agency was more careful
                self.overrides[2 if careful == bad else 1] += 1

    def result(self, min_sample: int = DEFAULT_MIN_SAMPLE) -> Calibration:
        base = Rate.of(self.bad, self.judged)
        tested = sum(1 for c in self.flags.values() if c[1] >= min_sample)
        z = NormalDist().inv_cdf(1 - 0.05 / (2 * max(tested, 1)))  # Bonferroni over the flags tested
        stats = []
        for key, (clients, judged, bad) in self.flags.items():
            rate = Rate.of(bad, judged)
            enough = judged >= min_sample
            stats.append(FlagStat(key[0], key[1], tuple(sorted(self.answers[key])), clients, rate, enough,
                                  suggest(key[1], bad, judged, base, z) if enough else None))
        stats.sort(key=lambda f: (not f.enough, -abs(f.rate.rate - base.rate) if f.enough else 0, f.question,
                                  f.points))
        verdicts = tuple(
            VerdictStat(v, c[0], Rate.of(c[2], c[1]), c[1] >= min_sample, c[3])
            for v, c in sorted(self.verdicts.items(), key=lambda vc: _verdict_order(vc[0]))
        )
        total, verdict_right, agency_right, unknown = self.overrides
        return Calibration(self.clients, base, min_sample, tuple(stats), verdicts,
                           Overrides(total, verdict_right, agency_right, unknown))


def _verdict_order(verdict: str) -> tuple[int, str]:
    return (VERDICT_ORDER.index(verdict) if verdict in VERDICT_ORDER else len(VERDICT_ORDER), verdict)


def suggest(points: int, bad: int, judged: int, base: Rate, z: float) -> int | None:
    """New points for a flag whose bad rate is clearly away from the base rate, else None."""
    if base.n == 0 or base.bad == 0 or base.bad == base.n:
        return None  # nothing to compare with: every judged client went the same way
    low, high = wilson(bad, judged, z)
    if low <= base.rate <= high:
        return None
    ratio = (bad / judged) / base.rate  # how many times the base rate
    size = max(1, abs(points))
    if ratio > 1:
        step = max(1, min(size, round(size * (ratio - 1))))
        return points + step
    step = max(1, min(size, round(size * (1 - ratio))))
    return points - step


def calibrate(cases: Iterable[Case], min_sample: int = DEFAULT_MIN_SAMPLE) -> Calibration:
    """Calibrate over every case (one client each)."""
    tally = Tally()
    for case in cases:
        tally.add(case)
    return tally.result(min_sample)


def bar(share: float, width: int = 10) -> str:
    """A share 0..1 as a small bar of eighths (``▏`` to ``█``), for a terminal."""
    eighths = round(max(0.0, min(1.0, share)) * width * 8)
    full, part = divmod(eighths, 8)
    return ("█" * full + (" ▏▎▍▌▋▊▉"[part] if part else "")).ljust(width)


def next_version(version: str) -> str:
    """The version after ``version``: its last number plus one (1.3 -> 1.4), else ``version.1``."""
    head, _dot, last = version.rpartition(".")
    if last.isdigit():
        return f"{head}.{int(last) + 1}" if head else str(int(last) + 1)
    return f"{version}.1"


def label(book: Rulebook, flag: FlagStat) -> str:
    """A flag as ``question = answer (points)``: ids a reader can find in the rulebook."""
    question = book.question_by_id.get(flag.question)
    values = [a.value for a in question.answers if a.points == flag.points] if question else []
    shown = "/".join(str(v) for v in values) or "/".join(flag.answers)
    return f"{flag.question} = {shown} ({flag.points:+d})"


def to_dict(result: Calibration, book: Rulebook) -> dict[str, Any]:
    """Every figure as plain data: the JSON output, and what the Markdown and HTML views are drawn from."""
    def rate(r: Rate) -> dict[str, Any]:
        return {"n": r.n, "bad": r.bad, "rate": round(r.rate, 4), "low": round(r.low, 4), "high": round(r.high, 4)}

    return {
        "rulebook": {"id": book.id, "version": book.version},
        "clients": result.clients,
        "min_sample": result.min_sample,
        "base": rate(result.base),
        "verdicts": [{"verdict": v.verdict, "clients": v.clients, "enough": v.enough, **rate(v.rate),
                      "mixed": v.mixed, "good": v.good, "unknown": v.unknown} for v in result.verdicts],
        "flags": [{"question": f.question, "points": f.points, "answers": list(f.answers), "clients": f.clients,
                   "label": label(book, f), "enough": f.enough, "suggested": f.suggested, **rate(f.rate)}
                  for f in result.flags],
        "overrides": {"total": result.overrides.total, "verdict_right": result.overrides.verdict_right,
                      "agency_right": result.overrides.agency_right, "unknown": result.overrides.unknown},
    }


def revised(data: dict[str, object], suggestions: Iterable[FlagStat]) -> dict[str, object]:
    """A rulebook's data with the suggested points and the next version; ``data`` itself is not changed."""
    import copy

    new = copy.deepcopy(data)
    change = {f.key: f.suggested for f in suggestions if f.suggested is not None}
    questions = new.get("questions")
    for q in questions if isinstance(questions, list) else ():
        for a in q.get("answers") or () if isinstance(q, dict) else ():
            if isinstance(a, dict) and (q.get("id"), a.get("points", 0)) in change:
                a["points"] = change[q["id"], a.get("points", 0)]
    new["version"] = next_version(str(new.get("version", "1")))
    return new
