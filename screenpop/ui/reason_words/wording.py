"""How a reason code reads: ``Wording`` and the helpers the tables use."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Wording:
    """How one code reads.

    ``text(n)`` is the ``tr()`` call (or, for a sentence of figures and no
    words, ``fixed`` is the pattern itself); ``args`` fill ``%1``, ``%2``...
    (see ``reason_texts`` for ``name@currency``, ``name#date`` and
    ``name~prefix``); ``count`` names the argument that is ``n`` (``%Ln``);
    ``one``: the count is 1 (an English "_one" twin whose template names no
    count). ``text`` and ``fixed`` both None: the one argument is shown as it
    came (a driver's own error, a business's sentence). ``skip`` lists
    template fields the wording does without (the English of an argument it
    words itself, named in ``also``).
    """

    text: Callable[[int], str] | None
    args: tuple[str, ...] = ()
    count: str | None = None
    one: bool = False
    fixed: str | None = None
    skip: tuple[str, ...] = ()
    also: tuple[str, ...] = ()


def words(
    text: Callable[[int], str] | None,
    *args: str,
    count: str | None = None,
    one: bool = False,
    skip: tuple[str, ...] = (),
    also: tuple[str, ...] = (),
) -> Wording:
    """A code's wording: its ``tr()`` call and the arguments for ``%1``, ``%2``..."""
    return Wording(text, args, count, one, None, skip, also)


def fixed(pattern: str, *args: str) -> Wording:
    """Figures and signs, no words: the same in every language."""
    return Wording(None, args, fixed=pattern)


#: The figures of a value tier: "(GBP 30,021.69 ≥ GBP 5,685.07)".
MONEY = ("revenue@currency", "threshold@currency")
