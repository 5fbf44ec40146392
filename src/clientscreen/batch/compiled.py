"""Scoring a whole CSV export: the rulebook compiled once into per-column lookups.

``scoring.assess`` builds a full assessment (levers included), which is right for one
prospect and far too slow for a million. Here each column gets a table from cell text
to one integer that packs everything the cell means, filled lazily through the same
``answers.parse`` as every other input. A row is then one ``sum`` over dictionary
lookups, run in C, and a few bit operations. The result must match ``assess`` exactly
on verdict, score, coverage, provisional, red flags and knock-outs; a property test
holds the two together.

The packed integer, from the low bits up:

* points, plus a base that keeps the field positive (points may be negative);
* the evidence weight of known answers (the numerator of coverage);
* one counter per red-flag category with a guard bit above it: the sum starts each
  counter at ``2**w - 1``, so its guard bit is set exactly when some column raised the
  category, and the guard bits together name the categories a row raised;
* one bit per (column, knock-out answer): a cell holds one answer, so these never
  carry, and together they name the knock-outs that fired, in question order;
* per category with a floor, its red points: plain sums, each wide enough never to carry.

The evidence weight known per client type, which settles a provisional verdict, is not
carried: few rows need it, and each field makes the integer every row adds up wider.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple

from clientscreen.answers import AnswerError, parse
from clientscreen.rulebook.model import Answer, Question, Rulebook, Verdict
from clientscreen.scoring import evidence_weight
from clientscreen.textsafe import csv_cell

CACHE_LIMIT = 8192  # distinct cells remembered per column: numbers vary without end, memory must not
STAKES_KEPT = 16  # weights at stake whose coverage of every known weight is kept (rows share a few)
PATTERN_LIMIT = 4096  # whole red-flag and knock-out patterns remembered; others are put together from parts
FLOOR_GROUP_BITS = 12  # the widest group of floor fields whose patterns are remembered (so at most 4096 of them)
VERDICTS = (Verdict.TAKE, Verdict.NEGOTIATE, Verdict.DECLINE)  # by rank
_VERDICT_TEXT = tuple(v.value for v in VERDICTS)
_FLOOR = {"negotiate": 1, "decline": 2}
_lookup = dict.__getitem__  # honours __missing__ on the tables below, unlike dict.get


class Outcome(NamedTuple):
    """A scored row: what the CSV output shows, and what must equal ``scoring.assess``."""

    verdict: Verdict
    score: int
    coverage: float
    provisional: bool
    red_flags: tuple[str, ...]  # categories that raised a red flag (points > 0), in the rulebook's category order
    knockouts: tuple[str, ...]  # the category of each knock-out that fired, in question order, as ``assess`` has them


class CellError(ValueError):
    """A cell that is not an answer to its column's question; ``column`` is its 0-based index in the row."""

    def __init__(self, column: int, question: str, message: str) -> None:
        super().__init__(f"{question}: {message}")
        self.column = column


class _Table(dict[str, int]):
    """Cell text -> packed meaning. A cell not seen yet goes through the shared parser once, then is kept."""

    __slots__ = ("meaning",)

    def __init__(self, meaning: Callable[[str], int]) -> None:
        super().__init__({"": 0})
        self.meaning = meaning

    def __missing__(self, cell: str) -> int:
        packed = self.meaning(cell)
        if len(self) < CACHE_LIMIT:
            self[cell] = packed
        return packed


class _Values(dict[str, object]):
    """Cell text -> the answer's value (None: unknown), for a question that others' skip logic reads."""

    __slots__ = ("value",)

    def __init__(self, value: Callable[[str], object]) -> None:
        super().__init__({"": None})
        self.value = value

    def __missing__(self, cell: str) -> object:
        value = self.value(cell)
        if len(self) < CACHE_LIMIT:
            self[cell] = value
        return value


@dataclass(frozen=True, slots=True)
class _Skip:
    """A question with skip logic; these are checked in rulebook order, as ``scoring`` does."""

    position: int  # in rulebook.questions
    parent: int  # position of the ask_if question
    parent_values: _Values | None  # None: the parent has no column, so it is unknown and never skips
    parent_at: int  # the parent's index in the row
    allowed: frozenset[str | int]
    table: _Table | None  # the question's own table, when it scores and has a column
    at: int  # its index in the row
    weight: int  # its evidence weight (0 for notes)
    kind: str  # its category, whose stake it leaves when skipped


