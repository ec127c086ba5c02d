"""A department that is really down for one demo call: its database file, locked.

The demo must show what the pop does when a source fails (the failure said,
and the last known data beside it), and a faked card would test nothing. So
the demo takes the accounting database down the way a month-end batch job
does: it holds an exclusive lock on the file while the call rings. The
accounting source then waits for the lock within its own budget and gives up
with "database is locked", exactly as against a production file; nothing in
the lookup, the journal or the pop knows it is a demo.

The demo builds ``accounting.db`` in rollback-journal mode for this
(``databases.rollback_journal``): in WAL mode readers never wait for a lock.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

#: How long taking the lock may wait for a reader that is mid-statement.
TAKE_TIMEOUT_S = 5.0


class Outage:
    """An exclusive lock held on one SQLite file until ``end``."""

    def __init__(self, path: str | Path) -> None:
        """Lock ``path`` now (blocking: call it off the event loop).

        Raises ``OSError`` when the file is missing or the lock cannot be
        had; the demo then rings the call with the department up.
        """
        self.path = Path(path)
        uri = f"{self.path.absolute().as_uri()}?mode=rw"
        try:
            self._con: sqlite3.Connection | None = sqlite3.connect(
                uri, uri=True, timeout=TAKE_TIMEOUT_S, isolation_level=None,
                check_same_thread=False,
            )  # fmt: skip
        except sqlite3.Error as exc:
            raise OSError(f"cannot open {self.path} to take it down: {exc}") from None
        try:
            self._con.execute("BEGIN EXCLUSIVE")
        except sqlite3.Error as exc:
            self._con.close()
            self._con = None
            raise OSError(f"cannot lock {self.path}: {exc}") from None

    @property
    def active(self) -> bool:
        return self._con is not None

    def end(self) -> None:
        """Release the lock: the department is back. Safe to call twice."""
        con, self._con = self._con, None
        if con is None:
            return
        try:
            con.execute("ROLLBACK")  # nothing was written
        finally:
            con.close()
