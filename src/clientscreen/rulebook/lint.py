"""The rulebook linter behind ``clientscreen rules check``: every finding with a code, a severity and a line.

The loader refuses what cannot be scored at all; the linter also finds what scores
but is probably wrong: skip logic pointing forward or in a loop, a knock-out nobody
can reach, a verdict band no answers reach, a question that can never change a
verdict, advice left blank, a version that was not bumped. Errors fail the check;
warnings fail it only with ``--strict``. Findings render as text, JSON or GitHub
workflow annotations, so the same check serves a terminal, a script and a pull request.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from clientscreen.errors import InputError, Problem, UsageError
from clientscreen.i18n import _, _n
from clientscreen.rulebook import cases, crosscheck, safeyaml, schema
from clientscreen.rulebook.arithmetic import FLOOR, Arithmetic, first_by_id, skip_loops
from clientscreen.rulebook.model import (
    Category,
    Localized,
    Question,
    Rulebook,
    content_hash,
    languages_of,
    localized_texts,
)

Severity = Literal["error", "warning"]

SEVERITIES: dict[str, Severity] = {
    "CS001": "error",
    "CS002": "error",
    "CS003": "error",
    "CS101": "error",
    "CS102": "error",
    "CS103": "error",
    "CS104": "error",
    "CS105": "error",
    "CS106": "error",
    "CS107": "error",
    "CS201": "error",
    "CS202": "warning",
    "CS203": "error",
    "CS204": "warning",
    "CS301": "warning",
    "CS302": "warning",
    "CS303": "warning",
    "CS304": "warning",
    "CS305": "warning",
    "CS306": "warning",
    "CS307": "warning",
    "CS308": "warning",
    "CS401": "error",
    "CS402": "warning",
}


def describe(code: str) -> str:
    """What a finding under ``code`` means, in the active language."""
    descriptions = {
        "CS001": _("the file cannot be read as YAML"),
        "CS002": _("the rulebook does not fit the schema (see 'clientscreen rules schema')"),
        "CS003": _("a rule of the rulebook format is broken (answers of a yes/no, bands, units)"),
        "CS101": _("duplicate id: category, question, answer value or case name"),
        "CS102": _("reference to an unknown category, question or answer value"),
        "CS103": _("skip logic points to a later question"),
        "CS104": _("skip logic loops"),
        "CS105": _("a case answer the parser cannot read"),
        "CS106": _("a case does not fit the case format"),
        "CS107": _("a knock-out that can never be asked"),
        "CS201": _("a verdict no set of answers can give"),
        "CS202": _("a verdict band no score reaches (only knock-outs give that verdict)"),
        "CS203": _("thresholds out of order"),
        "CS204": _("a question that can never change any verdict"),
        "CS301": _("a category without why, advice or source text"),
        "CS302": _("a negotiable answer without the term to propose"),
        "CS303": _("a negotiable term that secures no better an answer"),
        "CS304": _("a text without its translation into a language the rulebook is written in"),
        "CS305": _("two answers to one question that a user would type the same way"),
        "CS306": _("a negotiate floor without a term to propose"),
        "CS307": _("a decline knock-out on an answer a term could change"),
        "CS308": _("two questions that score one behaviour twice"),
        "CS401": _("the content changed but the version did not"),
        "CS402": _("the old rulebook to compare with cannot be read"),
    }
    return descriptions[code]


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
    return Finding(code, severity or SEVERITIES[code], p.path, message, p.line, p.col)


@dataclass(frozen=True)
class FileReport:
    path: str
    findings: tuple[Finding, ...]
    book: Rulebook | None = None
    score_range: tuple[int, int] | None = None

    def summary(self) -> str:
        if self.book is None:
            return _("{path}: cannot be checked", path=self.path)
        b = self.book
        counts = ", ".join((
            _n("{n} category", "{n} categories", len(b.categories)),
            _n("{n} question", "{n} questions", len(b.questions)),
        ))
        text = f"{self.path}: {b.id} {b.version}: {counts}"
        if self.score_range:
            text += "; " + _("scores from {low} to {high}", low=self.score_range[0], high=self.score_range[1])
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
        raise UsageError(_("--old names one rulebook; with several paths give a git revision, e.g. --old HEAD"))
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
        problem = Problem(doc.path, _("a rulebook is a mapping with id, version, questions, …"), 1, 1)
        return FileReport(doc.path, (_finding("CS002", problem),))
    try:
        book = schema.checked(doc.data)
    except ValidationError as exc:
        return FileReport(doc.path, tuple(_schema_finding(p) for p in schema.problems(doc, exc)))
    findings = list(_structure(doc, book))
    found, case_problems = cases.collect(path, doc, book.id)
    case_problems += cases.check(book, found)
    arithmetic = Arithmetic(book)
    if not any(f.severity == "error" for f in findings):  # broken references would only echo as arithmetic
        findings += [_finding(code, doc.problem(loc, msg)) for code, loc, msg in arithmetic.bands()]
        findings += [_finding("CS204", doc.problem(loc, msg)) for loc, msg in arithmetic.idle_questions()]
    findings += [_finding(_CASE_CODES[cp.kind], cp.problem) for cp in case_problems]
    findings += [_finding(code, doc.problem(loc, msg)) for code, loc, msg in _texts(book)]
    findings += [_finding("CS304", doc.problem(loc, msg)) for loc, msg in _translations(book)]
    findings += [_finding("CS305", doc.problem(loc, msg)) for loc, msg in _lookalike_answers(book)]
    findings += [_finding(code, doc.problem(loc, msg)) for code, loc, msg in _verdict_contradictions(book)]
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
            _("decline must be above negotiate (negotiate {negotiate}, decline {decline})",
              negotiate=t.negotiate, decline=t.decline),
        )
    groups: tuple[tuple[str, Sequence[Category | Question]], ...] = (
        ("categories", book.categories),
        ("questions", book.questions),
    )
    for key, items in groups:
        first: dict[str, int] = {}
        for i, item in enumerate(items):
            if item.id in first:
                line = doc.mark((key, first[item.id], "id"))[0]
                if key == "categories":
                    message = _("duplicate category id {id!r} (first at line {line})", id=item.id, line=line)
                else:
                    message = _("duplicate question id {id!r} (first at line {line})", id=item.id, line=line)
                yield emit("CS101", (key, i, "id"), message)
            first.setdefault(item.id, i)
    categories = set(book.category_by_id)
    for i, c in enumerate(book.categories):
        if book.sources and c.source.article not in book.sources:
            yield emit("CS102", ("categories", i, "source", "article"),
                       _("category {category!r} cites unknown source {source!r}; name it under sources",
                         category=c.id, source=c.source.article))
    index = {q.id: i for i, q in reversed(list(enumerate(book.questions)))}
    loops = skip_loops(book)
    by_id = first_by_id(book)
    for i, q in enumerate(book.questions):
        at: Loc = ("questions", i)
        if q.category is not None and q.category not in categories:
            yield emit("CS102", (*at, "category"), _("unknown category {category!r}", category=q.category))
        seen: dict[object, int] = {}
        for j, a in enumerate(q.answers):
            if a.value in seen:
                yield emit(
                    "CS101",
                    (*at, "answers", j, "value"),
                    _("duplicate answer {answer!r} in {question!r}", answer=a.value, question=q.id),
                )
            seen.setdefault(a.value, j)
            if a.category is not None and a.category not in categories:
                yield emit(
                    "CS102", (*at, "answers", j, "category"), _("unknown category {category!r}", category=a.category)
                )
        if q.negotiable and q.negotiable.target not in q.by_value:
            yield emit(
                "CS102",
                (*at, "negotiable", "target"),
                _("{question!r} has no answer {answer!r}", question=q.id, answer=q.negotiable.target),
            )
        if q.ask_if:
            yield from _skip_logic(emit, at, q, by_id, index, loops)
    yield from (_finding("CS107", doc.problem(loc, msg)) for loc, msg in _unaskable_knockouts(book, loops))
    for loc, message in crosscheck.references(book):
        if loc not in covered:
            yield _finding("CS003", doc.problem(loc, message))


def _skip_logic(
    emit: Any, at: Loc, q: Question, by_id: dict[str, Question], index: dict[str, int], loops: dict[str, list[str]]
) -> Iterator[Finding]:
    assert q.ask_if is not None  # noqa: S101 - the caller checked
    target = q.ask_if.question
    if q.id in loops:
        yield emit("CS104", (*at, "ask_if", "question"), _("skip logic loops: {loop}", loop=" -> ".join(loops[q.id])))
        return
    parent = by_id.get(target)
    if parent is None:
        yield emit(
            "CS102",
            (*at, "ask_if", "question"),
            _("skip logic refers to unknown question {question!r}", question=target),
        )
        return
    if index[target] > index[q.id]:
        yield emit(
            "CS103",
            (*at, "ask_if", "question"),
            _("skip logic points forward: {target!r} is asked after {question!r}; move {question!r} below it",
              target=target, question=q.id),
        )
    for j, value in enumerate(q.ask_if.in_):
        if value not in parent.by_value:
            yield emit(
                "CS102",
                (*at, "ask_if", "in", j),
                _("{question!r} has no answer {answer!r}", question=target, answer=value),
            )


def _unaskable_knockouts(book: Rulebook, loops: dict[str, list[str]]) -> Iterator[tuple[Loc, str]]:
    """A knock-out behind skip logic that no real answer satisfies never fires: the floor it promises is not there."""
    reasons: dict[str, str | None] = {}
    by_id = first_by_id(book)

    def own_reason(q: Question) -> tuple[str | None, Question | None]:
        """Why ``q`` is never asked on its own account, or the parent whose fate it shares."""
        if q.ask_if is None:
            return None, None
        parent = by_id.get(q.ask_if.question)
        if q.id in loops:
            return _("its skip logic loops"), None
        if parent is None:
            return _("it depends on unknown question {question!r}", question=q.ask_if.question), None
        if not set(q.ask_if.in_) & set(parent.by_value):
            return _("no answer to {question!r} asks it", question=parent.id), None
        return None, parent

    def why_never(q: Question) -> str | None:
        """Up the chain of parents to the first question that decides, then back down: no recursion."""
        chain: list[tuple[Question, Question]] = []
        node = q
        while node.id not in reasons:
            reasons[node.id] = None
            reason, parent = own_reason(node)
            if parent is None:
                reasons[node.id] = reason
                break
            chain.append((node, parent))
            node = parent
        for child, parent in reversed(chain):
            reasons[child.id] = reasons[parent.id] and _(
                "{question!r}, which it depends on, can never be asked", question=parent.id
            )
        return reasons[q.id]

    for i, q in enumerate(book.questions):
        reason = why_never(q)
        for j, a in enumerate(q.answers):
            if a.knockout and reason:
                message = _("knock-out {question}={answer} can never be asked: {reason}",
                            question=q.id, answer=a.value, reason=reason)
                yield ("questions", i, "answers", j, "knockout"), message


def _blank(text: Localized | str) -> bool:
    """Whether the text, or any translation of it, is empty or a placeholder such as TODO."""
    every = text.all() if isinstance(text, Localized) else (text,)
    return any(_PLACEHOLDER.fullmatch(t.strip()) for t in every)


def _texts(book: Rulebook) -> Iterator[tuple[str, Loc, str]]:
    for i, c in enumerate(book.categories):
        texts: tuple[tuple[Loc, Localized | str], ...] = (
            (("why",), c.why),
            (("advice",), c.advice),
            (("source", "article"), c.source.article),
            (("source", "section"), c.source.section),
        )
        for key, text in texts:
            if _blank(text):
                yield (
                    "CS301",
                    ("categories", i, *key),
                    _("category {category!r} has no {field} text: write it for the reader",
                      category=c.id, field=".".join(map(str, key))),
                )
    for i, q in enumerate(book.questions):
        if q.negotiable is None:
            continue
        at: Loc = ("questions", i, "negotiable")
        if _blank(q.negotiable.term):
            yield (
                "CS302",
                (*at, "term"),
                _("{question!r} is negotiable but its term is blank: write what to propose", question=q.id),
            )
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
                _("the term secures {answer!r}, which scores no better than any other answer to {question!r}",
                  answer=target.value, question=q.id),
            )


def _translations(book: Rulebook) -> Iterator[tuple[Loc, str]]:
    """Each text that lacks a language the rulebook is written in: its readers would meet English there."""
    languages = [lang for lang in languages_of(book) if lang != "en"]
    for loc, text in localized_texts(book):
        for lang in languages:
            if not text.has(lang):
                yield loc, _("no {language} text ({lang}); readers in {language} see the English here",
                             language=_language_name(lang), lang=lang)


def _language_name(lang: str) -> str:
    return {"en": _("English"), "da": _("Danish"), "he": _("Hebrew"), "ru": _("Russian")}[lang]


def _lookalike_answers(book: Rulebook) -> Iterator[tuple[Loc, str]]:
    """Answers are typed by value or by label in any language: two that read alike make one of them untypeable."""
    for i, q in enumerate(book.questions):
        words: dict[str, int] = {str(a.value).casefold(): j for j, a in enumerate(q.answers)}
        for j, a in enumerate(q.answers):
            labels = {t.casefold(): t for t in (a.label.all() if a.label else ())}
            for folded, label in labels.items():
                first = words.setdefault(folded, j)
                if first != j:
                    yield ("questions", i, "answers", j, "label"), _(
                        "the label {label!r} reads like answer {other!r} of {question!r}; typed, it means that one",
                        label=label, other=q.answers[first].value, question=q.id)


def _verdict_contradictions(book: Rulebook) -> Iterator[tuple[str, Loc, str]]:
    """Floors that leave a verdict with nothing to say next, and evidence counted twice.

    A negotiate floor must come with something to negotiate: the question's own term or
    its client type's. A decline knock-out on a question a term can change is a decline
    that is not final. An answer raising a red category that another question scores on
    its own counts one behaviour twice (rulebook 1.3 did so with late payments).
    """
    for i, c in enumerate(book.categories):
        if c.floor is not None and c.floor.negotiate is not None and c.term is None:
            yield "CS306", ("categories", i, "floor", "negotiate"), _(
                "the floor sets negotiate, but category {category!r} has no term to propose; add 'term'",
                category=c.id)
    owners: dict[str, list[str]] = {}
    for q in book.questions:
        if q.category and q.scores:
            owners.setdefault(q.category, []).append(q.id)
    for i, q in enumerate(book.questions):
        for j, a in enumerate(q.answers):
            category = a.category or q.category or ""
            known = book.category_by_id.get(category)  # an unknown one is reported as a broken reference
            if a.knockout == "negotiate" and q.negotiable is None and known is not None and known.term is None:
                yield "CS306", ("questions", i, "answers", j, "knockout"), _(
                    "a negotiate knock-out with no term: make {question!r} negotiable or give category {category!r} "
                    "a term", question=q.id, category=category)
            if a.knockout == "decline" and q.negotiable is not None and a.value != q.negotiable.target:
                yield "CS307", ("questions", i, "answers", j, "knockout"), _(
                    "{question!r} is negotiable, so a term could lift this decline; make it negotiate, or the "
                    "question not negotiable", question=q.id)
            others = [o for o in owners.get(category, []) if o != q.id]
            if a.points > 0 and a.category and a.category != q.category and others:
                yield "CS308", ("questions", i, "answers", j, "category"), _(
                    "this answer raises {category!r}, which {other!r} already scores: one behaviour counted twice",
                    category=a.category, other=others[0])


def _version_check(doc: safeyaml.Document, path: Path, old: str) -> Iterator[Finding]:
    """Answers files record the version they were given against; the same version with other content lies."""
    from clientscreen.rulebook import diff

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
                _(
                    "the content changed since {old} but the version is still {version!r}; bump it, "
                    "since answers files record the version they were given against",
                    old=spec,
                    version=version,
                ),
            ),
        )


def _content(data: dict[str, Any]) -> str:
    return content_hash({k: v for k, v in data.items() if k not in ("version", "cases")})


def status_lines(report: Report) -> list[str]:
    """For a person at a terminal: each rulebook with its score range, then the count of findings."""
    lines = []
    for r in report.files:
        if r.book is None:
            continue
        summary = r.summary().removeprefix(r.path + ": ")
        if r.findings:
            lines.append(_("{path}: checked ({summary})", path=r.path, summary=summary))
        else:
            lines.append(_("{path}: ok ({summary})", path=r.path, summary=summary))
    errors, warnings = report.count("error"), report.count("warning")
    if errors or warnings:
        lines.append(
            _(
                "{errors}, {warnings} in {files}",
                errors=_n("{n} error", "{n} errors", errors),
                warnings=_n("{n} warning", "{n} warnings", warnings),
                files=_n("{n} file", "{n} files", len(report.files)),
            )
        )
    return lines
