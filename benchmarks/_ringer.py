"""The ringer of ``benchmarks/burst.py``: a process of its own that hands call
events to the app through the real notify socket, as a softphone does.

A module of its own with light imports: ``multiprocessing`` starts it (and
the engine process) by importing the benchmark's entry script again, so
neither loads Qt because the benchmark's window process does.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from screenpop.notify_client import send


def ringer(conn: Any, runtime_dir: Path) -> None:
    """The ringer process: for each list of (seconds from go, call id, number,
    event) it is sent, sends them through the notify socket on time (a few at
    once, so that one slow answer delays no other), then sends back how many
    were refused."""
    from concurrent.futures import ThreadPoolExecutor

    pool = ThreadPoolExecutor(8)
    conn.send("ready")
    while True:
        plan = conn.recv()
        if plan is None:
            return
        t0 = time.perf_counter()
        failures: list[str] = []

        def fire(call_id: str, number: str, event: str, failures: list[str] = failures) -> None:
            try:
                send(runtime_dir, number, call_id=call_id, event=event, timeout=10)
            except Exception as exc:  # counted and reported, never silent
                failures.append(f"{call_id} {event}: {exc}")

        futures = []
        for due, call_id, number, event in plan:
            time.sleep(max(0.0, t0 + due - time.perf_counter()))
            futures.append(pool.submit(fire, call_id, number, event))
        for future in futures:
            future.result()
        conn.send(failures)
