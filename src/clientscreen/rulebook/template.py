"""What a rulebook asks, in forms other tools build on: a CSV header and a JSON description.

The CSV header is what a sales team fills in (and what ``clientscreen score`` reads);
the JSON lists for each question the values it accepts and what they cost, so an
integrator or a test can generate valid rows without reading the YAML.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from clientscreen import i18n
from clientscreen.rulebook.model import Localized, Question, Rulebook


def csv_header(rulebook: Rulebook) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(["id", "name", *(q.id for q in rulebook.questions)])
    return buffer.getvalue()


def _text(text: Localized | None) -> str | None:
    return text.get() if text else None


def describe(question: Question) -> dict[str, Any]:
    """Texts in the active language; ``texts`` has every translation, for a form in several languages."""
    out: dict[str, Any] = {
        "id": question.id,
        "type": question.type,
        "category": question.category,
        "text": question.text.get(),
        "texts": question.text.to_data(exclude_none=True),
    }
    if question.ask_if:
        out["ask_if"] = {"question": question.ask_if.question, "in": list(question.ask_if.in_)}
    if question.type == "number":
        out["unit"] = _text(question.unit)
        low = None
        bands = []
        for a in question.answers:
            bands.append(
                {
                    "value": a.value,
                    "label": _text(a.label),
                    "from": low,
                    "below": a.below,
                    "points": a.points,
                    "knockout": a.knockout,
                }
            )
            low = a.below
        out["bands"] = bands
    elif question.type == "scale":
        values = [a.value for a in question.answers]
        out["range"] = [values[0], values[-1]]
        out["values"] = [
            {"value": a.value, "label": _text(a.label), "points": a.points, "knockout": a.knockout}
            for a in question.answers
        ]
    elif question.type != "note":
        out["values"] = [
            {"value": a.value, "label": _text(a.label), "points": a.points, "knockout": a.knockout}
            for a in question.answers
        ]
    return out


def questions_json(rulebook: Rulebook) -> str:
    data = {
        "rulebook": {"id": rulebook.id, "version": rulebook.version, "hash": rulebook.digest},
        "lang": i18n.current(),
        "questions": [describe(q) for q in rulebook.questions],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
