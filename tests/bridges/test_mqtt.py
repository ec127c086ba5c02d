"""MQTT bridge against real Mosquitto: the machine's broker and our own instances."""

from __future__ import annotations

import json
import time
import uuid
from pathlib import Path

import aiomqtt
import pytest

from screenpop.bridges.mqtt import MqttBridge, topic_for
from screenpop.config.schema import MqttBridge as MqttConfig
from screenpop.events import CallState
from tests.bridges.helpers import ctx, run, running
from tests.bridges.peers_bridges import MosquittoPeer
from tests.peers import free_port, need_service

R, A, E, M = CallState.RINGING, CallState.ANSWERED, CallState.ENDED, CallState.MISSED
PUBLISHER = ("screenpop-publisher", "pub-pass")
AGENT = ("agent-17", "agent-pass")
SECRETS = {"screenpop/mqtt": AGENT[1]}


def ring(call_id: str, kind: str = "ringing", called: str = "agent-17") -> bytes:
    return json.dumps({"event": kind, "call_id": call_id, "caller_number": "+441632960123",
                       "called": called, "ts": time.time()}).encode()


async def publish(port: int, topic: str, *payloads: bytes, auth: bool = True) -> None:
    """Publish with QoS 1 from a separate real client, as the PBX side would."""
    user, password = PUBLISHER if auth else (None, None)
    async with aiomqtt.Client("127.0.0.1", port, username=user, password=password,
                              identifier=f"pub-{uuid.uuid4().hex[:8]}") as client:
        for payload in payloads:
            await client.publish(topic, payload, qos=1)


def agent_cfg(port: int, client_id: str = "", **extra: object) -> MqttConfig:
    return MqttConfig(kind="mqtt", url=f"mqtt://127.0.0.1:{port}", username=AGENT[0],
                      password="keyring:screenpop/mqtt", client_id=client_id, **extra)


def test_topic_template_refuses_wildcard_extensions() -> None:
    assert topic_for("screenpop/agents/{extension}/calls", "agent-17") == (
        "screenpop/agents/agent-17/calls")
    for bad in ("+", "#", "a/b"):
        with pytest.raises(ValueError, match="MQTT topic"):
            topic_for("x/{extension}", bad)


@pytest.mark.peer("mosquitto")
def test_machine_broker_delivers_to_agent_topic_and_drops_garbage() -> None:
    need_service("mosquitto", "127.0.0.1", 1883)
    ext = f"agent-{uuid.uuid4().hex[:8]}"
    cfg = MqttConfig(kind="mqtt", url="mqtt://127.0.0.1:1883", client_id=f"t-{ext}")
    topic = f"screenpop/agents/{ext}/calls"

    async def body() -> None:
        async with running(MqttBridge(cfg, ctx(extension=ext))) as col:
            await col.healthy()
            await publish(1883, topic, b"\xff garbage", b'{"event":"ringing"}', ring("m1", called=ext),
                          ring("m1", "missed", called=ext), auth=False)
            await col.until(lambda: len(col.events) == 2, 5, "two events")
            assert col.states() == [R, M]
            assert col.events[0].bridge == "mqtt"

    run(body())


@pytest.mark.peer("mosquitto")
def test_acl_password_from_keyring_and_own_topic_only(tmp_path: Path) -> None:
    broker = MosquittoPeer(tmp_path, users=dict([PUBLISHER, AGENT]))

    async def body() -> None:
        await broker.start()
        try:
            bridge = MqttBridge(agent_cfg(broker.port, "ws-1"), ctx("agent-17", SECRETS))
            async with running(bridge) as col:
                await col.healthy()
                # the other agent's call first, then ours: in-order delivery means that if
                # the ACL let the first through, it would arrive before the second
                await publish(broker.port, "screenpop/agents/agent-18/calls", ring("not-mine"))
                # on our own topic, a call naming another agent's line is not ours either
                await publish(broker.port, "screenpop/agents/agent-17/calls",
                              ring("misrouted", called="sip:agent-18@pbx"), ring("mine"),
                              ring("mine-uri", called="PJSIP/agent-17-0000002a"))
                await col.until(lambda: len(col.events) >= 2, 5, "own calls")
                assert [e.call_id for e in col.events] == ["mine", "mine-uri"]
        finally:
            broker.stop()

    run(body())


@pytest.mark.peer("mosquitto")
def test_wrong_password_retries_with_reason(tmp_path: Path) -> None:
    broker = MosquittoPeer(tmp_path, users=dict([PUBLISHER, AGENT]))

    async def body() -> None:
        await broker.start()
        try:
            bridge = MqttBridge(agent_cfg(broker.port), ctx("agent-17", {"screenpop/mqtt": "no"}))
            async with running(bridge) as col:
                await col.until(lambda: col.state is not None and col.state.value == "retrying",
                                5, "retrying")
                assert "authori" in col.health[-1][1].detail.lower() or (
                    "password" in col.health[-1][1].detail.lower())
        finally:
            broker.stop()

    run(body())


@pytest.mark.peer("mosquitto")
def test_short_disconnect_loses_no_ring(tmp_path: Path) -> None:
    """Persistent session + QoS 1: rings published while we are away arrive on return."""
    broker = MosquittoPeer(tmp_path, users=dict([PUBLISHER, AGENT]))
    topic = "screenpop/agents/agent-17/calls"

    async def body() -> None:
        await broker.start()
        try:
            cfg = agent_cfg(broker.port, "ws-persist")
            async with running(MqttBridge(cfg, ctx("agent-17", SECRETS))) as col:
                await col.healthy()
            # the app is gone (blip, restart): the PBX keeps ringing this agent
            await publish(broker.port, topic, ring("while-away"), ring("while-away", "missed"))
            async with running(MqttBridge(cfg, ctx("agent-17", SECRETS))) as col:
                await col.until(lambda: len(col.events) == 2, 5, "queued rings")
                assert [(e.call_id, e.state) for e in col.events] == [
                    ("while-away", R), ("while-away", M)]
        finally:
            broker.stop()

    run(body())


@pytest.mark.peer("mosquitto")
def test_tls_with_ca_file(tmp_path: Path) -> None:
    broker = MosquittoPeer(tmp_path, users=dict([PUBLISHER, AGENT]), tls_port=free_port())

    async def body() -> None:
        await broker.start()
        try:
            cfg = MqttConfig(kind="mqtt", url=f"mqtts://127.0.0.1:{broker.tls_port}",
                             username=AGENT[0], password="keyring:screenpop/mqtt",
                             client_id="ws-tls", ca_file=broker.ca_file)
            async with running(MqttBridge(cfg, ctx("agent-17", SECRETS))) as col:
                await col.healthy()
                await publish(broker.port, "screenpop/agents/agent-17/calls", ring("tls-1"))
                await col.until(lambda: len(col.events) == 1, 5, "event over TLS")
            # without the CA the self-signed broker is not trusted: retrying, never connected
            untrusted = cfg.model_copy(update={"ca_file": None, "client_id": "ws-tls-2"})
            async with running(MqttBridge(untrusted, ctx("agent-17", SECRETS))) as col:
                await col.until(lambda: col.state is not None and col.state.value == "retrying",
                                5, "retrying")
                assert "certificate" in col.health[-1][1].detail.lower()
                assert all(not h.good for _, h in col.health)
        finally:
            broker.stop()

    run(body())
