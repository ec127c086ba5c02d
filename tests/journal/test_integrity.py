"""A damaged journal is refused with a clear message; damage met later fails writes as transient."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from screenpop.events import CallState
from screenpop.journal import Journal, JournalError, integrity
from screenpop.journal.errors import is_transient
from screenpop.journal.writer import JournalWriter
from tests.journal.conftest import ev, make_card

#: Where the break-it finding wrote its random bytes: page 11 (4 KiB pages),
#: the outbox's root, which every change to a call passes through.
OFFSET = 40960


def _journal_with_calls(path: Path, calls: int) -> None:
    with Journal(path) as journal:
        for i in range(calls):
            journal.record_event(*ev(f"c{i}", CallState.RINGING, 1000.0 + i))
            journal.record_card(f"c{i}", make_card(), 3.0)


def _scribble(path: Path, offset: int, size: int = 4096) -> bytes:
    """Random bytes over ``size`` bytes at ``offset`` (as a failing disk or a stray writer would)."""
    noise = os.urandom(size)
    with path.open("r+b") as f:
        f.seek(offset)
        f.write(noise)
    return noise


def _leaf_page_of_cards(path: Path) -> int:
    """A page in the middle of the calls table (a leaf holding cards, not on a tree's edge)."""
    con = sqlite3.connect(path)
    try:
        pages = [
            int(row[0])
            for row in con.execute(
                "SELECT pageno FROM dbstat WHERE name = 'calls' AND pagetype = 'leaf' "
                "ORDER BY pageno"
            )
        ]
    finally:
        con.close()
    assert len(pages) >= 5
    return pages[len(pages) // 2]


def test_random_bytes_at_40960_are_refused_with_what_to_do(journal_path: Path) -> None:
    _journal_with_calls(journal_path, 60)
    _scribble(journal_path, OFFSET)
    before = journal_path.read_bytes()
    with pytest.raises(JournalError) as refused:
        Journal(journal_path)
    message = str(refused.value)
    assert str(journal_path) in message
    assert "damaged" in message
    assert "Move it aside" in message
    assert f"{journal_path}.damaged" in message
    assert "\n" not in message
    assert journal_path.read_bytes() == before  # refused untouched
    # Moved aside as the message says, screenpop starts a new journal there.
    journal_path.rename(journal_path.with_name(journal_path.name + ".damaged"))
    for suffix in ("-wal", "-shm"):
        journal_path.with_name(journal_path.name + suffix).unlink(missing_ok=True)
    with Journal(journal_path) as fresh:
        fresh.record_event(*ev("after", CallState.RINGING, 1.0))
        assert [r.call_id for r in fresh.recent()] == ["after"]


def test_damage_inside_a_data_page_is_refused_at_open(journal_path: Path) -> None:
    """Not only the roots: a small journal is checked completely before it is used."""
    _journal_with_calls(journal_path, 60)
    page = _leaf_page_of_cards(journal_path)
    integrity.check_roots(journal_path)  # sanity: the roots alone would not see it
    _scribble(journal_path, (page - 1) * 4096, 64)  # its header and cell pointers
    integrity.check_roots(journal_path)
    with pytest.raises(JournalError, match="is damaged"):
        Journal(journal_path)


def test_large_journal_is_checked_after_start_and_writes_stop(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the check does not fit the open budget, the rest runs after start; damage
    found there stops writes (transient: the writer keeps them) and says why."""
    _journal_with_calls(journal_path, 60)
    _scribble(journal_path, (_leaf_page_of_cards(journal_path) - 1) * 4096, 64)
    monkeypatch.setattr(integrity, "OPEN_BUDGET_S", 0.0)  # as if the journal were huge
    told: list[str] = []
    found = threading.Event()

    def on_damage(message: str) -> None:
        told.append(message)
        found.set()

    with Journal(journal_path, on_damage=on_damage) as journal:
        assert found.wait(30)
        assert journal.damage() == told[0]
        assert str(journal_path) in told[0]
        with pytest.raises(JournalError) as refused:
            journal.record_event(*ev("late", CallState.RINGING, 5000.0))
        assert refused.value.transient
        assert "Move it aside" in str(refused.value)


def test_background_check_of_a_sound_journal_finds_nothing(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _journal_with_calls(journal_path, 20)
    monkeypatch.setattr(integrity, "OPEN_BUDGET_S", 0.0)
    checker = integrity.BackgroundCheck(journal_path)
    assert checker.done.wait(30)
    assert checker.damage is None
    with Journal(journal_path) as journal:
        journal.record_event(*ev("ok", CallState.RINGING, 1.0))


def test_write_that_meets_a_damaged_page_is_transient_and_kept(journal_path: Path) -> None:
    """Damage after the check (here: the check skipped) fails writes as transient;
    the journal writer keeps them and reports the journal failing."""
    _journal_with_calls(journal_path, 60)
    _scribble(journal_path, OFFSET)
    journal = Journal(journal_path, check="none")
    try:
        with pytest.raises(JournalError) as failed:
            journal.record_event(*ev("x", CallState.RINGING, 1.0))
        assert failed.value.transient
        assert "malformed" in str(failed.value)
        writer = JournalWriter(journal)
        try:
            future = writer.submit(lambda j: j.record_event(*ev("y", CallState.RINGING, 2.0)))
            assert writer.wait_queued_or_done(future, timeout=30) is False  # kept, not lost
            assert writer.backlog() == 1
            assert not writer.health().good
        finally:
            writer.stop(drain_s=0.2)
    finally:
        journal.close()


def test_logic_errors_are_not_transient(journal: Journal) -> None:
    with pytest.raises(JournalError) as unknown:
        journal.save_wrapup("nobody", "sale", "")
    assert not unknown.value.transient
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE t (k TEXT PRIMARY KEY)")
    con.execute("INSERT INTO t VALUES ('a')")
    with pytest.raises(sqlite3.IntegrityError) as clash:
        con.execute("INSERT INTO t VALUES ('a')")
    assert not is_transient(clash.value)
    with pytest.raises(sqlite3.OperationalError) as no_table:
        con.execute("SELECT * FROM missing")
    assert not is_transient(no_table.value)


def test_locked_journal_is_transient(journal_path: Path, journal: Journal) -> None:
    """Another process holding the write lock past busy_timeout: the write may work later."""
    holder = sqlite3.connect(journal_path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        with pytest.raises(JournalError) as locked:
            journal.record_event(*ev("l", CallState.RINGING, 1.0))
        assert locked.value.transient
        assert "locked" in str(locked.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    journal.record_event(*ev("l", CallState.RINGING, 1.0))


def test_run_refuses_a_damaged_journal_in_one_line(
    journal_path: Path, tmp_path: Path, repo_root: Path
) -> None:
    """``screenpop run --headless``: exit 1 and one clear line, no traceback, no pops."""
    _journal_with_calls(journal_path, 60)
    _scribble(journal_path, OFFSET)
    config = tmp_path / "agent.toml"
    config.write_text(f'[journal]\nlocal = "{journal_path}"\n', encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "screenpop", "run", "--headless", "--config", str(config)],
        cwd=repo_root,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"screenpop: the journal {journal_path} is damaged")
    assert "Move it aside" in lines[0]
    assert "Traceback" not in done.stderr
