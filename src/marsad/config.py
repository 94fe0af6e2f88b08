"""Where marsad keeps its files. Read lazily: nothing happens at import time."""

from __future__ import annotations

import os
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
