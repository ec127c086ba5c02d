"""Matching phone numbers people typed into back-offices over twenty years.

Legacy rows hold ``(0)20 7946 0958``, ``020-7946-0958``, ``+44 20 7946 0958``,
``0044 20 7946 0958``, ``020 7946 0958 ext. 12`` or a national number with no
country code at all. No SQL expression turns those into E.164 (that needs
libphonenumber's per-country rules), so matching is split in two:

1. **Narrow, in the database, with an index.** The DBA adds a column holding
   the last :data:`TAIL_DIGITS` digits of the stored number, extension removed
   (``installers/sources/phone_tail.*.sql`` for PostgreSQL, MariaDB/MySQL and
   SQLite), indexes it, and the ``identify`` query compares it with ``:tail``.
   Those digits are the same however the number was written (country code,
   trunk ``0``, ``(0)``, separators all sit in front of them), so an indexed
   equality finds every candidate without a table scan.
2. **Verify, here, with phonenumbers.** The tail is shared by numbers in other
   countries and other area codes, so each candidate's stored text is parsed
   (in the row's own country if the source has one, else the configured or
   the caller's region) and kept only when its E.164 equals the caller's. That
   rejects the false positives a suffix match alone would let through.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Protocol

import phonenumbers

from screenpop.card import Match

#: Digits compared in the database. Seven is the shortest national number in
#: common use in the countries we serve (Estonian landlines), and long enough
#: that a tail is shared by few rows.
TAIL_DIGITS = 7

#: Extension markers as people type them; everything from the marker on is
#: not part of the number. Mirrors the SQL in installers/sources/.
_EXTENSION = re.compile(r"(?:ext\.?|extn\.?|x|#|;ext=|доб\.?).*$", re.IGNORECASE | re.DOTALL)
_NON_DIGIT = re.compile(r"\D")


def tail(text: str, n: int = TAIL_DIGITS) -> str:
    """Last ``n`` digits of a number with any extension cut off.

    Applied to both sides: the caller's national number here, and the stored
    text by the DBA's generated column (same rule, written in SQL).
    """
    number = _EXTENSION.sub("", text or "")
    return _NON_DIGIT.sub("", number)[-n:]


def to_e164(stored: str, region: str | None) -> str | None:
    """The E.164 form of a stored legacy number, or ``None`` if it is not one.

    ``region`` interprets numbers stored without a country code. A number
    typed as its international digits without the ``+`` (``44 20 7946 0958``)
    is tried as international too, but only accepted when valid.
    """
    text = (stored or "").strip()
    if not text:
        return None
    candidates: list[phonenumbers.PhoneNumber] = []
    try:
        candidates.append(phonenumbers.parse(text, (region or "ZZ").upper()))
    except phonenumbers.NumberParseException:
        pass
    if not candidates or not phonenumbers.is_valid_number(candidates[0]):
        digits = _NON_DIGIT.sub("", _EXTENSION.sub("", text))
        if digits and not text.lstrip().startswith("+"):
            try:
                candidates.append(phonenumbers.parse("+" + digits, None))
            except phonenumbers.NumberParseException:
                pass
    for parsed in candidates:
        if phonenumbers.is_valid_number(parsed):
            return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))
    return None


def same_number(stored: str, region: str | None, e164: str) -> bool:
    """Whether the stored text is the caller's number (extension ignored)."""
    return bool(e164) and to_e164(stored, region) == e164


def with_derived(params: Mapping[str, str]) -> dict[str, str]:
    """Bound parameters plus the ones derived here (``tail``), never overriding."""
    out = dict(params)
    if "tail" not in out:
        out["tail"] = tail(out.get("national") or out.get("digits") or "")
    return out


class _MatchConfig(Protocol):
    @property
    def match_phone(self) -> str | None: ...
    @property
    def match_country(self) -> str | None: ...
    @property
    def match_region(self) -> str | None: ...


def keep_match(row: Mapping[str, Any], cfg: _MatchConfig, params: Mapping[str, str]) -> bool:
    """Whether an identify row really is the caller (always, unless ``match_phone``).

    The row's stored number is read in the row's own country
    (``match_country``), else the source's ``match_region``, else the caller's
    region; rows whose number is not the caller's are dropped.
    """
    if not cfg.match_phone:
        return True
    e164 = params.get("e164") or ""
    if not e164:
        return False  # nothing to verify against: never guess
    stored = row.get(cfg.match_phone)
    if stored is None:
        return False
    region: str | None = None
    if cfg.match_country:
        country = row.get(cfg.match_country)
        region = str(country).strip().upper() if country else None
    region = region or cfg.match_region or _caller_region(e164)
    return same_number(str(stored), region, e164)


def _caller_region(e164: str) -> str | None:
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return None
    region = phonenumbers.region_code_for_number(parsed)
    return str(region) if region else None


def unique(matches: list[Match]) -> list[Match]:
    """One match per customer: legacy tables hold a customer once per number."""
    seen: dict[str, Match] = {}
    for m in matches:
        seen.setdefault(m.customer_id, m)
    return list(seen.values())
