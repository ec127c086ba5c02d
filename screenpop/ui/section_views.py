"""What each card section looks like once its data is in.

One function per section turns the section's ``data`` (shapes of DESIGN.md's
card contract, plus the later ``allowed``/``refused``/``value_tier`` fields)
into a widget. Sources are configured by users, so every field is optional
and a value of an unexpected type is shown as text, never an exception that
would blank the card.

Labels are translated (``SectionViews.tr``: a class, because lupdate finds
plural forms only in ``tr()``); data (product descriptions, terms, tiers,
reasons written in config) is shown as delivered.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from screenpop.money import to_decimal
from screenpop.ui.formatting import Formats
from screenpop.ui.reorders_view import reorders_title, reorders_view
from screenpop.ui.widgets import Stat, label

#: Purchases shown in the pop; the rest is one line ("and 4 more").
MAX_PURCHASE_ROWS = 5
PURCHASE_COLUMN_COUNT = 5


def first(data: Mapping[str, Any], *keys: str) -> Any:
    """The first present, non-empty value among ``keys`` (sources name things differently)."""
    for key in keys:
        value = data.get(key)
        if value is not None and value != "":
            return value
    return None


def card_currency(sections: Mapping[str, Any]) -> str | None:
    """The customer's currency, from whichever money section names it."""
    for name in ("balance", "credit", "profile"):
        section = sections.get(name)
        data = getattr(section, "data", None)
        if isinstance(data, Mapping):
            currency = data.get("currency")
            if isinstance(currency, str) and currency:
                return currency
    return None


def _box(layout: QVBoxLayout | QHBoxLayout | QGridLayout) -> QWidget:
    widget = QWidget()
    widget.setLayout(layout)
    layout.setContentsMargins(0, 0, 0, 0)
    return widget


def _positive(value: Any) -> bool:
    number = to_decimal(value)
    return number is not None and number > 0


def section_title(name: str) -> str:
    """A section's heading in the agent's language."""
    titles = {
        "balance": QCoreApplication.translate("SectionViews", "Balance"),
        "purchases": QCoreApplication.translate("SectionViews", "Recent purchases"),
        "reorders": reorders_title(),
        "cross_sells": QCoreApplication.translate("SectionViews", "Suggest"),
        "credit": QCoreApplication.translate("SectionViews", "Credit"),
        "profile": QCoreApplication.translate("SectionViews", "Customer value"),
    }
    return titles.get(name, name.replace("_", " "))


def _rows(data: Any) -> bool:
    """Whether section data is a list of rows (a card holds them as a tuple)."""
    return isinstance(data, Sequence) and not isinstance(data, str)


def _term_list(values: Any) -> list[tuple[str, str]]:
    """``allowed``/``refused`` as (term, reason): strings or {term, reason} objects."""
    out: list[tuple[str, str]] = []
    if not _rows(values):
        return out
    for value in values:
        if isinstance(value, Mapping):
            term = first(value, "term", "name", "terms")
            out.append((str(term or ""), str(value.get("reason") or "")))
        else:
            out.append((str(value), ""))
    return out


def term_names(terms: Any) -> list[str]:
    """Terms as a list: sources give a list, or one text ("Net 30" / "Net 30; Net 15")."""
    if isinstance(terms, (list, tuple)):
        return [str(t) for t in terms if t]
    return [part.strip() for part in str(terms).split(";") if part.strip()]


def _chips(terms: list[str], tone: str = "") -> QWidget:
    row = QHBoxLayout()
    row.setSpacing(6)
    for term in terms:
        row.addWidget(label(term, role="chip", tone=tone))
    row.addStretch(1)
    return _box(row)


def tier_text(data: Any) -> str | None:
    """The value tier as the header badge shows it, if the profile names one."""
    if isinstance(data, Mapping):
        tier = first(data, "value_tier", "tier")
        if tier is not None:
            return str(tier)
    return None


def _dash(text: str, reason: str) -> str:
    """``Net 30 — overdue > 60 days``: a term or state with the reason after it."""
    return f"{text} — {reason}" if reason else text


