"""Languages: choosing one, the catalogs against the source, plural rules, numbers, and the fallback to English."""

from __future__ import annotations

import gettext
import io
import os
import shutil
import string
import subprocess
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent

import messages
from clientscreen import i18n
from clientscreen.i18n import _, _n, po
from messages import TEMPLATE, Scan, catalog, entries, fields, plural_forms, po_path, scan, to_do

TRANSLATED = [lang for lang in i18n.LANGUAGES if lang != "en"]


@cache
def source() -> Scan:
    """The texts of the source, read once, by the first test that asks: not at collection, on every worker."""
    return scan()


def test_every_text_given_to_the_catalogs_is_a_literal() -> None:
    found = source()
    assert found.not_literal == []  # an f-string or a variable cannot be looked up: it would stay English
    assert len(found.messages) > 300


@pytest.mark.parametrize("lang", TRANSLATED)
def test_each_catalog_has_every_text_of_the_source_and_nothing_else(lang: str) -> None:
    finished = catalog(lang)  # an untranslated or fuzzy entry counts as missing: it would show in English
    texts = source().messages
    missing = [m for m in texts if m not in finished]
    stale = [e.msgid for e in entries(lang) if e.msgid not in texts]
    assert missing == [] and stale == [], f"python tests/messages.py {lang} lists them"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_each_entry_is_counted_exactly_when_the_source_counts_it(lang: str) -> None:
    texts = source().messages
    wrong = [e.msgid for e in entries(lang) if e.msgid in texts and e.msgid_plural != texts[e.msgid].plural]
    assert wrong == []  # a _n() text needs msgid_plural (and the same English plural), a _() text none


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_keep_the_fields_and_count_in_the_forms_of_their_language(lang: str) -> None:
    finished = catalog(lang)
    forms = plural_forms(lang)[0]
    for msgid, message in source().messages.items():
        translation = finished.get(msgid)
        if translation is None:
            continue
        if message.plural is None:
            assert isinstance(translation, str), msgid
            assert fields(translation) == fields(msgid), msgid
            assert translation.strip(), msgid
        else:
            assert isinstance(translation, tuple) and len(translation) == forms, msgid
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
    same = [m for m, t in catalog(lang).items() if t == m and _words(m) and m not in SAME_ON_PURPOSE[lang]]
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


@cache
def plural_rule(lang: str) -> Callable[[int], int]:
    """The rule the project writes: a catalog's ``Plural-Forms``, or English's, which needs no catalog.

    Read once per language: two dozen counts are checked against it, and each read parsed the whole catalog.
    """
    return (lambda n: int(n != 1)) if lang == "en" else gettext.c2py(plural_forms(lang)[1])


@pytest.mark.parametrize(
    ("n", "form"),
    [(0, 2), (1, 0), (2, 1), (4, 1), (5, 2), (11, 2), (12, 2), (14, 2), (21, 0), (22, 1), (25, 2), (101, 0), (111, 2),
     (112, 2), (1001, 0)],
)
def test_russian_counts_take_three_forms(n: int, form: int) -> None:
    assert plural_rule("ru")(n) == form


@pytest.mark.parametrize(("lang", "n", "form"), [("he", 1, 0), ("he", 2, 1), ("he", 3, 2), ("he", 0, 2), ("da", 1, 0),
                                                  ("da", 0, 1), ("en", 2, 1)])
def test_hebrew_has_a_dual_and_danish_two_forms(lang: str, n: int, form: int) -> None:
    assert plural_rule(lang)(n) == form


# The plural forms of each catalog, in order, by their CLDR names (Russian's "other" is for fractions only).
CLDR_FORMS = {
    "en": ("one", "other"), "da": ("one", "other"), "he": ("one", "two", "other"), "ru": ("one", "few", "many"),
}


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_plural_rules_are_cldrs(lang: str) -> None:
    cldr, ours = Locale.parse(lang).plural_form, plural_rule(lang)
    counts = range(0, 2001)
    assert {cldr(n) for n in counts} == set(CLDR_FORMS[lang])
    assert [CLDR_FORMS[lang][ours(n)] for n in counts] == [cldr(n) for n in counts]
    if lang != "en":
        assert plural_forms(lang)[0] == len(CLDR_FORMS[lang])


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
@pytest.mark.parametrize(("value", "decimals"), [(1500.5, 1), (1234567, 0), (-2500, 0), (999, 0), (0.25, 2),
                                                 (12345.678, 3), (-0.5, 1), (1000000.25, 2)])
def test_numbers_are_written_as_cldr_writes_them(lang: str, value: float, decimals: int) -> None:
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    assert i18n.number(value, decimals, lang) == format_decimal(value, format=pattern, locale=lang)


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
@pytest.mark.parametrize("share", [0.62, 0.0, 0.05, 1.0, 12.5])
def test_percentages_are_written_as_cldr_writes_them(lang: str, share: float) -> None:
    assert i18n.percent(share, lang) == format_percent(share, locale=lang)


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


