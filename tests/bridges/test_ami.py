"""AMI bridge: real third-party captures, replayed over a real TCP socket.

Asterisk is not packaged for Debian 12, so the peer here is a replay server
speaking the AMI wire format (banner, Login, CRLF packets) with the captured
packets from tests/bridges/fixtures/ami_events.txt.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screenpop.bridges.ami import (
    AmiBridge,
    AmiCallTracker,
    AmiParser,
    Packet,
    channel_base,
    encode_action,
    parse_packet,
)
from screenpop.config.schema import AmiBridge as AmiConfig
from screenpop.events import CallEvent, CallState
from screenpop.health import HealthState
from tests.bridges.helpers import FIXTURES, ctx, run, running
from tests.peers import free_port

R, A, E, M = CallState.RINGING, CallState.ANSWERED, CallState.ENDED, CallState.MISSED
BANNER = b"Asterisk Call Manager/5.0.1\r\n"
SECRET = "ami-secret"


def capture_blocks(source: int) -> list[list[str]]:
    """The packets of one SOURCE section, each as its verbatim lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    inside = False
    for line in (FIXTURES / "ami_events.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("## SOURCE "):
            inside = line.startswith(f"## SOURCE {source}:")
            continue
        if not inside or line.startswith("#"):
            if current:
                blocks.append(current)
                current = []
            continue
        if line.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def wire(blocks: list[list[str]]) -> bytes:
    """As Asterisk sends them: CRLF line ends, an empty line after each packet."""
    return b"".join(("\r\n".join(b) + "\r\n\r\n").encode() for b in blocks)


def packets(blocks: list[list[str]]) -> list[Packet]:
    parser = AmiParser(expect_banner=False)
    out = parser.feed(wire(blocks))
    assert parser.error is None
    return out


def track(source: list[Packet], agents: tuple[str, ...], ext: str = "agent") -> list[CallEvent]:
    tracker = AmiCallTracker("ami", ext, agents)
    return [ev for p in source for ev in tracker.feed(p)]


def without_linkedid(blocks: list[list[str]]) -> list[list[str]]:
    """The same call as a pre-12 Asterisk reports it: no Linkedid headers at all."""
    return [[ln for ln in b if not ln.startswith(("Linkedid:", "DestLinkedid:"))] for b in blocks]


# ------------------------------------------------------------ the tracker --


def test_parser_reads_capture_fields_including_empty_values() -> None:
    first = packets(capture_blocks(1))[0]
    assert first["event"] == "Newchannel"
    assert first["accountcode"] == ""
    assert first["calleridname"] == "Eugene R"
    assert first["linkedid"] == "1514295827.372"


@pytest.mark.parametrize("agents", [("777",), ("SIP/777",)])
def test_queue_call_answered_by_this_agent(agents: tuple[str, ...]) -> None:
    events = track(packets(capture_blocks(1)), agents)
    assert [e.state for e in events] == [R, A, E]
    ring = events[0]
    assert (ring.call_id, ring.caller_number, ring.caller_name) == (
        "1514295827.372", "123", "Eugene R")
    assert dict(ring.attached) == {"queue": "Q1"}
    assert events[1].agent == "agent"
    assert {e.call_id for e in events} == {"1514295827.372"}


def test_older_release_without_linkedid_gives_the_same_states() -> None:
    events = track(packets(without_linkedid(capture_blocks(1))), ("777",))
    assert [e.state for e in events] == [R, A, E]
    assert {e.call_id for e in events} == {"1514295827.372"}  # the caller's Uniqueid


def test_caller_gives_up_while_agent_rings_is_missed() -> None:
    events = track(packets(capture_blocks(2)), ("21",))
    assert [e.state for e in events] == [R, M]
    assert (events[0].caller_number, events[0].caller_name) == ("1986", "Martin")
    assert events[0].call_id == "1770888559.46"


def test_calls_for_other_agents_and_old_local_channels_are_ignored() -> None:
    assert track(packets(capture_blocks(1)), ("778",)) == []
    assert track(packets(capture_blocks(2)), ("1986",)) == []  # the caller, not an agent
    old = packets(capture_blocks(3))
    assert all("linkedid" not in p for p in old)
    assert track(old, ("259",)) == []
    assert channel_base("Local/259@default-00000000;2") == "Local/259@default"


def _ringall_blocks() -> list[list[str]]:
    """Queue ringall built from SOURCE 1's packets: 777 and 778 ring, 778 answers.

    Constructed (not captured): 778's packets are 777's with the channel,
    name and Uniqueid changed; 777's leg is hung up with cause 26.
    """
    src = [(b[0], next((ln for ln in b if ln.startswith("Channel:")), ""), b)
           for b in capture_blocks(1)]

    def find(event: str, channel_prefix: str, state: str = "") -> list[str]:
        for ev, chan, block in src:
            if ev == f"Event: {event}" and chan.startswith(f"Channel: {channel_prefix}") and (
                    not state or f"ChannelState: {state}" in block):
                return list(block)
        raise KeyError(event)

    def as_778(block: list[str]) -> list[str]:
        return [ln.replace("SIP/777-000000bc", "SIP/778-000000bd").replace("SIP/777", "SIP/778")
                .replace("1514295839.373", "1514295839.374").replace("Romanenko_E.", "Petrov_P.")
                for ln in block]

    called = find("AgentCalled", "SIP/toOurAster")
    dial = find("DialBegin", "SIP/toOurAster")
    ringing = find("Newstate", "SIP/777", "5")
    up = find("Newstate", "SIP/777", "6")
    dial_end = find("DialEnd", "SIP/toOurAster")
    hang_caller = find("Hangup", "SIP/toOurAster")
    hang_777 = [ln.replace("Cause: 16", "Cause: 26").replace("Normal Clearing", "Answered elsewhere")
                for ln in find("Hangup", "SIP/777")]
    return [
        find("Newchannel", "SIP/toOurAster"), find("QueueCallerJoin", "SIP/toOurAster"),
        find("Newchannel", "SIP/777"), called, dial, ringing,
        as_778(find("Newchannel", "SIP/777")), as_778(called), as_778(dial), as_778(ringing),
        as_778(up), as_778(dial_end), hang_777, hang_caller, as_778(find("Hangup", "SIP/777")),
    ]


def test_ringing_here_answered_by_another_agent_names_that_agent() -> None:
    blocks = _ringall_blocks()
    mine = track(packets(blocks), ("777",))
    assert [(e.state, e.agent) for e in mine] == [(R, ""), (A, "Petrov_P.")]
    theirs = track(packets(blocks), ("778",), ext="778")
    assert [(e.state, e.agent) for e in theirs] == [(R, ""), (A, "778"), (E, "")]


def test_call_ringing_only_another_agent_emits_nothing_here() -> None:
    """Whose call it is, in AMI: the channels rung. 778's call is never 777's pop or row."""
    only_778 = [b for b in _ringall_blocks() if not any("SIP/777" in ln for ln in b)]
    assert track(packets(only_778), ("778",), ext="778")  # the capture does ring 778 ...
    assert track(packets(only_778), ("777",), ext="777") == []  # ... and never 777
    assert track(packets(only_778), ("SIP/777",), ext="777") == []
    # the agent named as its channel or as a bare extension: same call, same events
    mine = track(packets(_ringall_blocks()), ("SIP/777",), ext="777")
    assert [e.state for e in mine] == [R, A]
    assert {e.called for e in mine} == {"777"}


def test_answered_elsewhere_before_we_learn_who_is_not_missed() -> None:
    # cause 26 on our leg first, the caller hangs up before we learn who answered
    blocks = _ringall_blocks()
    order = [b for b in blocks if "DialEnd" not in b[0] and not any("SIP/778" in ln for ln in b)]
    events = track(packets(order), ("777",))
    assert [e.state for e in events] == [R, A]
    assert events[1].agent == "another agent"


def test_encode_action_refuses_field_injection() -> None:
    assert encode_action({"Action": "Ping"}) == b"Action: Ping\r\n\r\n"
    with pytest.raises(ValueError, match="line break"):
        encode_action({"Exten": "123\r\nAction: Hangup"})


# ------------------------------------------------------------- over TCP --

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter, int], Awaitable[None]]


