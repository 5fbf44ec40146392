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
from clientscreen.errors import InputError, Problem, UsageError
from clientscreen.rulebook import Category, Question, Rulebook, Verdict, _cross_check, _pydantic_problems, content_hash

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
MAX_SPAN = 20_000  # widest score range searched exactly; beyond it the arithmetic falls back to bounds


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
        yield emit("CS203", ("thresholds", "decline"),
                   f"decline must be above negotiate (negotiate {t.negotiate}, decline {t.decline})")
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
    loops = _loops(book)
    by_id = _first(book)
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


def _skip_logic(emit: Any, at: Loc, q: Question, by_id: dict[str, Question], index: dict[str, int],
                loops: dict[str, list[str]]) -> Iterator[Finding]:
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
        yield emit("CS103", (*at, "ask_if", "question"),
                   f"skip logic points forward: {target!r} is asked after {q.id!r}; move {q.id!r} below it")
    for j, value in enumerate(q.ask_if.in_):
        if value not in parent.by_value:
            yield emit("CS102", (*at, "ask_if", "in", j), f"{target!r} has no answer {value!r}")


def _first(book: Rulebook) -> dict[str, Question]:
    """Questions by id, the first of duplicates winning, so one duplicate does not break its neighbours' checks."""
    return {q.id: q for q in reversed(book.questions)}


def _loops(book: Rulebook) -> dict[str, list[str]]:
    """Questions whose skip logic leads back to themselves, with the loop as a path of ids."""
    out: dict[str, list[str]] = {}
    by_id = _first(book)
    for q in book.questions:
        path, current = [q.id], q
        while current.ask_if and current.ask_if.question in by_id:
            current = by_id[current.ask_if.question]
            if current.id == q.id:
                out[q.id] = [*path, q.id]
                break
            if current.id in path:
                break
            path.append(current.id)
    return out


def _unaskable_knockouts(book: Rulebook, loops: dict[str, list[str]]) -> Iterator[tuple[Loc, str]]:
    """A knock-out behind skip logic that no real answer satisfies never fires: the floor it promises is not there."""
    reasons: dict[str, str | None] = {}
    by_id = _first(book)

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
            (("why",), c.why), (("advice",), c.advice),
            (("source", "article"), c.source.article), (("source", "section"), c.source.section),
        )
        for key, text in texts:
            if _PLACEHOLDER.fullmatch(text.strip()):
                yield "CS301", ("categories", i, *key), (
                    f"category {c.id!r} has no {'.'.join(map(str, key))} text: write it for the reader"
                )
    for i, q in enumerate(book.questions):
        if q.negotiable is None:
            continue
        at: Loc = ("questions", i, "negotiable")
        if _PLACEHOLDER.fullmatch(q.negotiable.term.strip()):
            yield "CS302", (*at, "term"), f"{q.id!r} is negotiable but its term is blank: write what to propose"
        target = q.by_value.get(q.negotiable.target)
        others = [a for a in q.answers if a is not target]
        if target is not None and others and all(
            target.points >= a.points and _FLOOR[target.knockout] >= _FLOOR[a.knockout] for a in others
        ):
            yield "CS303", (*at, "target"), (
                f"the term secures {target.value!r}, which scores no better than any other answer to {q.id!r}"
            )


_FLOOR = {None: 0, "negotiate": 1, "decline": 2}
_VERDICTS = (Verdict.TAKE, Verdict.NEGOTIATE, Verdict.DECLINE)
Outcomes = tuple[int, int, int]  # reachable sums as bitmasks (bit s + offset), one per knock-out floor


