"""The interview and the report in Danish, Hebrew and Russian, as a speaker of each meets them.

The interview runs in a real pseudo-terminal through the installed command; the reports are pinned
as golden text per language (regenerate with CLIENTSCREEN_UPDATE_GOLDEN=1 and read the diff). Both
check that no English fixed text is left where the language has its own.
"""

from __future__ import annotations

import io
import os
import re
import string
from pathlib import Path

import pexpect
import pytest
import yaml
from rich.console import Console

from clientscreen import i18n
from clientscreen.interview.answersfile import load, read
from clientscreen.interview.engine import SHORTCUTS
from clientscreen.report.bidi import AUTODETECT_OFF, AUTODETECT_ON, LRM, RLM
from clientscreen.report.full import render
from clientscreen.rulebook.model import load_rulebook
from clientscreen.scoring import assess
from conftest import FIXTURES, REPO, installed_command, plain_environment
from messages import catalog, scan

BOOK = load_rulebook(REPO / "rules" / "default.yaml")
EXAMPLE = REPO / "examples" / "prospects" / "kontor-gruppen.yaml"
LANGUAGES = ["da", "he", "ru"]
SHOWN_BY = ("interview/terminal.py", "report/", "interview/engine.py", "cli/", "answers.py", "rulebook/model.py")


def english_left(text: str, lang: str) -> list[str]:
    """English fixed texts of the interview and report that appear in ``text`` although ``lang`` has its own."""
    finished = catalog(lang)
    found = []
    for msgid, message in scan().messages.items():
        if not any(place.startswith(SHOWN_BY) for place in message.places) or finished.get(msgid) == msgid:
            continue
        for literal, *_ in string.Formatter().parse(msgid):
            words = literal.strip(" .,:;()·→")
            if len(words) >= 10 and " " in words and words in text:
                found.append(words)
    return found


def spawn(tmp_path: Path, lang: str) -> pexpect.spawn:
    env = {k: v for k, v in plain_environment().items() if k not in ("NO_COLOR", "COLUMNS")}
    env.update({"TERM": "xterm-256color", "NO_COLOR": "1", "GIT_CONFIG_NOSYSTEM": "1",
                "GIT_CONFIG_GLOBAL": str(tmp_path / "gitconfig")})
    child = pexpect.spawn(installed_command(), ["interview", "--lang", lang], cwd=str(tmp_path), env=env,
                          encoding="utf-8", timeout=15, dimensions=(60, 220))
    child.delaybeforesend = None  # each answer is typed once its prompt is seen
    child.logfile_read = io.StringIO()  # everything the terminal was sent
    return child


def seen(child: pexpect.spawn) -> str:
    log = child.logfile_read
    assert isinstance(log, io.StringIO)
    return log.getvalue()


def say(lang: str, message: str, **values: object) -> str:
    with i18n.use(lang):
        return i18n._(message, **values)


def start_of(lang: str, message: str) -> str:
    """The translation of ``message`` up to its first field, which a prompt shows as it is."""
    return say(lang, message).split("{")[0].strip()


