"""Where ``clientscreen score`` writes: a file that appears whole (or not at all), or standard output.

The batch runner produces text a few thousand rows at a time; this module sends it to
the output without ever holding the whole result: a file is written to a temporary
file beside it and moved into place only when every row is done, so a failed or
interrupted run (or ``--strict``) leaves the old file, if any, as it was. The table
format is for a quick look and renders each batch as it comes, with fixed column
widths so the batches line up; outside text goes through ``rich.text.Text`` after
``textsafe.one_line``, never through markup.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

from clientscreen.atomic import atomic_file
from clientscreen.batch.read import CsvSource
from clientscreen.batch.rows import Record, csv_header
from clientscreen.batch.run import Progress, Scorer, Summary, run
from clientscreen.i18n import _, is_rtl
from clientscreen.rulebook.model import Rulebook, Verdict
from clientscreen.textsafe import one_line

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

TABLE_WIDTH = 120  # columns of a table written to a file or a pipe, unless $COLUMNS says otherwise
MAX_TABLE_WIDTH = 1000  # widest table drawn, whatever $COLUMNS says: each line is padded to the width
_STYLE = {Verdict.TAKE: "green", Verdict.NEGOTIATE: "yellow", Verdict.DECLINE: "red"}


@contextlib.contextmanager
def _output(output: str | None) -> Iterator[IO[bytes]]:
    """Standard output for None or ``-``, else an atomic file."""
    if output in (None, "-"):
        sys.stdout.flush()
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
    else:
        with atomic_file(Path(str(output)), mode=0o600) as fh:  # names and notes: client data
            yield fh




def write_scores(
    source: CsvSource,
    scorer: Scorer,
    output: str | None,
    *,
    jobs: int = 1,
    progress: Progress | None = None,
    terminal: bool = False,
) -> Summary:
    """Score ``source`` into ``output`` in the scorer's format; ``terminal``: the table may use colour."""
    with _output(output) as out:
        if scorer.settings.fmt == "table":
            return _write_table(source, scorer, out, progress, colour=terminal and output in (None, "-"))
        if scorer.settings.fmt == "csv":
            sheet = scorer.settings.sheet
            out.write((csv_header() if sheet is None else sheet.header()).encode("utf-8"))
        return run(source, scorer, out.write, jobs=jobs, progress=progress)


def _write_table(
    source: CsvSource, scorer: Scorer, out: IO[bytes], progress: Progress | None, *, colour: bool
) -> Summary:
    """One table per batch of records, so a million rows never sit in memory waiting to be measured."""
    from clientscreen.report.bidi import left_to_right

    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    console = _console(text, colour)
    direct = left_to_right if is_rtl() else _as_it_is  # Hebrew rows would otherwise run in different directions
    summary = Summary()
    started = time.perf_counter()
    buffer = getattr(source.stream, "buffer", None)
    try:
        first = True
        for records in scorer.records(source.rows(), summary):
            console.print(direct(table(records, scorer.rulebook, console.width, header=first)))
            first = False
            if progress is not None and buffer is not None:
                progress(buffer.tell())
        if first:
            console.print(direct(table([], scorer.rulebook, console.width, header=True)))
    finally:
        text.flush()
        text.detach()  # the caller owns ``out``
    summary.seconds = time.perf_counter() - started
    return summary


def _as_it_is(renderable: Table) -> Table:
    return renderable


def _console(stream: IO[str], colour: bool) -> Console:
    """A console that reads no markup; in colour only for a terminal (NO_COLOR is honoured by Rich)."""
    from rich.console import Console

    if colour:
        return Console(file=stream, markup=False, emoji=False, highlight=False, force_terminal=True)
    width = None if "COLUMNS" in os.environ else TABLE_WIDTH
    return Console(file=stream, width=width, markup=False, emoji=False, highlight=False, no_color=True,
                   color_system=None)


def worst_first(rulebook: Rulebook) -> dict[str, int]:
    """Red-flag categories by how much they can weigh (the most points one answer gives them), heaviest first."""
    weight: dict[str, int] = {}
    for q in rulebook.questions:
        for a in q.answers:
            category = a.category or q.category or ""
            weight[category] = max(weight.get(category, 0), a.points)
    return {c: -w for c, w in weight.items()}


def table(records: list[Record], rulebook: Rulebook, width: int, *, header: bool = True) -> Table:
    """One line a row, fitting ``width``: the verdict, the score, and the worst flag with how many more there are.

    A knock-out is the worst flag when there is one (it set the verdict's floor); otherwise the red
    flag that can weigh most. Every column is cut with an ellipsis rather than wrapped, and the
    widths depend only on ``width``, so that consecutive batches line up.
    """
    from rich import box
    from rich.table import Table
    from rich.text import Text

    titles = {c.id: c.title.get() for c in rulebook.categories}
    order = worst_first(rulebook)
    words = {v: v.shown for v in Verdict}  # once per batch, not once per row
    error = _("error")
    width = max(width, 50)
    view = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, show_header=header, expand=True,
                 width=min(width, MAX_TABLE_WIDTH), padding=(0, 1), collapse_padding=True)
    view.add_column(_("Line"), justify="right", width=6, no_wrap=True, overflow="ellipsis")
    view.add_column(_("Id"), width=8 if width < 90 else 12, no_wrap=True, overflow="ellipsis")
    view.add_column(_("Name"), ratio=1, no_wrap=True, overflow="ellipsis", min_width=8)
    view.add_column(_("Verdict"), width=max(len(error), *(len(w) + 1 for w in words.values())), no_wrap=True,
                    overflow="ellipsis")
    view.add_column(_("Score"), justify="right", width=5, no_wrap=True, overflow="ellipsis")
    view.add_column(_("Worst flag / error"), ratio=1, no_wrap=True, overflow="ellipsis", min_width=8)
    for r in records:
        o = r.outcome
        if o is None:
            verdict = Text(error, style="magenta")
            flag = Text(one_line(r.error or ""), style="magenta")
        else:
            verdict = Text(words[o.verdict] + ("?" if o.provisional else ""), style=_STYLE[o.verdict])
            flag = Text(one_line(_worst(o.knockouts, o.red_flags, order, titles)),
                        style="bold red" if o.knockouts else "")
        view.add_row(Text(str(r.line)), Text(one_line(r.id)), Text(one_line(r.name)), verdict,
                     Text(str(o.score) if o else ""), flag)
    return view


def _worst(knockouts: tuple[str, ...], reds: tuple[str, ...], order: dict[str, int], titles: dict[str, str]) -> str:
    flags = list(dict.fromkeys((*knockouts, *sorted(reds, key=lambda c: order.get(c, 0)))))
    if not flags:
        return ""
    worst = titles.get(flags[0], flags[0])
    if knockouts:
        worst = _("{flag} (knock-out)", flag=worst)
    return worst if len(flags) == 1 else _("{flag} (+{more})", flag=worst, more=len(flags) - 1)
