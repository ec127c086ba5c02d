"""``screenpop lookup --json`` is strict JSON whatever a back-office holds.

A balance row holding ``1e999`` (SQLite keeps it as infinity), a REST answer
with ``NaN`` or ``Infinity`` and a BLOB column each made the card say
something no strict parser accepts (``Infinity``, ``NaN``, mojibake). The
source refuses such a value at its edge, naming the column or field; the
section is unavailable with that reason, and every other section still
answers.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from screenpop.cli import main
from tests import sampledb
from tests.sources import backends
from tests.sources.conftest import RestServer

AINO = "+358401234567"


def strict(text: str) -> Any:
    """What any strict JSON parser does with NaN and Infinity: refuse."""

    def refuse(constant: str) -> Any:
        raise ValueError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


def lookup(cfg: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    capsys.readouterr()
    assert main(["lookup", AINO, "--config", str(cfg), "--json"]) == 0
    return strict(capsys.readouterr().out)  # type: ignore[no-any-return]


def sqlite_card(tmp_path: Path, capsys: pytest.CaptureFixture[str], sql: str) -> dict[str, Any]:
    paths = sampledb.build(tmp_path / "db")
    with sqlite3.connect(paths["acct"]) as db:
        db.execute(sql)
    db.close()
    cfg = tmp_path / "agent.toml"
    cfg.write_text(sampledb.config_text(paths), encoding="utf-8")
    return lookup(cfg, capsys)


@pytest.mark.parametrize("number", ["1e999", "-1e999"])
def test_sqlite_infinity_is_refused_by_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], number: str
) -> None:
    card = sqlite_card(
        tmp_path, capsys, f"UPDATE ar SET overdue = {number} WHERE customer_id = 'C-100'"
    )
    balance = card["sections"]["balance"]
    assert balance["status"] == "unavailable"
    assert balance["reason_code"] == "sql.not_finite"
    assert balance["reason_args"]["column"] == "overdue"
    assert "column overdue holds" in balance["error"]
    assert "data" not in balance
    assert card["sections"]["purchases"]["status"] == "ok"


def test_sqlite_blob_is_refused_by_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    card = sqlite_card(
        tmp_path, capsys, "UPDATE ar SET currency = X'00FFFE80' WHERE customer_id = 'C-100'"
    )
    balance = card["sections"]["balance"]
    assert balance["status"] == "unavailable"
    assert balance["reason_code"] == "sql.blob"
    assert balance["error"] == "accounting: column currency holds binary data (a BLOB), not text"
    assert "\ufffd" not in json.dumps(card, ensure_ascii=False)


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_rest_non_finite_is_refused_by_field(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    rest_server: RestServer,
    number: str,
) -> None:
    cfg = tmp_path / "agent.toml"
    cfg.write_text(
        backends.rest_config(rest_server.base, credit_path=f"/nonfinite?v={number}"),
        encoding="utf-8",
    )
    card = lookup(cfg, capsys)
    credit = card["sections"]["credit"]
    assert credit["status"] == "unavailable"
    assert credit["reason_code"] == "rest.not_finite"
    assert credit["reason_args"]["field"] == "limit"
    assert credit["reason_args"]["value"] == number
    assert f"answered {number} at limit" in credit["error"]
    assert card["sections"]["balance"]["status"] == "ok"


def test_rest_non_finite_nested_in_an_unmapped_answer_is_named_by_path(
    rest_server: RestServer,
) -> None:
    from screenpop.config.schema import RestSource as RestConfig
    from screenpop.sources.base import SourceError
    from screenpop.sources.rest import RestSource

    cfg = RestConfig(
        name="credit",
        kind="rest",
        section="credit",
        query=rest_server.base + "/nonfinite?v=NaN",
    )
    with pytest.raises(SourceError) as err:
        RestSource(cfg).fetch({"customer_id": "C-100"})
    assert err.value.reason is not None
    assert err.value.reason.arguments["field"] == "credit.limit"
