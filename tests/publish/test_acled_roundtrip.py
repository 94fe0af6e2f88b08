"""ACLED rows imported through marsad keep their fields: import a sample of
the shared ACLED file, check the stored events, export, compare column by column."""

from __future__ import annotations

import csv
import itertools

from marsad.publish.acled import ACLED_COLUMNS
from marsad.publish.acled_import import import_acled
from marsad.publish.export import export_events

SAMPLE = 150


def _sample(shared_dir, tmp_path):
    source = shared_dir / "data" / "acled-2022h1" / "events.csv"
    with open(source, encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        fields = reader.fieldnames
        # every 60th row: spread over countries, event types and dates
        rows = list(itertools.islice(itertools.islice(reader, 0, None, 60), SAMPLE))
    path = tmp_path / "sample.csv"
    with open(path, "w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return path, rows


def test_acled_rows_survive_import_and_export(database, shared_dir, tmp_path):
    from sqlalchemy import func, select

    from marsad.store.models import Event

    path, rows = _sample(shared_dir, tmp_path)
    with database.transaction() as session:
        summary = import_acled(session, path)
    assert (summary.new, summary.failed) == (len(rows), [])
    with database.transaction() as session:
        again = import_acled(session, path)
    assert (again.new, again.unchanged) == (0, len(rows))
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Event)) == len(rows)
        from marsad.publish.models import CodedEvent

        pairs = session.execute(select(CodedEvent.external_id, Event).join(Event, Event.id == CodedEvent.event_id))
        stored = {external_id: event for external_id, event in pairs}
        out = tmp_path / "roundtrip.csv"
        assert export_events(session, "acled", out) == len(rows)
    for row in rows:  # marsad's own columns hold the coded values too
        event = stored[row["event_id_cnty"]]
        assert event.event_date.isoformat() == row["event_date"]
        assert (event.event_type, event.sub_event_type, event.fatalities) == (
            row["event_type"], row["sub_event_type"], int(float(row["fatalities"])))
        assert event.actor1 == (row["actor1"] or None) and event.admin1 == (row["admin1"] or None)
    with open(out, encoding="utf-8", newline="") as stream:
        exported = {r["event_id_cnty"]: r for r in csv.DictReader(stream)}
    assert len(exported) == len(rows)
    for row in rows:
        back = exported[row["event_id_cnty"]]
        assert {c: back[c] for c in ACLED_COLUMNS} == {c: row[c] for c in ACLED_COLUMNS}
