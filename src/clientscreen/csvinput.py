"""Reading CSV exports the way Excel and CRMs write them, one row at a time.

Excel writes UTF-8 with a BOM, UTF-16 ("Unicode text"), or the local code page;
semicolons where the decimal mark is a comma; a ``sep=;`` line; CRLF. We read UTF-8
strictly and never guess a code page: a wrong guess would silently corrupt Danish,
Russian or Hebrew answers, so a file that is not UTF-8 is an error that says which
``--encoding`` to try. Rows stream through ``csv.reader``; memory does not grow with
the file. A bad row is a ``RowError`` in the stream, never the end of it.
"""

from __future__ import annotations

import codecs
import csv
import io
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from clientscreen.errors import InputError, Problem, UsageError

DELIMITERS = ",;\t|"
FIELD_LIMIT = 128 * 1024
ENCODING_HINT = "try --encoding cp1252 (Danish Excel), cp1251 (Russian) or cp1255 (Hebrew), or save as CSV UTF-8"


@dataclass(frozen=True, slots=True)
class RowError:
    """A row that cannot be read; the batch reports it and goes on."""

    line: int
    message: str
    column: int | None = None


@dataclass
class CsvSource:
    """An open CSV export: its header and a stream of ``(line, cells)`` or ``RowError``."""

    name: str
    header: list[str]
    delimiter: str
    encoding: str
    stream: IO[str]
    first_line: int  # line number of the header
    may_hold_nul: bool = True  # False when a scan of the bytes found none: no per-row check needed

    def rows(self) -> Iterator[tuple[int, list[str]] | RowError]:
        """Each row with the line it starts on; the loop is the batch's hot path, so it stays flat."""
        reader = csv.reader(self.stream, delimiter=self.delimiter, strict=True)
        width = len(self.header)
        base = self.first_line
        start = base + 1
        check_nul = self.may_hold_nul
        while True:
            try:
                for row in reader:
                    line = start
                    start = base + reader.line_num + 1
                    if len(row) != width:
                        if not row or (len(row) == 1 and not row[0].strip()):
                            continue
                        yield RowError(line, f"has {len(row)} fields; the header has {width}")
                    elif check_nul and "\x00" in "".join(row):
                        nul = next(i for i, cell in enumerate(row) if "\x00" in cell)
                        yield RowError(line, "contains a NUL byte", nul + 1)
                    else:
                        yield line, row
                return
            except csv.Error as exc:
                yield RowError(start, _csv_message(str(exc)))
                start = base + reader.line_num + 1
            except UnicodeDecodeError:
                raise not_text(self.name, self.encoding) from None

    def close(self) -> None:
        if self.stream is not sys.stdin:
            self.stream.close()


def _csv_message(message: str) -> str:
    if message.startswith("field larger than field limit"):
        return f"a field is larger than {FIELD_LIMIT // 1024} KiB"
    if message == "unexpected end of data":
        return "a quote opened on this line is never closed"
    return message


def open_csv(path: str, *, encoding: str | None = None, delimiter: str | None = None) -> CsvSource:
    """Open ``path`` (or ``-`` for standard input), settle encoding and delimiter, and read the header."""
    csv.field_size_limit(FIELD_LIMIT)
    if delimiter is not None and len(delimiter.encode("unicode_escape").decode()) > 2 and delimiter != "\t":
        raise UsageError(f"--delimiter takes one character, got {delimiter!r}")
    binary = _open_binary(path)
    head = binary.peek(4)[:4] if hasattr(binary, "peek") else b""
    chosen = encoding or _encoding_from_bom(head)
    try:
        codecs.lookup(chosen)
    except LookupError:
        binary.close()
        raise UsageError(f"unknown encoding {chosen!r}") from None
    stream = io.TextIOWrapper(binary, encoding=chosen, errors="strict", newline="")
    name = "<stdin>" if path == "-" else path
    try:
        line_no, first = _first_line(stream, name, chosen)
        sep = None
        if first.lower().startswith("sep=") and len(first.rstrip("\r\n")) == 5:
            sep = first.rstrip("\r\n")[4]
            line_no, first = line_no + 1, stream.readline()
        chosen_delimiter = delimiter or sep or sniff(first)
        header = next(csv.reader([first], delimiter=chosen_delimiter), [])
    except UnicodeDecodeError:
        stream.close()
        raise not_text(name, chosen) from None
    if not any(cell.strip() for cell in header):
        stream.close()
        raise InputError([Problem(name, "has no header line: export it with column names", line_no)])
    seen: dict[str, int] = {}
    for column, cell in enumerate(header, start=1):
        key = cell.strip().casefold()
        if key and key in seen:  # csv.DictReader would silently keep only the last column's data
            stream.close()
            raise InputError([Problem(name, f"column {column} repeats the header {cell.strip()!r} of column "
                                      f"{seen[key]}; rename or remove one", line_no, column)])
        seen[key] = column
    may_hold_nul = path == "-" or chosen.startswith("utf-16") or _has_nul(Path(path))
    return CsvSource(name, header, chosen_delimiter, chosen, stream, line_no, may_hold_nul)


def _has_nul(path: Path) -> bool:
    with path.open("rb") as fh:
        return any(b"\x00" in chunk for chunk in iter(lambda: fh.read(1 << 20), b""))


def _open_binary(path: str) -> io.BufferedReader:
    if path == "-":
        return sys.stdin.buffer  # type: ignore[return-value]
    try:
        return Path(path).open("rb")
    except IsADirectoryError:
        raise InputError([Problem(path, "is a folder, not a file")]) from None
    except OSError as exc:
        raise InputError([Problem(path, f"cannot read: {exc.strerror or exc}")]) from None


def _encoding_from_bom(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return "utf-8"


def _first_line(stream: IO[str], name: str, encoding: str) -> tuple[int, str]:
    """The first line that is not empty, with its line number."""
    number = 0
    for raw in iter(stream.readline, ""):
        number += 1
        if raw.strip("\r\n\ufeff "):
            return number, raw.lstrip("\ufeff")
    raise InputError([Problem(name, "is empty: no header, no rows")])


def sniff(line: str) -> str:
    """The delimiter of a header line: the most frequent of , ; tab | outside quotes (a comma on a tie)."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def not_text(name: str, encoding: str) -> InputError:
    """The error for a file that is not in ``encoding``, pinned to the first bad byte where we can find it."""
    label = "UTF-8" if encoding.startswith("utf-8") else encoding
    if name == "<stdin>" or not encoding.startswith("utf-8"):
        return InputError([Problem(name, f"is not {label} text; {ENCODING_HINT}")])
    offset, line, col, byte = _first_bad_utf8(Path(name))
    return InputError([Problem(name, f"is not UTF-8 text at byte {offset} (0x{byte:02x}); {ENCODING_HINT}", line, col)])


def _first_bad_utf8(path: Path) -> tuple[int, int, int, int]:
    """Offset, line, column and value of the first byte that is not UTF-8 (a streaming scan)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset, line, line_start = 0, 1, 0
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                bad = offset + exc.start
                before = chunk[: exc.start]
                line += before.count(b"\n")
                if b"\n" in before:
                    line_start = offset + before.rfind(b"\n") + 1
                return bad, line, bad - line_start + 1, chunk[exc.start]
            line += chunk.count(b"\n")
            if b"\n" in chunk:
                line_start = offset + chunk.rfind(b"\n") + 1
            offset += len(chunk)
    return offset, line, 1, 0
