"""The screening of one prospect: ``report`` on an answers file, ``interview`` in the terminal, ``template``."""

from __future__ import annotations

import contextlib
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from clientscreen.cli.app import (
    LangOption,
    OutputOption,
    RulesOption,
    app,
    choice_option,
    complete_path,
    emit,
    examples,
    make_console,
    pick,
    plain,
    rulebook,
    settings,
    warn,
)
from clientscreen.i18n import _, _n

if TYPE_CHECKING:
    from clientscreen.errors import ClientscreenError
    from clientscreen.interview.drafts import Screening
    from clientscreen.interview.engine import Interview
    from clientscreen.interview.terminal import Ended, TerminalUI


class ReportFormat(StrEnum):
    rich = "rich"
    json = "json"
    markdown = "markdown"
    html = "html"


class TemplateFormat(StrEnum):
    csv = "csv"
    json = "json"


@app.command(
    help=_("Score one prospect's answers file and print the brief (--full for the whole report)."),
    epilog=examples("clientscreen report screenings/kontor-gruppen-20261121-1400.yaml",
                    "clientscreen report prospect.yaml --terms",
                    "clientscreen report prospect.yaml -f html -o prospect.html",
                    "cat prospect.json | clientscreen report - -f json"),
)
def report(
    answers: Annotated[
        Path, typer.Argument(help=_("Answers file (YAML or JSON), or - for standard input."), dir_okay=False,
                             metavar="FILE|-", autocompletion=complete_path)
    ],
    rules: RulesOption = None,
    fmt: Annotated[str, choice_option(ReportFormat, _("Output format: rich, json, markdown or html."))] = "rich",
    full: Annotated[bool, typer.Option("--full", help=_("The whole report: every flag, source and chart."))] = False,
    terms: Annotated[
        bool, typer.Option("--terms", help=_("Only the terms to put on the table, numbered, to paste into a proposal."))
    ] = False,
    no_pager: Annotated[bool, typer.Option("--no-pager", help=_("Never page long output."))] = False,
    output: OutputOption = None,
    lang: LangOption = None,
) -> None:
    import json

    from clientscreen import i18n
    from clientscreen.cli import pager
    from clientscreen.errors import UsageError
    from clientscreen.interview import answersfile
    from clientscreen.report import bidi, brief, content, html, markdown
    from clientscreen.report import full as full_report
    from clientscreen.report.terms import term_sheet
    from clientscreen.rulebook.model import load_rulebook
    from clientscreen.scoring import assess

    chosen = ReportFormat(pick([f.value for f in ReportFormat], fmt, "--format"))
    if terms and (full or chosen is not ReportFormat.rich):
        raise UsageError(_("--terms prints the term sheet as text; it takes neither --full nor --format"))
    book = load_rulebook(rulebook(rules))
    loaded = answersfile.load(answers)
    given, warnings = answersfile.read(book, loaded)
    for w in warnings:
        warn(w)
    draft = loaded.file.status == "draft"
    r = content.to_dict(assess(book, given), book, loaded.file.prospect, draft=draft)
    if terms:
        emit(term_sheet(r), output)
        return
    if chosen is ReportFormat.json:
        emit(json.dumps(r, ensure_ascii=False, indent=2) + "\n", output)
        return
    if chosen is ReportFormat.markdown:
        emit(markdown.from_dict(r), output)
        return
    if chosen is ReportFormat.html:
        emit(html.page(r), output)
        return
    more = None if full else _("Everything else: clientscreen report {file} --full", file=bidi.embedded(str(answers)))
    view = full_report.from_dict(r) if full else brief.from_dict(r, more=more)
    if output is not None:
        emit(plain(view, width=100 if full else 80), output)
        return
    console = make_console()
    with bidi.autodetect(console, i18n.is_rtl()):
        pager.show(console, view, use_pager=not no_pager)


