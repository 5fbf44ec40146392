"""``ledger``: the record of every completed screening; import answers files, export, merge two spellings."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from clientscreen.cli.app import LangOption, OutputOption, RulesOption, app, settings, warn
from clientscreen.i18n import _

if TYPE_CHECKING:
    from clientscreen.interview.answersfile import AnswersFile
    from clientscreen.ledger.store import Ledger
    from clientscreen.rulebook.model import Rulebook
    from clientscreen.scoring import Assessment

LedgerOption = Annotated[
    Path | None,
    typer.Option(
        "--ledger",
        help=_("Ledger database (default: $CLIENTSCREEN_LEDGER, else the settings file's ledger, else "
               "clientscreen.db in this folder)."),
        show_default=False,
        dir_okay=False,
    ),
]

ledger_app = typer.Typer(
    help=_("The record of every completed screening: import answers files, export, merge two spellings."),
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(ledger_app, name="ledger")


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"


def ledger_path(option: Path | None) -> Path:
    """The ledger in force: ``--ledger``, the variable, the settings file's ``ledger``, else clientscreen.db here."""
    if option is not None:
        return option
    return settings().path("ledger") or Path("clientscreen.db")  # the variable, the file's, else its default


def open_ledger(option: Path | None) -> Ledger:
    from clientscreen.ledger import store

    return store.connect(ledger_path(option))


def record(option: Path | None, file: AnswersFile, book: Rulebook, assessment: Assessment) -> bool:
    """Record a completed screening; False if the ledger had it already."""
    from clientscreen.ledger.records import from_screening

    with open_ledger(option) as ledger:
        return ledger.record(from_screening(file, book, assessment))


def _answers_files(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml", ".json") and p.is_file()
                            and not p.name.startswith("."))
        else:
            found.append(path)
    return found


@ledger_app.command("import", help=_("Record answers files (or folders of them); importing twice adds nothing."))
def ledger_import(
    paths: Annotated[list[Path], typer.Argument(help=_("Answers files or folders, e.g. screenings/."),
                                                metavar="PATH...")],
    rules: RulesOption = None,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    from clientscreen.errors import ClientscreenError, ExitCode
    from clientscreen.i18n import number
    from clientscreen.interview import answersfile
    from clientscreen.ledger.records import from_screening
    from clientscreen.rulebook.model import bundled_for, load_rulebook
    from clientscreen.scoring import assess

    books: dict[Path | None, Rulebook] = {}
    added = known = drafts = failed = 0
    with open_ledger(ledger) as store:
        for path in _answers_files(paths):
            try:
                loaded = answersfile.load(path)
                if loaded.file.status == "draft":
                    drafts += 1
                    continue
                ref = loaded.file.rulebook
                source = rules if rules is not None else bundled_for(ref.id if ref else None)
                if source not in books:
                    books[source] = load_rulebook(source)
                book = books[source]
                given, _warnings = answersfile.read(book, loaded)
                if store.record(from_screening(loaded.file, book, assess(book, given))):
                    added += 1
                else:
                    known += 1
            except ClientscreenError as exc:
                failed += 1
                warn(exc)
    warn(_("{added} recorded, {known} already in the ledger, {drafts} drafts skipped, {failed} unreadable",
           added=number(added), known=number(known), drafts=number(drafts), failed=number(failed)))
    if failed:
        raise typer.Exit(ExitCode.PROBLEMS)


@ledger_app.command("export", help=_("Every screening in the ledger, as CSV or JSON Lines."))
def ledger_export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help=_("csv or jsonl."))] = ExportFormat.csv,
    client: Annotated[str | None, typer.Option("--client", help=_("Only this client's screenings."))] = None,
    output: OutputOption = None,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    import sys

    from clientscreen.atomic import write_atomic
    from clientscreen.errors import UsageError
    from clientscreen.ledger import export

    path = ledger_path(ledger)
    if output is not None and output.exists() and path.exists() and output.resolve() == path.resolve():
        raise UsageError(_("-o {path} is the ledger itself; write the export elsewhere", path=output))
    with open_ledger(ledger) as opened:
        records = opened.screenings(client)
    text = export.to_csv(records) if fmt is ExportFormat.csv else export.to_jsonl(records)
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(output, text.encode("utf-8"), mode=0o600)  # client data


@ledger_app.command("merge", help=_("Treat two spellings as one client: OTHER's screenings move to CLIENT."))
def ledger_merge(
    other: Annotated[str, typer.Argument(help=_("The spelling to retire."), metavar="OTHER")],
    client: Annotated[str, typer.Argument(help=_("The client to keep."), metavar="CLIENT")],
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    from clientscreen.i18n import _n

    with open_ledger(ledger) as store:
        moved = store.merge(other, client)
        kept = store.client_id(client)
    warn(_n("{n} screening of {other} now belongs to {client}; {other} is a second name for it",
            "{n} screenings of {other} now belong to {client}; {other} is a second name for it",
            moved, other=other, client=kept))
