"""The schema: Alembic migrations and the models agree, and start-up skips Alembic at head."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect

from screenpop.journal import Journal
from screenpop.journal.models import SCHEMA_HEAD, Base
from screenpop.journal.stats import compute
from screenpop.journal.store import MIGRATIONS_DIR


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def test_schema_head_constant_matches_scripts() -> None:
    # The fast path trusts SCHEMA_HEAD; a new revision must bump it.
    assert ScriptDirectory.from_config(_config()).get_current_head() == SCHEMA_HEAD


def test_migrations_are_shipped_in_the_package() -> None:
    assert (MIGRATIONS_DIR / "env.py").is_file()
    assert list((MIGRATIONS_DIR / "versions").glob("0001_*.py"))


def test_models_and_migrations_agree(journal_path: Path) -> None:
    Journal(journal_path).close()
    engine = create_engine(f"sqlite:///{journal_path}")
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
            assert context.get_current_revision() == SCHEMA_HEAD
            names = {ix["name"] for ix in inspect(conn).get_indexes("calls")}
            assert {
                "ix_calls_ringing_at",
                "ix_calls_number_e164",
                "ix_calls_customer_ringing",
            } <= names
    finally:
        engine.dispose()


def test_downgrade_and_upgrade_again(journal_path: Path) -> None:
    Journal(journal_path).close()
    engine = create_engine(f"sqlite:///{journal_path}")
    config = _config()
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "base")
        with engine.connect() as conn:
            assert set(inspect(conn).get_table_names()) == {"alembic_version"}
    finally:
        engine.dispose()
    # An empty (downgraded) journal is brought back to head on open.
    with Journal(journal_path) as journal:
        assert journal.recent() == []
    engine = create_engine(f"sqlite:///{journal_path}")
    try:
        with engine.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == SCHEMA_HEAD
    finally:
        engine.dispose()


def _open_in_fresh_interpreter(path: Path, repo_root: Path) -> str:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from screenpop.journal import Journal\n"
        "Journal(Path(sys.argv[1])).close()\n"
        "print('alembic' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        cwd=repo_root,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout.strip()


def test_open_at_head_does_not_import_alembic(journal_path: Path, repo_root: Path) -> None:
    assert _open_in_fresh_interpreter(journal_path, repo_root) == "True"  # new: migrates
    assert _open_in_fresh_interpreter(journal_path, repo_root) == "False"  # at head: fast path


def _old_call(conn: Any, call_id: str, failed: list[str], crosssell_error: str) -> None:
    """A call as screenpop journaled it before unconfigured sections left the card."""
    card = {
        "sections": {
            "cross_sells": {"status": "unavailable", "error": crosssell_error},
            "credit": {"status": "timeout", "error": "no answer in 800 ms"},
        }
    }
    conn.exec_driver_sql(
        "INSERT INTO calls (call_id, bridge, number_received, caller_name, called, state, "
        "ringing_at, answered_elsewhere, matches, failed_sections, card_json, updated_at) "
        "VALUES (?, '', '', '', '', 'ended', 1.0, 0, 1, ?, ?, 1.0)",
        (call_id, json.dumps(failed), json.dumps(card)),
    )


def test_unconfigured_crosssell_is_no_longer_a_failure_in_history(journal_path: Path) -> None:
    """Migration 0004: rows journaled while no model was configured stop counting as failed."""
    Journal(journal_path).close()
    engine = create_engine(f"sqlite:///{journal_path}")
    config = _config()
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0003")
            not_configured = "no cross-sell model; run `screenpop crosssell build`"
            _old_call(conn, "only-crosssell", ["cross_sells"], not_configured)
            _old_call(conn, "and-credit", ["cross_sells", "credit"], not_configured)
            _old_call(conn, "model-broken", ["cross_sells"], "cross-sell model unusable: bad")
    finally:
        engine.dispose()
    with Journal(journal_path) as journal:
        assert journal.get("only-crosssell").failed_sections == ()  # type: ignore[union-attr]
        assert journal.get("and-credit").failed_sections == ("credit",)  # type: ignore[union-attr]
        # A model that was configured and failed is a failure.
        assert journal.get("model-broken").failed_sections == ("cross_sells",)  # type: ignore[union-attr]
        with journal.reader() as conn:
            [stats] = compute(conn, dialect="sqlite")
        assert stats.failed_calls == 2
        # The corrected rows go to the central journal like any change.
        assert {p.call_id for p in journal.pending()} >= {"only-crosssell", "and-credit"}
