"""The pop window: the card of the ringing call, without taking the agent's focus.

It appears on ring as a frameless, always-on-top tool window that does not
accept focus (so the agent's typing elsewhere goes on undisturbed), where the
agent last dragged it, clamped to the screen (``placement``). The card's
sections fill in as their ``section_arrived`` signals come (``card_view``).
When the call ends, is missed or is answered elsewhere it shrinks to its
header (with "Wrap up") and closes after ``ui.linger_s``, unless the agent is
pointing at it or typing in it. Clicking the notes or search field is the one
way it takes focus: the agent asked.

A burst of rings must not flip the card under the agent's eyes: while the
shown call still rings, later rings wait behind it ("3 more ringing" in the
header) as data in a ``CallQueue``; when the shown caller hangs up, the
longest-waiting caller still ringing takes its place a moment later, in a
pop that stays whole and keeps its size meanwhile.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QWidget

from screenpop.callqueue import CallQueue, Front, Move, Waiting
from screenpop.card import Card, Section
from screenpop.crm import CrmLinks
from screenpop.events import CallState
from screenpop.frontend import AgentCore, CallInfo
from screenpop.ui.card_view import CardView
from screenpop.ui.crm_button import CrmButton, Opener
from screenpop.ui.footer import PopFooter
from screenpop.ui.formatting import Formats
from screenpop.ui.header import PopHeader
from screenpop.ui.jobs import Jobs
from screenpop.ui.notes import NotesMemory
from screenpop.ui.placement import FloatingWindow, Placement
from screenpop.ui.recent import state_word
from screenpop.ui.sections import SectionBox
from screenpop.ui.views import tier_text
from screenpop.ui.widgets import align_for_direction, raise_window, single_shot

log = logging.getLogger(__name__)

#: While the agent points at or types in a lingering pop, look again this often.
LINGER_RETRY_MS = 1000
#: After the shown caller hangs up, the next waiting caller comes forward this
#: much later: when callers hang up one after another (the end of a burst) the
#: pop moves once, not once per hang-up, and the agent sees what ended.
NEXT_CALL_DELAY_MS = 300


class PopWindow(FloatingWindow):
    """Shows one call's card at a time.

    A new ringing call replaces a call that is no longer ringing (on call,
    ended, reopened); while the shown call still rings, it waits in line.
    """

    #: The agent wants to wrap up ``call_id``; carries the pop's notes.
    wrapup_requested = Signal(str, str)

    def __init__(
        self,
        core: AgentCore,
        formats: Formats,
        linger_s: float,
        jobs: Jobs | None = None,
        parent: QWidget | None = None,
        crm: CrmLinks | None = None,
        opener: Opener | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pop")
        self.setWindowTitle("screenpop")
        direction = (
            Qt.LayoutDirection.RightToLeft if formats.rtl else Qt.LayoutDirection.LeftToRight
        )
        self.setLayoutDirection(direction)
        self.core = core
        self.formats = formats
        self.linger_s = linger_s
        self.jobs = jobs or Jobs(self)
        self.call_id: str | None = None
        self.call: CallInfo | None = None
        self.card: Card | None = None
        self.state: CallState | None = None
        self.shrunk = False
        self._held = False
        self._complete = False
        self._notes = NotesMemory()
        #: Ringing calls behind the shown one, oldest first.
        self.waiting = CallQueue()

        column = self.framed("pop-frame")

        self.header = PopHeader(formats)
        self.header.close_clicked.connect(self.dismiss)
        self.header.customer_chosen.connect(self._choose)
        self.header.attach_search(lambda text: self.core.search(text), self.jobs)
        self.header.results_shown.connect(self._fit)
        self.header.search_result_chosen.connect(self._open_found)
        column.addWidget(self.header)

        self.card_view = self.content_scroll = CardView(formats)
        self.card_view.fit_needed.connect(self._fit)
        self.card_view.painted.connect(self._painted)
        column.addWidget(self.card_view, 1)

        self.crm_button = CrmButton(crm or CrmLinks(), opener)  # the customer's CRM page
        self.footer = PopFooter(tool=self.crm_button)
        self.notes, self.notes_box = self.footer.notes, self.footer.notes_box
        self.wrapup_button = self.footer.wrapup_button
        self.dismiss_button = self.footer.dismiss_button
        self.notes.draft_ready.connect(self._save_draft)
        self.wrapup_button.clicked.connect(self._wrapup)
        self.dismiss_button.clicked.connect(self.dismiss)
        column.addWidget(self.footer)

        # Clicking a field the agent types in is the one way the pop takes focus.
        self.notes.pressed.connect(self.accept_focus)
        self.header.search.pressed.connect(self.accept_focus)

        self.close_timer = single_shot(self, "close_timer", 0, self._linger_over)
        self.next_timer = single_shot(self, "next_timer", NEXT_CALL_DELAY_MS, self._next_waiting)
        self.placement = Placement(self, rtl=formats.rtl)

    @property
    def boxes(self) -> dict[str, SectionBox]:
        """The section boxes made so far (those of the card's plan are shown)."""
        return self.card_view.boxes

    @property
    def sections(self) -> dict[str, Section]:
        return self.card_view.sections

    # ------------------------------------------------------- listener slots --

    def on_ringing(self, call: CallInfo) -> None:
        """A new call replaces the shown one, unless that one is still ringing."""
        if call.call_id in self.waiting or self.waiting.must_wait(call.call_id, self._front()):
            self.waiting.add(call)
            self._show_waiting_count()
            return
        self._show_call(call)

    def on_identified(self, call_id: str, card: Card, pending: tuple[str, ...]) -> None:
        if self.waiting.identified(call_id, card, pending) or call_id != self.call_id:
            return
        self.card = card
        self.crm_button.set_card(call_id, card)
        self.header.show_card(self.call, card)
        self.card_view.plan(card.sections, pending)
        self.card_view.request_fit()

    def on_section(self, call_id: str, name: str, section: Section) -> None:
        if self.waiting.section(call_id, name, section) or call_id != self.call_id:
            return
        if self.card is not None:
            self.card = self.card.with_section(name, section)
        self.card_view.arrived(name, section)

    def on_complete(self, call_id: str, card: Card) -> None:
        """Everything answered: take the final card; sections never heard of say so."""
        if self.waiting.complete(call_id, card) or call_id != self.call_id:
            return
        self.card = card
        self._complete = True
        self.card_view.complete(card.sections)

    def on_state(self, call_id: str, state: CallState, elsewhere: bool) -> None:
        move, waiting = self.waiting.moved(call_id, state, elsewhere)
        if move is Move.FORWARD and waiting is not None:
            # The agent picked up a call from the line behind: show that one.
            self._show_waiting(waiting)
            self.on_state(call_id, state, elsewhere)
            return
        if move is not Move.NOT_WAITING:
            self._show_waiting_count()
            return
        if call_id != self.call_id:
            return
        self.state = state
        if state is CallState.ANSWERED and not elsewhere:
            self.header.set_state(self.tr("On call"), "good")
            self.crm_button.answered(call_id, self.card)
            return
        if state is CallState.RINGING:
            self.header.set_state(self.tr("Ringing"), "ring")
            return
        if self.waiting:
            # Another caller is still ringing: that is what the agent needs next.
            self.next_timer.start()
        if state is CallState.ANSWERED:
            self.header.set_state(self.tr("Answered elsewhere"), "")
        elif state is CallState.MISSED:
            self.header.set_state(self.tr("Missed"), "bad")
        else:
            self.header.set_state(self.tr("Ended"), "")
        if not self.waiting:  # else kept whole for the next caller: no resize twice
            self.shrink()
        self._linger()

    # ------------------------------------------------------------- actions --

    def show_card(self, call_id: str, card: Card, notes: str = "", state: str = "") -> None:
        """Reopen a past call's card (recent calls); stays until dismissed."""
        self._reopen(call_id, card, notes, state)

    def show_pending(self, call_id: str, notes: str = "", state: str = "") -> None:
        """Reopen a past call whose card the core is looking up again."""
        self._reopen(call_id, None, notes, state)

    def raise_current(self) -> bool:
        """Shortcut "open card": show the current card in full and let the agent type."""
        if self.call_id is None:
            return False
        self.close_timer.stop()
        self.expand()
        self._present()
        self.accept_focus()
        # The fields take focus only by a click (the window taking focus must not
        # put the cursor anywhere by itself): here the agent asked, so type.
        search = self.header.search
        (search if search.isVisibleTo(self) else self.notes).setFocus()
        return True

    def dismiss(self) -> None:
        """Hide the pop now (close button, shortcut); notes are saved first."""
        self.close_timer.stop()
        self.notes.flush()
        self.hide()

    def shrink(self) -> None:
        """Collapse to the header and the buttons: the call is over."""
        self.notes.flush()
        self.shrunk = True
        self.card_view.hide()
        self.footer.show_notes(False)
        self._fit()

    def expand(self) -> None:
        self.shrunk = False
        self.card_view.show()
        self.footer.show_notes(True)
        self._fit()

    def hold_open(self) -> None:
        """The shown call's wrap-up is open: stay until it closes (``let_go``)."""
        self._held = True
        self.close_timer.stop()

    def let_go(self) -> None:
        """The wrap-up closed: an ended call's pop lingers, then closes, as usual."""
        self._held = False
        if self.shrunk and self.isVisible():
            self._linger()

    def notes_for(self, call_id: str) -> str:
        """The notes typed on the pop for ``call_id`` (for the wrap-up dialog)."""
        if call_id == self.call_id:
            self.notes.flush()
        return self._notes.get(call_id, "")

    def render_pending(self) -> bool:
        """Whether sections still wait to be painted (tests, screenshots)."""
        return self.card_view.render_pending()

    # -------------------------------------------------------------- private --

    def _front(self) -> Front:
        return Front(
            self.call_id,
            ringing=self.state is CallState.RINGING,
            visible=self.isVisible(),
            advancing=self.next_timer.isActive(),
        )

    def _show_call(self, call: CallInfo) -> None:
        self.waiting.remove(call.call_id)
        self._leave_current()
        self.call_id, self.call, self.state = call.call_id, call, CallState.RINGING
        self.header.show_call(call)
        self.header.set_state(self.tr("Ringing"), "ring")
        self._show_waiting_count()
        self.notes.load(self._notes.get(call.call_id, ""))
        self._present()

    def _next_waiting(self) -> None:
        waiting = self.waiting.take_next()
        if waiting is not None:
            self._show_waiting(waiting)

    def _show_waiting(self, waiting: Waiting) -> None:
        """Bring a call from the line behind to the front, from what was kept of it."""
        if self.state is CallState.RINGING and self.call is not None:
            # The shown call still rings: it goes back to the head of the line.
            shown = Waiting(
                self.call, self.card, self.card_view.shown(), self.sections, self._complete
            )
            self.waiting.put_back(shown)
        call_id = waiting.call_id
        self._show_call(waiting.call)
        if waiting.card is not None:
            self.on_identified(call_id, waiting.card, waiting.pending)
            for name, section in waiting.sections.items():
                self.on_section(call_id, name, section)
            if waiting.complete:
                self.on_complete(call_id, waiting.card)

    def _show_waiting_count(self) -> None:
        self.header.set_waiting_count(len(self.waiting))

    def _reopen(self, call_id: str, card: Card | None, notes: str, state: str) -> None:
        self._leave_current()
        self.call_id, self.call, self.card, self.state = call_id, None, card, None
        self.crm_button.set_card(call_id, card)
        if card is None:
            self.header.show_looking_up()
        else:
            self.header.show_card(None, card)
            self.card_view.plan(card.sections, ())
        self.header.set_state(self._reopened(state), "")
        self.notes.load(self._notes.get(call_id) or notes)
        self._present()

    def _reopened(self, state: str) -> str:
        if not state:
            return self.tr("Reopened")
        return self.tr("Reopened · %1").replace("%1", state_word(state))

    def _leave_current(self) -> None:
        self._held = False
        self.notes.flush()
        self.close_timer.stop()
        self.next_timer.stop()
        self._complete = False
        self.card = None
        self.crm_button.set_card(None, None)
        self.card_view.clear()
        self.header.set_tier(None)
        self.header.set_results([])
        self.header.results.hide()

    def _present(self) -> None:
        if not self.isVisible():
            self.placement.appearing()
            self.refuse_focus()
        self.expand()
        self.show()
        raise_window(self)
        self._fit()

    def _painted(self, name: str, section: object) -> None:
        if name == "profile":
            data = section.data if isinstance(section, Section) and section.ok else None
            self.header.set_tier(tier_text(data) if data is not None else None)

    def _fit(self) -> None:
        """As tall as the content, up to the screen, inside it (a burst: ``Placement.fit``).
        A card with no section to show (several matches, nobody chosen yet)
        has no body: the header sits right on the notes."""
        self.card_view.fit_done()
        self.card_view.setVisible(not self.shrunk and bool(self.card_view.shown()))
        align_for_direction(self, self.formats.rtl)
        burst = bool(self.waiting) and not self.shrunk
        self.placement.fit([self.header, self.card_view, self.footer], burst=burst)

    def _linger(self) -> None:
        """Close after ``linger_s``, unless the call's wrap-up holds the pop open."""
        if not self._held:
            self.close_timer.start(int(self.linger_s * 1000))

    def _linger_over(self) -> None:
        if self.underMouse() or self.notes.hasFocus() or self.header.search.hasFocus():
            self.close_timer.start(LINGER_RETRY_MS)
            return
        self.dismiss()

    def _save_draft(self, text: str) -> None:
        if self.call_id is None:
            return
        self._notes.keep(self.call_id, text)
        try:  # queued by the core: returns at once
            self.core.save_notes_draft(self.call_id, text)
        except Exception:  # the core refused; the text stays in the field
            log.exception("saving the notes draft failed")

    def _wrapup(self) -> None:
        if self.call_id is not None:
            self.wrapup_requested.emit(self.call_id, self.notes_for(self.call_id))

    def _choose(self, customer_id: str) -> None:
        if self.call_id is None:
            return
        self.card_view.wait_again()
        self.core.choose_customer(self.call_id, customer_id)  # returns at once

    def _open_found(self, customer_id: str) -> None:
        if self.call_id is not None:
            self.header.show_opening()
            self.core.open_customer(self.call_id, customer_id)  # returns at once

    # ----------------------------------------------------------- Qt events --

    def closeEvent(self, event: QCloseEvent) -> None:
        self.notes.flush()
        super().closeEvent(event)
