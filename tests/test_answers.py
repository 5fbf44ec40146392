"""The answer parser: typed words in four languages, answers-file values and CSV cells all mean the same answer."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clientscreen import i18n
from clientscreen.answers import UNKNOWN, AnswerError, Given, accepted, parse, parse_number
from clientscreen.rulebook import schema
from clientscreen.rulebook.model import Question

YESNO = schema.record(Question,
    {
        "id": "prepay",
        "category": "pay",
        "text": "Will they pay up front?",
        "type": "yesno",
        "answers": [{"value": "yes", "points": -2}, {"value": "no", "points": 6}],
    }
)
CHOICE = schema.record(Question,
    {
        "id": "goals",
        "category": "goals",
        "text": "How do they describe their goals?",
        "type": "choice",
        "answers": [
            {"value": "measurable", "label": "Measurable targets", "points": -2},
            {"value": "vague", "label": "Vague wishes", "points": 3},
            {"value": "none", "label": "No goals at all", "points": 5},
        ],
    }
)
SCALE = schema.record(Question,
    {
        "id": "trust",
        "category": "trust",
        "text": "How much do they trust your expertise?",
        "type": "scale",
        "answers": [{"value": n, "points": 3 - n} for n in range(1, 6)],
    }
)
NUMBER = schema.record(Question,
    {
        "id": "budget",
        "category": "pay",
        "text": "Monthly budget?",
        "type": "number",
        "unit": "DKK per month",
        "answers": [
            {"value": "tiny", "below": 1000, "points": 8},
            {"value": "low", "below": 10000, "points": 5},
            {"value": "market", "points": 0},
        ],
    }
)
NOTE = schema.record(Question, {"id": "notes", "text": "Anything else?", "type": "note"})


def value_of(question: Question, raw: object, **options: str) -> str | int | None:
    given = parse(question, raw, **options)  # type: ignore[arg-type]
    return given.option.value if given.option else None


def refusal(question: Question, raw: object, **options: str) -> str:
    with pytest.raises(AnswerError) as caught:
        parse(question, raw, **options)  # type: ignore[arg-type]
    return str(caught.value)


# --- yes and no, as people write them ---------------------------------------------------------------

YES = ["yes", "y", "true", "1", "ja", "j", "да", "д", "כן"]
NO = ["no", "n", "false", "0", "nej", "нет", "н", "לא"]


@pytest.mark.parametrize("word", YES + [w.upper() for w in YES] + ["Yes", "Ja", "Да", "  ja  ", "\tyes\n"])
def test_yes_in_every_language_and_case(word: str) -> None:
    assert value_of(YESNO, word) == "yes"


@pytest.mark.parametrize("word", NO + [w.upper() for w in NO] + ["No", "Nej", "Нет", " нет "])
def test_no_in_every_language_and_case(word: str) -> None:
    assert value_of(YESNO, word) == "no"


@pytest.mark.parametrize(("raw", "value"), [(True, "yes"), (False, "no"), (1, "yes"), (0, "no"), (1.0, "yes")])
def test_yes_and_no_from_typed_values_in_answers_files(raw: object, value: str) -> None:
    assert value_of(YESNO, raw) == value


@pytest.mark.parametrize("raw", ["maybe", "2", 2, -1, "yesno", "nein", "oui", 0.5, [], {"yes": 1}])
def test_anything_else_is_not_yes_or_no(raw: object) -> None:
    assert refusal(YESNO, raw).endswith("is not an answer here; expected yes or no")


def test_the_refusal_shows_what_was_given() -> None:
    assert refusal(YESNO, "maybe") == "'maybe' is not an answer here; expected yes or no"
    long = "x" * 100
    assert refusal(YESNO, long) == f"'{'x' * 37}...' is not an answer here; expected yes or no"


# --- unknown ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw", [None, "", "   ", "unknown", "UNKNOWN", "u", "?", "n/a", "N/A", "na", "-", "ved ikke", "Ukendt", "не знаю"]
)
@pytest.mark.parametrize("question", [YESNO, CHOICE, SCALE, NUMBER])
def test_unknown_words_and_blanks_mean_unknown(question: Question, raw: object) -> None:
    given = parse(question, raw)
    assert given == UNKNOWN
    assert not given.known
    assert given.stored() is None


@pytest.mark.parametrize("raw", ["לא ידוע", "לא יודע", "Неизвестно"])
def test_hebrew_and_russian_unknown_are_not_mistaken_for_no(raw: str) -> None:
    assert parse(YESNO, raw) == UNKNOWN


# --- choices ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("vague", "vague"),
        ("VAGUE", "vague"),
        (" none ", "none"),
        ("Measurable targets", "measurable"),  # the label the sales lead read
        ("no goals at all", "none"),
        ("1", "measurable"),  # the number shown beside it, from 1
        ("3", "none"),
        (2, "vague"),
        (3.0, "none"),
    ],
)
def test_a_choice_by_value_label_or_number(raw: object, value: str) -> None:
    assert value_of(CHOICE, raw) == value


@pytest.mark.parametrize("raw", ["0", "4", 4, -1, "vag", True, "yes", 1.5])
def test_a_choice_that_is_none_of_them_lists_them_all(raw: object) -> None:
    message = refusal(CHOICE, raw)
    assert message.endswith("is not an answer here; expected 1 measurable, 2 vague, 3 none")


# --- scales -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "value"), [("1", 1), ("5", 5), (3, 3), (4.0, 4), (" 2 ", 2), ("+3", 3)])
def test_a_scale_by_its_number(raw: object, value: int) -> None:
    assert value_of(SCALE, raw) == value


@pytest.mark.parametrize("raw", ["0", "6", 6, 2.5, True, False, "three", "yes"])
def test_a_scale_refuses_what_is_off_it(raw: object) -> None:
    assert refusal(SCALE, raw).endswith("is not an answer here; expected 1 to 5")


# --- numbers and bands ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1500", 1500.0),
        ("150.000,50", 150000.5),  # Danish
        ("1.500.000", 1500000.0),
        ("1 500", 1500.0),  # Russian and Danish grouping
        ("1\u00a0500", 1500.0),  # no-break space, as Excel writes it
        ("1\u202f500", 1500.0),  # narrow no-break space
        ("1'500", 1500.0),  # Swiss
        ("1 500,50", 1500.5),
        ("1,500.50", 1500.5),  # English
        ("1,500,000", 1500000.0),
        ("12,5", 12.5),  # decimal comma: not three digits after it, so not a grouping
        ("12.5", 12.5),
        ("0,75", 0.75),
        (",5", 0.5),
        ("-1 500", -1500.0),
        ("+20", 20.0),
        ("1234,567", 1234.567),  # four digits before the mark: no grouping reads it
    ],
)
def test_numbers_as_spreadsheets_write_them(text: str, number: float) -> None:
    assert parse_number(text) == number


@pytest.mark.parametrize("text", ["1,500", "1.500", "12,345", "-999.000"])
def test_a_number_that_reads_two_ways_is_never_guessed(text: str) -> None:
    with pytest.raises(AnswerError) as caught:
        parse_number(text)
    assert str(caught.value) == (
        f"{text!r} could be a whole number or a decimal; write it without grouping "
        "or say which mark is the decimal one (--decimal , or --decimal .)"
    )


@pytest.mark.parametrize(
    ("text", "decimal", "number"),
    [
        ("1,500", ",", 1.5),
        ("1,500", ".", 1500.0),
        ("1.500", ",", 1500.0),
        ("1.500", ".", 1.5),
        ("150.000,50", ",", 150000.5),
        ("1,500.50", ".", 1500.5),
        ("1 500,5", ",", 1500.5),
        ("1500", ",", 1500.0),
        (",5", ",", 0.5),
    ],
)
def test_the_decimal_option_settles_it(text: str, decimal: str, number: float) -> None:
    assert parse_number(text, decimal) == number


@pytest.mark.parametrize(
    ("text", "decimal"),
    [
        ("150.000,50", "."),  # with '.' as the decimal mark, a comma cannot follow it (not 150.0005)
        ("1.500,5", "."),
        ("1,5", "."),  # a comma groups three digits, so this is not 15
        ("1.5", ","),  # nor this
        ("12,34,567", "."),  # Indian grouping is not read
        ("1,500,000", ","),
        ("1.5.5", ","),
    ],
)
def test_with_the_decimal_option_the_other_mark_only_groups_thousands(text: str, decimal: str) -> None:
    with pytest.raises(AnswerError) as caught:
        parse_number(text, decimal)
    assert str(caught.value) == f"{text!r} is not a number"


@pytest.mark.parametrize("text", ["", "abc", "1e5", "nan", "inf", "12 DKK", "1..5", "1,,5", "--1", "+", ",", "5-"])
@pytest.mark.parametrize("decimal", [None, ",", "."])
def test_not_numbers(text: str, decimal: str | None) -> None:
    with pytest.raises(AnswerError, match="is not a number$"):
        parse_number(text, decimal)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_english_and_danish_grouping_read_back_the_same_number(number: int) -> None:
    english = f"{number:,}"
    danish = english.replace(",", ".")
    assert parse_number(english, ".") == number
    assert parse_number(danish, ",") == number
    assert parse_number(english.replace(",", "\u00a0")) == number


@pytest.mark.parametrize(
    ("raw", "band", "number"),
    [
        ("999", "tiny", 999.0),
        ("1 000", "low", 1000.0),  # 'below' is exclusive
        ("9.999,99", "low", 9999.99),
        ("10 000", "market", 10000.0),
        ("1,000,000", "market", 1000000.0),
        (0, "tiny", 0.0),
        (-5, "tiny", -5.0),
        (12000, "market", 12000.0),
        (9999.5, "low", 9999.5),
    ],
)
def test_a_number_falls_in_its_band(raw: object, band: str, number: float) -> None:
    given = parse(NUMBER, raw)
    assert given.option is not None and given.option.value == band
    assert given.number == number


@pytest.mark.parametrize(
    "raw",
    [
        True,
        False,
        "lots",
        float("nan"),
        float("inf"),
        "1e400",
        pytest.param(10**400, id="10**400"),
        [1000],
        "12 000 DKK",
    ],
)
def test_a_number_question_refuses_what_is_no_finite_number(raw: object) -> None:
    assert refusal(NUMBER, raw).endswith("is not a number; expected a number (DKK per month)")


def test_an_ambiguous_budget_says_how_to_settle_it() -> None:
    assert "--decimal , or --decimal ." in refusal(NUMBER, "1,500")
    assert value_of(NUMBER, "1,500", decimal=",") == "tiny"
    assert value_of(NUMBER, "1,500", decimal=".") == "low"


# --- notes and what is stored -----------------------------------------------------------------------


def test_a_note_takes_any_text_and_never_scores() -> None:
    given = parse(NOTE, "Wants it yesterday; ja, really")
    assert given == Given(note="Wants it yesterday; ja, really")
    assert not given.known
    assert parse(NOTE, 42).note == "42"


@pytest.mark.parametrize(
    ("question", "raw", "stored"),
    [
        (NUMBER, "1 500", 1500),
        (NUMBER, "1 500,5", 1500.5),
        (YESNO, "ja", "yes"),
        (CHOICE, "2", "vague"),
        (SCALE, "4", 4),
        (NOTE, "text", "text"),
        (YESNO, "?", None),
    ],
)
def test_the_value_written_back_is_the_canonical_one(question: Question, raw: object, stored: object) -> None:
    assert parse(question, raw).stored() == stored


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        (YESNO, "yes or no"),
        (NUMBER, "a number (DKK per month)"),
        (NOTE, "any text"),
        (SCALE, "1 to 5"),
        (CHOICE, "1 measurable, 2 vague, 3 none"),
    ],
)
def test_what_each_question_accepts(question: Question, shown: str) -> None:
    assert accepted(question) == shown


@pytest.mark.parametrize("raw", ["2,500", "€2500", "2.5k", "2 500 kr."])
def test_files_and_csv_cells_stay_strict_where_the_interview_reads_what_people_type(raw: str) -> None:
    with pytest.raises(AnswerError):
        parse(NUMBER, raw)  # no language given: a file's "2,500" is ambiguous, a currency or k is not a number


@pytest.mark.parametrize(
    ("lang", "raw", "number"),
    [("en", "2,500", 2500), ("da", "2.500", 2500), ("ru", "2\u00a0500", 2500), ("he", "₪2,500", None),
     ("da", "2.500 kr.", 2500), ("da", "DKK 2500", 2500), ("en", "12.5K", 12500)],
)
def test_typed_numbers_follow_the_language_and_the_question_currency(lang: str, raw: str, number: float | None) -> None:
    if number is None:  # shekels on a question in DKK
        with pytest.raises(AnswerError, match="ILS.*DKK"):
            parse(NUMBER, raw, typed_in=lang)
        return
    assert parse(NUMBER, raw, typed_in=lang).number == number


def test_a_decimal_mark_of_another_language_says_which_mark_this_one_uses() -> None:
    with i18n.use("da"), pytest.raises(AnswerError, match="','"):
        parse(NUMBER, "2.5", typed_in="da")
