"""Gettext catalogs without gettext's tools: read a ``.po`` file, write one, compile it to ``.mo``.

The build compiles the catalogs on machines that may have neither ``msgfmt`` nor Babel, so
this module is the compiler: standard library only, importing nothing of clientscreen (the
build hook loads it by its path, before the package is installed). It reads what Poedit,
Weblate and ``msgmerge`` write: contexts, plural forms, comments, flags, multi-line strings,
and obsolete (``#~``) entries, which it drops. Like ``msgfmt``, it leaves fuzzy and
untranslated entries out of the ``.mo``, so a text nobody has checked falls back to English.
"""

from __future__ import annotations

import ast
import re
import struct
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

CONTEXT_SEPARATOR = "\x04"  # between a context and its msgid in a .mo key, as msgfmt writes it
_MAGIC = 0x950412DE
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(\".*\")\s*$")
_STRING = re.compile(r"(\".*\")\s*$")


class PoError(ValueError):
    """A ``.po`` file gettext would refuse, with the line it stops at."""


@dataclass
class Entry:
    """One message: its English (and English plural), its translation(s), and what a translator sees beside it."""

    msgid: str
    msgstr: list[str] = field(default_factory=lambda: [""])  # one string, or one per plural form
    msgid_plural: str | None = None
    msgctxt: str | None = None
    flags: set[str] = field(default_factory=set)
    comments: list[str] = field(default_factory=list)  # every other comment line, as written
    line: int = field(default=0, compare=False)  # where it starts, for messages; not part of the entry

    @property
    def key(self) -> str:
        """The entry's key in a ``.mo`` file: the msgid, after its context if it has one."""
        return self.msgid if self.msgctxt is None else f"{self.msgctxt}{CONTEXT_SEPARATOR}{self.msgid}"

    @property
    def translated(self) -> bool:
        return "fuzzy" not in self.flags and all(self.msgstr)


def _unquote(literal: str, where: str) -> str:
    try:
        value = ast.literal_eval(literal)  # a C string and a Python one escape the same way for what .po uses
    except (SyntaxError, ValueError):
        raise PoError(f"{where}: not a quoted string: {literal}") from None
    if not isinstance(value, str):
        raise PoError(f"{where}: not a quoted string: {literal}")
    return value


def read(text: str, name: str = "<po>") -> list[Entry]:
    """The entries of a ``.po`` file, the header (msgid ``""``) first if it has one."""
    entries: list[Entry] = []
    current: Entry | None = None
    has_msgid = False
    target = ""  # the keyword whose string a continuation line extends: msgctxt, msgid, msgid_plural, msgstr
    flags: set[str] = set()
    comments: list[str] = []

    def finish() -> None:
        nonlocal current, target
        if current is not None:
            if not current.msgstr:
                raise PoError(f"{name}:{current.line}: msgid without msgstr")
            entries.append(current)
        current, target = None, ""

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        where = f"{name}:{number}"
        if not line:
            continue
        if line.startswith("#"):
            if current is not None and current.msgstr:
                finish()
            if line.startswith("#~"):  # obsolete: kept by tools as memory, never compiled
                continue
            if line.startswith("#,"):
                flags |= {f.strip() for f in line[2:].split(",") if f.strip()}
            else:
                comments.append(raw)
            continue
        keyword = _KEYWORD.match(line)
        if keyword:
            word, index, value = keyword.group(1), keyword.group(2), _unquote(keyword.group(3), where)
            if word == "msgctxt" or (word == "msgid" and (current is None or has_msgid)):
                if current is not None and not current.msgstr:
                    raise PoError(f"{where}: {word} where a msgstr was expected")
                finish()
                current = Entry(msgid="", msgstr=[], flags=flags, comments=comments, line=number)
                flags, comments, has_msgid = set(), [], False
            if current is None:
                raise PoError(f"{where}: {word} before any msgid")
            if word == "msgctxt":
                current.msgctxt = value
            elif word == "msgid":
                current.msgid, current.line, has_msgid = value, number, True
            elif word == "msgid_plural":
                current.msgid_plural = value
            else:
                if not has_msgid or (index is None) != (current.msgid_plural is None):
                    raise PoError(f"{where}: {word} does not fit the msgid before it")
                if (int(index) if index is not None else 0) != len(current.msgstr):
                    raise PoError(f"{where}: {word} out of order")
                current.msgstr.append(value)
            target = word.split("[")[0]
            continue
        more = _STRING.match(line)
        if more is None or current is None or not target:
            raise PoError(f"{where}: cannot read {line[:40]!r}")
        value = _unquote(more.group(1), where)
        if target == "msgctxt":
            current.msgctxt = (current.msgctxt or "") + value
        elif target == "msgid":
            current.msgid += value
        elif target == "msgid_plural":
            current.msgid_plural = (current.msgid_plural or "") + value
        else:
            current.msgstr[-1] += value
    finish()
    return entries


