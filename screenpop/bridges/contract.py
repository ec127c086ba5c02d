"""Decode one message of the event contract for a bridge, logging why one is dropped.

tcp-json, webhook-less pushers and MQTT all carry the same JSON; this is the
one place that turns a payload into a ``CallEvent`` or a logged reason. These
sides also name the called line themselves, so this is where an event for
another agent's line is dropped (kamailio's evapi tells every desk of every
call; a broker or a PBX script may misroute one).
"""

from __future__ import annotations

import logging

from screenpop.events import CallEvent, EventError, UnknownEvent, for_desk, parse_event_json

log = logging.getLogger(__name__)


def decode_event(payload: bytes, bridge: str, kind: str, extension: str) -> CallEvent | None:
    """One payload to one event for this desk, or None with the reason logged; never raises.

    An event whose ``called`` is set and is not ``extension`` (in any of the
    forms ``events.line_user`` knows) is another desk's call: dropped here, so
    it neither pops nor reaches the journal.
    """
    try:
        event = parse_event_json(payload, bridge)
    except UnknownEvent as exc:
        log.info("%s %s: %s; ignored", kind, bridge, exc)
        return None
    except EventError as exc:
        log.warning("%s %s: event refused: %s", kind, bridge, exc)
        return None
    if not for_desk(event, extension):
        log.info("%s %s: call %s is for %r, not this desk (%r); ignored", kind, bridge,
                 event.call_id[:40], event.called[:64], extension)
        return None
    return event
