"""Letting go well: for renegotiate and let go, the rulebook's steps in order and the texts to send.

The steps are for the sales lead and read in their language; the texts and the handover checklist go to the
client and are written in the client's language (``prospect.language``), with the client's name and the red
flags that brought the verdict filled in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from clientscreen import i18n
from clientscreen.i18n import _
from clientscreen.interview.answersfile import Prospect
from clientscreen.rulebook.model import Parting, Rulebook

if TYPE_CHECKING:
    from rich.console import RenderableType
from clientscreen.scoring import Assessment
from clientscreen.textsafe import clean, markdown

MAX_REASONS = 3


def content(assessment: Assessment, book: Rulebook, prospect: Prospect | None) -> dict[str, Any] | None:
    """The steps and the filled-in texts for this verdict, or None if the rulebook has none for it."""
    part: Parting | None = getattr(book.letting_go, assessment.verdict.value, None) if book.letting_go else None
    if part is None:
        return None
    lang = prospect.language if prospect is not None and prospect.language else i18n.current()
    reds = sorted((c for c in assessment.categories if c.points > 0), key=lambda c: -c.points)[:MAX_REASONS]
    reasons = ", ".join(book.category_by_id[c.category].title.get(lang) for c in reds)
    name = prospect.name if prospect is not None else ""
    return {
        "language": lang,
        "steps": [s.get() for s in part.steps],
        "messages": [{"id": m.id, "title": m.title.get(), "text": m.text.get(lang).format(client=name, reasons=reasons)}
                     for m in part.messages],
        "checklist": [c.get(lang) for c in part.checklist],
    }


def render(parting: dict[str, Any]) -> list[RenderableType]:
    """The steps and texts for a terminal; Rich loads here only, so ``content`` stays plain Python."""
    from rich.padding import Padding
    from rich.rule import Rule
    from rich.text import Text

    out: list[RenderableType] = [Rule(Text(_("What to do, in order"), style="bold"), align="left", characters="─")]
    out += [Text(f"{i}. {clean(step)}") for i, step in enumerate(parting["steps"], start=1)]
    if parting["messages"] or parting["checklist"]:
        heading = _("Texts to send, in {language}", language=i18n.NAMES[parting["language"]])
        out.append(Rule(Text(heading, style="bold"), align="left", characters="─"))
    for m in parting["messages"]:
        out.append(Text(clean(m["title"]), style="bold"))
        out.append(Padding(Text(clean(m["text"])), (0, 0, 1, 2)))
    if parting["checklist"]:
        out.append(Text(_("Handover checklist"), style="bold"))
        out += [Text(f"  ☐ {clean(item)}") for item in parting["checklist"]]
    return out


def to_markdown(parting: dict[str, Any]) -> list[str]:
    out = ["", "## " + _("What to do, in order"), ""]
    out += [f"{i}. {markdown(step)}" for i, step in enumerate(parting["steps"], start=1)]
    if parting["messages"] or parting["checklist"]:
        out += ["", "## " + _("Texts to send, in {language}", language=i18n.NAMES[parting["language"]])]
    for m in parting["messages"]:
        out += ["", f"### {markdown(m['title'])}", ""]
        out += ["> " + line if line else ">" for line in m["text"].splitlines()]
    if parting["checklist"]:
        out += ["", "### " + _("Handover checklist"), ""]
        out += [f"- [ ] {markdown(item)}" for item in parting["checklist"]]
    return out
