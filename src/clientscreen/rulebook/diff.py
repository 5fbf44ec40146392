"""The impact of a rulebook edit: re-score real prospects under the old and the new rulebook, side by side.

A reviewer cannot see from a diff of weights what happens to the clients in the
pipeline. Here every prospect is scored under both rulebooks; the result says how
many verdicts moved (a matrix), and for each prospect that moved, by how much and
which answers are responsible: those whose points or knock-out differ between the
two rulebooks. OLD and NEW may be files or git revisions (``HEAD~1:rules/default.yaml``),
so the same command serves a working copy and a pull request.

A CSV export is streamed: each row is scored under both rulebooks by the compiled
batch scorer (``batch.compiled``, held equal to ``assess`` by its tests), and only a
row whose verdict moved, or that one side cannot score, gets the full assessment
that names the answers responsible. Memory holds the changed prospects, not all.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeGuard

from clientscreen.answers import UNKNOWN, Given
from clientscreen.errors import InputError, Problem
from clientscreen.i18n import _, _n
from clientscreen.rulebook import safeyaml
from clientscreen.rulebook.model import Rulebook, Verdict, parse_rulebook
from clientscreen.scoring import AnswersInvalid, Assessment, assess, parse_answers
from clientscreen.textsafe import markdown, one_line

VERDICTS = ("take", "negotiate", "decline", "error")
GIT_TIMEOUT = 30


def verdict_name(verdict: str) -> str:
    """One of ``VERDICTS`` as a reader of the text and Markdown sees it; JSON keeps the value itself."""
    if verdict in Verdict.__members__.values():
        return Verdict(verdict).shown
    return _("error") if verdict == "error" else verdict


def is_revision(spec: str) -> bool:
    """``REV:path`` unless a file by that name exists (a file always wins)."""
    return ":" in spec and not Path(spec).exists()


def git_show(spec: str, *, missing_ok: bool = False) -> str | None:
    """The text of ``REV:path`` in the repository of the current folder, via ``git show``."""
    if spec.startswith("-"):
        raise InputError([Problem(spec, _("a git revision cannot start with '-'"))])
    try:
        done = subprocess.run(  # noqa: S603 - fixed program, no shell, spec cannot be an option
            ["git", "show", "--no-textconv", spec],  # noqa: S607 - git from PATH, as the user runs it
            capture_output=True,
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        raise InputError([Problem(spec, _("git is not installed; give the old rulebook as a file"))]) from None
    except subprocess.TimeoutExpired:
        raise InputError([Problem(spec, _("git did not answer within {seconds} s", seconds=GIT_TIMEOUT))]) from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = message[0].removeprefix("fatal: ") if message else _("git exited with {code}", code=done.returncode)
        if missing_ok and ("does not exist in" in reason or "exists on disk, but not in" in reason):
            return None
        raise InputError([Problem(spec, _("git cannot read it: {reason}", reason=reason))])
    if len(done.stdout) > safeyaml.MAX_BYTES:
        raise InputError([Problem(spec, _("is larger than {size} KiB", size=safeyaml.MAX_BYTES // 1024))])
    try:
        return done.stdout.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError([Problem(spec, _("is not UTF-8 text"))]) from None


def load_document(spec: str) -> safeyaml.Document:
    """A rulebook's document from a file or a git revision; errors name the spec as the user wrote it."""
    if not is_revision(spec):
        return safeyaml.load(Path(spec))
    text = git_show(spec)
    assert text is not None  # noqa: S101 - missing_ok is False, so git_show raised instead
    if spec.lower().endswith(".json"):
        return safeyaml.parse_json(text, spec)
    return safeyaml.parse_yaml(text, spec)


