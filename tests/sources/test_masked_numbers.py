"""No caller's number in full in any log line, card error or ``doctor`` line.

A database quotes the value it could not take (PostgreSQL: ``value
"+442079460958" is out of range for type integer``; a MariaDB procedure's own
message), and SQLAlchemy logs statements with their parameters at INFO. Every
such message is masked as ``screenpop.phone.mask`` does (all but the last four
digits), checked here against the real servers, through ``screenpop lookup``
and ``screenpop doctor``, with every logger at DEBUG.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from screenpop.cli import main
from tests.sources import backends
from tests.sources.conftest import Db

CALLER = "+442079460958"
#: The number's digits; every five in a row would give away more than the last four.
_DIGITS = CALLER.lstrip("+")
WINDOWS = [_DIGITS[i : i + 5] for i in range(len(_DIGITS) - 4)]

PG_IDENTIFY = (
    "SELECT id AS customer_id, name FROM customers "
    "WHERE id = CAST(CAST(:e164 AS integer) AS varchar)"
)
MARIA_IDENTIFY = "SELECT id AS customer_id, name FROM customers WHERE id = sp_checked(:e164)"
#: A DBA's own check, as ERP databases have them: its message quotes the value.
MARIA_FUNCTION = """
CREATE FUNCTION sp_checked(p VARCHAR(40)) RETURNS VARCHAR(16) DETERMINISTIC
BEGIN
  DECLARE msg VARCHAR(200) DEFAULT CONCAT('value "', p, '" is out of range for type integer');
  SIGNAL SQLSTATE '22003' SET MESSAGE_TEXT = msg;
  RETURN p;
END
"""


def leaks(text_: str) -> list[str]:
    """The parts of the caller's number ``text_`` gives away beyond the last four digits."""
    return [w for w in WINDOWS if w in text_]


def config(tmp_path: Path, db: Db, identify: str) -> Path:
    urls = dict.fromkeys(("accounting", "sales", "credit"), db.url)
    cfg = backends.sql_config(urls).replace(backends.IDENTIFY, identify)
    path = tmp_path / "agent.toml"
    path.write_text(cfg, encoding="utf-8")
    return path


@pytest.fixture(params=["postgresql", "mariadb"])
def broken_identify(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A server whose identify query fails with a message quoting the caller's number."""
    backend = request.param
    db: Db = request.getfixturevalue("pg_db" if backend == "postgresql" else "maria_db")
    backends.load_sample(db.url)
    if backend == "mariadb":
        with db.admin.connect() as conn:
            conn.execute(text(f"USE {db.name}"))
            conn.exec_driver_sql(MARIA_FUNCTION)
    return config(tmp_path, db, PG_IDENTIFY if backend == "postgresql" else MARIA_IDENTIFY)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def logged(caplog: pytest.LogCaptureFixture) -> list[str]:
    out = []
    for record in caplog.records:
        out.append(record.getMessage())
        if record.exc_info:
            out.append(logging.Formatter().formatException(record.exc_info))
    return out


def test_lookup_masks_the_number_in_the_card_and_every_log_line(
    broken_identify: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    # IT debugging a source turns on SQLAlchemy's statement log: still masked.
    caplog.set_level(logging.INFO, logger="sqlalchemy.engine")
    code, out = run(["lookup", CALLER, "--config", str(broken_identify), "--json"], capsys)
    assert code == 0
    card: dict[str, Any] = json.loads(out[: out.rindex("}") + 1])
    # The failure is said (which source, why), with the number masked.
    assert card["customer"] is None
    failed = card["identify_failed"][0]
    assert failed["source"] == "accounting"
    assert "out of range" in failed["error"]
    assert "+********0958" in failed["error"]
    assert failed["reason_code"] == "sql.driver"
    # (The card's own "number" is the agent's to see: it is not an error.)
    everything = [json.dumps(f) for f in card["identify_failed"]]
    everything += [json.dumps(s) for s in card["sections"].values()]
    everything += logged(caplog)
    assert any("+********0958" in line for line in logged(caplog))  # logged, masked
    for line in everything:
        assert not leaks(line), line


def test_doctor_masks_the_number(
    broken_identify: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import phonenumbers

    # doctor tries the region's example number; make it our caller's.
    monkeypatch.setattr(
        phonenumbers, "example_number", lambda _region: phonenumbers.parse(CALLER, None)
    )
    caplog.set_level(logging.DEBUG)
    code, out = run(["doctor", "--config", str(broken_identify)], capsys)
    assert code != 0
    line = next(ln for ln in out.splitlines() if "source accounting" in ln)
    assert "out of range" in line
    assert "+********0958" in line
    for said in [out, *logged(caplog)]:
        assert not leaks(said), said
