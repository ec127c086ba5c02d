"""History: a cross-sell section that was never configured is not a failed section.

Before the card stopped carrying sections that are not configured, every pop
on a desk without a cross-sell model journaled ``cross_sells`` as failed
("no cross-sell model; run `screenpop crosssell build`"), so ``journal
stats`` counted most calls as failed (358 of 500 in the report). This takes
``cross_sells`` out of ``failed_sections`` where that, and nothing else, was
the reason; a model that was configured and failed stays a failure. The
change reaches the central journal through the outbox triggers like any
other. Data only: downgrading leaves the corrected rows as they are.

Revision ID: 0004
Revises: 0003
Create Date: 2026-05-01
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

#: What screenpop wrote into the section when no model was configured.
NOT_CONFIGURED = "no cross-sell model; run `screenpop crosssell build`"


def upgrade() -> None:
    # The LIKE on the short failed_sections column picks the few candidate
    # rows before any card (kilobytes each) is parsed.
    op.execute(
        "UPDATE calls SET failed_sections = ("
        " SELECT json_group_array(value) FROM json_each(calls.failed_sections)"
        " WHERE value <> 'cross_sells')"
        " WHERE failed_sections LIKE '%\"cross_sells\"%'"
        " AND json_valid(failed_sections) AND json_valid(card_json)"
        " AND json_extract(card_json, '$.sections.cross_sells.error') = "
        + "'" + NOT_CONFIGURED.replace("'", "''") + "'"
    )


def downgrade() -> None:
    pass
