"""The portfolio: every client's latest verdict, its trend, when the next review is due, and the 80/20 view.

The Russian article's 80/20 rule says a fifth of the clients bring most of the profit; the hours tell the
other half of the story, so with hours and revenue recorded per client the portfolio shows which few
clients take most of the hours and how much of the revenue they bring, with the flags of their latest
screening.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from clientscreen.ledger.outcomes import Decision
from clientscreen.ledger.records import ScreeningRecord
from clientscreen.ledger.store import Ledger, Work
from clientscreen.ledger.trend import Heading, trend

HOURS_SHARE = 0.8  # the "80" of 80/20


@dataclass(frozen=True)
class ClientRow:
    id: str
    name: str
    latest: ScreeningRecord
    trend: Heading | None
    screenings: int
    next_due: date
    due: bool
    work: Work | None
    decision: Decision | None = None


@dataclass(frozen=True)
class Split:
    """The few clients that together take ``HOURS_SHARE`` of the hours, and what they bring."""

    heavy: tuple[ClientRow, ...]
    clients: int  # clients with hours recorded
    hours_share: float
    revenue_share: float


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return date.min


def rows(ledger: Ledger, today: date, interval: int) -> list[ClientRow]:
    """Every client, the most overdue first, then by name."""
    history: dict[str, list[ScreeningRecord]] = {}
    for rec in ledger.screenings():
        history.setdefault(rec.client_slug, []).append(rec)
    work = ledger.work()
    decisions = ledger.decisions()
    out = []
    for client in ledger.clients():
        recs = history.get(client.id)
        if not recs:
            continue
        latest = recs[-1]
        same_book = [r for r in recs if r.rulebook_id == latest.rulebook_id]
        due = _day(latest.screened_at) + timedelta(days=interval)
        out.append(ClientRow(client.id, client.name, latest, trend(same_book), len(recs), due, due <= today,
                             work.get(client.id), decisions.get(client.id)))
    return sorted(out, key=lambda r: (r.next_due, r.id))


def eighty_twenty(clients: list[ClientRow]) -> Split | None:
    """Clients by hours, most first, until they hold 80% of all hours; None without hours recorded."""
    worked = sorted(((c, c.work) for c in clients if c.work is not None and c.work.hours > 0),
                    key=lambda cw: (-cw[1].hours, cw[0].id))
    hours = sum(w.hours for _c, w in worked)
    revenue = sum(w.revenue for _c, w in worked)
    if not worked:
        return None
    heavy: list[ClientRow] = []
    taken = brought = 0.0
    for c, w in worked:
        heavy.append(c)
        taken += w.hours
        brought += w.revenue
        if taken >= HOURS_SHARE * hours:
            break
    return Split(tuple(heavy), len(worked), taken / hours, brought / revenue if revenue > 0 else 0.0)
