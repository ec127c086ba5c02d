"""The demo bridge on a real asyncio loop: ring, answered or missed, ended."""

from __future__ import annotations

import asyncio
import itertools
from collections import defaultdict

import pytest

from screenpop.bridges import registry
from screenpop.bridges.base import Bridge
from screenpop.bridges.demo import DemoBridgeImpl
from screenpop.bridges.registry import BridgeContext
from screenpop.config.schema import DemoBridge
from screenpop.demo.scenario import DemoCall
from screenpop.events import CallEvent, CallState
from screenpop.health import Health, HealthState

CALLS = (
    DemoCall("+441914980140", "Mia Martin", "known", ("12748",), answer=True),
    DemoCall("anonymous", "", "withheld", (), answer=False),
)


def ctx(calls: tuple[object, ...] = CALLS) -> BridgeContext:
    return BridgeContext(extension="agent", secret=lambda ref: "", demo_calls=calls)


def bridge(calls: int, interval: float = 0.05) -> DemoBridgeImpl:
    cfg = DemoBridge(
        kind="demo", name="demo-test", interval=interval, ring_seconds=0.02, calls=calls
    )
    return DemoBridgeImpl(cfg, ctx(), first_ring_s=0.01, talk_s=0.02)


async def collect(
    b: DemoBridgeImpl, until: int, linger: float = 0.0
) -> tuple[list[CallEvent], list[tuple[str, Health]], bool]:
    """Run the bridge until ``until`` events, linger, cancel; was it still running?"""
    events: list[CallEvent] = []
    health: list[tuple[str, Health]] = []
    enough = asyncio.Event()

    def emit(event: CallEvent) -> None:
        events.append(event)
        if len(events) >= until:
            enough.set()

    task = asyncio.create_task(b.run(emit, lambda name, h: health.append((name, h))))
    await asyncio.wait_for(enough.wait(), timeout=5)
    await asyncio.sleep(linger)
    running = not task.done()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    return events, health, running


def test_ring_answer_end_and_missed_then_idle() -> None:
    # 3 calls: answered (3 events), missed (2), answered again (3) = 8.
    events, health, running = asyncio.run(collect(bridge(calls=3), until=8, linger=0.2))
    assert running  # idle after its calls, until cancelled
    assert len(events) == 8  # and nothing more while idle
    assert health[0][0] == "demo-test"
    assert health[0][1].state is HealthState.CONNECTED
    assert health[0][1].detail == "demo"
    by_call: dict[str, list[CallEvent]] = defaultdict(list)
    for e in events:
        by_call[e.call_id].append(e)
    assert len(by_call) == 3
    sequences = [[e.state for e in evs] for evs in by_call.values()]
    assert sequences == [
        [CallState.RINGING, CallState.ANSWERED, CallState.ENDED],
        [CallState.RINGING, CallState.MISSED],
        [CallState.RINGING, CallState.ANSWERED, CallState.ENDED],
    ]
    ids = list(by_call)
    assert all(i.startswith(f"demo-{n}-") for n, i in enumerate(ids, 1))
    first, second, third = by_call.values()
    assert first[0].caller_number == third[0].caller_number == "+441914980140"
    assert first[0].caller_name == "Mia Martin"
    assert second[0].caller_number == "anonymous"
    for e in events:
        assert e.called == "agent"
        assert e.bridge == "demo-test"
        assert e.agent == ("agent" if e.state is CallState.ANSWERED else "")


def test_rings_follow_the_interval() -> None:
    loop_times: list[float] = []

    async def main() -> None:
        b = bridge(calls=3, interval=0.1)
        loop = asyncio.get_running_loop()
        rings = asyncio.Event()

        def emit(event: CallEvent) -> None:
            if event.state is CallState.RINGING:
                loop_times.append(loop.time())
                if len(loop_times) == 3:
                    rings.set()

        task = asyncio.create_task(b.run(emit, lambda *_: None))
        await asyncio.wait_for(rings.wait(), timeout=5)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(main())
    gaps = [b - a for a, b in itertools.pairwise(loop_times)]
    assert all(g >= 0.095 for g in gaps), gaps


def test_cancel_mid_call_stops_cleanly() -> None:
    async def main() -> list[CallEvent]:
        b = bridge(calls=0, interval=10)
        events: list[CallEvent] = []
        rang = asyncio.Event()

        def emit(event: CallEvent) -> None:
            events.append(event)
            rang.set()

        task = asyncio.create_task(b.run(emit, lambda *_: None))
        await asyncio.wait_for(rang.wait(), timeout=5)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await asyncio.sleep(0.1)  # longer than ring + talk: nothing may follow
        assert not b._tasks
        return events

    events = asyncio.run(main())
    assert [e.state for e in events] == [CallState.RINGING]


def test_no_calls_reports_failed_and_idles() -> None:
    async def main() -> list[tuple[str, Health]]:
        health: list[tuple[str, Health]] = []
        cfg = DemoBridge(kind="demo", interval=0.01, ring_seconds=0.01)
        b = DemoBridgeImpl(cfg, ctx(()), first_ring_s=0)
        task = asyncio.create_task(b.run(lambda e: None, lambda n, h: health.append((n, h))))
        await asyncio.sleep(0.05)
        assert not task.done()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        return health

    health = asyncio.run(main())
    assert [h.state for _, h in health] == [HealthState.FAILED]


def test_registry_creates_it() -> None:
    cfg = DemoBridge(kind="demo")
    made = registry.create(cfg, ctx())
    assert isinstance(made, DemoBridgeImpl)
    assert isinstance(made, Bridge)
    assert made.name == "demo"
    assert made.calls == CALLS


def test_refuses_foreign_call_objects() -> None:
    with pytest.raises(TypeError, match="DemoCall"):
        DemoBridgeImpl(DemoBridge(kind="demo"), ctx(("+441914980140",)))
