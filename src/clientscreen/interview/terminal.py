"""The interview in a terminal: prompts, help, the review screen, and the signals that end it.

Lines are read with ``input()`` after ``readline`` is imported (``line_editing``), so
the arrow keys move in the line and bring back earlier answers, and a pseudo-terminal
can drive it. The history lives in memory for one interview: answers are client data
and go to the answers file only. Everything shown that came from a person (the prospect,
notes) or from the rulebook is printed as ``Text`` after ``textsafe.clean``, never as
markup. Signals become exceptions so that the answers file is closed and the user
told how to resume, whichever way the session ends.
"""

from __future__ import annotations

import re
import signal
import sys
from types import FrameType

from rich.console import Console
from rich.constrain import Constrain
from rich.text import Text

from clientscreen.answers import typed_as
from clientscreen.errors import Interrupted, disregard
from clientscreen.i18n import _, _n, figure, is_rtl
from clientscreen.interview.answersfile import LINE_LIMIT
from clientscreen.interview.engine import Event, Interview, hint, shortcut, shown_answer
from clientscreen.report.bidi import LINE_WIDTH, arrow, embedded, right_to_left, signed
from clientscreen.report.brief import STYLE
from clientscreen.report.content import headline
from clientscreen.rulebook.model import Question
from clientscreen.scoring import assess
from clientscreen.textsafe import clean, one_line

EXIT_CODES = {"interrupted": 130, "eof": 130, "hangup": 129, "terminated": 143}


class Ended(Interrupted):
    """The session was cut short: Ctrl-C (interrupted), Ctrl-D (eof), a closed terminal (hangup) or SIGTERM.

    It is an ``Interrupted``, so that even one raised where nothing expects it (a signal
    landing in a ``finally``) reaches the error boundary as one line and its exit code.
    """

    def __init__(self, kind: str) -> None:
        self.kind = kind
        super().__init__(f"clientscreen: {self.how}", EXIT_CODES[kind])

    @property
    def how(self) -> str:
        """What happened, as the start of a sentence."""
        return {
            "interrupted": _("The interview was interrupted"),
            "eof": _("The input ended (Ctrl-D)"),
            "hangup": _("The terminal was closed"),
            "terminated": _("The interview was terminated"),
        }[self.kind]


_SURROGATE = re.compile("[\ud800-\udfff]")
_ENDINGS = (signal.SIGHUP, signal.SIGTERM, signal.SIGINT)
_first: list[str] = []  # how the session ended, once something has ended it
_installed = False  # whether this process handles the ending signals (install_signal_handlers)


def _raise_on(signum: int, _frame: FrameType | None) -> None:
    kind = "hangup" if signum == signal.SIGHUP else "terminated"
    if settle(kind):
        raise Ended(kind)


def settle(kind: str) -> bool:
    """Whether ``kind`` is the first ending; from then on the signals that end a session are ignored.

    Closing a terminal sends SIGHUP twice, from the kernel and from the shell, and the
    second lands while the first unwinds: it must not interrupt the cleanup (saving,
    releasing the lock) or change the exit code the first one decided.
    """
    if _first:
        return False
    _first.append(kind)
    if _installed:  # only a process that took the signals over gives them up (not a test calling read_line)
        disregard(*_ENDINGS)
    return True


def install_signal_handlers() -> None:
    """SIGHUP and SIGTERM would kill Python with no cleanup; make them unwind like Ctrl-C."""
    global _installed
    _first.clear()
    _installed = True
    signal.signal(signal.SIGHUP, _raise_on)
    signal.signal(signal.SIGTERM, _raise_on)


def line_editing() -> None:
    """Arrow keys, Home/End and the history of this interview's answers, from the C library's readline.

    Importing the module is what makes ``input()`` use it. The history starts empty and is
    never written to a file.
    """
    try:
        import readline
    except ImportError:  # a Python built without it: plain input() still works
        return
    readline.clear_history()
    readline.parse_and_bind("tab: self-insert")  # no file-name completion inside an answer


