"""The local journal: every call this workstation saw, durably, in SQLite.

Why it is shaped like this:

- **Durable on return.** Every write is its own ``BEGIN IMMEDIATE`` … ``COMMIT``
  in WAL mode with ``synchronous=FULL``, so once ``record_event`` returns the
  event survives the app being killed and, with FULL, a power cut too (the WAL
  is fsynced at each commit). ``NORMAL`` can be chosen for slow disks: it
  still survives a killed app, only the last commits may be lost on power loss.
- **One writer, many readers.** The engine writes from one thread while the
  GUI reads; WAL lets readers run beside the writer, each method checks out
  its own pooled connection, and ``busy_timeout`` absorbs the short moments
  when SQLite must lock (checkpoints, a second process opening the file).
- **Fast start.** Alembic owns the schema, but importing it costs tens of
  milliseconds: when the file already carries the head revision (the normal
  case) we read ``alembic_version`` with the stdlib and never import Alembic.
- **Nothing foreign is touched.** A file that is not a SQLite database, or a
  database that is not a journal, is refused with ``JournalError`` before
  anything is written to it.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import (
    ColumnElement,
    Engine,
    bindparam,
    create_engine,
    delete,
    event,
    func,
    or_,
    select,
    tuple_,
)
from sqlalchemy.engine import URL, Connection, Row
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import ConnectionPoolEntry

from screenpop.card import Card
from screenpop.events import CallEvent, CallState
from screenpop.journal.models import SCHEMA_HEAD, Base, Call, CallEventRow
from screenpop.journal.records import CallRecord
from screenpop.phone import PhoneNumber

#: How long a statement waits for a lock held by another connection or process.
BUSY_TIMEOUT_MS = 5000
#: Where the migration scripts live inside the installed package.
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
#: Events only move a call forward: a late ``ringing`` must not undo ``ended``.
_RANK = {CallState.RINGING: 0, CallState.ANSWERED: 1, CallState.ENDED: 2, CallState.MISSED: 2}
#: Execution option that makes the ``begin`` hook take the write lock up front.
_WRITE_OPTION = "screenpop_journal_write"

Synchronous = Literal["FULL", "NORMAL"]

#: Alembic keeps the running migration in module globals (``alembic.context``),
#: so two journals migrating in one process at once must take turns.
_ALEMBIC_LOCK = threading.Lock()


class JournalError(Exception):
    """The journal cannot be opened or written; the message says why and where.

    ``transient`` is true when the same write may succeed later (a full disk,
    an I/O error, a lock held too long, a damaged file being repaired): the
    writer keeps such writes and retries them. False means the write itself
    is wrong (an unknown call) and retrying cannot help.
    """

    def __init__(self, message: str, *, transient: bool = False) -> None:
        super().__init__(message)
        self.transient = transient


def _transient(exc: SQLAlchemyError) -> bool:
    """Whether a failed write may succeed later: the disk or the file, not the write."""
    orig = getattr(exc, "orig", None)
    if isinstance(orig, sqlite3.IntegrityError | sqlite3.ProgrammingError):
        return False
    return isinstance(orig, sqlite3.OperationalError | sqlite3.DatabaseError) or orig is None


@dataclass(frozen=True, slots=True)
class JournalEvent:
    """One row of a call's raw event history (for supervisors and diagnosis)."""

    call_id: str
    state: str
    ts: float
    bridge: str
    agent: str
    received_at: float


_RECORD_COLUMNS = (
    Call.call_id,
    Call.number_received,
    Call.number_e164,
    Call.caller_name,
    Call.customer_id,
    Call.customer_name,
    Call.state,
    Call.ringing_at,
    Call.answered_at,
    Call.ended_at,
    Call.answered_by,
    Call.disposition,
    Call.notes,
    Call.pop_latency_ms,
    Call.failed_sections,
    Call.bridge,
    Call.called,
    Call.answered_elsewhere,
    Call.matches,
    Call.wrapped_up_at,
    Call.notes_draft,
)


#: What ``record_event`` needs to know about a call to fold an event into it.
_MERGE_COLUMNS = (
    Call.state,
    Call.ringing_at,
    Call.answered_at,
    Call.ended_at,
    Call.answered_by,
    Call.number_received,
    Call.number_e164,
    Call.caller_name,
    Call.called,
    Call.bridge,
)

