"""``calibrate``: which warning signs predicted the clients who went bad, and the weights they suggest."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from clientscreen.cli.app import LangOption, RulesOption, app, make_console, warn
from clientscreen.cli.ledger import LedgerOption, open_ledger
from clientscreen.i18n import _

if TYPE_CHECKING:
    from rich.console import RenderableType

    from clientscreen.ledger.calibrate import Calibration, Rate
    from clientscreen.ledger.store import Ledger
    from clientscreen.rulebook.diff import Impact
    from clientscreen.rulebook.model import Rulebook


class CalibrateFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


PAGES = (CalibrateFormat.markdown, CalibrateFormat.html)  # formats whose -o is the page, not the rulebook


@app.command("calibrate", help=_("How the clients with each flag and verdict turned out, and the weights that "
                                 "suggests; -o writes them as a new rulebook version."))
def calibrate(
    rules: RulesOption = None,
    min_sample: Annotated[
        int, typer.Option("--min-sample", min=1, help=_("Judged clients needed before anything is claimed."))
    ] = 10,
    fmt: Annotated[CalibrateFormat, typer.Option(
        "--format", "-f", help=_("text, json, markdown or html (a page with charts for the quarterly review)."))
    ] = CalibrateFormat.text,
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", dir_okay=False,
        help=_("text and json: write the suggested weights here as the next rulebook version; markdown and "
               "html: write the page here instead of standard output."))] = None,
    write_rules: Annotated[Path | None, typer.Option(
        "--write-rules", dir_okay=False, help=_("Write the suggested weights here as the next rulebook version "
                                                "(any format)."))] = None,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    import json
    import sys

    from clientscreen.cli.app import emit
    from clientscreen.cli.ledger import ledger_path
    from clientscreen.ledger import calibrate as core
    from clientscreen.rulebook import diff
    from clientscreen.rulebook.model import load_rulebook, resolve_path

    page = fmt in PAGES
    rules_out = write_rules if page or write_rules is not None else output
    page_out = output if page else None
    source = resolve_path(rules)
    ledger_file = ledger_path(ledger)
    from clientscreen.atomic import refuse_input, same_file

    refuse_input("--write-rules" if write_rules is not None else "-o", rules_out, [source, ledger_file])
    refuse_input("-o", page_out, [source, ledger_file])
    if rules_out is not None and page_out is not None and (same_file(rules_out, page_out)
                                                           or rules_out.absolute() == page_out.absolute()):
        from clientscreen.errors import UsageError

        raise UsageError(_("-o and --write-rules name the same file {path}", path=page_out))
    book = load_rulebook(rules)
    with open_ledger(ledger) as opened:
        result = core.calibrate(opened.cases(book.id), min_sample)
        impact = None
        if result.suggestions and (rules_out is not None or page):
            text, new_book = _revise(source, rules_out or Path("suggested.yaml"), result)
            if rules_out is not None:
                from clientscreen.atomic import write_atomic

                write_atomic(rules_out, text.encode("utf-8"))
            impact = _flips(opened, book, new_book, str(source), str(rules_out or _("suggested")))
    written = ({"path": str(rules_out), "version": impact.new_book.version}
               if impact is not None and rules_out is not None else None)
    if page:
        from clientscreen.i18n import current
        from clientscreen.report import calibration

        data = core.to_dict(result, book)
        data["diff"] = diff.to_dict(impact) if impact is not None else None
        data["written"] = written
        shown = calibration.page(data, current()) if fmt is CalibrateFormat.html else calibration.to_markdown(data)
        emit(shown, page_out, private=True)  # client names, where verdicts would flip
    elif fmt is CalibrateFormat.json:
        data = core.to_dict(result, book)
        if impact is not None:
            data["rulebook"] = {"written": str(rules_out), "diff": diff.to_dict(impact)}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        console = make_console()
        for part in render(result, book):
            console.print(part)
        if impact is not None:
            console.print("")
            console.print(_("Written: {path}, version {version}", path=rules_out, version=impact.new_book.version))
            console.print(diff.to_text(impact), end="")
    if rules_out is not None and not result.suggestions:
        warn(_("No weight change is suggested; {path} was not written", path=rules_out))


def _revise(source: Path, output: Path, result: Calibration) -> tuple[str, Rulebook]:
    """The suggested rulebook as YAML text, checked as any rulebook is (written by the caller, atomically)."""
    import yaml

    from clientscreen.ledger.calibrate import revised
    from clientscreen.rulebook import safeyaml
    from clientscreen.rulebook.model import parse_rulebook

    doc = safeyaml.load(source)
    data = revised(doc.data, result.suggestions)
    header = (f"# yaml-language-server: $schema=rulebook.schema.json\n"
              f"# {data.get('id')} {data.get('version')}: weights calibrated from the ledger "
              f"({result.base.n} judged clients, minimum sample {result.min_sample}).\n")
    text = header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110)
    return text, parse_rulebook(safeyaml.parse_yaml(text, str(output)))


def _flips(opened: Ledger, book: Rulebook, new_book: Rulebook, old_label: str, new_label: str) -> Impact:
    """Every client's latest screening by ``book``, scored by both rulebooks (``rules diff``), streamed."""
    from clientscreen.rulebook import diff

    latest = (diff.Prospect(slug, name, date, {q: v for q, v in answers.items() if not q.startswith("our_side.")})
              for slug, name, date, answers in opened.latest_answers(book.id))
    return diff.compare(old_label, book, new_label, new_book, latest)


