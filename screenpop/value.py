"""Customer value: lifetime value and a value tier, with the figure behind it.

The ``profile`` source's query aggregates one customer's sales (lifetime
value, orders, first and last order); this module turns that row into the
card's profile section. The tier is RFM-ish, in that order of weight:

* **monetary** ranks: a customer is in the first ``[[value.tier]]`` (best
  first) whose ``min_revenue`` and ``min_orders`` they meet;
* **frequency** gates: ``min_orders`` keeps a single big order out of the
  top tier if the business wants that;
* **recency** demotes: no order for more than ``value.lapsed_days`` moves the
  customer one tier down, and the basis says so.

Thresholds live in config, not in each workstation: they are computed once
from the whole sales history (``screenpop value tiers --config F`` prints
the ``[value]`` table: revenue quantiles, top 5 % / 20 % / 50 % of customers
by default) and reviewed like any other policy, so every agent sees the same
tier for the same customer, start-up never scans the history, and a tier
does not silently drift as the quantiles move. Re-run it when the business
wants the bands refreshed.

Pure functions; no Qt, no I/O (the command is in ``screenpop/cli/maintenance.py``).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from screenpop.card import Section, Status
from screenpop.money import to_decimal
from screenpop.reasons import Reason, define

if TYPE_CHECKING:
    from screenpop.config.schema import ValueConfig
    from screenpop.sources.base import HistoryRow

#: Default bands: share of customers (by revenue, best first) in each tier.
DEFAULT_BANDS: tuple[tuple[str, float], ...] = (
    ("Platinum", 0.05),
    ("Gold", 0.20),
    ("Silver", 0.50),
    ("Bronze", 1.00),
)


def _day(value: Any) -> date | None:
    """A date from a source: ISO date or datetime text, or a date object."""
    if isinstance(value, date):
        return value
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


# The basis of a tier, part by part. Figures are arguments (the front end
# formats money and counts in the agent's locale); a tier's name and label
# come from the config and are data. Counted phrases have a ``_one`` twin
# for English's singular; a translation may use the count for its own forms.
_MONEY_VS = "({currency} {revenue:,.2f} ≥ {currency} {threshold:,.2f})"
TIER = define("value.tier", "{label} " + _MONEY_VS)
BAND = define("value.band", "{tier} band " + _MONEY_VS)
# The labels ``render_toml`` writes are our words, not the business's: a
# label that reads exactly like one is said by code, so that it translates.
TOP = define("value.tier_top", "top {percent}% by revenue " + _MONEY_VS)
BOTTOM = define("value.tier_bottom", "bottom {percent}% by revenue " + _MONEY_VS)
EVERYONE = define("value.tier_everyone", "every customer " + _MONEY_VS)
_OUR_LABEL = re.compile(r"(top|bottom) (\d+(?:\.\d+)?)% by revenue|every customer")
BELOW = define(
    "value.below_every_tier",
    "below every tier ({currency} {revenue:,.2f} < {currency} {threshold:,.2f} "
    "or fewer than {orders} orders)",
)
BELOW_ONE = define(
    "value.below_every_tier_one",
    "below every tier ({currency} {revenue:,.2f} < {currency} {threshold:,.2f} "
    "or fewer than {orders} order)",
)
NEEDS = define("value.needs_orders", "{tier} needs {orders} orders")
NEEDS_ONE = define("value.needs_orders_one", "{tier} needs {orders} order")
ORDERS = define("value.orders", "{orders} orders")
ORDERS_ONE = define("value.orders_one", "{orders} order")
LAST_TODAY = define("value.last_order_today", "last order today")
LAST_DAYS = define("value.last_order_days", "last order {days} days ago")
LAST_DAYS_ONE = define("value.last_order_days_one", "last order {days} day ago")
LAPSED = define("value.lapsed", "down from {tier}: no order for over {days} days")
LAPSED_ONE = define("value.lapsed_one", "down from {tier}: no order for over {days} day")


def _counted(many: str, one: str, count: int, **args: Any) -> Reason:
    """``many`` or, for exactly one, its singular twin ``one``."""
    return Reason.of(one if count == 1 else many, **args)


@dataclass(frozen=True, slots=True)
class Tiering:
    """The tier a customer lands in and the reasons that justify it, in order."""

    tier: str | None
    parts: tuple[Reason, ...]

    @property
    def basis(self) -> str:
        """The reasons as one English sentence (scripts read this)."""
        return "; ".join(p.text for p in self.parts)

    def parts_json(self) -> list[dict[str, Any]]:
        """``[{reason_code, reason_args}]``: the basis for the front end to word."""
        return [{k: v for k, v in p.to_json().items() if k != "reason"} for p in self.parts]


def tier_for(
    revenue: Decimal,
    orders: int,
    days_since_last: int | None,
    cfg: ValueConfig,
    currency: str,
) -> Tiering:
    """Place a customer in a tier (see the module docstring) and say why."""
    parts: list[Reason] = []
    index: int | None = None
    for i, t in enumerate(cfg.tier):
        if revenue >= Decimal(str(t.min_revenue)) and orders >= t.min_orders:
            index = i
            break
    # In cents, as ``lifetime_value`` shows it.
    money = {"currency": currency, "revenue": float(revenue.quantize(Decimal("0.01")))}
    if index is None:
        if cfg.tier:
            floor = cfg.tier[-1]
            parts.append(
                _counted(
                    BELOW,
                    BELOW_ONE,
                    floor.min_orders,
                    threshold=float(floor.min_revenue),
                    orders=floor.min_orders,
                    **money,
                )
            )
        return Tiering(None, (*parts, *_facts(orders, days_since_last)))
    chosen = cfg.tier[index]
    threshold = float(chosen.min_revenue)
    parts.append(_tier_reason(chosen.label, chosen.name, threshold, money))
    for skipped in cfg.tier[:index]:
        if revenue >= Decimal(str(skipped.min_revenue)) and orders < skipped.min_orders:
            parts.append(
                _counted(
                    NEEDS,
                    NEEDS_ONE,
                    skipped.min_orders,
                    tier=skipped.name,
                    orders=skipped.min_orders,
                )
            )
            break
    parts.extend(_facts(orders, days_since_last))
    tier = chosen.name
    lapsed = (
        cfg.lapsed_days > 0 and days_since_last is not None and days_since_last > cfg.lapsed_days
    )
    if lapsed and index + 1 < len(cfg.tier):
        tier = cfg.tier[index + 1].name
        parts.append(
            _counted(LAPSED, LAPSED_ONE, cfg.lapsed_days, tier=chosen.name, days=cfg.lapsed_days)
        )
    return Tiering(tier, tuple(parts))


def _tier_reason(label: str, tier: str, threshold: float, money: Mapping[str, Any]) -> Reason:
    """The part that names the tier and the figure that put the customer there."""
    if not label:
        return Reason.of(BAND, tier=tier, threshold=threshold, **money)
    ours = _OUR_LABEL.fullmatch(label.strip())
    if ours is None:
        return Reason.of(TIER, label=label, tier=tier, threshold=threshold, **money)
    if ours.group(1) is None:
        return Reason.of(EVERYONE, tier=tier, threshold=threshold, **money)
    percent = float(ours.group(2))
    return Reason.of(
        TOP if ours.group(1) == "top" else BOTTOM,
        percent=int(percent) if percent.is_integer() else percent,
        tier=tier,
        threshold=threshold,
        **money,
    )


def _facts(orders: int, days_since_last: int | None) -> list[Reason]:
    out = [_counted(ORDERS, ORDERS_ONE, orders, orders=orders)]
    if days_since_last is not None:
        out.append(
            Reason.of(LAST_TODAY)
            if days_since_last == 0
            else _counted(LAST_DAYS, LAST_DAYS_ONE, days_since_last, days=days_since_last)
        )
    return out


def today(cfg: ValueConfig) -> date:
    """``value.as_of`` when set (the demo's data ends in 2011), else the real today."""
    return date.fromisoformat(cfg.as_of) if cfg.as_of else date.today()


def profile_data(row: Mapping[str, Any], cfg: ValueConfig, as_of: date) -> dict[str, Any] | None:
    """The profile section's data from the profile query's row; None if no sales.

    The row's own columns are kept (a source may add e.g. ``segment``); the
    contract fields ``lifetime_value``, ``currency``, ``orders``,
    ``first_order``, ``last_order``, ``tier``, ``basis`` (English) and
    ``basis_parts`` (the same as ``[{reason_code, reason_args}]``) are
    (re)written.
    """
    revenue = to_decimal(row.get("lifetime_value"))
    orders_n = to_decimal(row.get("orders"))
    orders = int(orders_n) if orders_n is not None else 0
    if revenue is None and orders == 0:
        return None  # an aggregate over no sales: nothing on file
    revenue = revenue if revenue is not None else Decimal(0)
    currency = str(row.get("currency") or cfg.currency)
    first, last = _day(row.get("first_order")), _day(row.get("last_order"))
    days = (as_of - last).days if last is not None else None
    if days is not None and days < 0:
        days = 0  # a sale dated after ``as_of``: count it as today, never negative
    tiering = tier_for(revenue, orders, days, cfg, currency)
    out = dict(row)
    out.update(
        lifetime_value=float(revenue.quantize(Decimal("0.01"))),
        currency=currency,
        orders=orders,
        first_order=first.isoformat() if first else None,
        last_order=last.isoformat() if last else None,
        tier=tiering.tier,
        basis=tiering.basis,
        basis_parts=tiering.parts_json(),
    )
    return out


def profile_section(section: Section, cfg: ValueConfig, as_of: date | None = None) -> Section:
    """The profile section as the card shows it: tier and basis added to the row."""
    if not section.ok or not isinstance(section.data, Mapping):
        return section
    data = profile_data(section.data, cfg, as_of or today(cfg))
    if data is None:
        return Section(Status.EMPTY, source=section.source, latency_ms=section.latency_ms)
    return Section(Status.OK, data=data, source=section.source, latency_ms=section.latency_ms)


# ------------------------------------------------------------- thresholds --


def revenues(rows: Iterable[HistoryRow]) -> dict[str, float]:
    """Lifetime revenue per customer from every sales line."""
    out: dict[str, float] = defaultdict(float)
    for r in rows:
        out[r.customer_id] += float(r.amount)
    return dict(out)


def thresholds(
    revenue_by_customer: Mapping[str, float],
    bands: Sequence[tuple[str, float]] = DEFAULT_BANDS,
) -> list[tuple[str, float, str, int]]:
    """(tier, min_revenue, label, customers in it) per band, best first.

    For a band holding the top share ``s`` of customers, the threshold is the
    revenue of the customer ranked ``ceil(s * N)`` (1 = best), so at least that
    share is at or above it (more only where customers tie on the threshold).
    The last band's threshold is the smallest revenue: everyone lands in a tier.
    """
    # In cents, as the profile query reports them (round(sum(amount), 2)): a
    # float sum's noise (5685.069999...) must not move the ranked customer out.
    values = sorted((round(v, 2) for v in revenue_by_customer.values()), reverse=True)
    if not values:
        raise ValueError("no sales history: cannot compute tiers")
    out: list[tuple[str, float, str, int]] = []
    above = 0
    last = len(bands) - 1
    for i, (name, share) in enumerate(bands):
        if not 0 < share <= 1:
            raise ValueError(f"band {name}: share must be in (0, 1], got {share}")
        rank = max(1, math.ceil(share * len(values)))
        floor = values[-1] if i == last else values[rank - 1]
        count = sum(1 for v in values if v >= floor) - above
        above += count
        label = (
            f"top {share * 100:g}% by revenue"
            if i < last
            else f"bottom {(1 - bands[i - 1][1]) * 100:g}% by revenue"
            if i > 0
            else "every customer"
        )
        out.append((name, floor, label, count))
    return out


def render_toml(
    bands: Sequence[tuple[str, float, str, int]],
    *,
    currency: str,
    customers: int,
    lapsed_days: int = 365,
    as_of: str = "",
) -> str:
    """The ``[value]`` table for the config, with each tier's size as a comment."""
    lines = [
        f"# Value tiers: revenue quantiles over {customers} customers' whole sales history.",
        "[value]",
        f'currency = "{currency}"',
        f"lapsed_days = {lapsed_days}",
    ]
    if as_of:
        lines.append(f'as_of = "{as_of}"')
    for name, floor, label, count in bands:
        lines += [
            "",
            f"[[value.tier]]  # {count} customers",
            f'name = "{name}"',
            f"min_revenue = {floor:.2f}",
            f'label = "{label}"',
        ]
    return "\n".join(lines) + "\n"
