"""Resident memory of the agent app, both its processes, over 1,000 pops.

DESIGN budget: resident memory after 1,000 pops ≤ 200 MB, flat.

The real app as an agent starts it: ``python -m screenpop run`` with its
window (offscreen) on the embedded demo (real customers, three SQLite
sources, cross-sells, reorders, cases, history), its engine in a process of
its own (``screenpop.remote``). Calls come through the real notify socket,
one every 50 ms, each a distinct real customer (the engine's card cache
cannot serve them), ended 0.3 s after it rang. Printed at start and after
100, 500 and 1,000 pops: each process's resident and proportional memory
(Linux ``smaps_rollup``; proportional counts a page shared by both processes,
the interpreter's and libraries' code, half in each), and the sum.

The floor beside it: a PySide6 window that does nothing (``_hello_qt.py``)
and an interpreter that imported the engine and did nothing.

    .venv/bin/python benchmarks/app_memory.py               # 1,000 pops
    .venv/bin/python benchmarks/app_memory.py --calls 200
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks._burst import DATA, demo_numbers, memory_mb  # noqa: E402
from screenpop.demo.build import build_demo  # noqa: E402
from screenpop.notify_client import send  # noqa: E402


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def engine_of(app: int) -> int:
    """The app's engine process (not multiprocessing's resource tracker)."""
    for pid in children(app):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if b"spawn_main" in cmdline:
            return pid
    sys.exit("the app has no engine process")


def figures(app: int, engine: int) -> tuple[str, float, float]:
    (w_rss, w_pss), (e_rss, e_pss) = memory_mb(app), memory_mb(engine)
    line = (
        f"window {w_rss:4.0f} MB ({w_pss:4.0f} proportional), engine {e_rss:4.0f} MB "
        f"({e_pss:4.0f}); together {w_rss + e_rss:4.0f} MB resident, "
        f"{w_pss + e_pss:4.0f} MB proportional"
    )
    return line, w_rss + e_rss, w_pss + e_pss


def floor(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(resident, proportional) MB of a process once it said "ready" on stderr."""
    proc = subprocess.Popen(argv, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    try:
        assert proc.stderr is not None
        while "ready" not in proc.stderr.readline():
            pass
        time.sleep(0.5)
        return memory_mb(proc.pid)
    finally:
        proc.kill()
        proc.wait()
        if proc.stderr is not None:
            proc.stderr.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--calls", type=int, default=1000)
    parser.add_argument("--every", type=float, default=0.05, help="seconds between rings")
    args = parser.parse_args()
    demo = build_demo(DATA / "burst-demo")
    if not demo.crosssell_model.exists():
        sys.exit("run benchmarks/burst.py once first (it builds the demo's model)")
    numbers = demo_numbers(demo.accounting, args.calls)
    marks = {n for n in (100, 500, 1000, args.calls) if n <= args.calls}
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR"):
            (home / var).mkdir(mode=0o700)
            env[var] = str(home / var)
        config = home / "agent.toml"
        # The demo's own ringing bridge out: calls come through the notify socket only.
        text = re.sub(r"\[\[bridge\]\]\n(?:[^\[\n][^\n]*\n)*", "", demo.config.read_text("utf-8"))
        config.write_text(text, encoding="utf-8")
        log = home / "app.log"
        with log.open("wb") as err:
            app = subprocess.Popen(
                [sys.executable, "-m", "screenpop", "run", "--config", str(config)],
                env=env, stdout=subprocess.DEVNULL, stderr=err, cwd=ROOT,
            )  # fmt: skip
        try:
            deadline = time.monotonic() + 60
            while "ready (" not in log.read_text(errors="replace"):
                if app.poll() is not None or time.monotonic() > deadline:
                    sys.exit("the app did not start:\n" + log.read_text(errors="replace"))
                time.sleep(0.1)
            time.sleep(1.0)
            engine = engine_of(app.pid)
            run_dir = Path(env["XDG_RUNTIME_DIR"]) / "screenpop"
            lines = [f"at start:        {figures(app.pid, engine)[0]}"]
            ends: list[threading.Timer] = []
            for i, number in enumerate(numbers, 1):
                call_id = f"mem-{i}"
                send(run_dir, number, call_id=call_id, timeout=10)
                timer = threading.Timer(
                    0.3, send, args=(run_dir, number), kwargs={"call_id": call_id,
                                                               "event": "ended"}
                )  # fmt: skip
                timer.start()
                ends.append(timer)
                time.sleep(args.every)
                if i in marks:
                    for timer in ends:
                        timer.join()
                    ends.clear()
                    time.sleep(1.0)  # the last cards painted, the journal written
                    line, rss, pss = figures(app.pid, engine)
                    lines.append(f"after {i:5d} pops: {line}")
                    last = (rss, pss)
        finally:
            app.terminate()
            app.wait(30)
    hello = floor([sys.executable, "benchmarks/_hello_qt.py"], env)
    engine_floor = floor(
        [sys.executable, "-c", "import sys, time, screenpop.engine, screenpop.remote.host\n"
         "print('ready', file=sys.stderr, flush=True); time.sleep(60)"],
        env,
    )  # fmt: skip
    print(
        f"app memory: `screenpop run` (window offscreen + engine process) on the demo, "
        f"{args.calls} calls through the notify socket, one every {args.every * 1000:.0f} ms"
    )
    for line in lines:
        print("  " + line)
    print(
        f"  floor: a PySide6 window doing nothing {hello[0]:.0f} MB resident ({hello[1]:.0f} "
        f"proportional); Python with the engine imported {engine_floor[0]:.0f} MB "
        f"({engine_floor[1]:.0f})"
    )
    print(
        f"budget ≤ 200 MB after 1,000 pops: ours {last[0]:.0f} MB resident, {last[1]:.0f} MB "
        f"proportional ({'within' if last[1] <= 200 else 'over'})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
