"""The command line: parse options, call the core, render, and map errors to exit codes.

Only typer is imported at module level: pydantic, yaml and rich load inside the
commands that need them, so ``--help`` costs what a bare Typer app's does. Every
error a user can cause is a ``ClientscreenError`` and is printed by ``run``, the one
place that decides exit codes.
"""

from __future__ import annotations

import contextlib
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from clientscreen import __version__
from clientscreen.i18n import _

if TYPE_CHECKING:
    from rich.console import Console

    from clientscreen.errors import ClientscreenError
    from clientscreen.terminal import Ended, TerminalUI

EXIT_CODES = _("""Exit codes: 0 ok; 1 problems found (invalid rows, failed checks); 2 usage error;
3 an input file (rulebook, answers, CSV) cannot be used; 129/130/143 hung up, interrupted, terminated;
70 internal error (please report it with the --debug output).""")

app = typer.Typer(
    name="clientscreen",
    help=_("Screen a prospective client before the first meeting: take, negotiate or decline."),
    epilog=EXIT_CODES,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)
rules_app = typer.Typer(
    help=_("Check and inspect rulebooks."), epilog=EXIT_CODES, no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(rules_app, name="rules")

RulesOption = Annotated[
    Path | None,
    typer.Option(
        "--rules",
        envvar="CLIENTSCREEN_RULES",
        help=_("Rulebook file (default: the bundled rulebook)."),
        show_default=False,
        dir_okay=False,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("-o", "--output", help=_("Write here instead of standard output (atomically)."), dir_okay=False),
]


def _language(ctx: typer.Context, value: str | None) -> str | None:
    """Settle the language before anything else is parsed, so every message after it is in that language.

    ``clientscreen --lang da report`` and ``clientscreen report --lang da`` mean the same; the command's wins.
    """
    from clientscreen import i18n
    from clientscreen.errors import UsageError

    if value is None:
        value = ctx.meta.get(_LANG_KEY)
    else:
        ctx.meta[_LANG_KEY] = value
    try:
        i18n.set_language(i18n.choose(value, os.environ))
    except i18n.UnknownLanguage as exc:
        raise UsageError(str(exc)) from None
    return value


_LANG_KEY = "clientscreen.lang"
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help=_("Language of everything shown: en, da, he or ru (default: $CLIENTSCREEN_LANG, else the locale)."),
        callback=_language,
        is_eager=True,
        show_default=False,
        metavar="LANG",
    ),
]


class ReportFormat(StrEnum):
    rich = "rich"
    json = "json"
    markdown = "markdown"


class ScoreFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    table = "table"


class TemplateFormat(StrEnum):
    csv = "csv"
    json = "json"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"clientscreen {__version__}")
        raise typer.Exit()


@app.callback(help=_("Screen a prospective client before the first meeting: take, negotiate or decline."))
def main(
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help=_("Show the version and exit."))
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help=_("Show tracebacks for errors."))] = False,
    lang: LangOption = None,
) -> None:
    pass


def make_console(*, stderr: bool = False, width: int | None = None) -> Console:
    """A console that never reads markup or highlights: everything printed is data."""
    from rich.console import Console

    return Console(stderr=stderr, width=width, markup=False, emoji=False, highlight=False)


def warn(message: object) -> None:
    sys.stderr.write(f"{message}\n")


