"""What the newsroom screens show, as plain dicts: the inbox, one report with
its facts at their spans, one incident with its link evidence, map points.

The web layer only renders these; the same calls serve scripts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from marsad.errors import NotFoundError
from marsad.publish.redaction import CONFIDENTIAL_LABEL, WITHHELD_TEXT


@dataclass
class InboxFilters:
    source: str | None = None
    admin1: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    event_type: str | None = None
    max_confidence: float | None = None
    kind: str | None = None  # event | casualty


def impact(count: int | None, confidence: float | None, contradiction: bool) -> float:
    """Highest impact first: big counts, low confidence, contradictions."""
    return round(math.log1p(count or 0) + 3 * (1 - (confidence if confidence is not None else 0.5)) + (4 if contradiction else 0), 3)


def inbox(session, filters: InboxFilters, *, limit: int = 100) -> list[dict]:
    """Facts waiting for a person (no review yet, or back in review), highest impact first."""
    items = []
    for kind in ("casualty", "event"):
        if filters.kind in (None, "", kind):
            items.extend(_waiting(session, kind, filters, limit))
    contested = _contested_events(session)
    for item in items:
        item["contradiction"] = item["event_id"] in contested
        item["impact"] = impact(item["count"], item["confidence"], item["contradiction"])
    return sorted(items, key=lambda i: (-i["impact"], i["kind"], i["id"]))[:limit]


def undecided(review):
    """A fact waits for a person: no review yet, or sent back to review (``review`` is the outer-joined review)."""
    from sqlalchemy import or_

    return or_(review.status.is_(None), review.status == "in_review")


def _waiting(session, kind: str, filters: InboxFilters, limit: int) -> list[dict]:
    from sqlalchemy import and_, func, or_, select
    from sqlalchemy.orm import aliased

    from marsad.review.models import FactReview
    from marsad.review.service import fact_model
    from marsad.store.models import Document, Event, ExtractionRun, Source, source_key

    model = fact_model(kind)
    review = aliased(FactReview)
    event = aliased(Event)
    count = model.count if kind == "casualty" else model.fatalities
    query = (
        select(model, review.status, review.touched, review.proposed, Source.name, Document.published, event.event_type,
               event.sub_event_type, event.admin1, event.event_date)
        .join(ExtractionRun, and_(ExtractionRun.id == model.run_id, ExtractionRun.is_current.is_(True)))
        .join(Document, Document.id == model.document_id)
        .outerjoin(Source, Source.id == Document.source_id)
        .outerjoin(review, and_(review.kind == kind, review.fact_id == model.id))
        .outerjoin(event, event.id == (model.event_id if kind == "casualty" else model.id))
        .where(undecided(review))
    )
    if filters.source:
        query = query.where(Source.name_key == source_key(filters.source))  # the store's one source identity
    if filters.admin1:
        query = query.where(event.admin1.ilike(f"%{filters.admin1.strip()}%"))
    if filters.event_type:
        query = query.where(or_(event.event_type == filters.event_type, event.sub_event_type == filters.event_type))
    day = func.coalesce(event.event_date, Document.published)
    if filters.date_from:
        query = query.where(day >= filters.date_from)
    if filters.date_to:
        query = query.where(day <= filters.date_to)
    if filters.max_confidence is not None:
        query = query.where(model.confidence <= filters.max_confidence)
    query = query.order_by(count.desc().nulls_last(), model.confidence.asc().nulls_first(), model.id).limit(limit)
    out = []
    for fact, status, touched, proposed, source, published, etype, subtype, admin1, event_date in session.execute(query):
        out.append({
            "kind": kind, "id": fact.id, "key": f"{fact.document_id}/{fact.local_id}", "document_id": fact.document_id,
            "status": status or "machine", "touched": touched, "proposed": proposed, "source": source,
            "published": published, "event_type": subtype or etype, "admin1": admin1, "event_date": event_date,
            "count": fact.count if kind == "casualty" else fact.fatalities, "confidence": fact.confidence,
            "summary": _summary(kind, fact), "evidence": fact.span_text,
            "event_id": fact.event_id if kind == "casualty" else fact.id,
        })  # fmt: skip
    return out


def new_reports(session, filters: InboxFilters, *, limit: int = 20) -> list[dict]:
    """Reports with facts nobody has decided yet, last ingested first (ids grow
    with ingest, so the primary key walks back without sorting the archive),
    with how many facts of each kind wait: the inbox's "new reports" list."""
    from sqlalchemy import or_, select

    from marsad.store.models import Document, Source, source_key

    waiting = {kind: _waiting_facts(kind) for kind in ("event", "casualty")}
    has_waiting = [statement.where(statement.selected_columns[0] == Document.id).exists() for statement in waiting.values()]
    query = (
        select(Document.id, Document.title, Document.published, Document.ingested_at, Source.name.label("source"))
        .outerjoin(Source, Source.id == Document.source_id)
        .where(Document.is_current.is_(True), or_(*has_waiting))
    )
    if filters.source:
        query = query.where(Source.name_key == source_key(filters.source))
    if filters.date_from:
        query = query.where(Document.published >= filters.date_from)
    if filters.date_to:
        query = query.where(Document.published <= filters.date_to)
    rows = session.execute(query.order_by(Document.id.desc()).limit(limit)).all()
    ids = [r.id for r in rows]
    counts = {kind: _waiting_counts(session, statement, ids) for kind, statement in waiting.items()}
    return [{"document_id": r.id, "title": r.title, "published": r.published, "ingested_at": r.ingested_at, "source": r.source,
             "events": counts["event"].get(r.id, 0), "counts": counts["casualty"].get(r.id, 0)} for r in rows]  # fmt: skip


