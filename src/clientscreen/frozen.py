"""Values that were checked once and are only read after: the rulebook and the answers file as the program uses them.

Pydantic checks a file against its schema; once checked, the values need none of it. Importing Pydantic and
defining its models cost more than the rest of a report's start-up, so the checked values live in these
plain classes, and the schema modules (``rulebook.schema``, ``interview.answersschema``) load only when a
file has to be checked. A value built here is as a Pydantic model would give it: read-only, equal to
another with the same fields, copied with changes through ``replace``.
"""

from __future__ import annotations

from typing import Any, ClassVar, Self


class Frozen:
    """A record whose fields are its annotations (names starting with ``_`` excepted), read-only once made."""

    _fields: ClassVar[tuple[str, ...]] = ()
    _aliases: ClassVar[dict[str, str]] = {}  # field -> the key a file writes it under (``in_`` is ``in``)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._fields = tuple(name for name in cls.__dict__.get("__annotations__", {}) if not name.startswith("_"))

    def __init__(self, **values: Any) -> None:
        unknown = set(values) - set(self._fields)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {sorted(unknown)[0]!r}")
        for name in self._fields:
            if name not in values:
                if not hasattr(type(self), name):
                    raise TypeError(f"{type(self).__name__} needs {name!r}")
                default = getattr(type(self), name)
                values[name] = default.copy() if isinstance(default, list | dict) else default
        self.__dict__.update(values)

    @classmethod
    def of(cls, values: dict[str, Any]) -> Self:
        """A record from values already checked (by the schema, or stored by the cache after it)."""
        made = cls.__new__(cls)
        made.__dict__.update(values)
        return made

    def replace(self, **changes: Any) -> Self:
        """A copy with ``changes``, as Pydantic's ``model_copy(update=...)``: the changes are not checked again."""
        return type(self)(**({name: getattr(self, name) for name in self._fields} | changes))

    def to_data(self, *, exclude_none: bool = False, by_alias: bool = False, named: bool = False) -> dict[str, Any]:
        """Plain data (dicts, lists and scalars) as a file would hold it, like Pydantic's ``model_dump``; ``named``
        adds each record's class name under the key ``""``, which no field has, so it can be made again."""
        out: dict[str, Any] = {"": type(self).__name__} if named else {}
        for name in self._fields:
            value = getattr(self, name)
            if value is None and exclude_none:
                continue
            out[self._aliases.get(name, name) if by_alias else name] = _data(value, exclude_none, by_alias, named)
        return out

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self._fields)

    def __hash__(self) -> int:  # as a frozen Pydantic model's: a record holding a list is not hashable
        return hash((type(self), *(getattr(self, name) for name in self._fields)))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({shown})"


def _data(value: Any, exclude_none: bool, by_alias: bool, named: bool) -> Any:
    if isinstance(value, Frozen):
        return value.to_data(exclude_none=exclude_none, by_alias=by_alias, named=named)
    if isinstance(value, list):
        return [_data(v, exclude_none, by_alias, named) for v in value]
    if isinstance(value, dict):
        return {k: _data(v, exclude_none, by_alias, named) for k, v in value.items()}
    return value
