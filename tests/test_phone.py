"""Caller numbers: every way a number is written finds the same E.164."""

from __future__ import annotations

import pytest

from screenpop.phone import mask, normalise

LONDON = "+442079460958"


@pytest.mark.parametrize(
    "received",
    [
        "+44 20 7946 0958",
        "020 7946 0958",
        "020-7946-0958",
        "(020) 7946 0958",
        "0044 20 7946 0958",
        "tel:+44-20-7946-0958",
        "sip:+442079460958@pbx.example;user=phone",
        "sips:02079460958@10.0.0.1:5061",
        "sip:%2B442079460958@pbx",
    ],
)
def test_written_differently_same_e164(received: str) -> None:
    number = normalise(received, "GB")
    assert number.e164 == LONDON
    assert number.national == "2079460958"
    assert number.valid
    assert not number.withheld


def test_region_decides_national_numbers() -> None:
    fi = normalise("040 1234567", "FI")
    assert fi.e164 == "+358401234567"
    assert normalise("040 1234567", "GB").e164 != "+358401234567"


@pytest.mark.parametrize(
    "word",
    [
        "",
        "anonymous",
        "Anonymous",
        "<unknown>",
        "withheld",
        "private",
        "sip:anonymous@anonymous.invalid",
        "restricted",
    ],
)
def test_withheld(word: str) -> None:
    number = normalise(word, "GB")
    assert number.withheld
    assert number.e164 is None
    assert number.params() == {"e164": "", "national": "", "digits": ""}


@pytest.mark.parametrize("junk", ["hello", "1" * 500, "+", "12", "\x00\x01", "sip:@"])
def test_absurd_input_is_invalid_never_raises(junk: str) -> None:
    number = normalise(junk, "GB")
    assert number.e164 is None
    assert not number.valid


def test_digits_are_as_received() -> None:
    assert normalise("0044 20 7946 0958", "GB").digits == "00442079460958"


def test_extension_kept_out_of_e164() -> None:
    number = normalise("tel:+44-20-7946-0958;ext=123", "GB")
    assert number.e164 == LONDON


def test_mask_keeps_last_four_digits() -> None:
    assert mask("+44 20 7946 0958") == "+** ** **** 0958"
    assert mask("12") == "12"


def test_mask_numbers_in_a_driver_message() -> None:
    from screenpop.phone import mask_numbers

    said = 'value "+442079460958" is out of range for type integer (national 2079460958)'
    out = mask_numbers(said, ["+442079460958", "2079460958", "C-100"])
    assert out == 'value "+********0958" is out of range for type integer (national ******0958)'
    # A number the message quotes in a form nobody bound is caught by its length.
    assert mask_numbers("no row for 00442079460958") == "no row for **********0958"
    # Short figures (ports, row counts, times) stay readable.
    kept = "port 5432 refused after 800 ms at 2024-01-31 12:00:00 on 192.168.100.200"
    assert mask_numbers(kept) == kept
