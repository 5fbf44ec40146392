"""Languages: which one a user reads, and the fixed texts of clientscreen in it.

A sales lead in Aarhus, Haifa or Kazan should meet the interview, the report and every
error in their own language. The fixed texts are written in English in the code, wrapped
in ``_()`` (or ``_n()`` where a count decides the form), and looked up in the catalog of
the active language; a text a catalog lacks falls back to English, that text only. The
active language is a context variable, set once by the command line: the core never reads
the environment, and a library caller gets English unless it asks with ``use``.

The catalogs are gettext's: ``locales/<lang>/LC_MESSAGES/clientscreen.po``, which translators
open in Poedit or Weblate, compiled to ``.mo`` by the build (``hatch_build.py``) and read with
the standard library's ``gettext``, which loads a compiled catalog about as fast as Python
imports a module. The plural rule of each language is the ``Plural-Forms`` header of its
catalog (CLDR's rules; the tests hold them to Babel's copy of CLDR).

Numbers follow the language too (``1.500,5`` in Danish, ``1 500,5`` in Russian), because
a figure written the foreign way is misread, not merely odd.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from typing import TYPE_CHECKING, Final, Literal

if TYPE_CHECKING:
    from gettext import NullTranslations

LANGUAGES: Final = ("en", "da", "he", "ru")
Language = Literal["en", "da", "he", "ru"]  # one of LANGUAGES, as a type: what a file may name
NAMES: Final = {"en": "English", "da": "dansk", "he": "עברית", "ru": "русский"}
ENGLISH_NAMES: Final = {"en": "English", "da": "Danish", "he": "Hebrew", "ru": "Russian"}
RTL: Final = frozenset({"he"})
LOCALE_VARIABLES: Final = ("LC_ALL", "LC_MESSAGES", "LANG")  # POSIX order: the first one set decides
_ALIASES: Final = {"iw": "he", "dk": "da", "c": "en", "posix": "en"}  # "iw": Hebrew's old code, still in some locales

DOMAIN: Final = "clientscreen"
LOCALES: Final = os.path.join(os.path.dirname(__file__), "locales")

_active: ContextVar[str] = ContextVar("clientscreen_language", default="en")
_catalogs: dict[str, NullTranslations] = {}


class UnknownLanguage(ValueError):
    """A language code clientscreen has no texts for."""


def normalise(code: str) -> str | None:
    """``da``, ``DA``, ``da_DK.UTF-8``, ``da-DK`` and ``he_IL@euro`` name a language; None if not one of ours."""
    base = code.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].casefold()
    base = _ALIASES.get(base, base)
    return base if base in LANGUAGES else None


def choose(option: str | None, environ: Mapping[str, str], configured: str | None = None,
           configured_in: str = "language") -> str:
    """``--lang``, else ``CLIENTSCREEN_LANG``, else the settings file's (``configured``), else the locale, else English.

    A language asked for by name and not known is an error (a typo should not silently
    give English); a locale we have no texts for is not: it was set for other programs.
    """
    from_locale = next((normalise(v) or "en" for k in LOCALE_VARIABLES if (v := environ.get(k))), "en")
    for given, source in ((option, "--lang"), (environ.get("CLIENTSCREEN_LANG"), "CLIENTSCREEN_LANG"),
                          (configured, configured_in)):
        if given is not None and given.strip():
            found = normalise(given)
            if found is None:
                with use(from_locale):  # the message at least in the language of the machine
                    message = _("{source} {value!r} is not a language clientscreen speaks; use one of {languages}",
                                source=source, value=given, languages=", ".join(LANGUAGES))
                raise UnknownLanguage(message)
            return found
    return from_locale


def from_command_line(args: list[str], environ: Mapping[str, str], configured: str | None = None) -> str:
    """The language before the command line is parsed, for the help texts and the parser's errors.

    A language that is not known gives the locale's here; the ``--lang`` option then reports it.
    """
    given = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            given = args[i + 1]
        elif arg.startswith("--lang="):
            given = arg.removeprefix("--lang=")
    try:
        return choose(given, environ, configured)
    except UnknownLanguage:
        return choose(None, {k: v for k, v in environ.items() if k in LOCALE_VARIABLES})


def current() -> str:
    return _active.get()


def set_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise UnknownLanguage(lang)
    _active.set(lang)


@contextlib.contextmanager
def use(lang: str) -> Iterator[None]:
    """Texts in ``lang`` inside the block, for tests and for callers of the library."""
    if lang not in LANGUAGES:
        raise UnknownLanguage(lang)
    token = _active.set(lang)
    try:
        yield
    finally:
        _active.reset(token)


def is_rtl(lang: str | None = None) -> bool:
    return (lang or current()) in RTL


def catalog_path(lang: str, suffix: str = ".mo") -> str:
    """Where the catalog of ``lang`` is: ``.mo`` compiled by the build, ``.po`` in a source tree."""
    return os.path.join(LOCALES, lang, "LC_MESSAGES", DOMAIN + suffix)


def translations(lang: str) -> NullTranslations:
    """The compiled catalog of ``lang``, loaded once; English (and a catalog not built) translates nothing."""
    found = _catalogs.get(lang)
    if found is None:
        found = _catalogs[lang] = _load(lang)
    return found


def _load(lang: str) -> NullTranslations:
    import gettext

    if lang == "en":
        return gettext.NullTranslations()
    mo = _modified(catalog_path(lang))
    po = _modified(catalog_path(lang, ".po"))  # only a source tree has it: wheels ship the .mo alone
    if po is not None and (mo is None or po > mo):
        # A checkout whose catalog was edited since it was last built: read the .po, so a translator
        # sees their text without reinstalling. The compiler is loaded only here.
        import io

        from clientscreen.i18n import po as pofile

        with open(catalog_path(lang, ".po"), encoding="utf-8") as text:
            compiled = pofile.compile_mo(pofile.read(text.read(), catalog_path(lang, ".po")))
        return gettext.GNUTranslations(io.BytesIO(compiled))
    if mo is None:
        return gettext.NullTranslations()
    with open(catalog_path(lang), "rb") as binary:
        return gettext.GNUTranslations(binary)


def _modified(path: str) -> int | None:
    try:
        return os.stat(path).st_mtime_ns
    except FileNotFoundError:
        return None


def _(message: str, /, **values: object) -> str:
    """``message`` in the active language, with ``{name}`` fields filled from ``values``."""
    lang = current()
    text = message if lang == "en" else translations(lang).gettext(message)
    return text.format(**values) if values else text


def _n(singular: str, plural: str, count: int, /, **values: object) -> str:
    """The form of a text that goes with ``count``; ``{n}`` in it is the count, as the language writes numbers."""
    lang = current()
    if lang == "en":
        text = singular if count == 1 else plural
    else:
        text = translations(lang).ngettext(singular, plural, abs(count))
    return text.format(n=number(count), **values)


_SEPARATORS: Final = {"en": (",", "."), "da": (".", ","), "he": (",", "."), "ru": ("\u00a0", ",")}


#: How a spreadsheet in the language splits CSV cells and writes decimals: Danish, Russian and Hebrew Excel
#: read ``;`` as the separator (their comma is a decimal mark, or their lists use ``;``), English Excel ``,``.
SPREADSHEET: Final = {"en": (",", "."), "da": (";", ","), "he": (";", "."), "ru": (";", ",")}


def number(value: float, decimals: int = 0, lang: str | None = None) -> str:
    """A number as the language writes it: grouping and decimal mark (Russian groups with a no-break space)."""
    group, mark = _SEPARATORS[lang or current()]
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", mark).replace("\0", group)


def figure(value: float, lang: str | None = None) -> str:
    """A number with as many decimals as it has (up to four): 3500 stays 3500, 2.5 is 2,5 in Danish."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    decimals = len(text.split(".")[1]) if "." in text else 0
    return number(value, decimals, lang)


def percent(share: float, lang: str | None = None) -> str:
    """``0.62`` as ``62%``, or ``62 %`` where the language puts a space before the sign."""
    lang = lang or current()
    digits = number(round(share * 100), 0, lang)
    return f"{digits}\u00a0%" if lang in ("da", "ru") else f"{digits}%"
