"""Running a batch: rows in, text out, in input order, in one process or several.

Several processes take line-aligned byte ranges of the file and format their own
text, so the parent only writes bytes in order and the output is the same whatever
``jobs`` is. The ranges are read as they are handed out, so no process reads the
file ahead of the work. A quoted field holding a newline would be cut in two by such
a split (and CR-only line ends would shift the line numbers), so from the first one
the rest of the file is scored in one process. Nothing here holds more than a few
chunks of rows at a time.
"""

from __future__ import annotations

import collections
import io
import itertools
import multiprocessing
import re
import signal
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from clientscreen.answers import Given
from clientscreen.batch.compiled import CACHE_LIMIT, VERDICTS, CellError, Compiled, Outcome
from clientscreen.batch.levers import Found, LeverSearch, exact_in_arithmetic
from clientscreen.batch.read import CsvSource, RowError, ascii_compatible
from clientscreen.batch.rows import Record, Sheet, cell, error_line, jsonl_lines
from clientscreen.errors import ClientscreenError, ExitCode, InputError, Problem, UsageError
from clientscreen.i18n import _
from clientscreen.rulebook.model import Rulebook

if TYPE_CHECKING:
    from clientscreen.scoring import Assessment

BATCH = 500  # rows formatted and written at a time
_OTHER_BYTES = bytes(b for b in range(256) if b not in b'"\r\n')  # deleted: what is left of a block is tiny
_ODD_QUOTES = re.compile(rb'(?m)^(?:"")*"\r?$')  # a line of nothing but quotes, an odd number of them
CHUNK_BYTES = 1 << 18  # input per task in parallel runs: bounds what each task holds in memory
SHOWN = 20  # row errors repeated on stderr; the rest are in the output's error column


class StrictStop(ClientscreenError):
    """--strict: the first bad row ends the run."""

    names_its_file = True
    exit_code = ExitCode.PROBLEMS


@dataclass(frozen=True)
class Settings:
    """How rows become records: the options of ``clientscreen score`` that reach the core."""

    fmt: str  # csv | jsonl | table
    id_column: str | None = None
    decimal: str | None = None
    strict: bool = False
    sheet: Sheet | None = None  # CSV laid out for a spreadsheet (--excel, --keep-columns); None: the fast default
    texts: bool = False  # JSON Lines: the report's whole assessment, texts and all, in each record


@dataclass
class Summary:
    """What the run did, for the summary line and the exit code."""

    counts: list[int] = field(default_factory=lambda: [0, 0, 0])  # rows per verdict, by rank
    errors: int = 0
    shown: list[Problem] = field(default_factory=list)  # the first errors, for stderr
    seconds: float = 0.0
    unread: int = 0  # lines skipped after quotes that never close, to find the next row

    @property
    def verdicts(self) -> dict[str, int]:
        return {v.value: n for v, n in zip(VERDICTS, self.counts, strict=True)}

    @property
    def rows(self) -> int:
        return sum(self.counts) + self.errors

    def add(self, other: Summary) -> None:
        self.counts = [a + b for a, b in zip(self.counts, other.counts, strict=True)]
        self.errors += other.errors
        self.unread += other.unread
        self.shown.extend(other.shown[: max(0, SHOWN - len(self.shown))])


