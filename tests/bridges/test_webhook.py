"""webhook bridge: a real HTTP client (requests) against the real aiohttp server."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import requests
from hypothesis import given, settings
from hypothesis import strategies as st

from screenpop.bridges.base import ReplayGuard
from screenpop.bridges.webhook import (
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    WebhookBridge,
    WebhookVerifier,
    sign,
)
from screenpop.config.schema import WebhookBridge as WebhookConfig
from screenpop.events import CallState
from screenpop.health import HealthState
from tests.bridges.helpers import SqliteReplayGuard, ctx, run, running
from tests.peers import free_port

SECRET = "s3cret-shared-with-the-pbx"


def body_of(kind: str = "ringing", call_id: str = "1-8371@pbx", **extra: Any) -> bytes:
    return json.dumps({"event": kind, "call_id": call_id, "caller_number": "+14155550123",
                       "caller_name": "Alice", "called": "agent", "ts": time.time(),
                       "attached": {"account": "17850"}, **extra}).encode()


def signed(body: bytes, ts: float | None = None, secret: str = SECRET) -> dict[str, str]:
    stamp = str(int(time.time() if ts is None else ts))
    return {"Content-Type": "application/json", TIMESTAMP_HEADER: stamp,
            SIGNATURE_HEADER: sign(secret.encode(), stamp, body)}


def with_server(test: Callable[[str, Any], None], *, max_body: int = 16 * 1024,
                extension: str = "agent", replay: ReplayGuard | None = None,
                port: int | None = None) -> None:
    """Run the bridge; call ``test(url, collector)`` in a thread (requests is blocking)."""
    port = port or free_port()
    cfg = WebhookConfig(kind="webhook", listen=f"127.0.0.1:{port}",
                        secret="keyring:screenpop/webhook", max_body=max_body)
    bridge = WebhookBridge(cfg, ctx(extension, {"screenpop/webhook": SECRET}, replay))

    async def body() -> None:
        async with running(bridge) as col:
            await col.healthy()
            assert col.state is HealthState.LISTENING
            await asyncio.to_thread(test, f"http://127.0.0.1:{port}/events", col)

    run(body())


def test_signed_event_accepted_and_emitted() -> None:
    def test(url: str, col: Any) -> None:
        data = body_of()
        resp = requests.post(url, data=data, headers=signed(data), timeout=5)
        assert resp.status_code == 202, resp.text
        assert resp.json() == {"accepted": True, "call_id": "1-8371@pbx"}
        assert len(col.events) == 1
        ev = col.events[0]
        assert (ev.state, ev.caller_number, dict(ev.attached)) == (
            CallState.RINGING, "+14155550123", {"account": "17850"})
        assert ev.bridge == "webhook"

    with_server(test)


def test_every_refusal_is_a_clear_4xx_and_emits_nothing() -> None:
    def test(url: str, col: Any) -> None:
        def post(data: bytes, headers: dict[str, str]) -> requests.Response:
            return requests.post(url, data=data, headers=headers, timeout=5)

        good = body_of()
        cases: list[tuple[str, bytes, dict[str, str], int, str]] = []
        cases.append(("unsigned", good, {"Content-Type": "application/json"}, 401, "unsigned"))
        cases.append(("wrong signature", good, signed(good, secret="not-the-secret"), 401,
                      "wrong signature"))
        tampered = signed(good)
        cases.append(("tampered body", body_of(call_id="other"), tampered, 401, "wrong signature"))
        cases.append(("stale", good, signed(good, ts=time.time() - 301), 401, "window"))
        cases.append(("future", good, signed(good, ts=time.time() + 301), 401, "window"))
        cases.append(("bad timestamp", good, {**signed(good), TIMESTAMP_HEADER: "yesterday"},
                      401, "seconds"))
        big = body_of(caller_name="x" * 20_000)
        cases.append(("oversized", big, signed(big), 413, "larger"))
        form = b"event=ringing&call_id=1"
        cases.append(("not json type", form,
                      {**signed(form), "Content-Type": "application/x-www-form-urlencoded"},
                      415, "application/json"))
        junk = b"{not json"
        cases.append(("not json body", junk, signed(junk), 400, "not valid JSON"))
        unknown = body_of(kind="transferred")
        cases.append(("unknown event", unknown, signed(unknown), 422, "unknown event"))
        absurd = body_of(caller_number="1" * 500)
        cases.append(("absurd number", absurd, signed(absurd), 400, "caller_number"))
        for name, data, headers, status, reason in cases:
            resp = post(data, headers)
            assert resp.status_code == status, (name, resp.status_code, resp.text)
            assert reason in resp.json()["error"], (name, resp.text)
        assert col.events == []

        # replay: the very same signed request twice
        first = signed(good)
        assert post(good, first).status_code == 202
        again = post(good, first)
        assert again.status_code == 409
        assert "replayed" in again.json()["error"]
        assert len(col.events) == 1
        # wrong method/path are not ours to accept either
        assert requests.get(url, timeout=5).status_code == 405
        assert requests.post(url + "x", data=good, headers=signed(good),
                             timeout=5).status_code == 404
        assert len(col.events) == 1

    with_server(test)


def test_event_for_another_agent_is_refused_and_emits_nothing() -> None:
    """Agent 1001's desk: a signed ring for 2002 is not this desk's call (409, not popped)."""

    def test(url: str, col: Any) -> None:
        for n, called in enumerate(["2002", "sip:2002@pbx.example", "PJSIP/2002-0000002a"]):
            data = body_of(call_id=f"theirs-{n}", called=called)
            resp = requests.post(url, data=data, headers=signed(data), timeout=5)
            assert resp.status_code == 409, resp.text
            assert "not this desk's call" in resp.json()["error"]
        assert col.events == []
        # this desk's own line, in the forms PBXs write it, and a ring naming no line
        for n, called in enumerate(["1001", "sip:1001@pbx.example", "PJSIP/1001-0000002a", ""]):
            data = body_of(call_id=f"mine-{n}", called=called)
            resp = requests.post(url, data=data, headers=signed(data), timeout=5)
            assert resp.status_code == 202, resp.text
        assert [e.call_id for e in col.events] == [f"mine-{n}" for n in range(4)]

    with_server(test, extension="1001")


def test_replay_after_a_restart_is_refused_by_the_durable_guard(tmp_path: Path) -> None:
    """A signed ring accepted, the app restarted, the same request again: 409, no pop."""
    data = body_of(call_id="ended-before-restart")
    headers = signed(data)
    port = free_port()
    statuses: list[int] = []

    def post(url: str, col: Any) -> None:
        statuses.append(requests.post(url, data=data, headers=headers, timeout=5).status_code)
        statuses.append(len(col.events))

    for _run in range(2):  # two process lifetimes: only the SQLite file is shared
        guard = SqliteReplayGuard(tmp_path / "journal.db")
        try:
            with_server(post, replay=guard, port=port)
        finally:
            guard.close()
    assert statuses == [202, 1, 409, 0]
    # without the durable guard the restarted bridge accepts the replay again
    fresh: list[int] = []
    with_server(lambda url, col: fresh.append(
        requests.post(url, data=data, headers=headers, timeout=5).status_code))
    assert fresh == [202]


def test_a_failing_durable_guard_still_refuses_replays_within_the_run(tmp_path: Path) -> None:
    guard = SqliteReplayGuard(tmp_path / "journal.db")
    guard.close()  # every first_seen now raises

    def test(url: str, col: Any) -> None:
        data = body_of()
        headers = signed(data)
        assert requests.post(url, data=data, headers=headers, timeout=5).status_code == 202
        assert requests.post(url, data=data, headers=headers, timeout=5).status_code == 409
        assert len(col.events) == 1

    with_server(test, replay=guard)


def test_chunked_body_over_the_cap_is_refused() -> None:
    def test(url: str, col: Any) -> None:
        data = body_of(caller_name="y" * 3000)
        chunks = (data[i : i + 500] for i in range(0, len(data), 500))  # no Content-Length
        resp = requests.post(url, data=chunks, headers=signed(data), timeout=5)
        assert resp.status_code == 413
        assert col.events == []

    with_server(test, max_body=1024)


def test_no_secret_configured_is_failed_health_not_an_open_door() -> None:
    port = free_port()
    cfg = WebhookConfig(kind="webhook", listen=f"127.0.0.1:{port}")

    async def body() -> None:
        async with running(WebhookBridge(cfg, ctx())) as col:
            await col.until(lambda: col.state is HealthState.FAILED, 5, "failed health")
            assert "no secret" in col.health[-1][1].detail

    run(body())


def test_port_in_use_is_retried_then_listens() -> None:
    port = free_port()
    cfg = WebhookConfig(kind="webhook", listen=f"127.0.0.1:{port}",
                        secret="keyring:screenpop/webhook")

    async def body() -> None:
        blocker = await asyncio.start_server(lambda r, w: None, "127.0.0.1", port)
        async with running(WebhookBridge(cfg, ctx(secrets={"screenpop/webhook": SECRET}))) as col:
            await col.until(lambda: col.state is HealthState.RETRYING, 5, "retrying")
            blocker.close()
            await blocker.wait_closed()
            await col.until(lambda: col.state is HealthState.LISTENING, 6, "listening")

    run(body())


# ---------------------------------------------------------------- fuzzing --

_header_names = st.sampled_from(["Content-Type", TIMESTAMP_HEADER, SIGNATURE_HEADER, "X-Other"])


@settings(max_examples=300)
@given(st.dictionaries(_header_names, st.text(max_size=80), max_size=4), st.binary(max_size=600))
def test_verifier_never_raises_and_never_accepts_unsigned(headers: dict[str, str],
                                                          data: bytes) -> None:
    verifier = WebhookVerifier(SECRET.encode(), "fuzz", extension="agent", max_body=512,
                               max_age_s=300)
    verdict = verifier.check(headers, data)
    assert 400 <= verdict.status < 500
    assert verdict.event is None


@settings(max_examples=300)
@given(st.binary(max_size=600))
def test_verifier_signed_garbage_body_gives_no_event(data: bytes) -> None:
    verifier = WebhookVerifier(SECRET.encode(), "fuzz", extension="agent", max_body=512,
                               max_age_s=300)
    verdict = verifier.check(signed(data), data)
    if verdict.event is not None:  # only a real contract event may pass
        obj = json.loads(data)
        assert obj["event"] == verdict.event.state.value
    else:
        assert verdict.status in (400, 413, 422)


@pytest.mark.parametrize("stamp", ["nan", "inf", "1e400", "-", "0x10", "12abc", "1" * 40])
def test_verifier_odd_timestamps(stamp: str) -> None:
    verifier = WebhookVerifier(b"k", "t", extension="agent", max_body=10_000, max_age_s=300)
    data = body_of()
    headers = {"Content-Type": "application/json", TIMESTAMP_HEADER: stamp,
               SIGNATURE_HEADER: sign(b"k", stamp, data)}
    verdict = verifier.check(headers, data)
    assert verdict.status == 401
    assert "seconds since the epoch" in verdict.reason
