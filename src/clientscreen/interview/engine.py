"""The interview as a state machine: answers, a cursor and a history, with no terminal in sight.

The terminal UI (``terminal.py``) only shows prompts and reads lines; everything a
line means (an answer, ``u``, ``b``, ``?``, a blank) is decided here, so the whole
flow can be tested with a scripted list of lines. Answers are read by the same
parser as answers files and CSV cells, and kept as they will be written to disk.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from clientscreen.answers import UNKNOWN, AnswerError, Given, accepted, parse
from clientscreen.i18n import _, current
from clientscreen.rulebook.model import Category, Question, Rulebook

RawValue = str | int | float | bool | None
UNKNOWN_WORD = "unknown"  # as stored in answers files, whatever the language of the interview

# What a line can ask of the interview besides an answer. Each language shows its own letter (a
# Russian or Hebrew keyboard has no "b"), and every language's letters and words are understood.
SHORTCUTS = {
    "unknown": {"en": "u", "da": "u", "he": "א", "ru": "нз"},
    "back": {"en": "b", "da": "t", "he": "ח", "ru": "в"},
    "finish": {"en": "f", "da": "f", "he": "ס", "ru": "г"},
    "help": {"en": "?", "da": "?", "he": "?", "ru": "?"},
}
_WORDS = {
    "unknown": {"unknown", "ukendt", "ved ikke", "לא ידוע", "не знаю"},
    "back": {"back", "tilbage", "חזרה", "назад"},
    "finish": {"finish", "done", "færdig", "סיום", "готово"},
    "help": {"why", "hvorfor", "למה", "почему"},
}
COMMANDS = {name: frozenset(letters.values()) | _WORDS[name] for name, letters in SHORTCUTS.items()}


def command(line: str) -> str | None:
    """The command a typed line gives (unknown, back, finish, help), if it is one."""
    folded = line.strip().casefold()
    return next((name for name, words in COMMANDS.items() if folded in words), None)


def shortcut(name: str) -> str:
    """The letter the active language shows for a command."""
    return SHORTCUTS[name][current()]


@dataclass(frozen=True)
class Event:
    """What a typed line did, for the UI to show."""

    kind: str  # answered | unknown | back | help | repeat | invalid | at_start
    message: str = ""
    category: Category | None = None
    source: str = ""  # the category's source by the title the rulebook gives it


@dataclass
class Interview:
    """One prospect's answers, the question being asked and how we got there."""

    rulebook: Rulebook
    answers: dict[str, RawValue] = field(default_factory=dict)
    cursor: str | None = None
    history: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.cursor is None:
            self.cursor = self.first_unanswered()

    # -- what applies -----------------------------------------------------------------------

    def given(self) -> dict[str, Given]:
        """Answers as understood; a stored value the rulebook no longer allows counts as not given."""
        out: dict[str, Given] = {}
        for qid, raw in self.answers.items():
            question = self.rulebook.question_by_id.get(qid)
            if question is None:
                continue
            try:
                out[qid] = parse(question, raw)
            except AnswerError:
                continue
        return out

    def applicable(self) -> list[Question]:
        """Questions to ask, in order: skip logic as the scorer applies it (an unknown parent keeps a child)."""
        given = self.given()
        asked: list[Question] = []
        skipped: set[str] = set()
        for q in self.rulebook.questions:
            if q.ask_if is not None:
                parent = q.ask_if.question
                option = given.get(parent, UNKNOWN).option
                if parent in skipped or (option is not None and option.value not in q.ask_if.in_):
                    skipped.add(q.id)
                    continue
            asked.append(q)
        return asked

    def is_answered(self, qid: str) -> bool:
        """Answered means an answer the rulebook accepts, ``unknown`` included."""
        if qid not in self.answers:
            return False
        try:
            parse(self.rulebook.question_by_id[qid], self.answers[qid])
        except AnswerError:
            return False
        return True

    def first_unanswered(self) -> str | None:
        return next((q.id for q in self.applicable() if not self.is_answered(q.id)), None)

    def invalid(self) -> dict[str, str]:
        """Stored answers that no longer apply: unknown questions, or values the rulebook no longer allows."""
        out: dict[str, str] = {}
        for qid, raw in self.answers.items():
            question = self.rulebook.question_by_id.get(qid)
            if question is None:
                out[qid] = _("no such question in this rulebook")
                continue
            try:
                parse(question, raw)
            except AnswerError as exc:
                out[qid] = str(exc)
        return out

    # -- where we are -------------------------------------------------------------------------

    @property
    def question(self) -> Question | None:
        return self.rulebook.question_by_id[self.cursor] if self.cursor else None

    def position(self) -> tuple[int, int]:
        """The current question's number and the number of questions expected, both from 1."""
        ids = [q.id for q in self.applicable()]
        number = ids.index(self.cursor) + 1 if self.cursor in ids else len(ids)
        return number, len(ids)

    # -- moving ------------------------------------------------------------------------------

    def handle(self, line: str) -> Event:
        """Interpret one typed line at the current question."""
        q = self.question
        if q is None:
            return Event("repeat")
        text = line.strip()
        given_command = command(text)
        if q.type == "note" and given_command not in ("back", "help"):
            self._store(q, "" if given_command == "unknown" else text)  # a blank note is an answer: nothing to add
            return Event("answered")
        if not text:
            return Event("repeat")
        if given_command == "help":
            category = self.rulebook.category_by_id.get(q.category or "")
            source = self.rulebook.source_title(category.source) if category else ""
            return Event("help", category=category, source=source)
        if given_command == "back":
            return self.back()
        if given_command == "unknown":
            self._store(q, UNKNOWN_WORD)
            return Event("unknown")
        try:
            given = parse(q, text)
        except AnswerError as exc:
            return Event("invalid", str(exc))
        if not given.known and q.scores:
            self._store(q, UNKNOWN_WORD)
            return Event("unknown")
        self._store(q, given.stored())
        return Event("answered")

    def _store(self, q: Question, value: RawValue) -> None:
        self.answers[q.id] = value
        self._drop_skipped()
        self.history.append(q.id)
        self.cursor = self._next_after(q.id)

    def _drop_skipped(self) -> None:
        """An answer that switches a branch off removes the answers given inside it."""
        keep = {q.id for q in self.applicable()}
        for qid in [qid for qid in self.answers if qid in self.rulebook.question_by_id and qid not in keep]:
            del self.answers[qid]

    def _next_after(self, qid: str) -> str | None:
        """The next question not yet answered after ``qid``, else the first one anywhere."""
        ids = [q.id for q in self.applicable()]
        later = ids[ids.index(qid) + 1 :] if qid in ids else ids
        pending = [i for i in later if not self.is_answered(i)]
        return pending[0] if pending else self.first_unanswered()

    def back(self) -> Event:
        applicable = {q.id for q in self.applicable()}
        while self.history:
            previous = self.history.pop()
            if previous in applicable and previous != self.cursor:
                self.cursor = previous
                return Event("back")
        return Event("at_start", _("this is the first question"))

    def jump(self, number: int) -> bool:
        """Go to question ``number`` of the review list (from 1); False if there is no such question."""
        ids = [q.id for q in self.applicable()]
        if not 1 <= number <= len(ids):
            return False
        if self.cursor:
            self.history.append(self.cursor)
        self.cursor = ids[number - 1]
        return True

    def review(self) -> list[tuple[int, Question, RawValue]]:
        return [(i, q, self.answers.get(q.id)) for i, q in enumerate(self.applicable(), start=1)]


