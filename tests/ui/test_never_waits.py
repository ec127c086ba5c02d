"""The GUI thread never waits on the core: whatever may wait runs as a job.

A wrap-up is saved through the journal writer, which on a full or slow disk
can take seconds; the recent list and a re-looked-up card read the journal;
a search asks the sources. Each runs on the UI's job pool, and the agent is
told what became of a wrap-up: saved, or kept for the journal to write later.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QTimer

from screenpop.frontend import Saved
from tests.ui.conftest import FakeCore, call_info, customer_card
from tests.ui.test_wrapup_recent import record


def test_a_save_that_blocks_leaves_the_screen_answering(
    qtbot: Any, core: FakeCore, pop_parts: Any
) -> None:
    controller, _ = pop_parts
    release = threading.Event()
    entered = threading.Event()
    real_save = core.save_wrapup

    def slow_save(call_id: str, disposition: str, notes: str) -> Saved:
        entered.set()
        release.wait(10)  # the journal writer is stuck on a full disk
        return real_save(call_id, disposition, notes)

    core.save_wrapup = slow_save  # type: ignore[method-assign]
    dialog = controller.open_wrapup("c1", "promised a refund")
    ticks: list[int] = []
    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(lambda: ticks.append(1))
    heartbeat.start()
    dialog.save()  # returns at once
    assert dialog.status.text() == "Saving…"
    assert not dialog.save_button.isEnabled()
    qtbot.waitUntil(entered.is_set)
    before = len(ticks)
    # While the save waits, the event loop goes on: the timer keeps firing.
    qtbot.waitUntil(lambda: len(ticks) >= before + 10, timeout=3000)
    assert dialog.isVisible()
    assert dialog.saving
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        release.set()
    heartbeat.stop()
    qtbot.waitUntil(lambda: "c1" not in controller.wrapups)
    assert core.on_gui["save_wrapup"] == [False]


def test_a_queued_wrapup_says_it_is_kept_never_not_saved(
    qtbot: Any, core: FakeCore, pop_parts: Any
) -> None:
    controller, _ = pop_parts
    core.saved = Saved.QUEUED
    dialog = controller.open_wrapup("c2", "call back Tuesday")
    with qtbot.waitSignal(dialog.queued, timeout=5000):
        dialog.save()
    text = dialog.status.text()
    assert "cannot write right now" in text
    assert "kept and will be saved" in text
    assert "Not saved" not in text
    assert dialog.status.property("tone") == "warn"
    assert dialog.isVisible()
    assert dialog.cancel_button.text() == "Close"
    assert not dialog.save_button.isEnabled()  # nothing new to send
    dialog.notes.appendPlainText("and Wednesday")
    assert dialog.save_button.isEnabled()  # changed: saving again sends the new text
    assert core.called("save_wrapup") == [("c2", "resolved", "call back Tuesday")]


def test_every_core_call_that_may_wait_runs_off_the_gui_thread(
    qtbot: Any, core: FakeCore, pop_parts: Any
) -> None:
    controller, listener = pop_parts
    core.records = [record("old-1")]
    core.cards["old-1"] = customer_card()
    controller.start()  # the recent list
    qtbot.waitUntil(lambda: controller.window.recent.model.rowCount() == 1)
    controller.reopen(core.records[0])  # a card: may read the journal
    qtbot.waitUntil(lambda: controller.pop.call_id == "old-1")
    listener.call_ringing(call_info("c3", number="anonymous", name=""))
    qtbot.waitUntil(lambda: controller.pop.call_id == "c3")
    controller.pop.header.search_requested.emit("Baker")  # asks the sources
    with qtbot.waitSignal(controller.open_wrapup("c3", "").saved, timeout=5000):
        controller.wrapups["c3"].save()
    qtbot.waitUntil(lambda: "search" in core.on_gui)
    for name in ("recent_calls", "card", "search", "save_wrapup"):
        assert core.on_gui[name], name
        assert not any(core.on_gui[name]), f"{name} ran on the GUI thread"
