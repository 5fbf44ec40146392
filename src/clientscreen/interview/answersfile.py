"""Answers files: one prospect's screening, as written by the interview or by hand.

The file records which rulebook (id, version, content hash) the answers were given
against, so that a later report or resume can say when the rulebook has moved on.
Values are kept as the user wrote them and read through the same parser as typed
answers and CSV cells.

The values the program uses are plain read-only records (``Frozen``). A file is checked
first by a few lines of Python that accept only what is plainly valid, exact types within
their limits; whatever they do not accept for certain (a wrong type, a long text, a key
they do not know) goes to the Pydantic schema in ``answersschema``, which gives the valid
value or the errors that name lines. Importing Pydantic costs more than the rest of a
report's start-up, and the files people and the interview write are nearly always valid.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

import yaml

from clientscreen import i18n
from clientscreen.atomic import write_atomic
from clientscreen.errors import InputError, Problem
from clientscreen.frozen import Frozen
from clientscreen.i18n import _
from clientscreen.rulebook import safeyaml

if TYPE_CHECKING:
    from clientscreen.answers import Given
    from clientscreen.rulebook.model import Rulebook

RawValue = str | int | float | bool | None
Status = Literal["draft", "complete"]
STATUSES: Final = ("draft", "complete")
NAME_LIMIT = 500  # characters in a prospect's name
LINE_LIMIT = 10_000  # characters in the other texts about a prospect


class Prospect(Frozen):
    """Who is screened. The schema's limits: a name of 1 to NAME_LIMIT characters, other texts LINE_LIMIT."""

    name: str
    company: str | None = None
    contact: str | None = None
    notes: str | None = None
    language: i18n.Language | None = None  # the language to write to the client in (default: the reader's)


class RulebookRef(Frozen):
    """The rulebook the answers were given against; ``path`` is the file an interview used (none: the bundled one)."""

    id: str
    version: str
    hash: str
    path: str | None = None


class AnswersFile(Frozen):
    """One prospect's screening; ``set_aside`` holds answers skip logic switched off, ``our_side`` our own side's."""

    status: Status = "complete"
    prospect: Prospect
    interviewer: str | None = None
    interviewed_at: str | None = None  # ISO 8601 date and time
    lang: i18n.Language | None = None  # the language the interview was held in; a resume continues in it
    rulebook: RulebookRef | None = None
    answers: dict[str, RawValue] = {}  # never shared: Frozen gives each record a copy of a default
    set_aside: dict[str, RawValue] = {}
    our_side: dict[str, RawValue] = {}

    def against(self, rulebook: Rulebook, path: str | None = None) -> AnswersFile:
        """Answers given against ``rulebook``, read from ``path`` (None: the bundled one)."""
        ref = RulebookRef(id=rulebook.id, version=rulebook.version, hash=rulebook.digest, path=path)
        return self.replace(rulebook=ref)


_MAPPINGS = ("answers", "set_aside", "our_side")


def validate(data: object) -> AnswersFile:
    """An answers file from data read or made (a dict as YAML gives it): the plain check, else the schema.

    Raises Pydantic's ``ValidationError`` for data the schema refuses; ``load`` turns that into lines.
    """
    file = plainly_valid(data)
    if file is None:
        from clientscreen.interview import answersschema

        file = answersschema.validate(data)
    return file


def plainly_valid(data: object) -> AnswersFile | None:
    """The answers file ``data`` holds if it is plainly valid, else None: None says "ask the schema", not "invalid".

    Only exact types pass (a ``str`` subclass, a ``bool`` where text belongs, a key that is not text all go to
    the schema), and only texts without lone surrogates, which Pydantic refuses where it counts characters.
    """
    if type(data) is not dict or not _known_keys(data, _FILE_KEYS):
        return None
    status = data.get("status", "complete")
    prospect = _prospect(data.get("prospect"))
    ref = data.get("rulebook")
    if (
        type(status) is not str or status not in _STATUS_SET
        or prospect is None
        or not (_optional_text(data.get("interviewer")) and _optional_text(data.get("interviewed_at")))
        or not _optional_language(data.get("lang"))
    ):
        return None
    if ref is not None:
        ref = _ref(ref)
        if ref is None:
            return None
    values: dict[str, Any] = {"status": status, "prospect": prospect, "interviewer": data.get("interviewer"),
                              "interviewed_at": data.get("interviewed_at"), "lang": data.get("lang"), "rulebook": ref}
    for name in _MAPPINGS:
        mapping = data.get(name, {})
        if not _raw_values(mapping):
            return None
        values[name] = dict(mapping)
    return AnswersFile.of(values)


