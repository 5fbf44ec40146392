"""The ledger database: every completed screening, one SQLite file, written one transaction per change.

Why SQLite and why this shape: a sales team needs the history of a client on one machine today and on a
shared database server later. The schema and every query are therefore standard SQL (no ``INSERT OR
IGNORE``, no ``UPSERT``, no SQLite types); what is SQLite's own (WAL, the busy timeout, ``BEGIN
IMMEDIATE``, the file's permissions) lives in ``connect`` and ``_begin`` alone.

Each change is one transaction: a crash or a kill at any point leaves the change whole or absent, never
half. A screening row carries the number of answers and flags it was written with, so a half record would
be visible to anyone who looked (``check`` does). Two processes writing at once wait for each other (the
busy timeout) instead of failing.

Migrations are numbered and kept here forever: a database made by any earlier version is brought up to
date, step by step, each step in its own transaction.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from clientscreen.errors import ClientscreenError, ExitCode, os_reason
from clientscreen.i18n import _
from clientscreen.ledger.outcomes import Case, Decision, Outcome
from clientscreen.ledger.records import FlagRecord, ScreeningRecord
from clientscreen.textsafe import slug

BUSY_TIMEOUT_MS = 30_000

#: Schema versions, in order; ``MIGRATIONS[n - 1]`` takes a database from version n - 1 to n. Never edit a
#: released step: add one.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (  # 1: clients and their screenings, each with its answers and flags
        "CREATE TABLE ledger_schema (version INTEGER NOT NULL)",
        "INSERT INTO ledger_schema (version) VALUES (0)",
        "CREATE TABLE clients ("
        " id VARCHAR(64) NOT NULL PRIMARY KEY,"
        " name VARCHAR(500) NOT NULL,"
        " created_at VARCHAR(40) NOT NULL)",
        "CREATE TABLE screenings ("
        " id VARCHAR(80) NOT NULL PRIMARY KEY,"
        " client_id VARCHAR(64) NOT NULL REFERENCES clients (id),"
        " client_name VARCHAR(500) NOT NULL,"
        " screened_at VARCHAR(40) NOT NULL,"
        " interviewer VARCHAR(500),"
        " rulebook_id VARCHAR(64) NOT NULL,"
        " rulebook_version VARCHAR(64) NOT NULL,"
        " rulebook_hash VARCHAR(80) NOT NULL,"
        " verdict VARCHAR(16) NOT NULL,"
        " score INTEGER NOT NULL,"
        " provisional SMALLINT NOT NULL,"
        " coverage DOUBLE PRECISION NOT NULL,"
        " answer_count INTEGER NOT NULL,"
        " flag_count INTEGER NOT NULL,"
        " recorded_at VARCHAR(40) NOT NULL)",
        "CREATE INDEX screenings_by_client ON screenings (client_id, screened_at)",
        "CREATE TABLE answers ("
        " screening_id VARCHAR(80) NOT NULL REFERENCES screenings (id),"
        " position INTEGER NOT NULL,"
        " question VARCHAR(1000) NOT NULL,"
        " value_json TEXT NOT NULL,"
        " PRIMARY KEY (screening_id, position))",
        "CREATE TABLE flags ("
        " screening_id VARCHAR(80) NOT NULL REFERENCES screenings (id),"
        " question VARCHAR(64) NOT NULL,"
        " category VARCHAR(64) NOT NULL,"
        " answer VARCHAR(500) NOT NULL,"
        " points INTEGER NOT NULL,"
        " PRIMARY KEY (screening_id, question))",
    ),
    (  # 2: two spellings of one client merged: the other spelling points at the client kept
        "CREATE TABLE client_aliases ("
        " alias VARCHAR(64) NOT NULL PRIMARY KEY,"
        " client_id VARCHAR(64) NOT NULL REFERENCES clients (id),"
        " merged_at VARCHAR(40) NOT NULL)",
    ),
    (  # 3: hours spent on and revenue from each client, per period, for the 80/20 view
        "CREATE TABLE client_work ("
        " client_id VARCHAR(64) NOT NULL REFERENCES clients (id),"
        " period VARCHAR(20) NOT NULL,"
        " hours DOUBLE PRECISION NOT NULL,"
        " revenue DOUBLE PRECISION NOT NULL,"
        " recorded_at VARCHAR(40) NOT NULL,"
        " PRIMARY KEY (client_id, period))",
    ),
    (  # 4: what the agency decided beside the verdict, and how each client turned out
        "CREATE TABLE decisions ("
        " client_id VARCHAR(64) NOT NULL PRIMARY KEY REFERENCES clients (id),"
        " screening_id VARCHAR(80) NOT NULL REFERENCES screenings (id),"
        " verdict VARCHAR(16) NOT NULL,"
        " decision VARCHAR(16) NOT NULL,"
        " reason VARCHAR(2000),"
        " decided_at VARCHAR(40) NOT NULL)",
        "CREATE TABLE outcomes ("
        " client_id VARCHAR(64) NOT NULL PRIMARY KEY REFERENCES clients (id),"
        " invoices VARCHAR(16),"
        " ended_by VARCHAR(16),"
        " hours_over DOUBLE PRECISION,"
        " overall VARCHAR(16),"
        " note VARCHAR(2000),"
        " recorded_at VARCHAR(40) NOT NULL)",
    ),
)
VERSION = len(MIGRATIONS)


class LedgerError(ClientscreenError):
    """The ledger cannot be opened or written; the message names its file."""

    names_its_file = True
    exit_code = ExitCode.BAD_INPUT


@dataclass(frozen=True)
class Client:
    id: str
    name: str
    screenings: int


@dataclass(frozen=True)
class Work:
    hours: float
    revenue: float


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


class Ledger:
    """An open ledger. Use as a context manager; every method that writes is one transaction."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self._conn = conn

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._conn.close()

    @contextlib.contextmanager
    def _guard(self) -> Iterator[None]:
        with _guard(self.path):
            yield

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._guard():
            with _transaction(self._conn):
                yield self._conn

    # -- clients -------------------------------------------------------------------------------------------

    def _resolve(self, conn: sqlite3.Connection, key: str) -> str:
        """A client's id from its id, its name, or a name merged into another client."""
        ident = slug(key)
        row = conn.execute("SELECT client_id FROM client_aliases WHERE alias = ?", (ident,)).fetchone()
        return str(row[0]) if row else ident

    def client_id(self, name: str) -> str | None:
        """The id a client is kept under, or None if the ledger has never seen it."""
        with self._guard():
            ident = self._resolve(self._conn, name)
            row = self._conn.execute("SELECT id FROM clients WHERE id = ?", (ident,)).fetchone()
        return str(row[0]) if row else None

    def clients(self) -> list[Client]:
        with self._guard():
            rows = self._conn.execute(
                "SELECT c.id, c.name, COUNT(s.id) FROM clients c LEFT JOIN screenings s ON s.client_id = c.id"
                " GROUP BY c.id, c.name ORDER BY c.id"
            ).fetchall()
        return [Client(str(i), str(n), int(k)) for i, n, k in rows]

    # -- screenings ----------------------------------------------------------------------------------------

    def record(self, rec: ScreeningRecord) -> bool:
        """Record a screening; False if the ledger already has it (its id is its content)."""
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM screenings WHERE id = ?", (rec.id,)).fetchone():
                return False
            client = self._resolve(conn, rec.client_slug)
            if not conn.execute("SELECT 1 FROM clients WHERE id = ?", (client,)).fetchone():
                conn.execute("INSERT INTO clients (id, name, created_at) VALUES (?, ?, ?)",
                             (client, rec.client_name, _now()))
            self._insert(conn, rec, client)
        return True

    @staticmethod
    def _insert(conn: sqlite3.Connection, rec: ScreeningRecord, client: str) -> None:
        conn.execute(
            "INSERT INTO screenings (id, client_id, client_name, screened_at, interviewer, rulebook_id,"
            " rulebook_version, rulebook_hash, verdict, score, provisional, coverage, answer_count, flag_count,"
            " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (rec.id, client, rec.client_name, rec.screened_at, rec.interviewer, rec.rulebook_id,
             rec.rulebook_version, rec.rulebook_hash, rec.verdict, rec.score, int(rec.provisional),
             rec.coverage, len(rec.answers), len(rec.flags), _now()),
        )
        for position, (question, value) in enumerate(rec.answers):
            conn.execute(
                "INSERT INTO answers (screening_id, position, question, value_json) VALUES (?, ?, ?, ?)",
                (rec.id, position, question, json.dumps(value, ensure_ascii=False)),
            )
        for flag in rec.flags:
            conn.execute(
                "INSERT INTO flags (screening_id, question, category, answer, points) VALUES (?, ?, ?, ?, ?)",
                (rec.id, flag.question, flag.category, flag.answer, flag.points),
            )

    def screenings(self, client: str | None = None, rulebook: str | None = None) -> list[ScreeningRecord]:
        """Screenings oldest first, of one client (by id or any of its names) and one rulebook if given."""
        where, params = [], []
        with self._guard():
            if client is not None:
                where.append("s.client_id = ?")
                params.append(self._resolve(self._conn, client))
            if rulebook is not None:
                where.append("s.rulebook_id = ?")
                params.append(rulebook)
            clause = f" WHERE {' AND '.join(where)}" if where else ""
            rows = self._conn.execute(
                "SELECT s.id, s.client_name, s.client_id, s.screened_at, s.interviewer, s.rulebook_id,"  # noqa: S608
                " s.rulebook_version, s.rulebook_hash, s.verdict, s.score, s.provisional, s.coverage"
                f" FROM screenings s{clause} ORDER BY s.screened_at, s.recorded_at, s.id",
                params,
            ).fetchall()
            answers: dict[str, list[tuple[str, object]]] = {}
            flags: dict[str, list[FlagRecord]] = {}
            for sid, question, value in self._conn.execute(
                "SELECT screening_id, question, value_json FROM answers ORDER BY screening_id, position"
            ):
                answers.setdefault(sid, []).append((question, json.loads(value)))
            for sid, question, category, answer, points in self._conn.execute(
                "SELECT screening_id, question, category, answer, points FROM flags ORDER BY screening_id, question"
            ):
                flags.setdefault(sid, []).append(FlagRecord(question, category, answer, points))
        return [
            ScreeningRecord(
                id=r[0], client_name=r[1], client_slug=r[2], screened_at=r[3], interviewer=r[4], rulebook_id=r[5],
                rulebook_version=r[6], rulebook_hash=r[7], verdict=r[8], score=int(r[9]), provisional=bool(r[10]),
                coverage=float(r[11]), answers=tuple(answers.get(r[0], ())),  # type: ignore[arg-type]
                flags=tuple(flags.get(r[0], ())),
            )
            for r in rows
        ]

    def merge(self, other: str, into: str) -> int:
        """Make ``other`` a second spelling of ``into``: its screenings and work move over. Returns how many
        screenings moved."""
        with self._write() as conn:
            source, target = self._resolve(conn, other), self._resolve(conn, into)
            for key, ident in ((other, source), (into, target)):
                if not conn.execute("SELECT 1 FROM clients WHERE id = ?", (ident,)).fetchone():
                    raise LedgerError(_("{path}: no client {client!r} in the ledger", path=self.path, client=key))
            if source == target:
                raise LedgerError(_("{path}: {first!r} and {second!r} are already one client",
                                    path=self.path, first=other, second=into))
            moved = conn.execute("SELECT COUNT(*) FROM screenings WHERE client_id = ?", (source,)).fetchone()[0]
            conn.execute("UPDATE screenings SET client_id = ? WHERE client_id = ?", (target, source))
            conn.execute("UPDATE client_aliases SET client_id = ? WHERE client_id = ?", (target, source))
            for period, hours, revenue in conn.execute(
                "SELECT period, hours, revenue FROM client_work WHERE client_id = ?", (source,)
            ).fetchall():
                self._add_work(conn, target, period, hours, revenue)
            conn.execute("DELETE FROM client_work WHERE client_id = ?", (source,))
            conn.execute("DELETE FROM clients WHERE id = ?", (source,))
            conn.execute("INSERT INTO client_aliases (alias, client_id, merged_at) VALUES (?, ?, ?)",
                         (source, target, _now()))
        return int(moved)

    # -- hours and revenue ---------------------------------------------------------------------------------

    @staticmethod
    def _add_work(conn: sqlite3.Connection, client: str, period: str, hours: float, revenue: float) -> None:
        row = conn.execute("SELECT hours, revenue FROM client_work WHERE client_id = ? AND period = ?",
                           (client, period)).fetchone()
        if row is None:
            conn.execute("INSERT INTO client_work (client_id, period, hours, revenue, recorded_at)"
                         " VALUES (?, ?, ?, ?, ?)", (client, period, hours, revenue, _now()))
        else:
            conn.execute("UPDATE client_work SET hours = ?, revenue = ?, recorded_at = ?"
                         " WHERE client_id = ? AND period = ?",
                         (row[0] + hours, row[1] + revenue, _now(), client, period))

    def set_work(self, client: str, period: str, hours: float, revenue: float) -> str:
        """Record the hours and revenue of one client in one period, replacing that period's; returns the id."""
        with self._write() as conn:
            ident = self._resolve(conn, client)
            if not conn.execute("SELECT 1 FROM clients WHERE id = ?", (ident,)).fetchone():
                raise LedgerError(_("{path}: no client {client!r} in the ledger", path=self.path, client=client))
            conn.execute("DELETE FROM client_work WHERE client_id = ? AND period = ?", (ident, period))
            self._add_work(conn, ident, period, hours, revenue)
        return ident

    def work(self) -> dict[str, Work]:
        """Hours and revenue per client, summed over every period."""
        with self._guard():
            rows = self._conn.execute(
                "SELECT client_id, SUM(hours), SUM(revenue) FROM client_work GROUP BY client_id"
            ).fetchall()
        return {str(c): Work(float(h), float(r)) for c, h, r in rows}

    def record_many(self, records: Iterable[ScreeningRecord]) -> int:
        """Record many screenings of new clients in one transaction (an import of a whole history)."""
        added = 0
        with self._write() as conn:
            for rec in records:
                conn.execute("INSERT INTO clients (id, name, created_at) VALUES (?, ?, ?)",
                             (rec.client_slug, rec.client_name, rec.screened_at))
                self._insert(conn, rec, rec.client_slug)
                added += 1
        return added

    # -- decisions and outcomes ----------------------------------------------------------------------------

    def _known(self, conn: sqlite3.Connection, client: str) -> str:
        ident = self._resolve(conn, client)
        if not conn.execute("SELECT 1 FROM clients WHERE id = ?", (ident,)).fetchone():
            raise LedgerError(_("{path}: no client {client!r} in the ledger", path=self.path, client=client))
        return ident

    def latest(self, client: str) -> tuple[str, str, str]:
        """The id of a client and of its latest screening, with that screening's verdict."""
        with self._guard():
            ident = self._known(self._conn, client)
            row = self._conn.execute(
                "SELECT id, verdict FROM screenings WHERE client_id = ?"
                " ORDER BY screened_at DESC, recorded_at DESC, id DESC", (ident,)).fetchone()
        if row is None:
            raise LedgerError(_("{path}: {client!r} has no screening yet", path=self.path, client=client))
        return ident, str(row[0]), str(row[1])

    def decide(self, client: str, decision: str, reason: str | None, when: str | None = None) -> Decision:
        """Record what the agency decided about a client, beside its latest verdict; deciding again replaces."""
        ident, screening, verdict = self.latest(client)
        made = Decision(ident, screening, verdict, decision, reason, when or _now())
        with self._write() as conn:
            conn.execute("DELETE FROM decisions WHERE client_id = ?", (ident,))
            conn.execute("INSERT INTO decisions (client_id, screening_id, verdict, decision, reason, decided_at)"
                         " VALUES (?, ?, ?, ?, ?, ?)", (ident, screening, verdict, decision, reason, made.decided_at))
        return made

    def decisions(self, screening: str | None = None) -> dict[str, Decision]:
        """What was decided, by client; only the decision made on ``screening`` when it is given."""
        query = "SELECT client_id, screening_id, verdict, decision, reason, decided_at FROM decisions"
        with self._guard():
            if screening is None:
                rows = self._conn.execute(query).fetchall()
            else:
                rows = self._conn.execute(query + " WHERE screening_id = ?", (screening,)).fetchall()
        return {str(r[0]): Decision(*r) for r in rows}

    def set_outcome(self, client: str, outcome: Outcome) -> str:
        """Record how a client turned out; recording again replaces the fields given, keeps the others."""
        return self.set_outcomes([(client, outcome)])[0]

    def set_outcomes(self, given: Iterable[tuple[str, Outcome]]) -> list[str]:
        """Record many outcomes in one transaction (all or none); returns the clients' ids."""
        done = []
        with self._write() as conn:
            for client, outcome in given:
                ident = self._known(conn, client)
                row = conn.execute("SELECT invoices, ended_by, hours_over, overall, note FROM outcomes"
                                   " WHERE client_id = ?", (ident,)).fetchone()
                merged = Outcome(*row).updated(outcome) if row else outcome
                conn.execute("DELETE FROM outcomes WHERE client_id = ?", (ident,))
                conn.execute("INSERT INTO outcomes (client_id, invoices, ended_by, hours_over, overall, note,"
                             " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                             (ident, merged.invoices, merged.ended_by, merged.hours_over, merged.overall,
                              merged.note, _now()))
                done.append(ident)
        return done

    def outcomes(self) -> dict[str, Outcome]:
        with self._guard():
            rows = self._conn.execute("SELECT client_id, invoices, ended_by, hours_over, overall, note"
                                      " FROM outcomes").fetchall()
        return {str(r[0]): Outcome(*r[1:]) for r in rows}

    def cases(self, rulebook: str) -> Iterator[Case]:
        """Every client screened by ``rulebook``: its latest such screening's verdict and flags, the decision
        and the outcome. Streamed (one client at a time in memory), in client order."""
        query = (
            "SELECT s.client_id, s.id, s.verdict, f.question, f.answer, f.points,"
            " d.decision, o.invoices, o.ended_by, o.hours_over, o.overall, o.note"
            " FROM screenings s"
            " LEFT JOIN flags f ON f.screening_id = s.id"
            " LEFT JOIN decisions d ON d.client_id = s.client_id"
            " LEFT JOIN outcomes o ON o.client_id = s.client_id"
            " WHERE s.rulebook_id = ? AND s.id = (SELECT s2.id FROM screenings s2 WHERE s2.client_id = s.client_id"
            " AND s2.rulebook_id = s.rulebook_id ORDER BY s2.screened_at DESC, s2.recorded_at DESC, s2.id DESC"
            " LIMIT 1)"
            " ORDER BY s.client_id"
        )
        current: Case | None = None
        with self._guard():
            for client, sid, verdict, question, answer, points, decision, *rest in self._conn.execute(query,
                                                                                                    (rulebook,)):
                if current is None or current.client != client:
                    if current is not None:
                        yield current
                    outcome = Outcome(*rest) if any(v is not None for v in rest) else None
                    current = Case(str(client), str(sid), str(verdict), (), decision, outcome)
                if question is not None:
                    current = current.with_flag(str(question), str(answer), int(points))
            if current is not None:
                yield current

    def latest_answers(self, rulebook: str) -> Iterator[tuple[str, str, str, dict[str, object]]]:
        """Each client's latest screening by ``rulebook``: client id, name, date and answers, streamed in client
        order (what re-scoring the ledger under an edited rulebook needs, and no more); the date is the day."""
        query = (
            "SELECT s.client_id, s.client_name, s.screened_at, a.question, a.value_json"
            " FROM screenings s"
            " LEFT JOIN answers a ON a.screening_id = s.id"
            " WHERE s.rulebook_id = ? AND s.id = (SELECT s2.id FROM screenings s2 WHERE s2.client_id = s.client_id"
            " AND s2.rulebook_id = s.rulebook_id ORDER BY s2.screened_at DESC, s2.recorded_at DESC, s2.id DESC"
            " LIMIT 1)"
            " ORDER BY s.client_id, a.position"
        )
        current: tuple[str, str, str, dict[str, object]] | None = None
        with self._guard():
            for client, name, date, question, value in self._conn.execute(query, (rulebook,)):
                if current is None or current[0] != client:
                    if current is not None:
                        yield current
                    current = (str(client), str(name), str(date)[:10], {})
                if question is not None:
                    current[3][str(question)] = json.loads(value)
            if current is not None:
                yield current

    # -- health --------------------------------------------------------------------------------------------

    def check(self) -> list[str]:
        """Screenings whose answers or flags do not add up to what was written with them (none, ever)."""
        with self._guard():
            rows = self._conn.execute(
                "SELECT s.id FROM screenings s WHERE s.answer_count <>"
                " (SELECT COUNT(*) FROM answers a WHERE a.screening_id = s.id)"
                " OR s.flag_count <> (SELECT COUNT(*) FROM flags f WHERE f.screening_id = s.id)"
            ).fetchall()
        return [str(r[0]) for r in rows]


