"""Golden cases: prospects whose verdict a team has agreed on, kept with the rulebook and run on every edit.

A weight that looks harmless can flip the verdict of a story everyone remembers. Cases
pin those stories: the answers, the verdict, the flags that must and must not fire, a
score range. They live inline (``cases:`` in the rulebook) or in a ``cases/`` folder
beside it, and their answers go through the same parser as answers files and CSV
cells, so a case cannot pass on a value a user could not type. Coverage says which
questions, answers, knock-outs and verdict bands no case has exercised yet.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET  # noqa: S405 - only builds XML; nothing is parsed
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr, ValidationError

from clientscreen.errors import InputError, Problem
from clientscreen.i18n import _, _n, figure, number
from clientscreen.interview.answersfile import RawValue
from clientscreen.rulebook import safeyaml, schema
from clientscreen.rulebook.model import Rulebook, Verdict, parse_rulebook
from clientscreen.rulebook.schema import LOCALIZED_SCHEMA, Id, Text
from clientscreen.scoring import AnswersInvalid, Assessment, score

CASES_DIR = "cases"
YAML_SUFFIXES = (".yaml", ".yml")
Kind = Literal["shape", "unknown", "value", "duplicate"]
Status = Literal["pass", "fail", "todo", "fixed", "error"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False, defer_build=True)  # built when used


class ScoreRange(_Model):
    min: StrictInt | None = Field(default=None, description="Lowest score the case may get (inclusive)")
    max: StrictInt | None = Field(default=None, description="Highest score the case may get (inclusive)")


class CaseModel(_Model):
    """One golden case as written in YAML."""

    name: Annotated[StrictStr, Field(min_length=1, max_length=200)]
    note: Text | None = Field(default=None, description="The story behind the case, e.g. the article it retells")
    answers: dict[StrictStr, RawValue] = Field(default_factory=dict, description="Question id -> answer")
    verdict: Verdict | Annotated[list[Verdict], Field(min_length=1)] = Field(
        description="The verdict this prospect must get, or every verdict a careful reader would accept"
    )
    alternatives: list[dict[StrictStr, RawValue]] = Field(
        default_factory=list,
        description="Other answer sets a reader could defensibly give, each merged over answers; each must agree",
    )
    flags: list[Id] = Field(default_factory=list, description="Categories or questions that must raise a flag")
    not_flags: list[Id] = Field(default_factory=list, description="Categories or questions that must not")
    score: StrictInt | ScoreRange | None = Field(default=None, description="Exact score, or {min, max}")
    todo: StrictBool | Text = Field(
        default=False, description="A known disagreement: true or the reason; reported, never a failure"
    )


    @property
    def accepted(self) -> tuple[Verdict, ...]:
        """Every verdict the case accepts, as a tuple whatever way it was written."""
        return tuple(self.verdict) if isinstance(self.verdict, list) else (self.verdict,)

    def answer_sets(self) -> list[dict[str, RawValue]]:
        """The answers, then each alternative merged over them: the readings that must all agree."""
        return [dict(self.answers), *({**self.answers, **alt} for alt in self.alternatives)]


@dataclass(frozen=True)
class Case:
    """A case and where it was written, so every message about it can name its line."""

    model: CaseModel
    doc: safeyaml.Document
    loc: safeyaml.Loc

    @property
    def name(self) -> str:
        return self.model.name

    @property
    def place(self) -> Problem:
        return self.doc.problem(self.loc, "")

    def problem(self, loc: Sequence[str | int], message: str) -> Problem:
        found = self.doc.problem((*self.loc, *loc), message)
        text = _("case {case!r}: {message}", case=self.name, message=message)
        return Problem(found.path, text, found.line, found.col)


@dataclass(frozen=True)
class CaseProblem:
    """A problem with a case; ``kind`` lets the linter give each its code."""

    kind: Kind
    problem: Problem


def rulebooks_for(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """The rulebooks behind ``paths``: files as given, folders' YAML files, and for a case file the rulebooks
    beside its ``cases/`` folder (so a pre-commit hook that passes changed files checks the right thing)."""
    out: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            found = _yaml_files(path)
            if not found:
                problems.append(Problem(str(path), _("holds no rulebook (*.yaml, *.yml)")))
        elif path.parent.name == CASES_DIR and path.suffix.lower() in YAML_SUFFIXES and path.parent.parent.is_dir():
            found = _yaml_files(path.parent.parent) or [path]  # no rulebook beside the folder: take it as one
        else:
            found = [path]
        out.extend(p for p in found if p not in out)
    return out, problems


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in YAML_SUFFIXES and p.is_file())


def collect(
    rulebook_path: Path, doc: safeyaml.Document, rulebook_id: str | None
) -> tuple[list[Case], list[CaseProblem]]:
    """Cases inline in ``doc`` and in the ``cases/`` folder beside it, in file order."""
    cases: list[Case] = []
    problems: list[CaseProblem] = []
    if isinstance(doc.data, dict) and "cases" in doc.data:
        _read_list(doc, ("cases",), cases, problems)
    folder = rulebook_path.parent / CASES_DIR
    if folder.is_dir():
        for path in _yaml_files(folder):
            try:
                case_doc = safeyaml.load(path)
            except InputError as exc:
                problems.extend(CaseProblem("shape", p) for p in exc.problems)
                continue
            _read_file(case_doc, rulebook_id, cases, problems)
    seen: dict[str, Case] = {}
    for case in cases:
        first = seen.setdefault(case.name, case)
        if first is not case:
            message = _("another case has this name (line {line})", line=first.place.line)
            problems.append(CaseProblem("duplicate", case.problem(("name",), message)))
    return cases, problems


def _read_file(doc: safeyaml.Document, rulebook_id: str | None, cases: list[Case], problems: list[CaseProblem]) -> None:
    """A case file is a list of cases, or a mapping with ``cases`` and optionally the ``rulebook`` id they test."""
    if isinstance(doc.data, list):
        _read_list(doc, (), cases, problems)
        return
    if not isinstance(doc.data, dict) or not set(doc.data) <= {"rulebook", "cases"}:
        message = _("a case file is a list of cases, or {rulebook, cases}")
        problems.append(CaseProblem("shape", doc.problem((), message)))
        return
    target = doc.data.get("rulebook")
    if target is None or target == rulebook_id:
        _read_list(doc, ("cases",), cases, problems)


def _read_list(doc: safeyaml.Document, loc: safeyaml.Loc, cases: list[Case], problems: list[CaseProblem]) -> None:
    items: Any = doc.data
    for part in loc:
        items = items[part]
    if not isinstance(items, list):
        message = _("cases are a list: - name: …, answers: …, verdict: …")
        problems.append(CaseProblem("shape", doc.problem(loc, message)))
        return
    for i, item in enumerate(items):
        try:
            model = CaseModel.model_validate(item)
        except ValidationError as exc:
            at = (*loc, i)
            nested = safeyaml.Document(doc.path, item, dict(_under(doc, at)))
            for p in schema.problems(nested, exc):
                where = safeyaml.format_loc(at) + (f".{p.where}" if p.where else "")
                problems.append(CaseProblem("shape", Problem(p.path, p.message, p.line, p.col, where)))
            continue
        cases.append(Case(model, doc, (*loc, i)))


def _under(doc: safeyaml.Document, loc: safeyaml.Loc) -> Iterable[tuple[safeyaml.Loc, tuple[int, int]]]:
    """Marks inside ``loc``, re-rooted so pydantic's locations (relative to the case) find their lines."""
    for key, mark in doc.marks.items():
        if key[: len(loc)] == loc:
            yield key[len(loc) :], mark