# Writes run as statements built once at import: building a statement (and its
# cache key) per call cost more than the SQLite work itself (profiled: ~70% of
# record_event). Parameters are bound per call; the compiled form is cached.
_CALLS = Base.metadata.tables["calls"]
_EVENTS = Base.metadata.tables["call_events"]
_SELECT_FOR_MERGE = select(*_MERGE_COLUMNS).where(Call.call_id == bindparam("key"))
_SELECT_TIMES = select(Call.answered_at, Call.ended_at).where(Call.call_id == bindparam("key"))
_EXISTS = select(Call.call_id).where(Call.call_id == bindparam("key"))
_INSERT_CALL = _CALLS.insert()
#: SET columns come from the parameter names (all but ``key``).
_UPDATE_CALL = _CALLS.update().where(_CALLS.c.call_id == bindparam("key"))
_INSERT_EVENT = _EVENTS.insert()
# The outbox (see models.OutboxEntry): read with each call's current row, oldest
# change first; entries are deleted by id once central has committed them.
_OUTBOX = Base.metadata.tables["outbox"]
_SELECT_PENDING = (
    select(_OUTBOX.c.id.label("outbox_seq"), _OUTBOX.c.call_id.label("outbox_call_id"), *_CALLS.c)
    .select_from(_OUTBOX.outerjoin(_CALLS, _CALLS.c.call_id == _OUTBOX.c.call_id))
    .order_by(_OUTBOX.c.id)
    .limit(bindparam("limit"))
)
_DELETE_PENDING = delete(_OUTBOX).where(_OUTBOX.c.id.in_(bindparam("seqs", expanding=True)))
_COUNT_PENDING = select(func.count()).select_from(_OUTBOX)


@dataclass(frozen=True, slots=True)
class PendingCall:
    """One outbox entry: a changed call and its current row (None if the call is gone).

    ``seq`` is the entry's id; a later change to the same call gets a higher
    one, so deleting the pushed ``seq`` never drops a change made meanwhile.
    """

    seq: int
    call_id: str
    row: dict[str, Any] | None


def _to_record(row: Row[*tuple[Any, ...]]) -> CallRecord:
    try:
        failed = tuple(str(name) for name in json.loads(row.failed_sections or "[]"))
    except ValueError:
        failed = ()
    return CallRecord(
        call_id=row.call_id,
        number=row.number_received,
        e164=row.number_e164,
        caller_name=row.caller_name,
        customer_id=row.customer_id,
        customer_name=row.customer_name,
        state=row.state,
        ringing_at=row.ringing_at,
        answered_at=row.answered_at,
        ended_at=row.ended_at,
        answered_by=row.answered_by,
        disposition=row.disposition,
        notes=row.notes,
        pop_latency_ms=row.pop_latency_ms,
        failed_sections=failed,
        bridge=row.bridge,
        called=row.called,
        answered_elsewhere=bool(row.answered_elsewhere),
        matches=row.matches,
        wrapped_up_at=row.wrapped_up_at,
        notes_draft=row.notes_draft,
    )


def _earliest(current: float | None, new: float) -> float:
    return new if current is None else min(current, new)


def _probe_revision(path: Path) -> str | None:
    """The journal's Alembic revision, or None for a new/empty database.

    Uses the stdlib driver and only reads, so a foreign file is refused
    unchanged and the common case (already at head) needs neither Alembic
    nor a SQLAlchemy connection.
    """
    try:
        con = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.Error as exc:
        raise JournalError(f"cannot open journal {path}: {exc}") from exc
    try:
        # SQLite's own tables (sqlite_sequence, left behind by the outbox's
        # AUTOINCREMENT even after a downgrade) say nothing about the file.
        tables = {
            row[0]
            for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not str(row[0]).startswith("sqlite_")
        }
        versions: list[str] = []
        if "alembic_version" in tables:
            versions = [row[0] for row in con.execute("SELECT version_num FROM alembic_version")]
    except sqlite3.DatabaseError as exc:
        raise JournalError(f"{path} is not a screenpop journal: {exc}") from exc
    finally:
        con.close()
    if tables <= {"alembic_version"} and not versions:
        return None  # new, or migrated down to base: (re)create the schema
    if "alembic_version" not in tables or "calls" not in tables:
        shown = ", ".join(sorted(tables)[:5])
        raise JournalError(
            f"{path} is a SQLite database but not a screenpop journal (tables: {shown})"
        )
    if len(versions) != 1:
        raise JournalError(f"journal {path} has an unexpected schema version table {versions!r}")
    return str(versions[0])