class Arithmetic:
    """Which scores and verdicts answers can reach, respecting skip logic.

    Each question with its dependants is a small tree: an answer (or unknown) adds its
    points and decides which dependants are asked; a skipped question adds nothing.
    Reachable sums are kept as bitmasks per knock-out floor, so combining subtrees is a
    handful of shifts. Skip logic that loops or points nowhere is treated as absent.
    """

    def __init__(self, book: Rulebook) -> None:
        self.book = book
        scoring = [q for q in book.questions if q.scores and q.answers]
        self.ids = {q.id for q in scoring}
        loops = _loops(book)
        self.parent = {
            q.id: q.ask_if.question if q.ask_if and q.ask_if.question in self.ids and q.id not in loops else None
            for q in scoring
        }
        self.children: dict[str | None, list[Question]] = {}
        for q in scoring:
            self.children.setdefault(self.parent[q.id], []).append(q)
        self.offset = sum(max(0, -min(a.points for a in q.answers)) for q in scoring)
        self.exact = self.offset + sum(max(0, *(a.points for a in q.answers)) for q in scoring) <= MAX_SPAN
        self._memo: dict[str, Outcomes] = {}
        self.all = self._forest(None) if self.exact else (0, 0, 0)

    def _unit(self, points: int, floor: int) -> Outcomes:
        masks = [0, 0, 0]
        masks[floor] = 1 << (points + self.offset)
        return masks[0], masks[1], masks[2]

    def _plus(self, a: Outcomes, b: Outcomes) -> Outcomes:
        out = [0, 0, 0]
        for f, x in enumerate(a):
            for g, y in enumerate(b):
                if x and y:
                    out[max(f, g)] |= self._sumset(x, y)
        return out[0], out[1], out[2]

    def _sumset(self, x: int, y: int) -> int:
        if x.bit_count() > y.bit_count():
            x, y = y, x
        out = 0
        while x:
            low = x & -x
            shift = low.bit_length() - 1 - self.offset
            out |= y << shift if shift >= 0 else y >> -shift
            x ^= low
        return out

    def _options(self, q: Question, skip: str | None) -> Iterator[Outcomes]:
        """Per answer (and unknown): its points and floor, plus the dependants that answer asks.

        Above ``skip`` only the answers that still ask it count: the rest of the rulebook as
        it stands whenever ``skip`` is asked.
        """
        kids = self.children.get(q.id, [])
        on_path = [c for c in kids if skip is not None and (c.id == skip or self._above(c.id, skip))]
        for value, points, floor in [(None, 0, 0), *((a.value, a.points, _FLOOR[a.knockout]) for a in q.answers)]:
            if on_path and not _asks(on_path[0], value):
                continue
            acc = self._unit(points, floor)
            for child in kids:
                if child.id != skip and _asks(child, value):
                    acc = self._plus(acc, self._subtree(child, skip))
            yield acc

    def _subtree(self, q: Question, skip: str | None) -> Outcomes:
        if skip is not None and not self._above(q.id, skip):
            skip = None  # the skipped question is elsewhere: this subtree is the same as ever
        if skip is None and q.id in self._memo:
            return self._memo[q.id]
        out = (0, 0, 0)
        for option in self._options(q, skip):
            out = (out[0] | option[0], out[1] | option[1], out[2] | option[2])
        if skip is None:
            self._memo[q.id] = out
        return out

    def _above(self, ancestor: str, qid: str) -> bool:
        parent = self.parent.get(qid)
        while parent is not None:
            if parent == ancestor:
                return True
            parent = self.parent.get(parent)
        return False

    def _forest(self, skip: str | None) -> Outcomes:
        acc = self._unit(0, 0)
        for root in self.children.get(None, []):
            if root.id != skip:
                acc = self._plus(acc, self._subtree(root, skip))
        return acc

    def score_range(self) -> tuple[int, int]:
        if not self.exact:
            return self.book.score_range()
        every = self.all[0] | self.all[1] | self.all[2]
        return (every & -every).bit_length() - 1 - self.offset, every.bit_length() - 1 - self.offset

    def _band_hit(self, mask: int, low: int | None, high: int | None) -> bool:
        """Whether ``mask`` holds a sum in [low, high)."""
        lo = 0 if low is None else max(0, low + self.offset)
        if high is not None:
            mask &= (1 << max(0, high + self.offset)) - 1
        return bool(mask >> lo)

    def bands(self) -> Iterator[tuple[str, Loc, str]]:
        t = self.book.thresholds
        limits = {Verdict.TAKE: (None, t.negotiate), Verdict.NEGOTIATE: (t.negotiate, t.decline),
                  Verdict.DECLINE: (t.decline, None)}
        described = {Verdict.TAKE: f"below {t.negotiate}", Verdict.NEGOTIATE: f"{t.negotiate} to {t.decline - 1}",
                     Verdict.DECLINE: f"{t.decline} or more"}
        where = {Verdict.TAKE: "negotiate", Verdict.NEGOTIATE: "negotiate", Verdict.DECLINE: "decline"}
        low, high = self.score_range()
        for v in _VERDICTS:
            lo, hi = limits[v]
            if self.exact:
                by_score = any(self._band_hit(m, lo, hi) for m in self.all)
                given = any(
                    self._band_hit(m, limits[b][0], limits[b][1]) for f, m in enumerate(self.all)
                    for b in _VERDICTS if max(b.rank, f) == v.rank
                )
            else:
                by_score = (lo is None or high >= lo) and (hi is None or low < hi)
                given = by_score or any(a.knockout == v.value for q in self.book.questions for a in q.answers)
            loc: Loc = ("thresholds", where[v])
            reach = f"reachable scores run from {low} to {high}"
            if not given:
                yield "CS201", loc, f"no answers give the verdict {v.value}: its band is scores {described[v]}, {reach}"
            elif not by_score:
                yield "CS202", loc, (
                    f"no score reaches the {v.value} band ({described[v]}; {reach}): only knock-outs give {v.value}"
                )

    def idle_questions(self) -> Iterator[tuple[Loc, str]]:
        """Questions whose answer, whatever the other answers, leaves every verdict where it was."""
        for i, q in enumerate(self.book.questions):
            if q.id not in self.ids:
                continue
            loc: Loc = ("questions", i, "id")
            trivial = not self.children.get(q.id) and not any(a.points or a.knockout for a in q.answers)
            if trivial:
                yield loc, f"question {q.id!r} can never change a verdict: every answer scores 0 and none knocks out"
            elif self.exact and not self._matters(q):
                yield loc, (
                    f"question {q.id!r} can never change a verdict: its answers move the score by at most "
                    f"{q.stake} point{'s' * (q.stake != 1)}, never across a threshold"
                )

    def _matters(self, q: Question) -> bool:
        """Whether some answers to the rest leave two answers to ``q`` with different verdicts.

        The answers to ``q`` and its dependants are compared as ranges of sums, an overestimate
        that can only hide a warning, never raise a false one.
        """
        rest = self._forest(q.id)
        sides = [[(f, self._lowest(m), m.bit_length() - 1 - self.offset) for f, m in enumerate(o) if m]
                 for o in self._options(q, None)]
        t = self.book.thresholds
        for floor_r, mask in enumerate(rest):
            while mask:
                low = mask & -mask
                mask ^= low
                r = low.bit_length() - 1 - self.offset
                seen: set[int] = set()
                for side in sides:
                    for f, lo, hi in side:
                        top = max(f, floor_r)
                        bands = range(_band(r + lo, t.negotiate, t.decline), _band(r + hi, t.negotiate, t.decline) + 1)
                        seen |= {max(b, top) for b in bands}
                if len(seen) > 1:
                    return True
        return False

    def _lowest(self, mask: int) -> int:
        return (mask & -mask).bit_length() - 1 - self.offset


def _asks(child: Question, value: object) -> bool:
    """Skip logic as the scorer applies it: an unknown answer keeps the dependant, a known one must match."""
    return value is None or value in (child.ask_if.in_ if child.ask_if else ())


def _band(score: int, negotiate: int, decline: int) -> int:
    return 2 if score >= decline else 1 if score >= negotiate else 0


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
        yield _finding("CS401", doc.problem(("version",), (
            f"the content changed since {spec} but the version is still {version!r}; bump it, "
            "since answers files record the version they were given against")))


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
                {"path": f.path, "line": f.line, "col": f.col, "severity": f.severity, "code": f.code,
                 "message": f.message}
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
        for r in report.files if r.book is not None
    ]
    errors, warnings = report.count("error"), report.count("warning")
    if errors or warnings:
        lines.append(f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)} "
                     f"in {len(report.files)} file{'s' * (len(report.files) != 1)}")
    return lines
