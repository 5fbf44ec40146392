"""Running a batch: rows in, text out, in input order, in one process or several.

Several processes split the file into line-aligned byte ranges and format their own
text, so the parent only writes bytes in order and the output is the same whatever
``jobs`` is. A quoted field holding a newline would be cut in two by such a split
(and CR-only line ends would shift the line numbers), so such a file is scored in
one process. Nothing here holds more than a few thousand rows at a time.
"""

from __future__ import annotations

import collections
import io
import multiprocessing
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clientscreen.batch import VERDICTS, CellError, Compiled
from clientscreen.csvinput import CsvSource, RowError, ascii_compatible
from clientscreen.csvoutput import Record, cell, error_line, jsonl_lines
from clientscreen.errors import ClientscreenError, ExitCode, Problem, UsageError
from clientscreen.rulebook import Rulebook

BATCH = 2000  # rows formatted and written at a time
CHUNK_BYTES = 1 << 20  # input per task in parallel runs: bounds what each task holds in memory
SHOWN = 20  # row errors repeated on stderr; the rest are in the output's error column


class StrictStop(ClientscreenError):
    """--strict: the first bad row ends the run."""

    exit_code = ExitCode.PROBLEMS


@dataclass(frozen=True)
class Settings:
    fmt: str  # csv | jsonl | table
    id_column: str | None = None
    decimal: str | None = None
    strict: bool = False


@dataclass
class Summary:
    """What the run did, for the summary line and the exit code."""

    counts: list[int] = field(default_factory=lambda: [0, 0, 0])  # rows per verdict, by rank
    errors: int = 0
    shown: list[Problem] = field(default_factory=list)  # the first errors, for stderr
    seconds: float = 0.0

    @property
    def verdicts(self) -> dict[str, int]:
        return {v.value: n for v, n in zip(VERDICTS, self.counts, strict=True)}

    @property
    def rows(self) -> int:
        return sum(self.counts) + self.errors

    def add(self, other: Summary) -> None:
        self.counts = [a + b for a, b in zip(self.counts, other.counts, strict=True)]
        self.errors += other.errors
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
            raise UsageError(f"--id-column {settings.id_column}: {name} has no such column")
        self.id_at = folded.index(wanted) if wanted in folded else -1
        self.name_at = folded.index("name") if "name" in folded else -1

    def text(self, rows: Iterator[tuple[int, list[str]] | RowError], summary: Summary) -> Iterator[str]:
        """Output text (CSV or JSON Lines), ``BATCH`` rows at a time."""
        if self.settings.fmt != "csv":
            for records in self.records(rows, summary):
                yield jsonl_lines(records)
            return
        fields, id_at, name_at, counts = self.compiled.csv_fields, self.id_at, self.name_at, summary.counts
        out: list[str] = []
        add = out.append
        for item in rows:  # the hot loop of `clientscreen score`: keep it flat
            if item.__class__ is RowError:
                add(self._error_line(summary, item))
            else:
                line, row = item  # type: ignore[misc]
                ident = row[id_at] if id_at >= 0 else ""
                if not ident or ident.isspace():
                    ident = str(line)
                try:
                    rank, scored = fields(row)
                except CellError as exc:
                    add(self._error_line(summary, RowError(line, str(exc), exc.column + 1), row))
                else:
                    counts[rank] += 1
                    add(f"{line},{cell(ident)},{cell(row[name_at]) if name_at >= 0 else ''},{scored},\r\n")
            if len(out) >= BATCH:
                yield "".join(out)
                out.clear()
        if out:
            yield "".join(out)

    def records(self, rows: Iterator[tuple[int, list[str]] | RowError], summary: Summary) -> Iterator[list[Record]]:
        """Records with their outcome (and, for JSON Lines, the full assessment), ``BATCH`` at a time."""
        score, counts = self.compiled.score, summary.counts
        full = self.settings.fmt == "jsonl"
        batch: list[Record] = []
        for item in rows:
            if isinstance(item, RowError):
                self._count_error(summary, item)
                batch.append(Record(item.line, str(item.line), "", None, item.message))
            else:
                line, row = item
                ident, name = self._names(line, row)
                try:
                    outcome = score(row)
                except CellError as exc:
                    self._count_error(summary, RowError(line, str(exc), exc.column + 1))
                    batch.append(Record(line, ident, name, None, str(exc)))
                else:
                    counts[outcome.verdict.rank] += 1
                    batch.append(Record(line, ident, name, outcome, None, self._full(row) if full else None))
            if len(batch) >= BATCH:
                yield batch
                batch = []
        if batch:
            yield batch

    def _names(self, line: int, row: list[str]) -> tuple[str, str]:
        ident = row[self.id_at] if self.id_at >= 0 and row[self.id_at].strip() else str(line)
        return ident, row[self.name_at] if self.name_at >= 0 else ""

    def _error_line(self, summary: Summary, error: RowError, row: list[str] | None = None) -> str:
        self._count_error(summary, error)
        ident, name = self._names(error.line, row) if row is not None else (str(error.line), "")
        return error_line(error.line, ident, name, error.message)

    def _count_error(self, summary: Summary, error: RowError) -> None:
        summary.errors += 1
        problem = Problem(self.name, error.message, error.line, error.column)
        if self.settings.strict:
            raise StrictStop(f"{problem} (--strict: stopped at the first bad row)")
        if len(summary.shown) < SHOWN:
            summary.shown.append(problem)

    def _full(self, row: list[str]) -> dict[str, Any]:
        from clientscreen.report import to_dict
        from clientscreen.scoring import assess, parse_answers

        given = parse_answers(self.rulebook, self.compiled.raw_answers(row), decimal=self.settings.decimal)
        return to_dict(assess(self.rulebook, given), self.rulebook)


