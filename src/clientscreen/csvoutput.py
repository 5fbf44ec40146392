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
    """Format records; the common row (plain id and name) is built directly, the rest by ``csv.writer``."""
    out: list[str] = []
    add = out.append
    for record in records:
        line, ident, name, o, _, _ = record
        if o is None or _needs_quotes(ident) or _needs_quotes(name):
            add(_csv_lines([_cells(record)]))
            continue
        if ident[:1] in FORMULA_START:  # only text from outside can start a formula
            ident = "'" + ident
        if name[:1] in FORMULA_START:
            name = "'" + name
        add(
            f"{line},{ident},{name},{o.verdict},{o.score},{'true' if o.provisional else 'false'},{o.coverage},"
            f"{';'.join(o.red_flags)},{';'.join(o.knockouts)},\r\n"
        )
    return "".join(out)


def _needs_quotes(text: str) -> bool:
    return "," in text or '"' in text or "\n" in text or "\r" in text


def _cells(record: Record) -> list[object]:
    line, ident, name, o, error, _ = record
    ident, name = spreadsheet_cell(ident), spreadsheet_cell(name)
    if o is None:
        return [line, ident, name, "", "", "", "", "", "", spreadsheet_cell(error or "")]
    return [
        line,
        ident,
        name,
        o.verdict,
        o.score,
        "true" if o.provisional else "false",
        o.coverage,
        ";".join(o.red_flags),
        ";".join(o.knockouts),
        "",
    ]


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
