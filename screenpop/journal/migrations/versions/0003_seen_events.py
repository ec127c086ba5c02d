"""Seen events: the replay guard's memory, so it survives a restart.

A webhook request is signed and timestamped and valid for 5 minutes; the
bridge asks the journal whether it has seen the request's key before
(``Journal.remember_event``). Keys are pruned after a retention longer than
that window, so the table stays small.

Revision ID: 0003
Revises: 0002
Create Date: 2026-05-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "seen_events",
        sa.Column("key", sa.String(512), primary_key=True, nullable=False),
        sa.Column("seen_at", sa.Float(), nullable=False),
    )
    op.create_index("ix_seen_events_seen_at", "seen_events", ["seen_at"])


def downgrade() -> None:
    op.drop_index("ix_seen_events_seen_at", table_name="seen_events")
    op.drop_table("seen_events")