def _prospect(data: object) -> Prospect | None:
    if type(data) is not dict or not _known_keys(data, _PROSPECT_KEYS):
        return None
    name = data.get("name")
    if type(name) is not str or not 1 <= len(name) <= NAME_LIMIT or not _unicode(name):
        return None
    if not all(_optional_text(data.get(key)) for key in ("company", "contact", "notes")):
        return None
    if not _optional_language(data.get("language")):
        return None
    return Prospect.of({key: data.get(key) for key in Prospect._fields})


def _ref(data: object) -> RulebookRef | None:
    if type(data) is not dict or not _known_keys(data, _REF_KEYS):
        return None
    if not all(type(data.get(key)) is str and _unicode(data[key]) for key in ("id", "version", "hash")):
        return None
    if not _optional_text(data.get("path")):
        return None
    return RulebookRef.of({key: data.get(key) for key in RulebookRef._fields})


def _known_keys(data: dict[Any, Any], known: frozenset[str]) -> bool:
    return all(type(key) is str for key in data) and known.issuperset(data)


def _optional_text(value: object) -> bool:
    return value is None or (type(value) is str and len(value) <= LINE_LIMIT and _unicode(value))


def _optional_language(value: object) -> bool:
    return value is None or (type(value) is str and value in _LANGUAGE_SET)


def _raw_values(mapping: object) -> bool:
    """Text keys to answers: text, a whole number of 64 bits at most, a finite number, yes/no, or empty."""
    if type(mapping) is not dict:
        return False
    for key, value in mapping.items():
        if type(key) is not str or not _unicode(key):
            return False
        kind = type(value)
        if kind is str:
            if not _unicode(value):
                return False
        elif kind is int:
            if not _INT_LOW <= value <= _INT_HIGH:  # a bigger one is left to the schema and its Pydantic version
                return False
        elif kind is float:
            if not math.isfinite(value):
                return False
        elif kind is not bool and value is not None:
            return False
    return True


def _unicode(text: str) -> bool:
    return text.isascii() or _SURROGATE.search(text) is None


_SURROGATE = re.compile("[\ud800-\udfff]")
_INT_LOW, _INT_HIGH = -(2**63), 2**63 - 1
_FILE_KEYS = frozenset(AnswersFile._fields)
_PROSPECT_KEYS = frozenset(Prospect._fields)
_REF_KEYS = frozenset(RulebookRef._fields)
_STATUS_SET = frozenset(STATUSES)
_LANGUAGE_SET = frozenset(i18n.LANGUAGES)


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
    """An answers file, or standard input for ``-`` (YAML, and so JSON too), checked against the schema."""
    if str(path) == "-":
        import sys

        doc = safeyaml.parse_yaml(safeyaml.read_stream(sys.stdin.buffer, STDIN), STDIN)
    else:
        doc = safeyaml.load(path)
    if not isinstance(doc.data, dict):
        raise InputError([Problem(doc.path, _("an answers file is a mapping with prospect and answers"), 1, 1)])
    file = plainly_valid(doc.data)
    if file is None:
        from clientscreen.interview import answersschema

        file = answersschema.checked(doc)
    return Loaded(file, doc)


def read(rulebook: Rulebook, loaded: Loaded) -> tuple[dict[str, Given], list[Problem]]:
    """Parse the answers against ``rulebook``: bad values are errors, unknown questions warnings."""
    from clientscreen.answers import AnswerError, parse

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
    data: dict[str, Any] = file.to_data(exclude_none=True)
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
