"""marsad's own flat event layout, shared by the JSON Lines, GeoJSON and
Parquet exports: one column per :class:`EventRecord` field (dates as ISO
strings), plus ``coded`` (the imported coder's fields as JSON) when present."""

from __future__ import annotations

import json
from datetime import date, datetime
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


def flat_row(record: EventRecord) -> dict[str, Any]:
    row = {}
    for column in FLAT_COLUMNS:
        value = getattr(record, column)
        if isinstance(value, (date, datetime)):
            value = value.isoformat()
        elif column == "coded":
            value = json.dumps({k: v for k, v in value.items() if k != "_layout"}, ensure_ascii=False) if value else None
        row[column] = value
    return row
