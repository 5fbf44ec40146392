"""The answers file's two readers: the plain check and the Pydantic schema must never disagree.

The plain check (``answersfile.plainly_valid``) takes only data that is plainly valid and builds the records
itself; everything else goes to the schema (``answersschema``). So whatever the plain check accepts, the
schema must accept too and give the same value, type for type; whatever the schema refuses, the plain check
must not accept. Generated here near every limit the schema has: text lengths in code points, exact types
(``True`` is not a number here, ``1`` not text), finite numbers, the listed languages, unknown keys.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from clientscreen.errors import InputError
from clientscreen.interview import answersfile, answersschema
from clientscreen.interview.answersfile import LINE_LIMIT, NAME_LIMIT, AnswersFile, Prospect, plainly_valid

EXAMPLES = Path(__file__).parent.parent / "examples" / "prospects"


class Text(str):
    """A ``str`` subclass: no YAML loader makes one, so the plain check leaves it to the schema."""

    __slots__ = ()


def texts_of(length: int) -> st.SearchStrategy[str]:
    """Text of exactly ``length`` code points: ASCII, accented, astral (one code point, two UTF-16 units)."""
    return st.sampled_from(["a", "é", "😀", "e\u0301"[1]]).map(lambda c: c * length)


NEAR_NAME = st.sampled_from([0, 1, 2, NAME_LIMIT - 1, NAME_LIMIT, NAME_LIMIT + 1])
NEAR_LINE = st.sampled_from([0, 1, LINE_LIMIT - 1, LINE_LIMIT, LINE_LIMIT + 1])
VALID_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=12)
SURROGATES = st.text(st.characters(categories=["Cs"]), min_size=1, max_size=2).map(lambda s: "x" + s)
ODD = st.one_of(  # values no field takes as they are
    st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=2), st.integers(), max_size=1),
    st.binary(max_size=3), VALID_TEXT.map(Text), st.just(()),
)
NUMBERS = st.one_of(
    st.integers(), st.sampled_from([2**63 - 1, 2**63, -(2**63), -(2**63) - 1, 10**30]),
    st.floats(), st.sampled_from([math.inf, -math.inf, math.nan, -0.0, 1e308, 5e-324]),
)
SCALARS = st.one_of(VALID_TEXT, st.booleans(), st.none(), NUMBERS, SURROGATES)
ANY_VALUE = st.one_of(SCALARS, ODD)


def mostly(odds: int, valid: st.SearchStrategy[Any], *other: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """``valid`` ``odds`` times to one, else one of ``other``."""
    return st.integers(0, odds).flatmap(lambda n: valid if n or not other else st.one_of(*other))


def mapping_with(odds: int, required: dict[str, st.SearchStrategy[Any]],
                 optional: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[Any]:
    """A mapping with ``required`` and some of ``optional``; now and then one missing, an unknown key, or no
    mapping at all."""
    known = st.fixed_dictionaries(required, optional=optional)
    missing = st.fixed_dictionaries({}, optional={**required, **optional})
    extra = st.dictionaries(st.one_of(st.sampled_from(["nmae", "Name", "extra"]), st.integers(0, 2)), SCALARS,
                            min_size=1, max_size=1)
    return mostly(odds, known, missing, st.tuples(known, extra).map(lambda both: {**both[0], **both[1]}), ANY_VALUE)


def files(odds: int, *varied: str) -> st.SearchStrategy[Any]:
    """Answers files whose values are right ``odds`` times to one. Only the fields in ``varied`` (every one if none
    is named) are there, the prospect's name aside, so that one limit at a time decides."""
    line = mostly(odds, st.one_of(st.none(), VALID_TEXT, NEAR_LINE.flatmap(texts_of)), SURROGATES, ANY_VALUE)
    language = mostly(odds, st.sampled_from([None, "en", "da", "he", "ru"]),
                      st.sampled_from(["EN", "de", "", "en ", "english"]), ANY_VALUE)
    keys = mostly(odds, VALID_TEXT, SURROGATES, st.sampled_from(["str", "int", "none"]), st.integers(0, 3),
                  st.booleans())
    answers = mostly(odds, st.dictionaries(keys, mostly(odds, SCALARS, ODD), max_size=6), ANY_VALUE)
    name = mostly(odds, st.one_of(VALID_TEXT.filter(bool), NEAR_NAME.flatmap(texts_of)), st.just(""), ANY_VALUE,
                  SURROGATES)

    def text(length: int) -> st.SearchStrategy[Any]:
        return mostly(odds, st.one_of(VALID_TEXT, texts_of(length)), SURROGATES, ANY_VALUE)

    prospect = mapping_with(odds, {"name": name}, {"company": line, "contact": line, "notes": line,
                                                   "language": language})
    ref = mapping_with(odds, {"id": text(3), "version": text(1), "hash": text(64)}, {"path": line})
    status = mostly(odds, st.sampled_from(["draft", "complete"]), st.sampled_from(["Draft", "done", ""]), ANY_VALUE)
    optional = {"status": status, "interviewer": line, "interviewed_at": line, "lang": language,
                "rulebook": st.one_of(ref, st.none()), "answers": answers, "set_aside": answers, "our_side": answers}
    if varied:
        optional = {key: value for key, value in optional.items() if key in varied}
        if "prospect" not in varied:
            prospect = st.just({"name": "Nordlys ApS"})
    return mapping_with(9, {"prospect": prospect}, optional)  # the file itself nearly always a mapping


