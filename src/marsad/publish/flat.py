"""marsad's own flat event layout, shared by the JSON Lines, GeoJSON and
Parquet exports: one column per :class:`EventRecord` field (dates as ISO
strings), plus ``coded`` (the imported coder's fields as JSON) when present."""

from __future__ import annotations

import json
from typing import Any

from marsad.publish.records import EventRecord

FLAT_COLUMNS = (
    "event_id", "document_id", "local_id", "event_date", "date_start", "date_end", "date_precision",
    "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "location",
    "admin1", "admin2", "admin3", "country", "latitude", "longitude", "geo_precision", "where_prec",
    "fatalities", "injured", "deaths_civilians", "deaths_a", "deaths_b", "deaths_unknown", "low", "high",
    "evidence", "span_start", "span_end", "source_name", "source_reliability", "document_url",
    "document_title", "published", "number_of_sources", "coded",
)
INT_COLUMNS = {"event_id", "document_id", "date_precision", "geo_precision", "where_prec", "fatalities", "injured",
               "deaths_civilians", "deaths_a", "deaths_b", "deaths_unknown", "low", "high", "span_start",
               "span_end", "number_of_sources"}
FLOAT_COLUMNS = {"latitude", "longitude"}
DATE_COLUMNS = ("event_date", "date_start", "date_end", "published")


def flat_row(record: EventRecord) -> dict[str, Any]:
    values = record.__dict__
    row = {column: values[column] for column in FLAT_COLUMNS}
    for column in DATE_COLUMNS:
        value = row[column]
        if value is not None:
            row[column] = value.isoformat()
    coded = row["coded"]
    row["coded"] = json.dumps({k: v for k, v in coded.items() if k != "_layout"}, ensure_ascii=False) if coded else None
    return row
