"""Times as supervisors read and type them: ISO 8601 UTC out, dates and spans in.

Shared by the export (its time columns), the search filters (``--since``,
``--until``) and the central export, so every command reads and prints a
time the same way.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

_RELATIVE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def iso_utc(ts: float | None) -> str | None:
    """Epoch seconds as ISO 8601 UTC with milliseconds (``2026-01-31T09:15:00.123Z``)."""
    if ts is None:
        return None
    text = datetime.fromtimestamp(ts, UTC).isoformat(timespec="milliseconds")
    return text.replace("+00:00", "Z")


def parse_since(text: str, *, now: datetime | None = None, flag: str = "--since") -> float:
    """``--since`` as epoch seconds: a date, an ISO date-time, or a span back from now.

    ``2026-01-31`` and date-times without an offset are taken as UTC, like
    the export's own times; ``7d``, ``12h``, ``30m``, ``2w`` count back from now.
    Raises ``ValueError`` with a usable message.
    """
    now = now or datetime.now(UTC)
    relative = _RELATIVE.match(text)
    if relative:
        amount, unit = float(relative.group(1)), relative.group(2)
        return (now - timedelta(seconds=amount * _UNIT_SECONDS[unit])).timestamp()
    try:
        parsed = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(
            f"{flag} {text!r}: use a date (2026-01-31), an ISO date-time "
            "(2026-01-31T09:00, UTC unless an offset is given) or a span (7d, 12h)"
        ) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.timestamp()
