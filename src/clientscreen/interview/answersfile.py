"""Answers files: one prospect's screening, as written by the interview or by hand.

The file records which rulebook (id, version, content hash) the answers were given
against, so that a later report or resume can say when the rulebook has moved on.
Values are kept as the user wrote them and read through the same parser as typed
answers and CSV cells.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StrictStr, ValidationError

from clientscreen.answers import AnswerError, Given, parse
from clientscreen.atomic import write_atomic
from clientscreen.errors import InputError, Problem
from clientscreen.i18n import _
from clientscreen.rulebook import safeyaml, validation
from clientscreen.rulebook.model import Rulebook

RawValue = str | int | float | bool | None
NAME_LIMIT = 500  # characters in a prospect's name
LINE_LIMIT = 10_000  # characters in the other texts about a prospect
Line = Annotated[StrictStr, Field(max_length=LINE_LIMIT)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, defer_build=True)  # built when first used


class Prospect(_Model):
    name: Annotated[StrictStr, Field(min_length=1, max_length=NAME_LIMIT)]
    company: Line | None = None
    contact: Line | None = None
    notes: Line | None = None
    language: Literal["en", "da", "he", "ru"] | None = Field(
        default=None, description="The language to write to the client in (default: the reader's)"
    )


class RulebookRef(_Model):
    id: StrictStr
    version: StrictStr
    hash: StrictStr
    path: Line | None = Field(default=None, description="The rulebook file an interview used; none: the bundled one")


class AnswersFile(_Model):
    status: Literal["draft", "complete"] = "complete"
    prospect: Prospect
    interviewer: Line | None = None
    interviewed_at: Line | None = Field(default=None, description="ISO 8601 date and time")
    lang: Literal["en", "da", "he", "ru"] | None = Field(
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

    def against(self, rulebook: Rulebook, path: str | None = None) -> AnswersFile:
        """Answers given against ``rulebook``, read from ``path`` (None: the bundled one)."""
        ref = RulebookRef(id=rulebook.id, version=rulebook.version, hash=rulebook.digest, path=path)
        return self.model_copy(update={"rulebook": ref})


@dataclass(frozen=True)
class Loaded:
    """An answers file and where each of its values stands, for errors that name lines."""

    file: AnswersFile
    doc: safeyaml.Document

    @property
    def path(self) -> str:
        return self.doc.path


STDIN = "<stdin>"


def load(path: Path) -> Loaded:
    """An answers file, or standard input for ``-`` (YAML, and so JSON too), checked against the model."""
    if str(path) == "-":
        import sys

        doc = safeyaml.parse_yaml(safeyaml.read_stream(sys.stdin.buffer, STDIN), STDIN)
    else:
        doc = safeyaml.load(path)
    if not isinstance(doc.data, dict):
        raise InputError([Problem(doc.path, _("an answers file is a mapping with prospect and answers"), 1, 1)])
    try:
        file = AnswersFile.model_validate(doc.data)
    except ValidationError as exc:
        raise InputError(_problems(doc, exc)) from None
    return Loaded(file, doc)


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


def read(rulebook: Rulebook, loaded: Loaded) -> tuple[dict[str, Given], list[Problem]]:
    """Parse the answers against ``rulebook``: bad values are errors, unknown questions warnings."""
    given: dict[str, Given] = {}
    errors: list[Problem] = []
    warnings: list[Problem] = []
    for qid, raw in loaded.file.answers.items():
        question = rulebook.question_by_id.get(qid)
        if question is None:
            warnings.append(
                loaded.doc.problem(
                    ("answers", qid),
                    _("no question {question!r} in rulebook {rulebook}; ignored", question=qid, rulebook=rulebook.id),
                    "warning",
                )
            )
            continue
        try:
            given[qid] = parse(question, raw)
        except AnswerError as exc:
            errors.append(loaded.doc.problem(("answers", qid), str(exc)))
    if errors:
        raise InputError(errors)
    ref = loaded.file.rulebook
    if ref is not None and ref.hash != rulebook.digest:
        warnings.insert(
            0,
            loaded.doc.problem(
                ("rulebook",),
                _("answered against {old_id} {old_version}; the rulebook is now {new_id} {new_version} "
                  "with different content",
                  old_id=ref.id, old_version=ref.version, new_id=rulebook.id, new_version=rulebook.version),
                "warning",
            ),
        )
    return given, warnings


def dump(file: AnswersFile, rulebook: Rulebook | None = None) -> bytes:
    """YAML text in a stable order: answers follow the rulebook, unknown ones keep their place after."""
    data: dict[str, Any] = file.model_dump(exclude_none=True)
    if not data.get("set_aside"):
        data.pop("set_aside", None)  # most files never need it
    if not data.get("our_side"):
        data.pop("our_side", None)
    if rulebook is not None:
        order = {q.id: i for i, q in enumerate(rulebook.questions)}
        data["answers"] = dict(sorted(file.answers.items(), key=lambda kv: order.get(kv[0], len(order))))
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return text.encode("utf-8")


def save(path: Path, file: AnswersFile, rulebook: Rulebook | None = None, *, new: bool = False) -> None:
    """Write atomically with mode 0600: answers are client data."""
    write_atomic(path, dump(file, rulebook), mode=0o600, new=new)
