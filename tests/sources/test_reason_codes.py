"""Every sentence a source says is a declared code whose English takes its arguments."""

from __future__ import annotations

import string

import pytest

import screenpop.sources.httpget
import screenpop.sources.rest
import screenpop.sources.sql
import screenpop.sources.sqlite  # noqa: F401  (declares its codes)
from screenpop.reasons import CATALOGUE, Reason

CODES = sorted(c for c in CATALOGUE if c.split(".")[0] in ("sql", "rest"))
SAMPLE = {"ms": 800, "size": 123, "limit": 100, "names": ("e164", "tail")}


def test_sources_declare_their_codes() -> None:
    assert "sql.locked" in CODES
    assert "rest.redirect_elsewhere" in CODES
    assert len(CODES) >= 30


@pytest.mark.parametrize("code", CODES)
def test_every_code_reads_as_a_sentence(code: str) -> None:
    names = {f for _, f, _, _ in string.Formatter().parse(CATALOGUE[code]) if f}
    args = {name: SAMPLE.get(name, f"<{name}>") for name in names}
    said = Reason.of(code, **args).text
    assert "{" not in said
    assert "}" not in said
    for name in names:
        assert str(args[name]) in said or name == "names"
