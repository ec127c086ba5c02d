"""The tables from reason code to wording, one per part of the core that says things.

``ReasonTexts`` (``screenpop.ui.reason_texts``) holds the core's own codes and
merges these; a new code is one entry in the table of the part that declares it.
"""

from screenpop.ui.reason_words.business import BusinessWords
from screenpop.ui.reason_words.sources import SourceWords
from screenpop.ui.reason_words.wording import MONEY, Wording, fixed, words

__all__ = ["MONEY", "BusinessWords", "SourceWords", "Wording", "fixed", "words"]
