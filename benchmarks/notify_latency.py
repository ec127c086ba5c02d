"""``screenpop notify NUMBER`` started → the pop's card complete in the running app.

Softphones that cannot talk to us (MicroSIP, Zoiper, Linphone) run
``screenpop notify`` on every ring, so the pop waits for a whole process start
first. This measures that path end to end: a ``screenpop run --headless``
process on the small sample sources, and N notify processes started one after
another; each figure is from spawning ``notify`` to the card's JSON line on
the app's stdout.

The floor is spawning the same interpreter with ``-c pass``: no process start
can beat it.

    .venv/bin/python benchmarks/notify_latency.py [--calls 30]
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import sampledb  # noqa: E402


def spawn_floor(runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        out.append((time.perf_counter() - start) * 1000)
    return out


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=30)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        where = Path(tmp)
        paths = sampledb.build(where / "db")
        extra = f'\n[journal]\nlocal = "{where / "journal.db"}"\n'
        config = where / "agent.toml"
        config.write_text(sampledb.config_text(paths, extra=extra), encoding="utf-8")
        env = dict(os.environ, XDG_RUNTIME_DIR=str(where / "run"))
        (where / "run").mkdir(mode=0o700)
        app = subprocess.Popen(
            [sys.executable, "-m", "screenpop", "run", "--headless", "--config", str(config)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        lines: queue.Queue[dict[str, object]] = queue.Queue()

        def pump() -> None:
            assert app.stdout is not None
            for line in app.stdout:
                lines.put(json.loads(line))

        threading.Thread(target=pump, daemon=True).start()
        try:
            # Ready when a notify is accepted (the socket is the instance lock).
            deadline = time.monotonic() + 30
            while (
                subprocess.run(
                    [
                        sys.executable,
                        "-m",
                        "screenpop",
                        "notify",
                        "+442079460958",
                        "--call-id",
                        "warm-up",
                    ],
                    env=env,
                    capture_output=True,
                ).returncode
                != 0
            ):
                if time.monotonic() > deadline:
                    raise SystemExit("the app did not start")
                time.sleep(0.1)
            lines.get(timeout=10)
            ours = []
            for i in range(args.calls):
                start = time.perf_counter()
                subprocess.run(
                    [
                        sys.executable,
                        "-m",
                        "screenpop",
                        "notify",
                        "+358401234567",
                        "--call-id",
                        f"bench-{i}",
                    ],
                    env=env,
                    check=True,
                    capture_output=True,
                )
                card = lines.get(timeout=10)
                ours.append((time.perf_counter() - start) * 1000)
                assert card["call_id"] == f"bench-{i}", card
                assert card["customer"] is not None
        finally:
            app.terminate()
            app.wait(15)
    floor = spawn_floor(args.calls)
    print(f"notify spawned -> card complete, {args.calls} calls (sample SQLite sources)")
    print(
        f"  ours : p50 {statistics.median(ours):7.1f} ms   p90 {pct(ours, 90):7.1f} ms   "
        f"max {max(ours):7.1f} ms"
    )
    print(
        f"  floor: p50 {statistics.median(floor):7.1f} ms   p90 {pct(floor, 90):7.1f} ms   "
        f"(python -c pass)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
