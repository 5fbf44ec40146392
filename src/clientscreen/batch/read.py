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
import collections
import csv
import functools
import importlib
import io
import os
import re
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from clientscreen.errors import InputError, Problem, UsageError, os_reason
from clientscreen.i18n import _, _n, number

DELIMITERS = ",;\t|"
FIELD_LIMIT = 4 << 20  # characters in one field: no note in an export is this long; a corrupt file's may be
BLOCK = 1 << 20  # bytes read at a time when checking a file's encoding
HEADER_LIMIT = 1 << 20  # characters in the header line: a file with no line break in its first MiB is no export
LINE_LIMIT = 4 << 20  # characters read at a time from one line of rows, so that memory never follows a line's length
DELIMITER_NAMES = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}


def encoding_hint() -> str:
    """What to try when a file is not text in the encoding (a function: the text is in the active language)."""
    return _("try --encoding cp1252 (Danish Excel), cp1251 (Russian) or cp1255 (Hebrew), or save as CSV UTF-8")


@dataclass(frozen=True, slots=True)
class RowError:
    """A row that cannot be read; the batch reports it and goes on."""

    line: int
    message: str
    column: int | None = None
    cells: tuple[str, ...] = ()  # what could be read of the row (a ragged row's own id and name cells)
    unread: int = 0  # lines after it skipped to find the next row (a quote that never closes)


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
    size: int | None = None  # bytes, for a progress bar; None for standard input

    def rows(self) -> Iterator[tuple[int, list[str]] | RowError]:
        """Each row with the line it starts on; the loop is the batch's hot path, so it stays flat.

        The reader is fed through ``taken``, the lines of the row being read, so that a row the csv
        module gives up on (a quote that never closes runs to the end of the file) is one error at
        its first line, and reading resumes at the next line after it that reads as a row.
        """
        width = len(self.header)
        start = self.first_line + 1  # the line the next row starts on
        check_nul = self.may_hold_nul
        taken: list[str] = []
        skipped: list[bool] = []  # set when a line too long to read stood where the current row is
        lines = _bounded_lines(self.stream, skipped)
        replay: collections.deque[str] = collections.deque()
        while True:
            reader = csv.reader(_feed(replay, lines, taken), delimiter=self.delimiter, strict=True)
            try:
                for row in reader:
                    line = start
                    start += len(taken)
                    taken.clear()
                    if skipped:
                        skipped.clear()
                        yield RowError(line, _("this line is longer than {size} MiB; it was skipped",
                                               size=LINE_LIMIT >> 20))
                    elif len(row) != width:
                        if not row or (len(row) == 1 and not row[0].strip()):
                            continue  # an empty line
                        yield RowError(line, _n("has {n} field; the header has {width}",
                                                "has {n} fields; the header has {width}", len(row),
                                                width=number(width)), None, tuple(row))
                    elif not any(row):
                        continue  # only delimiters: Excel writes these for blank rows inside the used range
                    elif check_nul and "\x00" in "".join(row):
                        nul = next(i for i, cell in enumerate(row) if "\x00" in cell)
                        yield RowError(line, _("contains a NUL byte"), nul + 1)
                    else:
                        yield line, row
                return
            except csv.Error as exc:
                line, lost = start, list(taken)
                taken.clear()
                message = str(exc)
                if len(lost) > 1 and message.endswith("expected after '\"'"):
                    message = "unexpected end of data"  # a quote left open, closed by the next quoted cell
                unread, rest = _resume(lost[1:], self.delimiter, width)  # the broken line itself is the error
                replay.extendleft(reversed(rest))
                start = line + 1 + unread
                yield RowError(line, _csv_message(message), unread=unread)
            except UnicodeError:
                raise self.decode_error() from None

    def decode_error(self) -> InputError:
        """The error for text that is not in the encoding, found while reading: pinned to its byte if we can."""
        if self.size is not None:
            try:
                _scan(Path(self.name), self.encoding, check_text=True)
            except InputError as exc:
                return exc
        return not_text(self.name, self.encoding)

    def close(self) -> None:
        if self.stream is not sys.stdin:
            self.stream.close()


def _feed(replay: collections.deque[str], stream: Iterator[str], taken: list[str]) -> Iterator[str]:
    """Lines for ``csv.reader``: first those handed back after a broken row, then the stream's; each noted."""
    note = taken.append
    while replay:
        text = replay.popleft()
        note(text)
        yield text
    for text in stream:
        note(text)
        yield text


def _resume(lines: list[str], delimiter: str, width: int) -> tuple[int, list[str]]:
    """Where reading goes on after a quote that never closes: the first line that is a whole row on its own.

    Returns how many lines are skipped (not read) and the lines from that row on, to be read again.
    """
    for skipped, text in enumerate(lines):
        try:
            parsed = list(csv.reader([text], delimiter=delimiter, strict=True))
        except csv.Error:
            continue
        if len(parsed) == 1 and len(parsed[0]) == width:
            return skipped, lines[skipped:]
    return len(lines), []


