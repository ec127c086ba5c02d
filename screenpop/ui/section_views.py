"""What each card section looks like once its data is in.

One function per section turns the section's ``data`` (shapes of DESIGN.md's
card contract, plus the later ``allowed``/``refused``/``value_tier`` fields)
into a widget. Sources are configured by users, so every field is optional
and a value of an unexpected type is shown as text, never an exception that
would blank the card.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt
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

from screenpop.ui.formatting import Formats, to_decimal
from screenpop.ui.widgets import Stat, label

#: Purchases shown in the pop; the rest is one line ("and 4 more").
MAX_PURCHASE_ROWS = 5
PURCHASE_COLUMNS = ("Date", "Product", "Description", "Qty", "Amount")


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


def balance_view(data: Any, fmt: Formats, currency: str | None) -> QWidget:
    """Balance and overdue side by side; overdue in red with its age when > 0."""
    if not isinstance(data, Mapping):
        return label(str(data), wrap=True)
    currency = data.get("currency") or currency
    row = QHBoxLayout()
    row.setSpacing(24)
    row.addWidget(Stat("Balance", fmt.money(data.get("balance"), currency)))
    overdue = data.get("overdue")
    days = first(data, "overdue_days", "days_overdue")
    if _positive(overdue):
        note = f"{fmt.number(days)} days overdue" if days is not None else ""
        row.addWidget(Stat("Overdue", fmt.money(overdue, currency), tone="bad", note=note))
    else:
        row.addWidget(Stat("Overdue", "Nothing overdue" if overdue is not None else "—"))
    row.addStretch(1)
    return _box(row)


def purchases_view(data: Any, fmt: Formats, currency: str | None) -> QWidget:
    """A compact, read-only table of the latest lines, newest first as delivered."""
    rows = [r for r in data if isinstance(r, Mapping)] if isinstance(data, list) else []
    shown = rows[:MAX_PURCHASE_ROWS]
    table = QTableWidget(len(shown), len(PURCHASE_COLUMNS))
    table.setObjectName("purchases")
    table.setHorizontalHeaderLabels(list(PURCHASE_COLUMNS))
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
    for c in range(len(PURCHASE_COLUMNS)):
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setDefaultSectionSize(22)
    table.setFixedHeight(header.sizeHint().height() + 22 * len(shown) + 4)
    table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    if len(rows) <= len(shown):
        return table
    column = QVBoxLayout()
    column.addWidget(table)
    column.addWidget(label(f"and {len(rows) - len(shown)} more", role="note"))
    return _box(column)


def cross_sells_view(data: Any, fmt: Formats, currency: str | None) -> QWidget:
    """Each suggestion with the reason an agent can say aloud."""
    items = [i for i in data if isinstance(i, Mapping)] if isinstance(data, list) else []
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


def _term_list(values: Any) -> list[tuple[str, str]]:
    """``allowed``/``refused`` as (term, reason): strings or {term, reason} objects."""
    out: list[tuple[str, str]] = []
    if not isinstance(values, list):
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


def credit_view(data: Any, fmt: Formats, currency: str | None) -> QWidget:
    """Limit, available, terms; a hold in red with its reason; allowed/refused terms."""
    if not isinstance(data, Mapping):
        return label(str(data), wrap=True)
    currency = data.get("currency") or currency
    column = QVBoxLayout()
    column.setSpacing(8)
    if data.get("hold"):
        reason = first(data, "hold_reason", "reason")
        text = f"On hold — {reason}" if reason else "On hold"
        banner = label(text, role="banner", tone="bad", wrap=True)
        banner.setObjectName("credit-hold")
        column.addWidget(banner)
    stats = QHBoxLayout()
    stats.setSpacing(24)
    limit = data.get("limit")
    if limit is not None:
        stats.addWidget(Stat("Limit", fmt.money(limit, currency)))
    available = data.get("available")
    if available is not None:
        short = (n := to_decimal(available)) is not None and n <= 0
        stats.addWidget(
            Stat("Available", fmt.money(available, currency), tone="bad" if short else "")
        )
    grade = first(data, "risk_grade", "grade")
    if grade is not None:
        stats.addWidget(Stat("Risk grade", str(grade)))
    stats.addStretch(1)
    column.addWidget(_box(stats))
    allowed = _term_list(data.get("allowed"))
    terms = data.get("terms")
    if allowed:
        column.addWidget(label("May offer", role="caption"))
        column.addWidget(_chips([t for t, _ in allowed], tone="good"))
    elif terms:
        column.addWidget(label("Terms", role="caption"))
        column.addWidget(_chips(term_names(terms)))
    refused = _term_list(data.get("refused"))
    if refused:
        column.addWidget(label("Not allowed", role="caption"))
        for term, reason in refused:
            text = f"{term} — {reason}" if reason else term
            column.addWidget(label(text, role="refused", tone="bad", wrap=True))
    return _box(column)


def tier_text(data: Any) -> str | None:
    """The value tier as the header badge shows it, if the profile names one."""
    if isinstance(data, Mapping):
        tier = first(data, "value_tier", "tier")
        if tier is not None:
            return str(tier)
    return None


def profile_view(data: Any, fmt: Formats, currency: str | None) -> QWidget:
    """Value tier with the figures behind it (lifetime value, orders, last order)."""
    if not isinstance(data, Mapping):
        return label(str(data), wrap=True)
    currency = data.get("currency") or currency
    row = QHBoxLayout()
    row.setSpacing(24)
    tier = tier_text(data)
    if tier is not None:
        row.addWidget(Stat("Value tier", tier))
    ltv = first(data, "lifetime_value", "ltv", "revenue")
    if ltv is not None:
        row.addWidget(Stat("Lifetime value", fmt.money(ltv, currency)))
    orders = first(data, "orders", "frequency")
    if orders is not None:
        row.addWidget(Stat("Orders", fmt.number(orders)))
    last = first(data, "last_order", "last_purchase")
    if last is not None:
        row.addWidget(Stat("Last order", fmt.date(last)))
    row.addStretch(1)
    column = QVBoxLayout()
    column.addWidget(_box(row))
    basis = first(data, "basis", "reason")
    if basis:
        column.addWidget(label(str(basis), role="note", wrap=True))
    return _box(column)


Renderer = Callable[[Any, Formats, str | None], QWidget]

RENDERERS: dict[str, Renderer] = {
    "balance": balance_view,
    "purchases": purchases_view,
    "cross_sells": cross_sells_view,
    "credit": credit_view,
    "profile": profile_view,
}

TITLES = {
    "balance": "Balance",
    "purchases": "Recent purchases",
    "cross_sells": "Suggest",
    "credit": "Credit",
    "profile": "Customer value",
}


def separator() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setProperty("role", "rule")
    return line
