"""The agent app's core in a process of its own (``screenpop.remote``), tried
for real: a spawned engine process on the sample databases, calls handed in
through the real notify socket, and the processes killed as a desk kills them.
"""

from __future__ import annotations

import logging
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from screenpop.bridges.notify import AlreadyRunning
from screenpop.config.loader import load_config
from screenpop.events import CallState
from screenpop.frontend import Saved
from screenpop.health import HealthState
from screenpop.notify_client import send
from screenpop.remote.client import EngineGone, RemoteCore
from screenpop.remote.wire import EngineSpec
from tests import sampledb
from tests.engine.conftest import Recorder

OLIVER = "+442079460958"


class Desk:
    """One agent's app: its spec, its runtime folder, its journal."""

    def __init__(self, config_path: Path, tmp_path: Path) -> None:
        self.run = tmp_path / "run"
        self.journal = tmp_path / "journal.db"
        self.spec = EngineSpec(
            load_config(config_path, environ={}),
            journal_path=self.journal,
            runtime_dir=self.run,
            log_level=logging.INFO,
        )

    def ring(self, call_id: str, event: str = "ringing", number: str = OLIVER) -> None:
        send(self.run, number, call_id=call_id, event=event, timeout=10)


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    config = tmp_path / "agent.toml"
    config.write_text(sampledb.config_text(sampledb.build(tmp_path / "db")), encoding="utf-8")
    return Desk(config, tmp_path)


@pytest.fixture
def cores() -> Iterator[Callable[[EngineSpec], RemoteCore]]:
    made: list[RemoteCore] = []

    def make(spec: EngineSpec) -> RemoteCore:
        core = RemoteCore(spec)
        made.append(core)
        return core

    yield make
    for core in made:
        core.stop()


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (exited, not yet reaped by its parent) is gone for our purpose.
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


def wait_until(what: Callable[[], Any], timeout: float = 20.0) -> Any:
    deadline = time.monotonic() + timeout
    while not (value := what()):
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)
    return value


