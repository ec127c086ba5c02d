"""Wrap-up from the pop and from the recent list; reopen, call back, tray health."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from screenpop.events import CallState
from screenpop.frontend import CallRecord
from screenpop.health import Health, HealthState
from screenpop.ui.health_view import Healths, health_lines
from screenpop.ui.recent import RecentCallsModel
from tests.ui.conftest import BALANCE, FakeCore, call_info, customer_card


def record(call_id: str, **over: Any) -> CallRecord:
    base: dict[str, Any] = {
        "call_id": call_id,
        "number": "+442920180015",
        "e164": "+442920180015",
        "caller_name": "Chloë",
        "customer_id": "17850",
        "customer_name": "Chloë Baker",
        "state": "ended",
        "ringing_at": time.time() - 300,
        "answered_at": None,
        "ended_at": None,
        "answered_by": None,
        "disposition": None,
        "notes": "draft from the journal",
        "pop_latency_ms": 4.0,
        "failed_sections": (),
        "bridge": "test",
    }
    base.update(over)
    return CallRecord(**base)


def test_wrapup_from_the_shrunk_pop_saves_disposition_and_notes(
    qtbot: Any, core: FakeCore, pop_parts: Any
) -> None:
    controller, listener = pop_parts
    pop = controller.pop
    pop.linger_s = 30  # the agent is slower than the test's default linger
    listener.call_ringing(call_info())
    listener.identified("c1", customer_card(), ())
    qtbot.waitUntil(pop.isVisible)
    qtbot.mouseClick(pop.notes.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(pop.notes, "wants 12 lanterns")
    listener.call_state("c1", CallState.ANSWERED, False)
    listener.call_state("c1", CallState.ENDED, False)
    qtbot.waitUntil(lambda: pop.shrunk)
    qtbot.mouseClick(pop.wrapup_button, Qt.MouseButton.LeftButton)
    dialog = controller.wrapups["c1"]
    assert not dialog.isModal()
    assert dialog.notes.toPlainText() == "wants 12 lanterns"
    assert dialog.windowTitle() == "Wrap up — Chloë Baker"
    dialog.disposition.setCurrentIndex(dialog.disposition.findText("sale"))
    qtbot.keyClicks(dialog.notes, "; quote sent")
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )
    assert core.called("save_wrapup") == [("c1", "sale", "wants 12 lanterns; quote sent")]
    qtbot.waitUntil(lambda: "c1" not in controller.wrapups)


def test_wrapup_failure_keeps_the_dialog_and_the_text(
    qtbot: Any, core: FakeCore, pop_parts: Any
) -> None:
    controller, _ = pop_parts

    def refuse(call_id: str, disposition: str, notes: str) -> None:
        raise OSError("disk full")

    core.save_wrapup = refuse  # type: ignore[method-assign]
    dialog = controller.open_wrapup("c9", "typed text")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.status.text() == "Not saved: disk full")
    assert dialog.isVisible()
    assert dialog.save_button.isEnabled()
    assert dialog.notes.toPlainText() == "typed text"


def test_recent_list_reopens_calls_back_and_wraps_up(
    qtbot: Any, core: FakeCore, pop_parts: Any
) -> None:
    controller, _ = pop_parts
    card = customer_card().with_section("balance", BALANCE)
    core.cards["old-1"] = card
    core.records = [record("old-1", disposition="follow-up"), record("old-2", e164=None, number="")]
    controller.start()
    view = controller.window.recent
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    model = view.model
    assert model.index(0, RecentCallsModel.CUSTOMER).data() == "Chloë Baker (17850)"
    assert model.index(0, RecentCallsModel.DISPOSITION).data() == "follow-up"
    assert model.index(1, RecentCallsModel.CALLER).data() == "Chloë · withheld"

    rect = view.table.visualRect(model.index(0, RecentCallsModel.CALLER))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: controller.pop.call_id == "old-1" and controller.pop.isVisible())
    assert controller.pop.header.customer.text() == "Chloë Baker"
    assert controller.pop.header.state.text() == "Reopened · ended"
    assert controller.pop.notes.toPlainText() == "draft from the journal"
    qtbot.waitUntil(lambda: controller.pop.boxes["balance"].isVisible())

    qtbot.mouseClick(view.callback_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: core.called("dial") == [("+442920180015",)])

    qtbot.mouseClick(view.wrapup_button, Qt.MouseButton.LeftButton)
    dialog = controller.wrapups["old-1"]
    assert dialog.disposition.currentText() == "follow-up"
    assert dialog.notes.toPlainText() == "draft from the journal"

    # A withheld call cannot be called back.
    rect = view.table.visualRect(model.index(1, RecentCallsModel.CALLER))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert not view.callback_button.isEnabled()


def test_reopen_without_a_card_in_memory_waits_for_the_fresh_lookup(
    qtbot: Any, core: FakeCore, pop_parts: Any
) -> None:
    controller, listener = pop_parts
    controller.reopen(record("old-3"))
    qtbot.waitUntil(lambda: controller.pop.call_id == "old-3" and controller.pop.isVisible())
    assert controller.pop.header.customer.text() == "Looking up…"
    # The core's fresh lookup reports as for a ringing call.
    listener.identified("old-3", customer_card(), ("balance",))
    listener.section_ready("old-3", "balance", BALANCE)
    qtbot.waitUntil(lambda: not controller.pop.boxes["balance"].is_busy)
    assert controller.pop.header.customer.text() == "Chloë Baker"


def test_health_lines_and_fallback_window(qtbot: Any, core: FakeCore, pop_parts: Any) -> None:
    controller, listener = pop_parts
    controller.start()
    assert controller.window.isVisible()  # no tray here: the fallback window
    assert controller.window.health.text() == "screenpop — ready: demo"
    listener.bridge_health("baresip", Health(HealthState.RETRYING, "connection refused"))
    qtbot.waitUntil(lambda: "baresip" in controller.window.health.text())
    assert controller.window.health.text() == "screenpop — no calls from baresip"
    assert controller.window.health.property("tone") == "bad"
    healths = controller.healths
    assert health_lines(healths) == ["baresip: retrying (connection refused)", "demo: listening"]
    assert Healths().summary() == "screenpop — no bridges configured"


def test_shortcuts_open_and_dismiss_the_pop(qtbot: Any, pop_parts: Any) -> None:
    controller, listener = pop_parts
    controller.start()
    listener.call_ringing(call_info())
    qtbot.waitUntil(controller.pop.isVisible)
    window = controller.window
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    qtbot.keyClick(
        window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    qtbot.waitUntil(lambda: not controller.pop.isVisible())
    qtbot.keyClick(
        window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    qtbot.waitUntil(controller.pop.isVisible)


def test_source_health_beside_bridge_health(qtbot: Any, core: FakeCore, pop_parts: Any) -> None:
    """A source whose breaker opened shows in the fallback window and the tray menu."""
    from screenpop.ui.tray import Tray

    controller, listener = pop_parts
    core.sources = {
        "accounting": Health(HealthState.CONNECTED),
        "credit": Health(HealthState.FAILED, "connection refused"),
    }
    controller.start()
    window = controller.window
    assert window.health.text() == "screenpop — ready: demo · sources failing: credit"
    assert window.health.property("tone") == "bad"
    assert window.health.toolTip().splitlines() == [
        "Call bridges:",
        "demo: listening",
        "Data sources:",
        "accounting: connected",
        "credit: failed (connection refused)",
    ]
    tray = Tray()
    tray.set_health(controller.health())
    assert tray.health_texts()[1:] == [
        "Data sources:",
        "accounting: connected",
        "credit: failed (connection refused)",
    ]
    assert "sources failing: credit" in tray.toolTip()

    # The breaker closes again after a good lookup: looked at once calls settle.
    core.sources["credit"] = Health(HealthState.CONNECTED)
    listener.card_complete("c1", customer_card())
    qtbot.waitUntil(lambda: window.health.text() == "screenpop — ready: demo")
    assert window.health.property("tone") == "good"


def test_the_pop_stays_while_its_wrapup_is_open(qtbot: Any, pop_parts: Any) -> None:
    controller, listener = pop_parts
    pop = controller.pop  # linger 0.2 s (config fixture)
    listener.call_ringing(call_info())
    listener.identified("c1", customer_card(), ())
    listener.call_state("c1", CallState.ANSWERED, False)
    qtbot.waitUntil(lambda: pop.header.state.text() == "On call")
    qtbot.mouseClick(pop.wrapup_button, Qt.MouseButton.LeftButton)
    dialog = controller.wrapups["c1"]
    assert dialog.parent() is pop  # a child window: kept in front of the pop
    listener.call_state("c1", CallState.ENDED, False)
    qtbot.waitUntil(lambda: pop.shrunk)
    qtbot.wait(600)  # three lingers
    assert pop.isVisible()
    dialog.reject()
    qtbot.waitUntil(lambda: not pop.isVisible(), timeout=3000)
