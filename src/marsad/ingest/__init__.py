"""Ingest: read reports in any format, clean them, detect their language,
hash them, extract their facts and archive everything in the database.

>>> from marsad.store import open_database
>>> from marsad.ingest import IngestOptions, ingest_paths
>>> summary = ingest_paths(open_database(), ["reports/"], IngestOptions(source="SOHR", reliability="B"))
>>> summary.new, summary.unchanged, summary.updated, summary.failed

Generated or in-memory reports (benchmarks, tests, other packages) go through
``ingest_documents(db, [RawDocument(origin=..., input_format="text", text=...,
published=..., source=...)], options, extractor=None)``; ``extractor`` defaults
to :func:`marsad.extract.extract_text`.

Modules: :mod:`~marsad.ingest.readers` (one reader per format),
:mod:`~marsad.ingest.clean` (main text of web pages, cleaning, language,
hash), :mod:`~marsad.ingest.service` (the batch runner).
"""

from __future__ import annotations

from typing import Any

_EXPORTS = {
    "IngestOptions": "service", "IngestSummary": "service", "ingest_paths": "service",
    "ingest_documents": "service", "RawDocument": "readers", "CsvOptions": "readers",
}  # fmt: skip

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    # Lazy, so that `import marsad.ingest` loads no parser until it is used.
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(f"marsad.ingest.{_EXPORTS[name]}"), name)
    raise AttributeError(name)
