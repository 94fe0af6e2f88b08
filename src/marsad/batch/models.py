"""The shard ledger: which input shards a batch has stored, keyed by content.

A shard's row is written in the same transaction as its documents, so after a
crash a shard is either wholly stored and listed here, or absent from both;
a re-run skips the listed ones. Created by the Alembic revision ``i13_001``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from marsad.store.models import Base


class BatchShard(Base):
    __tablename__ = "batch_shards"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)  # SHA-256 of bytes, options and pipeline
    origin: Mapped[str] = mapped_column(Text)  # "file" or "file@start-end": where it was read from
    documents: Mapped[int] = mapped_column(Integer)
    stored_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
