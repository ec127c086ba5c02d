"""The event JSON contract: valid events pass, anything else is refused with a reason."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from screenpop.events import (
    CallEvent,
    CallState,
    EventError,
    UnknownEvent,
    for_desk,
    line_user,
    parse_event_json,
    same_line,
)

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


# ------------------------------------------------- whose line is called --

@pytest.mark.parametrize("form", [
    "1001", " 1001 ", "sip:1001@pbx.example", "sips:1001@pbx.example:5061;transport=tls",
    '"Ann Agent" <sip:1001@10.0.0.5>', "<sip:1001@pbx;user=phone>", "tel:1001",
    "PJSIP/1001", "PJSIP/1001-0000002a", "SIP/1001-00000001",
    "Local/1001@from-queue-00000001;1", "sip:%31%30%30%31@pbx",
])
def test_every_form_of_a_line_is_its_bare_extension(form: str) -> None:
    assert line_user(form) == "1001"
    assert same_line(form, "1001")


@pytest.mark.parametrize("other", [
    "1002", "sip:1002@pbx", "PJSIP/1002-0000002a", "10011", "sip:10010@pbx", "100", "",
])
def test_another_line_is_not_this_one(other: str) -> None:
    assert not same_line(other, "1001")


def test_channel_suffix_only_stripped_from_channels() -> None:
    # an extension may itself end in a dash and letters; only TECH/x-<8 hex> is a suffix
    assert line_user("agent-deadbeef") == "agent-deadbeef"
    assert line_user("PJSIP/agent-deadbeef") == "agent"
    assert line_user("PJSIP/agent-17") == "agent-17"
    assert same_line("Agent-17", "agent-17")


def test_for_desk_keeps_unnamed_and_own_lines_only() -> None:
    def ev(called: str) -> CallEvent:
        return CallEvent(call_id="c", state=CallState.RINGING, caller_number="1", called=called)

    assert for_desk(ev(""), "1001")          # the side did not say: ours
    assert for_desk(ev("sip:1001@pbx"), "1001")
    assert not for_desk(ev("2002"), "1001")  # another agent's call
    assert not for_desk(ev("sip:2002@pbx"), "1001")
