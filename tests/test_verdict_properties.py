"""The verdict's promises, held over random answer sets on the default rulebook and on generated rulebooks.

1. A client type decides on its own: a knock-out or a category floor is final; green answers added
   anywhere never lift the verdict below it.
2. Gates weigh what they open: a follow-up is never suggested while its gate is unknown, and the gate
   carries its follow-ups' stake; a verdict set by a client type known in full is not provisional.
3. Every verdict says what to do next and never contradicts itself: negotiate comes with a term, a
   condition or the question that decides; a final decline offers nothing to take and asks nothing more;
   a decline a term could lift says "decline unless"; every knock-out is explained, and only once.

Each property runs a bounded number of examples, so the file takes seconds.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clientscreen.report.content import to_dict
from clientscreen.report.markdown import to_markdown
from clientscreen.rulebook import schema
from clientscreen.rulebook.model import Rulebook, Verdict, load_rulebook
from clientscreen.scoring import Assessment, score
from test_batch import agree

DEFAULT = load_rulebook(Path(__file__).parent.parent / "rules" / "default.yaml")
BOUNDED = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def sampled(*values: Any) -> st.SearchStrategy[Any]:
    """One of ``values``, the strategy built once per distinct list of values.

    Hypothesis checks each strategy object the first time it is drawn from; a fresh one per draw, dozens per
    example, cost more than the property under test. Kept, the draws are exactly those of a fresh one.
    """
    return _sampled(tuple((type(v), v) for v in values))  # typed: 1, 1.0 and True are equal keys


@cache
def _sampled(typed: tuple[tuple[type, Any], ...]) -> st.SearchStrategy[Any]:
    return st.sampled_from([v for _type, v in typed])


def maybe(*values: Any) -> st.SearchStrategy[Any]:
    """None or one of ``values``, built once (see ``sampled``)."""
    return _maybe(sampled(*values))


@cache
def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


@cache
def maybe_between(low: int, high: int) -> st.SearchStrategy[int | None]:
    """None or a whole number from ``low`` to ``high``, built once (see ``sampled``)."""
    return st.none() | st.integers(low, high)


_ANSWER_SETS: dict[int, tuple[Rulebook, st.SearchStrategy[dict[str, Any]]]] = {}


def answer_sets(book: Rulebook) -> st.SearchStrategy[dict[str, Any]]:
    """Each scoring question left out (unknown) or given one of its answers (a number inside its band).

    Built once per rulebook object (see ``sampled``); the book is kept beside it, so its id is never another's,
    and a generated book, drawn once, is let go after a few others.
    """
    kept = _ANSWER_SETS.get(id(book))
    if kept is None or kept[0] is not book:
        if len(_ANSWER_SETS) > 8:
            _ANSWER_SETS.clear()
        kept = _ANSWER_SETS[id(book)] = (book, _answer_sets(book))
    return kept[1]


def _answer_sets(book: Rulebook) -> st.SearchStrategy[dict[str, Any]]:
    fields: dict[str, st.SearchStrategy[Any]] = {}
    for q in book.questions:
        if not q.scores:
            continue
        if q.type == "number":
            bounds = [a.below for a in q.answers if a.below is not None]
            numbers = [0.0, *(b - 0.5 for b in bounds), *bounds]
            fields[q.id] = maybe(*numbers)
        else:
            fields[q.id] = maybe(*(a.value for a in q.answers))
    return st.fixed_dictionaries(fields).map(_known)


def _known(answers: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in answers.items() if v is not None}


@st.composite
def floored_rulebooks(draw: st.DrawFn) -> Rulebook:
    """Small rulebooks with category floors, knock-outs, terms, negotiable questions and skip logic."""
    n_categories = draw(st.integers(1, 3))
    categories = []
    for c in range(n_categories):
        category: dict[str, Any] = {"id": f"c{c}", "title": f"C{c}", "kind": "red", "why": f"reason {c}.",
                                    "source": {"article": "a.txt", "section": "s"}, "advice": "a",
                                    "term": f"term {c}"}
        negotiate = draw(maybe_between(1, 6))
        decline = draw(maybe_between((negotiate or 0) + 1, 14))
        if negotiate or decline:
            category["floor"] = {k: v for k, v in (("negotiate", negotiate), ("decline", decline)) if v}
        categories.append(category)
    questions: list[dict[str, Any]] = []
    for i in range(draw(st.integers(1, 5))):
        answers = [
            {"value": f"v{j}", "points": draw(sampled(-3, -1, 0, 1, 2, 4, 7)),
             "knockout": draw(sampled(None, None, None, "negotiate", "decline"))}
            for j in range(draw(st.integers(2, 3)))
        ]
        q: dict[str, Any] = {"id": f"q{i}", "category": f"c{draw(st.integers(0, n_categories - 1))}", "text": "?",
                             "type": "choice", "answers": [{k: v for k, v in a.items() if v is not None}
                                                           for a in answers]}
        if i and draw(st.booleans()):
            parent = draw(st.integers(0, i - 1))
            q["ask_if"] = {"question": f"q{parent}", "in": [f"v{draw(st.integers(0, 1))}"]}
        if draw(st.booleans()):
            target = draw(sampled(*(a["value"] for a in answers)))
            q["negotiable"] = {"term": f"negotiate q{i}", "target": target}
        questions.append(q)
    negotiate = draw(st.integers(1, 8))
    return schema.checked({
        "id": "x", "version": "1", "title": "x",
        "thresholds": {"negotiate": negotiate, "decline": negotiate + draw(st.integers(1, 8))},
        "min_coverage": draw(sampled(0.0, 0.6, 1.0)),
        "categories": categories,
        "questions": questions,
    })


def greenest(book: Rulebook, answers: dict[str, Any]) -> dict[str, Any]:
    """The answers with every unknown question given its lowest-scoring answer: all the green there is.

    Gates are left as they are: answering one may rule its follow-ups out, which is evidence that they do
    not apply, not a green flag outweighing them.
    """
    out = dict(answers)
    for q in book.questions:
        if q.scores and q.id not in out and q.type != "number" and q.id not in book.dependants:
            out[q.id] = min(q.answers, key=lambda a: a.points).value
    return out


def check_floors_are_final(book: Rulebook, answers: dict[str, Any]) -> None:
    a = score(book, answers)
    floor = max([k.floor.rank for k in a.knockouts] + [f.floor.rank for f in a.floors], default=0)
    assert a.verdict.rank >= floor
    more = score(book, greenest(book, answers))
    # Green answers can only add to what is known; every floor reached stays reached.
    kept = {f.category: f.floor for f in more.floors}
    for f in a.floors:
        assert kept[f.category].rank >= f.floor.rank
    assert more.verdict.rank >= floor


def check_gates(book: Rulebook, answers: dict[str, Any], a: Assessment) -> None:
    known = {qid for qid, value in a.answers if value is not None}
    asked = [p.question for p in a.ask_next]
    for p in a.ask_next:
        q = book.question_by_id[p.question]
        if q.ask_if is not None:
            assert q.ask_if.question in known, f"{q.id} suggested before its gate {q.ask_if.question}"
        carried = [book.question_by_id[f] for f in p.opens]
        assert p.stake >= q.stake + sum(f.stake for f in carried)
        assert all(f not in asked for f in p.opens)
    coverage = {c.category: c.coverage for c in a.categories}
    deciders = [(k.category, k.floor) for k in a.knockouts] + [(f.category, f.floor) for f in a.floors]
    if any(floor is a.verdict and coverage.get(category, 1.0) >= 1.0 for category, floor in deciders):
        assert not a.provisional


def check_next_step(book: Rulebook, a: Assessment) -> None:
    r = to_dict(a, book)
    if a.verdict is Verdict.NEGOTIATE:
        assert a.levers or a.conditions or a.ask_next, "negotiate with nothing to propose and nothing to ask"
    if a.final:
        assert a.verdict is Verdict.DECLINE
        assert not a.levers and not a.ask_next and r["levers"]["terms"] == []
    if a.verdict is Verdict.DECLINE and a.levers:
        assert not a.final and a.levers_reach is not Verdict.DECLINE
        assert "Decline unless" in to_markdown(a, book)
    if a.verdict is Verdict.TAKE:
        assert not a.levers and not a.conditions
    for k in r["knockouts"]:
        assert k["why"] and k["advice"] and k["source"]["article"]
    text = to_markdown(a, book)
    for cid in {k.category for k in a.knockouts} | {f.category for f in a.floors}:
        why = book.category_by_id[cid].why.get()
        assert text.count(why) == 1, f"the why of {cid} shown {text.count(why)} times"


@BOUNDED
@given(data=st.data())
def test_the_default_rulebook_keeps_every_promise(data: st.DataObject) -> None:
    answers = data.draw(answer_sets(DEFAULT))
    a = score(DEFAULT, answers)
    check_gates(DEFAULT, answers, a)
    check_next_step(DEFAULT, a)


@BOUNDED
@given(data=st.data())
def test_on_the_default_rulebook_green_answers_never_wash_out_a_floor(data: st.DataObject) -> None:
    check_floors_are_final(DEFAULT, data.draw(answer_sets(DEFAULT)))


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_generated_rulebooks_keep_every_promise(data: st.DataObject) -> None:
    book = data.draw(floored_rulebooks())
    answers = data.draw(answer_sets(book))
    a = score(book, answers)
    check_floors_are_final(book, answers)
    check_gates(book, answers, a)
    check_next_step(book, a)


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_the_compiled_scorer_agrees_on_rulebooks_with_floors(data: st.DataObject) -> None:
    book = data.draw(floored_rulebooks())
    row = {k: str(v) for k, v in data.draw(answer_sets(book)).items()}
    ids = data.draw(st.permutations([q.id for q in book.questions]))
    agree(book, {q: row.get(q, "") for q in ids}, ["id", "name", *ids])


def test_the_default_rulebook_gives_each_type_of_the_articles_its_floor() -> None:
    """Walk away from (decline floor) and take only on conditions (negotiate floor), as the articles say."""
    floors = {c.id: c.floor for c in DEFAULT.categories if c.floor}
    for walk_away in ("warring_stakeholders", "penny_pincher", "failed_methods", "chronic_debtor", "controlling"):
        assert floors[walk_away].decline is not None, walk_away
    for conditions in ("unresponsive", "inflated_expectations", "time_waster", "misleading_product"):
        assert floors[conditions].negotiate is not None and DEFAULT.category_by_id[conditions].term, conditions
    knockouts = {(q.id, a.value): a.knockout for q in DEFAULT.questions for a in q.answers if a.knockout}
    assert knockouts[("pay_later", "yes")] == "decline"
    assert knockouts[("earlier_contact", "never_bought")] == "negotiate"
    assert knockouts[("belittling", "yes")] == "negotiate"
    assert knockouts[("belittling_persists", "yes")] == "decline"
    assert knockouts[("social_ready", "not_ready")] == "decline"
    assert DEFAULT.question_by_id["trust"].category == "distrusts_team"
    assert "two working days" in str(DEFAULT.question_by_id["approval"].negotiable.term)  # type: ignore[union-attr]


def test_the_issue_s_stories_come_out_as_the_articles_say() -> None:
    good = {"goals": "measurable", "decision_maker": "one", "monthly_budget": 4000, "prepayment": "yes",
            "response_days": 1, "approval": "plan", "expectations": "realistic", "horizon": "long_term"}
    penny = score(DEFAULT, {**good, "monthly_budget": 600, "haggling": 5, "free_extras": "yes",
                            "always_on_call": "yes"})
    assert penny.verdict is Verdict.DECLINE
    assert score(DEFAULT, {**good, "outdated_tactics": "yes"}).verdict is Verdict.NEGOTIATE
    satisfied = score(DEFAULT, {**good, "prepayment": "no", "pay_later": "no"})
    assert satisfied.verdict is Verdict.NEGOTIATE and satisfied.levers
    for negotiate in ({"goals": "none"}, {"owes_money": "overdue"}, {"expectations": "miracles"}):
        a = score(DEFAULT, {**good, **negotiate})
        assert a.verdict is Verdict.NEGOTIATE and (a.levers or a.conditions), negotiate
    declined = score(DEFAULT, {"misleading_claims": "yes"})
    assert declined.final and declined.ask_next == () and not declined.provisional
    gate = score(DEFAULT, {})
    order = [p.question for p in gate.ask_next]
    assert "previous_payment" not in order and "same_failed_method" not in order
    assert order.index("prior_agency") < order.index("outdated_tactics")
    known_type = score(DEFAULT, {"owes_money": "growing", "pleads_hardship": "yes"})
    assert known_type.verdict is Verdict.DECLINE and not known_type.provisional
