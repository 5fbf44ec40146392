"""Turning what people write into answers: one parser for typed input, answers files and CSV cells.

A sales lead types ``ja``, an Excel export says ``TRUE``, a YAML file says ``2``; all
of them must mean the same answer, and anything that cannot be read must be refused
with the values that would have been accepted, never guessed.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from clientscreen.i18n import _, current
from clientscreen.rulebook.model import Answer, Question

# The words of all four languages count everywhere: a Danish sales lead may fill in an English export.
YES_WORDS = frozenset({"yes", "y", "true", "1", "ja", "j", "да", "д", "כן", "כ"})
NO_WORDS = frozenset({"no", "n", "false", "0", "nej", "нет", "н", "לא", "ל"})
UNKNOWN_WORDS = frozenset(
    {"unknown", "u", "?", "n/a", "na", "-", "ved ikke", "ukendt", "не знаю", "неизвестно", "нз",
     "לא ידוע", "לא יודע", "לא יודעת", "א"}
)


class AnswerError(ValueError):
    """A value that is not an answer to this question; the message lists what would be."""


class NotANumber(AnswerError):
    """Text with no number in it at all, as opposed to a number written ambiguously."""


class OptionError(AnswerError):
    """Text that names none of the answers; ``suggestion`` is the nearest one, as it could be typed."""

    def __init__(self, suggestion: str | None, message: str) -> None:
        super().__init__(message)
        self.suggestion = suggestion


@dataclass(frozen=True, slots=True)
class Given:
    """An answer as understood: the option that scores it, the number typed, or a note."""

    option: Answer | None = None  # None: unknown (or a note, which never scores)
    number: float | None = None  # number questions: the value given
    note: str | None = None

    @property
    def known(self) -> bool:
        return self.option is not None

    def stored(self) -> str | int | float | None:
        """The value to write back to an answers file."""
        if self.number is not None:
            return int(self.number) if float(self.number).is_integer() else self.number
        if self.option is not None:
            return self.option.value
        return self.note


UNKNOWN = Given()


def accepted(question: Question) -> str:
    """A short description of what this question accepts, for errors and prompts."""
    if question.type == "yesno":
        return _("yes or no")
    if question.type == "number":
        return _("a number ({unit})", unit=question.unit.get() if question.unit else "")
    if question.type == "note":
        return _("any text")
    if question.type == "scale":
        values = [a.value for a in question.answers]
        return _("{low} to {high}", low=values[0], high=values[-1])
    return ", ".join(f"{i} {typed_as(a)}" for i, a in enumerate(question.answers, start=1))


def typed_as(answer: Answer) -> str:
    """Values are English words, readable as such in English only: elsewhere the label in the reader's language."""
    lang = current()
    if lang != "en" and answer.label is not None and answer.label.has(lang):
        return answer.label.get(lang)
    return str(answer.value)


def parse(question: Question, raw: object, *, decimal: str | None = None, typed_in: str | None = None) -> Given:
    """Read one answer; ``None``, blank and the words for "unknown" mean unknown.

    ``typed_in`` is the language a person typed the answer in (the interview): numbers are
    then read the way that language writes them, with a currency and ``k`` allowed. Files
    and CSV cells leave it out and stay strict.
    """
    if raw is None:
        return UNKNOWN
    if isinstance(raw, str):
        text = raw.strip()
        if not text or text.casefold() in UNKNOWN_WORDS:
            return UNKNOWN
    if question.type == "note":
        return Given(note=str(raw))
    if question.type == "number":
        return _parse_number(question, raw, decimal, typed_in)
    option = _match_option(question, raw)
    if option is None:
        message = _("{given} is not an answer here; expected {accepted}", given=_show(raw), accepted=accepted(question))
        raise OptionError(suggest(question, str(raw)), message)
    return Given(option=option)


