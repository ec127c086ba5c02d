"""Source plugins keyed by config ``kind``."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from screenpop.config.secrets import SecretError, resolve
from screenpop.sources.base import Source, SourceError
from screenpop.sources.broken import BrokenSource

if TYPE_CHECKING:
    from screenpop.config.schema import Config

log = logging.getLogger(__name__)


def create(cfg: Any) -> Source:
    """Build the source a config section describes (raises SourceError/SecretError)."""
    if cfg.kind == "sql":
        from screenpop.sources.sql import SqlSource

        return SqlSource(cfg, resolve)
    if cfg.kind == "rest":
        from screenpop.sources.rest import RestSource

        return RestSource(cfg, resolve)
    raise ValueError(f"unknown source kind {cfg.kind!r}")


def build_all(config: Config) -> list[Source]:
    """Every configured source; one that cannot be built says why on every call."""
    out: list[Source] = []
    for cfg in config.source:
        try:
            out.append(create(cfg))
        except (SourceError, SecretError, ValueError) as exc:
            log.error("source %s unusable: %s", cfg.name, exc)
            out.append(BrokenSource(cfg.name, cfg.section, str(exc)))
    return out
