"""Where marsad keeps its files. Read lazily: nothing happens at import time."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path


def data_dir() -> Path:
    """The user's marsad data directory (``MARSAD_HOME`` overrides it)."""
    override = os.environ.get("MARSAD_HOME")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("marsad", appauthor=False))


def database_url(explicit: str | None = None) -> str:
    """The database to use: an explicit URL, ``MARSAD_DATABASE_URL``, or a
    SQLite file in the data directory."""
    url = explicit or os.environ.get("MARSAD_DATABASE_URL")
    if url:
        return url
    return f"sqlite:///{data_dir() / 'marsad.sqlite'}"


def environment_values(names: tuple[str, ...]) -> tuple[str | bytes | None, ...]:
    """What ``os.environ.get`` gives for each of ``names``, as ``os.environ`` holds it (encoded: ``os.fsdecode``
    reads it), or None. Read from the mapping's own table: ``os.environ.get`` of a variable that is not set
    raises and catches a KeyError inside (about 6,000 instructions; a document asked for four variables, two
    of them usually unset, 0.4% of an ACLED note's extraction)."""
    table = getattr(os.environ, "_data", None)
    if not isinstance(table, dict):  # (another Python's os.environ: its own get)
        return tuple(map(os.environ.get, names))
    return tuple(map(table.get, _encoded_names(names)))


@lru_cache(maxsize=8)
def _encoded_names(names: tuple[str, ...]) -> tuple[str | bytes, ...]:
    return tuple(map(os.environ.encodekey, names))


def environment_value(name: str) -> str | None:
    """``os.environ.get(name)``, read as :func:`environment_values` reads (for a variable asked about per document)."""
    (raw,) = environment_values((name,))
    return None if raw is None else os.fsdecode(raw)
