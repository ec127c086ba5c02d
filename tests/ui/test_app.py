"""``run_gui`` end to end: with a core double, then with the real engine on the demo."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from screenpop.config.schema import Config
from screenpop.frontend import PopListener
from screenpop.ui.app import run_gui
from screenpop.ui.controller import UiController
from screenpop.ui.signals import QtPopListener
from tests.ui.conftest import BALANCE, FakeCore, call_info, customer_card


def test_run_gui_starts_shows_pops_and_stops_the_core(qtbot: Any, config: Config) -> None:
    shown: list[str] = []

    def start(listener: PopListener) -> None:
        def ring() -> None:
            listener.call_ringing(call_info("g1"))
            listener.identified("g1", customer_card(), ("balance",))
            listener.section_ready("g1", "balance", BALANCE)

        threading.Thread(target=ring).start()

        def look() -> None:
            pops = [w for w in QApplication.topLevelWidgets() if w.objectName() == "pop"]
            visible = [p for p in pops if p.isVisible() and p.call_id == "g1"]  # type: ignore[attr-defined]
            if visible and not visible[0].boxes["balance"].is_busy:  # type: ignore[attr-defined]
                shown.append(visible[0].header.customer.text())  # type: ignore[attr-defined]
                QApplication.quit()
            else:
                QTimer.singleShot(20, look)

        QTimer.singleShot(20, look)
        QTimer.singleShot(5000, QApplication.quit)  # never hang the suite

    core = FakeCore(on_start=start)
    assert run_gui(core, config) == 0
    assert shown == ["Chloë Baker"]
    assert core.stopped


def test_run_gui_reports_a_core_that_cannot_start(qtbot: Any, config: Config) -> None:
    def fail(listener: PopListener) -> None:
        raise RuntimeError("another instance is running")

    core = FakeCore(on_start=fail)
    assert run_gui(core, config) == 1


@pytest.mark.slow
def test_real_engine_on_the_demo_pops_a_real_customer(qtbot: Any, tmp_path: Path) -> None:
    """The real ``Engine`` (demo config, real sources) drives the real pop."""
    from screenpop.config.loader import load_config
    from screenpop.demo.build import build_demo
    from screenpop.engine import Engine
    from screenpop.events import CallEvent, CallState

    demo = build_demo(tmp_path / "demo")
    config = load_config(demo.config, use_user_file=False, use_machine_file=False)
    config = config.model_copy(update={"bridge": ()})  # no demo rings: we ring ourselves
    engine = Engine(config, journal_path=tmp_path / "journal.db", runtime_dir=tmp_path / "run")
    listener = QtPopListener()
    controller = UiController(engine, config, listener, tray_available=False)
    qtbot.addWidget(controller.pop)
    qtbot.addWidget(controller.window)
    engine.start(listener)
    try:
        # Handed to the engine on its bridge loop, exactly as a bridge's emit does.
        event = CallEvent("real-1", CallState.RINGING, "0161 496 0624", bridge="test")
        assert engine.loop is not None
        engine.loop.call_soon_threadsafe(engine._on_event, event)
        pop = controller.pop
        qtbot.waitUntil(lambda: pop.call_id == "real-1" and pop.isVisible(), timeout=5000)
        qtbot.waitUntil(lambda: pop.header.customer.text() == "Sarah Barnes", timeout=5000)
        qtbot.waitUntil(
            lambda: not any(b.is_busy for b in pop.boxes.values() if b.isVisible()), timeout=5000
        )
        assert pop.boxes["balance"].content is not None
        assert "£11,558.81" in [
            lb.text() for lb in pop.boxes["balance"].content.findChildren(type(pop.header.caller))
        ]
        assert pop.header.customer_id.text() == "Customer 13408"
        controller.start()
        qtbot.waitUntil(
            lambda: any(r.call_id == "real-1" for r in controller.window.recent.model.rows),
            timeout=5000,
        )
        # Every configured source's breaker, through AgentCore.source_healths().
        assert set(controller.source_healths) == {s.name for s in config.source}
        assert all(h.good for h in controller.source_healths.values())
        assert "Data sources:" in controller.window.health.toolTip()
        dialog = controller.open_wrapup("real-1", "promised a payment plan")
        dialog.disposition.setCurrentIndex(dialog.disposition.findText("follow-up"))
        with qtbot.waitSignal(dialog.saved, timeout=10_000):
            dialog.save()
        saved = {r.call_id: r for r in engine.recent_calls(10)}["real-1"]
        assert saved.disposition == "follow-up"
        assert saved.notes == "promised a payment plan"
    finally:
        controller.close_all()
        engine.stop()