class SectionViews(QObject):
    """One method per section turning its data into a widget."""

    _instance: SectionViews | None = None

    @classmethod
    def render(cls, name: str, data: Any, fmt: Formats, currency: str | None) -> QWidget:
        """The widget for section ``name``'s data (plain text for a section we don't know)."""
        if cls._instance is None:
            cls._instance = SectionViews()
        views = cls._instance
        renderers: dict[str, Renderer] = {
            "balance": views.balance,
            "purchases": views.purchases,
            "reorders": reorders_view,
            "cross_sells": views.cross_sells,
            "credit": views.credit,
            "profile": views.profile,
        }
        render = renderers.get(name)
        return render(data, fmt, currency) if render else label(str(data), wrap=True)

    def balance(self, data: Any, fmt: Formats, currency: str | None) -> QWidget:
        """Balance and overdue side by side; overdue in red with its age when > 0."""
        if not isinstance(data, Mapping):
            return label(str(data), wrap=True)
        currency = data.get("currency") or currency
        row = QHBoxLayout()
        row.setSpacing(24)
        row.addWidget(Stat(self.tr("Balance"), fmt.money(data.get("balance"), currency)))
        overdue = data.get("overdue")
        days = to_decimal(first(data, "overdue_days", "days_overdue"))
        if _positive(overdue):
            count = int(days) if days is not None else 0
            note = self.tr("%Ln day(s) overdue", "", count) if days is not None else ""
            row.addWidget(
                Stat(self.tr("Overdue"), fmt.money(overdue, currency), tone="bad", note=note)
            )
        else:
            nothing = self.tr("Nothing overdue") if overdue is not None else "—"
            row.addWidget(Stat(self.tr("Overdue"), nothing))
        row.addStretch(1)
        return _box(row)

    def purchases(self, data: Any, fmt: Formats, currency: str | None) -> QWidget:
        """A compact, read-only table of the latest lines, newest first as delivered."""
        rows = [r for r in data if isinstance(r, Mapping)] if _rows(data) else []
        shown = rows[:MAX_PURCHASE_ROWS]
        headers = [
            self.tr("Date"),
            self.tr("Product"),
            self.tr("Description"),
            self.tr("Qty"),
            self.tr("Amount"),
        ]
        table = QTableWidget(len(shown), len(headers))
        table.setObjectName("purchases")
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        numeric = Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter
        for r, item in enumerate(shown):
            cells = (
                (fmt.date(item.get("date")), None),
                (str(item.get("product") or ""), None),
                (str(item.get("description") or ""), None),
                (fmt.number(first(item, "quantity", "qty")), numeric),
                (fmt.money(item.get("amount"), item.get("currency") or currency), numeric),
            )
            for c, (text, align) in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if align is not None:
                    cell.setTextAlignment(align)
                table.setItem(r, c, cell)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        for c in range(len(headers)):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setDefaultSectionSize(22)
        table.setFixedHeight(header.sizeHint().height() + 22 * len(shown) + 4)
        table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        more = len(rows) - len(shown)
        if more <= 0:
            return table
        column = QVBoxLayout()
        column.addWidget(table)
        column.addWidget(label(self.tr("and %Ln more", "", more), role="note"))
        return _box(column)

    def cross_sells(self, data: Any, fmt: Formats, currency: str | None) -> QWidget:
        """Each suggestion with the reason an agent can say aloud."""
        items = [i for i in data if isinstance(i, Mapping)] if _rows(data) else []
        column = QVBoxLayout()
        column.setSpacing(8)
        for item in items:
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
            reason = item.get("reason")
            if reason:
                entry.addWidget(label(str(reason), role="reason", wrap=True))
            column.addWidget(_box(entry))
        return _box(column)

    def credit(self, data: Any, fmt: Formats, currency: str | None) -> QWidget:
        """Limit, available, terms; a hold in red with its reason; allowed/refused terms."""
        if not isinstance(data, Mapping):
            return label(str(data), wrap=True)
        currency = data.get("currency") or currency
        column = QVBoxLayout()
        column.setSpacing(8)
        if data.get("hold"):
            reason = first(data, "hold_reason", "reason")
            text = _dash(self.tr("On hold"), str(reason) if reason else "")
            banner = label(text, role="banner", tone="bad", wrap=True)
            banner.setObjectName("credit-hold")
            column.addWidget(banner)
        stats = QHBoxLayout()
        stats.setSpacing(24)
        limit = data.get("limit")
        if limit is not None:
            stats.addWidget(Stat(self.tr("Limit"), fmt.money(limit, currency)))
        available = data.get("available")
        if available is not None:
            short = (n := to_decimal(available)) is not None and n <= 0
            stats.addWidget(
                Stat(
                    self.tr("Available"),
                    fmt.money(available, currency),
                    tone="bad" if short else "",
                )
            )
        grade = first(data, "risk_grade", "grade")
        if grade is not None:
            stats.addWidget(Stat(self.tr("Risk grade"), str(grade)))
        stats.addStretch(1)
        column.addWidget(_box(stats))
        allowed = _term_list(data.get("allowed"))
        terms = data.get("terms")
        if allowed:
            column.addWidget(label(self.tr("May offer"), role="caption"))
            column.addWidget(_chips([t for t, _ in allowed], tone="good"))
        elif terms:
            column.addWidget(label(self.tr("Terms"), role="caption"))
            column.addWidget(_chips(term_names(terms)))
        refused = _term_list(data.get("refused"))
        if refused:
            column.addWidget(label(self.tr("Not allowed"), role="caption"))
            for term, reason in refused:
                column.addWidget(label(_dash(term, reason), role="refused", tone="bad", wrap=True))
        return _box(column)

    def profile(self, data: Any, fmt: Formats, currency: str | None) -> QWidget:
        """Value tier with the figures behind it (lifetime value, orders, last order)."""
        if not isinstance(data, Mapping):
            return label(str(data), wrap=True)
        currency = data.get("currency") or currency
        row = QHBoxLayout()
        row.setSpacing(24)
        tier = tier_text(data)
        if tier is not None:
            row.addWidget(Stat(self.tr("Value tier"), tier))
        ltv = first(data, "lifetime_value", "ltv", "revenue")
        if ltv is not None:
            row.addWidget(Stat(self.tr("Lifetime value"), fmt.money(ltv, currency)))
        orders = first(data, "orders", "frequency")
        if orders is not None:
            row.addWidget(Stat(self.tr("Orders"), fmt.number(orders)))
        last = first(data, "last_order", "last_purchase")
        if last is not None:
            row.addWidget(Stat(self.tr("Last order"), fmt.date(last)))
        row.addStretch(1)
        column = QVBoxLayout()
        column.addWidget(_box(row))
        basis = first(data, "basis", "reason")
        if basis:
            column.addWidget(label(str(basis), role="note", wrap=True))
        return _box(column)


Renderer = Callable[[Any, Formats, str | None], QWidget]


def separator() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setProperty("role", "rule")
    return line
