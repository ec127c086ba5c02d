"""Netstring/line decoders and the event JSON: exact on good input, safe on garbage."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from screenpop.bridges.baresip import BaresipEventMapper
from screenpop.bridges.contract import decode_event
from screenpop.bridges.framing import LineDecoder, NetstringDecoder, encode_netstring
from screenpop.events import CallEvent, EventError, line_user, parse_event_json


def test_length_counts_utf8_bytes_not_characters() -> None:
    payload = '{"peerdisplayname":"José Núñez"}'.encode()
    frame = encode_netstring(payload)
    assert len(payload.decode()) == 32
    assert frame.startswith(b"35:")  # 32 characters, 35 bytes
    assert NetstringDecoder().feed(frame) == [payload]


def test_frames_before_corruption_are_delivered_then_decoder_stops() -> None:
    dec = NetstringDecoder()
    assert dec.feed(b"2:ok,3:abcX5:hello,") == [b"ok"]
    assert dec.error is not None
    assert "','" in str(dec.error)
    assert dec.feed(b"2:ok,") == []


def test_oversized_and_bad_prefixes_are_errors() -> None:
    for garbage in (b"-1:x,", b"01:x,", b"99999999:", b"abc", b"12345678901234"):
        dec = NetstringDecoder(max_frame=1000)
        assert dec.feed(garbage) == []
        assert dec.error is not None, garbage


def test_empty_netstring_and_partial_prefix() -> None:
    dec = NetstringDecoder()
    assert dec.feed(b"0:,1") == [b""]
    assert dec.error is None
    assert dec.pending == 1
    assert dec.feed(b":x,") == [b"x"]


def test_lines_skip_blank_and_strip_crlf() -> None:
    dec = LineDecoder(max_frame=10)
    assert dec.feed(b'{"a":1}\r\n\n  \n{"b"') == [b'{"a":1}']
    assert dec.feed(b":2}\n") == [b'{"b":2}']
    dec.feed(b"x" * 11)
    assert dec.error is not None


@given(st.lists(st.binary(max_size=300), max_size=8), st.integers(1, 64))
def test_netstring_roundtrip_any_chunking(payloads: list[bytes], chunk: int) -> None:
    stream = b"".join(encode_netstring(p) for p in payloads)
    dec = NetstringDecoder()
    out: list[bytes] = []
    for i in range(0, len(stream), chunk):
        out += dec.feed(stream[i : i + chunk])
    assert out == payloads
    assert dec.error is None
    assert dec.pending == 0


@settings(max_examples=300)
@given(st.lists(st.binary(max_size=64), max_size=10))
def test_netstring_garbage_never_raises(chunks: list[bytes]) -> None:
    dec = NetstringDecoder(max_frame=4096)
    for chunk in chunks:
        for frame in dec.feed(chunk):
            assert len(frame) <= 4096
    assert dec.pending <= 4096 + 16


@settings(max_examples=300)
@given(st.lists(st.binary(max_size=64), max_size=10))
def test_line_garbage_never_raises(chunks: list[bytes]) -> None:
    dec = LineDecoder(max_frame=100)
    for chunk in chunks:
        dec.feed(chunk)
    assert dec.pending <= 100 + 64


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=4),
    max_leaves=12,
)


@settings(max_examples=300)
@given(st.binary(max_size=400))
def test_event_json_garbage_bytes_give_no_event(data: bytes) -> None:
    try:
        parse_event_json(data, "fuzz")
    except EventError:
        return
    # bytes that happened to be a valid event: must at least be a JSON object with an event
    obj = json.loads(data)
    assert isinstance(obj, dict)
    assert obj["event"] in ("ringing", "answered", "ended", "missed")


@settings(max_examples=300)
@given(st.dictionaries(st.sampled_from(["event", "call_id", "caller_number", "caller_name",
                                        "called", "ts", "attached", "agent", "x"]),
                       _json_values, max_size=9))
def test_event_json_structured_garbage_is_event_or_reason(obj: dict[str, object]) -> None:
    data = json.dumps(obj).encode()
    event = decode_event(data, "fuzz", "fuzz", "agent")  # must not raise
    if event is not None:
        assert isinstance(event, CallEvent)
        assert obj["event"] == event.state.value
        assert event.call_id == obj["call_id"]
        assert not event.called or line_user(event.called) == "agent"  # never another desk's


@settings(max_examples=300)
@given(st.one_of(
    st.binary(max_size=300),
    st.dictionaries(st.sampled_from(["event", "type", "class", "id", "direction", "peeruri",
                                     "peerdisplayname", "accountaor"]),
                    _json_values, max_size=8).map(lambda d: json.dumps(d).encode()),
))
def test_baresip_mapper_garbage_never_raises(frame: bytes) -> None:
    mapper = BaresipEventMapper("fuzz", "agent")
    for _event in mapper.feed_frame(frame):
        obj = json.loads(frame)  # an event only ever comes from a real call event object
        assert obj["event"] is True
        assert obj["class"] == "call"
