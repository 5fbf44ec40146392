"""Plain data, and where each value stands, built from a YAML parser's events with a stack, never recursion.

PyYAML's composer builds its node tree by recursion, and libyaml's once recursed to a
crash on deep nesting. Reading the events instead keeps the depth cap a cap however
deep a file goes, and lets libyaml's parser (an order of magnitude faster than PyYAML's
own) feed the same code as the pure-Python one, so both read a file alike.

Refusals keep the order they always had: what a composer meets on the way (an alias,
an anchor, a tag, too deep a nesting, a second document) is refused where it stands;
what is only known once values are built (a key that is not text, a duplicate key, a
value that cannot be read) is refused after the whole document has been parsed, so a
syntax error further down still comes first. Scalars follow the YAML 1.2 core schema:
``yes``, ``12:30`` and dates stay text, ``017`` is seventeen.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml

from clientscreen.i18n import _

MAX_DEPTH = 64
DUPLICATE, NESTED = "duplicate", "nested"  # kinds of refusal the JSON reader looks for (see safeyaml)

Loc = tuple[str | int, ...]
Marks = dict[Loc, tuple[int, int]]


class Refused(yaml.MarkedYAMLError):
    """Something YAML allows and a hand-edited file here may not hold, at its place."""

    def __init__(self, mark: Any, problem: str, kind: str = "") -> None:
        super().__init__(problem=problem, problem_mark=mark)
        self.kind = kind


class Inexact(yaml.YAMLError):
    """libyaml places an empty value at the next token, PyYAML at the end of the one before: where the place
    of one is kept, the caller reads the file again with PyYAML's parser, so positions never depend on which
    parser is installed."""


class SecondDocument(yaml.composer.ComposerError):
    """A file holds one document; PyYAML's own words for a second, as readers have always seen them."""


def _int(value: str) -> int:
    sign = -1 if value.startswith("-") else 1
    digits = value.lstrip("+-")
    if digits.startswith("0o"):
        return sign * int(digits[2:], 8)
    if digits.startswith("0x"):
        return sign * int(digits[2:], 16)
    return sign * int(digits, 10)


def _float(value: str) -> float:
    text = value.lower()
    sign = -1.0 if text.startswith("-") else 1.0
    text = text.lstrip("+-")
    if text == ".inf":
        return sign * float("inf")
    if text == ".nan":
        return float("nan")
    return sign * float(text)


# The YAML 1.2 core schema, by the first character of a plain scalar (as PyYAML's resolver looks them up).
_RESOLVERS: dict[str, list[tuple[re.Pattern[str], Callable[[str], Any]]]] = {}
for _pattern, _first, _construct in [
    (r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""], lambda _value: None),
    (r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF"), lambda value: value.lower() == "true"),
    (r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789"), _int),
    (
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+.0123456789"),
        _float,
    ),
]:
    for _char in _first:
        _RESOLVERS.setdefault(_char, []).append((re.compile(_pattern), _construct))


def scalar(event: Any) -> Any:
    """The value of a scalar: a plain one (or one tagged ``!``) by the core schema, any other as text."""
    value: str = event.value
    if not (event.implicit[0] or event.tag == "!"):  # PyYAML resolves whatever is tagged "!"; libyaml not always
        return value
    for pattern, construct in _RESOLVERS.get(value[:1], ()):
        if pattern.match(value):
            try:
                return construct(value)
            except ValueError as exc:  # an int past Python's digit limit
                shown = value if len(value) <= 40 else value[:37] + "..."  # one line, even for 4,000 digits
                message = _("cannot read value {value!r}: {error}", value=shown, error=exc)
                raise Refused(event.start_mark, message) from None
    return value


def _check(event: Any, depth: int) -> None:
    """What a composer refuses on its way, in the order PyYAML's checked it."""
    if event.__class__ is yaml.AliasEvent:
        raise Refused(event.start_mark, _("aliases (*name) are not allowed; write the value out"))
    if event.anchor is not None:
        raise Refused(event.start_mark, _("anchors (&name) are not allowed; write each value out"))
    tag = event.tag
    if tag not in (None, "!"):
        raise Refused(event.start_mark, _("tags ({tag}) are not allowed; quote the value if it is text", tag=tag))
    if depth > MAX_DEPTH:
        raise Refused(event.start_mark, _("nested more than {depth} levels deep", depth=MAX_DEPTH), NESTED)


class _Open:
    """A mapping or sequence being filled, and where it stands."""

    __slots__ = ("value", "loc", "first_seen", "key")

    def __init__(self, value: dict[Any, Any] | list[Any], loc: Loc) -> None:
        self.value = value
        self.loc = loc
        self.first_seen: dict[Any, int] | None = {} if isinstance(value, dict) else None  # key -> its line
        self.key: Any = _NO_KEY  # a mapping's key waiting for its value


_NO_KEY = object()
_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_STARTS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)


