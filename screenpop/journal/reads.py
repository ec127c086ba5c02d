"""The journal's reads: one call, its events, searches and batched exports.

Each function reads on a connection the caller checked out
(``JournalDatabase.read``); WAL lets these run beside the writer.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, or_, select, tuple_
from sqlalchemy.engine import Connection, Row

from screenpop.journal.models import Call, CallEventRow
from screenpop.journal.records import CallRecord


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
#: Characters people put inside phone numbers (``020 7946-0958``, ``(020)``).
_NUMBER_PUNCTUATION = re.compile(r"[\s().\-/]")


def to_record(row: Row[*tuple[Any, ...]]) -> CallRecord:
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


def get(conn: Connection, call_id: str) -> CallRecord | None:
    row = conn.execute(select(*_RECORD_COLUMNS).where(Call.call_id == call_id)).first()
    return None if row is None else to_record(row)


def state(conn: Connection, call_id: str) -> str | None:
    """The call's journaled state (``ringing``, ``answered``, ``ended``, ``missed``)."""
    value = conn.execute(select(Call.state).where(Call.call_id == call_id)).scalar()
    return None if value is None else str(value)


def card_json(conn: Connection, call_id: str) -> dict[str, Any] | None:
    text = conn.execute(select(Call.card_json).where(Call.call_id == call_id)).scalar()
    if text is None:
        return None
    value = json.loads(text)
    return value if isinstance(value, dict) else None


def events(conn: Connection, call_id: str) -> list[JournalEvent]:
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


def search(
    conn: Connection, where: Sequence[ColumnElement[bool]], limit: int, offset: int
) -> list[CallRecord]:
    rows = conn.execute(
        select(*_RECORD_COLUMNS)
        .where(*where)
        .order_by(Call.ringing_at.desc(), Call.call_id.desc())
        .limit(max(0, limit))
        .offset(max(0, offset))
    ).all()
    return [to_record(row) for row in rows]


def iter_records(
    read: Callable[[], AbstractContextManager[Connection]],
    where: Sequence[ColumnElement[bool]],
    *,
    batch: int,
    limit: int | None,
) -> Iterator[CallRecord]:
    """Every matching call oldest first, each batch on its own short read (``read()``).

    A long export thus never pins an old WAL snapshot, which would stop
    checkpoints while the app writes.
    """
    after: tuple[float, str] | None = None
    left = limit
    while left is None or left > 0:
        size = batch if left is None else min(batch, left)
        clauses = list(where)
        if after is not None:
            clauses.append(tuple_(Call.ringing_at, Call.call_id) > tuple_(*after))
        with read() as conn:
            rows = conn.execute(
                select(*_RECORD_COLUMNS)
                .where(*clauses)
                .order_by(Call.ringing_at, Call.call_id)
                .limit(size)
            ).all()
        for row in rows:
            yield to_record(row)
        if left is not None:
            left -= len(rows)
        if len(rows) < size:
            return
        after = (rows[-1].ringing_at, rows[-1].call_id)


def filters(
    text: str, *, since: float | None, until: float | None, state: str | None
) -> list[ColumnElement[bool]]:
    """The agent's search as WHERE conditions (see ``Journal.search``)."""
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
        compact = _NUMBER_PUNCTUATION.sub("", text)
        digits = compact.lstrip("+").lstrip("0")
        if re.fullmatch(r"\+?\d+", compact) and len(digits) >= 3:
            matches.append(Call.number_e164.contains(digits, autoescape=True))
            matches.append(Call.number_received.contains(digits, autoescape=True))
        where.append(or_(*matches))
    return where
