"""Turning an assessment into what people read: a Rich report, JSON for scripts, Markdown for notes.

``to_dict`` is the single description of a report; JSON is that dict, and the Rich and
Markdown views show the same facts, so no output can claim what another does not.
Every text from outside (names, notes) and from the rulebook goes through ``Text``
or an escaper after ``textsafe.clean``: it is data, never markup.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from clientscreen.answersfile import Prospect
from clientscreen.rulebook import Rulebook, Verdict
from clientscreen.scoring import Assessment
from clientscreen.textsafe import clean, markdown, one_line

STYLE = {Verdict.TAKE: "bold green", Verdict.NEGOTIATE: "bold yellow", Verdict.DECLINE: "bold red"}
MARK = {Verdict.TAKE: "✔", Verdict.NEGOTIATE: "≈", Verdict.DECLINE: "✖"}


def to_dict(assessment: Assessment, rulebook: Rulebook, prospect: Prospect | None = None) -> dict[str, Any]:
    """Everything the report shows, with stable keys; texts come from the rulebook as written."""
    a, rb = assessment, rulebook
    questions, categories = rb.question_by_id, rb.category_by_id

    def answer_text(qid: str, value: str | int | None) -> str | None:
        option = questions[qid].by_value.get(value) if value is not None else None
        return option.shown if option else None

    def flag(f: Any) -> dict[str, Any]:
        q, c = questions[f.question], categories[f.category]
        return {
            "question": f.question,
            "text": q.text,
            "answer": f.answer,
            "answer_label": answer_text(f.question, f.answer),
            "number": f.number,
            "points": f.points,
            "kind": c.kind if f.points > 0 else "green",
            "category": c.id,
            "category_title": c.title,
            "why": c.why,
            "advice": c.advice,
            "source": {"article": c.source.article, "section": c.source.section},
        }

    return {
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
                "text": questions[k.question].text,
                "answer": k.answer,
                "answer_label": answer_text(k.question, k.answer),
                "floor": k.floor.value,
                "category": k.category,
                "category_title": categories[k.category].title,
            }
            for k in a.knockouts
        ],
        "levers": {
            "reach": a.levers_reach.value if a.levers_reach else None,
            "terms": [
                {
                    "question": lv.question,
                    "text": questions[lv.question].text,
                    "current": lv.current,
                    "target": lv.target,
                    "target_label": answer_text(lv.question, lv.target),
                    "term": lv.term,
                    "points": lv.points,
                }
                for lv in a.levers
            ],
        },
        "categories": [
            {"id": c.category, "title": categories[c.category].title, "points": c.points, "flags": c.flags}
            for c in a.categories
        ],
        "ask_next": [
            {"question": p.question, "text": questions[p.question].text, "stake": p.stake, "knockout": p.can_knock_out}
            for p in a.ask_next
        ],
        "skipped": list(a.skipped),
        "answers": dict(a.answers),
    }


def _band_line(report: dict[str, Any]) -> Text:
    t = report["thresholds"]
    line = Text()
    line.append(f"Score {report['score']}", style="bold")
    line.append(f"   take < {t['negotiate']} ≤ negotiate < {t['decline']} ≤ decline")
    margin = report["margin"]
    notes = []
    if margin["to_worse"] is not None:
        notes.append(f"{margin['to_worse']} points from a worse verdict")
    if margin["to_better"] is not None:
        notes.append(f"{margin['to_better']} points from a better one")
    if notes:
        line.append("\n" + "; ".join(notes), style="dim")
    return line


def _heading(title: str) -> Rule:
    return Rule(Text(title, style="bold"), align="left", characters="─")


def _detail(label: str, text: str) -> Text:
    out = Text(f"{label} ", style="dim")
    out.append(clean(text))
    return out


def render(assessment: Assessment, rulebook: Rulebook, prospect: Prospect | None = None) -> RenderableType:
    """The report for a terminal: readable at 60 columns and at 160, and without colour."""
    r = to_dict(assessment, rulebook, prospect)
    verdict = Verdict(r["verdict"])
    parts: list[RenderableType] = []

    title = Text()
    if prospect:
        title.append(one_line(prospect.name), style="bold")
        if prospect.company:
            title.append(" · " + one_line(prospect.company))
    head = Text()
    head.append(f"{MARK[verdict]} {verdict.value.upper()}", style=STYLE[verdict])
    if r["provisional"]:
        head.append("  (provisional)", style="bold")
    if verdict.value != r["score_verdict"]:
        head.append(f"  the score alone says {r['score_verdict']}; a knock-out overrides it", style="dim")
    body: list[RenderableType] = [head, _band_line(r)]
    if prospect and prospect.contact:
        body.append(_detail("Contact:", prospect.contact))
    if prospect and prospect.notes:
        body.append(_detail("Notes:", prospect.notes))
    coverage = Text(f"Evidence: {r['coverage']:.0%} of the points at stake answered", style="dim")
    if r["provisional"]:
        coverage.append(f" (below {r['min_coverage']:.0%}: ask more before deciding)", style="dim")
    body.append(coverage)
    parts.append(Panel(Group(*body), title=title or None, title_align="left", border_style=STYLE[verdict]))

    if r["knockouts"]:
        parts.append(_heading("Knock-outs"))
        for k in r["knockouts"]:
            line = Text("✖ ", style="red")
            line.append(clean(k["category_title"]), style="bold")
            line.append(f" → at least {k['floor']}" if k["floor"] == "negotiate" else " → decline")
            parts.append(line)
            parts.append(
                Padding(
                    _detail("Because:", f"{k['text']} {k['answer_label'] or k['answer']}"), (0, 0, 0, 2), expand=False
                )
            )

    reds = [f for f in r["flags"] if f["points"] > 0]
    greens = [f for f in r["flags"] if f["points"] < 0]
    if reds:
        parts.append(_heading("Red flags"))
        for f in sorted(reds, key=lambda f: -f["points"]):
            parts.append(_flag(f))
    if greens:
        parts.append(_heading("Green flags"))
        for f in sorted(greens, key=lambda f: f["points"]):
            parts.append(_flag(f, details=False))

    levers = r["levers"]
    if levers["terms"]:
        parts.append(_heading(f"Put on the table (would make it {levers['reach']})"))
        for i, lv in enumerate(levers["terms"], start=1):
            line = Text(f"{i}. ")
            line.append(clean(lv["term"]), style="bold")
            line.append(f"  ({lv['points']:+d})", style="dim")
            parts.append(line)
    elif verdict is not Verdict.TAKE:
        parts.append(_heading("Put on the table"))
        parts.append(Text("No negotiable term would change this verdict.", style="dim"))

    if r["ask_next"]:
        parts.append(_heading("Still unknown: ask these next"))
        for p in r["ask_next"][:8]:
            line = Text("? ", style="cyan")
            line.append(clean(p["text"]))
            line.append(f"  (±{p['stake']}{', can knock out' if p['knockout'] else ''})", style="dim")
            parts.append(line)
        if len(r["ask_next"]) > 8:
            parts.append(Text(f"… and {len(r['ask_next']) - 8} more", style="dim"))

    table = Table(title=None, show_edge=False, box=None, pad_edge=False, expand=False)
    table.add_column("Category", overflow="fold", ratio=1)
    table.add_column("Points", justify="right", no_wrap=True)
    for c in r["categories"]:
        if c["points"]:
            table.add_row(
                Text(clean(c["title"])), Text(f"{c['points']:+d}", style="red" if c["points"] > 0 else "green")
            )
    if table.row_count:
        parts.append(_heading("By category"))
        parts.append(table)
    return Group(*parts)


def _flag(f: dict[str, Any], *, details: bool = True) -> RenderableType:
    line = Text(f"{f['points']:+d} ", style="red" if f["points"] > 0 else "green")
    line.append(clean(f["category_title"]), style="bold")
    answer = f["answer_label"] or str(f["answer"])
    if f["number"] is not None:
        answer = f"{f['number']:g} ({answer})"
    lines: list[RenderableType] = [
        line,
        Padding(_detail("Asked:", f"{f['text']} → {answer}"), (0, 0, 0, 2), expand=False),
    ]
    if details:
        lines.append(Padding(_detail("Why:", f["why"]), (0, 0, 0, 2), expand=False))
        lines.append(Padding(_detail("Do:", f["advice"]), (0, 0, 0, 2), expand=False))
        source = f["source"]
        lines.append(
            Padding(_detail("Source:", f"{source['article']}, {source['section']}"), (0, 0, 0, 2), expand=False)
        )
    return Group(*lines)


def to_markdown(assessment: Assessment, rulebook: Rulebook, prospect: Prospect | None = None) -> str:
    """A report to paste into a CRM note or a pull request; outside text is escaped."""
    r = to_dict(assessment, rulebook, prospect)
    out: list[str] = []
    name = markdown(prospect.name) if prospect else "Prospect"
    out.append(f"# {name}: **{r['verdict']}**" + (" (provisional)" if r["provisional"] else ""))
    t = r["thresholds"]
    out.append("")
    out.append(
        f"Score **{r['score']}** (take < {t['negotiate']} ≤ negotiate < {t['decline']} ≤ decline); "
        f"evidence {r['coverage']:.0%}."
    )
    if r["knockouts"]:
        out += ["", "## Knock-outs", ""]
        out += [f"- {markdown(k['category_title'])}: {k['floor']} ({markdown(k['text'])})" for k in r["knockouts"]]
    for title, sign in (("Red flags", 1), ("Green flags", -1)):
        flags = [f for f in r["flags"] if f["points"] * sign > 0]
        if flags:
            out += ["", f"## {title}", ""]
            for f in flags:
                out.append(
                    f"- **{f['points']:+d} {markdown(f['category_title'])}**: {markdown(f['text'])} → "
                    f"{markdown(str(f['answer_label'] or f['answer']))}"
                )
                if sign > 0:
                    out.append(f"  - Why: {markdown(f['why'])}")
                    out.append(f"  - Do: {markdown(f['advice'])}")
    if r["levers"]["terms"]:
        out += ["", f"## Put on the table (would make it {r['levers']['reach']})", ""]
        out += [f"1. {markdown(lv['term'])}" for lv in r["levers"]["terms"]]
    if r["ask_next"]:
        out += ["", "## Still unknown", ""]
        out += [f"- {markdown(p['text'])} (±{p['stake']})" for p in r["ask_next"]]
    return "\n".join(out) + "\n"