def check_old(spec: str) -> None:
    """Make sure ``rules check --old`` names something: a file, a readable REV:PATH, or a revision here.

    Found missing only while linting, it was a warning and exit 0, so a CI step with a wrong
    ``--old`` (no repository, a typo, a shallow clone) silently stopped checking versions.
    """
    if Path(spec).is_file():
        return
    if is_revision(spec):
        load_document(spec)
        return
    if spec.startswith("-"):
        raise InputError([Problem(spec, _("a git revision cannot start with '-'"))])
    try:
        done = subprocess.run(  # noqa: S603 - fixed program, no shell, spec cannot be an option
            ["git", "rev-parse", "--verify", "--quiet", f"{spec}^{{commit}}"],  # noqa: S607 - git from PATH
            capture_output=True,
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except (FileNotFoundError, subprocess.TimeoutExpired):
        done = None
    if done is None or done.returncode != 0:
        raise InputError([Problem(spec, _("--old: neither a file nor a git revision of the repository here"))])


def load_rulebook(spec: str) -> Rulebook:
    return parse_rulebook(load_document(spec))


@dataclass(frozen=True)
class Prospect:
    key: str  # the id column or the file name
    name: str
    where: str  # file (and line) it came from
    answers: Mapping[str, object]


def read_prospects(path: Path) -> tuple[list[Prospect], list[Problem]]:
    """Prospects from a CSV export (as ``score`` reads it) or a folder of answers files."""
    if path.is_dir():
        return _read_folder(path)
    return _read_csv(path)


def _read_folder(folder: Path) -> tuple[list[Prospect], list[Problem]]:
    from clientscreen.interview import answersfile

    prospects: list[Prospect] = []
    problems: list[Problem] = []
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".yaml", ".yml", ".json") and p.is_file())
    for file in files:
        try:
            loaded = answersfile.load(file)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        prospects.append(Prospect(file.stem, loaded.file.prospect.name, str(file), dict(loaded.file.answers)))
    if not files:
        problems.append(Problem(str(folder), _("holds no answers files (*.yaml, *.yml, *.json)")))
    return prospects, problems


def _read_csv(path: Path) -> tuple[list[Prospect], list[Problem]]:
    """Through ``csvinput``, the reader ``clientscreen score`` uses: same encodings, delimiters and errors."""
    from clientscreen.batch.read import RowError, open_csv

    table = open_csv(str(path))
    prospects: list[Prospect] = []
    problems: list[Problem] = []
    try:
        keys = [h.strip().casefold() for h in table.header]
        for row in table.rows():
            if isinstance(row, RowError):
                problems.append(Problem(table.name, row.message, row.line, row.column))
                continue
            line, cells = row
            values = dict(zip(keys, cells, strict=True))
            key = values.pop("id", "").strip() or f"line {line}"
            name = values.pop("name", "").strip() or key
            prospects.append(Prospect(key, name, f"{table.name}:{line}", values))
    finally:
        table.close()
    return prospects, problems


@dataclass(frozen=True)
class Outcome:
    """A prospect under one rulebook: the assessment, or why it could not be scored."""

    assessment: Assessment | None
    given: Mapping[str, Given]
    error: str | None = None

    @property
    def verdict(self) -> str:
        return self.assessment.verdict.value if self.assessment else "error"

    @property
    def score(self) -> int | None:
        return self.assessment.score if self.assessment else None


def outcome(book: Rulebook, answers: Mapping[str, object]) -> Outcome:
    """Score ``answers``, ignoring questions the rulebook does not have (one side may have dropped them)."""
    known = {k: v for k, v in answers.items() if k in book.question_by_id}
    try:
        given = parse_answers(book, known)
    except AnswersInvalid as exc:
        return Outcome(None, {}, str(exc))
    return Outcome(assess(book, given), given)


@dataclass(frozen=True)
class Effect:
    """How an answer counts under one rulebook, or why it does not count at all (``state``)."""

    points: int = 0
    knockout: str | None = None
    state: str | None = None  # "not in the rulebook", "not scored", "skipped" or "unknown", as JSON writes it

    def __str__(self) -> str:
        """The text the JSON output carries: the same in every language."""
        if self.state is not None:
            return self.state
        text = f"{self.points:+d}" if self.points else "0"
        return f"{text}, knock-out {self.knockout}" if self.knockout else text

    def shown(self) -> str:
        """The text a reader of the text and Markdown output sees, in the active language."""
        if self.state is not None:
            states = {
                "not in the rulebook": _("not in the rulebook"),
                "not scored": _("not scored"),
                "skipped": _("skipped"),
                "unknown": _("unknown"),
            }
            return states.get(self.state, self.state)
        points = f"{self.points:+d}" if self.points else "0"
        if self.knockout:
            return _("{points}, knock-out {verdict}", points=points, verdict=verdict_name(self.knockout))
        return points


