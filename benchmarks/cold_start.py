"""Cold start of the installed bundle to "ready" in the tray, beside its floor.

DESIGN budget: cold start of the installed bundle to ready in the tray ≤ 1.5 s.

"Ready" is the line ``screenpop.ui.app`` logs at INFO on stderr on the event
loop's first turn, after the core (bridges, sources, journal) has started and
the tray icon, or the fallback window when there is no tray, has been shown:
``... INFO screenpop.ui.app: ready (tray)``. Each run is timed from the
process's launch to that line, then the process is ended.

The floor is the least a PySide6 tray app does (``_hello_qt.py``: a
QApplication, a tray icon or a window, the same ready line), run with the
venv's Python and as a PyInstaller onedir bundle of its own, built once into
benchmarks/.data/. Both run on a real X server (Xvfb, xcb platform), once
without a tray host (screenpop shows its fallback window) and once with
Debian's ``trayer`` as the tray host.

    scripts/build-bundle                                 # dist/screenpop/screenpop
    .venv/bin/python benchmarks/cold_start.py            # 10 runs of each
    .venv/bin/python benchmarks/cold_start.py --bundle /opt/screenpop/screenpop --runs 20

The app's configuration is what an agent's would be: three SQLite sources
(accounting, sales, credit), the notify bridge and a local journal that
exists already (one warm-up run per row creates it). "Cold" means a new
process each time; the OS page cache stays warm (dropping it needs a root
shell outside a container), so a first launch after boot is slower.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / ".data"
HELLO = Path(__file__).resolve().parent / "_hello_qt.py"
BUDGET_S = 1.5


MODES = ("window", "tray")


@dataclass
class Row:
    name: str
    argv: list[str]
    #: per resting place: (wall s, CPU s) of each run
    runs: dict[str, list[tuple[float, float]]] = field(
        default_factory=lambda: {mode: [] for mode in MODES}
    )


def build_hello_bundle(pyinstaller: str) -> Path:
    """The floor app as a PyInstaller onedir bundle (rebuilt when its source changes)."""
    out = DATA / "hello_qt"
    exe = out / "dist" / "hello_qt" / "hello_qt"
    if exe.exists() and exe.stat().st_mtime >= HELLO.stat().st_mtime:
        return exe
    print("building the PyInstaller hello-world bundle (once) ...", file=sys.stderr)
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run(
        [
            pyinstaller,
            "--noconfirm",
            "--onedir",
            "--log-level",
            "WARN",
            "--name",
            "hello_qt",
            "--distpath",
            str(out / "dist"),
            "--workpath",
            str(out / "build"),
            "--specpath",
            str(out),
            str(HELLO),
        ],
        check=True,
    )
    return exe


def write_agent_config(root: Path) -> Path:
    """Three small SQLite sources, the notify bridge, a journal: an agent's workstation."""
    db = root / "db"
    db.mkdir(parents=True)
    with sqlite3.connect(db / "acct.sqlite") as c:
        c.execute("CREATE TABLE customers (id TEXT PRIMARY KEY, name TEXT, phone TEXT)")
        c.execute("CREATE TABLE ar (customer_id TEXT, balance REAL, overdue REAL, currency TEXT)")
        c.execute("INSERT INTO customers VALUES ('C-1', 'Oliver Brown', '+442079460958')")
        c.execute("INSERT INTO ar VALUES ('C-1', 980.0, 400.0, 'GBP')")
    with sqlite3.connect(db / "sales.sqlite") as c:
        c.execute(
            "CREATE TABLE lines (customer_id TEXT, date TEXT, product TEXT, description TEXT, quantity INT, amount REAL)"
        )
        c.execute(
            "INSERT INTO lines VALUES ('C-1', '2011-09-15', '47566', 'PARTY BUNTING', 4, 19.8)"
        )
    with sqlite3.connect(db / "credit.sqlite") as c:
        c.execute("CREATE TABLE credit (customer_id TEXT, credit_limit REAL, terms TEXT, hold INT)")
        c.execute("INSERT INTO credit VALUES ('C-1', 1000, 'Net 30', 0)")
    config = root / "agent.toml"
    config.write_text(
        f"""
[agent]
extension = "agent"
region = "GB"

[[bridge]]
kind = "notify"

[[source]]
name = "accounting"
kind = "sql"
url = "sqlite:///{db / "acct.sqlite"}"
section = "balance"
identify = "SELECT id AS customer_id, name FROM customers WHERE phone = :e164"
query = "SELECT balance, overdue, currency FROM ar WHERE customer_id = :customer_id"

[[source]]
name = "sales"
kind = "sql"
url = "sqlite:///{db / "sales.sqlite"}"
section = "purchases"
query = "SELECT date, product, description, quantity, amount FROM lines WHERE customer_id = :customer_id ORDER BY date DESC LIMIT 10"

[[source]]
name = "credit"
kind = "sql"
url = "sqlite:///{db / "credit.sqlite"}"
section = "credit"
query = "SELECT credit_limit AS \\"limit\\", terms, hold FROM credit WHERE customer_id = :customer_id"

[journal]
local = "{root / "journal.db"}"
""",
        encoding="utf-8",
    )
    return config


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        sys.exit("cold_start: Xvfb not found (apt-get install xvfb; scripts/apt/core.txt)")
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        [xvfb, "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as fh:
        number = fh.readline().strip()
    if not number:
        sys.exit("cold_start: Xvfb did not start")
    return proc, f":{number}"


def start_tray(display: str) -> subprocess.Popen[bytes]:
    trayer = shutil.which("trayer")
    if trayer is None:
        sys.exit("cold_start: trayer not found (apt-get install trayer; scripts/apt/core.txt)")
    proc = subprocess.Popen(
        [trayer, "--edge", "bottom", "--align", "right", "--widthtype", "request"],
        env=dict(os.environ, DISPLAY=display),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(1.0)  # trayer takes the _NET_SYSTEM_TRAY selection; each run checks it did
    return proc


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (all its threads), from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def time_to_ready(
    argv: list[str], env: dict[str, str], want: str, timeout: float = 60
) -> tuple[float, float]:
    """Launch, wait for the ``ready (want)`` line on stderr, end the process.

    Returns (wall seconds, CPU seconds) from launch to the line. The CPU time
    hardly moves with other load on the machine; the wall time does.
    """
    started = time.perf_counter()
    proc = subprocess.Popen(
        argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    seen: list[str] = []
    ready = threading.Event()
    measured: list[tuple[float, float]] = []

    def read() -> None:
        assert proc.stderr is not None
        for raw in proc.stderr:
            line = raw.decode("utf-8", "replace").rstrip()
            seen.append(line)
            if not ready.is_set() and (line.startswith("ready (") or " ready (" in line):
                measured.append((time.perf_counter() - started, _cpu_seconds(proc.pid)))
                ready.set()
        ready.set()  # end of output: the process is gone

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    ready.wait(timeout)
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    reader.join(5)
    if not measured:
        tail = "\n".join(seen[-15:])
        raise RuntimeError(f"{argv[0]}: no ready line (ended, or {timeout:.0f} s); stderr:\n{tail}")
    line = next(s for s in seen if "ready (" in s)
    if f"ready ({want})" not in line:
        raise RuntimeError(f"{argv[0]}: expected ready ({want}), got: {line}")
    return measured[0]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bundle", type=Path, default=ROOT / "dist" / "screenpop" / "screenpop")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--no-floor-bundle", action="store_true", help="skip the hello-world bundle")
    args = ap.parse_args()
    if not args.bundle.exists():
        sys.exit(f"cold_start: no bundle at {args.bundle}: build it with scripts/build-bundle")

    work = Path(tempfile.mkdtemp(prefix="screenpop-cold-"))
    config = write_agent_config(work)
    rows = [
        Row("screenpop bundle", [str(args.bundle), "run", "--config", str(config)]),
        Row(
            "screenpop, venv python",
            [sys.executable, "-m", "screenpop", "run", "--config", str(config)],
        ),
    ]
    if not args.no_floor_bundle:
        pyinstaller = Path(sys.executable).parent / "pyinstaller"
        rows.append(Row("floor: hello-world bundle", [str(build_hello_bundle(str(pyinstaller)))]))
    rows.append(Row("floor: hello-world, venv python", [sys.executable, str(HELLO)]))

    env = {k: v for k, v in os.environ.items() if not k.startswith("SCREENPOP_")}
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[var] = str(work / var.lower())
    env["XDG_RUNTIME_DIR"] = str(work / "run")
    (work / "run").mkdir(mode=0o700)
    env["SCREENPOP_MACHINE_CONFIG"] = str(work / "no-machine-config.toml")
    env["QT_QPA_PLATFORM"] = "xcb"
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # the tray host under test is trayer (XEmbed)

    load_before = os.getloadavg()[0]
    xvfb, display = start_xvfb()
    env["DISPLAY"] = display
    try:
        for mode in MODES:
            tray = start_tray(display) if mode == "tray" else None
            try:
                for row in rows:  # warm-up: the journal is created, pages are cached
                    time_to_ready(row.argv, env, mode)
                for _ in range(args.runs):  # round robin: background load hits every row alike
                    for row in rows:
                        row.runs[mode].append(time_to_ready(row.argv, env, mode))
            finally:
                if tray is not None:
                    tray.terminate()
                    tray.wait()
    finally:
        xvfb.terminate()
        xvfb.wait()
        shutil.rmtree(work, ignore_errors=True)
    load_after = os.getloadavg()[0]

    print(
        f"Cold start to ready, {args.runs} runs each, on Xvfb; {os.cpu_count()} cores, "
        f"load average {load_before:.1f} before, {load_after:.1f} after"
    )
    print(
        f"{'resting place':<16} {'what':<32} {'wall p50':>9} {'max':>7} {'min':>7} {'CPU p50':>8}"
    )
    for mode in MODES:
        label = "tray (trayer)" if mode == "tray" else "window, no tray"
        for row in rows:
            wall = [w for w, _ in row.runs[mode]]
            cpu = [c for _, c in row.runs[mode]]
            print(
                f"{label:<16} {row.name:<32} {statistics.median(wall):>8.3f}s "
                f"{max(wall):>6.3f}s {min(wall):>6.3f}s {statistics.median(cpu):>7.2f}s"
            )
    ours = statistics.median(w for w, _ in rows[0].runs["tray"])
    verdict = "within" if ours <= BUDGET_S else "OVER"
    ratio = ""
    if not args.no_floor_bundle:
        floor = statistics.median(w for w, _ in rows[2].runs["tray"])
        ratio = f"; {ours / floor:.1f}x the hello-world bundle ({floor:.3f} s)"
    print(f"bundle in the tray: p50 {ours:.3f} s, {verdict} the {BUDGET_S} s budget{ratio}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
