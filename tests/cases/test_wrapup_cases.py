"""Opening a case from the wrap-up, driven through the real widgets against a real
engine and a real service desk on every backend: up, down, back, and after a restart.

Nothing is lost (a case opened while the desk is down lands when it is back,
even across a restart) and nothing is written twice (each case id once at
the desk, however often the writer tried).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QTableWidget

from screenpop.cases.request import CaseState, case_id_for
from screenpop.engine import Engine
from screenpop.events import CallEvent, CallState
from screenpop.ui.views.cases import CasesBox
from tests.cases.conftest import EXISTING, Service, service_config

# The offscreen platform cannot raise windows, pass size hints or let the completer's
# popup grab the keyboard, and says so; our code does nothing wrong there.
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise\(\)|propagateSizeHints\(\)|grabbing the keyboard)"
)

NUMBER = "+358401234567"  # C-100 in tests/sampledb.py: bought 85123A and 22423


def event(call_id: str, state: CallState) -> CallEvent:
    return CallEvent(call_id, state, NUMBER, "Aino", "agent", time.time(), bridge="test")


@pytest.fixture
def desk_app(
    qtbot: Any, service: Service, tmp_path: Path
) -> Iterator[Callable[[], tuple[Engine, Any]]]:
    """Starts an engine and its Qt front end on ``service`` (again, for a restart)."""
    from screenpop.ui.controller import UiController
    from screenpop.ui.i18n import install_translations
    from screenpop.ui.signals import QtPopListener

    running: list[tuple[Engine, Any]] = []

    def start() -> tuple[Engine, Any]:
        config = service_config(service, tmp_path, ui={"linger_s": 60})
        install_translations("en_GB")
        engine = Engine(config, journal_path=tmp_path / "journal.db", runtime_dir=tmp_path / "run")
        listener = QtPopListener()
        controller = UiController(engine, config, listener, tray_available=False)
        qtbot.addWidget(controller.pop)
        qtbot.addWidget(controller.window)
        engine.start(listener)
        running.append((engine, controller))
        return engine, controller

    yield start
    for engine, controller in running:
        controller.close_all()
        engine.stop()


def stop(engine: Engine, controller: Any) -> None:
    controller.close_all()
    engine.stop()


def pop_for(qtbot: Any, engine: Engine, controller: Any, call_id: str) -> Any:
    engine._on_event(event(call_id, CallState.RINGING))
    pop = controller.pop
    qtbot.waitUntil(lambda: pop.call_id == call_id and pop.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: "cases" in pop.sections and not pop.render_pending(), timeout=10_000)
    return pop


def open_case(qtbot: Any, panel: Any, product: str, category: str, text: str) -> None:
    if product:  # else: already picked
        panel.product.clear()
        qtbot.keyClicks(panel.product, product)
    panel.category.setCurrentIndex(panel.category.findText(category))
    qtbot.keyClicks(panel.description, text)
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)


def test_open_a_case_from_the_wrapup_up_down_back_and_after_a_restart(
    qtbot: Any, service: Service, desk_app: Callable[[], tuple[Engine, Any]]
) -> None:
    engine, controller = desk_app()
    pop = pop_for(qtbot, engine, controller, "call-1")

    # The pop: the open case with its warranty, and the purchase it is about marked.
    cases = pop.boxes["cases"].content
    assert isinstance(cases, CasesBox)
    entry = cases.pool.items[0]
    assert entry.code.text() == "85123A"
    assert entry.warranty.text() == "In warranty until 31 Dec 2099"
    assert entry.warranty.property("tone") == "good"
    table = pop.boxes["purchases"].content.findChild(QTableWidget, "purchases")
    products = {table.item(r, 1).text(): table.item(r, 1) for r in range(table.rowCount())}
    assert "● 85123A" in products
    assert "22423" in products
    assert products["● 85123A"].toolTip() == f"Open case {EXISTING['case_id']}"

    # Wrap-up with the desk up: the case lands, once.
    engine._on_event(event("call-1", CallState.ANSWERED))
    engine._on_event(event("call-1", CallState.ENDED))
    dialog = controller.open_wrapup("call-1", "")
    panel = dialog.cases
    qtbot.waitUntil(panel.isVisible, timeout=10_000)
    model = panel.completer.model()
    assert isinstance(model, QStringListModel)
    assert "22423 — REGENCY CAKESTAND 3 TIER" in model.stringList()
    assert [panel.category.itemText(i) for i in range(panel.category.count())][:2] == [
        "Does not work",
        "Damaged on arrival",
    ]
    first = case_id_for("call-1", "22423")
    # Picked by description from the completer over what the customer bought.
    dialog.activateWindow()
    panel.product.setFocus()
    qtbot.waitUntil(panel.product.hasFocus, timeout=5000)
    qtbot.keyClicks(panel.product, "cakestand")
    popup = panel.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    assert popup.model().rowCount() == 1
    popup.setCurrentIndex(popup.model().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert panel.product.text() == "22423 — REGENCY CAKESTAND 3 TIER"
    assert panel.product_code() == "22423"
    open_case(qtbot, panel, "", "Damaged on arrival", "tier 2 cracked")
    qtbot.waitUntil(lambda: panel.state_of(first) is CaseState.LANDED, timeout=15_000)
    assert "at the service desk" in panel.lines[first].text()
    assert service.case_ids().count(first) == 1

    # The desk goes down: the next case is queued, the agent is told so, nothing blocks.
    service.down()
    second = case_id_for("call-1", "85123A")
    open_case(qtbot, panel, "85123A", "Does not work", "does not light")
    qtbot.waitUntil(lambda: panel.state_of(second) is CaseState.QUEUED, timeout=10_000)
    assert "queued" in panel.lines[second].text()
    journal = engine.journal
    assert journal is not None
    qtbot.waitUntil(lambda: journal.case_backlog().last_error is not None, timeout=15_000)
    assert journal.case_backlog().count == 1
    # Asking again for the same product on the same call is the same case.
    open_case(qtbot, panel, "85123A", "Other", "again")
    qtbot.waitUntil(lambda: "already has a case" in panel.status.text(), timeout=10_000)
    # ... and a third while down, left queued over a restart.
    third = case_id_for("call-1", "47566")
    open_case(qtbot, panel, "47566", "Wrong item", "sent bunting instead")
    qtbot.waitUntil(lambda: panel.state_of(third) is CaseState.QUEUED, timeout=10_000)

    # Back up: the running writer sends it within its back-off, the line changes by itself.
    service.up()
    qtbot.waitUntil(lambda: panel.state_of(second) is CaseState.LANDED, timeout=20_000)
    qtbot.waitUntil(lambda: panel.state_of(third) is CaseState.LANDED, timeout=20_000)
    ids = service.case_ids()
    assert [ids.count(c) for c in (first, second, third)] == [1, 1, 1]

    # Down again, a case queued, and the app stops before the desk is back.
    service.down()
    engine._on_event(event("call-2", CallState.RINGING))
    dialog2 = controller.open_wrapup("call-2", "")
    qtbot.waitUntil(dialog2.cases.isVisible, timeout=10_000)
    fourth = case_id_for("call-2", "22423")
    open_case(qtbot, dialog2.cases, "22423", "Missing parts", "no screws")
    qtbot.waitUntil(lambda: dialog2.cases.state_of(fourth) is CaseState.QUEUED, timeout=10_000)
    stop(engine, controller)
    service.up()

    # A restart: the case was only in the local journal, and it lands now.
    engine, controller = desk_app()
    qtbot.waitUntil(lambda: fourth in service.case_ids(), timeout=20_000)
    journal = engine.journal
    assert journal is not None
    qtbot.waitUntil(lambda: journal.case_backlog().count == 0, timeout=10_000)
    ids = service.case_ids()
    assert [ids.count(c) for c in (first, second, third, fourth)] == [1, 1, 1, 1]
    assert len(ids) == 5  # and the one that was there before

    # The next pop shows the cases the desk now has, open first.
    pop = pop_for(qtbot, engine, controller, "call-3")
    entries = pop.boxes["cases"].content.pool.items
    shown = [e.note.text().split(" · ")[0] for e in entries if e.isVisibleTo(pop)]
    assert set(shown) == {EXISTING["case_id"], first, second, third, fourth}
