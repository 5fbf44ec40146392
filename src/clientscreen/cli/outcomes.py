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
    from collections.abc import Callable

    from clientscreen.interview.answersfile import AnswersFile
    from clientscreen.interview.terminal import TerminalUI
    from clientscreen.ledger.outcomes import Decision
    from clientscreen.ledger.store import Ledger
    from clientscreen.rulebook.model import Rulebook
    from clientscreen.scoring import Assessment


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
    made = record_decision(ledger, client, decision.value, reason)
    warn(decided_words(made))


def record_decision(ledger: Path | None, client: str, decision: str, reason: str | None) -> Decision:
    """Record what the agency decided beside the client's latest verdict: ``decide`` and the interview's last step.

    A decision against the verdict needs a reason (a usage error without one, exit 2); deciding again replaces.
    """
    from clientscreen.errors import UsageError
    from clientscreen.rulebook.diff import verdict_name
    from clientscreen.textsafe import one_line

    why = one_line(reason).strip() if reason else None
    with open_ledger(ledger) as opened:
        ident, _screening, verdict = opened.latest(client)
        if decision != verdict and not why:
            raise UsageError(_("{client}: the verdict was {verdict}; to {decision} instead, give a --reason",
                               client=ident, verdict=verdict_name(verdict), decision=verdict_name(decision)))
        return opened.decide(client, decision, why)


def decided_words(made: Decision, name: Callable[[str], str] | None = None) -> str:
    """What was recorded, in a line: the decision, and against which verdict and why where it overrides it.

    ``name``: how the verdicts are called (a rulebook's own names); the engine's words by default.
    """
    from clientscreen.rulebook.diff import verdict_name

    called = name or verdict_name
    if made.overrides:
        return _("{client}: {decision} against the verdict {verdict}, because: {reason}", client=made.client,
                 decision=called(made.decision), verdict=called(made.verdict), reason=made.reason)
    return _("{client}: {decision}, as the verdict said", client=made.client, decision=called(made.decision))


def ask_decision(ui: TerminalUI, book: Rulebook, file: AnswersFile, assessment: Assessment,
                 ledger: Path | None) -> None:
    """The interview's last step: what the lead decided, recorded as ``decide`` records it.

    Enter (the default), Ctrl-C or Ctrl-D leaves the decision for later: the screening is saved and recorded
    already, so nothing is lost, and the line to decide later is shown. Against the verdict a reason is asked.
    """
    import contextlib
    import shlex

    from clientscreen.cli.ledger import ledger_path
    from clientscreen.interview import terminal
    from clientscreen.report.bidi import embedded
    from clientscreen.rulebook.model import Verdict
    from clientscreen.textsafe import one_line

    def name(value: str) -> str:
        return book.verdict_name(Verdict(value)) if value in Verdict.__members__.values() else value

    choices = {str(i): v.value for i, v in enumerate(Verdict, start=1)}
    for v in Verdict:
        choices |= {v.value: v.value, v.shown.casefold(): v.value, name(v.value).casefold(): v.value}
    verdict = assessment.verdict.value
    client = one_line(file.prospect.name)
    try:
        ui.console.print()
        ui.say(_("What did you decide?"), "bold")
        keys = [f"{i} {name(v.value)}" for i, v in enumerate(Verdict, start=1)] + [_("Enter: decide later")]
        ui.say("   " + " · ".join(keys), "dim")
        while True:
            typed = one_line(terminal.read_line()).strip()
            if not typed or typed.casefold() in choices:
                break
            ui.say(_("{answer!r} is not a decision; type 1, 2 or 3, or press Enter to decide later", answer=typed),
                   "yellow")
        decision = choices.get(typed.casefold()) if typed else None
        reason = None
        if decision is not None and decision != verdict:
            reason = ui.ask_text(_("The verdict was {verdict}; why {decision} instead? (Enter: decide later)",
                                   verdict=name(verdict), decision=name(decision)), required=False).strip() or None
            if reason is None:
                decision = None
    except terminal.Ended as ended:
        if ended.kind not in ("interrupted", "eof"):
            raise
        decision = None
    if decision is None:
        later = f"clientscreen decide {shlex.quote(client)} take|negotiate|decline --reason \"…\""
        ui.say(_("No decision recorded. Once it is made: {command}", command=embedded(later)), "dim")
        return
    made = record_decision(ledger, client, decision, reason)
    ui.say(decided_words(made, name))
    path = ledger_path(ledger)
    with contextlib.suppress(ValueError):  # as the user would type it, where it is inside the working folder
        path = path.resolve().relative_to(Path.cwd().resolve())
    ui.say(_("Recorded in {path}.", path=embedded(str(path))), "dim")


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
