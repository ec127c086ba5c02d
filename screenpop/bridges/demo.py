"""The demo bridge: rings the demo's scripted calls on a timer.

It is a bridge like any other (the dispatcher, journal and pop window cannot
tell it from a PBX), so the demo exercises the real path of a call: ringing,
then answered by this agent or missed, then ended. Calls come from
``BridgeContext.demo_calls`` (``screenpop.demo.scenario.DemoCall``), cycled in
order; each ring gets a fresh call id so the dispatcher's de-duplication never
mistakes the second lap for the first.

A call with an ``outage`` takes that department's database down for real
(``screenpop.demo.outage``) before it rings, and brings it back once the
ringing is over and the pop's lookup has had time to meet the failure.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any

from screenpop.bridges.base import EventSink, HealthSink
from screenpop.bridges.registry import BridgeContext
from screenpop.demo.outage import Outage
from screenpop.demo.scenario import DemoCall
from screenpop.events import CallEvent, CallState
from screenpop.health import Health, HealthState

if TYPE_CHECKING:
    from screenpop.bridges.plugins.demo import DemoConfig as DemoBridge

log = logging.getLogger(__name__)

#: Delay before the first ring, so the window is up when it comes.
FIRST_RING_S = 1.0
#: How long an answered demo call lasts before it ends.
TALK_S = 4.0
#: A department taken down for a call stays down at least this long after
#: the ring: identification and the section each wait out the source's lock
#: budget (0.8 s by default) before they say "locked".
OUTAGE_MIN_S = 3.0


class DemoBridgeImpl:
    """Rings ``calls`` one after another, every ``cfg.interval`` seconds."""

    def __init__(
        self,
        cfg: DemoBridge,
        ctx: BridgeContext,
        *,
        first_ring_s: float = FIRST_RING_S,
        talk_s: float = TALK_S,
    ) -> None:
        self.name = cfg.label
        self.cfg = cfg
        self.extension = ctx.extension
        wrong = [c for c in ctx.demo_calls if not isinstance(c, DemoCall)]
        if wrong:
            raise TypeError(f"demo_calls must be DemoCall, not {type(wrong[0]).__name__}")
        self.calls: tuple[DemoCall, ...] = tuple(ctx.demo_calls)
        self.first_ring_s = first_ring_s
        self.talk_s = talk_s
        #: Calls still in progress, so cancellation can end them cleanly.
        self._tasks: set[asyncio.Task[None]] = set()

    def _event(self, call_id: str, state: CallState, demo: DemoCall, agent: str = "") -> CallEvent:
        return CallEvent(
            call_id=call_id,
            state=state,
            caller_number=demo.number,
            caller_name=demo.name,
            called=self.extension,
            attached={"account": demo.account} if demo.account else {},
            bridge=self.name,
            agent=agent,
        )

    def _spawn(self, coro: Coroutine[Any, Any, None], name: str) -> None:
        task = asyncio.create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _take_down(self, n: int, demo: DemoCall) -> None:
        """Lock the call's ``outage`` database until the ring is over (and ``OUTAGE_MIN_S``)."""
        try:
            outage = await asyncio.to_thread(Outage, demo.outage)
        except OSError as exc:
            log.warning(
                "demo bridge %s: call %d rings with the department up: %s", self.name, n, exc
            )
            return
        log.info("demo bridge %s: %s is down for call %d", self.name, demo.outage, n)

        async def bring_back() -> None:
            try:
                await asyncio.sleep(max(self.cfg.ring_seconds, OUTAGE_MIN_S))
            finally:
                await asyncio.shield(asyncio.to_thread(outage.end))
                log.info("demo bridge %s: %s is back", self.name, demo.outage)

        self._spawn(bring_back(), f"demo-outage-{n}")

    async def _play(self, n: int, demo: DemoCall, emit: EventSink) -> None:
        """One call's life: ring, then answered (and ended later) or missed."""
        call_id = f"demo-{n}-{secrets.token_hex(4)}"
        if demo.outage:
            await self._take_down(n, demo)
        emit(self._event(call_id, CallState.RINGING, demo))
        await asyncio.sleep(self.cfg.ring_seconds)
        if demo.answer:
            emit(self._event(call_id, CallState.ANSWERED, demo, agent=self.extension))
            await asyncio.sleep(self.talk_s)
            emit(self._event(call_id, CallState.ENDED, demo))
        else:
            emit(self._event(call_id, CallState.MISSED, demo))

    async def run(self, emit: EventSink, health: HealthSink) -> None:
        """Ring until ``cfg.calls`` calls were made (0: forever), then idle.

        Each call plays in its own task so a call that outlasts the interval
        does not delay the next ring. On cancellation (the app shutting down)
        the calls in flight are cancelled too and nothing more is emitted.
        """
        if not self.calls:
            health(self.name, Health(HealthState.FAILED, "demo has no calls"))
            await asyncio.Event().wait()  # nothing to ring; idle until cancelled
            return
        health(self.name, Health(HealthState.CONNECTED, "demo"))
        try:
            await asyncio.sleep(self.first_ring_s)
            n = 0
            while not self.cfg.calls or n < self.cfg.calls:
                demo = self.calls[n % len(self.calls)]
                n += 1
                self._spawn(self._play(n, demo, emit), f"demo-call-{n}")
                if self.cfg.calls and n >= self.cfg.calls:
                    break
                await asyncio.sleep(self.cfg.interval)
            while self._tasks:  # let the last calls finish before idling
                await asyncio.gather(*self._tasks)
            log.info("demo bridge %s: %d calls made; idle", self.name, n)
            await asyncio.Event().wait()
        finally:
            for task in list(self._tasks):
                task.cancel()
            if self._tasks:
                await asyncio.gather(*self._tasks, return_exceptions=True)


def create(cfg: DemoBridge, ctx: BridgeContext) -> DemoBridgeImpl:
    return DemoBridgeImpl(cfg, ctx)
