"""Reading and writing the shard ledger (:class:`marsad.batch.models.BatchShard`)."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import select


def stored_shards(db, keys: list[str]) -> dict[str, int]:
    """{key: documents} for the shards among ``keys`` already stored."""
    from marsad.batch.models import BatchShard

    found: dict[str, int] = {}
    with db.reader() as session:
        for start in range(0, len(keys), 500):
            query = select(BatchShard.key, BatchShard.documents).where(BatchShard.key.in_(keys[start : start + 500]))
            found.update(dict(session.execute(query).all()))
    return found


def record_shard(db, key: str, origin: str, documents: int) -> None:
    from marsad.batch.models import BatchShard

    with db.transaction() as session:
        if session.get(BatchShard, key) is None:
            session.add(BatchShard(key=key, origin=origin, documents=documents, stored_at=datetime.now(timezone.utc)))
