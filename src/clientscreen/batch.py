"""Scoring a whole CSV export: the rulebook compiled once into per-column lookups.

``scoring.assess`` builds a full assessment (levers included), which is right for one
prospect and far too slow for a million. Here each column gets a table from cell text
to what that cell means, filled lazily through the same ``answers.parse`` as every
other input, so a row costs a few dictionary lookups. The result must match
``assess`` exactly on verdict, score, coverage, flags and knock-outs; a test holds
the two together.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple

from clientscreen.answers import AnswerError, parse
from clientscreen.rulebook import Answer, Question, Rulebook, Verdict
from clientscreen.scoring import evidence_weight

CACHE_LIMIT = 20_000  # distinct cells remembered per column: bounded, since numbers vary without end
_FLOOR = {None: 0, "negotiate": 1, "decline": 2}
_VERDICTS = (Verdict.TAKE, Verdict.NEGOTIATE, Verdict.DECLINE)


SKIPPED = object()
PATTERN_CACHE = 4096  # red-flag patterns remembered: real exports repeat a few; the bound keeps memory flat


class Outcome(NamedTuple):
    """The scored row, in the columns the output needs (a tuple: built once per row, it must be cheap)."""

    verdict: Verdict
    score: int
    coverage: float
    provisional: bool
    red_flags: tuple[str, ...]  # categories, in rulebook order, each once
    knockouts: tuple[str, ...]


class CellError(ValueError):
    def __init__(self, column: int, question: str, message: str) -> None:
        super().__init__(f"{question}: {message}")
        self.column = column  # 0-based index into the row


@dataclass
class _Column:
    question: Question
    index: int  # position in the CSV row, -1 when the column is missing
    weight: int
    parent: int  # position in the plan of the ask_if question, -1 for none
    allowed: frozenset[str | int]
    bounds: list[float]  # number questions: the bands' upper bounds, for a fast path on whole numbers


class Compiled:
    """A rulebook ready to score rows whose columns are laid out as ``header``.

    Each present column has a table from cell text to one integer that packs what the
    cell means: its points (offset to stay positive), its evidence weight when known,
    and one bit per column for a red flag, a negotiate floor and a decline floor. The
    sum of a row's integers is then the whole tally, computed by ``sum`` in C; flags
    are decoded from the bits, and the decoding is cached per pattern.
    """

    def __init__(self, rulebook: Rulebook, header: Sequence[str], *, decimal: str | None = None) -> None:
        self.rulebook = rulebook
        self.decimal = decimal
        positions = {name.strip().casefold(): i for i, name in enumerate(header)}
        scoring = [q for q in rulebook.questions if q.scores]
        order = {q.id: i for i, q in enumerate(scoring)}
        self.plan = [
            _Column(
                question=q,
                index=positions.get(q.id.casefold(), -1),
                weight=evidence_weight(rulebook, q),
                parent=order[q.ask_if.question] if q.ask_if else -1,
                allowed=frozenset(q.ask_if.in_) if q.ask_if else frozenset(),
                bounds=[a.below for a in q.answers if a.below is not None] if q.type == "number" else [],
            )
            for q in scoring
        ]
        self.missing = [c.question.id for c in self.plan if c.index < 0]
        present = [pos for pos, c in enumerate(self.plan) if c.index >= 0]
        self._present = present
        self._slot = {pos: i for i, pos in enumerate(present)}
        width = len(present)
        self._offset = 1 + max((abs(a.points) for c in self.plan for a in c.question.answers), default=0)
        self._points_bits = (2 * self._offset * (width + 1)).bit_length()
        self._weight_bits = (sum(c.weight for c in self.plan) + 1).bit_length()
        # One bit per (column, flag) an answer can raise, so the bits say which flag each column raised.
        self._bit: dict[tuple[str, int, str], int] = {}
        self._meaning_of_bit: list[tuple[int, str]] = []
        for kind in ("red", "negotiate", "decline"):
            for slot, pos in enumerate(present):
                question = self.plan[pos].question
                for answer in question.answers:
                    category = answer.category or question.category or ""
                    raises = answer.points > 0 if kind == "red" else answer.knockout == kind
                    if raises and (kind, slot, category) not in self._bit:
                        self._bit[(kind, slot, category)] = len(self._meaning_of_bit)
                        self._meaning_of_bit.append((slot, category))
        self._flags_at = self._points_bits + self._weight_bits
        self._red_bits = sum(1 for kind, _, _ in self._bit if kind == "red")
        self._flag_mask = (1 << len(self._meaning_of_bit)) - 1
        self._red_mask = (1 << self._red_bits) - 1
        self._reds: dict[int, tuple[str, ...]] = {}
        self._knockout_at = self._flags_at + self._red_bits
        # Which flag bits are knock-outs that decline (the other knock-out bits set a negotiate floor).
        self._decline_mask = sum(1 << bit for (kind, _, _), bit in self._bit.items() if kind == "decline")
        # Decoding a byte of flag bits at a time: for byte k and value b, the flags those bits stand for.
        self._byte_flags = [
            [self._flags_in_byte(k, b) for b in range(256)] for k in range((len(self._meaning_of_bit) + 7) // 8)
        ]
        self._tables: list[dict[str, int]] = [{"": self._offset} for _ in present]
        self._values: dict[int, dict[str, object]] = {}  # slot of a parent column -> cell -> answer value
        self._cells: Callable[[Sequence[str]], tuple[str, ...]] = (
            itemgetter(*(self.plan[pos].index for pos in present))
            if width > 1
            else (lambda row: tuple(row[self.plan[p].index] for p in present))
        )
        self._base_stake = sum(c.weight for c in self.plan)
        # Skip logic in rulebook order: (position, slot or -1, parent position, parent slot or -1, allowed, weight)
        self._children = [
            (pos, self._slot.get(pos, -1), c.parent, self._slot.get(c.parent, -1), c.allowed, c.weight)
            for pos, c in enumerate(self.plan)
            if c.parent >= 0
        ]
        for _, _, _, parent_slot, _, _ in self._children:
            if parent_slot >= 0:
                self._values.setdefault(parent_slot, {"": None})
        self.negotiate = rulebook.thresholds.negotiate
        self.decline = rulebook.thresholds.decline
        self.min_coverage = rulebook.min_coverage
        known = {q.id.casefold() for q in rulebook.questions}
        self._extra_names = [name for name in header if name.strip().casefold() not in known]

    def extra_columns(self, passed: set[str]) -> list[str]:
        """Header names that are neither questions nor columns the caller uses (id, name, …)."""
        return [n for n in self._extra_names if n.strip().casefold() not in passed and n.strip()]

    def _meaning(self, slot: int, cell: str) -> int:
        """The slow path, once per distinct cell: the shared parser, then remembered."""
        column = self.plan[self._present[slot]]
        question = column.question
        option: Answer | None
        if column.bounds and cell.isascii() and cell.isdigit():  # whole numbers: find the band directly
            option = question.answers[bisect_right(column.bounds, int(cell))]
        else:
            try:
                option = parse(question, cell, decimal=self.decimal).option
            except AnswerError as exc:
                raise CellError(column.index, question.id, str(exc)) from None
        packed = self._offset
        if option is not None:
            category = option.category or question.category or ""
            packed += option.points + (column.weight << self._points_bits)
            if option.points > 0:
                packed |= 1 << (self._flags_at + self._bit[("red", slot, category)])
            if option.knockout:
                packed |= 1 << (self._flags_at + self._bit[(option.knockout, slot, category)])
        table = self._tables[slot]
        if len(table) < CACHE_LIMIT:
            table[cell] = packed
            if slot in self._values:
                self._values[slot][cell] = None if option is None else option.value
        return packed

    def _value(self, slot: int, cell: str) -> object:
        values = self._values[slot]
        if cell in values:
            return values[cell]
        column = self.plan[self._present[slot]]
        option = parse(column.question, cell, decimal=self.decimal).option  # already known to parse
        return None if option is None else option.value

    def _flags_in_byte(self, k: int, byte: int) -> tuple[tuple[str, ...], tuple[tuple[int, str], ...]]:
        reds: list[str] = []
        knockouts: list[tuple[int, str]] = []
        for i in range(8):
            n = 8 * k + i
            if byte >> i & 1 and n < len(self._meaning_of_bit):
                slot, category = self._meaning_of_bit[n]
                if n < self._red_bits:
                    reds.append(category)
                else:
                    knockouts.append((slot, category))
        return tuple(reds), tuple(knockouts)

    def _decode(self, bits: int, start: int) -> tuple[list[str], list[tuple[int, str]]]:
        """The flags behind ``bits``, read a byte at a time from byte ``start`` of the flag field."""
        reds: list[str] = []
        knockouts: list[tuple[int, str]] = []
        for table in self._byte_flags[start:]:
            byte = bits & 0xFF
            if byte:
                red, knocked = table[byte]
                reds.extend(red)
                knockouts.extend(knocked)
            bits >>= 8
            if not bits:
                break
        return reds, knockouts

    def _red_flags(self, bits: int) -> tuple[str, ...]:
        """Red-flag categories, each once, in rulebook order; patterns repeat, so they are remembered."""
        found = self._reds.get(bits)
        if found is None:
            found = tuple(dict.fromkeys(self._decode(bits, 0)[0]))
            if len(self._reds) < PATTERN_CACHE:
                self._reds[bits] = found
        return found

    def _knockouts(self, flags: int) -> tuple[str, ...]:
        start = self._red_bits // 8  # knock-out bits lie after the red ones: skip whole bytes of those
        knockouts = self._decode((flags & ~self._red_mask) >> (8 * start), start)[1]
        return tuple(category for _, category in sorted(knockouts))

    def score(self, row: Sequence[str]) -> Outcome:
        cells = self._cells(row)
        tables = self._tables
        try:
            total: int = sum(map(dict.get, tables, cells))  # type: ignore[arg-type]  # a miss is None: TypeError
        except TypeError:
            total = sum(
                t[c] if c in t else self._meaning(i, c) for i, (t, c) in enumerate(zip(tables, cells, strict=True))
            )
        count = len(tables)
        at_stake = self._base_stake
        if self._children:
            skipped: set[int] = set()
            for pos, slot, parent, parent_slot, allowed, weight in self._children:
                up = self._value(parent_slot, cells[parent_slot]) if parent_slot >= 0 else None
                if parent in skipped or (up is not None and up not in allowed):
                    skipped.add(pos)
                    at_stake -= weight
                    if slot >= 0:
                        total -= tables[slot].get(cells[slot]) or self._meaning(slot, cells[slot])
                        count -= 1
        points = (total & ((1 << self._points_bits) - 1)) - self._offset * count
        known = (total >> self._points_bits) & ((1 << self._weight_bits) - 1)
        flags = (total >> self._flags_at) & self._flag_mask
        knockout_bits = flags >> self._red_bits
        floor = 0 if not knockout_bits else 2 if (flags & self._decline_mask) else 1
        band = 2 if points >= self.decline else 1 if points >= self.negotiate else 0
        coverage = known / at_stake if at_stake else 1.0
        red_bits = flags & self._red_mask
        return Outcome(
            _VERDICTS[band if band > floor else floor],
            points,
            round(coverage, 4),
            coverage < self.min_coverage,
            self._red_flags(red_bits) if red_bits else (),
            self._knockouts(flags) if floor else (),
        )

    def raw_answers(self, row: Sequence[str]) -> dict[str, str]:
        """The row as an answers mapping, for the full assessment (JSON Lines)."""
        return {c.question.id: row[c.index] for c in self.plan if c.index >= 0}