def _waiting_facts(kind: str):
    """SELECT of the current run's facts of ``kind`` without a decision (no review, or back in review)."""
    from sqlalchemy import and_, select

    from marsad.review.models import FactReview
    from marsad.review.service import fact_model
    from marsad.store.models import ExtractionRun

    model = fact_model(kind)
    return (
        select(model.document_id)
        .join(ExtractionRun, and_(ExtractionRun.id == model.run_id, ExtractionRun.is_current.is_(True)))
        .outerjoin(FactReview, and_(FactReview.kind == kind, FactReview.fact_id == model.id))
        .where(undecided(FactReview))
    )


def _waiting_counts(session, statement, document_ids: list[int]) -> dict[int, int]:
    from sqlalchemy import func, select

    if not document_ids:
        return {}
    inner = statement.where(statement.selected_columns[0].in_(document_ids)).subquery()
    return dict(session.execute(select(inner.c[0], func.count()).group_by(inner.c[0])).all())


def _summary(kind: str, fact) -> str:
    if kind == "casualty":
        who = f"{fact.victim_group} ({fact.victims})" if fact.victim_group and fact.victims else (fact.victim_group or fact.victims or "people")
        by = f" by {fact.perpetrator}" if fact.perpetrator else ""
        return f"{fact.count if fact.count is not None else (fact.vague or '?')} {who} {fact.outcome}{by}"
    return f"{fact.sub_event_type or fact.event_type} in {fact.location or fact.admin1 or '?'} on {fact.event_date or '?'}"


def _contested_events(session) -> set[int]:
    """Events whose incident's reports disagree on a count (low < high)."""
    from sqlalchemy import select

    from marsad.reconcile.models import IncidentEstimate, IncidentReport

    query = (select(IncidentReport.event_id).join(IncidentEstimate, IncidentEstimate.incident_id == IncidentReport.incident_id)
             .where(IncidentEstimate.low < IncidentEstimate.high))
    return set(session.scalars(query))


def report_view(session, document_id: int, *, full: bool) -> dict:
    """One report: its text cut into pieces, each with the facts whose span covers it."""
    from marsad.review.overlay import load_index
    from marsad.store import repository as repo

    document = repo.get_document(session, document_id)
    confidential = bool(document.source and document.source.confidential)
    if confidential and not full:
        raise NotFoundError(f"No document with id {document_id} is public.")
    facts = repo.facts_of_document(session, document)
    items = []
    for kind, rows in (("event", facts["events"]), ("casualty", facts["casualties"])):
        index = load_index(session, kind, [document.id])
        for fact in rows:
            review = index.find(fact.id, fact.document_id, fact.span_start, fact.span_end)
            items.append(fact_item(kind, fact, review))
    if not full:
        items = [i for i in items if i["status"] in ("verified", "corrected")]
    return {
        "document": {"id": document.id, "title": document.title, "published": document.published, "url": document.url,
                     "source": document.source.name if document.source else None, "confidential": confidential,
                     "reliability": document.source.reliability if document.source else None,
                     "version": document.version, "is_current": document.is_current},
        "pieces": pieces(document.text, items),
        "facts": items,
    }  # fmt: skip


def fact_item(kind: str, fact, review) -> dict:
    from marsad.review.service import machine_values

    machine = machine_values(kind, fact)
    in_force = {**machine, **((review.values or {}) if review is not None and review.status != "rejected" else {})}
    return {
        "kind": kind, "id": fact.id, "key": f"{fact.document_id}/{fact.local_id}", "local_id": fact.local_id,
        "status": review.status if review is not None else "machine", "machine": machine, "in_force": in_force,
        "changed": sorted(k for k in in_force if in_force[k] != machine[k]),
        "proposed": review.proposed if review is not None else None, "comment": review.comment if review else None,
        "decided_by": review.decided_by if review else None, "touched": review.touched if review else None,
        "span": (fact.span_start, fact.span_end), "evidence": fact.span_text, "confidence": fact.confidence,
        "rule": fact.rule, "summary": _summary(kind, fact),
    }  # fmt: skip


