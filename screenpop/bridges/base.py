"""What every bridge adapter is: a small protocol, health, and reconnection.

A bridge runs as one task on the network thread's asyncio loop. It turns what
its telephony side speaks into ``CallEvent``s and hands them to ``emit``; it
reports how its connection is doing through ``health``. Malformed input is
logged with the reason and dropped inside the bridge: nothing but valid
``CallEvent``s ever leaves it.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Awaitable, Callable, Protocol, runtime_checkable

from screenpop.events import CallEvent
from screenpop.health import Backoff, Health, HealthState

log = logging.getLogger(__name__)

EventSink = Callable[[CallEvent], None]
HealthSink = Callable[[str, Health], None]
SecretResolver = Callable[[str], str]


@runtime_checkable
class Bridge(Protocol):
    """One source of call events."""

    name: str

    async def run(self, emit: EventSink, health: HealthSink) -> None:
        """Run until cancelled, reconnecting on its own; never raise for I/O."""


@runtime_checkable
class Dialer(Protocol):
    """A bridge that can place a call (call back from the recent-calls list)."""

    async def dial(self, number: str) -> None: ...


async def reconnecting(
    name: str,
    session: Callable[[], Awaitable[None]],
    health: HealthSink,
    *,
    backoff: Backoff | None = None,
    on_connected_reset: Callable[[], bool] | None = None,
) -> None:
    """Run ``session`` forever, retrying with capped back-off after it ends.

    ``session`` connects, reports CONNECTED itself, and returns or raises when
    the connection is gone. A session that got connected resets the back-off
    (``on_connected_reset`` tells whether it did) so a peer that comes back is
    reached within ``MAX_BACKOFF_S``.
    """
    backoff = backoff or Backoff()
    while True:
        reason = "connection closed"
        try:
            await session()
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # any I/O or protocol failure: retry
            reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        if on_connected_reset is not None and on_connected_reset():
            backoff.reset()
        delay = backoff.next()
        log.info("bridge %s: %s; retrying in %.1f s", name, reason, delay)
        health(name, Health(HealthState.RETRYING, reason))
        await asyncio.sleep(delay)
