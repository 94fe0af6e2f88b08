"""Newsroom tables, on the store's ``Base`` (Alembic revision ``i10_001``).

- ``users``: accounts with one role (admin, reviewer, analyst, viewer) and an
  argon2 password hash; there is no default account and no default password.
- ``api_tokens``: tokens for scripts, stored as SHA-256 hashes (the token is
  shown once, when it is made).
- ``fact_reviews``: the review state of one fact (event, casualty count) or one
  link between two reports: its status, the machine's original values and the
  values in force after a correction, side by side.
- ``audit_log``: every change as who, when, what (old → new) and why.
- ``store_revision`` (``i10_002``): one row counting the writes to the tables
  the read API serves, kept by triggers on SQLite, so that cached answers are
  dropped by any write; PostgreSQL needs no counter (its snapshot says the same;
  see :mod:`marsad.review.readcache`).

A review is anchored to its fact by ``fact_id`` and, because a re-extraction
gives facts new ids, by the document and the character span of the evidence
(``span_start``/``span_end``), which a re-extraction of the same text keeps.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from marsad.store.models import Base, Event, utcnow


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(300))
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ApiToken(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str | None] = mapped_column(String(200))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class FactReview(Base):
    __tablename__ = "fact_reviews"
    __table_args__ = (
        Index("ix_fact_reviews_key", "kind", "fact_key", unique=True),
        Index("ix_fact_reviews_anchor", "kind", "document_id", "span_start", "span_end"),
        Index("ix_fact_reviews_fact", "kind", "fact_id", "status"),
        Index("ix_fact_reviews_status_updated", "status", "updated_at"),  # withdrawn records since a time (i10_002)
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # event | casualty | link
    fact_key: Mapped[str] = mapped_column(String(200))  # "<document id>/<local id>" or "<report a>|<report b>"
    fact_id: Mapped[int | None] = mapped_column(Integer)  # the current fact row (re-anchored after re-extraction)
    document_id: Mapped[int | None] = mapped_column(Integer, index=True)
    local_id: Mapped[str | None] = mapped_column(String(50))
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), index=True)  # in_review | verified | corrected | rejected
    machine: Mapped[dict] = mapped_column(JSON)  # the machine's values when the review began
    values: Mapped[dict | None] = mapped_column(JSON)  # values in force (verified snapshot or correction)
    proposed: Mapped[dict | None] = mapped_column(JSON)  # an analyst's correction awaiting a reviewer
    proposed_by: Mapped[str | None] = mapped_column(String(100))
    comment: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str | None] = mapped_column(String(100))
    touched: Mapped[str | None] = mapped_column(Text)  # why it went back to review
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    username: Mapped[str] = mapped_column(String(100), index=True)
    action: Mapped[str] = mapped_column(String(50))
    record: Mapped[str] = mapped_column(String(200), index=True)  # "casualty 12/C3", "user amal", "link 3/E1|5/E1"
    old: Mapped[dict | None] = mapped_column(JSON)
    new: Mapped[dict | None] = mapped_column(JSON)
    why: Mapped[str | None] = mapped_column(Text)


class StoreRevision(Base):
    """One row, ``revision`` bumped by a trigger on every insert, update and
    delete of the tables the read API serves (SQLite; see ``i10_002``)."""

    __tablename__ = "store_revision"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    revision: Mapped[int] = mapped_column(Integer, default=0)


# The read API lists current events by date (and governorate): with the run and
# admin1 in the index, a date range is read from the index alone (i10_002).
Index("ix_events_date_run_admin1", Event.event_date, Event.run_id, Event.admin1)
