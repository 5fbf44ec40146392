"""The text ``clientscreen score`` writes: CSV for spreadsheets, JSON Lines for scripts.

Formatting lives here, apart from scoring and I/O, so that one process and many
produce the same bytes. CSV cells that a spreadsheet would run as formulas are
neutralised; JSON keeps every value as it is.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, NamedTuple

from clientscreen.batch.compiled import Outcome
from clientscreen.batch.levers import Found
from clientscreen.textsafe import csv_cell, spreadsheet_cell

#: What ``score`` adds to a row. ``red_flags`` and ``knockouts`` name the flags in the output's language for the
#: people who read the sheet; ``red_flag_ids`` and ``knockout_ids`` are the same flags as stable ids for scripts.
RESULT_COLUMNS = ["verdict", "score", "provisional", "coverage", "red_flags", "knockouts", "red_flag_ids",
                  "knockout_ids", "error"]
CSV_COLUMNS = ["line", "id", "name", *RESULT_COLUMNS]


class Record(NamedTuple):
    """One input row's result, for the JSON Lines and table writers: an outcome, or why there is none."""

    line: int
    id: str
    name: str
    outcome: Outcome | None = None
    error: str | None = None
    full: dict[str, Any] | None = None  # the whole assessment, for JSON Lines with --texts
    cells: Sequence[str] = ()  # the input row as read, for --keep-columns
    levers: Found | None = None  # for the lean JSON Lines record


def csv_header() -> str:
    return "".join(f"{c}," for c in CSV_COLUMNS)[:-1] + "\r\n"


cell = csv_cell
_BLANKS = [""] * (len(RESULT_COLUMNS) - 1)


def error_line(line: int, ident: str, name: str, message: str) -> str:
    """The CSV line for a row that could not be scored: its place, and the reason in the error column."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(
        [line, spreadsheet_cell(ident), spreadsheet_cell(name), *_BLANKS, spreadsheet_cell(message)]
    )
    return buffer.getvalue()


@dataclass(frozen=True)
class Sheet:
    """CSV written for a spreadsheet rather than for the fast default: its separator, decimal mark, and columns.

    ``--excel`` takes the separator and decimal mark of the output's language (a Danish Excel splits
    on ``;`` and reads ``0,62``); ``--keep-columns`` puts the input's own columns first, so the
    result goes back into the CRM it came from. An export scored before already has result columns:
    the fresh result is written into them, where they stand and as they are spelt, rather than added
    a second time, so the file keeps the shape the CRM's import expects and no stale verdict is left
    beside the new one.
    """

    delimiter: str = ","
    decimal: str = "."
    kept: Sequence[str] | None = None  # the input's header, when its columns are kept
    bom: bool = False  # Excel reads UTF-8 only when the file starts with a byte order mark

    @cached_property
    def _places(self) -> dict[int, int]:
        """Result column (by its index in ``RESULT_COLUMNS``) to the kept input column it is written into."""
        folded = {name: i for i, name in enumerate(RESULT_COLUMNS)}
        kept = self.kept or ()
        return {folded[c.strip().casefold()]: at for at, c in enumerate(kept) if c.strip().casefold() in folded}

    @property
    def replaced(self) -> list[str]:
        """The input's columns that hold an earlier result and get the fresh one, as the input spells them."""
        kept = self.kept or ()
        return [kept[at] for at in sorted(self._places.values())]

    def header(self) -> str:
        if self.kept is None:
            columns = CSV_COLUMNS
        else:
            columns = [*self.kept, *(c for i, c in enumerate(RESULT_COLUMNS) if i not in self._places)]
        return ("\ufeff" if self.bom else "") + self._line([spreadsheet_cell(c) for c in columns])

    def lines(self, records: list[Record], titles: Mapping[str, str]) -> str:
        out = []
        for r in records:
            if self.kept is not None:
                width = len(self.kept)
                front = [spreadsheet_cell(c) for c in (*r.cells[:width], *[""] * (width - len(r.cells)))]
            else:
                front = [str(r.line), spreadsheet_cell(r.id), spreadsheet_cell(r.name)]
            o = r.outcome
            if o is None:
                back = [*_BLANKS, spreadsheet_cell(r.error or "")]
            else:
                back = [o.verdict.value, str(o.score), "true" if o.provisional else "false",
                        str(o.coverage).replace(".", self.decimal),
                        spreadsheet_cell("; ".join(titles.get(c, c) for c in o.red_flags)),
                        spreadsheet_cell("; ".join(titles.get(c, c) for c in o.knockouts)),
                        ";".join(o.red_flags), ";".join(o.knockouts), ""]
            if self._places:
                back = self._in_place(front, back)
            out.append(self._line([*front, *back]))
        return "".join(out)

    def _in_place(self, front: list[str], back: list[str]) -> list[str]:
        """Write the result cells that have a column in ``front`` there; return the ones added after it."""
        for i, at in self._places.items():
            front[at] = back[i]
        return [cell for i, cell in enumerate(back) if i not in self._places]

    def _line(self, cells: Sequence[str]) -> str:
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=self.delimiter, lineterminator="\r\n").writerow(cells)
        return buffer.getvalue()


