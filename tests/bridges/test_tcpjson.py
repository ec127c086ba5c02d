"""tcp-json bridge: contract events over TCP; kamailio's evapi for real."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import pytest

from screenpop.bridges.framing import encode_netstring
from screenpop.bridges.tcpauth import auth_frame
from screenpop.bridges.tcpjson import TcpJsonBridge
from screenpop.config.schema import TcpJsonBridge as TcpJsonConfig
from screenpop.events import CallState
from tests.bridges.helpers import ctx, run, running, sipp, wait_port
from tests.bridges.peers_bridges import BaresipPeer, KamailioPeer
from tests.peers import free_port, need_program

R, A, E, M = CallState.RINGING, CallState.ANSWERED, CallState.ENDED, CallState.MISSED


def event(kind: str, call_id: str = "c1", **extra: object) -> bytes:
    obj = {"event": kind, "call_id": call_id, "caller_number": "+441632960123",
           "caller_name": "Ann", "called": "agent", "ts": time.time(), **extra}
    return json.dumps(obj).encode()


SECRET = "shared-with-the-pusher"
SECRETS = {"screenpop/tcp-json": SECRET}


def listen_cfg(port: int, framing: str = "netstring") -> TcpJsonConfig:
    return TcpJsonConfig(kind="tcp-json", port=port, framing=framing, mode="listen",
                         secret="keyring:screenpop/tcp-json")


def framed(payload: bytes, framing: str = "netstring") -> bytes:
    return encode_netstring(payload) if framing == "netstring" else payload + b"\n"


async def until_closed(reader: asyncio.StreamReader, timeout: float = 5.0) -> bytes:
    """Everything the server sends until it closes the connection (fails if it does not)."""
    data = b""
    try:
        async with asyncio.timeout(timeout):
            while chunk := await reader.read(4096):
                data += chunk
    except TimeoutError:
        raise AssertionError(f"server kept the connection open for {timeout} s") from None
    except ConnectionResetError:
        pass
    return data


@pytest.mark.parametrize("framing", ["netstring", "lines"])
def test_listen_mode_accepts_both_framings_and_drops_bad_frames(framing: str) -> None:
    port = free_port()

    def frame(payload: bytes) -> bytes:
        return framed(payload, framing)

    async def body() -> None:
        async with running(TcpJsonBridge(listen_cfg(port, framing), ctx(secrets=SECRETS))) as col:
            await col.healthy()
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            stream = b"".join([
                frame(auth_frame(SECRET.encode())),
                frame(event("ringing")),
                frame(b"{not json"),
                frame(event("transferred")),            # unknown event: ignored
                frame(event("ringing", call_id="")),     # invalid: refused
                frame(b""),                              # keep-alive
                frame(event("answered", agent="agent")),
                frame(event("ended")),
            ])
            for i in range(0, len(stream), 5):  # cut mid-frame on purpose
                writer.write(stream[i : i + 5])
                await writer.drain()
            await col.until(lambda: len(col.events) == 3, 5, "three good events")
            assert col.states() == [R, A, E]
            assert col.events[1].agent == "agent"
            assert b'"authenticated": true' in await reader.read(100)
            writer.close()

    run(body())


def test_connect_mode_reconnects_after_corrupt_stream() -> None:
    """A server that sends garbage framing is dropped and dialled again."""
    port = free_port()
    sessions: list[int] = []

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        sessions.append(1)
        if len(sessions) == 1:
            writer.write(encode_netstring(event("ringing")) + b"99999999999:xx")
        else:
            writer.write(encode_netstring(event("missed")))
        await writer.drain()
        await reader.read()  # hold until the client leaves
        writer.close()

    async def body() -> None:
        server = await asyncio.start_server(serve, "127.0.0.1", port)
        async with server:
            cfg = TcpJsonConfig(kind="tcp-json", port=port)
            async with running(TcpJsonBridge(cfg, ctx())) as col:
                await col.until(lambda: col.states() == [R, M], 5, "ringing then missed")
                assert len(sessions) == 2
                assert any(h.state.value == "retrying" and "corrupt" in h.detail
                           for _, h in col.health)

    run(body())


# ------------------------------------------------------------- real kamailio --


def _bridge(kam: KamailioPeer, extension: str = "agent") -> TcpJsonBridge:
    cfg = TcpJsonConfig(kind="tcp-json", port=kam.evapi_port, framing="netstring",
                        mode="connect")
    return TcpJsonBridge(cfg, ctx(extension))


@pytest.mark.peer("kamailio")
def test_shipped_snippet_passes_kamailio_config_check(tmp_path: Path) -> None:
    kam = KamailioPeer(tmp_path)
    result = kam.check()
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.peer("kamailio")
def test_kamailio_evapi_missed_answered_ended(tmp_path: Path) -> None:
    """sipp -> kamailio (snippet) -> baresip; screenpop hears it all over evapi."""
    need_program("sipp")
    need_program("baresip")
    kam = KamailioPeer(tmp_path / "kamailio")
    phone = BaresipPeer(tmp_path / "baresip", answermode="manual")

    async def body() -> None:
        await kam.start()
        await phone.start()
        try:
            async with running(_bridge(kam)) as col:
                await col.healthy()
                via = ["-rsa", f"127.0.0.1:{kam.sip_port}"]
                await sipp("uac_cancel.xml", phone.sip_target, cwd=tmp_path, extra=via,
                           caller="+441632960123", display='Zo\\"e \\\\B', pause_ms=300,
                           local_port=free_port(), headers="X-Screenpop-Account: 17850")
                await col.until(lambda: col.states() == [R, M], 5, "ringing, missed")
                ring = col.events[0]
                assert ring.caller_number == "+441632960123"
                assert ring.caller_name == 'Zo"e \\B'
                assert ring.called == "agent"
                assert dict(ring.attached) == {"account": "17850"}
                assert col.events[1].call_id == ring.call_id
        finally:
            phone.stop()
        # now an auto-answering phone: ringing, answered (by agent), ended; a second
        # desk (extension 1001) on the same evapi hears the call and keeps none of it
        auto = BaresipPeer(tmp_path / "baresip-auto", answermode="auto")
        await auto.start()
        try:
            async with running(_bridge(kam)) as col, \
                    running(_bridge(kam, extension="1001")) as other:
                await col.healthy()
                await other.healthy()
                await sipp("uac_answered.xml", auto.sip_target, cwd=tmp_path,
                           extra=["-rsa", f"127.0.0.1:{kam.sip_port}"],
                           caller="02079460000", display="Alice", pause_ms=200,
                           local_port=free_port())
                await col.until(lambda: col.states() == [R, A, E], 5, "ringing, answered, ended")
                assert col.events[1].agent == "agent"
                assert len({e.call_id for e in col.events}) == 1
                assert col.events[2].called == "agent"  # the snippet names the line on BYE too
                assert other.events == []
        finally:
            auto.stop()
            kam.stop()

    run(body(), timeout=90)


def test_wait_port_helper_sees_listener() -> None:
    async def body() -> None:
        port = free_port()
        server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", port)
        async with server:
            await wait_port("127.0.0.1", port, timeout=2)

    run(body())


@pytest.mark.slow
def test_after_a_long_outage_reconnects_within_the_5s_cap() -> None:
    """Back-off has grown to its cap while the peer was away; it is still reached in <= 5 s."""
    port = free_port()

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read()
        writer.close()

    async def body() -> float:
        cfg = TcpJsonConfig(kind="tcp-json", port=port)
        async with running(TcpJsonBridge(cfg, ctx())) as col:
            # nobody listens: 0.2 + 0.4 + 0.8 + 1.6 + 3.2 s of tries, the next wait is 5 s
            await col.until(lambda: sum(h.state.value == "retrying" for _, h in col.health) >= 6,
                            12, "back-off at its cap")
            server = await asyncio.start_server(serve, "127.0.0.1", port)
            back = time.monotonic()
            async with server:
                await col.healthy(timeout=7)
                return col.health[-1][0] - back

    waited = run(body(), timeout=30)
    print(f"tcp-json reconnect after a long outage: {waited:.2f} s")
    assert waited <= 5.1
