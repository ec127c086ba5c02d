"""Decode one message of the event contract for a bridge, logging why one is dropped.

tcp-json, webhook-less pushers and MQTT all carry the same JSON; this is the
one place that turns a payload into a ``CallEvent`` or a logged reason.
"""

from __future__ import annotations

import logging

from screenpop.events import CallEvent, EventError, UnknownEvent, parse_event_json

log = logging.getLogger(__name__)


def decode_event(payload: bytes, bridge: str, kind: str) -> CallEvent | None:
    """One payload to one event, or None with the reason logged; never raises."""
    try:
        return parse_event_json(payload, bridge)
    except UnknownEvent as exc:
        log.info("%s %s: %s; ignored", kind, bridge, exc)
    except EventError as exc:
        log.warning("%s %s: event refused: %s", kind, bridge, exc)
    return None
