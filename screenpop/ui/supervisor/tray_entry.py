"""The agent app's tray offers the supervisor window when ``[supervisor] central`` is set.

``add_tray_entry(tray, config)`` is the whole hook: one menu action above
the health lines that opens (or raises) the window in the running app.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction

from screenpop.config.schema import Config
from screenpop.ui.supervisor.texts import tx


def add_tray_entry(tray: Any, config: Config) -> QAction | None:
    """Insert "Supervisor window…" into ``tray.menu``; None when no supervisor login is set."""
    if not config.supervisor.central:
        return None
    menu = tray.menu
    action = QAction(tx("Supervisor window…"), menu)
    action.setObjectName("supervisor-action")
    holder: dict[str, Any] = {}

    def open_it() -> None:
        window = holder.get("window")
        if window is not None and window.isVisible():
            window.raise_()
            window.activateWindow()
            return
        from screenpop.config.secrets import SecretError
        from screenpop.journal.central import CentralError
        from screenpop.ui.supervisor.app import open_window

        try:
            holder["window"] = open_window(config)
        except (CentralError, SecretError) as exc:
            tray.showMessage("screenpop", str(exc))

    action.triggered.connect(open_it)
    actions = menu.actions()
    menu.insertAction(actions[2] if len(actions) > 2 else None, action)
    return action
