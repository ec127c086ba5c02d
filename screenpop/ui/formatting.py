"""Money, numbers and dates in the agent's locale (Babel/CLDR).

Agents in Helsinki, Tallinn, Vilnius, Stockholm and Tel Aviv read the same card;
each must see ``1 234,50 €`` or ``‏1,234.50 ₪`` the way their own locale writes
it, in the *customer's* currency. Babel carries CLDR, so the rules live there
and not in this file. Formatting never raises: a value the sources delivered
in an odd shape is shown as text rather than losing the section.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_datetime, format_time
from babel.numbers import format_currency, format_decimal
from PySide6.QtCore import QLocale

from screenpop.money import to_decimal

log = logging.getLogger(__name__)

#: Used when neither the config nor the system names a locale Babel knows
#: (``C``/``POSIX`` on headless boxes); GB matches the config's default region.
FALLBACK_LOCALE = "en_GB"


def system_locale_name() -> str:
    """The desktop's locale as Qt sees it (LANG/LC_ALL on Linux, user settings elsewhere)."""
    return QLocale.system().name()


def resolve_locale(name: str) -> Locale:
    """``fi-FI``/``fi_FI``/empty (= the system's) to a Babel locale, never failing."""
    for candidate in (name or system_locale_name(), FALLBACK_LOCALE):
        text = candidate.replace("-", "_").split(".", 1)[0]
        if not text or text in ("C", "POSIX"):
            continue
        try:
            return Locale.parse(text)
        except (UnknownLocaleError, ValueError):
            log.warning("unknown locale %r; falling back to %s", candidate, FALLBACK_LOCALE)
    return Locale.parse(FALLBACK_LOCALE)


def to_datetime(value: Any) -> dt.datetime | dt.date | None:
    """A date as sources deliver it: date/datetime, ISO text or epoch seconds."""
    if isinstance(value, (dt.datetime, dt.date)):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return dt.datetime.fromtimestamp(float(value))
        except (OverflowError, OSError, ValueError):
            return None
    if isinstance(value, str) and value.strip():
        text = value.strip()
        try:
            parsed = dt.datetime.fromisoformat(text)
        except ValueError:
            return None
        # A bare date stays a date, so no midnight is invented.
        if len(text) <= 10:
            return parsed.date()
        return parsed
    return None


class Formats:
    """Formatting rules of one agent locale; cheap to keep, one per window."""

    def __init__(self, locale_name: str = "") -> None:
        self.locale = resolve_locale(locale_name)

    @property
    def name(self) -> str:
        return str(self.locale)

    @property
    def rtl(self) -> bool:
        """Whether the locale's script runs right to left (Hebrew, Arabic...)."""
        return bool(self.locale.character_order == "right-to-left")

    def money(self, amount: Any, currency: str | None) -> str:
        """``amount`` in ``currency`` (ISO 4217) written the agent's way.

        Without a currency the figure is still shown, with two decimals,
        rather than guessing a symbol that could mislead.
        """
        number = to_decimal(amount)
        if number is None:
            return "" if amount is None else str(amount)
        if currency:
            try:
                return str(format_currency(number, currency.upper(), locale=self.locale))
            except (ValueError, KeyError):
                log.debug("unknown currency %r", currency)
        text = format_decimal(number, format="#,##0.00", locale=self.locale)
        return f"{text} {currency}" if currency else str(text)

    def number(self, value: Any) -> str:
        """A count or quantity with the locale's grouping (``1 234`` / ``1,234``)."""
        number = to_decimal(value)
        if number is None:
            return "" if value is None else str(value)
        return str(format_decimal(number, locale=self.locale))

    def date(self, value: Any) -> str:
        """A calendar date, medium length (``9 Dec 2011``, ``9.12.2011``)."""
        when = to_datetime(value)
        if when is None:
            return "" if value is None else str(value)
        day = when.date() if isinstance(when, dt.datetime) else when
        return str(format_date(day, format="medium", locale=self.locale))

    def when(self, ts: float, now: float | None = None) -> str:
        """A call time for lists: the time today, date and time before today."""
        moment = dt.datetime.fromtimestamp(ts)
        today = dt.datetime.fromtimestamp(now).date() if now else dt.date.today()
        if moment.date() == today:
            return str(format_time(moment, format="short", locale=self.locale))
        return str(format_datetime(moment, format="short", locale=self.locale))
