"""A call whose end arrives after a restart: never answered means missed, answered stays answered.

After a restart the core no longer remembers that a call rang, so the
dispatcher cannot tell a missed call from a hung-up one; the journal still
can (it has the ring and knows there was no answer).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from screenpop.card import Card, Section
from screenpop.engine import Engine
from screenpop.events import CallState
from screenpop.frontend import CallInfo
from screenpop.health import Health
from screenpop.journal import Journal
from screenpop.journal.records import CallRecord
from screenpop.journal.stats import compute
from screenpop.notify_client import send
from tests.journal.conftest import ev


def record(journal: Journal, *args: Any, **kwargs: Any) -> None:
    journal.record_event(*ev(*args, **kwargs))


def test_end_of_an_unanswered_call_is_missed(journal: Journal) -> None:
    """Ring in one life of the core, end in the next: the journal's merge decides."""
    record(journal, "r1", CallState.RINGING, 100.0)
    record(journal, "r1", CallState.ENDED, 130.0)  # no record_outcome: the core forgot the ring
    rec = journal.get("r1")
    assert rec is not None
    assert (rec.state, rec.answered_at, rec.ended_at) == ("missed", None, 130.0)
    with journal.reader() as conn:
        [stats] = compute(conn, dialect="sqlite")
    assert (stats.missed, stats.answered) == (1, 0)


def test_end_of_an_answered_call_stays_ended(journal: Journal) -> None:
    record(journal, "r2", CallState.RINGING, 100.0)
    record(journal, "r2", CallState.ANSWERED, 104.0, agent="agent")
    record(journal, "r2", CallState.ENDED, 160.0)
    rec = journal.get("r2")
    assert rec is not None
    assert (rec.state, rec.answered_at, rec.ended_at) == ("ended", 104.0, 160.0)


def test_answered_elsewhere_stays_what_it_is(journal: Journal) -> None:
    """Answered by another agent (an outcome of the core), ended after a restart."""
    record(journal, "r3", CallState.RINGING, 100.0)
    journal.record_outcome(
        "r3", CallState.ANSWERED, answered_by="2002", answered_elsewhere=True, at=103.0
    )
    record(journal, "r3", CallState.ENDED, 150.0)
    rec = journal.get("r3")
    assert rec is not None
    assert (rec.state, rec.answered_elsewhere, rec.answered_by) == ("ended", True, "2002")
    with journal.reader() as conn:
        [stats] = compute(conn, dialect="sqlite")
    assert (stats.missed, stats.answered_elsewhere) == (0, 1)


def test_a_bridge_that_says_missed_is_believed(journal: Journal) -> None:
    record(journal, "r4", CallState.MISSED, 130.0)
    record(journal, "r4", CallState.ANSWERED, 110.0, agent="agent")  # contradictory, late
    rec = journal.get("r4")
    assert rec is not None
    assert rec.state == "missed"


def test_an_answer_after_the_end_does_not_revive_a_missed_call(journal: Journal) -> None:
    record(journal, "r5", CallState.RINGING, 100.0)
    record(journal, "r5", CallState.ENDED, 130.0)
    record(journal, "r5", CallState.ANSWERED, 140.0, agent="agent")  # after the end: nonsense
    rec = journal.get("r5")
    assert rec is not None
    assert rec.state == "missed"


# ------------------------------------------------ two lives of the engine --


class _Quiet:
    """A front end that only notes which calls were popped."""

    def __init__(self) -> None:
        self.rang: set[str] = set()

    def call_ringing(self, call: CallInfo) -> None:
        self.rang.add(call.call_id)

    def identified(self, call_id: str, card: Card, pending: tuple[str, ...]) -> None:
        pass

    def section_ready(self, call_id: str, name: str, section: Section) -> None:
        pass

    def card_complete(self, call_id: str, card: Card) -> None:
        pass

    def call_state(self, call_id: str, state: CallState, answered_elsewhere: bool) -> None:
        pass

    def bridge_health(self, name: str, health: Health) -> None:
        pass

    def journal_health(self, name: str, health: Health) -> None:
        pass

    def case_changed(self, ticket: object) -> None:
        pass


def _engine(tmp_path: Path) -> Engine:
    from screenpop.config.loader import load_config

    cfg = tmp_path / "agent.toml"
    cfg.write_text(
        f'[agent]\nextension = "1017"\n[journal]\nlocal = "{tmp_path / "journal.db"}"\n',
        encoding="utf-8",
    )
    config = load_config(cfg, environ={}, use_user_file=False, use_machine_file=False)
    return Engine(config, runtime_dir=tmp_path / "run")


def _until(engine: Engine, cond: Callable[[CallRecord | None], bool], call_id: str) -> CallRecord:
    """Wait until the engine's journal shows ``call_id`` as ``cond`` wants (journal writes
    happen on the writer thread)."""
    done = threading.Event()
    deadline = time.monotonic() + 20
    while not done.is_set():
        assert engine.journal is not None
        rec = engine.journal.get(call_id)
        if cond(rec):
            assert rec is not None
            return rec
        if time.monotonic() > deadline:
            raise AssertionError(f"{call_id} never got there: {rec}")
        done.wait(0.02)
    raise AssertionError("unreachable")


def _life(
    tmp_path: Path,
    events: list[tuple[str, str]],
    want: Callable[[CallRecord | None], bool],
    wait_for: str,
) -> CallRecord:
    """Start an engine, hand it ``events`` through ``screenpop notify``'s socket, stop it."""
    engine = _engine(tmp_path)
    engine.start(_Quiet())
    try:
        for call_id, event in events:
            send(tmp_path / "run", "+44 20 7946 0958", name="Ann", call_id=call_id, event=event)
        return _until(engine, want, wait_for)
    finally:
        engine.stop()


def test_ring_in_one_engine_life_end_in_the_next_is_missed(tmp_path: Path) -> None:
    _life(tmp_path, [("m-1", "ringing")], lambda r: r is not None, "m-1")
    rec = _life(
        tmp_path, [("m-1", "ended")], lambda r: r is not None and r.ended_at is not None, "m-1"
    )
    assert (rec.state, rec.answered_at) == ("missed", None)
    with Journal(tmp_path / "journal.db") as journal:
        with journal.reader() as conn:
            [stats] = compute(conn, dialect="sqlite")
        assert stats.missed == 1
        assert [e.state for e in journal.events("m-1")] == ["ringing", "ended"]


def test_answer_in_one_engine_life_end_in_the_next_is_ended(tmp_path: Path) -> None:
    _life(
        tmp_path,
        [("a-1", "ringing"), ("a-1", "answered")],
        lambda r: r is not None and r.answered_at is not None,
        "a-1",
    )
    rec = _life(
        tmp_path, [("a-1", "ended")], lambda r: r is not None and r.ended_at is not None, "a-1"
    )
    assert rec.state == "ended"
    assert rec.answered_at is not None
