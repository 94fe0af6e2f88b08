"""The documentation database schema (SQLAlchemy 2 declarative models).

Every table here is created by the Alembic revision ``0001``. Other packages
(reconciliation, publishing) add their own tables on the same :class:`Base`
in their own module and their own later Alembic revision
(``down_revision = "0001"``), so that one ``marsad init`` creates everything.

Facts (events, casualties, places, actors) always carry their document, their
extraction run and the character span of their evidence over
``documents.text``. Queries read only *current* runs
(``extraction_runs.is_current``): the latest run of the current version of a
document, so facts of two runs, or of two versions, are never mixed.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Stable constraint names, so that migrations can refer to them on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

RELIABILITY_GRADES = ("A", "B", "C", "D", "E", "F")


def source_key(name: str) -> str:
    """A source's identity: its name casefolded, with leading and trailing
    whitespace dropped and inner runs made one space. "SecretNet",
    "secretnet " and "SECRETNET" are one source; "Secret Net" (a space inside
    the name) is another.

    >>> source_key("  Local\tNetwork ") == source_key("local network")
    True
    """
    return " ".join(name.casefold().split())


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def as_utc(moment: datetime) -> datetime:
    """A stored time as an aware UTC one: SQLite hands back naive UTC
    datetimes, PostgreSQL aware ones."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class SpanColumns:
    """Evidence span over ``documents.text`` (half-open ``[span_start, span_end)``),
    the rule or model that produced the fact and its confidence."""

    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    span_text: Mapped[str | None] = mapped_column(Text)
    rule: Mapped[str | None] = mapped_column(String(200))
    confidence: Mapped[float | None] = mapped_column(Float)


def _name_key_default(context) -> str:
    return source_key(context.get_current_parameters()["name"])


