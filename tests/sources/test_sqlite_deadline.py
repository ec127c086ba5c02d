"""SQLite statements stopped at their deadline by the interrupter thread, and only then."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from screenpop.sources.sqlite import within

COUNT = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ?) SELECT count(*) FROM c"


def test_a_long_statement_is_interrupted_at_its_deadline() -> None:
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    started = time.monotonic()
    with pytest.raises(sqlite3.OperationalError, match="interrupted"), within(conn, 0.2):
        conn.execute(COUNT, (2_000_000_000,)).fetchone()
    assert 0.15 < time.monotonic() - started < 2.0


def test_an_old_deadline_never_stops_the_connections_next_statement() -> None:
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    with within(conn, 0.05):
        assert conn.execute("SELECT 1").fetchone() == (1,)
    time.sleep(0.15)  # the old deadline has passed while nothing ran
    # The same connection runs a statement longer than that old deadline.
    (n,) = conn.execute(COUNT, (300_000,)).fetchone()
    assert n == 300_000


def test_many_threads_each_stopped_at_their_own_deadline() -> None:
    errors: dict[int, float] = {}

    def run(i: int) -> None:
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        started = time.monotonic()
        try:
            with within(conn, 0.1 + 0.1 * i):
                conn.execute(COUNT, (2_000_000_000,)).fetchone()
        except sqlite3.OperationalError:
            errors[i] = time.monotonic() - started

    threads = [threading.Thread(target=run, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert sorted(errors) == [0, 1, 2, 3]
    for i, took in errors.items():
        assert took >= 0.1 + 0.1 * i - 0.02, (i, took)