class Scorer:
    """Turns the rows of one source into output text or records; the same in one process and in many."""

    def __init__(self, rulebook: Rulebook, header: list[str], name: str, settings: Settings) -> None:
        self.compiled = Compiled(rulebook, header, decimal=settings.decimal)
        self.rulebook = rulebook
        self.name = name
        self.settings = settings
        folded = [h.strip().casefold() for h in header]
        wanted = (settings.id_column or "id").strip().casefold()
        if settings.id_column is not None and wanted not in folded:
            raise UsageError(_("--id-column {column}: {path} has no such column", column=settings.id_column, path=name))
        self.id_at = folded.index(wanted) if wanted in folded else -1
        self.name_at = folded.index("name") if "name" in folded else -1
        #: Columns the scorer reads itself: not questions, and not to be warned about.
        self.passed = {"id", "name", wanted}
        self._given: dict[str, dict[str, Given]] = {}  # JSON Lines: question -> cell -> parsed answer
        self._levers: LeverSearch | None = None
        if settings.fmt == "jsonl" and not settings.texts and exact_in_arithmetic(rulebook):
            self._levers = LeverSearch(self.compiled, header, settings.decimal)

    def text(self, rows: Iterator[tuple[int, list[str]] | RowError], summary: Summary) -> Iterator[str]:
        """Output text (CSV or JSON Lines), ``BATCH`` rows at a time."""
        sheet = self.settings.sheet
        if self.settings.fmt != "csv" or sheet is not None:
            titles = self.compiled.titles
            for records in self.records(rows, summary):
                yield jsonl_lines(records) if sheet is None else sheet.lines(records, titles)
            return
        fields, id_at, name_at, counts = self.compiled.csv_fields, self.id_at, self.name_at, summary.counts
        out: list[str] = []
        add = out.append
        for item in rows:  # the hot loop of `clientscreen score`: keep it flat
            if item.__class__ is RowError:
                add(self._error_line(summary, item, item.cells))
            else:
                line, row = item  # type: ignore[misc]
                ident = row[id_at] if id_at >= 0 else ""
                if not ident.isalnum():  # the common id is written as it is (see ``cell``)
                    ident = cell(ident) if ident and not ident.isspace() else str(line)
                try:
                    rank, scored = fields(row)
                except CellError as exc:
                    add(self._error_line(summary, RowError(line, str(exc), exc.column + 1), row))
                else:
                    counts[rank] += 1
                    add(f"{line},{ident},{cell(row[name_at]) if name_at >= 0 else ''},{scored},\r\n")
            if len(out) >= BATCH:
                yield "".join(out)
                out.clear()
        if out:
            yield "".join(out)

    def records(self, rows: Iterator[tuple[int, list[str]] | RowError], summary: Summary) -> Iterator[list[Record]]:
        """Records with their outcome (and, for JSON Lines, the full assessment), ``BATCH`` at a time."""
        score, scored, counts = self.compiled.score, self.compiled.scored, summary.counts
        jsonl = self.settings.fmt == "jsonl"
        full = jsonl and self.settings.texts
        levers = self._levers
        batch: list[Record] = []
        for item in rows:
            if isinstance(item, RowError):
                self._count_error(summary, item)
                ident, name = self._names(item.line, item.cells)
                batch.append(Record(item.line, ident, name, None, item.message, cells=item.cells))
            else:
                line, row = item
                ident, name = self._names(line, row)
                try:
                    if levers is not None:
                        outcome, total = scored(row)
                    else:
                        outcome, total = score(row), 0
                except CellError as exc:
                    self._count_error(summary, RowError(line, str(exc), exc.column + 1))
                    batch.append(Record(line, ident, name, None, str(exc), cells=row))
                else:
                    counts[outcome.verdict.rank] += 1
                    if full:
                        batch.append(Record(line, ident, name, outcome, None, self._full(row), row))
                    elif jsonl:
                        found = (levers.search(row, outcome.verdict.rank, outcome.score, total) if levers is not None
                                 else self._lean_levers(row, outcome, total))
                        batch.append(Record(line, ident, name, outcome, None, None, row, found))
                    else:
                        batch.append(Record(line, ident, name, outcome, cells=row))
            if len(batch) >= BATCH:
                yield batch
                batch = []
        if batch:
            yield batch

    def _names(self, line: int, row: Sequence[str]) -> tuple[str, str]:
        """The row's id (its line when it has none) and name; a short row's own cells where it has them."""
        id_at, name_at = self.id_at, self.name_at
        ident = row[id_at] if 0 <= id_at < len(row) and row[id_at].strip() else str(line)
        return ident, row[name_at] if 0 <= name_at < len(row) else ""

    def _error_line(self, summary: Summary, error: RowError, row: Sequence[str] = ()) -> str:
        self._count_error(summary, error)
        ident, name = self._names(error.line, row)
        return error_line(error.line, ident, name, error.message)

    def _count_error(self, summary: Summary, error: RowError) -> None:
        summary.errors += 1
        summary.unread += error.unread
        problem = Problem(self.name, error.message, error.line, error.column)
        if self.settings.strict:
            raise StrictStop(_("{problem} (--strict: stopped at the first bad row)", problem=problem))
        if len(summary.shown) < SHOWN:
            summary.shown.append(problem)

    def _lean_levers(self, row: list[str], outcome: Outcome, total: int) -> Found:
        """The levers of a scored row (``total``: its packed sum): in arithmetic where the rulebook allows, else by
        the full assessment."""
        if self._levers is not None:
            return self._levers.search(row, outcome.verdict.rank, outcome.score, total)
        assessment = self._assessment(row)
        terms = tuple((lv.question, lv.current, lv.target, lv.points) for lv in assessment.levers)
        return (assessment.levers_reach.value if assessment.levers_reach else None), terms

    def _full(self, row: list[str]) -> dict[str, Any]:
        """The whole assessment, as ``report`` gives it, of a row that scored (so every cell parses)."""
        from clientscreen.report.content import to_dict

        return to_dict(self._assessment(row), self.rulebook)

    def _assessment(self, row: list[str]) -> Assessment:
        """``scoring.assess`` of a row that scored.

        Cells repeat, so each is parsed once per column (a bounded memo, as in ``Compiled``):
        the answers are exactly what ``scoring.parse_answers`` would make of the same mapping.
        """
        from clientscreen.answers import parse
        from clientscreen.scoring import assess

        given = {}
        for qid, raw in self.compiled.raw_answers(row).items():
            memo = self._given.setdefault(qid, {})
            answer = memo.get(raw)
            if answer is None:
                answer = parse(self.rulebook.question_by_id[qid], raw, decimal=self.settings.decimal)
                if len(memo) < CACHE_LIMIT:
                    memo[raw] = answer
            given[qid] = answer
        return assess(self.rulebook, given)


