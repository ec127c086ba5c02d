"""End to end: signed webhooks to ``screenpop run --headless``; refused ones leave no trace."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import requests

from screenpop.bridges.webhook import SIGNATURE_HEADER, TIMESTAMP_HEADER, sign
from tests.bridges.e2e import Headless, env_with_secrets, write_config
from tests.bridges.helpers import run
from tests.peers import free_port

SECRET = "e2e-webhook-secret"


def event(kind: str, call_id: str, number: str = "+442079460958") -> bytes:
    return json.dumps({"event": kind, "call_id": call_id, "caller_number": number,
                       "caller_name": "Oliver Brown", "called": "agent",
                       "ts": time.time()}).encode()


def headers(body: bytes, ts: float | None = None, secret: str = SECRET) -> dict[str, str]:
    stamp = str(int(time.time() if ts is None else ts))
    return {"Content-Type": "application/json", TIMESTAMP_HEADER: stamp,
            SIGNATURE_HEADER: sign(secret.encode(), stamp, body)}


def test_refused_webhooks_are_not_journaled_accepted_ones_are(tmp_path: Path) -> None:
    port = free_port()
    config = write_config(tmp_path, f'[[bridge]]\nkind = "webhook"\nlisten = "127.0.0.1:{port}"\n'
                                    'secret = "keyring:screenpop/webhook"\n')
    app = Headless(config, env_with_secrets({"screenpop/webhook": SECRET}, tmp_path))
    url = f"http://127.0.0.1:{port}/events"

    def post(body: bytes, hdrs: dict[str, str]) -> int:
        return requests.post(url, data=body, headers=hdrs, timeout=5).status_code

    def refusals() -> list[int]:
        bad = [event("ringing", f"bad-{i}") for i in range(7)]
        replayed = event("ringing", "replay-1")
        first = headers(replayed)
        big = json.dumps({"event": "ringing", "call_id": "bad-big",
                          "caller_name": "x" * 20000}).encode()
        unknown = event("transferred", "bad-unknown")
        codes = [
            post(bad[0], {"Content-Type": "application/json"}),               # unsigned
            post(bad[1], headers(bad[1], secret="wrong")),                     # wrong signature
            post(bad[2], headers(bad[2], ts=time.time() - 600)),               # stale
            post(big, headers(big)),                                           # oversized
            post(bad[3], {**headers(bad[3]), "Content-Type": "text/plain"}),   # not JSON
            post(b"{oops", headers(b"{oops")),                                 # malformed
            post(unknown, headers(unknown)),                                   # unknown event
            post(replayed, first),                                             # accepted once
            post(replayed, first),                                             # replayed
        ]
        return codes

    async def body() -> None:
        try:
            await app.wait_for("webhook listening",
                               lambda: "bridge webhook: listening" in app.stderr(), 20)
            codes = await asyncio.to_thread(refusals)
            assert codes == [401, 401, 401, 413, 415, 400, 422, 202, 409]
            good = event("ringing", "good-1")
            assert await asyncio.to_thread(post, good, headers(good)) == 202
            # Pops print as their lookups finish; replay-1's may finish last on a busy box.
            await app.pop(1)
            pop = next(p for p in app.pops if p["call_id"] == "good-1")
            assert pop["customer"]["customer_id"] == "C-200"
            for kind in ("answered", "ended"):
                msg = event(kind, "good-1")
                assert await asyncio.to_thread(post, msg, headers(msg)) == 202
            await app.wait_for("good-1 ended", lambda: "call good-1: ended" in app.stderr(), 10)
        finally:
            rc = app.stop()
        assert rc == 0, app.stderr()
        rows = app.journal()
        assert rows["good-1"]["state"] == "ended"
        assert rows["replay-1"]["state"] == "ringing"  # accepted once; its replay changed nothing
        assert sorted(rows) == ["good-1", "replay-1"]  # no refused request reached the journal
        assert sorted(p["call_id"] for p in app.pops) == ["good-1", "replay-1"]  # once each

    run(body(), timeout=90)


def test_a_replay_after_a_restart_is_refused_and_pops_nothing(tmp_path: Path) -> None:
    """Before: a signed webhook replayed after a restart, within its 5 minutes,
    was accepted again (202) and re-popped a call that had ended. Now the journal
    remembers what was accepted, and knows the call ended."""
    port = free_port()
    config = write_config(tmp_path, f'[[bridge]]\nkind = "webhook"\nlisten = "127.0.0.1:{port}"\n'
                                    'secret = "keyring:screenpop/webhook"\n')
    env = env_with_secrets({"screenpop/webhook": SECRET}, tmp_path)
    url = f"http://127.0.0.1:{port}/events"
    ring = event("ringing", "once-1")
    ring_headers = headers(ring)
    end = event("ended", "once-1")
    end_headers = headers(end)

    def post(body: bytes, hdrs: dict[str, str]) -> int:
        return requests.post(url, data=body, headers=hdrs, timeout=5).status_code

    async def first_life() -> None:
        app = Headless(config, env)
        try:
            await app.wait_for("webhook listening",
                               lambda: "bridge webhook: listening" in app.stderr(), 20)
            assert await asyncio.to_thread(post, ring, ring_headers) == 202
            await app.pop(0)
            assert await asyncio.to_thread(post, end, end_headers) == 202
            await app.wait_for("once-1 missed", lambda: "call once-1: missed" in app.stderr(), 10)
        finally:
            assert app.stop() == 0, app.stderr()

    async def second_life() -> None:
        app = Headless(config, env)
        try:
            await app.wait_for("webhook listening",
                               lambda: "bridge webhook: listening" in app.stderr(), 20)
            # the very same signed requests, well inside their 5 minutes
            assert await asyncio.to_thread(post, ring, ring_headers) == 409
            assert await asyncio.to_thread(post, end, end_headers) == 409
            # a fresh signature on the old call id: accepted, but the journal
            # knows the call ended, so nothing pops again
            again = event("ringing", "once-1")
            assert await asyncio.to_thread(post, again, headers(again)) == 202
            fresh = event("ringing", "fresh-1")
            assert await asyncio.to_thread(post, fresh, headers(fresh)) == 202
            await app.pop(0)
            await app.wait_for("the replay ignored",
                               lambda: "once-1 ringing" in app.stderr() and "ignore" in app.stderr())
            assert [p["call_id"] for p in app.pops] == ["fresh-1"]
        finally:
            assert app.stop() == 0, app.stderr()

    run(first_life())
    run(second_life())
