"""`clientscreen compare`: two people's answers about one prospect, and which of their differences move the verdict.

Every test runs the command on real answers files (the bundled example prospect, answered again by a second
interviewer) or on two screenings recorded in a ledger: the text, a bad file, standard input and each way of
reading the ledger through the installed command, the other variants through its entry point in this process.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from conftest import REPO, Run

EXAMPLE = (REPO / "examples" / "prospects" / "kontor-gruppen.yaml").read_text(encoding="utf-8")


def second_opinion(tmp_path: Path, name: str, *changes: tuple[str, str], who: str = "Jonas",
                   when: str = "2026-11-21T14:00") -> Path:
    """The example prospect as another interviewer answered it: ``changes`` are (old line, new line) pairs."""
    text = EXAMPLE.replace("interviewer: Mette", f"interviewer: {who}")
    text = text.replace('interviewed_at: "2026-11-21T14:00"', f'interviewed_at: "{when}"')
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def mette(tmp_path: Path) -> Path:
    path = tmp_path / "mette.yaml"
    path.write_text(EXAMPLE, encoding="utf-8")
    return path


def test_a_knock_out_answered_differently_is_shown_first_with_the_verdict_it_flips(cli: Run, tmp_path: Path,
                                                                                    mette: Path) -> None:
    jonas = second_opinion(tmp_path, "jonas.yaml", ('pay_later: "no"', 'pay_later: "yes"'),
                           ("haggling: 3", "haggling: 4"))
    done = cli("compare", mette, jonas, "--no-ledger")
    assert (done.returncode, done.stderr) == (0, "")
    lines = [line.rstrip() for line in done.stdout.splitlines()]
    assert lines[0] == "Kontor Gruppen A/S: two screenings compared (rulebook default 2.0)"
    assert lines[3:5] == ["", "2 answers differ; 1 of them changes a verdict on its own; they agree on 21."]
    assert lines[1].startswith("A  Mette, 2026-11-21: NEGOTIATE, score 12")
    assert lines[2].startswith("B  Jonas, 2026-11-21: DECLINE, score 22")
    first = lines.index(next(line for line in lines if line.startswith("1. ")))
    assert lines[first].startswith("1. Has each of their invoices")  # the knock-out before the bigger list
    assert "changes the verdict" in lines[first] + lines[first + 1]
    rest = lines[first:]
    assert "   A: no   B: yes" in rest
    assert "   with B's answer alone: negotiate → decline, +8 points" in rest
    assert "   with A's answer alone: decline → negotiate, -8 points" in rest
    second = rest.index(next(line for line in rest if line.startswith("2. ")))
    assert rest[second:] == [
        "2. How hard did they haggle over the price?",
        "   A: 3   B: 4",
        "   with B's answer alone: stays negotiate, +2 points",
        "   with A's answer alone: stays decline, -2 points",
    ]


def test_a_minor_difference_moves_the_score_but_flips_nothing(cli_in_process: Run, tmp_path: Path, mette: Path) -> None:
    jonas = second_opinion(tmp_path, "jonas.yaml", ("haggling: 3", "haggling: 4"))
    done = cli_in_process("compare", mette, jonas, "--no-ledger")
    assert done.returncode == 0, done.stderr
    assert "1 answer differs; 0 of them change a verdict on their own; they agree on 22." in done.stdout
    assert "changes the verdict" not in done.stdout
    assert "with B's answer alone: stays negotiate, +2 points" in done.stdout
    assert "NEGOTIATE, score 12" in done.stdout and "NEGOTIATE, score 14" in done.stdout


def test_identical_answers_written_differently_agree(cli_in_process: Run, tmp_path: Path, mette: Path) -> None:
    """`ja` is yes and `3.000` with --decimal-free grouping is 3 000: the same answers, however typed."""
    jonas = second_opinion(tmp_path, "jonas.yaml", ('prepayment: "no"', "prepayment: nej"),
                           ("monthly_budget: 3 000", "monthly_budget: 3000"))
    done = cli_in_process("compare", mette, jonas, "--no-ledger")
    assert done.returncode == 0, done.stderr
    assert "They agree on every answer (23 answered)." in done.stdout
    assert "1. " not in done.stdout


def test_an_answer_only_one_of_them_gave_is_listed_apart(
    cli_in_process: Run, tmp_path: Path, mette: Path,
) -> None:
    jonas = second_opinion(tmp_path, "jonas.yaml", ('prepayment: "no"', "prepayment: unknown"))
    data = json.loads(cli_in_process("compare", mette, jonas, "--no-ledger", "-f", "json").stdout)
    [only] = data["differences"]
    assert (only["question"], only["kind"], only["a"], only["b"]) == ("prepayment", "only_a", "no", None)
    assert only["b_shown"] == "not answered"
    text = cli_in_process("compare", mette, jonas, "--no-ledger").stdout
    assert "Answered by only one of them:" in text and "A: no   B: not answered" in text


def test_json_has_stable_keys_for_both_sides_and_every_difference(
    cli_in_process: Run, tmp_path: Path, mette: Path,
) -> None:
    jonas = second_opinion(tmp_path, "jonas.yaml", ('pay_later: "no"', 'pay_later: "yes"'))
    done = cli_in_process("compare", mette, jonas, "--no-ledger", "-f", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == {"rulebook", "rulebooks_differ", "a", "b", "verdicts_differ", "score_delta", "agree",
                         "differences"}
    assert set(data["a"]) == {"label", "source", "prospect", "interviewer", "interviewed_at", "answered_against",
                              "verdict", "score", "provisional", "coverage"}
    assert (data["a"]["verdict"], data["a"]["score"], data["a"]["interviewer"]) == ("negotiate", 12, "Mette")
    assert (data["b"]["verdict"], data["b"]["score"], data["b"]["interviewer"]) == ("decline", 20, "Jonas")
    assert (data["verdicts_differ"], data["score_delta"], data["agree"]) == (True, 8, 22)
    [diff] = data["differences"]
    assert set(diff) == {"question", "text", "kind", "scored", "a", "b", "a_shown", "b_shown", "flips", "with_b",
                         "with_a"}
    assert diff["with_b"] == {"verdict_from": "negotiate", "verdict_to": "decline", "score_from": 12,
                              "score_to": 20, "delta": 8, "flips": True}
    assert diff["with_a"]["verdict_to"] == "negotiate" and diff["with_a"]["delta"] == -8


def test_markdown_for_a_crm_note_escapes_outside_text(cli_in_process: Run, tmp_path: Path, mette: Path) -> None:
    jonas = second_opinion(tmp_path, "jonas.yaml", ('pay_later: "no"', 'pay_later: "yes"'),
                           ("interviewer: Jonas", "interviewer: '[Jonas](http://x)'"))
    done = cli_in_process("compare", mette, jonas, "--no-ledger", "-f", "markdown")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# Kontor Gruppen A/S: two screenings compared\n")
    assert "| B | \\[Jonas\\]\\(http://x\\), 2026-11-21 | decline | 20 |" in done.stdout
    assert "**changes the verdict**" in done.stdout


def test_different_rulebook_versions_are_said_in_one_line(
    cli_in_process: Run, tmp_path: Path, mette: Path,
) -> None:
    old = 'status: complete\nrulebook: {id: default, version: "1.9", hash: "sha256:0"}\n'
    new = 'status: complete\nrulebook: {id: default, version: "2.0", hash: "sha256:1"}\n'
    mette.write_text(EXAMPLE.replace("status: complete\n", old), encoding="utf-8")
    jonas = second_opinion(tmp_path, "jonas.yaml", ("status: complete\n", new))
    done = cli_in_process("compare", mette, jonas, "--no-ledger")
    assert done.returncode == 0
    assert done.stderr == (f"warning: {mette} was answered against default 1.9 and {jonas} against default 2.0; "
                           "both are scored here by default 2.0\n")
    data = json.loads(cli_in_process("compare", mette, jonas, "--no-ledger", "-f", "json").stdout)
    assert data["rulebooks_differ"] is True


def test_both_screenings_stay_in_the_ledger_and_compare_by_client(
    cli: Run, cli_in_process: Run, tmp_path: Path, mette: Path,
) -> None:
    jonas = second_opinion(tmp_path, "jonas.yaml", ('pay_later: "no"', 'pay_later: "yes"'),
                           when="2026-11-22T09:00")
    assert cli_in_process("report", mette).returncode == 0
    assert cli_in_process("report", jonas).returncode == 0
    again = cli_in_process("ledger", "import", mette, jonas)
    assert again.stderr == "0 recorded, 2 already in the ledger, 0 drafts skipped, 0 unreadable\n"
    rows = cli_in_process("ledger", "export", "-f", "jsonl").stdout.splitlines()
    assert [json.loads(r)["interviewer"] for r in rows] == ["Mette", "Jonas"]

    by_client = cli("compare", "Kontor Gruppen A/S")
    assert by_client.returncode == 0, by_client.stderr
    assert "A  Mette, 2026-11-21: NEGOTIATE, score 12" in by_client.stdout
    assert "B  Jonas, 2026-11-22: DECLINE, score 20" in by_client.stdout
    assert "with B's answer alone: negotiate → decline, +8 points" in by_client.stdout

    # Mette screens again later: the latest, and the latest by someone else, are compared
    later = second_opinion(tmp_path, "mette-2.yaml", ("haggling: 3", "haggling: 5"), who="Mette",
                           when="2026-11-23T09:00")
    assert cli_in_process("report", later).returncode == 0
    data = json.loads(cli_in_process("compare", "kontor gruppen a/s", "-f", "json").stdout)
    assert (data["a"]["interviewer"], data["b"]["interviewer"]) == ("Jonas", "Mette")
    assert data["b"]["interviewed_at"] == "2026-11-23T09:00"

    ids = [json.loads(r)["screening"] for r in cli_in_process("ledger", "export", "-f", "jsonl").stdout.splitlines()]
    picked = json.loads(cli_in_process("compare", "Kontor Gruppen A/S", "--entries", ids[2][7:19], ids[0],
                                       "-f", "json").stdout)
    assert (picked["a"]["source"], picked["b"]["source"]) == (ids[0], ids[2])
    assert [d["question"] for d in picked["differences"]] == ["haggling"]


def test_the_ledger_mode_refuses_what_it_cannot_compare(cli: Run, cli_in_process: Run, mette: Path) -> None:
    unknown = cli("compare", "Nobody")
    assert (unknown.returncode, unknown.stderr) == (3, "clientscreen.db: no client 'Nobody' in the ledger\n")
    cli_in_process("report", mette)
    one = cli_in_process("compare", "Kontor Gruppen A/S")
    assert one.returncode == 3
    assert one.stderr.startswith("clientscreen.db: 'Kontor Gruppen A/S' has one screening by rulebook default; "
                                 "compare needs two")
    a_file = cli_in_process("compare", "mette.yaml")
    assert a_file.returncode == 2 and "compare takes two answers files" in a_file.stderr


def test_entries_that_match_no_screening_or_several_are_usage_errors(
    cli_in_process: Run, tmp_path: Path, mette: Path,
) -> None:
    jonas = second_opinion(tmp_path, "jonas.yaml", ("haggling: 3", "haggling: 4"))
    cli_in_process("report", mette)
    cli_in_process("report", jonas)
    none = cli_in_process("compare", "Kontor Gruppen A/S", "--entries", "zzz", "sha256:")
    assert none.returncode == 2
    assert none.stderr == ("clientscreen: --entries 'zzz': matches 0 screenings of this client; give more of its "
                           "id\n")
    files = cli_in_process("compare", mette, jonas, "--entries", "a", "b")
    assert files.returncode == 2 and "--entries picks two screenings of one client" in files.stderr


def test_a_bad_answers_file_is_one_line_with_its_place(cli: Run, tmp_path: Path, mette: Path) -> None:
    jonas = second_opinion(tmp_path, "jonas.yaml", ('prepayment: "no"', "prepayment: maybe"))
    done = cli("compare", mette, jonas)
    assert (done.returncode, done.stdout) == (3, "")
    assert done.stderr == f"{jonas}:19:3: answers.prepayment: 'maybe' is not an answer here; expected yes or no\n"
    assert not (tmp_path / "clientscreen.db").exists()  # nothing recorded from a comparison that failed


def test_standard_input_once_and_never_an_output_onto_an_input(
    cli: Run, cli_in_process: Run, tmp_path: Path, mette: Path,
) -> None:
    jonas = second_opinion(tmp_path, "jonas.yaml", ("haggling: 3", "haggling: 4"))
    piped = cli("compare", mette, "-", "--no-ledger", input=jonas.read_text(encoding="utf-8"))
    assert piped.returncode == 0 and "stays negotiate, +2 points" in piped.stdout
    twice = cli_in_process("compare", "-", "-", input="")
    assert twice.returncode == 2 and "only one of the two answers files can be standard input" in twice.stderr
    before = jonas.read_bytes()
    onto = cli_in_process("compare", mette, jonas, "-o", jonas)
    assert onto.returncode == 2 and "never overwrites its input" in onto.stderr
    assert jonas.read_bytes() == before
    out = tmp_path / "compare.txt"
    written = cli_in_process("compare", mette, jonas, "--no-ledger", "-o", out)
    assert (written.returncode, written.stdout) == (0, "")
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600  # names and answers: client data
    assert "with B's answer alone: stays negotiate, +2 points" in out.read_text(encoding="utf-8")
    assert max(len(line) for line in out.read_text(encoding="utf-8").splitlines()) <= 80


@pytest.mark.parametrize(("lang", "expected"), [
    ("da", "med kun B's svar: forhandl → sig nej, +8 point"),
    ("ru", "только с ответом B: договориться → отказать, +8 баллов"),
    ("he", "\u200f   רק עם התשובה של B: \u200fלקחת בתנאים ← לוותר, \u200e+8\u200e נקודות"),
])
def test_the_comparison_speaks_the_readers_language(cli: Run, cli_in_process: Run, tmp_path: Path, mette: Path,
                                                    lang: str, expected: str) -> None:
    """Hebrew through the installed command, the other languages through its entry point in this process."""
    jonas = second_opinion(tmp_path, "jonas.yaml", ('pay_later: "no"', 'pay_later: "yes"'))
    run = cli if lang == "he" else cli_in_process
    done = run("compare", mette, jonas, "--no-ledger", "--lang", lang)
    assert done.returncode == 0, done.stderr
    assert expected in done.stdout


def test_outside_text_is_shown_as_text_without_control_sequences(
    cli_in_process: Run, tmp_path: Path, mette: Path,
) -> None:
    jonas = second_opinion(tmp_path, "jonas.yaml", ("name: Kontor Gruppen A/S", 'name: "Evil [/] Corp\\e[31m"'),
                           ("interviewer: Jonas", 'interviewer: "[link=https://x]Jonas[/link]"'))
    done = cli_in_process("compare", mette, jonas, "--no-ledger")
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout + done.stderr
    assert "B  [link=https://x]Jonas[/link], 2026-11-21: NEGOTIATE, score 12" in done.stdout
    assert done.stderr == "warning: A is about Kontor Gruppen A/S and B about Evil [/] Corp; compared all the same\n"


def test_a_clients_reviews_are_compared_with_each_other_never_with_its_intake(
    cli_in_process: Run, tmp_path: Path, mette: Path,
) -> None:
    good = {"invoice_trend": "on_time", "days_late": 0, "partial_payments": "no", "balance": "none",
            "broken_promises": 0, "work_unpaid": "no", "feedback_days": 1, "is_that_all": "no", "approval_rounds": 1,
            "networks": "all", "outside_brief": 1, "after_hours": "no", "goals_now": "measurable",
            "hours_share": "pays_well", "belittling": "no", "respect": 5}

    def review(who: str, day: int, **answers: object) -> None:
        data = {"status": "complete", "prospect": {"name": "Kontor Gruppen A/S"}, "interviewer": who,
                "interviewed_at": f"2027-02-{day:02d}T10:00", "answers": {**good, **answers}}
        path = tmp_path / f"review-{who}.yaml"
        path.write_text(json.dumps(data), encoding="utf-8")
        assert cli_in_process("report", path, "--rules", REPO / "rules" / "review.yaml").returncode == 0

    assert cli_in_process("report", mette).returncode == 0
    review("Mette", 1)
    one = cli_in_process("compare", "Kontor Gruppen A/S")
    assert one.returncode == 3 and "has one screening by rulebook review" in one.stderr
    review("Jonas", 2, invoice_trend="later_each_time", days_late=20)
    done = cli_in_process("compare", "Kontor Gruppen A/S")
    assert done.returncode == 0, done.stderr
    assert "(rulebook review " in done.stdout and "A  Mette, 2027-02-01: KEEP" in done.stdout
    assert "2 answers differ" in done.stdout
