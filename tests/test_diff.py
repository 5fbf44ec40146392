"""rules diff: prospects re-scored under two rulebooks; each format, CSV and folder input, git revisions.

The old rulebook is the lint fixture clean.yaml; the new one raises the points for paying the last
agency late from 3 to 5, which moves two of the five prospects up a band.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from clientscreen.errors import InputError, Problem
from clientscreen.rulebook import diff
from clientscreen.rulebook.model import Rulebook, load_rulebook
from conftest import FIXTURES

OLD = FIXTURES / "lint" / "clean.yaml"
PROSPECTS = {
    "alpha": ("Alpha ApS", {"prepay": "yes", "prior": "yes", "paid_prior": "late"}),  # 2 -> 4: take -> negotiate
    "beta": ("Beta & Co", {"prepay": "no", "prior": "yes", "paid_prior": "late"}),  # 7 -> 9: negotiate -> decline
    "gamma": ("Evil [/] Corp *x*", {"prepay": "yes", "prior": "no"}),  # -1, unchanged
    "delta": ("Delta", {"prior": "yes", "paid_prior": "on_time"}),  # 0, unchanged
    "eps": ("Eps", {"prepay": "no", "prior": "yes", "paid_prior": "never"}),  # 10, decline either way
}


def edited(tmp_path: Path, old: str = "points: 3}", new: str = "points: 5}") -> Path:
    path = tmp_path / "new.yaml"
    path.write_text(OLD.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return path


def folder(tmp_path: Path) -> Path:
    out = tmp_path / "prospects"
    out.mkdir(exist_ok=True)
    for key, (name, answers) in PROSPECTS.items():
        lines = [f"prospect: {{name: {json.dumps(name)}}}", "answers:"]
        lines += [f"  {q}: {json.dumps(v)}" for q, v in answers.items()]
        (out / f"{key}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def assessing_every_prospect(old_book: Rulebook, new_book: Rulebook, prospects: list[diff.Prospect],
                             problems: list[Problem]) -> diff.Impact:
    """What ``compare`` must say: every prospect fully assessed under both rulebooks, no compiled scorer."""
    matrix: dict[tuple[str, str], int] = {}
    changes: list[diff.Change] = []
    score_only = 0
    for p in prospects:
        old, new = diff.outcome(old_book, p.answers), diff.outcome(new_book, p.answers)
        matrix[old.verdict, new.verdict] = matrix.get((old.verdict, new.verdict), 0) + 1
        if old.verdict != new.verdict:
            changes.append(diff.Change.of(p, old_book, new_book, old, new))
        elif old.score != new.score:
            score_only += 1
    return diff.Impact("old", "new", old_book, new_book, len(prospects), matrix, tuple(changes), score_only,
                       tuple(problems))


def default_and_edited(tmp_path: Path) -> tuple[Rulebook, Rulebook]:
    """The default rulebook, and one with a lower bar to negotiate and a yes worth less."""
    default = FIXTURES.parent.parent / "rules" / "default.yaml"
    text = default.read_text(encoding="utf-8").replace("  negotiate: 6\n", "  negotiate: -12\n")
    text = text.replace("      - {value: \"yes\", points: 4}", "      - {value: \"yes\", points: 1}", 1)
    new = tmp_path / "new.yaml"
    new.write_text(text, encoding="utf-8")
    return load_rulebook(default), load_rulebook(new)


def impact(tmp_path: Path, new: Path | None = None) -> diff.Impact:
    prospects, problems = diff.read_prospects(folder(tmp_path))
    new = new or edited(tmp_path)
    return diff.compare(str(OLD), load_rulebook(OLD), str(new), load_rulebook(new), prospects, problems)


def test_the_matrix_counts_each_move_and_each_change_names_its_cause(tmp_path: Path) -> None:
    result = impact(tmp_path)
    assert result.matrix == {("take", "negotiate"): 1, ("negotiate", "decline"): 1, ("take", "take"): 2,
                             ("decline", "decline"): 1}
    assert [(c.prospect.key, c.old.verdict, c.new.verdict, c.delta) for c in result.changes] == [
        ("alpha", "take", "negotiate", 2),
        ("beta", "negotiate", "decline", 2),
    ]
    assert result.changes[0].causes == (diff.Cause("paid_prior", "late", "+3", "+5"),)
    assert result.score_only == 0 and result.changed


def test_text(tmp_path: Path) -> None:
    new = edited(tmp_path)
    assert diff.to_text(impact(tmp_path, new)) == f"""\
