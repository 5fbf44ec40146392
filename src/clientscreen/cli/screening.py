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
from clientscreen.cli.ledger import LedgerOption
from clientscreen.i18n import _, _n

if TYPE_CHECKING:
    from collections.abc import Callable

    from clientscreen.errors import ClientscreenError
    from clientscreen.interview.answersfile import AnswersFile
    from clientscreen.interview.drafts import Screening
    from clientscreen.interview.engine import Interview
    from clientscreen.interview.terminal import Ended, TerminalUI
    from clientscreen.rulebook.model import Rulebook
    from clientscreen.scoring import Assessment


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
    epilog=examples("clientscreen report prospect.yaml --terms",
                    "clientscreen report prospect.yaml -f html -o prospect.html",
                    "cat prospect.json | clientscreen report - -f json"),
)
def report(
    answers: Annotated[
        Path, typer.Argument(help=_("Answers file (YAML or JSON), or - for standard input."),
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
    ledger: LedgerOption = None,
    no_ledger: Annotated[
        bool, typer.Option("--no-ledger", help=_("Do not record this screening in the ledger."))
    ] = False,
    lang: LangOption = None,
) -> None:
    import json

    from clientscreen import i18n
    from clientscreen.atomic import refuse_input
    from clientscreen.cli.ledger import record
    from clientscreen.errors import UsageError
    from clientscreen.interview import answersfile
    from clientscreen.report import content
    from clientscreen.rulebook import ourside
    from clientscreen.rulebook.model import load_rulebook
    from clientscreen.scoring import assess

    chosen = ReportFormat(pick([f.value for f in ReportFormat], fmt, "--format"))
    if terms and (full or chosen is not ReportFormat.rich):
        raise UsageError(_("--terms prints the term sheet as text; it takes neither --full nor --format"))
    rules = rulebook(rules)  # else the settings file's
    refuse_input("-o", output, [answers, rules])
    book = load_rulebook(rules)
    loaded = answersfile.load(answers)
    given, warnings = answersfile.read(book, loaded)
    for w in warnings:
        warn(w)
    draft = loaded.file.status == "draft"
    assessment = assess(book, given)
    side = ourside.status(book, assessment.verdict, loaded.file.our_side)
    decided = None if draft or no_ledger else _decision(ledger, loaded.file, book)
    r = content.to_dict(assessment, book, loaded.file.prospect, side, draft=draft, decision=decided)
    text: str | None = None
    if terms:
        from clientscreen.report.terms import term_sheet  # each format's module only when asked for

        text = term_sheet(r)
    elif chosen is ReportFormat.json:
        text = json.dumps(r, ensure_ascii=False, indent=2) + "\n"
    elif chosen is ReportFormat.markdown:
        from clientscreen.report import markdown

        text = markdown.from_dict(r)
    elif chosen is ReportFormat.html:
        from clientscreen.report import html

        text = html.page(r)
    else:
        from clientscreen.report import bidi

        if full:
            from clientscreen.report import full as full_report

            view = full_report.from_dict(r)
        else:
            from clientscreen.report import brief

            view = brief.from_dict(r, more=_("Everything else: clientscreen report {file} --full",
                                              file=bidi.embedded(str(answers))))
        if output is not None:
            text = plain(view, width=100 if full else 80)
        else:
            from clientscreen.cli import pager

            console = make_console()
            with bidi.autodetect(console, i18n.is_rtl()):
                pager.show(console, view, use_pager=not no_pager)
    if text is not None:
        emit(text, output, private=True)  # names, contacts, notes
    if not draft and not no_ledger:  # a draft is not a screening yet
        record(ledger, loaded.file, book, assessment)


def _decision(ledger: Path | None, file: AnswersFile, book: Rulebook) -> dict[str, object] | None:
    """What the ledger says the agency decided on this very screening, if anything (the ledger is not created)."""
    from clientscreen.cli.ledger import ledger_path, open_ledger
    from clientscreen.ledger.records import identity

    if not ledger_path(ledger).exists():
        return None
    with open_ledger(ledger) as opened:
        made = next(iter(opened.decisions(identity(file, book.digest)).values()), None)
    if made is None:
        return None
    return {"decision": made.decision, "verdict": made.verdict, "reason": made.reason, "overrides": made.overrides,
            "decided_at": made.decided_at}


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
                                  help=_("Continue an interview from its answers file."))
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
    ledger: LedgerOption = None,
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

    def decided(ui: TerminalUI, book: Rulebook, file: AnswersFile, assessment: Assessment) -> None:
        from clientscreen.cli.outcomes import ask_decision

        ask_decision(ui, book, file, assessment, ledger)

    conduct(rules, resume=resume, out=out, name=prospect, interviewer=interviewer, quick=quick, ledger=ledger,
            lang=lang, after=None if quick else decided)  # --quick is for the minute before: decide later


def conduct(
    rules: Path | None,
    *,
    resume: Path | None,
    out: Path | None,
    name: str | None,
    interviewer: str | None,
    quick: bool,
    ledger: Path | None,
    lang: str | None,
    bundled: Path | None = None,
    client_lang: str | None = None,
    after: Callable[[TerminalUI, Rulebook, AnswersFile, Assessment], None] | None = None,
) -> None:
    """An interview from the first question to the report and the ledger: the intake and the review alike.

    ``bundled``: the rulebook when none is named (the review's own); ``after`` runs once it is recorded.
    """
    from clientscreen import i18n
    from clientscreen.atomic import WriteError, refuse_input
    from clientscreen.cli.ledger import record
    from clientscreen.errors import UsageError
    from clientscreen.interview import drafts as screening
    from clientscreen.interview import terminal
    from clientscreen.interview.answersfile import LINE_LIMIT, NAME_LIMIT, Prospect
    from clientscreen.interview.engine import Event, Interview, run_interview
    from clientscreen.report import bidi
    from clientscreen.rulebook import ourside
    from clientscreen.rulebook.model import load_rulebook
    from clientscreen.scoring import assess
    from clientscreen.textsafe import one_line

    if name is not None:
        name = terminal.readable(one_line(name))
        if len(name) > NAME_LIMIT:
            raise UsageError(f"--prospect: {terminal.too_long(NAME_LIMIT)}")
    if interviewer is not None:
        interviewer = terminal.readable(one_line(interviewer))
        if len(interviewer) > LINE_LIMIT:
            raise UsageError(f"--interviewer: {terminal.too_long(LINE_LIMIT)}")
    refuse_input("--resume", resume, [rules])  # before the draft is read for its rulebook and language
    if resume is not None:  # the draft's own rulebook and language, unless the command line names others
        rules, draft_lang = _draft_settings(resume, rules)
        if lang is None and draft_lang is not None:
            i18n.set_language(draft_lang)
    if bundled is None:  # the review brings its own rulebook; the settings file names the intake's
        rules = rulebook(rules)  # else the settings file's
    refuse_input("--out", out, [rules or bundled])
    refuse_input("--resume", resume, [rules or bundled])
    book = load_rulebook(rules or bundled)
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
            def default() -> str | None:  # asked for only when needed: git's user.name costs a process
                found = settings().get("interviewer") or screening.default_interviewer()
                return found if found is None or len(found) <= LINE_LIMIT else None  # too long for the file

            if name:  # named on the command line: straight to the questions
                who = Prospect(name=one_line(name) or "?", language=client_lang)  # no control sequence in the file
                interviewer = interviewer or default()
            else:
                who = Prospect(
                    name=ui.ask_text(_("Prospect name:"), required=True, limit=NAME_LIMIT),
                    company=ui.ask_text(_("Company (optional):"), required=False, limit=LINE_LIMIT) or None,
                    contact=ui.ask_text(_("Contact (optional):"), required=False, limit=LINE_LIMIT) or None,
                )
                if interviewer is None:
                    interviewer = ui.ask_text(_("Your name (the interviewer):"), required=False, default=default())
            session = screening.start(book, who, out, interviewer=interviewer or None, lang=i18n.current(),
                                      rules_path=rules, folder=settings().path("screenings"))
        ui.say(_("Answers are saved to {path} as you go.", path=bidi.embedded(str(session.path))), "dim")
        state = session.interview(quick=quick)
        if resume is not None:
            _say_where(ui, state)
        if state.set_aside:  # skip logic switches these off now; they wait in the file
            ui.tell(state, Event("set_aside", set_aside=tuple(state.set_aside)))
        run_interview(state, ui.ask, tell=ui.tell, review=ui.review, saved=session.save)
        assessment = assess(book, state.given())
        if ourside.applies(book, assessment.verdict):  # "was it us?" before a decline is final
            assert book.our_side is not None  # noqa: S101 - applies() says so
            ui.console.print()
            ui.say(book.our_side.title.get(), "bold")
            side = Interview(ourside.as_rulebook(book), answers=dict(session.file.our_side))
            run_interview(side, ui.ask, tell=ui.tell, saved=lambda i: session.save(state, our_side=i.answers))
        session.save(state, complete=True)
        status = ourside.status(book, assessment.verdict, session.file.our_side)
        from clientscreen.report.brief import render  # after the questions: the first prompt does not wait for it

        more = _("Everything else: clientscreen report {file} --full", file=bidi.embedded(str(session.path)))
        ui.console.print(render(assessment, book, session.file.prospect, status, more=more))
        ui.say(_("Answers saved to {path}", path=bidi.embedded(str(session.path))))
        record(ledger, session.file, book, assessment)
        ui.say(_("Recorded in the ledger."), "dim")
        if after is not None:
            after(ui, book, session.file, assessment)
    except terminal.Ended as ended:
        raise _ended(ended, session) from None
    except WriteError as exc:  # a full disk: what was saved before it is safe, and the way back is one command
        if session is None:
            raise
        raise WriteError(str(exc) + "; " + _("the answers saved before this one are in {path}; free some space and "
                                             "continue with: clientscreen interview --resume {path}",
                                             path=session.path)) from None
    except KeyboardInterrupt:  # Ctrl-C while a prompt was still being drawn, not inside input()
        raise _ended(terminal.ending("interrupted"), session) from None
    except EOFError:
        raise _ended(terminal.ending("eof"), session) from None
    finally:
        stack.close()
        if session is not None:
            session.close()


def _say_stale(ui: TerminalUI, path: Path, stale: dict[str, str], changed: bool) -> None:
    """What the file holds that this rulebook does not ask; every key and value is the file's, so cleaned."""
    from clientscreen.textsafe import one_line

    if changed:
        ui.say(_("The rulebook has changed since {path} was started.", path=one_line(str(path))), "yellow")
    for qid, reason in stale.items():
        ui.say("  " + _("{question}: {reason}; kept in the file, asked again where it still applies",
                        question=one_line(qid), reason=one_line(reason)), "yellow")


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
    from clientscreen.atomic import refuse_input
    from clientscreen.rulebook.model import load_rulebook
    from clientscreen.rulebook.template import csv_header, questions_json

    chosen = pick([f.value for f in TemplateFormat], fmt, "--format")
    rules = rulebook(rules)  # else the settings file's
    refuse_input("-o", output, [rules])
    book = load_rulebook(rules)
    emit(csv_header(book) if chosen == TemplateFormat.csv else questions_json(book), output)
