"""Two people's answers about one prospect, set side by side: where they differ and what each difference is worth.

Two interviewers rarely hear the same meeting the same way. A sales lead needs to know which of their
disagreements matter: the one that turns a negotiate into a decline is worth a phone call before the second
meeting, the one a point apart on a scale is not. So each answer given differently (or by one of them only) is
weighed on its own: the first screening with the second person's answer in its place, and the second with the
first person's, each scored by the same rulebook, the score change in points and whether the verdict flips.

Plain Python, no Rich and no I/O: the command renders ``to_dict`` (JSON is that dict) or ``markdown``.
Outside text (names, notes, answers as typed) stays raw here and is escaped by each format.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from clientscreen import i18n
from clientscreen.answers import UNKNOWN, Given
from clientscreen.i18n import _, _n
from clientscreen.ledger.records import ScreeningRecord
from clientscreen.rulebook.model import Question, Rulebook, Verdict
from clientscreen.scoring import Assessment, assess
from clientscreen.textsafe import markdown as md
from clientscreen.textsafe import one_line

Kind = Literal["differ", "only_a", "only_b"]
NOTE_LIMIT = 60  # characters of a note shown beside its question; JSON carries it whole


@dataclass(frozen=True)
class Stamp:
    """The rulebook a screening was answered against, as its file or ledger entry records it."""

    id: str
    version: str
    hash: str


@dataclass(frozen=True)
class Side:
    """One screening to compare: who answered, when, against which rulebook, and the answers as understood."""

    label: str  # "A" or "B": how the output names this side
    source: str  # the answers file, or the ledger entry's id
    prospect: str
    interviewer: str | None
    when: str | None
    answered_against: Stamp | None  # None: a hand-written file that names no rulebook
    given: Mapping[str, Given]


@dataclass(frozen=True)
class Effect:
    """One screening's result before and after a single answer is swapped for the other person's."""

    verdict_from: Verdict
    verdict_to: Verdict
    score_from: int
    score_to: int

    @property
    def delta(self) -> int:
        return self.score_to - self.score_from

    @property
    def flips(self) -> bool:
        return self.verdict_from is not self.verdict_to


@dataclass(frozen=True)
class Difference:
    question: str
    kind: Kind
    a: Given
    b: Given
    with_b: Effect  # A's screening with B's answer to this question alone
    with_a: Effect  # B's screening with A's answer to this question alone

    @property
    def flips(self) -> bool:
        return self.with_b.flips or self.with_a.flips

    @property
    def weight(self) -> int:
        return max(abs(self.with_b.delta), abs(self.with_a.delta))


@dataclass(frozen=True)
class Comparison:
    rulebook: Rulebook
    a: Side
    b: Side
    result_a: Assessment
    result_b: Assessment
    differences: tuple[Difference, ...]  # the ones that move the result most first
    agree: int  # questions both answered the same way

    @property
    def rulebooks_differ(self) -> bool:
        """Answered against different rulebooks (by content): a difference may be a changed question."""
        one, other = self.a.answered_against, self.b.answered_against
        return one is not None and other is not None and one.hash != other.hash


def _value(given: Given) -> str | int | float | None:
    """What an answer comes to, for telling two apart: ``ja`` and ``yes`` are one answer, ``3 500`` and
    ``3500`` one number."""
    if given.number is not None:
        return float(given.number)
    return given.stored()


def _swapped(given: Mapping[str, Given], question: str, answer: Given) -> dict[str, Given]:
    out = dict(given)
    if answer.known or answer.note is not None or answer.number is not None:
        out[question] = answer
    else:
        out.pop(question, None)
    return out


def _effect(book: Rulebook, before: Assessment, given: Mapping[str, Given]) -> Effect:
    after = assess(book, given)
    return Effect(before.verdict, after.verdict, before.score, after.score)


def compare(book: Rulebook, a: Side, b: Side) -> Comparison:
    """Score both sides by ``book`` and weigh every answer they gave differently, one at a time."""
    result_a, result_b = assess(book, a.given), assess(book, b.given)
    found: list[tuple[int, Difference]] = []
    agree = 0
    for position, q in enumerate(book.questions):
        ga, gb = a.given.get(q.id, UNKNOWN), b.given.get(q.id, UNKNOWN)
        va, vb = _value(ga), _value(gb)
        if va is None and vb is None:
            continue
        if va == vb:
            agree += 1
            continue
        kind: Kind = "differ" if va is not None and vb is not None else "only_a" if vb is None else "only_b"
        found.append((position, Difference(
            question=q.id, kind=kind, a=ga, b=gb,
            with_b=_effect(book, result_a, _swapped(a.given, q.id, gb)),
            with_a=_effect(book, result_b, _swapped(b.given, q.id, ga)),
        )))
    found.sort(key=lambda pd: (not pd[1].flips, -pd[1].weight, pd[0]))
    return Comparison(book, a, b, result_a, result_b, tuple(d for _p, d in found), agree)


# -- words ----------------------------------------------------------------------------------------------------


def shown(question: Question, given: Given) -> str:
    """An answer in the reader's words: a choice's label, a number with its unit and band, a note as written."""
    if given.number is not None:
        unit = question.unit.get() if question.unit else ""
        text = f"{i18n.figure(given.number)} {unit}".strip()
        return f"{text} ({given.option.shown})" if given.option is not None and given.option.label else text
    if given.option is not None:
        return given.option.shown
    if given.note is not None:
        note = one_line(given.note)
        return note if len(note) <= NOTE_LIMIT else note[: NOTE_LIMIT - 1] + "…"
    return _("not answered")


def verdict_word(book: Rulebook, verdict: Verdict) -> str:
    return book.verdict_name(verdict)


def effect_words(book: Rulebook, effect: Effect) -> str:
    """"negotiate → decline, +6", or "stays negotiate, +2" when the verdict holds."""
    arrow = "←" if i18n.is_rtl() else "→"
    sign = f"{effect.delta:+d}"
    if i18n.is_rtl():  # the sign stays on the left of its digits in right-to-left text
        sign = f"\u200e{sign}\u200e"
    delta = _n("{points} point", "{points} points", abs(effect.delta), points=sign)
    if effect.delta == 0 and not effect.flips:
        return _("no change")
    if effect.flips:
        return f"{verdict_word(book, effect.verdict_from)} {arrow} {verdict_word(book, effect.verdict_to)}, {delta}"
    return _("stays {verdict}, {points}", verdict=verdict_word(book, effect.verdict_from), points=delta)


def summary(c: Comparison) -> str:
    """One line: how many answers differ and how many of them flip a verdict on their own."""
    if not c.differences:
        return _n("They agree on every answer ({n} answered).", "They agree on every answer ({n} answered).",
                  c.agree)
    flips = sum(1 for d in c.differences if d.flips)
    differ = _n("{n} answer differs", "{n} answers differ", len(c.differences))
    moving = _n("{n} of them changes a verdict on its own", "{n} of them change a verdict on their own", flips)
    return _("{differ}; {moving}; they agree on {agree}.", differ=differ, moving=moving,
             agree=i18n.number(c.agree))


def rulebook_warning(c: Comparison, names: tuple[str, str]) -> str | None:
    """The one line that says the two were answered against different rulebooks, and which one scores both."""
    one, other = c.a.answered_against, c.b.answered_against
    if one is None or other is None or not c.rulebooks_differ:
        return None
    return _("{a} was answered against {a_id} {a_version} and {b} against {b_id} {b_version}; both are scored "
             "here by {id} {version}", a=names[0], a_id=one.id, a_version=one.version, b=names[1], b_id=other.id,
             b_version=other.version, id=c.rulebook.id, version=c.rulebook.version)


def in_sections(c: Comparison) -> list[Difference]:
    """Answers both gave differently first, then answers only one of them gave; each part by weight."""
    return [d for d in c.differences if d.kind == "differ"] + [d for d in c.differences if d.kind != "differ"]


def first_single(c: Comparison) -> Difference | None:
    """The first answer only one of them gave, where the output starts a part of its own."""
    return next((d for d in c.differences if d.kind != "differ"), None)


# -- formats --------------------------------------------------------------------------------------------------


def _effect_dict(e: Effect) -> dict[str, Any]:
    return {"verdict_from": e.verdict_from.value, "verdict_to": e.verdict_to.value, "score_from": e.score_from,
            "score_to": e.score_to, "delta": e.delta, "flips": e.flips}


def _side_dict(side: Side, result: Assessment) -> dict[str, Any]:
    stamp = side.answered_against
    return {
        "label": side.label,
        "source": side.source,
        "prospect": side.prospect,
        "interviewer": side.interviewer,
        "interviewed_at": side.when,
        "answered_against": {"id": stamp.id, "version": stamp.version, "hash": stamp.hash} if stamp else None,
        "verdict": result.verdict.value,
        "score": result.score,
        "provisional": result.provisional,
        "coverage": result.coverage,
    }


def to_dict(c: Comparison) -> dict[str, Any]:
    """Everything the comparison shows, with stable keys; texts in the active language, values as stored."""
    book = c.rulebook
    questions = book.question_by_id
    return {
        "rulebook": {"id": book.id, "version": book.version, "hash": book.digest},
        "rulebooks_differ": c.rulebooks_differ,
        "a": _side_dict(c.a, c.result_a),
        "b": _side_dict(c.b, c.result_b),
        "verdicts_differ": c.result_a.verdict is not c.result_b.verdict,
        "score_delta": c.result_b.score - c.result_a.score,
        "agree": c.agree,
        "differences": [
            {
                "question": d.question,
                "text": questions[d.question].text.get(),
                "kind": d.kind,
                "scored": questions[d.question].scores,
                "a": d.a.stored(),
                "b": d.b.stored(),
                "a_shown": shown(questions[d.question], d.a),
                "b_shown": shown(questions[d.question], d.b),
                "flips": d.flips,
                "with_b": _effect_dict(d.with_b),
                "with_a": _effect_dict(d.with_a),
            }
            for d in c.differences
        ],
    }


def who(side: dict[str, Any]) -> str:
    """A side as the header names it: the interviewer and the date, else the file or entry it came from."""
    person = one_line(side["interviewer"]) if side["interviewer"] else _("interviewer not named")
    when = one_line(side["interviewed_at"])[:10] if side["interviewed_at"] else None
    return f"{person}, {when}" if when else person


def markdown(c: Comparison) -> str:
    """The comparison for a CRM note: both verdicts in a table, then each difference with what it is worth."""
    r, book = to_dict(c), c.rulebook
    name = md(c.a.prospect)
    out = [f"# {name}: " + _("two screenings compared"), "",
           _("Scored by rulebook {id} {version}.", id=md(book.id), version=md(book.version)), ""]
    warning = rulebook_warning(c, ("A", "B"))
    if warning:
        out += [f"> {md(warning)}", ""]
    out += [f"| | {_('Interviewer')} | {_('Verdict')} | {_('Score')} |", "|---|---|---|---|"]
    for key in ("a", "b"):
        s = r[key]
        out.append(f"| {s['label']} | {md(who(s))} | {md(verdict_word(book, Verdict(s['verdict'])))} | "
                   f"{s['score']} |")
    out += ["", md(summary(c)), ""]
    if any(d.kind == "differ" for d in c.differences):
        out += [f"## {_('Answered differently')}", ""]
    questions = book.question_by_id
    for i, d in enumerate(in_sections(c), start=1):
        if d is first_single(c):
            out += ["", f"## {_('Answered by only one of them:').rstrip(':')}", ""]
        q = questions[d.question]
        mark = " **" + _("changes the verdict") + "**" if d.flips else ""
        out.append(f"{i}. {md(q.text.get())}{mark}")
        out.append(f"   - A: {md(shown(q, d.a))}; B: {md(shown(q, d.b))}")
        if q.scores:
            out.append("   - " + md(_("with B's answer alone: {effect}", effect=effect_words(book, d.with_b))))
            out.append("   - " + md(_("with A's answer alone: {effect}", effect=effect_words(book, d.with_a))))
        else:
            out.append("   - " + md(_("a note: never scored")))
    out.append("")
    return "\n".join(out)


# -- two screenings out of the ledger -------------------------------------------------------------------------


def pair(history: list[ScreeningRecord], wanted: tuple[str, str] | None) -> tuple[ScreeningRecord, ScreeningRecord]:
    """The two screenings of one client to set side by side, older first.

    ``wanted``: two entries named by their ids (a unique start of one is enough, with or without ``sha256:``).
    Else the latest screening and the latest before it by someone else, since two people are the point;
    where one person did them all, the latest two.
    """
    from clientscreen.errors import UsageError

    if wanted is not None:
        chosen = []
        for prefix in wanted:
            key = prefix.strip().removeprefix("sha256:")
            hits = [r for r in history if key and r.id.removeprefix("sha256:").startswith(key)]
            if len(hits) != 1:
                raise UsageError(f"--entries {one_line(prefix)!r}: " + _n(
                    "matches {n} screening of this client; give more of its id",
                    "matches {n} screenings of this client; give more of its id", len(hits)))
            chosen.append(hits[0])
        if chosen[0].id == chosen[1].id:
            raise UsageError(_("--entries names the same screening twice"))
        first, second = chosen
        order = {r.id: i for i, r in enumerate(history)}
        return (first, second) if order[first.id] < order[second.id] else (second, first)
    latest = history[-1]
    other = next((r for r in reversed(history[:-1]) if r.interviewer != latest.interviewer), history[-2])
    return other, latest
