"""What every configuration model is built from: strictness, secret references, queries.

The plugin modules (``screenpop/bridges/plugins``, ``screenpop/sources/plugins``)
and ``schema`` build their models from these, so the rules hold the same way
for every kind: unknown keys are errors, secrets are ``keyring:SERVICE/NAME``
references only, and a query that splices text is refused at load.

Light on purpose: pydantic and the standard library, nothing else. Loading
the configuration must not pay for a database layer, an HTTP client or a
broker library it may never use.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict

SECRET_PREFIX = "keyring:"
_SECRET_REF = re.compile(r"^keyring:[^/\s]+/[^\s]+$")
#: Text splicing in query templates: Python format fields, %-formatting,
#: ``$1``/``${x}`` placeholders, f-string-like braces. Only ``:name`` binds.
_SPLICE = re.compile(r"\{[^}]*\}|%\(?[a-zA-Z_]*\)?[sd]|\$\{?\w+\}?")
_BIND = re.compile(r"(?<![:\w]):([a-zA-Z_]\w*)")
BIND_PARAMS = frozenset({"e164", "national", "digits", "tail", "customer_id", "account", "key"})

SectionName = Literal["balance", "purchases", "credit", "profile", "cases"]
#: Bound parameters of a source's ``open_case`` statement (a case opened from a call).
CASE_PARAMS = frozenset(
    {"case_id", "customer_id", "product", "category", "description", "opened", "call_id", "agent"}
)


class Strict(BaseModel):
    """Unknown keys are errors; values are checked strictly.

    Each field's description is the docstring under it: ``scripts/config_reference.py``
    writes them into the README, and tests/config/test_reference.py fails on a
    key without one. They are read from the source by ``reference``, not by
    pydantic (``use_attribute_docstrings`` inspects stack frames for every
    model and added ~0.1 s to every command's start).
    """

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)


class _SecretMarker:
    """Marks a field whose value is a keyring reference (doctor resolves each one)."""

    def __repr__(self) -> str:
        return "SecretRef"


SECRET_FIELD = _SecretMarker()


def secret_ref(value: str | None, key: str = "") -> str | None:
    """Refuse a plaintext secret; accept ``keyring:SERVICE/NAME`` or nothing.

    The message never repeats the value: it may be the password itself.
    """
    if value is None or value == "":
        return None
    if not _SECRET_REF.match(value):
        who = f"{key} " if key else ""
        raise ValueError(
            f"{who}must be a keyring reference like 'keyring:screenpop/NAME', "
            "not a plaintext secret (store it with `screenpop secret set screenpop/NAME`)"
        )
    return value


#: A secret: ``keyring:SERVICE/NAME`` or absent. The loader names the key in
#: its error, so the message itself does not need to.
SecretRef = Annotated[str | None, SECRET_FIELD, AfterValidator(secret_ref)]


def required_secret_ref(value: str) -> str:
    ref = secret_ref(value)
    if ref is None:
        raise ValueError("is required (keyring:SERVICE/NAME)")
    return ref


#: A secret that must be given.
RequiredSecretRef = Annotated[str, SECRET_FIELD, AfterValidator(required_secret_ref)]


def is_secret_field(model: type[BaseModel], name: str) -> bool:
    return any(m is SECRET_FIELD for m in model.model_fields[name].metadata)


def secret_refs(model: BaseModel, path: str = "") -> Iterator[tuple[str, str]]:
    """(dotted key, reference) for every keyring reference set in ``model``, nested
    models and tuples of them included (``auth.secret``, ``bridge[2].password``)."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        where = f"{path}.{name}" if path else name
        if is_secret_field(type(model), name):
            if value:
                yield where, str(value)
        elif isinstance(value, BaseModel):
            yield from secret_refs(value, where)
        elif isinstance(value, tuple):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from secret_refs(item, f"{where}[{i}]")


def check_query(sql: str | None) -> str | None:
    """Refuse templates that splice text; allow only the known bound names."""
    if sql is None:
        return None
    if _SPLICE.search(sql):
        raise ValueError(
            "query splices text into SQL; use bound parameters "
            f"({', '.join(':' + p for p in sorted(BIND_PARAMS))}) only"
        )
    unknown = set(_BIND.findall(sql)) - BIND_PARAMS
    if unknown:
        raise ValueError(f"unknown bound parameter(s): {', '.join(sorted(unknown))}")
    return sql


#: An SQL template: only ``:name`` bound parameters (see ``BIND_PARAMS``).
Query = Annotated[str | None, AfterValidator(check_query)]

#: Quoted SQL literals and identifiers, blanked before an ``open_case`` statement's
#: shape is read (a ``;`` or ``SELECT`` inside ``'text'`` is data, not SQL).
_LITERAL = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|`[^`]*`")
_INSERT = re.compile(r"^\s*INSERT\s+(?:OR\s+\w+\s+|IGNORE\s+)?INTO\s", re.IGNORECASE)
_NOT_IN_INSERT = re.compile(r";|--|/\*|\bSELECT\b|\bWITH\b", re.IGNORECASE)


def check_insert(sql: str | None) -> str | None:
    """``open_case``: one ``INSERT … VALUES`` with ``:name`` bound parameters, nothing else.

    The statement writes what an agent typed into another department's
    database, so its shape is fixed at load: a single INSERT (no second
    statement, no comment, no SELECT feeding it), the agent's words only ever
    as bound values, and ``:case_id`` among them (the idempotency key that makes
    a replayed write a no-op).
    """
    if sql is None:
        return None
    statement = sql.strip().removesuffix(";")
    if _SPLICE.search(statement):
        raise ValueError(
            "open_case splices text into SQL; use bound parameters "
            f"({', '.join(':' + p for p in sorted(CASE_PARAMS))}) only"
        )
    bare = _LITERAL.sub("''", statement)
    if not _INSERT.match(bare) or not re.search(r"\bVALUES\b", bare, re.IGNORECASE):
        raise ValueError("open_case must be one INSERT INTO … VALUES (…) statement")
    if _NOT_IN_INSERT.search(bare):
        raise ValueError(
            "open_case must be one INSERT … VALUES statement: no ';', comment, SELECT or WITH"
        )
    names = set(_BIND.findall(bare))
    unknown = names - CASE_PARAMS
    if unknown:
        raise ValueError(
            f"unknown bound parameter(s): {', '.join(sorted(unknown))} "
            f"(use {', '.join(':' + p for p in sorted(CASE_PARAMS))})"
        )
    if "case_id" not in names:
        raise ValueError("open_case must bind :case_id (it makes a replayed write a no-op)")
    return statement


#: A source's ``open_case`` SQL (see ``check_insert``).
Insert = Annotated[str | None, AfterValidator(check_insert)]


def check_region(value: str | None) -> str | None:
    """An ISO 3166 region phonenumbers knows (phonenumbers imported on use)."""
    if value is None or value == "":
        return None
    import phonenumbers

    if value.upper() not in phonenumbers.SUPPORTED_REGIONS:
        raise ValueError(f"unknown region {value!r} (use an ISO 3166 code such as GB)")
    return value.upper()
