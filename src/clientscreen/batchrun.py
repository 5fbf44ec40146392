"""Running a batch: rows in, records out, in input order, in one process or several.

Several processes split the file into line-aligned byte ranges and format their own
records, so the parent only concatenates text in order and the output is the same
bytes whatever ``jobs`` is. A quoted field holding a newline would be cut in two by
such a split, so a file that has one is scored in one process.
"""

from __future__ import annotations

import io
import multiprocessing
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from clientscreen.batch import CellError, Compiled
from clientscreen.csvinput import CsvSource, RowError
from clientscreen.csvoutput import Record, csv_lines, jsonl_lines
from clientscreen.errors import ClientscreenError, ExitCode, Problem
from clientscreen.rulebook import Rulebook, load_rulebook

BATCH = 2000  # records formatted and written at a time
CHUNK_BYTES = 512 << 10  # input per task in parallel runs: bounds what each task holds in memory
MIN_CHUNK = 32 << 10


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
    verdicts: dict[str, int] = field(default_factory=lambda: {"take": 0, "negotiate": 0, "decline": 0})
    errors: int = 0
    shown: list[Problem] = field(default_factory=list)  # the first errors, for stderr
    seconds: float = 0.0

    @property
    def rows(self) -> int:
        return sum(self.verdicts.values()) + self.errors

    def add(self, other: Summary) -> None:
        for verdict, count in other.verdicts.items():
            self.verdicts[verdict] += count
        self.errors += other.errors
        self.shown.extend(other.shown[: max(0, SHOWN - len(self.shown))])


SHOWN = 20


class _Scorer:
    """Turns rows of one source into records; shared by the single process and the workers."""

    def __init__(self, rulebook: Rulebook, header: list[str], name: str, settings: Settings) -> None:
        self.compiled = Compiled(rulebook, header, decimal=settings.decimal)
        self.rulebook = rulebook
        self.name = name
        self.settings = settings
        folded = [h.strip().casefold() for h in header]
        wanted = (settings.id_column or "id").strip().casefold()
        self.id_at = folded.index(wanted) if wanted in folded else -1
        self.name_at = folded.index("name") if "name" in folded else -1

    def records(self, rows: Iterator[tuple[int, list[str]] | RowError], summary: Summary) -> Iterator[Record]:
        score, id_at, name_at, counts = self.compiled.score, self.id_at, self.name_at, summary.verdicts
        full = self.settings.fmt == "jsonl"
        for item in rows:
            if item.__class__ is RowError:
                assert isinstance(item, RowError)  # noqa: S101 - for the type checker
                yield self._error(summary, item.line, str(item.line), "", item.message, item.column)
                continue
            line, row = item  # type: ignore[misc]
            ident = row[id_at] if id_at >= 0 and row[id_at].strip() else str(line)
            name = row[name_at] if name_at >= 0 else ""
            try:
                outcome = score(row)
            except CellError as exc:
                yield self._error(summary, line, ident, name, str(exc), exc.column + 1)
                continue
            counts[outcome.verdict] += 1
            yield Record(line, ident, name, outcome, None, self._full(row) if full else None)

    def _error(self, summary: Summary, line: int, ident: str, name: str, message: str, col: int | None) -> Record:
        summary.errors += 1
        problem = Problem(self.name, message, line, col)
        if self.settings.strict:
            raise StrictStop(f"{problem} (--strict: stopped at the first bad row)")
        if len(summary.shown) < SHOWN:
            summary.shown.append(problem)
        return Record(line, ident, name, None, message, None)

    def _full(self, row: list[str]) -> dict[str, object]:
        from clientscreen.report import to_dict
        from clientscreen.scoring import assess, parse_answers

        given = parse_answers(self.rulebook, self.compiled.raw_answers(row), decimal=self.settings.decimal)
        return to_dict(assess(self.rulebook, given), self.rulebook)


def formatter(fmt: str) -> Callable[[list[Record]], str]:
    return jsonl_lines if fmt == "jsonl" else csv_lines


def run_serial(
    source: CsvSource, rulebook: Rulebook, settings: Settings, emit: Callable[[list[Record]], None]
) -> Summary:
    summary = Summary()
    started = time.perf_counter()
    scorer = _Scorer(rulebook, source.header, source.name, settings)
    batch: list[Record] = []
    for record in scorer.records(source.rows(), summary):
        batch.append(record)
        if len(batch) >= BATCH:
            emit(batch)
            batch = []
    if batch:
        emit(batch)
    summary.seconds = time.perf_counter() - started
    return summary


# -- several processes ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Job:
    rules: Path
    header: list[str]
    name: str
    delimiter: str
    encoding: str
    settings: Settings


_worker: tuple[_Job, _Scorer] | None = None


def _init(job: _Job) -> None:
    global _worker
    _worker = (job, _Scorer(load_rulebook(job.rules), job.header, job.name, job.settings))


def _score_chunk(task: tuple[str, int, int, int]) -> tuple[str, Summary]:
    path, start, end, first_line = task
    assert _worker is not None  # noqa: S101 - set by the pool initialiser
    job, scorer = _worker
    with Path(path).open("rb") as fh:
        fh.seek(start)
        text = fh.read(end - start).decode(job.encoding)
    source = CsvSource(job.name, job.header, job.delimiter, job.encoding, io.StringIO(text, newline=""), first_line - 1)
    summary = Summary()
    started = time.perf_counter()
    out = formatter(job.settings.fmt)(list(scorer.records(source.rows(), summary)))
    summary.seconds = time.perf_counter() - started
    return out, summary


def split(path: Path, source: CsvSource, jobs: int) -> list[tuple[str, int, int, int]] | None:
    """Line-aligned byte ranges with their first line numbers, or None when the file cannot be split safely."""
    if jobs < 2 or source.name == "<stdin>" or source.encoding.startswith("utf-16"):
        return None
    tasks: list[tuple[str, int, int, int]] = []
    chunk = max(MIN_CHUNK, min(CHUNK_BYTES, path.stat().st_size // (jobs * 4)))  # a few tasks per process
    with path.open("rb") as fh:
        for _ in range(source.first_line):  # the header, and any blank or sep= lines before it
            fh.readline()
        start, line = fh.tell(), source.first_line + 1
        while True:
            block = fh.read(chunk)
            if not block:
                break
            block += fh.readline()  # finish the last line
            if b"\r" in block.replace(b"\r\n", b""):
                return None  # CR-only line ends: byte ranges would not match csv's lines
            if b'"' in block and any(part.count(b'"') % 2 for part in block.split(b"\n")):
                return None  # a quoted field holds a newline
            tasks.append((str(path), start, start + len(block), line))
            start += len(block)
            line += block.count(b"\n")
    return tasks


def run_parallel(
    tasks: list[tuple[str, int, int, int]],
    job: _Job,
    jobs: int,
    emit: Callable[[str], None],
) -> Summary:
    summary = Summary()
    started = time.perf_counter()
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs, initializer=_init, initargs=(job,)) as pool:
        for text, part in pool.imap(_score_chunk, tasks, chunksize=1):
            emit(text)
            summary.add(part)
    summary.seconds = time.perf_counter() - started
    return summary


def parallel_job(rules: Path, source: CsvSource, settings: Settings) -> _Job:
    return _Job(rules, source.header, source.name, source.delimiter, source.encoding, settings)
