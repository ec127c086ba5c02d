"""The line of ringing calls behind the shown one: its rules, without Qt."""

from __future__ import annotations

import pytest

from screenpop.callqueue import CallQueue, Front, Move
from screenpop.card import Card, Match, Section, Status
from screenpop.events import CallState
from screenpop.frontend import CallInfo
from screenpop.phone import normalise


def call(call_id: str, number: str = "+442920180015") -> CallInfo:
    return CallInfo(call_id, normalise(number, "GB"), "", "agent", "test", 0.0)


def card() -> Card:
    match = Match("17850", "Chloë Baker")
    return Card(normalise("+442920180015", "GB"), match, (match,))


BALANCE = Section(Status.OK, {"balance": 12.5, "currency": "GBP"}, "accounting")
CREDIT = Section(Status.TIMEOUT, error="no answer within 800 ms")


def test_a_ring_waits_only_behind_another_call_ringing_on_screen() -> None:
    must_wait = CallQueue.must_wait
    ringing_shown = Front("c1", ringing=True, visible=True)
    assert must_wait("c2", ringing_shown)
    assert not must_wait("c1", ringing_shown)  # the shown call ringing again
    assert not must_wait("c2", Front(None))  # nothing shown
    assert not must_wait("c2", Front("c1", ringing=False, visible=True))  # on call, ended
    assert not must_wait("c2", Front("c1", ringing=True, visible=False))  # dismissed
    # The shown caller hung up and the next one is about to come forward:
    # a new ring takes its place in line, it does not jump it.
    assert must_wait("c2", Front("c1", ringing=False, visible=True, advancing=True))


def test_calls_come_forward_oldest_first() -> None:
    line = CallQueue()
    for i in range(4):
        line.add(call(f"c{i}"))
    assert list(line) == ["c0", "c1", "c2", "c3"]
    assert len(line) == 4
    first = line.take_next()
    assert first is not None
    assert first.call_id == "c0"
    assert list(line) == ["c1", "c2", "c3"]
    line.clear()
    assert line.take_next() is None
    assert not line


def test_what_the_core_says_about_a_waiting_call_is_kept_as_values() -> None:
    line = CallQueue()
    line.add(call("c1"))
    identified = card().with_section("balance", BALANCE)
    assert line.identified("c1", identified, ("balance", "credit"))
    assert line.section("c1", "credit", CREDIT)
    waiting = line.get("c1")
    assert waiting is not None
    assert waiting.pending == ("balance", "credit")
    assert dict(waiting.sections) == {"balance": BALANCE, "credit": CREDIT}
    assert waiting.card is not None
    assert waiting.card.sections["credit"] == CREDIT
    assert not waiting.complete
    # The card the core handed over is not changed: cards are values.
    assert "credit" not in identified.sections
    final = card().with_section("balance", BALANCE).with_section("credit", CREDIT)
    assert line.complete("c1", final)
    waiting = line.get("c1")
    assert waiting is not None
    assert waiting.complete
    assert waiting.card is final
    # News about a call that does not wait is not the line's business.
    assert not line.identified("other", identified, ())
    assert not line.section("other", "balance", BALANCE)
    assert not line.complete("other", final)
    assert "other" not in line


def test_a_repeated_ring_keeps_its_place_and_what_was_known() -> None:
    line = CallQueue()
    line.add(call("c1"))
    line.add(call("c2"))
    line.identified("c1", card(), ("balance",))
    line.add(call("c1", "+441614960624"))
    assert list(line) == ["c1", "c2"]
    waiting = line.get("c1")
    assert waiting is not None
    assert waiting.card is not None
    assert waiting.call.number.e164 == "+441614960624"


@pytest.mark.parametrize(
    ("state", "elsewhere", "move"),
    [
        (CallState.ANSWERED, False, Move.FORWARD),
        (CallState.ANSWERED, True, Move.LEFT),
        (CallState.ENDED, False, Move.LEFT),
        (CallState.MISSED, False, Move.LEFT),
        (CallState.RINGING, False, Move.STILL_WAITING),
    ],
)
def test_state_changes_of_waiting_calls(state: CallState, elsewhere: bool, move: Move) -> None:
    line = CallQueue()
    line.add(call("c1"))
    line.add(call("c2"))
    got, waiting = line.moved("c1", state, elsewhere)
    assert got is move
    assert waiting is not None
    assert waiting.call_id == "c1"
    assert ("c1" in line) is (move is Move.STILL_WAITING)
    assert "c2" in line
    assert line.moved("nobody", state, elsewhere) == (Move.NOT_WAITING, None)


def test_a_shown_call_still_ringing_goes_back_to_the_head_of_the_line() -> None:
    line = CallQueue()
    for i in range(1, 4):
        line.add(call(f"c{i}"))
    picked, _ = line.moved("c3", CallState.ANSWERED, False)
    assert picked is Move.FORWARD
    line.put_back(line.remove("c2") or pytest.fail("c2 waits"))
    assert list(line) == ["c2", "c1"]


def test_the_line_is_bounded_and_drops_the_oldest() -> None:
    line = CallQueue(limit=3)
    for i in range(5):
        line.add(call(f"c{i}"))
    assert list(line) == ["c2", "c3", "c4"]
    assert line.dropped == 2
    line.put_back(line.take_next() or pytest.fail("c2 waits"))
    assert list(line) == ["c2", "c3", "c4"]
    with pytest.raises(ValueError):
        CallQueue(limit=0)


def test_ten_thousand_rings_keep_the_line_at_its_bound() -> None:
    line = CallQueue()
    for i in range(10_000):
        line.add(call(f"c{i}"))
        line.identified(f"c{i}", card(), ("balance",))
    assert len(line) == line.limit
    assert line.dropped == 10_000 - line.limit
    assert next(iter(line)) == f"c{10_000 - line.limit}"
