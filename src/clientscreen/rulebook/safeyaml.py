"""The one YAML entry point: safe, YAML 1.2 scalars, and every value pinned to its line.

Rulebooks and answers files are edited by hand and read by editors that speak
YAML 1.2, so PyYAML's 1.1 habits (``no`` is false, ``12:30`` is 750, dates) would
make the file mean something other than what the editor shows. Aliases, tags and
duplicate keys are refused outright: none is needed to write a rulebook, and each
has hurt someone (billion laughs, object construction, a silently lost weight).
Every node's position is kept so that a validation error can name its line.

libyaml's parser reads the file when PyYAML has it (the default rulebook in a sixth
of the time). PyYAML's own parser reads it where libyaml is missing, and wherever the
two could disagree: a file libyaml's reading refuses is read again by PyYAML's, so the
refusal comes in the words and at the place users have always had, whichever parser is
installed. Both feed ``compose``, which builds the data from their events without
recursion.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import yaml

from clientscreen.errors import InputError, Problem, os_reason
from clientscreen.i18n import _
from clientscreen.rulebook.compose import DUPLICATE as _DUPLICATE
from clientscreen.rulebook.compose import MAX_DEPTH, Loc, Refused, compose
from clientscreen.rulebook.compose import NESTED as _NESTED


def _libyaml() -> Callable[[str], Any] | None:
    """libyaml's parser, if PyYAML was built with it."""
    try:
        from yaml import cyaml
    except ImportError:
        return None
    parser: Callable[[str], Any] = cyaml.CParser  # type: ignore[attr-defined]
    return parser


_CParser = _libyaml()

MAX_BYTES = 1024 * 1024
__all__ = ["MAX_BYTES", "MAX_DEPTH", "Document", "Loc", "format_loc", "load", "parse_json", "parse_yaml", "read_text"]


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


class _PythonParser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):
    """PyYAML's pure-Python parser, on its own: events only, no composer, resolver or constructor."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)


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
    except _Constant as exc:
        where = _constant_at(text, exc.constant)
        raise InputError([Problem(name, str(exc), *(where or (None, None)))]) from None
    except ValueError as exc:
        same = _DUPLICATE if isinstance(exc, _DuplicateKey) else ""
        raise InputError([_positioned(text, Problem(name, str(exc)), same)]) from None
    except RecursionError:
        raise InputError([_positioned(text, Problem(name, _("nested too deeply")), _NESTED)]) from None
    return _whole_characters(Document(name, data, _json_marks(text, name, data)))


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


class _Constant(ValueError):
    """NaN, Infinity or -Infinity in JSON: the stdlib parser says which, not where."""

    def __init__(self, constant: str) -> None:
        super().__init__(_("{constant} is not a number a file may contain", constant=constant))
        self.constant = constant


def _no_constant(name: str) -> Any:
    raise _Constant(name)


def _constant_at(text: str, constant: str) -> tuple[int, int] | None:
    """Line and column (from 1) of the first ``constant`` outside a string in JSON text."""
    quoted = escaped = False
    line, line_start = 1, 0
    for i, char in enumerate(text):
        if char == "\n":
            line, line_start = line + 1, i + 1
        if quoted:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                quoted = False
        elif char == '"':
            quoted = True
        elif text.startswith(constant, i) and (i == 0 or not text[i - 1].isalnum()):
            return line, i - line_start + 1
    return None


def parse_yaml(text: str, name: str) -> Document:
    """Parse YAML text into plain data plus positions; one document only."""
    try:
        doc = _parse_yaml(text, name)
    except _Fault as fault:
        raise InputError([fault.problem]) from None
    return _whole_characters(doc)


def _parse_yaml(text: str, name: str) -> Document:
    """``parse_yaml``, failing with a ``_Fault`` that says which kind of fault it found."""
    odd = _ODD_BREAK.search(text)
    if odd:  # PyYAML ends a line at each of these and YAML 1.2 does not: line numbers would be off after one
        line, col = _line_col(text, odd.start())
        message = _("U+{code:04X} ends a line for some readers and not for others; delete it", code=ord(odd.group()))
        raise _Fault(Problem(name, message, line, col))
    bad = _NON_PRINTABLE.search(text)  # what PyYAML's reader refuses, found here so that both parsers refuse it
    if bad:
        line, col = _line_col(text, bad.start())
        message = _("control character {character} is not allowed; delete it", character=f"U+{ord(bad.group()):04X}")
        raise _Fault(Problem(name, message, line, col))
    if _CParser is not None and not _PYYAML_ONLY.search(text):
        try:
            return _composed(_CParser(text), name, exact_empty=False)
        except _Fault:
            pass  # PyYAML's parser says why, in the words and at the place users have always read
    return _composed(_PythonParser(text), name)


def _composed(parser: Any, name: str, *, exact_empty: bool = True) -> Document:
    try:
        data, marks = compose(parser.get_event, exact_empty=exact_empty)
        return Document(name, data, marks)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = _yaml_message(exc)
        kind = exc.kind if isinstance(exc, Refused) else ""
        if mark is None:
            raise _Fault(Problem(name, message), kind) from None
        raise _Fault(Problem(name, message, mark.line + 1, mark.column + 1), kind) from None
    except yaml.YAMLError as exc:
        raise _Fault(Problem(name, _("not valid YAML: {error}", error=exc))) from None
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()


_ODD_BREAK = re.compile("[\x85\u2028\u2029]")
_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE
# Where the parsers disagree, PyYAML's is the one users have always had: it refuses tabs in places libyaml
# allows them, a BOM anywhere but first is text to it and skipped by libyaml, and a comment right after a
# block scalar's indicator (``|#``, ``>-#``) is refused by it and read as an empty text by libyaml.
_PYYAML_ONLY = re.compile("[\t\ufeff]|[|>][-+0-9]*#")


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or _("not valid YAML")
    if "'\\t'" in problem:  # PyYAML's own message, in English: it has no others
        return _("a tab character here; YAML indents with spaces")
    if exc.context and not isinstance(exc, Refused):
        return f"{problem} ({exc.context})"
    return problem


_SURROGATE = re.compile("[\ud800-\udfff]")


def _half_character(char: str) -> str:
    """A ``\\udc80`` escape makes half of a character, which no UTF-8 file or JSON output can hold."""
    return _("U+{code:04X} is half of a character (a lone surrogate), not text; delete it", code=ord(char))


def _lone_surrogate(doc: Document) -> Problem | None:
    """The first lone surrogate in a document's keys and strings, at its place, looked for without recursion.

    YAML's and JSON's ``\\udc80`` escapes make half a character that no UTF-8 file or output can hold.
    """
    todo: list[tuple[Loc, Any]] = [((), doc.data)]
    while todo:
        loc, item = todo.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if isinstance(key, str) and (half := _SURROGATE.search(key)):
                    return doc.problem((*loc, key), _half_character(half.group()))
                todo.append(((*loc, key), value))
        elif isinstance(item, list):
            todo.extend(((*loc, i), value) for i, value in enumerate(item))
        elif isinstance(item, str) and (half := _SURROGATE.search(item)):
            return doc.problem(loc, _half_character(half.group()))
    return None


def _whole_characters(doc: Document) -> Document:
    problem = _lone_surrogate(doc)
    if problem is not None:
        raise InputError([problem])
    return doc
