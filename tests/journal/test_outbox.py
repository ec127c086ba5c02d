"""The outbox: every change to a call is queued in its own transaction, nothing else is."""

from __future__ import annotations

import importlib.util
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from screenpop.events import CallState
from screenpop.journal import Journal
from screenpop.journal.store import MIGRATIONS_DIR
from tests.journal.conftest import ev, make_card


def _triggers() -> dict[str, str]:
    spec = importlib.util.spec_from_file_location(
        "outbox_migration", MIGRATIONS_DIR / "versions" / "0002_outbox.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return dict(module.TRIGGERS)


def _outbox(path: Path) -> list[tuple[int, str]]:
    con = sqlite3.connect(path)
    try:
        return [
            (int(i), str(c)) for i, c in con.execute("SELECT id, call_id FROM outbox ORDER BY id")
        ]
    finally:
        con.close()


def test_triggers_exist_at_head(journal: Journal, journal_path: Path) -> None:
    con = sqlite3.connect(journal_path)
    try:
        found = {
            name: sql
            for name, sql in con.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'calls'"
            )
        }
    finally:
        con.close()
    assert found == _triggers()


def test_every_write_queues_the_call_once(journal: Journal, journal_path: Path) -> None:
    assert journal.pending() == []
    journal.record_event(*ev("a", CallState.RINGING, 100.0))
    first = _outbox(journal_path)
    assert [c for _, c in first] == ["a"]

    steps = [
        lambda: journal.record_card("a", make_card(), 4.5),
        lambda: journal.record_event(*ev("a", CallState.ANSWERED, 103.0, agent="agent")),
        lambda: journal.save_notes_draft("a", "typing"),
        lambda: journal.record_event(*ev("a", CallState.ENDED, 160.0)),
        lambda: journal.save_wrapup("a", "resolved", "all good"),
        lambda: journal.record_outcome("a", CallState.ENDED, at=161.0),
    ]
    seq = first[0][0]
    for step in steps:
        step()
        entries = _outbox(journal_path)
        # Still one entry for the call, under a new, higher id each time.
        assert [c for _, c in entries] == ["a"]
        assert entries[0][0] > seq
        seq = entries[0][0]

    journal.record_outcome("ghost", CallState.MISSED, at=200.0)  # a stub row is a change too
    assert [c for _, c in _outbox(journal_path)] == ["a", "ghost"]
    assert journal.pending_count() == 2


def test_pending_carries_the_current_row(journal: Journal) -> None:
    journal.record_event(*ev("a", CallState.RINGING, 100.0))
    journal.record_card("a", make_card(), 4.5)
    journal.save_wrapup("a", "sale", "two boxes")
    [item] = journal.pending()
    assert item.call_id == "a"
    assert item.row is not None
    assert (item.row["state"], item.row["customer_id"], item.row["disposition"]) == (
        "ringing",
        "17850",
        "sale",
    )
    assert item.row["notes"] == "two boxes"
    assert item.row["card_json"] is not None


def test_a_change_during_a_push_is_not_dropped(journal: Journal) -> None:
    journal.record_event(*ev("a", CallState.RINGING, 100.0))
    journal.record_event(*ev("b", CallState.RINGING, 101.0))
    taken = journal.pending()
    # ... the replicator pushes `taken`; meanwhile the call is answered ...
    journal.record_event(*ev("a", CallState.ANSWERED, 102.0))
    assert journal.mark_replicated([item.seq for item in taken]) == 1  # only b's went
    [left] = journal.pending()
    assert left.call_id == "a"
    assert left.row is not None
    assert left.row["state"] == "answered"
    assert journal.mark_replicated([left.seq]) == 1
    assert journal.pending() == []
    assert journal.mark_replicated([left.seq]) == 0


def test_pending_is_oldest_change_first_and_batched(journal: Journal) -> None:
    for i in range(7):
        journal.record_event(*ev(f"c{i}", CallState.RINGING, 100.0 + i))
    journal.record_event(*ev("c0", CallState.ANSWERED, 110.0))
    first = journal.pending(limit=3)
    assert [p.call_id for p in first] == ["c1", "c2", "c3"]
    journal.mark_replicated([p.seq for p in first])
    assert [p.call_id for p in journal.pending(limit=10)] == ["c4", "c5", "c6", "c0"]


def test_upgrade_from_0001_queues_existing_calls(journal_path: Path) -> None:
    """A journal written before the outbox sends its history once central is set."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    with Journal(journal_path) as journal:
        for i in range(3):
            journal.record_event(*ev(f"old{i}", CallState.RINGING, 100.0 + i))
    engine = create_engine(f"sqlite:///{journal_path}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0001")
    finally:
        engine.dispose()
    con = sqlite3.connect(journal_path)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    con.close()
    assert "outbox" not in tables
    with Journal(journal_path) as journal:  # opening migrates to head
        assert [p.call_id for p in journal.pending()] == ["old0", "old1", "old2"]


CHILD = """
import os, signal, sys
from pathlib import Path
from screenpop.events import CallEvent, CallState
from screenpop.journal import Journal
from screenpop.phone import normalise

journal = Journal(Path(sys.argv[1]))
number = normalise("+44 20 7946 0958", "GB")
for i in range(int(sys.argv[2])):
    journal.record_event(
        CallEvent(f"kill-{i}", CallState.RINGING, "+44 20 7946 0958", "Alice", ts=1000.0 + i),
        number,
    )
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_outbox_survives_sigkill(journal_path: Path, repo_root: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(journal_path), "20"],
        cwd=repo_root,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    with Journal(journal_path) as journal:
        assert [p.call_id for p in journal.pending(limit=100)] == [f"kill-{i}" for i in range(20)]
