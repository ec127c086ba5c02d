"""Source plugins by config ``kind``: the one list of them.

Same shape as the bridges' (``screenpop/config/plugins.py``): each entry is a
light declaration module with the kind's config model, its ``doctor`` check
and a factory that imports the runtime module (SQLAlchemy, requests) only when
the kind is configured. ``screenpop.config.schema`` builds the ``[[source]]``
union from this list.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from screenpop.config.plugins import CheckContext, Registry, Verdict

if TYPE_CHECKING:
    from screenpop.config.schema import Config
    from screenpop.sources.base import Source

log = logging.getLogger(__name__)

MODULES: dict[str, str] = {
    "sql": "screenpop.sources.plugins.sql",
    "rest": "screenpop.sources.plugins.rest",
}

REGISTRY = Registry("source", MODULES)


def create(cfg: Any, secret: Callable[[str], str] | None = None) -> Source:
    """Build the source a config section describes (raises SourceError/SecretError).

    ``secret`` reads keyring references; the OS keyring unless given.
    """
    if secret is None:
        from screenpop.config.secrets import resolve

        secret = resolve
    source: Source = REGISTRY.plugin(cfg.kind).create(cfg, secret)
    return source


def check(cfg: Any, ctx: CheckContext) -> Verdict:
    """What ``doctor`` says about one configured source."""
    return REGISTRY.check(cfg, ctx)


def build_all(config: Config) -> list[Source]:
    """Every configured source; one that cannot be built says why on every call."""
    from screenpop.config.secrets import SecretError
    from screenpop.sources.base import SourceError
    from screenpop.sources.broken import BrokenSource

    out: list[Source] = []
    for cfg in config.source:
        try:
            out.append(create(cfg))
        except (SourceError, SecretError, ValueError) as exc:
            log.error("source %s unusable: %s", cfg.name, exc)
            why = getattr(exc, "reason", None)
            out.append(BrokenSource(cfg.name, cfg.section, why if why is not None else str(exc)))
    return out
