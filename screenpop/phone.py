"""Caller numbers: from whatever a bridge received to the bound parameters.

Every query sees the same four values (``:e164``, ``:national``, ``:digits``
and, later, ``:customer_id``), so a number written ``020 7946 0958``,
``+44 20 7946 0958``, ``0044...`` or ``sip:+44...@pbx`` finds the same row.
Parsing is done by ``phonenumbers`` (libphonenumber's metadata); we only peel
off URI wrapping and recognise the ways telephony says "withheld".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote

import phonenumbers

#: Caller-ID values that mean "no number": SIP, Asterisk and carriers' words.
WITHHELD_WORDS = frozenset(
    {
        "",
        "anonymous",
        "unknown",
        "<unknown>",
        "withheld",
        "private",
        "restricted",
        "unavailable",
        "blocked",
        "anonymous.invalid",
    }
)
#: Longest input we even try to parse; anything longer is absurd.
MAX_RECEIVED = 64

_URI = re.compile(r"^(?:sips?|tel):", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PhoneNumber:
    """A caller number in every form a source may have stored it."""

    received: str
    e164: str | None
    national: str | None
    digits: str
    valid: bool
    withheld: bool
    region: str | None = None

    def params(self) -> dict[str, str]:
        """Bound parameters for source queries (never spliced into SQL)."""
        return {
            "e164": self.e164 or "",
            "national": self.national or "",
            "digits": self.digits,
        }

    def to_json(self) -> dict[str, object]:
        return {"received": self.received, "e164": self.e164, "valid": self.valid}


def _strip_uri(text: str) -> str:
    """``sip:+44..@host;user=phone`` -> ``+44..``; ``tel:+44-20;ext=1`` -> ``+44-20;ext=1``."""
    if _URI.match(text):
        text = _URI.sub("", text, count=1)
        text = text.split("@", 1)[0]
        # tel: URIs keep ;ext= (phonenumbers understands it); SIP URI params go.
        if ";ext=" not in text.lower():
            text = text.split(";", 1)[0]
    return unquote(text)


def normalise(received: str, region: str) -> PhoneNumber:
    """Normalise ``received`` (as a bridge reported it) for lookups.

    ``region`` is the agent's default region for numbers without a country
    code. Invalid input never raises: it gives ``valid=False`` and no E.164.
    """
    raw = (received or "").strip()
    if raw.lower() in WITHHELD_WORDS or raw.lower().startswith("anonymous@"):
        return PhoneNumber(raw, None, None, "", valid=False, withheld=True)
    raw = raw[:MAX_RECEIVED]
    text = _strip_uri(raw).strip()
    if text.lower() in WITHHELD_WORDS:
        return PhoneNumber(raw, None, None, "", valid=False, withheld=True)
    digits = re.sub(r"\D", "", text.split(";", 1)[0])
    try:
        parsed = phonenumbers.parse(text, region.upper())
    except phonenumbers.NumberParseException:
        return PhoneNumber(raw, None, None, digits, valid=False, withheld=False)
    valid = phonenumbers.is_valid_number(parsed)
    if not valid and not phonenumbers.is_possible_number(parsed):
        return PhoneNumber(raw, None, None, digits, valid=False, withheld=False)
    e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    national = phonenumbers.national_significant_number(parsed)
    return PhoneNumber(
        received=raw,
        e164=e164,
        national=national,
        digits=digits,
        valid=valid,
        withheld=False,
        region=phonenumbers.region_code_for_number(parsed),
    )


def mask(number: str) -> str:
    """For logs: every digit but the last four replaced by ``*``."""
    total = sum(ch.isdigit() for ch in number)
    seen = 0
    out = []
    for ch in number:
        if ch.isdigit():
            seen += 1
            out.append(ch if seen > total - 4 else "*")
        else:
            out.append(ch)
    return "".join(out)


#: A run of digits long enough to be a phone number (or most of one).
_LONG_DIGITS = re.compile(r"\+?\d{7,}")


def mask_numbers(text: str, values: Iterable[str] = ()) -> str:
    """``text`` with ``values`` and every long run of digits masked as ``mask`` does.

    For messages that may echo what a query was given: a database's error
    quotes a bound value (``value "+442079460958" is out of range``), and
    logs, cards and ``doctor`` must never show a caller's number in full.
    ``values`` are masked wherever they occur (longest first, so that an
    E.164 is not half-masked by its national digits); any other run of seven
    or more digits, with or without ``+``, is masked too.
    """
    for value in sorted({v for v in values if v}, key=len, reverse=True):
        masked = mask(value)
        if masked != value:
            text = text.replace(value, masked)
    return _LONG_DIGITS.sub(lambda m: mask(m.group(0)), text)