def _key(event: Any, into: _Open, marks: Marks, exact: bool) -> None:
    """Take ``event`` as the next key of the mapping ``into``."""
    mark: Any = event.start_mark
    if not exact and event.__class__ is yaml.ScalarEvent and not event.value:
        raise Inexact()
    if event.__class__ is not yaml.ScalarEvent:
        raise Refused(event.start_mark, _("a key must be plain text"))
    key = scalar(event)
    if not isinstance(key, str | int) or isinstance(key, bool):
        raise Refused(event.start_mark, _("key {key!r} must be text; quote it", key=event.value))
    assert into.first_seen is not None  # noqa: S101 - only mappings take keys
    line = mark.line + 1
    if key in into.first_seen:
        message = _("duplicate key {key!r} (first at line {line}); keep one", key=key, line=into.first_seen[key])
        raise Refused(mark, message, DUPLICATE)
    into.first_seen[key] = line
    into.key = key
    marks[(*into.loc, key)] = (line, mark.column + 1)


def _value(event: Any, into: _Open | None, marks: Marks, exact: bool) -> tuple[Any, _Open | None]:
    """The value ``event`` starts, put in its place; an ``_Open`` for a mapping or sequence to fill."""
    if not exact and event.__class__ is yaml.ScalarEvent and not event.value:
        if into is None or into.first_seen is None:  # a mapping's value is placed at its key instead
            raise Inexact()
    if into is None:
        loc: Loc = ()
    elif into.first_seen is not None:
        loc = (*into.loc, into.key)
    else:
        loc = (*into.loc, len(into.value))
    marks.setdefault(loc, (event.start_mark.line + 1, event.start_mark.column + 1))
    opened = None
    if event.__class__ is yaml.ScalarEvent:
        value = scalar(event)
    else:
        value = {} if event.__class__ is yaml.MappingStartEvent else []
        opened = _Open(value, loc)
    if into is not None:
        if isinstance(into.value, dict):
            into.value[into.key] = value
            into.key = _NO_KEY
        else:
            into.value.append(value)
    return value, opened


def compose(next_event: Callable[[], Any], *, exact_empty: bool = True) -> tuple[Any, Marks]:
    """The single document of an event stream as plain data, with the line and column of every value.

    Raises ``Refused``, ``SecondDocument`` or whatever the parser raises (a ``yaml.YAMLError``); and
    ``Inexact`` where an empty value's place is kept and ``exact_empty`` says the parser misplaces it.
    """
    next_event()  # the stream's start
    document = next_event()
    marks: Marks = {}
    if document.__class__ is yaml.StreamEndEvent:
        return None, marks
    root: Any = None
    late: Refused | None = None  # the first refusal that waits for the end of the document
    stack: list[_Open | None] = []  # None: an open collection no longer built (after a late refusal)
    while True:
        event = next_event()
        if isinstance(event, _ENDS):
            stack.pop()
            if not stack:
                break
            continue
        _check(event, len(stack) + 1)
        opened: _Open | None = None
        if late is None:
            into = stack[-1] if stack else None
            try:
                if into is not None and into.first_seen is not None and into.key is _NO_KEY:
                    _key(event, into, marks, exact_empty)
                else:
                    value, opened = _value(event, into, marks, exact_empty)
                    if into is None:
                        root = value
            except Refused as refused:
                late = refused
        if isinstance(event, _STARTS):
            stack.append(opened)
        elif not stack:
            break  # the document is one scalar
    next_event()  # the document's end
    event = next_event()
    if event.__class__ is not yaml.StreamEndEvent:
        raise SecondDocument(
            "expected a single document in the stream", document.start_mark, "but found another document",
            event.start_mark,
        )
    if late is not None:
        raise late
    return root, marks
