"""What the read API keeps between requests, and when it lets go.

A list is asked again and again (the same filters while a client pages
through, the same month by many readers), and counting or sorting a large
archive costs far more than showing one page. So each process keeps:

- the ordered ids a filter set selects (:func:`listing`): its total is their
  number and any page, at any offset or after any cursor, is a slice;
- whole pages and tallies (:func:`cached_page`, :func:`cached`).

Everything is keyed by the **store revision** (:func:`store_revision`), which
any committed write to the tables the API serves changes, whoever wrote it
(this server, ``marsad ingest`` or ``reconcile`` in another process). Only
read-only sessions (``Database.reader``) use the caches; where the revision
cannot be read, nothing is cached.

- SQLite: a counter row bumped by triggers (Alembic ``i10_002``).
- PostgreSQL: the snapshot of the read (``pg_current_snapshot()``): two reads
  with the same snapshot see the same committed rows. It moves whenever a
  transaction anywhere on the server starts writing or ends (other databases
  too: more misses, never a stale answer), and needs no counter row that
  concurrent writers would queue on.

The version is read before the data, so a cached answer is never older than
its key.
"""

from __future__ import annotations

import functools
import sys
import threading
from array import array
from bisect import bisect_right
from collections import OrderedDict
from dataclasses import dataclass

MAX_LISTED = 250_000  # more matching rows than this: counted and paged in the database instead
CACHE_BYTES = 256 * 2**20  # per process (worker), roughly
ROW_BYTES = 2000  # a page row with its share of the rendered JSON or CSV, roughly (for the budget)
TRIGGERS = 24  # i10_002: 8 tables x insert, update, delete


class _Cache:
    """Least recently used entries, bounded by their approximate size."""

    def __init__(self, budget: int):
        self.budget, self.used = budget, 0
        self.entries: OrderedDict[tuple, tuple[object, int]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: tuple):
        with self.lock:
            found = self.entries.get(key)
            if found is None:
                return None
            self.entries.move_to_end(key)
            return found[0]

    def put(self, key: tuple, value, size: int) -> None:
        if size > self.budget // 2:  # would push out everything else
            return
        with self.lock:
            old = self.entries.pop(key, None)
            self.used += size - (old[1] if old else 0)
            self.entries[key] = (value, size)
            while self.used > self.budget and self.entries:
                _, (_, dropped) = self.entries.popitem(last=False)
                self.used -= dropped

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.used = 0


CACHE = _Cache(CACHE_BYTES)


def store_revision(session):
    """The version of everything the read API serves, or None (no caching).

    Only sessions that never write (``Database.reader``) are cached: a session
    that wrote would see its own uncommitted rows under a revision that a
    rollback gives back. Read once per session: what it reads later is at
    least as new."""
    if not session.bind.get_execution_options().get("marsad_read_only"):
        return None
    if "marsad_revision" not in session.info:
        session.info["marsad_revision"] = _read_revision(session)
    return session.info["marsad_revision"]


def _read_revision(session):
    from sqlalchemy import text

    dialect = session.bind.dialect
    if dialect.name == "postgresql":  # pg_current_snapshot since PostgreSQL 13, txid_current_snapshot before
        function = "pg_current_snapshot" if (dialect.server_version_info or (0,)) >= (13,) else "txid_current_snapshot"
        return session.execute(text(f"SELECT {function}()::text")).scalar()
    url = str(session.bind.url)
    if url not in _CHECKED:  # once per database: one made without the migration, or whose tables a
        # later migration rebuilt (dropping their triggers), is not cached
        _CHECKED[url] = session.execute(text(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'tr\\_%\\_revision' ESCAPE '\\'"
        )).scalar() == TRIGGERS
    if not _CHECKED[url]:
        return None
    return session.execute(text("SELECT revision FROM store_revision WHERE id = 1")).scalar()


_CHECKED: dict[str, bool] = {}


def cached(session, key: tuple, compute, *, size=lambda value: ROW_BYTES):
    """``compute()``, kept under ``key`` until the store changes."""
    revision = store_revision(session)
    if revision is None:
        return compute()
    full_key = (str(session.bind.url), revision, *key)
    value = CACHE.get(full_key)
    if value is not None:
        return value
    with CACHE.lock:  # one thread computes, the others asking for the same wait for it
        computing = _COMPUTING.setdefault(full_key, threading.Lock())
    try:
        with computing:
            value = CACHE.get(full_key)
            if value is None:
                value = compute()
                CACHE.put(full_key, value, size(value))
    finally:
        with CACHE.lock:
            _COMPUTING.pop(full_key, None)
    return value


_COMPUTING: dict[tuple, threading.Lock] = {}


def cached_page(name: str):
    """Keep a list function's pages until the store changes. The rows are
    shared: callers copy before changing them."""

    def decorate(function):
        @functools.wraps(function)
        def wrapper(session, *args, **kwargs):
            key = ("page", name, repr(args), repr(sorted(kwargs.items())))
            return cached(session, key, lambda: function(session, *args, **kwargs),
                          size=lambda page: ROW_BYTES * (len(page.rows) + 1))

        return wrapper

    return decorate


@dataclass(frozen=True)
class Listing:
    """The ids a filter set selects, in list order (``ids`` is None when there
    are more than :data:`MAX_LISTED`: then only the total is kept)."""

    total: int
    ids: array | None


def listing(session, key: tuple, ids_query) -> Listing:
    """The ordered ids of ``ids_query()`` (a SELECT of one id column, ordered),
    read once per store revision (the query is built only then)."""
    from sqlalchemy import func, select

    def compute() -> Listing:
        query = ids_query()
        ids = array("q", session.connection().execute(query.limit(MAX_LISTED + 1)).scalars())  # no ORM: plain ints
        if len(ids) <= MAX_LISTED:
            return Listing(len(ids), ids)
        total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
        return Listing(total, None)

    return cached(session, ("ids", *key), compute,
                  size=lambda found: 64 + (sys.getsizeof(found.ids) if found.ids is not None else 0))


def page_of(session, found: Listing, ids_query, *, offset: int, limit: int, after: int | None = None,
            sort_column=None) -> tuple[list[int], int]:
    """One page of a listing: its ids and the position of its first row.
    ``after`` (a cursor: the last id of the previous page; lists in id order
    only) wins over ``offset``."""
    if found.ids is not None:
        start = bisect_right(found.ids, after) if after is not None else offset
        return list(found.ids[start:start + limit]), start
    if after is not None:  # too many to keep: seek by key, as cheap deep down as on the first page
        return list(session.scalars(ids_query().where(sort_column > after).limit(limit))), offset
    return list(session.scalars(ids_query().offset(offset).limit(limit))), offset
