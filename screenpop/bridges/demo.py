"""The demo bridge: rings the demo's scripted calls on a timer.

It is a bridge like any other (the dispatcher, journal and pop window cannot
tell it from a PBX), so the demo exercises the real path of a call: ringing,
then answered by this agent or missed, then ended. Calls come from
``BridgeContext.demo_calls`` (``screenpop.demo.scenario.DemoCall``), cycled in
order; each ring gets a fresh call id so the dispatcher's de-duplication never
mistakes the second lap for the first.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from typing import TYPE_CHECKING

from screenpop.bridges.base import EventSink, HealthSink
from screenpop.bridges.registry import BridgeContext
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
            bridge=self.name,
            agent=agent,
        )

    async def _play(self, n: int, demo: DemoCall, emit: EventSink) -> None:
        """One call's life: ring, then answered (and ended later) or missed."""
        call_id = f"demo-{n}-{secrets.token_hex(4)}"
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
                task = asyncio.create_task(self._play(n, demo, emit), name=f"demo-call-{n}")
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)
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
