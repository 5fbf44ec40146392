"""The ledger database: migrations from every earlier schema, records kept whole through kills, two writers."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from clientscreen.ledger import store
from clientscreen.ledger.outcomes import Outcome
from clientscreen.ledger.records import FlagRecord
from ledger_samples import sample

SRC = Path(store.__file__).resolve().parents[2]


def schema(path: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(path) as conn:
        return sorted(conn.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))


def test_a_recorded_screening_comes_back_as_it_went_in_and_twice_is_once(tmp_path: Path) -> None:
    with store.connect(tmp_path / "l.db") as ledger:
        assert ledger.record(sample(1)) is True
        assert ledger.record(sample(1)) is False
        assert ledger.screenings() == [sample(1)]
        assert ledger.clients() == [store.Client("nordlys-aps", "Nordlys ApS", 1)]
    assert (tmp_path / "l.db").stat().st_mode & 0o777 == 0o600


def test_merge_moves_screenings_and_work_and_keeps_the_other_spelling_as_a_name(tmp_path: Path) -> None:
    with store.connect(tmp_path / "l.db") as ledger:
        ledger.record(sample(1, "Nordlys ApS"))
        ledger.record(sample(2, "Nordlys A.p.S."))
        ledger.set_work("Nordlys A.p.S.", "2026-11", 10, 1000)
        ledger.set_work("Nordlys ApS", "2026-11", 5, 500)
        assert ledger.merge("Nordlys A.p.S.", "Nordlys ApS") == 1
        assert [c.id for c in ledger.clients()] == ["nordlys-aps"]
        assert ledger.client_id("nordlys a.p.s.") == "nordlys-aps"
        assert ledger.work() == {"nordlys-aps": store.Work(15, 1500)}
        ledger.record(sample(3, "Nordlys A.p.S."))  # a later screening under the old spelling joins the client
        assert {r.client_slug for r in ledger.screenings("Nordlys ApS")} == {"nordlys-aps"}
        assert len(ledger.screenings("Nordlys A.p.S.")) == 3
        with pytest.raises(store.LedgerError, match="already one client"):
            ledger.merge("Nordlys A.p.S.", "nordlys-aps")
        with pytest.raises(store.LedgerError, match="no client 'Ghost'"):
            ledger.merge("Ghost", "Nordlys ApS")


def _fill(path: Path, version: int) -> None:
    """Rows as a clientscreen of schema ``version`` wrote them, in that version's own tables."""
    conn = sqlite3.connect(path, isolation_level=None)
    rec = sample(1, "Nordlys A.p.S.")
    if version >= 1:
        conn.execute("INSERT INTO clients VALUES ('nordlys-a-p-s', 'Nordlys A.p.S.', '2026-11-01T10:00')")
        conn.execute(
            "INSERT INTO screenings VALUES (?, 'nordlys-a-p-s', ?, ?, 'Mette', 'default', '1.3', 'sha256:abc',"
            " 'negotiate', 12, 0, 0.95, 5, 3, '2026-11-01T10:00')", (rec.id, rec.client_name, rec.screened_at))
        for i, (q, v) in enumerate(rec.answers):
            conn.execute("INSERT INTO answers VALUES (?, ?, ?, ?)", (rec.id, i, q, json.dumps(v)))
        for f in rec.flags:
            conn.execute("INSERT INTO flags VALUES (?, ?, ?, ?, ?)", (rec.id, f.question, f.category, f.answer,
                                                                     f.points))
    if version >= 2:
        conn.execute("INSERT INTO client_aliases VALUES ('nordlys-aps', 'nordlys-a-p-s', '2026-11-02T10:00')")
    if version >= 3:
        conn.execute("INSERT INTO client_work VALUES ('nordlys-a-p-s', '2026-11', 40, 9000, '2026-11-03')")
    if version >= 4:
        conn.execute("INSERT INTO decisions VALUES ('nordlys-a-p-s', ?, 'negotiate', 'take', 'old friend',"
                     " '2026-11-04T10:00')", (rec.id,))
        conn.execute("INSERT INTO outcomes VALUES ('nordlys-a-p-s', 'late', 'them', 30, 'mixed', NULL, '2026-11-05')")
    conn.close()


