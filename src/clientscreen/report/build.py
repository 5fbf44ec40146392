"""Turning an assessment into what people read: a Rich report, JSON for scripts, Markdown for notes.

``to_dict`` is the single description of a report; JSON is that dict, and the Rich and
Markdown views show the same facts, so no output can claim what another does not.
Every text from outside (names, notes) and from the rulebook goes through ``Text``
or an escaper after ``textsafe.clean``: it is data, never markup.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.constrain import Constrain
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from clientscreen import i18n
from clientscreen.i18n import _, _n, percent
from clientscreen.interview.answersfile import Prospect
from clientscreen.report.bidi import LINE_WIDTH, arrow, embedded, right_to_left, signed
from clientscreen.rulebook.model import Rulebook, Verdict
from clientscreen.scoring import Assessment
from clientscreen.textsafe import clean, markdown, one_line

STYLE = {Verdict.TAKE: "bold green", Verdict.NEGOTIATE: "bold yellow", Verdict.DECLINE: "bold red"}
MARK = {Verdict.TAKE: "✔", Verdict.NEGOTIATE: "≈", Verdict.DECLINE: "✖"}


def to_dict(assessment: Assessment, rulebook: Rulebook, prospect: Prospect | None = None) -> dict[str, Any]:
    """Everything the report shows, with stable keys; texts are the rulebook's, in the active language."""
    a, rb = assessment, rulebook
    questions, categories = rb.question_by_id, rb.category_by_id

    def answer_text(qid: str, value: str | int | None) -> str | None:
        option = questions[qid].by_value.get(value) if value is not None else None
        return option.shown if option else None

    def explained(cid: str) -> dict[str, Any]:
        c = categories[cid]
        return {"why": c.why.get(), "advice": c.advice.get(),
                "source": {"article": c.source.article, "section": c.source.section}}

    def flag(f: Any) -> dict[str, Any]:
        q, c = questions[f.question], categories[f.category]
        return {
            "question": f.question,
            "text": q.text.get(),
            "answer": f.answer,
            "answer_label": answer_text(f.question, f.answer),
            "number": f.number,
            "points": f.points,
            "kind": "green" if f.points < 0 else ("ethics" if c.kind == "ethics" else "red"),
            "category": c.id,
            "category_title": c.title.get(),
            "why": c.why.get(),
            "advice": c.advice.get(),
            "source": {"article": c.source.article, "section": c.source.section},
        }

    return {
        "lang": i18n.current(),
        "verdict": a.verdict.value,
        "score_verdict": a.score_verdict.value,
        "score": a.score,
        "thresholds": {"negotiate": rb.thresholds.negotiate, "decline": rb.thresholds.decline},
        "margin": {"to_better": a.margin.to_better, "to_worse": a.margin.to_worse},
        "provisional": a.provisional,
        "coverage": a.coverage,
        "min_coverage": rb.min_coverage,
        "prospect": prospect.model_dump() if prospect else None,
        "rulebook": {"id": rb.id, "version": rb.version, "hash": rb.digest},
        "flags": [flag(f) for f in a.flags],
        "knockouts": [
            {
                "question": k.question,
                "text": questions[k.question].text.get(),
                "answer": k.answer,
                "answer_label": answer_text(k.question, k.answer),
                "floor": k.floor.value,
                "category": k.category,
                "category_title": categories[k.category].title.get(),
                **explained(k.category),
            }
            for k in a.knockouts
        ],
        "floors": [
            {"category": f.category, "category_title": categories[f.category].title.get(), "points": f.points,
             "floor": f.floor.value, **explained(f.category)}
            for f in a.floors
        ],
        "final": a.final,
        "conditions": [
            {"category": cid, "category_title": categories[cid].title.get(),
             "term": (categories[cid].term or categories[cid].advice).get()}
            for cid in a.conditions
        ],
        "levers": {
            "reach": a.levers_reach.value if a.levers_reach else None,
            "terms": [
                {
                    "question": lv.question,
                    "text": questions[lv.question].text.get(),
                    "current": lv.current,
                    "target": lv.target,
                    "target_label": answer_text(lv.question, lv.target),
                    "term": lv.term.get(),
                    "points": lv.points,
                }
                for lv in a.levers
            ],
        },
        "categories": [
            {"id": c.category, "title": categories[c.category].title.get(), "points": c.points, "flags": c.flags,
             "coverage": c.coverage}
            for c in a.categories
        ],
        "ask_next": [
            {"question": p.question, "text": questions[p.question].text.get(), "stake": p.stake,
             "knockout": p.can_knock_out, "opens": list(p.opens)}
            for p in a.ask_next
        ],
        "skipped": list(a.skipped),
        "answers": dict(a.answers),
    }


