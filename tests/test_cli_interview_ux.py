"""The interview as a lead on a call uses it, in a real pseudo-terminal, through the installed command.

Line editing with the escape sequences a terminal's arrow keys send; numbers written the way each
language writes them; a typo answered in one line; f anywhere and --quick; the review at 80×24;
resume in the draft's own language and rulebook; the interviewer by name.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pexpect
import pytest
import yaml

from clientscreen import i18n
from clientscreen.interview.engine import SHORTCUTS
from conftest import FIXTURES, Run
from test_cli_interview import decide_later, saved_file, spawn

pytestmark = pytest.mark.pty
RULES = FIXTURES / "core" / "rules.yaml"
LEFT, UP = "\x1b[D", "\x1b[A"  # what a terminal sends for the arrow keys
LANGUAGES = ["en", "da", "he", "ru"]


def say(lang: str, message: str, **values: object) -> str:
    with i18n.use(lang):
        return i18n._(message, **values)


def start_of(lang: str, message: str) -> str:
    return say(lang, message).split("{")[0].strip()


def plain(text: str) -> str:
    """Terminal output without colour codes, carriage returns or the marks that set a line's direction."""
    text = re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", text)
    return text.replace("\r", "").replace("\u200f", "").replace("\u200e", "")


def shows(child: pexpect.spawn, text: str) -> str:
    """Wait for the prompt and check ``text`` came before it, wherever the terminal's width wrapped it."""
    child.expect_exact("> ")
    before = plain(child.before or "")
    assert re.sub(r"\s", "", text) in re.sub(r"\s", "", before), before
    return before


@pytest.mark.parametrize(("lang", "name", "edited"), [("en", "Nordlys", "Ny Nordlys"), ("he", "נורדליס", "נורדאליס")])
def test_arrow_keys_edit_the_line_and_bring_back_earlier_answers(
    tmp_path: Path, lang: str, name: str, edited: str
) -> None:
    child = spawn(tmp_path, "--rules", RULES, "--lang", lang)
    child.expect_exact(say(lang, "Prospect name:"))
    child.expect_exact("> ")
    if lang == "en":
        child.send(name + LEFT * len(name) + "Ny \r")  # back to the start of the line, then typed in front
    else:
        child.send(name + LEFT * 3 + "א\r")  # inside a Hebrew word: characters, not bytes
    for _ in range(3):  # company, contact, interviewer
        child.expect_exact("> ")
        child.sendline("")
    child.expect_exact("1/8")
    child.expect_exact("> ")
    child.sendline("y")
    child.expect_exact("2/8")
    child.expect_exact("> ")
    child.send("waring" + LEFT * 3 + "r\r")  # "warring", corrected where the letter was missing
    child.expect_exact("3/8")
    child.expect_exact("> ")
    child.send(UP + UP + "\r")  # two answers back in this interview's history: "y"
    child.expect_exact("4/8")
    child.expect_exact("> ")
    child.sendintr()
    child.expect(pexpect.EOF)
    shown = child.before or ""
    assert "^[[D" not in shown and "^[[A" not in shown
    data = yaml.safe_load(saved_file(tmp_path).read_text(encoding="utf-8"))
    assert data["prospect"]["name"] == edited
    assert data["answers"] == {"prepay": "yes", "contacts": "warring", "prior_agency": "yes"}


