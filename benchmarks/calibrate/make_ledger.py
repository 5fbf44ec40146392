"""Make a ledger of a simulated agency history: ``python make_ledger.py LEDGER CLIENTS [--noise] [--seed N]``.

The history comes from ``clientscreen.ledger.simulate`` with three telling questions (goals, prepayment,
decision_maker); with ``--noise`` outcomes follow nothing. Written in one transaction.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from clientscreen.ledger import simulate, store
from clientscreen.rulebook.model import load_rulebook

TELLING = {"goals": 1.5, "prepayment": 1.5, "decision_maker": 1.5}


def make(path: Path, clients: int, *, noise: bool = False, seed: int = 1) -> None:
    book = load_rulebook(None)
    model = simulate.TrueModel(signal=TELLING, outcome=0.0 if noise else 1.5)
    outcomes: list[tuple[str, simulate.Outcome]] = []

    def records() -> simulate.Iterator[simulate.ScreeningRecord]:
        for rec, outcome in simulate.history(book, model, clients, seed):
            if outcome is not None:
                outcomes.append((rec.client_slug, outcome))
            yield rec

    with store.connect(path) as ledger:
        ledger.record_many(records())
        ledger.set_outcomes(outcomes)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("ledger", type=Path)
    parser.add_argument("clients", type=int)
    parser.add_argument("--noise", action="store_true")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    make(args.ledger, args.clients, noise=args.noise, seed=args.seed)
