"""``score``: a whole CSV export of prospects, row by row."""

from __future__ import annotations

import contextlib
import sys
from enum import StrEnum
from typing import Annotated

import typer

from clientscreen.cli.app import LangOption, RulesOption, app, make_console, warn
from clientscreen.i18n import _


class ScoreFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    table = "table"


@app.command(help=_("Score every row of a CSV export (one column per question: see 'clientscreen template')."))
def score(
    source: Annotated[str, typer.Argument(help=_("CSV export to score, or - for standard input."), metavar="INPUT|-")],
    rules: RulesOption = None,
    output: Annotated[
        str | None, typer.Option("-o", "--output", help=_("Write here (atomically), or - for standard output."))
    ] = None,
    fmt: Annotated[ScoreFormat, typer.Option("--format", "-f", help=_("csv, jsonl (full assessments) or table."))]
    = ScoreFormat.csv,
    id_column: Annotated[str | None, typer.Option("--id-column", help=_("Column that identifies a row (default: id)."))]
    = None,
    encoding: Annotated[str | None, typer.Option("--encoding", help=_("e.g. cp1252; default UTF-8 (BOM-aware)."))]
    = None,
    delimiter: Annotated[
        str | None, typer.Option("--delimiter", help=_("Field separator (, ; | or tab); default: detected."))
    ] = None,
    decimal: Annotated[str | None, typer.Option("--decimal", help=_("Decimal mark in numbers: , or ."))] = None,
    strict: Annotated[bool, typer.Option("--strict", help=_("Stop at the first bad row."))] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, max=64, help=_("Processes to score with."))] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=_("No progress bar and no summary."))] = False,
    lang: LangOption = None,
) -> None:
    from clientscreen.batch import read as csvinput
    from clientscreen.batch import write as batchout
    from clientscreen.batch.run import Scorer, Settings
    from clientscreen.errors import UsageError
    from clientscreen.i18n import _n, number
    from clientscreen.rulebook.model import Verdict, load_rulebook

    if decimal not in (None, ",", "."):
        raise UsageError(_("--decimal takes , or . (got {given!r})", given=decimal))
    book = load_rulebook(rules)
    to_file = output not in (None, "-")  # written atomically: a bad byte found late leaves no file to take back
    table = csvinput.open_csv(source, encoding=encoding, delimiter=delimiter, check_text=not to_file)
    with contextlib.ExitStack() as stack:
        stack.callback(table.close)
        scorer = Scorer(book, table.header, table.name, Settings(fmt.value, id_column, decimal, strict))
        for warning in batchout.header_warnings(scorer, table):
            warn(warning)
        progress = None
        to_terminal = not to_file and sys.stdout.isatty()
        if not quiet and table.size and sys.stderr.isatty() and not to_terminal:  # a bar only for a watcher
            from rich.progress import Progress

            bar = stack.enter_context(Progress(console=make_console(stderr=True), transient=True))
            task = bar.add_task(_("Scoring"), total=table.size)
            progress = lambda done: bar.update(task, completed=done)  # noqa: E731
        summary = batchout.write_scores(table, scorer, output, jobs=jobs, progress=progress, terminal=to_terminal)
    for problem in summary.shown:
        warn(problem)
    more = summary.errors - len(summary.shown)
    if more > 0:
        warn(f"{table.name}: " + _n("… and {n} more row with errors (see the error column)",
                                    "… and {n} more rows with errors (see the error column)", more))
    if not quiet:
        counts = ", ".join(_("{count} {verdict}", count=number(n), verdict=Verdict(v).shown)
                           for v, n in summary.verdicts.items())
        speed = summary.rows / summary.seconds if summary.seconds else 0.0
        warn(_("{rows}: {verdicts}, {errors}; {speed} rows/s", rows=_n("{n} row", "{n} rows", summary.rows),
               verdicts=counts, errors=_n("{n} error", "{n} errors", summary.errors), speed=number(speed)))
    if summary.errors:
        raise typer.Exit(1)
