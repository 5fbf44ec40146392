"""The one description of a report that every format draws on: JSON is this dict, and the brief, the full
report, the term sheet, Markdown and HTML show its facts, so no output can claim what another does not.

Plain Python, no Rich: the formats that render it live beside it (brief, full, terms, markdown, html).
Texts are the rulebook's, in the active language; outside text stays raw here and is escaped by each format.
"""

from __future__ import annotations

from typing import Any

from clientscreen import i18n
from clientscreen.i18n import _, _n
from clientscreen.interview.answersfile import Prospect
from clientscreen.report import parting
from clientscreen.rulebook.model import Rulebook, Verdict
from clientscreen.scoring import Assessment

MARK = {Verdict.TAKE: "✔", Verdict.NEGOTIATE: "≈", Verdict.DECLINE: "✖"}


def headline(verdict: Verdict, provisional: bool, name: str | None = None) -> str:
    """The verdict as a report heads it: below the coverage floor, no verdict yet, only a leaning.

    An empty draft scores 0, which is a take; shown as a TAKE it reads as advice nobody gave. ``name``:
    the verdict as the rulebook names it (keep, let go).
    """
    word = (name or verdict.shown).upper()
    if provisional:
        return _("? NOT ENOUGH EVIDENCE YET, leaning {verdict}", verdict=word)
    return f"{MARK[verdict]} {word}"