@pytest.mark.parametrize("lang", TRANSLATED)
def test_msgfmt_accepts_each_catalog_and_compiles_it_as_the_build_does(lang: str, tmp_path: Path) -> None:
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("msgfmt (GNU gettext) is not installed")
    compiled = tmp_path / "msgfmt.mo"
    done = subprocess.run([msgfmt, "--check", "-o", str(compiled), str(po_path(lang))],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    with compiled.open("rb") as binary:
        by_msgfmt = gettext.GNUTranslations(binary)
    ours = gettext.GNUTranslations(io.BytesIO(po.compile_mo(po.read_file(po_path(lang)))))
    assert ours._catalog == by_msgfmt._catalog  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_catalogs_read_the_same_with_babel(lang: str) -> None:
    with po_path(lang).open("rb") as text:
        babel = read_po(text, locale=lang)
    theirs = {(m.context, m.id if isinstance(m.id, str) else m.id[0]):
              (m.string if isinstance(m.string, str) else list(m.string), "fuzzy" in m.flags) for m in babel if m.id}
    ours = {(e.msgctxt, e.msgid): (e.msgstr[0] if e.msgid_plural is None else e.msgstr, "fuzzy" in e.flags)
            for e in entries(lang)}
    assert ours == theirs
    assert babel.plural_forms == plural_forms(lang)[1] or babel.num_plurals == plural_forms(lang)[0]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_installed_package_ships_compiled_catalogs_that_agree_with_the_po_files(lang: str) -> None:
    shipped = Path(i18n.catalog_path(lang))
    assert shipped.is_file(), f"{shipped.name} missing for {lang}: the build hook (hatch_build.py) did not run"
    with shipped.open("rb") as binary:
        installed = gettext.GNUTranslations(binary)
    source = gettext.GNUTranslations(io.BytesIO(po.compile_mo(po.read_file(po_path(lang)))))
    assert installed._catalog == source._catalog, (  # type: ignore[attr-defined]
        "the installed catalogs are older than the .po files: pip install -e . (or build the wheel) again"
    )


def test_the_template_has_every_text_of_the_source() -> None:
    template = {e.msgid: e.msgid_plural for e in po.read_file(TEMPLATE) if e.msgid}
    assert template == {m: found.plural for m, found in source().messages.items()}, "python tests/messages.py --pot"


def test_a_translator_is_shown_what_is_missing_and_what_is_stale(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(Path(__file__).parent / "messages.py"), "da"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout.strip() == "", done.stderr  # nothing to do today
    kept = [e for e in po.read_file(po_path("da")) if e.msgid != "{given} is not a number"]
    kept.append(po.Entry("a text the code dropped", ["en tekst"]))
    edited = tmp_path / "da.po"
    edited.write_text(po.format_catalog(kept), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:  # the script above scanned the source itself; this scan is shared
        patch.setattr(messages, "scan", source)
        listed = to_do("da", edited)
    assert 'msgid "{given} is not a number"\nmsgstr ""' in listed
    assert "no longer in the source" in listed and "a text the code dropped" in listed
    assert po.read(listed.split("\n# ")[0])[0].msgid == "{given} is not a number"  # pastes into a .po as it is


PO = r'''# a translator's note
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

#: cli.py:1
#, python-brace-format
msgid ""
"a long text "
"in two \"parts\"\n"
msgstr "en lang tekst i to \"dele\"\n"

msgctxt "verb"
msgid "Score"
msgstr "Scor"

#, fuzzy
msgid "unchecked"
msgstr "ukontrolleret"

msgid "{n} row"
msgid_plural "{n} rows"
msgstr[0] "{n} række"
msgstr[1] "{n} rækker"

msgid "not yet"
msgstr ""

#~ msgid "gone"
#~ msgstr "væk"
'''


def test_the_compiler_reads_what_translation_tools_write() -> None:
    entries_ = po.read(PO)
    assert [e.msgid for e in entries_] == ["", "a long text in two \"parts\"\n", "Score", "unchecked", "{n} row",
                                          "not yet"]
    compiled = gettext.GNUTranslations(io.BytesIO(po.compile_mo(entries_)))
    assert compiled.gettext("a long text in two \"parts\"\n") == "en lang tekst i to \"dele\"\n"
    assert compiled.pgettext("verb", "Score") == "Scor" and compiled.gettext("Score") == "Score"
    assert compiled.gettext("unchecked") == "unchecked"  # fuzzy: left out, as msgfmt leaves it out
    assert compiled.gettext("not yet") == "not yet" and compiled.gettext("gone") == "gone"
    assert [compiled.ngettext("{n} row", "{n} rows", n) for n in (1, 2)] == ["{n} række", "{n} rækker"]
    assert po.read(po.format_catalog(entries_)) == entries_


@pytest.mark.parametrize("broken", ['msgid "a"\nmsgstr[0] "b"\n', 'msgid "a"\n', 'msgid "a"\nmsgstr b\n',
                                    'msgstr "b"\n', 'msgid "a"\nmsgid_plural "as"\nmsgstr[1] "b"\n'])
def test_a_broken_catalog_is_refused_with_its_line(broken: str) -> None:
    with pytest.raises(po.PoError, match=r"^<po>:\d+: "):
        po.read(broken)


def test_a_catalog_edited_since_it_was_compiled_is_read_from_its_po(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "da" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    header = po.read(PO)[0]
    (folder / "clientscreen.po").write_text(po.format_catalog([header, po.Entry("Score", ["Point"])]), "utf-8")
    (folder / "clientscreen.mo").write_bytes(po.compile_mo([header, po.Entry("Score", ["Karakter"])]))
    os.utime(folder / "clientscreen.mo", ns=(1_000_000_000, 1_000_000_000))  # compiled long before the edit
    monkeypatch.setattr(i18n, "LOCALES", str(tmp_path))
    monkeypatch.setattr(i18n, "_catalogs", {})
    with i18n.use("da"):
        assert _("Score") == "Point"  # the .po is newer
        (folder / "clientscreen.po").unlink()  # as in a wheel: the .mo alone
        i18n._catalogs.clear()
        assert _("Score") == "Karakter"
