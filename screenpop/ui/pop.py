"""The pop window: the card of the ringing call, without taking the agent's focus.

It appears on ring as a frameless, always-on-top tool window that does not
accept focus (so the agent's typing elsewhere goes on undisturbed), where the
agent last dragged it, clamped to the screen. Sections fill in as their
``section_arrived`` signals come. When the call ends, is missed or is answered
elsewhere it shrinks to its header (with "Wrap up") and closes after
``ui.linger_s`` — unless the agent is pointing at it or typing in it. Clicking
the notes or search field is the one way it takes focus: the agent asked.

A burst of rings (a hunt group, a queue flushing, a misrouted trunk) must not
flip the card under the agent's eyes nor freeze the screen: while the shown
call is still ringing, later rings wait behind it ("3 more ringing" in the
header) with their cards kept as data, not widgets; when the shown caller
hangs up, the longest-waiting caller still ringing takes its place a moment
later (once, however many hang up meanwhile); all of them are in the
recent-calls list. Sections are rendered one per
event-loop pass, and only when their content changed, so no single pass
builds a whole card.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from dataclasses import dataclass, field

from PySide6.QtCore import QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from screenpop.card import SECTION_NAMES, Card, Match, Section, Status
from screenpop.events import CallState
from screenpop.frontend import AgentCore, CallInfo
from screenpop.ui.formatting import Formats
from screenpop.ui.header import PopHeader
from screenpop.ui.jobs import Jobs
from screenpop.ui.notes import NotesEdit
from screenpop.ui.recent import state_word
from screenpop.ui.section_views import card_currency, tier_text
from screenpop.ui.sections import SectionBox
from screenpop.ui.settings import load_pop_pos, save_pop_pos
from screenpop.ui.widgets import align_for_direction, raise_window

log = logging.getLogger(__name__)

POP_WIDTH = 560
#: Gap kept between the pop and the screen's edge when it has no saved place.
EDGE_MARGIN = 24
#: While the agent points at or types in a lingering pop, look again this often.
LINGER_RETRY_MS = 1000
#: Time one event-loop pass may spend building section widgets; the rest of
#: the card follows on the next pass, so the screen keeps answering.
RENDER_SLICE_S = 0.004
#: After the shown caller hangs up, the next waiting caller comes forward this
#: much later: when callers hang up one after another (the end of a burst) the
#: pop moves once, not once per hang-up, and the agent sees what ended.
NEXT_CALL_DELAY_MS = 300
#: Ringing calls kept waiting behind the shown one (a burst beyond this drops
#: the oldest from the pop's queue; the journal and recent list keep them all).
MAX_WAITING = 500

POP_FLAGS = (
    Qt.WindowType.Tool
    | Qt.WindowType.FramelessWindowHint
    | Qt.WindowType.WindowStaysOnTopHint
    | Qt.WindowType.WindowDoesNotAcceptFocus
)


class _ContentScroll(QScrollArea):
    """A scroll area that asks for its content's full height.

    QScrollArea caps its size hint at 24 text lines; the pop wants to be as
    tall as its card (up to the screen) and only scroll beyond that.
    """

    def sizeHint(self) -> QSize:
        inner = self.widget()
        hint = super().sizeHint()
        if inner is not None:
            hint.setHeight(inner.sizeHint().height() + 2 * self.frameWidth())
        return hint


@dataclass
class _Waiting:
    """A ringing call not shown yet: what the core said about it, as data."""

    call: CallInfo
    card: Card | None = None
    pending: tuple[str, ...] = ()
    sections: dict[str, Section] = field(default_factory=dict)
    complete: bool = False


class PopWindow(QWidget):
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
    ) -> None:
        super().__init__(parent, POP_FLAGS)
        self.setObjectName("pop")
        self.setWindowTitle("screenpop")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if formats.rtl else Qt.LayoutDirection.LeftToRight
        )
        self.core = core
        self.formats = formats
        self.linger_s = linger_s
        self.jobs = jobs or Jobs(self)
        self.call_id: str | None = None
        self.call: CallInfo | None = None
        self.card: Card | None = None
        self.state: CallState | None = None
        self.sections: dict[str, Section] = {}
        self.shrunk = False
        self._notes: dict[str, str] = {}
        self._drag_offset: QPoint | None = None
        self._dragged = False
        #: Ringing calls behind the shown one, oldest first.
        self.waiting: OrderedDict[str, _Waiting] = OrderedDict()
        #: Sections whose content changed and still need painting, in order.
        self._dirty: list[str] = []
        self._complete = False
        self._fit_pending = False
        self._saved_pos = load_pop_pos()

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        frame = QFrame()
        frame.setObjectName("pop-frame")
        outer.addWidget(frame)
        column = QVBoxLayout(frame)
        column.setContentsMargins(1, 1, 1, 1)
        column.setSpacing(0)

        self.header = PopHeader()
        self.header.close_clicked.connect(self.dismiss)
        self.header.customer_chosen.connect(self._choose)
        self.header.search_requested.connect(self._search)
        self.header.search_result_chosen.connect(self._open_found)
        column.addWidget(self.header)

        body = QWidget()
        body.setObjectName("pop-body")
        self.body_layout = QVBoxLayout(body)
        self.body_layout.setContentsMargins(12, 12, 12, 4)
        self.body_layout.setSpacing(10)
        self.boxes: dict[str, SectionBox] = {}
        for name in SECTION_NAMES:
            box = SectionBox(name)
            box.hide()
            self.boxes[name] = box
            self.body_layout.addWidget(box)
        self.body_layout.addStretch(1)
        self.content_scroll = _ContentScroll()
        self.content_scroll.setObjectName("pop-scroll")
        self.content_scroll.setWidget(body)
        self.content_scroll.setWidgetResizable(True)
        self.content_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.content_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        expanding = QSizePolicy.Policy.Expanding
        self.content_scroll.setSizePolicy(expanding, expanding)
        column.addWidget(self.content_scroll, 1)

        self.notes = NotesEdit()
        self.notes.setFixedHeight(64)
        self.notes.draft_ready.connect(self._save_draft)
        notes_box = QWidget()
        notes_box.setObjectName("pop-notes")
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.setContentsMargins(12, 4, 12, 0)
        notes_layout.addWidget(self.notes)
        self.notes_box = notes_box
        column.addWidget(notes_box)

        footer = self.footer = QWidget()
        footer.setObjectName("pop-footer")
        buttons = QHBoxLayout(footer)
        buttons.setContentsMargins(12, 8, 12, 10)
        self.wrapup_button = QPushButton(self.tr("Wrap up"))
        self.wrapup_button.setObjectName("wrapup")
        self.wrapup_button.setProperty("role", "primary")
        self.wrapup_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.wrapup_button.clicked.connect(self._wrapup)
        buttons.addWidget(self.wrapup_button)
        buttons.addStretch(1)
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.setObjectName("dismiss")
        self.dismiss_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.dismiss_button.clicked.connect(self.dismiss)
        buttons.addWidget(self.dismiss_button)
        column.addWidget(footer)

        # Clicking a field the agent types in is the one way the pop takes focus.
        self.notes.pressed.connect(self.accept_focus)
        self.header.search.pressed.connect(self.accept_focus)

        self.close_timer = QTimer(self)
        self.close_timer.setObjectName("close_timer")
        self.close_timer.setSingleShot(True)
        self.close_timer.timeout.connect(self._linger_over)
        self.render_timer = QTimer(self)
        self.render_timer.setObjectName("render_timer")
        self.render_timer.setSingleShot(True)
        self.render_timer.setInterval(0)
        self.render_timer.timeout.connect(self._render_next)
        self.next_timer = QTimer(self)
        self.next_timer.setObjectName("next_timer")
        self.next_timer.setSingleShot(True)
        self.next_timer.setInterval(NEXT_CALL_DELAY_MS)
        self.next_timer.timeout.connect(self._next_waiting)
        self.setFixedWidth(POP_WIDTH)

    # ------------------------------------------------------- listener slots --

    def on_ringing(self, call: CallInfo) -> None:
        """A new call replaces the shown one, unless that one is still ringing."""
        if self._holding(call.call_id):
            self.waiting[call.call_id] = _Waiting(call)
            while len(self.waiting) > MAX_WAITING:
                self.waiting.popitem(last=False)
            self._show_waiting_count()
            return
        self._show_call(call)

    def _show_call(self, call: CallInfo) -> None:
        self.waiting.pop(call.call_id, None)
        self._leave_current()
        self.call_id = call.call_id
        self.call = call
        self.state = CallState.RINGING
        self.header.show_call(call)
        self.header.set_state(self.tr("Ringing"), "ring")
        self.header.set_tier(None)
        for box in self.boxes.values():
            box.set_busy()
            box.hide()
        self._show_waiting_count()
        self.notes.load(self._notes.get(call.call_id, ""))
        self._present()

    def on_identified(self, call_id: str, card: Card, pending: tuple[str, ...]) -> None:
        waiting = self.waiting.get(call_id)
        if waiting is not None:
            waiting.card, waiting.pending, waiting.sections = card, pending, dict(card.sections)
            return
        if call_id != self.call_id:
            return
        self.card = card
        self.sections = dict(card.sections)
        self.header.show_card(self.call, card)
        for name, box in self.boxes.items():
            if name in card.sections:
                box.show()
            elif name in pending:
                box.set_busy()
                box.show()
            else:
                box.hide()
        self._render_all()
        self._refit()

    def on_section(self, call_id: str, name: str, section: Section) -> None:
        waiting = self.waiting.get(call_id)
        if waiting is not None:
            waiting.sections[name] = section
            return
        if call_id != self.call_id or name not in self.boxes:
            return
        before = card_currency(self.sections)
        self.sections[name] = section
        if self.card is not None:
            self.card = self.card.with_section(name, section)
        if card_currency(self.sections) != before:
            self._render_all()  # amounts shown before the currency was known
        else:
            self._render(name)
        self.boxes[name].show()
        self._refit()

    def on_complete(self, call_id: str, card: Card) -> None:
        """Everything answered: take the final card; sections never heard of say so."""
        waiting = self.waiting.get(call_id)
        if waiting is not None:
            waiting.card, waiting.complete = card, True
            waiting.sections.update(card.sections)
            return
        if call_id != self.call_id:
            return
        self.card = card
        self._complete = True
        self.sections.update(card.sections)
        for name, box in self.boxes.items():
            if name not in self.sections and box.isVisible() and box.is_busy:
                self.sections[name] = Section(Status.UNAVAILABLE, error=self.tr("no answer"))
        self._render_all()
        self._refit()

    def on_state(self, call_id: str, state: CallState, elsewhere: bool) -> None:
        if call_id in self.waiting:
            if state is CallState.ANSWERED and not elsewhere:
                # The agent picked up a call from the line behind: show that one.
                self._show_waiting(self.waiting.pop(call_id))
                self.on_state(call_id, state, elsewhere)
            elif state is not CallState.RINGING:
                del self.waiting[call_id]
                self._show_waiting_count()
            return
        if call_id != self.call_id:
            return
        self.state = state
        if state is CallState.ANSWERED and not elsewhere:
            self.header.set_state(self.tr("On call"), "good")
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
        self.shrink()
        self.close_timer.start(int(self.linger_s * 1000))

    # ------------------------------------------------------------- actions --

    def show_card(self, call_id: str, card: Card, notes: str = "", state: str = "") -> None:
        """Reopen a past call's card (recent calls); stays until dismissed."""
        self._leave_current()
        self.call_id = call_id
        self.call = None
        self.card = card
        self.state = None
        self.sections = dict(card.sections)
        self.header.show_card(None, card)
        self.header.set_state(self._reopened(state), "")
        for name, box in self.boxes.items():
            box.setVisible(name in card.sections)
        self._render_all()
        self.notes.load(self._notes.get(call_id) or notes)
        self._present()

    def show_pending(self, call_id: str, notes: str = "", state: str = "") -> None:
        """Reopen a past call whose card the core is looking up again."""
        self._leave_current()
        self.call_id = call_id
        self.call = None
        self.state = None
        self.header.customer.setText(self.tr("Looking up…"))
        self.header.customer_id.setText("")
        self.header.set_tier(None)
        self.header.set_state(self._reopened(state), "")
        for box in self.boxes.values():
            box.set_busy()
            box.hide()
        self.notes.load(self._notes.get(call_id) or notes)
        self._present()

    def raise_current(self) -> bool:
        """Shortcut "open card": show the current card in full and let the agent type."""
        if self.call_id is None:
            return False
        self.close_timer.stop()
        self.expand()
        self._present()
        self.accept_focus()
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
        self.content_scroll.hide()
        self.notes_box.hide()
        self._fit()

    def expand(self) -> None:
        self.shrunk = False
        self.content_scroll.show()
        self.notes_box.show()
        self._fit()

    def notes_for(self, call_id: str) -> str:
        """The notes typed on the pop for ``call_id`` (for the wrap-up dialog)."""
        if call_id == self.call_id:
            self.notes.flush()
        return self._notes.get(call_id, "")

    def accept_focus(self) -> None:
        """Let the window take focus: the agent clicked a field or pressed the shortcut."""
        handle = self.windowHandle()
        if handle is not None:
            handle.setFlag(Qt.WindowType.WindowDoesNotAcceptFocus, False)
        self.activateWindow()

    def refuse_focus(self) -> None:
        handle = self.windowHandle()
        if handle is not None:
            handle.setFlag(Qt.WindowType.WindowDoesNotAcceptFocus, True)

    # -------------------------------------------------------------- private --

    def _holding(self, call_id: str) -> bool:
        """Whether a new ring must wait: the shown call is another one, still
        ringing, or callers already waiting are about to come forward."""
        if self.call_id is None or call_id == self.call_id:
            return False
        if self.next_timer.isActive():
            return True
        return self.state is CallState.RINGING and self.isVisible()

    def _next_waiting(self) -> None:
        if self.waiting:
            self._show_waiting(self.waiting.popitem(last=False)[1])

    def _show_waiting(self, waiting: _Waiting) -> None:
        """Bring a call from the line behind to the front, from what was kept of it."""
        call_id = waiting.call.call_id
        if self.state is CallState.RINGING and self.call is not None:
            # The shown call still rings: it goes back to the head of the line.
            self.waiting[self.call.call_id] = _Waiting(
                self.call,
                self.card,
                tuple(n for n, b in self.boxes.items() if b.isVisible()),
                dict(self.sections),
                self._complete,
            )
            self.waiting.move_to_end(self.call.call_id, last=False)
        self._show_call(waiting.call)
        if waiting.card is not None:
            self.on_identified(call_id, waiting.card, waiting.pending)
            for name, section in waiting.sections.items():
                self.on_section(call_id, name, section)
            if waiting.complete:
                self.on_complete(call_id, waiting.card)

    def _show_waiting_count(self) -> None:
        count = len(self.waiting)
        self.header.set_waiting(self.tr("%Ln more ringing", "", count) if count else "")

    def _reopened(self, state: str) -> str:
        if not state:
            return self.tr("Reopened")
        return self.tr("Reopened · %1").replace("%1", state_word(state))

    def _leave_current(self) -> None:
        self.notes.flush()
        self.close_timer.stop()
        self.render_timer.stop()
        self.next_timer.stop()
        self._dirty = []
        self._complete = False
        self.card = None
        self.sections = {}
        self.header.set_results([])
        self.header.results.hide()

    def _present(self) -> None:
        if not self.isVisible():
            self._saved_pos = load_pop_pos()  # read once per appearance, not per repaint
            self.refuse_focus()
        self.expand()
        self.show()
        raise_window(self)
        self._fit()

    def _render(self, name: str) -> None:
        """Paint ``name`` on a coming event-loop pass (one section per pass)."""
        if name not in self._dirty:
            self._dirty.append(name)
        self.render_timer.start()

    def _render_all(self) -> None:
        for name in self.boxes:
            self._render(name)

    def _refit(self) -> None:
        """Fit to the content on the coming pass (once, however many changes)."""
        self._fit_pending = True
        self.render_timer.start()

    def _render_next(self) -> None:
        started = time.perf_counter()
        while self._dirty and time.perf_counter() - started < RENDER_SLICE_S:
            name = self._dirty.pop(0)
            section = self.sections.get(name)
            if name == "profile":
                self.header.set_tier(tier_text(section.data) if section and section.ok else None)
            if section is None:
                continue
            if self.boxes[name].set_section(section, self.formats, card_currency(self.sections)):
                self._fit_pending = True
        if self._fit_pending:
            self._fit()  # one resize (and repaint) per pass
        if self._dirty:
            self.render_timer.start()

    def render_pending(self) -> bool:
        """Whether sections still wait to be painted (tests, screenshots)."""
        return bool(self._dirty) or self._fit_pending

    def _fit(self) -> None:
        """Be as tall as the content, up to the screen; keep inside the screen."""
        self._fit_pending = False
        align_for_direction(self, self.formats.rtl)
        # Summed by hand: the window's own layout caches its hint until the
        # next event-loop pass, and the pop must be right before it paints.
        parts = [self.header, self.content_scroll, self.notes_box, self.footer]
        wanted = sum(p.sizeHint().height() for p in parts if not p.isHidden()) + 2
        available = self._screen_area()
        height = min(wanted, available.height() - 2 * EDGE_MARGIN)
        self.resize(POP_WIDTH, height)
        self._place()

    def _screen_area(self) -> QRect:
        saved = self._saved_pos
        screen = QGuiApplication.screenAt(saved) if saved is not None else None
        screen = screen or self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry()

    def _place(self) -> None:
        area = self._screen_area()
        saved = self._saved_pos
        if saved is None:
            target = QPoint(
                area.right() + 1 - self.width() - EDGE_MARGIN,
                area.bottom() + 1 - self.height() - EDGE_MARGIN,
            )
        else:
            target = saved
        x = max(area.left(), min(target.x(), area.right() + 1 - self.width()))
        y = max(area.top(), min(target.y(), area.bottom() + 1 - self.height()))
        self.move(x, y)

    def _linger_over(self) -> None:
        if self.underMouse() or self.notes.hasFocus() or self.header.search.hasFocus():
            self.close_timer.start(LINGER_RETRY_MS)
            return
        self.dismiss()

    def _save_draft(self, text: str) -> None:
        if self.call_id is None:
            return
        self._notes[self.call_id] = text
        try:
            self.core.save_notes_draft(self.call_id, text)
        except Exception:  # the journal said no; the text stays in the field
            log.exception("saving the notes draft failed")

    def _wrapup(self) -> None:
        if self.call_id is not None:
            self.wrapup_requested.emit(self.call_id, self.notes_for(self.call_id))

    def _choose(self, customer_id: str) -> None:
        if self.call_id is None:
            return
        for name, box in self.boxes.items():
            if box.isVisible():
                self.sections.pop(name, None)
                box.set_busy()
        self.core.choose_customer(self.call_id, customer_id)

    def _search(self, text: str) -> None:
        call_id = self.call_id

        def show(result: object) -> None:
            if call_id == self.call_id and isinstance(result, list):
                self.header.set_results([m for m in result if isinstance(m, Match)])
                self._fit()

        self.jobs.start(lambda: self.core.search(text), show, self._search_failed)

    def _search_failed(self, reason: str) -> None:
        self.header.customer_id.setText(self.tr("Search failed: %1").replace("%1", reason))

    def _open_found(self, customer_id: str) -> None:
        if self.call_id is not None:
            self.header.results.hide()
            self.header.customer.setText(self.tr("Opening customer…"))
            self.core.open_customer(self.call_id, customer_id)

    # ----------------------------------------------------------- Qt events --

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag_offset = event.globalPosition().toPoint() - self.pos()
            self._dragged = False
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_offset is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self.move(event.globalPosition().toPoint() - self._drag_offset)
            self._dragged = True
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag_offset is not None and event.button() == Qt.MouseButton.LeftButton:
            self._drag_offset = None
            if self._dragged:
                save_pop_pos(self.pos())
                self._saved_pos = self.pos()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.notes.flush()
        super().closeEvent(event)
