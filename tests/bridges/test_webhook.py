"""webhook bridge: a real HTTP client (requests) against the real aiohttp server."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from typing import Any

import pytest
import requests
from hypothesis import given, settings
from hypothesis import strategies as st

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
from tests.bridges.helpers import ctx, run, running
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


def with_server(test: Callable[[str, Any], None], *, max_body: int = 16 * 1024) -> None:
    """Run the bridge; call ``test(url, collector)`` in a thread (requests is blocking)."""
    port = free_port()
    cfg = WebhookConfig(kind="webhook", listen=f"127.0.0.1:{port}",
                        secret="keyring:screenpop/webhook", max_body=max_body)
    bridge = WebhookBridge(cfg, ctx(secrets={"screenpop/webhook": SECRET}))

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
    verifier = WebhookVerifier(SECRET.encode(), "fuzz", max_body=512, max_age_s=300)
    verdict = verifier.check(headers, data)
    assert 400 <= verdict.status < 500
    assert verdict.event is None


@settings(max_examples=300)
@given(st.binary(max_size=600))
def test_verifier_signed_garbage_body_gives_no_event(data: bytes) -> None:
    verifier = WebhookVerifier(SECRET.encode(), "fuzz", max_body=512, max_age_s=300)
    verdict = verifier.check(signed(data), data)
    if verdict.event is not None:  # only a real contract event may pass
        obj = json.loads(data)
        assert obj["event"] == verdict.event.state.value
    else:
        assert verdict.status in (400, 413, 422)


@pytest.mark.parametrize("stamp", ["nan", "inf", "1e400", "-", "0x10", "12abc", "1" * 40])
def test_verifier_odd_timestamps(stamp: str) -> None:
    verifier = WebhookVerifier(b"k", "t", max_body=10_000, max_age_s=300)
    data = body_of()
    headers = {"Content-Type": "application/json", TIMESTAMP_HEADER: stamp,
               SIGNATURE_HEADER: sign(b"k", stamp, data)}
    verdict = verifier.check(headers, data)
    assert verdict.status == 401
    assert "seconds since the epoch" in verdict.reason
