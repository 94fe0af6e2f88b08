"""Incident maps on an offline basemap (no tile server).

The basemap is the Natural Earth extract shipped in ``marsad/data/boundaries``
(:mod:`marsad.publish.boundaries`): land, country and province borders and
country labels. Incidents are circles sized by deaths; events without
coordinates are counted in the caption, never silently dropped.
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


def draw_incident_map(records: Iterable[EventRecord], out: str | Path, *, title: str | None = None) -> Path:
    """Draw every record with coordinates; returns the path written."""
    from matplotlib.collections import LineCollection, PolyCollection

    from marsad.publish.boundaries import layer
    from marsad.publish.charts import _pyplot

    path = Path(out)
    if path.suffix.lower() not in MAP_SUFFIXES:
        raise InputError(f"{path}: choose a .png, .svg or .pdf file name for the map.")
    located, unlocated = [], 0
    for record in records:
        if record.latitude is None or record.longitude is None:
            unlocated += 1
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
        sizes = [_marker_size(r.fatalities) for r in located]
        axes.scatter([r.longitude for r in located], [r.latitude for r in located], s=sizes, color="#c0392b",
                     alpha=0.7, edgecolors="#5c0e0e", linewidths=0.6, zorder=3)
        _label_places(axes, located)
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
    axes.set_title(title or "Incidents", fontsize=12)
    axes.set_xlabel(caption + ". Basemap: Natural Earth (public domain).", fontsize=8)
    axes.tick_params(labelsize=7)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path)
    plt.close(figure)
    return path
