"""One pop per call, whatever order and however often bridges report it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

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


# ------------------------------------- a durable record answers for the past --


class CallStates:
    """A tiny real SQLite record of each call's last state, as the journal keeps one.

    Stands in for the journal in these tests (the lead wires ``Journal`` in); a
    real file, opened anew by each "run", so what survives is only what is on disk.
    """

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(path)
        self.db.execute("CREATE TABLE IF NOT EXISTS calls (call_id TEXT PRIMARY KEY, state TEXT)")

    def record(self, call_id: str, action: Action) -> None:
        state = {Action.POP: "ringing", Action.ANSWERED: "answered",
                 Action.ANSWERED_ELSEWHERE: "answered", Action.ENDED: "ended",
                 Action.MISSED: "missed"}.get(action)
        if state is not None:
            self.db.execute("INSERT OR REPLACE INTO calls VALUES (?, ?)", (call_id, state))
            self.db.commit()

    def known(self, call_id: str) -> CallState | None:
        row = self.db.execute("SELECT state FROM calls WHERE call_id = ?", (call_id,)).fetchone()
        return CallState(row[0]) if row else None


def run_once(path: Path, *events: CallEvent) -> list[Action]:
    """One process lifetime: a fresh dispatcher over the record on disk."""
    record = CallStates(path)
    d = Dispatcher("agent", known=record.known)
    actions = []
    for event in events:
        action = d.handle(event)
        record.record(event.call_id, action)
        actions.append(action)
    record.db.close()
    return actions


def test_ended_call_replayed_after_a_restart_does_not_pop_again(tmp_path: Path) -> None:
    db = tmp_path / "journal.db"
    assert run_once(db, ev(CallState.RINGING), ev(CallState.ANSWERED), ev(CallState.ENDED)) == [
        Action.POP, Action.ANSWERED, Action.ENDED]
    # restart; the bridge (or an attacker holding a captured signed request) replays it
    assert run_once(db, ev(CallState.RINGING), ev(CallState.ANSWERED), ev(CallState.ENDED)) == [
        Action.IGNORE, Action.IGNORE, Action.IGNORE]
    # without the durable record the same replay pops an ended call again
    assert Dispatcher("agent").handle(ev(CallState.RINGING)) is Action.POP


def test_call_that_rang_before_a_restart_and_then_ends_is_missed(tmp_path: Path) -> None:
    db = tmp_path / "journal.db"
    assert run_once(db, ev(CallState.RINGING)) == [Action.POP]
    assert run_once(db, ev(CallState.ENDED)) == [Action.MISSED]
    # answered before the restart, hung up after: ended
    assert run_once(db, ev(CallState.RINGING, "c2"), ev(CallState.ANSWERED, "c2")) == [
        Action.POP, Action.ANSWERED]
    assert run_once(db, ev(CallState.ENDED, "c2")) == [Action.ENDED]


def test_end_of_a_call_this_desk_never_saw_is_not_journaled(tmp_path: Path) -> None:
    # kamailio's evapi tells every desk of every hang-up; "ended" names no line
    db = tmp_path / "journal.db"
    assert run_once(db, ev(CallState.ENDED, "someone-elses")) == [Action.IGNORE]
    assert CallStates(db).known("someone-elses") is None
    # a new call still pops, and an answer for one we never saw still pops if it is ours
    assert run_once(db, ev(CallState.RINGING, "new"), ev(CallState.ANSWERED, "late")) == [
        Action.POP, Action.POP]


def test_a_failing_record_is_logged_and_calls_still_pop(caplog: pytest.LogCaptureFixture,
                                                         tmp_path: Path) -> None:
    record = CallStates(tmp_path / "journal.db")
    record.db.close()  # every lookup now raises sqlite3.ProgrammingError
    d = Dispatcher("agent", known=record.known)
    assert d.handle(ev(CallState.RINGING)) is Action.POP
    assert d.handle(ev(CallState.ENDED)) is Action.MISSED
    assert "known-call lookup failed" in caplog.text


def test_known_is_asked_only_for_call_ids_not_in_memory(tmp_path: Path) -> None:
    asked: list[str] = []

    def known(call_id: str) -> CallState | None:
        asked.append(call_id)
        return None

    d = Dispatcher("agent", known=known)
    d.handle(ev(CallState.RINGING))
    d.handle(ev(CallState.ANSWERED))
    d.handle(ev(CallState.ENDED))
    assert asked == ["c1"]
