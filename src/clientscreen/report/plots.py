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


# -- the calibration review: small inline charts, one per table row, so labels stay HTML text ------------------

RATE_WIDTH, RATE_HEIGHT = 220, 20


def _at(share: float, width: int) -> float:
    """A share 0..1 as an x inside a margin of 6 on both sides, so a dot at either end is drawn whole."""
    return round(6 + max(0.0, min(1.0, share)) * (width - 12), 1)


def rate_svg(rate: dict[str, Any], base: float, label: str, width: int = RATE_WIDTH) -> str:
    """A bad-outcome rate as a dot on its Wilson interval (the whisker), against a dashed line at the base rate."""
    y = RATE_HEIGHT // 2
    low, high, at, line = (_at(rate["low"], width), _at(rate["high"], width), _at(rate["rate"], width),
                           _at(base, width))
    return (f'<svg class="rate" role="img" viewBox="0 0 {width} {RATE_HEIGHT}" width="{width}" '
            f'height="{RATE_HEIGHT}" aria-label="{escape(label)}" direction="ltr">'
            f'<line x1="6" y1="{y}" x2="{width - 6}" y2="{y}" class="axis"/>'
            f'<line x1="{line}" y1="1" x2="{line}" y2="{RATE_HEIGHT - 1}" class="base"/>'
            f'<line x1="{low}" y1="{y}" x2="{high}" y2="{y}" class="whisker"/>'
            f'<line x1="{low}" y1="{y - 4}" x2="{low}" y2="{y + 4}" class="whisker"/>'
            f'<line x1="{high}" y1="{y - 4}" x2="{high}" y2="{y + 4}" class="whisker"/>'
            f'<circle cx="{at}" cy="{y}" r="4" class="dot"/></svg>')


def stack_svg(parts: list[tuple[int, str]], label: str, width: int = RATE_WIDTH) -> str:
    """Counts side by side as one bar of ``width`` (each part by its pattern id), e.g. bad, mixed, good, unknown."""
    total = sum(n for n, _kind in parts) or 1
    out = [f'<svg class="stack" role="img" viewBox="0 0 {width} {RATE_HEIGHT}" width="{width}" '
           f'height="{RATE_HEIGHT}" aria-label="{escape(label)}" direction="ltr">']
    x = 0.0
    for n, kind in parts:
        if not n:
            continue
        length = round(n * width / total, 1)
        out.append(f'<rect x="{round(x, 1)}" y="2" width="{length}" height="{RATE_HEIGHT - 4}" class="part {kind}" '
                   f'fill="url(#{kind})"/>')
        x += length
    out.append("</svg>")
    return "".join(out)


def points_svg(old: int, new: int, label: str, width: int = 160) -> str:
    """A weight now (outlined) and as suggested (solid), on a shared scale from 0, so the change is seen."""
    most = max(abs(old), abs(new), 1)
    zero = width / 2 if min(old, new) < 0 else 0.0
    span = (width - zero) if zero == 0 else width / 2

    def bar(points: int, y: int, kind: str) -> str:
        length = max(1.0, round(abs(points) * span / most, 1))
        x = zero if points >= 0 else zero - length
        return f'<rect x="{round(x, 1)}" y="{y}" width="{length}" height="7" class="{kind}"/>'

    return (f'<svg class="points" role="img" viewBox="0 0 {width} {RATE_HEIGHT}" width="{width}" '
            f'height="{RATE_HEIGHT}" aria-label="{escape(label)}" direction="ltr">'
            f'{bar(old, 2, "before")}{bar(new, 11, "after")}</svg>')
