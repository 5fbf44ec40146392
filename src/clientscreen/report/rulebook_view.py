"""``clientscreen rules show``: a rulebook laid out for a reviewer, in the reader's language.

Every rulebook text goes through ``Text`` after ``clean``: a rulebook may come from anyone.
Right-to-left languages get one answer per line instead of tables (see ``bidi``).
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from clientscreen.i18n import _, is_rtl
from clientscreen.report import bidi
from clientscreen.rulebook.model import Answer, Question, Rulebook
from clientscreen.textsafe import clean, one_line


def view(book: Rulebook, scores: tuple[int, int]) -> RenderableType:
    """The whole rulebook: title, bands and reachable scores, categories, then each question and its answers."""
    rtl = is_rtl()
    t = book.thresholds
    kinds = {"red": _("red"), "green": _("green"), "ethics": _("ethics")}
    parts: list[RenderableType] = [
        Text(one_line(f"{book.title.get()} ({book.id} {book.version})"), style="bold"),
        *([Text(clean(book.description.get()))] if book.description else []),
        Text(_("take below {negotiate} · negotiate {negotiate} to {last} · decline from {decline}; "
               "answers reach {low} to {high}", negotiate=t.negotiate, last=t.decline - 1, decline=t.decline,
               low=scores[0], high=scores[1])),
    ]
    if rtl:
        parts += [Text(""), Text(_("Categories"), style="bold")]
        parts += [Text(one_line(f"{c.title.get()} · {kinds[c.kind]} ({c.id})")) for c in book.categories]
    else:
        categories = Table(_("Category"), _("Kind"), title=_("Categories"), title_justify="left", expand=True)
        for c in book.categories:
            categories.add_row(Text(one_line(f"{c.title.get()} ({c.id})")), Text(kinds[c.kind]))
        parts.append(categories)
    parts += [_question(q, rtl) for q in book.questions]
    group = Group(*parts)
    return bidi.right_to_left(group) if rtl else group


def _question(q: Question, rtl: bool) -> RenderableType:
    head = Text(one_line(f"{q.id} · {q.type}" + (f" · {q.category}" if q.category else "")), style="bold")
    lines: list[RenderableType] = [Text(""), head, Text(clean(q.text.get()))]
    if q.ask_if:
        lines.append(Text(one_line(_("asked if {question} is {values}", question=q.ask_if.question,
                                     values=_(" or ").join(map(str, q.ask_if.in_))))))
    if q.negotiable:
        lines.append(Text(one_line(_("negotiable to {value}: {term}", value=q.negotiable.target,
                                     term=q.negotiable.term.get()))))
    if not q.answers:
        return Group(*lines)
    if rtl:
        for a in q.answers:
            facts = [_points(a), *_notes(a)]
            lines.append(Text(one_line(f"• {_answer(a)} · {' · '.join(facts)}")))
        return Group(*lines)
    answers = Table(expand=True, show_edge=False)
    answers.add_column(_("Answer"), ratio=3)
    answers.add_column(_("Points"), justify="right", no_wrap=True)
    answers.add_column(_("Notes"), ratio=2)
    for a in q.answers:
        answers.add_row(Text(one_line(_answer(a))), Text(_points(a)), Text(", ".join(_notes(a))))
    return Group(*lines, answers)


def _answer(a: Answer) -> str:
    return f"{a.value}" + (f": {a.label.get()}" if a.label else "")


def _points(a: Answer) -> str:
    return f"{a.points:+d}" if a.points else "0"


def _notes(a: Answer) -> list[str]:
    notes = [_("below {bound}", bound=f"{a.below:g}") if a.below is not None else "",
             _("knock-out: {verdict}", verdict=a.knockout) if a.knockout else "",
             _("flag: {category}", category=a.category) if a.category else ""]
    return [n for n in notes if n]