@dataclass(frozen=True)
class Cause:
    """An answer that counts differently under the two rulebooks; ``old`` and ``new`` are the JSON's texts."""

    question: str
    answer: str | int | float | None
    old: str
    new: str
    effects: tuple[Effect, Effect] | None = field(default=None, compare=False, repr=False)

    def shown(self) -> tuple[str, str]:
        """``old`` and ``new`` as a reader sees them, in the active language."""
        if self.effects is None:
            return self.old, self.new
        return self.effects[0].shown(), self.effects[1].shown()


def _effect(book: Rulebook, result: Outcome, qid: str) -> Effect:
    question = book.question_by_id.get(qid)
    if question is None:
        return Effect(state="not in the rulebook")
    if result.assessment is None:
        return Effect(state="not scored")
    if qid in result.assessment.skipped:
        return Effect(state="skipped")
    option = result.given.get(qid, UNKNOWN).option
    if option is None or not question.scores:
        return Effect(state="unknown")
    return Effect(option.points, option.knockout)


def causes(old_book: Rulebook, new_book: Rulebook, old: Outcome, new: Outcome) -> tuple[Cause, ...]:
    dropped = [q.id for q in old_book.questions if q.id not in new_book.question_by_id]
    order = [q.id for q in new_book.questions] + dropped
    found = []
    for qid in order:
        before, after = _effect(old_book, old, qid), _effect(new_book, new, qid)
        if (before.points, before.knockout) != (after.points, after.knockout):
            given = new.given.get(qid) or old.given.get(qid)
            found.append(Cause(qid, given.stored() if given else None, str(before), str(after), (before, after)))
    return tuple(found)


@dataclass(frozen=True)
class Side:
    """What a change shows of one rulebook's outcome: kept without the assessment it came from, so a diff
    that moves thousands of verdicts holds a few fields each, not every answer's explanation."""

    verdict: str
    score: int | None
    error: str | None
    floors: tuple[tuple[str, str, int], ...]  # (client type, floor verdict, red points) per floor reached

    @classmethod
    def of(cls, outcome: Outcome) -> Side:
        reached = outcome.assessment.floors if outcome.assessment else ()
        return cls(outcome.verdict, outcome.score, outcome.error,
                   tuple((f.category, f.floor.value, f.points) for f in reached))


@dataclass(frozen=True)
class Change:
    prospect: Prospect
    old: Side
    new: Side
    causes: tuple[Cause, ...]

    @classmethod
    def of(cls, prospect: Prospect, old_book: Rulebook, new_book: Rulebook, old: Outcome, new: Outcome) -> Change:
        shown = Prospect(prospect.key, prospect.name, prospect.where, {})  # the causes name the answers that matter
        return cls(shown, Side.of(old), Side.of(new), causes(old_book, new_book, old, new))

    @property
    def delta(self) -> int | None:
        if self.old.score is None or self.new.score is None:
            return None
        return self.new.score - self.old.score

    def floors(self) -> list[str]:
        """Client types whose floor differs between the two sides: a verdict may flip on a floor alone."""
        def reached(side: Side) -> dict[str, tuple[str, int]]:
            return {category: (floor, points) for category, floor, points in side.floors}

        before, after = reached(self.old), reached(self.new)
        out = []
        for category in dict.fromkeys([*before, *after]):
            if before.get(category) == after.get(category):
                continue
            old = (_("floor {verdict} at {points} red points", verdict=verdict_name(before[category][0]),
                     points=before[category][1]) if category in before else _("no floor"))
            new = (_("floor {verdict} at {points} red points", verdict=verdict_name(after[category][0]),
                     points=after[category][1]) if category in after else _("no floor"))
            out.append(_("client type {category}: {old} -> {new}", category=category, old=old, new=new))
        return out


