"""Rulebook texts in several languages: the fallback to English text by text, typed labels, and the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clientscreen import i18n
from clientscreen.answers import parse
from clientscreen.errors import InputError
from clientscreen.report.content import to_dict
from clientscreen.report.markdown import to_markdown
from clientscreen.rulebook import lint
from clientscreen.rulebook.model import load_rulebook, parse_rulebook
from clientscreen.rulebook.safeyaml import parse_yaml
from clientscreen.scoring import score
from conftest import FIXTURES, REPO, Run

PARTIAL = FIXTURES / "i18n" / "partial.yaml"
BOOK = load_rulebook(PARTIAL)
DEFAULT = load_rulebook(REPO / "rules" / "default.yaml")


def test_a_missing_translation_falls_back_to_english_for_that_text_only() -> None:
    with i18n.use("da"):
        report = to_dict(score(BOOK, {"prepay": "no", "contacts": "many"}), BOOK)
    flags = {f["question"]: f for f in report["flags"]}
    assert flags["prepay"]["text"] == "Betaler de en del af honoraret forud?"
    assert flags["prepay"]["why"] == "En kunde, der ikke vil betale forud, betaler måske slet ikke."
    assert flags["prepay"]["advice"] == "Ask for half up front."  # no Danish advice: the English one
    assert flags["contacts"]["text"] == "Who signs off the work?"
    assert flags["contacts"]["answer_label"] == "Flere, der er uenige"
    assert report["lang"] == "da"


def test_a_language_the_rulebook_lacks_entirely_reads_as_english() -> None:
    with i18n.use("he"):
        report = to_dict(score(BOOK, {"prepay": "no"}), BOOK)
    assert report["flags"][0]["text"] == "Will they pay part of the fee up front?"
    assert report["flags"][0]["category_title"] == "Refuses prepayment"


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_labels_are_understood_in_every_language_whatever_the_reader_reads(lang: str) -> None:
    contacts = BOOK.question_by_id["contacts"]
    with i18n.use(lang):
        for typed in ("many", "2", "Several people who disagree", "flere, der er uenige", "НЕСКОЛЬКО НЕСОГЛАСНЫХ"):
            assert parse(contacts, typed).stored() == "many", typed


@pytest.mark.parametrize(
    ("question", "typed", "value"),
    [
        ("goals", "Et målbart mål og en dato", "measurable"),
        ("goals", "Измеримая цель и срок", "measurable"),
        ("decision_maker", "Several people who contradict each other", "rivals"),
        ("prepayment", "nej", "no"),
        ("prepayment", "כן", "yes"),
        ("prepayment", "Да", "yes"),
        ("monthly_budget", "3.500,50", 3500.5),
        ("monthly_budget", "3 500", 3500),
    ],
)
def test_the_default_rulebook_takes_answers_in_any_of_its_languages(question: str, typed: str, value: object) -> None:
    with i18n.use("en"):
        assert parse(DEFAULT.question_by_id[question], typed).stored() == value


def test_every_label_of_the_default_rulebook_types_back_to_its_own_answer() -> None:
    for q in DEFAULT.questions:
        if q.type == "number":  # a band's label names a range: the answer is a number in it
            continue
        for a in q.answers:
            for text in a.label.all() if a.label else ():
                assert parse(q, text).option is a, (q.id, text)


def test_the_default_rulebook_is_complete_in_every_language() -> None:
    from clientscreen.rulebook.model import languages_of, localized_texts

    assert languages_of(DEFAULT) == i18n.LANGUAGES
    for loc, text in localized_texts(DEFAULT):
        assert all(text.has(lang) for lang in i18n.LANGUAGES), loc


def test_rules_check_warns_about_each_missing_translation_with_its_line() -> None:
    found = [f for f in lint.check_file(PARTIAL).findings if f.code == "CS304"]
    danish = {(f.line, f.message.split(":")[0]) for f in found if "(da)" in f.message}
    assert danish == {(14, "categories[0].advice"), (27, "questions[1].text")}
    russian = [f for f in found if "(ru)" in f.message]
    assert len(russian) == 7  # every text but the one label that has Russian
    assert all(f.severity == "warning" for f in found)
    assert found[0].message.endswith("readers in Danish see the English here") or "(ru)" in found[0].message


def test_declared_languages_decide_what_is_missing() -> None:
    text = PARTIAL.read_text(encoding="utf-8").replace("version: \"1\"", "version: \"1\"\nlanguages: [en, da]")
    doc = parse_yaml(text, "declared.yaml")
    report = lint.check_document(doc, Path("declared.yaml"))
    assert {f.message.split("(")[1][:2] for f in report.findings if f.code == "CS304"} == {"da"}


@pytest.mark.parametrize(
    ("title", "line", "col", "message"),
    [
        ("{en: Partial, dk: Delvis}", 4, 22, "title.dk: 'dk' is not a language of clientscreen; texts are given in "
                                             "en, da, he, ru"),
        ("{da: Delvis}", 4, 1, "title.en: the English text (en) is required: other languages fall back to it"),
        ("{en: Partial, da: ''}", 4, 22, "title.da: String should have at least 1 character"),
        ("[Partial]", 4, 1, "title: should be text, or a map of language to text (en: …, da: …), got ['Partial']"),
        ("", 4, 1, "title: is empty; write the text after the colon"),
    ],
)
def test_a_text_in_the_wrong_shape_is_an_error_at_its_line(title: str, line: int, col: int, message: str) -> None:
    text = PARTIAL.read_text(encoding="utf-8").replace("title: {en: Partial, da: Delvis}", f"title: {title}")
    with pytest.raises(InputError) as caught:
        parse_rulebook(parse_yaml(text, "bad.yaml"))
    assert str(caught.value.problems[0]) == f"bad.yaml:{line}:{col}: {message}"


def test_markdown_and_json_carry_hebrew_as_it_is() -> None:
    answers = {"prepayment": "no", "goals": "none"}
    with i18n.use("he"):
        markdown = to_markdown(score(DEFAULT, answers), DEFAULT)
        data = to_dict(score(DEFAULT, answers), DEFAULT)
    assert "\u200f" not in markdown and "\u200f" not in json.dumps(data, ensure_ascii=False)
    assert data["flags"][0]["text"] == DEFAULT.question_by_id["goals"].text.he


# -- the command line ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (["--lang", "da"], {"CLIENTSCREEN_LANG": "ru", "LANG": "he_IL.UTF-8"}, "da"),
        ([], {"CLIENTSCREEN_LANG": "ru", "LANG": "he_IL.UTF-8"}, "ru"),
        ([], {"LANG": "he_IL.UTF-8"}, "he"),
        ([], {"LC_ALL": "da_DK.UTF-8", "LANG": "ru_RU.UTF-8"}, "da"),
        ([], {"LANG": "fr_FR.UTF-8"}, "en"),
        (["--lang", "en"], {"CLIENTSCREEN_LANG": "da"}, "en"),
    ],
)
def test_every_command_takes_lang_then_the_variable_then_the_locale(
    cli: Run, cli_in_process: Run, args: list[str], env: dict[str, str], expected: str
) -> None:
    """The locale alone through the installed command; the other orders through its entry point, in process."""
    run = cli if env == {"LANG": "he_IL.UTF-8"} else cli_in_process
    done = run("report", REPO / "examples" / "prospects" / "kontor-gruppen.yaml", "--format", "json", *args, env=env)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["lang"] == expected
    assert data["flags"][0]["text"] == DEFAULT.question_by_id[data["flags"][0]["question"]].text.get(expected)


@pytest.mark.parametrize(
    "command",
    [["report", "x.yaml"], ["interview"], ["template"], ["score", "-"], ["rules", "check"], ["rules", "test"],
     ["rules", "diff", "a", "b", "--prospects", "p"], ["rules", "schema"], ["rules", "show"]],
)
def test_an_unknown_language_is_a_usage_error_on_every_command(
    cli: Run, cli_in_process: Run, command: list[str],
) -> None:
    """The first command through the installed command, the others through its entry point in this process."""
    run = cli if command == ["report", "x.yaml"] else cli_in_process
    done = run(*command, "--lang", "klingon")
    assert done.returncode == 2
    assert done.stderr == (
        "clientscreen: --lang 'klingon' is not a language clientscreen speaks; use one of en, da, he, ru\n"
    )


def test_a_bad_variable_is_reported_in_the_language_of_the_locale(cli: Run) -> None:
    done = cli("rules", "check", env={"CLIENTSCREEN_LANG": "xx", "LANG": "ru_RU.UTF-8"})
    assert done.returncode == 2
    assert "CLIENTSCREEN_LANG 'xx'" in done.stderr and "is not a language" not in done.stderr


def test_errors_and_summaries_are_in_the_chosen_language(cli: Run, cli_in_process: Run, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("prospect: {name: X}\nanswers: {prepayment: måske}\n", encoding="utf-8")
    done = cli("report", answers, "--lang", "da")
    assert done.returncode == 3
    assert done.stderr.startswith(f"{answers}:2:11: answers.prepayment: 'måske' ")
    assert "is not an answer here" not in done.stderr
    leads = tmp_path / "leads.csv"
    leads.write_text("id,name,prepayment\n1,A,ja\n2,B,нет\n", encoding="utf-8")
    done = cli_in_process("score", leads, "--lang", "ru")
    assert done.returncode == 0, done.stderr
    assert "rows" not in done.stderr and "2 строки" in done.stderr


def test_lang_may_come_before_the_command_and_the_command_s_own_wins(cli: Run, cli_in_process: Run) -> None:
    example = REPO / "examples" / "prospects" / "kontor-gruppen.yaml"
    before = cli_in_process("--lang", "ru", "report", example, "--format", "json")
    both = cli_in_process("--lang", "ru", "report", example, "--format", "json", "--lang", "he",
                          env={"CLIENTSCREEN_LANG": "da"})
    assert json.loads(before.stdout)["lang"] == "ru" and json.loads(both.stdout)["lang"] == "he"
    helped = cli("--lang", "da", "--help")  # help texts are translated once, at start-up: a real process
    assert helped.returncode == 0 and "Screen et kundeemne før det første møde" in helped.stdout


def test_a_csv_answered_in_labels_of_every_language_scores_as_its_values(cli_in_process: Run, tmp_path: Path) -> None:
    goals, decision = DEFAULT.question_by_id["goals"], DEFAULT.question_by_id["decision_maker"]
    rows = ["id;name;goals;decision_maker;prepayment"]
    rows += ["v;Values;none;rivals;no"]
    for lang in ("en", "da", "he", "ru"):
        none, rivals = goals.by_value["none"].label, decision.by_value["rivals"].label
        assert none is not None and rivals is not None
        no = {"en": "No", "da": "NEJ", "he": "לא", "ru": "Нет"}[lang]
        rows.append(f"{lang};{lang};{none.get(lang)};{rivals.get(lang)};{no}")
    leads = tmp_path / "leads.csv"
    leads.write_bytes(("\r\n".join(rows) + "\r\n").encode("utf-8-sig"))  # Excel's "CSV UTF-8"
    done = cli_in_process("score", leads, "--format", "jsonl", "--texts", "--lang", "da")
    assert done.returncode == 0, done.stderr
    scored = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(scored) == 5 and len({(s["verdict"], s["score"]) for s in scored}) == 1
    assert scored[0]["verdict"] == "decline"
    assert all(s["answers"] == scored[0]["answers"] for s in scored)


def test_the_questions_template_is_in_the_chosen_language_with_every_translation_beside(cli_in_process: Run) -> None:
    done = cli_in_process("template", "--format", "json", "--lang", "ru")
    data = json.loads(done.stdout)
    goals = next(q for q in data["questions"] if q["id"] == "goals")
    assert data["lang"] == "ru" and goals["text"] == DEFAULT.question_by_id["goals"].text.ru
    assert set(goals["texts"]) == {"en", "da", "he", "ru"}
    assert goals["values"][0]["label"] == DEFAULT.question_by_id["goals"].answers[0].label.ru  # type: ignore[union-attr]
