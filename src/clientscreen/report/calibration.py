"""The calibration for the quarterly review, as Markdown and as one self-contained HTML page with charts.

Both are drawn from ``ledger.calibrate.to_dict`` (the JSON output), with the ``rules diff`` of the suggested
rulebook beside it when there are suggestions, so the three cannot disagree. The page follows the report's
(``report.html``): a content security policy that forbids every request, no script, styles inline, ``dir``
from the language, every outside text escaped. Each chart is a small inline SVG in a table row whose label
and figures are HTML text, so long labels wrap instead of being clipped, and right-to-left languages lay
the table out from the right while the charts' axes keep running from 0% on the left. A rate below the
minimum sample is not drawn at all: the row says there are not enough clients to say.
"""

from __future__ import annotations

from typing import Any

from clientscreen.i18n import _, is_rtl, number, percent
from clientscreen.ledger.calibrate import bar
from clientscreen.report import plots
from clientscreen.report.html import PATTERNS, POLICY, STYLE, e
from clientscreen.rulebook.diff import verdict_name
from clientscreen.textsafe import markdown, one_line

MAX_FLIPS = 50  # verdicts listed one by one; the rest are counted

EXTRA_STYLE = """
table { border-collapse: collapse; width: 100%; margin: .3rem 0 1rem; }
th, td { text-align: start; vertical-align: middle; padding: .2rem .4rem; border-bottom: 1px solid #ddd; }
td.label { overflow-wrap: anywhere; width: 34%; font-size: .92rem; }
td.chart { width: 232px; min-width: 232px; }
td.words { font-size: .9rem; }
svg.rate, svg.stack, svg.points { display: block; max-width: 100%; height: auto; }
.axis { stroke: #bbb; stroke-width: 1; } .base { stroke: var(--ink); stroke-width: 1; stroke-dasharray: 3 2; }
.whisker { stroke: var(--ink); stroke-width: 2; } .dot { fill: var(--decline); stroke: var(--ink); }
.part { stroke: var(--ink); stroke-width: .5; }
rect.before { fill: #fff; stroke: var(--ink); } rect.after { fill: var(--ink); }
.short { color: var(--muted); font-style: italic; }
.suggest { font-weight: 600; }
.legend { color: var(--muted); font-size: .9rem; }
@media print { tr { break-inside: avoid; } }
"""

UNKNOWN_PATTERN = """<svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs>
<pattern id="unknown" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#fff"/>\
<circle cx="3" cy="3" r="0.6" fill="#777"/></pattern></defs></svg>"""

MIX = (("bad", "decline"), ("mixed", "negotiate"), ("good", "take"), ("unknown", "unknown"))  # count, pattern


def rate_words(rate: dict[str, Any]) -> str:
    return _("{bad} of {n} bad, {rate} ({low}–{high})", bad=number(rate["bad"]), n=number(rate["n"]),
             rate=percent(rate["rate"]), low=percent(rate["low"]), high=percent(rate["high"]))


def short_words(data: dict[str, Any]) -> str:
    return _("not enough clients to say (fewer than {n})", n=data["min_sample"])


def summary(data: dict[str, Any]) -> str:
    return _("{clients} clients screened by {rulebook} {version}; of those with an outcome, {rate}.",
             clients=number(data["clients"]), rulebook=one_line(data["rulebook"]["id"]),
             version=one_line(data["rulebook"]["version"]), rate=rate_words(data["base"]))


def mix_words(v: dict[str, Any]) -> str:
    return _("{bad} bad, {mixed} mixed, {good} good, {unknown} not known yet", bad=number(v["bad"]),
             mixed=number(v["mixed"]), good=number(v["good"]), unknown=number(v["unknown"]))


def override_words(data: dict[str, Any]) -> str:
    o = data["overrides"]
    return _("Decisions against the verdict: {total}; the verdict was right {verdict}, the agency {agency}, not "
             "known yet {unknown}.", total=o["total"], verdict=o["verdict_right"], agency=o["agency_right"],
             unknown=o["unknown"])


def suggest_words(f: dict[str, Any]) -> str:
    return _("suggest {old:+d} → {new:+d}", old=f["points"], new=f["suggested"])


