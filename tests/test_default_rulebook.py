"""The bundled rulebook: every red flag of the articles is there, and their stories get their verdicts.

Each story is a prospect as a sales lead would record it after a first meeting with the client the
article describes; the expected verdict is the one the article itself reaches.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from clientscreen import answersfile
from clientscreen.rulebook import Verdict, load_rulebook
from clientscreen.scoring import assess, score

REPO = Path(__file__).parent.parent
BOOK = load_rulebook(REPO / "rules" / "default.yaml")
SEEDS = REPO.parent / "shared" / "seeds"

IDEAL = {
    "goals": "measurable",
    "price_doubts": "no",
    "decision_maker": "one",
    "argued_in_meeting": "no",
    "monthly_budget": 4000,
    "haggling": 2,
    "free_extras": "no",
    "always_on_call": "no",
    "prepayment": "yes",
    "pay_later": "no",
    "owes_money": "none",
    "prior_agency": "yes",
    "previous_payment": "on_time",
    "same_failed_method": "no",
    "outdated_tactics": "no",
    "misleading_claims": "no",
    "product_quality": 4,
    "response_days": 1,
    "missing_materials": "no",
    "approval": "plan",
    "trust": 5,
    "belittling": "no",
    "expectations": "realistic",
    "expert_friend": "no",
    "earlier_contact": "first",
    "free_samples": "no",
    "marketing_knowledge": 5,
    "horizon": "long_term",
}
# An ordinary prospect: nothing remarkable either way, a few things not known yet.
ORDINARY = {
    "goals": "rough",
    "price_doubts": "no",
    "decision_maker": "one",
    "argued_in_meeting": "no",
    "monthly_budget": 3000,
    "haggling": 3,
    "free_extras": "no",
    "always_on_call": "no",
    "prepayment": "yes",
    "pay_later": "no",
    "owes_money": "none",
    "prior_agency": "no",
    "outdated_tactics": "no",
    "misleading_claims": "no",
    "product_quality": 3,
    "response_days": 2,
    "missing_materials": "no",
    "approval": "batches",
    "trust": 3,
    "belittling": "no",
    "expectations": "optimistic",
    "expert_friend": "no",
    "earlier_contact": "first",
    "free_samples": "no",
    "marketing_knowledge": 3,
    "horizon": "one_off",
}

STORIES = {
    # 000 §1: no clear goals, doubts about the price of expertise; "could turn into any of the others".
    "muddy": ("negotiate", {**ORDINARY, "goals": "none", "price_doubts": "yes"}),
    # 000 §2: two rival managers argue in the meeting; no one will be the responsible contact.
    "warring": ("decline", {**ORDINARY, "decision_maker": "rivals", "argued_in_meeting": "yes", "goals": "none"}),
    # ... but they agree to one responsible person: worth negotiating.
    "warring_but_one_contact": (
        "negotiate",
        {**ORDINARY, "decision_maker": "one", "argued_in_meeting": "yes", "goals": "none"},
    ),
    # 000 §3: small budget, haggles over everything, free changes, calls late in the evening.
    "penny_pincher": (
        "decline",
        {**ORDINARY, "monthly_budget": 800, "haggling": 5, "free_extras": "yes", "always_on_call": "yes"},
    ),
    # 000 §4: paid 80,000 a month to an optimiser for nothing and wants the same again.
    "conservative": (
        "decline",
        {
            **ORDINARY,
            "prior_agency": "yes",
            "previous_payment": "on_time",
            "same_failed_method": "yes",
            "outdated_tactics": "yes",
            "trust": 2,
        },
    ),
    # 000 §5: a good client in every way but will pay only when the work is done.
    "no_prepayment": ("negotiate", {**IDEAL, "prepayment": "no"}),
    # 000 §6: pays a little of the debt each month and promises the rest next time.
    "eternal_debtor": ("decline", {**ORDINARY, "owes_money": "growing"}),
    # 000 §7: the product does not do what it claims; everything else is perfect.
    "misleading": ("decline", {**IDEAL, "misleading_claims": "yes", "product_quality": 1}),
    # 001 §1: does not answer, never sends the promised material.
    "unresponsive": ("negotiate", {**ORDINARY, "response_days": 8, "missing_materials": "yes"}),
    # 001 §2: wants to approve every tweet and does not trust the team.
    "controlling": ("negotiate", {**ORDINARY, "approval": "every_post", "trust": 2}),
    # 001 §3: "keep working, I'll pay you eventually"; paid the last agency later and later.
    "pays_eventually": (
        "decline",
        {**ORDINARY, "pay_later": "yes", "prior_agency": "yes", "previous_payment": "late", "prepayment": "no"},
    ),
    # 002 §1: read online that SEO brings first place in a month; an "expert" friend agrees.
    "inflated": ("negotiate", {**ORDINARY, "expectations": "miracles", "expert_friend": "yes"}),
    # 002 §2: writes every day, asks for discounts and packages, has never bought anything.
    "time_waster": ("decline", {**ORDINARY, "earlier_contact": "never_bought", "free_samples": "yes", "haggling": 4}),
    # 002 §3: makes you feel your business is worth nothing.
    "belittles": ("decline", {**ORDINARY, "belittling": "yes", "trust": 1}),
    "ideal": ("take", IDEAL),
    "ordinary": ("take", ORDINARY),
}


@pytest.mark.parametrize("name", sorted(STORIES))
def test_each_story_gets_the_verdict_its_article_gives(name: str) -> None:
    expected, answers = STORIES[name]
    assert score(BOOK, answers).verdict is Verdict(expected)


def test_refusing_prepayment_is_negotiable_and_the_term_makes_it_take() -> None:
    a = score(BOOK, STORIES["no_prepayment"][1])
    assert a.score_verdict is Verdict.TAKE and a.verdict is Verdict.NEGOTIATE
    assert [lv.question for lv in a.levers] == ["prepayment"] and a.levers_reach is Verdict.TAKE
    assert "before work starts" in a.levers[0].term


def test_no_number_of_green_answers_outweighs_a_misleading_product() -> None:
    a = score(BOOK, STORIES["misleading"][1])
    assert a.score < BOOK.thresholds.negotiate
    assert a.verdict is Verdict.DECLINE and a.levers == ()


def test_warring_stakeholders_can_be_negotiated_down_by_naming_one_contact() -> None:
    a = score(BOOK, STORIES["warring"][1])
    assert a.verdict is Verdict.DECLINE
    assert "decision_maker" in [lv.question for lv in a.levers]


def test_every_red_flag_of_the_articles_has_a_category() -> None:
    ids = {c.id for c in BOOK.categories}
    assert {
        "muddy_goals",
        "doubts_value",
        "warring_stakeholders",
        "penny_pincher",
        "failed_methods",
        "refuses_prepayment",
        "chronic_debtor",
        "misleading_product",
        "unresponsive",
        "controlling",
        "pays_later_and_later",
        "inflated_expectations",
        "time_waster",
        "belittles_team",
    } <= ids
    greens = {c.id for c in BOOK.categories if c.kind == "green"}
    assert greens == {
        "knows_marketing",
        "clear_goals",
        "one_decision_maker",
        "market_budget",
        "accepts_prepayment",
        "long_term",
    }


def test_every_flag_is_raised_by_some_answer() -> None:
    raised = {a.category or q.category for q in BOOK.questions for a in q.answers if a.points or a.knockout}
    assert raised == {c.id for c in BOOK.categories}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the articles live in ../shared/seeds beside the repository")
def test_every_category_cites_a_section_that_is_in_its_article() -> None:
    for c in BOOK.categories:
        article = SEEDS / c.source.article
        assert article.is_file(), c.id
        assert c.source.section.strip() in article.read_text(encoding="utf-8"), c.id


def test_it_uses_every_kind_of_question_and_negotiates_the_terms_the_articles_name() -> None:
    assert {q.type for q in BOOK.questions} == {"yesno", "choice", "scale", "number", "note"}
    assert any(q.ask_if for q in BOOK.questions)
    negotiable = {q.id for q in BOOK.questions if q.negotiable}
    assert {"prepayment", "decision_maker", "response_days", "approval", "free_extras"} <= negotiable


def test_an_interview_with_nothing_known_is_provisional() -> None:
    a = score(BOOK, {})
    assert a.provisional and a.coverage == 0.0 and a.verdict is Verdict.TAKE
    assert a.ask_next[0].can_knock_out


@pytest.mark.parametrize(
    ("example", "verdict"),
    [("nordlys-webshop.yaml", "take"), ("kontor-gruppen.yaml", "negotiate"), ("evil-corp.yaml", "decline")],
)
def test_the_examples_get_their_verdicts(example: str, verdict: str) -> None:
    loaded = answersfile.load(REPO / "examples" / "prospects" / example)
    given, warnings = answersfile.read(BOOK, loaded)
    assert warnings == []
    assert assess(BOOK, given).verdict is Verdict(verdict)


def test_the_readme_answers_example_is_a_valid_answers_file(tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("### Answers files", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "readme.yaml"
    path.write_text(block, encoding="utf-8")
    given, warnings = answersfile.read(BOOK, answersfile.load(path))
    assert warnings == []
    assert given["goals"].option is not None and given["goals"].option.value == "rough"
    assert given["monthly_budget"].number == 3500
