"""The gazetteer's lookups that reach its files: what :class:`~marsad.gazetteer.index.Gazetteer`
answers for a key, skeleton or place not met before (its caches answer the rest).

Compiled with the extraction (``[tool.marsad.build]``): a text's new n-grams are each probed
(``has_key``), and a name that is there is looked up and its places built, row by row. Run as
Python methods, the calls between these steps and the building of each place were about a third
of what a new key's lookup cost besides SQLite's own work. The state they read and keep (the key
sets, the places built so far, the SQL connection and its lock) stays the gazetteer's: these are
its methods, written as functions of it.
"""

from __future__ import annotations

import time
from typing import Any, Final

from marsad.gazetteer import index
from marsad.gazetteer.groups import PlaceGroups, PlaceStub
from marsad.gazetteer.index import _PLACE_COLUMNS, ARABIC_PREFIX, Gazetteer, Place, place_of
from marsad.gazetteer.keyfilter import KeyFilter
from marsad.gazetteer.resolve import traits_of_fields

# What each row reads, as Final names: the compiled code keeps them in C variables (it looks its
# module's other names up in the module's dictionary, and object.__new__ up on object, at every use)
_FIELD: Final = index._FIELD
_STUB_SEPARATOR: Final = index.STUB_SEPARATOR
_PLACE: Final = Place
_STUB: Final = PlaceStub
_new: Final = object.__new__
_set: Final = object.__setattr__
#: (tuple's own __new__: a NamedTuple's is a Python function, one call per row)
_new_tuple: Final[Any] = tuple.__new__
_monotonic: Final = time.monotonic


def place_of_record(record: str) -> Place:
    """:func:`~marsad.gazetteer.index.place_of` for a place's record (:func:`~marsad.gazetteer.index.record_row`,
    as ``key_places`` keeps it), with its score traits kept on it (``_score_traits``: see
    :func:`marsad.gazetteer.resolve.traits_of_fields`; they hold the key of its own name, the record's last field)."""
    (place_id, name, country, admin1, admin1_code, admin2, latitude, longitude, feature, population, weight, source,
     admin3, own_key) = record.split(_FIELD)
    country_or_none = country or None
    admin1_code_or_none = admin1_code or None
    admin2_or_none = admin2 or None
    admin3_or_none = admin3 or None
    at_latitude = float(latitude)
    at_longitude = float(longitude)
    people = int(population)
    coded = int(weight)
    place = _new(_PLACE)
    _set(place, "__dict__", {
        "id": place_id, "name": name, "country": country_or_none, "admin1": admin1 or None,
        "admin1_code": admin1_code_or_none, "admin2": admin2_or_none, "latitude": at_latitude,
        "longitude": at_longitude, "feature": feature, "population": people, "weight": coded,
        "source": source, "admin3": admin3_or_none, "_score_traits": traits_of_fields(
            place_id, name, country_or_none, admin1_code_or_none, admin2_or_none, admin3_or_none, at_latitude,
            at_longitude, feature, people, coded, source, own_key)})
    return place


def query_has_key(gazetteer: Gazetteer, key: str) -> bool:
    """Whether any place has a name with this key (``Gazetteer.has_key`` on a miss)."""
    schemas = key_schemas(gazetteer, key) if key else ()
    if not schemas:
        return False
    # one query for a name that is there: its places are looked up next anyway, so they are kept as
    # by_key's answer (selected here with the schemas just read, not through by_key's miss)
    answers = gazetteer._by_key
    places = answers.get(key)
    if places is None:
        places = answers.keep(key, select(gazetteer, "key", key, schemas))
    if places:
        return True
    # exact for what the filters cannot rule out (a name whose place is missing, a fingerprint collision)
    parts = [f"SELECT 1 FROM {schema}.names WHERE key = ?" for schema in schemas]
    with gazetteer._lock:
        return gazetteer.connection.execute(
            " UNION ALL ".join(parts) + " LIMIT 1", (key,) * len(parts)
        ).fetchone() is not None


def key_schemas(gazetteer: Gazetteer, key: str) -> tuple[str, ...]:
    """The schemas that may hold ``key``: none when no file does."""
    # on cache misses only: a lookup answered from the caches costs no clock read (and the test
    # _keep_fresh starts with, made here: a method call per new key otherwise)
    if _monotonic() >= gazetteer._fresh_until:
        gazetteer._keep_fresh()
    key_sets = gazetteer._key_sets
    if key_sets is None:
        key_sets = gazetteer._load_key_sets()
    found: list[str] = []
    for schema, keys in key_sets:
        # (each kind tested as itself: compiled, a filter's test is then a direct call, not one through the type's slot)
        if keys is None or (key in keys if isinstance(keys, KeyFilter) else key in keys):
            found.append(schema)
    return tuple(found)


