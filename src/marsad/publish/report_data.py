"""Database reads for the bulletin: casualty counts and events in a scope.

A casualty count is in the period when its own period (else its event's
date, else its report's publication date) overlaps the scope. It is in the
area when one of its own places or its event's location/admin areas matches;
a count with no place of its own falls back on the places its report names.
"including" sub-counts go wherever their total goes.
"""

from __future__ import annotations

from collections import defaultdict

from marsad.publish.records import Scope


def area_matcher(area: str | None):
    """The spelling-tolerant area match that ``marsad tally --area`` uses too
    (:func:`marsad.gazetteer.keys.names_place`)."""
    from marsad.gazetteer.keys import names_place

    if not area:
        return lambda *names: True
    return lambda *names: any(names_place(area, name) for name in names)


def load_casualties(session, scope: Scope) -> list[dict]:
    from sqlalchemy import func

    from marsad.store.models import Casualty, Document, Event, Source
    from marsad.store.repository import current_fact_query

    start_of = func.coalesce(Casualty.period_start, Event.event_date, Document.published)
    end_of = func.coalesce(Casualty.period_end, Event.event_date, Document.published)
    query = (
        current_fact_query(Casualty)
        .join(Document, Document.id == Casualty.document_id)
        .outerjoin(Source, Source.id == Document.source_id)
        .outerjoin(Event, Event.id == Casualty.event_id)
        .add_columns(Document.published, Document.title, Document.url, Source.name, Source.confidential,
                     Source.reliability, Event.location, Event.admin1, Event.admin2)
        .order_by(Document.published, Casualty.document_id, Casualty.id)
    )
    if scope.date_from:
        query = query.where(end_of >= scope.date_from)
    if scope.date_to:
        query = query.where(start_of <= scope.date_to)
    from marsad.review.overlay import apply_reviews

    rows = [_casualty_dict(*row) for row in session.execute(query)]
    rows = apply_reviews(session, "casualty", rows, verified_only=scope.verified_only)
    _attach_incidents(session, rows)
    if not scope.area:
        return rows
    return _in_area(session, rows, area_matcher(scope.area))


def _attach_incidents(session, rows: list[dict]) -> None:
    """The reconciled incident of each count's event (``marsad reconcile``), so
    that several reports of one incident are not added up."""
    try:
        from marsad.reconcile.models import IncidentReport
    except ImportError:  # pragma: no cover
        return
    from sqlalchemy import select

    event_ids = sorted({r["event_id"] for r in rows if r["event_id"]})
    incident_of: dict[int, int] = {}
    for start in range(0, len(event_ids), 500):
        query = select(IncidentReport.event_id, IncidentReport.incident_id).where(
            IncidentReport.event_id.in_(event_ids[start:start + 500]))
        incident_of.update({event_id: incident_id for event_id, incident_id in session.execute(query)})
    for row in rows:
        row["incident_id"] = incident_of.get(row["event_id"])


def _casualty_dict(casualty, published, title, url, source, confidential, reliability, location, admin1, admin2):
    perpetrators = casualty.perpetrators or ([p for p in (casualty.perpetrator or "").split("; ") if p])
    return {
        "id": casualty.id, "local_id": casualty.local_id, "document_id": casualty.document_id,
        "event_id": casualty.event_id, "part_of_id": casualty.part_of_id,
        "alternative_of_id": casualty.alternative_of_id, "outcome": casualty.outcome,
        "count": casualty.count, "low": casualty.low, "high": casualty.high, "qualifier": casualty.qualifier,
        "vague": casualty.vague, "victims": casualty.victims, "victim_group": casualty.victim_group,
        "affiliation": casualty.affiliation, "nationality": casualty.nationality, "perpetrators": perpetrators,
        "cause": casualty.cause, "period_start": casualty.period_start, "period_end": casualty.period_end,
        "derived": casualty.derived, "is_tally": casualty.is_tally, "span_text": casualty.span_text,
        "span_start": casualty.span_start, "span_end": casualty.span_end, "published": published,
        "title": title, "url": url, "source_name": source, "source_confidential": bool(confidential),
        "source_reliability": reliability, "event_places": (location, admin1, admin2), "incident_id": None,
    }


