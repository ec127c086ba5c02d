"""The case outbox: cases opened from a call, kept until the service desk has them.

A case the agent opens is written here first, durably, then sent by the
case writer; ``landed_at`` is set once the service desk has it. Nothing
else in the journal changes.

(0006 follows 0004 on this branch: 0005 belongs to the contact-history work
and is chained in when both are merged.)

Revision ID: 0006
Revises: 0004
Create Date: 2026-06-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_outbox",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(64), nullable=False),
        sa.Column("call_id", sa.String(256), nullable=False),
        sa.Column("customer_id", sa.String(256), nullable=False),
        sa.Column("source", sa.String(256), nullable=False),
        sa.Column("product", sa.String(256), nullable=False),
        sa.Column("category", sa.String(256), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("opened", sa.String(40), nullable=False),
        sa.Column("agent", sa.String(256), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_try_at", sa.Float(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("landed_at", sa.Float(), nullable=True),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_case_outbox_case_id", "case_outbox", ["case_id"], unique=True)
    op.create_index("ix_case_outbox_customer_id", "case_outbox", ["customer_id"])
    op.create_index("ix_case_outbox_landed_at", "case_outbox", ["landed_at"])


def downgrade() -> None:
    op.drop_index("ix_case_outbox_landed_at", table_name="case_outbox")
    op.drop_index("ix_case_outbox_customer_id", table_name="case_outbox")
    op.drop_index("ix_case_outbox_case_id", table_name="case_outbox")
    op.drop_table("case_outbox")
