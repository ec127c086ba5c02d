"""What the customer bought and what to offer them: purchases and cross-sells.

Purchases are a compact table of the latest lines, newest first as the
source delivered them. Each cross-sell comes with the reason an agent can
say aloud ("bought with … by 38 customers"), from the core as a code and
read in the agent's language; product codes and descriptions are data.
Each view keeps its widgets and fills them again for the next card.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from screenpop.ui.formatting import Formats
from screenpop.ui.reason_texts import reason_texts
from screenpop.ui.views.base import (
    MAX_TABLE_ROWS,
    Pool,
    TableView,
    first,
    mappings,
    register,
    reuse,
)
from screenpop.ui.widgets import label


class Suggestion(QWidget):
    """One cross-sell: description, product code, the reason to say."""

    def __init__(self) -> None:
        super().__init__()
        entry = QVBoxLayout(self)
        entry.setContentsMargins(0, 0, 0, 0)
        entry.setSpacing(1)
        line = QHBoxLayout()
        line.setSpacing(8)
        self.title = label("", role="item")
        line.addWidget(self.title, 1)
        self.code = label("", role="code")
        line.addWidget(self.code)
        entry.addLayout(line)
        self.reason = label("", role="reason", wrap=True)
        entry.addWidget(self.reason)


class Suggestions(QWidget):
    def __init__(self) -> None:
        super().__init__()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        self.pool: Pool[Suggestion] = Pool(column, Suggestion)


class PurchasesView(TableView):
    def __init__(self) -> None:
        super().__init__("purchases")


class SalesViews(QObject):
    """Purchases and cross-sells (a class: ``tr()`` needs one)."""

    def purchases(
        self, data: Any, fmt: Formats, currency: str | None, previous: QWidget | None
    ) -> QWidget:
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
        view = reuse(previous, PurchasesView)
        view.fill(headers, cells, len(rows) - len(shown), stretch=2)
        return view

    def cross_sells(
        self, data: Any, fmt: Formats, currency: str | None, previous: QWidget | None
    ) -> QWidget:
        """Each suggestion with the reason an agent can say aloud."""
        view = reuse(previous, Suggestions)
        texts = reason_texts()
        items = mappings(data)
        for entry, item in zip(view.pool.take(len(items)), items, strict=True):
            title = str(first(item, "description", "product") or "")
            product = str(item.get("product") or "")
            entry.title.setText(title)
            entry.code.setText(product)
            entry.code.setVisible(bool(product) and product != title)
            reason = texts.item(item, fmt=fmt)
            entry.reason.setText(reason)
            entry.reason.setVisible(bool(reason))
        return view


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
