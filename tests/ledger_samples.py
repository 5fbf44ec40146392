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


HOSTILE = "<script>alert({i})</script> [link=x] {i}"  # a client name that is markup in HTML and in Rich


def review_ledger(path: str, clients: int = 600, seed: int = 3) -> None:
    """A simulated history for the calibration review: hostile client names, some mixed outcomes and overrides."""
    from dataclasses import replace

    from clientscreen.ledger import simulate, store
    from clientscreen.ledger.outcomes import Outcome
    from clientscreen.rulebook.model import load_rulebook

    model = simulate.TrueModel(signal={"goals": 1.5, "prepayment": 1.5, "decision_maker": 1.5})
    history = []
    for i, (rec, outcome) in enumerate(simulate.history(load_rulebook(None), model, clients, seed)):
        if outcome is not None and not outcome.bad and i % 7 == 0:
            outcome = Outcome(overall="mixed")
        history.append((replace(rec, client_name=HOSTILE.format(i=i)), outcome))
    with store.connect(path) as ledger:
        ledger.record_many(rec for rec, _o in history)
        ledger.set_outcomes((rec.client_slug, o) for rec, o in history if o is not None)
        for rec, _o in history[:30]:
            ledger.decide(rec.client_slug, "decline" if rec.verdict == "take" else "take", "known to us")
