"""SQLite files as sources: never created by a read, and a lock held elsewhere is
given up within the source's own budget, said as "locked".

Through the product's path: the config a user writes, ``screenpop doctor`` and
``screenpop lookup --json`` (``screenpop.cli.main``), a real second process
holding the lock.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from screenpop.cli import main
from tests import sampledb

AINO = "+358401234567"

#: Holds an exclusive lock on the file given until its stdin closes.
HOLD_LOCK = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.read()
db.execute("ROLLBACK")
"""


def write_config(tmp_path: Path, paths: dict[str, Path], **kw: Any) -> Path:
    cfg = tmp_path / "agent.toml"
    cfg.write_text(sampledb.config_text(paths, **kw), encoding="utf-8")
    return cfg


def lookup_json(cfg: Path, number: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    capsys.readouterr()
    assert main(["lookup", number, "--config", str(cfg), "--json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


@pytest.fixture
def paths(tmp_path: Path) -> dict[str, Path]:
    return sampledb.build(tmp_path / "db")


def test_lookup_says_the_file_is_missing_and_never_creates_it(
    tmp_path: Path, paths: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "db" / "credit-typo.sqlite"
    paths = {**paths, "credit": missing}
    card = lookup_json(write_config(tmp_path, paths), AINO, capsys)
    credit = card["sections"]["credit"]
    assert credit["status"] == "unavailable"
    assert credit["reason_code"] == "sql.missing_file"
    assert credit["reason_args"] == {"source": "credit", "path": str(missing)}
    assert credit["error"] == f"credit: the database file {missing} does not exist"
    assert "no such table" not in credit["error"]
    assert card["sections"]["balance"]["status"] == "ok"
    assert not missing.exists()


def test_doctor_says_the_file_is_missing_and_never_creates_it(
    tmp_path: Path, paths: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere" / ".." / "db" / "acct-typo.sqlite"
    paths = {**paths, "acct": missing}
    capsys.readouterr()
    assert main(["doctor", "--config", str(write_config(tmp_path, paths))]) != 0
    out = capsys.readouterr().out
    line = next(ln for ln in out.splitlines() if "source accounting" in ln)
    assert "does not exist" in line
    assert str(missing.resolve()) in line or str(missing.absolute()) in line
    assert "no such table" not in line
    assert "fix the query" not in line  # no advice meant for a driver's error
    assert not missing.exists()
    assert not (tmp_path / "db" / "acct-typo.sqlite").exists()


def test_sources_never_write_the_file(
    tmp_path: Path, paths: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Opened read-only: even a query that tries to write changes nothing."""
    before = paths["credit"].read_bytes()
    card = lookup_json(
        write_config(
            tmp_path,
            paths,
            credit_query="DELETE FROM credit WHERE customer_id = :customer_id RETURNING *",
        ),
        AINO,
        capsys,
    )
    assert card["sections"]["credit"]["status"] == "unavailable"
    assert paths["credit"].read_bytes() == before


@pytest.fixture
def locked_credit(paths: dict[str, Path]) -> Iterator[Path]:
    """The credit file, exclusively locked by another process for the test."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(paths["credit"])],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdin is not None
    try:
        assert holder.stdout.readline().strip() == "locked"
        yield paths["credit"]
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)
        holder.stdout.close()


def test_a_lock_held_elsewhere_is_given_up_within_the_budget_and_said(
    tmp_path: Path,
    paths: dict[str, Path],
    locked_credit: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    card = lookup_json(write_config(tmp_path, paths), AINO, capsys)
    credit = card["sections"]["credit"]
    # The source itself gave up and said why, in time for the card: not the
    # lookup abandoning a pool thread stuck in SQLite's busy handler.
    assert credit["status"] == "timeout", credit
    assert credit["reason_code"] == "sql.locked", credit
    assert "locked by another program" in credit["error"]
    assert "abandoned" not in credit["error"]
    assert credit["reason_args"]["source"] == "credit"
    assert credit["reason_args"]["ms"] > 0
    assert card["sections"]["balance"]["status"] == "ok"
    assert card["sections"]["purchases"]["status"] == "ok"
