from __future__ import annotations

import csv
import json

import pytest

from marsad.publish.acled import ACLED_COLUMNS
from marsad.publish.export import LAYOUTS, export_events
from marsad.publish.records import Scope
from marsad.publish.ucdp import UCDP_GED_COLUMNS

from .conftest import SECRET_SOURCE, SECRET_TEXT, SECRET_URL


def _stored_events(database):
    from sqlalchemy import select

    from marsad.store.models import Event

    with database.session() as session:
        return {e.id: e for e in session.scalars(select(Event))}


def _export(database, layout, path, **options):
    with database.session() as session:
        return export_events(session, layout, path, **options)


def _read(layout, path):
    if layout in ("acled", "ucdp-ged"):
        with open(path, encoding="utf-8", newline="") as stream:
            return list(csv.DictReader(stream))
    if layout == "jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if layout == "geojson":
        return [f["properties"] | {"_geometry": f["geometry"]} for f in json.loads(path.read_text())["features"]]
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pylist()


def test_acled_export_matches_database(archive, tmp_path):
    stored = _stored_events(archive)
    path = tmp_path / "events.csv"
    assert _export(archive, "acled", path) == 3
    rows = _read("acled", path)
    assert tuple(rows[0].keys()) == ACLED_COLUMNS
    for row in rows:
        event = stored[int(row["event_id_cnty"].removeprefix("SYR"))]
        assert row["event_date"] == event.event_date.isoformat()
        assert row["event_type"] == event.event_type and row["sub_event_type"] == event.sub_event_type
        assert int(row["fatalities"]) == event.fatalities
        assert row["location"] == event.location
        assert float(row["latitude"]) == pytest.approx(event.latitude)
        assert row["iso"] == "760" and row["country"] == "Syria" and row["region"] == "Middle East"
    clash = next(r for r in rows if r["location"] == "Hajin")
    # marsad's canonical actor names are written in ACLED's naming, with ACLED's inter codes.
    assert (clash["actor1"], clash["actor2"]) == ("QSD: Syrian Democratic Forces", "Islamic State (Syria)")
    assert clash["inter1"] == "2" and clash["inter2"] == "2"
    strike = next(r for r in rows if r["location"] == "As Susah")
    assert strike["actor1"] == "Global Coalition Against Daesh"
    assert strike["inter1"] == "8" and strike["inter2"] == "7" and strike["interaction"] == "78"
    assert strike["civilian_targeting"] == "Civilian targeting"
    assert strike["source"] == "SOHR" and "killed 7 civilians" in strike["notes"]


def test_ucdp_ged_export_splits_deaths_by_side(archive, tmp_path):
    path = tmp_path / "ged.csv"
    assert _export(archive, "ucdp-ged", path) == 3
    rows = {r["where_coordinates"]: r for r in _read("ucdp-ged", path)}
    assert tuple(next(iter(rows.values())).keys()) == UCDP_GED_COLUMNS
    strike, clash, drone = rows["As Susah"], rows["Hajin"], rows["Tal Hamis"]
    assert (clash["side_a"], clash["side_b"]) == ("SDF", "IS")  # UCDP's side names
    assert strike["type_of_violence"] == "3" and strike["side_b"] == "Civilians"
    assert (strike["deaths_civilians"], strike["best"], strike["low"], strike["high"]) == ("7", "7", "7", "7")
    assert clash["deaths_b"] == "4" and clash["deaths_a"] == "0" and clash["type_of_violence"] == "2"
    assert drone["type_of_violence"] == "1" and drone["deaths_b"] == "3"
    assert strike["priogrid_gid"] == str((int((34.5337 + 90) // 0.5)) * 720 + int((40.9582 + 180) // 0.5) + 1)
    assert strike["geom_wkt"] == "POINT (40.9582 34.5337)" and strike["where_prec"] == "2"  # from its place
    assert clash["where_prec"] == "2"  # from geo_precision 2
    assert strike["date_prec"] == "1" and strike["date_start"] == "2019-03-03" and strike["country_id"] == "652"
    for row in rows.values():
        parts = sum(int(row[k]) for k in ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown"))
        assert parts == int(row["best"])


@pytest.mark.parametrize("layout", ["jsonl", "geojson", "parquet"])
def test_flat_layouts_match_database(archive, tmp_path, layout):
    stored = _stored_events(archive)
    path = tmp_path / f"events{LAYOUTS[layout].suffix}"
    assert _export(archive, layout, path) == 3
    rows = _read(layout, path)
    assert len(rows) == 3
    for row in rows:
        event = stored[row["event_id"]]
        assert row["fatalities"] == event.fatalities and row["event_date"] == event.event_date.isoformat()
        assert row["actor1"] == event.actor1 and row["evidence"] == event.span_text
        if layout == "geojson":
            assert row["_geometry"]["coordinates"] == [event.longitude, event.latitude]
    by_location = {r["location"]: r for r in rows}
    assert by_location["As Susah"]["deaths_civilians"] == 7


def test_export_scope_filters_period_and_area(archive, tmp_path):
    path = tmp_path / "e.jsonl"
    assert _export(archive, "jsonl", path, scope=Scope(area="Deir ez-Zor")) == 2
    from datetime import date

    assert _export(archive, "jsonl", path, scope=Scope(date_from=date(2019, 3, 4), date_to=date(2019, 3, 31))) == 2


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_public_export_never_names_confidential_sources(archive, tmp_path, layout):
    path = tmp_path / f"public{LAYOUTS[layout].suffix}"
    assert _export(archive, layout, path, public=True) == 3
    content = json.dumps(_read(layout, path), default=str) if layout == "parquet" else path.read_text("utf-8")
    for secret in (SECRET_SOURCE, SECRET_URL, SECRET_TEXT, "drone struck a car", "Tal Hamis drone strike"):
        assert secret not in content
    assert "SOHR" in content  # public sources stay named
    private = tmp_path / f"private{LAYOUTS[layout].suffix}"
    _export(archive, layout, private)
    private_content = json.dumps(_read(layout, private), default=str) if layout == "parquet" else private.read_text()
    assert SECRET_SOURCE in private_content  # the test would see a leak


def test_streaming_in_small_batches_gives_the_same_records(archive):
    from marsad.publish.records import iter_event_records

    with archive.session() as session:
        whole = [r.to_dict() for r in iter_event_records(session)]
        batched = [r.to_dict() for r in iter_event_records(session, batch_size=2)]
    assert batched == whole and len(whole) == 3
    assert sum(r["deaths_civilians"] for r in batched) == 7
