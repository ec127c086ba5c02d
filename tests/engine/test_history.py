"""The customer's earlier calls and last known data on the engine's cards (issue 13).

A real engine on the sample SQLite databases with its real journal: the
history comes from this desk's journal (no central configured), leaves the
ringing call out and is read anew on a call-back the cache answers; a section
whose source went down after an earlier call carries that call's data as
``last_known``, while credit terms never do.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from screenpop.card import Card, Status
from screenpop.engine import Engine
from screenpop.events import CallEvent, CallState
from tests import sampledb
from tests.engine.conftest import Recorder, end, ring

Factory = Callable[..., tuple[Engine, Recorder]]
AINO = "+358401234567"  # C-100 in the sample databases


@pytest.fixture
def dbs(tmp_path: Path) -> dict[str, Path]:
    return sampledb.build(tmp_path / "db")


def _config(tmp_path: Path, dbs: dict[str, Path], extra: str = "") -> Path:
    path = tmp_path / "agent.toml"
    path.write_text(sampledb.config_text(dbs, extra=extra), encoding="utf-8")
    return path


def _settled(engine: Engine) -> None:
    """Every journal write submitted so far has landed."""
    assert engine.runtime.writer is not None
    engine.runtime.writer.submit(lambda j: None).result(10)


def _call(engine: Engine, rec: Recorder, call_id: str) -> Card:
    """Ring, answer at this desk, hang up; the card as it was completed."""
    ring(engine, call_id, AINO)
    card: Card = rec.wait(lambda: rec.complete.get(call_id))
    engine._on_event(
        CallEvent(call_id, CallState.ANSWERED, AINO, "Caller", "agent", time.time(), agent="agent")
    )
    end(engine, call_id, AINO)
    _settled(engine)
    return card


def test_history_comes_from_this_desk_without_the_ringing_call(
    tmp_path: Path, dbs: dict[str, Path], engine_factory: Factory
) -> None:
    engine, rec = engine_factory(_config(tmp_path, dbs, "[history]\nlimit = 2\n"))
    first = _call(engine, rec, "h-1")
    assert first.sections["history"].status is Status.EMPTY  # h-1 itself is not history
    assert first.sections["history"].source == "local"
    engine.save_wrapup("h-1", "sale", "wants the blue one")
    _settled(engine)

    # A call-back seconds later: the cache answers the departments, not the history.
    second = _call(engine, rec, "h-2")
    assert "cache" in second.latency_ms
    history = second.sections["history"]
    assert (history.status, history.source) == (Status.OK, "local")
    [entry] = history.to_json()["data"]
    assert entry["state"] == "answered"  # the journal says "ended"
    assert (entry["disposition"], entry["notes"]) == ("sale", "wants the blue one")
    assert entry["agent"] == "agent"  # this desk's extension
    assert entry["time"].endswith("+00:00")

    for n in range(3, 6):
        _call(engine, rec, f"h-{n}")
    latest = rec.complete["h-5"].sections["history"].to_json()["data"]
    assert len(latest) == 2  # [history] limit
    assert [e["time"] for e in latest] == sorted((e["time"] for e in latest), reverse=True)


def test_history_can_be_turned_off(
    tmp_path: Path, dbs: dict[str, Path], engine_factory: Factory
) -> None:
    engine, rec = engine_factory(_config(tmp_path, dbs, "[history]\nenabled = false\n"))
    card = _call(engine, rec, "off-1")
    assert set(card.sections) == {"balance", "purchases", "credit"}


def test_a_department_down_shows_its_last_known_data_but_never_credit(
    tmp_path: Path, dbs: dict[str, Path], engine_factory: Factory
) -> None:
    engine, rec = engine_factory(_config(tmp_path, dbs))
    assert engine.lookup is not None
    engine.lookup.cache.ttl_s = 0.0  # the next call is "later": no cached card
    before = _call(engine, rec, "lk-1")
    assert before.sections["balance"].ok
    assert before.sections["credit"].ok
    earlier_balance = before.sections["balance"].to_json()["data"]

    # Accounting's balance table and the credit database go away (identify still works).
    with sqlite3.connect(dbs["acct"]) as db:
        db.execute("DROP TABLE ar")
    with sqlite3.connect(dbs["credit"]) as db:
        db.execute("DROP TABLE credit")
    after = _call(engine, rec, "lk-2")
    balance = after.sections["balance"]
    assert balance.status is Status.UNAVAILABLE
    assert balance.error  # the failure is still said
    assert balance.last_known is not None
    assert balance.to_json()["last_known"]["data"] == earlier_balance
    ring_time = engine.journal.get("lk-1").ringing_at  # type: ignore[union-attr]
    assert balance.last_known.as_of == datetime.fromtimestamp(ring_time, UTC).isoformat()
    credit = after.sections["credit"]
    assert credit.failed
    assert credit.last_known is None  # terms are never offered from stale data
    # What the pop was told as the section arrived carries it too.
    told = [s for c, n, s in rec.sections if c == "lk-2" and n == "balance"]
    assert told[-1].last_known == balance.last_known


def test_last_known_off_with_max_age_zero(
    tmp_path: Path, dbs: dict[str, Path], engine_factory: Factory
) -> None:
    engine, rec = engine_factory(_config(tmp_path, dbs, "[last_known]\nmax_age_h = 0\n"))
    assert engine.lookup is not None
    engine.lookup.cache.ttl_s = 0.0
    _call(engine, rec, "z-1")
    with sqlite3.connect(dbs["acct"]) as db:
        db.execute("DROP TABLE ar")
    after = _call(engine, rec, "z-2")
    assert after.sections["balance"].failed
    assert after.sections["balance"].last_known is None