def _show(raw: object) -> str:
    text = str(raw)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _match_option(question: Question, raw: object) -> Answer | None:
    if isinstance(raw, bool):
        if question.type == "yesno":
            return question.by_value.get("yes" if raw else "no")
        return None
    if isinstance(raw, int):
        return _by_number(question, raw)
    if isinstance(raw, float):
        return _by_number(question, int(raw)) if raw.is_integer() else None
    if not isinstance(raw, str):
        return None
    text = raw.strip()
    folded = text.casefold()
    if question.type == "yesno":
        if folded in YES_WORDS:
            return question.by_value["yes"]
        if folded in NO_WORDS:
            return question.by_value["no"]
    if re.fullmatch(r"[+-]?\d+", text):
        return _by_number(question, int(text))
    for answer in question.answers:
        if folded == str(answer.value).casefold():
            return answer
    lang = current()  # a label in the reader's language first, then in any other the rulebook has
    for answer in question.answers:
        if answer.label and folded == answer.label.get(lang).casefold():
            return answer
    for answer in question.answers:
        if answer.label and any(folded == text.casefold() for text in answer.label.all()):
            return answer
    return None


def _by_number(question: Question, number: int) -> Answer | None:
    """On a scale the number is the value; in a list of choices it is the position, from 1."""
    if question.type == "scale":
        return question.by_value.get(number)
    if question.type == "choice" and 1 <= number <= len(question.answers):
        return question.answers[number - 1]
    if question.type == "yesno":
        return question.by_value.get({1: "yes", 0: "no"}.get(number, ""))
    return None


_GROUPED_DOT = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?")  # 150.000,50
_GROUPED_COMMA = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")  # 1,500.50
_PLAIN = re.compile(r"[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)")


def parse_number(text: str, decimal: str | None = None) -> float:
    """Read numbers the way Danish, Russian, Hebrew and English spreadsheets write them.

    Spaces (including no-break and thin spaces) and apostrophes group thousands. A value
    that reads two ways, like ``1,500`` or ``1.500``, needs ``decimal`` to say which mark is
    the decimal one; it is never guessed.
    """
    cleaned = re.sub(r"[\s\u00a0\u202f\u2009']", "", text)
    if decimal in (",", "."):
        group = "." if decimal == "," else ","
        # the other mark may only group thousands before the decimal one: with --decimal . the
        # value 1,5 is not 15, and 150.000,50 is not 150.0005
        shape = rf"[+-]?(?:\d+|\d{{1,3}}(?:\{group}\d{{3}})+)?(?:\{decimal}\d+)?"
        if re.fullmatch(shape, cleaned) and re.search(r"\d", cleaned):
            return float(cleaned.replace(group, "").replace(decimal, "."))
        raise NotANumber(_("{given} is not a number", given=_show(text)))
    if _PLAIN.fullmatch(cleaned):
        if re.fullmatch(r"[+-]?\d{1,3}[.,]\d{3}", cleaned):
            raise AnswerError(
                _("{given} could be a whole number or a decimal; write it without grouping "
                  "or say which mark is the decimal one (--decimal , or --decimal .)", given=_show(text))
            )
        return float(cleaned.replace(",", "."))
    if _GROUPED_DOT.fullmatch(cleaned):
        return float(cleaned.replace(".", "").replace(",", "."))
    if _GROUPED_COMMA.fullmatch(cleaned):
        return float(cleaned.replace(",", ""))
    raise NotANumber(_("{given} is not a number", given=_show(text)))


def _parse_number(question: Question, raw: object, decimal: str | None, typed_in: str | None) -> Given:
    not_a_number = _("{given} is not a number; expected {accepted}", given=_show(raw), accepted=accepted(question))
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        raise AnswerError(not_a_number)
    try:
        if isinstance(raw, str) and typed_in is not None:
            value = read_amount(question, raw, typed_in)
        else:
            value = float(raw) if not isinstance(raw, str) else parse_number(raw, decimal)
    except (OverflowError, NotANumber):  # OverflowError: an int of hundreds of digits from a YAML or JSON file
        raise AnswerError(not_a_number) from None
    if value != value or value in (float("inf"), float("-inf")):
        raise AnswerError(not_a_number)
    return Given(option=question.band(value), number=value)


# -- what a person types: "2,500", "3.500", "€2500", "2 500 kr.", "2.5k" -------------------------------

