"""What a configuration puts on the card: sources and the sections derived from them.

The one place that knows which config table turns into which derived section
(``[credit]`` → credit terms, ``[value]`` → the value tier, ``[crosssell]`` →
cross-sells and ``[reorders]``, a cases source → cases with their warranty),
so the lookup stays generic and a section that is not configured is simply
not on the card.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from screenpop import credit, derived
from screenpop.cases.rows import zone_named
from screenpop.cases.section import QueuedReader, cases_section
from screenpop.config.schema import Config
from screenpop.derived import Derived
from screenpop.reasons import Reason

if TYPE_CHECKING:
    from screenpop.crosssell.modelfile import SalesModel

log = logging.getLogger(__name__)


def load_suggester(config: Config) -> tuple[SalesModel | None, str]:
    """The cross-sell and reorder model, or None and the reason an agent will see.

    ``None, ""`` when no model is configured (the sections are not shown).
    """
    path = config.crosssell.model
    if path is None:
        return None, ""
    try:
        from screenpop.crosssell.modelfile import SalesModel
        from screenpop.crosssell.values import ModelError
    except ImportError as exc:  # pragma: no cover - packaging error
        return None, f"cross-sell unavailable: {exc}"
    try:
        return SalesModel.load(Path(path)), ""
    except ModelError as exc:
        return None, str(exc)


def derived_sections(config: Config, queued_cases: QueuedReader | None = None) -> list[Derived]:
    """Every derived section the configuration asks for, in no particular order.

    ``queued_cases`` reads the cases this desk opened that have not reached the
    service desk yet (the local journal's case outbox), shown among the cases.
    """
    out: list[Derived] = []
    if config.sources_for("cases"):
        out.append(
            cases_section(
                zone_named(config.agent.time_zone), queued_cases, as_of=config.cases.as_of
            )
        )
    if config.credit is not None:
        out.append(derived.credit_terms(credit.Policy.from_config(config.credit)))
    if config.value is not None:
        out.append(derived.value_tier(config.value))
    # Cross-sells and reorders (screenpop/crosssell/sections.py).
    model, why = load_suggester(config)
    if model is not None:
        from screenpop.crosssell.sections import from_config

        out.extend(from_config(config, model))
    elif why:
        log.error("cross-sell model unusable: %s", why)
        reason = Reason.of(derived.MODEL_UNUSABLE, error=why)
        out.append(derived.broken("cross_sells", ("purchases",), reason))
        if config.reorders.top:
            out.append(derived.broken("reorders", ("purchases",), reason))
    return out