def jsonl_lines(records: list[Record]) -> str:
    """One JSON object a row: the lean record (README, "JSON Lines"), or with ``full`` the report's whole one.

    The lean record is written field by field, as ``json`` writes the same object (its separators, its escaping
    of strings, ``repr`` of floats); the parts that rows share, the flags and the levers, are encoded once.
    """
    out = []
    dumps = _ENCODER.encode
    string = _STRING
    for r in records:
        o = r.outcome
        if r.error is None and o is not None and r.full is None:
            out.append(
                f'{{"line": {r.line:d}, "id": {string(r.id)}, "name": {string(r.name)}, '
                f'"verdict": {string(o.verdict.value)}, "score": {o.score:d}, '
                f'"provisional": {"true" if o.provisional else "false"}, "coverage": {float.__repr__(o.coverage)}, '
                f'"red_flags": {_flags(o.red_flags)}, "knockouts": {_flags(o.knockouts)}, '
                f'"levers": {_levers(r.levers or _NO_LEVERS)}, "error": null}}\n'
            )
            continue
        data: dict[str, Any] = {"line": r.line, "id": r.id, "name": r.name}
        if r.error is not None or o is None:
            data["error"] = r.error
        else:
            data.update(r.full or {})
            data["error"] = None
        out.append(dumps(data) + "\n")
    return "".join(out)


_ENCODER = json.JSONEncoder(ensure_ascii=False)
_STRING = json.encoder.encode_basestring  # what that encoder writes a string as
_NO_LEVERS: Found = (None, ())
_SHARED_LIMIT = 4096  # encoded flag lists and levers remembered
_flag_texts: dict[tuple[str, ...], str] = {}
_lever_texts: dict[Found, str] = {}


def _flags(ids: tuple[str, ...]) -> str:
    """Category ids as a JSON list, encoded once per combination; a combination not remembered (there are many
    more of red flags than are kept) is put together from each id's encoding, as ``json`` joins a list."""
    text = _flag_texts.get(ids)
    if text is None:
        text = f"[{', '.join(map(_STRING, ids))}]"
        if len(_flag_texts) < _SHARED_LIMIT:
            _flag_texts[ids] = text
    return text


def _levers(found: Found) -> str:
    """The levers object of a lean record, encoded once per result of the search (rows share a few)."""
    text = _lever_texts.get(found)
    if text is None:
        reach, terms = found
        text = _ENCODER.encode({"reach": reach, "terms": [{"question": q, "current": c, "target": t, "points": p}
                                                          for q, c, t, p in terms]})
        if len(_lever_texts) < _SHARED_LIMIT and all(type(v) in (str, int, type(None)) for term in terms for v in term):
            _lever_texts[found] = text  # only plain values as keys: True == 1, and they encode differently
    return text
