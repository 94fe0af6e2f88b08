"""Rebuild marsad's shipped Iraqi populated-places table from Who's On First.

Input: a checkout (or ``git archive``) of the public repository
``whosonfirst-data/whosonfirst-data-admin-iq``: one GeoJSON file per place
under ``data/``. Its ~21,000 Iraqi localities are GeoNames populated places
(villages included, not only the cities500 towns marsad already has), with
the GeoNames id, feature code and admin-1 code, English and (for ~19,000)
Arabic names, Kurdish names for some, and a parent district (WOF county).

Output: ``src/marsad/data/gazetteer/iq_settlements.tsv.gz``, a gzip'd TSV in
the column shape of ``sy_ocha_communities.tsv.gz`` (plus the GeoNames feature
code), with an attribution header, names cut to the scripts marsad reads
(Latin and Arabic), written byte-for-byte reproducibly (gzip mtime 0), so the
gazetteer's content version changes only when the data does.

Kept: current or undated localities (``mz:is_current`` 1 or -1). Left out:
places WOF marks as no longer current (abandoned ``PPLQ``, destroyed
``PPLW``, deprecated or superseded records) and alternate geometries.

Usage: python scripts/build_iraq_gazetteer.py path/to/whosonfirst-data-admin-iq
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "marsad" / "data" / "gazetteer" / "iq_settlements.tsv.gz"
COLUMNS = ("pcode", "name_en", "name_ar", "alt_names", "geonames_id", "admin1_pcode", "admin2_pcode",
           "admin3_pcode", "admin1_en", "admin2_en", "admin3_en", "lat", "lon", "feature")
HEADER = (
    "# Iraqi populated places: Who's On First (whosonfirst-data/whosonfirst-data-admin-iq), localities;\n"
    "# WOF's own work CC0, its names and points from GeoNames (CC BY 4.0, www.geonames.org).\n"
    "# Data from Who's On First, https://whosonfirst.org/docs/licenses/ . Rebuilt by scripts/build_iraq_gazetteer.py.\n"
)
_USEFUL = re.compile(r"^[\s\u0000-\u024f\u1e00-\u1eff\u02b0-\u02ff\u0600-\u06ff'’‘ʿʾ.\-]+$")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
# name properties worth keeping: English, undetermined (GeoNames' variants), Arabic, Kurdish
_NAME_PROPERTY = re.compile(r"^name:(eng|und|ara|kur|ckb|kmr)_x_(preferred|variant|colloquial|historical)$")


def _features(folder: Path):
    for path in sorted((folder / "data").rglob("*.geojson")):
        if "-alt-" in path.name:
            continue  # an alternate geometry of a place listed on its own
        with open(path, encoding="utf-8") as handle:
            yield json.load(handle)["properties"]


def _is_kept(properties: dict) -> bool:
    return (properties.get("wof:placetype") == "locality" and properties.get("mz:is_current") in (1, -1)
            and not properties.get("edtf:deprecated") and not properties.get("wof:superseded_by"))


def _admin1_code(properties: dict) -> str:
    """GeoNames' admin-1 code ("7.0" in WOF's float spelling → "07"), marsad's key to admin1.yaml."""
    code = str(properties.get("gn:admin1_code") or "")
    return f"{int(float(code)):02d}" if re.fullmatch(r"\d+(\.0)?", code) else ""


def _region_codes(places: list[dict]) -> dict[int, str]:
    """WOF region id → the GeoNames admin-1 code most of its localities carry (for the few records without one)."""
    from collections import Counter

    counts: dict[int, Counter] = {}
    for properties in places:
        region = ((properties.get("wof:hierarchy") or [{}])[0]).get("region_id") or 0
        if _admin1_code(properties):
            counts.setdefault(region, Counter())[_admin1_code(properties)] += 1
    return {region: count.most_common(1)[0][0] for region, count in counts.items()}


def _names(properties: dict) -> tuple[str, list[str]]:
    """(the Arabic name, the other names: GeoNames' own and ascii names, English, Kurdish and variant names)."""
    # (WOF's preferred Arabic name is now and then a Latin transliteration, "Kānī" for كاني بانكة السفلى: a
    # variant, often a bare common word, kept with the others)
    arabic = next((name for name in properties.get("name:ara_x_preferred") or [] if _ARABIC.search(name)), "")
    names = [properties.get("gn:name") or "", properties.get("gn:asciiname") or ""]
    for key in sorted(properties):
        if _NAME_PROPERTY.match(key):
            names.extend(properties[key] or [])
    own = {properties.get("wof:name"), arabic}
    kept = [n.strip() for n in names if n and n.strip() not in own and _USEFUL.match(n) and "\t" not in n
            and "|" not in n]
    return arabic, list(dict.fromkeys(kept))


def rows(folder: Path):
    units: dict[int, tuple[str, str]] = {}
    places = []
    for properties in _features(folder):
        placetype = properties.get("wof:placetype")
        if placetype in ("region", "county"):
            units[properties["wof:id"]] = (placetype, properties.get("wof:name") or "")
        elif _is_kept(properties):
            places.append(properties)
    codes = _region_codes(places)
    for properties in places:
        hierarchy = (properties.get("wof:hierarchy") or [{}])[0]
        region = units.get(hierarchy.get("region_id") or 0, ("", ""))[1]
        county_id = hierarchy.get("county_id") or 0
        county = units.get(county_id, ("", ""))[1]
        arabic, alternates = _names(properties)
        code = _admin1_code(properties) or codes.get(hierarchy.get("region_id") or 0, "")
        yield {
            "pcode": f"wof:{properties['wof:id']}", "name_en": properties.get("wof:name") or "",
            "name_ar": arabic, "alt_names": "|".join(alternates),
            "geonames_id": str(properties.get("gn:geonameid") or (properties.get("wof:concordances") or {}).get("gn:id")
                               or ""),
            "admin1_pcode": f"IQ.{code}" if code else "", "admin2_pcode": str(county_id) if county else "",
            "admin3_pcode": "", "admin1_en": region, "admin2_en": county, "admin3_en": "",
            "lat": f"{float(properties['geom:latitude']):.6f}", "lon": f"{float(properties['geom:longitude']):.6f}",
            "feature": properties.get("gn:feature_code") or "",
        }


def build(source: Path, target: Path = TARGET) -> Path:
    text = io.StringIO()
    text.write(HEADER)
    writer = csv.writer(text, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for row in sorted(rows(source), key=lambda r: int(r["pcode"].split(":")[1])):
        if row["name_en"]:
            writer.writerow([row[column].replace("\t", " ") for column in COLUMNS])
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(gzip.compress(text.getvalue().encode("utf-8"), compresslevel=9, mtime=0))
    return target


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = build(Path(sys.argv[1]))
    print(f"wrote {out} ({out.stat().st_size:,} bytes)")
