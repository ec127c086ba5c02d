"""Kill and restart each peer ten times under a running ``screenpop run`` process.

After every restart the process must reconnect within 5 s of the peer being
back (read from its own log), pop the next call, and never pop one twice.
"""

from __future__ import annotations

import json
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from tests.bridges.e2e import Headless, env_with_secrets, write_config
from tests.bridges.helpers import run, sipp
from tests.bridges.peers_bridges import BaresipPeer, KamailioPeer, MosquittoPeer
from tests.bridges.test_mqtt import AGENT, PUBLISHER, publish
from tests.peers import free_port, need_program

RESTARTS = 10


async def restart_ten_times(
    app: Headless,
    bridge: str,
    peer: Any,
    call: Callable[[int], Awaitable[None]],
) -> list[float]:
    """Stop and start ``peer`` 10x; after each, one call must pop. Returns reconnect times."""
    reconnect_s = []
    await app.connected(bridge)
    for i in range(RESTARTS):
        seen = len(app.connected_at(bridge))
        peer.stop()
        await peer.start()
        back = time.time()
        await app.wait_for(f"reconnect #{i + 1}",
                           lambda n=seen: len(app.connected_at(bridge)) > n, 10)
        reconnect_s.append(max(0.0, app.connected_at(bridge)[seen] - back))
        await call(i)
        await app.pop(i, timeout=10)
    return reconnect_s


def report(bridge: str, app: Headless, reconnect_s: list[float]) -> None:
    print(f"{bridge}: reconnect after restart max {max(reconnect_s):.2f} s, "
          f"mean {sum(reconnect_s) / len(reconnect_s):.2f} s over {len(reconnect_s)} restarts")
    assert len(reconnect_s) == RESTARTS
    assert max(reconnect_s) <= 5.0
    ids = [p["call_id"] for p in app.pops]
    assert len(ids) == RESTARTS
    assert len(set(ids)) == RESTARTS  # each call popped once
    assert len(app.journal()) == RESTARTS


@pytest.mark.peer("baresip")
@pytest.mark.slow
def test_screenpop_survives_ten_baresip_restarts(tmp_path: Path) -> None:
    need_program("sipp")
    phone = BaresipPeer(tmp_path / "baresip", answermode="auto")
    config = write_config(tmp_path, f'[[bridge]]\nkind = "baresip"\nport = {phone.ctrl_port}\n')

    async def call(i: int) -> None:
        await sipp("uac_answered.xml", phone.sip_target, cwd=tmp_path,
                   caller=f"+4416329600{i:02d}", display=f"Caller {i}", pause_ms=50,
                   local_port=free_port())

    async def body() -> tuple[Headless, list[float]]:
        await phone.start()
        app = Headless(config)
        try:
            return app, await restart_ten_times(app, "baresip", phone, call)
        finally:
            assert app.stop() == 0, app.stderr()
            phone.stop()

    app, reconnect_s = run(body(), timeout=180)
    report("baresip", app, reconnect_s)


@pytest.mark.peer("kamailio")
@pytest.mark.slow
def test_screenpop_survives_ten_kamailio_restarts(tmp_path: Path) -> None:
    need_program("sipp")
    kam = KamailioPeer(tmp_path / "kamailio")
    phone = BaresipPeer(tmp_path / "baresip", answermode="auto")
    config = write_config(
        tmp_path, f'[[bridge]]\nkind = "tcp-json"\nport = {kam.evapi_port}\nframing = "netstring"\n'
    )

    async def call(i: int) -> None:
        await sipp("uac_answered.xml", phone.sip_target, cwd=tmp_path,
                   extra=["-rsa", f"127.0.0.1:{kam.sip_port}"], caller=f"+4416329600{i:02d}",
                   display=f"Caller {i}", pause_ms=50, local_port=free_port())

    async def body() -> tuple[Headless, list[float]]:
        await phone.start()
        await kam.start()
        app = Headless(config)
        try:
            return app, await restart_ten_times(app, "tcp-json", kam, call)
        finally:
            assert app.stop() == 0, app.stderr()
            kam.stop()
            phone.stop()

    app, reconnect_s = run(body(), timeout=180)
    report("tcp-json", app, reconnect_s)


@pytest.mark.peer("mosquitto")
@pytest.mark.slow
def test_screenpop_survives_ten_mosquitto_restarts(tmp_path: Path) -> None:
    broker = MosquittoPeer(tmp_path / "mosquitto", users=dict([PUBLISHER, AGENT]))
    config = write_config(
        tmp_path,
        f'[[bridge]]\nkind = "mqtt"\nurl = "mqtt://127.0.0.1:{broker.port}"\n'
        f'username = "{AGENT[0]}"\npassword = "keyring:screenpop/mqtt"\n'
        'client_id = "ws-restart"\n',
    )
    env = env_with_secrets({"screenpop/mqtt": AGENT[1]}, tmp_path)
    env["SCREENPOP_AGENT__EXTENSION"] = AGENT[0]
    topic = f"screenpop/agents/{AGENT[0]}/calls"

    async def call(i: int) -> None:
        await publish(broker.port, topic, json.dumps({
            "event": "ringing", "call_id": f"restart-{i}", "caller_number": "+442079460958",
            "called": AGENT[0], "ts": time.time()}).encode())

    async def body() -> tuple[Headless, list[float]]:
        await broker.start()
        app = Headless(config, env=env)
        try:
            return app, await restart_ten_times(app, "mqtt", broker, call)
        finally:
            assert app.stop() == 0, app.stderr()
            broker.stop()

    app, reconnect_s = run(body(), timeout=180)
    report("mqtt", app, reconnect_s)
