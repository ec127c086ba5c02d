"""``screenpop supervisor [--config F]``: the window as its own process (or from the agent's tray).

The login is ``[supervisor] central`` (else ``[journal] central``, as for
``journal export --central``), its password from the keyring. A missing login
is a configuration error (exit 2), a missing keyring entry or an unreachable
server is said in words (exit 1 before the window, or in the window later).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt

from screenpop.config.schema import Config
from screenpop.config.secrets import resolve
from screenpop.ui.formatting import Formats

log = logging.getLogger(__name__)


def open_window(config: Config) -> object:
    """A started supervisor window for ``config`` (the caller keeps it and the app running)."""
    from screenpop.ui.supervisor.i18n import install_supervisor_translations
    from screenpop.ui.supervisor.session import SupervisorSession, login_url
    from screenpop.ui.supervisor.window import SupervisorWindow

    install_supervisor_translations(config.agent.locale)
    url = login_url(config, resolve)
    formats = Formats(config.agent.locale)
    session = SupervisorSession(url)
    window = SupervisorWindow(session, formats, config.agent.region)
    session.setParent(window)
    if formats.rtl:
        window.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    window.show()
    window.start()
    return window