rules diff: {OLD} (lint_base 1) -> {new} (lint_base 1)
5 prospects: 2 changed verdict, 0 changed score only, 3 unchanged

old \\ new             take    negotiate      decline
take                     2            1            0
negotiate                0            0            1
decline                  0            0            1

take to negotiate: 1; negotiate to decline: 1

alpha (Alpha ApS): take -> negotiate, score 2 -> 4 (+2)  [{tmp_path}/prospects/alpha.yaml]
  paid_prior = late: +3 -> +5

beta (Beta & Co): negotiate -> decline, score 7 -> 9 (+2)  [{tmp_path}/prospects/beta.yaml]
  paid_prior = late: +3 -> +5
"""


def test_markdown_is_a_pull_request_comment_with_outside_text_escaped(tmp_path: Path) -> None:
    result = impact(tmp_path, edited(tmp_path, '- {value: "yes", points: -1, category: trust}',
                                     '- {value: "yes", points: 5, category: trust}'))
    text = diff.to_markdown(result)
    assert text.startswith("### Rulebook impact: `lint_base 1` -> `lint_base 1`\n")
    assert "| old \\ new | take | negotiate | decline |\n|---|---:|---:|---:|\n| take | 1 | **1** | **1** |" in text
    assert "- **Alpha ApS** (alpha): take -> **decline**, score 2 -> 8 (+6)" in text
    assert "- **Evil \\[/\\] Corp \\*x\\*** (gamma): take -> **negotiate**, score -1 -> 5 (+6)" in text
    assert "  - `prepay` = yes: -1 -> +5" in text


def test_json_for_scripts(tmp_path: Path) -> None:
    data = json.loads(diff.to_json(impact(tmp_path)))
    assert data["prospects"] == 5 and data["changed"] == 2
    assert {"old": "take", "new": "negotiate", "count": 1} in data["matrix"]
    assert data["changes"][1] == {
        "id": "beta", "name": "Beta & Co", "source": str(tmp_path / "prospects" / "beta.yaml"),
        "old": {"verdict": "negotiate", "score": 7, "error": None},
        "new": {"verdict": "decline", "score": 9, "error": None},
        "delta": 2,
        "causes": [{"question": "paid_prior", "answer": "late", "old": "+3", "new": "+5"}],
    }
    assert data["old"]["thresholds"] == {"negotiate": 4, "decline": 8}


def test_moved_thresholds_and_a_removed_answer(tmp_path: Path) -> None:
    new = edited(tmp_path, "thresholds: {negotiate: 4, decline: 8}", "thresholds: {negotiate: 2, decline: 8}")
    result = impact(tmp_path, new)
    assert result.thresholds_note() == "thresholds: negotiate 4 -> 2, decline 8 -> 8"
    assert "  no answer counts differently: thresholds: negotiate 4 -> 2, decline 8 -> 8" in diff.to_text(result)
    gone = edited(tmp_path, "      - {value: never, points: 6, knockout: decline}\n", "")
    result = impact(tmp_path, gone)
    (eps,) = [c for c in result.changes if c.prospect.key == "eps"]
    assert (eps.old.verdict, eps.new.verdict, eps.delta) == ("decline", "error", None)
    assert "paid_prior: 'never' is not an answer here" in str(eps.new.error)


def test_a_csv_export_as_score_reads_it(tmp_path: Path) -> None:
    csv = tmp_path / "leads.csv"
    csv.write_bytes("\ufeffID;Name;prepay;prior;paid_prior;Company\r\nA1;Alpha;ja;yes;late;x\r\n;Nameless;no;;;\r\n"
                    "B2;Broken;yes\r\n".encode())
    prospects, problems = diff.read_prospects(csv)
    assert [(p.key, p.name, p.where) for p in prospects] == [
        ("A1", "Alpha", f"{csv}:2"),
        ("line 3", "Nameless", f"{csv}:3"),  # no id: the line stands in
    ]
    assert [str(p) for p in problems] == [f"{csv}:4: has 3 fields; the header has 6"]
    result = diff.compare("old", load_rulebook(OLD), "new", load_rulebook(edited(tmp_path)), prospects)
    assert [c.prospect.key for c in result.changes] == ["A1"]


def test_an_empty_folder_is_a_problem(tmp_path: Path) -> None:
    problems = diff.read_prospects(tmp_path)[1]
    assert [str(p) for p in problems] == [f"{tmp_path}: holds no answers files (*.yaml, *.yml, *.json)"]


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.com", "HOME": str(repo), "PATH": "/usr/bin:/bin"})


def test_git_revisions_are_read_with_git_show(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    (repo / "rules").mkdir(parents=True)
    git(repo, "init", "-q")
    book = repo / "rules" / "book.yaml"
    book.write_text(OLD.read_text(encoding="utf-8"), encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "first")
    book.write_text(edited(tmp_path).read_text(encoding="utf-8"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "raise late payment")
    monkeypatch.chdir(repo)
    old, new = diff.load_rulebook("HEAD~1:rules/book.yaml"), diff.load_rulebook("HEAD:rules/book.yaml")
    assert [a.points for a in old.questions[2].answers] == [0, 3, 6]
    assert [a.points for a in new.questions[2].answers] == [0, 5, 6]
    with pytest.raises(InputError) as missing:
        diff.load_rulebook("HEAD:rules/nope.yaml")
    assert str(missing.value) == (
        "HEAD:rules/nope.yaml: git cannot read it: path 'rules/nope.yaml' does not exist in 'HEAD'"
    )
    with pytest.raises(InputError) as bad:
        diff.load_rulebook("HEAD~5:rules/book.yaml")
    assert "git cannot read it" in str(bad.value)
    (repo / "rules" / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "broken")
    with pytest.raises(InputError) as broken:
        diff.load_rulebook("HEAD:rules/broken.yaml")
    assert str(broken.value).startswith("HEAD:rules/broken.yaml:2:1: ")


def test_outside_a_repository_git_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    with pytest.raises(InputError) as caught:
        diff.load_rulebook("HEAD:rules/default.yaml")
    assert "git cannot read it: not a git repository" in str(caught.value)
    with pytest.raises(InputError):
        diff.load_rulebook("--output=x:y")


def test_a_streamed_csv_says_what_the_full_assessment_of_every_row_says(tmp_path: Path) -> None:
    """The compiled scorer picks the rows to explain; the result is the one assessing every row gives."""
    import csv as csvmodule
    import random

    old_book, new_book = default_and_edited(tmp_path)
    rnd = random.Random(17)
    questions = old_book.questions
    path = tmp_path / "leads.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csvmodule.writer(fh)
        out.writerow(["id", "name", *(q.id for q in questions)])
        for i in range(400):
            cells = []
            for q in questions:
                pick = rnd.random()
                if pick < 0.15 or not q.answers:
                    cells.append("")
                elif pick < 0.153:
                    cells.append("not an answer")  # a row one side cannot score
                else:  # mostly the mildest answer, as most leads are good ones
                    mild = min(q.answers, key=lambda a: (a.knockout is not None, a.points))
                    answer = mild if pick < 0.85 else rnd.choice(q.answers)
                    if q.type == "number":  # a figure inside the answer's band
                        top = max(int(a.below) for a in q.answers if a.below is not None)
                        cells.append(str(top if answer.below is None else int(answer.below) - 1))
                    else:
                        cells.append(str(answer.value))
            out.writerow([f"P{i}" if i % 7 else "", f"Prospect {i}", *cells])
        out.writerow(["short", "row"])
    streamed = diff.compare_csv("old", old_book, "new", new_book, path)
    prospects, problems = diff.read_prospects(path)
    full = assessing_every_prospect(old_book, new_book, prospects, problems)
    assert diff.to_dict(streamed) == diff.to_dict(full)
    assert diff.to_dict(diff.compare("old", old_book, "new", new_book, prospects, problems)) == diff.to_dict(full)
    assert diff.to_text(streamed) == diff.to_text(full)
    assert 0 < len(streamed.changes) < streamed.total  # the edit moves some verdicts, not all
    assert any(c.new.error for c in streamed.changes) or streamed.matrix.get(("error", "error"))


def test_typed_answers_from_files_or_the_ledger_say_what_the_full_assessment_says(tmp_path: Path) -> None:
    """Folders and the ledger hold typed values; the compiled scorer takes only those whose cell reads back alike.

    Whole numbers, answer texts and "unknown" go through it; decimals, booleans, nulls, lists and answers
    that are not answers go to the full assessment, and the result is the same either way.
    """
    import random

    old_book, new_book = default_and_edited(tmp_path)
    rnd = random.Random(23)
    odd: list[object] = [2.5, 3000.0, True, False, None, [], "", " ", "not an answer", -1, 10**30, "unknown", "UNKNOWN"]
    prospects = []
    for i in range(200):
        answers: dict[str, object] = {}
        for q in old_book.questions:
            pick = rnd.random()
            if pick < 0.2 or not q.answers:
                continue
            if pick < 0.24:
                answers[q.id] = rnd.choice(odd)
                continue
            mild = min(q.answers, key=lambda a: (a.knockout is not None, a.points))
            answer = mild if pick < 0.8 else rnd.choice(q.answers)
            if q.type == "number":
                top = max(int(a.below) for a in q.answers if a.below is not None)
                answers[q.id] = top if answer.below is None else int(answer.below) - 1
            else:
                answers[q.id] = answer.value
        if i % 5 == 0:
            answers["Budget_Not_A_Question"] = "yes"
        prospects.append(diff.Prospect(f"p{i}", f"Prospect {i}", "ledger", answers))
    full = assessing_every_prospect(old_book, new_book, prospects, [])
    quick = diff.compare("old", old_book, "new", new_book, prospects)
    assert diff.to_dict(quick) == diff.to_dict(full)
    assert diff.to_text(quick) == diff.to_text(full)
    assert 0 < len(quick.changes) < quick.total
    assert quick.matrix.get(("error", "error")) or any(c.new.error or c.old.error for c in quick.changes)


def test_a_flip_on_a_client_type_s_floor_names_the_type(tmp_path: Path) -> None:
    floors = FIXTURES / "lint" / "floors.yaml"
    text = floors.read_text(encoding="utf-8")
    without = tmp_path / "without.yaml"
    without.write_text(text.replace("    floor: {negotiate: 4, decline: 5}\n", ""), encoding="utf-8")
    old, new = load_rulebook(without), load_rulebook(floors)
    prospect = diff.Prospect("p1", "Late payer", "p1.yaml", {"prepay": "no", "late": "yes"})
    impact = diff.compare("old", old, "new", new, [prospect])
    (change,) = impact.changes
    assert (change.old.verdict, change.new.verdict) == ("negotiate", "decline")
    assert change.floors() == ["client type money: no floor -> floor decline at 5 red points"]
    shown = diff.to_text(impact)
    assert "  client type money: no floor -> floor decline at 5 red points" in shown
    assert "no answer counts differently" not in shown
    assert "client type money" in diff.to_markdown(impact)
