"""What a workstation sends to the central journal: its calls as the rows the
SECURITY DEFINER door ``screenpop.record_calls`` takes (one JSON array per
transaction), with times in UTC and nothing PostgreSQL would refuse.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import text

#: The journal columns a workstation sends (everything but the key, the team
#: the server assigns, and the server's own replicated_at).
DATA_COLUMNS = (
    "state",
    "ringing_at",
    "answered_at",
    "ended_at",
    "number_received",
    "number_e164",
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
    "card_json",
    "disposition",
    "notes",
    "notes_draft",
    "wrapped_up_at",
    "updated_at",
)
_TIMES = frozenset({"ringing_at", "answered_at", "ended_at", "wrapped_up_at", "updated_at"})
_TEXTS = frozenset(
    {
        "state",
        "number_received",
        "number_e164",
        "caller_name",
        "called",
        "bridge",
        "answered_by",
        "customer_id",
        "customer_name",
        "disposition",
        "notes",
        "notes_draft",
    }
)


#: How a workstation writes (``installers/central/postgresql.sql``): one JSON
#: array of its calls per transaction through the SECURITY DEFINER function,
#: which files every row under the agent mapped to the login. The login holds
#: no INSERT/UPDATE on the table, so it cannot lock the table against others.
RECORD_CALLS = text("SELECT screenpop.record_calls(CAST(:batch AS jsonb))")
#: Most calls ``record_calls`` takes at once (the function refuses more).
MAX_BATCH = 1000


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"not JSON: {type(value).__name__}")


def batch_json(rows: Sequence[Mapping[str, Any]]) -> str:
    """``to_central`` rows as the JSON array ``record_calls`` takes (times ISO 8601).

    ``agent`` is left out: the server names it from the login. Strict JSON (a
    non-finite number would make PostgreSQL refuse the whole batch).
    """
    if len(rows) > MAX_BATCH:
        raise ValueError(f"at most {MAX_BATCH} calls per batch")
    calls = [{k: v for k, v in row.items() if k != "agent"} for row in rows]
    try:
        return _dumps(calls)
    except ValueError:  # a NaN inside an old card snapshot: null, not a stuck outbox
        return _dumps(_finite(calls))


def _dumps(value: Any) -> str:
    return json.dumps(
        value, default=_json_default, allow_nan=False, ensure_ascii=False, separators=(",", ":")
    )


def _finite(value: Any) -> Any:
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, list):
        return [_finite(item) for item in value]
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    return value


#: The write door's signature, for privilege checks.
RECORD_CALLS_SIGNATURE = "screenpop.record_calls(jsonb)"


# -------------------------------------------------------------- writing --


def epoch_to_utc(value: Any) -> datetime | None:
    if value is None:
        return None
    try:
        seconds = float(value)
        if not math.isfinite(seconds):
            return None
        return datetime.fromtimestamp(seconds, UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def _no_nul(value: Any) -> Any:
    """PostgreSQL text and jsonb cannot hold NUL; a caller name from a bridge might."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, list):
        return [_no_nul(item) for item in value]
    if isinstance(value, dict):
        return {_no_nul(key): _no_nul(item) for key, item in value.items()}
    return value


def _json(value: Any, default: Any) -> Any:
    if value is None:
        return default
    try:
        parsed = json.loads(value)
    except (TypeError, ValueError):
        return default
    # json.dumps writes NUL as \u0000: only then is the walk worth its cost.
    return _no_nul(parsed) if "\\u0000" in value else parsed


def to_central(agent: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """A local journal row (``Journal.pending``) as one element of ``batch_json``.

    Values PostgreSQL would refuse are made acceptable here rather than left
    to fail the whole batch again and again: NULs are dropped from text, bad
    JSON becomes empty, impossible times become NULL (``ringing_at`` falls
    back to ``updated_at``).
    """
    out: dict[str, Any] = {"agent": agent, "call_id": _no_nul(row["call_id"])}
    for name in DATA_COLUMNS:
        value = row.get(name)
        if name in _TIMES:
            value = epoch_to_utc(value)
        elif name in _TEXTS:
            value = _no_nul(value)
        out[name] = value
    out["failed_sections"] = _json(row.get("failed_sections"), [])
    out["card_json"] = _json(row.get("card_json"), None)
    out["answered_elsewhere"] = bool(row.get("answered_elsewhere"))
    out["matches"] = int(row.get("matches") or 0)
    latency = out["pop_latency_ms"]
    if latency is not None:
        try:
            latency = float(latency)
        except (TypeError, ValueError):
            latency = None
        out["pop_latency_ms"] = latency if latency is not None and math.isfinite(latency) else None
    for name in ("number_received", "caller_name", "called", "bridge"):
        out[name] = out[name] or ""
    out["state"] = out["state"] or "ringing"
    now = datetime.now(UTC)
    out["updated_at"] = out["updated_at"] or now
    out["ringing_at"] = out["ringing_at"] or out["updated_at"]
    return out