def band_words(report: dict[str, Any]) -> str:
    t = report["thresholds"]
    neg, dec = t["negotiate"], t["decline"]
    return _("take below {negotiate} · negotiate {negotiate} to {last} · decline from {decline}",
             negotiate=neg, last=dec - 1, decline=dec)


def _margin_words(report: dict[str, Any]) -> str:
    margin, parts = report["margin"], []
    if margin["to_worse"] is not None:
        n = margin["to_worse"]
        parts.append(_n("{n} point from a worse verdict", "{n} points from a worse verdict", n))
    if margin["to_better"] is not None:
        n = margin["to_better"]
        parts.append(_n("{n} point from a better one", "{n} points from a better one", n))
    return "; ".join(parts)


def flag_groups(report: dict[str, Any], *, red: bool) -> list[dict[str, Any]]:
    """Flags gathered by category, the heaviest first, so each why and advice is said once."""
    groups: dict[str, dict[str, Any]] = {}
    for f in report["flags"]:
        if (f["points"] > 0) != red:
            continue
        group = groups.setdefault(f["category"], {**f, "points": 0, "answers": []})
        group["points"] += f["points"]
        group["answers"].append(f)
    return sorted(groups.values(), key=lambda g: -abs(g["points"]))


def deciders(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Knock-outs and category floors gathered by category, so each type's why and advice is said once."""
    groups: dict[str, dict[str, Any]] = {}
    rank = {"negotiate": 1, "decline": 2}
    for k in report["knockouts"]:
        group = groups.setdefault(k["category"], {**k, "answers": [], "points": None})
        group["answers"].append(k)
        if rank[k["floor"]] > rank[group["floor"]]:
            group["floor"] = k["floor"]
    for f in report["floors"]:
        group = groups.setdefault(f["category"], {**f, "answers": []})
        group["points"] = f["points"]
        if rank[f["floor"]] > rank[group["floor"]]:
            group["floor"] = f["floor"]
    return sorted(groups.values(), key=lambda g: -rank[g["floor"]])


def answer_words(f: dict[str, Any]) -> str:
    answer = f["answer_label"] or str(f["answer"])
    return f"{i18n.figure(f['number'])} ({answer})" if f["number"] is not None else answer


def _heading(title: str) -> Rule:
    return Rule(Text(title, style="bold"), align="left", characters="─")


def _indented(label: str, text: str, style: str = "dim") -> Padding:
    out = Text(f"{label} ", style=style)
    out.append(clean(text))
    return Padding(out, (0, 0, 0, 2), expand=False)


def render(assessment: Assessment, rulebook: Rulebook, prospect: Prospect | None = None) -> RenderableType:
    """The report for a terminal: readable at 60 columns and at 160, and without colour.

    Right-to-left languages get no boxes and no columns (see ``bidi``) and shorter lines.
    """
    r = to_dict(assessment, rulebook, prospect)
    verdict = Verdict(r["verdict"])
    rtl = i18n.is_rtl()
    parts: list[RenderableType] = [_summary(r, verdict, prospect, boxed=not rtl)]

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
        heading = (_("Decline unless they accept these terms (then {verdict})", verdict=Verdict(levers["reach"]).shown)
                   if verdict is Verdict.DECLINE else
                   _("Put on the table: would make it {verdict}", verdict=Verdict(levers["reach"]).shown))
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

    scored = [c for c in sorted(r["categories"], key=lambda c: -c["points"]) if c["points"]]
    if scored:
        parts += [_heading(_("By category")), _by_category(scored) if not rtl else _points_lines(scored)]
    if rtl:
        return right_to_left(Constrain(Group(*parts), width=LINE_WIDTH))
    return Constrain(Group(*parts), width=MAX_WIDTH)


MAX_WIDTH = 100  # wider lines are harder to read, and a report is read, not scanned


def _by_category(scored: list[dict[str, Any]]) -> Table:
    table = Table(show_edge=False, box=None, pad_edge=False)
    table.add_column(_("Category"), overflow="fold")
    table.add_column(_("Points"), justify="right", no_wrap=True)
    for c in scored:
        table.add_row(Text(clean(c["title"])), Text(f"{c['points']:+d}", style="red" if c["points"] > 0 else "green"))
    return table


def _points_lines(scored: list[dict[str, Any]]) -> Group:
    """The same facts as ``_by_category``, one line each: the points first, as the flags show them."""
    return Group(*(_points_first(c["points"], c["title"]) for c in scored))


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


def _summary(r: dict[str, Any], verdict: Verdict, prospect: Prospect | None, *, boxed: bool) -> RenderableType:
    body: list[RenderableType] = []
    if prospect:
        name = Text(one_line(prospect.name), style="bold")
        if prospect.company:
            name.append(" · " + one_line(prospect.company))
        body.append(name)
    head = Text()
    head.append(f"{MARK[verdict]} {verdict.shown.upper()}", style=STYLE[verdict])
    if r["provisional"]:
        head.append("  " + _("provisional"), style="bold")
    body.append(head)
    if verdict.value != r["score_verdict"]:
        body.append(Text(_("The score alone says {verdict}; a knock-out overrides it.",
                           verdict=Verdict(r["score_verdict"]).shown), style="dim"))
    score = Text(_("Score {score}", score=r["score"]), style="bold")
    score.append(f"  ({band_words(r)})")
    body.append(score)
    margin = _margin_words(r)
    if margin:  # a decline no answer can lift has no margin to quote
        body.append(Text(margin, style="dim"))
    coverage = Text(_("Evidence: {share} of the points at stake answered", share=percent(r["coverage"])), style="dim")
    if r["provisional"]:
        coverage.append(_("; below {share}, so ask more before deciding", share=percent(r["min_coverage"])),
                        style="dim")
    body.append(coverage)
    if prospect and prospect.contact:
        body.append(_indented(_("Contact:"), embedded(prospect.contact)))
    if prospect and prospect.notes:
        body.append(_indented(_("Notes:"), embedded(prospect.notes)))
    if not boxed:
        return Group(Rule(style=STYLE[verdict]), *body, Rule(style=STYLE[verdict]))
    return Panel(Group(*body), border_style=STYLE[verdict])


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
        _indented(_("Source:"), embedded(f"{source['article']}, {source['section']}")),
    ]