def check(book: Rulebook, cases: Sequence[Case]) -> list[CaseProblem]:
    """What only the rulebook can say about a case: unknown questions and flags, values it cannot read."""
    names = set(book.category_by_id) | set(book.question_by_id)
    problems: list[CaseProblem] = []
    for case in cases:
        problems.extend(_answer_problems(book, case))
        for key in ("flags", "not_flags"):
            for j, flag in enumerate(getattr(case.model, key)):
                if flag not in names:
                    message = _("{key}: no category or question {flag!r} in rulebook {rulebook}",
                                key=key, flag=flag, rulebook=book.id)
                    problems.append(CaseProblem("unknown", case.problem((key, j), message)))
    return problems


def _answer_problems(book: Rulebook, case: Case) -> list[CaseProblem]:
    found: list[CaseProblem] = []
    for n, answers in enumerate(case.model.answer_sets()):
        at: tuple[str | int, ...] = ("answers",) if n == 0 else ("alternatives", n - 1)
        try:
            score(book, answers)
        except AnswersInvalid as exc:
            found += [
                CaseProblem(
                    "unknown" if qid not in book.question_by_id else "value",
                    case.problem((*at, qid) if n == 0 or qid in case.model.alternatives[n - 1] else ("answers", qid),
                                 f"{qid}: {message}"),
                )
                for qid, message in exc.problems.items()
                if n == 0 or qid in case.model.alternatives[n - 1]
            ]
    return found