def shown_answer(question: Question, raw: RawValue) -> str:
    """How a stored answer reads in the review: its label where it has one."""
    if raw is None:
        return "—"
    try:
        given = parse(question, raw)
    except AnswerError:
        return _("{answer} (no longer allowed)", answer=raw)
    if given.number is not None and given.option is not None:
        return f"{given.stored()} ({given.option.shown})"
    if given.option is not None:
        return given.option.shown
    return _("unknown") if question.scores else str(raw)


def hint(question: Question) -> str:
    """The valid inputs, as a prompt shows them."""
    if question.type == "yesno":
        return _("y/n")
    if question.type == "number":
        return _("a number, in {unit}", unit=question.unit.get() if question.unit else "")
    if question.type == "note":
        return _("any text, or Enter to skip")
    if question.type == "scale":
        return accepted(question)
    return _("a number or a value")


Ask = Callable[[Interview], str]
Tell = Callable[[Interview, Event], None]
Review = Callable[[Interview], str]


def run_interview(
    interview: Interview,
    ask: Ask,
    *,
    tell: Tell = lambda _i, _e: None,
    review: Review | None = None,
    saved: Callable[[Interview], None] = lambda _i: None,
) -> Mapping[str, RawValue]:
    """Ask until every applicable question has an answer, then review until the user finishes.

    ``ask`` returns the line typed at the current question; ``review`` the line typed at
    the review (a question number, or ``f`` to finish). ``saved`` runs after every answer,
    so that nothing typed is lost whatever happens next.
    """
    while True:
        while interview.question is not None:
            _step(interview, ask, tell, saved)
        if review is None:
            return interview.answers
        choice = review(interview).strip().casefold()
        if command(choice) == "finish":
            return interview.answers
        if choice.isdigit() and interview.jump(int(choice)):
            target = interview.cursor
            while interview.cursor == target and interview.question is not None:
                event = _step(interview, ask, tell, saved)
                if event.kind in ("back", "at_start"):
                    break
            interview.cursor = interview.first_unanswered()  # a changed answer may open new questions
        else:
            tell(interview, Event("invalid", _("type a question number, or {finish} to finish",
                                              finish=shortcut("finish"))))


def _step(interview: Interview, ask: Ask, tell: Tell, saved: Callable[[Interview], None]) -> Event:
    event = interview.handle(ask(interview))
    if event.kind in ("answered", "unknown"):
        saved(interview)
    tell(interview, event)
    return event
