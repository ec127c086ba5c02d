"""Secrets resolve from the keyring and errors name the reference, never the value."""

from __future__ import annotations

import pytest

from screenpop.config.secrets import SecretError, resolve, store


def test_round_trip(memory_keyring: dict[tuple[str, str], str]) -> None:
    store("keyring:screenpop/erp-db", "s3cret")
    assert memory_keyring[("screenpop", "erp-db")] == "s3cret"
    assert resolve("keyring:screenpop/erp-db") == "s3cret"


def test_missing_secret_names_it(memory_keyring: dict[tuple[str, str], str]) -> None:
    with pytest.raises(
        SecretError, match=r"keyring:screenpop/nope is not in the keyring.*secret set"
    ):
        resolve("keyring:screenpop/nope")


def test_empty_secret_refused(memory_keyring: dict[tuple[str, str], str]) -> None:
    with pytest.raises(SecretError, match="empty"):
        store("screenpop/x", "")
    assert memory_keyring == {}
