"""Running a bridge in a test: collect what it emits, wait on conditions, drive peers.

No sleeps: every wait polls a condition against a deadline, so a test is as
fast as the peer and fails with a clear message when the peer is not.
"""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import subprocess
import threading
import time
from collections.abc import Callable, Coroutine, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any, AsyncIterator, TypeVar

from screenpop.bridges.base import Bridge, ReplayGuard
from screenpop.bridges.registry import BridgeContext
from screenpop.events import CallEvent, CallState
from screenpop.health import Health, HealthState
from tests.peers import port_open

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SIPP = FIXTURES / "sipp"
T = TypeVar("T")


def run(coro: Coroutine[Any, Any, T], timeout: float = 60.0) -> T:
    """Run one async test body with an overall deadline."""

    async def bounded() -> T:
        return await asyncio.wait_for(coro, timeout)

    return asyncio.run(bounded())


def ctx(extension: str = "agent", secrets: dict[str, str] | None = None,
        replay: ReplayGuard | None = None) -> BridgeContext:
    table = secrets or {}

    def secret(ref: str) -> str:
        return table[ref.removeprefix("keyring:")]

    return BridgeContext(extension=extension, secret=secret, replay=replay)


class SqliteReplayGuard:
    """A ``ReplayGuard`` on a real SQLite file, as the journal's ``remember_event`` is.

    The tests' tiny adapter: one table of keys; ``first_seen`` is an INSERT that
    either adds the key or finds it there. A new instance on the same file is
    what a restarted process sees.
    """

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(path, check_same_thread=False)
        self.db.execute("CREATE TABLE IF NOT EXISTS seen (key TEXT PRIMARY KEY, ts REAL)")
        self.db.commit()
        self._lock = threading.Lock()

    def first_seen(self, key: str, ts: float) -> bool:
        with self._lock:
            cur = self.db.execute("INSERT OR IGNORE INTO seen VALUES (?, ?)", (key, ts))
            self.db.commit()
            return cur.rowcount == 1

    def close(self) -> None:
        self.db.close()


class Collector:
    """Sinks for a running bridge, with waits on what arrived."""

    def __init__(self) -> None:
        self.events: list[CallEvent] = []
        self.health: list[tuple[float, Health]] = []
        self._changed = asyncio.Event()

    def emit(self, event: CallEvent) -> None:
        self.events.append(event)
        self._changed.set()

    def on_health(self, name: str, health: Health) -> None:
        self.health.append((time.monotonic(), health))
        self._changed.set()

    @property
    def state(self) -> HealthState | None:
        return self.health[-1][1].state if self.health else None

    async def until(self, cond: Callable[[], bool], timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while not cond():
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(
                    f"timed out after {timeout} s waiting for {what}; events="
                    f"{[(e.state.value, e.call_id) for e in self.events]} health="
                    f"{[(h.state.value, h.detail) for _, h in self.health[-5:]]}"
                )
            self._changed.clear()
            try:
                await asyncio.wait_for(self._changed.wait(), min(left, 0.05))
            except TimeoutError:
                pass

    async def healthy(self, timeout: float = 10.0) -> None:
        await self.until(lambda: self.state in (HealthState.CONNECTED, HealthState.LISTENING),
                         timeout, "bridge connected")

    def states(self, call_id: str | None = None) -> list[CallState]:
        return [e.state for e in self.events if call_id is None or e.call_id == call_id]

    async def call_states(self, n: int, timeout: float = 10.0) -> list[CallEvent]:
        await self.until(lambda: len(self.events) >= n, timeout, f"{n} events")
        return list(self.events)


@asynccontextmanager
async def running(bridge: Bridge) -> AsyncIterator[Collector]:
    """Run ``bridge`` as a task for the block; cancel it (and check it did not die) after."""
    col = Collector()
    task = asyncio.create_task(bridge.run(col.emit, col.on_health))
    try:
        yield col
        if task.done():
            task.result()  # re-raise whatever killed it
            raise AssertionError("bridge.run returned on its own")
    finally:
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass


def listening(port: int) -> bool:
    """Whether some socket LISTENs (TCP) on ``port``, read from /proc without connecting.

    Connecting to probe would steal baresip's single ctrl_tcp client slot.
    """
    needle = f":{port:04X} "
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as fh:
                for line in fh:
                    parts = line.split()
                    if len(parts) > 3 and parts[3] == "0A" and (parts[1] + " ").endswith(needle):
                        return True
        except OSError:
            continue
    return False


async def wait_port(host: str, port: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not (listening(port) if Path("/proc/net/tcp").exists() else port_open(host, port)):
        if time.monotonic() > deadline:
            raise AssertionError(f"nothing listening on {host}:{port} after {timeout} s")
        await asyncio.sleep(0.02)


async def wait_proc(proc: subprocess.Popen[bytes], timeout: float = 10.0) -> int:
    deadline = time.monotonic() + timeout
    while proc.poll() is None:
        if time.monotonic() > deadline:
            raise AssertionError(f"{proc.args!r} still running after {timeout} s")
        await asyncio.sleep(0.02)
    return proc.returncode


def stop(proc: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    """Stop a peer we started, by its own pid; kill it if it lingers."""
    if proc.poll() is None:
        proc.send_signal(sig)
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


@contextmanager
def started(args: list[str], cwd: Path, log: Path) -> Iterator[subprocess.Popen[bytes]]:
    with open(log, "ab") as out:
        proc = subprocess.Popen(args, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL)
    try:
        yield proc
    finally:
        stop(proc)


async def sipp(
    scenario: str,
    target: str,
    *,
    cwd: Path,
    caller: str,
    display: str,
    pause_ms: int = 300,
    service: str = "agent",
    local_port: int,
    timeout: float = 20.0,
    wait: bool = True,
    extra: list[str] | None = None,
    headers: str = "",
) -> subprocess.Popen[bytes]:
    """Place one call with sipp (Debian ``sip-tester``) using our scenarios."""
    args = [
        "sipp", "-sf", str(SIPP / scenario), "-s", service,
        "-key", "caller", caller, "-key", "display", display,
        "-d", str(pause_ms), "-m", "1", "-p", str(local_port), "-mp", str(local_port + 2),
        "-i", "127.0.0.1", "-nostdin", "-timeout", f"{int(timeout)}s", "-timeout_error",
        "-set", "headers", headers or "X-Screenpop-Test: 1",
        *(extra or []), target,
    ]
    log = open(cwd / f"sipp-{scenario}-{local_port}.log", "ab")  # noqa: SIM115
    proc = subprocess.Popen(args, cwd=cwd, stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL)
    log.close()
    if wait:
        rc = await wait_proc(proc, timeout + 5)
        if rc != 0:
            raise AssertionError(
                f"sipp {scenario} failed rc={rc}: "
                + (cwd / f"sipp-{scenario}-{local_port}.log").read_text(errors="replace")[-2000:]
            )
    return proc


def read_netstring_capture(name: str, section: str) -> list[bytes]:
    """The frames of one section (``## A.`` ...) of a capture file, exact bytes."""
    frames: list[bytes] = []
    inside = False
    for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            inside = line.startswith(f"## {section}.")
            continue
        if inside and line[:1].isdigit():
            frames.append(line.encode("utf-8"))
    return frames
