"""The full report for a terminal (``report --full``): every flag with its why, advice and source, the terms,
the questions still open, and two small charts. Readable at 60 columns and at 160, and without colour.

Every text from outside (names, notes) and from the rulebook goes through ``Text`` after ``textsafe.clean``:
it is data, never markup.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.constrain import Constrain
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.text import Text

from clientscreen import i18n
from clientscreen.i18n import _, _n, percent
from clientscreen.interview.answersfile import Prospect
from clientscreen.report import parting, plots
from clientscreen.report.bidi import LINE_WIDTH, arrow, embedded, right_to_left, signed
from clientscreen.report.content import (
    answer_words,
    band_words,
    citation,
    client_types,
    deciders,
    flag_groups,
    headline,
    margin_words,
    our_side_words,
    to_dict,
)
from clientscreen.rulebook.model import Rulebook, Verdict
from clientscreen.scoring import Assessment
from clientscreen.textsafe import clean, one_line

STYLE = {Verdict.TAKE: "bold green", Verdict.NEGOTIATE: "bold yellow", Verdict.DECLINE: "bold red"}


def _heading(title: str) -> Rule:
    return Rule(Text(title, style="bold"), align="left", characters="─")


def _indented(label: str, text: str, style: str = "dim") -> Padding:
    out = Text(f"{label} ", style=style)
    out.append(clean(text))
    return Padding(out, (0, 0, 0, 2), expand=False)


def render(
    assessment: Assessment,
    rulebook: Rulebook,
    prospect: Prospect | None = None,
    our_side: str | None = None,
    *,
    draft: bool = False,
) -> RenderableType:
    """The report for a terminal: readable at 60 columns and at 160, and without colour.

    Right-to-left languages get no boxes and no columns (see ``bidi``) and shorter lines.
    """
    return from_dict(to_dict(assessment, rulebook, prospect, our_side, draft=draft))


def from_dict(r: dict[str, Any]) -> RenderableType:
    verdict = Verdict(r["verdict"])
    rtl = i18n.is_rtl()
    parts: list[RenderableType] = [_summary(r, verdict, r["prospect"] or {}, boxed=not rtl)]

    decided = deciders(r)
    if decided:
        parts.append(_heading(_("Knock-outs")))
        for g in decided:
            line = Text("✖ ", style="red")
            line.append(clean(g["category_title"]), style="bold")
            line.append(" " + (_("→ at least negotiate") if g["floor"] == "negotiate" else _("→ decline")))
            if g["points"] is not None:
                points = _n("{n} red point in this client type", "{n} red points in this client type", g["points"])
                line.append(f"  ({points})", style="dim")
            parts.append(line)
            parts += [_indented("•", f"{k['text']} {arrow()} {k['answer_label'] or k['answer']}", style="")
                      for k in g["answers"]]
            parts += _details(g)
    explained = {g["category"] for g in decided}

    for title, red in ((_("Red flags"), True), (_("Green flags"), False)):
        groups = flag_groups(r, red=red)
        if groups:
            parts.append(_heading(title))
            parts += [_flag_group(g, details=red and g["category"] not in explained) for g in groups]

    levers = r["levers"]
    if levers["terms"]:
        reach = r["verdict_names"][levers["reach"]]
        heading = (_("Decline unless they accept these terms (then {verdict})", verdict=reach)
                   if verdict is Verdict.DECLINE else _("Put on the table: would make it {verdict}", verdict=reach))
        parts.append(_heading(heading))
        for i, lv in enumerate(levers["terms"], start=1):
            line = Text(f"{i}. ")
            line.append(clean(lv["term"]), style="bold")
            line.append("  (" + _n("{points} point", "{points} points", abs(lv["points"]),
                                   points=signed(lv["points"])) + ")", style="dim")
            parts.append(line)
    if r["conditions"]:
        parts.append(_heading(_("Conditions to set")))
        for c in r["conditions"]:
            line = Text("→ ", style="yellow")
            line.append(clean(c["category_title"]) + ": ", style="bold")
            line.append(clean(c["term"]))
            parts.append(line)
    if r["final"]:
        parts += [_heading(_("Put on the table")),
                  Text(_("No term and no answer still unknown can change this decline."), style="dim")]
    elif verdict is not Verdict.TAKE and not levers["terms"] and not r["conditions"]:
        parts += [_heading(_("Put on the table")),
                  Text(_("No negotiable term would change this verdict."), style="dim")]

    if r["ask_next"]:
        parts.append(_heading(_("Still unknown: ask these next")))
        for p in r["ask_next"][:8]:
            line = Text("? ", style="cyan")
            line.append(clean(p["text"]))
            facts = ([f"±{p['stake']}"] if p["stake"] else []) + ([_("can knock out")] if p["knockout"] else [])
            if facts:
                line.append(f"  ({', '.join(facts)})", style="dim")
            parts.append(line)
        if len(r["ask_next"]) > 8:
            parts.append(Text(_n("… and {n} more", "… and {n} more", len(r["ask_next"]) - 8), style="dim"))

    if r["letting_go"]:
        parts += parting.render(r["letting_go"])
    parts += _charts(r)
    parts += _sources(r)
    if rtl:
        return right_to_left(Constrain(Group(*parts), width=LINE_WIDTH))
    return Constrain(Group(*parts), width=MAX_WIDTH)


MAX_WIDTH = 100  # wider lines are harder to read, and a report is read, not scanned


def _points_first(points: int, title: str, style: str = "") -> Text:
    """``+7 Title``; in right-to-left text ``Title +7``, because a terminal drops a mark at the start of a line
    and without one the sign comes out on the wrong side of the digits."""
    colour = "red" if points > 0 else "green"
    if i18n.is_rtl():
        line = Text(clean(title), style=style)
        line.append(" " + signed(points), style=colour)
        return line
    line = Text(f"{points:+d} ", style=colour)
    line.append(clean(title), style=style)
    return line


def _summary(r: dict[str, Any], verdict: Verdict, prospect: dict[str, Any], *, boxed: bool) -> RenderableType:
    body: list[RenderableType] = []
    if r["draft"]:
        body.append(Text(_("DRAFT: the interview is not finished"), style="bold yellow"))
    if prospect:
        name = Text(one_line(prospect["name"]), style="bold")
        if prospect.get("company"):
            name.append(" · " + one_line(prospect["company"]))
        body.append(name)
    short = not r["enough_evidence"]
    head = Text(headline(verdict, short, r["verdict_names"][verdict.value]), style="bold" if short else STYLE[verdict])
    if not short and r["provisional"]:  # our own side still open
        head.append("  " + _("provisional"), style="bold")
    body.append(head)
    if verdict.value != r["score_verdict"]:
        body.append(Text(_("The score alone says {verdict}; a knock-out or a client type overrides it.",
                           verdict=r["verdict_names"][r["score_verdict"]]), style="dim"))
    score = Text(_("Score {score}", score=r["score"]), style="bold")
    score.append(f"  ({band_words(r)})")
    body.append(score)
    margin = margin_words(r)
    if margin:  # a decline no answer can lift has no margin to quote
        body.append(Text(margin, style="dim"))
    coverage = Text(_("Evidence: {share} of the points at stake answered", share=percent(r["coverage"])), style="dim")
    if not r["enough_evidence"]:
        coverage.append(_("; below {share}, so ask more before deciding", share=percent(r["min_coverage"])),
                        style="dim")
    body.append(coverage)
    side = our_side_words(r)
    if side:
        body.append(Text(side, style="bold"))
    if prospect.get("contact"):
        body.append(_indented(_("Contact:"), embedded(prospect["contact"])))
    if prospect.get("notes"):
        body.append(_indented(_("Notes:"), embedded(prospect["notes"])))
    border = STYLE[verdict] if r["enough_evidence"] else "bold"
    if not boxed:
        return Group(Rule(style=border), *body, Rule(style=border))
    return Panel(Group(*body), border_style=border)


def _flag_group(g: dict[str, Any], *, details: bool) -> RenderableType:
    lines: list[RenderableType] = [_points_first(g["points"], g["category_title"], "bold")]
    for f in g["answers"]:
        lines.append(_indented("•", f"{f['text']} {arrow()} {answer_words(f)}", style=""))
    if details:
        lines += _details(g)
    return Group(*lines)


def _details(g: dict[str, Any]) -> list[RenderableType]:
    """Why a client type matters, what to do, and the article: said once per type in a report."""
    source = g["source"]
    return [
        _indented(_("Why:"), g["why"]),
        _indented(_("Do:"), g["advice"]),
        _indented(_("Source:"), citation(source)),  # title and section in the reader's language
    ]




def _charts(r: dict[str, Any]) -> list[RenderableType]:
    """The score against the bands, and the points per client type, as Unicode bars."""
    out: list[RenderableType] = [_heading(_("Score against the bands"))]
    bar = plots.score_bar(r)
    out.append(Text(bar[0]))
    out += [Text(line, style="dim") for line in bar[1:]]
    out.append(Text(band_words(r), style="dim"))
    types = plots.type_bars(r)
    if types:
        out.append(_heading(_("Points per client type")))
        for c, (points, bar_text) in zip(client_types(r), types, strict=True):
            line = Text(f"{bar_text} ", style="red" if points > 0 else "green")
            line.append(f"{signed(points)} ", style="bold")
            line.append(clean(c["title"]))
            out.append(line)
    return out


def _sources(r: dict[str, Any]) -> list[RenderableType]:
    cited = [s for s in r["sources"] if s["cited"]]
    if not cited:
        return []
    out: list[RenderableType] = [_heading(_("Sources"))]
    for s in cited:
        line = Text("• ")
        line.append(clean(s["title"]), style="bold")
        line.append(" " + embedded(f"({s['language']}; {s['id']})"), style="dim")
        if s["url"]:
            line.append(" " + embedded(clean(s["url"])), style="dim")
        out.append(line)
    return out
