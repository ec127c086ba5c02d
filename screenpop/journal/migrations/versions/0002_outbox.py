"""The outbox: calls waiting to reach the central journal, filled by triggers.

Every INSERT or UPDATE of ``calls`` puts the call id in ``outbox`` from a
trigger, in the same transaction as the change: replication cannot miss a
change whatever code path made it, and a killed app leaves a change and its
entry committed together or not at all. Calls already journaled are queued
too, so a workstation upgraded to this schema sends its history once central
is configured (and one that never configures central keeps one small entry
per call).

Note for later migrations: Alembic's batch mode on SQLite rebuilds a table by
copying it, which drops its triggers; a migration that rebuilds ``calls`` must
create ``calls_outbox_insert`` and ``calls_outbox_update`` again (a test in
tests/journal checks they exist at head).

Revision ID: 0002
Revises: 0001
Create Date: 2025-02-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

#: The triggers, also used by tests to check they exist.
TRIGGERS = {
    "calls_outbox_insert": (
        "CREATE TRIGGER calls_outbox_insert AFTER INSERT ON calls BEGIN "
        "INSERT OR REPLACE INTO outbox (call_id) VALUES (NEW.call_id); END"
    ),
    "calls_outbox_update": (
        "CREATE TRIGGER calls_outbox_update AFTER UPDATE ON calls BEGIN "
        "INSERT OR REPLACE INTO outbox (call_id) VALUES (NEW.call_id); END"
    ),
}


def upgrade() -> None:
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True, nullable=False),
        sa.Column("call_id", sa.String(256), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_outbox_call_id", "outbox", ["call_id"], unique=True)
    op.execute("INSERT INTO outbox (call_id) SELECT call_id FROM calls ORDER BY ringing_at")
    for sql in TRIGGERS.values():
        op.execute(sql)


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("ix_outbox_call_id", table_name="outbox")
    op.drop_table("outbox")
