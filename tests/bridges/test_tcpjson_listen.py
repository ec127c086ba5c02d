"""tcp-json in listen mode against the attacks of issues 10 and 15.

Any local process can reach a listening port. These tests are that process:
one that holds connections open and says nothing or half a frame, one that
sends rings without the secret, with a wrong one, or replays a captured auth
frame (also after a restart), and a second real OS user on this machine.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import time
from pathlib import Path

import pytest
from pydantic import ValidationError

from screenpop.bridges.admission import Admission, Limits
from screenpop.bridges.tcpauth import AuthVerifier, auth_frame
from screenpop.bridges.tcpjson import TcpJsonBridge
from screenpop.config.schema import TcpJsonBridge as TcpJsonConfig
from screenpop.events import CallState
from screenpop.health import HealthState
from tests.bridges.e2e import Headless, env_with_secrets, write_config
from tests.bridges.helpers import SqliteReplayGuard, ctx, run, running
from tests.bridges.os_user import other_user as need_other_user
from tests.bridges.os_user import run_as_other
from tests.bridges.peers_bridges import REPO
from tests.bridges.test_tcpjson import SECRET, SECRETS, event, framed, listen_cfg, until_closed
from tests.peers import free_port, need_program

R = CallState.RINGING

Conn = tuple[asyncio.StreamReader, asyncio.StreamWriter]


async def connect(port: int, *frames: bytes, framing: str = "netstring") -> Conn:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    if frames:
        writer.write(b"".join(framed(f, framing) for f in frames))
        await writer.drain()
    return reader, writer


def bridge(port: int, *, framing: str = "netstring", limits: Limits | None = None,
           extension: str = "agent", replay: SqliteReplayGuard | None = None) -> TcpJsonBridge:
    return TcpJsonBridge(listen_cfg(port, framing), ctx(extension, SECRETS, replay), limits)


# ----------------------------------------------------- who may push events --


def test_without_a_secret_the_listener_does_not_start() -> None:
    port = free_port()
    cfg = TcpJsonConfig(kind="tcp-json", port=port, mode="listen")

    async def body() -> None:
        async with running(TcpJsonBridge(cfg, ctx())) as col:
            await col.until(lambda: col.state is HealthState.FAILED, 5, "failed health")
            assert "no secret" in col.health[-1][1].detail
            with pytest.raises(OSError):
                await asyncio.open_connection("127.0.0.1", port)

    run(body())


def test_a_secret_in_connect_mode_is_refused_at_load() -> None:
    with pytest.raises(ValidationError, match="listen"):
        TcpJsonConfig(kind="tcp-json", mode="connect", secret="keyring:screenpop/tcp-json")
    with pytest.raises(ValidationError, match="keyring reference"):
        TcpJsonConfig(kind="tcp-json", mode="listen", secret="plaintext")


def test_unauthenticated_wrong_secret_stale_and_replayed_auth_never_pop() -> None:
    port = free_port()
    captured = auth_frame(SECRET.encode())

    async def refused(*frames: bytes) -> str:
        reader, writer = await connect(port, *frames)
        answer = await until_closed(reader)
        writer.close()
        return str(json.loads(answer.split(b":", 1)[1][:-1])["error"])

    async def body() -> None:
        async with running(bridge(port)) as col:
            await col.healthy()
            # 1. a ring with no auth frame first
            assert "not authenticated" in await refused(event("ringing", "no-auth"))
            # 2. an auth frame made with another secret, then a ring
            assert "wrong auth signature" in await refused(
                auth_frame(b"guessed-secret"), event("ringing", "wrong-secret"))
            # 3. an auth frame from six minutes ago (and one from the future)
            assert "window" in await refused(
                auth_frame(SECRET.encode(), ts=time.time() - 360), event("ringing", "stale"))
            assert "window" in await refused(
                auth_frame(SECRET.encode(), ts=time.time() + 360), event("ringing", "future"))
            # 4. the right secret: the ring pops
            _reader, writer = await connect(port, captured, event("ringing", "good"))
            await col.until(lambda: len(col.events) == 1, 5, "the authenticated ring")
            writer.close()
            # 5. the captured auth frame replayed on a new connection
            assert "replayed auth frame" in await refused(captured, event("ringing", "replay"))
            # 6. garbage and an oversized first frame
            assert "not JSON" in await refused(b"\x00\xff{{")
            assert "too long" in await refused(b"{" + b" " * 5000 + b"}")
            assert [e.call_id for e in col.events] == ["good"]

    run(body())


def test_replayed_auth_is_refused_after_a_restart(tmp_path: Path) -> None:
    port = free_port()
    captured = auth_frame(SECRET.encode())
    seen: list[str] = []

    async def lifetime(call_id: str) -> None:
        guard = SqliteReplayGuard(tmp_path / "journal.db")
        try:
            async with running(bridge(port, replay=guard)) as col:
                await col.healthy()
                reader, writer = await connect(port, captured, event("ringing", call_id))
                await until_closed(reader) if call_id == "after" else await col.until(
                    lambda: len(col.events) == 1, 5, "the ring")
                writer.close()
                seen.extend(e.call_id for e in col.events)
        finally:
            guard.close()

    run(lifetime("before"))
    run(lifetime("after"))  # a new process: only the SQLite file remembers
    assert seen == ["before"]


def test_event_for_another_desk_is_dropped() -> None:
    port = free_port()

    async def body() -> None:
        async with running(bridge(port, extension="1001")) as col:
            await col.healthy()
            _, writer = await connect(
                port, auth_frame(SECRET.encode()),
                event("ringing", "theirs", called="2002"),
                event("ringing", "theirs-uri", called="sip:2002@pbx"),
                event("ringing", "mine", called="sip:1001@pbx"),
                event("ringing", "unnamed", called=""))
            await col.until(lambda: len(col.events) == 2, 5, "this desk's rings")
            assert [e.call_id for e in col.events] == ["mine", "unnamed"]
            writer.close()

    run(body())


# ------------------------------------------- who may hold a connection open --


@pytest.mark.parametrize(("framing", "half"), [("lines", b'{"ev'), ("netstring", b'100:{"ev')])
def test_idle_and_half_frame_clients_can_not_shut_the_listener(framing: str, half: bytes) -> None:
    """40 clients hang, 32 sit on half a frame; a ring on a fresh connection still pops."""
    port = free_port()

    async def body() -> None:
        tcp = bridge(port, framing=framing)
        async with running(tcp) as col:
            await col.healthy()
            idle = [await connect(port) for _ in range(40)]
            partial = []
            for _ in range(32):
                conn = await connect(port)
                conn[1].write(half)
                await conn[1].drain()
                partial.append(conn)
            # let the server take all 72 in before the real pusher comes
            await col.until(lambda: tcp.admission.evicted >= 72 - 8, 10, "the flood admitted")
            began = time.monotonic()
            reader, writer = await connect(port, auth_frame(SECRET.encode()),
                                           event("ringing", "real"), framing=framing)
            await col.until(lambda: len(col.events) == 1, 5, "the real ring")
            print(f"tcp-json {framing}: ring popped {1000 * (time.monotonic() - began):.1f} ms "
                  f"after connecting beside 72 hostile clients "
                  f"({tcp.admission.evicted} closed to make room)")
            assert col.events[0].call_id == "real"
            assert tcp.admission.refused == 0
            # one local user's pending connections hold at most its share of the slots
            assert len(tcp.admission.pending()) <= Limits().max_pending_per_peer
            assert b"authenticated" in await reader.read(100)
            for _, w in idle + partial + [(reader, writer)]:
                w.close()

    run(body(), timeout=60)


def test_pending_connection_has_auth_timeout_s_then_is_closed() -> None:
    port = free_port()

    async def body() -> None:
        async with running(bridge(port, limits=Limits(auth_timeout_s=0.3))) as col:
            await col.healthy()
            quiet, quiet_writer = await connect(port)
            trickle, writer = await connect(port)
            writer.write(b"10")  # a netstring length, then nothing: still no auth frame
            await writer.drain()
            await until_closed(quiet)
            await until_closed(trickle)
            assert col.events == []
            quiet_writer.close()
            writer.close()

    run(body())


def test_trusted_connection_stalling_mid_frame_or_silent_is_closed() -> None:
    port = free_port()
    limits = Limits(frame_timeout_s=0.3, idle_timeout_s=1.0)

    async def body() -> None:
        async with running(bridge(port, limits=limits)) as col:
            await col.healthy()
            reader, writer = await connect(port, auth_frame(SECRET.encode()),
                                           event("ringing", "before-stall"))
            writer.write(b'200:{"event": "ring')  # and never the rest
            await writer.drain()
            await until_closed(reader)
            writer.close()
            assert [e.call_id for e in col.events] == ["before-stall"]
            # silence: keep-alives (0:,) hold a trusted connection, silence ends it
            reader, writer = await connect(port, auth_frame(SECRET.encode()))
            for _ in range(15):  # 1.5 s of keep-alives, five times the idle timeout's pace
                writer.write(b"0:,")
                await writer.drain()
                await asyncio.sleep(0.1)
            assert not reader.at_eof()
            writer.write(framed(event("ringing", "after-keepalives")))
            await writer.drain()
            await col.until(lambda: len(col.events) == 2, 5, "ring on the kept connection")
            await until_closed(reader)
            writer.close()

    run(body())


def test_admission_is_fair_between_peers() -> None:
    """Unit rules: a flooding peer pushes out its own pending connections, not others'."""
    closed: list[str] = []
    adm = Admission(Limits(max_clients=6, max_pending_per_peer=3), "t")
    pusher = adm.admit("uid:1000", lambda: closed.append("pusher"))
    assert pusher is not None
    adm.trust(pusher)
    waiting = adm.admit("uid:1001", lambda: closed.append("other-user"))
    for n in range(50):
        assert adm.admit("uid:666", lambda n=n: closed.append(f"flood-{n}")) is not None
    assert "pusher" not in closed
    assert "other-user" not in closed
    assert len(adm.pending("uid:666")) == 3
    assert len(adm) == 5
    # full: the greediest peer makes room, never a trusted one
    for n in range(3):
        adm.admit(f"uid:{2000 + n}", lambda: None)
    assert "pusher" not in closed
    assert waiting in adm.pending()
    # every slot trusted: a newcomer is refused, not let in by closing a trusted one
    full = Admission(Limits(max_clients=2), "t")
    for peer in ("a", "b"):
        slot = full.admit(peer, lambda: closed.append("trusted"))
        assert slot is not None
        full.trust(slot)
    assert full.admit("c", lambda: None) is None
    assert full.refused == 1
    assert "trusted" not in closed


