"""Sections computed from other sections, declared with their inputs.

Some of what the pop shows is not any department's answer but worked out
from answers: the credit terms an agent may offer need the credit record *and*
the balance; the value tier needs the profile row; cross-sells need the
customer's products and the model. Each is a ``Derived``: the section it
produces, the inputs it reads (sections, or ``Feed``s asked of a source only
for it), and a pure function from those inputs to a ``Section``. The lookup
runs each one as soon as its inputs are final; nothing about credit or value
is wired into the lookup itself.

A derived section with the same name as one of its inputs stands in for it:
the raw credit record is never shown, only the credit section with terms.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from screenpop import credit, value
from screenpop.card import Section, Status
from screenpop.reasons import Reason, define
from screenpop.sources.base import Params, Source

MODEL_UNUSABLE = define("crosssell.model_unusable", "cross-sell model unusable: {error}")


@dataclass(frozen=True, slots=True)
class Feed:
    """An input asked of the source of ``section`` only for derived sections."""

    name: str
    section: str
    call: Callable[[Source, Params, float], Any]


@dataclass(frozen=True, slots=True)
class Derived:
    """A section worked out from ``inputs`` by ``compute``.

    ``needs`` are the configured source sections without which it is not on
    the card at all (a credit section needs a credit source; the balance is
    optional; cross-sells need a sales source).
    ``compute`` gets every planned input's final section (missing ones are
    absent) and may raise: the lookup turns that into an unavailable section
    and counts it on this section's own breaker.
    """

    name: str
    inputs: tuple[str, ...]
    compute: Callable[[Mapping[str, Section]], Section]
    needs: tuple[str, ...] = ()
    feeds: tuple[Feed, ...] = ()

    @property
    def replaces(self) -> bool:
        """Whether it stands in for a source section of the same name."""
        return self.name in self.inputs


class Suggester(Protocol):
    """The cross-sell model as the pop needs it."""

    def suggest(
        self, owned: Collection[str], top: int = 5, exclude: Collection[str] = ()
    ) -> Sequence[Any]: ...


def credit_terms(policy: credit.Policy) -> Derived:
    """``[credit]``: the credit record plus the terms the policy permits."""

    def compute(inputs: Mapping[str, Section]) -> Section:
        return credit.credit_section(policy, inputs["credit"], inputs.get("balance"))

    return Derived("credit", ("credit", "balance"), compute, needs=("credit",))


def value_tier(cfg: Any) -> Derived:
    """``[value]``: the profile row plus the customer's value tier and its basis."""

    def compute(inputs: Mapping[str, Section]) -> Section:
        return value.profile_section(inputs["profile"], cfg)

    return Derived("profile", ("profile",), compute, needs=("profile",))


def _owned(source: Source, params: Params, deadline: float) -> Any:
    return source.owned(params, deadline)


def cross_sells(suggester: Suggester, top: int, exclude: Collection[str]) -> Derived:
    """Suggestions from the model for the products the sales source says the customer has."""
    blocked = tuple(exclude)

    def compute(inputs: Mapping[str, Section]) -> Section:
        owned = inputs["owned"]
        if owned.failed:
            return Section(
                owned.status, source=owned.source, error=owned.error, reason=owned.reason
            )
        products = [str(p) for p in owned.data or ()]
        found = suggester.suggest(products, top, blocked)
        data = [s.to_json() if hasattr(s, "to_json") else s for s in found]
        if not data:
            return Section(Status.EMPTY)
        return Section(Status.OK, data=data)

    feed = Feed("owned", "purchases", _owned)
    return Derived("cross_sells", ("owned",), compute, needs=("purchases",), feeds=(feed,))


def broken(name: str, needs: tuple[str, ...], reason: Reason) -> Derived:
    """A derived section that is configured but cannot work (a model that will
    not load): on the card, unavailable with why, whenever ``needs`` exist."""

    def compute(_inputs: Mapping[str, Section]) -> Section:
        return Section(Status.UNAVAILABLE, reason=reason)

    return Derived(name, (), compute, needs=needs)
