"""Alembic environment for marsad. Run programmatically by
``marsad.store.db.migrate`` (``marsad init`` and first use), which passes an
open connection in ``config.attributes["connection"]``."""

from __future__ import annotations

from alembic import context

from marsad.store.extensions import load_extensions
from marsad.store.models import Base

load_extensions()  # other packages' tables join Base.metadata
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        from sqlalchemy import create_engine

        from marsad.config import database_url
        from marsad.store.db import normalise_url

        engine = create_engine(normalise_url(database_url()))
        with engine.begin() as connection:
            _run(connection)
        return
    _run(connection)


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():  # pragma: no cover - marsad never runs offline SQL generation
    raise SystemExit("marsad migrations run online only: use `marsad init`.")
run_migrations_online()