@dataclass(frozen=True)
class Result:
    case: Case
    status: Status
    mismatches: tuple[str, ...] = ()
    assessment: Assessment | None = None
    problems: tuple[Problem, ...] = ()
    alternatives: tuple[Assessment, ...] = ()  # the assessments of the case's alternative answer sets

    @property
    def agrees(self) -> bool:
        """Every answer set got a verdict the case accepts (flags and score aside)."""
        if self.assessment is None:
            return False
        return all(a.verdict in self.case.model.accepted for a in (self.assessment, *self.alternatives))

    @property
    def failed(self) -> bool:
        return self.status in ("fail", "error")

    def line(self) -> str:
        """One line a reader can act on: where, which case, expected against actual."""
        place = self.case.place
        where = f"{place.path}:{place.line}:{place.col}" if place.line else place.path
        if self.status == "error":
            return "\n".join(str(p) for p in self.problems)
        label = _label(self.status)
        detail = "; ".join(self.mismatches)
        if self.status == "fixed":
            detail = _("passes now; remove 'todo'")
        elif self.status == "todo" and isinstance(self.case.model.todo, str):
            detail += " " + _("(todo: {reason})", reason=self.case.model.todo)
        return f"{where}: {label} {self.name}: {detail}" if detail else f"{where}: {label} {self.name}"

    @property
    def name(self) -> str:
        return self.case.name


def _label(status: Status) -> str:
    """The tag of a case's line: FAIL, TODO, FIXED or ok."""
    labels = {"fail": _("FAIL"), "todo": _("TODO"), "fixed": _("FIXED"), "pass": _("ok")}
    return labels[status]


def run_case(book: Rulebook, case: Case) -> Result:
    found = [cp.problem for cp in _answer_problems(book, case)]
    if found:
        return Result(case, "error", problems=tuple(found))
    assessment, *others = (score(book, answers) for answers in case.model.answer_sets())
    mismatches = list(_mismatches(case.model, assessment))
    for n, other in enumerate(others, start=1):
        mismatches += [_("alternative {n}: {mismatch}", n=n, mismatch=m) for m in _mismatches(case.model, other)]
    wrong = tuple(mismatches)
    if case.model.todo:
        return Result(case, "todo" if wrong else "fixed", wrong, assessment, alternatives=tuple(others))
    return Result(case, "fail" if wrong else "pass", wrong, assessment, alternatives=tuple(others))


def _mismatches(model: CaseModel, a: Assessment) -> Iterable[str]:
    if a.verdict not in model.accepted:
        expected = "/".join(v.value for v in model.accepted)
        yield _("verdict: expected {expected}, got {verdict} (score {score})",
                expected=expected, verdict=a.verdict.value, score=a.score)
    raised = {f.category for f in a.flags} | {f.question for f in a.flags}
    raised |= {k.category for k in a.knockouts} | {k.question for k in a.knockouts}
    for flag in model.flags:
        if flag not in raised:
            yield _("flag {flag}: expected to fire, did not", flag=flag)
    for flag in model.not_flags:
        if flag in raised:
            yield _("flag {flag}: expected not to fire, fired", flag=flag)
    low, high = _range(model.score)
    if (low is not None and a.score < low) or (high is not None and a.score > high):
        yield _score_mismatch(low, high, a.score)


def _range(spec: int | ScoreRange | None) -> tuple[int | None, int | None]:
    if spec is None:
        return None, None
    if isinstance(spec, int):
        return spec, spec
    return spec.min, spec.max


def _score_mismatch(low: int | None, high: int | None, score: int) -> str:
    """A whole sentence for each shape of range, so a translation can order it as its language does."""
    if low == high:
        return _("score: expected {expected}, got {score}", expected=low, score=score)
    if low is None:
        return _("score: expected at most {high}, got {score}", high=high, score=score)
    if high is None:
        return _("score: expected at least {low}, got {score}", low=low, score=score)
    return _("score: expected {low} to {high}, got {score}", low=low, high=high, score=score)


KINDS = ("questions", "answers", "knock-outs", "bands")


def kind_name(kind: str) -> str:
    """One of ``KINDS`` as a reader sees it in the coverage lines."""
    names = {"questions": _("questions"), "answers": _("answers"), "knock-outs": _("knock-outs"), "bands": _("bands")}
    return names[kind]


