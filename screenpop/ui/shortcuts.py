"""Application-wide keyboard shortcuts (``ui.shortcut_open``, ``ui.shortcut_dismiss``).

A ``Qt.ApplicationShortcut`` works while any of the app's windows is active,
but only through a visible owner, so each window (pop, recent/fallback) owns
one. When two owners are visible Qt calls the press ambiguous and emits
``activatedAmbiguously`` instead of ``activated``; both lead to the same action.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)


def app_shortcut(owner: QWidget, keys: str, action: Callable[[], object]) -> QShortcut | None:
    """A shortcut on ``owner`` active across the app; None when ``keys`` is empty or bad."""
    sequence = QKeySequence(keys)
    if not keys or sequence.isEmpty():
        if keys:
            log.warning("shortcut %r is not a key sequence Qt understands; ignored", keys)
        return None
    shortcut = QShortcut(sequence, owner)
    shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
    shortcut.activated.connect(action)
    shortcut.activatedAmbiguously.connect(action)
    return shortcut
