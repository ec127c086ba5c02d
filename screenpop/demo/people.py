"""Invented names and phone numbers for the real demo customers.

The retail data has customer numbers and countries only. A screen pop is
about recognising a caller by number, so every customer needs a phone number
that ``phonenumbers`` accepts as valid *for that customer's country*, and a
name that fits it. Both are derived from the customer number by SHA-256, never
from Python's salted ``hash``, so every machine builds the same demo.

Numbers come from ranges reserved for drama and documentation where a country
has them that libphonenumber also accepts (UK Ofcom 01x1 496 0xxx and
020 7946 0xxx, NANP 555-01xx, Australia 02 5550 xxxx / 04 9157 0xxx, France
01 99 00 xx xx); elsewhere from libphonenumber's own example numbers with the
last digits varied. Each number is unique but for one deliberate pair of UK
customers (a household: same family name) who share a line, so the demo can
show the "several customers match" picker.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneNumberType

from screenpop.demo.names import NAMES, NameList


@dataclass(frozen=True, slots=True)
class Country:
    """How the demo treats customers of one ``Country`` value of the data."""

    #: Phone regions (ISO 3166), chosen per customer by hash when several.
    regions: tuple[str, ...]
    #: Name languages (keys of ``NAMES``), chosen per customer when several.
    languages: tuple[str, ...]
    #: The currency a UK exporter would plausibly invoice this customer in.
    currency: str


_EUR = "EUR"
COUNTRIES: dict[str, Country] = {
    "United Kingdom": Country(("GB",), ("en_GB",), "GBP"),
    # The retailer is British; an unspecified country is most likely home.
    "Unspecified": Country(("GB",), ("en_GB",), "GBP"),
    "Channel Islands": Country(("JE", "GG"), ("en_GB",), "GBP"),
    "EIRE": Country(("IE",), ("en_IE",), _EUR),
    "Germany": Country(("DE",), ("de",), _EUR),
    "France": Country(("FR",), ("fr",), _EUR),
    "Spain": Country(("ES",), ("es",), _EUR),
    "Belgium": Country(("BE",), ("nl", "fr"), _EUR),
    # No such country: an EU institution's buyer, placed in Brussels.
    "European Community": Country(("BE",), ("fr", "nl"), _EUR),
    "Switzerland": Country(("CH",), ("de", "de", "fr", "it"), "CHF"),
    "Portugal": Country(("PT",), ("pt",), _EUR),
    "Italy": Country(("IT",), ("it",), _EUR),
    "Finland": Country(("FI",), ("fi",), _EUR),
    "Austria": Country(("AT",), ("de",), _EUR),
    "Norway": Country(("NO",), ("no",), "NOK"),
    "Australia": Country(("AU",), ("en_AU",), "AUD"),
    "Netherlands": Country(("NL",), ("nl",), _EUR),
    "Japan": Country(("JP",), ("ja",), "JPY"),
    "Sweden": Country(("SE",), ("sv",), "SEK"),
    "Cyprus": Country(("CY",), ("el",), _EUR),
    "Denmark": Country(("DK",), ("da",), "DKK"),
    "Poland": Country(("PL",), ("pl",), "GBP"),
    "Greece": Country(("GR",), ("el",), _EUR),
    "Canada": Country(("CA",), ("en_US", "en_US", "fr"), "USD"),
    "Israel": Country(("IL",), ("he",), "USD"),
    "United Arab Emirates": Country(("AE",), ("ar",), "USD"),
    "USA": Country(("US",), ("en_US",), "USD"),
    "Bahrain": Country(("BH",), ("ar",), "USD"),
    "Malta": Country(("MT",), ("mt",), _EUR),
    "Lithuania": Country(("LT",), ("lt",), _EUR),
    "Iceland": Country(("IS",), ("is",), "GBP"),
    "Singapore": Country(("SG",), ("en_SG",), "USD"),
    "Lebanon": Country(("LB",), ("ar", "fr"), "USD"),
    "Saudi Arabia": Country(("SA",), ("ar",), "USD"),
    "Czech Republic": Country(("CZ",), ("cs",), _EUR),
    "Brazil": Country(("BR",), ("pt",), "USD"),
    "RSA": Country(("ZA",), ("en_ZA",), "GBP"),
}
#: A country the table does not know (new data): a UK customer is the safe guess.
FALLBACK = COUNTRIES["United Kingdom"]

#: Reserved-for-fiction ranges libphonenumber accepts: national significant
#: number prefix and how many digits follow it.
FICTION_RANGES: dict[str, tuple[tuple[str, int], ...]] = {
    # Ofcom's drama numbers (the ones libphonenumber calls valid: it rejects
    # 01632 960xxx, 0115 496 0xxx and 07700 900xxx).
    "GB": (
        ("2079460", 3),
        ("1134960", 3),
        ("1144960", 3),
        ("1164960", 3),
        ("1174960", 3),
        ("1184960", 3),
        ("1214960", 3),
        ("1314960", 3),
        ("1414960", 3),
        ("1514960", 3),
        ("1614960", 3),
        ("1914980", 3),
        ("2896496", 3),
        ("2920180", 3),
    ),
    "US": tuple((f"{area}55501", 2) for area in ("201", "212", "312", "415", "617", "713")),
    "CA": tuple((f"{area}55501", 2) for area in ("416", "514", "604", "613")),
    "AU": (("25550", 4), ("37010", 4), ("4915700", 2)),
    "FR": (("19900", 4),),
}
#: Digits varied at the end of libphonenumber's example numbers elsewhere.
EXAMPLE_VARIED_DIGITS = 4
MAX_TRIES = 2000


@dataclass(frozen=True, slots=True)
class Person:
    """One generated identity for one real customer number."""

    customer_id: str
    name: str
    country: str
    region: str
    language: str
    phone_e164: str
    currency: str


@dataclass(frozen=True, slots=True)
class People:
    """Everyone, plus the two customers who deliberately share a number."""

    by_id: Mapping[str, Person]
    shared: tuple[str, str]


def _h(*parts: str) -> int:
    """A stable integer from text (SHA-256), the same on every machine."""
    return int.from_bytes(hashlib.sha256(":".join(parts).encode("utf-8")).digest()[:8], "big")


def _pick(options: tuple[str, ...], *parts: str) -> str:
    return options[_h(*parts) % len(options)]


def country_profile(country: str) -> Country:
    return COUNTRIES.get(country, FALLBACK)


def _ranges(region: str) -> tuple[tuple[str, int], ...]:
    """Fiction ranges, else prefixes of the example numbers (mobile, fixed)."""
    if region in FICTION_RANGES:
        return FICTION_RANGES[region]
    out: list[tuple[str, int]] = []
    for kind in (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE):
        example = phonenumbers.example_number_for_type(region, kind)
        if example is None:
            continue
        nsn = phonenumbers.national_significant_number(example)
        prefix = nsn[:-EXAMPLE_VARIED_DIGITS]
        if (prefix, EXAMPLE_VARIED_DIGITS) not in out:
            out.append((prefix, EXAMPLE_VARIED_DIGITS))
    if not out:
        raise ValueError(f"no example numbers for region {region}")
    return tuple(out)


def make_number(customer_id: str, region: str, taken: set[str]) -> str:
    """A valid E.164 number of ``region`` for this customer, not in ``taken``.

    Candidates are drawn from the region's ranges by hash of the customer id
    and a counter, so the result depends only on the id and on which numbers
    earlier customers (in sorted order) took.
    """
    ranges = _ranges(region)
    code = phonenumbers.country_code_for_region(region)
    for attempt in range(MAX_TRIES):
        h = _h("phone", customer_id, str(attempt))
        prefix, width = ranges[h % len(ranges)]
        suffix = (h // len(ranges)) % 10**width
        number = phonenumbers.parse(f"+{code}{prefix}{suffix:0{width}d}")
        if not phonenumbers.is_valid_number(number):
            continue
        if phonenumbers.region_code_for_number(number) != region:
            continue  # e.g. a +44 number that libphonenumber places in JE
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        if e164 not in taken:
            return e164
    raise RuntimeError(f"no free {region} number for customer {customer_id}")


def _name_parts(customer_id: str, names: NameList) -> tuple[str, str, bool]:
    """(given name, family name in the right gender, family-first order)."""
    female = _h("gender", customer_id) % 2 == 0
    given = _pick(names.female if female else names.male, "given", customer_id)
    family = _pick(names.family, "family", customer_id)
    male_form, _, female_form = family.partition("/")
    family = (female_form or male_form) if female else male_form
    return given, family, names.family_first


def _full(given: str, family: str, family_first: bool) -> str:
    return f"{family} {given}" if family_first else f"{given} {family}"


def shared_pair(customers: Mapping[str, str]) -> tuple[str, str]:
    """Two UK customers, chosen by hash, who will share one phone line."""
    uk = sorted(
        (cid for cid, country in customers.items() if country == "United Kingdom"),
        key=lambda cid: (_h("shared", cid), cid),
    )
    if len(uk) < 2:
        raise ValueError("the demo needs at least two UK customers for the shared number")
    first, second = sorted(uk[:2])
    return first, second


def make_people(customers: Mapping[str, str]) -> People:
    """Names and numbers for ``customers`` (customer id -> country of the data)."""
    first, second = shared_pair(customers)
    taken: set[str] = set()
    people: dict[str, Person] = {}
    parts: dict[str, tuple[str, str, bool]] = {}
    for cid in sorted(customers):
        country = customers[cid]
        profile = country_profile(country)
        region = _pick(profile.regions, "region", cid)
        language = _pick(profile.languages, "language", cid)
        given, family, family_first = _name_parts(cid, NAMES[language])
        if cid == second:
            # A household: the partner's family name and the same line.
            family = parts[first][1]
            phone = people[first].phone_e164
        else:
            phone = make_number(cid, region, taken)
            taken.add(phone)
        parts[cid] = (given, family, family_first)
        people[cid] = Person(
            customer_id=cid,
            name=_full(given, family, family_first),
            country=country,
            region=region,
            language=language,
            phone_e164=phone,
            currency=profile.currency,
        )
    return People(by_id=people, shared=(first, second))
