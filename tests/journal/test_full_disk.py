"""A full disk under the journal: nothing accepted is lost, and doctor says so.

On a real tmpfs of a few MB (``disks.tmpfs``), as the break-it finding did:
60 calls handed in by ``screenpop notify`` to ``screenpop run --headless``
while the journal's disk is full all pop, are kept, and all reach the
journal exactly once after space comes back.
"""

from __future__ import annotations

import concurrent.futures
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from screenpop.cli import main
from screenpop.events import CallState
from screenpop.journal import Journal, JournalError
from tests import sampledb
from tests.journal.conftest import ev, make_card
from tests.journal.disks import fill, tmpfs

CALLS = 60


def _wait(what: str, cond: Callable[[], Any], timeout: float = 60.0) -> Any:
    """Wait for ``cond`` (event-like: a short wait on an Event between looks)."""
    pause = threading.Event()
    deadline = time.monotonic() + timeout
    while True:
        value = cond()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        pause.wait(0.05)


def test_write_on_a_full_disk_is_transient_then_succeeds(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", "4m") as disk, Journal(disk / "journal.db") as journal:
        filler = fill(disk)
        failure: JournalError | None = None
        for i in range(2000):  # the WAL's reusable space may take a few first
            try:
                journal.record_event(*ev(f"f{i}", CallState.RINGING, 1000.0 + i))
                journal.record_card(f"f{i}", make_card(), 3.0)
            except JournalError as exc:
                failure = exc
                break
        assert failure is not None, "the full disk never refused a write"
        assert failure.transient
        assert "full" in str(failure)
        filler.unlink()
        journal.record_event(*ev("after", CallState.RINGING, 9999.0))
        assert journal.get("after") is not None


# ----------------------------------------------------------------- doctor --


def _doctor(config: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["doctor", "--config", str(config)])
    out = capsys.readouterr().out
    [line] = [line for line in out.splitlines() if "] journal:" in line]
    return code, line


def _config(tmp_path: Path, journal: Path) -> Path:
    config = tmp_path / "agent.toml"
    config.write_text(f'[journal]\nlocal = "{journal}"\n', encoding="utf-8")
    return config


def test_doctor_ok_says_where_and_how_much_room(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "j" / "journal.db"
    code, line = _doctor(_config(tmp_path, path), capsys)
    assert code == 0
    assert line.startswith(f"[  ok] journal: {path}: sound, durable write in ")
    assert " free" in line
    with Journal(path) as journal:
        assert journal.recent() == []  # the probe left nothing behind


def test_doctor_fails_on_a_full_disk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with tmpfs(tmp_path / "disk", "4m") as disk:
        path = disk / "journal.db"
        with Journal(path) as journal:
            journal.record_event(*ev("x", CallState.RINGING, 1.0))
        fill(disk)
        code, line = _doctor(_config(tmp_path, path), capsys)
        assert code == 1
        assert line.startswith("[FAIL] journal: ")
        assert str(path) in line
        assert "the disk is full" in line
        assert "0 bytes free" in line


def test_doctor_fails_on_a_nearly_full_disk(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Room for a write or two is not room for a day of calls."""
    with tmpfs(tmp_path / "disk", "8m") as disk:
        path = disk / "journal.db"
        Journal(path).close()
        fill(disk, leave=3 * 1024 * 1024)
        code, line = _doctor(_config(tmp_path, path), capsys)
        assert code == 1
        assert "only" in line
        assert "MB free" in line


def test_doctor_fails_on_a_damaged_journal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "journal.db"
    with Journal(path) as journal:
        for i in range(60):
            journal.record_event(*ev(f"c{i}", CallState.RINGING, 1000.0 + i))
            journal.record_card(f"c{i}", make_card(), 3.0)
    with path.open("r+b") as f:
        f.seek(40960)
        f.write(os.urandom(4096))
    code, line = _doctor(_config(tmp_path, path), capsys)
    assert code == 1
    assert line.startswith(f"[FAIL] journal: the journal {path} is damaged")
    assert "Move it aside" in line


# ---------------------------------------------------- the product's path --


def _journal_rows(path: Path) -> tuple[dict[str, int], int]:
    """(ringing events per call, calls with a card) as the journal holds them now.

    Only rings are counted: on a slow run the notify bridge's ring timeout
    (45 s) rightly adds an ``ended`` to a call nobody answered.
    """
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        events = dict(
            con.execute(
                "SELECT call_id, count(*) FROM call_events WHERE state = 'ringing' GROUP BY call_id"
            )
        )
        carded = con.execute("SELECT count(*) FROM calls WHERE card_json IS NOT NULL").fetchone()
    finally:
        con.close()
    return {str(k): int(v) for k, v in events.items()}, int(carded[0])


def _notify(call_id: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "screenpop",
            "notify",
            "+44 20 7946 0958",
            "--name",
            "Oliver",
            "--call-id",
            call_id,
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_sixty_notifies_on_a_full_disk_all_reach_the_journal_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with tmpfs(tmp_path / "disk", "6m") as disk:
        journal = disk / "journal.db"
        paths = sampledb.build(tmp_path / "db")  # the sources live elsewhere
        config = tmp_path / "agent.toml"
        config.write_text(
            sampledb.config_text(paths, extra=f'\n[journal]\nlocal = "{journal}"\n'),
            encoding="utf-8",
        )
        log_path = tmp_path / "app.stderr"
        with log_path.open("w") as log:
            app = subprocess.Popen(
                [sys.executable, "-m", "screenpop", "run", "--headless", "--config", str(config)],
                stdout=subprocess.PIPE,
                stderr=log,
                stdin=subprocess.DEVNULL,
                text=True,
            )
        pops: list[dict[str, Any]] = []
        pump = threading.Thread(
            target=lambda: pops.extend(json.loads(line) for line in app.stdout or ()),
            daemon=True,
        )
        pump.start()
        try:
            _wait("the notify bridge", lambda: "bridge notify: listening" in log_path.read_text())
            filler = fill(disk)
            ids = [f"full-{i:02d}" for i in range(CALLS)]
            with concurrent.futures.ThreadPoolExecutor(4) as pool:
                handed = list(pool.map(_notify, ids))
            assert [r.returncode for r in handed] == [0] * CALLS, [r.stderr for r in handed]
            _wait("60 pops", lambda: len(pops) >= CALLS)
            assert sorted(p["call_id"] for p in pops) == ids
            _wait("the journal failing", lambda: "kept, retrying" in log_path.read_text())
            events, _ = _journal_rows(journal)
            held_while_full = CALLS - len(events)
            assert held_while_full > 0, "the disk was not full enough to hold anything back"
            code, line = _doctor(config, capsys)
            assert code == 1
            assert line.startswith("[FAIL] journal: ")
            assert "the disk is full" in line

            freed = time.monotonic()
            filler.unlink()
            _wait(
                "all 60 calls journaled with their cards",
                lambda: (
                    (rows := _journal_rows(journal)) and len(rows[0]) == CALLS and rows[1] == CALLS
                ),
            )
            drained_s = time.monotonic() - freed
            events, _carded = _journal_rows(journal)
            assert sorted(events) == ids
            assert set(events.values()) == {1}  # none twice
            print(
                f"\nfull disk: {CALLS} popped, {CALLS - held_while_full} journaled while "
                f"full, {held_while_full} held and journaled {drained_s:.1f} s after space came back"
            )
        finally:
            if app.poll() is None:
                app.send_signal(signal.SIGTERM)
            try:
                app.wait(30)
            except subprocess.TimeoutExpired:
                app.kill()
                app.wait(5)
            pump.join(5)
            if app.stdout is not None:
                app.stdout.close()
        assert app.returncode == 0, log_path.read_text()[-3000:]
        assert "journal: writing again" in log_path.read_text()
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "screenpop",
                "journal",
                "export",
                "--config",
                str(config),
                "--format",
                "json",
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        rows = json.loads(done.stdout)
        assert sorted(row["call_id"] for row in rows) == ids
        assert all(row["customer_id"] == "C-200" for row in rows)
