"""The supervisor's log as read: one page of calls in the chosen order, and one
call's detail. Kept apart from ``calllog`` (which builds the queries) so that
the text search's two-step page (``textpage``) sits between the two.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, literal, select, tuple_

from screenpop.journal.calllog import (
    _COLUMNS,
    PAGE_SIZE,
    LogQuery,
    LogRow,
    Page,
    _order_keys,
    page_query,
)
from screenpop.journal.central import CALLS
from screenpop.journal.textpage import text_page_candidates

c = CALLS.c


def fetch_page(
    conn: Connection, query: LogQuery, after: Sequence[Any] | None = None, size: int = PAGE_SIZE
) -> Page:
    """One page of the log as this login may read it, in ``query``'s order.

    With a text filter the page is found by ``textpage`` (recent rows first,
    the trigram index for the rest): under row-level security PostgreSQL has
    no statistics for ILIKE and cannot choose between the two by itself.
    """
    nkeys = len(_order_keys(query))
    if query.search.text is not None:
        candidates = text_page_candidates(conn, query, after, size)
        result = _rows_by_key(conn, query, candidates, size) if candidates else []
    else:
        result = list(conn.execute(page_query(query, after, size)).mappings())
    rows = [_row(m, tuple(m[f"k{i}"] for i in range(nkeys))) for m in result]
    after_key = rows[-1].key if len(rows) == size else None
    return Page(tuple(rows), after_key)


def _rows_by_key(
    conn: Connection, query: LogQuery, keys: Sequence[tuple[str, str]], size: int
) -> list[Any]:
    """These calls in the page's order (the database's collation), at most ``size``."""
    order = _order_keys(query)
    return list(
        conn.execute(
            select(
                *(c[name] for name in _COLUMNS), *(k.label(f"k{i}") for i, k in enumerate(order))
            )
            .where(
                tuple_(c.agent, c.call_id).in_([tuple_(literal(a), literal(i)) for a, i in keys])
            )
            .order_by(*(k.desc() if query.descending else k.asc() for k in order))
            .limit(size)
        ).mappings()
    )


def _row(m: Any, key: tuple[Any, ...] = ()) -> LogRow:
    failed = m["failed_sections"] if isinstance(m["failed_sections"], list) else []
    return LogRow(
        agent=str(m["agent"]),
        team=str(m["team"]),
        call_id=str(m["call_id"]),
        state=str(m["state"]),
        ringing_at=m["ringing_at"],
        answered_at=m["answered_at"],
        ended_at=m["ended_at"],
        number=str(m["number_received"]),
        e164=m["number_e164"],
        caller_name=str(m["caller_name"]),
        called=str(m["called"]),
        answered_by=m["answered_by"],
        answered_elsewhere=bool(m["answered_elsewhere"]),
        customer_id=m["customer_id"],
        customer_name=m["customer_name"],
        matches=int(m["matches"]),
        pop_latency_ms=m["pop_latency_ms"],
        failed_sections=tuple(str(name) for name in failed),
        disposition=m["disposition"],
        notes=m["notes"],
        wrapped_up_at=m["wrapped_up_at"],
        key=key,
    )


@dataclass(frozen=True, slots=True)
class CallDetail:
    """Everything the journal holds of one call, for the detail window."""

    row: LogRow
    card: dict[str, Any] | None
    replicated_at: datetime

    @property
    def timeline(self) -> list[tuple[str, datetime]]:
        """The call's states with their times, in order (``ringing``, ``answered``, ...)."""
        r = self.row
        steps: list[tuple[str, datetime | None]] = [
            ("ringing", r.ringing_at),
            ("answered_elsewhere" if r.answered_elsewhere else "answered", r.answered_at),
            ("missed" if r.state == "missed" else "ended", r.ended_at),
            ("wrapped_up", r.wrapped_up_at),
        ]
        return sorted(
            ((name, at) for name, at in steps if at is not None), key=lambda step: step[1]
        )


def call_detail(conn: Connection, agent: str, call_id: str) -> CallDetail | None:
    """One call by its key, or None when it is not there or not this login's to read."""
    m = (
        conn.execute(
            select(*(c[name] for name in _COLUMNS), c.card_json, c.replicated_at).where(
                c.agent == agent, c.call_id == call_id
            )
        )
        .mappings()
        .first()
    )
    if m is None:
        return None
    row = _row(m)
    card = m["card_json"] if isinstance(m["card_json"], dict) else None
    return CallDetail(row=row, card=card, replicated_at=m["replicated_at"])


