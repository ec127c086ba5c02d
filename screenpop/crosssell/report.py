"""What ``crosssell build`` prints when it is done (and ``doctor`` can reuse)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from screenpop.config.schema import Config
    from screenpop.crosssell.modelfile import SalesModel


def peak_memory_mb() -> float | None:
    """This process's peak resident memory, where the OS says it (None on Windows)."""
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def build_summary(model: SalesModel, config: Config, seconds: float) -> str:
    """Where the model went, what it learned from, and what the build cost."""
    info = model.info
    path = Path(str(config.crosssell.model))
    size = path.stat().st_size / 1e6
    mode = oct(path.stat().st_mode & 0o777)
    w = model.reorder_weights
    if w.fitted:
        reorders = (
            f"reorders fitted on {w.examples:,} customer-product pairs "
            f"({w.positives:,} bought again within {w.horizon_days} days)"
        )
    else:
        reorders = (
            f"reorders use the default weights (the history is too short to learn from: "
            f"it needs more than {w.horizon_days} days and active customers)"
        )
    peak = peak_memory_mb()
    memory = f", peak memory {peak:,.0f} MB" if peak is not None else ""
    return (
        f"model written to {path} ({size:.1f} MB, mode {mode}, owner uid "
        f"{path.stat().st_uid if hasattr(os, 'getuid') else '-'}) in {seconds:.1f} s{memory}\n"
        f"  {info.lines:,} lines to {info.history_end}, {info.customers:,} customers, "
        f"{info.products:,} products; {reorders}"
    )
