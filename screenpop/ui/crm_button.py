"""The pop's "Open in CRM" button: the customer's page in the default browser.

The links come from the Qt-free core (``screenpop/crm.py``: templates checked
at load, values URL-encoded); this only shows them and hands the chosen one
to the desktop (``QDesktopServices.openUrl``). With several pages configured
(``[crm]`` and sources' ``open_url``) the button opens the first and its menu
offers each by name.

It never takes focus (the agent may be typing elsewhere); a click is the
agent asking for the browser. With ``[crm] open_on_answer`` the page opens by
itself when the agent answers, once per call: at the answer if the customer
is known by then, else as soon as the card names them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from screenpop.card import Card
from screenpop.crm import CrmLinks, Link

log = logging.getLogger(__name__)

# Hands a URL to the desktop (``QDesktopServices.openUrl``); False when it could not.
Opener = Callable[[QUrl], bool]


class CrmButton(QToolButton):
    """Opens the shown customer's CRM page; hidden while there is none."""

    def __init__(
        self, crm: CrmLinks, opener: Opener | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("crm")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setText(self.tr("Open in CRM"))
        self.crm = crm
        self.opener: Opener = opener or QDesktopServices.openUrl
        self.links: tuple[Link, ...] = ()
        self.call_id: str | None = None
        # The call whose answer asked for the page before the customer was known.
        self._waiting_for_card: str | None = None
        # The call whose page was opened on answer (once per call).
        self._opened_on_answer: str | None = None
        self.clicked.connect(self.open_first)
        self.hide()

    def set_card(self, call_id: str | None, card: Card | None) -> None:
        """Show the links of ``card``'s customer (none: the button hides)."""
        self.call_id = call_id
        self.links = self.crm.links(card)
        self.setVisible(bool(self.links))
        if self.links:
            self.setToolTip(self.links[0].url)
        self._build_menu()
        if self._waiting_for_card is not None and self._waiting_for_card == call_id:
            self._open_on_answer(card)

    def answered(self, call_id: str, card: Card | None) -> None:
        """The agent answered ``call_id``: open the page if so configured."""
        if not self.crm.open_on_answer or self._opened_on_answer == call_id:
            return
        self._waiting_for_card = call_id
        self._open_on_answer(card)

    def _open_on_answer(self, card: Card | None) -> None:
        link = self.crm.on_answer(card)
        if link is None:
            return  # no customer yet: the card that names one opens it
        self._opened_on_answer, self._waiting_for_card = self._waiting_for_card, None
        self.open(link)

    def open_first(self) -> None:
        if self.links:
            self.open(self.links[0])

    def open(self, link: Link) -> bool:
        """Hand ``link`` to the desktop; the URL is already encoded by the core."""
        url = QUrl(link.url, QUrl.ParsingMode.StrictMode)
        if not url.isValid() or url.scheme().lower() not in ("http", "https"):
            log.error("not opening %r: not a valid http(s) URL", link.url[:200])
            return False
        opened = bool(self.opener(url))
        if not opened:
            log.warning("the desktop did not open the CRM page of %s", link.source or "crm")
        return opened

    def _build_menu(self) -> None:
        if len(self.links) < 2:
            self.setMenu(None)  # type: ignore[arg-type]
            self.setPopupMode(QToolButton.ToolButtonPopupMode.DelayedPopup)
            return
        menu = QMenu(self)
        menu.setObjectName("crm-menu")
        for link in self.links:
            action = QAction(link.source or self.tr("Customer page"), menu)
            action.setToolTip(link.url)
            action.triggered.connect(lambda _=False, link=link: self.open(link))
            menu.addAction(action)
        old = self.menu()
        self.setMenu(menu)
        if old is not None:
            old.deleteLater()
        self.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
