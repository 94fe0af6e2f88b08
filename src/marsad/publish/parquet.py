"""Parquet layout: marsad's flat columns with a fixed Arrow schema, written
in row groups of :data:`ROW_GROUP` events (memory flat in the event count)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

from marsad.publish.flat import FLAT_COLUMNS, FLOAT_COLUMNS, INT_COLUMNS, flat_row
from marsad.publish.records import EventRecord

ROW_GROUP = 50_000


def arrow_schema():
    import pyarrow as pa

    def column_type(name: str):
        if name in INT_COLUMNS:
            return pa.int64()
        if name in FLOAT_COLUMNS:
            return pa.float64()
        return pa.string()

    return pa.schema([(name, column_type(name)) for name in FLAT_COLUMNS])


def write_parquet(records: Iterable[EventRecord], sink: str | BinaryIO, *, row_group: int = ROW_GROUP) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema()
    count = 0
    with pq.ParquetWriter(sink, schema, compression="zstd") as writer:
        batch: list[dict] = []
        for record in records:
            batch.append(flat_row(record))
            if len(batch) >= row_group:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count += len(batch)
                batch = []
        if batch or not count:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count