def test_auth_verifier_fuzz_never_raises() -> None:
    verifier = AuthVerifier(b"k", "t")
    for frame in (b"", b"{}", b"[]", b'{"auth": 1}', b'{"auth":"x","ts":"nan","nonce":"a"}',
                  b'{"auth":"x","ts":"1e99","nonce":"' + b"a" * 20 + b'"}', b"\xff" * 40,
                  json.dumps({"auth": "sha256=" + "0" * 64, "ts": str(int(time.time())),
                              "nonce": "n" * 16}).encode()):
        assert verifier.check(frame) is not None


# ------------------------------------------------- a second real OS user --

INJECT = r"""
import json, socket, sys
port = int(sys.argv[1])
def netstring(b): return str(len(b)).encode() + b":" + b + b","
ring = json.dumps({"event": "ringing", "call_id": sys.argv[2], "caller_number": "+442079460958",
                   "caller_name": "FAKE CALLER", "called": "agent"}).encode()
guess = json.dumps({"auth": "sha256=" + "0" * 64, "ts": "1795398909", "nonce": "x" * 16}).encode()
for first in (ring, guess):
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    s.sendall(netstring(first) + netstring(ring))
    answer = b""
    while chunk := s.recv(4096):
        answer += chunk
    print(answer.decode(errors="replace"))
"""


