"""The event JSON contract: valid events pass, anything else is refused with a reason."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from screenpop.events import CallState, EventError, UnknownEvent, parse_event_json

GOOD = {
    "event": "ringing",
    "call_id": "1-8371@pbx",
    "caller_number": "+14155550123",
    "caller_name": "Alice",
    "called": "agent",
    "ts": 1795398909.70,
    "attached": {"account": "17850"},
}


def test_contract_example_parses() -> None:
    ev = parse_event_json(json.dumps(GOOD), "webhook")
    assert ev.state is CallState.RINGING
    assert ev.call_id == "1-8371@pbx"
    assert ev.attached["account"] == "17850"
    assert ev.bridge == "webhook"
    assert ev.to_json()["event"] == "ringing"


def test_attached_is_frozen() -> None:
    ev = parse_event_json(json.dumps(GOOD), "x")
    with pytest.raises(TypeError):
        ev.attached["account"] = "1"  # type: ignore[index]


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"call_id": ""}, "call_id"),
        ({"call_id": None}, "call_id"),
        ({"ts": "yesterday"}, "ts"),
        ({"ts": 1e30}, "out of range"),
        ({"caller_number": "1" * 100}, "caller_number"),
        ({"caller_name": "a\x00b"}, "control"),
        ({"attached": [1, 2]}, "attached"),
        ({"attached": {"k": {"nested": 1}}}, "attached value"),
        ({"event": 5}, "event"),
    ],
)
def test_bad_fields_refused(change: dict[str, object], reason: str) -> None:
    with pytest.raises(EventError, match=reason):
        parse_event_json(json.dumps({**GOOD, **change}), "x")


def test_unknown_event_kind() -> None:
    with pytest.raises(UnknownEvent):
        parse_event_json(json.dumps({**GOOD, "event": "transferred"}), "x")


def test_oversized_refused() -> None:
    with pytest.raises(EventError, match="larger"):
        parse_event_json(b"{" + b" " * 70_000 + b"}", "x")


@given(st.binary(max_size=512))
def test_garbage_bytes_only_ever_event_error(data: bytes) -> None:
    try:
        parse_event_json(data, "fuzz")
    except EventError:
        pass


@given(
    st.recursive(
        st.none() | st.booleans() | st.floats() | st.text(max_size=20),
        lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=8), c, max_size=4),
        max_leaves=20,
    )
)
def test_any_json_value_only_ever_event_error(value: object) -> None:
    try:
        parse_event_json(json.dumps(value), "fuzz")
    except EventError:
        pass
