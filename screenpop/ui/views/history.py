"""The pop's ``history`` section: the customer's earlier calls, newest first.

Each call is one entry: when (in the agent's locale and time zone), how it
went (answered, missed, answered elsewhere: a chip in the agent's language),
which agent, the disposition and the notes. Dispositions are the desk's
configured words; the default ones are translated, others shown as written.
Notes are the agents' own text, shown as typed (plain text, never markup).

When the history comes from this desk's journal only (the central journal is
not configured or did not answer: ``source`` is ``local``), the section says
so under its title: "This desk only". Other agents' calls are then missing.

Data comes from the card, so every field is optional and an odd value is
shown as text, never an exception that would blank the pop.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from screenpop.ui.formatting import Formats, to_datetime
from screenpop.ui.views.base import Pool, ViewWords, mappings, register, reuse
from screenpop.ui.widgets import label, set_tone

# Earlier calls shown on the pop; the rest is "and N more".
MAX_CALLS = 10
# A state's chip tone: a missed call is what the next agent must notice.
TONES = {"missed": "bad", "answered_elsewhere": "", "ringing": "warn"}


class HistoryWords(QObject):
    """The section's words (a QObject for its ``tr`` context, ``HistoryView``)."""

    _instance: HistoryWords | None = None

    @classmethod
    def get(cls) -> HistoryWords:
        if cls._instance is None:
            cls._instance = HistoryWords()
        return cls._instance

    def title(self) -> str:
        return self.tr("Earlier calls")

    def this_desk_only(self) -> str:
        return self.tr("This desk only")

    def state(self, state: str) -> str:
        words = {
            # "ended" is a call that was answered and then ended.
            "answered": self.tr("Answered"),
            "ended": self.tr("Answered"),
            "missed": self.tr("Missed"),
            "answered_elsewhere": self.tr("Answered elsewhere"),
            "ringing": self.tr("Not finished"),
        }
        return words.get(state, state.replace("_", " "))

    def disposition(self, disposition: str) -> str:
        """The default wrap-up choices in the agent's language; others as configured."""
        words = {
            "resolved": self.tr("resolved"),
            "follow-up": self.tr("follow-up"),
            "sale": self.tr("sale"),
            "complaint": self.tr("complaint"),
            "wrong number": self.tr("wrong number"),
        }
        return words.get(disposition, disposition)

    def agent(self, agent: str) -> str:
        return self.tr("Agent %1").replace("%1", agent)


class CallEntry(QWidget):
    """One earlier call: time, state chip, agent; disposition; notes."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("history-call")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        line = QHBoxLayout()
        line.setSpacing(8)
        self.when = label("", role="item")
        line.addWidget(self.when)
        self.state = label("", role="chip")
        line.addWidget(self.state)
        line.addStretch(1)
        self.agent = label("", role="code")
        line.addWidget(self.agent)
        column.addLayout(line)
        self.disposition = label("", role="note")
        column.addWidget(self.disposition)
        self.notes = label("", role="reason", wrap=True)
        column.addWidget(self.notes)

    def fill(self, call: Mapping[str, Any], fmt: Formats) -> None:
        words = HistoryWords.get()
        moment = to_datetime(call.get("time"))
        if hasattr(moment, "timestamp"):
            self.when.setText(fmt.when(moment.timestamp()))  # type: ignore[union-attr]
        else:
            self.when.setText(str(call.get("time") or ""))
        state = str(call.get("state") or "")
        self.state.setText(words.state(state))
        self.state.setVisible(bool(state))
        set_tone(self.state, TONES.get(state, "good"))
        agent = call.get("agent")
        self.agent.setText(words.agent(str(agent)) if agent not in (None, "") else "")
        _show(self.disposition, words.disposition(str(call.get("disposition") or "")))
        _show(self.notes, str(call.get("notes") or ""))


def _show(widget: QLabel, text: str) -> None:
    widget.setText(text)
    widget.setVisible(bool(text))


class HistoryView(QWidget):
    """The entries, made as needed and refilled for the next card; "and N more"."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("history")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        self.pool: Pool[CallEntry] = Pool(column, CallEntry, at=0)
        self.words = ViewWords()
        self.more = label("", role="note")
        column.addWidget(self.more)

    def fill(self, data: Any, fmt: Formats) -> None:
        calls = mappings(data)
        shown = calls[:MAX_CALLS]
        for entry, call in zip(self.pool.take(len(shown)), shown, strict=True):
            entry.fill(call, fmt)
        left = len(calls) - len(shown)
        self.more.setText(self.words.and_more(left) if left > 0 else "")
        self.more.setVisible(left > 0)


def history_view(
    data: Any, fmt: Formats, currency: str | None = None, previous: QWidget | None = None
) -> QWidget:
    """The section renderer (``views.base.Renderer``)."""
    view = reuse(previous, HistoryView)
    view.fill(data, fmt)
    return view


def history_title() -> str:
    return HistoryWords.get().title()


def history_caption(section: Any) -> str | None:
    """ "This desk only" for history read from this desk's journal."""
    return HistoryWords.get().this_desk_only() if section.source == "local" else None


register("history", history_title, history_view, history_caption, quiet_when_empty=True)
