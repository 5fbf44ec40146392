"""What a team sets once and looks back on: ``config`` (the settings in force) and ``list`` (past screenings)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from clientscreen.cli.app import (
    LangOption,
    RulesOption,
    app,
    complete_path,
    examples,
    make_console,
    rulebook,
    settings,
    warn,
)
from clientscreen.cli.ledger import LedgerOption
from clientscreen.i18n import _

if TYPE_CHECKING:
    from clientscreen.interview.listing import Entry
    from clientscreen.settings import Settings


@app.command(
    "config",
    help=_("Show the settings in force and where each comes from: option, environment, settings file or default."),
    epilog=examples("clientscreen config", "clientscreen config --lang da", "CLIENTSCREEN_RULES=rules/b.yaml "
                    "clientscreen config"),
)
def config(
    rules: RulesOption = None,
    ledger: LedgerOption = None,
    interval: Annotated[
        int | None, typer.Option("--interval", min=1, metavar="DAYS", show_default=False,
                                 help=_("Days between reviews, as 'clients --interval' takes them."))
    ] = None,
    lang: LangOption = None,
) -> None:
    from clientscreen import i18n
    from clientscreen import settings as core

    options = {"language": lang, "rules": str(rules) if rules is not None and "CLIENTSCREEN_RULES" not in os.environ
               else None, "ledger": str(ledger) if ledger is not None else None,
               "review_interval": str(interval) if interval is not None else None}
    found = core.load(options, os.environ, Path.cwd(), core.user_config_dir())
    found = _language_in_force(found, i18n.current())
    sources = {"option": _("option"), "environment": _("environment"), "file": _("settings file"),
               "default": _("default"), "locale": _("locale")}
    width = max(len(k.name) for k in core.KEYS)
    lines = []
    for key in core.KEYS:
        value = found.values[key.name]
        shown = value.value if value.value is not None else _("(not set)")
        where = sources[value.source] + (f" ({value.where})" if value.where else "")
        lines.append(f"{key.name:<{width}}  {shown}  ← {where}" if i18n.is_rtl() else
                     f"{key.name:<{width}}  {shown}  [{where}]")
    lines.append("")
    lines.append(_("Settings files, most important first:"))
    for path in found.searched:
        mark = _("read") if path in found.files else _("absent")
        lines.append(f"  {path}  ({mark})")
    from rich.text import Text

    console = make_console()
    for line in lines:
        console.print(Text(line), soft_wrap=True)


def _language_in_force(found: Settings, active: str) -> Settings:
    """The language row shows the language actually chosen, the locale's when nothing else set one."""
    from dataclasses import replace

    from clientscreen.settings import Value

    if found.values["language"].source == "default":
        return replace(found, values={**found.values, "language": Value(active, "locale")})
    return found


@app.command(
    "list",
    help=_("List past screenings in the screenings folder: prospect, date, verdict, status and file, newest first."),
    epilog=examples("clientscreen list", "clientscreen list --verdict decline", "clientscreen list --status draft "
                    "--folder ~/screenings"),
)
def list_screenings(
    verdict: Annotated[
        str | None, typer.Option("--verdict", metavar="take|negotiate|decline", help=_("Only this verdict."),
                                 autocompletion=lambda: ["take", "negotiate", "decline"])
    ] = None,
    status: Annotated[
        str | None, typer.Option("--status", metavar="draft|complete", help=_("Only drafts or only complete ones."),
                                 autocompletion=lambda: ["draft", "complete"])
    ] = None,
    folder: Annotated[
        Path | None, typer.Option("--folder", metavar="FOLDER", autocompletion=complete_path, file_okay=False,
                                  help=_("Where the screenings are (default: the settings' screenings folder)."))
    ] = None,
    rules: RulesOption = None,
    lang: LangOption = None,
) -> None:
    from clientscreen.cli.app import pick
    from clientscreen.interview import listing
    from clientscreen.rulebook.model import load_rulebook

    wanted_verdict = pick(["take", "negotiate", "decline"], verdict, "--verdict")
    wanted_status = pick(["draft", "complete"], status, "--status")
    where = folder or settings().path("screenings") or Path("screenings")
    book = load_rulebook(rulebook(rules))
    entries, problems = listing.scan(where, book)
    for problem in problems:
        warn(problem)
    shown = [e for e in entries if (wanted_verdict is None or e.verdict == wanted_verdict)
             and (wanted_status is None or e.status == wanted_status)]
    _print_listing(shown)


def _shown_path(path: Path) -> str:
    """A file as the user would type it from here: relative to the working folder where it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _print_listing(entries: list[Entry]) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from clientscreen.report import bidi
    from clientscreen.rulebook.model import Verdict
    from clientscreen.textsafe import one_line

    console = make_console()
    view = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
    view.add_column(_("Prospect"), no_wrap=True, overflow="ellipsis", ratio=1, min_width=10)
    view.add_column(_("Date"), no_wrap=True, min_width=16)
    view.add_column(_("Verdict"), no_wrap=True, min_width=max(len(v.shown) for v in Verdict))
    view.add_column(_("Status"), no_wrap=True, min_width=max(len(_("draft")), len(_("complete"))))
    view.add_column(_("File"), overflow="fold", ratio=1)
    statuses = {"draft": _("draft"), "complete": _("complete")}
    for entry in entries:
        verdict = Verdict(entry.verdict).shown if entry.verdict else "?"
        view.add_row(Text(one_line(entry.prospect)), Text(entry.date), Text(verdict),
                     Text(statuses.get(entry.status, entry.status)), Text(_shown_path(entry.path)))
    if not entries:
        console.print(Text(_("No screenings found.")))
        return
    from clientscreen import i18n

    console.print(bidi.left_to_right(view) if i18n.is_rtl() else view)
