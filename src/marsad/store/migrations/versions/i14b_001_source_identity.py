"""sources: identity is the name casefolded with whitespace collapsed (name_key)

Before this revision "SecretNet" (confidential) and "secretnet" (public) were
two sources, and the second one's text was published. This revision adds
``sources.name_key``, merges the sources that share a key into the oldest of
them (confidential if any of them was; the first reliability, URL and notes
found; their documents moved to it) and makes the key unique. The unique
constraint on the exact name stays (equal names have equal keys), so SQLite
needs no table rebuild, which its foreign keys would refuse.

Revision ID: i14b_001
Revises: p001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "i14b_001"
down_revision = "p001"
branch_labels = None
depends_on = None


def _key(name: str) -> str:
    # A frozen copy of marsad.store.models.source_key: a migration must keep
    # doing what it did when it was written.
    return " ".join((name or "").casefold().split())


def upgrade() -> None:
    op.add_column("sources", sa.Column("name_key", sa.String(length=200), nullable=True))
    connection = op.get_bind()
    sources = sa.table(
        "sources", sa.column("id", sa.Integer), sa.column("name", sa.String), sa.column("name_key", sa.String),
        sa.column("reliability", sa.String), sa.column("confidential", sa.Boolean),
        sa.column("url", sa.Text), sa.column("notes", sa.Text),
    )  # fmt: skip
    documents = sa.table("documents", sa.column("source_id", sa.Integer))
    rows = connection.execute(sa.select(sources).order_by(sources.c.id)).mappings().all()
    groups: dict[str, list] = {}
    for row in rows:
        groups.setdefault(_key(row["name"]), []).append(row)
    for key, members in groups.items():
        keeper, others = members[0], members[1:]
        merged = {"name_key": key, "confidential": any(bool(m["confidential"]) for m in members)}
        for column in ("reliability", "url", "notes"):
            merged[column] = next((m[column] for m in members if m[column]), None)
        if others:
            ids = [m["id"] for m in others]
            connection.execute(sa.update(documents).where(documents.c.source_id.in_(ids)).values(source_id=keeper["id"]))
            connection.execute(sa.delete(sources).where(sources.c.id.in_(ids)))
        connection.execute(sa.update(sources).where(sources.c.id == keeper["id"]).values(**merged))
    if connection.dialect.name != "sqlite":  # SQLite cannot add NOT NULL without a rebuild
        op.alter_column("sources", "name_key", existing_type=sa.String(length=200), nullable=False)
    op.create_index("uq_sources_name_key", "sources", ["name_key"], unique=True)


def downgrade() -> None:
    # Merged sources stay merged (their documents cannot be told apart again).
    op.drop_index("uq_sources_name_key", table_name="sources")
    op.drop_column("sources", "name_key")  # SQLite ≥ 3.35 drops a column in place