Write = Callable[[bytes], object]
Progress = Callable[[int], object]  # called with the bytes of input done so far


def run(
    source: CsvSource, scorer: Scorer, write: Write, *, jobs: int = 1, progress: Progress | None = None
) -> Summary:
    """Score every row of ``source`` and write the text; in ``jobs`` processes when the file allows it."""
    started = time.perf_counter()
    summary = Summary()
    pieces = chunks(source) if can_split(source, jobs) else iter(())
    first = next(pieces, None)
    if isinstance(first, Chunk):
        _run_parallel(source, scorer, itertools.chain([first], pieces), jobs, write, progress, summary)
    else:  # one process: a small file, standard input, UTF-16, or a file not safe to cut from its first row
        _run_serial(source, scorer, write, progress, summary)
    summary.seconds = time.perf_counter() - started
    return summary


def _run_serial(source: CsvSource, scorer: Scorer, write: Write, progress: Progress | None, summary: Summary) -> None:
    buffer = getattr(source.stream, "buffer", None)
    for text in scorer.text(source.rows(), summary):
        write(text.encode("utf-8"))
        if progress is not None and buffer is not None:
            progress(buffer.tell())


# -- several processes ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Chunk:
    """Whole lines of the file, ``start`` to ``end`` in bytes; ``line`` is the line number of the first."""

    start: int
    end: int
    line: int


@dataclass(frozen=True)
class Rest:
    """Where cutting the file stops being safe: one process reads from ``start`` (line ``line``) to the end."""

    start: int
    line: int


def can_split(source: CsvSource, jobs: int) -> bool:
    """A regular file in an encoding where a newline byte is a newline, and workers that inherit the scorer."""
    return (
        jobs > 1
        and source.size is not None
        and ascii_compatible(source.encoding)
        and "fork" in multiprocessing.get_all_start_methods()
    )


