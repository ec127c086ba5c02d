"""Generated names and numbers: valid for the country, unique but for one pair."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import phonenumbers
import pytest

from screenpop.demo.build import DATA_DIR
from screenpop.demo.names import NAMES
from screenpop.demo.people import COUNTRIES, People, make_number, make_people

from .conftest import read_rows


@pytest.fixture(scope="module")
def customers() -> dict[str, str]:
    return {r[0]: r[1] for r in read_rows(DATA_DIR / "customers.csv.gz")[1:]}


@pytest.fixture(scope="module")
def people(customers: dict[str, str]) -> People:
    return make_people(customers)


def test_every_customer_has_a_valid_number_of_their_country(
    people: People, customers: dict[str, str]
) -> None:
    assert set(people.by_id) == set(customers)
    for cid, person in people.by_id.items():
        number = phonenumbers.parse(person.phone_e164)
        assert phonenumbers.is_valid_number(number), (cid, person.phone_e164)
        region = phonenumbers.region_code_for_number(number)
        assert region == person.region, (cid, person.phone_e164)
        assert region in COUNTRIES[customers[cid]].regions, (cid, customers[cid], region)
        assert phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) == (
            person.phone_e164
        )


def test_numbers_unique_except_the_household_pair(people: People) -> None:
    counts = Counter(p.phone_e164 for p in people.by_id.values())
    shared = [number for number, n in counts.items() if n > 1]
    assert len(shared) == 1
    assert counts[shared[0]] == 2
    first, second = (people.by_id[cid] for cid in people.shared)
    assert first.phone_e164 == second.phone_e164 == shared[0]
    assert first.country == second.country == "United Kingdom"
    assert first.name.split()[-1] == second.name.split()[-1]  # one family


def test_deterministic(customers: dict[str, str], people: People) -> None:
    assert make_people(dict(reversed(list(customers.items())))) == people


def test_uk_numbers_are_drama_numbers(people: People) -> None:
    uk = [p.phone_e164 for p in people.by_id.values() if p.region == "GB"]
    assert len(uk) > 3000
    # Ofcom's drama ranges, written out independently of people.py.
    drama = re.compile(r"^\+44(2079460|11[34678]4960|1[2-6]14960|1914980|2896496|2920180)\d{3}$")
    assert all(drama.match(n) for n in uk)


def script_of(text: str) -> set[str]:
    return {unicodedata.name(ch).split()[0] for ch in text if ch.isalpha()}


def test_names_fit_the_country(people: People) -> None:
    by_country: dict[str, list[str]] = {}
    for p in people.by_id.values():
        by_country.setdefault(p.country, []).append(p.name)
    assert all(script_of(n) == {"HEBREW"} for n in by_country["Israel"])
    assert all(script_of(n) == {"GREEK"} for n in by_country["Greece"] + by_country["Cyprus"])
    assert all(script_of(n) <= {"CJK", "HIRAGANA"} for n in by_country["Japan"])
    assert all(script_of(n) == {"ARABIC"} for n in by_country["United Arab Emirates"])
    assert all(script_of(n) == {"LATIN"} for n in by_country["United Kingdom"])
    finnish = set(NAMES["fi"].family)
    assert all(n.split()[-1] in finnish for n in by_country["Finland"])


def test_gendered_family_names_agree() -> None:
    lt = NAMES["lt"]
    customers = {str(20000 + i): "Lithuania" for i in range(60)}
    for person in make_people(
        {**customers, "1": "United Kingdom", "2": "United Kingdom"}
    ).by_id.values():
        if person.country != "Lithuania":
            continue
        given, family = person.name.split(" ", 1)
        if given in lt.female:
            assert family.endswith("ienė"), person.name
        else:
            assert given in lt.male, person.name
            assert not family.endswith("ienė"), person.name


def test_diacritics_survive() -> None:
    assert "Jääskeläinen" in NAMES["fi"].family
    assert "Åström" in NAMES["sv"].family
    assert "Kazlauskas/Kazlauskienė" in NAMES["lt"].family


def test_unknown_country_falls_back_to_uk() -> None:
    people = make_people({"1": "United Kingdom", "2": "United Kingdom", "3": "Atlantis"})
    assert people.by_id["3"].region == "GB"


def test_make_number_avoids_taken() -> None:
    first = make_number("x", "FI", set())
    second = make_number("x", "FI", {first})
    assert first != second
    assert phonenumbers.is_valid_number(phonenumbers.parse(second))


def test_needs_two_uk_customers() -> None:
    with pytest.raises(ValueError, match="two UK customers"):
        make_people({"1": "United Kingdom", "2": "France"})