def _in_area(session, rows: list[dict], matches) -> list[dict]:
    own = _places_of_casualties(session, [r["id"] for r in rows])
    of_document = _places_of_documents(session, {r["document_id"] for r in rows})
    by_id = {r["id"]: r for r in rows}

    def root(row):
        while row["part_of_id"] in by_id:
            row = by_id[row["part_of_id"]]
        return row

    def inside(row) -> bool:
        names = own.get(row["id"], []) + [n for n in row["event_places"] if n]
        if names:
            return bool(matches(*names))
        return bool(matches(*of_document.get(row["document_id"], [])))

    kept_roots = {r["id"] for r in rows if r["part_of_id"] not in by_id and inside(r)}
    return [r for r in rows if root(r)["id"] in kept_roots]


def _places_of_casualties(session, ids: list[int]) -> dict[int, list[str]]:
    from sqlalchemy import select

    from marsad.store.models import CasualtyPlace, Place

    found: dict[int, list[str]] = defaultdict(list)
    for start in range(0, len(ids), 500):
        query = (select(CasualtyPlace.casualty_id, Place.name, Place.text, Place.admin1, Place.admin2)
                 .join(Place, Place.id == CasualtyPlace.place_id)
                 .where(CasualtyPlace.casualty_id.in_(ids[start:start + 500])))
        for casualty_id, *names in session.execute(query):
            found[casualty_id].extend(n for n in names if n)
    return found


def _places_of_documents(session, document_ids: set[int]) -> dict[int, list[str]]:
    from marsad.store.models import Place
    from marsad.store.repository import current_fact_query

    found: dict[int, list[str]] = defaultdict(list)
    ids = sorted(document_ids)
    for start in range(0, len(ids), 500):
        query = current_fact_query(Place).where(Place.document_id.in_(ids[start:start + 500]))
        for place in session.scalars(query):
            found[place.document_id].extend(n for n in (place.name, place.text, place.admin1, place.admin2) if n)
    return found


def load_incidents(session, scope: Scope, *, limit: int) -> list[dict]:
    """Notable incidents in date order: the deadliest events in scope (and
    each report's main event), at most ``limit``."""
    from sqlalchemy.orm import aliased

    from marsad.store.models import Document, Source
    from marsad.store.repository import events_query

    Source = aliased(Source)  # type: ignore[misc]  # events_query may join sources itself
    query = (events_query(place=scope.area, date_from=scope.date_from, date_to=scope.date_to,
                          session=session)
             .outerjoin(Source, Source.id == Document.source_id)
             .add_columns(Document.published, Document.title, Document.url, Source.name, Source.confidential,
                          Source.reliability))
    rows = []
    for event, published, title, url, source, confidential, reliability in session.execute(query):
        rows.append({
            "id": event.id, "event_id": event.id, "local_id": event.local_id, "document_id": event.document_id, "event_date": event.event_date,
            "event_type": event.event_type, "sub_event_type": event.sub_event_type, "actor1": event.actor1,
            "actor2": event.actor2, "location": event.location, "admin1": event.admin1,
            "fatalities": event.fatalities, "rank": event.rank, "span_text": event.span_text,
            "span_start": event.span_start, "span_end": event.span_end, "published": published, "title": title,
            "url": url, "source_name": source, "source_confidential": bool(confidential),
            "source_reliability": reliability,
        })
    from marsad.review.overlay import apply_reviews

    rows = apply_reviews(session, "event", rows, verified_only=scope.verified_only)
    notable = _one_per_incident(session, sorted(rows, key=lambda r: (-(r["fatalities"] or 0), r["rank"] or 0)))
    notable = notable[:limit]
    return sorted(notable, key=lambda r: (r["event_date"] is None, r["event_date"], r["document_id"]))


def _one_per_incident(session, rows: list[dict]) -> list[dict]:
    """Keep the first (deadliest) report of each reconciled incident."""
    try:
        from marsad.reconcile.models import IncidentReport
    except ImportError:  # pragma: no cover
        return rows
    from sqlalchemy import select

    ids = [r["event_id"] for r in rows]
    incident_of: dict[int, int] = {}
    for start in range(0, len(ids), 500):
        query = select(IncidentReport.event_id, IncidentReport.incident_id).where(
            IncidentReport.event_id.in_(ids[start:start + 500]))
        incident_of.update({event_id: incident_id for event_id, incident_id in session.execute(query)})
    seen: set[int] = set()
    kept = []
    for row in rows:
        incident = incident_of.get(row["event_id"])
        if incident is not None:
            if incident in seen:
                continue
            seen.add(incident)
        kept.append(row)
    return kept
