"""Journal export for supervisors: ``screenpop journal export [--since D] [--format csv|json]``.

Without ``--central`` it reads this workstation's journal; with it, the
central PostgreSQL journal as the configured login, where row-level security
decides which agents' calls that login may see (``--agent`` narrows it).

Rows are streamed oldest first in batches, so exporting a year of calls keeps
memory flat. Times are ISO 8601 in UTC in both formats (a spreadsheet and a
script read them alike). CSV cells never run as spreadsheet formulas
(``spreadsheet.csv_cell``): caller names come from the telephony side.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from typing import Any, Literal, TextIO

from sqlalchemy import Connection

from screenpop.journal.records import CallRecord
from screenpop.journal.search import SearchFilters, central_conditions, local_conditions
from screenpop.journal.spreadsheet import csv_cell
from screenpop.journal.store import Journal
from screenpop.journal.times import iso_utc, parse_since

__all__ = [
    "CENTRAL_COLUMNS",
    "COLUMNS",
    "export",
    "export_central",
    "iso_utc",
    "parse_since",
    "record_to_row",
    "write_rows",
]

#: Export columns, in order (CSV header and JSON keys).
COLUMNS = (
    "call_id",
    "state",
    "ringing_at",
    "answered_at",
    "ended_at",
    "number",
    "e164",
    "caller_name",
    "called",
    "bridge",
    "answered_by",
    "answered_elsewhere",
    "customer_id",
    "customer_name",
    "matches",
    "pop_latency_ms",
    "failed_sections",
    "disposition",
    "notes",
    "wrapped_up_at",
)
_TIME_COLUMNS = frozenset({"ringing_at", "answered_at", "ended_at", "wrapped_up_at"})


def record_to_row(record: CallRecord) -> dict[str, Any]:
    """One call as an export object (JSON types; times ISO 8601 UTC)."""
    row: dict[str, Any] = {
        "call_id": record.call_id,
        "state": record.state,
        "ringing_at": record.ringing_at,
        "answered_at": record.answered_at,
        "ended_at": record.ended_at,
        "number": record.number,
        "e164": record.e164,
        "caller_name": record.caller_name,
        "called": record.called,
        "bridge": record.bridge,
        "answered_by": record.answered_by,
        "answered_elsewhere": record.answered_elsewhere,
        "customer_id": record.customer_id,
        "customer_name": record.customer_name,
        "matches": record.matches,
        "pop_latency_ms": record.pop_latency_ms,
        "failed_sections": list(record.failed_sections),
        "disposition": record.disposition,
        "notes": record.notes,
        "wrapped_up_at": record.wrapped_up_at,
    }
    for name in _TIME_COLUMNS:
        row[name] = iso_utc(row[name])
    return row


def write_rows(
    rows: Iterable[dict[str, Any]],
    out: TextIO,
    *,
    fmt: Literal["csv", "json"] = "csv",
    columns: Sequence[str] = COLUMNS,
) -> int:
    """Write export objects (``record_to_row``) as CSV or JSON; return the count.

    CSV has a header row and cells a spreadsheet never evaluates; JSON is one
    document, a list of objects with the same keys. Nothing but the export is
    written to ``out``. Shared by the local and the central export.
    """
    if fmt not in ("csv", "json"):
        raise ValueError(f"unknown export format {fmt!r} (csv or json)")
    count = 0
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([csv_cell(row[name]) for name in columns])
            count += 1
        return count
    out.write("[")
    for row in rows:
        out.write(",\n " if count else "\n ")
        out.write(json.dumps({name: row[name] for name in columns}, ensure_ascii=False))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def export(
    journal: Journal,
    out: TextIO,
    *,
    since: float | None = None,
    fmt: Literal["csv", "json"] = "csv",
    filters: SearchFilters | None = None,
) -> int:
    """Write every call with ``ringing_at >= since`` (all when None) to ``out``; return the count.

    ``filters`` (``journal export --until/--state/--text/...``) narrow it
    further in SQL and ``filters.limit`` caps it; ``since`` is kept for the
    callers that only ever had it. CSV has a header row; JSON is one
    document, a list of objects with the same keys. Nothing but the export is
    written to ``out``.
    """
    if fmt not in ("csv", "json"):
        raise ValueError(f"unknown export format {fmt!r} (csv or json)")
    where = local_conditions(filters) if filters is not None else []
    limit = filters.limit if filters is not None else None
    records = journal.iter_records(since=since, where=where, limit=limit)
    rows = (record_to_row(record) for record in records)
    return write_rows(rows, out, fmt=fmt)


#: Central export columns: who took the call and in which team, then the local ones.
CENTRAL_COLUMNS = ("agent", "team", *COLUMNS)


def export_central(
    conn: Connection,
    out: TextIO,
    *,
    since: float | None = None,
    agent: str | None = None,
    fmt: Literal["csv", "json"] = "csv",
    filters: SearchFilters | None = None,
) -> int:
    """The central journal's rows this login may read (row-level security decides), oldest first.

    Same formats and ``filters`` as ``export`` with ``agent`` and ``team`` in
    front; the filters only narrow what row-level security lets the login read.
    """
    from screenpop.journal.central import iter_central  # PostgreSQL only when asked

    if fmt not in ("csv", "json"):
        raise ValueError(f"unknown export format {fmt!r} (csv or json)")
    where = central_conditions(filters) if filters is not None else []
    limit = filters.limit if filters is not None else None
    rows = (
        {"agent": who, "team": team, **record_to_row(record)}
        for who, team, record in iter_central(
            conn, since=since, agent=agent, where=where, limit=limit
        )
    )
    return write_rows(rows, out, fmt=fmt, columns=CENTRAL_COLUMNS)
