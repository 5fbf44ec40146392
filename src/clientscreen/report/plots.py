"""Two small charts where a person would rather look than read: the score against the bands, and the points
per client type. As Unicode bars for the terminal and as inline SVG for the HTML page; pure text, no Rich.

The bands are told apart by shade as well as by word, so the chart survives a black-and-white printer.
"""

from __future__ import annotations

from html import escape
from typing import Any

from clientscreen.i18n import _
from clientscreen.rulebook.model import Verdict

SHADES = {Verdict.TAKE: "░", Verdict.NEGOTIATE: "▒", Verdict.DECLINE: "▓"}
BAR = "█"


def scale(report: dict[str, Any]) -> tuple[int, int]:
    """The range the score chart shows: from the lower of 0 and the score to past the decline threshold."""
    t = report["thresholds"]
    low = min(0, report["score"])
    high = max(t["decline"] + max(t["decline"] - t["negotiate"], 5), report["score"] + 1)
    return low, high


def band_of(report: dict[str, Any], value: int) -> Verdict:
    t = report["thresholds"]
    if value >= t["decline"]:
        return Verdict.DECLINE
    return Verdict.NEGOTIATE if value >= t["negotiate"] else Verdict.TAKE


def score_bar(report: dict[str, Any], width: int = 40) -> list[str]:
    """Two lines: the bands as shades with the score marked under them, then the numbers where bands start."""
    low, high = scale(report)
    span = high - low

    def column(value: int) -> int:
        return min(width - 1, max(0, round((value - low) * (width - 1) / span)))

    bar = "".join(SHADES[band_of(report, low + round(i * span / (width - 1)))] for i in range(width))
    mark = [" "] * width
    at = column(report["score"])
    mark[at] = "▲"
    label = f" {report['score']}"
    line = "".join(mark).rstrip()
    if at + len(label) >= width:  # no room on the right: the number goes before the marker
        line = " " * max(0, at - len(label)) + f"{report['score']} ▲"
    else:
        line += label
    t = report["thresholds"]
    ticks = [" "] * (width + 4)
    for value in (low, t["negotiate"], t["decline"]):
        text = str(value)
        pos = column(value)
        ticks[pos: pos + len(text)] = list(text)
    return [bar, line, "".join(ticks).rstrip()]


def type_bars(report: dict[str, Any], width: int = 24) -> list[tuple[int, str]]:
    """Per client type: its points and a bar as long as its share of the heaviest type's points."""
    types = [c for c in sorted(report["categories"], key=lambda c: -c["points"]) if c["points"]]
    most = max((abs(c["points"]) for c in types), default=1)
    return [(c["points"], BAR * max(1, round(abs(c["points"]) * width / most))) for c in types]


def score_svg(report: dict[str, Any], width: int = 480) -> str:
    """The score against the bands as inline SVG: three shaded bands, their names, and a marker at the score."""
    low, high = scale(report)
    span = high - low
    t = report["thresholds"]

    def x(value: int) -> float:  # a margin on both sides, so a marker at either end is drawn whole
        return round(8 + (value - low) * (width - 16) / span, 1)

    bands = [(Verdict.TAKE, low, t["negotiate"]), (Verdict.NEGOTIATE, t["negotiate"], t["decline"]),
             (Verdict.DECLINE, t["decline"], high)]
    out = [f'<svg class="chart" role="img" viewBox="0 0 {width} 62" width="{width}" height="62" '
           f'aria-label="{escape(_("Score {score}", score=report["score"]))}" direction="ltr">']
    for verdict, start, end in bands:
        out.append(f'<rect x="{x(start)}" y="4" width="{x(end) - x(start)}" height="22" class="band {verdict.value}" '
                   f'fill="url(#{verdict.value})"/>')
        out.append(f'<text x="{x(start) + 4}" y="19" class="band-name">{escape(verdict.shown)}</text>')
    at = x(report["score"])
    out.append(f'<path d="M{at} 28 l-6 10 h12 z" class="marker"/>')
    out.append(f'<text x="{min(max(at, 12), width - 12)}" y="54" text-anchor="middle" class="score">'
               f'{report["score"]}</text>')
    out.append("</svg>")
    return "".join(out)


def types_svg(report: dict[str, Any], width: int = 480) -> str:
    """Points per client type as horizontal bars: red points solid, green points hatched."""
    types = [c for c in sorted(report["categories"], key=lambda c: -c["points"]) if c["points"]]
    if not types:
        return ""
    most = max(abs(c["points"]) for c in types)
    row, bar_width = 22, width - 60
    out = [f'<svg class="chart" role="img" viewBox="0 0 {width} {row * len(types)}" width="{width}" '
           f'height="{row * len(types)}" aria-label="{escape(_("Points per client type"))}">']
    for i, c in enumerate(types):
        length = max(2, round(abs(c["points"]) * bar_width / most))
        kind = "red" if c["points"] > 0 else "green"
        out.append(f'<rect x="0" y="{i * row + 3}" width="{length}" height="{row - 8}" class="{kind}" '
                   f'fill="url(#{kind})"><title>{escape(c["title"])}</title></rect>')
        out.append(f'<text x="{length + 6}" y="{i * row + 15}" class="points">{c["points"]:+d}</text>')
    out.append("</svg>")
    return "".join(out)
