"""The brief: what a sales lead reads in the minute before the meeting, on one 80×24 screen.

The verdict with one line of why; what to propose, as the terms in the words of a proposal; the top
questions to ask and why they matter; the notes; for a decline, how to say no. Everything else is in
``--full``. The brief fits the screen by saying less, never by being cut: it is laid out with fewer
questions, terms and lines of advice until it fits the height it is given.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.constrain import Constrain
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text

from clientscreen import i18n
from clientscreen.i18n import _, _n, percent
from clientscreen.interview.answersfile import Prospect
from clientscreen.report.bidi import LINE_WIDTH, right_to_left, signed
from clientscreen.report.content import (
    band_of_score,
    decision_words,
    headline,
    our_side_words,
    proposal,
    reached_with_terms,
    refusal,
    score_with_terms,
    to_dict,
    why_line,
)
from clientscreen.rulebook.model import Rulebook, Verdict
from clientscreen.scoring import Assessment
from clientscreen.textsafe import clean, one_line

SCREEN_HEIGHT = 24
STYLE = {Verdict.TAKE: "bold green", Verdict.NEGOTIATE: "bold yellow", Verdict.DECLINE: "bold red"}
MAX_WIDTH = 80


@dataclass(frozen=True)
class Budget:
    """How much of each part the brief shows; made smaller until the brief fits."""

    terms: int = 6
    questions: int = 3
    refusal: int = 3
    note_lines: int = 3
    why_lines: int = 2


def _budgets() -> list[Budget]:
    """From the fullest brief to the barest, one part at a time, the least needed first."""
    out, b = [Budget()], Budget()
    for change in ({"note_lines": 2}, {"questions": 2}, {"refusal": 2}, {"why_lines": 1}, {"terms": 4},
                   {"note_lines": 1}, {"questions": 1}, {"terms": 3}, {"refusal": 1}, {"terms": 2}, {"terms": 1},
                   {"questions": 0}):
        b = replace(b, **change)
        out.append(b)
    return out


def _clipped(text: str, lines: int, width: int) -> Text:
    """At most ``lines`` lines of ``width``: a note or a why is shortened with an ellipsis, not cut off."""
    text = " ".join(clean(text).split())
    room = max(1, lines * width - 2)
    return Text(text if len(text) <= room else text[: room - 1].rstrip() + "…")


class Brief:
    """The brief as a Rich renderable that fits the height it is given (24 lines unless told)."""

    def __init__(self, report: dict[str, Any], *, height: int = SCREEN_HEIGHT, more: str | None = None) -> None:
        self.report = report
        self.height = height
        self.more = more

    def parts(self, b: Budget, width: int) -> list[RenderableType]:
        r = self.report
        verdict = Verdict(r["verdict"])
        prospect = r["prospect"] or {}
        out: list[RenderableType] = []
        if r["draft"]:
            out.append(Text(_("DRAFT: the interview is not finished"), style="bold yellow"))
        head = Text()
        short = not r["enough_evidence"]
        head.append(headline(verdict, short, r["verdict_names"][verdict.value]),
                    style="bold" if short else STYLE[verdict])
        if not short and r["provisional"]:  # our own side still open
            head.append("  " + _("provisional"), style="bold")
        if prospect.get("name"):
            head.append("  " + one_line(prospect["name"]), style="bold")
        if prospect.get("company"):
            head.append(" · " + one_line(prospect["company"]))
        out.append(head)
        out.append(_clipped(why_line(r), b.why_lines, width))
        band = [band_of_score(r)] if r["verdict"] == r["score_verdict"] else []  # a floor decided, not the band
        facts = " · ".join((_("Score {score}", score=r["score"]), *band,
                            _("evidence {share}", share=percent(r["coverage"]))))
        out.append(Text(facts, style="dim"))
        decided = decision_words(r)
        if decided:  # what the agency did with the verdict, above all an override
            text = _clipped(decided, 2, width)
            text.stylize("bold" if r["decision"]["overrides"] else "")
            out.append(text)
        side = our_side_words(r)
        if side:  # a let go with our own side unchecked, or partly ours, is not final
            text = _clipped(side, 2, width)
            text.stylize("bold")
            out.append(text)

        items = proposal(r)
        if items:
            reach = reached_with_terms(r)
            heading = (_("Decline unless they accept these terms (then {verdict})", verdict=reach.shown)
                       if verdict is Verdict.DECLINE else _("Propose (then {verdict}):", verdict=reach.shown)
                       if reach is not verdict else _("Propose:"))
            out += [Text(""), Text(heading, style="bold")]
            for i, item in enumerate(items[: b.terms], start=1):
                line = Text(f"{i}. ")
                line.append(clean(item["term"]))
                if item["points"]:
                    line.append(f" ({signed(item['points'])})", style="dim")
                out.append(line)
            if len(items) > b.terms:
                out.append(Text(_n("… and {n} more term", "… and {n} more terms", len(items) - b.terms),
                                style="dim"))
            if r["levers"]["terms"]:
                out.append(Text(_("Together: score {before} → {after}, {verdict}.", before=r["score"],
                                  after=score_with_terms(r), verdict=reach.shown), style="dim"))

        asks = r["ask_next"][: b.questions]
        if asks:
            out += [Text(""), Text(_("Ask next, and why it matters:"), style="bold")]
            for p in asks:
                line = Text("? ", style="cyan")
                line.append(clean(p["text"]))
                why = [p["category_title"]] if p.get("category_title") else []
                why += ([_("can knock out")] if p["knockout"] else []) + ([f"±{p['stake']}"] if p["stake"] else [])
                if why:
                    line.append(f" ({', '.join(why)})", style="dim")
                out.append(line)

        if r["final"]:
            out.append(Text(_("No term and no answer still unknown can change this decline."), style="dim"))
        if verdict is Verdict.DECLINE and not r["levers"]["terms"] and b.refusal:
            out += [Text(""), Text(_("How to say no:"), style="bold")]
            out += [Text("– " + line) for line in refusal(r)[: b.refusal]]

        notes = prospect.get("notes")
        if notes and b.note_lines:
            label = _("Notes:")
            line = Text(label + " ", style="bold")
            line.append_text(_clipped(notes, b.note_lines, width - 1))
            out += [Text(""), line]
        if self.more:
            out.append(Text(self.more, style="dim"))
        return out

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = min(options.max_width, MAX_WIDTH)
        lines: list[list[Segment]] = []
        for budget in _budgets():
            lines = console.render_lines(Group(*self.parts(budget, width)), options.update_width(width), pad=False)
            if len(lines) <= self.height:
                break
        for line in lines:
            yield from line
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, min(options.max_width, MAX_WIDTH))


def render(assessment: Assessment, rulebook: Rulebook, prospect: Prospect | None = None,
           our_side: str | None = None, *, height: int = SCREEN_HEIGHT, more: str | None = None,
           draft: bool = False) -> RenderableType:
    """The brief for a terminal; right-to-left languages get shorter lines, each a right-to-left paragraph."""
    return from_dict(to_dict(assessment, rulebook, prospect, our_side, draft=draft), height=height, more=more)


def from_dict(report: dict[str, Any], *, height: int = SCREEN_HEIGHT, more: str | None = None) -> RenderableType:
    brief = Brief(report, height=height, more=more)
    if i18n.is_rtl():
        return right_to_left(Constrain(brief, width=LINE_WIDTH))
    return brief
