"""marsad's own UCDP and ACLED exports import back into the gazetteer
(``marsad gazetteer import --layout ucdp``): empty optional fields, such as
where_prec or the point of an event without coordinates, are accepted."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from marsad import model
from marsad.gazetteer.importers import import_files
from marsad.publish.export import export_events
from marsad.store import repository


def _unplaced(text: str, location: str, latitude: float | None) -> model.Extraction:
    return model.Extraction(
        document_id=location, published=date(2019, 3, 9), pipeline={"name": "test", "version": "1"},
        events=[model.Event(id="E1", event_type="Battles", sub_event_type="Armed clash", event_date=date(2019, 3, 8),
                            actor1="SDF", actor2="ISIS", location=location, admin1="Deir ez-Zor", country="Syria",
                            latitude=latitude, longitude=None if latitude is None else 40.5, fatalities=2,
                            span=model.Span(0, len(text), text))],
    )  # fmt: skip


@pytest.mark.parametrize("layout, gazetteer_layout", [("ucdp-ged", "ucdp"), ("acled", "acled")])
def test_own_exports_import_into_the_gazetteer(archive, tmp_path, layout, gazetteer_layout):
    with archive.transaction() as session:
        source = repository.get_or_create_source(session, "Local Monitor")
        for text, location, latitude in (("Clashes near Zorbaqa left 2 dead.", "Zorbaqa", 34.9),
                                         ("Clashes somewhere left 2 dead.", None, None)):  # fmt: skip
            stored = repository.add_document(session, text=text, source=source, published=date(2019, 3, 9))
            repository.add_extraction(session, stored.document, _unplaced(text, location or "nowhere", latitude))
    exported = tmp_path / f"own.{layout}.csv"
    with archive.reader() as session:
        assert export_events(session, layout, exported) >= 4
    index = tmp_path / "gazetteer.sqlite"
    (report,) = import_files([str(exported)], layout=gazetteer_layout, index_path=index)
    assert report.places >= 2
    with sqlite3.connect(index) as connection:
        names = {row[0] for row in connection.execute("SELECT name FROM places")}
    assert "Zorbaqa" in names and "nowhere" not in names
