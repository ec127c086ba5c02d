"""The pop's body: one box per section in the card's plan, painted a slice at a time.

The core says which sections a card will have (the ``pending`` of
``identified``) and sends each as it arrives; a section outside that plan is
not configured for this desk and is not shown at all (DESIGN: a section that
is not configured is not shown and is not an error). There is a box for each
of ``SECTION_NAMES``, in that order, and one is made on first use for any
other section the core sends (after them), so a new kind of section needs
only its view and title (``views``).

Sections are painted one per event-loop pass, for at most ``RENDER_SLICE_S``,
and only when their content changed, so no single pass builds a whole card
while a burst of rings is coming in.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from screenpop.card import SECTION_NAMES, Section, Status
from screenpop.reasons import SECTION_NO_ANSWER, Reason
from screenpop.ui.formatting import Formats
from screenpop.ui.sections import SectionBox
from screenpop.ui.views import card_currency, quiet_when_empty
from screenpop.ui.views.base import links_for

#: Time one event-loop pass may spend building section widgets; the rest of
#: the card follows on the next pass, so the screen keeps answering.
RENDER_SLICE_S = 0.002


def _order(name: str) -> int:
    return SECTION_NAMES.index(name) if name in SECTION_NAMES else len(SECTION_NAMES)


class CardView(QScrollArea):
    """The sections of one card (the pop sizes itself to their full height)."""

    #: The content's size changed: the window should fit again (once per pass).
    fit_needed = Signal()
    #: A section was painted (the header shows the profile's tier from it).
    painted = Signal(str, object)

    def __init__(self, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pop-scroll")
        self.formats = formats
        body = QWidget()
        body.setObjectName("pop-body")
        self._column = QVBoxLayout(body)
        self._column.setContentsMargins(10, 10, 10, 4)
        self._column.setSpacing(8)
        self._column.addStretch(1)
        self.setWidget(body)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        expanding = QSizePolicy.Policy.Expanding
        self.setSizePolicy(expanding, expanding)
        self.boxes: dict[str, SectionBox] = {}
        #: The sections as the core last sent them.
        self.sections: dict[str, Section] = {}
        #: Sections whose content changed and still need painting, in order.
        self._dirty: list[str] = []
        self._fit_pending = False
        self.render_timer = QTimer(self)
        self.render_timer.setObjectName("render_timer")
        self.render_timer.setSingleShot(True)
        self.render_timer.setInterval(0)
        self.render_timer.timeout.connect(self._render_next)
        # The window is fitted and painted on an event-loop turn of its own
        # after the last slice, so that building and painting a card never
        # hold the screen in one piece (burst.py --explain: 5-8 + 10-17 ms).
        self.finish_timer = QTimer(self)
        self.finish_timer.setObjectName("finish_timer")
        self.finish_timer.setSingleShot(True)
        self.finish_timer.setInterval(0)
        self.finish_timer.timeout.connect(self._finish)
        for name in SECTION_NAMES:
            self.box(name)

    # ------------------------------------------------------------ reading --

    def shown(self) -> tuple[str, ...]:
        """The sections on show (the card's plan), in display order."""
        return tuple(n for n, b in self.boxes.items() if not b.isHidden())

    def render_pending(self) -> bool:
        """Whether sections still wait to be painted (tests, screenshots)."""
        return bool(self._dirty) or self._fit_pending or self.finish_timer.isActive()

    def box(self, name: str) -> SectionBox:
        """The box of section ``name``, made (hidden) on first use."""
        box = self.boxes.get(name)
        if box is None:
            box = SectionBox(name)
            box.hide()
            place = sum(1 for other in self.boxes if _order(other) <= _order(name))
            self._column.insertWidget(place, box)
            self.boxes[name] = box
            self.boxes = dict(sorted(self.boxes.items(), key=lambda item: _order(item[0])))
        return box

    # ------------------------------------------------------------ changes --

    def clear(self) -> None:
        """A new call: nothing planned, nothing shown."""
        self.render_timer.stop()
        self.finish_timer.stop()
        self.setUpdatesEnabled(True)  # a render cut short must not leave it frozen
        self._dirty = []
        self.sections = {}
        for box in self.boxes.values():
            box.set_busy()
            box.hide()

    def plan(self, sections: Mapping[str, Section], pending: Iterable[str]) -> None:
        """The card's plan: the sections it has and those on their way; others hide."""
        self.sections = dict(sections)
        planned = set(self.sections) | set(pending)
        for name in planned:
            self.box(name)
        for name, box in self.boxes.items():
            if name in planned:
                if name not in self.sections:
                    box.set_busy()
                box.show()
            else:
                box.hide()
        self.paint_all_later()

    def wait_again(self) -> None:
        """The agent chose another customer: every shown section is on its way again."""
        for name in self.shown():
            self.sections.pop(name, None)
            self.boxes[name].set_busy()

    def arrived(self, name: str, section: Section) -> None:
        """A section arrived: it is part of the plan, so it shows."""
        before = card_currency(self.sections)
        self.sections[name] = section
        if card_currency(self.sections) != before:
            self.paint_all_later()  # amounts shown before the currency was known
        else:
            self.paint_later(name)
        self.box(name).show()
        self.request_fit()

    def complete(self, sections: Mapping[str, Section]) -> None:
        """The final card: shown sections never heard of say so."""
        self.sections.update(sections)
        for name in self.shown():
            if name not in self.sections and self.boxes[name].is_busy:
                no_answer = Reason.of(SECTION_NO_ANSWER)
                self.sections[name] = Section(Status.UNAVAILABLE, reason=no_answer)
        self.paint_all_later()
        self.request_fit()

    def paint_later(self, name: str) -> None:
        """Paint ``name`` on a coming event-loop pass (one section per pass)."""
        if name not in self._dirty:
            self._dirty.append(name)
        self.render_timer.start()

    def paint_all_later(self) -> None:
        for name in self.boxes:
            self.paint_later(name)

    def request_fit(self) -> None:
        """Fit the window to the content on the coming pass (once, however many changes)."""
        self._fit_pending = True
        self.render_timer.start()

    def fit_done(self) -> None:
        self._fit_pending = False

    def _link(self, name: str) -> None:
        """Views that read another section (``views.base.link``) look again."""
        for shown, other, fn in links_for(name):
            box = self.boxes.get(shown)
            if box is None or box.content is None or box.section is None:
                continue
            section = self.sections.get(other)
            fn(box.content, section.data if section is not None and section.ok else None)

    def _render_next(self) -> None:
        started = time.perf_counter()
        currency = card_currency(self.sections)
        # No paint between the slices of one card: each slice's new texts
        # would repaint the whole pop (3-8 ms a paint: burst.py --explain);
        # it is painted once, when the card is in and the window fitted.
        if self.updatesEnabled():
            self.setUpdatesEnabled(False)
        while self._dirty and time.perf_counter() - started < RENDER_SLICE_S:
            name = self._dirty.pop(0)
            section = self.sections.get(name)
            box = self.box(name)
            if section is not None and box.set_section(section, self.formats, currency):
                self._fit_pending = True
            if section is not None and quiet_when_empty(name):
                box.setVisible(section.status is not Status.EMPTY)
            self._link(name)
            self.painted.emit(name, section)
        if self._dirty:
            self.render_timer.start()
        else:
            self.finish_timer.start()

    def _finish(self) -> None:
        """The card is in: fit the window (once, not after every slice: it lays out
        the whole window), then paint. Fitted first, with the sections' updates
        still off, so that the resize paints the frame and the sections are
        painted once, not once at each size."""
        if self._dirty:
            return  # more came in: the render's end finishes again
        if self._fit_pending:
            self.fit_needed.emit()
        self.setUpdatesEnabled(True)
