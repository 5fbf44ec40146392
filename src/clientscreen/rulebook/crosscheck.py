"""What a schema cannot see in a rulebook: references between fields, and the rules of each question type.

A category that exists, an earlier question for skip logic, a yes/no question with exactly yes and no, bands
that go up. Each problem is given with its place in the document, so the loader and ``rules check`` can name
its line.
"""

from __future__ import annotations

from collections.abc import Iterator

from clientscreen.i18n import _
from clientscreen.rulebook.model import Question, Rulebook


def problems(book: Rulebook) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every problem across fields, where it stands: ``(place, message)``."""
    yield from references(book)
    yield from _check_our_side(book)


def references(book: Rulebook) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """What pydantic cannot see: references between fields and per-type rules."""
    t = book.thresholds
    if t.negotiate >= t.decline:
        yield ("thresholds", "decline"), _("decline must be above negotiate")
    categories: set[str] = set()
    for i, c in enumerate(book.categories):
        if c.id in categories:
            yield ("categories", i, "id"), _("duplicate category id {id!r}", id=c.id)
        categories.add(c.id)
        f = c.floor
        if f is not None and f.negotiate is not None and f.decline is not None and f.negotiate >= f.decline:
            yield ("categories", i, "floor", "decline"), _("decline must be above negotiate")
    earlier: dict[str, Question] = {}
    for i, q in enumerate(book.questions):
        at = ("questions", i)
        if q.id in earlier:
            yield (*at, "id"), _("duplicate question id {id!r}", id=q.id)
        if q.category is None and q.scores:
            yield (*at, "category"), _("a {type} question needs the category of the flag it raises", type=q.type)
        elif q.category is not None and q.category not in categories:
            yield (*at, "category"), _("unknown category {category!r}", category=q.category)
        yield from ((at + loc, msg) for loc, msg in _check_answers(q, categories))
        if q.ask_if:
            parent = earlier.get(q.ask_if.question)
            if parent is None:
                later = any(other.id == q.ask_if.question for other in book.questions)  # skip logic only looks back
                message = (_("refers to a later question {question!r}", question=q.ask_if.question) if later
                           else _("refers to an unknown question {question!r}", question=q.ask_if.question))
                yield (*at, "ask_if", "question"), message
            else:
                for j, value in enumerate(q.ask_if.in_):
                    if value not in parent.by_value:
                        yield (*at, "ask_if", "in", j), _("{question!r} has no answer {value!r}", question=parent.id,
                                                          value=value)
        if q.negotiable and q.negotiable.target not in q.by_value:
            yield (*at, "negotiable", "target"), _("no answer {value!r} in this question", value=q.negotiable.target)
        earlier[q.id] = q


def _check_our_side(book: Rulebook) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if book.our_side is None:
        return
    seen = set(book.question_by_id)
    for i, q in enumerate(book.our_side.questions):
        if q.id in seen:
            yield ("our_side", "questions", i, "id"), _("duplicate question id {id!r}", id=q.id)
        seen.add(q.id)


def _check_answers(q: Question, categories: set[str]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if q.type == "note":
        if q.answers:
            yield ("answers",), _("a note never scores; remove its answers")
        return
    if not q.answers:
        yield ("type",), _("a {type} question needs answers", type=q.type)
        return
    values = [a.value for a in q.answers]
    for j, a in enumerate(q.answers):
        if a.category is not None and a.category not in categories:
            yield ("answers", j, "category"), _("unknown category {category!r}", category=a.category)
        if values.index(a.value) != j:
            yield ("answers", j, "value"), _("duplicate answer {value!r}", value=a.value)
        if a.below is not None and q.type != "number":
            yield ("answers", j, "below"), _("only number questions have bands")
    if q.type == "yesno" and sorted(map(str, values)) != ["no", "yes"]:
        yield ("answers",), _("a yesno question has exactly the answers yes and no")
    elif q.type == "scale":
        ints = [v for v in values if isinstance(v, int)]
        if len(ints) != len(values) or sorted(ints) != list(range(min(ints), min(ints) + len(ints))):
            yield ("answers",), _("a scale has whole-number answers in steps of 1, e.g. 1 to 5")
    elif q.type == "number":
        if q.unit is None:
            yield ("unit",), _("a number question needs its unit")
        bounds = [a.below for a in q.answers]
        if bounds[-1] is not None:
            yield ("answers", len(bounds) - 1, "below"), _("the last band has no upper bound; remove 'below'")
        for j, (lo, hi) in enumerate(zip(bounds[:-2], bounds[1:-1], strict=False), start=1):
            if lo is not None and hi is not None and hi <= lo:
                yield ("answers", j, "below"), _("bands go up: each 'below' is larger than the one before")
        for j, b in enumerate(bounds[:-1]):
            if b is None:
                yield ("answers", j, "below"), _("every band but the last needs 'below'")
    elif q.type == "choice" and any(isinstance(v, int) for v in values):
        yield ("answers",), _("choice answers are snake_case words (numbers are for scales)")
