"""The gazetteer's content version: what re-extraction compares.

Extraction resolves places against the bundled index and the user's imports,
so a stored extraction is out of date when either changes. The version is a
short digest of the bundled index's file name (which carries the bundled
data's version) and the SHA-256 of every file imported into the user index.
"""

from __future__ import annotations

import hashlib
import time
import weakref
from typing import NamedTuple


class _Known(NamedTuple):
    version: str
    data_version: int  # SQLite's count of commits by other connections
    own_changes: int  # rows this connection changed
    fresh_until: float


# Every extracted document records the version: one query and digest per
# document was about 3% of a short note's extraction. A new Gazetteer object
# (what ``marsad gazetteer import`` leaves in this process) starts afresh.
_KNOWN: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def content_version(gazetteer=None) -> str:
    """A 16-hex-digit digest that changes whenever the gazetteer's content does
    (``marsad gazetteer import``, a new bundled index).

    Remembered per gazetteer: an import by another process is seen within
    :data:`~marsad.gazetteer.index.FRESH_SECONDS`, as the gazetteer's own
    lookups see it; one through the gazetteer's connection, at once."""
    if gazetteer is None:
        from marsad.gazetteer.index import default_gazetteer

        gazetteer = default_gazetteer()
    known: _Known | None = _KNOWN.get(gazetteer)
    own_changes, now = gazetteer.connection.total_changes, time.monotonic()
    if known is not None and known.own_changes == own_changes and now < known.fresh_until:
        return known.version
    return _refresh(gazetteer, known, own_changes, now)


def _refresh(gazetteer, known: _Known | None, own_changes: int, now: float) -> str:
    from marsad.gazetteer.index import FRESH_SECONDS

    with gazetteer._lock:  # one shared sqlite connection
        data_version = gazetteer.connection.execute("PRAGMA main.data_version").fetchone()[0]
        if known is not None and (known.data_version, known.own_changes) == (data_version, own_changes):
            _KNOWN[gazetteer] = known._replace(fresh_until=now + FRESH_SECONDS)
            return known.version
        imports = [row[0] for row in gazetteer.connection.execute("SELECT sha256 FROM main.imports ORDER BY sha256")]
    bundled = gazetteer.bundled_path.name if gazetteer.bundled_path is not None else "-"
    version = hashlib.sha256("\n".join([bundled, *imports]).encode()).hexdigest()[:16]
    _KNOWN[gazetteer] = _Known(version, data_version, own_changes, now + FRESH_SECONDS)
    return version