def _single(at: int) -> Callable[[Sequence[str]], Sequence[str]]:
    return lambda row: (row[at],)


def _skips(values: _Values, allowed: frozenset[str | int]) -> Callable[[str], object]:
    """Cell text -> whether the questions asked only for ``allowed`` answers of this parent are skipped."""

    def skips(cell: str) -> object:
        value = values[cell]
        return value is not None and value not in allowed

    return skips


def _merged(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    """The weight skipped per client type of two sets of skipped questions, in a new mapping."""
    merged = dict(a)
    for kind, weight in b.items():
        merged[kind] = merged.get(kind, 0) + weight
    return merged


def _category(question: Question, answer: Answer) -> str:
    return answer.category or question.category or ""


class Compiled:
    """A rulebook ready to score rows laid out as ``header`` (each row as long as the header)."""

    def __init__(self, rulebook: Rulebook, header: Sequence[str], *, decimal: str | None = None) -> None:
        self.rulebook = rulebook
        self.decimal = decimal
        positions: dict[str, int] = {}
        for i, name in enumerate(header):
            positions.setdefault(name.strip().casefold(), i)
        questions = rulebook.questions
        where = [positions.get(q.id.casefold(), -1) for q in questions]
        self._where = where
        scoring = [i for i, q in enumerate(questions) if q.scores]
        #: Question ids with no column: unknown in every row.
        self.missing = [questions[i].id for i in scoring if where[i] < 0]
        present = [i for i in scoring if where[i] >= 0]
        weights = [evidence_weight(rulebook, q) if q.scores else 0 for q in questions]
        self._weights = weights
        self._base_stake = sum(weights[i] for i in scoring)

        # The fields of the packed integer (see the module's docstring).
        low = sum(min(0, *(a.points for a in questions[i].answers)) for i in present)
        high = sum(max(0, *(a.points for a in questions[i].answers)) for i in present)
        self._points_base = -low
        self._points_mask = (1 << (high - low).bit_length()) - 1
        self._weight_at = (high - low).bit_length()
        self._weight_mask = (1 << self._base_stake.bit_length()) - 1
        at = self._weight_at + self._base_stake.bit_length()
        raisers: dict[str, int] = {}  # red category -> how many present columns can raise it
        for i in present:
            for category in dict.fromkeys(_category(questions[i], a) for a in questions[i].answers if a.points > 0):
                raisers[category] = raisers.get(category, 0) + 1
        self._red_at: dict[str, int] = {}
        self._guard_of: list[tuple[int, str]] = []  # (guard bit, category), in the rulebook's category order
        start = guards = 0
        for category in [c.id for c in rulebook.categories if c.id in raisers]:
            width = raisers[category].bit_length()
            self._red_at[category] = at
            start |= ((1 << width) - 1) << at
            guards |= 1 << (at + width)
            self._guard_of.append((at + width, category))
            at += width + 1
        self._guards = guards
        # Every combination of each eight categories, precomputed with its texts (the ids, and the titles before
        # quoting): a pattern not remembered whole is put together from a lookup per eight categories.
        #: Category titles in the active language: CSV output names flags for people, beside their ids.
        self.titles = {c.id: c.title.get() for c in rulebook.categories}
        self._red_parts: list[tuple[int, dict[int, tuple[tuple[str, ...], str, str]]]] = []
        for n in range(0, len(self._guard_of), 8):
            group = self._guard_of[n : n + 8]
            mask = sum(1 << bit for bit, _category_id in group)
            table: dict[int, tuple[tuple[str, ...], str, str]] = {}
            for m in range(1 << len(group)):
                chosen = tuple(g for k, g in enumerate(group) if m >> k & 1)
                names = tuple(c for _bit, c in chosen)
                table[sum(1 << bit for bit, _category_id in chosen)] = (names, ";".join(names), self._titled(names))
            self._red_parts.append((mask, table))
        # Red points of each category with a floor, and known weight per category (see the docstring).
        self._floor_fields: list[tuple[int, int, str, int | None, int | None]] = []  # (at, mask, id, neg, dec)
        self._floor_at: dict[str, int] = {}
        for c in rulebook.categories:
            if c.floor is None:
                continue
            most = sum(max([0, *(a.points for a in questions[i].answers if _category(questions[i], a) == c.id)])
                       for i in present)
            if most <= 0:
                continue
            width = most.bit_length()
            self._floor_at[c.id] = at
            self._floor_fields.append((at, (1 << width) - 1, c.id, c.floor.negotiate, c.floor.decline))
            at += width
        #: The bits of the packed sum that hold the red points of the categories with a floor.
        self.floor_mask = sum(mask << at for at, mask, *_rest in self._floor_fields)
        # The floor fields a few at a time (at most FLOOR_GROUP_BITS wide): what each group's red points reach,
        # remembered per group, so a pattern of all of them not remembered whole is a lookup per group.
        self._floor_groups: list[tuple[int, int, list[tuple[int, int, str, int | None, int | None]],
                                       dict[int, tuple[list[tuple[str, int]], int]]]] = []
        for field in self._floor_fields:
            if self._floor_groups:
                first, _mask, fields, _table = self._floor_groups[-1]
                end = field[0] + field[1].bit_length()
                if end - first <= FLOOR_GROUP_BITS:
                    fields.append(field)
                    self._floor_groups[-1] = (first, (1 << (end - first)) - 1, fields, {})
                    continue
            self._floor_groups.append((field[0], field[1], [field], {}))
        # Rows share few patterns of red points per client type: the floors each pattern reaches, remembered.
        self._floors: dict[int, tuple[list[tuple[str, int]], int]] = {}
        self._kind_stake: dict[str, int] = {}
        for i in scoring:
            kind = questions[i].category or ""
            self._kind_stake[kind] = self._kind_stake.get(kind, 0) + weights[i]
        #: Where the knock-out bits of the packed sum start: above it, a bit per knock-out that can fire.
        self.knockout_at = at
        self._knockout_bit: dict[tuple[int, int], int] = {}  # (question position, answer index) -> bit
        self._knockout_of: list[tuple[str, int]] = []  # bit -> (category, floor rank)
        self._knockout_question: list[int] = []  # bit -> question position
        for i in present:
            for k, a in enumerate(questions[i].answers):
                if a.knockout:
                    self._knockout_bit[(i, k)] = len(self._knockout_of)
                    self._knockout_question.append(i)
                    self._knockout_of.append((_category(questions[i], a), _FLOOR[a.knockout]))
        self._start = self._points_base + start
        # The knock-out bits a byte at a time: for byte k and value b, the highest floor rank and the categories of
        # the knock-outs those bits stand for, with their texts (the ids, and the titles before quoting).
        self._knockout_bytes: list[list[tuple[int, tuple[str, ...], str, str]]] = []
        for k in range((len(self._knockout_of) + 7) // 8):
            byte: list[tuple[int, tuple[str, ...], str, str]] = []
            for b in range(256):
                fired = [self._knockout_of[8 * k + i] for i in range(8)
                         if b >> i & 1 and 8 * k + i < len(self._knockout_of)]
                names = tuple(category for category, _floor in fired)
                byte.append((max((floor for _category_id, floor in fired), default=0), names, ";".join(names),
                             self._titled(names)))
            self._knockout_bytes.append(byte)

        # One table per present scoring column; the row's cells are taken in column order, as a slice
        # when the question columns sit side by side (as ``clientscreen template`` lays them out).
        self._tables = {i: _Table(self._meaning(i, weights[i])) for i in present}
        # The known weight per client type is read only to settle a provisional verdict, which few rows need: it
        # is summed from the row then, rather than carried in every row's sum (a wider integer to add up).
        self._kind_questions: dict[str, list[tuple[int, _Table, int, int]]] = {}
        for i in present:
            if weights[i]:
                self._kind_questions.setdefault(questions[i].category or "", []).append(
                    (i, self._tables[i], where[i], weights[i]))
        order = sorted(present, key=lambda i: where[i])
        self._row_tables = [self._tables[i] for i in order]
        self._cells: Callable[[Sequence[str]], Sequence[str]]
        if not order:
            self._cells = lambda row: ()
        elif where[order[-1]] - where[order[0]] + 1 == len(order):
            self._cells = itemgetter(slice(where[order[0]], where[order[-1]] + 1))
        elif len(order) == 1:
            self._cells = _single(where[order[0]])
        else:
            self._cells = itemgetter(*(where[i] for i in order))

        self._skips: list[_Skip] = []
        values: dict[int, _Values] = {}
        for i, q in enumerate(questions):
            if q.ask_if is None:
                continue
            p = next(n for n, other in enumerate(questions) if other.id == q.ask_if.question)
            if where[p] >= 0 and p not in values:
                values[p] = _Values(self._value(p))
            self._skips.append(
                _Skip(i, p, values.get(p), where[p], frozenset(q.ask_if.in_), self._tables.get(i), where[i], weights[i],
                      q.category or "")
            )

        # Without chains (no skipped question decides whether another is asked), the skips by parent and answers
        # allowed: one lookup of the parent's cell says whether all of its group is skipped.
        self._skip_groups: list[tuple[int, _Values, list[tuple[_Table, int]], int, dict[str, int]]] | None
        self._skip_groups = None if any(s.parent in {t.position for t in self._skips} for s in self._skips) else []
        groups: dict[tuple[int, frozenset[str | int]], int] = {}
        for s in self._skips:
            if self._skip_groups is None or s.parent_values is None:
                continue  # a parent with no column is unknown and never skips
            n = groups.setdefault((s.parent, s.allowed), len(self._skip_groups))
            if n == len(self._skip_groups):
                self._skip_groups.append((s.parent_at, _Values(_skips(s.parent_values, s.allowed)), [], 0, {}))
            parent_at, skips, children, weight, kinds = self._skip_groups[n]
            if s.table is not None:
                children.append((s.table, s.at))
            if s.weight:
                kinds[s.kind] = kinds.get(s.kind, 0) + s.weight
            self._skip_groups[n] = (parent_at, skips, children, weight + s.weight, kinds)

        self._negotiate = rulebook.thresholds.negotiate
        self._decline = rulebook.thresholds.decline
        # Coverage by known weight when nothing was skipped (the common case); see _cover.
        self._covers: dict[tuple[int, int], tuple[float, bool, str, str]] = {}
        # Coverage by weight at stake (what skip logic left of it; rows share a few) and known weight, so a row
        # reads its coverage with two lookups.
        self._coverages: dict[int, list[tuple[float, bool, str, str]]] = {}
        self._coverage_at(self._base_stake)
        self._reds: dict[int, tuple[tuple[str, ...], str, str]] = {0: ((), "", "")}
        self._knockouts: dict[int, tuple[int, tuple[str, ...], str, str]] = {0: (0, (), "", "")}
        known = {q.id.casefold() for q in questions}
        self._extra_names = [name for name in header if name.strip().casefold() not in known]

    def extra_columns(self, passed: set[str]) -> list[str]:
        """Header names that are neither questions nor columns the caller uses (id, name, …)."""
        return [n for n in self._extra_names if n.strip().casefold() not in passed and n.strip()]

    # -- compiling cells: the slow path, once per distinct cell ----------------------------------------

    def _packed_answers(self, i: int, weight: int) -> dict[int, int]:
        """What each answer (by its id) of question ``i`` adds to the packed sum of a row."""
        question = self.rulebook.questions[i]
        packed_by_answer: dict[int, int] = {}
        for k, a in enumerate(question.answers):
            packed = a.points + (weight << self._weight_at)
            if a.points > 0:
                packed += 1 << self._red_at[_category(question, a)]
                if _category(question, a) in self._floor_at:
                    packed += a.points << self._floor_at[_category(question, a)]
            if a.knockout:
                packed += 1 << (self.knockout_at + self._knockout_bit[(i, k)])
            packed_by_answer[id(a)] = packed
        return packed_by_answer

    def packed(self, position: int, option: Answer) -> int:
        """What ``option``, an answer to the scoring question at ``position`` in the rulebook, adds to a row's
        packed sum; that question must have a column."""
        if position not in self._tables:
            raise KeyError(self.rulebook.questions[position].id)
        return self._packed_answers(position, self._weights[position])[id(option)]

    def table(self, position: int) -> Callable[[str], int]:
        """Cell text -> what it adds to the packed sum, for the scoring question at ``position`` (it has a
        column); raises ``CellError`` for a cell that is not an answer."""
        return self._tables[position].__getitem__

    def _meaning(self, i: int, weight: int) -> Callable[[str], int]:
        question = self.rulebook.questions[i]
        column = self._where[i]
        bounds = [a.below for a in question.answers if a.below is not None] if question.type == "number" else None
        packed_by_answer = self._packed_answers(i, weight)
        decimal = self.decimal

        def meaning(cell: str) -> int:
            option: Answer | None
            digits = cell.replace(" ", "") if bounds is not None else ""
            if digits.isdigit() and digits.isascii() and len(digits) < 16:  # a whole number: find its band
                option = question.answers[bisect_right(bounds or [], int(digits))]
            else:
                try:
                    option = parse(question, cell, decimal=decimal).option
                except AnswerError as exc:
                    raise CellError(column, question.id, str(exc)) from None
            return 0 if option is None else packed_by_answer[id(option)]

        return meaning

    def _value(self, p: int) -> Callable[[str], object]:
        question = self.rulebook.questions[p]
        column = self._where[p]
        decimal = self.decimal

        def value(cell: str) -> object:
            try:
                option = parse(question, cell, decimal=decimal).option
            except AnswerError as exc:
                raise CellError(column, question.id, str(exc)) from None
            return None if option is None else option.value

        return value

    def _coverage_at(self, at_stake: int) -> list[tuple[float, bool, str, str]]:
        """The coverage of each known weight from 0 to ``at_stake``, kept."""
        found = self._coverages[at_stake] = [self._cover_of(known, at_stake) for known in range(at_stake + 1)]
        return found

    def _cover(self, known: int, at_stake: int) -> tuple[float, bool, str, str]:
        """The coverage of a weight at stake not met before: all of that stake's kept for the first
        ``STAKES_KEPT`` stakes, then remembered one by one."""
        if len(self._coverages) < STAKES_KEPT:
            return self._coverage_at(at_stake)[known]
        key = (known, at_stake)
        found = self._covers.get(key)
        if found is None:
            found = self._cover_of(known, at_stake)
            if len(self._covers) < PATTERN_LIMIT:
                self._covers[key] = found
        return found

    def _cover_of(self, known: int, at_stake: int) -> tuple[float, bool, str, str]:
        """Coverage as ``assess`` computes it (rounded for show, compared unrounded).

        The CSV text comes twice: as it is, and for a row a decline knock-out settled, which
        is never provisional (no answer still to come could change its verdict).
        """
        share = known / at_stake if at_stake else 1.0
        coverage = round(share, 4)
        provisional = share < self.rulebook.min_coverage
        return coverage, provisional, f"{'true' if provisional else 'false'},{coverage}", f"false,{coverage}"

    # -- scoring a row --------------------------------------------------------------------------------

    def named(self, categories: Sequence[str]) -> str:
        """Category ids as one CSV cell of their titles, the way a person reads them in a spreadsheet."""
        return csv_cell(self._titled(categories))

    def _titled(self, categories: Sequence[str]) -> str:
        return "; ".join(self.titles.get(c, c) for c in categories)

    def _red(self, guards: int) -> tuple[tuple[str, ...], str, str]:
        found = self._reds.get(guards)
        if found is None:
            names: tuple[str, ...] = ()
            ids = titles = ""
            for mask, table in self._red_parts:
                if guards & mask:
                    more, more_ids, more_titles = table[guards & mask]
                    if names:
                        names, ids, titles = names + more, f"{ids};{more_ids}", f"{titles}; {more_titles}"
                    else:
                        names, ids, titles = more, more_ids, more_titles
            found = (names, ids, csv_cell(titles))
            if len(self._reds) < PATTERN_LIMIT:
                self._reds[guards] = found
        return found

    def _knockout(self, bits: int) -> tuple[int, tuple[str, ...], str, str]:
        found = self._knockouts.get(bits)
        if found is None:
            parts = []
            rest = bits
            for table in self._knockout_bytes:
                if not rest:
                    break
                if rest & 0xFF:
                    parts.append(table[rest & 0xFF])
                rest >>= 8
            if len(parts) == 1:
                top, names, ids, titles = parts[0]
            else:
                top = max(part[0] for part in parts)
                names = tuple(c for part in parts for c in part[1])
                ids = ";".join(part[2] for part in parts)
                titles = "; ".join(part[3] for part in parts)
            found = (top, names, ids, csv_cell(titles))
            if len(self._knockouts) < PATTERN_LIMIT:
                self._knockouts[bits] = found
        return found

    def score(self, row: Sequence[str]) -> Outcome:
        """Score one row; raises ``CellError`` for a cell that is not an answer."""
        rank, points, coverage, reds, knockouts = self._parts(row)
        return Outcome(VERDICTS[rank], points, coverage[0], coverage[1], reds[0], knockouts[1])

    def scored(self, row: Sequence[str]) -> tuple[Outcome, int]:
        """``score``, and the packed sum it read, from which ``fired`` tells the lever search the rest."""
        totals = self._total(row)
        rank, points, coverage, reds, knockouts = self._parts(row, totals)
        return Outcome(VERDICTS[rank], points, coverage[0], coverage[1], reds[0], knockouts[1]), totals[0]

    def rank_score(self, row: Sequence[str]) -> tuple[int, int]:
        """The verdict's rank and the score only, for comparing two rulebooks row by row."""
        parts = self._parts(row)
        return parts[0], parts[1]

    def csv_fields(self, row: Sequence[str]) -> tuple[int, str]:
        """The verdict's rank and ``verdict,…,red_flags,knockouts,red_flag_ids,knockout_ids`` as CSV text.

        The hot path of ``clientscreen score``: every piece but the score is a string built
        once and reused, and nothing in it can need quoting.
        """
        rank, points, coverage, reds, knockouts = self._parts(row)
        shown = coverage[2] if coverage[1] else coverage[3]
        return rank, f"{_VERDICT_TEXT[rank]},{points},{shown},{reds[2]},{knockouts[3]},{reds[1]},{knockouts[2]}"

    def _parts(
        self, row: Sequence[str], totals: tuple[int, int, dict[str, int] | None] | None = None
    ) -> tuple[int, int, tuple[float, bool, str, str], tuple[tuple[str, ...], str, str],
               tuple[int, tuple[str, ...], str, str]]:
        """Rank, score, coverage, red flags and knock-outs of a row, skip logic applied."""
        total, at_stake, skipped_kinds = totals or self._total(row)
        points = (total & self._points_mask) - self._points_base
        known = (total >> self._weight_at) & self._weight_mask
        by_stake = self._coverages.get(at_stake)
        coverage = self._cover(known, at_stake) if by_stake is None else by_stake[known]
        reds = self._reds.get(total & self._guards) or self._red(total & self._guards)
        bits = total >> self.knockout_at
        knockouts = self._knockouts.get(bits) or self._knockout(bits)
        rank = 2 if points >= self._decline else 1 if points >= self._negotiate else 0
        pattern = total & self.floor_mask
        floors, floor = self._floors.get(pattern) or self._floors_kept(pattern)
        if knockouts[0] > floor:
            floor = knockouts[0]
        if floor > rank:
            rank = floor
        if coverage[1] and (floor == 2 or (floor == rank and self._settled(row, total, rank, knockouts, floors,
                                                                              skipped_kinds))):
            coverage = (coverage[0], False, coverage[3], coverage[3])
        return rank, points, coverage, reds, knockouts

    def rank_of(self, total: int) -> int:
        """The verdict's rank (0 take, 1 negotiate, 2 decline) of a packed sum: its score's band, raised by the
        knock-outs that fired and the floors its client types' red points reach."""
        points = (total & self._points_mask) - self._points_base
        rank = 2 if points >= self._decline else 1 if points >= self._negotiate else 0
        bits = total >> self.knockout_at
        top = (self._knockouts.get(bits) or self._knockout(bits))[0]
        pattern = total & self.floor_mask
        return max(rank, top, (self._floors.get(pattern) or self._floors_kept(pattern))[1])

    def _floors_kept(self, pattern: int) -> tuple[list[tuple[str, int]], int]:
        """``_floors_of`` a pattern not remembered yet, remembered while there is room."""
        found = self._floors_of(pattern)
        if len(self._floors) < PATTERN_LIMIT:
            self._floors[pattern] = found
        return found

    def _floors_of(self, total: int) -> tuple[list[tuple[str, int]], int]:
        """The client types whose red points reach a floor, with the floor's rank, and the highest rank."""
        floors: list[tuple[str, int]] = []
        top = 0
        for at, mask, fields, table in self._floor_groups:
            part = (total >> at) & mask
            found = table.get(part)
            if found is None:
                found = self._reached(fields, total)
                if len(table) < PATTERN_LIMIT:
                    table[part] = found
            if found[1]:
                floors += found[0]
                if found[1] > top:
                    top = found[1]
        return floors, top

    @staticmethod
    def _reached(
        fields: list[tuple[int, int, str, int | None, int | None]], total: int
    ) -> tuple[list[tuple[str, int]], int]:
        floors: list[tuple[str, int]] = []
        for at, mask, category, negotiate, decline in fields:
            red = (total >> at) & mask
            if decline is not None and red >= decline:
                floors.append((category, 2))
            elif negotiate is not None and red >= negotiate:
                floors.append((category, 1))
        return floors, max((f for _category_id, f in floors), default=0)

    def _total(self, row: Sequence[str]) -> tuple[int, int, dict[str, int] | None]:
        """The packed sum of a row's cells and the evidence weight at stake, skip logic applied."""
        total: int = sum(map(_lookup, self._row_tables, self._cells(row)), self._start)
        if self._skip_groups is None:
            return self._chained(row, total)
        at_stake = self._base_stake
        skipped_kinds: dict[str, int] | None = None
        for parent_at, skips, children, weight, kinds in self._skip_groups:
            if skips[row[parent_at]]:
                for table, at in children:
                    total -= table[row[at]]
                at_stake -= weight
                if kinds:  # the group's own mapping while it is the only one skipped: read, never changed
                    skipped_kinds = kinds if skipped_kinds is None else _merged(skipped_kinds, kinds)
        return total, at_stake, skipped_kinds

    def _chained(self, row: Sequence[str], total: int) -> tuple[int, int, dict[str, int] | None]:
        """``_total``'s skip logic one question at a time, for rulebooks where a skipped question skips others."""
        at_stake = self._base_stake
        skipped_kinds: dict[str, int] | None = None
        skipped: set[int] = set()
        for s in self._skips:
            if s.parent in skipped:
                pass
            elif s.parent_values is None:
                continue
            else:
                value = s.parent_values[row[s.parent_at]]
                if value is None or value in s.allowed:
                    continue
            skipped.add(s.position)
            at_stake -= s.weight
            if s.weight:
                skipped_kinds = skipped_kinds or {}
                skipped_kinds[s.kind] = skipped_kinds.get(s.kind, 0) + s.weight
            if s.table is not None:
                total -= s.table[row[s.at]]
        return total, at_stake, skipped_kinds

    def fired(self, total: int) -> tuple[list[tuple[int, int]], dict[str, int]]:
        """Of a row that scored (its packed sum, from ``scored``): the rulebook position and floor rank of each
        knock-out that fired, and the red points of each category with a floor that some answer can raise."""
        bits = total >> self.knockout_at
        of, where = self._knockout_of, self._knockout_question
        reds = {category: (total >> at) & mask for at, mask, category, _negotiate, _decline in self._floor_fields}
        return [(where[n], of[n][1]) for n in range(bits.bit_length()) if bits >> n & 1], reds

    def _settled(
        self,
        row: Sequence[str],
        total: int,
        rank: int,
        knockouts: tuple[int, tuple[str, ...], str, str],
        floors: list[tuple[str, int]],
        skipped_kinds: dict[str, int] | None,
    ) -> bool:
        """Whether a client type that set the verdict is fully known, as ``scoring.assess`` judges it."""
        kinds = [c for c, f in floors if f == rank]
        if knockouts[1]:
            bits = total >> self.knockout_at
            kinds += [c for k, (c, f) in enumerate(self._knockout_of) if bits >> k & 1 and f == rank]
        skipped: set[int] | None = None
        for kind in kinds:
            if kind not in self._kind_stake:
                return True
            stake = self._kind_stake[kind] - (skipped_kinds or {}).get(kind, 0)
            if skipped is None:
                skipped = self._skipped(row)
            # A known answer adds a non-zero part to the sum (its weight, above any negative points), an unknown
            # one nothing: the known weight of the client type's questions that were asked.
            known = sum(weight for i, table, at, weight in self._kind_questions.get(kind, ())
                        if i not in skipped and table[row[at]])
            if known >= stake:
                return True
        return False

    def _skipped(self, row: Sequence[str]) -> set[int]:
        """The rulebook positions of the questions skip logic skips in ``row`` (``_chained``'s rule)."""
        skipped: set[int] = set()
        for s in self._skips:
            if s.parent not in skipped:
                if s.parent_values is None:
                    continue
                value = s.parent_values[row[s.parent_at]]
                if value is None or value in s.allowed:
                    continue
            skipped.add(s.position)
        return skipped

    def raw_answers(self, row: Sequence[str]) -> dict[str, str]:
        """The row as an answers file would hold it, for the full assessment: a blank cell is no answer."""
        return {
            q.id: row[at]
            for q, at in zip(self.rulebook.questions, self._where, strict=True)
            if at >= 0 and row[at] and not row[at].isspace()
        }
