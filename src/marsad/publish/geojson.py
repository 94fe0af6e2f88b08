"""GeoJSON layout (RFC 7946): a FeatureCollection written feature by feature.

Each event is a Feature with a Point geometry (``null`` when the place is
not geocoded) and marsad's flat columns as properties.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from marsad.publish.flat import flat_row
from marsad.publish.records import EventRecord


def write_geojson(records: Iterable[EventRecord], stream: IO[str]) -> int:
    stream.write('{"type":"FeatureCollection","features":[\n')
    count = 0
    for record in records:
        properties = flat_row(record)
        geometry = None
        if record.latitude is not None and record.longitude is not None:
            geometry = {"type": "Point", "coordinates": [record.longitude, record.latitude]}
        feature = {"type": "Feature", "id": record.event_id, "geometry": geometry, "properties": properties}
        if count:
            stream.write(",\n")
        stream.write(json.dumps(feature, ensure_ascii=False))
        count += 1
    stream.write("\n]}\n")
    return count