def query_key(gazetteer: Gazetteer, key: str) -> tuple[Place, ...]:
    """Every place one of whose names has this key (``Gazetteer.by_key`` on a miss)."""
    schemas = key_schemas(gazetteer, key) if key else ()
    return select(gazetteer, "key", key, schemas) if schemas else ()


def select(gazetteer: Gazetteer, column: str, value: str, schemas: tuple[str, ...]) -> tuple[Place, ...]:
    """The places of the names whose ``column`` is ``value`` in these schemas, each built once."""
    built, excluded = reusable(gazetteer, schemas)
    if len(schemas) == 1 and column == "key" and schemas[0] in gazetteer._key_places:  # (most lookups)
        return _places_of_records(_key_records(gazetteer, schemas[0], value), built, excluded)
    seen: dict[str, Place] = {}
    for schema in schemas:  # (in the order a UNION ALL of the schemas' queries would answer)
        records = column == "key" and schema in gazetteer._key_places
        rows: list[Any]
        row: Any  # a record (a str) where the schema keeps them by key, else a row of every field
        if records:
            rows = _key_records(gazetteer, schema, value)
        else:
            with gazetteer._lock:
                rows = gazetteer.connection.execute(_select_sql(gazetteer, column, schema), (value,)).fetchall()
        for row in rows:
            record: str = row if records else ""
            # (every record has its fields)
            place_id: str = record[:record.find(_FIELD)] if records else row[0]
            if place_id in seen:
                continue
            if built is not None and place_id not in excluded:
                known = built.get(place_id)
                if known is not None:
                    seen[place_id] = known  # (its score traits are cached on it: see resolve._traits)
                    continue
            place = place_of_record(record) if records else place_of(row)
            seen[place_id] = place
            if built is not None and place_id not in excluded:
                built[place_id] = place
    return tuple(seen.values())


def _places_of_records(records: list[str], built: dict[str, Place] | None, excluded: frozenset[str]
                       ) -> tuple[Place, ...]:
    """:func:`select`'s places of one schema's records of a key, each built once (:func:`reusable`). A key's
    records name each place once (a place's names have distinct keys): no place of them is met twice, as the
    places of a union of schemas' rows or of names sharing a skeleton may be."""
    places: list[Place] = []
    for record in records:
        place_id = record[:record.find(_FIELD)]  # (every record has its fields)
        if built is not None and place_id not in excluded:
            place = built.get(place_id)
            if place is None:
                place = built[place_id] = place_of_record(record)
        else:
            place = place_of_record(record)
        places.append(place)
    return tuple(places)


def _key_records(gazetteer: Gazetteer, schema: str, key: str) -> list[str]:
    """The place records of a key, in the join's order, from the one row of a schema that holds them so."""
    sql = gazetteer._sql.get(("key_places", schema))
    if sql is None:
        sql = gazetteer._sql["key_places", schema] = f"SELECT places FROM {schema}.key_places WHERE key = ?"
    with gazetteer._lock:
        row = gazetteer.connection.execute(sql, (key,)).fetchone()
    return row[0].split(_STUB_SEPARATOR) if row is not None else []


def _select_sql(gazetteer: Gazetteer, column: str, schema: str) -> str:
    sql = gazetteer._sql.get((column, schema))
    if sql is None:
        sql = gazetteer._sql[column, schema] = (
            f"SELECT {_PLACE_COLUMNS} FROM {schema}.names n JOIN {schema}.places p ON p.id = n.place_id "
            f"WHERE n.{column} = ?")
    return sql


def reusable(gazetteer: Gazetteer, schemas: tuple[str, ...]) -> tuple[dict[str, Place] | None, frozenset[str]]:
    """The places built so far by id, when a lookup of ``schemas`` may use
    and extend them, and the ids it must leave alone: only a lookup of one
    file, and only places that :meth:`~marsad.gazetteer.index.Gazetteer.place` would
    answer (the user index's; the bundled index's whose ids the user index does not reuse).
    A place met under many names is then built once, and ``place`` answers it
    without a query (extraction asks for the place of every mention it has just resolved)."""
    built = gazetteer._built
    if len(built) > index.PLACES_KEPT:
        built.clear()  # (bounded: a long run meets ever new places)
    if schemas == ("main",):
        return built, frozenset()
    main_ids = gazetteer._main_ids
    if schemas == ("bundled",) and main_ids is not None:
        return built, main_ids
    return None, frozenset()


