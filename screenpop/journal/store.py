"""The local journal: every call this workstation saw, durably, in SQLite.

``Journal`` is the one object the rest of screenpop uses. It holds no SQL of
its own; each method opens one transaction on the database and hands it to
the module that holds that kind of work:

- ``database.py``: the file, its connections, pragmas, schema and integrity;
- ``writes.py``: events, cards, outcomes and wrap-ups folded into a call;
- ``outbox.py``: calls waiting for the central journal;
- ``reads.py``: one call, its events, searches and exports.

Every write is durable when its method returns (see ``database.py``).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy.engine import Connection

import screenpop.journal.case_outbox as case_outbox
import screenpop.journal.outbox as outbox
import screenpop.journal.reads as reads
import screenpop.journal.recall as recall
import screenpop.journal.writes as writes
from screenpop.card import Card, LastKnown
from screenpop.cases.request import CaseRequest
from screenpop.events import CallEvent, CallState
from screenpop.journal.case_outbox import CaseBacklog, CaseEntry
from screenpop.journal.database import (
    BUSY_TIMEOUT_MS,
    MIGRATIONS_DIR,
    IntegrityCheck,
    JournalDatabase,
    Synchronous,
)
from screenpop.journal.errors import JournalError
from screenpop.journal.history import HistoryEntry
from screenpop.journal.outbox import PendingCall
from screenpop.journal.reads import JournalEvent
from screenpop.journal.records import CallRecord
from screenpop.phone import PhoneNumber

__all__ = [
    "BUSY_TIMEOUT_MS",
    "MIGRATIONS_DIR",
    "SEEN_RETENTION_S",
    "Journal",
    "JournalError",
    "JournalEvent",
    "PendingCall",
    "Synchronous",
]

#: How long ``remember_event`` keeps a key: three times the webhook's 5-minute
#: validity window, so a PBX clock running ahead of the desk's cannot reopen it.
SEEN_RETENTION_S = 900.0


class Journal:
    """The journal of one workstation; safe for one writer thread plus concurrent readers."""

    def __init__(
        self,
        path: Path,
        *,
        synchronous: Synchronous = "FULL",
        check: IntegrityCheck = "bounded",
        on_damage: Callable[[str], None] | None = None,
    ) -> None:
        """Open (creating, migrating and checking as needed) the journal at ``path``.

        Raises ``JournalError`` for a file that is not a journal, a journal
        from a newer screenpop, or one that fails its integrity check (the
        message names the file and what to do). ``check`` is how much is
        checked before this returns (``database.IntegrityCheck``); when the
        rest of the check, after start, finds damage, writes are refused from
        then on and ``on_damage(message)`` is called (on the check's thread),
        so the app can show the journal failing before the next call.
        """
        self._db = JournalDatabase(path, synchronous=synchronous, check=check, on_damage=on_damage)
        self.path = self._db.path

    def damage(self) -> str | None:
        """Why writes are refused (the journal was found damaged after start), or None."""
        return self._db.damage()

    # -------------------------------------------------------------- writes --

    def record_event(self, event: CallEvent, number: PhoneNumber) -> None:
        """Journal one bridge event and fold it into its call's row.

        Events may arrive out of order (an ``ended`` before its ``ringing``):
        the state only moves forward (ringing < answered < ended/missed),
        ``ringing_at`` is the earliest time seen, answer/end times keep the
        earliest report, and descriptive fields are filled only where blank.
        A call that ends never answered is ``missed``, even when the core
        that saw it ring has restarted since. Durable when this returns.
        """
        with self._db.write() as conn:
            writes.record_event(conn, event, number)

    def record_card(self, call_id: str, card: Card, pop_latency_ms: float) -> None:
        """Keep who the caller was, how fast the pop was, which sections failed, and the card.

        A card for a call with no row yet still gets one (it must not be lost);
        its ring time is estimated as now minus the pop latency.
        """
        with self._db.write() as conn:
            writes.record_card(conn, call_id, card, pop_latency_ms)

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
        with self._db.write() as conn:
            writes.record_outcome(
                conn,
                call_id,
                state,
                answered_by=answered_by,
                answered_elsewhere=answered_elsewhere,
                when=when,
            )

    def save_wrapup(self, call_id: str, disposition: str, notes: str) -> None:
        """The agent's disposition and notes; replaces the draft. Unknown call → JournalError."""
        with self._db.write() as conn:
            writes.save_wrapup(conn, call_id, disposition, notes)

    def save_notes_draft(self, call_id: str, notes: str) -> None:
        """Notes being typed, kept so a crash loses nothing. Unknown call → JournalError."""
        with self._db.write() as conn:
            writes.save_notes_draft(conn, call_id, notes)

    def remember_event(self, key: str, ts: float) -> bool:
        """True the first time ``key`` is seen, False for a replay; durable when it returns.

        The replay guard of the bridges (a signed webhook's id): kept in the
        journal so that it survives a restart. ``ts`` is the event's own time;
        a key is kept for ``SEEN_RETENTION_S`` after the later of ``ts`` and
        now, then pruned. Raises ``ValueError`` for an empty key.
        """
        if not key:
            raise ValueError("remember_event needs a key")
        now = time.time()
        with self._db.write() as conn:
            return writes.remember_event(
                conn, key, max(ts, now), prune_before=now - SEEN_RETENTION_S
            )

    def probe_write(self) -> None:
        """Commit one durable write that leaves nothing behind; ``JournalError`` if it cannot."""
        with self._db.write() as conn:
            writes.probe_write(conn, f"probe:{uuid.uuid4()}")

    # -------------------------------------------------------------- outbox --

    def pending(self, limit: int = 500) -> list[PendingCall]:
        """The oldest ``limit`` outbox entries with their calls' rows as they are now.

        One read snapshot: each row is at least as new as the change its entry
        stands for. Called by the replicator's thread, beside the writer.
        """
        with self._db.read() as conn:
            return outbox.pending(conn, limit)

    def mark_replicated(self, seqs: Sequence[int]) -> int:
        """Drop these outbox entries (central has committed them); returns how many went.

        An entry replaced by a newer change has another id by now and stays.
        """
        if not seqs:
            return 0
        with self._db.write() as conn:
            return outbox.mark_replicated(conn, seqs)

    def pending_count(self) -> int:
        """How many calls wait for the central journal (the replication backlog)."""
        with self._db.read() as conn:
            return outbox.pending_count(conn)

    # ---------------------------------------------------------- case outbox --

    def enqueue_case(self, request: CaseRequest, source: str) -> bool:
        """Keep a case opened from a call until the service desk has it; durable on return.

        False when the same call and product already had one (that one stands).
        """
        with self._db.write() as conn:
            return case_outbox.enqueue(conn, request, source, time.time())

    def case(self, case_id: str) -> CaseEntry | None:
        with self._db.read() as conn:
            return case_outbox.get(conn, case_id)

    def pending_cases(self, limit: int = 100) -> list[CaseEntry]:
        """Cases not yet at the service desk, oldest first (the case writer's thread)."""
        with self._db.read() as conn:
            return case_outbox.pending(conn, limit)

    def queued_cases(self, customer_id: str) -> list[CaseEntry]:
        """This customer's cases not yet at the service desk, newest first."""
        with self._db.read() as conn:
            return case_outbox.for_customer(conn, customer_id)

    def call_cases(self, call_id: str) -> list[CaseEntry]:
        """The cases opened from one call, landed or not."""
        with self._db.read() as conn:
            return case_outbox.for_call(conn, call_id)

    def mark_case_landed(self, case_id: str) -> None:
        with self._db.write() as conn:
            case_outbox.mark_landed(conn, case_id, time.time())

    def mark_case_failed(self, case_id: str, error: str) -> None:
        with self._db.write() as conn:
            case_outbox.mark_failed(conn, case_id, error, time.time())

    def case_backlog(self) -> CaseBacklog:
        """How many cases wait for the service desk, the oldest's time, the last error."""
        with self._db.read() as conn:
            return case_outbox.backlog(conn)

    # --------------------------------------------------------------- reads --

    def get(self, call_id: str) -> CallRecord | None:
        with self._db.read() as conn:
            return reads.get(conn, call_id)

    def call_state(self, call_id: str) -> CallState | None:
        """Where the journal left a call (None: never seen). The dispatcher asks it
        about call ids it does not remember, so a restart does not re-pop an
        ended call or journal a late end as anything but missed."""
        with self._db.read() as conn:
            value = reads.state(conn, call_id)
        try:
            return None if value is None else CallState(value)
        except ValueError:
            return None

    def card_json(self, call_id: str) -> dict[str, Any] | None:
        """The card as it was journaled, or None (unknown call or no card yet)."""
        with self._db.read() as conn:
            return reads.card_json(conn, call_id)

    def events(self, call_id: str) -> list[JournalEvent]:
        """The raw events of one call in arrival order."""
        with self._db.read() as conn:
            return reads.events(conn, call_id)

    def customer_calls(
        self, customer_id: str, limit: int, *, except_call: str | None = None, desk: str = ""
    ) -> list[HistoryEntry]:
        """The customer's last calls on this desk, newest first (the pop's local history)."""
        with self._db.read() as conn:
            return recall.customer_calls(
                conn, customer_id, limit, except_call=except_call, desk=desk
            )

    def last_known(self, customer_id: str, section: str, since: float) -> LastKnown | None:
        """``section`` from the newest card of the customer since ``since`` that had it."""
        with self._db.read() as conn:
            return recall.last_known(conn, customer_id, section, since)

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
        where = reads.filters(text, since=since, until=until, state=state)
        with self._db.read() as conn:
            return reads.search(conn, where, limit, offset)

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
        base = [*reads.filters("", since=since, until=until, state=None), *where]
        return reads.iter_records(self._db.read, base, batch=batch, limit=limit)

    @contextmanager
    def reader(self) -> Iterator[Connection]:
        """One read snapshot for the journal's own read-only queries (``stats``).

        Every statement inside sees the same state of the journal, so figures
        computed by several queries add up; ``JournalError`` on failure.
        """
        with self._db.read() as conn:
            yield conn

    # ----------------------------------------------------------- lifecycle --

    def close(self) -> None:
        """Close every pooled connection (the last one checkpoints the WAL)."""
        self._db.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
