"""The answers file's schema: every constraint of the file, and the errors that name its lines.

Loaded only for a file the plain check in ``answersfile`` does not accept for certain: importing
Pydantic and building these models cost more than the rest of a report's start-up. What the
schema accepts becomes the same plain records the plain check builds, so the rest of the
program never knows which of the two read a file. The only module that imports Pydantic for
answers files.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StrictStr, ValidationError

from clientscreen.errors import InputError, Problem
from clientscreen.i18n import Language, _
from clientscreen.interview import answersfile
from clientscreen.interview.answersfile import LINE_LIMIT, NAME_LIMIT, RawValue, Status
from clientscreen.rulebook import safeyaml, validation

Line = Annotated[StrictStr, Field(max_length=LINE_LIMIT)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, defer_build=True)  # built when first used


class Prospect(_Model):
    name: Annotated[StrictStr, Field(min_length=1, max_length=NAME_LIMIT)]
    company: Line | None = None
    contact: Line | None = None
    notes: Line | None = None
    language: Language | None = Field(
        default=None, description="The language to write to the client in (default: the reader's)"
    )


class RulebookRef(_Model):
    id: StrictStr
    version: StrictStr
    hash: StrictStr
    path: Line | None = Field(default=None, description="The rulebook file an interview used; none: the bundled one")


class AnswersFile(_Model):
    status: Status = "complete"
    prospect: Prospect
    interviewer: Line | None = None
    interviewed_at: Line | None = Field(default=None, description="ISO 8601 date and time")
    lang: Language | None = Field(
        default=None, description="The language the interview was held in; a resume continues in it"
    )
    rulebook: RulebookRef | None = None
    answers: dict[StrictStr, RawValue] = Field(default_factory=dict)
    set_aside: dict[StrictStr, RawValue] = Field(
        default_factory=dict,
        description="answers skip logic switched off; kept, and restored if their question applies again",
    )
    our_side: dict[StrictStr, RawValue] = Field(
        default_factory=dict, description="Answers about our own side, asked before a decline is final"
    )


def validate(data: object) -> answersfile.AnswersFile:
    """The record of ``data`` as the schema checks it; raises ``ValidationError`` for what it refuses."""
    return record(AnswersFile.model_validate(data))


def checked(doc: safeyaml.Document) -> answersfile.AnswersFile:
    """The record of a document, or an ``InputError`` with one problem per refused value, each on its line."""
    try:
        return validate(doc.data)
    except ValidationError as exc:
        raise InputError(_problems(doc, exc)) from None


def record(model: AnswersFile) -> answersfile.AnswersFile:
    """The plain record of a model the schema made: the same fields, values and defaults."""
    values = model.model_dump()
    ref = values["rulebook"]
    values["prospect"] = answersfile.Prospect.of(values["prospect"])
    values["rulebook"] = None if ref is None else answersfile.RulebookRef.of(ref)
    return answersfile.AnswersFile.of(values)


def _problems(doc: safeyaml.Document, exc: ValidationError) -> list[Problem]:
    """One problem per value: an answer may be text, a number, yes/no or empty, and Pydantic says why it
    is none of the four in four lines (``budget: 1e999`` is not a string, not finite twice, not a boolean)."""
    by_place: dict[tuple[Any, ...], list[Any]] = {}
    for err in exc.errors(include_url=False):
        loc = validation.document_loc(doc.data, err["loc"], _MEMBERS)  # a key may read 'str'
        by_place.setdefault(loc, []).append(err)
    problems = []
    for loc, errs in by_place.items():
        if errs[0]["type"] == "extra_forbidden":
            message = _("unknown field {field!r}", field=loc[-1])
        elif len(errs) == 1:
            message = validation.message(errs[0])
        else:
            finite = next((e for e in errs if e["type"] == "finite_number"), None)
            message = validation.message(finite) if finite else _(
                "an answer is text, a number, yes or no, or empty")
        problems.append(doc.problem(loc, message))
    return problems


_MEMBERS = ("str", "int", "float", "bool", "none")  # the union's members, as Pydantic names them in a location
