"""The report as Markdown, to paste into a CRM note or a pull request: everything the full report carries,
the brief's verdict and why first, then flags with their sources, terms, questions, notes and sources.
Outside text is escaped."""

from __future__ import annotations

from typing import Any

from clientscreen.i18n import _, _n, percent
from clientscreen.interview.answersfile import Prospect
from clientscreen.report import parting
from clientscreen.report.content import (
    answer_words,
    band_words,
    citation,
    client_types,
    deciders,
    flag_groups,
    our_side_words,
    reached_with_terms,
    refusal,
    score_with_terms,
    to_dict,
    why_line,
)
from clientscreen.rulebook.model import Rulebook, Verdict
from clientscreen.scoring import Assessment
from clientscreen.textsafe import markdown


def to_markdown(
    assessment: Assessment,
    rulebook: Rulebook,
    prospect: Prospect | None = None,
    our_side: str | None = None,
    *,
    draft: bool = False,
) -> str:
    """A report to paste into a CRM note or a pull request; outside text is escaped."""
    return from_dict(to_dict(assessment, rulebook, prospect, our_side, draft=draft))


def moved(points: int) -> str:
    """The points a term moves, with its sign: "-8 points"."""
    return _n("{points} point", "{points} points", abs(points), points=f"{points:+d}")


def _explained(g: dict[str, Any]) -> list[str]:
    return [f"  - {_('Why:')} {markdown(g['why'])}", f"  - {_('Do:')} {markdown(g['advice'])}",
            f"  - {_('Source:')} {markdown(citation(g['source']))}"]


def from_dict(r: dict[str, Any]) -> str:
    prospect = r["prospect"] or {}
    name = markdown(prospect["name"]) if prospect.get("name") else _("Prospect")
    verdict = Verdict(r["verdict"])
    word = r["verdict_names"][verdict.value]
    if not r["enough_evidence"]:
        out = [f"# {name}: " + _("not enough evidence yet, leaning **{verdict}**", verdict=word), ""]
    else:
        provisional = " (" + _("provisional") + ")" if r["provisional"] else ""
        out = [f"# {name}: **{word}**{provisional}", ""]
    if r["draft"]:
        out += ["**" + _("DRAFT: the interview is not finished") + "**", ""]
    if prospect.get("company"):
        out += [markdown(prospect["company"]), ""]
    out.append(markdown(why_line(r)))
    out += ["", _("Score **{score}** ({bands}); evidence {share}.", score=r["score"], bands=band_words(r),
                  share=percent(r["coverage"]))]
    if our_side_words(r):
        out += ["", our_side_words(r)]
    if r["notes"]:
        out += ["", "## " + _("Notes"), "", markdown(r["notes"])]
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
            out += _explained(g)
    explained = {g["category"] for g in decided}
    for title, red in ((_("Red flags"), True), (_("Green flags"), False)):
        groups = flag_groups(r, red=red)
        if groups:
            out += ["", f"## {title}", ""]
        for g in groups:
            out.append(f"- **{g['points']:+d} {markdown(g['category_title'])}**")
            out += [f"  - {markdown(f['text'])} → {markdown(answer_words(f))}" for f in g["answers"]]
            if red and g["category"] not in explained:
                out += _explained(g)
            elif not red:
                out.append(f"  - {_('Source:')} {markdown(citation(g['source']))}")
    if r["levers"]["terms"]:
        reach = r["verdict_names"][r["levers"]["reach"]]
        heading = (_("Decline unless they accept these terms (then {verdict})", verdict=reach)
                   if verdict is Verdict.DECLINE else _("Put on the table: would make it {verdict}", verdict=reach))
        out += ["", "## " + heading, ""]
        out += [f"1. {markdown(lv['term'])} ({moved(lv['points'])})" for lv in r["levers"]["terms"]]
        out += ["", _("Together: score {before} → {after}, {verdict}.", before=r["score"], after=score_with_terms(r),
                      verdict=reached_with_terms(r).shown)]
    if r["conditions"]:
        out += ["", "## " + _("Conditions to set"), ""]
        out += [f"- **{markdown(c['category_title'])}**: {markdown(c['term'])}" for c in r["conditions"]]
    if r["final"]:
        out += ["", _("No term and no answer still unknown can change this decline.")]
    if verdict is Verdict.DECLINE and not r["levers"]["terms"]:
        out += ["", "## " + _("How to say no"), ""]
        out += [f"- {markdown(line)}" for line in refusal(r)]
    if r["letting_go"]:
        out += parting.to_markdown(r["letting_go"])
    if r["ask_next"]:
        out += ["", "## " + _("Still unknown"), ""]
        out += [f"- {markdown(p['text'])}" + (f" (±{p['stake']})" if p["stake"] else "") for p in r["ask_next"]]
    types = client_types(r)
    if types:
        out += ["", "## " + _("Points per client type"), ""]
        out += [f"- {c['points']:+d} {markdown(c['title'])}" for c in types]
    cited = [s for s in r["sources"] if s["cited"]]
    if cited:
        out += ["", "## " + _("Sources"), ""]
        for s in cited:
            url = "".join(ch for ch in s["url"] or "" if ch not in "<>\n\r")
            title = f"[{markdown(s['title'])}](<{url}>)" if url else markdown(s["title"])
            out.append(f"- {title} ({markdown(s['language'])}; `{markdown(s['id'])}`)")
    return "\n".join(out) + "\n"
