"""Cross-sells and reorders learned from purchase history (no Qt here).

``build.py`` turns the sales source's ``history`` into one model file
(``modelfile.py``); ``model.py`` scores cross-sells, ``reorders.py`` ranks
reorders; ``sections.py`` puts both on the card from the customer's
purchases read at each pop (``history.py``).
"""

from screenpop.crosssell.build import build_model, model_from_arrays
from screenpop.crosssell.model import CrossSellModel
from screenpop.crosssell.modelfile import SalesModel
from screenpop.crosssell.reorders import Reorder, ReorderModel, ReorderWeights
from screenpop.crosssell.values import ModelError, ModelInfo, Suggestion

__all__ = [
    "CrossSellModel",
    "ModelError",
    "ModelInfo",
    "Reorder",
    "ReorderModel",
    "ReorderWeights",
    "SalesModel",
    "Suggestion",
    "build_model",
    "model_from_arrays",
]
