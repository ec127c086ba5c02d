"""Section views: what each card section looks like once its data is in.

A new kind of section is a module here with its view function and title,
filed with ``base.register``, and its import below. A section without a view
is still shown (``base.generic``).
"""

from screenpop.ui.views import account, cases, history, reorders, sales
from screenpop.ui.views.base import (
    card_currency,
    quiet_when_empty,
    register,
    registered,
    render,
    section_caption,
    section_title,
    tier_text,
)

__all__ = [
    "account",
    "card_currency",
    "cases",
    "history",
    "quiet_when_empty",
    "register",
    "registered",
    "render",
    "reorders",
    "sales",
    "section_caption",
    "section_title",
    "tier_text",
]