@dataclass(frozen=True)
class Impact:
    old_label: str
    new_label: str
    old_book: Rulebook
    new_book: Rulebook
    total: int
    matrix: dict[tuple[str, str], int]
    changes: tuple[Change, ...]  # verdict changed
    score_only: int  # same verdict, different score
    problems: tuple[Problem, ...]

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    def _threshold_change(self) -> str | None:
        a, b = self.old_book.thresholds, self.new_book.thresholds
        if a == b:
            return None
        return _("negotiate {old_negotiate} -> {new_negotiate}, decline {old_decline} -> {new_decline}",
                 old_negotiate=a.negotiate, new_negotiate=b.negotiate, old_decline=a.decline, new_decline=b.decline)

    def thresholds_note(self) -> str | None:
        change = self._threshold_change()
        return None if change is None else _("thresholds: {change}", change=change)


def compare(
    old_label: str, old_book: Rulebook, new_label: str, new_book: Rulebook, prospects: Iterable[Prospect],
    problems: Iterable[Problem] = (),
) -> Impact:
    quick = _Quick(old_book, new_book)
    scored = (ranks if _one_band(ranks := quick(p.answers)) else p for p in prospects)
    return _impact(old_label, old_book, new_label, new_book, scored, problems)


_Ranks = tuple[tuple[int, int], tuple[int, int]]  # (verdict rank, score) under the old and the new rulebook


def _one_band(ranks: _Ranks | None) -> TypeGuard[_Ranks]:
    """Whether the compiled scorers put a prospect in the same band under both rulebooks."""
    return ranks is not None and ranks[0][0] == ranks[1][0]


def _impact(
    old_label: str, old_book: Rulebook, new_label: str, new_book: Rulebook,
    scored: Iterable[_Ranks | Prospect], problems: Iterable[Problem],
) -> Impact:
    """The matrix and the changes: a prospect the compiled scorers put in one band under both rulebooks comes as
    its ranks alone and is counted as it is; any other comes whole and gets the full assessment that names the
    answers responsible. ``problems`` is read once ``scored`` is used up, so a reader may add to it as it goes."""
    matrix: dict[tuple[str, str], int] = {}
    changes: list[Change] = []
    score_only = total = 0
    for p in scored:
        total += 1
        if not isinstance(p, Prospect):
            verdict = _RANKED[p[0][0]]
            matrix[verdict, verdict] = matrix.get((verdict, verdict), 0) + 1
            score_only += p[0][1] != p[1][1]
            continue
        old, new = outcome(old_book, p.answers), outcome(new_book, p.answers)
        matrix[old.verdict, new.verdict] = matrix.get((old.verdict, new.verdict), 0) + 1
        if old.verdict != new.verdict:
            changes.append(Change.of(p, old_book, new_book, old, new))
        elif old.score != new.score:
            score_only += 1
    return Impact(old_label, new_label, old_book, new_book, total, matrix, tuple(changes), score_only,
                  tuple(problems))


class _Quick:
    """Both rulebooks' compiled scorers over typed answers (a folder's files, the ledger), as for a CSV row.

    A value is laid out as the cell a CSV would hold for it; only text and whole numbers are, whose
    cell reads back as the same answer. Anything else (a decimal, a boolean, a null) and any answer
    the compiled scorer refuses goes to the full assessment, which names the problem.
    """

    def __init__(self, old_book: Rulebook, new_book: Rulebook) -> None:
        from clientscreen.batch.compiled import Compiled

        self.ids = list(dict.fromkeys([q.id for q in old_book.questions] + [q.id for q in new_book.questions]))
        self.old = Compiled(old_book, self.ids).rank_score
        self.new = Compiled(new_book, self.ids).rank_score

    def __call__(self, answers: Mapping[str, object]) -> _Ranks | None:
        from clientscreen.batch.compiled import CellError

        cells: list[str] = []
        for qid in self.ids:
            if qid not in answers:
                cells.append("")
                continue
            value = answers[qid]
            if type(value) is not str and type(value) is not int:
                return None
            cells.append(str(value))
        try:
            return self.old(cells), self.new(cells)
        except CellError:
            return None


