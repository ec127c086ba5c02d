"""The ``cases`` section's data: rows cleaned, warranty worked out, open cases first.

A service desk's table is typed by people and older systems: a
``warranty_until`` of ``'n/a'`` or ``'31.12.2025'``, a description stored as
bytes, a ``NaN`` where a date should be. None of that may cost the agent the
other cases, so each value is cleaned on its own here (bytes read as UTF-8,
non-finite numbers dropped, dates as ISO text) and a warranty date that
cannot be read makes that case's warranty ``unknown``, nothing more.

"Today" is the desk's today: a warranty that ends on 31 March is still in on
the evening of 31 March in Helsinki, even though it is 1 April in UTC by then
(``[agent] time_zone``; empty = the computer's own zone).
"""

from __future__ import annotations

import datetime as dt
import decimal
import logging
import math
from collections.abc import Iterable, Mapping
from typing import Any, Literal

log = logging.getLogger(__name__)

Warranty = Literal["in", "out", "unknown"]

#: Statuses a service desk uses for a case that needs nothing more (any case).
CLOSED_STATUSES = frozenset(
    {"closed", "resolved", "done", "cancelled", "canceled", "rejected", "completed"}
)
#: The keys of a case on the card (a source may deliver more; they are kept).
CASE_KEYS = ("case_id", "opened", "product", "description", "fault", "status", "warranty_until")


def zone_named(name: str) -> dt.tzinfo:
    """The zone ``name`` (IANA), or this computer's own zone for an empty name."""
    if name:
        from zoneinfo import ZoneInfo

        return ZoneInfo(name)
    local = dt.datetime.now().astimezone().tzinfo
    assert local is not None
    return local


def today_in(zone: dt.tzinfo, now: dt.datetime | None = None) -> dt.date:
    """The date on the desk's calendar at ``now`` (an aware time; default: now)."""
    moment = now if now is not None else dt.datetime.now(dt.UTC)
    return moment.astimezone(zone).date()


def parse_day(value: Any, zone: dt.tzinfo) -> dt.date | None:
    """A warranty end as a date on the desk's calendar; None when it is not a date.

    A date-time with an offset is read in the desk's zone (a warranty that
    ends at 23:00 UTC ends on the next day in Helsinki); one without is taken
    as the desk's own.
    """
    if isinstance(value, dt.datetime):
        return value.astimezone(zone).date() if value.tzinfo else value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment.astimezone(zone).date() if moment.tzinfo else moment.date()


def warranty(until: dt.date | None, today: dt.date) -> Warranty:
    """``in`` through the last day of the warranty, ``out`` after it, else ``unknown``."""
    if until is None:
        return "unknown"
    return "in" if today <= until else "out"


def clean_value(value: Any) -> Any:
    """One value as a card can hold it: never an exception, never NaN or bytes."""
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, decimal.Decimal):
        return float(value) if value.is_finite() and math.isfinite(float(value)) else None
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).decode("utf-8", "replace")
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): clean_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean_value(v) for v in value]
    return str(value)


def is_open(status: Any) -> bool:
    """Whether a case still needs something (anything not known to be closed)."""
    return str(status or "").strip().casefold() not in CLOSED_STATUSES


def case_row(row: Mapping[str, Any], today: dt.date, zone: dt.tzinfo) -> dict[str, Any]:
    """A source's row as the card's case: cleaned, with ``warranty``."""
    out = {str(k): clean_value(v) for k, v in row.items()}
    for key in CASE_KEYS:
        out.setdefault(key, None)
    until = parse_day(row.get("warranty_until"), zone)
    if until is not None:
        out["warranty_until"] = until.isoformat()
    out["warranty"] = warranty(until, today)
    return out


def cases_data(
    rows: Iterable[Any],
    today: dt.date,
    zone: dt.tzinfo,
    queued: Iterable[Mapping[str, Any]] = (),
) -> list[dict[str, Any]]:
    """The section's data: every case cleaned, open ones first (the source's order kept
    within each group), and cases opened here and still queued for the service desk."""
    cases = []
    for row in rows:
        if not isinstance(row, Mapping):
            log.warning("cases: a row that is not a record was left out (%s)", type(row).__name__)
            continue
        cases.append(case_row(row, today, zone))
    known = {c["case_id"] for c in cases if c.get("case_id") is not None}
    waiting = [dict(q) for q in queued if q.get("case_id") not in known]
    ordered = waiting + cases
    return sorted(ordered, key=lambda c: 0 if is_open(c.get("status")) else 1)


def queued_row(
    case_id: str, opened: str, product: str, description: str, category: str
) -> dict[str, Any]:
    """A case opened from a call that the service desk does not have yet."""
    return {
        "case_id": case_id,
        "opened": opened,
        "product": product,
        "description": description,
        "fault": category,
        "status": "queued",
        "warranty_until": None,
        "warranty": "unknown",
        "queued": True,
    }
