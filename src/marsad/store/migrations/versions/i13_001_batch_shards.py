"""batch: the shard ledger (marsad.batch.models)

Revision ID: i13_001
Revises: p001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "i13_001"
down_revision = "i14b_001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "batch_shards",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_batch_shards")),
    )


def downgrade() -> None:
    op.drop_table("batch_shards")
