"""Incident maps on an offline basemap (no tile server).

The basemap is the Natural Earth extract shipped in ``marsad/data/boundaries``
(:mod:`marsad.publish.boundaries`): land, country and province borders and
country labels. Incidents are circles sized by deaths; an incident placed
only at an area (ACLED geo_precision 3, UCDP where_prec 4–5: a governorate,
"the countryside of X", a region) is a hollow dashed ring, since its point
only stands for the area; a country-wide one (where_prec 6) is not drawn at
all. Events without coordinates or only a country are counted in the
caption, never silently dropped.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path

from marsad.errors import InputError
from marsad.publish.records import EventRecord

MIN_SPAN_DEGREES = 2.0
MAP_SUFFIXES = (".png", ".svg", ".pdf")


def _lines(geometry: dict) -> list[list[list[float]]]:
    kind, coordinates = geometry["type"], geometry["coordinates"]
    if kind == "LineString":
        return [coordinates]
    if kind in ("MultiLineString", "Polygon"):
        return list(coordinates)
    if kind == "MultiPolygon":
        return [ring for polygon in coordinates for ring in polygon]
    if kind == "GeometryCollection":
        return [line for part in geometry["geometries"] for line in _lines(part)]
    return []


def _extent(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    from marsad.publish.boundaries import EXTRACT_BOX

    if not points:
        return EXTRACT_BOX
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    middle_lon, middle_lat = (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2
    half = max(max(lons) - min(lons), max(lats) - min(lats), MIN_SPAN_DEGREES) / 2 * 1.25
    return (middle_lon - half, middle_lat - half, middle_lon + half, middle_lat + half)


def _marker_size(deaths: int) -> float:
    return 25 + 40 * math.sqrt(max(deaths, 0))


def _label_places(axes, located: list[EventRecord], limit: int = 12) -> None:
    """Name the places of the deadliest incidents (one label per place)."""
    named: set[str] = set()
    for record in sorted(located, key=lambda r: -r.fatalities):
        if not record.location or record.location in named or len(named) >= limit:
            continue
        named.add(record.location)
        axes.annotate(record.location, (record.longitude, record.latitude), xytext=(6, 4),
                      textcoords="offset points", fontsize=8, color="#3b1f1a", zorder=4)


def _is_area(record: EventRecord) -> bool:
    """Whether the record's point stands for an area, not a town."""
    return (record.geo_precision or 0) >= 3 or (record.where_prec or 0) >= 4


def draw_incident_map(records: Iterable[EventRecord], out: str | Path, *, title: str | None = None) -> Path:
    """Draw every record with coordinates; returns the path written."""
    from matplotlib.collections import LineCollection, PolyCollection

    from marsad.publish.boundaries import layer
    from marsad.publish.charts import _pyplot

    path = Path(out)
    if path.suffix.lower() not in MAP_SUFFIXES:
        raise InputError(f"{path}: choose a .png, .svg or .pdf file name for the map.")
    located, unlocated, countrywide = [], 0, 0
    for record in records:
        if record.latitude is None or record.longitude is None:
            unlocated += 1
        elif (record.where_prec or 0) >= 6:
            countrywide += 1  # a country's point is its capital: not where it happened
        else:
            located.append(record)
    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(8, 8), dpi=100)
    axes.set_facecolor("#dbe7f0")
    land = [ring for f in layer("land") for ring in _lines(f["geometry"])]
    axes.add_collection(PolyCollection(land, facecolor="#f4f1ea", edgecolor="#9aa5ad", linewidth=0.4))
    axes.add_collection(LineCollection([line for f in layer("admin1") for line in _lines(f["geometry"])],
                                       colors="#8f887d", linewidths=0.6, linestyles="dashed"))
    axes.add_collection(LineCollection([line for f in layer("admin0") for line in _lines(f["geometry"])],
                                       colors="#5f5a53", linewidths=1.0))
    west, south, east, north = _extent([(r.longitude, r.latitude) for r in located])
    for label in layer("label"):
        lon, lat = label["geometry"]["coordinates"]
        if west < lon < east and south < lat < north:
            axes.text(lon, lat, label["properties"]["name"].upper(), fontsize=9, color="#6b645b", ha="center",
                      alpha=0.8)
    if located:
        points = [r for r in located if not _is_area(r)]
        areas = [r for r in located if _is_area(r)]
        axes.scatter([r.longitude for r in points], [r.latitude for r in points],
                     s=[_marker_size(r.fatalities) for r in points], color="#c0392b",
                     alpha=0.7, edgecolors="#5c0e0e", linewidths=0.6, zorder=3)
        if areas:
            axes.scatter([r.longitude for r in areas], [r.latitude for r in areas],
                         s=[4 * _marker_size(r.fatalities) for r in areas], facecolors="none",
                         edgecolors="#c0392b", linewidths=1.0, linestyles="dashed", zorder=3,
                         label="placed at an area only")
        _label_places(axes, points)
        for deaths in (1, 10, 100):
            axes.scatter([], [], s=_marker_size(deaths), color="#c0392b", alpha=0.7, edgecolors="#5c0e0e",
                         label=f"{deaths} death{'s' if deaths > 1 else ''}")
        axes.legend(loc="lower left", fontsize=8, frameon=True, labelspacing=1.2, borderpad=0.8)
    axes.set_xlim(west, east)
    axes.set_ylim(south, north)
    axes.set_aspect(1 / math.cos(math.radians((south + north) / 2)))
    deaths = sum(r.fatalities for r in located)
    caption = f"{len(located)} incidents mapped, {deaths:,} deaths"
    if unlocated:
        caption += f"; {unlocated} incidents without coordinates not shown"
    if countrywide:
        caption += f"; {countrywide} placed only at a country not shown"
    axes.set_title(title or "Incidents", fontsize=12)
    axes.set_xlabel(caption + ". Basemap: Natural Earth (public domain).", fontsize=8)
    axes.tick_params(labelsize=7)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path)
    plt.close(figure)
    return path
