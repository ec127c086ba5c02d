"""One card section on the pop: busy until its answer, then data or the reason.

The card is shown before the sources answer (DESIGN: "the card is shown at
once; each section fills in as it arrives"), so every section has three looks:
busy (an indeterminate bar), filled (``views``), or a sentence saying why
there is nothing: "timed out", "unavailable: <reason>", "nothing on file". The
reason is the core's, in the agent's language (``reason_texts``). A failed
section that carries its last known data (``last_known``: the customer's
newest earlier card in which it was fine) still says why it failed, and under
that shows the earlier data through the section's own view, marked "Last
known, as of <time>" and greyed (``stale``), so nobody takes it for today's.
A view may add a caption under the title about where its data is from
("This desk only").
"""

from __future__ import annotations

import datetime as dt

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QProgressBar, QVBoxLayout, QWidget

from screenpop.card import Section, Status
from screenpop.ui.formatting import Formats, to_datetime
from screenpop.ui.reason_texts import fill, reason_texts
from screenpop.ui.views import render, section_caption, section_title
from screenpop.ui.widgets import label, set_tone


def status_text(section: Section, fmt: Formats | None = None) -> str | None:
    """What to say instead of data, or None when there is data to show."""
    reason = reason_texts().reason(section.reason, section.error, fmt)
    if section.status is Status.TIMEOUT:
        if reason:
            return fill(QCoreApplication.translate("SectionBox", "Timed out — %1"), reason)
        return QCoreApplication.translate("SectionBox", "Timed out")
    if section.status is Status.UNAVAILABLE:
        reason = reason or QCoreApplication.translate("SectionBox", "no reason given")
        return fill(QCoreApplication.translate("SectionBox", "Unavailable: %1"), reason)
    if section.status is Status.EMPTY or section.data in (None, [], {}):
        return QCoreApplication.translate("SectionBox", "Nothing on file")
    return None


def last_known_text(as_of: str, fmt: Formats) -> str:
    """The mark over a failed section's last known data (its time in the agent's locale)."""
    moment = to_datetime(as_of)
    when = fmt.when(moment.timestamp()) if isinstance(moment, dt.datetime) else fmt.date(as_of)
    return fill(QCoreApplication.translate("SectionBox", "Last known, as of %1"), when)


class SectionBox(QFrame):
    """Title, busy bar, and either the rendered data or a status line."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setObjectName(f"section-{name}")
        self.setProperty("role", "section")
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.setSpacing(4)
        title = section_title(name)
        self.title = label(title.upper(), role="title")
        layout.addWidget(self.title)
        self.caption = label("", role="note")
        self.caption.setObjectName(f"caption-{name}")
        self.caption.hide()
        layout.addWidget(self.caption)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # indeterminate: Qt animates it
        self.busy.setTextVisible(False)
        self.busy.setFixedHeight(4)
        self.busy.setAccessibleName(self.tr("%1 loading").replace("%1", title))
        layout.addWidget(self.busy)
        self.status = label("", role="status", wrap=True)
        self.status.setObjectName(f"status-{name}")
        layout.addWidget(self.status)
        self.stale = label("", role="stale", wrap=True)
        self.stale.setObjectName(f"stale-{name}")
        self.stale.hide()
        layout.addWidget(self.stale)
        self.content: QWidget | None = None
        self.section: Section | None = None
        self._currency: str | None = None
        self.set_busy()

    @property
    def is_busy(self) -> bool:
        return not self.busy.isHidden()

    def _drop(self) -> None:
        """Throw the content away (a renderer made another kind of widget)."""
        if self.content is not None:
            self._layout.removeWidget(self.content)
            # Deleted now, while this Python call holds the GIL: left to the
            # event loop (deleteLater), every widget's wrapper would take the
            # GIL on its own, each time queueing behind the core's worker
            # threads (benchmarks/burst.py); and until then the old content
            # would paint under the new.
            shiboken6.delete(self.content)
            self.content = None

    def set_busy(self) -> None:
        """Waiting for the source: show the bar, nothing else (the content is kept,
        hidden, to be filled again: making widgets is what costs)."""
        if self.content is not None:
            self.content.hide()
        self.section = None
        self.busy.show()
        self.status.hide()
        self.stale.hide()
        self.caption.hide()

    def set_section(self, section: Section, fmt: Formats, currency: str | None) -> bool:
        """Show the source's answer (again, when the card's currency became known).

        Returns False, doing nothing, when that very answer is shown already
        in that currency (the core repeats sections: card identified, section
        ready, card complete).
        """
        if (
            self.section is not None
            and not self.is_busy
            and (self.section is section or self.section == section)
            and self._currency == currency
        ):
            return False
        self.section = section
        self._currency = currency
        self.busy.hide()
        caption = section_caption(self.name, section)
        self.caption.setText(caption or "")
        self.caption.setVisible(bool(caption))
        message = status_text(section, fmt)
        data = section.data
        last = section.last_known if section.failed else None
        stale = last is not None and last.data not in (None, [], {})
        if message is not None:
            self.status.setText(message)
            set_tone(self.status, "" if section.status in (Status.OK, Status.EMPTY) else "warn")
            self.status.show()
        else:
            self.status.hide()
        if last is not None and stale:
            data = last.data
            self.stale.setText(last_known_text(last.as_of, fmt))
        self.stale.setVisible(stale)
        if message is not None and not stale:
            if self.content is not None:
                self.content.hide()
            return True
        content = render(self.name, data, fmt, currency, self.content)
        if content is not self.content:
            self._drop()
            self.content = content
            self._layout.addWidget(content)
        set_stale(content, stale)
        # A widget added to a visible layout is shown only by a queued call;
        # show it now so the pop's size is right at once.
        content.show()
        return True


def set_stale(widget: QWidget, stale: bool) -> None:
    """Mark (grey) a section's content as earlier data; the style sheet reads it."""
    if bool(widget.property("stale")) == stale:
        return
    widget.setProperty("stale", stale)
    style = widget.style()
    for child in (widget, *widget.findChildren(QWidget)):
        style.unpolish(child)
        style.polish(child)
