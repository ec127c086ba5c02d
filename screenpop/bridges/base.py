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
import time
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Awaitable, Callable, Protocol, runtime_checkable

from screenpop.events import CallEvent

log = logging.getLogger(__name__)

#: Longest wait between two reconnection attempts (DESIGN: ≤ 5 s).
MAX_BACKOFF_S = 5.0
FIRST_BACKOFF_S = 0.2


class HealthState(StrEnum):
    CONNECTING = "connecting"
    CONNECTED = "connected"
    LISTENING = "listening"
    RETRYING = "retrying"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Health:
    state: HealthState
    detail: str = ""
    since: float = field(default_factory=time.time)

    @property
    def good(self) -> bool:
        return self.state in (HealthState.CONNECTED, HealthState.LISTENING)


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


class Backoff:
    """Capped exponential back-off: 0.2, 0.4, 0.8 ... 5 s, reset on success."""

    def __init__(self, first: float = FIRST_BACKOFF_S, cap: float = MAX_BACKOFF_S) -> None:
        self.first = first
        self.cap = cap
        self.delay = first

    def reset(self) -> None:
        self.delay = self.first

    def next(self) -> float:
        delay = self.delay
        self.delay = min(self.cap, self.delay * 2)
        return delay


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
