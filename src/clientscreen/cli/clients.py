"""``clients``: the portfolio (latest verdict, trend, next review, the 80/20 view) and hours per client."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from clientscreen.cli.app import LangOption, app, make_console, settings, warn
from clientscreen.cli.ledger import LedgerOption, open_ledger
from clientscreen.i18n import _

if TYPE_CHECKING:
    from rich.console import RenderableType

    from clientscreen.ledger.portfolio import ClientRow, Split
    from clientscreen.ledger.records import ScreeningRecord
    from clientscreen.rulebook.model import Rulebook

clients_app = typer.Typer(
    help=_("Every client in the ledger: latest verdict, trend, next review, and where the hours go."),
    rich_markup_mode=None,
    invoke_without_command=True,
)
app.add_typer(clients_app, name="clients")


@clients_app.callback()
def clients(
    ctx: typer.Context,
    due: Annotated[bool, typer.Option("--due", help=_("Only the clients due for a review now."))] = False,
    interval: Annotated[
        int | None,
        typer.Option("--interval", min=1, metavar="DAYS", show_default=False,
                     help=_("Days between reviews (default: $CLIENTSCREEN_REVIEW_INTERVAL, else the settings "
                            "file's review_interval, else 90).")),
    ] = None,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    if ctx.invoked_subcommand is not None:
        return
    from clientscreen import i18n
    from clientscreen.ledger import portfolio
    from clientscreen.report import bidi

    days = interval if interval is not None else settings().days("review_interval")
    with open_ledger(ledger) as opened:
        everyone = portfolio.rows(opened, date.today(), days)
    shown = [r for r in everyone if r.due] if due else everyone
    console = make_console()
    with bidi.autodetect(console, i18n.is_rtl()):
        if not shown:
            console.print(_("No client is due for a review.") if due else _("The ledger has no clients yet."))
            return
        parts = [_lines(shown) if i18n.is_rtl() else _table(shown, console.width)]
        split = portfolio.eighty_twenty(everyone)
        if split is not None and not due:
            parts += _split_lines(split)
        parts += _override_lines(shown)
        if i18n.is_rtl():  # no columns right to left, as in the report: a line per client
            from rich.console import Group
            from rich.constrain import Constrain

            console.print(bidi.right_to_left(Constrain(Group(*parts), width=bidi.LINE_WIDTH)))
        else:
            for part in parts:
                console.print(part)


def _book(rec: ScreeningRecord) -> Rulebook | None:
    """The bundled rulebook a screening was scored by, for its names of verdicts and flags."""
    from clientscreen.rulebook.model import BUNDLED, bundled_path, load_rulebook

    if rec.rulebook_id not in BUNDLED:
        return None
    book = _books.get(rec.rulebook_id)
    if book is None:
        book = _books[rec.rulebook_id] = load_rulebook(bundled_path(rec.rulebook_id))
    return book


def _verdict(rec: ScreeningRecord) -> str:
    """The verdict as the rulebook that gave it names it (keep, let go)."""
    from clientscreen.rulebook.model import Verdict

    book = _book(rec)
    return book.verdict_name(Verdict(rec.verdict)) if book else Verdict(rec.verdict).shown


def _flags(rec: ScreeningRecord, most: int = 3) -> str:
    """The heaviest red flags of a screening, by their titles."""
    points: dict[str, int] = {}
    for f in rec.flags:
        if f.points > 0:
            points[f.category] = points.get(f.category, 0) + f.points
    book = _book(rec)
    heaviest = sorted(points, key=lambda c: (-points[c], c))[:most]
    titles = [book.category_by_id[c].title.get() if book and c in book.category_by_id else c for c in heaviest]
    return ", ".join(titles) or _("no red flags")


_books: dict[str, Rulebook] = {}


def _trend_words(row: ClientRow) -> str:
    if row.trend is None:
        return "–"
    return {"worse": "▲ " + _("worse"), "better": "▼ " + _("better"), "steady": "= " + _("steady")}[row.trend]


def _table(rows: list[ClientRow], width: int) -> RenderableType:
    from rich.table import Table
    from rich.text import Text

    from clientscreen.i18n import figure, number
    from clientscreen.textsafe import one_line

    table = Table(box=None, pad_edge=False, show_edge=False)
    decided = any(r.decision is not None for r in rows)  # the column only once a decision is recorded
    worked = any(r.work is not None for r in rows)  # hours and revenue only once some are recorded
    verdicts = [_verdict(r.latest) + (" *" if r.latest.provisional else "") for r in rows]
    due_width = max((10 + len(" " + _("due")) if r.due else 10 for r in rows), default=10)
    # The values are never cut (a cut verdict or date reads as something else); long headers (Russian,
    # Danish) wrap onto a second line, and on a narrow terminal the client's name gives way first.
    widths = [max(map(len, verdicts), default=0)]
    if decided:
        widths.append(max((len(_decided(r)) for r in rows), default=0))
    widths += [max((len(_trend_words(r)) for r in rows), default=0), 10, due_width]
    if worked:
        widths += [max((len(figure(r.work.hours)) for r in rows if r.work), default=0),
                   max((len(number(r.work.revenue)) for r in rows if r.work), default=0)]
    titles = [_("Verdict"), *([_("Decided")] if decided else []), _("Trend"), _("Last screened"), _("Next due"),
              *([_("Hours"), _("Revenue")] if worked else [])]
    widths = [max(least, *map(len, title.split())) for title, least in zip(titles, widths, strict=True)]
    room = width - sum(widths) - 2 * len(widths)
    table.add_column(_("Client"), no_wrap=True, overflow="ellipsis", max_width=max(8, min(40, room)))
    for at, (title, least) in enumerate(zip(titles, widths, strict=True)):
        table.add_column(title, min_width=least, justify="right" if worked and at >= len(titles) - 2 else "left")
    for r, verdict in zip(rows, verdicts, strict=True):
        due = Text(r.next_due.isoformat(), style="bold red" if r.due else "")
        if r.due:
            due.append(" " + _("due"), style="bold red")
        work = [figure(r.work.hours) if r.work else "", number(r.work.revenue) if r.work else ""]
        table.add_row(
            Text(one_line(r.name)), verdict,
            *([_decided(r)] if decided else []), _trend_words(r),
            r.latest.date, due, *(work if worked else []),
        )
    return table


def _lines(rows: list[ClientRow]) -> RenderableType:
    """The table as one line per client, for right-to-left languages."""
    from rich.console import Group
    from rich.text import Text

    from clientscreen.i18n import figure, number
    from clientscreen.textsafe import one_line

    out = []
    for r in rows:
        line = Text(one_line(r.name), style="bold")
        decided = f" · {_('Decided')} {_decided(r)}" if r.decision else ""
        line.append(f" · {_verdict(r.latest)}{' *' if r.latest.provisional else ''}{decided} · {_trend_words(r)} · "
                    f"{_('Last screened')} {r.latest.date} · {_('Next due')} {r.next_due.isoformat()}")
        if r.due:
            line.append(" " + _("due"), style="bold red")
        if r.work:
            line.append(f" · {_('Hours')} {figure(r.work.hours)} · {_('Revenue')} {number(r.work.revenue)}")
        out.append(line)
    return Group(*out)


def _decided(row: ClientRow) -> str:
    """What the agency decided, marked ≠ where it went against the verdict it was decided on."""
    from clientscreen.rulebook.diff import verdict_name

    if row.decision is None:
        return ""
    return verdict_name(row.decision.decision) + (" ≠" if row.decision.overrides else "")


def _override_lines(rows: list[ClientRow]) -> list[RenderableType]:
    """Every decision against the verdict, with its reason: the overrides the agency will want to revisit."""
    from rich.text import Text

    from clientscreen.rulebook.diff import verdict_name
    from clientscreen.textsafe import one_line

    overridden = [(r, r.decision) for r in rows if r.decision is not None and r.decision.overrides]
    if not overridden:
        return []
    lines: list[RenderableType] = [Text(""), Text(_("≠ decided against the verdict:"), style="bold")]
    for r, d in overridden:
        lines.append(Text(_("  {client}: {decision} against {verdict}, because: {reason}", client=one_line(r.name),
                            decision=verdict_name(d.decision), verdict=verdict_name(d.verdict),
                            reason=one_line(d.reason or "–"))))
    return lines


def _split_lines(split: Split) -> list[RenderableType]:
    from rich.text import Text

    from clientscreen.i18n import _n, percent
    from clientscreen.textsafe import one_line

    lines: list[RenderableType] = [Text("")]
    lines.append(Text(_n("80/20: {n} client of {total} takes {hours} of the hours and brings {revenue} of the revenue.",
                         "80/20: {n} clients of {total} take {hours} of the hours and bring {revenue} of the revenue.",
                         len(split.heavy), total=split.clients, hours=percent(split.hours_share),
                         revenue=percent(split.revenue_share)), style="bold"))
    for r in split.heavy:
        lines.append(Text(f"  {one_line(r.name)}: {_verdict(r.latest)}; {one_line(_flags(r.latest))}"))
    return lines


@clients_app.command("hours", help=_("Record the hours spent on a client and the revenue from it in one period."))
def clients_hours(
    client: Annotated[str, typer.Argument(help=_("The client, as in the ledger."), metavar="CLIENT")],
    hours: Annotated[float, typer.Option("--hours", min=0, help=_("Hours spent in the period."))],
    revenue: Annotated[float, typer.Option("--revenue", min=0, help=_("Revenue from the client in the period."))],
    period: Annotated[
        str | None,
        typer.Option("--period", metavar="YYYY-MM", show_default=False,
                     help=_("The period (default: this month); recording one again replaces it.")),
    ] = None,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    import re

    from clientscreen.errors import UsageError
    from clientscreen.i18n import figure, number

    when = period or date.today().strftime("%Y-%m")
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", when):
        raise UsageError(_("--period {period!r} is not a month such as 2026-11", period=when))
    with open_ledger(ledger) as opened:
        ident = opened.set_work(client, when, hours, revenue)
    warn(_("{client}, {period}: {hours} hours, revenue {revenue}", client=ident, period=when, hours=figure(hours),
           revenue=number(revenue)))
