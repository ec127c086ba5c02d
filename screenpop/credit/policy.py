"""The compiled ``[credit]`` table: the ordered terms and the rules that take them away.

Built once from the config (``Policy.from_config``); pure values afterwards,
shared by every lookup thread. Rules only ever take terms away (``allow``,
``max``, ``deny``): nothing a config says can widen what ``terms`` offers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from screenpop.credit.rules import Condition, fold, parse_condition

if TYPE_CHECKING:
    from screenpop.config.schema import CreditPolicy

Effect = Literal["allow", "max", "deny"]


@dataclass(frozen=True, slots=True)
class Rule:
    """When ``condition`` holds, restrict the terms.

    ``reason`` is the business's own sentence from the config, read to the
    agent as written (it is data, like a product name: the front end shows it
    untranslated, under the code ``credit.rule``).
    """

    condition: Condition
    effect: Effect
    terms: tuple[str, ...]
    reason: str

    def permits(self, term: str, order: Sequence[str]) -> bool:
        """Whether this rule, applied, leaves ``term`` on offer."""
        if self.effect == "allow":
            return term in self.terms
        if self.effect == "deny":
            return term not in self.terms
        return order.index(term) <= order.index(self.terms[0])


@dataclass(frozen=True, slots=True)
class Policy:
    """The compiled ``[credit]`` table."""

    terms: tuple[str, ...]
    rules: tuple[Rule, ...]
    alias: Mapping[str, str]
    cap_at_agreed: bool = True
    without_data: tuple[str, ...] = ()

    @classmethod
    def from_config(cls, cfg: CreditPolicy) -> Policy:
        rules = []
        for r in cfg.rule:
            effect: Effect
            if r.allow is not None:
                effect, terms = "allow", tuple(r.allow)
            elif r.max is not None:
                effect, terms = "max", (r.max,)
            else:
                assert r.deny is not None
                effect, terms = "deny", tuple(r.deny)
            rules.append(Rule(parse_condition(r.when), effect, terms, r.reason))
        return cls(
            terms=tuple(cfg.terms),
            rules=tuple(rules),
            alias=dict(cfg.alias),
            cap_at_agreed=cfg.cap_at_agreed,
            without_data=tuple(cfg.without_data),
        )

    def canonical(self, term: Any) -> str | None:
        """A source's term name as a policy term (via ``alias``), or None."""
        if term is None:
            return None
        name = str(term).strip()
        name = self.alias.get(name, name)
        by_fold = {fold(t): t for t in self.terms}
        return by_fold.get(fold(name))
