"""Cross-sell suggestions learned from purchase history (no Qt here)."""

from screenpop.crosssell.model import (
    CrossSellModel,
    ModelError,
    ModelInfo,
    Suggestion,
    build_model,
    model_from_arrays,
)

__all__ = [
    "CrossSellModel",
    "ModelError",
    "ModelInfo",
    "Suggestion",
    "build_model",
    "model_from_arrays",
]
