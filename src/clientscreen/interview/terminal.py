"""The interview in a terminal: prompts, help, the review screen, and the signals that end it.

Lines are read with ``input()`` so that the terminal's own line editing works and a
pseudo-terminal can drive it. Everything shown that came from a person (the prospect,
notes) or from the rulebook is printed as ``Text`` after ``textsafe.clean``, never as
markup. Signals become exceptions so that the answers file is closed and the user
told how to resume, whichever way the session ends.
"""

from __future__ import annotations

import signal
import sys
from types import FrameType

from rich.console import Console
from rich.constrain import Constrain
from rich.text import Text

from clientscreen.answers import typed_as
from clientscreen.i18n import _, is_rtl
from clientscreen.interview.engine import Event, Interview, hint, shortcut, shown_answer
from clientscreen.report.bidi import LINE_WIDTH, arrow, embedded, right_to_left
from clientscreen.textsafe import clean, one_line

EXIT_CODES = {"interrupted": 130, "eof": 130, "hangup": 129, "terminated": 143}


class Ended(Exception):  # noqa: N818 - it is an ending, not an error
    """The session was cut short: Ctrl-C (interrupted), Ctrl-D (eof), a closed terminal (hangup) or SIGTERM."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind
        self.exit_code = EXIT_CODES[kind]

    @property
    def how(self) -> str:
        """What happened, as the start of a sentence."""
        return {
            "interrupted": _("The interview was interrupted"),
            "eof": _("The input ended (Ctrl-D)"),
            "hangup": _("The terminal was closed"),
            "terminated": _("The interview was terminated"),
        }[self.kind]


def _raise_on(signum: int, _frame: FrameType | None) -> None:
    raise Ended("hangup" if signum == signal.SIGHUP else "terminated")


def install_signal_handlers() -> None:
    """SIGHUP and SIGTERM would kill Python with no cleanup; make them unwind like Ctrl-C."""
    signal.signal(signal.SIGHUP, _raise_on)
    signal.signal(signal.SIGTERM, _raise_on)


def read_line(prompt: str = "> ") -> str:
    try:
        return input(prompt)
    except KeyboardInterrupt:
        raise Ended("interrupted") from None
    except EOFError:
        raise Ended("eof") from None


class TerminalUI:
    """Shows the interview and reads the answers; owns nothing but the console."""

    def __init__(self, console: Console) -> None:
        self.console = console

    def say(self, text: str | Text, style: str = "") -> None:
        line = text if isinstance(text, Text) else Text(text, style=style)
        self.console.print(right_to_left(Constrain(line, width=LINE_WIDTH)) if is_rtl() else line)

    def ask_text(self, label: str, *, required: bool) -> str:
        while True:
            self.say(Text(label, style="bold"))
            value = one_line(read_line())
            if value or not required:
                return value
            self.say(_("This one is needed."), "yellow")

    def ask(self, interview: Interview) -> str:
        question = interview.question
        assert question is not None  # noqa: S101 - run_interview only asks while there is a question
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
        keys = [hint(question)]
        if question.type != "note":
            keys.append(_("{key} unknown", key=shortcut("unknown")))
        keys += [_("{key} back", key=shortcut("back")), _("{key} why", key=shortcut("help"))]
        if question.id in interview.answers:
            keys.append(_("now: {answer}", answer=shown_answer(question, interview.answers.get(question.id))))
        self.say(Text("   " + " · ".join(keys), style="dim"))
        return read_line()

    def tell(self, interview: Interview, event: Event) -> None:
        if event.kind == "invalid":
            self.say(Text(clean(event.message), style="yellow"))
        elif event.kind == "at_start":
            self.say(Text(event.message, style="yellow"))
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

    def review(self, interview: Interview) -> str:
        self.console.print()
        self.say(Text(_("Review your answers"), style="bold"))
        for number, question, raw in interview.review():
            line = Text(f"{number:>3}  ", style="cyan")
            line.append(clean(question.text.get()))
            line.append(f"  {arrow()}  ", style="dim")
            line.append(clean(shown_answer(question, raw)), style="bold")
            self.say(line)
        self.say(Text(_("Type a number to change that answer, or {finish} to finish.", finish=shortcut("finish")),
                      style="dim"))
        return read_line()


def is_interactive() -> bool:
    return sys.stdin.isatty()