def pieces(text: str, items: list[dict]) -> list[dict]:
    """The text split at every span boundary; each piece names the innermost
    fact covering it (the one a click opens) and all facts covering it."""
    spans = [(i["span"][0], i["span"][1], i) for i in items if i["span"][0] is not None and i["span"][1] is not None]
    cuts = sorted({0, len(text)} | {max(0, min(len(text), p)) for s, e, _ in spans for p in (s, e)})
    out = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [i for s, e, i in spans if s <= start and end <= e]
        inner = min(covering, key=lambda i: i["span"][1] - i["span"][0]) if covering else None
        out.append({"text": text[start:end], "fact": inner, "facts": [f"{c['kind']}-{c['id']}" for c in covering]})
    return out


def incident_view(session, incident_id: int, *, full: bool) -> dict:
    """``reconcile.incident`` with link statuses and confidential sources redacted."""
    from sqlalchemy import select

    from marsad.reconcile import incident
    from marsad.review.models import FactReview
    from marsad.review.published import confidential_source_names

    view = incident(session, incident_id)
    hidden = set() if full else confidential_source_names(session)
    for report in view["reports"]:
        if report["source"] in hidden:
            report["source"], report["evidence"] = CONFIDENTIAL_LABEL, WITHHELD_TEXT
            for count in report["counts"]:
                count["evidence"] = WITHHELD_TEXT
    view["incident"]["sources"] = sorted({CONFIDENTIAL_LABEL if s in hidden else s for s in view["incident"]["sources"] or []})
    view["estimates"] = scrub(view["estimates"], hidden)  # explanations name the sources they chose
    keys = [f"{link['a']}|{link['b']}" for link in view["links"]]
    statuses = {key: (status, touched) for key, status, touched in session.execute(
        select(FactReview.fact_key, FactReview.status, FactReview.touched).where(
            FactReview.kind == "link", FactReview.fact_key.in_(keys)))} if keys else {}
    for link in view["links"]:
        link["review_status"], link["touched"] = statuses.get(f"{link['a']}|{link['b']}", ("machine", None))
        link["evidence"] = [{"field": name, "level": c.get("level"), "log2_bf": c.get("log2_bf"),
                             "bayes_factor": round(2 ** c["log2_bf"], 3) if c.get("log2_bf") is not None else None}
                            for name, c in (link["contributions"] or {}).items()]  # fmt: skip
    return view


def claim_shares(session, *, full: bool) -> dict[str, str]:
    """The documented share of each claimed total (``marsad check``), by claim key."""
    from marsad.reconcile import check
    from marsad.review.published import confidential_source_names

    shares = {f.claim_key: f.message for f in check(session).findings if f.kind == "coverage"}
    return shares if full else scrub(shares, confidential_source_names(session))


def scrub(value, names: set[str]):
    """``value`` with every hidden source name replaced by the confidential label."""
    if not names:
        return value
    if isinstance(value, str):
        for name in names:
            value = value.replace(name, CONFIDENTIAL_LABEL)
        return value
    if isinstance(value, list):
        return [scrub(v, names) for v in value]
    if isinstance(value, dict):
        return {k: scrub(v, names) for k, v in value.items()}
    return value


def map_points(session, *, date_from: date | None = None, date_to: date | None = None) -> list[dict]:
    """Incidents with coordinates, with their geo precision (1 exact … 3
    region): the incident's own, else the most precise of its reports'."""
    from sqlalchemy import func, select

    from marsad.reconcile.models import Incident, IncidentReport
    from marsad.store.models import Event

    reported = (select(IncidentReport.incident_id, func.min(Event.geo_precision).label("precision"))
                .join(Event, Event.id == IncidentReport.event_id).group_by(IncidentReport.incident_id).subquery())
    query = (select(Incident, reported.c.precision).outerjoin(reported, reported.c.incident_id == Incident.id)
             .where(Incident.latitude.is_not(None), Incident.longitude.is_not(None)))
    if date_from:
        query = query.where(Incident.event_date >= date_from)
    if date_to:
        query = query.where(Incident.event_date <= date_to)
    return [{"id": i.id, "lat": i.latitude, "lon": i.longitude, "precision": i.geo_precision or precision or 3,
             "label": f"{i.sub_event_type or i.event_type or 'incident'} · {i.location or i.admin1 or ''} · {i.event_date or ''}"}
            for i, precision in session.execute(query.order_by(Incident.id).limit(5000))]  # fmt: skip
