"""the judge reads meaning: article outlets, cached sentence vectors, evidence explained

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.add_column(sa.Column("outlet", sa.Text(), nullable=True))
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.add_column(sa.Column("outlet", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("cue", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("event_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("parts", sa.Text(), nullable=False, server_default="{}"))
    op.create_table(
        "article_vector",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("model", sa.String(length=60), nullable=False),
        sa.Column("sentences", sa.Text(), nullable=False),
        sa.Column("vectors", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"]),
        sa.PrimaryKeyConstraint("article_id", "model"),
    )


def downgrade() -> None:
    op.drop_table("article_vector")
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_column("parts")
        batch_op.drop_column("event_at")
        batch_op.drop_column("cue")
        batch_op.drop_column("outlet")
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.drop_column("outlet")