def compare_csv(old_label: str, old_book: Rulebook, new_label: str, new_book: Rulebook, path: Path) -> Impact:
    """``compare`` over a CSV export read as ``clientscreen score`` reads it, row by row."""
    from clientscreen.batch.compiled import CellError, Compiled
    from clientscreen.batch.read import RowError, open_csv

    table = open_csv(str(path))
    problems: list[Problem] = []

    def scored() -> Iterator[_Ranks | Prospect]:
        keys = [h.strip().casefold() for h in table.header]
        id_at, name_at = _last(keys, "id"), _last(keys, "name")
        quick_old, quick_new = Compiled(old_book, table.header).rank_score, Compiled(new_book, table.header).rank_score
        for row in table.rows():
            if isinstance(row, RowError):
                problems.append(Problem(table.name, row.message, row.line, row.column))
                continue
            line, cells = row
            ranks: _Ranks | None
            try:
                ranks = quick_old(cells), quick_new(cells)
            except CellError:
                ranks = None
            if _one_band(ranks):
                yield ranks  # counted without building the prospect
                continue
            # a verdict moved, or a cell is not an answer: the full assessment says why, as for a folder
            values = dict(zip(keys, cells, strict=True))
            key = (cells[id_at].strip() if id_at >= 0 else "") or f"line {line}"
            name = (cells[name_at].strip() if name_at >= 0 else "") or key
            values.pop("id", None)
            values.pop("name", None)
            yield Prospect(key, name, f"{table.name}:{line}", values)

    try:
        return _impact(old_label, old_book, new_label, new_book, scored(), problems)
    finally:
        table.close()


_RANKED = ("take", "negotiate", "decline")  # a verdict by the compiled scorer's rank


def _last(keys: list[str], wanted: str) -> int:
    """Where ``dict(zip(keys, cells))`` takes ``wanted`` from: its last column, or -1."""
    found = [i for i, k in enumerate(keys) if k == wanted]
    return found[-1] if found else -1


def _headline(impact: Impact) -> str:
    moved = len(impact.changes)
    unchanged = impact.total - moved - impact.score_only
    return _(
        "{prospects}: {changed}, {score_only}, {unchanged}",
        prospects=_n("{n} prospect", "{n} prospects", impact.total),
        changed=_n("{n} changed verdict", "{n} changed verdict", moved),
        score_only=_n("{n} changed score only", "{n} changed score only", impact.score_only),
        unchanged=_n("{n} unchanged", "{n} unchanged", unchanged),
    )


def _cells(impact: Impact) -> list[tuple[str, str, int]]:
    return [(a, b, n) for (a, b), n in sorted(impact.matrix.items(), key=lambda kv: _order(kv[0]))]


def _flows(impact: Impact) -> list[tuple[str, str, int]]:
    return [(a, b, n) for a, b, n in _cells(impact) if a != b]


def _order(pair: tuple[str, str]) -> tuple[int, int]:
    return VERDICTS.index(pair[0]), VERDICTS.index(pair[1])


def _used(impact: Impact) -> list[str]:
    seen = {v for pair in impact.matrix for v in pair}
    return [v for v in VERDICTS if v in seen or v != "error"]


def _delta(change: Change) -> str:
    d = change.delta
    if d is None:
        return _("score {old} -> {new}", old=change.old.score, new=change.new.score)
    return _("score {old} -> {new} ({delta:+d})", old=change.old.score, new=change.new.score, delta=d)


def _book(label: str, book: Rulebook) -> str:
    return f"{label} ({book.id} {book.version})"


def to_text(impact: Impact) -> str:
    old, new = _book(impact.old_label, impact.old_book), _book(impact.new_label, impact.new_book)
    lines = [_("rules diff: {old} -> {new}", old=old, new=new)]
    note = impact.thresholds_note()
    if note:
        lines.append(note)
    lines += [_headline(impact), ""]
    used = _used(impact)
    names = {v: verdict_name(v) for v in used}
    corner = _("old \\ new")
    width = max(max(len(n) for n in names.values()) + 4, len(corner) + 1)
    lines.append(corner.ljust(width) + "".join(names[v].rjust(width) for v in used))
    for a in used:
        lines.append(names[a].ljust(width) + "".join(str(impact.matrix.get((a, b), 0)).rjust(width) for b in used))
    flows = _flows(impact)
    if flows:
        moves = (_("{old} to {new}: {count}", old=verdict_name(a), new=verdict_name(b), count=n) for a, b, n in flows)
        lines += ["", "; ".join(moves)]
    for c in impact.changes:
        name = one_line(c.prospect.name)
        who = name if name == c.prospect.key else f"{one_line(c.prospect.key)} ({name})"
        verdicts = f"{verdict_name(c.old.verdict)} -> {verdict_name(c.new.verdict)}"
        lines += ["", f"{who}: {verdicts}, {_delta(c)}  [{c.prospect.where}]"]
        lines += [f"  {x.question} = {one_line(str(x.answer))}: {' -> '.join(x.shown())}" for x in c.causes]
        lines += [f"  {o.error}" for o in (c.old, c.new) if o.error]
        lines += [f"  {f}" for f in c.floors()]
        if not c.causes and not c.floors() and not (c.old.error or c.new.error):
            reason = note or _("the thresholds moved")
            lines.append("  " + _("no answer counts differently: {reason}", reason=reason))
    return "\n".join(lines) + "\n"


