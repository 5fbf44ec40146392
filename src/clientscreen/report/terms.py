"""The term sheet (``report --terms``): the terms to put on the table as a numbered list to paste into a
proposal, in the report's language, with the points each moves and the verdict they reach together.

Plain text without marks or escapes: it is meant to be copied into a letter. Outside text is cleaned of
control characters.
"""

from __future__ import annotations

from typing import Any

from clientscreen.i18n import _
from clientscreen.report.content import proposal, reached_with_terms, score_with_terms
from clientscreen.report.markdown import moved
from clientscreen.rulebook.model import Verdict
from clientscreen.textsafe import clean, one_line


def no_terms(report: dict[str, Any]) -> str:
    """Why there is nothing to put on the table."""
    if report["final"]:
        return _("No term and no answer still unknown can change this decline.")
    if Verdict(report["verdict"]) is Verdict.TAKE:
        return _("Nothing to negotiate: the verdict is take.")
    return _("No negotiable term would change this verdict.")


def term_sheet(report: dict[str, Any]) -> str:
    """The numbered terms, then one line with the score and verdict they reach together."""
    prospect = report["prospect"] or {}
    items = proposal(report)
    if not items:
        return no_terms(report) + "\n"
    verdict, reach = Verdict(report["verdict"]), reached_with_terms(report)
    name = one_line(prospect["name"]) if prospect.get("name") else _("the prospect")
    out = [_("Terms to propose to {name}:", name=name), ""]
    for i, item in enumerate(items, start=1):
        points = f" ({moved(item['points'])})" if item["points"] else ""
        out.append(f"{i}. {one_line(clean(item['term']))}{points}")
    out.append("")
    if report["levers"]["terms"]:
        out.append(_("Together: score {before} → {after}, {verdict}.", before=report["score"],
                     after=score_with_terms(report), verdict=reach.shown))
    else:
        out.append(_("On these conditions: {verdict}.", verdict=verdict.shown))
    return "\n".join(out) + "\n"
