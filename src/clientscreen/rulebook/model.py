"""The rulebook: what a sales lead asks, what each answer costs, and where the verdict lines sit.

Pydantic checks the shape of every field; ``_cross_check`` then checks what one field
says about another (a category that exists, an earlier question for skip logic, a
yes/no question with exactly yes and no). Both report at the line of the offending
value, because the people who edit rulebooks are not the people who wrote the loader.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    StrictInt,
    StrictStr,
    ValidationError,
    WithJsonSchema,
    model_validator,
)

from clientscreen import i18n
from clientscreen.errors import InputError, Problem
from clientscreen.i18n import _
from clientscreen.rulebook import safeyaml, validation

Id = Annotated[StrictStr, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
Text = Annotated[StrictStr, Field(min_length=1)]
Number = Annotated[float, Strict()]  # ints are welcome; bools, text and inf/nan are not


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


class _Model(BaseModel):
    # defer_build: a model's validator is built when first used, so only the rulebook's own is built per run
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False, populate_by_name=True,
                              defer_build=True)


class Localized(_Model):
    """A text a reader sees, in English and in any of the other languages; a plain string is English.

    One rulebook serves a team in several countries, so each text carries its own
    translations and a missing one falls back to English for that text alone.
    """

    en: Text
    da: Text | None = None
    he: Text | None = None
    ru: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _plain_is_english(cls, data: Any) -> Any:
        return {"en": data} if isinstance(data, str) else data

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


LOCALIZED_SCHEMA = {
    "description": "A text in English, or a map of language to text",
    "anyOf": [
        {"type": "string", "minLength": 1, "description": "English text"},
        {
            "type": "object",
            "description": "The text by language; English (en) is required, the others fall back to it",
            "properties": {lang: {"type": "string", "minLength": 1, "title": i18n.ENGLISH_NAMES[lang]}
                           for lang in i18n.LANGUAGES},
            "required": ["en"],
            "additionalProperties": False,
        },
    ]
}
LocalText = Annotated[Localized, WithJsonSchema(LOCALIZED_SCHEMA)]
#: Fields that hold a ``LocalText``: a key under one of them is a language code.
LOCALIZED_FIELDS = frozenset({"title", "description", "why", "advice", "text", "help", "unit", "label", "term",
                              "take", "negotiate", "decline"})


class Source(_Model):
    """Where a red or green flag comes from, so a reader can check the story behind a weight."""

    article: Text = Field(
        description="The source's id in the rulebook's sources (for the bundled rulebook the article's file name)"
    )
    section: LocalText = Field(description="Section of the article, as it is titled there, or in each language")


class SourceInfo(_Model):
    """An article or book the rulebook draws on, named once so every reason can cite it by title."""

    title: LocalText = Field(description="The title, in each language a reader may use")
    language: Text = Field(description="The language the source is written in, as a code: da, he, ru, en ...")
    url: Text | None = Field(default=None, description="Where to read it, if it is online")


class Floor(_Model):
    """Red points in one category at which the verdict is at least negotiate, or decline.

    A client type the articles say to walk away from, or to take only on conditions,
    decides on its own: green answers elsewhere cannot wash it out.
    """

    negotiate: Annotated[StrictInt, Field(ge=1)] | None = Field(
        default=None, description="From this many red points in the category the verdict is at least negotiate"
    )
    decline: Annotated[StrictInt, Field(ge=1)] | None = Field(
        default=None, description="From this many red points in the category the verdict is decline"
    )

    def verdict_for(self, points: int) -> Verdict | None:
        if self.decline is not None and points >= self.decline:
            return Verdict.DECLINE
        if self.negotiate is not None and points >= self.negotiate:
            return Verdict.NEGOTIATE
        return None


class Category(_Model):
    """A kind of client the articles warn about (red) or praise (green)."""

    id: Id
    title: LocalText
    kind: Literal["red", "green", "ethics"] = Field(
        description="red: a warning sign; green: a good sign; ethics: work that would mislead people"
    )
    source: Source
    why: LocalText = Field(description="Why it matters, in a sentence or two")
    advice: LocalText = Field(description="What to do about it")
    floor: Floor | None = Field(
        default=None, description="Red points in this category that set a final floor on the verdict"
    )
    term: LocalText | None = Field(
        default=None, description="The condition to propose when this kind of client is taken only on conditions"
    )


class Answer(_Model):
    """One allowed answer and what it costs; for numbers, one band of values."""

    value: Id | StrictInt = Field(description="Stable value written in answers files and CSVs")
    label: LocalText | None = Field(default=None, description="What the sales lead reads")
    points: StrictInt = Field(default=0, description="Risk points: positive for red flags, negative for green")
    below: Number | None = Field(
        default=None, description="number questions: this band holds values below this bound (exclusive)"
    )
    knockout: Literal["negotiate", "decline"] | None = Field(
        default=None, description="A floor on the verdict that no number of good answers outweighs"
    )
    category: Id | None = Field(
        default=None,
        description="The flag this answer raises, when not the question's: a green twin of a red flag",
    )

    @property
    def shown(self) -> str:
        """The label in the active language, else the value itself (yes and no in the reader's words)."""
        if self.label:
            return self.label.get()
        if self.value in ("yes", "no"):
            return _("yes") if self.value == "yes" else _("no")
        return str(self.value)


class AskIf(_Model):
    """Skip logic: ask only when an earlier question got one of these answers."""

    question: Id
    in_: list[Id | StrictInt] = Field(alias="in", min_length=1)


class Negotiable(_Model):
    """An answer that can change at the table, and the term that changes it."""

    term: LocalText = Field(description="The term to propose, e.g. 50% up front")
    target: Id | StrictInt = Field(description="The answer the term secures")


class Question(_Model):
    id: Id = Field(description="snake_case; the answers-file key and the CSV column")
    category: Id | None = Field(default=None, description="The flag this question raises; notes need none")
    text: LocalText
    help: LocalText | None = None
    type: QuestionType
    unit: LocalText | None = Field(default=None, description="number questions: the unit, e.g. DKK per month")
    answers: list[Answer] = Field(default_factory=list)
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
        raise ValueError(f"{number} is above every band")  # unreachable after _cross_check: not for users


class Thresholds(_Model):
    """Score at or above ``negotiate`` is at best negotiate; at or above ``decline`` it is decline."""

    negotiate: StrictInt
    decline: StrictInt


class OurSideQuestion(_Model):
    id: Id
    text: LocalText
    help: LocalText | None = None


class OurSide(_Model):
    """The Danish article's closing advice: before letting a client go, check that our own team delivered.

    Asked only when the verdict would be decline; until every question is answered yes, that verdict is
    provisional. The questions never score: they judge us, not the client.
    """

    title: LocalText = Field(description="What the interview says before asking, e.g. 'Before letting go: was it us?'")
    source: Source
    why: LocalText
    advice: LocalText
    questions: list[OurSideQuestion] = Field(min_length=1)


MESSAGE_FIELDS = frozenset({"client", "reasons"})


class Message(_Model):
    """A text to send the client, in the client's language: ``{client}`` is their name, ``{reasons}`` the red
    flags that brought the verdict."""

    id: Id
    title: LocalText
    text: LocalText

    @model_validator(mode="after")
    def _known_fields(self) -> Message:
        import string

        for lang in i18n.LANGUAGES:
            body = getattr(self.text, lang)
            if body is None:
                continue
            try:
                fields = {f for _, f, _, _ in string.Formatter().parse(body) if f is not None}
            except ValueError:
                raise ValueError(_("{lang}: a brace that opens no field; write {{ and }} for braces in the text",
                                   lang=lang)) from None
            unknown = sorted(fields - MESSAGE_FIELDS)
            if unknown:
                raise ValueError(_("{lang}: unknown field {field!r}; a text may use {fields}", lang=lang,
                                   field=unknown[0], fields="{client}, {reasons}"))
        return self


class Parting(_Model):
    """What to do for one verdict, in order, and the texts to send (the articles' advice on letting go well)."""

    steps: list[LocalText] = Field(min_length=1, description="What to do, in order")
    messages: list[Message] = Field(default_factory=list, description="Texts to send, in the client's language")
    checklist: list[LocalText] = Field(default_factory=list, description="The handover, item by item")


class LettingGo(_Model):
    negotiate: Parting | None = None
    decline: Parting | None = None


class VerdictNames(_Model):
    """What a rulebook calls the engine's three bands: reviewing a running engagement, take, negotiate and
    decline read as keep, renegotiate and let go. Files and scripts keep the engine's values."""

    take: LocalText | None = None
    negotiate: LocalText | None = None
    decline: LocalText | None = None


class Rulebook(_Model):
    id: Id
    version: Text = Field(description="Bump it whenever the content changes; quote it: '1.10'")
    title: LocalText
    description: LocalText | None = None
    languages: list[Literal["en", "da", "he", "ru"]] | None = Field(
        default=None,
        description="The languages every text is meant to have; 'rules check' warns about each text missing one "
        "(default: every language some text has)",
    )
    verdicts: VerdictNames | None = Field(
        default=None, description="Names for take, negotiate and decline in this rulebook, e.g. keep / let go"
    )
    our_side: OurSide | None = Field(
        default=None, description="Questions about our own side, asked before a decline is final"
    )
    letting_go: LettingGo | None = Field(
        default=None, description="For negotiate and decline: the steps in order and the texts to send"
    )
    thresholds: Thresholds
    min_coverage: Annotated[Number, Field(ge=0, le=1)] = Field(
        default=0.6, description="Below this share of points at stake answered, a verdict is provisional"
    )
    sources: dict[Text, SourceInfo] = Field(
        default_factory=dict,
        description="The sources the categories cite, by the id used in their source.article",
    )
    categories: list[Category] = Field(min_length=1)
    questions: list[Question] = Field(min_length=1)
    digest: StrictStr = Field(default="", exclude=True, description="set by the loader")

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
    """Load and validate a rulebook; raises ``InputError`` listing every problem found."""
    doc = safeyaml.load(resolve_path(path))
    return parse_rulebook(doc)


def parse_rulebook(doc: safeyaml.Document) -> Rulebook:
    if not isinstance(doc.data, dict):
        raise InputError([Problem(doc.path, _("a rulebook is a mapping with id, version, questions, …"), 1, 1)])
    try:
        book = Rulebook.model_validate({k: v for k, v in doc.data.items() if k != "cases"})
    except ValidationError as exc:
        raise InputError(_pydantic_problems(doc, exc)) from None
    problems = [doc.problem(loc, msg) for loc, msg in (*_cross_check(book), *_check_our_side(book))]
    if problems:
        raise InputError(_by_position(problems))
    return book.model_copy(update={"digest": content_hash(doc.data)})


def _pydantic_problems(doc: safeyaml.Document, exc: ValidationError) -> list[Problem]:
    problems = []
    for err in exc.errors(include_url=False):
        loc = validation.document_loc(doc.data, err["loc"], _UNION_TAGS)
        message = validation.message(err)
        given = err.get("input")
        text_key = len(loc) >= 2 and loc[-2] in LOCALIZED_FIELDS and isinstance(loc[-1], str)
        if err["type"] == "extra_forbidden" and text_key:
            message = _("{key!r} is not a language of clientscreen; texts are given in {languages}",
                        key=loc[-1], languages=", ".join(i18n.LANGUAGES))
        elif err["type"] == "missing" and text_key and loc[-1] == "en":
            message = _("the English text (en) is required: other languages fall back to it")
        elif err["type"] == "model_type" and loc and loc[-1] in LOCALIZED_FIELDS:
            message = _text_type_message(given)
        elif err["type"] == "extra_forbidden":
            message = _("unknown field {field!r}; check its spelling", field=loc[-1])
        elif err["type"] == "missing":
            message = _("field {field!r} is required", field=loc[-1])
        elif err["type"] in ("int_type", "float_type") and isinstance(given, str):
            message = _("{message}, got {given!r}", message=message, given=given)
        elif err["type"] == "string_pattern_mismatch":
            message = _("{given!r} is not an id: use lower-case letters, digits and _ (quote yes and no)", given=given)
        elif err["type"] == "string_type" and (given is None or type(given) in (int, float)):
            message = _text_type_message(given)
        elif err["type"] == "string_type" and not isinstance(given, dict | list):
            message = _("{message}, got {given!r}; quote it", message=message, given=given)
        problems.append(doc.problem(loc, message))
    return _by_position(_dedupe(problems))


def _text_type_message(value: object) -> str:
    """A text field given something else: the same words as for any other text, plus the map form."""
    if value is None:
        return _("is empty; write the text after the colon")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _("YAML reads this unquoted value as the number {given!r}; quote it to keep it as written", given=value)
    return _("should be text, or a map of language to text (en: …, da: …), got {given!r}", given=value)


def _by_position(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.line or 0, p.col or 0))


_UNION_TAGS = {"str", "int", "float", "constrained-str"}


def _dedupe(problems: list[Problem]) -> list[Problem]:
    """One problem per place: a value that fits no member of a union would otherwise be reported per member."""
    seen: set[tuple[int | None, int | None, str | None]] = set()
    out = []
    for p in problems:
        if (p.line, p.col, p.where) not in seen:
            seen.add((p.line, p.col, p.where))
            out.append(p)
    return out


def _cross_check(book: Rulebook) -> Iterator[tuple[tuple[str | int, ...], str]]:
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
