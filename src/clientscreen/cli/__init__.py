"""The command line: one module per command group over the one error boundary in ``app``.

Importing the package registers every command on ``app.app``; the imports' order is the order ``--help``
lists the commands in, so it is kept by hand.
"""

# ruff: noqa: I001
from __future__ import annotations

from clientscreen.cli.app import app, run
from clientscreen.cli import screening
from clientscreen.cli import compare
from clientscreen.cli import review
from clientscreen.cli import score
from clientscreen.cli import team
from clientscreen.cli import rules
from clientscreen.cli import ledger
from clientscreen.cli import clients
from clientscreen.cli import outcomes
from clientscreen.cli import calibrate

__all__ = ["app", "calibrate", "clients", "compare", "ledger", "outcomes", "review", "rules", "run", "score",
           "screening", "team"]