@app.command(
    help=_("Run the intake interview in the terminal, saving every answer as it is given."),
    epilog=examples("clientscreen interview", "clientscreen interview --prospect 'Kontor Gruppen' --lang da",
                    "clientscreen interview --resume screenings/kontor-gruppen-20261121-1400.yaml"),
)
def interview(
    rules: RulesOption = None,
    out: Annotated[
        Path | None, typer.Option("--out", autocompletion=complete_path,
                                  help=_("Answers file to create (default: screenings/NAME-DATE.yaml)."))
    ] = None,
    resume: Annotated[
        Path | None, typer.Option("--resume", autocompletion=complete_path,
                                  help=_("Continue an interview from its answers file."), dir_okay=False)
    ] = None,
    prospect: Annotated[
        str | None, typer.Option("--prospect", help=_("The prospect's name; asked if not given."))
    ] = None,
    interviewer: Annotated[
        str | None,
        typer.Option("--interviewer", help=_("Who holds the interview (default: asked, offering "
                                             "$CLIENTSCREEN_INTERVIEWER or git's user.name)."), metavar="NAME"),
    ] = None,
    quick: Annotated[
        bool, typer.Option("--quick", help=_("Ask the questions that move the verdict most, until it is settled."))
    ] = False,
    lang: LangOption = None,
) -> None:
    from clientscreen.errors import UsageError
    from clientscreen.interview import terminal

    if not terminal.is_interactive():
        raise UsageError(
            _("the interview needs a terminal; without one, score answers files with "
              "'clientscreen report FILE' or a CSV with 'clientscreen score FILE'")
        )
    if resume is not None and (out is not None or prospect is not None or interviewer is not None):
        raise UsageError(_("--resume continues a file as it is; it takes none of --out, --prospect, --interviewer"))
    from clientscreen import i18n
    from clientscreen.interview import drafts as screening
    from clientscreen.interview.answersfile import Prospect
    from clientscreen.interview.engine import run_interview
    from clientscreen.report import bidi
    from clientscreen.report.brief import render
    from clientscreen.rulebook.model import load_rulebook
    from clientscreen.scoring import assess
    from clientscreen.textsafe import one_line

    if resume is not None:  # the draft's own rulebook and language, unless the command line names others
        rules, draft_lang = _draft_settings(resume, rules)
        if lang is None and draft_lang is not None:
            i18n.set_language(draft_lang)
    rules = rulebook(rules)  # else the settings file's
    book = load_rulebook(rules)
    ui = terminal.TerminalUI(make_console())
    terminal.install_signal_handlers()
    terminal.line_editing()
    session = None
    stack = contextlib.ExitStack()
    try:
        stack.enter_context(bidi.autodetect(ui.console, i18n.is_rtl()))
        if resume is not None:
            session, stale, changed = screening.resume(resume, book, lang=i18n.current(), rules_path=rules)
            _say_stale(ui, session.path, stale, changed)
        else:
            default = settings().get("interviewer") or screening.default_interviewer()
            if prospect:  # named on the command line: straight to the questions
                who = Prospect(name=one_line(prospect) or "?")  # control sequences never reach the file
                interviewer = interviewer or default
            else:
                who = Prospect(
                    name=ui.ask_text(_("Prospect name:"), required=True),
                    company=ui.ask_text(_("Company (optional):"), required=False) or None,
                    contact=ui.ask_text(_("Contact (optional):"), required=False) or None,
                )
                if interviewer is None:
                    interviewer = ui.ask_text(_("Your name (the interviewer):"), required=False, default=default)
            session = screening.start(book, who, out, interviewer=interviewer or None, lang=i18n.current(),
                                      rules_path=rules, folder=settings().path("screenings"))
        ui.say(_("Answers are saved to {path} as you go.", path=bidi.embedded(str(session.path))), "dim")
        state = session.interview(quick=quick)
        if resume is not None:
            _say_where(ui, state)
        run_interview(state, ui.ask, tell=ui.tell, review=ui.review, saved=lambda i: session.save(i.answers))
        session.save(state.answers, complete=True)
        more = _("Everything else: clientscreen report {file} --full", file=bidi.embedded(str(session.path)))
        ui.console.print(render(assess(book, state.given()), book, session.file.prospect, more=more))
        ui.say(_("Answers saved to {path}", path=bidi.embedded(str(session.path))))
    except terminal.Ended as ended:
        raise _ended(ended, session) from None
    except KeyboardInterrupt:  # Ctrl-C while a prompt was still being drawn, not inside input()
        raise _ended(terminal.Ended("interrupted"), session) from None
    except EOFError:
        raise _ended(terminal.Ended("eof"), session) from None
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


def _draft_settings(path: Path, rules: Path | None) -> tuple[Path | None, str | None]:
    """The rulebook file and the language a draft was started with; a rulebook named now wins."""
    from clientscreen.interview import answersfile

    file = answersfile.load(path).file
    if rules is None and file.rulebook is not None and file.rulebook.path:
        rules = Path(file.rulebook.path)
    return rules, file.lang


def _say_where(ui: TerminalUI, state: Interview) -> None:
    """Where a resumed interview picks up, so the lead knows what the other side was last asked."""
    question = state.question
    answered = sum(1 for q in state.applicable() if state.is_answered(q.id))
    if question is None:
        ui.say(_n("All {n} questions are answered; here is the review.",
                  "All {n} questions are answered; here is the review.", answered), "dim")
        return
    number, total = state.position()
    ui.say(_n("{n} answer already given; continuing at question {number} of {total}.",
              "{n} answers already given; continuing at question {number} of {total}.",
              answered, number=number, total=total), "bold")


def _ended(ended: Ended, session: Screening | None) -> ClientscreenError:
    from clientscreen.errors import Interrupted

    if session is None:
        return Interrupted(_("clientscreen: {what}; nothing was saved yet", what=ended.how), ended.exit_code)
    return Interrupted(
        _("clientscreen: {what}. The answers so far are in {path}; continue with: {command}",
          what=ended.how, path=session.path, command=session.resume_command()),
        ended.exit_code,
    )




@app.command(
    help=_("Print the CSV header a sales team fills in, or the questions as JSON for integrators."),
    epilog=examples("clientscreen template > leads.csv", "clientscreen template -f json -o questions.json"),
)
def template(
    rules: RulesOption = None,
    fmt: Annotated[str, choice_option(TemplateFormat, _("csv: a header to fill in; json: the questions."))] = "csv",
    output: OutputOption = None,
    lang: LangOption = None,
) -> None:
    from clientscreen.rulebook.model import load_rulebook
    from clientscreen.rulebook.template import csv_header, questions_json

    chosen = pick([f.value for f in TemplateFormat], fmt, "--format")
    book = load_rulebook(rulebook(rules))
    emit(csv_header(book) if chosen == TemplateFormat.csv else questions_json(book), output)
