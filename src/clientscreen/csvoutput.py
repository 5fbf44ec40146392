"""The records ``clientscreen score`` writes: CSV for spreadsheets, JSON Lines for scripts, a table for a look.

Formatting lives here, apart from scoring and I/O, so that one process and many
produce the same bytes. CSV cells that a spreadsheet would run as formulas are
neutralised; JSON keeps every value as it is.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any, NamedTuple

from clientscreen.batch import Outcome
from clientscreen.textsafe import FORMULA_START, spreadsheet_cell

CSV_COLUMNS = ["line", "id", "name", "verdict", "score", "provisional", "coverage", "red_flags", "knockouts", "error"]


class Record(NamedTuple):
    """One input row's result: an outcome, or the reason the row could not be scored."""

    line: int
    id: str
    name: str
    outcome: Outcome | None = None
    error: str | None = None
    full: dict[str, Any] | None = None  # the whole assessment, for JSON Lines


def csv_header() -> str:
    return _csv_lines([list(CSV_COLUMNS)])


def csv_lines(records: Iterable[Record]) -> str:
    rows: list[list[object]] = []
    add = rows.append
    for line, ident, name, o, error, _ in records:
        # Only text from outside (id, name, an error quoting a cell) can start a formula.
        if ident[:1] in FORMULA_START:
            ident = "'" + ident
        if name[:1] in FORMULA_START:
            name = "'" + name
        if o is None:
            add([line, ident, name, "", "", "", "", "", "", spreadsheet_cell(error or "")])
        else:
            add([line, ident, name, o.verdict.value, o.score, "true" if o.provisional else "false", o.coverage,
                 ";".join(o.red_flags), ";".join(o.knockouts), ""])
    return _csv_lines(rows)


def _csv_lines(rows: list[list[object]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def jsonl_lines(records: Iterable[Record]) -> str:
    out = []
    for r in records:
        data: dict[str, Any] = {"line": r.line, "id": r.id, "name": r.name}
        if r.error is not None:
            data["error"] = r.error
        else:
            data.update(r.full or {})
            data["error"] = None
        out.append(json.dumps(data, ensure_ascii=False) + "\n")
    return "".join(out)
