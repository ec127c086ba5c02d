"""baresip bridge: the real captures replayed, then a real baresip called by sipp."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from screenpop.bridges.baresip import (
    BaresipBridge,
    BaresipEventMapper,
    unescape_display_name,
    uri_user,
)
from screenpop.bridges.framing import NetstringDecoder
from screenpop.config.schema import BaresipBridge as BaresipConfig
from screenpop.events import CallState
from tests.bridges.helpers import SIPP, ctx, read_netstring_capture, run, running, sipp
from tests.bridges.peers_bridges import BaresipPeer
from tests.peers import free_port, need_program

R, A, E, M = CallState.RINGING, CallState.ANSWERED, CallState.ENDED, CallState.MISSED


def replay(section: str, chunk: int) -> list[tuple[CallState, str, str, str]]:
    """Feed a capture section as one byte stream cut into ``chunk``-byte slices."""
    stream = b"".join(read_netstring_capture("baresip_events.txt", section))
    decoder = NetstringDecoder()
    mapper = BaresipEventMapper("baresip", "agent")
    out = []
    for i in range(0, len(stream), chunk):
        for frame in decoder.feed(stream[i : i + chunk]):
            for ev in mapper.feed_frame(frame):
                out.append((ev.state, ev.call_id, ev.caller_number, ev.caller_name))
    assert decoder.pending == 0
    return out


@pytest.mark.parametrize("chunk", [1, 7, 4096])
def test_capture_caller_cancel_is_missed(chunk: int) -> None:
    assert replay("A", chunk) == [
        (R, "1-7904@127.0.0.1", "+34911234567", "José Núñez"),
        (M, "1-7904@127.0.0.1", "+34911234567", "José Núñez"),
    ]


@pytest.mark.parametrize("chunk", [1, 4096])
def test_capture_answered_then_bye_is_ended(chunk: int) -> None:
    assert [s for s, *_ in replay("B", chunk)] == [R, A, E]


def test_capture_escaped_display_name_is_unescaped() -> None:
    events = replay("C", 13)
    assert {name for *_, name in events} == {'Zoë "Z" O\\Brien'}
    assert [s for s, *_ in events] == [R, A, E]
    assert events[0][2] == "0044207946000"


def test_capture_autoanswer_still_pops() -> None:
    # answermode=auto sends no CALL_INCOMING: the first call event must still ring.
    assert [s for s, *_ in replay("D", 50)] == [R, A, E]


def test_answered_event_names_this_agent_and_called_line() -> None:
    mapper = BaresipEventMapper("baresip", "agent-17")
    frames = read_netstring_capture("baresip_events.txt", "B")
    events = [ev for f in frames for ev in mapper.feed_frame(f.split(b":", 1)[1][:-1])]
    answered = [e for e in events if e.state is A]
    assert answered[0].agent == "agent-17"
    assert answered[0].called == "agent"


def test_every_line_of_the_desks_own_softphone_is_this_desks_call() -> None:
    """baresip is the agent's own phone: a second account on it rings this desk too.

    ``called`` stays the account the call came in on (which line rang), so it
    is not compared with the extension: the e2e tests ring "agent-auto" on the
    phone of extension "agent", and it must pop.
    """
    mapper = BaresipEventMapper("baresip", "agent")
    frames = [f.split(b":", 1)[1][:-1] for f in read_netstring_capture("baresip_events.txt", "A")]
    second_line = frames[0].replace(b"sip:agent@", b"sip:agent-auto@")
    assert second_line != frames[0]
    events = mapper.feed_frame(second_line)
    assert [(e.state, e.called) for e in events] == [(R, "agent-auto")]


def test_close_of_unknown_call_and_duplicates_emit_nothing() -> None:
    mapper = BaresipEventMapper("baresip", "agent")
    frames = [f.split(b":", 1)[1][:-1] for f in read_netstring_capture("baresip_events.txt", "A")]
    assert mapper.feed_frame(frames[1]) == []  # CALL_CLOSED first: never rang here
    assert len(mapper.feed_frame(frames[0])) == 1
    assert mapper.feed_frame(frames[0]) == []  # a repeated CALL_INCOMING does not pop twice


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ('Zoë \\"Z\\" O\\\\Brien', 'Zoë "Z" O\\Brien'),
        ('"quoted"', "quoted"),
        ("plain", "plain"),
        ("tab\\\there", "tabhere"),
    ],
)
def test_unescape_display_name(raw: str, shown: str) -> None:
    assert unescape_display_name(raw) == shown


@pytest.mark.parametrize(
    ("uri", "user"),
    [
        ("sip:+34911234567@127.0.0.1:5062", "+34911234567"),
        ("<sips:1001@pbx;transport=tls>", "1001"),
        ("tel:+441632960123;phone-context=x", "+441632960123"),
        ("sip:%2B4420@h", "+4420"),
    ],
)
def test_uri_user(uri: str, user: str) -> None:
    assert uri_user(uri) == user


# ------------------------------------------------------------ real baresip --


def _bridge(peer: BaresipPeer) -> BaresipBridge:
    cfg = BaresipConfig(kind="baresip", host="127.0.0.1", port=peer.ctrl_port)
    return BaresipBridge(cfg, ctx())


@pytest.mark.peer("baresip")
def test_real_baresip_missed_and_answered(tmp_path: Path) -> None:
    need_program("sipp")
    peer = BaresipPeer(tmp_path / "baresip")

    async def body() -> None:
        await peer.start()
        bridge = _bridge(peer)
        try:
            async with running(bridge) as col:
                await col.healthy()
                # 1. the caller gives up while it rings: missed
                await sipp("uac_cancel.xml", peer.sip_target, cwd=tmp_path,
                           caller="+441632960123", display='Zo\\"e O\\\\B', pause_ms=300,
                           local_port=free_port())
                await col.until(lambda: col.states() == [R, M], 5, "ringing, missed")
                first = col.events[0]
                assert first.caller_number == "+441632960123"
                assert first.caller_name == 'Zo"e O\\B'
                assert first.called == "agent"
                # 2. answered through the bridge's own ctrl_tcp connection, caller hangs up
                call = await sipp("uac_answered.xml", peer.sip_target, cwd=tmp_path,
                                  caller="02079460000", display="Alice", pause_ms=300,
                                  local_port=free_port(), wait=False)
                await col.until(lambda: len(col.events) == 3, 5, "second ring")
                reply = await bridge.command("accept")
                assert reply["ok"] is True, reply
                await col.until(lambda: len(col.events) == 5, 5, "answered, ended")
                second = col.events[2].call_id
                assert col.states(second) == [R, A, E]
                assert col.events[3].agent == "agent"
                assert second != first.call_id
                assert await asyncio.to_thread(call.wait, 10) == 0
        finally:
            peer.stop()

    run(body())


@pytest.mark.peer("baresip")
def test_real_baresip_autoanswer_pops(tmp_path: Path) -> None:
    need_program("sipp")
    peer = BaresipPeer(tmp_path / "baresip", answermode="auto")

    async def body() -> None:
        await peer.start()
        try:
            async with running(_bridge(peer)) as col:
                await col.healthy()
                await sipp("uac_answered.xml", peer.sip_target, cwd=tmp_path,
                           caller="+14155550123", display="Alice", pause_ms=200,
                           local_port=free_port())
                await col.until(lambda: col.states() == [R, A, E], 5, "ringing, answered, ended")
        finally:
            peer.stop()

    run(body())


@pytest.mark.peer("baresip")
def test_real_baresip_dial_calls_back(tmp_path: Path) -> None:
    """Call back: ``dial`` over ctrl_tcp makes baresip INVITE a sipp UAS."""
    need_program("sipp")
    peer = BaresipPeer(tmp_path / "baresip")
    uas_port = free_port()

    async def body() -> None:
        await peer.start()
        uas_log = tmp_path / "uas.log"
        with open(uas_log, "wb") as out:
            uas = await asyncio.create_subprocess_exec(
                "sipp", "-sf", str(SIPP / "uas_answer_bye.xml"), "-p", str(uas_port),
                "-mp", str(free_port()),
                "-i", "127.0.0.1", "-m", "1", "-nostdin", "-timeout", "15s", "-timeout_error",
                cwd=tmp_path, stdout=out, stderr=asyncio.subprocess.STDOUT,
                stdin=asyncio.subprocess.DEVNULL,
            )
        try:
            bridge = _bridge(peer)
            async with running(bridge) as col:
                await col.healthy()
                await bridge.dial(f"sip:0123456789@127.0.0.1:{uas_port}")
                # the sipp UAS answers and hangs up itself; rc 0 means the whole call happened
                assert await asyncio.wait_for(uas.wait(), 15) == 0
                assert col.events == []  # our own outgoing call is not a pop
                with pytest.raises(ValueError, match="dialled"):
                    await bridge.dial("123 ; rm -rf")
        finally:
            if uas.returncode is None:
                uas.kill()
                await uas.wait()
            peer.stop()

    run(body())
