"""The rulebook's schema (Pydantic, for checking a file) and its records (plain, for the program) name the same
fields: a field added to one and not the other would be checked and then dropped, or read and never checked."""

from __future__ import annotations

import inspect

import pytest
from pydantic import BaseModel

from clientscreen.frozen import Frozen
from clientscreen.rulebook import cache, model, schema

SCHEMA_MODELS = {name: kind for name, kind in vars(schema).items()
                 if inspect.isclass(kind) and issubclass(kind, schema._Model) and kind is not schema._Model}
RECORDS = {name: kind for name, kind in vars(model).items()
           if inspect.isclass(kind) and issubclass(kind, Frozen) and kind is not Frozen}


def test_every_schema_model_has_its_record_and_the_cache_knows_each() -> None:
    assert set(SCHEMA_MODELS) == set(RECORDS) == set(cache._RECORDS)
    assert len(RECORDS) == 17


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_a_record_has_its_schema_models_fields_and_defaults(name: str) -> None:
    checked, record = SCHEMA_MODELS[name], RECORDS[name]
    assert tuple(checked.model_fields) == record._fields
    for field, info in checked.model_fields.items():
        alias = info.alias or field
        assert record._aliases.get(field, field) == alias
        if field in vars(record):  # a default the record gives when made by hand: the schema's own
            default = info.default_factory() if info.default_factory else info.default  # type: ignore[call-arg]
            assert vars(record)[field] == default, field


def test_a_checked_rulebook_is_made_of_records_only() -> None:
    book = model.load_rulebook(None)
    seen: list[object] = []

    def walk(value: object) -> None:
        assert not isinstance(value, BaseModel), type(value)
        if isinstance(value, Frozen):
            seen.append(value)
            for field in value._fields:
                walk(getattr(value, field))
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)

    walk(book)
    assert {type(v).__name__ for v in seen} >= {"Rulebook", "Question", "Answer", "Category", "Localized"}


def test_a_record_is_read_only_and_copied_with_changes() -> None:
    book = model.load_rulebook(None)
    with pytest.raises(AttributeError):
        book.id = "other"  # type: ignore[misc]
    renamed = book.replace(id="other")
    assert renamed.id == "other" and book.id == "default" and renamed.questions is book.questions
    assert renamed != book and book.replace() == book
    with pytest.raises(TypeError):
        book.replace(nonsense=1)
    with pytest.raises(TypeError):  # lists inside: as a frozen Pydantic model holding lists, not hashable
        hash(book)
    assert hash(book.questions[0].text) == hash(book.questions[0].text.replace())