def to_dict(
    assessment: Assessment,
    rulebook: Rulebook,
    prospect: Prospect | None = None,
    our_side: str | None = None,
    *,
    draft: bool = False,
    decision: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Everything the report shows, with stable keys; texts are the rulebook's, in the active language.

    ``draft``: the answers come from an interview not finished yet, which the report says. ``our_side``: where
    the check of our own side stands before a decline (see ``rulebook.ourside``); open, the verdict is
    provisional. ``decision``: what the agency decided beside the verdict (decision, verdict, reason,
    overrides), for a brief that shows overrides; None until one is recorded.
    """
    a, rb = assessment, rulebook
    questions, categories = rb.question_by_id, rb.category_by_id

    def answer_text(qid: str, value: str | int | None) -> str | None:
        option = questions[qid].by_value.get(value) if value is not None else None
        return option.shown if option else None

    def source(cid: str) -> dict[str, Any]:
        s = categories[cid].source
        info = rb.sources.get(s.article)
        return {"article": s.article, "section": s.section.get(), "title": rb.source_title(s),
                "url": info.url if info else None}

    def explained(cid: str) -> dict[str, Any]:
        c = categories[cid]
        return {"why": c.why.get(), "advice": c.advice.get(), "source": source(cid)}

    def flag(f: Any) -> dict[str, Any]:
        q, c = questions[f.question], categories[f.category]
        return {
            "question": f.question,
            "text": q.text.get(),
            "answer": f.answer,
            "answer_label": answer_text(f.question, f.answer),
            "number": f.number,
            "points": f.points,
            "kind": "green" if f.points < 0 else ("ethics" if c.kind == "ethics" else "red"),
            "category": c.id,
            "category_title": c.title.get(),
            "why": c.why.get(),
            "advice": c.advice.get(),
            "source": source(c.id),
        }

    return {
        "lang": i18n.current(),
        "verdict": a.verdict.value,
        "decision": decision,
        "verdict_names": {v.value: rb.verdict_name(v) for v in Verdict},
        "verdicts_named": rb.verdicts is not None,
        "score_verdict": a.score_verdict.value,
        "score": a.score,
        "thresholds": {"negotiate": rb.thresholds.negotiate, "decline": rb.thresholds.decline},
        "margin": {"to_better": a.margin.to_better, "to_worse": a.margin.to_worse},
        "provisional": a.provisional or our_side in ("unchecked", "ours"),
        "enough_evidence": not a.provisional,
        "our_side": our_side,
        "letting_go": parting.content(a, rb, prospect),
        "draft": draft,
        "coverage": a.coverage,
        "min_coverage": rb.min_coverage,
        "prospect": prospect.to_data() if prospect else None,
        "rulebook": {"id": rb.id, "version": rb.version, "hash": rb.digest},
        "flags": [flag(f) for f in a.flags],
        "knockouts": [
            {
                "question": k.question,
                "text": questions[k.question].text.get(),
                "answer": k.answer,
                "answer_label": answer_text(k.question, k.answer),
                "floor": k.floor.value,
                "category": k.category,
                "category_title": categories[k.category].title.get(),
                **explained(k.category),
            }
            for k in a.knockouts
        ],
        "floors": [
            {"category": f.category, "category_title": categories[f.category].title.get(), "points": f.points,
             "floor": f.floor.value, **explained(f.category)}
            for f in a.floors
        ],
        "final": a.final,
        "conditions": [
            {"category": cid, "category_title": categories[cid].title.get(),
             "term": (categories[cid].term or categories[cid].advice).get()}
            for cid in a.conditions
        ],
        "levers": {
            "reach": a.levers_reach.value if a.levers_reach else None,
            "terms": [
                {
                    "question": lv.question,
                    "text": questions[lv.question].text.get(),
                    "current": lv.current,
                    "target": lv.target,
                    "target_label": answer_text(lv.question, lv.target),
                    "term": lv.term.get(),
                    "points": lv.points,
                }
                for lv in a.levers
            ],
        },
        "categories": [
            {"id": c.category, "title": categories[c.category].title.get(), "points": c.points, "flags": c.flags,
             "coverage": c.coverage}
            for c in a.categories
        ],
        "ask_next": [
            {"question": p.question, "text": questions[p.question].text.get(), "stake": p.stake,
             "knockout": p.can_knock_out, "opens": list(p.opens),
             "category": questions[p.question].category,
             "category_title": categories[c].title.get() if (c := questions[p.question].category) else None}
            for p in a.ask_next
        ],
        "sources": [
            {"id": sid, "title": info.title.get(), "language": info.language, "url": info.url,
             "cited": any(c.source.article == sid for c in rb.categories)}
            for sid, info in rb.sources.items()
        ],
        "notes": prospect.notes if prospect else None,
        "skipped": list(a.skipped),
        "answers": dict(a.answers),
    }


def our_side_words(report: dict[str, Any]) -> str:
    """Why a decline is not final yet: our own side unchecked, or by our own answers at fault."""
    side = report.get("our_side")
    if side == "unchecked":
        return _("Provisional: our own side is not checked yet. Answer the questions about it before letting go.")
    if side == "ours":
        return _("Provisional: by our own answers part of the fault is ours. Put that right before letting go.")
    if side == "clear":
        return _("Our own side is checked: we did our part.")
    return ""


def decision_words(report: dict[str, Any]) -> str:
    """What the agency decided beside this verdict, once recorded: against the verdict, with its reason."""
    d = report.get("decision")
    if not d:
        return ""
    names = report["verdict_names"]
    decision, verdict = names.get(d["decision"], d["decision"]), names.get(d["verdict"], d["verdict"])
    if d["overrides"]:
        return _("Decided: {decision}, against the verdict {verdict}, because: {reason}", decision=decision,
                 verdict=verdict, reason=d["reason"] or "")
    return _("Decided: {decision}, as the verdict said", decision=decision)


def band_words(report: dict[str, Any]) -> str:
    t = report["thresholds"]
    neg, dec = t["negotiate"], t["decline"]
    if report.get("verdicts_named"):
        names = report["verdict_names"]
        return _("{take} below {negotiate} · {renegotiate} {negotiate} to {last} · {decline} from {at}",
                 take=names["take"], renegotiate=names["negotiate"], decline=names["decline"], negotiate=neg,
                 last=dec - 1, at=dec)
    return _("take below {negotiate} · negotiate {negotiate} to {last} · decline from {decline}",
             negotiate=neg, last=dec - 1, decline=dec)


def margin_words(report: dict[str, Any]) -> str:
    margin, parts = report["margin"], []
    if margin["to_worse"] is not None:
        n = margin["to_worse"]
        parts.append(_n("{n} point from a worse verdict", "{n} points from a worse verdict", n))
    if margin["to_better"] is not None:
        n = margin["to_better"]
        parts.append(_n("{n} point from a better one", "{n} points from a better one", n))
    return "; ".join(parts)


def flag_groups(report: dict[str, Any], *, red: bool) -> list[dict[str, Any]]:
    """Flags gathered by category, the heaviest first, so each why and advice is said once."""
    groups: dict[str, dict[str, Any]] = {}
    for f in report["flags"]:
        if (f["points"] > 0) != red:
            continue
        group = groups.setdefault(f["category"], {**f, "points": 0, "answers": []})
        group["points"] += f["points"]
        group["answers"].append(f)
    return sorted(groups.values(), key=lambda g: -abs(g["points"]))


def deciders(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Knock-outs and category floors gathered by category, so each type's why and advice is said once."""
    groups: dict[str, dict[str, Any]] = {}
    rank = {"negotiate": 1, "decline": 2}
    for k in report["knockouts"]:
        group = groups.setdefault(k["category"], {**k, "answers": [], "points": None})
        group["answers"].append(k)
        if rank[k["floor"]] > rank[group["floor"]]:
            group["floor"] = k["floor"]
    for f in report["floors"]:
        group = groups.setdefault(f["category"], {**f, "answers": []})
        group["points"] = f["points"]
        if rank[f["floor"]] > rank[group["floor"]]:
            group["floor"] = f["floor"]
    return sorted(groups.values(), key=lambda g: -rank[g["floor"]])


def answer_words(f: dict[str, Any]) -> str:
    answer = f["answer_label"] or str(f["answer"])
    return f"{i18n.figure(f['number'])} ({answer})" if f["number"] is not None else answer




def citation(source: dict[str, Any]) -> str:
    """A source as a reader cites it: its title and section in the reader's language."""
    return f"{source['title']}, {source['section']}"


def why_line(report: dict[str, Any]) -> str:
    """One line of why: the client type that decided, else where the score falls."""
    decided = deciders(report)
    if decided:
        g = decided[0]
        if g["answers"]:
            k = g["answers"][0]
            return _("Decided by {title}: {question} {answer}.", title=g["category_title"], question=k["text"],
                     answer=f"({k['answer_label'] or k['answer']})")
        return _n("Decided by {title}: {n} red point in this client type.",
                  "Decided by {title}: {n} red points in this client type.", g["points"], title=g["category_title"])
    t, score = report["thresholds"], report["score"]
    verdict = Verdict(report["score_verdict"])
    if verdict is Verdict.TAKE:
        return _("No client type decides it, and the warning signs stay below {negotiate} points.",
                 negotiate=t["negotiate"])
    if verdict is Verdict.NEGOTIATE:
        return _n("The warning signs add up to {n} point; no client type decides it alone.",
                  "The warning signs add up to {n} points; no client type decides it alone.", score)
    return _n("The warning signs add up to {n} point, the decline band.",
              "The warning signs add up to {n} points, the decline band.", score)


def band_of_score(report: dict[str, Any]) -> str:
    """The band the score is in, in words: "negotiate 6 to 19"."""
    t, score = report["thresholds"], report["score"]
    if report.get("verdicts_named"):  # a rulebook's own names: "keep below 8", "let go from 20"
        names, neg, dec = report["verdict_names"], t["negotiate"], t["decline"]
        if score >= dec:
            return _("{verdict} from {at}", verdict=names["decline"], at=dec)
        if score >= neg:
            return _("{verdict} {low} to {high}", verdict=names["negotiate"], low=neg, high=dec - 1)
        return _("{verdict} below {at}", verdict=names["take"], at=neg)
    if score >= t["decline"]:
        return _("decline from {decline}", decline=t["decline"])
    if score >= t["negotiate"]:
        return _("negotiate {negotiate} to {last}", negotiate=t["negotiate"], last=t["decline"] - 1)
    return _("take below {negotiate}", negotiate=t["negotiate"])


def proposal(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The terms to put on the table, as one list: the levers (with the points each moves), then the conditions."""
    out = [{"term": lv["term"], "points": lv["points"], "question": lv["question"]}
           for lv in report["levers"]["terms"]]
    out += [{"term": c["term"], "points": None, "category": c["category"]} for c in report["conditions"]]
    return out


def score_with_terms(report: dict[str, Any]) -> int:
    """The score once every term on the table is accepted."""
    return int(report["score"]) + sum(int(lv["points"]) for lv in report["levers"]["terms"])


def reached_with_terms(report: dict[str, Any]) -> Verdict:
    """The verdict the terms reach together: the levers' reach, else the verdict as it is (conditions keep it)."""
    reach = report["levers"]["reach"]
    return Verdict(reach) if reach else Verdict(report["verdict"])


def refusal(report: dict[str, Any]) -> list[str]:
    """How to say no, from the articles' advice: delicately, professionally, with the reason; a clean hand-over."""
    decided = deciders(report)
    reasons = ([g["category_title"] for g in decided if g["floor"] == "decline"]
               or [g["category_title"] for g in decided]
               or [g["category_title"] for g in flag_groups(report, red=True)])
    reason = ", ".join(reasons[:2]) or _("the answers above")
    return [
        _("Say no soon, delicately and professionally, and give the reason: {reason}.", reason=reason),
        _("Put it as what you cannot do for them: we cannot meet your needs on these terms."),
        _("If work has begun: full access to their accounts, a final report of what was done, "
          "and a written record of the problems."),
    ]


def client_types(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Points per client type for a bar chart: every category that moved the score, the heaviest first."""
    return [c for c in sorted(report["categories"], key=lambda c: -c["points"]) if c["points"]]
