"""The customer's page in the CRM or ERP, worked out from the card: ``[crm] open_url``
and each source's ``open_url``.

Qt-free so that what a link says is decided (and tested) in one place: each
field's value is URL-encoded whole (``/``, ``?``, ``&``, ``#`` included), so
a customer id like ``17/850&x=1`` can never reach another page or add a
parameter; the scheme and host are the template's own, checked at load
(``config/relationship.py``: http and https only). The front end only opens
what this hands it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from screenpop.card import Card

_FIELD = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True, slots=True)
class Link:
    """One page to open: ``source`` is the source's name, or "" for ``[crm]``'s."""

    source: str
    url: str


@dataclass(frozen=True, slots=True)
class CrmLinks:
    """The configured link templates, and the choice to open one on answer."""

    templates: tuple[Link, ...] = ()
    extension: str = ""
    open_on_answer: bool = False

    @classmethod
    def from_config(cls, config: Any) -> CrmLinks:
        """``[crm] open_url`` first, then each ``[[source]]``'s, in config order."""
        templates = []
        if config.crm.open_url:
            templates.append(Link("", config.crm.open_url))
        templates += [Link(s.name, s.open_url) for s in config.source if s.open_url]
        return cls(tuple(templates), config.agent.extension, config.crm.open_on_answer)

    def __bool__(self) -> bool:
        return bool(self.templates)

    def links(self, card: Card | None) -> tuple[Link, ...]:
        """Every configured page of the card's customer (none without a customer)."""
        if card is None or card.customer is None or not card.customer.customer_id:
            return ()
        values = {
            "customer_id": card.customer.customer_id,
            "name": card.customer.name,
            "number": card.number.e164 or card.number.digits,
            "extension": self.extension,
        }
        return tuple(Link(t.source, expand(t.url, values)) for t in self.templates)

    def on_answer(self, card: Card | None) -> Link | None:
        """The page to open when the agent answers (``open_on_answer``), if any."""
        if not self.open_on_answer:
            return None
        links = self.links(card)
        return links[0] if links else None


def expand(template: str, values: dict[str, str] | Sequence[tuple[str, str]]) -> str:
    """``template`` with each ``{field}`` replaced by its value, URL-encoded whole."""
    found = dict(values)
    return _FIELD.sub(lambda m: quote(found.get(m.group(1), ""), safe=""), template)