def emit(text: str, output: Path | None) -> None:
    """Write a command's result to ``output`` atomically, or to standard output."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from clientscreen.atomic import write_atomic

    write_atomic(output, text.encode("utf-8"))


@app.command(help=_("Score one prospect's answers file and print the report."))
def report(
    answers: Annotated[Path, typer.Argument(help=_("Answers file (YAML or JSON)."), dir_okay=False, metavar="FILE")],
    rules: RulesOption = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help=_("Output format."))] = ReportFormat.rich,
    output: OutputOption = None,
    lang: LangOption = None,
) -> None:
    import json

    from clientscreen import answersfile, bidi, i18n
    from clientscreen import report as build
    from clientscreen.rulebook import load_rulebook
    from clientscreen.scoring import assess

    book = load_rulebook(rules)
    loaded = answersfile.load(answers)
    given, warnings = answersfile.read(book, loaded)
    for w in warnings:
        warn(w)
    assessment = assess(book, given)
    prospect = loaded.file.prospect
    if fmt is ReportFormat.json:
        text = json.dumps(build.to_dict(assessment, book, prospect), ensure_ascii=False, indent=2) + "\n"
    elif fmt is ReportFormat.markdown:
        text = build.to_markdown(assessment, book, prospect)
    elif output is None:
        console = make_console()
        with bidi.autodetect(console, i18n.is_rtl()):
            console.print(build.render(assessment, book, prospect))
        return
    else:
        text = _plain(build.render(assessment, book, prospect))
    emit(text, output)


@app.command(help=_("Run the intake interview in the terminal, saving every answer as it is given."))
def interview(
    rules: RulesOption = None,
    out: Annotated[
        Path | None, typer.Option("--out", help=_("Answers file to create (default: screenings/NAME-DATE.yaml)."))
    ] = None,
    resume: Annotated[
        Path | None, typer.Option("--resume", help=_("Continue an interview from its answers file."), dir_okay=False)
    ] = None,
    prospect: Annotated[
        str | None, typer.Option("--prospect", help=_("The prospect's name; asked if not given."))
    ] = None,
    lang: LangOption = None,
) -> None:
    from clientscreen import terminal
    from clientscreen.errors import UsageError

    if not terminal.is_interactive():
        raise UsageError(
            _("the interview needs a terminal; without one, score answers files with "
              "'clientscreen report FILE' or a CSV with 'clientscreen score FILE'")
        )
    if resume is not None and (out is not None or prospect is not None):
        raise UsageError(_("--resume continues a file as it is; it takes neither --out nor --prospect"))
    from clientscreen import bidi, i18n, screening
    from clientscreen.answersfile import Prospect
    from clientscreen.interview import run_interview
    from clientscreen.report import render
    from clientscreen.rulebook import load_rulebook
    from clientscreen.scoring import assess

    book = load_rulebook(rules)
    ui = terminal.TerminalUI(make_console())
    terminal.install_signal_handlers()
    session = None
    stack = contextlib.ExitStack()
    try:
        stack.enter_context(bidi.autodetect(ui.console, i18n.is_rtl()))
        if resume is not None:
            session, stale, changed = screening.resume(resume, book)
            _say_stale(ui, session.path, stale, changed)
        else:
            if prospect:  # named on the command line: straight to the questions
                who = Prospect(name=prospect)
            else:
                who = Prospect(
                    name=ui.ask_text(_("Prospect name:"), required=True),
                    company=ui.ask_text(_("Company (optional):"), required=False) or None,
                    contact=ui.ask_text(_("Contact (optional):"), required=False) or None,
                )
            session = screening.start(book, who, out)
        ui.say(_("Answers are saved to {path} as you go.", path=bidi.embedded(str(session.path))), "dim")
        state = session.interview()
        run_interview(state, ui.ask, tell=ui.tell, review=ui.review, saved=lambda i: session.save(i.answers))
        session.save(state.answers, complete=True)
        ui.console.print(render(assess(book, state.given()), book, session.file.prospect))
        ui.say(_("Answers saved to {path}", path=bidi.embedded(str(session.path))))
    except terminal.Ended as ended:
        raise _ended(ended, session.path if session else None) from None
    except KeyboardInterrupt:  # Ctrl-C while a prompt was still being drawn, not inside input()
        raise _ended(terminal.Ended("interrupted"), session.path if session else None) from None
    except EOFError:
        raise _ended(terminal.Ended("eof"), session.path if session else None) from None
    finally:
        stack.close()
        if session is not None:
            session.close()


def _say_stale(ui: TerminalUI, path: Path, stale: dict[str, str], changed: bool) -> None:

    if changed:
        ui.say(_("The rulebook has changed since {path} was started.", path=path), "yellow")
    for qid, reason in stale.items():
        ui.say("  " + _("{question}: {reason}; kept in the file, asked again where it still applies",
                        question=qid, reason=reason), "yellow")


def _ended(ended: Ended, path: Path | None) -> ClientscreenError:
    from clientscreen.errors import Interrupted

    if path is None:
        return Interrupted(_("clientscreen: {what}; nothing was saved yet", what=ended.how), ended.exit_code)
    return Interrupted(
        _("clientscreen: {what}. The answers so far are in {path}; "
          "continue with: clientscreen interview --resume {path}", what=ended.how, path=path),
        ended.exit_code,
    )


def _plain(renderable: object, width: int = 100) -> str:
    """Render to text without colour, for a report written to a file."""
    import io

    from rich.console import Console

    buffer = io.StringIO()
    Console(file=buffer, width=width, no_color=True, color_system=None, markup=False, highlight=False).print(renderable)
    return buffer.getvalue()


@app.command(help=_("Print the CSV header a sales team fills in, or the questions as JSON for integrators."))
def template(
    rules: RulesOption = None,
    fmt: Annotated[
        TemplateFormat, typer.Option("--format", "-f", help=_("csv: a header to fill in; json: the questions."))
    ] = TemplateFormat.csv,
    output: OutputOption = None,
    lang: LangOption = None,
) -> None:
    from clientscreen.rulebook import load_rulebook
    from clientscreen.template import csv_header, questions_json

    book = load_rulebook(rules)
    emit(csv_header(book) if fmt is TemplateFormat.csv else questions_json(book), output)


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
    from clientscreen import batchout, csvinput
    from clientscreen.batchrun import Scorer, Settings
    from clientscreen.errors import UsageError
    from clientscreen.i18n import _n, number
    from clientscreen.rulebook import Verdict, load_rulebook

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


class LintFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


class DiffFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


RulebookPaths = Annotated[
    list[Path] | None,
    typer.Argument(
        help=_("Rulebook files or folders; a file in a cases/ folder stands for the rulebooks beside it "
        "(default: $CLIENTSCREEN_RULES or the bundled one)."),
        metavar="PATH...",
        show_default=False,
    ),
]


@rules_app.command(
    "check",
    help=_("Lint rulebooks: schema, references, skip logic, score arithmetic, texts. Errors exit 1."),
)
def rules_check(
    paths: RulebookPaths = None,
    fmt: Annotated[
        LintFormat | None,
        typer.Option("--format", "-f", help=_("text, json or github (default: github when GITHUB_ACTIONS=true)."),
                     show_default=False),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help=_("Warnings fail the check too."))] = False,
    old: Annotated[
        str | None,
        typer.Option("--old", metavar="PATH|REV", help=_("The rulebook before the edit (a file, REV:PATH or a git "
                     "revision such as HEAD), to make sure its version was bumped.")),
    ] = None,
    lang: LangOption = None,
) -> None:
    import os

    from clientscreen import lint
    from clientscreen.rulebook import resolve_path

    report = lint.check_paths(paths or [resolve_path(None)], old=old)
    chosen = fmt or (LintFormat.github if os.environ.get("GITHUB_ACTIONS") == "true" else LintFormat.text)
    sys.stdout.write(lint.FORMATS[chosen.value](report))
    if chosen is not LintFormat.json:
        for line in lint.status_lines(report):
            warn(line)
    if report.failed(strict):
        raise typer.Exit(1)


@rules_app.command(
    "test",
    help=_("Run the golden cases beside each rulebook (inline cases: or a cases/ folder) and report coverage."),
)
def rules_test(
    paths: RulebookPaths = None,
    min_coverage: Annotated[
        float | None,
        typer.Option("--min-coverage", min=0, max=100, metavar="PCT", help=_("Fail when the cases cover less.")),
    ] = None,
    junit: Annotated[
        Path | None, typer.Option("--junit", dir_okay=False, metavar="FILE", help=_("Also write JUnit XML here."))
    ] = None,
    lang: LangOption = None,
) -> None:
    from clientscreen import cases
    from clientscreen.atomic import write_atomic
    from clientscreen.rulebook import resolve_path

    run = cases.run_paths(paths or [resolve_path(None)])
    sys.stdout.write(run.to_text(min_coverage))
    if junit is not None:
        write_atomic(junit, cases.junit_xml(run.suites))
    if run.exit_code(min_coverage):
        raise typer.Exit(run.exit_code(min_coverage))


@rules_app.command(
    "diff",
    help=_("Re-score prospects under two rulebooks: which verdicts change, by how much, and because of which answers."),
)
def rules_diff(
    old: Annotated[str, typer.Argument(metavar="OLD", help=_("Rulebook before the edit: a file or REV:PATH."))],
    new: Annotated[str, typer.Argument(metavar="NEW", help=_("Rulebook after the edit: a file or REV:PATH."))],
    prospects: Annotated[
        Path, typer.Option("--prospects", metavar="CSV|FOLDER", help=_("A CSV export or a folder of answers files."))
    ],
    fmt: Annotated[DiffFormat, typer.Option("--format", "-f", help=_("text, markdown (for a pull request) or json."))]
    = DiffFormat.text,
    fail_on_change: Annotated[bool, typer.Option("--fail-on-change", help=_("Exit 1 if any verdict changes."))]
    = False,
    output: OutputOption = None,
    lang: LangOption = None,
) -> None:
    from clientscreen import diff

    old_book, new_book = diff.load_rulebook(old), diff.load_rulebook(new)
    found, problems = diff.read_prospects(prospects)
    for problem in problems:
        warn(problem)
    impact = diff.compare(old, old_book, new, new_book, found, problems)
    render = {DiffFormat.text: diff.to_text, DiffFormat.markdown: diff.to_markdown, DiffFormat.json: diff.to_json}
    emit(render[fmt](impact), output)
    if fail_on_change and impact.changed:
        raise typer.Exit(1)


@rules_app.command(
    "schema",
    help=_("Print the rulebook's JSON Schema, for editors (yaml-language-server) and other tools."),
)
def rules_schema(output: OutputOption = None, lang: LangOption = None) -> None:
    import json

    from clientscreen.cases import json_schema

    emit(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", output)


@rules_app.command(
    "show",
    help=_("Show a rulebook for review: categories, questions, answers, points, knock-outs, thresholds."),
)
def rules_show(
    path: Annotated[
        Path | None, typer.Argument(help=_("Rulebook file (default: the bundled one)."), dir_okay=False, metavar="PATH")
    ] = None,
    lang: LangOption = None,
) -> None:
    from clientscreen import bidi, i18n
    from clientscreen.arithmetic import Arithmetic
    from clientscreen.rulebook import load_rulebook
    from clientscreen.rulebookview import view

    book = load_rulebook(path)
    console = make_console()
    with bidi.autodetect(console, i18n.is_rtl()):
        console.print(view(book, Arithmetic(book).score_range()))


def _fail(exc: ClientscreenError, debug: bool) -> NoReturn:
    if debug:
        raise exc
    try:
        sys.stderr.write(f"{exc}\n" if exc.names_its_file else f"clientscreen: {exc}\n")
        sys.stderr.flush()
    except OSError:  # the terminal is gone (SIGHUP): the exit code still says what happened
        pass
    sys.exit(int(exc.exit_code))


def run() -> None:
    """The one error boundary: every command's expected errors become a message and an exit code."""
    from clientscreen import i18n
    from clientscreen.errors import ClientscreenError, ExitCode

    debug = "--debug" in sys.argv[1:]
    try:
        app(prog_name="clientscreen")
    except ClientscreenError as exc:
        _fail(exc, debug)
    except KeyboardInterrupt:
        sys.exit(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(ExitCode.PROBLEMS)
    except Exception as exc:
        if debug:
            raise
        sys.stderr.write(i18n._("clientscreen: internal error: {kind}: {error} (run with --debug for details)",
                                kind=type(exc).__name__, error=exc) + "\n")
        sys.exit(70)
