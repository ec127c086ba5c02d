"""The pop's ``reorders`` section: what this customer will likely order again, due first.

Each reorder is one entry: the product, whether it is due now, overdue or
expected later, and the sentence the agent can say ("Orders about every 3
weeks; last on 1 Dec 2011, due now"). The sentence is worded here from the
section's ``reason_code``/``reason_args`` (``screenpop/crosssell/reorders.py``
declares the codes) in the agent's language, dates in the agent's locale;
an unknown code falls back to the English ``reason`` the card carries.

Texts go through ``tr()`` of the ``ReordersView`` context with ``%n`` for
counts, so translators give every plural form (Lithuanian has three). Counts
in the source texts are never 1 (weeks and months start at 2, one order is
"Bought once"), so English needs no catalogue entries.

Data comes from the card, so every field is optional and an odd value is
shown as text, never an exception that would blank the pop.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from screenpop.ui.formatting import Formats
from screenpop.ui.views.base import register
from screenpop.ui.widgets import label

# Reorders shown in the pop (the section may carry more).
MAX_REORDERS = 5


class ReordersView(QObject):
    """Widgets and wording of the reorders section (a QObject for its ``tr`` context)."""

    _instance: ReordersView | None = None

    @classmethod
    def get(cls) -> ReordersView:
        if cls._instance is None:
            cls._instance = ReordersView()
        return cls._instance

    def title(self) -> str:
        return self.tr("Reorders")

    def render(self, data: Any, fmt: Formats, currency: str | None = None) -> QWidget:
        """One entry per reorder, in the order the section gives them (due first)."""
        items = [i for i in data if isinstance(i, Mapping)] if _rows(data) else []
        column = QVBoxLayout()
        column.setSpacing(8)
        for item in items[:MAX_REORDERS]:
            column.addWidget(self.entry(item, fmt))
        box = QWidget()
        box.setObjectName("reorders")
        box.setLayout(column)
        column.setContentsMargins(0, 0, 0, 0)
        return box

    def entry(self, item: Mapping[str, Any], fmt: Formats) -> QWidget:
        entry = QVBoxLayout()
        entry.setSpacing(1)
        line = QHBoxLayout()
        line.setSpacing(8)
        title = str(item.get("description") or item.get("product") or "")
        line.addWidget(label(title, role="item"), 1)
        product = item.get("product")
        if product not in (None, "") and str(product) != title:
            line.addWidget(label(str(product), role="code"))
        chip = self.due_chip(item, fmt)
        if chip is not None:
            line.addWidget(chip)
        entry.addLayout(line)
        reason = self.reason_text(item, fmt)
        if reason:
            entry.addWidget(label(reason, role="reason", wrap=True))
        times = _count(item.get("times_bought"))
        if times is not None:
            text = self.tr("Bought once") if times == 1 else self.tr("Bought %n times", "", times)
            entry.addWidget(label(text, role="note"))
        widget = QWidget()
        widget.setLayout(entry)
        entry.setContentsMargins(0, 0, 0, 0)
        return widget

    def due_chip(self, item: Mapping[str, Any], fmt: Formats) -> QWidget | None:
        """"Due now" (warn), "Overdue" (bad) or "Next: 22 Dec 2011"; none for a one-off."""
        due = item.get("due")
        if due == "due":
            return label(self.tr("Due now"), role="chip", tone="warn")
        if due == "overdue":
            return label(self.tr("Overdue"), role="chip", tone="bad")
        if due == "later" and item.get("next_due"):
            return label(self.tr("Next: %1").replace("%1", fmt.date(item["next_due"])), role="chip")
        return None

    def reason_text(self, item: Mapping[str, Any], fmt: Formats) -> str:
        """The reason in the agent's language from its code; the English text otherwise."""
        code = item.get("reason_code")
        args = item.get("reason_args")
        english = str(item.get("reason") or "")
        if not isinstance(code, str) or not isinstance(args, Mapping):
            return english
        parts = code.split(".")
        last = fmt.date(args.get("last")) if args.get("last") else ""
        if code == "reorders.once":
            return self.tr("Bought once, on %1").replace("%1", last)
        if len(parts) != 3 or parts[0] != "reorders":
            return english
        unit, state = parts[1], parts[2]
        every = self._every(unit, args)
        if every is None:
            return english
        if state == "due":
            tail = self.tr("last on %1, due now").replace("%1", last)
        elif state == "overdue":
            tail = self.tr("last on %1, overdue").replace("%1", last)
        elif state == "later":
            tail = (
                self.tr("last on %1, next around %2")
                .replace("%1", last)
                .replace("%2", fmt.date(args.get("next")) if args.get("next") else "")
            )
        else:
            return english
        return f"{every}; {tail}"

    def _every(self, unit: str, args: Mapping[str, Any]) -> str | None:
        if unit == "daily":
            return self.tr("Orders about daily")
        n = _count(args.get(unit))
        if n is None:
            return None
        if unit == "days":
            return self.tr("Orders about every %n days", "", n)
        if unit == "weeks":
            return self.tr("Orders about every %n weeks", "", n)
        if unit == "months":
            return self.tr("Orders about every %n months", "", n)
        return None


def reorders_view(
    data: Any, fmt: Formats, currency: str | None = None, previous: QWidget | None = None
) -> QWidget:
    """The section renderer (``views.base.Renderer``); built anew each time."""
    return ReordersView.get().render(data, fmt, currency)


def reorders_title() -> str:
    return ReordersView.get().title()


def _rows(data: Any) -> bool:
    return isinstance(data, Sequence) and not isinstance(data, str)


def _count(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float) and value.is_integer() and value >= 0:
        return int(value)
    return None


register("reorders", reorders_title, reorders_view)
