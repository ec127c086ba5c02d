"""The pop's history and last-known data: a customer's calls by time.

The pop reads a customer's newest calls on every identified card (the
``history`` section when the central journal does not answer) and, when a
department is down, the customer's newest earlier cards. ``(customer_id,
ringing_at)`` answers both by walking one index backwards and stopping after
a few rows; the index on ``customer_id`` alone, which it replaces, made
SQLite read every call of the customer and sort them.

Revision ID: 0005
Revises: 0004
Create Date: 2026-05-20
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_calls_customer_ringing", "calls", ["customer_id", "ringing_at"])
    op.drop_index("ix_calls_customer_id", table_name="calls")


def downgrade() -> None:
    op.create_index("ix_calls_customer_id", "calls", ["customer_id"])
    op.drop_index("ix_calls_customer_ringing", table_name="calls")
