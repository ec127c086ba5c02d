"""A legacy customer table the way twenty years of typing left it.

Six countries (gb, fi, ee, lt, se, il). Every number of a country shares its
last seven digits with numbers of the *other* countries (``1234567`` and
``9460958``), so a tail match alone would pop the wrong customer: only the
verification with phonenumbers tells them apart. Rows without a country are
read in the source's home region (``match_region = "GB"``).
"""

from __future__ import annotations

from screenpop.sources.numbers import tail as sql_tail

__all__ = ["CASES", "ROWS", "sql_tail"]

#: customer_id, name, phone as typed, country (None: not recorded)
ROWS: list[tuple[str, str, str, str | None]] = [
    # United Kingdom: +44 20 7946 0958, in every way people write it.
    ("GB-1", "Oliver Brown", "(0)20 7946 0958", "GB"),
    ("GB-1", "Oliver Brown", "020-7946-0958", None),
    ("GB-1", "Oliver Brown", "+44 20 7946 0958", None),
    ("GB-1", "Oliver Brown", "0044 20 7946 0958", None),
    ("GB-2", "Brown & Sons (switchboard)", "020 7946 0958 ext. 12", None),
    ("GB-3", "Brown & Sons (reception)", "+44 (0)20 7946 0958 x 31", "GB"),
    # ... and numbers elsewhere ending in the same seven digits.
    ("GB-9", "Manchester Mills", "0161 946 0958", None),
    ("LT-9", "Vilniaus prekyba", "8 694 60958", "LT"),
    ("IL-9", "Tel Aviv Trading", "03-946-0958", "IL"),
    # Finland: +358 40 123 4567.
    ("FI-1", "Aino Jääskeläinen", "040-123 4567", "FI"),
    ("FI-1", "Aino Jääskeläinen", "+358 (0)40 1234567", None),
    ("FI-2", "Jääskeläinen Oy", "00358 40 123 4567", None),
    ("FI-8", "Mikko Virtanen", "050 123 4567", "FI"),  # same tail, other number
    # Estonia: +372 5123 4567, stored without a country code.
    ("EE-1", "Kadri Tamm", "5123 4567", "EE"),
    # Lithuania: +370 612 34567 with the trunk prefix 8.
    ("LT-1", "Rūta Kazlauskienė", "8 612 34567", "LT"),
    ("LT-1", "Rūta Kazlauskienė", "(8-612) 34567", "LT"),
    # Sweden: +46 70 123 45 67.
    ("SE-1", "Greta Åström", "070-123 45 67", "SE"),
    ("SE-2", "Åström AB", "+46 (0)70 123 45 67", None),
    # Israel: +972 53-123-4567, once without the plus.
    ("IL-1", "Dana Levi", "053-1234567", "IL"),
    ("IL-1", "Dana Levi", "972-53-123-4567", None),
]

#: caller (E.164) -> the customers that, and only that, must match
CASES: dict[str, set[str]] = {
    "+442079460958": {"GB-1", "GB-2", "GB-3"},
    "+441619460958": {"GB-9"},
    "+37069460958": {"LT-9"},
    "+97239460958": {"IL-9"},
    "+358401234567": {"FI-1", "FI-2"},
    "+358501234567": {"FI-8"},
    "+37251234567": {"EE-1"},
    "+37061234567": {"LT-1"},
    "+46701234567": {"SE-1", "SE-2"},
    "+972531234567": {"IL-1"},
    # Same seven digits, nobody's number.
    "+46401234567": set(),  # Malmö 040 ... is not Finland's 040
    "+358451234567": set(),
    "+441179460958": set(),
}