class Journal:
    """The journal of one workstation; safe for one writer thread plus concurrent readers."""

    def __init__(self, path: Path, *, synchronous: Synchronous = "FULL") -> None:
        if synchronous not in ("FULL", "NORMAL"):
            raise ValueError("synchronous must be 'FULL' or 'NORMAL'")
        self.path = Path(path)
        self._synchronous = synchronous
        self._closed = False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise JournalError(f"cannot create the journal's folder: {exc}") from exc
        revision = _probe_revision(self.path)
        self._engine = self._create_engine()
        self._writer = self._engine.execution_options(**{_WRITE_OPTION: True})
        try:
            if revision != SCHEMA_HEAD:
                self._upgrade()
        except BaseException:
            self._engine.dispose()
            raise

    # ------------------------------------------------------------ plumbing --

    def _create_engine(self) -> Engine:
        engine = create_engine(
            URL.create("sqlite", database=str(self.path)),
            # Pooled connections move between the writer and GUI threads; each
            # is used by one thread at a time, which is all sqlite3 needs.
            connect_args={"check_same_thread": False},
            pool_size=4,
            max_overflow=8,
        )
        synchronous = self._synchronous

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
            # We emit BEGIN ourselves (below): the legacy sqlite3 transaction
            # control would not start one before SELECTs or DDL.
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            try:
                cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                mode = cur.execute("PRAGMA journal_mode = WAL").fetchone()
                if not mode or str(mode[0]).lower() != "wal":
                    raise sqlite3.OperationalError(f"journal_mode is {mode!r}, WAL required")
                cur.execute(f"PRAGMA synchronous = {synchronous}")
                cur.execute("PRAGMA foreign_keys = ON")
            finally:
                cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            # Writers take the write lock at BEGIN so a read-then-write never
            # has to upgrade its lock (which would fail with SQLITE_BUSY at once).
            if conn.get_execution_options().get(_WRITE_OPTION):
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            else:
                conn.exec_driver_sql("BEGIN")

        return engine

    def _upgrade(self) -> None:
        """Bring the schema to head with Alembic, under the write lock.

        Holding ``BEGIN IMMEDIATE`` across the check and the DDL means two
        processes opening a new journal at once migrate it exactly once.
        """
        from alembic import command
        from alembic.config import Config
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
        script = ScriptDirectory.from_config(config)
        head = script.get_current_head()
        try:
            with self._writer.begin() as conn:
                current = MigrationContext.configure(conn).get_current_revision()
                if current == head:
                    return
                if current is not None and current not in {
                    rev.revision for rev in script.walk_revisions()
                }:
                    raise JournalError(
                        f"journal {self.path} has schema revision {current!r}, newer than this "
                        f"screenpop knows (up to {head!r}); update screenpop"
                    )
                config.attributes["connection"] = conn
                with _ALEMBIC_LOCK:
                    command.upgrade(config, "head")
        except SQLAlchemyError as exc:
            raise JournalError(f"cannot migrate journal {self.path}: {exc}") from exc

    def _check_open(self) -> None:
        if self._closed:
            raise JournalError("the journal is closed")

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One short write transaction; committed (and synced) when the block ends."""
        self._check_open()
        try:
            with self._writer.begin() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise JournalError(f"journal write failed: {exc}", transient=_transient(exc)) from exc

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        """One read snapshot on its own pooled connection."""
        self._check_open()
        try:
            with self._engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise JournalError(f"journal read failed: {exc}") from exc

    @staticmethod
    def _exists(conn: Connection, call_id: str) -> bool:
        return conn.execute(_EXISTS, {"key": call_id}).first() is not None

    @staticmethod
    def _update(conn: Connection, call_id: str, values: dict[str, Any]) -> int:
        return conn.execute(_UPDATE_CALL, {"key": call_id, **values}).rowcount

    @staticmethod
    def _insert_stub(conn: Connection, call_id: str, state: CallState, at: float) -> None:
        """A row for a call we have no event for yet, so nothing is dropped.

        A later event fills in number, name and line (they are only ever
        filled where still blank).
        """
        conn.execute(
            _INSERT_CALL,
            {"call_id": call_id, "state": state.value, "ringing_at": at, "updated_at": time.time()},
        )

    # -------------------------------------------------------------- writes --

    def record_event(self, event: CallEvent, number: PhoneNumber) -> None:
        """Journal one bridge event and fold it into its call's row.

        Events may arrive out of order (an ``ended`` before its ``ringing``):
        the state only moves forward (ringing < answered < ended/missed),
        ``ringing_at`` is the earliest time seen, answer/end times keep the
        earliest report, and descriptive fields are filled only where blank.
        Durable when this returns.
        """
        now = time.time()
        received = number.received or event.caller_number
        with self._write() as conn:
            row = conn.execute(_SELECT_FOR_MERGE, {"key": event.call_id}).first()
            if row is None:
                answered = event.state is CallState.ANSWERED
                ended = event.state in (CallState.ENDED, CallState.MISSED)
                conn.execute(
                    _INSERT_CALL,
                    {
                        "call_id": event.call_id,
                        "bridge": event.bridge,
                        "number_received": received,
                        "number_e164": number.e164,
                        "caller_name": event.caller_name,
                        "called": event.called,
                        "state": event.state.value,
                        "ringing_at": event.ts,
                        "answered_at": event.ts if answered else None,
                        "ended_at": event.ts if ended else None,
                        "answered_by": (event.agent or None) if answered else None,
                        "updated_at": now,
                    },
                )
            else:
                changes = self._merge(row, event, number, received)
                changes["updated_at"] = now
                self._update(conn, event.call_id, changes)
            conn.execute(
                _INSERT_EVENT,
                {
                    "call_id": event.call_id,
                    "state": event.state.value,
                    "ts": event.ts,
                    "bridge": event.bridge,
                    "agent": event.agent,
                    "received_at": now,
                },
            )

    @staticmethod
    def _merge(
        row: Row[*tuple[Any, ...]], event: CallEvent, number: PhoneNumber, received: str
    ) -> dict[str, Any]:
        """The call row's new values after ``event`` (every merge column, so one UPDATE form)."""
        try:
            current_rank = _RANK[CallState(row.state)]
        except ValueError:
            current_rank = -1
        answered_at, ended_at, answered_by = row.answered_at, row.ended_at, row.answered_by
        if event.state is CallState.ANSWERED:
            answered_at = _earliest(answered_at, event.ts)
            answered_by = answered_by or event.agent or None
        elif event.state in (CallState.ENDED, CallState.MISSED):
            ended_at = _earliest(ended_at, event.ts)
        return {
            "state": event.state.value if _RANK[event.state] > current_rank else row.state,
            "ringing_at": min(row.ringing_at, event.ts),
            "answered_at": answered_at,
            "ended_at": ended_at,
            "answered_by": answered_by,
            "number_received": row.number_received or received,
            "number_e164": row.number_e164 or number.e164,
            "caller_name": row.caller_name or event.caller_name,
            "called": row.called or event.called,
            "bridge": row.bridge or event.bridge,
        }

    def record_card(self, call_id: str, card: Card, pop_latency_ms: float) -> None:
        """Keep who the caller was, how fast the pop was, which sections failed, and the card.

        A card for a call with no row yet still gets one (it must not be lost);
        its ring time is estimated as now minus the pop latency.
        """
        now = time.time()
        snapshot = json.dumps(card.to_json(), default=str, separators=(",", ":"))
        values: dict[str, Any] = {
            "customer_id": card.customer.customer_id if card.customer else None,
            "customer_name": card.customer.name if card.customer else None,
            "matches": len(card.matches),
            "pop_latency_ms": float(pop_latency_ms),
            "failed_sections": json.dumps(card.failed_sections),
            "card_json": snapshot,
            "updated_at": now,
        }
        with self._write() as conn:
            if self._update(conn, call_id, values) == 0:
                self._insert_stub(conn, call_id, CallState.RINGING, now - pop_latency_ms / 1000)
                values["number_received"] = card.number.received
                values["number_e164"] = card.number.e164
                self._update(conn, call_id, values)

    def record_outcome(
        self,
        call_id: str,
        state: CallState,
        *,
        answered_by: str | None = None,
        answered_elsewhere: bool = False,
        at: float | None = None,
    ) -> None:
        """Set the state the core decided (e.g. missed; answered elsewhere), overriding events.

        Answer/end times already known from events are kept: the bridge's
        clock saw them happen, ``at`` is when the core concluded.
        """
        when = time.time() if at is None else at
        with self._write() as conn:
            row = conn.execute(_SELECT_TIMES, {"key": call_id}).first()
            if row is None:
                self._insert_stub(conn, call_id, state, when)
                answered_at, ended_at = None, None
            else:
                answered_at, ended_at = row.answered_at, row.ended_at
            values: dict[str, Any] = {
                "state": state.value,
                "answered_elsewhere": answered_elsewhere,
                "updated_at": time.time(),
            }
            if answered_by is not None:
                values["answered_by"] = answered_by
            if state is CallState.ANSWERED and answered_at is None:
                values["answered_at"] = when
            if state in (CallState.ENDED, CallState.MISSED) and ended_at is None:
                values["ended_at"] = when
            self._update(conn, call_id, values)

    def save_wrapup(self, call_id: str, disposition: str, notes: str) -> None:
        """The agent's disposition and notes; replaces the draft. Unknown call → JournalError."""
        now = time.time()
        values = {
            "disposition": disposition,
            "notes": notes,
            "notes_draft": None,
            "wrapped_up_at": now,
            "updated_at": now,
        }
        with self._write() as conn:
            if self._update(conn, call_id, values) == 0:
                raise JournalError(f"no call {call_id!r} in the journal")

    def save_notes_draft(self, call_id: str, notes: str) -> None:
        """Notes being typed, kept so a crash loses nothing. Unknown call → JournalError."""
        with self._write() as conn:
            if self._update(conn, call_id, {"notes_draft": notes, "updated_at": time.time()}) == 0:
                raise JournalError(f"no call {call_id!r} in the journal")

    # -------------------------------------------------------------- outbox --

    def pending(self, limit: int = 500) -> list[PendingCall]:
        """The oldest ``limit`` outbox entries with their calls' rows as they are now.

        One read snapshot: each row is at least as new as the change its entry
        stands for. Called by the replicator's thread, beside the writer.
        """
        with self._read() as conn:
            rows = conn.execute(_SELECT_PENDING, {"limit": max(1, limit)}).mappings().all()
        out = []
        for row in rows:
            values = {column.name: row[column.name] for column in _CALLS.c}
            out.append(
                PendingCall(
                    seq=int(row["outbox_seq"]),
                    call_id=str(row["outbox_call_id"]),
                    row=None if values["call_id"] is None else values,
                )
            )
        return out

    def mark_replicated(self, seqs: Sequence[int]) -> int:
        """Drop these outbox entries (central has committed them); returns how many went.

        An entry replaced by a newer change has another id by now and stays.
        """
        if not seqs:
            return 0
        with self._write() as conn:
            return int(conn.execute(_DELETE_PENDING, {"seqs": list(seqs)}).rowcount)

    def pending_count(self) -> int:
        """How many calls wait for the central journal (the replication backlog)."""
        with self._read() as conn:
            return int(conn.execute(_COUNT_PENDING).scalar_one())

    # --------------------------------------------------------------- reads --

    def get(self, call_id: str) -> CallRecord | None:
        with self._read() as conn:
            row = conn.execute(select(*_RECORD_COLUMNS).where(Call.call_id == call_id)).first()
        return None if row is None else _to_record(row)

    def card_json(self, call_id: str) -> dict[str, Any] | None:
        """The card as it was journaled, or None (unknown call or no card yet)."""
        with self._read() as conn:
            text = conn.execute(select(Call.card_json).where(Call.call_id == call_id)).scalar()
        if text is None:
            return None
        value = json.loads(text)
        return value if isinstance(value, dict) else None

    def events(self, call_id: str) -> list[JournalEvent]:
        """The raw events of one call in arrival order."""
        with self._read() as conn:
            rows = conn.execute(
                select(
                    CallEventRow.call_id,
                    CallEventRow.state,
                    CallEventRow.ts,
                    CallEventRow.bridge,
                    CallEventRow.agent,
                    CallEventRow.received_at,
                )
                .where(CallEventRow.call_id == call_id)
                .order_by(CallEventRow.id)
            ).all()
        return [JournalEvent(*row) for row in rows]

    def recent(self, limit: int = 50) -> list[CallRecord]:
        """The newest calls first (the agent's history panel)."""
        return self.search(limit=limit)

    def search(
        self,
        text: str = "",
        *,
        since: float | None = None,
        until: float | None = None,
        state: str | None = None,
        limit: int = 200,
        offset: int = 0,
    ) -> list[CallRecord]:
        """Calls newest first, filtered.

        ``text`` matches (case-insensitively, as a substring) the number as
        received, E.164, caller name, customer name and id, disposition and
        notes; a text that looks like a phone number (``020 7946 0958``) also
        matches by its digits. ``since``/``until`` bound ``ringing_at``
        (``until`` exclusive).
        """
        where = self._filters(text, since=since, until=until, state=state)
        with self._read() as conn:
            rows = conn.execute(
                select(*_RECORD_COLUMNS)
                .where(*where)
                .order_by(Call.ringing_at.desc(), Call.call_id.desc())
                .limit(max(0, limit))
                .offset(max(0, offset))
            ).all()
        return [_to_record(row) for row in rows]

    def iter_records(
        self,
        *,
        since: float | None = None,
        until: float | None = None,
        batch: int = 1000,
        where: Sequence[ColumnElement[bool]] = (),
        limit: int | None = None,
    ) -> Iterator[CallRecord]:
        """Every call oldest first, fetched in batches (export of a large journal).

        Each batch is its own short read, so a long export never pins an old
        WAL snapshot (which would stop checkpoints while the app writes).
        ``where`` adds conditions on ``calls`` (``search.local_conditions``:
        the supervisor's filters, in SQL) and ``limit`` stops after that many.
        """
        base = [*self._filters("", since=since, until=until, state=None), *where]
        after: tuple[float, str] | None = None
        left = limit
        while left is None or left > 0:
            size = batch if left is None else min(batch, left)
            clauses = list(base)
            if after is not None:
                clauses.append(tuple_(Call.ringing_at, Call.call_id) > tuple_(*after))
            with self._read() as conn:
                rows = conn.execute(
                    select(*_RECORD_COLUMNS)
                    .where(*clauses)
                    .order_by(Call.ringing_at, Call.call_id)
                    .limit(size)
                ).all()
            for row in rows:
                yield _to_record(row)
            if left is not None:
                left -= len(rows)
            if len(rows) < size:
                return
            after = (rows[-1].ringing_at, rows[-1].call_id)

    @contextmanager
    def reader(self) -> Iterator[Connection]:
        """One read snapshot for the journal's own read-only queries (``stats``).

        Every statement inside sees the same state of the journal, so figures
        computed by several queries add up; ``JournalError`` on failure.
        """
        with self._read() as conn:
            yield conn

    @staticmethod
    def _filters(
        text: str, *, since: float | None, until: float | None, state: str | None
    ) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if since is not None:
            where.append(Call.ringing_at >= since)
        if until is not None:
            where.append(Call.ringing_at < until)
        if state:
            where.append(Call.state == state)
        text = text.strip()
        if text:
            matches: list[ColumnElement[bool]] = [
                column.contains(text, autoescape=True)
                for column in (
                    Call.number_received,
                    Call.number_e164,
                    Call.caller_name,
                    Call.customer_name,
                    Call.customer_id,
                    Call.disposition,
                    Call.notes,
                )
            ]
            compact = re.sub(r"[\s().\-/]", "", text)
            digits = compact.lstrip("+").lstrip("0")
            if re.fullmatch(r"\+?\d+", compact) and len(digits) >= 3:
                matches.append(Call.number_e164.contains(digits, autoescape=True))
                matches.append(Call.number_received.contains(digits, autoescape=True))
            where.append(or_(*matches))
        return where

    def close(self) -> None:
        """Close every pooled connection (the last one checkpoints the WAL)."""
        if not self._closed:
            self._closed = True
            self._engine.dispose()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
