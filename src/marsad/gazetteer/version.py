"""The gazetteer's content version: what re-extraction compares.

Extraction resolves places against the bundled index and the user's imports,
so a stored extraction is out of date when either changes. The version is a
short digest of the bundled index's file name (which carries the bundled
data's version) and the SHA-256 of every file imported into the user index.
"""

from __future__ import annotations

import hashlib


def content_version(gazetteer=None) -> str:
    """A 16-hex-digit digest that changes whenever the gazetteer's content does
    (``marsad gazetteer import``, a new bundled index)."""
    from marsad.gazetteer.index import default_gazetteer

    gazetteer = gazetteer or default_gazetteer()
    with gazetteer._lock:  # one shared sqlite connection
        imports = [row[0] for row in gazetteer.connection.execute("SELECT sha256 FROM main.imports ORDER BY sha256")]
    bundled = gazetteer.bundled_path.name if gazetteer.bundled_path is not None else "-"
    return hashlib.sha256("\n".join([bundled, *imports]).encode()).hexdigest()[:16]
