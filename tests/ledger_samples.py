"""Screenings to record in tests; plain Python, so a child process can import it without pytest."""

from __future__ import annotations

from clientscreen.ledger.records import FlagRecord, ScreeningRecord
from clientscreen.textsafe import slug


def sample(i: int, client: str = "Nordlys ApS") -> ScreeningRecord:
    return ScreeningRecord(
        id=f"sha256:{i:064x}", client_name=client, client_slug=slug(client),
        screened_at=f"2026-11-{10 + i % 18:02d}T10:00", interviewer="Mette", rulebook_id="default",
        rulebook_version="1.3", rulebook_hash="sha256:abc",
        answers=(("goals", "rough"), ("prepayment", "no"), ("haggling", 3), ("budget", "3 000"), ("notes", None)),
        verdict="negotiate", score=12, provisional=False, coverage=0.95,
        flags=(FlagRecord("goals", "muddy_goals", "rough", 3), FlagRecord("haggling", "penny_pincher", "3", 1),
               FlagRecord("prepayment", "refuses_prepayment", "no", 7)),
    )
