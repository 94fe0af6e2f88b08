"""casualties: a party's word on its own kills, given alone, is marked

Revision ID: c002
Revises: c001

``party_claim``: "Islamic State claimed the bombing, saying its fighters
had killed five soldiers". When a report gives its own figure beside such a
claim, the claim is ``alternative_of`` that figure (c001). When the claim is
all the report says, it stays the report's count, but reconciliation must
not let it outrank what the other sources documented (an attacker's word
inflates the toll). Documents stored before this revision have the column
false: re-extract them (``marsad ingest FILES --reextract``) to fill it.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c002"
down_revision = "c001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("casualties") as batch:
        batch.add_column(sa.Column("party_claim", sa.Boolean(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("casualties") as batch:
        batch.drop_column("party_claim")
