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
from rich.text import Text

from clientscreen.interview import Event, Interview, hint, shown_answer
from clientscreen.textsafe import clean, one_line


class Ended(Exception):  # noqa: N818 - it is an ending, not an error
    """The session was cut short: Ctrl-C, Ctrl-D, a closed terminal or SIGTERM."""

    def __init__(self, how: str, exit_code: int) -> None:
        super().__init__(how)
        self.how = how
        self.exit_code = exit_code


def _raise_on(signum: int, _frame: FrameType | None) -> None:
    if signum == signal.SIGHUP:
        raise Ended("the terminal was closed", 129)
    raise Ended("terminated", 143)


def install_signal_handlers() -> None:
    """SIGHUP and SIGTERM would kill Python with no cleanup; make them unwind like Ctrl-C."""
    signal.signal(signal.SIGHUP, _raise_on)
    signal.signal(signal.SIGTERM, _raise_on)


def read_line(prompt: str = "> ") -> str:
    try:
        return input(prompt)
    except KeyboardInterrupt:
        raise Ended("interrupted", 130) from None
    except EOFError:
        raise Ended("input ended (Ctrl-D)", 130) from None


class TerminalUI:
    """Shows the interview and reads the answers; owns nothing but the console."""

    def __init__(self, console: Console) -> None:
        self.console = console

    def say(self, text: str | Text, style: str = "") -> None:
        self.console.print(text if isinstance(text, Text) else Text(text, style=style))

    def ask_text(self, label: str, *, required: bool) -> str:
        while True:
            self.say(Text(label, style="bold"))
            value = one_line(read_line())
            if value or not required:
                return value
            self.say("This one is needed.", "yellow")

    def ask(self, interview: Interview) -> str:
        question = interview.question
        assert question is not None  # noqa: S101 - run_interview only asks while there is a question
        number, total = interview.position()
        self.console.print()
        head = Text(f"{number}/{total}  ", style="cyan")
        head.append(clean(question.text), style="bold")
        self.say(head)
        if question.help:
            self.say(Text("   " + clean(question.help), style="dim"))
        if question.type in ("choice", "scale"):
            for i, option in enumerate(question.answers, start=1):
                line = Text(f"   {option.value if question.type == 'scale' else i:>2}  ")
                if question.type == "choice":
                    line.append(f"{option.value}  ", style="dim")
                line.append(clean(option.label or ""))
                self.say(line)
        current = interview.answers.get(question.id)
        now = f" · now: {shown_answer(question, current)}" if question.id in interview.answers else ""
        extra = "" if question.type == "note" else " · u unknown"
        self.say(Text(f"   {hint(question)}{extra} · b back · ? why{now}", style="dim"))
        return read_line()

    def tell(self, interview: Interview, event: Event) -> None:
        if event.kind == "invalid":
            self.say(Text(clean(event.message), style="yellow"))
        elif event.kind == "at_start":
            self.say(Text(event.message, style="yellow"))
        elif event.kind == "help":
            category = event.category
            if category is None:
                self.say("Nothing scores on this question; it is for your notes.", "dim")
                return
            self.say(Text(clean(category.title), style="bold"))
            self.say(Text("Why: " + clean(category.why)))
            self.say(Text("Do: " + clean(category.advice)))
            self.say(Text(f"Source: {clean(category.source.article)}, {clean(category.source.section)}", style="dim"))

    def review(self, interview: Interview) -> str:
        self.console.print()
        self.say(Text("Review your answers", style="bold"))
        for number, question, raw in interview.review():
            line = Text(f"{number:>3}  ", style="cyan")
            line.append(clean(question.text))
            line.append("  →  ", style="dim")
            line.append(clean(shown_answer(question, raw)), style="bold")
            self.say(line)
        self.say(Text("Type a number to change that answer, or f to finish.", style="dim"))
        return read_line()


def is_interactive() -> bool:
    return sys.stdin.isatty()