def _rate_words(rate: Rate) -> str:
    from clientscreen.i18n import number, percent

    return _("{bad} of {n} bad, {rate} ({low}–{high})", bad=number(rate.bad), n=number(rate.n),
             rate=percent(rate.rate),
             low=percent(rate.low), high=percent(rate.high))


def render(result: Calibration, book: Rulebook) -> list[RenderableType]:
    from rich.table import Table
    from rich.text import Text

    from clientscreen.i18n import number
    from clientscreen.ledger.calibrate import bar, label
    from clientscreen.rulebook.diff import verdict_name
    from clientscreen.textsafe import one_line

    def table(first: str) -> Table:
        t = Table(box=None, pad_edge=False, show_edge=False)
        t.add_column(first, overflow="fold", max_width=32)
        t.add_column("", no_wrap=True, min_width=10)  # the bar: a tenth of the scale per cell
        t.add_column(_("Went bad"), ratio=1)
        return t

    out: list[RenderableType] = [Text(_(
        "{clients} clients screened by {rulebook} {version}; of those with an outcome, {rate}.",
        clients=number(result.clients), rulebook=one_line(book.id), version=one_line(book.version),
        rate=_rate_words(result.base)), style="bold"), Text("")]
    short = _("not enough clients to say (fewer than {n})", n=result.min_sample)
    verdicts = table(_("Verdict"))
    for v in result.verdicts:
        verdicts.add_row(verdict_name(v.verdict), bar(v.rate.rate) if v.enough else "",
                         _rate_words(v.rate) if v.enough else short)
    flags = table(_("Flag"))
    for f in result.flags:
        words = _rate_words(f.rate) if f.enough else short
        if f.suggested is not None:
            words += "  " + _("suggest {old:+d} → {new:+d}", old=f.points, new=f.suggested)
        flags.add_row(one_line(label(book, f)), bar(f.rate.rate) if f.enough else "", words)
    out += [verdicts, Text(""), flags, Text("")]
    o = result.overrides
    out.append(Text(_("Decisions against the verdict: {total}; the verdict was right {verdict}, the agency "
                      "{agency}, not known yet {unknown}.", total=o.total, verdict=o.verdict_right,
                      agency=o.agency_right, unknown=o.unknown)))
    if not result.suggestions:
        out.append(Text(_("No weight change is suggested: no flag's rate is clearly away from the base rate.")))
    return out
