"""Shared gazetteer test helpers."""

from __future__ import annotations


def bundled_world(tmp_path_factory, name: str, countries: set[str]):
    """A gazetteer whose bundled index holds only ``countries`` (built once per module, a few seconds)."""
    from marsad.gazetteer.bundled import build_bundled
    from marsad.gazetteer.index import Gazetteer

    folder = tmp_path_factory.mktemp(name)
    bundled = build_bundled(folder / "bundled.sqlite", countries=countries)
    return Gazetteer(folder / "user.sqlite", bundled)
