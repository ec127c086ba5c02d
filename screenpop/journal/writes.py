"""The journal's writes: how an event, a card, an outcome or a wrap-up changes a call's row.

Each function runs inside one write transaction that the caller opened
(``JournalDatabase.write``: ``BEGIN IMMEDIATE`` … ``COMMIT``, durable when it
returns), so a read-then-write here never races another writer.

Why the statements look like this: they are built once at import. Building a
statement (and its cache key) per call cost more than the SQLite work itself
(profiled: ~70% of ``record_event``); parameters are bound per call and the
compiled form is cached.
"""

from __future__ import annotations

import json
import time
from typing import Any

from sqlalchemy import bindparam, delete, select
from sqlalchemy.engine import Connection, Row

from screenpop.card import Card
from screenpop.events import CallEvent, CallState
from screenpop.journal.errors import JournalError
from screenpop.journal.models import Base, Call, CallEventRow
from screenpop.phone import PhoneNumber

#: Events only move a call forward: a late ``ringing`` must not undo ``ended``.
_RANK = {CallState.RINGING: 0, CallState.ANSWERED: 1, CallState.ENDED: 2, CallState.MISSED: 2}
_TERMINAL = (CallState.ENDED, CallState.MISSED)

#: What ``record_event`` needs to know about a call to fold an event into it.
_MERGE_COLUMNS = (
    Call.state,
    Call.ringing_at,
    Call.answered_at,
    Call.ended_at,
    Call.answered_by,
    Call.answered_elsewhere,
    Call.number_received,
    Call.number_e164,
    Call.caller_name,
    Call.called,
    Call.bridge,
)

_CALLS = Base.metadata.tables["calls"]
_EVENTS = Base.metadata.tables["call_events"]
_SEEN = Base.metadata.tables["seen_events"]
_SELECT_FOR_MERGE = select(*_MERGE_COLUMNS).where(Call.call_id == bindparam("key"))
_SELECT_TIMES = select(Call.answered_at, Call.ended_at).where(Call.call_id == bindparam("key"))
_INSERT_CALL = _CALLS.insert()
#: SET columns come from the parameter names (all but ``key``).
_UPDATE_CALL = _CALLS.update().where(_CALLS.c.call_id == bindparam("key"))
_INSERT_EVENT = _EVENTS.insert()
_SAID_MISSED = (
    select(CallEventRow.id)
    .where(CallEventRow.call_id == bindparam("key"), CallEventRow.state == CallState.MISSED.value)
    .limit(1)
)
#: A key already there is left alone: rowcount 0 says it was seen before.
_INSERT_SEEN = _SEEN.insert().prefix_with("OR IGNORE")
_PRUNE_SEEN = delete(_SEEN).where(_SEEN.c.seen_at < bindparam("before"))
_DELETE_SEEN = delete(_SEEN).where(_SEEN.c.key == bindparam("probe"))


def update_call(conn: Connection, call_id: str, values: dict[str, Any]) -> int:
    """Set ``values`` on one call; returns 1, or 0 when there is no such call."""
    return int(conn.execute(_UPDATE_CALL, {"key": call_id, **values}).rowcount)


def insert_stub(conn: Connection, call_id: str, state: CallState, at: float) -> None:
    """A row for a call we have no event for yet, so nothing is dropped.

    A later event fills in number, name and line (they are only ever filled
    where still blank).
    """
    conn.execute(
        _INSERT_CALL,
        {"call_id": call_id, "state": state.value, "ringing_at": at, "updated_at": time.time()},
    )


def record_event(conn: Connection, event: CallEvent, number: PhoneNumber) -> None:
    """Journal one bridge event and fold it into its call's row (see ``Journal.record_event``)."""
    now = time.time()
    received = number.received or event.caller_number
    row = conn.execute(_SELECT_FOR_MERGE, {"key": event.call_id}).first()
    if row is None:
        answered = event.state is CallState.ANSWERED
        state = event.state
        if state is CallState.ENDED:
            # An end of a call we never saw answered: nobody took it.
            state = CallState.MISSED
        conn.execute(
            _INSERT_CALL,
            {
                "call_id": event.call_id,
                "bridge": event.bridge,
                "number_received": received,
                "number_e164": number.e164,
                "caller_name": event.caller_name,
                "called": event.called,
                "state": state.value,
                "ringing_at": event.ts,
                "answered_at": event.ts if answered else None,
                "ended_at": event.ts if event.state in _TERMINAL else None,
                "answered_by": (event.agent or None) if answered else None,
                "updated_at": now,
            },
        )
    else:
        changes = merge(row, event, number, received)
        if (
            changes["state"] == CallState.MISSED.value
            and row.answered_at is None
            and changes["answered_at"] is not None
            and changes["answered_at"] <= changes["ended_at"]
            and conn.execute(_SAID_MISSED, {"key": event.call_id}).first() is None
        ):
            # It looked missed only because its end came before its answer
            # (events out of order); the answer, older than the end, says it
            # was taken. A bridge that said "missed" itself is believed.
            changes["state"] = CallState.ENDED.value
        changes["updated_at"] = now
        update_call(conn, event.call_id, changes)
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


