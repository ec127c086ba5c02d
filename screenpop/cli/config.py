"""The configuration loader, imported on first use: ``notify`` never needs the schema."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from screenpop.config.schema import Config


def load_config(path: Path | None = None, **kwargs: Any) -> Config:
    """``screenpop.config.loader.load_config``: every layer, the machine's locks included."""
    from screenpop.config.loader import load_config as load

    return load(path, **kwargs)
