"""Pydantic's error records in the reader's language.

Pydantic writes its messages in English only. The ones a person editing a rulebook or
an answers file meets are rewritten here, word for word in English (so nothing changes
for English readers) and translated for the rest; a rare kind falls back to Pydantic's
own English text rather than to nothing.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from clientscreen.i18n import _, _n


def document_loc(data: object, loc: tuple[int | str, ...], tags: Collection[str]) -> tuple[int | str, ...]:
    """Pydantic's location with its own steps (``function-after[...]``, union members in ``tags``) left out.

    A step that names a key or index of the document is the user's, whatever its spelling:
    a key may hold ``[`` or read ``str``.
    """
    out: list[int | str] = []
    for step in loc:
        if isinstance(data, dict) and step in data:
            data = data[step]
        elif isinstance(data, list) and isinstance(step, int) and 0 <= step < len(data):
            data = data[step]
        elif isinstance(step, str) and ("[" in step or step in tags):
            continue
        else:
            data = None
        out.append(step)
    return tuple(out)


def message(err: Any) -> str:
    """The message of one ``ValidationError.errors()`` entry."""
    kind: str = err["type"]
    ctx: dict[str, Any] = err.get("ctx") or {}
    simple = _simple(kind)
    if simple is not None:
        return simple
    if kind in ("literal_error", "enum"):
        return _("Input should be {expected}", expected=_choices(str(ctx.get("expected", ""))))
    if kind == "string_too_short":
        count = int(ctx.get("min_length", 1))
        return _n("String should have at least {n} character", "String should have at least {n} characters", count)
    if kind == "string_too_long":
        count = int(ctx.get("max_length", 0))
        return _n("String should have at most {n} character", "String should have at most {n} characters", count)
    if kind == "too_short":
        count = int(ctx.get("min_length", 1))
        return _n("List should have at least {n} item", "List should have at least {n} items", count)
    if kind in _BOUNDS:
        return _bound(kind, ctx)
    if kind == "value_error" and ctx.get("error") is not None:  # our own validators' words, already translated
        return str(ctx["error"])
    return str(err["msg"])


def _simple(kind: str) -> str | None:
    """Messages without fields; a function, so that each is looked up in the language of the moment."""
    texts = {
        "int_type": _("Input should be a valid integer"),
        "int_parsing": _("Input should be a valid integer"),
        "int_from_float": _("Input should be a valid integer, got a number with a fractional part"),
        "float_type": _("Input should be a valid number"),
        "float_parsing": _("Input should be a valid number"),
        "finite_number": _("Input should be a finite number"),
        "string_type": _("Input should be a valid string"),
        "bool_type": _("Input should be a valid boolean"),
        "list_type": _("Input should be a valid list"),
        "dict_type": _("Input should be a valid dictionary"),
        "model_type": _("Input should be a valid dictionary"),
        "model_attributes_type": _("Input should be a valid dictionary"),
        "missing": _("Field required"),
        "extra_forbidden": _("Extra inputs are not permitted"),
    }
    return texts.get(kind)


_BOUNDS = ("greater_than", "greater_than_equal", "less_than", "less_than_equal")


def _bound(kind: str, ctx: dict[str, Any]) -> str:
    key = {"greater_than": "gt", "greater_than_equal": "ge", "less_than": "lt", "less_than_equal": "le"}[kind]
    bound = ctx.get(key)
    if isinstance(bound, float) and bound.is_integer():
        bound = int(bound)  # as Pydantic writes it: 1, not 1.0
    if kind == "greater_than":
        return _("Input should be greater than {bound}", bound=bound)
    if kind == "greater_than_equal":
        return _("Input should be greater than or equal to {bound}", bound=bound)
    if kind == "less_than":
        return _("Input should be less than {bound}", bound=bound)
    return _("Input should be less than or equal to {bound}", bound=bound)


def _choices(expected: str) -> str:
    """Pydantic's ``'a', 'b' or 'c'``, with the reader's word for "or"."""
    values = re.findall(r"'[^']*'", expected)
    if len(values) < 2:
        return expected
    return _("{choices} or {last}", choices=", ".join(values[:-1]), last=values[-1])
