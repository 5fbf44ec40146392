"""``review``: re-screening a current client with the review rulebook, and what changed since last time."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from clientscreen.cli.app import LangOption, app
from clientscreen.cli.ledger import LedgerOption
from clientscreen.i18n import _

if TYPE_CHECKING:
    from rich.text import Text

    from clientscreen.interview.answersfile import AnswersFile
    from clientscreen.interview.terminal import TerminalUI
    from clientscreen.ledger.records import ScreeningRecord
    from clientscreen.ledger.trend import Changes
    from clientscreen.rulebook.model import Rulebook
    from clientscreen.scoring import Assessment


class ClientLanguage(StrEnum):
    en = "en"
    da = "da"
    he = "he"
    ru = "ru"


@app.command(help=_("Review a current client: keep, renegotiate or let go, and what changed since the last review."))
def review(
    client: Annotated[
        str | None, typer.Argument(help=_("The client's name, as screened."), metavar="CLIENT", show_default=False)
    ] = None,
    rules: Annotated[
        Path | None,
        typer.Option("--rules", help=_("Rulebook (default: the bundled review rulebook)."), dir_okay=False,
                     show_default=False),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help=_("Answers file to create (default: screenings/NAME-DATE.yaml)."))
    ] = None,
    resume: Annotated[
        Path | None, typer.Option("--resume", help=_("Continue a review from its answers file."), dir_okay=False)
    ] = None,
    client_lang: Annotated[
        ClientLanguage | None,
        typer.Option("--client-lang", help=_("The language of the texts to send the client (default: --lang's)."),
                     show_default=False),
    ] = None,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    from clientscreen.cli.screening import conduct
    from clientscreen.errors import UsageError
    from clientscreen.interview import terminal
    from clientscreen.rulebook.model import bundled_path

    if not terminal.is_interactive():
        raise UsageError(_("the review is an interview and needs a terminal; without one, score its answers file "
                           "with 'clientscreen report FILE --rules rules/review.yaml'"))
    if (resume is None) == (client is None):
        raise UsageError(_("name the client to review, or --resume a review's answers file (not both)"))

    def after(ui: TerminalUI, book: Rulebook, file: AnswersFile, assessment: Assessment) -> None:
        show_changes(ui, book, file, ledger)

    conduct(rules, resume=resume, out=out, name=client, interviewer=None, quick=False, ledger=ledger, lang=lang,
            bundled=bundled_path("review"), client_lang=client_lang.value if client_lang else None, after=after)


def show_changes(ui: TerminalUI, book: Rulebook, file: AnswersFile, ledger: Path | None) -> None:
    """Set this review against the client's last one under the same rulebook, flag by flag."""
    from clientscreen.cli.ledger import open_ledger
    from clientscreen.ledger.records import identity
    from clientscreen.ledger.trend import compare

    with open_ledger(ledger) as opened:
        everything = opened.screenings(file.prospect.name)
    this_id = identity(file, book.digest)
    current = next(r for r in everything if r.id == this_id)
    earlier = [r for r in everything if r.id != this_id and r.screened_at <= current.screened_at]
    reviews = [r for r in earlier if r.rulebook_id == book.id]
    if not reviews:
        ui.say(_("The first review of {client}.", client=current.client_name), "bold")
        if earlier:
            last = earlier[-1]
            ui.say(_("The screening of {date} said {verdict} (score {score}).", date=last.date,
                     verdict=_verdict_word(last), score=last.score))
        return
    for line in change_lines(book, compare(reviews[-1], current)):
        ui.say(line)


def _verdict_word(rec: ScreeningRecord, book: Rulebook | None = None) -> str:
    from clientscreen.rulebook.model import Verdict

    verdict = Verdict(rec.verdict)
    return book.verdict_name(verdict) if book is not None and book.id == rec.rulebook_id else verdict.shown


def _answer_words(book: Rulebook, question: str, answer: str) -> str:
    q = book.question_by_id.get(question)
    option = next((a for a in q.answers if str(a.value) == answer), None) if q else None
    return option.shown if option else answer


def change_lines(book: Rulebook, changes: Changes) -> list[Text]:
    """The lines that say what changed: the verdict and score, then each flag with its direction of travel."""
    from rich.text import Text

    from clientscreen.textsafe import one_line

    before, after = changes.before, changes.after
    lines = [Text(_("Since the review of {date}:", date=before.date), style="bold")]
    lines.append(Text("  " + _("verdict {before} → {after}, score {old} → {new} ({delta:+d})",
                               before=_verdict_word(before, book), after=_verdict_word(after, book),
                               old=before.score, new=after.score, delta=changes.score_delta)))
    style = {"worse": "red", "better": "green", "new": "red", "gone": "green"}
    for c in changes.flags:
        category = book.category_by_id.get(c.category)
        title = one_line(category.title.get() if category else c.category)
        was = _answer_words(book, c.question, c.before) if c.before is not None else ""
        now = _answer_words(book, c.question, c.after) if c.after is not None else ""
        if c.direction == "new":
            text = "+ " + _("{title}: new: {now}", title=title, now=now)
        elif c.direction == "gone":
            text = "- " + _("{title}: gone (was {was})", title=title, was=was)
        elif c.direction == "worse":
            text = "▲ " + _("{title}: {was} → {now}, worse", title=title, was=was, now=now)
        else:
            text = "▼ " + _("{title}: {was} → {now}, better", title=title, was=was, now=now)
        if c.points_before < 0 or c.points_after < 0:  # a green flag: gaining one is good news
            flipped = {"new": "gone", "gone": "new"}.get(c.direction, c.direction)
            lines.append(Text("  " + text, style=style[flipped]))
        else:
            lines.append(Text("  " + text, style=style[c.direction]))
    if not changes.flags:
        lines.append(Text("  " + _("No flag changed.")))
    heading = {"worse": _("Heading the wrong way."), "better": _("Heading the right way."),
               "steady": _("Holding steady.")}[changes.heading]
    lines.append(Text(heading, style="bold " + {"worse": "red", "better": "green", "steady": ""}[changes.heading]))
    return lines
