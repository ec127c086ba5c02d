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
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from screenpop.ui.formatting import Formats
from screenpop.ui.views.base import register, reuse
from screenpop.ui.widgets import label, set_tone

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

    def render(
        self, data: Any, fmt: Formats, currency: str | None = None, previous: QWidget | None = None
    ) -> QWidget:
        """One entry per reorder, in the order the section gives them (due first).

        The entries of the previous card are filled again, not made anew:
        making and styling ~25 labels cost the GUI thread ~10 ms per pop
        (``benchmarks/burst.py --explain``).
        """
        items = [i for i in data if isinstance(i, Mapping)] if _rows(data) else []
        box = reuse(previous, ReordersBox)
        box.fill([self.entry_texts(item, fmt) for item in items[:MAX_REORDERS]])
        return box

    def entry_texts(self, item: Mapping[str, Any], fmt: Formats) -> EntryTexts:
        title = str(item.get("description") or item.get("product") or "")
        product = item.get("product")
        code = str(product) if product not in (None, "") and str(product) != title else ""
        times = _count(item.get("times_bought"))
        if times is None:
            note = ""
        else:
            note = self.tr("Bought once") if times == 1 else self.tr("Bought %n times", "", times)
        chip, tone = self.due_chip(item, fmt)
        return EntryTexts(title, code, chip, tone, self.reason_text(item, fmt), note)

    def due_chip(self, item: Mapping[str, Any], fmt: Formats) -> tuple[str, str]:
        """ "Due now" (warn), "Overdue" (bad) or "Next: 22 Dec 2011"; none for a one-off."""
        due = item.get("due")
        if due == "due":
            return self.tr("Due now"), "warn"
        if due == "overdue":
            return self.tr("Overdue"), "bad"
        if due == "later" and item.get("next_due"):
            return self.tr("Next: %1").replace("%1", fmt.date(item["next_due"])), ""
        return "", ""

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


@dataclass(frozen=True, slots=True)
class EntryTexts:
    """What one reorder entry shows, worded; an empty text hides its label."""

    title: str
    code: str
    chip: str
    tone: str
    reason: str
    note: str


class ReorderEntry(QWidget):
    """Product (and code), due chip; the reason; how often bought."""

    def __init__(self) -> None:
        super().__init__()
        entry = QVBoxLayout(self)
        entry.setContentsMargins(0, 0, 0, 0)
        entry.setSpacing(1)
        line = QHBoxLayout()
        line.setSpacing(8)
        self.title = label("", role="item")
        self.code = label("", role="code")
        self.chip = label("", role="chip")
        line.addWidget(self.title, 1)
        line.addWidget(self.code)
        line.addWidget(self.chip)
        entry.addLayout(line)
        self.reason = label("", role="reason", wrap=True)
        self.note = label("", role="note")
        entry.addWidget(self.reason)
        entry.addWidget(self.note)

    def fill(self, texts: EntryTexts) -> None:
        self.title.setText(texts.title)
        for widget, text in (
            (self.code, texts.code),
            (self.chip, texts.chip),
            (self.reason, texts.reason),
            (self.note, texts.note),
        ):
            widget.setText(text)
            widget.setVisible(bool(text))
        set_tone(self.chip, texts.tone)


class ReordersBox(QWidget):
    """Up to ``MAX_REORDERS`` entries, made as needed and filled again."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("reorders")
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(8)
        self.entries: list[ReorderEntry] = []

    def fill(self, texts: list[EntryTexts]) -> None:
        while len(self.entries) < len(texts):
            entry = ReorderEntry()
            self.entries.append(entry)
            self.column.addWidget(entry)
        for i, entry in enumerate(self.entries):
            if i < len(texts):
                entry.fill(texts[i])
            entry.setVisible(i < len(texts))


def reorders_view(
    data: Any, fmt: Formats, currency: str | None = None, previous: QWidget | None = None
) -> QWidget:
    """The section renderer (``views.base.Renderer``): the previous widget filled again."""
    return ReordersView.get().render(data, fmt, currency, previous)


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