def read_line(prompt: str = "> ") -> str:
    """One line as typed; bytes the terminal's encoding cannot read become U+FFFD, never a lone surrogate.

    Python reads undecodable bytes as lone surrogates, which no UTF-8 file or JSON encoder takes.
    """
    try:
        return readable(input(prompt))
    except KeyboardInterrupt:
        sys.stdout.write("\n")  # the message that follows starts on its own line, not after "^C"
        sys.stdout.flush()
        raise ending("interrupted") from None
    except EOFError:
        sys.stdout.write("\n")
        sys.stdout.flush()
        raise ending("eof") from None


def ending(kind: str) -> Ended:
    """The ending to raise for ``kind``: the first one, if something already ended the session."""
    settle(kind)
    return Ended(_first[0])


class TerminalUI:
    """Shows the interview and reads the answers; owns nothing but the console."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self._quiet = False  # the question is still on screen: after a typo only one line is added

    @property
    def width(self) -> int:
        return min(self.console.width, LINE_WIDTH) if is_rtl() else self.console.width

    def say(self, text: str | Text, style: str = "") -> None:
        line = text if isinstance(text, Text) else Text(text, style=style)
        self.console.print(right_to_left(Constrain(line, width=LINE_WIDTH)) if is_rtl() else line)

    def ask_text(self, label: str, *, required: bool, default: str | None = None, limit: int = LINE_LIMIT) -> str:
        while True:
            shown = Text(label, style="bold")
            if default:
                shown.append("  " + _("Enter: {default}", default=one_line(default)), style="dim")
            self.say(shown)
            value = one_line(read_line()) or (default or "")
            if len(value) > limit:
                self.say(too_long(limit), "yellow")
            elif value or not required:
                return value
            else:
                self.say(_("This one is needed."), "yellow")

    def ask(self, interview: Interview) -> str:
        question = interview.question
        assert question is not None  # noqa: S101 - run_interview only asks while there is a question
        if self._quiet:
            self._quiet = False
            return read_line()
        number, total = interview.position()
        self.console.print()
        head = Text(f"{number}/{total}  ", style="cyan")
        head.append(clean(question.text.get()), style="bold")
        self.say(head)
        if question.help:
            self.say(Text("   " + clean(question.help.get()), style="dim"))
        if question.type in ("choice", "scale"):
            for i, option in enumerate(question.answers, start=1):
                line = Text(f"   {option.value if question.type == 'scale' else i:>2}  ")
                if question.type == "choice" and typed_as(option) == str(option.value):
                    line.append(f"{option.value}  ", style="dim")  # a value is shown only where it reads as a word
                line.append(clean(option.label.get() if option.label else ""))
                self.say(line)
        if question.type == "number":
            self._bands(question)
        keys = [hint(question)]
        if question.type != "note":
            keys.append(_("{key} unknown", key=shortcut("unknown")))
        keys += [_("{key} back", key=shortcut("back")), _("{key} finish", key=shortcut("finish")),
                 _("{key} why", key=shortcut("help"))]
        if interview.is_answered(question.id):
            shown = one_line(shown_answer(question, interview.answers.get(question.id)))  # as typed, or from a file
            keys.append(_("now: {answer} (Enter keeps it)", answer=shown))
        self.say(Text("   " + " · ".join(keys), style="dim"))
        return read_line()

    def _bands(self, question: Question) -> None:
        """The bands of a number question beside it, with their points: which answer moves the verdict."""
        spans: list[str] = []
        low: float | None = None
        for band in question.answers:
            if band.below is None:
                spans.append(_("{low} or more", low=figure(low or 0)))
            elif low is None:
                spans.append(_("under {high}", high=figure(band.below)))
            else:
                spans.append(_("{low} to under {high}", low=figure(low), high=figure(band.below)))
            low = band.below
        width = max(len(span) for span in spans) + 2
        for span, band in zip(spans, question.answers, strict=True):
            line = Text(f"   {span:<{width}}")
            line.append(clean(band.label.get() if band.label else str(band.value)))
            if band.points:
                line.append(f"  {signed(band.points)}", style="dim")
            self.say(line)

    def tell(self, interview: Interview, event: Event) -> None:
        if event.set_aside:
            self.say(Text(_("Set aside, kept in the file: {questions}",
                            questions=clean(", ".join(event.set_aside))), style="yellow"))
        if event.restored:
            self.say(Text(_("Restored: {questions}", questions=clean(", ".join(event.restored))), style="yellow"))
        if event.kind in ("invalid", "suspect", "at_start", "repeat"):
            self._quiet = True  # the question stays on screen; one line says what was wrong
            if event.message:
                self.say(Text(clean(event.message), style="yellow"))
        elif event.kind == "answered" and event.number is not None:
            self._understood(interview, event)
        elif event.kind == "help":
            category = event.category
            if category is None:
                self.say(_("Nothing scores on this question; it is for your notes."), "dim")
                return
            self.say(Text(clean(category.title.get()), style="bold"))
            self.say(Text(_("Why: {text}", text=clean(category.why.get()))))
            self.say(Text(_("Do: {text}", text=clean(category.advice.get()))))
            self.say(Text(_("Source: {article}, {section}", article=embedded(clean(event.source)),
                            section=clean(category.source.section.get())), style="dim"))

    def _understood(self, interview: Interview, event: Event) -> None:
        """``2,5k → 2.500 EUR per month: Below market``: a number as it was read, in the language's own format."""
        question = interview.rulebook.question_by_id[interview.history[-1]] if interview.history else None
        if question is None or event.number is None:
            return
        line = Text(f"   {clean(event.typed)} {arrow()} " if event.typed else "   ", style="dim")
        line.append(figure(event.number) + (" " + clean(question.unit.get()) if question.unit else ""), style="bold")
        band = question.band(event.number)
        line.append(": " + clean(band.label.get() if band.label else str(band.value)), style="dim")
        self.say(line)

    def review(self, interview: Interview) -> str:
        """The answers a page at a time, so that the list, the verdict and the prompt fit one screen.

        Enter turns the page; any other line goes back to the interview (a number, or finish).
        """
        rows = interview.review()
        per_page = max(5, self.console.size.height - 7)
        pages = max(1, -(-len(rows) // per_page))
        page = 0
        while True:
            self.console.print()
            self.say(Text(_("Review your answers"), style="bold"))
            self.say(self._verdict_line(interview))
            for number, question, raw in rows[page * per_page : (page + 1) * per_page]:
                self.say(self._review_line(number, question, shown_answer(question, raw)))
            if pages > 1:
                self.say(Text(_("Page {page} of {pages}; Enter for the next page.", page=page + 1, pages=pages),
                              style="dim"))
            self.say(Text(_("Type a number to change that answer, or {finish} to finish.",
                            finish=shortcut("finish")), style="dim"))
            line = read_line()
            if line.strip() or pages == 1:
                return line
            page = (page + 1) % pages

    def _review_line(self, number: int, question: Question, answer: str) -> Text:
        """One line, whatever the width: the question is shortened before the answer is."""
        answer = clean(answer)
        room = self.width - 1
        head = f"{number:>3}  "
        link = f"  {arrow()}  "
        if len(answer) > room // 2:
            answer = answer[: room // 2 - 1] + "…"
        text = clean(question.text.get())
        space = room - len(head) - len(link) - len(answer)
        if len(text) > space:
            text = text[: max(space - 1, 0)] + "…"
        line = Text(head, style="cyan")
        line.append(text)
        line.append(link, style="dim")
        line.append(answer, style="bold")
        return line

    def _verdict_line(self, interview: Interview) -> Text:
        """The verdict the answers so far give, as the report would head it."""
        assessment = assess(interview.rulebook, interview.given())
        line = Text(_("So far: "), style="dim")
        style = "bold" if assessment.provisional else STYLE[assessment.verdict]
        line.append(headline(assessment.verdict, assessment.provisional,
                             interview.rulebook.verdict_name(assessment.verdict)), style=style)  # keep, let go
        line.append("  " + _n("({n} answered)", "({n} answered)",
                              sum(1 for q in interview.applicable() if interview.is_answered(q.id))), style="dim")
        return line


def readable(text: str) -> str:
    """``text`` with the lone surrogates Python makes of undecodable bytes (input, argv) as U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


def too_long(limit: int) -> str:
    """Pydantic's words for a text over its limit, as the answers file would give them."""
    return _n("String should have at most {n} character", "String should have at most {n} characters", limit)


def is_interactive() -> bool:
    return sys.stdin.isatty()