def test_a_call_pops_is_answered_for_and_journaled_through_the_engine_process(
    desk: Desk, cores: Callable[[EngineSpec], RemoteCore], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    core = cores(desk.spec)
    listener = Recorder()
    core.start(listener)
    engine_pid = core.pid
    assert engine_pid is not None
    assert engine_pid != os.getpid()
    assert core.dispositions()  # known at start: the wrap-up reads it on the GUI thread
    desk.ring("r-1")
    card = listener.wait(lambda: listener.complete.get("r-1"))
    assert card.customer is not None
    assert card.customer.customer_id == "C-200"
    assert card.sections["balance"].data["overdue"] == 400.0
    assert [c.call_id for c in listener.rung] == ["r-1"]
    # What the window reads in memory is mirrored from the engine, never asked for.
    wait_until(lambda: core.source_healths().get("accounting"))
    wait_until(lambda: core.bridge_healths()["notify"].state is HealthState.LISTENING)
    assert "journal" in core.journal_healths()
    # What waits (journal, sources) is asked of the engine and answered.
    assert [r.call_id for r in core.recent_calls(10)] == ["r-1"]
    assert core.card("r-1") == card
    assert [m.customer_id for m in core.search("C-200")] == ["C-200"]
    with pytest.raises(ValueError):  # the engine's refusal arrives as itself
        core.open_case("no-such-call", "47566", "complaint", "broken")
    desk.ring("r-1", "answered")
    listener.wait(lambda: ("r-1", CallState.ANSWERED, False) in listener.states)
    assert core.save_wrapup("r-1", core.dispositions()[0], "Wants a catalogue") is Saved.SAVED
    # The engine's log is written by the app's handlers, in the app's process.
    assert any(r.process != os.getpid() for r in caplog.records if r.name.startswith("screenpop"))
    core.stop()
    assert not alive(engine_pid)
    with sqlite3.connect(desk.journal) as db:
        row = db.execute("SELECT disposition, notes FROM calls WHERE call_id = 'r-1'").fetchone()
    assert row == (core.dispositions()[0], "Wants a catalogue")


def test_a_second_instance_is_refused_and_its_engine_process_ends(
    desk: Desk, cores: Callable[[EngineSpec], RemoteCore]
) -> None:
    first = cores(desk.spec)
    first.start(Recorder())
    second = cores(desk.spec)
    second.launch()
    pid = second.pid
    assert pid is not None
    with pytest.raises(AlreadyRunning):
        second.prepare()
    wait_until(lambda: not alive(pid), timeout=10)
    desk.ring("r-2")  # the first runs on
    wait_until(lambda: first.recent_calls(5))


def test_a_killed_engine_is_started_again_and_calls_pop_again(
    desk: Desk, cores: Callable[[EngineSpec], RemoteCore]
) -> None:
    core = cores(desk.spec)
    listener = Recorder()
    health: list[tuple[str, HealthState]] = []
    listener.bridge_health = lambda name, h: health.append((name, h.state))  # type: ignore[method-assign]
    core.start(listener)
    desk.ring("before")
    listener.wait(lambda: listener.complete.get("before"))
    killed = core.pid
    assert killed is not None
    os.kill(killed, signal.SIGKILL)
    wait_until(lambda: ("notify", HealthState.FAILED) in health)
    with pytest.raises(EngineGone):  # nothing waits on a dead engine
        core.recent_calls(1)
    wait_until(lambda: core.restarts == 1, timeout=30)
    assert core.pid not in (None, killed)
    assert ("notify", HealthState.LISTENING) in health[
        health.index(("notify", HealthState.FAILED)) :
    ]
    desk.ring("after")
    listener.wait(lambda: listener.complete.get("after"))
    assert {r.call_id for r in core.recent_calls(10)} == {"before", "after"}


def test_the_engine_process_ends_when_the_app_is_killed(desk: Desk, tmp_path: Path) -> None:
    """No engine left behind holding the instance: a new app starts at once."""
    spec_file = tmp_path / "spec.pickle"
    import pickle

    spec_file.write_bytes(pickle.dumps(desk.spec))
    app = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import pickle, sys, time
            from pathlib import Path
            from screenpop.remote.client import RemoteCore
            from tests.engine.conftest import Recorder
            core = RemoteCore(pickle.loads(Path({str(spec_file)!r}).read_bytes()))
            core.start(Recorder())
            print(core.pid, flush=True)
            time.sleep(600)
        """)],
        stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parents[2],
    )  # fmt: skip
    try:
        assert app.stdout is not None
        engine_pid = int(app.stdout.readline())
        assert alive(engine_pid)
        app.kill()
        app.wait(10)
        wait_until(lambda: not alive(engine_pid), timeout=20)
    finally:
        app.kill()
        app.wait(10)
        if app.stdout is not None:
            app.stdout.close()
    again = RemoteCore(desk.spec)
    try:
        again.start(Recorder())  # the instance was released
        desk.ring("r-3")
        wait_until(lambda: again.recent_calls(5))
    finally:
        again.stop()


def test_the_window_process_loads_no_engine_and_no_database_driver() -> None:
    """What runs beside the GUI thread stays small: the engine, SQLAlchemy and
    the source drivers load in the engine process only."""
    probe = subprocess.run(
        [sys.executable, "-c", textwrap.dedent("""
            import sys
            import screenpop.cli.app, screenpop.remote.client, screenpop.ui.app
            import screenpop.ui.controller, screenpop.config.loader, screenpop.journal
            from screenpop.journal import JournalError
            heavy = ("screenpop.engine", "screenpop.lookup", "screenpop.journal.store",
                     "sqlalchemy", "alembic", "numpy", "keyring")
            print(sorted(m for m in heavy if m in sys.modules))
        """)],
        capture_output=True, text=True, timeout=60, cwd=Path(__file__).parents[2],
    )  # fmt: skip
    assert probe.returncode == 0, probe.stderr
    assert probe.stdout.strip() == "[]"


def test_a_call_that_rings_while_the_windows_are_built_pops_once_they_are(
    desk: Desk, cores: Callable[[EngineSpec], RemoteCore]
) -> None:
    """``prepare`` has the engine start at once; what it tells before ``start``
    hands over a listener is kept and handed over, in order."""
    core = cores(desk.spec)
    core.prepare()
    wait_until(lambda: _ringable(desk))
    desk.ring("early")
    desk.ring("early", "ended")
    time.sleep(1.0)  # the card is complete in the engine, nobody listening yet
    listener = Recorder()
    core.start(listener)
    listener.wait(lambda: listener.complete.get("early"))
    listener.wait(lambda: ("early", CallState.MISSED, False) in listener.states)
    assert [c.call_id for c in listener.rung] == ["early"]


def _ringable(desk: Desk) -> bool:
    try:
        desk.ring("probe", "ended")  # an end of an unknown call: refused or ignored
    except Exception as exc:
        return "no running screenpop instance" not in str(exc)
    return True


def test_a_bad_configuration_leaves_no_engine_process_behind(tmp_path: Path) -> None:
    """``screenpop run`` starts its engine process before it reads the
    configuration: when that fails, the process ends with the app."""
    config = tmp_path / "bad.toml"
    config.write_text('[agent]\nextension = "agent"\nno_such_key = 1\n', encoding="utf-8")
    before = set(_engine_processes())
    res = subprocess.run(
        [sys.executable, "-m", "screenpop", "run", "--config", str(config)],
        capture_output=True, text=True, timeout=60, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )  # fmt: skip
    assert res.returncode == 2, res.stderr
    assert "no_such_key" in res.stderr
    assert "Traceback" not in res.stderr
    wait_until(lambda: not set(_engine_processes()) - before, timeout=10)


def _engine_processes() -> list[int]:
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if b"spawn_main" in cmdline.read_bytes() and alive(int(cmdline.parent.name)):
                found.append(int(cmdline.parent.name))
        except (OSError, ValueError):
            continue
    return found


def test_a_hung_engine_never_holds_up_the_window(
    desk: Desk, cores: Callable[[EngineSpec], RemoteCore]
) -> None:
    """A stopped engine reads nothing and its pipe fills: what the GUI thread
    sends (notes drafts, a chosen customer) still returns at once, and what
    was sent arrives in order once the engine reads again."""
    core = cores(desk.spec)
    listener = Recorder()
    core.start(listener)
    desk.ring("hung")
    listener.wait(lambda: listener.complete.get("hung"))
    engine = core.pid
    assert engine is not None
    os.kill(engine, signal.SIGSTOP)
    try:
        started = time.monotonic()
        for i in range(400):  # ~20 MB of drafts: far more than a pipe holds
            core.save_notes_draft("hung", f"{i:04d} " + "x" * 50_000)
        assert time.monotonic() - started < 5.0
    finally:
        os.kill(engine, signal.SIGCONT)
    core.save_wrapup("hung", core.dispositions()[0], "0399 the last draft, saved")
    with sqlite3.connect(desk.journal) as db:
        (notes,) = db.execute("SELECT notes FROM calls WHERE call_id = 'hung'").fetchone()
    assert notes == "0399 the last draft, saved"
