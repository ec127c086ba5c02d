"""What the customer bought and what to offer them: purchases and cross-sells.

Purchases are a compact table of the latest lines, newest first as the
source delivered them. Each cross-sell comes with the reason an agent can
say aloud ("bought with … by 38 customers"), from the core as a code and
read in the agent's language; product codes and descriptions are data.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from screenpop.ui.formatting import Formats
from screenpop.ui.reason_texts import reason_texts
from screenpop.ui.views.base import MAX_TABLE_ROWS, box, first, mappings, register, table, with_more
from screenpop.ui.widgets import label


class SalesViews(QObject):
    """Purchases and cross-sells (a class: ``tr()`` needs one)."""

    def purchases(self, data: Any, fmt: Formats, currency: str | None) -> QWidget:
        """The latest lines as a table; "and N more" under it when there are more."""
        rows = mappings(data)
        shown = rows[:MAX_TABLE_ROWS]
        headers = [
            self.tr("Date"),
            self.tr("Product"),
            self.tr("Description"),
            self.tr("Qty"),
            self.tr("Amount"),
        ]
        cells = [
            [
                (fmt.date(item.get("date")), False),
                (str(item.get("product") or ""), False),
                (str(item.get("description") or ""), False),
                (fmt.number(first(item, "quantity", "qty")), True),
                (fmt.money(item.get("amount"), item.get("currency") or currency), True),
            ]
            for item in shown
        ]
        return with_more(table(headers, cells, stretch=2, name="purchases"), len(rows) - len(shown))

    def cross_sells(self, data: Any, fmt: Formats, currency: str | None) -> QWidget:
        """Each suggestion with the reason an agent can say aloud."""
        column = QVBoxLayout()
        column.setSpacing(8)
        texts = reason_texts()
        for item in mappings(data):
            entry = QVBoxLayout()
            entry.setSpacing(1)
            title = str(first(item, "description", "product") or "")
            product = item.get("product")
            line = QHBoxLayout()
            line.setSpacing(8)
            line.addWidget(label(title, role="item"), 1)
            if product and str(product) != title:
                line.addWidget(label(str(product), role="code"))
            entry.addLayout(line)
            reason = texts.item(item, fmt=fmt)
            if reason:
                entry.addWidget(label(reason, role="reason", wrap=True))
            column.addWidget(box(entry))
        return box(column)


_views = SalesViews()
register(
    "purchases",
    lambda: QCoreApplication.translate("SectionTitles", "Recent purchases"),
    _views.purchases,
)
register(
    "cross_sells",
    lambda: QCoreApplication.translate("SectionTitles", "Suggest"),
    _views.cross_sells,
)
