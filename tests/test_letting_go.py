"""Letting go well: the rulebook's steps and texts for renegotiate and let go, in the client's language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, REPO, Run

REVIEW = REPO / "rules" / "review.yaml"
LET_GO = FIXTURES / "review" / "let-go.yaml"


def test_a_let_go_gives_the_steps_in_the_readers_language_and_the_texts_in_the_clients(cli: Run) -> None:
    done = cli("report", LET_GO, "--rules", REVIEW, "--no-ledger", "--full")  # the texts: more than a screen
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "LET GO" in out and "Our own side is checked: we did our part." in out
    steps = out.index("What to do, in order")
    texts = out.index("Texts to send, in dansk")
    assert steps < texts < out.index("Handover checklist")
    assert "1. Answer the questions about our own side first" in out[steps:texts]
    assert "2. Stop new work, and make sure every invoice is settled." in out[steps:texts]
    assert "Ending the work" in out[texts:] and "Kære Kontor Gruppen" in out[texts:]
    assert "(En gæld der kun vokser, Senere for hver faktura, Tavs og siden skuffet)" in " ".join(out[texts:].split())
    assert "☐ Fuld adgang til alle konti overdraget (når der er betalt)" in out


def test_the_json_carries_the_filled_in_texts(cli_in_process: Run) -> None:
    done = cli_in_process("report", LET_GO, "--rules", REVIEW, "--no-ledger", "-f", "json", "--lang", "ru")
    parting = json.loads(done.stdout)["letting_go"]
    assert parting["language"] == "da"
    assert parting["steps"][0].startswith("Сначала ответьте на вопросы о нашей стороне")
    assert [m["id"] for m in parting["messages"]] == ["ending"]
    assert parting["messages"][0]["title"] == "Завершение работы"
    assert parting["messages"][0]["text"].startswith("Kære Kontor Gruppen\nEfter grundige overvejelser")
    assert len(parting["checklist"]) == 4


def test_renegotiate_gives_the_reminder_and_the_pause_and_keep_gives_nothing(
    cli: Run, cli_in_process: Run, tmp_path: Path,
) -> None:
    data = yaml.safe_load(LET_GO.read_text(encoding="utf-8"))
    data["prospect"] = {"name": "Nordlys ApS"}  # no language: the reader's
    data["answers"].update(work_unpaid="no", balance="steady", belittling="no", outside_brief=1, after_hours="no",
                           networks="all", approval_rounds=1, feedback_days=1, is_that_all="no", goals_now="measurable",
                           hours_share="even", partial_payments="no", broken_promises=0, respect=3)
    path = tmp_path / "slow-payer.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = cli("report", path, "--rules", REVIEW, "--no-ledger", "-f", "markdown").stdout
    assert out.startswith("# Nordlys ApS: **renegotiate**")
    assert "## Texts to send, in English" in out
    assert "### Polite reminder\n\n> Dear Nordlys ApS,\n> I expect the last invoice has slipped" in out
    assert "### Work paused until paid" in out and "Handover checklist" not in out

    data["answers"].update(invoice_trend="on_time", days_late=0)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    keep = cli_in_process("report", path, "--rules", REVIEW, "--no-ledger").stdout
    assert "KEEP" in keep and "What to do, in order" not in keep and "Texts to send" not in keep


def test_rules_check_lints_the_texts_fields(cli_in_process: Run, tmp_path: Path) -> None:
    text = REVIEW.read_text(encoding="utf-8")
    bad = tmp_path / "review.yaml"
    bad.write_text(text.replace("as things stand ({reasons})", "as things stand ({agency})"), encoding="utf-8")
    done = cli_in_process("rules", "check", bad)
    assert done.returncode == 1
    line = next(i for i, row in enumerate(text.splitlines(), start=1) if "- id: ending" in row)
    assert (f"{bad}:{line}:9: error: letting_go.decline.messages[0]: en: unknown field 'agency'; "
            "a text may use {client}, {reasons}") in done.stdout
    missing = tmp_path / "missing.yaml"
    full = ("        title: {en: Ending the work, da: Afslutning af samarbejdet, he: סיום העבודה, "
            "ru: Завершение работы}\n")
    assert full in text
    missing.write_text(text.replace(full, "        title: {en: Ending the work}\n"), encoding="utf-8")
    warned = cli_in_process("rules", "check", "--strict", missing)
    assert warned.returncode == 1 and "letting_go.decline.messages[0].title" in warned.stdout


#: Each article's own heading, in the language it is written in (the first line of its file).
HEADINGS = {"000_eaa4497101015895.txt": ("da", "Hvilke klienter af online bureauer kan ikke lide at arbejde?"),
            "001_bb0e772523d5eec9.txt": ("he", "איך להתמודד עם לקוחות קשים"),
            "002_98174921fb9e57e4.txt": ("ru", "3 стратегии работы со сложными клиентами")}


@pytest.mark.parametrize("lang", ["en", "da", "he", "ru"])
def test_a_review_cites_its_articles_by_title_as_the_intake_does(cli: Run, cli_in_process: Run, lang: str) -> None:
    """English through the installed command, the other languages through its entry point in this process."""
    run = cli if lang == "en" else cli_in_process
    done = run("report", LET_GO, "--rules", REVIEW, "--no-ledger", "--full", "--lang", lang, env={"COLUMNS": "400"})
    assert done.returncode == 0, done.stderr
    out = " ".join(re.sub("[\u200e\u200f]", "", done.stdout).split())  # Hebrew lines: direction marks, wrapped
    assert not re.findall(r": \d{3}_[0-9a-f]{16}\.txt", out)  # "Source: 000_….txt, §3" names no article
    for article, (own, heading) in HEADINGS.items():
        title = yaml.safe_load(REVIEW.read_text(encoding="utf-8"))["sources"][article]["title"]
        assert title[own] == heading
        assert f"{title[lang]} ({own}; {article})" in out


def test_both_rulebooks_name_the_articles_alike_in_every_language() -> None:
    review = yaml.safe_load(REVIEW.read_text(encoding="utf-8"))["sources"]
    default = yaml.safe_load((REPO / "rules" / "default.yaml").read_text(encoding="utf-8"))["sources"]
    assert review == default
    for article, (own, heading) in HEADINGS.items():
        assert default[article]["language"] == own and default[article]["title"][own] == heading
        assert set(default[article]["title"]) == {"en", "da", "he", "ru"}
