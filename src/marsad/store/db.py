"""Engines, sessions and migrations; every SQLite/PostgreSQL difference lives here.

Nothing connects at import time. :func:`open_database` builds an engine for
a URL (``marsad.config.database_url()`` by default), applies the pending
Alembic migrations the first time a process uses that URL, and returns a
:class:`Database` whose :meth:`~Database.transaction` gives one session per
transaction. Repository functions (``marsad.store.repository``) take that
session and never commit: the caller owns the transaction.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.errors import ConfigError, StorageError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 30_000

_migrated: set[str] = set()
_migrate_lock = threading.Lock()


def normalise_url(url: str) -> str:
    """Accept the URLs people type: ``postgresql://`` and ``postgres://`` mean
    psycopg 3 (the driver marsad installs), a bare path means a SQLite file."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    if "://" not in url:
        url = f"sqlite:///{Path(url).expanduser()}"
    return url


def dialect_name(url: str) -> str:
    return normalise_url(url).split(":", 1)[0].split("+", 1)[0]


def create_engine_for(url: str):
    """An engine with marsad's settings for its backend.

    SQLite: WAL journal (readers never block the writer), foreign keys on, a
    busy timeout, and ``BEGIN IMMEDIATE`` so that a writing transaction takes
    the write lock up front instead of failing half-way with "database is
    locked". PostgreSQL: psycopg 3 with pre-ping.
    """
    from sqlalchemy import create_engine, event

    url = normalise_url(url)
    kind = dialect_name(url)
    if kind == "sqlite":
        _make_sqlite_parent(url)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    if kind == "postgresql":
        try:
            import psycopg  # noqa: F401
        except ImportError as error:  # pragma: no cover - psycopg is in the test extra
            from marsad.errors import MissingExtraError

            raise MissingExtraError("psycopg", "postgres") from error
        return create_engine(url, pool_pre_ping=True)
    raise ConfigError(
        f"Unsupported database URL {url!r}: use sqlite:///path/to/file.sqlite or postgresql://user@host/dbname"
    )


def _make_sqlite_parent(url: str) -> None:
    path = url.split(":///", 1)[1] if ":///" in url else ""
    path = path.split("?", 1)[0]
    if path and path != ":memory:":
        Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)


def _sqlite_on_connect(dbapi_connection, _record) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (the driver's implicit
    # BEGIN would be DEFERRED and could fail with SQLITE_BUSY on first write).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    # WAL + NORMAL: a committed document survives a process crash; only an OS
    # crash can lose the last commits, never corrupt the file.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_on_begin(connection) -> None:
    # Readers (Database.reader) begin DEFERRED: in WAL mode they then never
    # block, nor are blocked by, the one writer.
    mode = "DEFERRED" if connection.get_execution_options().get("marsad_read_only") else "IMMEDIATE"
    connection.exec_driver_sql(f"BEGIN {mode}")


def allocate_ids(connection, table, count: int) -> list[int]:
    """``count`` new primary-key values for ``table``, so that a bulk insert
    can be a plain executemany (psycopg pipelines it; SQLite runs it in C)
    and facts can refer to rows written in the same statement batch.

    PostgreSQL draws them from the column's sequence. SQLite hands out
    ``max(id) + 1 …``: safe because marsad's SQLite transactions start with
    ``BEGIN IMMEDIATE`` and so hold the only write lock.
    """
    from sqlalchemy import func, select, text

    if count <= 0:
        return []
    if connection.dialect.name == "postgresql":
        query = text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :count)")
        return [row[0] for row in connection.execute(query, {"table": table.name, "count": count})]
    start = connection.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar() + 1
    return list(range(start, start + count))


def insert_ignoring_conflicts(session, table, values: dict) -> None:
    """``INSERT … ON CONFLICT DO NOTHING`` in the session's dialect: a row that
    a concurrent transaction inserted first (same unique key) is left alone
    instead of aborting this transaction. Read the row back afterwards.

    On PostgreSQL the insert waits for that other transaction to end, so the
    read that follows (READ COMMITTED) sees its row."""
    from sqlalchemy.dialects import postgresql, sqlite

    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    session.execute(dialect.insert(table).values(**values).on_conflict_do_nothing())


def bulk_insert(connection, table, rows: list[dict]) -> None:
    """Insert ``rows`` (dicts with the same keys) into ``table``, fast.

    PostgreSQL: ``COPY … FROM STDIN`` through psycopg, inside the caller's
    transaction (several times faster than executemany for fact rows).
    SQLite: one executemany.
    """
    if not rows:
        return
    if connection.dialect.name != "postgresql":
        connection.execute(table.insert(), rows)
        return
    from psycopg import DataError, IntegrityError
    from psycopg.sql import SQL, Identifier
    from psycopg.types.json import Json
    from sqlalchemy import JSON

    columns = list(rows[0])
    json_columns = {name for name in columns if isinstance(table.c[name].type, JSON)}
    statement = SQL("COPY {} ({}) FROM STDIN").format(
        Identifier(table.name), SQL(", ").join(Identifier(name) for name in columns)
    )
    cursor = connection.connection.driver_connection.cursor()
    try:
        with cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row([
                    Json(row[name]) if name in json_columns and row[name] is not None else row[name]
                    for name in columns
                ])  # fmt: skip
    except (DataError, IntegrityError) as error:
        # COPY bypasses SQLAlchemy, so its refusals would not be StorageErrors; the
        # caller retries document by document on a StorageError (one bad row fails alone).
        raise StorageError(f"{table.name}: {error.__class__.__name__}: {error}") from error


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL (None for PostgreSQL or in-memory)."""
    url = normalise_url(url)
    if dialect_name(url) != "sqlite" or ":///" not in url:
        return None
    path = url.split(":///", 1)[1].split("?", 1)[0]
    return None if path in ("", ":memory:") else Path(path)


def alembic_config(connection=None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("path_separator", "os")
    config.set_main_option("version_locations", str(MIGRATIONS_DIR / "versions"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def migrate(engine, revision: str = "heads") -> list[str]:
    """Apply Alembic migrations up to ``revision``; returns the revisions now applied."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)
    with engine.connect() as connection:
        return sorted(MigrationContext.configure(connection).get_current_heads())


