"""evidence_review: every review of a piece of evidence with its note, not only the latest

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "evidence_review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("evidence_id", sa.Integer(), nullable=False),
        sa.Column("decision", sa.String(length=10), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["evidence_id"], ["evidence.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("evidence_review", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_evidence_review_evidence_id"), ["evidence_id"], unique=False
        )
    # the reviews made before this release survive as the first entry of each log
    op.execute(
        "insert into evidence_review (evidence_id, decision, note, at) "
        "select id, review, review_note, coalesce(reviewed_at, found_at) "
        "from evidence where review is not null"
    )


def downgrade() -> None:
    with op.batch_alter_table("evidence_review", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evidence_review_evidence_id"))
    op.drop_table("evidence_review")
