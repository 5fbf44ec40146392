"""The ledger given back: CSV for spreadsheets, JSON Lines for scripts and for another ledger.

CSV cells that a spreadsheet would run as formulas are neutralised (a client named ``=HYPERLINK(...)`` stays
text); JSON keeps every value as it was recorded.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from clientscreen.ledger.records import ScreeningRecord
from clientscreen.textsafe import spreadsheet_cell

CSV_COLUMNS = [
    "screening", "client", "name", "screened_at", "interviewer", "rulebook", "rulebook_version", "rulebook_hash",
    "verdict", "score", "provisional", "coverage", "red_flags", "green_flags", "answers",
]


def as_dict(rec: ScreeningRecord) -> dict[str, Any]:
    return {
        "screening": rec.id,
        "client": rec.client_slug,
        "name": rec.client_name,
        "screened_at": rec.screened_at,
        "interviewer": rec.interviewer,
        "rulebook": {"id": rec.rulebook_id, "version": rec.rulebook_version, "hash": rec.rulebook_hash},
        "verdict": rec.verdict,
        "score": rec.score,
        "provisional": rec.provisional,
        "coverage": rec.coverage,
        "flags": [{"question": f.question, "category": f.category, "answer": f.answer, "points": f.points}
                  for f in rec.flags],
        "answers": dict(rec.answers),
    }


def to_jsonl(records: list[ScreeningRecord]) -> str:
    return "".join(json.dumps(as_dict(r), ensure_ascii=False) + "\n" for r in records)


def to_csv(records: list[ScreeningRecord]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for r in records:
        red = " ".join(f.category for f in r.flags if f.points > 0)
        green = " ".join(f.category for f in r.flags if f.points < 0)
        answers = json.dumps(dict(r.answers), ensure_ascii=False)
        cells: list[object] = [
            r.id, r.client_slug, r.client_name, r.screened_at, r.interviewer or "", r.rulebook_id, r.rulebook_version,
            r.rulebook_hash, r.verdict, r.score, "yes" if r.provisional else "no", f"{r.coverage:.2f}", red, green,
            answers,
        ]
        writer.writerow([spreadsheet_cell(c) if isinstance(c, str) else c for c in cells])
    return buffer.getvalue()
