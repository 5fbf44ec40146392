"""The rulebook's schema: every field's shape, checked by Pydantic, with the line of each value it refuses.

Only a rulebook that has to be checked loads this module (and Pydantic): ``model`` holds the checked
rulebook as plain records, and ``cache`` keeps each rulebook checked before, so an ordinary run reads
neither. The field lists here and in ``model`` are held to each other by ``tests/test_rulebook_schema.py``;
the descriptions here are the rulebook's documentation (``rules/rulebook.schema.json``).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeVar

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
from clientscreen.frozen import Frozen
from clientscreen.i18n import _
from clientscreen.rulebook import crosscheck, model, safeyaml, validation

R = TypeVar("R", bound=Frozen)

Id = Annotated[StrictStr, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
Text = Annotated[StrictStr, Field(min_length=1)]
Number = Annotated[float, Strict()]  # ints are welcome; bools, text and inf/nan are not


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
    languages: list[i18n.Language] | None = Field(
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


def parse(doc: safeyaml.Document) -> model.Rulebook:
    """The rulebook a document holds, checked field by field and then across fields; ``InputError`` lists every
    problem at its line."""
    if not isinstance(doc.data, dict):
        raise InputError([Problem(doc.path, _("a rulebook is a mapping with id, version, questions, …"), 1, 1)])
    try:
        book = checked(doc.data)
    except ValidationError as exc:
        raise InputError(problems(doc, exc)) from None
    found = [doc.problem(loc, msg) for loc, msg in crosscheck.problems(book)]
    if found:
        raise InputError(_by_position(found))
    return book.replace(digest=model.content_hash(doc.data))


def checked(data: dict[str, Any]) -> model.Rulebook:
    """The rulebook ``data`` holds (its golden cases aside), as plain records; ``ValidationError`` if its shape is
    wrong. Nothing across fields is checked: ``parse`` does that."""
    return runtime(Rulebook.model_validate({k: v for k, v in data.items() if k != "cases"}))  # type: ignore[no-any-return]


def record(kind: type[R], data: Any) -> R:
    """One part of a rulebook (a question, an answer ...) checked by its schema alone, as its plain record."""
    model_type: type[BaseModel] = globals()[kind.__name__]
    made: R = runtime(model_type.model_validate(data))
    return made


def runtime(value: Any) -> Any:
    """``value`` with every schema model made the plain record of the same name in ``model``."""
    if isinstance(value, BaseModel):
        record: type[Frozen] = getattr(model, type(value).__name__)
        return record.of({name: runtime(getattr(value, name)) for name in record._fields})
    if isinstance(value, list):
        return [runtime(v) for v in value]
    if isinstance(value, dict):
        return {k: runtime(v) for k, v in value.items()}
    return value


def problems(doc: safeyaml.Document, exc: ValidationError) -> list[Problem]:
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
