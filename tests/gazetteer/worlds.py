"""Shared gazetteer test helpers."""

from __future__ import annotations


def bundled_world(tmp_path_factory, name: str, countries: set[str]):
    """A gazetteer whose bundled index holds only ``countries`` (built once per module, a few seconds)."""
    from marsad.gazetteer.bundled import build_bundled
    from marsad.gazetteer.index import Gazetteer

    folder = tmp_path_factory.mktemp(name)
    bundled = build_bundled(folder / "bundled.sqlite", countries=countries)
    return Gazetteer(folder / "user.sqlite", bundled)


def placed_mentions(text: str, gazetteer) -> dict:
    """The place mentions of ``text`` by their text, found as the pipeline finds them (actors first, so that a
    group's name is no place)."""
    from marsad.extract.actors import find_actors
    from marsad.extract.pipeline import DocContext
    from marsad.extract.places import find_places

    ctx = DocContext(text=text)
    ctx.actors.extend(find_actors(text))
    return {m.text: m for m in find_places(ctx, gazetteer)}
