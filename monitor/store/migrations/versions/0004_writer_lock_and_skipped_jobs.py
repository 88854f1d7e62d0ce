"""writer lock held by the OS or the server: the lease table goes; daemon_state records
skipped jobs (skipping_since, skip_reason) so that health can report them

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_table("lease")
    with op.batch_alter_table("daemon_state", schema=None) as batch_op:
        batch_op.add_column(sa.Column("skipping_since", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("skip_reason", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("daemon_state", schema=None) as batch_op:
        batch_op.drop_column("skip_reason")
        batch_op.drop_column("skipping_since")
    op.create_table(
        "lease",
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("holder", sa.String(length=200), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
