"""The customer's account on the card: balance, credit terms, customer value.

Money is written in the customer's currency the agent's way (``Formats``);
red means money owed, a hold, or a term the agent must not offer. The
reasons behind a refused term and the basis of a value tier come from the
core as codes and are read in the agent's language (``reason_texts``); a
hold's reason and the tiers are the credit system's and the config's words.
Each view keeps its widgets and fills them again for the next card.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from screenpop.money import to_decimal
from screenpop.ui.formatting import Formats
from screenpop.ui.reason_texts import reason_texts
from screenpop.ui.views.base import (
    Pool,
    dash,
    first,
    is_rows,
    positive,
    register,
    reuse,
    text,
    tier_text,
)
from screenpop.ui.widgets import Stat, label, set_tone


def term_names(terms: Any) -> list[str]:
    """Terms as a list: sources give a list, or one text ("Net 30" / "Net 30; Net 15")."""
    if is_rows(terms):
        return [str(t) for t in terms if t]
    return [part.strip() for part in str(terms).split(";") if part.strip()]


def term_list(values: Any, fmt: Formats | None = None) -> list[tuple[str, str]]:
    """``allowed``/``refused`` as (term, reason in the agent's language).

    Items are terms, or {term, reason[, reason_code, reason_args]}, or
    {term, reason, reason_parts: [{reason_code, reason_args}...]} when several
    rules refuse the term (the English ``reason`` is their parts joined).
    """
    out: list[tuple[str, str]] = []
    if not is_rows(values):
        return out
    texts = reason_texts()
    for value in values:
        if isinstance(value, Mapping):
            term = str(first(value, "term", "name", "terms") or "")
            out.append((term, texts.item(value, fmt=fmt)))
        else:
            out.append((str(value), ""))
    return out


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(24)
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row


class Chips(QWidget):
    """Terms as chips in a row."""

    def __init__(self) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addStretch(1)
        self.pool: Pool[QLabel] = Pool(row, lambda: label("", role="chip"), at=0)

    def set(self, terms: list[str], tone: str) -> None:
        for chip, term in zip(self.pool.take(len(terms)), terms, strict=True):
            chip.setText(term)
            set_tone(chip, tone)


class BalanceView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.balance, self.overdue = Stat(), Stat()
        self.setLayout(_row(self.balance, self.overdue))


class CreditView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        self.hold = label("", role="banner", tone="bad", wrap=True)
        self.hold.setObjectName("credit-hold")
        column.addWidget(self.hold)
        self.limit, self.available, self.grade = Stat(), Stat(), Stat()
        column.addLayout(_row(self.limit, self.available, self.grade))
        self.offer_caption = label("", role="caption")
        column.addWidget(self.offer_caption)
        self.offer = Chips()
        column.addWidget(self.offer)
        self.refused_caption = label("", role="caption")
        column.addWidget(self.refused_caption)
        refused = QVBoxLayout()
        refused.setSpacing(4)
        column.addLayout(refused)
        self.refused: Pool[QLabel] = Pool(
            refused, lambda: label("", role="refused", tone="bad", wrap=True)
        )


class ProfileView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.tier, self.ltv, self.orders, self.last = Stat(), Stat(), Stat(), Stat()
        column.addLayout(_row(self.tier, self.ltv, self.orders, self.last))
        self.basis = label("", role="note", wrap=True)
        column.addWidget(self.basis)


def _stat(stat: Stat, caption: str, value: Any, shown: str, tone: str = "") -> None:
    """Fill ``stat`` when the source gave ``value``; hide it when not."""
    stat.setVisible(value is not None)
    if value is not None:
        stat.set(caption, shown, tone)


class AccountViews(QObject):
    """Balance, credit and profile (a class: lupdate finds plurals only in ``tr()``)."""

    def balance(
        self, data: Any, fmt: Formats, currency: str | None, previous: QWidget | None
    ) -> QWidget:
        """Balance and overdue side by side; overdue in red with its age when > 0."""
        if not isinstance(data, Mapping):
            return text(data, previous)
        view = reuse(previous, BalanceView)
        currency = data.get("currency") or currency
        view.balance.set(self.tr("Balance"), fmt.money(data.get("balance"), currency))
        overdue = data.get("overdue")
        days = to_decimal(first(data, "overdue_days", "days_overdue"))
        if positive(overdue):
            count = int(days) if days is not None else 0
            note = self.tr("%Ln day(s) overdue", "", count) if days is not None else ""
            view.overdue.set(self.tr("Overdue"), fmt.money(overdue, currency), "bad", note)
        else:
            nothing = self.tr("Nothing overdue") if overdue is not None else "—"
            view.overdue.set(self.tr("Overdue"), nothing)
        return view

    def credit(
        self, data: Any, fmt: Formats, currency: str | None, previous: QWidget | None
    ) -> QWidget:
        """Limit, available, terms; a hold in red with its reason; allowed/refused terms."""
        if not isinstance(data, Mapping):
            return text(data, previous)
        view = reuse(previous, CreditView)
        currency = data.get("currency") or currency
        held = bool(data.get("hold"))
        view.hold.setVisible(held)
        if held:
            reason = reason_texts().any(first(data, "hold_reason", "reason"), fmt)
            view.hold.setText(dash(self.tr("On hold"), reason))
        limit, available = data.get("limit"), data.get("available")
        _stat(view.limit, self.tr("Limit"), limit, fmt.money(limit, currency))
        short = (n := to_decimal(available)) is not None and n <= 0
        money = fmt.money(available, currency)
        _stat(view.available, self.tr("Available"), available, money, "bad" if short else "")
        grade = first(data, "risk_grade", "grade")
        _stat(view.grade, self.tr("Risk grade"), grade, str(grade))
        allowed = term_list(data.get("allowed"), fmt)
        terms = data.get("terms")
        if allowed:
            view.offer_caption.setText(self.tr("May offer"))
            view.offer.set([t for t, _ in allowed], "good")
        elif terms:
            view.offer_caption.setText(self.tr("Terms"))
            view.offer.set(term_names(terms), "")
        view.offer_caption.setVisible(bool(allowed or terms))
        view.offer.setVisible(bool(allowed or terms))
        refused = term_list(data.get("refused"), fmt)
        view.refused_caption.setText(self.tr("Not allowed"))
        view.refused_caption.setVisible(bool(refused))
        for line, (term, reason) in zip(view.refused.take(len(refused)), refused, strict=True):
            line.setText(dash(term, reason))
        return view

    def profile(
        self, data: Any, fmt: Formats, currency: str | None, previous: QWidget | None
    ) -> QWidget:
        """Value tier with the figures behind it (lifetime value, orders, last order)."""
        if not isinstance(data, Mapping):
            return text(data, previous)
        view = reuse(previous, ProfileView)
        currency = data.get("currency") or currency
        tier = tier_text(data)
        _stat(view.tier, self.tr("Value tier"), tier, str(tier))
        ltv = first(data, "lifetime_value", "ltv", "revenue")
        _stat(view.ltv, self.tr("Lifetime value"), ltv, fmt.money(ltv, currency))
        orders = first(data, "orders", "frequency")
        _stat(view.orders, self.tr("Orders"), orders, fmt.number(orders))
        last = first(data, "last_order", "last_purchase")
        _stat(view.last, self.tr("Last order"), last, fmt.date(last))
        # ``basis`` in English, ``basis_parts`` the same as reasons to word.
        said = {
            "reason": first(data, "basis", "reason") or "",
            "reason_parts": data.get("basis_parts"),
        }
        basis = reason_texts().item(said, fmt=fmt)
        view.basis.setText(basis)
        view.basis.setVisible(bool(basis))
        return view


_views = AccountViews()
register("balance", lambda: QCoreApplication.translate("SectionTitles", "Balance"), _views.balance)
register("credit", lambda: QCoreApplication.translate("SectionTitles", "Credit"), _views.credit)
register(
    "profile", lambda: QCoreApplication.translate("SectionTitles", "Customer value"), _views.profile
)
