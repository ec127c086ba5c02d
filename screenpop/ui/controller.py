"""Wires the listener's signals, the windows and the core together.

The windows know nothing of each other; this object decides that a ringing
call goes to the pop, that a "Wrap up" click opens a dialog, that the recent
list is refreshed after calls move on, and what the tray's menu does. Calls to
the core that may wait (recent calls, re-looked-up cards, searches, saving a
wrap-up, dialling) run as jobs off the GUI thread, on a pool of the UI's own
(so a journal that takes seconds to write never holds up a search); the
GUI thread itself never waits.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication

from screenpop.card import Card
from screenpop.cases.request import CaseTicket
from screenpop.config.schema import Config
from screenpop.crm import CrmLinks
from screenpop.frontend import AgentCore, CallRecord
from screenpop.health import Health
from screenpop.ui.formatting import Formats
from screenpop.ui.health_view import Healths
from screenpop.ui.jobs import Jobs
from screenpop.ui.placement import keep_on_screen, place_over
from screenpop.ui.pop import PopWindow
from screenpop.ui.shortcuts import app_shortcut
from screenpop.ui.signals import QtPopListener
from screenpop.ui.tray import RecentWindow, Tray
from screenpop.ui.widgets import raise_window
from screenpop.ui.wrapup import WrapupDialog

log = logging.getLogger(__name__)

#: Calls move in bursts (ring, identified, answered...); one refresh per burst.
RECENT_REFRESH_MS = 250
RECENT_LIMIT = 50
#: Jobs at once: a save waiting on the journal, a search, a re-lookup, the list.
JOB_THREADS = 4


class UiController(QObject):
    """The front end's parts and the rules between them."""

    #: Something the agent should know (dial failed, card gone): one line.
    notice = Signal(str)

    def __init__(
        self,
        core: AgentCore,
        config: Config,
        listener: QtPopListener,
        tray_available: bool,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.core = core
        self.formats = Formats(config.agent.locale)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(JOB_THREADS)
        self.jobs = Jobs(self, self.pool)
        self.pop = PopWindow(
            core, self.formats, config.ui.linger_s, self.jobs, crm=CrmLinks.from_config(config)
        )
        self.window = RecentWindow(self.formats, fallback=not tray_available)
        self.tray: Tray | None = Tray(self) if tray_available else None
        self.healths: dict[str, Health] = {}
        self.source_healths: dict[str, Health] = {}
        self.journal_healths: dict[str, Health] = {}
        self._closed = False
        self.wrapups: dict[str, WrapupDialog] = {}

        listener.ringing.connect(self.pop.on_ringing)
        listener.card_identified.connect(self.pop.on_identified)
        listener.section_arrived.connect(self.pop.on_section)
        listener.card_completed.connect(self.pop.on_complete)
        listener.state_changed.connect(self.pop.on_state)
        listener.health_changed.connect(self.set_health)
        listener.journal_health_changed.connect(self.set_journal_health)
        listener.case_updated.connect(self.case_updated)
        for signal in (listener.ringing, listener.card_completed, listener.state_changed):
            signal.connect(self.schedule_refresh)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setObjectName("refresh_timer")
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(RECENT_REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh_recent)
        # Breakers move only when lookups run: look again once calls settle.
        self._refresh_timer.timeout.connect(self.refresh_sources)

        self.pop.wrapup_requested.connect(self.open_wrapup)
        recent = self.window.recent
        recent.open_requested.connect(self.reopen)
        recent.callback_requested.connect(self.call_back)
        recent.wrapup_requested.connect(self.wrapup_record)
        recent.refresh_requested.connect(self.refresh_recent)
        self.window.close_requested.connect(QApplication.quit)
        if self.tray is not None:
            self.tray.open_card.connect(self.open_current)
            self.tray.open_recent.connect(self.show_recent)
            self.tray.quit_requested.connect(QApplication.quit)
            from screenpop.ui.supervisor.tray_entry import add_tray_entry  # [supervisor] login

            add_tray_entry(self.tray, config)

        self.shortcuts = [
            s
            for owner in (self.pop, self.window)
            for s in (
                app_shortcut(owner, config.ui.shortcut_open, self.open_current),
                app_shortcut(owner, config.ui.shortcut_dismiss, self.pop.dismiss),
            )
            if s is not None
        ]

    def start(self) -> None:
        """Show the resting place (tray or fallback window) and the first data."""
        try:
            self.set_all_health(self.core.bridge_healths())
        except Exception:
            log.exception("bridge health not available")
        try:
            self.journal_healths = dict(self.core.journal_healths())
        except Exception:
            log.exception("journal health not available")
        self.refresh_sources()
        self._show_health()
        if self.tray is not None:
            self.tray.show()
        else:
            self.window.show()
        self.refresh_recent()

    # --------------------------------------------------------------- health --

    def set_health(self, name: str, health: Health) -> None:
        self.healths[name] = health
        self._show_health()

    def set_journal_health(self, name: str, health: Health) -> None:
        """The journal (or its replication) changed state: tray and window say so."""
        self.journal_healths[name] = health
        self._show_health()

    def set_all_health(self, healths: dict[str, Health]) -> None:
        self.healths = dict(healths)
        self._show_health()

    def refresh_sources(self) -> None:
        """Each source's circuit breaker (in memory in the core: fast, no job needed)."""
        if self._closed:
            return
        try:
            sources = self.core.source_healths()
        except Exception:
            log.exception("source health not available")
            return
        if sources != self.source_healths:
            self.source_healths = dict(sources)
            self._show_health()

    def health(self) -> Healths:
        return Healths(dict(self.healths), dict(self.source_healths), dict(self.journal_healths))

    def _show_health(self) -> None:
        if self._closed:
            return
        healths = self.health()
        self.window.set_health(healths)
        if self.tray is not None:
            self.tray.set_health(healths)

    # --------------------------------------------------------------- recent --

    def schedule_refresh(self, *_: object) -> None:
        if not self._closed:  # signals still queued when quitting change nothing
            self._refresh_timer.start()

    def refresh_recent(self) -> None:
        self.jobs.start(
            lambda: self.core.recent_calls(RECENT_LIMIT),
            self._recent_loaded,
            lambda reason: self.notice.emit(
                self.tr("Recent calls not loaded: %1").replace("%1", reason)
            ),
        )

    def _recent_loaded(self, rows: object) -> None:
        if isinstance(rows, list):
            self.window.recent.set_rows([r for r in rows if isinstance(r, CallRecord)])

    def show_recent(self) -> None:
        self.window.show()
        raise_window(self.window)
        self.window.activateWindow()

    # -------------------------------------------------------------- actions --

    def open_current(self) -> None:
        """Shortcut/tray "open card": the current pop, else the recent calls."""
        if not self.pop.raise_current():
            self.show_recent()

    def reopen(self, record: CallRecord) -> None:
        """Show a past call's card in the pop (re-looked-up by the core if needed)."""

        def show(card: object) -> None:
            if isinstance(card, Card):
                notes = record.notes or record.notes_draft or ""
                self.pop.show_card(record.call_id, card, notes, record.state)
            else:
                # The core looks the number up again and reports it as for a
                # ringing call; the pop waits for it under this call id.
                notes = record.notes or record.notes_draft or ""
                self.pop.show_pending(record.call_id, notes, record.state)

        self.jobs.start(lambda: self.core.card(record.call_id), show, self.notice.emit)

    def call_back(self, record: CallRecord) -> None:
        number = record.e164 or record.number

        def done(result: object) -> None:
            if result is None:
                self.notice.emit(self.tr("No bridge can place calls; dial the number on the phone"))

        self.jobs.start(lambda: self.core.dial(number), done, self.notice.emit)

    def wrapup_record(self, record: CallRecord) -> None:
        # Typed on the pop this session, else the saved wrap-up, else the draft.
        notes = self.pop.notes_for(record.call_id) or record.notes or record.notes_draft or ""
        title = record.customer_name or record.caller_name or record.number
        self.open_wrapup(record.call_id, notes, record.disposition, title)

    def open_wrapup(
        self, call_id: str, notes: str, disposition: str | None = None, title: str = ""
    ) -> WrapupDialog:
        """One non-modal dialog per call; asking again brings it forward.

        The dialog is a child window of the pop, so the window manager keeps it
        in front of the always-on-top pop (a parentless dialog opened behind it,
        half hidden); the pop stays open while its call's wrap-up is.
        """
        dialog = self.wrapups.get(call_id)
        if dialog is None:
            if not title and call_id == self.pop.call_id and self.pop.card is not None:
                customer = self.pop.card.customer
                title = customer.name if customer else ""
            dialog = WrapupDialog(
                self.core, call_id, notes, disposition, title, parent=self.pop, pool=self.pool
            )
            dialog.saved.connect(self.schedule_refresh)
            dialog.queued.connect(self.schedule_refresh)
            dialog.finished.connect(lambda _result: self._wrapup_closed(call_id))
            self.wrapups[call_id] = dialog
            place_over(dialog, self.pop)
        if call_id == self.pop.call_id:
            self.pop.hold_open()
        dialog.show()
        keep_on_screen(dialog)  # its layout may have made it taller on show
        raise_window(dialog)
        dialog.activateWindow()
        return dialog

    def case_updated(self, ticket: object) -> None:
        """A case opened from a call moved on: its wrap-up, if open, says so."""
        if isinstance(ticket, CaseTicket):
            dialog = self.wrapups.get(ticket.call_id)
            if dialog is not None:
                dialog.cases.on_case(ticket)

    def _wrapup_closed(self, call_id: str) -> None:
        self.wrapups.pop(call_id, None)
        if call_id == self.pop.call_id:
            self.pop.let_go()

    def close_all(self) -> None:
        """Quitting: save what is typed, close every window."""
        self._closed = True
        self._refresh_timer.stop()
        self.pop.notes.flush()
        for dialog in list(self.wrapups.values()):
            dialog.close()
        self.pop.close()
        self.window.hide()
        if self.tray is not None:
            self.tray.hide()
        self.jobs.close()