FILES = st.one_of(
    files(9),  # whole files, nearly all valid: a refusal is mostly one value's
    files(3, "prospect"), files(3, "rulebook"), files(3, "answers", "our_side"),  # one part, often wrong
    files(3, "status", "lang", "interviewer", "interviewed_at"),
)


def typed(value: Any) -> Any:
    """``value`` with each scalar's exact type beside it: ``1 == 1.0 == True`` must not pass for agreement."""
    if isinstance(value, dict):
        return {typed(k): typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [typed(v) for v in value]
    return (type(value).__name__, repr(value))


def schema_view(data: object) -> Any:
    try:
        return answersschema.AnswersFile.model_validate(data)
    except ValidationError:
        return None


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(FILES)
def test_what_the_plain_check_accepts_the_schema_accepts_as_the_same_value(data: Any) -> None:
    agree(data)


def agree(data: object) -> tuple[bool, bool]:
    """Whether the plain check and the schema accept ``data``, after checking that they agree on it."""
    plain = plainly_valid(data)
    model = schema_view(data)
    if model is None:
        assert plain is None, "the plain check accepted data the schema refuses"
    elif plain is not None:
        assert typed(plain.to_data()) == typed(model.model_dump())
        assert typed(plain.to_data(exclude_none=True)) == typed(model.model_dump(exclude_none=True))
        assert plain == answersschema.record(model)
        assert answersfile.dump(plain) == answersfile.dump(answersschema.record(model))
    return plain is not None, model is not None


ASTRAL = "\U0001f600"
LIMITS = [  # (a file, plainly valid, valid): each limit of the schema, on both sides of it
    ({}, True, True),
    ({"prospect": {"name": "x" * NAME_LIMIT}}, True, True),
    ({"prospect": {"name": ASTRAL * NAME_LIMIT}}, True, True),  # code points, not UTF-16 units or bytes
    ({"prospect": {"name": "x" * (NAME_LIMIT + 1)}}, False, False),
    ({"prospect": {"name": ASTRAL * (NAME_LIMIT + 1)}}, False, False),
    ({"prospect": {"name": ""}}, False, False),
    ({"prospect": {"name": "x\ud800"}}, False, False),  # Pydantic cannot count a lone surrogate
    ({"prospect": {"name": True}}, False, False),
    ({"prospect": {"name": 1}}, False, False),
    ({"prospect": {"name": Text("x")}}, False, True),  # no loader makes one; the schema decides
    ({"prospect": {"name": "x", "company": "c" * LINE_LIMIT}}, True, True),
    ({"prospect": {"name": "x", "notes": "c" * (LINE_LIMIT + 1)}}, False, False),
    ({"prospect": {"name": "x", "language": "he"}}, True, True),
    ({"prospect": {"name": "x", "language": "EN"}}, False, False),
    ({"prospect": {"name": "x", "nmae": "y"}}, False, False),
    ({"prospect": None}, False, False),
    ({"prospect": ["x"]}, False, False),
    ({"status": "draft"}, True, True),
    ({"status": "Draft"}, False, False),
    ({"status": None}, False, False),
    ({"lang": "de"}, False, False),
    ({"interviewer": "i" * LINE_LIMIT, "interviewed_at": "2026-11-21T14:00+01:00"}, True, True),
    ({"interviewer": "i" * (LINE_LIMIT + 1)}, False, False),
    ({"rulebook": {"id": "default", "version": "3", "hash": "ab" * 32, "path": "/r.yaml"}}, True, True),
    ({"rulebook": {"id": "default", "version": "3"}}, False, False),
    ({"rulebook": {"id": "default", "version": 3, "hash": "h"}}, False, False),
    ({"rulebook": {"id": "d", "version": "3", "hash": "h", "path": "p" * (LINE_LIMIT + 1)}}, False, False),
    ({"answers": {"a": "yes", "b": 2, "c": 1.5, "d": True, "e": None, "f": -0.0, "g": 2**63 - 1}}, True, True),
    ({"answers": {"a": math.inf}}, False, False),
    ({"answers": {"a": -math.inf}}, False, False),
    ({"answers": {"a": math.nan}}, False, False),
    ({"answers": {"a": 2**63}}, False, True),  # a big whole number: left to the schema, which takes it
    ({"answers": {"a": [1]}}, False, False),
    ({"answers": {"a": {"b": 1}}}, False, False),
    ({"answers": {1: "x"}}, False, False),
    ({"answers": {"x\ud800": "y\udc80"}}, False, True),  # no length to count: the schema takes them
    ({"answers": None}, False, False),
    ({"set_aside": {"a": "no"}, "our_side": {"scope": "yes"}}, True, True),
    ({"our_side": []}, False, False),
    ({"extra": 1}, False, False),
    ({1: "x"}, False, False),
]


@pytest.mark.parametrize(("patch", "plainly", "valid"), LIMITS)
def test_each_limit_on_both_sides(patch: dict[Any, Any], plainly: bool, valid: bool) -> None:
    assert agree({"prospect": {"name": "Nordlys ApS"}} | patch) == (plainly, valid)


VALID_LINE = st.one_of(st.none(), VALID_TEXT, NEAR_LINE.filter(lambda n: n <= LINE_LIMIT).flatmap(texts_of))
VALID_VALUE = st.one_of(VALID_TEXT, st.booleans(), st.none(), st.integers(-(2**63), 2**63 - 1),
                        st.floats(allow_nan=False, allow_infinity=False))
VALID_ANSWERS = st.dictionaries(VALID_TEXT, VALID_VALUE, max_size=6)
LANGUAGES = st.sampled_from([None, "en", "da", "he", "ru"])
VALID_FILES = st.fixed_dictionaries(
    {"prospect": st.fixed_dictionaries(
        {"name": st.one_of(VALID_TEXT.filter(bool), st.sampled_from([1, NAME_LIMIT]).flatmap(texts_of))},
        optional={"company": VALID_LINE, "contact": VALID_LINE, "notes": VALID_LINE, "language": LANGUAGES})},
    optional={"status": st.sampled_from(["draft", "complete"]), "interviewer": VALID_LINE,
              "interviewed_at": VALID_LINE, "lang": LANGUAGES, "answers": VALID_ANSWERS, "set_aside": VALID_ANSWERS,
              "our_side": VALID_ANSWERS,
              "rulebook": st.one_of(st.none(), st.fixed_dictionaries(
                  {"id": VALID_TEXT, "version": VALID_TEXT, "hash": VALID_TEXT}, optional={"path": VALID_LINE}))},
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(VALID_FILES)
def test_plainly_valid_files_never_need_the_schema(data: dict[str, Any]) -> None:
    plain = plainly_valid(data)
    assert plain is not None, "a plainly valid file went to the schema"
    assert typed(plain.to_data()) == typed(answersschema.AnswersFile.model_validate(data).model_dump())


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_the_examples_are_read_without_the_schema_and_as_the_schema_reads_them(example: str) -> None:
    loaded = answersfile.load(EXAMPLES / example)
    assert plainly_valid(loaded.doc.data) == loaded.file
    assert loaded.file == answersschema.validate(loaded.doc.data)


def test_a_written_file_reads_back_as_the_same_record_and_the_same_bytes(tmp_path: Path) -> None:
    file = AnswersFile(prospect=Prospect(name="Nordlys ApS", company="Nordlys", language="da"), status="draft",
                       answers={"prepay": "no", "trust": 2, "budget": 1500.5, "late": True, "notes": None},
                       our_side={"scope": "yes"})
    path = tmp_path / "nordlys.yaml"
    answersfile.save(path, file)
    loaded = answersfile.load(path)
    assert loaded.file == file
    assert answersfile.dump(loaded.file) == path.read_bytes()
    written = file.to_data(exclude_none=True)
    del written["set_aside"]  # an empty one is left out
    assert yaml.safe_load(path.read_text(encoding="utf-8")) == written


def test_records_of_defaults_share_nothing() -> None:
    one, two = AnswersFile(prospect=Prospect(name="A")), AnswersFile(prospect=Prospect(name="B"))
    assert one.answers == {} and one.answers is not two.answers
    assert one.replace(lang="da").lang == "da" and one.lang is None
    with pytest.raises(AttributeError):
        one.status = "draft"  # type: ignore[misc]


def test_what_the_plain_check_leaves_is_refused_in_the_schemas_words(tmp_path: Path) -> None:
    path = tmp_path / "long.yaml"
    path.write_text(f"prospect:\n  name: {'x' * (NAME_LIMIT + 1)}\nanswers:\n  trust: .inf\n  budget: yes\n",
                    encoding="utf-8")
    with pytest.raises(InputError) as raised:
        answersfile.load(path)
    shown = [str(p) for p in raised.value.problems]
    assert shown[0].startswith(f"{path}:2:3: prospect.name: String should have at most {NAME_LIMIT} characters")
    assert shown[1].startswith(f"{path}:4:3: answers.trust: Input should be a finite number")
    assert len(shown) == 2  # yes is a boolean, as YAML 1.2 reads it: a valid answer