def chunks(source: CsvSource, size: int | None = None) -> Iterator[Chunk | Rest]:
    """The file's rows as line-aligned byte ranges, read only as they are handed out.

    A line with an odd number of quotes means a quoted field holds a newline, and a CR
    without an LF is a line end csv sees and a byte split does not: from such a block on,
    the ``Rest`` is read by one process. Every row before it was cut at a true row end,
    so the work already done stands.
    """
    size = size or max(64 << 10, min(CHUNK_BYTES, (source.size or 0) // 8))
    with Path(source.name).open("rb") as fh:
        head = b"".join(fh.readline() for _line in range(source.first_line))  # the header and any lines before it
        start, line = fh.tell(), source.first_line + 1
        if head.count(b"\r") != head.count(b"\r\n"):
            yield Rest(0, 0)  # CR-only line ends from the start: the byte offsets of lines are not known
            return
        while True:
            block = fh.read(size)
            if not block:
                return
            block += fh.readline()  # finish the last line
            marks = block.translate(None, _OTHER_BYTES)  # the quotes and line ends, in order
            if (b"\r" in marks and b"\r" in marks.replace(b"\r\n", b"")) or (
                b'"' in marks and _ODD_QUOTES.search(marks)
            ):
                yield Rest(start, line)
                return
            yield Chunk(start, start + len(block), line)
            start += len(block)
            line += marks.count(b"\n")


_worker: tuple[CsvSource, Scorer] | None = None  # set before the fork; the children inherit it


def _piece(source: CsvSource, binary: IO[bytes], first_line: int) -> CsvSource:
    """A source over the same file from where ``binary`` stands (a BOM only ever starts the file)."""
    encoding = "utf-8" if source.encoding == "utf-8-sig" else source.encoding
    stream = io.TextIOWrapper(binary, encoding=encoding, errors="strict", newline="")
    return CsvSource(source.name, source.header, source.delimiter, source.encoding, stream, first_line - 1,
                     source.may_hold_nul, source.size)


class _InputFailure(Exception):
    """An ``InputError`` on its way from a worker: its problems pickle, the error's own arguments do not."""


def _quiet_worker() -> None:
    """A worker ends when the pool ends it, without a traceback of its own.

    SIGTERM (from ``pool.terminate``, when the command itself was terminated or interrupted)
    ends it at once; Ctrl-C reaches the whole process group and is the parent's to handle.
    """
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _score_chunk(chunk: Chunk) -> tuple[bytes, Summary]:
    assert _worker is not None  # noqa: S101 - set before the pool forks
    source, scorer = _worker
    with Path(source.name).open("rb") as fh:
        fh.seek(chunk.start)
        data = io.BytesIO(fh.read(chunk.end - chunk.start))
    summary = Summary()
    try:
        text = "".join(scorer.text(_piece(source, data, chunk.line).rows(), summary))
    except InputError as exc:
        raise _InputFailure(exc.problems) from None
    return text.encode("utf-8"), summary


def _run_parallel(
    source: CsvSource, scorer: Scorer, pieces: Iterator[Chunk | Rest], jobs: int, write: Write,
    progress: Progress | None, summary: Summary,
) -> None:
    """Chunks go out a few at a time and results are written in order, so memory stays flat."""
    global _worker
    _worker = (source, scorer)
    rest: Rest | None = None
    try:
        with multiprocessing.get_context("fork").Pool(jobs, initializer=_quiet_worker) as pool:
            pending: collections.deque[tuple[Chunk, Any]] = collections.deque()

            def hand_out() -> None:
                nonlocal rest
                while rest is None and len(pending) < 2 * jobs:
                    piece = next(pieces, None)
                    if piece is None:
                        return
                    if isinstance(piece, Rest):
                        rest = piece
                        return
                    pending.append((piece, pool.apply_async(_score_chunk, (piece,))))

            hand_out()
            while pending:
                chunk, result = pending.popleft()
                hand_out()
                try:
                    text, part = result.get()
                except _InputFailure as failure:
                    raise InputError(failure.args[0]) from None
                write(text)
                summary.add(part)
                if progress is not None:
                    progress(chunk.end)
    finally:
        _worker = None
    if rest is not None:
        with Path(source.name).open("rb") as fh:
            fh.seek(rest.start)
            _run_serial(_piece(source, fh, rest.line), scorer, write, progress, summary)
