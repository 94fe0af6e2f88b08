"""ACLED layout: the columns of ACLED's export, in ACLED's order and naming.

The column-by-column mapping is documented in ``docs/exports.md``. Events
imported from an ACLED file (:mod:`marsad.publish.acled_import`) carry their
coded values, which are written back unchanged; other events are coded from
marsad's fields.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from marsad import csvsafe
from marsad.publish import codes
from marsad.publish.records import EventRecord

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location",
    "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags",
    "timestamp",
)


def acled_row(record: EventRecord) -> dict[str, Any]:
    if record.coded.get("_layout") == "acled":
        return {column: record.coded.get(column, "") for column in ACLED_COLUMNS}
    inter1, inter2 = codes.inter_code(record.actor1), codes.inter_code(record.actor2)
    disorder = codes.disorder_type(record.event_type, record.sub_event_type)
    # ACLED marks civilian targeting on political violence only.
    targets_civilians = disorder == "Political violence" and (
        record.event_type == "Violence against civilians" or inter2 == 7)
    return {
        "event_id_cnty": f"{codes.iso3(record.country)}{record.event_id}",
        "event_date": record.event_date.isoformat() if record.event_date else "",
        "year": record.event_date.year if record.event_date else "",
        "time_precision": codes.acled_time_precision(record.date_precision),
        "disorder_type": disorder,
        "event_type": record.event_type or "",
        "sub_event_type": record.sub_event_type or "",
        "actor1": codes.acled_name(record.actor1, record.country),
        "assoc_actor_1": codes.acled_name(record.assoc_actor_1, record.country),
        "inter1": inter1,
        "actor2": codes.acled_name(record.actor2, record.country),
        "assoc_actor_2": codes.acled_name(record.assoc_actor_2, record.country),
        "inter2": inter2,
        "interaction": codes.interaction_code(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if targets_civilians else "",
        "iso": codes.iso_numeric(record.country) or "",
        "region": codes.ACLED_REGIONS.get(record.country or "", ""),
        "country": record.country or "",
        "admin1": record.admin1 or "",
        "admin2": record.admin2 or "",
        "admin3": record.admin3 or "",
        "location": record.location or "",
        "latitude": _coordinate(record.latitude),
        "longitude": _coordinate(record.longitude),
        "geo_precision": record.geo_precision or "",
        "source": record.source_name or "",
        "source_scale": "",
        "notes": record.evidence or "",
        "fatalities": record.fatalities,
        "tags": "",
        "timestamp": int(record.ingested_at.timestamp()) if record.ingested_at else "",
    }


def _coordinate(value: float | None) -> Any:
    return "" if value is None else round(value, 4)


def write_acled(records: Iterable[EventRecord], stream: IO[str]) -> int:
    return write_csv(records, stream, ACLED_COLUMNS, acled_row)


def write_csv(records: Iterable[EventRecord], stream: IO[str], columns, to_row) -> int:
    """Write rows one by one (nothing is held in memory); text cells that a
    spreadsheet would run as formulas are neutralised (:mod:`marsad.csvsafe`)."""
    writer = csvsafe.writer(stream, lineterminator="\n")
    writer.writerow(columns)
    count = 0
    for record in records:
        row = to_row(record)
        writer.writerow([row[column] for column in columns])
        count += 1
    return count
