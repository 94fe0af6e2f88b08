"""``marsad export``: stream the stored events into one of the layouts.

>>> from marsad.store import open_database
>>> db = open_database()
>>> with db.session() as session:
...     export_events(session, "acled", "events.csv", public=True)

Records are read in batches through a server-side cursor, redacted one by
one in public mode, and written one by one (Parquet: one row group per
batch), so memory does not grow with the number of events.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from marsad.errors import InputError
from marsad.publish.records import EventRecord, Scope, iter_event_records
from marsad.publish.redaction import redact_record


@dataclass(frozen=True)
class Layout:
    name: str
    suffix: str
    binary: bool
    writer: Callable[[], Callable[..., int]]
    description: str


def _acled():
    from marsad.publish.acled import write_acled

    return write_acled


def _ucdp():
    from marsad.publish.ucdp import write_ucdp_ged

    return write_ucdp_ged


def _geojson():
    from marsad.publish.geojson import write_geojson

    return write_geojson


def _jsonl():
    from marsad.publish.jsonl import write_jsonl

    return write_jsonl


def _parquet():
    from marsad.publish.parquet import write_parquet

    return write_parquet


LAYOUTS = {
    "acled": Layout("acled", ".csv", False, _acled, "ACLED codebook columns (CSV)"),
    "ucdp-ged": Layout("ucdp-ged", ".csv", False, _ucdp, "UCDP GED columns, organised violence only (CSV)"),
    "geojson": Layout("geojson", ".geojson", False, _geojson, "GeoJSON FeatureCollection of points"),
    "jsonl": Layout("jsonl", ".jsonl", False, _jsonl, "one JSON object per event"),
    "parquet": Layout("parquet", ".parquet", True, _parquet, "Apache Parquet, marsad's flat columns"),
}


def get_layout(name: str) -> Layout:
    try:
        return LAYOUTS[name]
    except KeyError:
        raise InputError(f"Unknown export layout {name!r}: use one of {', '.join(LAYOUTS)}.") from None


def publishable(records, *, public: bool) -> Iterator[EventRecord]:
    for record in records:
        yield redact_record(record) if public else record


def write_records(records, layout: str, out: str | Path | IO[Any], *, public: bool = False) -> int:
    """Write ``records`` (any iterable of EventRecord) in ``layout`` to a path or stream."""
    chosen = get_layout(layout)
    writer = chosen.writer()
    rows = publishable(records, public=public)
    if not isinstance(out, (str, Path)):
        return writer(rows, out)
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    if chosen.binary:
        return writer(rows, str(path))
    with open(path, "w", encoding="utf-8", newline="") as stream:
        return writer(rows, stream)


def export_events(
    session, layout: str, out: str | Path | IO[Any], *, scope: Scope = Scope(), public: bool = False
) -> int:
    """Export every current event in ``scope``; returns the number written."""
    get_layout(layout)
    return write_records(iter_event_records(session, scope), layout, out, public=public)