def read_file(path: Path) -> list[Entry]:
    return read(path.read_text(encoding="utf-8"), str(path))


def header(entries: Iterable[Entry]) -> dict[str, str]:
    """The header's fields (``Plural-Forms``, ``Language`` ...), from the entry whose msgid is empty."""
    for entry in entries:
        if entry.msgid == "" and entry.msgctxt is None:
            pairs = (line.partition(":") for line in entry.msgstr[0].splitlines() if ":" in line)
            return {name.strip(): value.strip() for name, _, value in pairs}
    return {}


def compile_mo(entries: Iterable[Entry]) -> bytes:
    """The ``.mo`` of a catalog: the header and every translated, non-fuzzy entry, keys sorted as msgfmt sorts them."""
    pairs: dict[bytes, bytes] = {}
    for entry in entries:
        is_header = entry.msgid == "" and entry.msgctxt is None
        if not (is_header or entry.translated):
            continue
        key = entry.key if entry.msgid_plural is None else f"{entry.key}\0{entry.msgid_plural}"
        pairs[key.encode("utf-8")] = "\0".join(entry.msgstr).encode("utf-8")
    keys = sorted(pairs)
    count = len(keys)
    originals_at = 7 * 4
    translations_at = originals_at + count * 8
    data_at = translations_at + count * 8
    tables: list[int] = []
    blob = bytearray()
    for strings in (keys, [pairs[k] for k in keys]):
        for string in strings:
            tables += [len(string), data_at + len(blob)]
            blob += string + b"\0"
    head = struct.pack("<7I", _MAGIC, 0, count, originals_at, translations_at, 0, data_at)
    return head + struct.pack(f"<{len(tables)}I", *tables) + bytes(blob)


def compile_file(po: Path, mo: Path) -> None:
    """Write ``mo`` from ``po`` (whole, through a temporary file, so a reader never sees half a catalog)."""
    data = compile_mo(read_file(po))
    partial = mo.with_name(f".{mo.name}.partial")
    partial.write_bytes(data)
    partial.replace(mo)


def quote(text: str, width: int = 79, indent: int = 0) -> list[str]:
    """A string as ``.po`` writes it: one quoted line, or ``""`` and lines broken after spaces and newlines."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r")
    escaped = escaped.replace("\n", "\\n\n")
    if indent + len(escaped) + 2 <= width and "\n" not in escaped.rstrip("\n"):
        return [f'"{escaped.rstrip(chr(10))}"']
    lines = [""]
    for piece in escaped.split("\n"):
        chunk = ""
        for word in re.findall(r"\S*\s*", piece):
            if chunk and len(chunk) + len(word) + 2 > width:
                lines.append(chunk)
                chunk = ""
            chunk += word
        if chunk:
            lines.append(chunk)
    return [f'"{line}"' for line in lines]


def format_entry(entry: Entry) -> str:
    """An entry as ``.po`` text, comments and flags first."""
    out = list(entry.comments)
    if entry.flags:
        out.append("#, " + ", ".join(sorted(entry.flags)))

    def field_(word: str, value: str) -> None:
        lines = quote(value, indent=len(word) + 1)
        out.append(f"{word} {lines[0]}")
        out.extend(lines[1:])

    if entry.msgctxt is not None:
        field_("msgctxt", entry.msgctxt)
    field_("msgid", entry.msgid)
    if entry.msgid_plural is None:
        field_("msgstr", entry.msgstr[0])
    else:
        field_("msgid_plural", entry.msgid_plural)
        for i, form in enumerate(entry.msgstr):
            field_(f"msgstr[{i}]", form)
    return "\n".join(out) + "\n"


def format_catalog(entries: Iterable[Entry]) -> str:
    return "\n".join(format_entry(e) for e in entries)
