"""The case outbox's queries: cases opened here, until the service desk has them.

Entries are made by ``Journal.enqueue_case`` in one durable transaction
(``INSERT OR IGNORE`` on the unique ``case_id``: the same call and product
asked twice is one case), read oldest first by the case writer, and marked
``landed_at`` once the service desk has them. Landed entries are kept a
while (the UI can still say "landed" for a case of a recent call) and pruned
on the next enqueue after ``LANDED_KEPT_S``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection

from screenpop.cases.request import CaseRequest
from screenpop.journal.models import Base

_CASES = Base.metadata.tables["case_outbox"]
#: Landed cases are kept this long (30 days) and then pruned.
LANDED_KEPT_S = 30 * 86400
#: What a last error may keep of a message.
ERROR_CHARS = 500


@dataclass(frozen=True, slots=True)
class CaseEntry:
    """One case in the outbox, as the writer and the UI read it."""

    request: CaseRequest
    source: str
    created_at: float
    attempts: int
    last_error: str | None
    landed_at: float | None


@dataclass(frozen=True, slots=True)
class CaseBacklog:
    """Cases not yet at the service desk: how many, since when, and why (``doctor``)."""

    count: int
    oldest_created_at: float | None
    last_error: str | None


def _entry(row: Any) -> CaseEntry:
    return CaseEntry(
        CaseRequest(
            case_id=row.case_id,
            call_id=row.call_id,
            customer_id=row.customer_id,
            product=row.product,
            category=row.category,
            description=row.description,
            opened=row.opened,
            agent=row.agent,
        ),
        row.source,
        row.created_at,
        row.attempts,
        row.last_error,
        row.landed_at,
    )


def enqueue(conn: Connection, request: CaseRequest, source: str, now: float) -> bool:
    """Keep ``request``; False when a case with its id was already kept (the first stands)."""
    conn.execute(
        delete(_CASES).where(
            _CASES.c.landed_at.is_not(None), _CASES.c.landed_at < now - LANDED_KEPT_S
        )
    )
    result = conn.execute(
        insert(_CASES).prefix_with("OR IGNORE"),
        {**request.params(), "source": source, "created_at": now, "attempts": 0},
    )
    return bool(result.rowcount)


def get(conn: Connection, case_id: str) -> CaseEntry | None:
    row = conn.execute(select(_CASES).where(_CASES.c.case_id == case_id)).first()
    return None if row is None else _entry(row)


def pending(conn: Connection, limit: int) -> list[CaseEntry]:
    """Cases not landed, oldest first."""
    rows = conn.execute(
        select(_CASES).where(_CASES.c.landed_at.is_(None)).order_by(_CASES.c.id).limit(limit)
    ).all()
    return [_entry(r) for r in rows]


def for_customer(conn: Connection, customer_id: str, limit: int = 50) -> list[CaseEntry]:
    """This customer's cases not landed yet, newest first."""
    rows = conn.execute(
        select(_CASES)
        .where(_CASES.c.customer_id == customer_id, _CASES.c.landed_at.is_(None))
        .order_by(_CASES.c.id.desc())
        .limit(limit)
    ).all()
    return [_entry(r) for r in rows]


def for_call(conn: Connection, call_id: str) -> list[CaseEntry]:
    """The cases opened from one call, landed or not, oldest first."""
    rows = conn.execute(
        select(_CASES).where(_CASES.c.call_id == call_id).order_by(_CASES.c.id)
    ).all()
    return [_entry(r) for r in rows]


def mark_landed(conn: Connection, case_id: str, now: float) -> None:
    conn.execute(
        update(_CASES)
        .where(_CASES.c.case_id == case_id)
        .values(landed_at=now, last_try_at=now, attempts=_CASES.c.attempts + 1, last_error=None)
    )


def mark_failed(conn: Connection, case_id: str, error: str, now: float) -> None:
    conn.execute(
        update(_CASES)
        .where(_CASES.c.case_id == case_id)
        .values(last_try_at=now, attempts=_CASES.c.attempts + 1, last_error=error[:ERROR_CHARS])
    )


def backlog(conn: Connection) -> CaseBacklog:
    waiting = _CASES.c.landed_at.is_(None)
    count, oldest = conn.execute(
        select(func.count(), func.min(_CASES.c.created_at)).where(waiting)
    ).one()
    error = conn.execute(
        select(_CASES.c.last_error)
        .where(waiting, _CASES.c.last_error.is_not(None))
        .order_by(_CASES.c.last_try_at.desc())
        .limit(1)
    ).scalar()
    return CaseBacklog(int(count), oldest, error)
