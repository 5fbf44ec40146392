"""What a CSV header means to the batch: which columns are questions, and what to say about the rest.

A header typed by hand (``nmae,goal``) used to score every row as if nothing were known, and
exit 0: a file that answers nothing looked like a file of easy prospects. Here every column
that is not a question gets a "did you mean" when it is close to one, a file whose columns
answer no question at all is an unusable input, and one that answers only a few says which.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from clientscreen.batch.compiled import Compiled
from clientscreen.errors import InputError, Problem
from clientscreen.i18n import _, _n, number
from clientscreen.textsafe import one_line

LOW_SHARE = 0.5  # below this share of the scoring questions answered by a column, say which ones are
_CUTOFF = 0.75  # how alike a header and a name must be for a "did you mean"


@dataclass(frozen=True)
class HeaderCheck:
    """The warnings a header earns; building one raises ``InputError`` when no column is a question."""

    warnings: tuple[str, ...]


def check(compiled: Compiled, header: Iterable[str], name: str, passed: Iterable[str]) -> HeaderCheck:
    """Warnings for ``header`` (``passed``: the columns the caller uses itself, such as id and name).

    Raises ``InputError`` (exit 3) when no column answers a scoring question: every row would be
    scored on nothing.
    """
    header = list(header)
    used = {p.strip().casefold() for p in passed}
    questions = [q.id for q in compiled.rulebook.questions if q.scores]
    known = [q.id for q in compiled.rulebook.questions] + sorted(used)
    folded = {h.strip().casefold(): h for h in header}
    matched = [q for q in questions if q.casefold() in folded]
    extra = compiled.extra_columns(used)
    guesses = {column: _guess(column, known, folded) for column in extra}
    if not matched:
        problems = [Problem(name, _("no column is a question of rulebook {rulebook}; every row would score on "
                                    "nothing (see 'clientscreen template' for the header)",
                                    rulebook=compiled.rulebook.id), 1)]
        problems += [Problem(name, _guess_text(column, guess), 1, header.index(column) + 1)
                     for column, guess in guesses.items() if guess]
        raise InputError(problems)
    warnings = []
    for column, guess in guesses.items():
        if guess:
            warnings.append(f"{name}: {_guess_text(column, guess)}")
    others = [column for column, guess in guesses.items() if not guess]
    if others:
        columns = ", ".join(one_line(c) for c in others)
        warnings.append(f"{name}: " + _("ignoring columns that are not questions: {columns}", columns=columns))
    if compiled.missing:
        missing = ", ".join(compiled.missing)
        if len(matched) < LOW_SHARE * len(questions):
            message = _n("only {n} of {total} questions has a column ({matched}); {missing} count as unknown in "
                         "every row", "only {n} of {total} questions have a column ({matched}); {missing} count as "
                         "unknown in every row", len(matched), total=number(len(questions)),
                         matched=", ".join(matched), missing=missing)
        else:
            message = _("no column for {questions}; counted as unknown in every row", questions=missing)
        warnings.append(f"{name}: {message}")
    return HeaderCheck(tuple(warnings))


def _guess(column: str, known: list[str], present: dict[str, str]) -> str | None:
    """The question (or id/name column) ``column`` was probably meant to be, if one is close and not taken."""
    wanted = column.strip().casefold()
    free = [k for k in known if k.casefold() not in present]
    found = difflib.get_close_matches(wanted, [k.casefold() for k in free], n=1, cutoff=_CUTOFF)
    if not found:
        return None
    return next(k for k in free if k.casefold() == found[0])


def _guess_text(column: str, guess: str) -> str:
    return _("column {column!r} is not a question; did you mean {guess!r}?", column=one_line(column.strip()),
             guess=guess)
