"""Screenshots of the real supervisor window for the README (log, detail, live floor, figures).

Makes a throw-away central database with the shipped SQL on the local
PostgreSQL, three workstations' calls of the last week journaled through the
real ``Journal`` API and replicated by the real ``Replicator`` as their own
agent logins (two teams), a few calls ringing, on call and in wrap-up right
now, then opens the real ``SupervisorWindow`` as a supervisor of team north
on a real X display (re-runs itself under ``xvfb-run`` when none is set) and
grabs it to ``docs/screenshots/``:

* ``supervisor-log.png`` — the call log with a filter;
* ``supervisor-detail.png`` — one call's detail with the card as the agent saw it;
* ``supervisor-floor.png`` — the live floor;
* ``supervisor-figures.png`` — figures and the chart;
* ``supervisor-he.png`` — the log for a supervisor in he_IL (right to left).

Usage: ``.venv/bin/python scripts/supervisor_screenshots.py [--out DIR]``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CALLERS = (
    ("+44 20 7946 0958", "Chloë Baker", ("17850", "Baker & Sons Ltd")),
    ("020 7946 0111", "Oliver Grant", ("12583", "Grant Hardware")),
    ("+44 161 496 0624", "Aino Virtanen", ("13047", "Virtanen Oy")),
    ("+44 117 496 0333", "", None),
    ("+358 40 1234567", "Jonas Petrauskas", ("14911", "Petrauskas UAB")),
    ("+44 29 2018 0015", "Maya Cohen", ("15311", "Cohen Trading")),
)
NOTES = (
    "Ordered two boxes of the lanterns; delivery Friday.",
    "Asked about the credit hold; explained the overdue invoice.",
    "Complaint: glass candle holder arrived broken, replacement sent.",
    "Wants a quote for 200 mugs, will call back.",
    "Changed the delivery address.",
)


def specs(agent: str, now: float) -> list[Any]:
    from tests.journal.central_support import Spec

    out = []
    for i in range(40):
        number, caller, customer = CALLERS[(i + int(agent)) % len(CALLERS)]
        outcome = ("answered", "answered", "missed", "answered", "elsewhere")[i % 5]
        out.append(
            Spec(
                call_id=f"{agent}-{i}",
                at=now - 6 * 86400 + i * 3.5 * 3600 + (int(agent) % 10) * 97,
                outcome=outcome,
                number=number,
                caller=caller,
                customer=customer,
                disposition=("sale", "resolved", "follow-up", "complaint")[i % 4],
                notes=NOTES[(i // 5 + int(agent)) % len(NOTES)],
                latency_ms=4.0 + (i * 7) % 30,
            )
        )
    return out


def live(agent: str, now: float) -> list[Any]:
    from tests.journal.central_support import Spec

    return {
        "1001": [Spec("now-1", now - 95, "on_call", "+44 20 7946 0958", "Chloë Baker",
                      ("17850", "Baker & Sons Ltd"))],
        "1002": [Spec("now-2", now - 12, "ringing", "+44 161 496 0624", "Aino Virtanen",
                      ("13047", "Virtanen Oy")),
                 Spec("now-3", now - 400, "missed", "+44 117 496 0999", "Leo Park", None)],
        "1004": [Spec("now-4", now - 300, "wrap_up", "020 7946 0111", "Oliver Grant",
                      ("12583", "Grant Hardware"))],
    }.get(agent, [])  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    if (
        not os.environ.get("DISPLAY")
        and shutil.which("xvfb-run")
        and not os.environ.get("_SP_XVFB")
    ):
        env = {**os.environ, "_SP_XVFB": "1"}
        return subprocess.call(
            ["xvfb-run", "-a", "-s", "-screen 0 1400x900x24", sys.executable, *sys.argv], env=env
        )

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from screenpop.config.schema import Config, SupervisorConfig
    from screenpop.ui.app import application
    from screenpop.ui.supervisor.app import open_window
    from tests.journal.central_support import central_database, replicate

    def spin(seconds: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    def wait(predicate: Any, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while not predicate() and time.monotonic() < deadline:
            spin(0.05)

    args.out.mkdir(parents=True, exist_ok=True)
    app: Any = QApplication.instance() or application("en_GB")
    now = time.time()
    with central_database() as central, tempfile.TemporaryDirectory() as tmp:
        for name, agent, team in (
            ("a", "1001", "north"), ("b", "1002", "north"), ("d", "1004", "north"),
            ("c", "1003", "south"),
        ):  # fmt: skip
            login = central.agent(name, agent, team)
            replicate(
                central,
                login,
                agent,
                Path(tmp) / f"{name}.db",
                specs(agent, now) + live(agent, now),
            )
        sup = central.supervisor("anna", "north")

        def config(locale: str) -> Config:
            return Config(
                agent={"extension": "sup", "locale": locale},  # type: ignore[arg-type]
                supervisor=SupervisorConfig(central=central.url(sup)),
            )

        window: Any = open_window(config("en_GB"))
        window.resize(1280, 760)
        wait(lambda: window.log.model.rows and window.floor.snapshot is not None)
        window.log.filters.outcome.setCurrentIndex(window.log.filters.outcome.findData("answered"))
        window.log.filters.submit()
        spin(1.0)
        window.grab().save(str(args.out / "supervisor-log.png"))

        row = next(r for r in window.log.model.rows if r.notes and "Complaint" in r.notes)
        window.open_detail(row.agent, row.call_id)
        wait(lambda: window.details)
        detail = window.details[-1]
        detail.resize(660, 900)
        spin(0.8)
        detail.grab().save(str(args.out / "supervisor-detail.png"))

        window.tabs.setCurrentWidget(window.floor)
        spin(1.5)
        window.grab().save(str(args.out / "supervisor-floor.png"))

        window.log.filters.outcome.setCurrentIndex(0)
        window.log.filters.submit()
        spin(0.5)
        window.tabs.setCurrentWidget(window.figures)
        wait(lambda: window.figures.figures is not None)
        spin(1.0)
        window.grab().save(str(args.out / "supervisor-figures.png"))
        window.close()

        hebrew: Any = open_window(config("he_IL"))
        hebrew.resize(1280, 760)
        wait(lambda: hebrew.log.model.rows)
        spin(1.0)
        hebrew.grab().save(str(args.out / "supervisor-he.png"))
        hebrew.close()
        app.processEvents()
    for name in sorted(p.name for p in args.out.glob("supervisor-*.png")):
        print(args.out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