def group_arabic(gazetteer: Gazetteer, skel: str) -> PlaceGroups:
    """:meth:`~marsad.gazetteer.index.Gazetteer.by_arabic_skeleton`'s places indexed by
    governorate, country and latitude (:mod:`~marsad.gazetteer.groups`), as stubs: what the
    index reads of each, not the place (``Gazetteer.arabic_places`` builds those
    a caller keeps). A short skeleton meets dozens of places, of which the
    context keeps a few (about one name in seventy keeps one); building every
    one was half the cost of a new skeleton's lookup."""
    key = ARABIC_PREFIX + skel
    return PlaceGroups(stubs(gazetteer, "key", key, key_schemas(gazetteer, key) if len(skel) >= 2 else ()))


def query_skeleton(gazetteer: Gazetteer, skel: str) -> tuple[PlaceStub, ...]:
    """Fuzzy candidates (``Gazetteer.by_skeleton`` on a miss)."""
    if len(skel) < 3:
        return ()
    gazetteer._keep_fresh()
    key_sets = gazetteer._key_sets
    if key_sets is None:
        key_sets = gazetteer._load_key_sets()
    # a user index without names is not asked (and the places found are then those place() answers)
    schemas = tuple([schema for schema, keys in key_sets if keys is None or keys])
    return stubs(gazetteer, "skel", skel, schemas) if schemas else ()


def stubs(gazetteer: Gazetteer, column: str, value: str, schemas: tuple[str, ...]) -> tuple[PlaceStub, ...]:
    """:func:`select`'s places as stubs (:class:`~marsad.gazetteer.groups.PlaceStub`), in
    the order of its union, the first row of a place kept as there."""
    if len(schemas) == 1 and column == "key" and schemas[0] in gazetteer._arabic_stubs and value.startswith(
            ARABIC_PREFIX):  # (an Arabic key's stubs in one row, each place once: see _places_of_records)
        schema = schemas[0]
        listed: list[PlaceStub] = []
        for record in _stub_records(gazetteer, column, value, schema):
            place_id, admin1_code, country, latitude, longitude, name = record.split(_FIELD)
            listed.append(_new_tuple(_STUB, (
                place_id, admin1_code or None, country or None, float(latitude), float(longitude), name, schema)))
        return tuple(listed)
    found: dict[str, PlaceStub] = {}
    for schema in schemas:
        if schema in gazetteer._records:
            for record in _stub_records(gazetteer, column, value, schema):
                place_id, admin1_code, country, latitude, longitude, name = record.split(_FIELD)
                if place_id not in found:
                    found[place_id] = _new_tuple(_STUB, (
                        place_id, admin1_code or None, country or None, float(latitude), float(longitude), name,
                        schema))
            continue
        with gazetteer._lock:
            rows = gazetteer.connection.execute(
                f"SELECT p.id, p.admin1_code, p.country, p.latitude, p.longitude, p.name FROM {schema}.names n "
                f"JOIN {schema}.places p ON p.id = n.place_id WHERE n.{column} = ?", (value,)).fetchall()
        for row in rows:
            if row[0] not in found:
                found[row[0]] = _new_tuple(_STUB, (*row, schema))
    return tuple(found.values())


def _stub_records(gazetteer: Gazetteer, column: str, value: str, schema: str) -> list[str]:
    """The stub texts of the names whose ``column`` is ``value`` in a schema read as records, in the order
    of its names' key and place id: an Arabic key's in one row where the schema has them so."""
    if column == "key" and schema in gazetteer._arabic_stubs and value.startswith(ARABIC_PREFIX):
        with gazetteer._lock:
            row = gazetteer.connection.execute(
                f"SELECT stubs FROM {schema}.arabic_stubs WHERE key = ?", (value,)).fetchone()
        return row[0].split(_STUB_SEPARATOR) if row is not None else []
    with gazetteer._lock:
        rows = gazetteer.connection.execute(
            f"SELECT r.stub FROM {schema}.names n JOIN {schema}.records r ON r.id = n.place_id "
            f"WHERE n.{column} = ?", (value,)).fetchall()
    return [row[0] for row in rows]
