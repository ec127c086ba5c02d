"""One source hanging: how soon the other sections reach the front end.

DESIGN's budget: with one department hanging, the other sections are painted
≤ 20 ms after they answer. This runs the real engine on the small sample
databases (accounting and sales on SQLite) with the credit department behind a
REST URL whose server accepts the connection and never answers (a peer that
connects and says nothing), rings calls at a steady rate, and for every call
measures ring → balance and purchases handed to the front end. The floor is
the same run with the credit server answering at once.

The worker pools are what decides it: a hanging source holds a source worker
for its whole deadline, so with too few workers the next callers' quick
sections queue behind hung ones. ``--pools L,S`` tries other lookup/source
worker counts (the engine's defaults first).

    .venv/bin/python benchmarks/hanging_source.py [--calls 40] [--every-ms 100]
        [--pools 8,16 --pools 2,4]
"""

from __future__ import annotations

import argparse
import http.server
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from screenpop.card import Card, Section  # noqa: E402
from screenpop.config.loader import load_config  # noqa: E402
from screenpop.engine import Engine  # noqa: E402
from screenpop.engine.runtime import LOOKUP_WORKERS, SOURCE_WORKERS  # noqa: E402
from screenpop.events import CallEvent, CallState  # noqa: E402
from screenpop.frontend import CallInfo  # noqa: E402
from screenpop.health import Health  # noqa: E402
from tests import sampledb  # noqa: E402

BUDGET_MS = 20.0
CREDIT_TIMEOUT_MS = 800
NUMBER = "+358401234567"  # C-100 in the sample databases


@contextmanager
def silent_server() -> Iterator[int]:
    """Accepts every connection and never says a word."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(512)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            held.append(conn)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield server.getsockname()[1]
    finally:
        stop.set()
        thread.join()
        for conn in held:
            conn.close()
        server.close()


@contextmanager
def answering_server() -> Iterator[int]:
    """Answers the credit record at once (the floor)."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = b'{"limit": 5000, "terms": "Net 30", "hold": 0, "risk_grade": "A"}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd.server_address[1]
    finally:
        httpd.shutdown()


class Timings:
    """Implements ``PopListener``: when each call's sections reached the front end."""

    def __init__(self) -> None:
        self.rung: dict[str, float] = {}
        self.arrived: dict[tuple[str, str], float] = {}
        self.complete: set[str] = set()
        self.lock = threading.Lock()

    def call_ringing(self, call: CallInfo) -> None:
        pass

    def identified(self, call_id: str, card: Card, pending: tuple[str, ...]) -> None:
        pass

    def section_ready(self, call_id: str, name: str, section: Section) -> None:
        with self.lock:
            self.arrived.setdefault((call_id, name), time.perf_counter())

    def card_complete(self, call_id: str, card: Card) -> None:
        with self.lock:
            self.complete.add(call_id)

    def call_state(self, call_id: str, state: CallState, answered_elsewhere: bool) -> None:
        pass

    def bridge_health(self, name: str, health: Health) -> None:
        pass

    def journal_health(self, name: str, health: Health) -> None:
        pass


def run(
    where: Path, port: int, calls: int, every_s: float, pools: tuple[int, int], tag: str
) -> list[float]:
    """Ring ``calls`` calls; each call's ms from ring to its slower quick section."""
    paths = sampledb.build(where / f"db-{tag}")
    config_path = where / f"{tag}.toml"
    text = sampledb.config_text(paths)
    # The credit department behind REST instead of SQLite.
    credit = text[text.index('[[source]]\nname = "credit"') :]
    text = text[: text.index('[[source]]\nname = "credit"')]
    text += (
        '[[source]]\nname = "credit"\nkind = "rest"\nsection = "credit"\n'
        f'query = "http://127.0.0.1:{port}/credit/{{customer_id}}"\n'
        f"timeout_ms = {CREDIT_TIMEOUT_MS}\nretries = 0\n"
    )
    assert credit  # (the SQLite credit source is replaced)
    config_path.write_text(text, encoding="utf-8")
    config = load_config(config_path, environ={})
    engine = Engine(
        config,
        journal_path=where / f"journal-{tag}.db",
        runtime_dir=where / f"run-{tag}",
        lookup_workers=pools[0],
        source_workers=pools[1],
    )
    timings = Timings()
    engine.start(timings)
    try:
        for i in range(calls):
            call_id = f"{tag}-{i}"
            timings.rung[call_id] = time.perf_counter()
            # each call its own: no card cache between them
            engine.lookup.cache._items.clear()  # type: ignore[union-attr]
            engine._on_event(
                CallEvent(call_id, CallState.RINGING, NUMBER, "", "agent", time.time(), bridge="b")
            )
            time.sleep(every_s)
        deadline = time.monotonic() + 60
        while len(timings.complete) < calls and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        engine.stop()
    out = []
    for call_id, rung in timings.rung.items():
        quick = [timings.arrived.get((call_id, s)) for s in ("balance", "purchases")]
        if None in quick:
            out.append(float("inf"))
        else:
            out.append((max(q for q in quick if q is not None) - rung) * 1000)
    return out


def pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=40)
    parser.add_argument("--every-ms", type=float, default=100.0)
    parser.add_argument("--pools", action="append", default=[], metavar="L,S")
    args = parser.parse_args()
    pools = [tuple(int(x) for x in p.split(",")) for p in args.pools] or [
        (LOOKUP_WORKERS, SOURCE_WORKERS)
    ]
    print(
        f"{args.calls} calls, one every {args.every_ms:.0f} ms; credit behind a REST server "
        f"that never answers ({CREDIT_TIMEOUT_MS} ms deadline); figure = ring -> balance and "
        f"purchases handed to the front end; budget: <= {BUDGET_MS:.0f} ms over the floor"
    )
    print(f"{'workers (lookup, source)':<26}{'floor p50':>11}{'p99':>9}{'hanging p50':>13}{'p99':>9}"
          f"{'  over floor p99':>17}")
    with tempfile.TemporaryDirectory() as tmp:
        where = Path(tmp)
        for lookup_n, source_n in pools:
            key = (lookup_n, source_n)
            with answering_server() as port:
                floor = run(where, port, args.calls, args.every_ms / 1000, key, f"f{lookup_n}x{source_n}")
            with silent_server() as port:
                hang = run(where, port, args.calls, args.every_ms / 1000, key, f"h{lookup_n}x{source_n}")
            over = pct(hang, 99) - pct(floor, 99)
            verdict = "within" if over <= BUDGET_MS else "OVER"
            print(
                f"{f'{lookup_n}, {source_n}':<26}{pct(floor, 50):>9.1f}ms{pct(floor, 99):>7.1f}ms"
                f"{pct(hang, 50):>11.1f}ms{pct(hang, 99):>7.1f}ms{over:>12.1f} ms {verdict}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