def to_markdown(assessment: Assessment, rulebook: Rulebook, prospect: Prospect | None = None) -> str:
    """A report to paste into a CRM note or a pull request; outside text is escaped."""
    r = to_dict(assessment, rulebook, prospect)
    name = markdown(prospect.name) if prospect else _("Prospect")
    verdict = Verdict(r["verdict"])
    provisional = " (" + _("provisional") + ")" if r["provisional"] else ""
    out = [f"# {name}: **{verdict.shown}**{provisional}", ""]
    out.append(_("Score **{score}** ({bands}); evidence {share}.", score=r["score"], bands=band_words(r),
                 share=percent(r["coverage"])))
    if prospect and prospect.notes:
        out += ["", _("Notes:") + " " + markdown(prospect.notes)]
    decided = deciders(r)
    if decided:
        out += ["", "## " + _("Knock-outs"), ""]
        for g in decided:
            question = "; ".join(k["text"] for k in g["answers"]) or _n(
                "{n} red point in this client type", "{n} red points in this client type", g["points"])
            out.append("- " + (_("{title}: at least negotiate ({question})", title=markdown(g["category_title"]),
                                 question=markdown(question)) if g["floor"] == "negotiate" else
                               _("{title}: decline ({question})", title=markdown(g["category_title"]),
                                 question=markdown(question))))
            out += [f"  - {_('Why:')} {markdown(g['why'])}", f"  - {_('Do:')} {markdown(g['advice'])}"]
    explained = {g["category"] for g in decided}
    for title, red in ((_("Red flags"), True), (_("Green flags"), False)):
        groups = flag_groups(r, red=red)
        if groups:
            out += ["", f"## {title}", ""]
        for g in groups:
            out.append(f"- **{g['points']:+d} {markdown(g['category_title'])}**")
            out += [f"  - {markdown(f['text'])} → {markdown(answer_words(f))}" for f in g["answers"]]
            if red and g["category"] not in explained:
                out += [f"  - {_('Why:')} {markdown(g['why'])}", f"  - {_('Do:')} {markdown(g['advice'])}"]
    if r["levers"]["terms"]:
        reach = Verdict(r["levers"]["reach"]).shown
        heading = (_("Decline unless they accept these terms (then {verdict})", verdict=reach)
                   if verdict is Verdict.DECLINE else _("Put on the table: would make it {verdict}", verdict=reach))
        out += ["", "## " + heading, ""]
        out += [f"1. {markdown(lv['term'])}" for lv in r["levers"]["terms"]]
    if r["conditions"]:
        out += ["", "## " + _("Conditions to set"), ""]
        out += [f"- **{markdown(c['category_title'])}**: {markdown(c['term'])}" for c in r["conditions"]]
    if r["final"]:
        out += ["", _("No term and no answer still unknown can change this decline.")]
    if r["ask_next"]:
        out += ["", "## " + _("Still unknown"), ""]
        out += [f"- {markdown(p['text'])}" for p in r["ask_next"]]
    return "\n".join(out) + "\n"