def _bounded_lines(stream: IO[str], skipped: list[bool]) -> Iterator[str]:
    """The stream's lines, each read under ``LINE_LIMIT``: memory never follows the length of a line.

    A longer line is read through to its end and stands as an empty line, with ``skipped``
    set, so that the row is one error at its own line and the lines after keep their numbers.
    """
    for line in iter(functools.partial(stream.readline, LINE_LIMIT), ""):
        if len(line) == LINE_LIMIT and line[-1] not in "\r\n":
            for rest in iter(functools.partial(stream.readline, LINE_LIMIT), ""):
                if rest[-1] in "\r\n" and len(rest) < LINE_LIMIT or rest[-1] == "\n":
                    break
            skipped.append(True)
            yield "\n"
        else:
            yield line


def _csv_message(message: str) -> str:
    """The csv module's messages, in the words of someone editing a spreadsheet export."""
    if message.startswith("field larger than field limit"):
        return _("a field is larger than {size} KiB", size=FIELD_LIMIT // 1024)
    if message == "unexpected end of data":
        return _("a quote opened on this line is never closed")
    if message.endswith("expected after '\"'"):
        return _("text follows a closing quote; a quote inside a quoted field is written twice (\"\")")
    return message  # the csv module's own words, in English: there are few others


def open_csv(
    path: str, *, encoding: str | None = None, delimiter: str | None = None, check_text: bool = True
) -> CsvSource:
    """Open ``path`` (or ``-`` for standard input), settle encoding and delimiter, and read the header.

    With ``check_text`` a file is first read through once, in blocks, to check that all of
    it is text in the encoding: an export that is UTF-8 for 20,000 rows and cp1252 in row
    20,001 then fails here, before any output, not halfway through a pipe. A caller that
    writes an atomic file may skip it: the bad byte then fails the run when it is reached,
    with the same message, and the output file never appears.
    """
    csv.field_size_limit(FIELD_LIMIT)
    if delimiter is not None:
        delimiter = DELIMITER_NAMES.get(delimiter.casefold(), delimiter)
    if delimiter is not None and len(delimiter) != 1:
        raise UsageError(_("--delimiter takes one character (or 'tab'), got {delimiter!r}", delimiter=delimiter))
    if delimiter is not None and delimiter in "\"\r\n":
        raise UsageError(_("--delimiter cannot be {delimiter!r}", delimiter=delimiter))
    if encoding is not None:
        _check_encoding(encoding)
    binary = _open_binary(path)
    head = binary.peek(4)[:4] if hasattr(binary, "peek") else b""
    chosen = encoding or _encoding_from_bom(head)
    name = "<stdin>" if path == "-" else path
    size = None
    may_hold_nul = True
    if path != "-" and stat.S_ISREG((status := os.fstat(binary.fileno())).st_mode):  # a pipe can be read only once
        size = status.st_size
        try:
            may_hold_nul = _scan(Path(path), chosen, check_text=check_text)
        except InputError:
            binary.close()
            raise
    stream = io.TextIOWrapper(binary, encoding=chosen, errors="strict", newline="")
    try:
        line_no, first = _first_line(stream, name)
        sep = None
        hint = re.fullmatch(r"sep=(.)\1*", first.rstrip("\r\n"), re.IGNORECASE)  # Excel's "sep=;" line
        if hint:
            sep = hint.group(1)
            skipped, first = _first_line(stream, name)
            line_no += skipped
        chosen_delimiter = delimiter or sep or sniff(first)
        header = next(csv.reader([first], delimiter=chosen_delimiter), [])
    except csv.Error as exc:  # a header cell over the field limit
        stream.close()
        raise InputError([Problem(name, _csv_message(str(exc)), line_no)]) from None
    except UnicodeError:
        stream.close()
        raise (_no_bom(name, chosen) if _is_bom_error(chosen) else not_text(name, chosen)) from None
    except BaseException:
        stream.close()
        raise
    if not any(cell.strip() for cell in header):
        stream.close()
        raise InputError([Problem(name, _("has no header line: export it with column names"), line_no)])
    if "\x00" in first:  # UTF-16 saved without a BOM reads as UTF-8 with a NUL after every letter
        stream.close()
        raise InputError([Problem(name, _("has NUL bytes in its header line: if it is UTF-16 without a byte order "
                                          "mark, try --encoding utf-16-le (or utf-16-be)"), line_no)])
    seen: dict[str, int] = {}
    for column, cell in enumerate(header, start=1):
        key = cell.strip().casefold()
        if key and key in seen:  # csv.DictReader would silently keep only the last column's data
            stream.close()
            message = _("column {column} repeats the header {header!r} of column {first}; rename or remove one",
                        column=column, header=cell.strip(), first=seen[key])
            raise InputError([Problem(name, message, line_no, column)])
        seen[key] = column
    return CsvSource(name, header, chosen_delimiter, chosen, stream, line_no, may_hold_nul, size)


def _check_encoding(encoding: str) -> None:
    """``--encoding`` must name a text encoding: rot13, base64 or hex are codecs too, but of another kind."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        message = _("unknown encoding {encoding!r}; try cp1252, cp1251, cp1255 or utf-16", encoding=encoding)
        raise UsageError(message) from None
    if not getattr(info, "_is_text_encoding", True):
        raise UsageError(_("{encoding!r} is not a text encoding; try cp1252, cp1251, cp1255 or utf-16",
                           encoding=encoding))


def _is_bom_error(encoding: str) -> bool:
    """UTF-16 and UTF-32 named without a byte order need a byte order mark to start the file."""
    return codecs.lookup(encoding).name in ("utf-16", "utf-32")


def _no_bom(name: str, encoding: str) -> InputError:
    return InputError([Problem(name, _("does not start with a byte order mark, so {encoding} cannot tell its byte "
                                       "order; try --encoding {encoding}-le (or {encoding}-be)",
                                       encoding=codecs.lookup(encoding).name))])


def _open_binary(path: str) -> io.BufferedReader:
    if path == "-":
        return sys.stdin.buffer  # type: ignore[return-value]
    try:
        return Path(path).open("rb")
    except IsADirectoryError:
        raise InputError([Problem(path, _("is a folder, not a file"))]) from None
    except OSError as exc:
        raise InputError([Problem(path, _("cannot read: {reason}", reason=os_reason(exc)))]) from None


def _encoding_from_bom(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return "utf-8"


def ascii_compatible(encoding: str) -> bool:
    """UTF-8 or a single-byte code page: a newline byte is a newline, so a file can be cut at one."""
    name = codecs.lookup(encoding).name
    if name in ("utf-8", "utf-8-sig", "ascii", "iso8859-1"):
        return True
    try:
        module = importlib.import_module("encodings." + name.replace("-", "_"))
    except ImportError:
        return False
    return hasattr(module, "decoding_table")


def _scan(path: Path, encoding: str, *, check_text: bool) -> bool:
    """Whether ``path`` holds a NUL byte; with ``check_text``, raise its encoding error if it has one.

    Streams the bytes, through an incremental decoder when checking (pure-ASCII blocks of
    UTF-8 are skipped: they cannot be wrong), so memory stays flat however big the file is.
    Finding NUL bytes here spares a check of every row of the files that have none.
    """
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    utf8 = codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")
    bytewise = ascii_compatible(encoding)
    nul = not bytewise  # UTF-16 is full of NUL bytes: rows are checked after decoding instead
    if nul and not check_text:
        return nul
    offset = 0
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(BLOCK), b""):
            if not nul and b"\x00" in block:
                nul = True
                if not check_text:
                    break
            if check_text and not (utf8 and block.isascii() and not decoder.getstate()[0]):
                try:
                    decoder.decode(block)
                except UnicodeDecodeError as exc:
                    raise _bad_byte(path, encoding, offset + exc.start, block[exc.start], bytewise) from None
                except UnicodeError:  # not a decoding error at a byte: UTF-16 with no byte order mark
                    raise _no_bom(str(path), encoding) from None
            offset += len(block)
        try:
            if check_text:
                decoder.decode(b"", final=True)
        except UnicodeDecodeError as exc:
            raise _bad_byte(path, encoding, offset - len(exc.object) + exc.start, exc.object[exc.start],
                            bytewise) from None
    return nul


def _bad_byte(path: Path, encoding: str, offset: int, byte: int, bytewise: bool) -> InputError:
    """The encoding error at ``offset``, with its line and column where lines can be counted in bytes."""
    label = "UTF-8" if codecs.lookup(encoding).name in ("utf-8", "utf-8-sig") else encoding
    message = _("is not {encoding} text at byte {offset} (0x{byte:02x}); {hint}",
                encoding=label, offset=offset, byte=byte, hint=encoding_hint())
    if not bytewise:
        return InputError([Problem(str(path), message)])
    line, line_start, done = 1, 0, 0
    with path.open("rb") as fh:
        while done < offset:
            block = fh.read(min(BLOCK, offset - done))
            line += block.count(b"\n")
            if b"\n" in block:
                line_start = done + block.rfind(b"\n") + 1
            done += len(block)
    return InputError([Problem(str(path), message, line, offset - line_start + 1)])


def _first_line(stream: IO[str], name: str) -> tuple[int, str]:
    """The first line that is not empty, with its line number; never more than ``HEADER_LIMIT`` of it.

    ``/dev/zero``, a pipe or a one-line file of gigabytes has no line end to stop at.
    """
    line_no = 0
    for raw in iter(functools.partial(stream.readline, HEADER_LIMIT), ""):
        line_no += 1
        if len(raw) >= HEADER_LIMIT and not raw.endswith(("\n", "\r")):
            message = _("has no line break in its first {size} MiB: it is not a CSV export, or its lines end in "
                        "something else", size=HEADER_LIMIT >> 20)
            raise InputError([Problem(name, message, line_no)])
        if raw.strip("\r\n\ufeff "):
            return line_no, raw.lstrip("\ufeff")
    raise InputError([Problem(name, _("is empty: no header, no rows"))])


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
    """The error for text that is not in ``encoding`` (standard input: no offset to give)."""
    label = "UTF-8" if codecs.lookup(encoding).name in ("utf-8", "utf-8-sig") else encoding
    return InputError([Problem(name, _("is not {encoding} text; {hint}", encoding=label, hint=encoding_hint()))])
