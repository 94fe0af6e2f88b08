"""Two writers at once on PostgreSQL (or SQLite): how many rounds fail.

1. ``sources``: per round, two ingests start together, each naming the same
   new source (``--rounds`` rounds).
2. ``reconcile``: an ingest commits document after document while reconcile
   runs round after round, as ``marsad reconcile`` runs it (in one snapshot
   where the code offers it), for ``--seconds`` seconds.

    python bench/concurrency.py --database postgresql://postgres@127.0.0.1:5432/postgres --rounds 20 --seconds 20

It prints one JSON object. The database is used in a fresh schema
(PostgreSQL) or a fresh file (SQLite) that is dropped at the end.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from marsad.ingest.readers import RawDocument  # noqa: E402
from marsad.ingest.service import IngestOptions, ingest_documents  # noqa: E402
from marsad.store.db import normalise_url, open_database  # noqa: E402
from tests.ingest.fakes import FakeExtractor, report  # noqa: E402


def _raw(tag: str, n: int) -> RawDocument:
    return RawDocument(origin=f"{tag}:{n}", input_format="text", text=report(n, place=f"Town{tag}"))


def source_race(url: str, rounds: int) -> dict:
    databases = [open_database(url), open_database(url)]
    failed_rounds = 0
    for number in range(rounds):
        barrier, errors = threading.Barrier(2), []

        def run(index: int, barrier=barrier, errors=errors, number=number) -> None:
            barrier.wait(timeout=10)
            try:
                summary = ingest_documents(databases[index], [_raw(f"r{number}w{index}", 1)],
                                           IngestOptions(source=f"Fresh Network {number}", extract=False))  # fmt: skip
                errors.extend(f.message for f in summary.failures)
            except Exception as error:  # noqa: BLE001 - counted
                errors.append(repr(error))

        threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        failed_rounds += bool(errors)
    for database in databases:
        database.dispose()
    return {"rounds": rounds, "failed_rounds": failed_rounds}


def reconcile_during_ingest(url: str, seconds: float) -> dict:
    from marsad.reconcile import reconcile

    writer, reader = open_database(url), open_database(url)
    stop, documents = threading.Event(), [0]

    def keep_ingesting() -> None:
        while not stop.is_set():
            ingest_documents(writer, [_raw("s", documents[0])], extractor=FakeExtractor())
            documents[0] += 1

    thread = threading.Thread(target=keep_ingesting)
    thread.start()
    rounds, failures, kinds = 0, 0, set()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            try:
                transaction = reader.transaction(snapshot=True)
            except TypeError:  # code without snapshots: what `marsad reconcile` did before
                transaction = reader.transaction()
            with transaction as session:
                reconcile(session)
        except Exception as error:  # noqa: BLE001 - counted
            failures += 1
            kinds.add(type(error).__name__ + (f": {error}" if isinstance(error, KeyError) else ""))
        rounds += 1
    stop.set()
    thread.join(timeout=60)
    writer.dispose()
    reader.dispose()
    return {"rounds": rounds, "failed_rounds": failures, "errors": sorted(kinds)[:5], "documents_ingested": documents[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", help="PostgreSQL URL (a fresh schema is made in it); default: a fresh SQLite file")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args()
    if args.database:
        from sqlalchemy import create_engine, text

        schema = f"bench_{uuid.uuid4().hex[:12]}"
        admin = create_engine(normalise_url(args.database), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = f"{args.database}{'&' if '?' in args.database else '?'}options=-csearch_path%3D{schema}"
    else:
        url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.sqlite'}"
    try:
        result = {"sources": source_race(url, args.rounds), "reconcile": reconcile_during_ingest(url, args.seconds)}
    finally:
        if args.database:
            with admin.connect() as connection:
                connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            admin.dispose()
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
