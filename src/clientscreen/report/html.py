"""The page to share (``report --format html``): one self-contained HTML file, the brief first, then the full
detail, to open in a browser or print.

Self-contained: styles and charts inline, no script, no font or image from anywhere, and a content
security policy that forbids the browser to fetch anything, so the page makes no request even if a
rulebook's text tried. The verdict is told by word, mark and border pattern as well as by colour, and
the charts use hatching, so a black-and-white print still reads. ``lang`` and ``dir`` come from the
report's language: a browser lays Hebrew out right to left where terminals cannot. Every text from outside
is escaped: a prospect named ``<script>`` is text.
"""

from __future__ import annotations

from html import escape
from typing import Any

from clientscreen.i18n import _, is_rtl, percent
from clientscreen.report import plots
from clientscreen.report.content import (
    answer_words,
    band_words,
    citation,
    deciders,
    flag_groups,
    headline,
    margin_words,
    proposal,
    reached_with_terms,
    refusal,
    score_with_terms,
    why_line,
)
from clientscreen.report.terms import no_terms
from clientscreen.rulebook.model import Verdict
from clientscreen.textsafe import clean

POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'"

STYLE = """
:root { --take: #1b7a3a; --negotiate: #8a6100; --decline: #b3261e; --ink: #1d1d1f; --muted: #555; }
* { box-sizing: border-box; }
body { font: 16px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif;
       color: var(--ink); margin: 0; background: #fff; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.5rem; margin: .2rem 0; overflow-wrap: anywhere; }
h2 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; border-bottom: 1px solid #999; }
.verdict { display: inline-block; font-size: 1.4rem; font-weight: 700; padding: .2rem .8rem; letter-spacing: .05em; }
.verdict.take { color: var(--take); border: 3px solid var(--take); }
.verdict.negotiate { color: var(--negotiate); border: 3px dashed var(--negotiate); }
.verdict.decline { color: var(--decline); border: 6px double var(--decline); }
.verdict.provisional { color: var(--ink); border: 3px dotted var(--ink); }
.muted, .points, .facts { color: var(--muted); }
.why { font-size: 1.1rem; }
p, li { overflow-wrap: anywhere; }
ol.terms li { margin: .3rem 0; font-weight: 600; }
ol.terms .points { font-weight: 400; }
.full { margin-top: 2.5rem; border-top: 3px solid var(--ink); }
dl { margin: .2rem 0 .8rem; } dt { font-weight: 600; } dd { margin-inline-start: 1.2rem; }
svg.chart { max-width: 100%; height: auto; display: block; margin: .4rem 0; }
svg text { font: 12px system-ui, sans-serif; fill: var(--ink); }
.band.take { stroke: var(--take); } .band.negotiate { stroke: var(--negotiate); }
.band.decline { stroke: var(--decline); }
.marker { fill: var(--ink); }
rect.red { stroke: var(--decline); } rect.green { stroke: var(--take); }
@media print {
  main { max-width: none; padding: 0; }
  .full { break-before: page; border-top: none; }
  h2 { break-after: avoid; }
  li, dl { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""

PATTERNS = """<svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs>
<pattern id="take" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#e3f1e7"/>\
<circle cx="3" cy="3" r="0.9" fill="#1b7a3a"/></pattern>
<pattern id="negotiate" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#f6ecd2"/>\
<path d="M0 6 L6 0" stroke="#8a6100" stroke-width="1.2"/></pattern>
<pattern id="decline" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#f4d6d3"/>\
<path d="M0 6 L6 0 M0 0 L6 6" stroke="#b3261e" stroke-width="1.2"/></pattern>
<pattern id="red" width="6" height="6" patternUnits="userSpaceOnUse">\
<rect width="6" height="6" fill="#b3261e"/></pattern>
<pattern id="green" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#e3f1e7"/>\
<path d="M0 6 L6 0" stroke="#1b7a3a" stroke-width="1.5"/></pattern>
</defs></svg>"""


def e(text: object) -> str:
    """Outside or rulebook text as HTML text: control characters dropped, markup escaped."""
    return escape(clean(str(text)), quote=True)


def _list(items: list[str], tag: str = "ul", cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<{tag}{attr}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{tag}>"


def _brief(r: dict[str, Any]) -> list[str]:
    verdict = Verdict(r["verdict"])
    prospect = r["prospect"] or {}
    out = ['<section class="brief">']
    if r["draft"]:
        out.append(f'<p><strong>{e(_("DRAFT: the interview is not finished"))}</strong></p>')
    kind = "provisional" if r["provisional"] else verdict.value
    heading = headline(verdict, not r["enough_evidence"], r["verdict_names"][verdict.value])
    out.append(f'<p><span class="verdict {kind}" id="verdict">{e(heading)}</span></p>')
    if prospect.get("name"):
        company = f' <span class="muted">· {e(prospect["company"])}</span>' if prospect.get("company") else ""
        out.append(f"<h1>{e(prospect['name'])}{company}</h1>")
    out.append(f'<p class="why">{e(why_line(r))}</p>')
    out.append(f'<p class="facts">{e(_("Score {score}", score=r["score"]))} · {e(band_words(r))} · '
               f'{e(_("evidence {share}", share=percent(r["coverage"])))}</p>')
    out.append(plots.score_svg(r))
    items = proposal(r)
    reach = reached_with_terms(r)
    if items:
        heading = (_("Decline unless they accept these terms (then {verdict})", verdict=reach.shown)
                   if verdict is Verdict.DECLINE else _("Propose (then {verdict}):", verdict=reach.shown)
                   if reach is not verdict else _("Propose:"))
        out.append(f"<h2>{e(heading)}</h2>")
        out.append(_list([f'<span class="term">{e(i["term"])}</span>'
                          + (f' <span class="points">({e(format(i["points"], "+d"))})</span>' if i["points"] else "")
                          for i in items], "ol", "terms"))
        if r["levers"]["terms"]:
            together = _("Together: score {before} → {after}, {verdict}.", before=r["score"],
                         after=score_with_terms(r), verdict=reach.shown)
            out.append(f'<p id="together">{e(together)}</p>')
    else:
        out.append(f'<p class="muted">{e(no_terms(r))}</p>')
    if r["ask_next"]:
        out.append(f"<h2>{e(_('Ask next, and why it matters:'))}</h2>")
        asks = []
        for p in r["ask_next"][:3]:
            why = ([p["category_title"]] if p.get("category_title") else []) + (
                [_("can knock out")] if p["knockout"] else []) + ([f"±{p['stake']}"] if p["stake"] else [])
            asks.append(e(p["text"]) + (f' <span class="muted">({e(", ".join(why))})</span>' if why else ""))
        out.append(_list(asks))
    if verdict is Verdict.DECLINE and not r["levers"]["terms"]:
        out.append(f"<h2>{e(_('How to say no:'))}</h2>")
        out.append(_list([e(line) for line in refusal(r)]))
    if prospect.get("notes"):
        out.append(f"<h2>{e(_('Notes'))}</h2><p>{e(prospect['notes'])}</p>")
    out.append("</section>")
    return out


def _explained(g: dict[str, Any]) -> str:
    return (f"<dl><dt>{e(_('Why:'))}</dt><dd>{e(g['why'])}</dd><dt>{e(_('Do:'))}</dt><dd>{e(g['advice'])}</dd>"
            f"<dt>{e(_('Source:'))}</dt><dd>{e(citation(g['source']))}</dd></dl>")


def _full(r: dict[str, Any]) -> list[str]:
    out = ['<section class="full">', f"<h2>{e(_('Score against the bands'))}</h2>"]
    margin = margin_words(r)
    out.append(f'<p class="muted">{e(band_words(r))}{(" · " + e(margin)) if margin else ""}</p>')
    decided = deciders(r)
    if decided:
        out.append(f"<h2>{e(_('Knock-outs'))}</h2>")
        for g in decided:
            floor = _("→ at least negotiate") if g["floor"] == "negotiate" else _("→ decline")
            answers = _list([f"{e(k['text'])} → {e(k['answer_label'] or k['answer'])}" for k in g["answers"]])
            out.append(f"<h3>✖ {e(g['category_title'])} {e(floor)}</h3>{answers}{_explained(g)}")
    explained = {g["category"] for g in decided}
    for title, red in ((_("Red flags"), True), (_("Green flags"), False)):
        groups = flag_groups(r, red=red)
        if groups:
            out.append(f"<h2>{e(title)}</h2>")
        for g in groups:
            answers = _list([f"{e(f['text'])} → {e(answer_words(f))}" for f in g["answers"]])
            detail = _explained(g) if red and g["category"] not in explained else ""
            out.append(f"<h3>{e(format(g['points'], '+d'))} {e(g['category_title'])}</h3>{answers}{detail}")
    if r["conditions"]:
        out.append(f"<h2>{e(_('Conditions to set'))}</h2>")
        out.append(_list([f"<strong>{e(c['category_title'])}</strong>: {e(c['term'])}" for c in r["conditions"]]))
    if r["ask_next"]:
        out.append(f"<h2>{e(_('Still unknown: ask these next'))}</h2>")
        out.append(_list([e(p["text"]) + (f' <span class="muted">(±{p["stake"]})</span>' if p["stake"] else "")
                          for p in r["ask_next"]]))
    chart = plots.types_svg(r)
    if chart:
        out.append(f"<h2>{e(_('Points per client type'))}</h2>")
        types = [c for c in sorted(r["categories"], key=lambda c: -c["points"]) if c["points"]]
        out.append(chart)
        out.append(_list([f"{e(format(c['points'], '+d'))} {e(c['title'])}" for c in types], cls="muted"))
    cited = [s for s in r["sources"] if s["cited"]]
    if cited:
        out.append(f"<h2>{e(_('Sources'))}</h2>")
        items = []
        for s in cited:
            title = (f'<a href="{e(s["url"])}">{e(s["title"])}</a>'
                     if s["url"] and str(s["url"]).startswith(("https://", "http://")) else e(s["title"]))
            items.append(f'{title} <span class="muted">({e(s["language"])}; {e(s["id"])})</span>')
        out.append(_list(items))
    rb = r["rulebook"]
    out.append(f'<p class="muted">{e(rb["id"])} {e(rb["version"])} · {e(rb["hash"][:12])}</p>')
    out.append("</section>")
    return out


def page(r: dict[str, Any]) -> str:
    """The whole page as one string."""
    verdict = Verdict(r["verdict"])
    prospect = r["prospect"] or {}
    title = f"{prospect['name']} — {verdict.shown}" if prospect.get("name") else verdict.shown
    direction = "rtl" if is_rtl() else "ltr"
    head = (f'<!DOCTYPE html>\n<html lang="{e(r["lang"])}" dir="{direction}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{e(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{PATTERNS}\n<main>\n")
    return head + "\n".join(_brief(r) + _full(r)) + "\n</main>\n</body>\n</html>\n"
