"""Run ``marsad`` with a slow fake extractor and slow fact inserts, so that a
test can kill it in the middle of a batch (and often inside a transaction).

    python -m tests.ingest.interrupt_child ingest DIR --database URL
"""

from __future__ import annotations

import sys
import time

from sqlalchemy import event
from sqlalchemy.engine import Engine

import marsad.ingest.service as service
from marsad.cli import main
from tests.ingest.fakes import FakeExtractor


def _slow_fact_inserts(conn, cursor, statement, parameters, context, executemany):
    if statement.lstrip().upper().startswith(("INSERT INTO EVENTS", "INSERT INTO CASUALTIES")):
        time.sleep(0.02)  # widen the window between a document's first and last write


if __name__ == "__main__":
    event.listen(Engine, "after_cursor_execute", _slow_fact_inserts)
    service.default_extractor = FakeExtractor(delay=0.005)
    main(sys.argv[1:])
