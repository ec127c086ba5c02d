"""The outbox's queries: calls changed since they last reached the central journal.

Entries are made only by SQLite triggers on ``calls`` (migration 0002), in
the transaction that changes the call; here they are read with each call's
current row, oldest change first, and deleted by id once central has
committed them (``replicate.py`` drives this).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, delete, func, select
from sqlalchemy.engine import Connection

from screenpop.journal.models import Base

_CALLS = Base.metadata.tables["calls"]
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


def pending(conn: Connection, limit: int) -> list[PendingCall]:
    """The oldest ``limit`` entries with their calls' rows as they are in this snapshot."""
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


def mark_replicated(conn: Connection, seqs: Sequence[int]) -> int:
    """Delete these entries (central has committed them); returns how many went."""
    return int(conn.execute(_DELETE_PENDING, {"seqs": list(seqs)}).rowcount)


def pending_count(conn: Connection) -> int:
    return int(conn.execute(_COUNT_PENDING).scalar_one())
