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
import re
from datetime import UTC, datetime

from sqlalchemy import select, text
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


#: Section names are plain words: anything else never reaches a JSON path.
_SECTION_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")

#: The newest cards of the customer, each with the section's status and data
#: taken out by SQLite (json_extract: objects and arrays come as JSON text),
#: so that Python parses only the one section it returns, not up to
#: CARDS_SCANNED whole cards (a read on every failed section of every pop;
#: benchmarks/burst.py). JSON1 functions, not ``->``: SQLite before 3.38 too.
_LAST_KNOWN = text(
    """
    SELECT call_id, ringing_at, valid,
           CASE WHEN valid THEN json_extract(card_json, :status) END AS status,
           CASE WHEN valid AND json_type(card_json, :data) IN ('object', 'array')
                THEN json_extract(card_json, :data) END AS data
      FROM (SELECT call_id, ringing_at, card_json, json_valid(card_json) AS valid
              FROM calls
             WHERE customer_id = :customer AND ringing_at >= :since
                   AND card_json IS NOT NULL
             ORDER BY ringing_at DESC, call_id DESC
             LIMIT :scanned)
     ORDER BY ringing_at DESC, call_id DESC
    """
)


def last_known(conn: Connection, customer_id: str, section: str, since: float) -> LastKnown | None:
    """``section`` of the newest card of ``customer_id`` since ``since`` that had it fine.

    ``as_of`` is that call's ring time (ISO 8601, UTC). Snapshots that are
    not cards, or whose data a card cannot hold, are skipped with a warning.
    """
    if not _SECTION_NAME.match(section):
        return None
    rows = conn.execute(
        _LAST_KNOWN,
        {
            "status": f"$.sections.{section}.status",
            "data": f"$.sections.{section}.data",
            "customer": customer_id,
            "since": since,
            "scanned": CARDS_SCANNED,
        },
    )
    for row in rows:
        if not row.valid:
            log.warning("journal card of call %s is not JSON, passed over", str(row.call_id)[:40])
            continue
        if row.status != "ok" or row.data is None:
            continue
        try:
            data = json.loads(row.data)
            if data in (None, [], {}):
                continue
            return LastKnown(_iso(row.ringing_at), data)
        except (ValueError, TypeError, CardDataError) as exc:
            log.warning(
                "journal card of call %s unreadable, passed over: %s",
                str(row.call_id)[:40],
                str(exc)[:200],
            )
    return None
