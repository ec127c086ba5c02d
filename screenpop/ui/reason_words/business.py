"""The business's reasons in the agent's language: cross-sells and reorders,
refused credit terms, the basis of a value tier.

Figures are arguments (money and counts are written the agent's way); a
business's own sentence (a credit rule's reason, a tier's label) is data and
shown as written.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from screenpop.ui.reason_words.wording import MONEY, Wording, fixed, words


class BusinessWords(QObject):
    """One entry per code; ``tr()`` in this class gives the catalogues' context."""

    def table(self) -> dict[str, Wording]:
        return {
            # screenpop.crosssell: cross-sells and reorders
            "crosssell.no_history_query": words(
                lambda n: self.tr(
                    "%1 has no 'history' query, which crosssell.per_pop = 'history' needs"
                ),
                "source",
            ),
            "crosssell.bought_with": words(
                lambda n: self.tr("bought with %1 by %Ln customer(s)", "", n),
                "with",
                count="customers",
            ),
            "crosssell.bought_with_one": words(
                lambda n: self.tr("bought with %1 by %Ln customer(s)", "", n), "with", one=True
            ),
            "crosssell.popular": words(
                lambda n: self.tr("popular with %Ln customer(s) in the last %1 days", "", n),
                "days",
                count="customers",
            ),
            "crosssell.popular_one": words(
                lambda n: self.tr("popular with %Ln customer(s) in the last %1 days", "", n),
                "days",
                one=True,
            ),
            "crosssell.bought_by": words(
                lambda n: self.tr("bought by %Ln customer(s)", "", n), count="customers"
            ),
            "crosssell.bought_by_one": words(
                lambda n: self.tr("bought by %Ln customer(s)", "", n), one=True
            ),
            "reorders.once": words(lambda n: self.tr("bought once, on %1"), "last#date"),
            "reorders.daily.due": words(
                lambda n: self.tr("orders about daily; last on %1, due now"), "last#date"
            ),
            "reorders.daily.overdue": words(
                lambda n: self.tr("orders about daily; last on %1, overdue"), "last#date"
            ),
            "reorders.daily.later": words(
                lambda n: self.tr("orders about daily; last on %1, next around %2"),
                "last#date",
                "next#date",
            ),
            "reorders.days.due": words(
                lambda n: self.tr("orders about every %Ln day(s); last on %1, due now", "", n),
                "last#date",
                count="days",
            ),
            "reorders.days.overdue": words(
                lambda n: self.tr("orders about every %Ln day(s); last on %1, overdue", "", n),
                "last#date",
                count="days",
            ),
            "reorders.days.later": words(
                lambda n: self.tr(
                    "orders about every %Ln day(s); last on %1, next around %2", "", n
                ),
                "last#date",
                "next#date",
                count="days",
            ),
            "reorders.weeks.due": words(
                lambda n: self.tr("orders about every %Ln week(s); last on %1, due now", "", n),
                "last#date",
                count="weeks",
            ),
            "reorders.weeks.overdue": words(
                lambda n: self.tr("orders about every %Ln week(s); last on %1, overdue", "", n),
                "last#date",
                count="weeks",
            ),
            "reorders.weeks.later": words(
                lambda n: self.tr(
                    "orders about every %Ln week(s); last on %1, next around %2", "", n
                ),
                "last#date",
                "next#date",
                count="weeks",
            ),
            "reorders.months.due": words(
                lambda n: self.tr("orders about every %Ln month(s); last on %1, due now", "", n),
                "last#date",
                count="months",
            ),
            "reorders.months.overdue": words(
                lambda n: self.tr("orders about every %Ln month(s); last on %1, overdue", "", n),
                "last#date",
                count="months",
            ),
            "reorders.months.later": words(
                lambda n: self.tr(
                    "orders about every %Ln month(s); last on %1, next around %2", "", n
                ),
                "last#date",
                "next#date",
                count="months",
            ),
            # screenpop.credit: why a term is refused, why terms cannot be checked
            "credit.rule": words(None, "reason"),
            "credit.rule_unsure": words(
                lambda n: self.tr("%1 (cannot rule out: %2 not on file)"),
                "reason",
                "fields~credit.field.",
                skip=("missing",),
                also=("fields",),
            ),
            "credit.field.available": words(lambda n: self.tr("available credit")),
            "credit.field.balance": words(lambda n: self.tr("balance")),
            "credit.field.currency": words(lambda n: self.tr("currency")),
            "credit.field.hold": words(lambda n: self.tr("hold flag")),
            "credit.field.limit": words(lambda n: self.tr("credit limit")),
            "credit.field.overdue": words(lambda n: self.tr("overdue amount")),
            "credit.field.overdue_days": words(lambda n: self.tr("overdue days")),
            "credit.field.risk_grade": words(lambda n: self.tr("risk grade")),
            "credit.field.terms": words(lambda n: self.tr("agreed terms")),
            "credit.field.utilisation": words(lambda n: self.tr("credit utilisation")),
            "credit.more_generous": words(
                lambda n: self.tr("more generous than the agreed %1"), "agreed"
            ),
            "credit.agreed_not_a_term": words(
                lambda n: self.tr("agreed terms '%1' are not in credit.terms"), "agreed"
            ),
            "credit.no_agreed": words(lambda n: self.tr("no agreed terms on file")),
            "credit.no_record": words(lambda n: self.tr("no credit record on file (%1)"), "source"),
            "credit.record_not_single": words(
                lambda n: self.tr("credit record (%1) is not a single record"), "source"
            ),
            "credit.unchecked.record_timeout": words(
                lambda n: self.tr("cannot check terms: credit record (%1) timed out"), "source"
            ),
            "credit.unchecked.record_unavailable": words(
                lambda n: self.tr("cannot check terms: credit record (%1) unavailable"), "source"
            ),
            "credit.unchecked.no_record": words(
                lambda n: self.tr("cannot check terms: no credit record on file (%1)"), "source"
            ),
            "credit.unchecked.record_not_single": words(
                lambda n: self.tr("cannot check terms: credit record (%1) is not a single record"),
                "source",
            ),
            "credit.unchecked.balance_timeout": words(
                lambda n: self.tr("cannot check terms: balance (%1) timed out"), "source"
            ),
            "credit.unchecked.balance_unavailable": words(
                lambda n: self.tr("cannot check terms: balance (%1) unavailable"), "source"
            ),
            "credit.unchecked.no_balance": words(
                lambda n: self.tr("cannot check terms: no balance on file (%1)"), "source"
            ),
            "credit.unchecked.balance_not_single": words(
                lambda n: self.tr("cannot check terms: balance (%1) is not a single record"),
                "source",
            ),
            "credit.unchecked.no_balance_source": words(
                lambda n: self.tr("cannot check terms: no balance source configured")
            ),
            # screenpop.value: the basis of a value tier, part by part
            "value.tier": fixed("%1 (%2 ≥ %3)", "label", *MONEY),
            "value.band": words(lambda n: self.tr("%1 band (%2 ≥ %3)"), "tier", *MONEY),
            "value.tier_top": words(
                lambda n: self.tr("top %1% by revenue (%2 ≥ %3)"), "percent", *MONEY
            ),
            "value.tier_bottom": words(
                lambda n: self.tr("bottom %1% by revenue (%2 ≥ %3)"), "percent", *MONEY
            ),
            "value.tier_everyone": words(lambda n: self.tr("every customer (%1 ≥ %2)"), *MONEY),
            "value.below_every_tier": words(
                lambda n: self.tr("below every tier (%1 < %2 or fewer than %Ln order(s))", "", n),
                *MONEY,
                count="orders",
            ),
            "value.below_every_tier_one": words(
                lambda n: self.tr("below every tier (%1 < %2 or fewer than %Ln order(s))", "", n),
                *MONEY,
                count="orders",
            ),
            "value.needs_orders": words(
                lambda n: self.tr("%1 needs %Ln order(s)", "", n), "tier", count="orders"
            ),
            "value.needs_orders_one": words(
                lambda n: self.tr("%1 needs %Ln order(s)", "", n), "tier", count="orders"
            ),
            "value.orders": words(lambda n: self.tr("%Ln order(s)", "", n), count="orders"),
            "value.orders_one": words(lambda n: self.tr("%Ln order(s)", "", n), count="orders"),
            "value.last_order_today": words(lambda n: self.tr("last order today")),
            "value.last_order_days": words(
                lambda n: self.tr("last order %Ln day(s) ago", "", n), count="days"
            ),
            "value.last_order_days_one": words(
                lambda n: self.tr("last order %Ln day(s) ago", "", n), count="days"
            ),
            "value.lapsed": words(
                lambda n: self.tr("down from %1: no order for over %Ln day(s)", "", n),
                "tier",
                count="days",
            ),
            "value.lapsed_one": words(
                lambda n: self.tr("down from %1: no order for over %Ln day(s)", "", n),
                "tier",
                count="days",
            ),
        }
