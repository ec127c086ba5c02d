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
import threading
import time
from collections import OrderedDict
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


class ReplayGuard(Protocol):
    """Remembers which signed requests were already accepted, possibly across restarts.

    ``key`` names one signed message (bridge kind and signature); ``ts`` is the
    time it claims, so a guard may forget keys older than any freshness window
    it serves. Returns True the first time a key is offered, False after.
    The journal provides a durable one (``Journal.remember_event``); a bridge
    keeps ``MemoryReplayGuard`` as well, so a replay within one run is refused
    even when the durable one fails.
    """

    def first_seen(self, key: str, ts: float) -> bool: ...


class MemoryReplayGuard:
    """A bounded in-memory ``ReplayGuard`` (thread-safe; forgotten at exit).

    Keys older than ``window_s`` are dropped: the freshness check refuses
    their messages anyway. At most ``limit`` keys are kept, even under a flood.
    """

    def __init__(self, window_s: float, limit: int = 100_000) -> None:
        self.window_s = window_s
        self.limit = limit
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def first_seen(self, key: str, ts: float) -> bool:
        with self._lock:
            cutoff = time.time() - self.window_s
            # Oldest arrivals first; one that claims an older time behind a newer one
            # is merely kept longer, which is safe.
            while self._seen and next(iter(self._seen.values())) < cutoff:
                self._seen.popitem(last=False)
            if key in self._seen:
                return False
            self._seen[key] = ts
            while len(self._seen) > self.limit:
                self._seen.popitem(last=False)
            return True


def first_seen(memory: MemoryReplayGuard, durable: ReplayGuard | None, key: str,
               ts: float, bridge: str) -> bool:
    """Ask both guards; a durable guard that fails leaves the in-memory answer.

    Call it off the event loop (``asyncio.to_thread``): the durable guard
    writes to disk.
    """
    if not memory.first_seen(key, ts):
        return False
    if durable is None:
        return True
    try:
        return durable.first_seen(key, ts)
    except Exception as exc:  # the journal failing must not stop the calls
        log.warning("bridge %s: durable replay guard failed (%s); only this run's "
                    "memory guards against replays", bridge, exc)
        return True


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
