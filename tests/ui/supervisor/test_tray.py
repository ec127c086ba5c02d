"""The agent app's tray offers the supervisor window only when [supervisor] names a login."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from screenpop.config.schema import Config
from screenpop.ui.supervisor.tray_entry import add_tray_entry
from screenpop.ui.tray import Tray
from tests.journal.central_support import Central
from tests.ui.supervisor.conftest import supervisor_config


def test_no_supervisor_login_no_entry(qtbot: Any) -> None:
    tray = Tray()
    before = [a.text() for a in tray.menu.actions()]
    assert add_tray_entry(tray, Config()) is None
    assert [a.text() for a in tray.menu.actions()] == before


def test_the_entry_opens_the_window_once(
    qtbot: Any, central_db: Central, org: dict[str, str]
) -> None:
    tray = Tray()
    action = add_tray_entry(tray, supervisor_config(central_db, org["sup_n"]))
    assert action is not None
    assert "Supervisor window…" in [a.text() for a in tray.menu.actions()]

    def windows() -> list[Any]:
        return [
            w for w in QApplication.topLevelWidgets()
            if w.objectName() == "supervisor-window" and w.isVisible()
        ]  # fmt: skip

    action.trigger()
    qtbot.waitUntil(lambda: len(windows()) == 1, timeout=15000)
    window = windows()[0]
    action.trigger()  # a second click raises the same window
    assert windows() == [window]
    qtbot.waitUntil(
        lambda: window.log.query is not None and not window.log.model.loading, timeout=15000
    )
    window.close()
