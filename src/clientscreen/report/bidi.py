"""Right-to-left text in a terminal: Hebrew that reads in the right order where the terminal can do it.

A terminal lays out each line as a paragraph of its own. Tried in real terminals
(see the README): mlterm takes a line's direction from its first strong character;
GNOME Terminal and the other VTE terminals do so only once asked with the private
mode ``CSI ? 2501 h``, and otherwise lay every line out left to right; Konsole
reverses Hebrew words but keeps lines left to right whatever it is sent. Explicit
embeddings and isolates (RLE, RLI) change nothing in VTE and break mlterm's
alignment, so none are sent. What helps everywhere is: ask for autodetection, start
every line with a right-to-left mark so a line that opens with a Latin word or a
number is still a Hebrew line (mlterm honours the mark; VTE goes by the first letter),
and never put columns side by side: a table whose rows come out in different
directions is unreadable. The report has no columns in RTL; the quick table of
``score`` starts every row with a left-to-right mark instead and asks for no
autodetection, so all its rows run one way and the Hebrew within a cell still reads.
Terminals with no bidi support at all (xterm, tmux, Windows Terminal) show Hebrew
reversed; nothing sent in logical order can change that.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment

from clientscreen.i18n import is_rtl

LINE_WIDTH = 72  # right-to-left lines are short: each is a paragraph the terminal lays out alone
RLM = "\u200f"  # RIGHT-TO-LEFT MARK: a strong RTL character of no width
LRM = "\u200e"  # LEFT-TO-RIGHT MARK
AUTODETECT_ON = "\x1b[?2501h"  # VTE: take each paragraph's direction from its text
AUTODETECT_OFF = "\x1b[?2501l"


class Marked:
    """Renders ``renderable`` and starts each of its lines with ``mark``, which sets the line's direction."""

    def __init__(self, renderable: RenderableType, mark: str) -> None:
        self.renderable = renderable
        self.mark = Segment(mark)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in console.render_lines(self.renderable, options, pad=False):
            while line and not line[-1].text.strip():  # padding would sit on the left of a right-aligned line
                line.pop()
            if line:
                line[-1] = Segment(line[-1].text.rstrip(), line[-1].style, line[-1].control)
                yield self.mark
            yield from line
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.renderable)


def right_to_left(renderable: RenderableType) -> Marked:
    """Text in a right-to-left language: each line a right-to-left paragraph."""
    return Marked(renderable, RLM)


def left_to_right(renderable: RenderableType) -> Marked:
    """Columns of a table, whatever language their cells are in: every row laid out the same way."""
    return Marked(renderable, LRM)


def embedded(text: str) -> str:
    """Text in another script (a file name, an e-mail, a note) inside a right-to-left line.

    Left-to-right marks around it keep digits and Latin letters that open it together (without
    one "000_eaa.txt" after a Hebrew word comes apart into "eaa.txt" and "000_"), and keep the
    punctuation that closes it (a quote, a full stop) at its own end.
    """
    return f"{LRM}{text}{LRM}" if is_rtl() else text


def signed(number: int) -> str:
    """Points with their sign, which stays on the left of the digits in right-to-left text too."""
    return embedded(f"{number:+d}")


def arrow() -> str:
    """From a question to its answer: "→" is not mirrored in right-to-left text, so it is turned here."""
    return "←" if is_rtl() else "→"


@contextlib.contextmanager
def autodetect(console: Console, rtl: bool) -> Iterator[None]:
    """Ask a VTE terminal to lay out each line in its own direction while right-to-left text is shown.

    Only for a terminal (a file or a pipe gets no escape sequence), and the mode is put back
    afterwards, so the shell's own lines keep the direction they had.
    """
    if not (rtl and console.is_terminal):
        yield
        return
    console.file.write(AUTODETECT_ON)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):  # the terminal may be gone (SIGHUP)
            console.file.write(AUTODETECT_OFF)
            console.file.flush()
