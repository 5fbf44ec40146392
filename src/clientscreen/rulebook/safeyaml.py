"""The one YAML entry point: safe, YAML 1.2 scalars, and every value pinned to its line.

Rulebooks and answers files are edited by hand and read by editors that speak
YAML 1.2, so PyYAML's 1.1 habits (``no`` is false, ``12:30`` is 750, dates) would
make the file mean something other than what the editor shows. Aliases, tags and
duplicate keys are refused outright: none is needed to write a rulebook, and each
has hurt someone (billion laughs, object construction, a silently lost weight).
Every node's position is kept so that a validation error can name its line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import yaml

from clientscreen.errors import InputError, Problem, os_reason
from clientscreen.i18n import _

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 64

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Document:
    """Plain data read from a file, with the line and column of every value in it."""

    path: str
    data: Any
    marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def mark(self, loc: Sequence[str | int]) -> tuple[int | None, int | None]:
        """Position of ``loc`` or, for a missing key, of the nearest enclosing value."""
        loc = tuple(loc)
        while loc not in self.marks and loc:
            loc = loc[:-1]
        line, col = self.marks.get(loc, (None, None))
        return line, col

    def problem(self, loc: Sequence[str | int], message: str, severity: str = "error") -> Problem:
        line, col = self.mark(loc)
        return Problem(self.path, message, line, col, format_loc(loc) or None, severity)


def format_loc(loc: Sequence[str | int]) -> str:
    """``('questions', 3, 'points')`` -> ``questions[3].points``, the way users think of it."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


class _Loader(yaml.SafeLoader):
    """SafeLoader with the YAML 1.2 core schema and no anchors, aliases or tags."""

    yaml_implicit_resolvers: dict[str, list[tuple[str, re.Pattern[str]]]] = {}

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(event.start_mark, _("aliases (*name) are not allowed; write the value out"))
        if getattr(event, "anchor", None) is not None:
            raise _Refused(event.start_mark, _("anchors (&name) are not allowed; write each value out"))
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            raise _Refused(event.start_mark, _("tags ({tag}) are not allowed; quote the value if it is text", tag=tag))
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Refused(event.start_mark, _("nested more than {depth} levels deep", depth=MAX_DEPTH), _NESTED)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        value = str(node.value)
        sign = -1 if value.startswith("-") else 1
        digits = value.lstrip("+-")
        if digits.startswith("0o"):
            return sign * int(digits[2:], 8)
        if digits.startswith("0x"):
            return sign * int(digits[2:], 16)
        return sign * int(digits, 10)


_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int)
for _tag, _pattern, _first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+.0123456789"),
    ),
]:
    _Loader.add_implicit_resolver(_tag, re.compile(_pattern), _first)


_DUPLICATE, _NESTED = "duplicate", "nested"  # faults the JSON reader finds without a position (see _positioned)


class _Refused(yaml.MarkedYAMLError):
    def __init__(self, mark: Any, problem: str, kind: str = "") -> None:
        super().__init__(problem=problem, problem_mark=mark)
        self.kind = kind


class _Fault(Exception):
    """A YAML file that cannot be read: its one problem, and which kind of fault it is, if one we compare."""

    def __init__(self, problem: Problem, kind: str = "") -> None:
        super().__init__(problem.message)
        self.problem = problem
        self.kind = kind


class _DuplicateKey(ValueError):
    """A key the JSON reader met twice in one object."""


def read_text(path: Path, *, max_bytes: int = MAX_BYTES) -> str:
    """Read a hand-edited file as UTF-8 (a BOM is allowed), refusing anything that is not."""
    name = str(path)
    try:
        with path.open("rb") as fh:
            raw = fh.read(max_bytes + 1)
    except IsADirectoryError:
        raise InputError([Problem(name, _("is a folder, not a file"))]) from None
    except OSError as exc:
        raise InputError([Problem(name, _("cannot read: {reason}", reason=os_reason(exc)))]) from None
    return decode(raw, name, max_bytes=max_bytes)


def read_stream(stream: BinaryIO, name: str, *, max_bytes: int = MAX_BYTES) -> str:
    """Standard input (or any stream) read like a file: size-capped, strict UTF-8."""
    try:
        raw = stream.read(max_bytes + 1)
    except OSError as exc:
        raise InputError([Problem(name, _("cannot read: {reason}", reason=os_reason(exc)))]) from None
    return decode(raw, name, max_bytes=max_bytes)