Write = Callable[[bytes], object]
Progress = Callable[[int], object]  # called with the bytes of input done so far


def run(
    source: CsvSource, scorer: Scorer, write: Write, *, jobs: int = 1, progress: Progress | None = None
) -> Summary:
    """Score every row of ``source`` and write the text; in ``jobs`` processes when the file allows it."""
    started = time.perf_counter()
    tasks = split(source, jobs)
    if tasks:
        summary = _run_parallel(source, scorer, tasks, jobs, write, progress)
    else:
        summary = Summary()
        buffer = getattr(source.stream, "buffer", None)
        for text in scorer.text(source.rows(), summary):
            write(text.encode("utf-8"))
            if progress is not None and buffer is not None:
                progress(buffer.tell())
    summary.seconds = time.perf_counter() - started
    return summary


# -- several processes ---------------------------------------------------------------------------


def split(source: CsvSource, jobs: int) -> list[tuple[int, int, int]] | None:
    """Line-aligned byte ranges ``(start, end, first line)``, or None when the file cannot be split safely."""
    if jobs < 2 or source.size is None or not ascii_compatible(source.encoding):
        return None
    if "fork" not in multiprocessing.get_all_start_methods():
        return None  # the workers inherit the compiled rulebook; without fork they would rebuild it
    tasks: list[tuple[int, int, int]] = []
    chunk = max(64 << 10, min(CHUNK_BYTES, source.size // (jobs * 4)))  # a few tasks per process
    with Path(source.name).open("rb") as fh:
        for _ in range(source.first_line):  # the header, and any blank or sep= lines before it
            fh.readline()
        start, line = fh.tell(), source.first_line + 1
        while True:
            block = fh.read(chunk)
            if not block:
                break
            block += fh.readline()  # finish the last line
            if b"\r" in block and b"\r" in block.replace(b"\r\n", b""):
                return None  # CR-only line ends: byte ranges would not match csv's lines
            if b'"' in block and any(part.count(b'"') % 2 for part in block.split(b"\n")):
                return None  # a quoted field holds a newline (or a quote is never closed)
            tasks.append((start, start + len(block), line))
            start += len(block)
            line += block.count(b"\n")
    return tasks if len(tasks) > 1 else None


_worker: tuple[CsvSource, Scorer] | None = None  # set before the fork; the children inherit it


def _score_chunk(task: tuple[int, int, int]) -> tuple[bytes, Summary]:
    start, end, first_line = task
    assert _worker is not None  # noqa: S101 - set before the pool forks
    source, scorer = _worker
    with Path(source.name).open("rb") as fh:
        fh.seek(start)
        data = fh.read(end - start)
    encoding = "utf-8" if source.encoding == "utf-8-sig" else source.encoding  # the BOM is at the start only
    part = CsvSource(source.name, source.header, source.delimiter, source.encoding,
                     io.StringIO(data.decode(encoding), newline=""), first_line - 1, source.may_hold_nul)
    summary = Summary()
    text = "".join(scorer.text(part.rows(), summary))
    return text.encode("utf-8"), summary


def _run_parallel(
    source: CsvSource, scorer: Scorer, tasks: list[tuple[int, int, int]], jobs: int, write: Write,
    progress: Progress | None,
) -> Summary:
    """Tasks go out a few at a time and results are written in order, so memory stays flat."""
    global _worker
    summary = Summary()
    _worker = (source, scorer)
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            pending: collections.deque[Any] = collections.deque()
            queued = iter(tasks)
            for task in queued:
                pending.append((task, pool.apply_async(_score_chunk, (task,))))
                if len(pending) >= 2 * jobs:
                    break
            while pending:
                task, result = pending.popleft()
                text, part = result.get()
                write(text)
                summary.add(part)
                if progress is not None:
                    progress(task[1])
                following = next(queued, None)
                if following is not None:
                    pending.append((following, pool.apply_async(_score_chunk, (following,))))
    finally:
        _worker = None
    return summary
