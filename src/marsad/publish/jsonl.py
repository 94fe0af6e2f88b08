"""JSON Lines layout: one event object per line in marsad's flat naming."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from marsad.publish.flat import flat_row
from marsad.publish.records import EventRecord


def write_jsonl(records: Iterable[EventRecord], stream: IO[str]) -> int:
    count = 0
    for record in records:
        stream.write(json.dumps(flat_row(record), ensure_ascii=False))
        stream.write("\n")
        count += 1
    return count