def _earliest(current: float | None, new: float) -> float:
    return new if current is None else min(current, new)


def merge(
    row: Row[*tuple[Any, ...]], event: CallEvent, number: PhoneNumber, received: str
) -> dict[str, Any]:
    """The call row's new values after ``event`` (every merge column, so one UPDATE form).

    The state only moves forward (ringing < answered < ended/missed). A call
    that ends without ever having been answered (here, elsewhere, or by an
    outcome the core recorded) ends ``missed``: after a restart the core no
    longer remembers the ring, so this is the one place that still can tell.
    """
    try:
        current_rank = _RANK[CallState(row.state)]
    except ValueError:
        current_rank = -1
    answered_at, ended_at, answered_by = row.answered_at, row.ended_at, row.answered_by
    if event.state is CallState.ANSWERED:
        answered_at = _earliest(answered_at, event.ts)
        answered_by = answered_by or event.agent or None
    elif event.state in _TERMINAL:
        ended_at = _earliest(ended_at, event.ts)
    state = event.state.value if _RANK[event.state] > current_rank else row.state
    if state == CallState.ENDED.value and answered_at is None and not row.answered_elsewhere:
        state = CallState.MISSED.value
    return {
        "state": state,
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


def record_card(conn: Connection, call_id: str, card: Card, pop_latency_ms: float) -> None:
    """Keep who the caller was, how fast the pop was, which sections failed, and the card."""
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
    if update_call(conn, call_id, values) == 0:
        insert_stub(conn, call_id, CallState.RINGING, now - pop_latency_ms / 1000)
        values["number_received"] = card.number.received
        values["number_e164"] = card.number.e164
        update_call(conn, call_id, values)


def record_outcome(
    conn: Connection,
    call_id: str,
    state: CallState,
    *,
    answered_by: str | None,
    answered_elsewhere: bool,
    when: float,
) -> None:
    """Set the state the core decided, keeping answer/end times already known from events."""
    row = conn.execute(_SELECT_TIMES, {"key": call_id}).first()
    if row is None:
        insert_stub(conn, call_id, state, when)
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
    if state in _TERMINAL and ended_at is None:
        values["ended_at"] = when
    update_call(conn, call_id, values)


def save_wrapup(conn: Connection, call_id: str, disposition: str, notes: str) -> None:
    """The agent's disposition and notes; replaces the draft. Unknown call → JournalError."""
    now = time.time()
    values = {
        "disposition": disposition,
        "notes": notes,
        "notes_draft": None,
        "wrapped_up_at": now,
        "updated_at": now,
    }
    if update_call(conn, call_id, values) == 0:
        raise JournalError(f"no call {call_id!r} in the journal")


def save_notes_draft(conn: Connection, call_id: str, notes: str) -> None:
    """Notes being typed, kept so a crash loses nothing. Unknown call → JournalError."""
    if update_call(conn, call_id, {"notes_draft": notes, "updated_at": time.time()}) == 0:
        raise JournalError(f"no call {call_id!r} in the journal")


def remember_event(conn: Connection, key: str, ts: float, *, prune_before: float) -> bool:
    """Note ``key`` as seen at ``ts``; True the first time, False for a replay.

    Keys seen before ``prune_before`` are forgotten in the same transaction
    (an indexed range delete: only the expired rows are touched).
    """
    conn.execute(_PRUNE_SEEN, {"before": prune_before})
    return int(conn.execute(_INSERT_SEEN, {"key": key, "seen_at": ts}).rowcount) == 1


def probe_write(conn: Connection, key: str) -> None:
    """A row written and removed in one transaction: the commit still writes and
    syncs the changed pages, so it proves the journal can take a durable write,
    and leaves nothing behind (``doctor``)."""
    conn.execute(_INSERT_SEEN, {"key": key, "seen_at": 0.0})
    conn.execute(_DELETE_SEEN, {"probe": key})
