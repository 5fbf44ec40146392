"""The rulebook linter behind ``clientscreen rules check``: every finding with a code, a severity and a line.

The loader refuses what cannot be scored at all; the linter also finds what scores
but is probably wrong: skip logic pointing forward or in a loop, a knock-out nobody
can reach, a verdict band no answers reach, a question that can never change a
verdict, advice left blank, a version that was not bumped. Errors fail the check;
warnings fail it only with ``--strict``. Findings render as text, JSON or GitHub
workflow annotations, so the same check serves a terminal, a script and a pull request.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from clientscreen import cases, safeyaml
from clientscreen.arithmetic import FLOOR, Arithmetic, first_by_id, skip_loops
from clientscreen.errors import InputError, Problem, UsageError
from clientscreen.rulebook import Category, Question, Rulebook, _cross_check, _pydantic_problems, content_hash

Severity = Literal["error", "warning"]

RULES: dict[str, tuple[Severity, str]] = {
    "CS001": ("error", "the file cannot be read as YAML"),
    "CS002": ("error", "the rulebook does not fit the schema (see 'clientscreen rules schema')"),
    "CS003": ("error", "a rule of the rulebook format is broken (answers of a yes/no, bands, units)"),
    "CS101": ("error", "duplicate id: category, question, answer value or case name"),
    "CS102": ("error", "reference to an unknown category, question or answer value"),
    "CS103": ("error", "skip logic points to a later question"),
    "CS104": ("error", "skip logic loops"),
    "CS105": ("error", "a case answer the parser cannot read"),
    "CS106": ("error", "a case does not fit the case format"),
    "CS107": ("error", "a knock-out that can never be asked"),
    "CS201": ("error", "a verdict no set of answers can give"),
    "CS202": ("warning", "a verdict band no score reaches (only knock-outs give that verdict)"),
    "CS203": ("error", "thresholds out of order"),
    "CS204": ("warning", "a question that can never change any verdict"),
    "CS301": ("warning", "a category without why, advice or source text"),
    "CS302": ("warning", "a negotiable answer without the term to propose"),
    "CS303": ("warning", "a negotiable term that secures no better an answer"),
    "CS401": ("error", "the content changed but the version did not"),
    "CS402": ("warning", "the old rulebook to compare with cannot be read"),
}
_CASE_CODES = {"shape": "CS106", "unknown": "CS102", "value": "CS105", "duplicate": "CS101"}
_PLACEHOLDER = re.compile(r"^\W*(?:todo|tbd|fixme|xxx|n/?a)?\W*$", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    path: str
    message: str
    line: int | None = None
    col: int | None = None

    def __str__(self) -> str:
        place = self.path + (f":{self.line}" if self.line else "") + (f":{self.col}" if self.line and self.col else "")
        return f"{place}: {self.severity}: {self.message} [{self.code}]"


def _finding(code: str, p: Problem, severity: Severity | None = None) -> Finding:
    message = f"{p.where}: {p.message}" if p.where else p.message
    return Finding(code, severity or RULES[code][0], p.path, message, p.line, p.col)


@dataclass(frozen=True)
class FileReport:
    path: str
    findings: tuple[Finding, ...]
    book: Rulebook | None = None
    score_range: tuple[int, int] | None = None

    def summary(self) -> str:
        if self.book is None:
            return f"{self.path}: cannot be checked"
        b = self.book
        nc, nq = len(b.categories), len(b.questions)
        counts = f"{nc} categor{'ies' if nc != 1 else 'y'}, {nq} question{'s' * (nq != 1)}"
        text = f"{self.path}: {b.id} {b.version}: {counts}"
        if self.score_range:
            text += f"; scores from {self.score_range[0]} to {self.score_range[1]}"
        return text


@dataclass(frozen=True)
class Report:
    files: tuple[FileReport, ...]

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.files for f in r.findings]

    def count(self, severity: Severity) -> int:
        return sum(f.severity == severity for f in self.findings)

    def failed(self, strict: bool) -> bool:
        return bool(self.count("error") or (strict and self.count("warning")))


def check_paths(paths: Sequence[Path], *, old: str | None = None) -> Report:
    """Lint every rulebook behind ``paths`` (files, folders, case files); ``old`` is PATH, REV:PATH or REV."""
    books, problems = cases.rulebooks_for(paths)
    if old is not None and len(books) > 1 and (Path(old).is_file() or ":" in old):
        raise UsageError("--old names one rulebook; with several paths give a git revision, e.g. --old HEAD")
    reports = [FileReport(p.path, (_finding("CS001", p),)) for p in problems]
    for path in books:
        reports.append(check_file(path, old=old))
    return Report(tuple(reports))


def check_file(path: Path, *, old: str | None = None) -> FileReport:
    """One rulebook: a file that cannot be read is a finding too, so every format can report it."""
    try:
        doc = safeyaml.load(path)
    except InputError as exc:
        return FileReport(str(path), tuple(_finding("CS001", p) for p in exc.problems))
    report = check_document(doc, path)
    if old is None or report.book is None:
        return report
    return FileReport(report.path, (*report.findings, *_version_check(doc, path, old)), report.book, report.score_range)


def check_document(doc: safeyaml.Document, path: Path) -> FileReport:
    """Schema first (nothing else can be said of a rulebook pydantic refuses), then everything else at once."""
    if not isinstance(doc.data, dict):
        problem = Problem(doc.path, "a rulebook is a mapping with id, version, questions, …", 1, 1)
        return FileReport(doc.path, (_finding("CS002", problem),))
    try:
        book = Rulebook.model_validate({k: v for k, v in doc.data.items() if k != "cases"})
    except ValidationError as exc:
        return FileReport(doc.path, tuple(_schema_finding(p) for p in _pydantic_problems(doc, exc)))
    findings = list(_structure(doc, book))
    found, case_problems = cases.collect(path, doc, book.id)
    case_problems += cases.check(book, found)
    arithmetic = Arithmetic(book)
    if not any(f.severity == "error" for f in findings):  # broken references would only echo as arithmetic
        findings += [_finding(code, doc.problem(loc, msg)) for code, loc, msg in arithmetic.bands()]
        findings += [_finding("CS204", doc.problem(loc, msg)) for loc, msg in arithmetic.idle_questions()]
    findings += [_finding(_CASE_CODES[cp.kind], cp.problem) for cp in case_problems]
    findings += [_finding(code, doc.problem(loc, msg)) for code, loc, msg in _texts(book)]
    findings.sort(key=lambda f: (f.path != doc.path, f.path, f.line or 0, f.col or 0, f.code))
    return FileReport(doc.path, tuple(findings), book, arithmetic.score_range())


def _schema_finding(p: Problem) -> Finding:
    """Missing why/advice/source or term are schema errors, but users look them up under their own codes."""
    where = p.where or ""
    if re.fullmatch(r"categories\[\d+\]\.(why|advice|source)(\..*)?", where):
        return _finding("CS301", p, "error")
    if re.fullmatch(r"questions\[\d+\]\.negotiable\.term", where):
        return _finding("CS302", p, "error")
    return _finding("CS002", p)


Loc = tuple[str | int, ...]


def _structure(doc: safeyaml.Document, book: Rulebook) -> Iterator[Finding]:
    """Ids and references, each under its own code; whatever else the loader's cross-check finds is CS003."""
    covered: set[Loc] = set()

    def emit(code: str, loc: Loc, message: str) -> Finding:
        covered.add(loc)
        return _finding(code, doc.problem(loc, message))

    t = book.thresholds
    if t.negotiate >= t.decline:
        yield emit(
            "CS203",
            ("thresholds", "decline"),
            f"decline must be above negotiate (negotiate {t.negotiate}, decline {t.decline})",
        )
    groups: tuple[tuple[str, str, Sequence[Category | Question]], ...] = (
        ("category", "categories", book.categories),
        ("question", "questions", book.questions),
    )
    for kind, key, items in groups:
        first: dict[str, int] = {}
        for i, item in enumerate(items):
            if item.id in first:
                line = doc.mark((key, first[item.id], "id"))[0]
                yield emit("CS101", (key, i, "id"), f"duplicate {kind} id {item.id!r} (first at line {line})")
            first.setdefault(item.id, i)
    categories = set(book.category_by_id)
    index = {q.id: i for i, q in reversed(list(enumerate(book.questions)))}
    loops = skip_loops(book)
    by_id = first_by_id(book)
    for i, q in enumerate(book.questions):
        at: Loc = ("questions", i)
        if q.category is not None and q.category not in categories:
            yield emit("CS102", (*at, "category"), f"unknown category {q.category!r}")
        seen: dict[object, int] = {}
        for j, a in enumerate(q.answers):
            if a.value in seen:
                yield emit("CS101", (*at, "answers", j, "value"), f"duplicate answer {a.value!r} in {q.id!r}")
            seen.setdefault(a.value, j)
            if a.category is not None and a.category not in categories:
                yield emit("CS102", (*at, "answers", j, "category"), f"unknown category {a.category!r}")
        if q.negotiable and q.negotiable.target not in q.by_value:
            yield emit("CS102", (*at, "negotiable", "target"), f"{q.id!r} has no answer {q.negotiable.target!r}")
        if q.ask_if:
            yield from _skip_logic(emit, at, q, by_id, index, loops)
    yield from (_finding("CS107", doc.problem(loc, msg)) for loc, msg in _unaskable_knockouts(book, loops))
    for loc, message in _cross_check(book):
        if loc not in covered:
            yield _finding("CS003", doc.problem(loc, message))


