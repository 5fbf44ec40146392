"""The report builder as a library: golden text at fixed widths, colour rules and the JSON contract.

Regenerate the golden files after an intended change with CLIENTSCREEN_UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from rich.console import Console

from clientscreen.interview.answersfile import Prospect
from clientscreen.report.content import to_dict
from clientscreen.report.full import render
from clientscreen.report.markdown import to_markdown
from clientscreen.rulebook.model import load_rulebook
from clientscreen.scoring import score

FIXTURES = Path(__file__).parent / "fixtures"
BOOK = load_rulebook(FIXTURES / "core" / "rules.yaml")
PROSPECT = Prospect(name="Evil [/] Corp", company="[bold]Holding[/bold]", notes="Met at a fair.\x1b[2J")
ANSWERS = {"prepay": "no", "contacts": "warring", "trust": 2, "budget": 800, "prior_agency": "yes"}


def rendered(width: int, *, colour: bool = False, answers: dict[str, object] | None = None) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=colour,
        color_system="standard" if colour else None,
        markup=False,
        highlight=False,
        emoji=False,
    )
    console.print(render(score(BOOK, answers or ANSWERS), BOOK, PROSPECT))
    return buffer.getvalue()


@pytest.mark.parametrize("width", [60, 160])
def test_report_matches_the_golden_text(width: int) -> None:
    golden = FIXTURES / "golden" / f"report-{width}.txt"
    text = rendered(width)
    if os.environ.get("CLIENTSCREEN_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
    assert max(len(line) for line in text.splitlines()) <= min(width, 100)


def test_the_verdict_is_in_its_colour_and_no_color_removes_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    settled = {**ANSWERS, "paid_prior": "never"}  # a decline knock-out: final, whatever else is unknown
    coloured = rendered(80, colour=True, answers=settled)
    assert "\x1b[1;31m✖ DECLINE" in coloured
    monkeypatch.setenv("NO_COLOR", "1")
    plain = rendered(80, colour=True, answers=settled)
    assert "✖ DECLINE" in plain
    assert "\x1b[31m" not in plain and "\x1b[1;31m" not in plain


def test_outside_text_is_never_markup_and_never_an_escape_sequence() -> None:
    text = rendered(100)
    assert "Evil [/] Corp · [bold]Holding[/bold]" in text
    assert "\x1b" not in text
    assert "Met at a fair." in text


def test_json_has_the_stable_keys_and_every_flag_says_why() -> None:
    data = to_dict(score(BOOK, ANSWERS), BOOK, PROSPECT)
    json.dumps(data)  # serialisable as it is
    assert {
        "verdict",
        "score",
        "provisional",
        "coverage",
        "flags",
        "knockouts",
        "levers",
        "thresholds",
        "margin",
        "categories",
        "ask_next",
        "answers",
        "rulebook",
        "prospect",
    } <= set(data)
    assert data["verdict"] in ("take", "negotiate", "decline")
    for flag in data["flags"]:
        assert flag["why"] and flag["advice"] and flag["source"]["article"]
        assert flag["kind"] == ("red" if flag["points"] > 0 else "green")
    assert {f["category"]: f["kind"] for f in data["flags"]}["budget"] == "red"  # a green category, a red answer
    assert data["prospect"]["name"] == "Evil [/] Corp"


def test_markdown_escapes_outside_text() -> None:
    text = to_markdown(score(BOOK, ANSWERS), BOOK, PROSPECT)
    assert text.startswith("# Evil \\[/\\] Corp: not enough evidence yet, leaning **decline**")
    assert "\x1b" not in text
    assert "## Decline unless they accept these terms (then take)" in text


def test_below_the_coverage_floor_the_verdict_is_a_leaning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    empty = Console(file=io.StringIO(), width=80, force_terminal=True, color_system="standard", markup=False)
    empty.print(render(score(BOOK, {}), BOOK, PROSPECT, draft=True))
    text = empty.file.getvalue()  # type: ignore[attr-defined]
    assert "NOT ENOUGH EVIDENCE YET, leaning TAKE" in text and "DRAFT: the interview is not finished" in text
    assert "✔ TAKE" not in text and "\x1b[1;32m" not in text  # no green take at 0% evidence
    data = to_dict(score(BOOK, {}), BOOK, PROSPECT, draft=True)
    assert data["verdict"] == "take" and data["provisional"] is True  # the keys scripts read are unchanged
    assert data["enough_evidence"] is False and data["draft"] is True
    assert to_dict(score(BOOK, ANSWERS), BOOK)["draft"] is False
