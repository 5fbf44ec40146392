"""``score``: a whole CSV export of prospects, row by row."""

from __future__ import annotations

import contextlib
import sys
from enum import StrEnum
from typing import Annotated

import typer

from clientscreen.cli.app import (
    LangOption,
    RulesOption,
    app,
    choice_option,
    complete_path,
    examples,
    make_console,
    pick,
    rulebook,
    unwind_on_signals,
    warn,
)
from clientscreen.i18n import _


class ScoreFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    table = "table"


@app.command(
    help=_("Score every row of a CSV export (one column per question: see 'clientscreen template')."),
    epilog=examples("clientscreen score leads.csv -o scored.csv", "clientscreen score leads.csv --excel "
                    "--keep-columns -o til-crm.csv", "clientscreen score leads.csv --encoding cp1252 -f table"),
)
def score(
    source: Annotated[str, typer.Argument(help=_("CSV export to score, or - for standard input."), metavar="INPUT|-",
                                          autocompletion=complete_path)],
    rules: RulesOption = None,
    output: Annotated[
        str | None,
        typer.Option("-o", "--output", metavar="FILE|-", autocompletion=complete_path,
                     help=_("Write here (atomically), or - for standard output.")),
    ] = None,
    fmt: Annotated[str, choice_option(ScoreFormat, _("csv, jsonl (one record a row) or table."))] = "csv",
    id_column: Annotated[
        str | None,
        typer.Option("--id-column", metavar="COLUMN", help=_("Column that identifies a row (default: id).")),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option("--encoding", metavar="NAME", help=_("e.g. cp1252; default UTF-8 (BOM-aware).")),
    ] = None,
    texts: Annotated[bool, typer.Option(
        "--texts", help=_("jsonl: the report's whole assessment, with its texts, in each record (slower).")
    )] = False,
    delimiter: Annotated[
        str | None,
        typer.Option("--delimiter", metavar="CHAR", help=_("Field separator (, ; | or tab); default: detected.")),
    ] = None,
    decimal: Annotated[
        str | None, typer.Option("--decimal", metavar=",|.", help=_("Decimal mark in numbers: , or ."))
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help=_("Stop at the first bad row."))] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, max=64, help=_("Processes to score with."))] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=_("No progress bar and no summary."))] = False,
    excel: Annotated[bool, typer.Option("--excel", help=_("CSV for Excel: a byte order mark, and the separator and "
                                                          "decimal mark of the language (; and , in Danish)."))]
    = False,
    keep_columns: Annotated[bool, typer.Option("--keep-columns", help=_("The input's own columns first, then the "
                                                                        "result, to import back into the CRM."))]
    = False,
    lang: LangOption = None,
) -> None:
    from clientscreen import i18n
    from clientscreen.atomic import refuse_input
    from clientscreen.batch import header
    from clientscreen.batch import read as csvinput
    from clientscreen.batch import write as batchout
    from clientscreen.batch.rows import Sheet
    from clientscreen.batch.run import Scorer, Settings
    from clientscreen.errors import UsageError
    from clientscreen.i18n import _n, number
    from clientscreen.rulebook.model import Verdict, load_rulebook
    from clientscreen.textsafe import one_line

    if decimal not in (None, ",", "."):
        raise UsageError(_("--decimal takes , or . (got {given!r})", given=decimal))
    chosen = ScoreFormat(pick([f.value for f in ScoreFormat], fmt, "--format"))
    if (excel or keep_columns) and chosen is not ScoreFormat.csv:
        raise UsageError(_("--excel and --keep-columns shape CSV output; they do not go with --format {format}",
                           format=chosen.value))
    rules = rulebook(rules)  # else the settings file's
    refuse_input("-o", output, [source, rules])
    unwind_on_signals()
    book = load_rulebook(rules)
    to_file = output not in (None, "-")  # written atomically: a bad byte found late leaves no file to take back
    table = csvinput.open_csv(source, encoding=encoding, delimiter=delimiter, check_text=not to_file)
    with contextlib.ExitStack() as stack:
        stack.callback(table.close)
        sheet = None
        if excel or keep_columns:
            separator, mark = i18n.SPREADSHEET[i18n.current()] if excel else (",", ".")
            sheet = Sheet(separator, mark, table.header if keep_columns else None, bom=excel)
        settings = Settings(chosen.value, id_column, decimal, strict, sheet, texts)
        scorer = Scorer(book, table.header, table.name, settings)
        replaced = sheet.replaced if sheet is not None else []
        for warning in header.check(scorer.compiled, table.header, table.name, [*scorer.passed, *replaced]).warnings:
            warn(warning)
        if replaced:  # an export scored before: said once, so nobody wonders where the old verdicts went
            warn(f"{table.name}: " + _("the result replaces the earlier one in columns {columns}",
                                       columns=", ".join(one_line(c) for c in replaced)))
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
    if summary.unread:  # even with --quiet: these lines are in no row of the output
        warn(f"{table.name}: " + _n("{n} line after a quote that never closes was not read",
                                    "{n} lines after a quote that never closes were not read", summary.unread))
    if not quiet:
        counts = ", ".join(_("{count} {verdict}", count=number(n), verdict=Verdict(v).shown)
                           for v, n in summary.verdicts.items())
        speed = summary.rows / summary.seconds if summary.seconds else 0.0
        warn(_("{rows}: {verdicts}, {errors}; {speed} rows/s", rows=_n("{n} row", "{n} rows", summary.rows),
               verdicts=counts, errors=_n("{n} error", "{n} errors", summary.errors), speed=number(speed)))
    if summary.errors:
        raise typer.Exit(1)