def _skip_logic(
    emit: Any, at: Loc, q: Question, by_id: dict[str, Question], index: dict[str, int], loops: dict[str, list[str]]
) -> Iterator[Finding]:
    assert q.ask_if is not None  # noqa: S101 - the caller checked
    target = q.ask_if.question
    if q.id in loops:
        yield emit("CS104", (*at, "ask_if", "question"), "skip logic loops: " + " -> ".join(loops[q.id]))
        return
    parent = by_id.get(target)
    if parent is None:
        yield emit("CS102", (*at, "ask_if", "question"), f"skip logic refers to unknown question {target!r}")
        return
    if index[target] > index[q.id]:
        yield emit(
            "CS103",
            (*at, "ask_if", "question"),
            f"skip logic points forward: {target!r} is asked after {q.id!r}; move {q.id!r} below it",
        )
    for j, value in enumerate(q.ask_if.in_):
        if value not in parent.by_value:
            yield emit("CS102", (*at, "ask_if", "in", j), f"{target!r} has no answer {value!r}")


def _unaskable_knockouts(book: Rulebook, loops: dict[str, list[str]]) -> Iterator[tuple[Loc, str]]:
    """A knock-out behind skip logic that no real answer satisfies never fires: the floor it promises is not there."""
    reasons: dict[str, str | None] = {}
    by_id = first_by_id(book)

    def why_never(q: Question) -> str | None:
        if q.id in reasons:
            return reasons[q.id]
        reasons[q.id] = None
        if q.ask_if is None:
            return None
        parent = by_id.get(q.ask_if.question)
        if q.id in loops:
            reason: str | None = "its skip logic loops"
        elif parent is None:
            reason = f"it depends on unknown question {q.ask_if.question!r}"
        elif not set(q.ask_if.in_) & set(parent.by_value):
            reason = f"no answer to {parent.id!r} asks it"
        else:
            reason = why_never(parent) and f"{parent.id!r}, which it depends on, can never be asked"
        reasons[q.id] = reason
        return reason

    for i, q in enumerate(book.questions):
        reason = why_never(q)
        for j, a in enumerate(q.answers):
            if a.knockout and reason:
                message = f"knock-out {q.id}={a.value} can never be asked: {reason}"
                yield ("questions", i, "answers", j, "knockout"), message


