"""What a configuration puts on the card: sources and the sections derived from them.

The one place that knows which config table turns into which derived section
(``[credit]`` → credit terms, ``[value]`` → the value tier, ``[crosssell]`` →
cross-sells), so the lookup stays generic and a section that is not
configured is simply not on the card.
"""

from __future__ import annotations

import logging
from pathlib import Path

from screenpop import credit, derived
from screenpop.config.schema import Config
from screenpop.derived import Derived, Suggester
from screenpop.reasons import Reason

log = logging.getLogger(__name__)


def load_suggester(config: Config) -> tuple[Suggester | None, str]:
    """The cross-sell model, or None and the reason an agent will see.

    ``None, ""`` when no model is configured (the section is not shown).
    """
    path = config.crosssell.model
    if path is None:
        return None, ""
    try:
        from screenpop.crosssell.model import CrossSellModel, ModelError
    except ImportError as exc:  # pragma: no cover - packaging error
        return None, f"cross-sell unavailable: {exc}"
    try:
        return CrossSellModel.load(Path(path)), ""
    except ModelError as exc:
        return None, str(exc)


def derived_sections(config: Config) -> list[Derived]:
    """Every derived section the configuration asks for, in no particular order."""
    out: list[Derived] = []
    if config.credit is not None:
        out.append(derived.credit_terms(credit.Policy.from_config(config.credit)))
    if config.value is not None:
        out.append(derived.value_tier(config.value))
    suggester, why = load_suggester(config)
    if suggester is not None:
        out.append(derived.cross_sells(suggester, config.crosssell.top, config.crosssell.exclude))
    elif why:
        log.error("cross-sell model unusable: %s", why)
        reason = Reason.of(derived.MODEL_UNUSABLE, error=why)
        out.append(derived.broken("cross_sells", ("purchases",), reason))
    return out
