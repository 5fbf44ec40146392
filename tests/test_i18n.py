"""Languages: choosing one, the catalogs against the source, plural rules, numbers, and the fallback to English."""

from __future__ import annotations

import string

import pytest

from clientscreen import i18n
from clientscreen.i18n import _, _n
from messages import fields, scan

TRANSLATED = [lang for lang in i18n.LANGUAGES if lang != "en"]
SOURCE = scan()


def test_every_text_given_to_the_catalogs_is_a_literal() -> None:
    assert SOURCE.not_literal == []  # an f-string or a variable cannot be looked up: it would stay English
    assert len(SOURCE.messages) > 300


@pytest.mark.parametrize("lang", TRANSLATED)
def test_each_catalog_has_every_text_of_the_source_and_nothing_else(lang: str) -> None:
    catalog = i18n.catalog(lang)
    missing = [m for m in SOURCE.messages if m not in catalog]
    stale = [m for m in catalog if m not in SOURCE.messages]
    assert missing == [] and stale == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_keep_the_fields_and_count_in_the_forms_of_their_language(lang: str) -> None:
    catalog = i18n.catalog(lang)
    for msgid, message in SOURCE.messages.items():
        translation = catalog.get(msgid)
        if translation is None:
            continue
        if message.plural is None:
            assert isinstance(translation, str), msgid
            assert fields(translation) == fields(msgid), msgid
            assert translation.strip(), msgid
        else:
            assert isinstance(translation, tuple) and len(translation) == i18n.PLURAL_FORMS[lang], msgid
            english = fields(msgid) | fields(message.plural)
            for form in translation:
                # a form may leave the number out ("one point"), never a field of its own
                assert fields(form) <= english and english - {"n"} <= fields(form), (msgid, form)


# Texts a language writes exactly as English does (a loanword, a symbol); anything else equal to its English is
# a text nobody translated.
SAME_ON_PURPOSE: dict[str, set[str]] = {
    "da": {
        "Score",  # a Danish loanword, and the report's own word for it
        "TODO", "(todo: {reason})", "todo: {mismatches}",  # the name of the case's todo field
        "score {old} -> {new}", "score {old} -> {new} ({delta:+d})",
    },
    "he": set(),
    "ru": set(),
}


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_translation_is_left_in_english(lang: str) -> None:
    catalog = i18n.catalog(lang)
    same = [m for m, t in catalog.items() if t == m and _words(m) and m not in SAME_ON_PURPOSE[lang]]
    assert same == []


def _words(text: str) -> bool:
    """Whether a text has letters outside its fields."""
    outside = "".join(literal for literal, _, _, _ in string.Formatter().parse(text))
    return any(c.isalpha() for c in outside)


@pytest.mark.parametrize(
    ("option", "environ", "expected"),
    [
        ("da", {"CLIENTSCREEN_LANG": "ru", "LANG": "he_IL.UTF-8"}, "da"),
        (None, {"CLIENTSCREEN_LANG": "ru", "LANG": "he_IL.UTF-8"}, "ru"),
        (None, {"LANG": "he_IL.UTF-8"}, "he"),
        (None, {"LC_ALL": "da_DK.UTF-8", "LC_MESSAGES": "ru_RU.UTF-8", "LANG": "he_IL"}, "da"),
        (None, {"LC_MESSAGES": "ru_RU.UTF-8", "LANG": "he_IL"}, "ru"),
        (None, {"LC_ALL": "", "LANG": "ru_RU.KOI8-R"}, "ru"),
        (None, {"LANG": "iw_IL.UTF-8"}, "he"),  # Hebrew's old code, still in some locales
        (None, {"LANG": "C.UTF-8"}, "en"),
        (None, {"LC_ALL": "POSIX", "LANG": "da_DK"}, "en"),
        (None, {"LC_ALL": "fr_FR.UTF-8", "LANG": "da_DK"}, "en"),  # set for other programs: not an error
        (None, {}, "en"),
        ("DA-dk", {}, "da"),
        ("ru_RU.UTF-8", {}, "ru"),
        (" he ", {}, "he"),
    ],
)
def test_lang_then_the_variable_then_the_locale_then_english(
    option: str | None, environ: dict[str, str], expected: str
) -> None:
    assert i18n.choose(option, environ) == expected