TYPO = {"en": ("yess", "yes"), "da": ("jaa", "ja"), "he": ("כןן", "כן"), "ru": ("даа", "да")}
NUMBER = {"en": "2,500", "da": "3.500", "he": "2,500", "ru": "3 500"}  # as each language groups thousands
VALUE = {"en": 2500, "da": 3500, "he": 2500, "ru": 3500}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_typos_numbers_and_resume_in_each_language(tmp_path: Path, lang: str) -> None:
    child = spawn(tmp_path, "--rules", RULES, "--lang", lang, "--prospect", "Nordlys")
    child.expect_exact("1/8")
    child.expect_exact("> ")
    typo, meant = TYPO[lang]
    child.sendline(typo)
    after = shows(child, say(lang, "{given} is not an answer here; did you mean {suggestion}?",
                             given=repr(typo), suggestion=meant))
    assert "1/8" not in after  # one line said what was wrong; the question was not printed again
    child.sendline("1")
    for prompt, line in (("2/8", "1"), ("3/8", "0"), ("4/7", "0"), ("5/7", "2")):
        child.expect_exact(prompt)
        child.expect_exact("> ")
        child.sendline(line)
    child.expect_exact("6/7")
    child.expect_exact(say(lang, "under {high}", high=i18n.figure(1000, lang)))  # the bands beside the question
    child.expect_exact(say(lang, "{low} or more", low=i18n.figure(5000, lang)))
    child.expect_exact("> ")
    child.sendline("2")  # a budget of 2 a month: a missing k
    far = "{number} is far outside the bands; did you mean {meant}? Type it, or {yes} to keep {number}"
    shows(child, say(lang, far, number="2", meant=i18n.figure(2000, lang), yes=say(lang, "y")))
    child.sendline(NUMBER[lang])
    arrow = "←" if lang == "he" else "→"
    shows(child, f"{NUMBER[lang]} {arrow} {i18n.figure(VALUE[lang], lang)} EUR per month: Market rate")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    ended = plain(child.before or "")
    assert re.search(r"\n" + re.escape(f"clientscreen: {say(lang, 'The interview was interrupted')}"), ended)
    command = shlex.split(re.sub(r"\s*\n\s*", "", ended.split(": ")[-1]))  # the command, unwrapped
    path = saved_file(tmp_path)
    assert command[:4] == ["clientscreen", "interview", "--resume", str(path.relative_to(tmp_path))]
    assert command[4:] == ["--lang", lang, "--rules", str(RULES.resolve())]
    draft = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert draft["lang"] == lang and draft["rulebook"]["path"] == str(RULES.resolve())

    resumed = spawn(tmp_path, "--resume", path)  # neither --lang nor --rules: both come from the draft
    with i18n.use(lang):
        where = i18n._n("{n} answer already given; continuing at question {number} of {total}.",
                        "{n} answers already given; continuing at question {number} of {total}.", 6,
                        number=7, total=7)
    resumed.expect_exact(where)
    resumed.expect_exact("7/7")
    resumed.expect_exact("> ")
    resumed.sendline("")  # an empty note
    resumed.expect_exact(say(lang, "Review your answers"))
    resumed.expect_exact("2 (1 = Not at all … 5 = Fully)")  # a scale point keeps its meaning
    resumed.expect_exact("> ")
    resumed.sendline("6")
    resumed.expect_exact(start_of(lang, "now: {answer} (Enter keeps it)"))
    resumed.expect_exact("> ")
    resumed.sendline("")  # Enter keeps the budget
    resumed.expect_exact(say(lang, "Review your answers"))
    resumed.expect_exact("> ")
    resumed.sendline(SHORTCUTS["finish"][lang])
    decide_later(resumed, say(lang, "What did you decide?"))
    resumed.expect(pexpect.EOF)
    resumed.close()
    assert resumed.exitstatus == 0
    done = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert done["status"] == "complete" and done["lang"] == lang
    assert done["answers"]["budget"] == VALUE[lang] and done["answers"]["prepay"] == "yes"


def review_screen(child: pexpect.spawn) -> list[str]:
    """The lines of one review page as the terminal shows them, from its title to the prompt."""
    child.expect_exact("Review your answers")
    child.expect_exact("> ")
    return ["Review your answers", *plain(child.before or "").split("\n")[1:]]


def test_f_anywhere_and_a_review_that_fits_80_by_24(tmp_path: Path) -> None:
    child = spawn(tmp_path, "--prospect", "Nordlys", cols=80, rows=24)  # the bundled rulebook: dozens of questions
    child.expect_exact("1/")
    child.expect_exact("> ")
    child.sendline("1")
    child.expect_exact("2/")
    child.expect_exact("> ")
    child.sendline("f")
    page = review_screen(child)
    assert len(page) + 1 <= 24 and max(len(line) for line in page) <= 80  # with the prompt, one screen
    assert any(line.startswith("So far: ? NOT ENOUGH EVIDENCE YET, leaning") for line in page)
    pages = int(re.findall(r"Page 1 of (\d+)", "\n".join(page))[0])
    assert pages > 1
    child.sendline("")
    assert any(f"Page 2 of {pages}" in line for line in review_screen(child))
    child.sendline("f")
    child.expect_exact("NOT ENOUGH EVIDENCE YET, leaning")
    decide_later(child)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    data = yaml.safe_load(saved_file(tmp_path).read_text(encoding="utf-8"))
    assert data["status"] == "complete" and len(data["answers"]) == 1  # the rest stays unknown


