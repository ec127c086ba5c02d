"""``screenpop run --headless`` as a real process, for the end-to-end bridge tests.

The engine logs one JSON line per pop on stdout; the journal is read back with
``screenpop journal export``. The peers (baresip, kamailio) come from
peers_bridges; calls are placed by sipp.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from tests import sampledb


def write_config(tmp_path: Path, bridge_toml: str) -> Path:
    """The sample accounting/sales/credit databases, one bridge, a journal in tmp."""
    paths = sampledb.build(tmp_path / "db")
    extra = f'\n[journal]\nlocal = "{tmp_path / "journal.db"}"\n\n{bridge_toml}\n'
    path = tmp_path / "agent.toml"
    path.write_text(sampledb.config_text(paths, extra=extra), encoding="utf-8")
    return path


def screenpop(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "screenpop", *args], capture_output=True,
                          text=True, timeout=timeout, env=os.environ.copy())


REPO = Path(__file__).resolve().parents[2]


def env_with_secrets(secrets: dict[str, str], where: Path) -> dict[str, str]:
    """Environment for a subprocess whose keyring holds ``secrets`` (tests only)."""
    store = where / "keyring.json"
    store.write_text(json.dumps(secrets))
    env = os.environ.copy()
    env["PYTHON_KEYRING_BACKEND"] = "tests.bridges.file_keyring.FileKeyring"
    env["TEST_KEYRING_FILE"] = str(store)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


class Headless:
    """A running ``screenpop run --headless --config F``; its pop lines collected."""

    def __init__(self, config: Path, env: dict[str, str] | None = None) -> None:
        self.config = config
        self.log_path = config.with_suffix(".stderr.log")
        with self.log_path.open("w") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "screenpop", "-v", "run", "--headless", "--config",
                 str(config)],
                stdout=subprocess.PIPE, stderr=log, text=True, env=env or os.environ.copy(),
                stdin=subprocess.DEVNULL,
            )
        self.pops: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._pumper = threading.Thread(target=self._pump, daemon=True)
        self._pumper.start()

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            with self._lock:
                self.pops.append(json.loads(line))

    def stderr(self) -> str:
        return self.log_path.read_text(errors="replace")

    async def wait_for(self, what: str, cond: Any, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while not cond():
            if self.proc.poll() is not None:
                raise AssertionError(f"screenpop exited {self.proc.returncode}:\n{self.stderr()}")
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}; pops={self.pops}\n"
                                     f"{self.stderr()[-3000:]}")
            await asyncio.sleep(0.05)

    async def connected(self, bridge: str, timeout: float = 20.0) -> None:
        """Wait until the log says the bridge is connected (health is logged at INFO)."""
        await self.wait_for(f"bridge {bridge} connected",
                            lambda: f"bridge {bridge}: connected" in self.stderr(), timeout)

    async def pop(self, call_index: int, timeout: float = 15.0) -> dict[str, Any]:
        await self.wait_for(f"pop #{call_index + 1}", lambda: len(self.pops) > call_index,
                            timeout)
        return self.pops[call_index]

    def connected_at(self, bridge: str) -> list[float]:
        """Epoch times of every "bridge X: connected" the process logged, in order."""
        times = []
        for line in self.stderr().splitlines():
            if f" bridge {bridge}: connected" in line:
                stamp = datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f")
                times.append(stamp.timestamp())
        return times

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self._pumper.join(5)
        if self.proc.stdout is not None:
            self.proc.stdout.close()
        return self.proc.returncode

    def journal(self) -> dict[str, dict[str, Any]]:
        res = screenpop("journal", "export", "--config", str(self.config), "--format", "json")
        assert res.returncode == 0, res.stderr
        return {row["call_id"]: row for row in json.loads(res.stdout)}