def _texts(book: Rulebook) -> Iterator[tuple[str, Loc, str]]:
    for i, c in enumerate(book.categories):
        texts: tuple[tuple[Loc, str], ...] = (
            (("why",), c.why),
            (("advice",), c.advice),
            (("source", "article"), c.source.article),
            (("source", "section"), c.source.section),
        )
        for key, text in texts:
            if _PLACEHOLDER.fullmatch(text.strip()):
                yield (
                    "CS301",
                    ("categories", i, *key),
                    (f"category {c.id!r} has no {'.'.join(map(str, key))} text: write it for the reader"),
                )
    for i, q in enumerate(book.questions):
        if q.negotiable is None:
            continue
        at: Loc = ("questions", i, "negotiable")
        if _PLACEHOLDER.fullmatch(q.negotiable.term.strip()):
            yield "CS302", (*at, "term"), f"{q.id!r} is negotiable but its term is blank: write what to propose"
        target = q.by_value.get(q.negotiable.target)
        others = [a for a in q.answers if a is not target]
        if (
            target is not None
            and others
            and all(target.points >= a.points and FLOOR[target.knockout] >= FLOOR[a.knockout] for a in others)
        ):
            yield (
                "CS303",
                (*at, "target"),
                (f"the term secures {target.value!r}, which scores no better than any other answer to {q.id!r}"),
            )