@contextlib.contextmanager
def _guard(path: Path) -> Iterator[None]:
    """The database's errors as one line naming the ledger file."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        text = str(exc)
        if "locked" in text or "busy" in text:
            reason = _("another clientscreen kept the ledger busy for {seconds} seconds; try again",
                       seconds=BUSY_TIMEOUT_MS // 1000)
        elif "readonly" in text:
            reason = _("the ledger is read-only here")
        else:
            reason = text
        raise LedgerError(f"{path}: {reason}") from None
    except sqlite3.DatabaseError as exc:
        raise LedgerError(_("{path}: not a clientscreen ledger, or damaged ({reason})", path=path,
                            reason=exc)) from None


@contextlib.contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    _begin(conn)
    try:
        yield
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _begin(conn: sqlite3.Connection) -> None:
    """Take the write lock at the start, so two writers queue on the busy timeout instead of deadlocking
    when both try to upgrade a read (SQLite's own statement; a server database starts with BEGIN)."""
    conn.execute("BEGIN IMMEDIATE")


def schema_version(conn: sqlite3.Connection) -> int:
    try:
        row = conn.execute("SELECT version FROM ledger_schema").fetchone()
    except sqlite3.OperationalError:  # no such table: a new, empty file
        return 0
    return int(row[0]) if row else 0


def migrate(conn: sqlite3.Connection, path: Path, target: int = VERSION) -> int:
    """Bring the schema up to ``target``, one transaction per step; returns the version found."""
    found = schema_version(conn)
    if found > VERSION:
        raise LedgerError(_("{path}: written by a newer clientscreen (schema {found}, this one knows {known}); "
                            "upgrade clientscreen", path=path, found=found, known=VERSION))
    start = found
    if found >= target:  # the common case: no write lock taken just to read the version again
        return start
    while True:
        with _transaction(conn):
            current = schema_version(conn)  # read again under the lock: another process may have moved it
            if current >= target:
                break
            for statement in MIGRATIONS[current]:
                conn.execute(statement)
            conn.execute("UPDATE ledger_schema SET version = ?", (current + 1,))
    return start


def connect(path: Path, *, target: int = VERSION) -> Ledger:
    """Open (creating, mode 0600: client data) and migrate the ledger at ``path``."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        os.close(fd)
    except OSError as exc:
        raise LedgerError(_("{path}: cannot open the ledger: {reason}", path=path, reason=os_reason(exc))) from None
    with _guard(path):
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            migrate(conn, path, target)
        except BaseException:
            conn.close()
            raise
    return Ledger(path, conn)
