"""A call's detail: its timeline, the card as the agent saw it, the outcome and why sections failed.

The card comes from the journal's ``card_json`` (the snapshot taken when the
pop completed) and is drawn with the pop's own section widgets
(``screenpop.ui.sections.SectionBox``), so the supervisor sees what the agent
saw, failures and their reasons included. Everything shown is plain text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from screenpop.card import Section, Status
from screenpop.journal.logreads import CallDetail
from screenpop.ui.formatting import Formats
from screenpop.ui.sections import SectionBox
from screenpop.ui.supervisor.texts import clock, duration, ltr, outcome_word, step_word, tx, when
from screenpop.ui.views import card_currency, section_title
from screenpop.ui.widgets import label


def card_sections(card: Mapping[str, Any] | None) -> dict[str, Section]:
    """The snapshot's sections as ``Section`` values (anything malformed becomes unavailable)."""
    out: dict[str, Section] = {}
    sections = card.get("sections") if isinstance(card, Mapping) else None
    if not isinstance(sections, Mapping):
        return out
    for name, raw in sections.items():
        if not isinstance(raw, Mapping):
            continue
        try:
            status = Status(str(raw.get("status")))
        except ValueError:
            status = Status.UNAVAILABLE
        try:
            out[str(name)] = Section(
                status,
                data=raw.get("data"),
                source=str(raw["source"]) if raw.get("source") is not None else None,
                error=str(raw["error"]) if raw.get("error") is not None else None,
            )
        except ValueError:  # data that the card would refuse (non-finite, bytes)
            out[str(name)] = Section(Status.UNAVAILABLE, error=tx("unreadable in the journal"))
    return out


class CallDetailWindow(QWidget):
    """One call, read-only; a window of its own so several can stay open side by side."""

    def __init__(self, detail: CallDetail, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = detail.row
        self.setObjectName("call-detail")
        self.setWindowTitle(
            tx("Call %1 — %2")
            .replace("%1", row.caller_name or row.number)
            .replace("%2", when(formats, row.ringing_at))
        )
        self.detail = detail
        body = QWidget()
        column = QVBoxLayout(body)

        facts = QFormLayout()
        facts.addRow(tx("Caller"), label(row.caller_name or "—"))
        facts.addRow(tx("Number"), label(ltr(row.e164 or row.number) or "—"))
        customer = row.customer_name or (tx("unknown caller") if row.matches == 0 else "—")
        if row.matches > 1:
            customer += " " + tx("(%1 matches)").replace("%1", str(row.matches))
        facts.addRow(tx("Customer"), label(customer))
        facts.addRow(tx("Agent"), label(f"{row.agent} · {row.team}"))
        facts.addRow(tx("Outcome"), label(outcome_word(row.outcome), role="item"))
        facts.addRow(tx("Disposition"), label(row.disposition or "—"))
        if row.talk_s is not None:
            facts.addRow(tx("Talk time"), label(duration(row.talk_s)))
        latency = "—" if row.pop_latency_ms is None else f"{row.pop_latency_ms:.1f} ms"
        facts.addRow(tx("Pop latency"), label(latency))
        column.addLayout(facts)

        column.addWidget(label(tx("Timeline"), role="title"))
        timeline = QFormLayout()
        timeline.setObjectName("timeline")
        self.timeline_texts: list[str] = []
        for step, at in detail.timeline:
            text = clock(formats, at)
            if step == "answered" and row.answered_by:
                text += " · " + row.answered_by
            timeline.addRow(step_word(step), label(text))
            self.timeline_texts.append(step)
        column.addLayout(timeline)

        column.addWidget(label(tx("Notes"), role="title"))
        notes = QPlainTextEdit(row.notes or "")
        notes.setObjectName("notes")
        notes.setReadOnly(True)
        notes.setMaximumHeight(90)
        column.addWidget(notes)

        sections = card_sections(detail.card)
        failed = [(name, s) for name, s in sections.items() if s.failed]
        column.addWidget(label(tx("Failed sections"), role="title"))
        if failed or row.failed_sections:
            for name, section in failed:
                reason = section.error or tx("no reason given")
                line = label(f"{section_title(name)}: {reason}", tone="bad", wrap=True)
                line.setObjectName(f"failed-{name}")
                column.addWidget(line)
            for name in row.failed_sections:
                if name not in sections:
                    column.addWidget(label(section_title(name), tone="bad"))
        else:
            column.addWidget(label(tx("None: every section answered."), role="note"))

        column.addWidget(label(tx("The card as the agent saw it"), role="title"))
        self.boxes: dict[str, SectionBox] = {}
        if not sections:
            column.addWidget(label(tx("No card was journaled for this call."), role="note"))
        currency = card_currency(sections)
        for name, section in sections.items():
            box = SectionBox(name)
            box.set_section(section, formats, currency)
            self.boxes[name] = box
            column.addWidget(box)
        column.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.resize(640, 760)
