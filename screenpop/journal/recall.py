"""What this desk remembers of a customer: their earlier calls, and earlier cards.

Two reads the pop makes while a call rings, each one walk backwards along the
``(customer_id, ringing_at)`` index (migration 0005) that stops after a few
rows:

- ``customer_calls``: the customer's last calls on this desk, shaped as the
  central journal's ``customer_history`` shapes them, for the ``history``
  section when central is not configured or does not answer;
- ``last_known``: a section's data from the newest earlier card of the
  customer in which that section was fine, for a section whose department is
  down now. Card snapshots are the journal's own record of what agents saw;
  a row whose snapshot cannot be read (damaged, hand-edited, written by a
  screenpop with another card shape) is passed over, never fatal.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from screenpop.card import CardDataError, LastKnown
from screenpop.journal.history import HistoryEntry
from screenpop.journal.models import Call

log = logging.getLogger(__name__)

#: Earlier cards looked at for one section's last known data: enough to pass
#: over calls in which the same department was already down, few enough that a
#: customer who calls all day costs a ringing call milliseconds, not seconds.
CARDS_SCANNED = 20


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).isoformat()


def customer_calls(
    conn: Connection,
    customer_id: str,
    limit: int,
    *,
    except_call: str | None,
    desk: str,
) -> list[HistoryEntry]:
    """The customer's last ``limit`` calls on this desk, newest first.

    ``state`` is the journal's, or ``answered_elsewhere`` when another agent
    took it; ``agent`` is this desk (``desk``), or for a call answered
    elsewhere the agent who took it when the bridge said who. Unsaved notes
    (drafts) are never shown.
    """
    query = (
        select(
            Call.ringing_at,
            Call.state,
            Call.answered_elsewhere,
            Call.answered_by,
            Call.disposition,
            Call.notes,
        )
        .where(Call.customer_id == customer_id)
        .order_by(Call.ringing_at.desc(), Call.call_id.desc())
        .limit(limit)
    )
    if except_call:
        query = query.where(Call.call_id != except_call)
    out = []
    for row in conn.execute(query):
        elsewhere = bool(row.answered_elsewhere)
        out.append(
            HistoryEntry(
                time=datetime.fromtimestamp(row.ringing_at, UTC),
                agent=(row.answered_by or desk) if elsewhere else desk,
                state="answered_elsewhere" if elsewhere else str(row.state),
                disposition=row.disposition or None,
                notes=row.notes or None,
            )
        )
    return out


def _section_data(card_json: str, section: str) -> Any:
    """The section's data if it was fine in this snapshot; None otherwise.

    Raises ``ValueError``/``TypeError``/``KeyError`` for a snapshot that is
    not a card.
    """
    doc = json.loads(card_json)
    found = doc["sections"].get(section)
    if not isinstance(found, dict) or found.get("status") != "ok":
        return None
    data = found.get("data")
    return None if data in (None, [], {}) else data


def last_known(conn: Connection, customer_id: str, section: str, since: float) -> LastKnown | None:
    """``section`` of the newest card of ``customer_id`` since ``since`` that had it fine.

    ``as_of`` is that call's ring time (ISO 8601, UTC). Snapshots that are
    not cards, or whose data a card cannot hold, are skipped with a warning.
    """
    query = (
        select(Call.call_id, Call.ringing_at, Call.card_json)
        .where(
            Call.customer_id == customer_id,
            Call.ringing_at >= since,
            Call.card_json.is_not(None),
        )
        .order_by(Call.ringing_at.desc(), Call.call_id.desc())
        .limit(CARDS_SCANNED)
    )
    for row in conn.execute(query):
        try:
            data = _section_data(row.card_json, section)
            if data is not None:
                return LastKnown(_iso(row.ringing_at), data)
        except (ValueError, TypeError, KeyError, AttributeError, CardDataError) as exc:
            log.warning(
                "journal card of call %s unreadable, passed over: %s",
                str(row.call_id)[:40],
                str(exc)[:200],
            )
    return None
