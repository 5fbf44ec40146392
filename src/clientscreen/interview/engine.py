"""The interview as a state machine: answers, a cursor and a history, with no terminal in sight.

The terminal UI (``terminal.py``) only shows prompts and reads lines; everything a
line means (an answer, ``u``, ``b``, ``f``, ``?``, a blank) is decided here, so the whole
flow can be tested with a scripted list of lines. Answers are read by the same
parser as answers files and CSV cells, and kept as they will be written to disk.
Which question comes next is decided here too, the short ``quick`` order included:
it asks the scorer what moves the verdict most, so the terminal never has to.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from clientscreen.answers import UNKNOWN, YES_WORDS, AnswerError, Given, OptionError, accepted, parse
from clientscreen.i18n import _, current, figure
from clientscreen.rulebook.model import Category, Question, Rulebook, Verdict
from clientscreen.scoring import asked as is_asked
from clientscreen.scoring import assess

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

    kind: str  # answered | kept | unknown | back | finish | help | repeat | invalid | suspect | at_start | set_aside
    message: str = ""
    category: Category | None = None
    source: str = ""  # the category's source by the title the rulebook gives it
    typed: str = ""  # a number answered: the line as typed, for saying how it was understood
    number: float | None = None
    set_aside: tuple[str, ...] = ()  # answers this one switched off, kept in the file
    restored: tuple[str, ...] = ()  # answers set aside before that apply again


@dataclass
class Interview:
    """One prospect's answers, the question being asked and how we got there."""

    rulebook: Rulebook
    answers: dict[str, RawValue] = field(default_factory=dict)
    cursor: str | None = None
    history: list[str] = field(default_factory=list)
    set_aside: dict[str, RawValue] = field(default_factory=dict)  # answers skip logic switched off
    quick: bool = False  # ask only what moves the verdict most, until it is settled
    done: bool = False  # finished early: what is not answered stays unknown
    _suspect: tuple[str, float] | None = field(default=None, repr=False)  # a far-out number to be confirmed

    def __post_init__(self) -> None:
        self.settle()
        if self.cursor is None:
            self.cursor = self.next_question()

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
        """Questions to ask, in order, by the scorer's own skip logic (an unknown parent keeps a child)."""
        given = self.given()
        asked: list[Question] = []
        skipped: set[str] = set()
        for q in self.rulebook.questions:
            if is_asked(q, given, skipped):
                asked.append(q)
            else:
                skipped.add(q.id)
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

    def next_question(self) -> str | None:
        """The question to ask now: the first unanswered, or in quick mode the one that matters most."""
        return self.quick_next() if self.quick else self.first_unanswered()

    def quick_next(self) -> str | None:
        """The unanswered question whose answer can move the verdict most, None once the verdict is settled.

        The scorer's own "ask these next" order decides (knock-outs first, then the most
        points at stake); a question asked only after another is preceded by that one.
        """
        given = self.given()
        if settled(self.rulebook, given):
            return None
        for pending in assess(self.rulebook, given).ask_next:
            if self.is_answered(pending.question):
                continue
            question = self.rulebook.question_by_id[pending.question]
            parent = question.ask_if.question if question.ask_if else None
            while parent is not None and not self.is_answered(parent):
                question = self.rulebook.question_by_id[parent]
                parent = question.ask_if.question if question.ask_if else None
            return question.id
        return None

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
        if self.quick:  # asked so far, and at most how many more could matter
            scoring = [q for q in self.applicable() if q.scores]
            asked = sum(1 for q in scoring if self.is_answered(q.id))
            open_ = sum(1 for q in scoring if not self.is_answered(q.id))
            return asked + 1, asked + max(open_, 1)
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
        suspect, self._suspect = self._suspect, None
        if given_command == "finish":
            self.done = True
            return Event("finish")
        if not text and self.is_answered(q.id):  # Enter keeps the answer shown, as every prompt with a default does
            self._move_on(q)
            return Event("kept")
        if q.type == "note" and given_command not in ("back", "help"):
            # a blank note is an answer: nothing to add
            return self._store(q, "" if given_command == "unknown" else text, "answered")
        if not text:
            return Event("repeat")
        if suspect is not None and suspect[0] == q.id and text.casefold() in YES_WORDS and not text.isdigit():
            return self._store(q, _whole(suspect[1]), "answered", number=suspect[1])
        if given_command == "help":
            category = self.rulebook.category_by_id.get(q.category or "")
            source = self.rulebook.source_title(category.source) if category else ""
            return Event("help", category=category, source=source)
        if given_command == "back":
            return self.back()
        if given_command == "unknown":
            return self._store(q, UNKNOWN_WORD, "unknown")
        try:
            given = parse(q, text, typed_in=current())
        except OptionError as exc:
            if exc.suggestion is None:
                return Event("invalid", str(exc))
            return Event("invalid", _("{given} is not an answer here; did you mean {suggestion}?",
                                      given=repr(text), suggestion=exc.suggestion))
        except AnswerError as exc:
            return Event("invalid", str(exc))
        if not given.known and q.scores:
            return self._store(q, UNKNOWN_WORD, "unknown")
        if given.number is not None:
            meant = far_outside(q, given.number)
            if meant is not None:
                self._suspect = (q.id, given.number)
                message = _("{number} is far outside the bands; did you mean {meant}? "
                            "Type it, or {yes} to keep {number}",
                            number=figure(given.number), meant=figure(meant), yes=_("y"))
                return Event("suspect", message)
        return self._store(q, given.stored(), "answered", typed=text, number=given.number)

    def _store(
        self, q: Question, value: RawValue, kind: str, *, typed: str = "", number: float | None = None
    ) -> Event:
        self.answers[q.id] = value
        self.set_aside.pop(q.id, None)
        off, on = self.settle()
        self._move_on(q)
        return Event(kind, typed=typed, number=number, set_aside=off, restored=on)

    def _move_on(self, q: Question) -> None:
        self.history.append(q.id)
        self.cursor = self._next_after(q.id)

    def settle(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Set aside the answers skip logic switches off, and bring back those it switches on again.

        Nothing typed is deleted: an answer inside a branch that closes waits in ``set_aside`` (and in
        the file) until a changed answer opens the branch again. Returns (set aside, restored).
        """
        off: list[str] = []
        on: list[str] = []
        for _round in range(len(self.rulebook.questions) + 1):  # a restored parent may open its children
            keep = {q.id for q in self.applicable()}
            leaving = [qid for qid in self.answers if qid in self.rulebook.question_by_id and qid not in keep]
            coming = [qid for qid in self.set_aside if qid in keep and qid not in self.answers]
            if not leaving and not coming:
                break
            for qid in leaving:
                self.set_aside[qid] = self.answers.pop(qid)
                off.append(qid)
            for qid in coming:
                self.answers[qid] = self.set_aside.pop(qid)
                on.append(qid)
        return tuple(q for q in off if q in self.set_aside), tuple(q for q in on if q in self.answers)

    def _next_after(self, qid: str) -> str | None:
        """The next question not yet answered after ``qid``, else the first one anywhere."""
        if self.quick:
            return self.quick_next()
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


def _whole(number: float) -> int | float:
    return int(number) if number.is_integer() else number


def far_outside(question: Question, number: float) -> float | None:
    """What a number far outside the bands probably meant (2 for 2k, 3000 for 3), else None.

    Far means under a hundredth of the lowest bound or over a thousand times the highest:
    a budget of 2 a month where the bands start at 1 000 is a missing "k", not a client.
    """
    bounds = [a.below for a in question.answers if a.below is not None and a.below > 0]
    if not bounds or number <= 0:
        return None
    if number < min(bounds) / 100:
        return number * 1000
    if number > max(bounds) * 1000:
        return number / 1000
    return None


def settled(rulebook: Rulebook, given: Mapping[str, Given]) -> bool:
    """Whether no answer still open can change the verdict: the best and the worst case give the same one.

    An open question adds anything from its lowest to its highest points, and may bring
    its knock-out; questions a branch may still switch off count as open (the cautious side).
    """
    assessment = assess(rulebook, given)
    best, worst = assessment.score, assessment.score
    floor = assessment.verdict
    possible_floor = floor
    skipped = set(assessment.skipped)
    for q in rulebook.questions:
        if q.id in skipped or not q.scores or given.get(q.id, UNKNOWN).known:
            continue
        points = [a.points for a in q.answers]
        best += min(0, *points)
        worst += max(0, *points)
        for a in q.answers:
            if a.knockout:
                possible_floor = possible_floor.worse_of(Verdict(a.knockout))
    best_verdict = rulebook.verdict_for(best)
    for k in assessment.knockouts:
        best_verdict = best_verdict.worse_of(k.floor)
    worst_verdict = rulebook.verdict_for(worst).worse_of(possible_floor)
    return best_verdict is worst_verdict


def shown_answer(question: Question, raw: RawValue) -> str:
    """How a stored answer reads in the review: its label where it has one."""
    if raw is None:
        return "—"
    try:
        given = parse(question, raw)
    except AnswerError:
        return _("{answer} (no longer allowed)", answer=raw)
    if given.number is not None and given.option is not None:
        return f"{figure(given.number)} ({given.option.shown})"
    if question.type == "scale" and given.option is not None and given.option.label is None:
        return _scale_words(question, given.option.value)
    if given.option is not None:
        return given.option.shown
    return _("unknown") if question.scores else str(raw)


def _scale_words(question: Question, value: str | int) -> str:
    """A point of a scale whose ends alone have labels: ``2 (1 = Not at all … 5 = Fully)``."""
    low, high = question.answers[0], question.answers[-1]
    if low.label is None or high.label is None:
        return f"{value} ({low.value}–{high.value})"
    return f"{value} ({low.value} = {low.label.get()} … {high.value} = {high.label.get()})"


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
        while interview.question is not None and not interview.done:
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
                if event.kind in ("back", "at_start", "finish"):
                    break
            interview.cursor = interview.next_question()  # a changed answer may open new questions
        else:
            tell(interview, Event("invalid", _("type a question number, or {finish} to finish",
                                              finish=shortcut("finish"))))


def _step(interview: Interview, ask: Ask, tell: Tell, saved: Callable[[Interview], None]) -> Event:
    event = interview.handle(ask(interview))
    if event.kind in ("answered", "unknown"):
        saved(interview)  # set-aside answers included: they are saved with the rest
    tell(interview, event)
    return event
