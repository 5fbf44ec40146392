"""Making outside text safe to show: in a terminal, in a spreadsheet, in Markdown.

Prospect names, notes and CSV cells come from people we do not control. Rich passes
ESC and C1 controls through even inside ``Text``, so a name could move the cursor,
retitle the terminal or hide itself behind a bidi override; spreadsheets run cells
that start with ``=``. Each output has its own neutraliser here, and all share one
definition of what is dangerous.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls, and the bidi embedding/override/isolate marks.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
FORMULA_START = frozenset("=+-@\t\r")  # what a spreadsheet reads as the start of a formula
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def clean(text: str, *, keep_newlines: bool = True) -> str:
    """Remove escape sequences and control characters; keep newlines where wanted."""
    text = _ANSI.sub("", text)
    text = _CONTROLS.sub("", text)
    if not keep_newlines:
        text = " ".join(text.split())
    return text


def single_line(text: str) -> str:
    """Clean text with its line breaks and tabs made spaces, and its other spacing kept: for one message line."""
    return clean(text).replace("\r", " ").replace("\n", " ").replace("\t", " ")


def one_line(text: str) -> str:
    """Clean text collapsed to one line, for table cells and headings."""
    return clean(text, keep_newlines=False)


def slug(name: str) -> str:
    """A file-name-safe version of a client's name, and its id in the ledger; letters of any script are kept."""
    text = re.sub(r"[^\w]+", "-", name.casefold()).strip("-_")
    return text[:40].rstrip("-_") or "prospect"


def spreadsheet_cell(value: str) -> str:
    """OWASP's advice for CSV injection: a leading quote makes the cell text, not a formula."""
    if value[:1] in FORMULA_START:
        return "'" + value
    return value


def csv_cell(text: str) -> str:
    """A text cell as ``csv.writer`` would write it (comma-separated), after neutralising a formula."""
    if text.isalnum():  # the common id: nothing to quote, nothing a spreadsheet would run
        return text
    if text[:1] in FORMULA_START:
        text = "'" + text
    for char in _QUOTE:
        if char in text:
            return '"' + text.replace('"', '""') + '"'
    return text


_QUOTE = ('"', ",", "\n", "\r")


def markdown(text: str) -> str:
    """Escape Markdown so outside text renders as written, on one line."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", one_line(text))
