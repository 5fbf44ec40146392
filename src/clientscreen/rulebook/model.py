"""The rulebook as the program uses it: what a sales lead asks, what each answer costs, where the verdict lines sit.

These are plain read-only records. ``schema`` checks a rulebook's every field (with Pydantic) and
``crosscheck`` what one field says about another, both at the line of the offending value; what they
accept becomes these records, and ``cache`` keeps them, so a rulebook already checked is read again
without Pydantic, which costs more than the rest of a report's start-up.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from clientscreen import i18n
from clientscreen.frozen import Frozen
from clientscreen.i18n import _
from clientscreen.rulebook import safeyaml


class Verdict(StrEnum):
    """Ordered from best to worst, so ``max`` of two verdicts is the harsher one."""

    TAKE = "take"
    NEGOTIATE = "negotiate"
    DECLINE = "decline"

    @property
    def rank(self) -> int:
        return _RANK[self]

    def worse_of(self, other: Verdict) -> Verdict:
        return self if self.rank >= other.rank else other

    @property
    def shown(self) -> str:
        """The verdict as a person reads it; files and scripts keep the value."""
        return {Verdict.TAKE: _("take"), Verdict.NEGOTIATE: _("negotiate"), Verdict.DECLINE: _("decline")}[self]


_RANK = {Verdict.TAKE: 0, Verdict.NEGOTIATE: 1, Verdict.DECLINE: 2}

QuestionType = Literal["yesno", "choice", "scale", "number", "note"]


class Localized(Frozen):
    """A text in English and in any of the other languages; a missing translation falls back to English."""

    en: str
    da: str | None = None
    he: str | None = None
    ru: str | None = None

    def get(self, lang: str | None = None) -> str:
        """The text in ``lang`` (default: the active language), else in English."""
        found: str | None = getattr(self, lang or i18n.current(), None)
        return found or self.en

    def has(self, lang: str) -> bool:
        return getattr(self, lang, None) is not None

    def all(self) -> tuple[str, ...]:
        """Every translation given, English first: what a reader of any language might type back."""
        return tuple(t for t in (self.en, self.da, self.he, self.ru) if t)

    def __str__(self) -> str:
        return self.get()


class Source(Frozen):
    article: str
    section: Localized


class SourceInfo(Frozen):
    title: Localized
    language: str
    url: str | None = None


class Floor(Frozen):
    negotiate: int | None = None
    decline: int | None = None

    def verdict_for(self, points: int) -> Verdict | None:
        if self.decline is not None and points >= self.decline:
            return Verdict.DECLINE
        if self.negotiate is not None and points >= self.negotiate:
            return Verdict.NEGOTIATE
        return None


class Category(Frozen):
    id: str
    title: Localized
    kind: Literal["red", "green", "ethics"]
    source: Source
    why: Localized
    advice: Localized
    floor: Floor | None = None
    term: Localized | None = None


class Answer(Frozen):
    value: str | int
    label: Localized | None = None
    points: int = 0
    below: float | None = None
    knockout: Literal["negotiate", "decline"] | None = None
    category: str | None = None

    @property
    def shown(self) -> str:
        """The label in the active language, else the value itself (yes and no in the reader's words)."""
        if self.label:
            return self.label.get()
        if self.value in ("yes", "no"):
            return _("yes") if self.value == "yes" else _("no")
        return str(self.value)


class AskIf(Frozen):
    question: str
    in_: list[str | int]
    _aliases = {"in_": "in"}  # noqa: RUF012 - a class-wide table, never changed


class Negotiable(Frozen):
    term: Localized
    target: str | int


class Question(Frozen):
    id: str
    category: str | None = None
    text: Localized
    help: Localized | None = None
    type: QuestionType
    unit: Localized | None = None
    answers: list[Answer] = []  # noqa: RUF012 - each record made by hand gets its own copy (Frozen.__init__)
    ask_if: AskIf | None = None
    negotiable: Negotiable | None = None

    @property
    def scores(self) -> bool:
        return self.type != "note"

    @cached_property
    def by_value(self) -> dict[str | int, Answer]:
        return {a.value: a for a in self.answers}

    @cached_property
    def stake(self) -> int:
        """Points an answer to this question can move the score, unknown (0) included."""
        points = [0, *(a.points for a in self.answers)]
        return max(points) - min(points)

    @cached_property
    def can_knock_out(self) -> bool:
        return any(a.knockout for a in self.answers)

    def band(self, number: float) -> Answer:
        """The band of a number question that holds ``number``."""
        for answer in self.answers:
            if answer.below is None or number < answer.below:
                return answer
        raise ValueError(f"{number} is above every band")  # unreachable after the cross-check: not for users


class Thresholds(Frozen):
    negotiate: int
    decline: int


class OurSideQuestion(Frozen):
    id: str
    text: Localized
    help: Localized | None = None


class OurSide(Frozen):
    title: Localized
    source: Source
    why: Localized
    advice: Localized
    questions: list[OurSideQuestion]


class Message(Frozen):
    id: str
    title: Localized
    text: Localized


class Parting(Frozen):
    steps: list[Localized]
    messages: list[Message] = []  # noqa: RUF012 - copied per record
    checklist: list[Localized] = []  # noqa: RUF012 - copied per record


class LettingGo(Frozen):
    negotiate: Parting | None = None
    decline: Parting | None = None


class VerdictNames(Frozen):
    take: Localized | None = None
    negotiate: Localized | None = None
    decline: Localized | None = None


class Rulebook(Frozen):
    id: str
    version: str
    title: Localized
    description: Localized | None = None
    languages: list[i18n.Language] | None = None
    verdicts: VerdictNames | None = None
    our_side: OurSide | None = None
    letting_go: LettingGo | None = None
    thresholds: Thresholds
    min_coverage: float = 0.6
    sources: dict[str, SourceInfo] = {}  # noqa: RUF012 - copied per record
    categories: list[Category]
    questions: list[Question]
    digest: str = ""  # the content hash, set by the loader

    @cached_property
    def question_by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}

    @cached_property
    def category_by_id(self) -> dict[str, Category]:
        return {c.id: c for c in self.categories}

    @cached_property
    def dependants(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for q in self.questions:
            if q.ask_if:
                out.setdefault(q.ask_if.question, []).append(q.id)
        return out

    def verdict_name(self, verdict: Verdict) -> str:
        """The verdict as this rulebook names it, in the active language; the engine's word otherwise."""
        named: Localized | None = getattr(self.verdicts, verdict.value, None) if self.verdicts else None
        return named.get() if named else verdict.shown

    def source_title(self, source: Source, lang: str | None = None) -> str:
        """The title a reader knows the source by, in ``lang``; the id where the rulebook names no sources."""
        info = self.sources.get(source.article)
        return info.title.get(lang) if info else source.article

    def verdict_for(self, score: int) -> Verdict:
        if score >= self.thresholds.decline:
            return Verdict.DECLINE
        if score >= self.thresholds.negotiate:
            return Verdict.NEGOTIATE
        return Verdict.TAKE

    def score_range(self) -> tuple[int, int]:
        """Bounds of any score: each question adds one answer's points, or 0 if unknown or skipped."""
        low = sum(min(0, *(a.points for a in q.answers)) for q in self.questions if q.answers)
        high = sum(max(0, *(a.points for a in q.answers)) for q in self.questions if q.answers)
        return low, high


def localized_texts(book: Rulebook) -> Iterator[tuple[tuple[str | int, ...], Localized]]:
    """Every text a reader may see, with where it is written, in file order."""
    yield ("title",), book.title
    if book.description:
        yield ("description",), book.description
    if book.verdicts:
        for name in ("take", "negotiate", "decline"):
            text = getattr(book.verdicts, name)
            if text:
                yield ("verdicts", name), text
    for i, c in enumerate(book.categories):
        yield from ((("categories", i, key), text) for key, text in (("title", c.title), ("why", c.why),
                                                                    ("advice", c.advice)))
        if c.term:
            yield ("categories", i, "term"), c.term
    for i, q in enumerate(book.questions):
        at = ("questions", i)
        yield (*at, "text"), q.text
        yield from (((*at, key), text) for key, text in (("help", q.help), ("unit", q.unit)) if text)
        yield from (((*at, "answers", j, "label"), a.label) for j, a in enumerate(q.answers) if a.label)
        if q.negotiable:
            yield (*at, "negotiable", "term"), q.negotiable.term
    if book.letting_go:
        for verdict in ("negotiate", "decline"):
            part: Parting | None = getattr(book.letting_go, verdict)
            if part is None:
                continue
            yield from ((("letting_go", verdict, "steps", i), t) for i, t in enumerate(part.steps))
            for i, m in enumerate(part.messages):
                yield ("letting_go", verdict, "messages", i, "title"), m.title
                yield ("letting_go", verdict, "messages", i, "text"), m.text
            yield from ((("letting_go", verdict, "checklist", i), t) for i, t in enumerate(part.checklist))
    if book.our_side:
        side = book.our_side
        yield from ((("our_side", key), text) for key, text in (("title", side.title), ("why", side.why),
                                                                ("advice", side.advice)))
        for i, sq in enumerate(side.questions):
            yield ("our_side", "questions", i, "text"), sq.text
            if sq.help:
                yield ("our_side", "questions", i, "help"), sq.help


def languages_of(book: Rulebook) -> tuple[str, ...]:
    """The languages a rulebook is written in: as declared, else every language some text has."""
    if book.languages is not None:
        return tuple(lang for lang in i18n.LANGUAGES if lang == "en" or lang in book.languages)
    found = {lang for _, text in localized_texts(book) for lang in i18n.LANGUAGES if text.has(lang)}
    return tuple(lang for lang in i18n.LANGUAGES if lang in found)


def content_hash(data: Any) -> str:
    """Hash of the meaning, not the bytes: comments and layout may change without a new hash."""
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def default_path() -> Path:
    """The rulebook shipped with the package (or, in a source checkout, the repository's)."""
    return bundled_path("default")


BUNDLED = ("default", "review")  # the screening of a prospect, and the review of a running engagement


def bundled_path(name: str) -> Path:
    """A rulebook shipped with the package (or, in a source checkout, the repository's), by its id.

    Beside the modules, not through ``importlib.resources``: the wheel installs them as files, and that
    module (with the zip reader it loads) costs every command a few milliseconds before it starts.
    """
    packaged = Path(__file__).parent.parent / "rules" / f"{name}.yaml"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "rules" / f"{name}.yaml"


def bundled_for(rulebook_id: str | None) -> Path | None:
    """The bundled rulebook an answers file names (its ``rulebook.id``), else None: the default one."""
    if rulebook_id in BUNDLED and rulebook_id != "default":
        return bundled_path(rulebook_id)
    return None


def resolve_path(path: Path | None) -> Path:
    """``--rules`` wins, then ``CLIENTSCREEN_RULES``, then the bundled rulebook."""
    if path is not None:
        return path
    env = os.environ.get("CLIENTSCREEN_RULES")
    return Path(env) if env else default_path()


def load_rulebook(path: Path | None = None) -> Rulebook:
    """Load and check a rulebook; raises ``InputError`` listing every problem found.

    A rulebook checked before is taken from the cache as it was then: the text is the same, and so is the
    code that checked it, or the cache does not answer.
    """
    from clientscreen.rulebook import cache

    where = resolve_path(path)
    text = safeyaml.read_text(where)
    is_json = where.suffix.lower() == ".json"
    book = cache.get(text, json=is_json)
    if book is None:
        doc = safeyaml.parse_json(text, str(where)) if is_json else safeyaml.parse_yaml(text, str(where))
        book = parse_rulebook(doc)
        cache.put(text, book, json=is_json)
    return book


def parse_rulebook(doc: safeyaml.Document) -> Rulebook:
    """The rulebook a document holds, checked by the schema (which loads Pydantic) and across fields."""
    from clientscreen.rulebook import schema

    return schema.parse(doc)


