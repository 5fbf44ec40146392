"""``decide`` and ``outcome``: what the agency decided beside the verdict, and how the client turned out."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from clientscreen.cli.app import LangOption, app, warn
from clientscreen.cli.ledger import LedgerOption, open_ledger
from clientscreen.i18n import _

if TYPE_CHECKING:
    from clientscreen.ledger.store import Ledger


class DecisionChoice(StrEnum):
    take = "take"
    negotiate = "negotiate"
    decline = "decline"


@app.command("decide", help=_("Record what the agency decided about a client; against the verdict, say why."))
def decide(
    client: Annotated[str, typer.Argument(help=_("The client, as in the ledger."), metavar="CLIENT")],
    decision: Annotated[DecisionChoice, typer.Argument(help=_("take, negotiate or decline."), metavar="DECISION")],
    reason: Annotated[
        str | None, typer.Option("--reason", help=_("Why; required when the decision goes against the verdict."))
    ] = None,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    from clientscreen.errors import UsageError
    from clientscreen.rulebook.diff import verdict_name
    from clientscreen.textsafe import one_line

    why = one_line(reason).strip() if reason else None
    with open_ledger(ledger) as opened:
        ident, _screening, verdict = opened.latest(client)
        if decision.value != verdict and not why:
            raise UsageError(_("{client}: the verdict was {verdict}; to {decision} instead, give a --reason",
                               client=ident, verdict=verdict_name(verdict), decision=verdict_name(decision.value)))
        made = opened.decide(client, decision.value, why)
    if made.overrides:
        warn(_("{client}: {decision} against the verdict {verdict}, because: {reason}", client=ident,
               decision=verdict_name(made.decision), verdict=verdict_name(made.verdict), reason=why))
    else:
        warn(_("{client}: {decision}, as the verdict said", client=ident, decision=verdict_name(made.decision)))


@app.command("outcome", help=_("Record how a client turned out; 'outcome import FILE.csv' takes many from a CSV."))
def outcome(
    client: Annotated[str, typer.Argument(help=_("The client, as in the ledger (or 'import')."), metavar="CLIENT")],
    file: Annotated[
        Path | None, typer.Argument(help=_("With 'import': the CSV export to read."), metavar="[FILE.csv]")
    ] = None,
    invoices: Annotated[str | None, typer.Option("--invoices", help="on_time, late, partly, unpaid")] = None,
    ended_by: Annotated[str | None, typer.Option("--ended-by", help="them, us, none")] = None,
    hours_over: Annotated[
        str | None, typer.Option("--hours-over", metavar="PCT", help=_("Hours over the estimate, in percent."))
    ] = None,
    overall: Annotated[str | None, typer.Option("--overall", help="good, mixed, bad")] = None,
    note: Annotated[str | None, typer.Option("--note", help=_("A line to remember it by."))] = None,
    encoding: Annotated[str | None, typer.Option("--encoding", help=_("The CSV's encoding (default: UTF-8)."))] = None,
    delimiter: Annotated[
        str | None, typer.Option("--delimiter", help=_("The CSV's delimiter (default: detected)."))
    ] = None,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    from clientscreen.errors import UsageError
    from clientscreen.ledger import outcomes

    if client == "import" and file is not None:
        with open_ledger(ledger) as opened:
            _import(opened, file, encoding, delimiter)
        return
    if file is not None:
        raise UsageError(_("a file is read only by 'clientscreen outcome import FILE.csv'"))
    given = outcomes.make(invoices, ended_by, hours_over, overall, note)
    if given.empty:
        raise UsageError(_("say how it went: --invoices, --ended-by, --hours-over, --overall or --note"))
    with open_ledger(ledger) as opened:
        ident = opened.set_outcome(client, given)
        kept = opened.outcomes()[ident]
    warn(_("{client}: outcome recorded ({state})", client=ident,
           state=_("went bad") if kept.bad else _("did not go bad")))


COLUMNS = {"id": "id", "client_id": "id", "name": "name", "client": "name", "invoices": "invoices",
           "ended_by": "ended_by", "hours_over": "hours_over", "overall": "overall", "note": "note"}


def _import(opened: Ledger, path: Path, encoding: str | None, delimiter: str | None) -> None:
    from clientscreen.batch.read import RowError, open_csv
    from clientscreen.errors import ClientscreenError, ExitCode, InputError, Problem
    from clientscreen.i18n import number
    from clientscreen.ledger import outcomes
    from clientscreen.textsafe import one_line

    table = open_csv(str(path), encoding=encoding, delimiter=delimiter)
    recorded = 0
    problems: list[Problem] = []
    unmatched: list[str] = []
    try:
        keys = [COLUMNS.get(h.strip().casefold().replace(" ", "_").replace("-", "_"), "") for h in table.header]
        if "id" not in keys and "name" not in keys:
            raise InputError([Problem(table.name, _("has no 'id' or 'name' column to find the client by"),
                                      table.first_line)])
        for row in table.rows():
            if isinstance(row, RowError):
                problems.append(Problem(table.name, row.message, row.line, row.column))
                continue
            line, cells = row
            values = {k: (cell, col) for col, (k, cell) in enumerate(zip(keys, cells, strict=True), start=1) if k}
            field = {k: v[0] for k, v in values.items()}
            try:
                for k, check in (("invoices", outcomes.INVOICES), ("ended_by", outcomes.ENDED_BY),
                                 ("overall", outcomes.OVERALL)):
                    if k in values:
                        outcomes.choice(values[k][0], check, table.header[values[k][1] - 1].strip())
                k = "hours_over"
                if k in values:
                    outcomes.percent(values[k][0], table.header[values[k][1] - 1].strip())
            except ClientscreenError as exc:
                problems.append(Problem(table.name, str(exc), line, values[k][1]))
                continue
            given = outcomes.make(field.get("invoices"), field.get("ended_by"), field.get("hours_over"),
                                  field.get("overall"), field.get("note"))
            ident = next((opened.client_id(field[k]) for k in ("id", "name") if field.get(k, "").strip()
                          and opened.client_id(field[k])), None)
            if ident is None:
                unmatched.append(f"{table.name}:{line}: "
                                 + one_line(field.get("id", "").strip() or field.get("name", "").strip() or "–"))
                continue
            if not given.empty:
                opened.set_outcome(ident, given)
                recorded += 1
    finally:
        table.close()
    for problem in problems:
        warn(problem)
    if unmatched:
        warn(_("No client in the ledger for:"))
        for where in unmatched:
            warn("  " + where)
    warn(_("{recorded} outcomes recorded, {unmatched} rows matched no client, {invalid} rows invalid",
           recorded=number(recorded), unmatched=number(len(unmatched)), invalid=number(len(problems))))
    if problems or unmatched:
        raise typer.Exit(ExitCode.PROBLEMS)
