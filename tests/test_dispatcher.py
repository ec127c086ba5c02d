"""One pop per call, whatever order and however often bridges report it."""

from __future__ import annotations

from screenpop.dispatcher import Action, Dispatcher
from screenpop.events import CallEvent, CallState


def ev(state: CallState, call_id: str = "c1", agent: str = "") -> CallEvent:
    return CallEvent(call_id=call_id, state=state, caller_number="+442079460958", agent=agent)


def test_ring_answer_end() -> None:
    d = Dispatcher("agent")
    assert d.handle(ev(CallState.RINGING)) is Action.POP
    assert d.handle(ev(CallState.ANSWERED)) is Action.ANSWERED
    assert d.handle(ev(CallState.ENDED)) is Action.ENDED


def test_ring_then_end_is_missed() -> None:
    d = Dispatcher("agent")
    d.handle(ev(CallState.RINGING))
    assert d.handle(ev(CallState.ENDED)) is Action.MISSED


def test_duplicates_and_replays_ignored() -> None:
    d = Dispatcher("agent")
    assert d.handle(ev(CallState.RINGING)) is Action.POP
    assert d.handle(ev(CallState.RINGING)) is Action.IGNORE  # retransmit / second bridge
    assert d.handle(ev(CallState.ANSWERED)) is Action.ANSWERED
    assert d.handle(ev(CallState.ANSWERED)) is Action.IGNORE
    assert d.handle(ev(CallState.ENDED)) is Action.ENDED
    assert d.handle(ev(CallState.ENDED)) is Action.IGNORE
    assert d.handle(ev(CallState.RINGING)) is Action.IGNORE  # replay after reconnect


def test_answered_by_another_agent_closes() -> None:
    d = Dispatcher("1001")
    d.handle(ev(CallState.RINGING))
    assert (
        d.handle(ev(CallState.ANSWERED, agent="PJSIP/1002-0000002a")) is Action.ANSWERED_ELSEWHERE
    )
    assert d.track("c1").answered_elsewhere  # type: ignore[union-attr]


def test_answered_by_me_named_as_channel() -> None:
    d = Dispatcher("1001")
    d.handle(ev(CallState.RINGING))
    assert d.handle(ev(CallState.ANSWERED, agent="SIP/1001-00000001")) is Action.ANSWERED


def test_out_of_order_answer_before_ring_pops_once() -> None:
    d = Dispatcher("agent")
    assert d.handle(ev(CallState.ANSWERED)) is Action.POP
    assert d.handle(ev(CallState.RINGING)) is Action.IGNORE
    assert d.handle(ev(CallState.ENDED)) is Action.ENDED


def test_end_for_unknown_call_is_journaled_not_popped() -> None:
    d = Dispatcher("agent")
    assert d.handle(ev(CallState.ENDED, "zz")) is Action.ENDED
    assert d.handle(ev(CallState.RINGING, "zz")) is Action.IGNORE


def test_calls_are_independent() -> None:
    d = Dispatcher("agent")
    assert d.handle(ev(CallState.RINGING, "a")) is Action.POP
    assert d.handle(ev(CallState.RINGING, "b")) is Action.POP
    assert d.handle(ev(CallState.MISSED, "a")) is Action.MISSED
    assert d.handle(ev(CallState.ANSWERED, "b")) is Action.ANSWERED
