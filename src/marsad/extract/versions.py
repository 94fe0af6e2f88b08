"""Versions of what a pipeline reads besides its code, recorded in
``Extraction.pipeline["data"]``: the run's ``pipeline_hash`` then changes when
the gazetteer or marsad's data files change, and ``ingest --reextract`` sees
that stored runs are out of date. Each component's own version is in
``pipeline["components"]``."""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from marsad.gazetteer.version import content_version  # asked per document: no import statement each time

if TYPE_CHECKING:
    from marsad.gazetteer.index import Gazetteer

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
# Read by extraction components (vocabularies, actor aliases, trigger rules, the
# event model, place words). Map boundaries are not read while extracting, and
# the training examples only through the model built from them.
_NOT_READ_BY_EXTRACTION = ("boundaries", "training")


@lru_cache(maxsize=1)
def package_data_version() -> str:
    """Digest of marsad's data files that extraction reads (fixed per install)."""
    digest = hashlib.sha256()
    for path in sorted(DATA_DIR.rglob("*")):
        relative = path.relative_to(DATA_DIR)
        if not path.is_file() or relative.parts[0] in _NOT_READ_BY_EXTRACTION or "__pycache__" in relative.parts:
            continue
        digest.update(str(relative).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def data_versions(component_names: Collection[str], gazetteer: Gazetteer | None = None) -> dict[str, str]:
    """``{"package_data": …, "gazetteer": …}`` for a pipeline of these components
    (``gazetteer``: the one they read, by default the process's default gazetteer)."""
    versions = {"package_data": package_data_version()}
    if "places" in component_names:
        versions["gazetteer"] = content_version(gazetteer)
    return versions