class Source(Base):
    """A reporting organisation, graded on the Admiralty scale
    (A completely reliable … E unreliable, F cannot be judged)."""

    __tablename__ = "sources"
    __table_args__ = (
        CheckConstraint(
            "reliability IS NULL OR reliability IN ('A','B','C','D','E','F')", name="reliability_grade"
        ),
        Index("uq_sources_name_key", "name_key", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # ``name`` is shown as first written; ``name_key`` (:func:`source_key`) is
    # the identity, so that a confidential source cannot reappear as a public
    # one by a change of case or spacing (revision i14b_001).
    name: Mapped[str] = mapped_column(String(200), unique=True)
    name_key: Mapped[str] = mapped_column(String(200), default=_name_key_default)
    reliability: Mapped[str | None] = mapped_column(String(1))
    confidential: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    url: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Document(Base):
    """One version of one report, with its full text (the archive is the evidence).

    ``content_hash`` (SHA-256 of ``text``) is unique: the same text is stored once.
    ``version_key`` (the URL, or ``source:external id``) groups the versions of
    one report; a new text under the same key is a new row with ``version`` + 1
    and ``supersedes_id`` pointing at the old row, which stays, with
    ``is_current`` false.
    """

    __tablename__ = "documents"
    __table_args__ = (Index("ix_documents_version_key_current", "version_key", "is_current"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"), index=True)
    external_id: Mapped[str | None] = mapped_column(String(500))
    version_key: Mapped[str | None] = mapped_column(String(1000))
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date, index=True)
    published_inferred: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    language: Mapped[str | None] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    char_count: Mapped[int] = mapped_column(Integer)
    input_format: Mapped[str | None] = mapped_column(String(20))
    origin: Mapped[str | None] = mapped_column(Text)  # file path, with ":line" for JSONL/CSV rows
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    is_current: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    source: Mapped[Source | None] = relationship()
    runs: Mapped[list[ExtractionRun]] = relationship(back_populates="document", order_by="ExtractionRun.id")


class ExtractionRun(Base):
    """One pass of the extraction pipeline over one document version.

    ``pipeline`` is ``Extraction.pipeline`` (name, version, components and
    their config) so the run can be replayed; ``extraction`` keeps the full
    machine form for audit. ``is_current`` marks the latest run of the current
    version of its document: the only facts queries read.
    """

    __tablename__ = "extraction_runs"
    __table_args__ = (Index("ix_extraction_runs_document_current", "document_id", "is_current"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    pipeline_name: Mapped[str] = mapped_column(String(200))
    pipeline_version: Mapped[str] = mapped_column(String(100))
    pipeline_hash: Mapped[str] = mapped_column(String(64))  # of the canonical pipeline JSON
    pipeline: Mapped[dict] = mapped_column(JSON)
    extraction: Mapped[dict | None] = mapped_column(JSON)
    warnings: Mapped[list | None] = mapped_column(JSON)
    is_current: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1", index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    document: Mapped[Document] = relationship(back_populates="runs")


class FactColumns(SpanColumns):
    """Columns every fact table shares: run, document and the local id the
    extraction gave it (``"E1"``, ``"C3"``, ``"P2"``) within its run."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    local_id: Mapped[str] = mapped_column(String(50))


class Event(FactColumns, Base):
    __tablename__ = "events"

    run_id: Mapped[int] = mapped_column(ForeignKey("extraction_runs.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    event_type: Mapped[str] = mapped_column(String(100))
    sub_event_type: Mapped[str] = mapped_column(String(100))
    event_date: Mapped[date | None] = mapped_column(Date, index=True)
    date_start: Mapped[date | None] = mapped_column(Date)
    date_end: Mapped[date | None] = mapped_column(Date)
    date_precision: Mapped[int | None] = mapped_column(Integer)
    actor1: Mapped[str | None] = mapped_column(String(200))
    actor2: Mapped[str | None] = mapped_column(String(200))
    assoc_actor_1: Mapped[str | None] = mapped_column(String(200))
    assoc_actor_2: Mapped[str | None] = mapped_column(String(200))
    location: Mapped[str | None] = mapped_column(String(300), index=True)
    admin1: Mapped[str | None] = mapped_column(String(200))
    admin2: Mapped[str | None] = mapped_column(String(200))
    country: Mapped[str | None] = mapped_column(String(100))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    fatalities: Mapped[int] = mapped_column(Integer, default=0)
    injured: Mapped[int] = mapped_column(Integer, default=0)
    salience: Mapped[float | None] = mapped_column(Float)
    rank: Mapped[int] = mapped_column(Integer, default=0)  # 0 = the document's main event


class Casualty(FactColumns, Base):
    """One stated or derived count. ``part_of_id`` links an "including"
    sub-count to its parent row; ``alternative_of_id`` links another statement
    of the same people (a headline, a restatement, a party's claim) to the
    count that stands for them, so it is never added again; ``derived`` says
    how an implied figure was computed; ``is_tally`` marks cumulative claims;
    ``party_claim`` a party's word on its own kills that the report gives alone."""

    __tablename__ = "casualties"

    run_id: Mapped[int] = mapped_column(ForeignKey("extraction_runs.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"), index=True)
    part_of_id: Mapped[int | None] = mapped_column(ForeignKey("casualties.id", ondelete="SET NULL"))
    alternative_of_id: Mapped[int | None] = mapped_column(ForeignKey("casualties.id", ondelete="SET NULL"))
    outcome: Mapped[str] = mapped_column(String(30))
    count: Mapped[int | None] = mapped_column(Integer)
    low: Mapped[int | None] = mapped_column(Integer)
    high: Mapped[int | None] = mapped_column(Integer)
    qualifier: Mapped[str | None] = mapped_column(String(30))
    vague: Mapped[str | None] = mapped_column(String(50))
    victims: Mapped[str | None] = mapped_column(String(30))
    victim_group: Mapped[str | None] = mapped_column(String(50))
    affiliation: Mapped[str | None] = mapped_column(String(200))
    nationality: Mapped[str | None] = mapped_column(String(100))
    perpetrator: Mapped[str | None] = mapped_column(String(500))  # "; "-joined, in stated order
    perpetrators: Mapped[list | None] = mapped_column(JSON)
    cause: Mapped[str | None] = mapped_column(String(50))
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    period_precision: Mapped[int | None] = mapped_column(Integer)
    period_relative: Mapped[bool | None] = mapped_column(Boolean)
    derived: Mapped[str | None] = mapped_column(Text)
    is_tally: Mapped[bool] = mapped_column(Boolean, default=False)
    party_claim: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class Place(FactColumns, Base):
    """One place mention as written, and as resolved in the gazetteer."""

    __tablename__ = "places"

    run_id: Mapped[int] = mapped_column(ForeignKey("extraction_runs.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(String(300))
    name: Mapped[str | None] = mapped_column(String(300), index=True)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    admin1: Mapped[str | None] = mapped_column(String(200))
    admin2: Mapped[str | None] = mapped_column(String(200))
    country: Mapped[str | None] = mapped_column(String(100))
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    where_prec: Mapped[int | None] = mapped_column(Integer)
    gazetteer_id: Mapped[str | None] = mapped_column(String(100))
    feature: Mapped[str | None] = mapped_column(String(50))
    relation: Mapped[str | None] = mapped_column(String(100))
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)


class Actor(FactColumns, Base):
    __tablename__ = "actors"

    run_id: Mapped[int] = mapped_column(ForeignKey("extraction_runs.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(String(300))
    name: Mapped[str] = mapped_column(String(200), index=True)
    acled_name: Mapped[str | None] = mapped_column(String(300))
    ucdp_name: Mapped[str | None] = mapped_column(String(300))
    inter: Mapped[int | None] = mapped_column(Integer)


class EventPlace(Base):
    """Which place mentions an event cites (``Event.place_ids``)."""

    __tablename__ = "event_places"

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    place_id: Mapped[int] = mapped_column(ForeignKey("places.id", ondelete="CASCADE"), primary_key=True)


class CasualtyPlace(Base):
    """Which place mentions a casualty count cites (``Casualty.place_ids``)."""

    __tablename__ = "casualty_places"

    casualty_id: Mapped[int] = mapped_column(ForeignKey("casualties.id", ondelete="CASCADE"), primary_key=True)
    place_id: Mapped[int] = mapped_column(ForeignKey("places.id", ondelete="CASCADE"), primary_key=True)


class IngestFailure(Base):
    """A document that could not be read, stored or extracted, with its error.

    ``origin`` names the file (and line for JSONL/CSV rows); ``stage`` says
    where it failed (read, clean, language, extract, store). A later
    successful ingest of the same origin sets ``resolved_at``.
    """

    __tablename__ = "ingest_failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    origin: Mapped[str] = mapped_column(Text)
    stage: Mapped[str] = mapped_column(String(30))
    error_type: Mapped[str] = mapped_column(String(100))
    error: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str | None] = mapped_column(String(64))
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


FACT_MODELS = (Event, Casualty, Place, Actor)