@pytest.mark.parametrize("version", range(store.VERSION))
def test_every_earlier_schema_migrates_to_the_current_one_keeping_its_rows(tmp_path: Path, version: int) -> None:
    old, fresh = tmp_path / "old.db", tmp_path / "fresh.db"
    store.connect(old, target=version).close()
    _fill(old, version)
    with store.connect(old) as ledger:
        assert store.schema_version(ledger._conn) == store.VERSION
        if version >= 1:
            assert ledger.screenings() == [sample(1, "Nordlys A.p.S.")]
            assert ledger.check() == []
        if version >= 2:
            assert ledger.client_id("Nordlys ApS") == "nordlys-a-p-s"
        if version >= 3:
            assert ledger.work() == {"nordlys-a-p-s": store.Work(40, 9000)}
        if version >= 4:
            assert ledger.decisions()["nordlys-a-p-s"].overrides
            assert ledger.outcomes() == {"nordlys-a-p-s": Outcome("late", "them", 30, "mixed")}
        ledger.record(sample(2))  # and it takes new records
    store.connect(fresh).close()
    assert schema(old) == schema(fresh)


def test_a_ledger_from_a_newer_clientscreen_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    store.connect(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE ledger_schema SET version = 99")
    with pytest.raises(store.LedgerError, match=r"l\.db: written by a newer clientscreen \(schema 99"):
        store.connect(path)


def test_a_file_that_is_not_a_database_is_one_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(store.LedgerError, match="notes.db: not a clientscreen ledger"):
        store.connect(path)
    assert path.read_text().startswith("these are my notes")


def test_the_location_is_the_option_then_the_variable_then_the_settings_file_then_the_working_folder(
        tmp_path: Path) -> None:
    from clientscreen import settings

    def where(option: Path | None, environ: dict[str, str]) -> Path | None:
        return settings.load({"ledger": None if option is None else str(option)}, environ, tmp_path,
                             None).path("ledger")

    assert where(tmp_path / "a.db", {"CLIENTSCREEN_LEDGER": "b.db"}) == tmp_path / "a.db"
    assert where(None, {"CLIENTSCREEN_LEDGER": "b.db"}) == Path("b.db")
    assert where(None, {}) == Path("clientscreen.db")
    (tmp_path / "clientscreen.toml").write_text('ledger = "s.db"\n', encoding="utf-8")
    assert where(None, {"CLIENTSCREEN_LEDGER": " "}) == tmp_path / "s.db"


# -- kills and concurrent writers: real processes ---------------------------------------------------------------

CHILD = textwrap.dedent(
    """
    import os, signal, sys
    sys.path.insert(0, {tests!r})
    from pathlib import Path
    from ledger_samples import sample
    from clientscreen.ledger import store

    path, kill_at, first, count = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    ledger = store.connect(path)
    executes = 0

    def profile(frame, event, arg):
        global executes
        if event == "c_call" and getattr(arg, "__name__", "") == "execute":
            executes += 1
            if executes == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)

    for i in range(first, first + count):
        sys.setprofile(profile)
        ledger.record(sample(i, "Client %d" % (i % 4)))
        sys.setprofile(None)
        print("committed", i, executes, flush=True)
    """
).format(tests=str(Path(__file__).parent))


def child(path: Path, kill_at: int, first: int, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", CHILD, str(path), str(kill_at), str(first), str(count)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def committed(out: str) -> set[str]:
    return {sample(int(line.split()[1])).id for line in out.splitlines() if line.startswith("committed")}


def whole(path: Path) -> set[str]:
    """The screenings in the ledger, after checking none is half written and the file is sound."""
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with store.connect(path) as ledger:
        assert ledger.check() == []
        return {r.id for r in ledger.screenings()}


def test_a_kill_before_any_statement_of_a_write_leaves_it_whole_or_absent_and_loses_nothing(tmp_path: Path) -> None:
    probe = child(tmp_path / "probe.db", 0, 0, 2)
    out, err = probe.communicate(timeout=60)
    assert probe.returncode == 0, err
    per_record = int(out.splitlines()[1].split()[2]) - int(out.splitlines()[0].split()[2])
    assert per_record >= 10  # BEGIN, the lookups, client, screening, five answers, three flags, COMMIT
    first_done = int(out.splitlines()[0].split()[2])
    outcomes = set()
    # before every statement of the second record, and before the first of the third; all at once, to be quick
    points = range(first_done + 1, first_done + per_record + 2)
    store.connect(tmp_path / "empty.db").close()
    for k in points:
        shutil.copyfile(tmp_path / "empty.db", tmp_path / f"kill-{k}.db")
    procs = [(tmp_path / f"kill-{k}.db", child(tmp_path / f"kill-{k}.db", k, 0, 3)) for k in points]
    for path, proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == -signal.SIGKILL, err
        found = whole(path)
        assert committed(out) <= found  # nothing recorded is lost
        assert found in ({sample(0).id}, {sample(0).id, sample(1).id})  # the second is all there, or not at all
        outcomes.add((proc.returncode, len(found)))
    # killed before COMMIT (the record gone) and after it (kept)
    assert outcomes == {(-signal.SIGKILL, 1), (-signal.SIGKILL, 2)}


def test_kills_at_random_moments_of_a_busy_writer_lose_nothing_committed(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    recorded: set[str] = set()
    for round_, delay in enumerate((0.03, 0.13, 0.29)):
        proc = child(path, 0, round_ * 10_000, 10_000)
        lines = []
        assert proc.stdout is not None
        lines.append(proc.stdout.readline())  # it is writing
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate(timeout=60)
        assert proc.returncode == -signal.SIGKILL
        recorded |= committed("".join(lines) + out)
        assert recorded <= whole(path)
    assert len(recorded) > 3


def test_two_processes_writing_at_once_both_succeed(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    procs = [child(path, 0, first, 60) for first in (0, 1000)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in outs]
    found = whole(path)
    assert len(found) == 120 and all(committed(out) <= found for out, _ in outs)


def test_changes_between_two_screenings_flag_by_flag_with_the_direction_of_travel() -> None:
    from dataclasses import replace

    from clientscreen.ledger.trend import compare, trend

    before = sample(1)  # goals rough +3, haggling 3 +1, prepayment no +7
    after = replace(sample(2), score=5, verdict="take", flags=(
        FlagRecord("goals", "muddy_goals", "none", 5),  # worse
        FlagRecord("prepayment", "accepts_prepayment", "yes", -2),  # better
        FlagRecord("response", "unresponsive", "slow", 2),  # new
    ))  # haggling: gone
    changes = compare(before, after)
    assert [(c.question, c.direction) for c in changes.flags] == [
        ("goals", "worse"), ("prepayment", "better"), ("response", "new"), ("haggling", "gone")]
    assert changes.score_delta == -7 and changes.heading == "better"
    assert trend([before]) is None and trend([before, after]) == "better" and trend([after, before]) == "worse"
    assert compare(before, before).flags == () and compare(before, before).heading == "steady"


def test_latest_answers_give_each_client_s_last_screening_by_one_rulebook_in_client_order(tmp_path: Path) -> None:
    """What an edited rulebook is tried on: one screening a client, the latest by that rulebook, no other."""
    from dataclasses import replace

    older = sample(1, "Nordlys ApS")
    newer = replace(sample(2, "Nordlys ApS"), screened_at="2026-11-30T09:00", answers=(("goals", "clear"),))
    other_book = replace(sample(3, "Nordlys ApS"), screened_at="2026-12-01T09:00", rulebook_id="review",
                         answers=(("payment_trend", "worse"),))
    bare = replace(sample(4, "Acme"), answers=(), flags=())
    with store.connect(tmp_path / "l.db") as ledger:
        for rec in (newer, older, other_book, bare):
            ledger.record(rec)
        assert list(ledger.latest_answers("default")) == [
            ("acme", "Acme", bare.screened_at[:10], {}),
            ("nordlys-aps", "Nordlys ApS", "2026-11-30", {"goals": "clear"}),
        ]
        assert list(ledger.latest_answers("review")) == [
            ("nordlys-aps", "Nordlys ApS", "2026-12-01", {"payment_trend": "worse"})]
        assert list(ledger.latest_answers("nothing")) == []
        ledger.record(sample(5, "Typed Oy"))
        typed = [a for c, _n, _d, a in ledger.latest_answers("default") if c == "typed-oy"]
    assert typed == [dict(sample(5).answers)]  # numbers stay numbers, a null stays null, in the file's order
    assert list(typed[0]) == [q for q, _v in sample(5).answers]
