"""Maps draw areas differently from points, and never draw a country as a town."""

from __future__ import annotations

from marsad.publish.maps import draw_incident_map
from marsad.publish.records import EventRecord


def test_areas_are_rings_and_countries_are_not_drawn(tmp_path):
    import matplotlib

    matplotlib.rcParams["svg.fonttype"] = "none"  # keep text searchable in the SVG
    records = [
        EventRecord(1, location="Hajin", latitude=34.69, longitude=40.83, geo_precision=1, where_prec=1, fatalities=3),
        EventRecord(2, location="Deir ez-Zor countryside", latitude=35.2, longitude=40.3, geo_precision=3,
                    where_prec=4, fatalities=2),
        EventRecord(3, location="Syria", latitude=33.51, longitude=36.29, geo_precision=3, where_prec=6,
                    fatalities=9),
    ]
    svg = draw_incident_map(records, tmp_path / "map.svg").read_text(encoding="utf-8")
    assert "placed at an area only" in svg
    assert "1 placed only at a country not shown" in svg
    assert "2 incidents mapped, 5 deaths" in svg