async def read_packet(reader: asyncio.StreamReader) -> Packet:
    return parse_packet(await reader.readuntil(b"\r\n\r\n"))


async def login_ok(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> Packet:
    writer.write(BANNER)
    login = await read_packet(reader)
    ok = login.get("secret") == SECRET and login.get("username") == "screenpop"
    writer.write(encode_action({
        "Response": "Success" if ok else "Error", "ActionID": login["actionid"],
        "Message": "Authentication accepted" if ok else "Authentication failed"}))
    await writer.drain()
    return login


class ReplayServer:
    """A TCP server that runs ``handler`` for each connection, counting sessions."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.port = free_port()
        self.sessions = 0
        self.server: asyncio.Server | None = None

    async def __aenter__(self) -> ReplayServer:
        async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            self.sessions += 1
            try:
                await self.handler(reader, writer, self.sessions)
            except (ConnectionError, asyncio.IncompleteReadError):
                pass
            finally:
                writer.close()

        self.server = await asyncio.start_server(serve, "127.0.0.1", self.port)
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self.server is not None
        self.server.close()
        await self.server.wait_closed()


def bridge_for(port: int, agents: tuple[str, ...] = ("777",)) -> AmiBridge:
    cfg = AmiConfig(kind="ami", port=port, secret="keyring:screenpop/ami", agents=agents)
    return AmiBridge(cfg, ctx(secrets={"screenpop/ami": SECRET}))


async def hold(reader: asyncio.StreamReader) -> None:
    await reader.read()  # until the client goes


def test_replayed_capture_over_tcp_in_random_slices() -> None:
    stream = wire(capture_blocks(1))
    logins: list[Packet] = []

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, n: int) -> None:
        logins.append(await login_ok(reader, writer))
        rnd = random.Random(4)
        i = 0
        while i < len(stream):
            step = rnd.randint(1, 200)
            writer.write(stream[i : i + step])
            await writer.drain()
            i += step
        await hold(reader)

    async def body() -> None:
        async with ReplayServer(handler) as srv, running(bridge_for(srv.port)) as col:
            await col.until(lambda: col.states() == [R, A, E], 5, "ringing, answered, ended")
            assert col.state is HealthState.CONNECTED
            assert "Asterisk Call Manager/5.0.1" in col.health[-1][1].detail
        assert logins[0]["events"] == "call,agent"
        assert logins[0]["action"] == "Login"

    run(body())


def test_login_refused_is_failed_health_and_retried() -> None:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, n: int) -> None:
        await login_ok(reader, writer)
        await hold(reader)

    async def body() -> None:
        async with ReplayServer(handler) as srv:
            cfg = AmiConfig(kind="ami", port=srv.port, secret="keyring:screenpop/ami")
            bridge = AmiBridge(cfg, ctx(secrets={"screenpop/ami": "wrong"}))
            async with running(bridge) as col:
                await col.until(lambda: srv.sessions >= 2, 5, "a second login attempt")
                failed = [h for _, h in col.health if h.state is HealthState.FAILED]
                assert failed
                assert "Authentication failed" in failed[0].detail
                assert not any(h.good for _, h in col.health)

    run(body())


def test_banner_only_server_times_out_login_and_retries() -> None:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, n: int) -> None:
        writer.write(BANNER)
        await hold(reader)

    async def body() -> None:
        async with ReplayServer(handler) as srv:
            bridge = bridge_for(srv.port)
            bridge.login_timeout = 0.3
            async with running(bridge) as col:
                await col.until(lambda: srv.sessions >= 2, 5, "retried")
                assert any(h.state is HealthState.RETRYING and "no reply to Login" in h.detail
                           for _, h in col.health)

    run(body())


def test_not_an_ami_server_is_refused() -> None:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, n: int) -> None:
        writer.write(b"HTTP/1.1 400 Bad Request\r\n\r\n")
        await hold(reader)

    async def body() -> None:
        async with ReplayServer(handler) as srv, running(bridge_for(srv.port)) as col:
            await col.until(lambda: any("not an AMI server" in h.detail for _, h in col.health),
                            5, "refused banner")

    run(body())


def test_mid_packet_disconnect_loses_nothing_and_duplicates_nothing() -> None:
    stream = wire(capture_blocks(1))
    cut = stream.index(b"Event: Newstate", stream.index(b"Event: DialBegin")) + 40

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, n: int) -> None:
        await login_ok(reader, writer)
        if n == 1:
            writer.write(stream[:cut])  # ... ends inside a packet, then the line drops
            await writer.drain()
            return
        start = stream.rindex(b"Event:", 0, cut)  # the PBX resends nothing; we resume
        writer.write(stream[start:])
        await writer.drain()
        await hold(reader)

    async def body() -> None:
        async with ReplayServer(handler) as srv, running(bridge_for(srv.port)) as col:
            await col.until(lambda: col.states() == [R, A, E], 6, "ringing, answered, ended")
            assert srv.sessions == 2
            assert any(h.state is HealthState.RETRYING for _, h in col.health)

    run(body())


def test_originate_dials_back_through_the_agent_phone() -> None:
    seen: list[Packet] = []

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, n: int) -> None:
        await login_ok(reader, writer)
        while True:
            action = await read_packet(reader)
            seen.append(action)
            writer.write(encode_action({"Response": "Success", "ActionID": action["actionid"],
                                        "Message": "Originate successfully queued"}))
            await writer.drain()

    async def body() -> None:
        async with ReplayServer(handler) as srv:
            bridge = bridge_for(srv.port, agents=("PJSIP/777",))
            async with running(bridge) as col:
                await col.healthy()
                await bridge.dial("+441632960123")
                with pytest.raises(ValueError, match="dialled"):
                    await bridge.dial("123\r\nAction: Hangup")
        assert len(seen) == 1
        assert {k: seen[0][k] for k in ("action", "channel", "exten", "context", "async")} == {
            "action": "Originate", "channel": "PJSIP/777", "exten": "+441632960123",
            "context": "from-internal", "async": "true"}

    run(body())


def test_silent_peer_is_detected_by_ping() -> None:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, n: int) -> None:
        await login_ok(reader, writer)
        await hold(reader)  # never answers Ping

    async def body() -> None:
        async with ReplayServer(handler) as srv:
            bridge = bridge_for(srv.port)
            bridge.ping_interval = 0.1
            bridge.ping_timeout = 0.2
            async with running(bridge) as col:
                await col.until(lambda: any("Ping" in h.detail for _, h in col.health), 5,
                                "ping timeout")

    run(body())


# ---------------------------------------------------------------- fuzzing --


@settings(max_examples=300)
@given(st.lists(st.binary(max_size=120), max_size=12))
def test_parser_garbage_never_raises_and_gives_no_event(chunks: list[bytes]) -> None:
    parser = AmiParser()
    tracker = AmiCallTracker("fuzz", "agent", ("777",))
    for chunk in chunks:
        for packet in parser.feed(chunk):
            assert tracker.feed(packet) == []


_keys = st.sampled_from(["event", "channel", "uniqueid", "linkedid", "destchannel",
                         "destuniqueid", "channelstate", "dialstatus", "cause", "interface",
                         "membername", "calleridnum", "calleridname", "subevent", "queue"])
_values = st.one_of(st.sampled_from(["AgentCalled", "DialBegin", "DialEnd", "Newstate",
                                     "Hangup", "Newchannel", "AgentConnect", "Dial", "Begin",
                                     "SIP/777-0001", "1", "2", "5", "6", "26", "ANSWER", ""]),
                    st.text(max_size=30))


@settings(max_examples=200)
@given(st.lists(st.dictionaries(_keys, _values, max_size=10), max_size=20))
def test_tracker_any_packet_sequence_never_raises(seq: list[Packet]) -> None:
    tracker = AmiCallTracker("fuzz", "agent", ("777",))
    seen: dict[str, list[CallState]] = {}
    for packet in seq:
        for ev in tracker.feed(packet):
            seen.setdefault(ev.call_id, []).append(ev.state)
    for states in seen.values():  # whatever arrives, each call's story stays coherent
        assert states[0] is R
        assert len(states) == len(set(states))