def to_markdown(impact: Impact) -> str:
    """A pull-request comment: the matrix as a table, each changed prospect as a list item."""
    old, new = impact.old_book, impact.new_book
    lines = [
        _("### Rulebook impact: `{old_id} {old_version}` -> `{new_id} {new_version}`",
          old_id=old.id, old_version=old.version, new_id=new.id, new_version=new.version),
        "",
        _("Old: {old}, new: {new}. {headline}.",
          old=markdown(impact.old_label), new=markdown(impact.new_label), headline=_headline(impact)),
    ]
    change = impact._threshold_change()
    if change:
        lines += ["", _("**Thresholds changed**: {change}", change=change)]
    used = _used(impact)
    names = {v: verdict_name(v) for v in used}
    heading = "| " + _("old \\ new") + " | " + " | ".join(names[v] for v in used) + " |"
    lines += ["", heading, "|---|" + "---:|" * len(used)]
    for a in used:
        cells = [str(impact.matrix.get((a, b), 0)) for b in used]
        cells = [f"**{c}**" if a != b and c != "0" else c for b, c in zip(used, cells, strict=True)]
        lines.append(f"| {names[a]} | " + " | ".join(cells) + " |")
    if impact.changes:
        lines += ["", _("#### Changed verdicts"), ""]
    for c in impact.changes:
        lines.append(
            f"- **{markdown(c.prospect.name)}** ({markdown(c.prospect.key)}): {verdict_name(c.old.verdict)} -> "
            f"**{verdict_name(c.new.verdict)}**, {_delta(c)}"
        )
        lines += [
            f"  - `{x.question}` = {markdown(str(x.answer))}: {' -> '.join(x.shown())}"
            for x in c.causes
        ]
        lines += [f"  - {markdown(o.error)}" for o in (c.old, c.new) if o.error]
        lines += [f"  - {markdown(f)}" for f in c.floors()]
    return "\n".join(lines) + "\n"


def to_dict(impact: Impact) -> dict[str, Any]:
    def side(label: str, book: Rulebook) -> dict[str, Any]:
        return {"source": label, "id": book.id, "version": book.version, "hash": book.digest,
                "thresholds": {"negotiate": book.thresholds.negotiate, "decline": book.thresholds.decline}}

    return {
        "old": side(impact.old_label, impact.old_book),
        "new": side(impact.new_label, impact.new_book),
        "prospects": impact.total,
        "changed": len(impact.changes),
        "score_only": impact.score_only,
        "matrix": [{"old": a, "new": b, "count": n} for a, b, n in _cells(impact)],
        "changes": [
            {
                "id": c.prospect.key,
                "name": c.prospect.name,
                "source": c.prospect.where,
                "old": {"verdict": c.old.verdict, "score": c.old.score, "error": c.old.error},
                "new": {"verdict": c.new.verdict, "score": c.new.score, "error": c.new.error},
                "delta": c.delta,
                "causes": [{"question": x.question, "answer": x.answer, "old": x.old, "new": x.new} for x in c.causes],
            }
            for c in impact.changes
        ],
        "problems": [str(p) for p in impact.problems],
    }


def to_json(impact: Impact) -> str:
    return json.dumps(to_dict(impact), ensure_ascii=False, indent=2) + "\n"
