"""Source plugins keyed by config ``kind``."""

from __future__ import annotations

from typing import Any

from screenpop.config.secrets import resolve
from screenpop.sources.base import Source


def create(cfg: Any) -> Source:
    """Build the source a config section describes (raises SourceError/SecretError)."""
    if cfg.kind == "sql":
        from screenpop.sources.sql import SqlSource

        return SqlSource(cfg, resolve)
    if cfg.kind == "rest":
        from screenpop.sources.rest import RestSource

        return RestSource(cfg, resolve)
    raise ValueError(f"unknown source kind {cfg.kind!r}")