def test_quick_asks_what_moves_the_verdict_and_stops_when_it_is_settled(tmp_path: Path) -> None:
    child = spawn(tmp_path, "--rules", RULES, "--prospect", "Nordlys", "--quick")
    child.expect_exact("Did they work with an agency before?")  # the way to a knock-out question comes first
    child.expect_exact("> ")
    child.sendline("y")
    child.expect_exact("Did they pay the previous agency in full?")
    child.expect_exact("> ")
    child.sendline("never")  # a decline knock-out: nothing else can change the verdict
    shows(child, "So far: ✖ DECLINE")  # the review comes at once, with the verdict as it stands
    child.sendline("f")
    child.expect_exact("✖ DECLINE")
    child.expect(pexpect.EOF)
    assert "What did you decide?" not in (child.before or "")  # --quick: decide later, with `decide`
    child.close()
    assert child.exitstatus == 0
    data = yaml.safe_load(saved_file(tmp_path).read_text(encoding="utf-8"))
    assert data["answers"] == {"prior_agency": "yes", "paid_prior": "never"}


@pytest.mark.parametrize(
    ("env", "args", "typed", "saved"),
    [
        ({"CLIENTSCREEN_INTERVIEWER": "Anna Berg"}, [], "", "Anna Berg"),  # offered, Enter takes it
        ({}, [], "", "Bo Lund"),  # offered from git's user.name
        ({"CLIENTSCREEN_INTERVIEWER": "Anna Berg"}, [], "Chen Li", "Chen Li"),  # typed over the offer
        ({}, ["--interviewer", "Dana Ek"], None, "Dana Ek"),  # named: not asked
    ],
)
def test_the_interviewer_is_asked_by_name_never_the_account(
    tmp_path: Path, env: dict[str, str], args: list[str], typed: str | None, saved: str
) -> None:
    gitconfig = tmp_path / "gitconfig"
    gitconfig.write_text("[user]\n\tname = Bo Lund\n", encoding="utf-8")
    child = spawn(tmp_path, "--rules", RULES, *args, env=env)
    child.expect_exact("Prospect name:")
    child.expect_exact("> ")
    child.sendline("Nordlys")
    for _ in range(2):
        child.expect_exact("> ")
        child.sendline("")
    if typed is not None:
        offered = env.get("CLIENTSCREEN_INTERVIEWER", "Bo Lund")
        shows(child, f"Your name (the interviewer):  Enter: {offered}")
        child.sendline(typed)
    child.expect_exact("1/8")
    child.expect_exact("> ")
    child.sendintr()
    child.expect(pexpect.EOF)
    assert yaml.safe_load(saved_file(tmp_path).read_text(encoding="utf-8"))["interviewer"] == saved


def test_with_no_name_anywhere_no_interviewer_is_saved(tmp_path: Path) -> None:
    child = spawn(tmp_path, "--rules", RULES, "--prospect", "Nordlys")  # no git name, no variable
    child.expect_exact("1/8")
    child.expect_exact("> ")
    child.sendintr()
    child.expect(pexpect.EOF)
    assert "interviewer" not in yaml.safe_load(saved_file(tmp_path).read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_report_on_an_empty_draft_says_draft_and_not_enough_evidence(
    cli: Run, cli_in_process: Run, tmp_path: Path, lang: str,
) -> None:
    draft = tmp_path / "draft.yaml"
    draft.write_text(yaml.safe_dump({"status": "draft", "prospect": {"name": "Nordlys"}, "answers": {}}),
                     encoding="utf-8")
    run = cli if lang == "he" else cli_in_process  # one real run of the four languages
    shown = run("report", draft, "--rules", RULES, "--lang", lang)
    assert shown.returncode == 0, shown.stderr
    assert say(lang, "DRAFT: the interview is not finished") in shown.stdout
    take = say(lang, "take").upper()
    assert say(lang, "? NOT ENOUGH EVIDENCE YET, leaning {verdict}", verdict=take) in shown.stdout
    assert f"✔ {take}" not in shown.stdout
    if lang != "en":
        return  # the JSON's keys are the same in every language
    data = json.loads(cli_in_process("report", draft, "--rules", RULES, "--lang", lang, "-f", "json").stdout)
    assert data["draft"] is True and data["enough_evidence"] is False and data["verdict"] == "take"
