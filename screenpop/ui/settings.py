"""Where the UI remembers things between runs (the pop's position).

Qt's default QSettings location differs per OS and ignores XDG overrides on
some; an INI file in screenpop's own config directory (platformdirs, the same
place as the user's config.toml) keeps everything of one user together and lets
tests isolate it through ``XDG_CONFIG_HOME``.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs
from PySide6.QtCore import QPoint, QSettings

APP_NAME = "screenpop"
POP_POS_KEY = "pop/pos"


def settings_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME)) / "ui.ini"


def ui_settings() -> QSettings:
    """The UI's INI settings file (created on first write)."""
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)


def load_pop_pos() -> QPoint | None:
    """Where the agent last put the pop, if anywhere."""
    value = ui_settings().value(POP_POS_KEY)
    if isinstance(value, QPoint):
        return value
    # INI stores a QPoint natively; anything else is a hand-edited file.
    if isinstance(value, (list, tuple)) and len(value) == 2:
        try:
            return QPoint(int(value[0]), int(value[1]))
        except (TypeError, ValueError):
            return None
    return None


def save_pop_pos(pos: QPoint) -> None:
    settings = ui_settings()
    settings.setValue(POP_POS_KEY, pos)
    settings.sync()