@pytest.mark.pty
@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_interview_in_each_language_from_the_name_to_the_report(tmp_path: Path, lang: str) -> None:
    letters = {name: keys[lang] for name, keys in SHORTCUTS.items()}
    yes = {"da": "ja", "he": "כן", "ru": "да"}[lang]
    child = spawn(tmp_path, lang)
    child.expect_exact(say(lang, "Prospect name:"))
    child.sendline("Nordlys ApS")
    child.expect_exact(say(lang, "Company (optional):"))
    child.sendline("")
    child.expect_exact(say(lang, "Contact (optional):"))
    child.sendline("")
    child.expect_exact(say(lang, "Your name (the interviewer):"))
    child.sendline({"da": "Ane Ørsted", "he": "נועה", "ru": "Ольга"}[lang])
    child.expect_exact(start_of(lang, "Answers are saved to {path} as you go."))
    goals = BOOK.question_by_id["goals"]
    child.expect_exact(goals.text.get(lang)[:30])
    child.expect_exact(goals.answers[0].label.get(lang))  # type: ignore[union-attr]
    child.sendline("?")
    child.expect_exact(BOOK.category_by_id["muddy_goals"].why.get(lang)[:30])
    child.sendline(goals.answers[0].label.get(lang))  # type: ignore[union-attr]  # a label, typed in the language
    child.expect_exact(BOOK.question_by_id["price_doubts"].text.get(lang)[:30])
    child.sendline(yes)
    child.expect_exact(BOOK.question_by_id["decision_maker"].text.get(lang)[:30])
    child.sendline(letters["back"])
    child.expect_exact(start_of(lang, "now: {answer} (Enter keeps it)"))
    child.sendline("n" if lang == "da" else {"he": "לא", "ru": "нет"}[lang])
    while True:  # the rest unknown, with the language's own letter
        index = child.expect([r"\d+/\d+  ", re.escape(start_of(lang, "Type a number to change that answer, or {finish} "
                                                                   "to finish."))])
        if index == 1:
            break
        child.sendline(letters["unknown"])
    child.sendline(letters["finish"])
    child.expect_exact(start_of(lang, "Answers saved to {path}"))
    child.expect_exact(say(lang, "What did you decide?"))
    child.expect_exact("> ")
    child.sendline("")  # decide later
    child.expect(pexpect.EOF)
    child.close()
    shown = seen(child)
    assert child.exitstatus == 0, shown
    assert start_of(lang, "? NOT ENOUGH EVIDENCE YET, leaning {verdict}") in shown
    assert english_left(shown, lang) == []
    if lang == "he":
        assert shown.count(AUTODETECT_ON) == 1 and RLM in shown and shown.rindex(AUTODETECT_OFF) > shown.rindex(RLM)
    saved = yaml.safe_load(next((tmp_path / "screenings").glob("*.yaml")).read_text(encoding="utf-8"))
    assert saved["status"] == "complete" and saved["lang"] == lang
    assert saved["interviewer"] == {"da": "Ane Ørsted", "he": "נועה", "ru": "Ольга"}[lang]
    assert saved["answers"]["goals"] == "measurable" and saved["answers"]["price_doubts"] == "no"
    assert saved["answers"]["argued_in_meeting"] == "unknown"  # what the file holds is the same in every language


@pytest.mark.pty
def test_hebrew_puts_the_terminal_back_as_it_found_it(tmp_path: Path) -> None:
    child = spawn(tmp_path, "he")
    child.expect_exact(say("he", "Prospect name:"))
    child.expect_exact("> ")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    shown = seen(child)
    assert shown.count(AUTODETECT_ON) == 1 and shown.index(AUTODETECT_OFF) > shown.rindex(RLM)
    assert shown.rstrip().endswith(say("he", "clientscreen: {what}; nothing was saved yet",
                                       what=say("he", "The interview was interrupted")))


def rendered(lang: str, width: int = 80) -> str:
    loaded = load(EXAMPLE)
    with i18n.use(lang):
        given, _ = read(BOOK, loaded)
        buffer = io.StringIO()
        Console(file=buffer, width=width, markup=False, highlight=False, emoji=False, color_system=None).print(
            render(assess(BOOK, given), BOOK, loaded.file.prospect)
        )
    return buffer.getvalue()


@pytest.mark.parametrize("lang", ["en", *LANGUAGES])
def test_the_report_in_each_language_matches_its_golden_text(lang: str) -> None:
    golden = FIXTURES / "golden" / f"report-default-{lang}.txt"
    text = rendered(lang)
    if os.environ.get("CLIENTSCREEN_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
    if lang != "en":
        assert english_left(text, lang) == []


def test_hebrew_has_no_boxes_or_columns_and_every_line_starts_right_to_left() -> None:
    text = rendered("he")
    lines = [line for line in text.splitlines() if line.strip()]
    assert all(line.startswith(RLM) for line in lines)
    assert not set(text) & set("╭╮╰╯│")  # a box's sides would land on the wrong side of a mirrored line
    assert max(len(line.replace(RLM, "").replace(LRM, "")) for line in lines) <= 72  # short lines; marks take no room
    assert not any(line != line.rstrip() for line in lines)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_report_tells_the_verdict_in_the_language(lang: str) -> None:
    text = rendered(lang)
    with i18n.use(lang):
        assert i18n._("negotiate").upper() in text
        assert i18n._("Red flags") in text and i18n._("Why:") in text
    assert BOOK.category_by_id["refuses_prepayment"].title.get(lang) in text
