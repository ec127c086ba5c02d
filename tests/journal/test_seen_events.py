"""The replay guard's memory (``Journal.remember_event``): survives a restart, forgets in time."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from screenpop.journal import Journal
from screenpop.journal.store import SEEN_RETENTION_S


def test_first_time_true_then_false(journal: Journal) -> None:
    now = time.time()
    assert journal.remember_event("webhook:abc", now)
    assert not journal.remember_event("webhook:abc", now)
    assert not journal.remember_event("webhook:abc", now + 5)  # same key, any time: a replay
    assert journal.remember_event("webhook:abd", now)


def test_survives_a_restart(journal_path: Path) -> None:
    now = time.time()
    with Journal(journal_path) as first:
        assert first.remember_event("sig:1", now)
    with Journal(journal_path) as second:
        assert not second.remember_event("sig:1", now)


def test_survives_a_killed_process(journal_path: Path, repo_root: Path) -> None:
    """Durable when it returns: the key is there after SIGKILL."""
    code = (
        "import os, signal, sys, time\n"
        "from pathlib import Path\n"
        "from screenpop.journal import Journal\n"
        "j = Journal(Path(sys.argv[1]))\n"
        "assert j.remember_event('killed:1', time.time())\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(journal_path)],
        cwd=repo_root,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == -9, done.stderr
    with Journal(journal_path) as journal:
        assert not journal.remember_event("killed:1", time.time())


def test_old_keys_are_pruned(journal: Journal, journal_path: Path) -> None:
    assert SEEN_RETENTION_S >= 600  # at least 10 minutes, longer than the webhook's 5
    now = time.time()
    assert journal.remember_event("recent", now)
    # Rows as they would be after the retention has passed for "old".
    con = sqlite3.connect(journal_path)
    con.execute("UPDATE seen_events SET seen_at = ? WHERE key = 'recent'", (now - 60,))
    con.execute(
        "INSERT INTO seen_events (key, seen_at) VALUES ('old', ?)", (now - SEEN_RETENTION_S - 1,)
    )
    con.commit()
    con.close()
    assert journal.remember_event("new", now)  # any insert prunes what expired
    con = sqlite3.connect(journal_path)
    try:
        keys = {row[0] for row in con.execute("SELECT key FROM seen_events")}
    finally:
        con.close()
    assert keys == {"recent", "new"}
    assert journal.remember_event("old", now)  # forgotten: the webhook's age check refuses it


def test_kept_for_the_retention_from_when_it_was_seen(journal: Journal) -> None:
    """An event stamped long ago (a sender's clock behind ours) is still remembered
    for the whole retention from now, not pruned by the next request."""
    now = time.time()
    assert journal.remember_event("behind", now - SEEN_RETENTION_S - 60)
    assert journal.remember_event("next", now)  # prunes what expired: not "behind"
    assert not journal.remember_event("behind", now)


def test_empty_key_is_refused(journal: Journal) -> None:
    with pytest.raises(ValueError, match="key"):
        journal.remember_event("", time.time())
