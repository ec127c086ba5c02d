"""The ``reorders`` and ``cross_sells`` sections, derived from the customer's purchases.

Both read one feed per pop from the sales source (the first source with
``section = "purchases"``):

* ``history`` (``crosssell.per_pop = "history"``, and ``"auto"`` when the
  sales source has a ``history`` query): the ``history`` query cut to this
  customer, one row per product with how often and when
  (``SqlSource.product_history``). Cross-sells weigh the customer's products
  by recency; reorders need the dates. This is what a configuration with
  ``query`` and ``history`` and no ``owned`` gets: the customer's whole
  history, fresh from the database on every pop, nothing per customer in
  the model file.
* ``owned`` (``per_pop = "owned"``, or ``"auto"`` without ``history``): the
  products only. Cross-sells then weigh by the order the query returns
  (most recent first is best); there is no reorders section.

Both sections take ``cases`` as an optional input: a product with an open
case (a complaint, a warranty claim) is not pushed in either. Reorders are
products the customer bought and cross-sells never are, so the two never show
the same product; the cross-sells also skip every product of the history.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Mapping
from datetime import date
from typing import TYPE_CHECKING

from screenpop.card import FrozenList, Section, Status
from screenpop.crosssell.history import Purchases, day_of, feed_rows
from screenpop.crosssell.modelfile import SalesModel
from screenpop.derived import Derived, Feed
from screenpop.reasons import Reason, define
from screenpop.sources.base import Params, Source, SourceError

if TYPE_CHECKING:
    from screenpop.config.schema import Config

log = logging.getLogger(__name__)

HISTORY = "purchase_history"
OWNED = "owned"
CASES = "cases"

NO_HISTORY_QUERY = define(
    "crosssell.no_history_query",
    "{source} has no 'history' query, which crosssell.per_pop = 'history' needs",
)

#: Case states that are over; anything else (or none) counts as open.
CLOSED_CASES = frozenset(
    {"closed", "resolved", "done", "cancelled", "canceled", "rejected", "completed"}
)


def history_feed(model: SalesModel) -> Feed:
    """The feed both sections read: the customer's purchases per product, looked up in
    ``model`` once (``history.feed_rows`` columns)."""

    def read(source: Source, params: Params, deadline: float) -> FrozenList:
        fetch = getattr(source, "product_history", None)
        if fetch is None:
            raise SourceError(
                getattr(source, "reason", None)
                or f"{source.name} cannot read one customer's history "
                "(SQL sources with 'history' can)"
            )
        return feed_rows(fetch(params, deadline), model.cross_sells.lookup)

    return Feed(HISTORY, "purchases", read)


def read_owned(source: Source, params: Params, deadline: float) -> list[str]:
    return source.owned(params, deadline)


def open_case_products(cases: Section | None) -> frozenset[str]:
    """Products of the customer's open cases (none when there is no cases section)."""
    if cases is None or not cases.ok or not isinstance(cases.data, tuple):
        return frozenset()
    out = set()
    for case in cases.data:
        if not isinstance(case, Mapping):
            continue
        product = case.get("product")
        status = str(case.get("status") or "").strip().casefold()
        if product not in (None, "") and status not in CLOSED_CASES:
            out.add(str(product))
    return frozenset(out)


def _day(as_of: str) -> Callable[[], int]:
    """"Today" in days since 1970: ``as_of`` when configured, else the real date each pop."""
    fixed = day_of(as_of) if as_of else None

    def today() -> int:
        if fixed is not None:
            return fixed
        d = day_of(date.today())
        assert d is not None
        return d

    return today


def _failed(section: Section) -> Section:
    return Section(
        section.status, source=section.source, error=section.error, reason=section.reason
    )


def reorders(model: SalesModel, top: int, exclude: Collection[str], as_of: str = "") -> Derived:
    """``reorders``: the customer's products likely to be ordered again soon, due first."""
    blocked = frozenset(exclude)
    today = _day(as_of)

    def compute(inputs: Mapping[str, Section]) -> Section:
        history = inputs[HISTORY]
        if history.failed:
            return _failed(history)
        purchases = Purchases.of(history.data)
        skip = blocked | open_case_products(inputs.get(CASES))
        items = model.reorders.rank(purchases, today(), top, skip)
        if not items:
            return Section(Status.EMPTY)
        return Section(Status.OK, data=[r.to_json() for r in items])

    return Derived(
        "reorders", (HISTORY, CASES), compute, needs=("purchases",), feeds=(history_feed(model),)
    )


def cross_sells(
    model: SalesModel, top: int, exclude: Collection[str], per_pop: str, as_of: str = ""
) -> Derived:
    """``cross_sells``: what goes with the customer's products; ``per_pop`` is history|owned."""
    blocked = frozenset(exclude)
    today = _day(as_of)
    feed_name = HISTORY if per_pop == "history" else OWNED

    def compute(inputs: Mapping[str, Section]) -> Section:
        got = inputs[feed_name]
        if got.failed:
            return _failed(got)
        skip = blocked | open_case_products(inputs.get(CASES))
        if feed_name == HISTORY:
            purchases = Purchases.of(got.data)
            found = model.cross_sells.suggest_days(
                purchases.products, purchases.last, top, skip, today(), index=purchases.index
            )
        else:
            owned = [str(p) for p in got.data or ()]
            found = model.cross_sells.suggest(owned, top, skip, today=today())
        if not found:
            return Section(Status.EMPTY)
        return Section(Status.OK, data=[s.to_json() for s in found])

    feed = history_feed(model) if feed_name == HISTORY else Feed(OWNED, "purchases", read_owned)
    return Derived("cross_sells", (feed_name, CASES), compute, needs=("purchases",), feeds=(feed,))


def no_history(source: str) -> Reason:
    return Reason.of(NO_HISTORY_QUERY, source=source)


def per_pop(config: Config) -> tuple[str, str | None]:
    """What each pop reads (``history``|``owned``) and the sales source's name.

    ``history`` is chosen (under ``auto``) only when the sales source can cut
    its ``history`` to one customer: an SQL source with a ``history`` query.
    """
    sales = next((s for s in config.source if s.section == "purchases"), None)
    if sales is None:
        return "owned", None
    has_history = sales.kind == "sql" and getattr(sales, "history", None) is not None
    choice = config.crosssell.per_pop
    if choice == "auto":
        choice = "history" if has_history else "owned"
    return choice, sales.name


def from_config(config: Config, model: SalesModel) -> list[Derived]:
    """The cross-sell and reorder sections ``config`` asks for, with ``model``."""
    from screenpop.derived import broken

    choice, sales = per_pop(config)
    cs = config.crosssell
    if choice == "history" and sales is not None and not _has_history(config, sales):
        reason = no_history(sales)
        out = [broken("cross_sells", ("purchases",), reason)]
        if config.reorders.top:
            out.append(broken("reorders", ("purchases",), reason))
        return out
    out = [cross_sells(model, cs.top, cs.exclude, choice, cs.as_of)]
    if choice == "history" and config.reorders.top:
        out.append(reorders(model, config.reorders.top, cs.exclude, cs.as_of))
    return out


def _has_history(config: Config, name: str) -> bool:
    source = next(s for s in config.source if s.name == name)
    return source.kind == "sql" and getattr(source, "history", None) is not None
