"""Secrets come only from the OS keyring, named ``keyring:SERVICE/NAME``.

The resolved value is handed straight to the driver that needs it and never
logged; errors name the reference, never the secret.
"""

from __future__ import annotations

import keyring
import keyring.errors

from screenpop.config.fields import SECRET_PREFIX


class SecretError(Exception):
    """A referenced secret is missing or the keyring cannot be used."""


def split_ref(ref: str) -> tuple[str, str]:
    """``keyring:screenpop/erp-db`` (or ``screenpop/erp-db``) -> service, name."""
    body = ref.removeprefix(SECRET_PREFIX)
    service, sep, name = body.partition("/")
    if not sep or not service or not name:
        raise SecretError(f"{ref!r} is not SERVICE/NAME")
    return service, name


def backend_name() -> str:
    kr = keyring.get_keyring()
    return f"{type(kr).__module__}.{type(kr).__name__}"


def resolve(ref: str) -> str:
    service, name = split_ref(ref)
    try:
        value = keyring.get_password(service, name)
    except keyring.errors.KeyringError as exc:
        raise SecretError(
            f"cannot read {SECRET_PREFIX}{service}/{name}: keyring backend {backend_name()} "
            f"failed ({type(exc).__name__})"
        ) from None
    if value is None:
        raise SecretError(
            f"secret {SECRET_PREFIX}{service}/{name} is not in the keyring "
            f"({backend_name()}); store it with `screenpop secret set {service}/{name}`"
        )
    return value


def store(ref: str, value: str) -> None:
    service, name = split_ref(ref)
    if not value:
        raise SecretError("refusing to store an empty secret")
    try:
        keyring.set_password(service, name, value)
    except keyring.errors.KeyringError as exc:
        raise SecretError(
            f"cannot store {service}/{name}: keyring backend {backend_name()} failed: {exc}"
        ) from None