def decode(raw: bytes, name: str, *, max_bytes: int = MAX_BYTES) -> str:
    """The text of a hand-edited file's bytes, or an error pinned to the first byte that is not UTF-8."""
    if len(raw) > max_bytes:
        message = _("is larger than {size} KiB; this is not a hand-written file", size=max_bytes // 1024)
        raise InputError([Problem(name, message)])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # exc.object is what was decoded (without a BOM), so exc.start indexes it, not raw;
        # and columns count characters, as the editor and every other message do
        before = exc.object[: exc.start].decode("utf-8")
        line, col = _line_col(before, len(before))
        message = _("is not UTF-8 text (byte 0x{byte:02x}); save it as UTF-8", byte=exc.object[exc.start])
        raise InputError([Problem(name, message, line, col)]) from None


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _line_col(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``text[index]``, with CR, LF and CRLF ending lines as in YAML 1.2."""
    lines = _LINE_BREAK.split(text[:index])
    return len(lines), len(lines[-1]) + 1


def load(path: Path) -> Document:
    """Read and parse a YAML or JSON file; every failure becomes one ``InputError``."""
    text = read_text(path)
    if path.suffix.lower() == ".json":
        return parse_json(text, str(path))
    return parse_yaml(text, str(path))


def parse_json(text: str, name: str) -> Document:
    """JSON has no positions to keep in the stdlib parser, so errors are pinned by the parser only."""
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicate_pairs, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise InputError([Problem(name, exc.msg, exc.lineno, exc.colno)]) from None
    except ValueError as exc:
        same = _DUPLICATE if isinstance(exc, _DuplicateKey) else ""
        raise InputError([_positioned(text, Problem(name, str(exc)), same)]) from None
    except RecursionError:
        raise InputError([_positioned(text, Problem(name, _("nested too deeply")), _NESTED)]) from None
    return Document(name, data, _json_marks(text, name, data))


def _json_marks(text: str, name: str, data: Any) -> dict[Loc, tuple[int, int]]:
    """JSON is YAML 1.2, so the YAML reader can say where each value stands when both agree on the data."""
    try:
        as_yaml = _parse_yaml(text, name)
    except _Fault:
        return {}
    return as_yaml.marks if as_yaml.data == data else {}


def _positioned(text: str, problem: Problem, same: str) -> Problem:
    """The stdlib JSON parser gives no position for a duplicate key or deep nesting; JSON is YAML 1.2, so
    the YAML reader can, when it finds the same fault (of the kind ``same``)."""
    if same:
        try:
            _parse_yaml(text, problem.path)
        except _Fault as fault:
            if fault.kind == same:
                return fault.problem
    return problem


def _no_duplicate_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(_("duplicate key {key!r}", key=key))
        out[key] = value
    return out


def _no_constant(name: str) -> Any:
    raise ValueError(_("{constant} is not a number a file may contain", constant=name))


def parse_yaml(text: str, name: str) -> Document:
    """Parse YAML text into plain data plus positions; one document only."""
    try:
        return _parse_yaml(text, name)
    except _Fault as fault:
        raise InputError([fault.problem]) from None


def _parse_yaml(text: str, name: str) -> Document:
    """``parse_yaml``, failing with a ``_Fault`` that says which kind of fault it found."""
    odd = _ODD_BREAK.search(text)
    if odd:  # PyYAML ends a line at each of these and YAML 1.2 does not: line numbers would be off after one
        line, col = _line_col(text, odd.start())
        message = _("U+{code:04X} ends a line for some readers and not for others; delete it", code=ord(odd.group()))
        raise _Fault(Problem(name, message, line, col))
    try:
        loader = _Loader(text)  # PyYAML checks for forbidden characters here, before parsing
    except yaml.reader.ReaderError as exc:
        raise _Fault(_reader_problem(text, name, exc)) from None
    try:
        node = loader.get_single_node()
        if node is None:
            return Document(name, None)
        marks: dict[Loc, tuple[int, int]] = {}
        data = _build(loader, node, (), marks, name)
        return Document(name, data, marks)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = _yaml_message(exc)
        kind = exc.kind if isinstance(exc, _Refused) else ""
        if mark is None:
            raise _Fault(Problem(name, message), kind) from None
        raise _Fault(Problem(name, message, mark.line + 1, mark.column + 1), kind) from None
    except yaml.reader.ReaderError as exc:
        raise _Fault(_reader_problem(text, name, exc)) from None
    except yaml.YAMLError as exc:
        raise _Fault(Problem(name, _("not valid YAML: {error}", error=exc))) from None
    except RecursionError:
        raise _Fault(Problem(name, _("nested too deeply")), _NESTED) from None
    finally:
        loader.dispose()


_ODD_BREAK = re.compile("[\x85\u2028\u2029]")


def _reader_problem(text: str, name: str, exc: yaml.reader.ReaderError) -> Problem:
    line, col = _line_col(text, exc.position)
    char = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
    return Problem(name, _("control character {character} is not allowed; delete it", character=char), line, col)


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or _("not valid YAML")
    if "'\\t'" in problem:  # PyYAML's own message, in English: it has no others
        return _("a tab character here; YAML indents with spaces")
    if exc.context and not isinstance(exc, _Refused):
        return f"{problem} ({exc.context})"
    return problem


def _build(loader: _Loader, node: yaml.Node, loc: Loc, marks: dict[Loc, tuple[int, int]], name: str) -> Any:
    """Turn composed nodes into plain data, recording where each value stands."""
    marks.setdefault(loc, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        first_seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused(key_node.start_mark, _("a key must be plain text"))
            key = _scalar(loader, key_node)
            if not isinstance(key, str | int) or isinstance(key, bool):
                raise _Refused(key_node.start_mark, _("key {key!r} must be text; quote it", key=key_node.value))
            if key in first_seen:
                raise _Refused(
                    key_node.start_mark,
                    _("duplicate key {key!r} (first at line {line}); keep one", key=key, line=first_seen[key]),
                    _DUPLICATE,
                )
            first_seen[key] = key_node.start_mark.line + 1
            child = (*loc, key)
            marks[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            out[key] = _build(loader, value_node, child, marks, name)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, (*loc, i), marks, name) for i, item in enumerate(node.value)]
    return _scalar(loader, node)


def _scalar(loader: _Loader, node: yaml.Node) -> Any:
    try:
        return loader.construct_object(node, deep=True)
    except yaml.MarkedYAMLError:
        raise
    except Exception as exc:  # PyYAML raises ValueError and friends for malformed scalars
        value = str(node.value)
        shown = value if len(value) <= 40 else value[:37] + "..."  # one line, even for 4,000 digits
        raise _Refused(node.start_mark, _("cannot read value {value!r}: {error}", value=shown, error=exc)) from None
