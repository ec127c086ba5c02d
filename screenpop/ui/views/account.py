"""The customer's account on the card: balance, credit terms, customer value.

Money is written in the customer's currency the agent's way (``Formats``);
red means money owed, a hold, or a term the agent must not offer. The
reasons behind a refused term and the basis of a value tier come from the
core as codes and are read in the agent's language (``reason_texts``); a
hold's reason and the tiers are the credit system's and the config's words.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from screenpop.money import to_decimal
from screenpop.ui.formatting import Formats
from screenpop.ui.reason_texts import reason_texts
from screenpop.ui.views.base import box, dash, first, is_rows, positive, register, tier_text
from screenpop.ui.widgets import Stat, label


def term_names(terms: Any) -> list[str]:
    """Terms as a list: sources give a list, or one text ("Net 30" / "Net 30; Net 15")."""
    if is_rows(terms):
        return [str(t) for t in terms if t]
    return [part.strip() for part in str(terms).split(";") if part.strip()]


def term_list(values: Any, fmt: Formats | None = None) -> list[tuple[str, str]]:
    """``allowed``/``refused`` as (term, reason in the agent's language).

    Items are terms, or {term, reason[, reason_code, reason_args]}, or
    {term, reasons: [...]} when several rules refuse the term.
    """
    out: list[tuple[str, str]] = []
    if not is_rows(values):
        return out
    texts = reason_texts()
    for value in values:
        if isinstance(value, Mapping):
            term = str(first(value, "term", "name", "terms") or "")
            reasons = value.get("reasons")
            why = texts.any(reasons, fmt) if reasons else texts.item(value, fmt=fmt)
            out.append((term, why))
        else:
            out.append((str(value), ""))
    return out


def _chips(terms: list[str], tone: str = "") -> QWidget:
    row = QHBoxLayout()
    row.setSpacing(6)
    for term in terms:
        row.addWidget(label(term, role="chip", tone=tone))
    row.addStretch(1)
    return box(row)


class AccountViews(QObject):
    """Balance, credit and profile (a class: lupdate finds plurals only in ``tr()``)."""

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
        if positive(overdue):
            count = int(days) if days is not None else 0
            note = self.tr("%Ln day(s) overdue", "", count) if days is not None else ""
            row.addWidget(
                Stat(self.tr("Overdue"), fmt.money(overdue, currency), tone="bad", note=note)
            )
        else:
            nothing = self.tr("Nothing overdue") if overdue is not None else "—"
            row.addWidget(Stat(self.tr("Overdue"), nothing))
        row.addStretch(1)
        return box(row)

    def credit(self, data: Any, fmt: Formats, currency: str | None) -> QWidget:
        """Limit, available, terms; a hold in red with its reason; allowed/refused terms."""
        if not isinstance(data, Mapping):
            return label(str(data), wrap=True)
        currency = data.get("currency") or currency
        column = QVBoxLayout()
        column.setSpacing(8)
        if data.get("hold"):
            reason = reason_texts().any(first(data, "hold_reason", "reason"), fmt)
            banner = label(dash(self.tr("On hold"), reason), role="banner", tone="bad", wrap=True)
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
            figure = fmt.money(available, currency)
            stats.addWidget(Stat(self.tr("Available"), figure, tone="bad" if short else ""))
        grade = first(data, "risk_grade", "grade")
        if grade is not None:
            stats.addWidget(Stat(self.tr("Risk grade"), str(grade)))
        stats.addStretch(1)
        column.addWidget(box(stats))
        allowed = term_list(data.get("allowed"), fmt)
        terms = data.get("terms")
        if allowed:
            column.addWidget(label(self.tr("May offer"), role="caption"))
            column.addWidget(_chips([t for t, _ in allowed], tone="good"))
        elif terms:
            column.addWidget(label(self.tr("Terms"), role="caption"))
            column.addWidget(_chips(term_names(terms)))
        refused = term_list(data.get("refused"), fmt)
        if refused:
            column.addWidget(label(self.tr("Not allowed"), role="caption"))
            for term, reason in refused:
                column.addWidget(label(dash(term, reason), role="refused", tone="bad", wrap=True))
        return box(column)

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
        column.addWidget(box(row))
        basis = reason_texts().any(first(data, "basis", "reason"), fmt, sep=" · ")
        if basis:
            column.addWidget(label(basis, role="note", wrap=True))
        return box(column)


_views = AccountViews()
register("balance", lambda: QCoreApplication.translate("SectionTitles", "Balance"), _views.balance)
register("credit", lambda: QCoreApplication.translate("SectionTitles", "Credit"), _views.credit)
register(
    "profile", lambda: QCoreApplication.translate("SectionTitles", "Customer value"), _views.profile
)
