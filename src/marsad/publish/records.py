"""The adapter between the database and every publisher.

Exports, charts and maps read :class:`EventRecord` objects: one flat record per
stored event with its document, source and casualty breakdown. They come
either from the database (:func:`iter_event_records`, streamed in batches
with server-side cursors so that memory stays flat) or from plain dicts
(:func:`records_from_dicts`, for tests and for callers that hold rows).

A record keeps ``coded``: the fields of an imported coded dataset (an ACLED
CSV row), which the matching exporter writes back unchanged.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import Any

KILLED_OUTCOMES = ("killed", "executed")
BATCH_SIZE = 2000


@dataclass
class EventRecord:
    event_id: int
    document_id: int | None = None
    local_id: str | None = None
    event_date: date | None = None
    date_start: date | None = None
    date_end: date | None = None
    date_precision: int | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: str | None = None
    assoc_actor_1: str | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    location: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    where_prec: int | None = None
    fatalities: int = 0
    injured: int = 0
    deaths_civilians: int = 0
    deaths_a: int = 0
    deaths_b: int = 0
    deaths_unknown: int = 0
    low: int | None = None
    high: int | None = None
    evidence: str | None = None  # the span that states the event
    span_start: int | None = None
    span_end: int | None = None
    source_name: str | None = None
    source_confidential: bool = False
    source_reliability: str | None = None
    document_url: str | None = None
    document_title: str | None = None
    published: date | None = None
    ingested_at: datetime | None = None
    number_of_sources: int = 1
    coded: dict[str, Any] = field(default_factory=dict)

    @property
    def best(self) -> int:
        return self.fatalities

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Scope:
    """What to publish: a period (inclusive; an event whose dates overlap it
    is in) and an area matched like ``marsad events list --place``: against
    the event's location, admin1, admin2 and cited places, spelling-tolerant
    ("Deir ez-Zor" = "Deir Ezzor")."""

    date_from: date | None = None
    date_to: date | None = None
    area: str | None = None
    verified_only: bool = False  # only facts a person verified or corrected (marsad.review)


@lru_cache(maxsize=8192)
def area_key(name: str) -> str:
    """A spelling-insensitive key: lower case, letters and digits only,
    "ez"/"al"/"as" articles kept (they are part of the name)."""
    return re.sub(r"[^0-9a-z]", "", name.casefold())


def records_from_dicts(rows: Iterable[dict[str, Any]]) -> Iterator[EventRecord]:
    names = {f.name for f in dataclasses.fields(EventRecord)}
    for index, row in enumerate(rows, 1):
        values = {k: v for k, v in row.items() if k in names}
        values.setdefault("event_id", index)
        yield EventRecord(**values)


def iter_event_records(session, scope: Scope = Scope(), *, batch_size: int = BATCH_SIZE) -> Iterator[EventRecord]:
    """Every current event in ``scope``, in date order, streamed in batches.

    The events are read through one server-side cursor (``yield_per``); the
    casualty breakdown and coded fields of each batch come from one query
    per batch, so memory depends on the batch size, not on the table.
    """
    from sqlalchemy.orm import aliased

    from marsad.store.models import Document, Event, Source
    from marsad.store.repository import events_query

    Source = aliased(Source)  # type: ignore[misc]  # events_query may join sources itself
    # Plain columns, not ORM entities: an export reads millions of rows once.
    columns = [Event.__table__.c[name] for name in EVENT_COLUMNS]
    query = (
        events_query(place=scope.area, date_from=scope.date_from, date_to=scope.date_to, session=session)
        .outerjoin(Source, Source.id == Document.source_id)
        .with_only_columns(*columns, Document.url, Document.title, Document.published, Document.ingested_at,
                           Source.name, Source.confidential, Source.reliability)
        .execution_options(yield_per=batch_size, stream_results=True)
    )
    batch: list[EventRecord] = []
    for row in session.execute(query):
        batch.append(_record_from_row(row))
        if len(batch) >= batch_size:
            yield from _completed(session, batch, scope.verified_only)
            batch = []
    if batch:
        yield from _completed(session, batch, scope.verified_only)


EVENT_COLUMNS = (
    "id", "document_id", "local_id", "event_date", "date_start", "date_end", "date_precision", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "location", "admin1", "admin2",
    "country", "latitude", "longitude", "geo_precision", "fatalities", "injured", "span_text", "span_start", "span_end",
)
_EXTRA = ("document_url", "document_title", "published", "ingested_at", "source_name", "source_confidential",
          "source_reliability")
_RENAMED = {"id": "event_id", "span_text": "evidence"}
_FIELDS = tuple(_RENAMED.get(name, name) for name in EVENT_COLUMNS) + _EXTRA


def _record_from_row(row) -> EventRecord:
    record = EventRecord(**dict(zip(_FIELDS, row)))
    record.fatalities = record.fatalities or 0
    record.injured = record.injured or 0
    record.source_confidential = bool(record.source_confidential)
    return record


def _completed(session, batch: list[EventRecord], verified_only: bool = False) -> list[EventRecord]:
    """Fill the casualty breakdown and the coded fields of one batch; drop the
    events that are only claims (a monthly toll is never an event)."""
    claims = _claim_events(session, batch)
    batch = [record for record in batch if record.event_id not in claims]
    if not batch:
        return batch
    ids = [record.event_id for record in batch]
    by_id = {record.event_id: record for record in batch}
    for event_id, casualty in _casualties_of(session, ids):
        _add_casualty(by_id[event_id], casualty)
    for event_id, layout, fields in _coded_fields_of(session, ids):
        by_id[event_id].coded = dict(fields or {}, _layout=layout)
    for event_id, where_prec in _where_precision_of(session, ids):
        by_id[event_id].where_prec = where_prec
    for event_id, sources in _incident_sources_of(session, ids):
        by_id[event_id].number_of_sources = max(sources or 1, 1)
    for record in batch:
        _settle_estimates(record)
    from marsad.review.overlay import apply_to_records

    return apply_to_records(session, batch, verified_only=verified_only)  # people's corrections win; rejected events drop


def _claim_events(session, batch: list[EventRecord]) -> set[int]:
    """Events that are only claims (a period or cumulative toll, or a part of
    one; :func:`marsad.counting.is_claim`): every count attached to the event
    is a claim, or none is and the event's own text states a claim ("312
    people were killed in February" is not an event)."""
    from sqlalchemy import or_

    from marsad.counting import is_claim, is_claim_event
    from marsad.store.models import Casualty
    from marsad.store.repository import current_fact_query

    ids = [record.event_id for record in batch]
    documents = {record.document_id for record in batch}
    query = current_fact_query(Casualty).with_only_columns(
        Casualty.id, Casualty.event_id, Casualty.document_id, Casualty.part_of_id, Casualty.is_tally,
        Casualty.period_start, Casualty.period_end, Casualty.span_start).where(
        or_(Casualty.event_id.in_(ids), Casualty.document_id.in_(documents) & Casualty.event_id.is_(None)))  # fmt: skip
    rows = {row.id: {"part_of": row.part_of_id, "is_tally": row.is_tally, "period_start": row.period_start,
                     "period_end": row.period_end, "event_id": row.event_id, "document_id": row.document_id,
                     "start": row.span_start} for row in session.execute(query)}  # fmt: skip
    attached: dict[int, list[bool]] = {}
    loose: dict[int, list[int]] = {}  # document id -> where its claims not attached to an event start
    for row in rows.values():
        claim = is_claim(row, lambda fact: rows.get(fact["part_of"]))
        if row["event_id"] is not None:
            attached.setdefault(row["event_id"], []).append(claim)
        elif claim and row["start"] is not None:
            loose.setdefault(row["document_id"], []).append(row["start"])
    return {record.event_id for record in batch
            if is_claim_event(attached.get(record.event_id, []), (record.span_start, record.span_end), loose.get(record.document_id, []))}  # fmt: skip


