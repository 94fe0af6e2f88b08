"""Content and pipeline fingerprints, kept free of heavy imports.

``marsad extract`` and the batch workers need a document's hash without
loading SQLAlchemy's models, so the one definition lives here and
:mod:`marsad.store.repository` re-exports it.
"""

from __future__ import annotations

import hashlib


def content_hash(text: str) -> str:
    """SHA-256 (hex) of the document text as stored: the identity of a document."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
