"""What the demo's service desk knows about products: kinds, warranties, faults.

The data of ``screenpop.demo.service``: how a kind of product is recognised
from its catalogue description, the warranty it carries, the ways it fails
(weighted) and the words a service agent writes for each, and how a closed
case ended. English, as a British service desk would write them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The fault categories of the demo's config (``[cases] fault_categories``):
#: generated cases use the same words as the ones an agent opens.
FAULT_CATEGORIES = ("Does not work", "Damaged on arrival", "Missing parts", "Wrong item", "Other")
DOES_NOT_WORK, DAMAGED, MISSING, WRONG, OTHER = FAULT_CATEGORIES
OPEN, IN_PROGRESS, WAITING, CLOSED = "open", "in progress", "waiting for parts", "closed"


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of product: how it is recognised, its warranty, and how it fails.

    ``faults`` maps a fault category to the descriptions a service agent
    writes for it; a category repeats its weight times (how often it is the
    complaint for this kind).
    """

    name: str
    words: frozenset[str]
    phrases: tuple[str, ...]
    #: Warranty from the purchase date; None: sold without a stated warranty.
    warranty_days: int | None
    faults: tuple[tuple[str, int, tuple[str, ...]], ...]


KINDS: tuple[Kind, ...] = (
    Kind(
        "clocks, radios and scales",
        frozenset({"CLOCK", "RADIO", "SCALES"}),
        (),
        730,
        (
            (
                DOES_NOT_WORK,
                5,
                (
                    "Stopped keeping time after a few weeks; a new battery did not help.",
                    "Alarm does not ring at the set time.",
                    "Hands catch on each other and the clock stops at twenty past.",
                    "Display stays blank with fresh batteries.",
                ),
            ),
            (
                DAMAGED,
                2,
                (
                    "Glass front cracked when unpacked.",
                    "Case dented in transit; the box was crushed.",
                ),
            ),
            (MISSING, 1, ("Battery cover missing from the box.", "No wall fixing in the pack.")),
            (WRONG, 1, ("Received a different colour from the one ordered.",)),
            (OTHER, 1, ("Ticks much louder than described; customer asks for an exchange.",)),
        ),
    ),
    Kind(
        "electric lights",
        frozenset({"LIGHTS", "LAMP", "LED", "TORCH", "LIGHT"}),
        (),
        365,
        (
            (
                DOES_NOT_WORK,
                5,
                (
                    "Half of the string stays dark.",
                    "Switch is broken: the light will not turn on.",
                    "Flickers and goes out after a few minutes.",
                ),
            ),
            (DAMAGED, 2, ("Shade cracked in the box.", "Two bulbs broken on arrival.")),
            (MISSING, 1, ("Adaptor missing from the box.",)),
            (WRONG, 1, ("Warm white ordered, cool white delivered.",)),
        ),
    ),
    Kind(
        "furniture",
        frozenset({"CABINET", "SHELF", "STOOL", "TABLE", "CHAIR", "TROLLEY", "DRAWERS"}),
        (),
        365,
        (
            (
                DOES_NOT_WORK,
                2,
                (
                    "Door hinge came loose; the door no longer closes.",
                    "Drawer runner broke; the drawer drops out.",
                ),
            ),
            (
                DAMAGED,
                3,
                ("Glass door cracked in transit.", "Leg bent and top scratched on arrival."),
            ),
            (MISSING, 3, ("Screws and fixings missing.", "One shelf missing from the pack.")),
            (WRONG, 1, ("Delivered in cream; customer ordered red.",)),
        ),
    ),
    Kind(
        "tableware and kitchen",
        frozenset(
            {
                "MUG",
                "TEAPOT",
                "BOWL",
                "JAR",
                "PLATE",
                "PLATES",
                "CUP",
                "CUPS",
                "TEACUP",
                "JUG",
                "DISH",
                "CAKESTAND",
                "TUMBLER",
                "BEAKER",
            }
        ),
        ("CAKE STAND",),
        183,
        (
            (
                DOES_NOT_WORK,
                1,
                ("Lid does not seal; the jar lets air in.", "Handle came off in use."),
            ),
            (
                DAMAGED,
                4,
                (
                    "Arrived chipped.",
                    "Two of the set arrived broken.",
                    "Hairline crack found when unpacked.",
                ),
            ),
            (WRONG, 1, ("Different pattern from the one ordered.",)),
            (OTHER, 1, ("Glaze crazed after a few washes.",)),
        ),
    ),
    Kind(
        "bags and textiles",
        frozenset({"CUSHION", "APRON", "PURSE", "SHOPPER", "TOTE", "UMBRELLA", "DOORMAT"}),
        ("LUNCH BAG", "JUMBO BAG", "HOT WATER BOTTLE", "SHOPPING BAG"),
        183,
        (
            (
                DOES_NOT_WORK,
                2,
                (
                    "Zip broke after a week.",
                    "Handle stitching came apart.",
                    "Leaks at the stopper.",
                ),
            ),
            (DAMAGED, 1, ("Stained when unpacked.",)),
            (WRONG, 2, ("Wrong design delivered.", "Received the small size; ordered the large.")),
            (OTHER, 1, ("Colour ran in the first wash.",)),
        ),
    ),
    Kind(
        "jewellery",
        frozenset({"NECKLACE", "BRACELET", "EARRINGS", "BROOCH"}),
        (),
        183,
        (
            (DOES_NOT_WORK, 2, ("Clasp does not close.", "Stones fall out of the setting.")),
            (DAMAGED, 2, ("Chain snapped in the packaging.",)),
            (MISSING, 1, ("Only one earring in the pack.",)),
            (WRONG, 1, ("Gold ordered, silver delivered.",)),
        ),
    ),
    Kind(
        "gifts and decorations",
        frozenset(),
        (),
        None,
        (
            (DAMAGED, 3, ("Several pieces broken in the box.", "Box crushed; contents bent.")),
            (MISSING, 1, ("Pack short: fewer pieces than on the label.",)),
            (WRONG, 2, ("Wrong design delivered.", "Different item from the one ordered.")),
            (OTHER, 1, ("Not as pictured in the catalogue.",)),
        ),
    ),
)
#: Resolution of a closed case, by fault category (in warranty or without one).
RESOLUTIONS = {
    DOES_NOT_WORK: ("Replaced", "Repaired", "Refunded"),
    DAMAGED: ("Replaced", "Refunded"),
    MISSING: ("Missing parts sent",),
    WRONG: ("Exchanged", "Refunded"),
    OTHER: ("Refunded", "Goodwill voucher"),
}
OUT_OF_WARRANTY = "Declined: outside warranty"

_WORD = re.compile(r"[^A-Z0-9-]+")


def kind_of(description: str) -> Kind:
    """The kind of a product from its catalogue description (the last kind catches all)."""
    upper = description.upper()
    words = set(_WORD.split(upper))
    spaced = " " + " ".join(upper.split()) + " "
    for kind in KINDS[:-1]:
        if words & kind.words or any(f" {p} " in spaced for p in kind.phrases):
            return kind
    return KINDS[-1]
