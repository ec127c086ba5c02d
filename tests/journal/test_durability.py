"""An event the journal accepted survives the app being killed right after."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from screenpop.journal import Journal

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
journal.record_event(
    CallEvent("kill-0", CallState.ANSWERED, "+44 20 7946 0958", ts=1002.0, agent="agent"),
    number,
)
# No close(), no atexit, no flush: die the moment the call has returned.
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_event_survives_sigkill(journal_path: Path, repo_root: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(journal_path), "25"],
        cwd=repo_root,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    # The WAL was never checkpointed into the main file: recovery must find it.
    assert journal_path.with_name(journal_path.name + "-wal").exists()
    with Journal(journal_path) as journal:
        records = journal.recent(limit=100)
        assert len(records) == 25
        first = journal.get("kill-0")
        assert first is not None
        assert (first.state, first.answered_at, first.e164) == ("answered", 1002.0, "+442079460958")
        assert [e.state for e in journal.events("kill-0")] == ["ringing", "answered"]
