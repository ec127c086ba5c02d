"""The business's own policies in the configuration: the credit terms agents may
offer (``[credit]``) and the customer value tiers (``[value]``).

Kept apart from the application's tables (``schema.py``) because they are
policy that the business reviews, not settings of the program.
"""

from __future__ import annotations

from pydantic import Field, field_validator, model_validator

from screenpop.config.fields import Strict


class CreditRule(Strict):
    """``[[credit.rule]]``: when ``when`` holds, take terms away (screenpop/credit.py).

    Exactly one effect: ``allow`` (only these), ``max`` (nothing more generous
    than this) or ``deny`` (not these).
    """

    when: str
    """The condition, over the figures of the credit record and the balance
    (``overdue_days > 60``, ``risk_grade in ['C', 'D']``, ``hold``)."""
    allow: tuple[str, ...] | None = None
    """Only these terms remain."""
    max: str | None = None
    """Nothing more generous than this term."""
    deny: tuple[str, ...] | None = None
    """Not these terms."""
    reason: str = Field(min_length=1)
    """What the agent reads when the rule applies."""

    @field_validator("when")
    @classmethod
    def _when(cls, value: str) -> str:
        from screenpop.credit import parse_condition

        parse_condition(value)  # PolicyError is a ValueError: reported at rule[i].when
        return value

    @model_validator(mode="after")
    def _one_effect(self) -> CreditRule:
        given = [k for k in ("allow", "max", "deny") if getattr(self, k) is not None]
        if len(given) != 1:
            has = f" (has {', '.join(given)})" if given else ""
            raise ValueError(f"a rule needs exactly one of allow, max, deny{has}")
        return self


class CreditPolicy(Strict):
    """``[credit]``: the terms agents may offer, restricted by rules."""

    terms: tuple[str, ...] = ("Prepay", "Net 15", "Net 30", "Net 60")
    """Every term the business uses, most restrictive first."""
    alias: dict[str, str] = Field(default_factory=dict)
    """The credit source's names for terms, as policy terms (``{"Pro forma only" = "Prepay"}``)."""
    cap_at_agreed: bool = True
    """Never offer more than the customer's agreed terms (the credit record's ``terms``)."""
    without_data: tuple[str, ...] = ()
    """Offered when the credit record or the balance is missing (timed out, unavailable)."""
    rule: tuple[CreditRule, ...] = ()
    """The rules, each a ``[[credit.rule]]`` table."""

    @model_validator(mode="after")
    def _known_terms(self) -> CreditPolicy:
        if not self.terms or any(not t.strip() for t in self.terms):
            raise ValueError(
                "terms: list every term, most restrictive first, e.g. ['Prepay', 'Net 30']"
            )
        folded = [t.strip().casefold() for t in self.terms]
        if len(set(folded)) != len(folded):
            raise ValueError("terms: a term is listed twice")
        known = ", ".join(self.terms)

        def check(where: str, names: tuple[str, ...]) -> None:
            for name in names:
                if name.strip().casefold() not in folded:
                    raise ValueError(f"{where}: unknown term {name!r} (credit.terms: {known})")

        for i, r in enumerate(self.rule):
            for key in ("allow", "max", "deny"):
                value = getattr(r, key)
                if value is not None:
                    check(f"rule[{i}].{key}", (value,) if isinstance(value, str) else value)
        check("without_data", self.without_data)
        for name, term in self.alias.items():
            check(f"alias.{name}", (term,))
        return self


class ValueTier(Strict):
    """``[[value.tier]]``, best first: the least a customer needs to be in it."""

    name: str = Field(min_length=1)
    """The tier's name, as the agent sees it."""
    min_revenue: float
    """Lifetime revenue the customer needs."""
    min_orders: int = Field(default=1, ge=0)
    """Orders the customer needs (keeps one big order out of a top tier)."""
    label: str = ""
    """What the threshold stands for, said to the agent (``top 5% by revenue``)."""


class ValueConfig(Strict):
    """``[value]``: lifetime value and the value tier on the ``profile`` section."""

    currency: str = "GBP"
    """Currency of the sales amounts (the profile query may return its own ``currency``)."""
    as_of: str = ""
    """"Today" for recency (ISO date); empty = the real today. The demo's data ends in 2011."""
    lapsed_days: int = Field(default=365, ge=0)
    """No order for more than this many days: one tier down. 0 = recency ignored."""
    tier: tuple[ValueTier, ...] = ()
    """The tiers, best first, each a ``[[value.tier]]`` table (``screenpop value tiers``
    computes them from the sales history)."""

    @field_validator("as_of")
    @classmethod
    def _as_of(cls, value: str) -> str:
        if value:
            from datetime import date

            try:
                date.fromisoformat(value)
            except ValueError:
                raise ValueError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None
        return value

    @model_validator(mode="after")
    def _ordered(self) -> ValueConfig:
        names = [t.name.casefold() for t in self.tier]
        if len(set(names)) != len(names):
            raise ValueError("tier: a tier name is used twice")
        for i in range(1, len(self.tier)):
            if self.tier[i].min_revenue > self.tier[i - 1].min_revenue:
                raise ValueError(
                    f"tier[{i}].min_revenue: tiers go best first, so "
                    f"{self.tier[i].min_revenue} must not exceed tier[{i - 1}]'s "
                    f"{self.tier[i - 1].min_revenue}"
                )
        return self


