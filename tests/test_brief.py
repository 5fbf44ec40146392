"""The brief, the term sheet and the page to share, as a user meets them through the installed command.

The installed command prints the brief (in Hebrew, through a real pipe), the full report and the page,
and pages long output on a terminal; the further examples, languages, formats and term sheets run through
the same entry point in process (``cli_in_process``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from rich.cells import cell_len

from conftest import REPO, Run

EXAMPLES = sorted((REPO / "examples" / "prospects").glob("*.yaml"))
LANGUAGES = ["en", "da", "he", "ru"]
MARKS = "\u200e\u200f"


def two_answers(tmp_path: Path) -> Path:
    """A draft stopped after two answers, with a long note typed into it."""
    path = tmp_path / "draft.yaml"
    path.write_text(yaml.safe_dump({
        "status": "draft",
        "prospect": {"name": "Halvfærdig ApS", "notes": "Called back twice; " * 20},
        "answers": {"goals": "rough", "prepayment": "no"},
    }, allow_unicode=True), encoding="utf-8")
    return path


def screen_lines(text: str) -> list[str]:
    return [line.replace("\u200e", "").replace("\u200f", "") for line in text.splitlines()]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("example", [*(p.name for p in EXAMPLES), "two answers"])
def test_the_brief_fits_one_80_by_24_screen(
    cli: Run, cli_in_process: Run, tmp_path: Path, example: str, lang: str,
) -> None:
    path = two_answers(tmp_path) if example == "two answers" else REPO / "examples" / "prospects" / example
    run = cli if (example, lang) == ("two answers", "he") else cli_in_process  # one real run of the sixteen
    done = run("report", path, "--lang", lang, env={"COLUMNS": "80", "LINES": "24"})
    assert done.returncode == 0, done.stderr
    lines = screen_lines(done.stdout)
    assert len(lines) <= 24, done.stdout
    assert max(cell_len(line) for line in lines) <= 80
    assert "--full" in done.stdout  # the way to everything else is on the screen


def test_each_verdict_brief_says_what_to_do(cli_in_process: Run) -> None:
    by_name = {p.stem: cli_in_process("report", p, env={"COLUMNS": "80"}).stdout for p in EXAMPLES}
    take, negotiate, decline = by_name["nordlys-webshop"], by_name["kontor-gruppen"], by_name["evil-corp"]
    assert take.startswith("✔ TAKE") and "Ask next, and why it matters:" in take
    assert negotiate.startswith("≈ NEGOTIATE")
    assert "Decided by Refuses prepayment" in negotiate
    assert "1. Half of the first month is paid before work starts" in negotiate
    assert "Together: score 12 → 3, take." in negotiate
    assert "Notes: Office furniture; met at a trade fair." in negotiate
    assert decline.startswith("✖ DECLINE")
    assert "How to say no:" in decline and "delicately and professionally" in decline
    assert "[link=https://x]click[/link]" in decline  # outside text is shown as typed, never as markup
    for text in by_name.values():
        assert "Red flags" not in text and "Why:" not in text  # the detail is for --full


def test_the_full_report_cites_sources_by_title_in_the_readers_language(cli: Run, cli_in_process: Run) -> None:
    path = REPO / "examples" / "prospects" / "kontor-gruppen.yaml"
    english = cli("report", path, "--full").stdout
    assert "Source: Which clients do online agencies dislike working with?, §" in english
    assert "Source: 000_" not in english
    assert "Points per client type" in english and "█" in english and "▲ 12" in english
    russian = cli_in_process("report", path, "--full", "--lang", "ru").stdout
    assert "С какими клиентами не любят работать интернет-агентства?" in russian
    data = json.loads(cli_in_process("report", path, "--format", "json").stdout)
    source = data["flags"][0]["source"]
    assert source["article"].endswith(".txt") and source["title"] and source["section"]
    assert {s["id"] for s in data["sources"]} >= {source["article"]}
    assert data["notes"] == "Office furniture; met at a trade fair."


def test_terms_are_a_numbered_list_to_paste_into_a_proposal(cli_in_process: Run) -> None:
    path = REPO / "examples" / "prospects" / "kontor-gruppen.yaml"
    english = cli_in_process("report", path, "--terms")
    assert english.returncode == 0
    assert english.stdout.splitlines()[0] == "Terms to propose to Kontor Gruppen A/S:"
    assert "1. Half of the first month is paid before work starts, the rest on delivery. (-9 points)" in english.stdout
    assert english.stdout.rstrip().endswith("Together: score 12 → 3, take.")
    danish = cli_in_process("report", path, "--terms", "--lang", "da").stdout
    assert "1. Halvdelen af første måned betales" in danish and "Terms to propose" not in danish
    take = cli_in_process("report", REPO / "examples" / "prospects" / "nordlys-webshop.yaml", "--terms").stdout
    assert take == "Nothing to negotiate: the verdict is take.\n"
    bad = cli_in_process("report", path, "--terms", "--format", "json")
    assert bad.returncode == 2 and "--terms" in bad.stderr


def test_markdown_carries_notes_sources_and_terms(cli_in_process: Run) -> None:
    kontor = REPO / "examples" / "prospects" / "kontor-gruppen.yaml"
    text = cli_in_process("report", kontor, "--format", "markdown").stdout
    assert "## Notes" in text and "Office furniture; met at a trade fair." in text
    assert "## Sources" in text and "Which clients do online agencies dislike working with?" in text
    assert "1. Half of the first month is paid before work starts, the rest on delivery. (-9 points)" in text
    assert "- Source: " in text
    evil = REPO / "examples" / "prospects" / "evil-corp.yaml"
    decline = cli_in_process("report", evil, "--format", "markdown").stdout
    assert "## How to say no" in decline


def test_the_page_escapes_outside_text_and_runs_right_to_left_in_hebrew(
    cli: Run, cli_in_process: Run, tmp_path: Path,
) -> None:
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump({
        "prospect": {"name": "<script>alert(1)</script>", "company": '"><img src=x onerror=alert(2)>',
                     "notes": "</style><b>bold</b>"},
        "answers": {"goals": "rough", "prepayment": "no"},
    }), encoding="utf-8")
    page = cli("report", path, "--format", "html").stdout
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en" dir="ltr">' in page
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'src="' not in page and "http://" not in page.split("<main>")[0]
    hebrew = cli_in_process("report", path, "--format", "html", "--lang", "he").stdout
    assert '<html lang="he" dir="rtl">' in hebrew


def test_a_rulebook_citing_an_unknown_source_fails_the_check(cli_in_process: Run, tmp_path: Path) -> None:
    text = (REPO / "rules" / "default.yaml").read_text(encoding="utf-8")
    broken = text.replace("article: 002_98174921fb9e57e4.txt", "article: 003_missing.txt", 1)
    path = tmp_path / "rules.yaml"
    path.write_text(broken, encoding="utf-8")
    done = cli_in_process("rules", "check", path)
    assert done.returncode == 1
    line = next(i for i, row in enumerate(broken.splitlines(), start=1) if "003_missing.txt" in row)
    assert f"rules.yaml:{line}:" in done.stdout + done.stderr
    assert "cites unknown source '003_missing.txt'" in done.stdout + done.stderr


def paged(tmp_path: Path, *args: str, pager: str) -> str:
    import pexpect

    from conftest import installed_command, plain_environment
    from test_cli_interview import Terminal

    env = {**plain_environment(), "TERM": "xterm-256color", "NO_COLOR": "1", "PAGER": pager}
    env.pop("COLUMNS", None)
    env.pop("LESS", None)
    child = Terminal(installed_command(), ["report", *args], cwd=str(tmp_path), env=env, encoding="utf-8",
                     timeout=30, dimensions=(24, 80))
    child.expect(pexpect.EOF)
    child.close()
    return str(child.before)


@pytest.mark.pty
def test_long_output_on_a_terminal_goes_through_the_pager_the_way_git_does(cli: Run, tmp_path: Path) -> None:
    full = str(REPO / "examples" / "prospects" / "kontor-gruppen.yaml")
    pager = 'sed "s/^/PAGED($LESS) /"'
    text = re.sub(r"\x1b\[[0-9;]*m", "", paged(tmp_path, full, "--full", pager=pager))
    assert re.search(r"^PAGED\(FRX\) │ ≈ NEGOTIATE", text, re.M), text
    assert len(re.findall(r"^PAGED", text, re.M)) > 24
    assert "PAGED" not in paged(tmp_path, full, "--full", "--no-pager", pager=pager)
    assert "PAGED" not in paged(tmp_path, full, pager=pager)  # the brief fits the screen
    piped = cli("report", full, "--full", env={"PAGER": pager})
    assert "PAGED" not in piped.stdout and "Points per client type" in piped.stdout


def test_every_golden_case_of_the_default_rulebook_briefs_on_one_screen() -> None:
    """The 60-odd stories of the articles, every verdict among them, with a long prospect name and note."""
    import io

    from rich.console import Console

    from clientscreen import i18n
    from clientscreen.interview.answersfile import Prospect
    from clientscreen.report.brief import render
    from clientscreen.rulebook.model import load_rulebook
    from clientscreen.scoring import score

    book = load_rulebook(REPO / "rules" / "default.yaml")
    paths = sorted((REPO / "rules" / "cases").glob("*.yaml"))
    safe = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the same data as safe_load, a tenth of its time
    files = [yaml.load(path.read_text(encoding="utf-8"), Loader=safe) for path in paths]  # noqa: S506
    cases = [c for f in files if f.get("rulebook") == "default" for c in f["cases"]]
    prospect = Prospect(name="Aktieselskabet Lange Navne og Søn " * 2, company="Holding", notes="Long note. " * 15)
    assessments = [(case["name"], score(book, case["answers"])) for case in cases]
    verdicts = {(a.verdict, bool(a.levers)) for _name, a in assessments}
    try:
        for lang in ("en", "he"):  # the widest lines and the narrowest (right to left); all four run above
            i18n.set_language(lang)
            for name, assessment in assessments:
                buffer = io.StringIO()
                Console(file=buffer, width=80, no_color=True, markup=False, highlight=False, emoji=False).print(
                    render(assessment, book, prospect, more="Everything else: clientscreen report FILE --full"))
                lines = screen_lines(buffer.getvalue())
                assert len(lines) <= 24, (lang, name, buffer.getvalue())
                assert max(cell_len(line) for line in lines) <= 80
    finally:
        i18n.set_language("en")
    assert len(verdicts) >= 4  # take, negotiate, decline, and decline unless
