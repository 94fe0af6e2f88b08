"""Reconciliation tables, on the store's ``Base`` (Alembic revision ``r001``).

- ``incidents``: one real-world incident, with the attributes taken from its
  reports (see :mod:`marsad.reconcile.incidents`).
- ``incident_reports``: which reports (extracted events) belong to it.
- ``incident_links``: every scored candidate pair, with the contribution of
  each comparison (``contributions``), so every link can be explained.
- ``incident_estimates``: low/best/high per incident, outcome and victim
  category, with the rule that produced them.
- ``review_decisions``: a person's "same"/"different" on a pair of reports;
  always wins over the model.
- ``tally_claims``: cumulative totals a source states ("608 since 10
  September"), with their scope and their "including" hierarchy, and the
  remainders that reconcile derives ("608 − 341").

Reports are keyed by ``report_key`` = ``"<document id>/<event local id>"``, a
key that survives re-extraction of other documents.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from marsad.store.models import Base, utcnow


class Incident(Base):
    __tablename__ = "incidents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_date: Mapped[date | None] = mapped_column(Date, index=True)
    date_precision: Mapped[int | None] = mapped_column(Integer)
    event_type: Mapped[str | None] = mapped_column(String(100))
    sub_event_type: Mapped[str | None] = mapped_column(String(100))
    actor1: Mapped[str | None] = mapped_column(String(200))
    actor2: Mapped[str | None] = mapped_column(String(200))
    perpetrator: Mapped[str | None] = mapped_column(String(200), index=True)
    location: Mapped[str | None] = mapped_column(String(300))
    admin1: Mapped[str | None] = mapped_column(String(200), index=True)
    admin2: Mapped[str | None] = mapped_column(String(200))
    country: Mapped[str | None] = mapped_column(String(100))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    n_reports: Mapped[int] = mapped_column(Integer, default=0)
    n_sources: Mapped[int] = mapped_column(Integer, default=0)
    sources: Mapped[list | None] = mapped_column(JSON)
    linkage_version: Mapped[str | None] = mapped_column(String(50))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class IncidentReport(Base):
    __tablename__ = "incident_reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), unique=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    report_key: Mapped[str] = mapped_column(String(100), index=True)
    source: Mapped[str | None] = mapped_column(String(200))
    superseded: Mapped[bool] = mapped_column(Boolean, default=False)
    link_probability: Mapped[float | None] = mapped_column(Float)  # strongest link into its incident


class IncidentLink(Base):
    __tablename__ = "incident_links"
    __table_args__ = (Index("ix_incident_links_pair", "report_key_a", "report_key_b", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_key_a: Mapped[str] = mapped_column(String(100))
    report_key_b: Mapped[str] = mapped_column(String(100))
    event_a_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    event_b_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    match_weight: Mapped[float] = mapped_column(Float)
    match_probability: Mapped[float] = mapped_column(Float, index=True)
    contributions: Mapped[dict] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(20))  # linked | not_linked
    uncertain: Mapped[bool] = mapped_column(Boolean, default=False, index=True)


class IncidentEstimate(Base):
    __tablename__ = "incident_estimates"
    __table_args__ = (Index("ix_incident_estimates_key", "incident_id", "outcome", "category", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), index=True)
    outcome: Mapped[str] = mapped_column(String(30))
    category: Mapped[str] = mapped_column(String(200))  # civilians | civilians/children | combatants/SDF | unknown …
    low: Mapped[int] = mapped_column(Integer)
    best: Mapped[int] = mapped_column(Integer)
    high: Mapped[int] = mapped_column(Integer)
    open_high: Mapped[bool] = mapped_column(Boolean, default=False)  # some source gave only a lower bound
    n_reports: Mapped[int] = mapped_column(Integer)
    n_sources: Mapped[int] = mapped_column(Integer)
    best_report_key: Mapped[str | None] = mapped_column(String(100))
    explanation: Mapped[str] = mapped_column(Text)


class ReviewDecision(Base):
    __tablename__ = "review_decisions"
    __table_args__ = (Index("ix_review_decisions_pair", "report_key_a", "report_key_b", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_key_a: Mapped[str] = mapped_column(String(100))
    report_key_b: Mapped[str] = mapped_column(String(100))
    decision: Mapped[str] = mapped_column(String(20))  # same | different
    decided_by: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class TallyClaim(Base):
    __tablename__ = "tally_claims"
    __table_args__ = (Index("ix_tally_claims_key", "claim_key", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_key: Mapped[str] = mapped_column(String(120))  # "<document id>/<casualty local id>" or "…/derived:<…>"
    casualty_id: Mapped[int | None] = mapped_column(ForeignKey("casualties.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    parent_key: Mapped[str | None] = mapped_column(String(120))
    source: Mapped[str | None] = mapped_column(String(200))
    published: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(String(30))
    category: Mapped[str] = mapped_column(String(200))
    perpetrators: Mapped[list | None] = mapped_column(JSON)
    cause: Mapped[str | None] = mapped_column(String(50))
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    admin1: Mapped[str | None] = mapped_column(String(200))
    count: Mapped[int | None] = mapped_column(Integer)
    low: Mapped[int | None] = mapped_column(Integer)
    high: Mapped[int | None] = mapped_column(Integer)
    qualifier: Mapped[str | None] = mapped_column(String(30))
    derived: Mapped[str | None] = mapped_column(Text)
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    span_text: Mapped[str | None] = mapped_column(Text)