def flip_headline(diff: dict[str, Any]) -> str:
    return _("Over every client's latest answers, {changed} of {prospects} verdicts would change.",
             changed=number(diff["changed"]), prospects=number(diff["prospects"]))


def flip_words(change: dict[str, Any]) -> str:
    return _("{old} ({old_score}) → {new} ({new_score})", old=verdict_name(change["old"]["verdict"]),
             old_score=change["old"]["score"], new=verdict_name(change["new"]["verdict"]),
             new_score=change["new"]["score"])


def no_suggestion() -> str:
    return _("No weight change is suggested: no flag's rate is clearly away from the base rate.")


# -- HTML --------------------------------------------------------------------------------------------------------

def _row(label: str, chart: str, words: str, cls: str = "") -> str:
    attr = f' class="words {cls}"' if cls else ' class="words"'
    return f'<tr><td class="label">{label}</td><td class="chart">{chart}</td><td{attr}>{words}</td></tr>'


def _table(first: str, second: str, rows: list[str], cls: str) -> str:
    return (f'<table class="{cls}"><thead><tr><th>{e(first)}</th><th>{e(second)}</th><th></th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def _verdicts(data: dict[str, Any]) -> list[str]:
    rows = []
    for v in data["verdicts"]:
        name = verdict_name(v["verdict"])
        if v["enough"]:
            parts = [(v[count], kind) for count, kind in MIX]
            chart = plots.stack_svg(parts, f"{name}: {mix_words(v)}")
            rows.append(_row(e(name), chart, e(mix_words(v)) + "<br>" + e(rate_words(v))))
        else:
            rows.append(_row(e(name), "", e(short_words(data)), "short"))
    legend = _("Each bar: the clients given the verdict, as they turned out: bad (crossed), mixed (hatched), "
               "good (dotted), not known yet (blank).")
    return [f"<h2>{e(_('Outcomes by verdict'))}</h2>", f'<p class="legend">{e(legend)}</p>',
            _table(_("Verdict"), _("Outcome mix"), rows, "verdicts")]


def _flags(data: dict[str, Any]) -> list[str]:
    base = data["base"]["rate"]
    rows = []
    for f in data["flags"]:
        if not f["enough"]:
            rows.append(_row(e(f["label"]), "", e(short_words(data)), "short"))
            continue
        words = e(rate_words(f))
        if f["suggested"] is not None:
            words += f' <span class="suggest">{e(suggest_words(f))}</span>'
        rows.append(_row(e(f["label"]), plots.rate_svg(f, base, f"{f['label']}: {rate_words(f)}"), words))
    legend = _("The dot: the share of judged clients with the flag who went bad; the whisker: its 95% interval; "
               "the dashed line: all judged clients ({rate}).", rate=percent(base))
    return [f"<h2>{e(_('Flags'))}</h2>", f'<p class="legend">{e(legend)}</p>',
            _table(_("Flag"), _("Went bad"), rows, "flags")]


def _overrides(data: dict[str, Any]) -> list[str]:
    o = data["overrides"]
    out = [f"<h2>{e(_('Decisions against the verdict'))}</h2>", f"<p>{e(override_words(data))}</p>"]
    if o["total"]:
        parts = [(o["verdict_right"], "take"), (o["agency_right"], "negotiate"), (o["unknown"], "unknown")]
        out.append(plots.stack_svg(parts, override_words(data), width=440))
        legend = _("Dotted: the verdict was right; hatched: the agency; blank: not known yet.")
        out.append(f'<p class="legend">{e(legend)}</p>')
    return out


def _suggestions(data: dict[str, Any]) -> list[str]:
    out = [f"<h2>{e(_('Suggested weights'))}</h2>"]
    suggested = [f for f in data["flags"] if f["suggested"] is not None]
    if not suggested:
        return [*out, f"<p>{e(no_suggestion())}</p>"]
    rows = [_row(e(f["label"]), plots.points_svg(f["points"], f["suggested"], suggest_words(f)),
                 e(suggest_words(f)), "suggest") for f in suggested]
    out.append(f'<p class="legend">{e(_("Outlined: the points now; solid: as suggested."))}</p>')
    out.append(_table(_("Flag"), _("Points"), rows, "suggestions"))
    diff = data.get("diff")
    if diff is not None:
        out.append(f"<p>{e(flip_headline(diff))}</p>")
        items = [f"<li><strong>{e(c['name'])}</strong>: {e(flip_words(c))}</li>" for c in diff["changes"][:MAX_FLIPS]]
        if items:
            out.append('<ul class="flips">' + "".join(items) + "</ul>")
        if len(diff["changes"]) > MAX_FLIPS:
            out.append(f'<p class="muted">{e(_("and {n} more", n=number(len(diff["changes"]) - MAX_FLIPS)))}</p>')
    written = data.get("written")
    if written:
        words = _("Written: {path}, version {version}", path=written["path"], version=written["version"])
        out.append(f'<p class="muted">{e(words)}</p>')
    return out


def page(data: dict[str, Any], lang: str) -> str:
    """The whole page as one string."""
    title = _("Calibration: {rulebook} {version}", rulebook=one_line(data["rulebook"]["id"]),
              version=one_line(data["rulebook"]["version"]))
    direction = "rtl" if is_rtl() else "ltr"
    head = (f'<!DOCTYPE html>\n<html lang="{e(lang)}" dir="{direction}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{e(title)}</title>\n<style>{STYLE}{EXTRA_STYLE}</style>\n</head>\n<body>\n{PATTERNS}\n"
            f"{UNKNOWN_PATTERN}\n<main>\n")
    body = [f"<h1>{e(title)}</h1>", f'<p class="why" id="summary">{e(summary(data))}</p>',
            *_verdicts(data), *_flags(data), *_overrides(data), *_suggestions(data)]
    return head + "\n".join(body) + "\n</main>\n</body>\n</html>\n"


# -- Markdown ----------------------------------------------------------------------------------------------------

def _cell(text: str) -> str:
    return markdown(text)  # pipes escaped too: a cell stays a cell


def to_markdown(data: dict[str, Any]) -> str:
    """The same review as Markdown: tables with the terminal's small bars, for a wiki or an e-mail."""
    title = _("Calibration: {rulebook} {version}", rulebook=one_line(data["rulebook"]["id"]),
              version=one_line(data["rulebook"]["version"]))
    out = [f"# {_cell(title)}", "", _cell(summary(data)), "", f"## {_cell(_('Outcomes by verdict'))}", "",
           f"| {_cell(_('Verdict'))} | | {_cell(_('Outcome mix'))} |", "|---|---|---|"]
    for v in data["verdicts"]:
        shown = f"{mix_words(v)}; {rate_words(v)}" if v["enough"] else short_words(data)
        out.append(f"| {_cell(verdict_name(v['verdict']))} | `{bar(v['rate']) if v['enough'] else ' ' * 10}` "
                   f"| {_cell(shown)} |")
    out += ["", f"## {_cell(_('Flags'))}", "", f"| {_cell(_('Flag'))} | | {_cell(_('Went bad'))} |", "|---|---|---|"]
    for f in data["flags"]:
        shown = rate_words(f) if f["enough"] else short_words(data)
        if f["suggested"] is not None:
            shown += "  " + suggest_words(f)
        out.append(f"| {_cell(f['label'])} | `{bar(f['rate']) if f['enough'] else ' ' * 10}` | {_cell(shown)} |")
    out += ["", f"## {_cell(_('Decisions against the verdict'))}", "", _cell(override_words(data)), "",
            f"## {_cell(_('Suggested weights'))}", ""]
    suggested = [f for f in data["flags"] if f["suggested"] is not None]
    if not suggested:
        out.append(_cell(no_suggestion()))
    for f in suggested:
        out.append(f"- {_cell(f['label'])}: {_cell(suggest_words(f))}")
    diff = data.get("diff")
    if suggested and diff is not None:
        out += ["", _cell(flip_headline(diff)), ""]
        out += [f"- **{_cell(c['name'])}**: {_cell(flip_words(c))}" for c in diff["changes"][:MAX_FLIPS]]
        if len(diff["changes"]) > MAX_FLIPS:
            out.append(f"- {_cell(_('and {n} more', n=number(len(diff['changes']) - MAX_FLIPS)))}")
    return "\n".join(out) + "\n"