@pytest.mark.parametrize(
    ("option", "environ", "source"), [("fr", {}, "--lang"), (None, {"CLIENTSCREEN_LANG": "xx"}, "CLIENTSCREEN_LANG")]
)
def test_a_language_asked_for_by_name_that_is_not_known_is_an_error(
    option: str | None, environ: dict[str, str], source: str
) -> None:
    with pytest.raises(i18n.UnknownLanguage) as caught:
        i18n.choose(option, environ)
    assert str(caught.value).startswith(source) and "en, da, he, ru" in str(caught.value)


def test_the_error_about_an_unknown_language_is_in_the_language_of_the_machine() -> None:
    with pytest.raises(i18n.UnknownLanguage) as caught:
        i18n.choose("fr", {"LANG": "da_DK.UTF-8"})
    assert str(caught.value) != str(pytest.raises(i18n.UnknownLanguage, i18n.choose, "fr", {}).value)


@pytest.mark.parametrize(
    ("n", "form"),
    [(0, 2), (1, 0), (2, 1), (4, 1), (5, 2), (11, 2), (12, 2), (14, 2), (21, 0), (22, 1), (25, 2), (101, 0), (111, 2),
     (112, 2), (1001, 0)],
)
def test_russian_counts_take_three_forms(n: int, form: int) -> None:
    assert i18n.plural_form("ru", n) == form


@pytest.mark.parametrize(("lang", "n", "form"), [("he", 1, 0), ("he", 2, 1), ("he", 3, 2), ("he", 0, 2), ("da", 1, 0),
                                                  ("da", 0, 1), ("en", 2, 1)])
def test_hebrew_has_a_dual_and_danish_two_forms(lang: str, n: int, form: int) -> None:
    assert i18n.plural_form(lang, n) == form


@pytest.mark.parametrize(
    ("lang", "value", "decimals", "text"),
    [("en", 1500.5, 1, "1,500.5"), ("da", 1500.5, 1, "1.500,5"), ("ru", 1500.5, 1, "1\u00a0500,5"),
     ("he", 1500.5, 1, "1,500.5"), ("da", 1234567, 0, "1.234.567"), ("ru", -2500, 0, "-2\u00a0500")],
)
def test_numbers_are_written_the_way_the_language_writes_them(
    lang: str, value: float, decimals: int, text: str
) -> None:
    assert i18n.number(value, decimals, lang) == text


def test_percent_signs_are_spaced_where_the_language_spaces_them() -> None:
    assert [i18n.percent(0.625, lang) for lang in i18n.LANGUAGES] == ["62%", "62\u00a0%", "62%", "62\u00a0%"]


def test_a_text_no_catalog_has_falls_back_to_english_with_its_fields() -> None:
    with i18n.use("da"):
        assert _("no catalog has this {thing}", thing="text") == "no catalog has this text"
        assert _n("{n} thing", "{n} things", 3) == "3 things"
    assert i18n.current() == "en"


def test_use_restores_the_language_even_after_an_error() -> None:
    with pytest.raises(RuntimeError), i18n.use("ru"):
        raise RuntimeError
    assert i18n.current() == "en"
    with pytest.raises(i18n.UnknownLanguage):
        i18n.set_language("xx")


@pytest.mark.parametrize("lang", TRANSLATED)
def test_counted_texts_pick_the_form_of_the_count(lang: str) -> None:
    with i18n.use(lang):
        one, two, five = (_n("{n} row", "{n} rows", n) for n in (1, 2, 5))
    assert one != five and "1" in one and "5" in five
    if lang == "ru":
        assert len({one, two.replace("2", "5"), five}) == 3  # строка, строки, строк
