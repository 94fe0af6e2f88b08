"""The vocabulary place finding reads: ``data/gazetteer/place_words.yaml``
(words that never start a place name, connectors inside names, direction
words, generic head words, given names, person titles, acronyms of places, country adjectives)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class PlaceWords:
    not_places: frozenset[str]
    connectors: frozenset[str]
    direction_words: frozenset[str]
    generic_heads: frozenset[str]
    given_names: frozenset[str]
    person_titles: frozenset[str]
    place_acronyms: frozenset[str]
    country_words: dict[str, str]


@lru_cache(maxsize=1)
def place_words() -> PlaceWords:
    """The vocabulary of ``data/gazetteer/place_words.yaml`` (read once)."""
    from importlib import resources

    from marsad.yamlio import safe_load

    text = resources.files("marsad.data").joinpath("gazetteer/place_words.yaml").read_text(encoding="utf-8")
    data = safe_load(text)
    sets = {name: frozenset(str(data[name]).lower().split())
            for name in ("not_places", "connectors", "direction_words", "generic_heads", "given_names", "person_titles",
                         "place_acronyms")}
    return PlaceWords(**sets, country_words={str(k).lower(): v for k, v in data["country_words"].items()})