def _version_check(doc: safeyaml.Document, path: Path, old: str) -> Iterator[Finding]:
    """Answers files record the version they were given against; the same version with other content lies."""
    from clientscreen import diff

    spec = old
    try:
        if not Path(old).is_file() and ":" not in old:
            spec = f"{old}:./{Path(os.path.relpath(path)).as_posix()}"
            text = diff.git_show(spec, missing_ok=True)
            if text is None:
                return  # a new rulebook: nothing to compare with
            old_doc = safeyaml.parse_yaml(text, spec)
        else:
            old_doc = diff.load_document(old)
    except InputError as exc:
        yield _finding("CS402", exc.problems[0])
        return
    if not isinstance(old_doc.data, dict) or not isinstance(doc.data, dict):
        return
    before, after = _content(old_doc.data), _content(doc.data)
    version = doc.data.get("version")
    if before != after and version == old_doc.data.get("version"):
        yield _finding(
            "CS401",
            doc.problem(
                ("version",),
                (
                    f"the content changed since {spec} but the version is still {version!r}; bump it, "
                    "since answers files record the version they were given against"
                ),
            ),
        )


def _content(data: dict[str, Any]) -> str:
    return content_hash({k: v for k, v in data.items() if k not in ("version", "cases")})


def to_text(report: Report) -> str:
    return "".join(f"{f}\n" for f in report.findings)


def to_json(report: Report) -> str:
    files = [
        {
            "path": r.path,
            "rulebook": {"id": r.book.id, "version": r.book.version} if r.book else None,
            "score_range": list(r.score_range) if r.score_range else None,
            "findings": [
                {
                    "path": f.path,
                    "line": f.line,
                    "col": f.col,
                    "severity": f.severity,
                    "code": f.code,
                    "message": f.message,
                }
                for f in r.findings
            ],
        }
        for r in report.files
    ]
    body = {"files": files, "errors": report.count("error"), "warnings": report.count("warning")}
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(report: Report) -> str:
    """Workflow commands GitHub shows on the pull request's lines, escaped as the runner expects."""
    lines = []
    for f in report.findings:
        props = [f"file={_escape_property(f.path)}"]
        if f.line:
            props.append(f"line={f.line}")
            if f.col:
                props.append(f"col={f.col}")
        props.append(f"title={_escape_property(f'clientscreen {f.code}')}")
        lines.append(f"::{f.severity} {','.join(props)}::{_escape_data(f.message)}\n")
    return "".join(lines)


FORMATS = {"text": to_text, "json": to_json, "github": to_github}


def status_lines(report: Report) -> list[str]:
    """For a person at a terminal: each rulebook with its score range, then the count of findings."""
    lines = [
        f"{r.path}: {'ok' if not r.findings else 'checked'} ({r.summary().removeprefix(r.path + ': ')})"
        for r in report.files
        if r.book is not None
    ]
    errors, warnings = report.count("error"), report.count("warning")
    if errors or warnings:
        lines.append(
            f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)} "
            f"in {len(report.files)} file{'s' * (len(report.files) != 1)}"
        )
    return lines