#: Currency signs and codes people write beside an amount, and the currency each names. "kr." is read as the
#: Danish krone, the one this tool's users write.
CURRENCIES = {
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "евро": "EUR", "אירו": "EUR",
    "$": "USD", "usd": "USD", "£": "GBP", "gbp": "GBP", "chf": "CHF", "sek": "SEK", "nok": "NOK",
    "kr": "DKK", "kr.": "DKK", "dkk": "DKK",
    "₪": "ILS", "ils": "ILS", "nis": "ILS", "ש\"ח": "ILS", "ש״ח": "ILS",
    "₽": "RUB", "rub": "RUB", "руб": "RUB", "руб.": "RUB", "р.": "RUB", "р": "RUB",
}
THOUSANDS = frozenset({"k", "к", "тыс", "тыс."})
#: The decimal mark of each language; the other mark (and any space) groups thousands.
DECIMAL_MARK = {"en": ".", "da": ",", "he": ".", "ru": ","}
_AMOUNT = re.compile(r"(?P<before>[^\d\s+.,-]*)\s*(?P<number>[+-]?[\d.,][\d.,\s\u00a0\u202f\u2009']*)(?P<after>.*)")


def currency_of(question: Question) -> str | None:
    """The currency a number question counts in, read from its unit (``EUR per month``), if it names one."""
    if question.unit is None:
        return None
    for text in question.unit.all():
        for word in re.split(r"[\s/]+", text.casefold()):
            found = CURRENCIES.get(word)
            if found is not None:
                return found
    return None


def read_amount(question: Question, text: str, lang: str) -> float:
    """A number as a person of ``lang`` types it: grouped their way, with a currency sign or code and ``k``.

    A currency other than the question's is refused, never converted: 2 500 kr. is not 2 500 EUR.
    """
    match = _AMOUNT.fullmatch(re.sub(r",-$", " kr.", text.strip()))  # 2.500,- is Danish for 2 500 kr.
    if match is None:
        raise NotANumber(_("{given} is not a number", given=_show(text)))
    words = [w for w in re.split(r"\s+", f"{match['before']} {match['after']}".casefold()) if w]
    thousands = False
    if words and words[0] in THOUSANDS | {f"{k}{c}" for k in THOUSANDS for c in ("", ".")}:
        thousands = True
        words = words[1:]
    elif words and words[0][:1] in THOUSANDS and words[0][1:] in CURRENCIES:  # "2.5k€"
        thousands, words = True, [words[0][1:], *words[1:]]
    if len(words) > 1 or (words and words[0] not in CURRENCIES):
        raise NotANumber(_("{given} is not a number", given=_show(text)))
    named = CURRENCIES[words[0]] if words else None
    if named is not None:
        counted = currency_of(question)
        if counted is None:
            raise AnswerError(_("{given} is an amount of money; this question counts {unit}", given=_show(text),
                                unit=question.unit.get() if question.unit else ""))
        if named != counted:
            raise AnswerError(_("{given} is in {currency}; this question counts in {counted}: convert it first",
                                given=_show(text), currency=named, counted=counted))
    mark = DECIMAL_MARK.get(lang, ".")
    try:
        value = parse_number(match["number"].strip(), mark)
    except NotANumber:
        other = "," if mark == "." else "."
        try:
            parse_number(match["number"].strip(), other)
        except NotANumber:
            raise NotANumber(_("{given} is not a number", given=_show(text))) from None
        raise AnswerError(_("{given}: the decimal mark here is {mark} (write {example})", given=_show(text),
                            mark=repr(mark), example=f"2{mark}5")) from None
    return value * 1000 if thousands else value


def suggest(question: Question, text: str) -> str | None:
    """The answer nearest to a mistyped one, written as it could be typed: a label, a value or a yes/no word."""
    folded = text.strip().casefold()
    if not folded:
        return None
    candidates: dict[str, str] = {}
    if question.type == "yesno":
        candidates.update({w: w for w in YES_WORDS | NO_WORDS if len(w) > 1 and not w.isdigit()})
    for answer in question.answers:
        candidates[str(answer.value).casefold()] = str(answer.value)
        if answer.label is not None:
            candidates.update({label.casefold(): label for label in answer.label.all()})
    found = difflib.get_close_matches(folded, list(candidates), n=1, cutoff=0.6)
    return candidates[found[0]] if found else None
