"""The call event: what every bridge turns its telephony side into.

``CallEvent`` is the one currency between bridges and the dispatcher. The JSON
form (``parse_event_json``) is a contract shared by the webhook, tcp-json and
mqtt bridges, so its validation lives here once; anything that does not pass it
never reaches the dispatcher, let alone the UI.
"""

from __future__ import annotations

import json
import math
import re
import time
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Mapping
from urllib.parse import unquote

#: Hard caps that keep absurd input out of the journal and the UI.
MAX_EVENT_BYTES = 64 * 1024
MAX_CALL_ID = 256
MAX_NUMBER = 64
MAX_NAME = 256
MAX_ATTACHED_KEYS = 32
MAX_ATTACHED_VALUE = 512
#: Timestamps outside this window (2000-01-01 .. 2100-01-01) are refused.
TS_MIN, TS_MAX = 946_684_800.0, 4_102_444_800.0


class CallState(StrEnum):
    """States of one call as this agent sees it."""

    RINGING = "ringing"
    ANSWERED = "answered"
    ENDED = "ended"
    MISSED = "missed"


class EventError(ValueError):
    """Input that is not a valid call event; the message says why."""


class UnknownEvent(EventError):
    """A well-formed event of a kind we do not handle (ignored and logged)."""


@dataclass(frozen=True, slots=True)
class CallEvent:
    """One thing that happened to one call, as reported by one bridge."""

    call_id: str
    state: CallState
    caller_number: str
    caller_name: str = ""
    called: str = ""
    ts: float = field(default_factory=time.time)
    attached: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    bridge: str = ""
    #: For ``answered``: who picked up (extension or agent name), if known.
    agent: str = ""

    def __post_init__(self) -> None:
        # Freeze ``attached`` even when a plain dict was passed in.
        if not isinstance(self.attached, MappingProxyType):
            object.__setattr__(self, "attached", MappingProxyType(dict(self.attached)))

    def to_json(self) -> dict[str, Any]:
        """The contract's JSON shape (``event`` rather than ``state``)."""
        out: dict[str, Any] = {
            "event": self.state.value,
            "call_id": self.call_id,
            "caller_number": self.caller_number,
            "caller_name": self.caller_name,
            "called": self.called,
            "ts": self.ts,
            "attached": dict(self.attached),
        }
        if self.agent:
            out["agent"] = self.agent
        if self.bridge:
            out["bridge"] = self.bridge
        return out


def _text(obj: Mapping[str, Any], key: str, limit: int, *, required: bool = False) -> str:
    value = obj.get(key)
    if value is None:
        if required:
            raise EventError(f"missing field {key!r}")
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise EventError(f"field {key!r} must be a string")
    text = str(value)
    if len(text) > limit:
        raise EventError(f"field {key!r} longer than {limit} characters")
    if any(ord(ch) < 32 for ch in text):
        raise EventError(f"field {key!r} contains control characters")
    return text


def event_from_mapping(obj: Any, bridge: str) -> CallEvent:
    """Validate one decoded event object of the contract's shape."""
    if not isinstance(obj, dict):
        raise EventError("event must be a JSON object")
    kind = obj.get("event")
    if not isinstance(kind, str):
        raise EventError("missing field 'event'")
    try:
        state = CallState(kind)
    except ValueError:
        raise UnknownEvent(f"unknown event {kind[:40]!r}") from None
    call_id = _text(obj, "call_id", MAX_CALL_ID, required=True)
    if not call_id.strip():
        raise EventError("field 'call_id' is empty")
    number = _text(obj, "caller_number", MAX_NUMBER)
    name = _text(obj, "caller_name", MAX_NAME)
    called = _text(obj, "called", MAX_NAME)
    agent = _text(obj, "agent", MAX_NAME)
    ts_raw = obj.get("ts", time.time())
    if isinstance(ts_raw, bool) or not isinstance(ts_raw, (int, float)):
        raise EventError("field 'ts' must be a number (seconds since the epoch)")
    ts = float(ts_raw)
    if not math.isfinite(ts) or not TS_MIN <= ts <= TS_MAX:
        raise EventError("field 'ts' is out of range")
    attached_raw = obj.get("attached", {})
    if attached_raw is None:
        attached_raw = {}
    if not isinstance(attached_raw, dict):
        raise EventError("field 'attached' must be an object")
    if len(attached_raw) > MAX_ATTACHED_KEYS:
        raise EventError(f"field 'attached' has more than {MAX_ATTACHED_KEYS} keys")
    attached: dict[str, str] = {}
    for key, value in attached_raw.items():
        if len(key) > 64:
            raise EventError("an 'attached' key is longer than 64 characters")
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise EventError(f"attached value {key!r} must be a string or number")
        text = str(value)
        if len(text) > MAX_ATTACHED_VALUE:
            raise EventError(f"attached value {key!r} is too long")
        attached[key] = text
    return CallEvent(
        call_id=call_id,
        state=state,
        caller_number=number,
        caller_name=name,
        called=called,
        ts=ts,
        attached=attached,
        bridge=bridge,
        agent=agent,
    )


def parse_event_json(data: bytes | str, bridge: str) -> CallEvent:
    """Parse one event of the contract from JSON text.

    Raises ``EventError`` (or its subclass ``UnknownEvent``) with a reason that
    can be logged as is; never any other exception.
    """
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    if len(data) > MAX_EVENT_BYTES:
        raise EventError(f"event larger than {MAX_EVENT_BYTES} bytes")
    try:
        obj = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise EventError(f"not valid JSON: {str(exc)[:80]}") from None
    return event_from_mapping(obj, bridge)


#: Asterisk's per-channel suffix ("PJSIP/1001-0000002a", "SIP/agent-00000001").
_CHANNEL_SUFFIX = re.compile(r"-[0-9a-f]{8}$")


def line_user(text: str) -> str:
    """The bare extension or user a telephony side means by ``text``, lower-cased.

    Telephony sides name one line in many forms: ``1001``, ``sip:1001@pbx;user=phone``,
    ``"Ann" <sips:1001@pbx>``, ``tel:1001``, ``PJSIP/1001-0000002a``,
    ``Local/1001@from-queue-00000001;1``. All of these are ``1001``; comparing
    the bare forms is how an event's ``called`` or ``agent`` is matched with
    ``agent.extension`` without a per-PBX rule in the dispatcher.
    """
    value = text.strip()
    if "<" in value and ">" in value.split("<", 1)[1]:
        value = value.split("<", 1)[1].split(">", 1)[0]
    low = value.lower()
    for scheme in ("sips:", "sip:", "tel:"):
        if low.startswith(scheme):
            value = value[len(scheme) :]
            break
    channel = "/" in value and not value.startswith("/")
    if channel:  # TECH/resource: the technology names no line
        value = value.split("/", 1)[1]
    value = value.split("@", 1)[0].split(";", 1)[0]
    value = unquote(value).strip().lower()
    if channel:
        value = _CHANNEL_SUFFIX.sub("", value)
    return value


def same_line(a: str, b: str) -> bool:
    """Whether two names of a line (see ``line_user``) mean the same one."""
    left = line_user(a)
    return bool(left) and left == line_user(b)


def for_desk(event: CallEvent, extension: str) -> bool:
    """Whether ``event`` is a call to this desk: its ``called`` is unset or is ``extension``.

    An event naming another agent's line is that agent's call (a PBX that
    fans out to every desk, a misdirected webhook): it must neither pop nor
    be journaled here.
    """
    return not event.called.strip() or same_line(event.called, extension)
