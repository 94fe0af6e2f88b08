"""publishing: coded fields of imported events (marsad.publish.models)

Revision ID: p001
Revises: 0001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "p001"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "coded_events",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("layout", sa.String(length=30), nullable=False),
        sa.Column("external_id", sa.String(length=100), nullable=True),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name=op.f("fk_coded_events_event_id_events"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_coded_events")),
    )
    op.create_index(op.f("ix_coded_events_external_id"), "coded_events", ["external_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_coded_events_external_id"), table_name="coded_events")
    op.drop_table("coded_events")
