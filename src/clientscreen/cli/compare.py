"""``compare``: two people's screenings of one prospect, and which of their differences move the verdict.

The weighing is ``report.compare``'s; this module reads the two screenings (two answers files, or two
entries of one client in the ledger), renders, and records complete files in the ledger as ``report`` does.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from clientscreen.cli.app import (
    LangOption,
    OutputOption,
    RulesOption,
    app,
    choice_option,
    complete_path,
    emit,
    examples,
    make_console,
    pick,
    plain,
    rulebook,
    warn,
)
from clientscreen.cli.ledger import LedgerOption, open_ledger
from clientscreen.i18n import _

if TYPE_CHECKING:
    from rich.console import RenderableType

    from clientscreen.interview.answersfile import Loaded
    from clientscreen.ledger.records import ScreeningRecord
    from clientscreen.report.compare import Comparison, Side
    from clientscreen.rulebook.model import Rulebook


class CompareFormat(StrEnum):
    rich = "rich"
    json = "json"
    markdown = "markdown"


@app.command(
    help=_("Set two screenings of one prospect side by side: where two people answered differently, and "
           "which differences move the verdict."),
    epilog=examples("clientscreen compare mette.yaml jonas.yaml",
                    "clientscreen compare 'Kontor Gruppen A/S' -f markdown -o compare.md",
                    "clientscreen compare 'Kontor Gruppen A/S' --entries 3f2a 9c41 -f json"),
)
def compare(
    first: Annotated[
        str, typer.Argument(help=_("An answers file (- for standard input), or a client in the ledger."),
                            metavar="A|CLIENT", autocompletion=complete_path, show_default=False)
    ],
    second: Annotated[
        str | None, typer.Argument(help=_("The other answers file; left out, two of CLIENT's screenings."),
                                   metavar="[B]", autocompletion=complete_path, show_default=False)
    ] = None,
    entries: Annotated[
        tuple[str, str] | None,
        typer.Option("--entries", metavar="ID ID", show_default=False,
                     help=_("Two of CLIENT's screenings by id (default: the latest two by different "
                            "interviewers, else the latest two).")),
    ] = None,
    rules: RulesOption = None,
    fmt: Annotated[str, choice_option(CompareFormat, _("Output format: rich, json or markdown."))] = "rich",
    output: OutputOption = None,
    ledger: LedgerOption = None,
    no_ledger: Annotated[
        bool, typer.Option("--no-ledger", help=_("Do not record the two answers files in the ledger."))
    ] = False,
    lang: LangOption = None,
) -> None:
    import json
    import os

    from clientscreen.atomic import refuse_input
    from clientscreen.errors import UsageError
    from clientscreen.ledger import store
    from clientscreen.report import compare as core

    chosen = CompareFormat(pick([f.value for f in CompareFormat], fmt, "--format"))
    rules = rulebook(rules)  # else the settings file's
    ledger_path = store.resolve_path(ledger, os.environ)
    if second is None:
        if Path(first).suffix.casefold() in (".yaml", ".yml", ".json") or first == "-":
            raise UsageError(_("compare takes two answers files, or one client of the ledger; {given} is a file",
                               given=first))
        refuse_input("-o", output, [rules, ledger_path])
        book, sides, names = _from_ledger(first, entries, rules, ledger)
    else:
        if entries is not None:
            raise UsageError(_("--entries picks two screenings of one client; it takes no answers files"))
        if first == "-" and second == "-":
            raise UsageError(_("only one of the two answers files can be standard input (-)"))
        refuse_input("-o", output, [Path(first), Path(second), rules, ledger_path])
        book, sides, names, loaded = _from_files(Path(first), Path(second), rules)
    result = core.compare(book, *sides)
    mismatch = core.rulebook_warning(result, names)
    if mismatch is not None:
        warn(_("warning: {message}", message=mismatch))
    from clientscreen.textsafe import slug

    if second is not None and slug(result.a.prospect) != slug(result.b.prospect):  # a ledger client is one
        warn(_("warning: {message}", message=_("A is about {a} and B about {b}; compared all the same",
                                                a=result.a.prospect, b=result.b.prospect)))
    if chosen is CompareFormat.json:
        emit(json.dumps(core.to_dict(result), ensure_ascii=False, indent=2) + "\n", output, private=True)
    elif chosen is CompareFormat.markdown:
        emit(core.markdown(result), output, private=True)
    elif output is not None:
        emit(plain(_view(result), width=80), output, private=True)
    else:
        from clientscreen import i18n
        from clientscreen.report import bidi

        console = make_console()
        with bidi.autodetect(console, i18n.is_rtl()):
            console.print(_view(result))
    if second is not None and not no_ledger:  # complete files are screenings, recorded once each
        from clientscreen.cli.ledger import record

        for one, assessment in zip(loaded, (result.result_a, result.result_b), strict=True):
            if one.file.status != "draft":
                record(ledger, one.file, book, assessment)


def _from_files(first: Path, second: Path, rules: Path | None) -> tuple[Rulebook, tuple[Side, Side],
                                                                        tuple[str, str], tuple[Loaded, Loaded]]:
    from clientscreen.interview import answersfile
    from clientscreen.report.compare import Side, Stamp
    from clientscreen.rulebook.model import bundled_for, load_rulebook

    loaded = (answersfile.load(first), answersfile.load(second))
    ref = loaded[0].file.rulebook or loaded[1].file.rulebook
    book = load_rulebook(rules if rules is not None else bundled_for(ref.id if ref else None))
    refs = [one.file.rulebook for one in loaded]
    differ = refs[0] is not None and refs[1] is not None and refs[0].hash != refs[1].hash
    sides = []
    for label, one in zip("AB", loaded, strict=True):
        given, warnings = answersfile.read(book, one)
        for w in warnings:
            if not (differ and w.where == "rulebook"):  # said once for both, below
                warn(w)
        stamp = one.file.rulebook
        sides.append(Side(label, one.path, one.file.prospect.name, one.file.interviewer, one.file.interviewed_at,
                          Stamp(stamp.id, stamp.version, stamp.hash) if stamp else None, given))
    return book, (sides[0], sides[1]), (str(first), str(second)), loaded


def _from_ledger(client: str, entries: tuple[str, str] | None, rules: Path | None,
                 ledger: Path | None) -> tuple[Rulebook, tuple[Side, Side], tuple[str, str]]:
    from clientscreen.ledger.store import LedgerError
    from clientscreen.report.compare import pair
    from clientscreen.rulebook.model import bundled_for, load_rulebook

    with open_ledger(ledger) as opened:
        if opened.client_id(client) is None:
            raise LedgerError(_("{path}: no client {client!r} in the ledger", path=opened.path, client=client))
        history = opened.screenings(client)
        path = opened.path
    if entries is None:  # an intake and a review ask different questions: the latest one's rulebook only
        history = [r for r in history if r.rulebook_id == history[-1].rulebook_id]
    if len(history) < 2:
        raise LedgerError(_("{path}: {client!r} has one screening by rulebook {rulebook}; compare needs two "
                            "(clientscreen ledger export --client NAME lists them)", path=path, client=client,
                            rulebook=history[-1].rulebook_id))
    older, newer = pair(history, entries)
    book = load_rulebook(rules if rules is not None else bundled_for(newer.rulebook_id))
    sides = (_ledger_side("A", older, book, path), _ledger_side("B", newer, book, path))
    return book, sides, (older.id[:19], newer.id[:19])


def _ledger_side(label: str, rec: ScreeningRecord, book: Rulebook, path: Path) -> Side:
    from clientscreen.answers import AnswerError, Given, parse
    from clientscreen.ledger.store import LedgerError
    from clientscreen.report.compare import Side, Stamp

    given: dict[str, Given] = {}
    for qid, raw in rec.answers:
        question = book.question_by_id.get(qid)
        if question is None:  # our own side's answers, or a question this rulebook no longer asks
            continue
        try:
            given[qid] = parse(question, raw)
        except AnswerError as exc:
            raise LedgerError(f"{path}: {rec.id[:19]}: {qid}: {exc}") from None
    return Side(label, rec.id, rec.client_name, rec.interviewer, rec.screened_at,
                Stamp(rec.rulebook_id, rec.rulebook_version, rec.rulebook_hash), given)


def _view(c: Comparison) -> RenderableType:
    """Lines, never columns: the same view reads right to left in Hebrew."""
    from rich.console import Group
    from rich.text import Text

    from clientscreen import i18n
    from clientscreen.report import bidi
    from clientscreen.report import compare as core
    from clientscreen.rulebook.model import Verdict
    from clientscreen.textsafe import one_line

    r, book = core.to_dict(c), c.rulebook
    style = {"take": "green", "negotiate": "yellow", "decline": "red"}
    lines: list[RenderableType] = [Text(_("{name}: two screenings compared (rulebook {id} {version})",
                                          name=one_line(c.a.prospect), id=one_line(book.id),
                                          version=one_line(book.version)), style="bold")]
    for key in ("a", "b"):
        s = r[key]
        line = Text(f"{s['label']}  {core.who(s)}: ")
        word = core.verdict_word(book, Verdict(s["verdict"]))
        line.append(word.upper(), style="bold " + style[s["verdict"]])
        line.append(", " + _("score {score}", score=s["score"]))
        if s["provisional"]:
            line.append(" (" + _("not enough evidence yet") + ")")
        line.append("  " + bidi.embedded(one_line(str(s["source"]))[:40]), style="dim")
        lines.append(line)
    lines += [Text(""), Text(core.summary(c))]
    for i, d in enumerate(core.in_sections(c), start=1):
        if d is core.first_single(c):
            lines += [Text(""), Text(_("Answered by only one of them:"), style="bold")]
        q = book.question_by_id[d.question]
        lines.append(Text(""))
        head = Text(f"{i}. {one_line(q.text.get())}", style="bold")
        if d.flips:
            head.append("  " + _("changes the verdict"), style="bold red")
        lines.append(head)
        lines.append(Text(f"   A: {one_line(core.shown(q, d.a))}   B: {one_line(core.shown(q, d.b))}"))
        if not q.scores:
            lines.append(Text("   " + _("a note: never scored"), style="dim"))
            continue
        lines.append(Text("   " + _("with B's answer alone: {effect}", effect=core.effect_words(book, d.with_b)),
                          style="bold" if d.with_b.flips else ""))
        lines.append(Text("   " + _("with A's answer alone: {effect}", effect=core.effect_words(book, d.with_a)),
                          style="bold" if d.with_a.flips else ""))
    view = Group(*lines)
    if i18n.is_rtl():
        from rich.constrain import Constrain

        return bidi.right_to_left(Constrain(view, width=bidi.LINE_WIDTH))
    return view