@dataclass(frozen=True)
class Coverage:
    """What the cases exercise; an item is a question id, ``question=value``, or a verdict band."""

    items: dict[str, tuple[str, ...]]
    missing: dict[str, tuple[str, ...]]

    @property
    def total(self) -> int:
        return sum(len(v) for v in self.items.values())

    @property
    def covered(self) -> int:
        return self.total - sum(len(v) for v in self.missing.values())

    @property
    def percent(self) -> float:
        return 100.0 * self.covered / self.total if self.total else 100.0


def coverage(book: Rulebook, assessments: Iterable[Assessment]) -> Coverage:
    """Answered (and asked) questions and values, knock-outs that fired, and score bands reached."""
    scoring = [q for q in book.questions if q.scores]
    items = {
        "questions": tuple(q.id for q in scoring),
        "answers": tuple(f"{q.id}={a.value}" for q in scoring for a in q.answers),
        "knock-outs": tuple(f"{q.id}={a.value}" for q in scoring for a in q.answers if a.knockout),
        "bands": tuple(v.value for v in Verdict),
    }
    seen: set[str] = set()
    for a in assessments:
        skipped = set(a.skipped)
        for qid, stored in a.answers:
            question = book.question_by_id[qid]
            if qid in skipped or not question.scores or stored is None:
                continue
            value = question.band(float(stored)).value if question.type == "number" else stored
            seen |= {qid, f"{qid}={value}"}
        seen |= {f"{k.question}={k.answer}" for k in a.knockouts}
        seen.add(a.score_verdict.value)
    missing = {kind: tuple(i for i in items[kind] if i not in seen) for kind in KINDS}
    return Coverage(items, missing)


@dataclass(frozen=True)
class Suite:
    """All cases of one rulebook, run."""

    path: str
    book: Rulebook
    results: tuple[Result, ...]
    problems: tuple[Problem, ...] = ()  # cases that could not be read at all
    coverage: Coverage = field(default_factory=lambda: Coverage({}, {}))

    def count(self, status: Status) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def failed(self) -> bool:
        return bool(self.problems) or any(r.failed for r in self.results)

    def summary(self) -> str:
        errors = self.count("error") + len(self.problems)
        passed, failed, todo, fixed = (self.count(status) for status in ("pass", "fail", "todo", "fixed"))
        counted = (
            (passed, _n("{n} passed", "{n} passed", passed)),
            (failed, _n("{n} failed", "{n} failed", failed)),
            (errors, _n("{n} error", "{n} errors", errors)),
            (todo, _n("{n} todo", "{n} todo", todo)),
            (fixed, _n("{n} todo now passing", "{n} todo now passing", fixed)),
        )
        shown = [text for n, text in counted if n] or [_("no cases")]
        return _("{path}: {cases}: {results}", path=self.path,
                 cases=_n("{n} case", "{n} cases", len(self.results)), results=", ".join(shown))

    def agreement(self) -> str:
        """How many cases got a verdict they accept: the figure a rulebook change is judged by."""
        agree, total = sum(r.agrees for r in self.results), len(self.results)
        share = 100.0 * agree / total if total else 100.0
        return _("{path}: verdicts agree in {agree} of {total} cases ({percent}%)", path=self.path, agree=agree,
                 total=total, percent=number(share, 1))

    def coverage_lines(self) -> list[str]:
        c = self.coverage
        counts = ", ".join(f"{kind_name(k)} {len(c.items[k]) - len(c.missing[k])}/{len(c.items[k])}" for k in KINDS)
        lines = [_("{path}: coverage {percent}% ({counts})", path=self.path, percent=number(c.percent, 1),
                   counts=counts)]
        lines += [
            "  " + _("not exercised: {kind}: {items}", kind=kind_name(k), items=", ".join(c.missing[k]))
            for k in KINDS
            if c.missing[k]
        ]
        return lines


def run(path: Path) -> Suite:
    """Load the rulebook at ``path`` and run its cases; raises ``InputError`` if the rulebook cannot be used."""
    doc = safeyaml.load(path)
    book = parse_rulebook(doc)
    found, problems = collect(path, doc, book.id)
    results = tuple(run_case(book, c) for c in found)
    ran = [a for r in results if r.assessment is not None for a in (r.assessment, *r.alternatives)]
    bad = tuple(cp.problem for cp in problems)
    return Suite(str(path), book, results, bad, coverage(book, ran))


