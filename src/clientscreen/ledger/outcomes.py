"""What the agency decided and how each client turned out, as the articles measure it.

The articles judge a client afterwards by a few plain things: were the invoices paid on time, late, in
part or not at all; who ended the work; how far the hours ran over the estimate; and, in one word, was it
good, mixed or bad. A client *went bad* when the overall word is "bad" or the invoices were never paid:
the two outcomes every article agrees no screening should let through. Plain data, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from clientscreen.errors import UsageError
from clientscreen.i18n import _

DECISIONS = ("take", "negotiate", "decline")
INVOICES = ("on_time", "late", "partly", "unpaid")
ENDED_BY = ("them", "us", "none")
OVERALL = ("good", "mixed", "bad")
CAUTION = {"take": 0, "negotiate": 1, "decline": 2}  # how careful a verdict or decision is


@dataclass(frozen=True)
class Decision:
    client: str
    screening: str
    verdict: str  # the verdict of the screening decided on
    decision: str
    reason: str | None
    decided_at: str

    @property
    def overrides(self) -> bool:
        return self.decision != self.verdict


@dataclass(frozen=True)
class Outcome:
    invoices: str | None = None
    ended_by: str | None = None
    hours_over: float | None = None  # percent over the estimate; negative is under
    overall: str | None = None
    note: str | None = None

    def updated(self, other: Outcome) -> Outcome:
        """This outcome with every field ``other`` gives replaced."""
        given = {k: v for k, v in vars(other).items() if v is not None}
        return replace(self, **given)

    @property
    def empty(self) -> bool:
        return all(v is None for v in vars(self).values())

    @property
    def bad(self) -> bool:
        return self.overall == "bad" or self.invoices == "unpaid"

    @property
    def judged(self) -> bool:
        """Whether there is enough to say good or bad: an overall word or the invoices."""
        return self.overall is not None or self.invoices is not None


@dataclass(frozen=True)
class Case:
    """One client as calibration sees it: its latest verdict and flags, the decision and the outcome."""

    client: str
    screening: str
    verdict: str
    flags: tuple[tuple[str, str, int], ...]  # (question, answer, points)
    decision: str | None
    outcome: Outcome | None

    def with_flag(self, question: str, answer: str, points: int) -> Case:
        return replace(self, flags=(*self.flags, (question, answer, points)))


def choice(value: str | None, allowed: tuple[str, ...], option: str) -> str | None:
    """A value of a fixed set as typed by hand or in a CSV cell (case and spaces forgiven), or a usage error."""
    if value is None or not value.strip():
        return None
    key = value.strip().casefold().replace(" ", "_").replace("-", "_")
    if key not in allowed:
        raise UsageError(_("{option} {value!r} is not one of {allowed}", option=option, value=value,
                           allowed=", ".join(allowed)))
    return key


def percent(value: str | None, option: str) -> float | None:
    """Hours over the estimate as typed: ``25``, ``25%``, ``12,5`` (a decimal comma), or nothing."""
    if value is None or not value.strip():
        return None
    text = value.strip().removesuffix("%").strip().replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        raise UsageError(_("{option} {value!r} is not a percentage such as 25", option=option, value=value)) from None
    if number != number or abs(number) > 10_000:  # NaN, or a typo of several digits
        raise UsageError(_("{option} {value!r} is not a percentage such as 25", option=option, value=value))
    return number


def make(invoices: str | None = None, ended_by: str | None = None, hours_over: str | None = None,
         overall: str | None = None, note: str | None = None) -> Outcome:
    """An outcome from text as a user or a CSV gives it; every field checked."""
    return Outcome(
        choice(invoices, INVOICES, "--invoices"),
        choice(ended_by, ENDED_BY, "--ended-by"),
        percent(hours_over, "--hours-over"),
        choice(overall, OVERALL, "--overall"),
        note.strip() if note and note.strip() else None,
    )