def pending_heads(engine) -> set[str]:
    """Heads of the migration scripts that this database has not reached."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    with engine.connect() as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
    return set(script.get_heads()) - current


def caused_by_interrupt(error: BaseException) -> bool:
    """Whether a KeyboardInterrupt lies anywhere in the error's cause/context chain."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, KeyboardInterrupt):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


@dataclass
class Database:
    """An engine plus a session factory. Use :meth:`transaction` for writes:
    it commits when the block ends and rolls back on any exception."""

    url: str
    engine: Any
    _sessionmaker: Any = field(repr=False, default=None)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def session(self):
        """A plain session; the caller commits (or uses :meth:`transaction`)."""
        return self._sessionmaker()

    @contextmanager
    def transaction(self, *, snapshot: bool = False) -> Iterator[Any]:
        """One transaction. ``snapshot=True``: every read in it sees the same
        committed state, whatever commits meanwhile (reconcile reads events,
        casualties and documents with separate queries while ingests run).
        PostgreSQL: REPEATABLE READ. SQLite: already so, as the transaction
        holds the write lock from its start (``BEGIN IMMEDIATE``)."""
        from sqlalchemy.exc import SQLAlchemyError
        from sqlalchemy.orm import Session

        if snapshot and self.dialect == "postgresql":
            session = Session(bind=self.engine.execution_options(isolation_level="REPEATABLE READ"),
                              expire_on_commit=False)  # fmt: skip
        else:
            session = self._sessionmaker()
        try:
            with session.begin():
                yield session
        except SQLAlchemyError as error:
            if caused_by_interrupt(error):
                # Ctrl-C inside a driver call can surface as a driver error; it must
                # still stop the batch rather than count as one failed document.
                raise KeyboardInterrupt from error
            raise StorageError(f"{self.safe_url()}: {error.__class__.__name__}: {error}") from error
        finally:
            session.close()

    @contextmanager
    def exclusive(self, name: str) -> Iterator[None]:
        """Run the work called ``name`` (e.g. "reconcile") one process at a time.

        PostgreSQL: a session advisory lock on a connection of its own, taken
        before the work's transaction begins, so that a second run waits and
        then reads what the first one wrote (inside the lock, a snapshot
        transaction would otherwise be older than the first run's commit).
        SQLite: nothing to do, a writing transaction already holds the lock."""
        if self.dialect != "postgresql":
            yield
            return
        import hashlib

        from sqlalchemy import text

        key = int.from_bytes(hashlib.sha256(f"marsad:{name}".encode()).digest()[:8], "big", signed=True)
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": key})
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})

    @contextmanager
    def reader(self) -> Iterator[Any]:
        """A session for reading only (listings, exports): on SQLite it takes no
        write lock, so a long export does not hold up an ingest. Rolled back at the end."""
        from sqlalchemy.exc import SQLAlchemyError
        from sqlalchemy.orm import Session

        session = Session(bind=self.engine.execution_options(marsad_read_only=True), expire_on_commit=False)
        try:
            yield session
        except SQLAlchemyError as error:
            raise StorageError(f"{self.safe_url()}: {error.__class__.__name__}: {error}") from error
        finally:
            session.rollback()
            session.close()

    def safe_url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def size_bytes(self) -> int:
        """On-disk size of the database (SQLite file + WAL, or PostgreSQL's
        ``pg_database_size``)."""
        from sqlalchemy import text

        path = sqlite_path(self.url)
        if path is not None:
            return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())
        if self.dialect == "postgresql":
            with self.engine.connect() as connection:
                return int(connection.execute(text("SELECT pg_database_size(current_database())")).scalar())
        return 0

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str | None = None, *, migrate_schema: bool = True) -> Database:
    """Open (and on first use create or upgrade) the marsad database at ``url``.

    ``url`` defaults to :func:`marsad.config.database_url` (``--database``,
    then ``MARSAD_DATABASE_URL``, then a SQLite file in the data directory).
    """
    from sqlalchemy.exc import OperationalError
    from sqlalchemy.orm import sessionmaker

    from marsad.config import database_url

    resolved = normalise_url(database_url(url))
    engine = create_engine_for(resolved)
    if migrate_schema:
        with _migrate_lock:
            if resolved not in _migrated:
                try:
                    if pending_heads(engine):
                        migrate(engine)
                except OperationalError as error:
                    raise StorageError(
                        f"Cannot open the database {engine.url.render_as_string(hide_password=True)}: "
                        f"{error.orig}. Check the URL (--database or MARSAD_DATABASE_URL) and that the server runs."
                    ) from error
                _migrated.add(resolved)
    factory = sessionmaker(bind=engine, expire_on_commit=False)
    return Database(url=resolved, engine=engine, _sessionmaker=factory)
