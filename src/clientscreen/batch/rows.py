"""The text ``clientscreen score`` writes: CSV for spreadsheets, JSON Lines for scripts.

Formatting lives here, apart from scoring and I/O, so that one process and many
produce the same bytes. CSV cells that a spreadsheet would run as formulas are
neutralised; JSON keeps every value as it is.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, NamedTuple

from clientscreen.batch.compiled import Outcome
from clientscreen.textsafe import FORMULA_START, spreadsheet_cell

CSV_COLUMNS = ["line", "id", "name", "verdict", "score", "provisional", "coverage", "red_flags", "knockouts", "error"]
_QUOTE = ('"', ",", "\n", "\r")


class Record(NamedTuple):
    """One input row's result, for the JSON Lines and table writers: an outcome, or why there is none."""

    line: int
    id: str
    name: str
    outcome: Outcome | None = None
    error: str | None = None
    full: dict[str, Any] | None = None  # the whole assessment, for JSON Lines


def csv_header() -> str:
    return "".join(f"{c}," for c in CSV_COLUMNS)[:-1] + "\r\n"


def cell(text: str) -> str:
    """A text cell as ``csv.writer`` would write it, after neutralising a formula (OWASP's advice)."""
    if text.isalnum():  # the common id: nothing to quote, nothing a spreadsheet would run
        return text
    if text[:1] in FORMULA_START:
        text = "'" + text
    for char in _QUOTE:
        if char in text:
            return '"' + text.replace('"', '""') + '"'
    return text


def error_line(line: int, ident: str, name: str, message: str) -> str:
    """The CSV line for a row that could not be scored: its place, and the reason in the error column."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(
        [line, spreadsheet_cell(ident), spreadsheet_cell(name), "", "", "", "", "", "", spreadsheet_cell(message)]
    )
    return buffer.getvalue()


def jsonl_lines(records: list[Record]) -> str:
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
