"""casualties: another statement of the same people links to the count that stands for them

Revision ID: c001
Revises: i10_002

``alternative_of_id``: a headline, a restatement or a party's claim of a
count ("kills 44" over "at least 44 people were killed"; "the group claimed
20") points at the count the extraction kept. Extraction always knew this
(``Casualty.alternative_of``), but the store did not keep it, so
reconciliation and the UCDP layout added such restatements again.
Documents stored before this revision have the column empty: re-extract them
(``marsad ingest FILES --reextract``) to fill it.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c001"
down_revision = "i10_002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("casualties") as batch:
        batch.add_column(sa.Column("alternative_of_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f("fk_casualties_alternative_of_id_casualties"), "casualties",
                                 ["alternative_of_id"], ["id"], ondelete="SET NULL")


def downgrade() -> None:
    with op.batch_alter_table("casualties") as batch:
        batch.drop_constraint(op.f("fk_casualties_alternative_of_id_casualties"), type_="foreignkey")
        batch.drop_column("alternative_of_id")