def _where_precision_of(session, event_ids: list[int]):
    """UCDP where_prec of each event: the most precise of the places it cites."""
    from sqlalchemy import func, select

    from marsad.store.models import EventPlace, Place

    query = (select(EventPlace.event_id, func.min(Place.where_prec))
             .join(Place, Place.id == EventPlace.place_id)
             .where(EventPlace.event_id.in_(event_ids), Place.where_prec.is_not(None))
             .group_by(EventPlace.event_id))
    return session.execute(query).all()


def _incident_sources_of(session, event_ids: list[int]):
    """Independent sources of each event's reconciled incident (``marsad reconcile``)."""
    try:
        from marsad.reconcile.models import Incident, IncidentReport
    except ImportError:  # pragma: no cover - reconciliation ships with marsad
        return []
    from sqlalchemy import select

    query = (select(IncidentReport.event_id, Incident.n_sources)
             .join(Incident, Incident.id == IncidentReport.incident_id)
             .where(IncidentReport.event_id.in_(event_ids)))
    return session.execute(query).all()


def _casualties_of(session, event_ids: list[int]):
    from sqlalchemy import select

    from marsad.store.models import Casualty

    query = select(Casualty.event_id, Casualty.count, Casualty.low, Casualty.high, Casualty.qualifier, Casualty.vague,
                   Casualty.victims, Casualty.affiliation).where(
        Casualty.event_id.in_(event_ids), Casualty.part_of_id.is_(None), Casualty.alternative_of_id.is_(None),
        Casualty.outcome.in_(KILLED_OUTCOMES),
    )
    for row in session.execute(query):
        yield row.event_id, row


def _coded_fields_of(session, event_ids: list[int]):
    try:
        from marsad.publish.models import CodedEvent
    except ImportError:  # pragma: no cover - the table ships with marsad.publish
        return []
    from sqlalchemy import select

    query = select(CodedEvent.event_id, CodedEvent.layout, CodedEvent.fields).where(CodedEvent.event_id.in_(event_ids))
    return session.execute(query).all()


def _add_casualty(record: EventRecord, casualty) -> None:
    """UCDP's split: deaths on side A (actor1), side B (actor2), civilians, unknown."""
    count = casualty.count or 0
    affiliation = area_key(casualty.affiliation or "")
    if casualty.victims == "civilians":
        record.deaths_civilians += count
    elif affiliation and record.actor1 and affiliation in area_key(record.actor1):
        record.deaths_a += count
    elif affiliation and record.actor2 and affiliation in area_key(record.actor2):
        record.deaths_b += count
    else:
        record.deaths_unknown += count
    low = casualty.low if casualty.low is not None else count
    record.low = (record.low or 0) + low
    if casualty.high is not None or (casualty.qualifier in (None, "exact") and not casualty.vague):
        record.high = (record.high or 0) + (casualty.high if casualty.high is not None else count)


def _settle_estimates(record: EventRecord) -> None:
    """Deaths not explained by a casualty row are UCDP ``deaths_unknown``."""
    explained = record.deaths_a + record.deaths_b + record.deaths_civilians + record.deaths_unknown
    if record.fatalities > explained:
        record.deaths_unknown += record.fatalities - explained
    if record.low is None:
        record.low = record.fatalities
    if record.high is None or record.high < record.fatalities:
        record.high = max(record.fatalities, record.high or 0)
