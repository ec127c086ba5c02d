"""The journal's health beside the bridges' and sources': tray and fallback window.

A journal that cannot write (full disk, a corrupted file being retried) keeps
every call and wrap-up and retries; until it writes again they are only kept.
The agent sees that in the tray's icon and tooltip and the fallback window.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QIcon

from screenpop.health import Health, HealthState
from screenpop.ui.health_view import Healths
from screenpop.ui.resources import icon
from screenpop.ui.tray import Tray
from tests.ui.conftest import FakeCore

WRITING = Health(HealthState.CONNECTED, "/home/agent/.local/share/screenpop/journal.db")
FULL = Health(HealthState.FAILED, "cannot write: disk full; 3 write(s) kept, retrying")
CENTRAL_DOWN = Health(HealthState.RETRYING, "connection refused; 12 call(s) kept locally")


def same_icon(a: QIcon, b: QIcon) -> bool:
    return a.pixmap(32, 32).toImage() == b.pixmap(32, 32).toImage()


def test_a_journal_that_cannot_write_shows_in_the_fallback_window(
    qtbot: Any, core: FakeCore, pop_parts: Any
) -> None:
    controller, listener = pop_parts
    core.journals = {"journal": WRITING}
    controller.start()
    window = controller.window
    assert window.health.text() == "screenpop — ready: demo"
    assert window.health.property("tone") == "good"
    assert same_icon(window.windowIcon(), icon("screenpop"))

    listener.journal_health("journal", FULL)  # from the journal writer's thread
    qtbot.waitUntil(lambda: "journal" in window.health.text())
    assert window.health.text() == (
        "screenpop — ready: demo · journal cannot write: calls and wrap-ups are kept and retried"
    )
    assert window.health.property("tone") == "bad"
    assert window.health.toolTip().splitlines()[-2:] == [
        "Journal:",
        "local journal: failed (cannot write: disk full; 3 write(s) kept, retrying)",
    ]
    assert same_icon(window.windowIcon(), icon("screenpop-warning"))

    listener.journal_health("journal", WRITING)  # space came back: written
    qtbot.waitUntil(lambda: window.health.text() == "screenpop — ready: demo")
    assert window.health.property("tone") == "good"


def test_a_failing_journal_at_start_is_shown_at_once(
    qtbot: Any, core: FakeCore, pop_parts: Any
) -> None:
    controller, _ = pop_parts
    core.journals = {"journal": FULL, "central journal": CENTRAL_DOWN}
    controller.start()
    text = controller.window.health.text()
    assert "journal cannot write" in text
    assert "central journal unreachable: calls are kept on this PC and sent later" in text


def test_the_tray_warns_with_its_icon_tooltip_and_menu(qtbot: Any) -> None:
    tray = Tray()
    healths = Healths({"demo": Health(HealthState.LISTENING)}, {}, {"journal": WRITING})
    tray.set_health(healths)
    assert same_icon(tray.icon(), icon("screenpop"))
    tray.set_health(Healths({"demo": Health(HealthState.LISTENING)}, {}, {"journal": FULL}))
    assert same_icon(tray.icon(), icon("screenpop-warning"))
    assert "journal cannot write: calls and wrap-ups are kept and retried" in tray.toolTip()
    assert tray.health_texts()[-2:] == [
        "Journal:",
        "local journal: failed (cannot write: disk full; 3 write(s) kept, retrying)",
    ]
