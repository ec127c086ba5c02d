"""Screenshots of the real pop and recent-calls windows, for the README.

Builds the embedded demo (real Online Retail customers and purchases), builds
its cross-sell model, looks customers up with the real engine, and shows the
cards in the real ``PopWindow`` on a real X display (Xvfb: the script re-runs
itself under ``xvfb-run`` when no display is set), then grabs them to
``docs/screenshots/``:

* ``pop.png`` — customer 17850, en_GB;
* ``pop-hold.png`` — a customer on credit hold with an overdue balance;
* ``pop-he.png`` — an Israeli customer for an agent in he_IL (right to left);
* ``pop-fi.png`` — the credit-hold customer for an agent in fi_FI (Finnish
  labels, long words, Finnish money: ``11 558,81 £``);
* ``pop-reorders.png`` — a wholesaler: reorders due first, then cross-sells;
* ``recent.png`` — the recent-calls window.

Usage: ``.venv/bin/python scripts/screenshot.py [--demo-dir DIR] [--out DIR]``.
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: (file, number as a bridge delivers it, caller name, agent locale, state)
SHOTS = (
    ("pop.png", "+442920180015", "Chloë Baker", "en_GB", "answered"),
    ("pop-hold.png", "0161 496 0624", "", "en_GB", "ringing"),
    (
        "pop-he.png",
        "sip:+972502347679@pbx.demo.invalid;user=phone",
        "מיכל גבאי",
        "he_IL",
        "ringing",
    ),
    ("pop-fi.png", "0161 496 0624", "Sarah Barnes", "fi_FI", "answered"),
    # A wholesaler (customer 17841, the most lines): reorders due first, then cross-sells.
    ("pop-reorders.png", "+442920180660", "Evie Gray", "en_GB", "ringing"),
)


#: What the agent typed during the answered calls, in the agent's language.
NOTES = {
    "en_GB": "Asked about the Christmas order; wants T-light holders restocked.",
    "fi_FI": "Kysyi erääntyneistä laskuista; lupasi maksusuunnitelman ensi viikolla.",
}


def ensure_display() -> None:
    """Re-run under Xvfb with the xcb platform unless a display is already there."""
    if os.environ.get("DISPLAY") or os.environ.get("SCREENSHOT_UNDER_XVFB"):
        return
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        sys.exit("no DISPLAY and no xvfb-run (apt-get install xvfb xauth)")
    env = dict(os.environ, SCREENSHOT_UNDER_XVFB="1", QT_QPA_PLATFORM="xcb")
    cmd = [xvfb, "-a", "-s", "-screen 0 1600x1000x24", sys.executable, *sys.argv]
    sys.exit(subprocess.call(cmd, env=env))


def prepare_demo(demo_dir: Path) -> Path:
    """The demo's config, with the cross-sell model built (once per demo dir)."""
    from screenpop.demo.build import build_demo

    demo = build_demo(demo_dir)
    if not demo.crosssell_model.exists():
        subprocess.check_call(
            [sys.executable, "-m", "screenpop", "crosssell", "build", "--config", str(demo.config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    return demo.config


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo-dir", type=Path, default=ROOT / "build" / "screenshot-demo")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    ensure_display()

    from PySide6.QtCore import QCoreApplication, QEventLoop
    from PySide6.QtWidgets import QWidget

    from screenpop.config.loader import load_config
    from screenpop.engine import Engine
    from screenpop.events import CallState
    from screenpop.frontend import CallInfo, CallRecord
    from screenpop.health import Health, HealthState
    from screenpop.phone import normalise
    from screenpop.ui.app import application
    from screenpop.ui.formatting import Formats
    from screenpop.ui.i18n import install_translations
    from screenpop.ui.pop import PopWindow
    from screenpop.ui.signals import QtPopListener
    from screenpop.ui.tray import RecentWindow

    config_path = prepare_demo(args.demo_dir)
    config = load_config(config_path, use_user_file=False, use_machine_file=False)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        # Keep the screenshot's pop position and journal away from the user's.
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        engine = Engine(config, journal_path=Path(tmp) / "journal.db")
        engine.open_core()
        app = application()  # kept: the windows below need it alive
        assert app is not None

        def settle(ms: int = 300) -> None:
            deadline = time.monotonic() + ms / 1000
            while time.monotonic() < deadline:
                QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

        def save(widget: QWidget, name: str) -> None:
            settle()
            path = args.out / name
            widget.grab().save(str(path))
            print(path)

        records = []
        keep: list[QWidget | QtPopListener] = []  # widgets live until the app ends
        for index, (name, received, caller, locale, state) in enumerate(SHOTS):
            install_translations(locale)  # before the window: texts are made with it
            pop = PopWindow(engine, Formats(locale), linger_s=4.0)
            listener = QtPopListener()
            keep += [pop, listener]
            listener.ringing.connect(pop.on_ringing)
            listener.card_identified.connect(pop.on_identified)
            listener.section_arrived.connect(pop.on_section)
            listener.card_completed.connect(pop.on_complete)
            listener.state_changed.connect(pop.on_state)
            call_id = f"shot-{index}@demo"
            number = normalise(received, config.agent.region)
            started = time.time() - 60 * (index + 1) * 7
            listener.call_ringing(CallInfo(call_id, number, caller, "agent", "demo", started))
            card = engine.lookup_once(received)
            listener.identified(call_id, card, tuple(card.sections))
            for section_name, section in card.sections.items():
                listener.section_ready(call_id, section_name, section)
            listener.card_complete(call_id, card)
            if state == "answered":
                listener.call_state(call_id, CallState.ANSWERED, False)
                pop.notes.load(NOTES.get(locale, NOTES["en_GB"]))
            settle()
            save(pop, name)
            pop.close()
            customer = card.customer
            records.append(
                CallRecord(
                    call_id=call_id,
                    number=received,
                    e164=number.e164,
                    caller_name=caller,
                    customer_id=customer.customer_id if customer else None,
                    customer_name=customer.name if customer else None,
                    state="ended" if state == "answered" else "missed",
                    ringing_at=started,
                    answered_at=started + 4 if state == "answered" else None,
                    ended_at=started + 190,
                    answered_by="agent" if state == "answered" else None,
                    disposition="sale" if state == "answered" else None,
                    notes=None,
                    pop_latency_ms=card.latency_ms.get("total"),
                    failed_sections=tuple(card.failed_sections),
                    bridge="demo",
                )
            )

        install_translations("en_GB")
        window = RecentWindow(Formats("en_GB"), fallback=True)
        # The engine is not started here (no bridges run); show the health line
        # as the running demo reports it.
        listening = Health(HealthState.LISTENING)
        window.set_health({"demo": listening, "notify": listening})
        window.recent.set_rows(records)
        window.recent.table.selectRow(0)
        window.show()
        save(window, "recent.png")
        window.close()
        engine.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