@pytest.mark.peer("second-os-user")
def test_second_os_user_cannot_pop_a_call_through_the_listener(tmp_path: Path) -> None:
    """Issue 15: another user on the desk injects "FAKE CALLER"; it never pops nor is journaled."""
    other_uid = need_other_user()
    port = free_port()
    config = write_config(
        tmp_path, f'[[bridge]]\nkind = "tcp-json"\nmode = "listen"\nport = {port}\n'
                  'secret = "keyring:screenpop/tcp-json"\n')
    env = env_with_secrets({"screenpop/tcp-json": SECRET}, tmp_path)

    async def body() -> None:
        app = Headless(config, env=env)
        try:
            await app.wait_for("listening", lambda: "bridge tcp-json: listening" in app.stderr(),
                               20)
            injected = await asyncio.to_thread(run_as_other, INJECT, str(port), "fake-1")
            assert injected.returncode == 0, injected.stderr
            assert "not authenticated" in injected.stdout
            assert "wrong auth signature" in injected.stdout
            # the real pusher (this user, holding the secret) rings next
            _, writer = await connect(port, auth_frame(SECRET.encode()),
                                      event("ringing", "real-1", caller_number="+442079460958"))
            await app.pop(0)
            writer.close()
            await app.wait_for("journaled", lambda: "real-1" in app.stderr(), 10)
        finally:
            rc = app.stop()
        assert rc == 0, app.stderr()
        assert [p["call_id"] for p in app.pops] == ["real-1"]
        assert "FAKE CALLER" not in json.dumps(app.pops)
        assert set(app.journal()) == {"real-1"}
        assert f"uid:{other_uid}" in app.stderr()  # refused and named by its OS user

    run(body(), timeout=90)


def test_the_documented_shell_pusher_pops_a_ring() -> None:
    """The bash block of installers/bridges/README.md, run as written (port and secret set)."""
    need_program("bash")
    need_program("openssl")
    text = (REPO / "installers" / "bridges" / "README.md").read_text(encoding="utf-8")
    section = text[text.index("### Pushers that dial screenpop"):]
    script = section.split("```sh\n", 1)[1].split("```", 1)[0]
    port = free_port()
    script = script.replace("/dev/tcp/127.0.0.1/8448", f"/dev/tcp/127.0.0.1/{port}")

    async def body() -> None:
        async with running(bridge(port, framing="lines", extension="1001")) as col:
            await col.healthy()
            done = await asyncio.to_thread(
                subprocess.run, ["bash", "-e", "-c", script], capture_output=True, text=True,
                timeout=20, env={**os.environ, "SECRET": SECRET})
            assert done.returncode == 0, done.stderr
            assert json.loads(done.stdout) == {"authenticated": True}
            await col.until(lambda: len(col.events) == 1, 5, "the pushed ring")
            assert col.events[0].call_id == "1-8371@pbx"

    run(body())