@dataclass(frozen=True)
class CaseRun:
    """Every rulebook's suite, and the rulebooks that could not be loaded at all."""

    suites: tuple[Suite, ...]
    broken: tuple[Problem, ...]

    def below(self, min_coverage: float | None) -> list[Suite]:
        return [s for s in self.suites if min_coverage is not None and s.coverage.percent < min_coverage]

    def exit_code(self, min_coverage: float | None = None) -> int:
        if self.broken:
            return 3
        return 1 if any(s.failed for s in self.suites) or self.below(min_coverage) else 0

    def to_text(self, min_coverage: float | None = None) -> str:
        lines = [str(p) for p in self.broken]
        for suite in self.suites:
            lines += [str(p) for p in suite.problems]
            lines += [r.line() for r in suite.results if r.status != "pass"]
            lines += [suite.summary(), suite.agreement(), *suite.coverage_lines()]
        lines += [
            _("{path}: coverage {percent}% is below --min-coverage {minimum}%",
              path=s.path, percent=number(s.coverage.percent, 1), minimum=figure(min_coverage or 0))
            for s in self.below(min_coverage)
        ]
        return "\n".join(lines) + "\n"


def run_paths(paths: Iterable[Path]) -> CaseRun:
    books, broken = rulebooks_for(paths)
    suites: list[Suite] = []
    for path in books:
        try:
            suites.append(run(path))
        except InputError as exc:
            broken.extend(exc.problems)
    return CaseRun(tuple(suites), tuple(broken))


def junit_xml(suites: Sequence[Suite]) -> bytes:
    """JUnit XML, the one report format every CI system reads: a test suite per rulebook, a test per case."""
    root = ET.Element("testsuites", name="clientscreen rules test")
    for suite in suites:
        node = ET.SubElement(
            root,
            "testsuite",
            name=suite.path,
            tests=str(len(suite.results)),
            failures=str(suite.count("fail")),
            errors=str(suite.count("error") + len(suite.problems)),
            skipped=str(suite.count("todo")),
        )
        for result in suite.results:
            place = result.case.place
            case = ET.SubElement(node, "testcase", name=result.name, classname=suite.book.id, file=place.path)
            if place.line:
                case.set("line", str(place.line))
            if result.status == "fail":
                ET.SubElement(case, "failure", message="; ".join(result.mismatches)).text = result.line()
            elif result.status == "error":
                ET.SubElement(case, "error", message=result.line()).text = result.line()
            elif result.status == "todo":
                ET.SubElement(case, "skipped", message=_("todo: {mismatches}", mismatches="; ".join(result.mismatches)))
        for problem in suite.problems:
            case = ET.SubElement(node, "testcase", name=f"{problem.path}:{problem.line or 0}", classname=suite.book.id)
            ET.SubElement(case, "error", message=str(problem))
    ET.indent(root)
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True)) + b"\n"


def json_schema() -> dict[str, Any]:
    """The rulebook's JSON Schema for editors, with the ``cases:`` key the loader allows beside the model."""
    out = schema.Rulebook.model_json_schema(by_alias=True)
    out["properties"].pop("digest", None)  # set by the loader, never written
    case_schema = CaseModel.model_json_schema(by_alias=True, ref_template="#/$defs/{model}")
    defs = out.setdefault("$defs", {})
    defs.update(case_schema.pop("$defs", {}))
    defs["Case"] = case_schema
    defs["LocalText"] = LOCALIZED_SCHEMA
    out = _shared(out, LOCALIZED_SCHEMA, "#/$defs/LocalText")
    out["properties"]["cases"] = {
        "description": "Golden cases run by 'clientscreen rules test'",
        "type": "array",
        "items": {"$ref": "#/$defs/Case"},
    }
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **out}


def _shared(node: Any, part: dict[str, Any], ref: str) -> Any:
    """``node`` with every copy of ``part`` replaced by a reference to it (written once, in $defs).

    Pydantic puts a field's own description into the copy it makes: that is kept beside the reference.
    """
    core = {k: v for k, v in part.items() if k != "description"}

    def swap(value: Any) -> Any:
        if isinstance(value, dict) and {k: v for k, v in value.items() if k != "description"} == core:
            own = value.get("description")
            return {"$ref": ref, **({"description": own} if own and own != part.get("description") else {})}
        return _shared(value, part, ref)

    if isinstance(node, dict):
        return {k: v if k == "LocalText" else swap(v) for k, v in node.items()}
    if isinstance(node, list):
        return [swap(v) for v in node]
    return node
