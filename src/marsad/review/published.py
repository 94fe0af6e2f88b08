"""What the read API serves: events, incidents, tallies, claims, documents and
withdrawn records, filtered and paged, with review decisions applied and
confidential sources redacted for everyone who may not see them.

Who sees what (``full=True`` for analysts, reviewers and admins):

- the public and viewers: facts a person verified or corrected only;
  a confidential source is "Confidential source", with no URL, title or quote;
- analysts and above: every fact that is not rejected, with its
  ``review_status`` (``status=`` filters it), and every source named.

Every list function returns a :class:`Page` (rows, total count).
"""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass, field
from datetime import date, datetime

from marsad.errors import InputError
from marsad.publish.redaction import CONFIDENTIAL_LABEL

MAX_LIMIT = 1000


@dataclass
class Filters:
    date_from: date | None = None
    date_to: date | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    actor: str | None = None
    updated_since: datetime | None = None
    status: str | None = None  # machine | in_review | verified | corrected | reviewed (verified or corrected)
    source: str | None = None


@dataclass
class Page:
    rows: list[dict]
    total: int
    offset: int = 0
    limit: int = 100
    columns: list[str] = field(default_factory=list)

    @property
    def has_next(self) -> bool:
        return self.offset + self.limit < self.total


def _check_paging(offset: int, limit: int) -> None:
    if offset < 0 or not 1 <= limit <= MAX_LIMIT:
        raise InputError(f"offset must be ≥ 0 and limit between 1 and {MAX_LIMIT}.")


def _count(session, query, key: tuple, *, incidents: bool = False) -> int:
    """The total of a list, cached until the data it depends on changes.

    Counting a large archive costs far more than reading one page, and the
    same filters are asked again and again while a client pages through.
    ``key`` names the list and its filters; the data version (newest
    extraction run, document, review decision, incident, claim: each read from
    an index) is added to it."""
    from sqlalchemy import func, select

    statement = query.order_by(None)
    return _cached(session, key, lambda: session.scalar(select(func.count()).select_from(statement.subquery())),
                   incidents=incidents)


_CACHE: dict[tuple, object] = {}
_CACHE_LOCK = threading.Lock()


def _cached(session, key: tuple, compute, *, incidents: bool = False):
    key = (str(session.bind.url), *key, _data_version(session, incidents=incidents))
    with _CACHE_LOCK:
        if key in _CACHE:
            return _CACHE[key]
    value = compute()
    with _CACHE_LOCK:
        if len(_CACHE) >= 2048:
            _CACHE.clear()
        _CACHE[key] = value
    return value


def cached_page(name: str, *, incidents: bool = False):
    """Keep a list's pages until the data changes: a read API is asked the same
    pages again and again. The rows are shared: callers copy before changing them."""
    import functools

    def decorate(function):
        @functools.wraps(function)
        def wrapper(session, *args, **kwargs):
            key = ("page", name, repr(args), repr(sorted(kwargs.items())))
            return _cached(session, key, lambda: function(session, *args, **kwargs), incidents=incidents)

        return wrapper

    return decorate


def _data_version(session, *, incidents: bool = False) -> tuple:
    return tuple(session.execute(_data_version_statement()).one()) + (_incident_signature(session) if incidents else ())


@functools.lru_cache(maxsize=1)
def _data_version_statement():
    """Asked on every request: built once (building it cost more than running it)."""
    from sqlalchemy import case, func, select

    from marsad.reconcile.models import Incident, TallyClaim
    from marsad.review.models import FactReview
    from marsad.store.models import Document, ExtractionRun, Source

    return select(
        select(func.max(ExtractionRun.id)).scalar_subquery(), select(func.max(Document.id)).scalar_subquery(),
        select(func.max(FactReview.updated_at)).scalar_subquery(), select(func.max(FactReview.id)).scalar_subquery(),
        select(func.max(Incident.id)).scalar_subquery(), select(func.max(TallyClaim.id)).scalar_subquery(),
        # a source marked confidential (or no longer) must change every cached answer at once
        select(func.sum(case((Source.confidential.is_(True), Source.id), else_=0))).scalar_subquery(),
        select(func.count(Source.id)).scalar_subquery(),
    )


def _incident_signature(session) -> tuple:
    """Reconcile rewrites incidents in place: their estimates' sums say when.
    Summing costs a scan, so it is read at most once per :data:`SIGNATURE_TTL_S`."""
    import time

    url = str(session.bind.url)
    now = time.monotonic()
    cached = _SIGNATURES.get(url)
    if cached is not None and now - cached[0] < SIGNATURE_TTL_S:
        return cached[1]
    signature = _read_incident_signature(session)
    _SIGNATURES[url] = (now, signature)
    return signature


SIGNATURE_TTL_S = 2.0
_SIGNATURES: dict[str, tuple[float, tuple]] = {}


def _read_incident_signature(session) -> tuple:
    from sqlalchemy import func, select

    from marsad.reconcile.models import Incident, IncidentEstimate

    estimates = session.execute(select(func.count(), func.sum(IncidentEstimate.low), func.sum(IncidentEstimate.best),
                                       func.sum(IncidentEstimate.high), func.sum(IncidentEstimate.incident_id))).one()
    return (*estimates, session.scalar(select(func.count()).select_from(Incident)))


def _status_filter(query, review, status: str | None, full: bool):
    from sqlalchemy import or_

    if not full or status == "reviewed":
        return query.where(review.status.in_(("verified", "corrected")))
    if status in (None, "", "all"):
        return query.where(or_(review.status.is_(None), review.status != "rejected"))
    if status == "machine":
        return query.where(review.status.is_(None))
    if status in ("in_review", "verified", "corrected", "rejected"):
        return query.where(review.status == status)
    raise InputError(f"Unknown status {status!r}: use all, machine, in_review, verified, corrected, rejected or reviewed.")


def _coded_filters(query, model, filters: Filters, actor_columns: tuple):
    """Date, country, admin1, event type and actor: the filters events and
    incidents share (both carry ACLED's coded columns)."""
    from sqlalchemy import func, or_

    if filters.date_from:
        query = query.where(model.event_date >= filters.date_from)
    if filters.date_to:
        query = query.where(model.event_date <= filters.date_to)
    if filters.country:
        query = query.where(func.lower(model.country) == filters.country.strip().lower())
    if filters.admin1:
        query = query.where(func.lower(model.admin1) == filters.admin1.strip().lower())
    if filters.event_type:
        query = query.where(or_(model.event_type == filters.event_type, model.sub_event_type == filters.event_type))
    if filters.actor:
        pattern = f"%{filters.actor.strip()}%"
        query = query.where(or_(*(column.ilike(pattern) for column in actor_columns)))
    return query


@cached_page("events")
def events_page(session, filters: Filters, *, full: bool, offset: int = 0, limit: int = 100) -> Page:
    """Current events with the review decisions in force.

    Counted and paged on the events (and their reviews) alone; documents and
    sources are joined for the one page of rows only, so that the total of a
    large archive stays cheap."""
    from sqlalchemy import and_, or_, select
    from sqlalchemy.orm import aliased

    from marsad.review.models import FactReview
    from marsad.store.models import Document, Event, ExtractionRun, Source, source_key

    _check_paging(offset, limit)
    review = aliased(FactReview)
    # EXISTS rather than IN: the planner then walks events in id order (or by
    # date) and stops after one page, instead of sorting every current event.
    current = select(ExtractionRun.id).where(ExtractionRun.id == Event.run_id, ExtractionRun.is_current.is_(True)).exists()
    query = (select(Event.id).where(current)
             .outerjoin(review, and_(review.kind == "event", review.fact_id == Event.id)))
    query = _status_filter(query, review, filters.status, full)
    query = _coded_filters(query, Event, filters, (Event.actor1, Event.actor2))
    if filters.source or filters.updated_since:
        query = query.join(Document, Document.id == Event.document_id).outerjoin(Source, Source.id == Document.source_id)
    if filters.source:
        query = query.where(Source.name_key == source_key(filters.source))  # the store's one source identity
    if filters.updated_since:
        query = query.where(or_(Document.ingested_at >= filters.updated_since, review.updated_at >= filters.updated_since))
    total = _count(session, query, ("events", full, repr(filters)))
    ids = list(session.scalars(query.order_by(Event.id).offset(offset).limit(limit)))
    rows = []
    if ids:
        columns = [Event.__table__.c[name] for name in EVENT_COLUMNS]
        page = (select(*columns, review.status, review.values, review.machine, review.updated_at.label("reviewed_at"),
                       Document.url, Document.published, Document.ingested_at, Source.name.label("source"),
                       Source.confidential)
                .join(Document, Document.id == Event.document_id).outerjoin(Source, Source.id == Document.source_id)
                .outerjoin(review, and_(review.kind == "event", review.fact_id == Event.id))
                .where(Event.id.in_(ids)).order_by(Event.id))
        rows = [_event_row(row._mapping, full=full) for row in session.execute(page)]
    return Page(rows, total, offset, limit, EVENT_FIELDS)


EVENT_COLUMNS = ["id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "admin2",
                 "location", "latitude", "longitude", "geo_precision", "fatalities", "injured", "document_id",
                 "span_text", "span_start", "span_end"]  # fmt: skip
EVENT_FIELDS = ["id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "admin2",
                "location", "latitude", "longitude", "geo_precision", "fatalities", "injured", "review_status",
                "document_id", "source", "source_url", "evidence", "span_start", "span_end", "published", "updated_at"]  # fmt: skip


def _event_row(m, *, full: bool) -> dict:
    from marsad.review.overlay import corrections_of

    row = dict(m)
    row.update(corrections_of(m["status"], m["values"], m["machine"]))
    hidden = bool(m["confidential"]) and not full
    row.update({
        "review_status": m["status"] or "machine", "source": CONFIDENTIAL_LABEL if hidden else m["source"],
        "source_url": None if hidden else m["url"], "evidence": None if hidden else m["span_text"],
        "span_start": None if hidden else m["span_start"], "span_end": None if hidden else m["span_end"],
        "updated_at": max(d for d in (m["ingested_at"], m["reviewed_at"]) if d),
    })  # fmt: skip
    return {name: row.get(name) for name in EVENT_FIELDS}


INCIDENT_FIELDS = ["id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "perpetrator", "country",
                   "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "killed_low",
                   "killed_best", "killed_high", "n_reports", "n_sources", "sources", "updated_at"]  # fmt: skip


@cached_page("incidents", incidents=True)
def incidents_page(session, filters: Filters, *, full: bool, offset: int = 0, limit: int = 100) -> Page:
    """Reconciled incidents with their killed low/best/high (top-level victim categories)."""
    from sqlalchemy import select

    from marsad.reconcile.models import Incident, IncidentEstimate

    _check_paging(offset, limit)
    query = _coded_filters(select(Incident), Incident, filters, (Incident.actor1, Incident.actor2, Incident.perpetrator))
    if filters.updated_since:
        query = query.where(Incident.updated_at >= filters.updated_since)
    total = _count(session, query, ("incidents", repr(filters)), incidents=True)
    incidents = list(session.scalars(query.order_by(Incident.id).offset(offset).limit(limit)))
    sums: dict[int, list[int]] = {}
    if incidents:
        estimates = select(IncidentEstimate).where(
            IncidentEstimate.incident_id.in_([i.id for i in incidents]), IncidentEstimate.outcome == "killed",
            IncidentEstimate.category.in_(("civilians", "combatants", "unknown")))
        for e in session.scalars(estimates):
            total_of = sums.setdefault(e.incident_id, [0, 0, 0])
            total_of[0], total_of[1], total_of[2] = total_of[0] + e.low, total_of[1] + e.best, total_of[2] + e.high
    hidden = set() if full else confidential_source_names(session)
    rows = []
    for incident in incidents:
        low, best, high = sums.get(incident.id, [0, 0, 0])
        row = {name: getattr(incident, name, None) for name in INCIDENT_FIELDS}
        row.update(killed_low=low, killed_best=best, killed_high=high,
                   sources=sorted({CONFIDENTIAL_LABEL if s in hidden else s for s in incident.sources or []}))
        rows.append(row)
    return Page(rows, total, offset, limit, INCIDENT_FIELDS)


def publication_scope(date_from=None, date_to=None, area=None, *, all_facts: bool, public: bool, full: bool):
    """The scope and edition of a bulletin or export someone asks for: viewers
    and the public get verified facts, public edition, whatever they ask."""
    from marsad.publish.records import Scope

    scope = Scope(date_from, date_to, area or None, verified_only=not (all_facts and full))
    return scope, public or not full


def confidential_source_names(session) -> set[str]:
    from sqlalchemy import select

    from marsad.store.models import Source

    return set(session.scalars(select(Source.name).where(Source.confidential.is_(True))))


def tallies_page(session, filters: Filters, *, by: list[str], outcome: str = "killed", offset: int = 0,
                 limit: int = 100) -> Page:
    """``marsad tally`` as rows (area = admin1), each with its incident ids."""
    from marsad.reconcile.tallies import tally

    _check_paging(offset, limit)

    def compute():
        return [dict(r.to_dict(), incident_ids=r.incident_ids) for r in tally(
            session, date_from=filters.date_from, date_to=filters.date_to, area=filters.admin1, by=by,
            outcome=outcome or None, perpetrator=filters.actor)]

    key = ("tally", filters.date_from, filters.date_to, filters.admin1, tuple(by), outcome, filters.actor)
    rows = _cached(session, key, compute, incidents=True)
    columns = list(by) + ["low", "best", "high", "incidents", "sources", "incident_ids"]
    return Page(rows[offset:offset + limit], len(rows), offset, limit, columns)


CLAIM_FIELDS = ["id", "claim_key", "source", "published", "outcome", "category", "perpetrators", "period_start",
                "period_end", "admin1", "count", "low", "high", "qualifier", "derived", "parent_key", "evidence",
                "document_id"]  # fmt: skip


@cached_page("claims")
def claims_page(session, filters: Filters, *, full: bool, offset: int = 0, limit: int = 100) -> Page:
    """Claimed totals ("608 since 10 September") and derived remainders."""
    from sqlalchemy import func, select

    from marsad.reconcile.models import TallyClaim
    from marsad.store.models import Document, Source

    _check_paging(offset, limit)
    query = (select(TallyClaim, Source.confidential).join(Document, Document.id == TallyClaim.document_id)
             .outerjoin(Source, Source.id == Document.source_id))
    if filters.date_from:
        query = query.where(func.coalesce(TallyClaim.period_end, TallyClaim.published) >= filters.date_from)
    if filters.date_to:
        query = query.where(func.coalesce(TallyClaim.period_start, TallyClaim.published) <= filters.date_to)
    if filters.admin1:
        query = query.where(func.lower(TallyClaim.admin1) == filters.admin1.strip().lower())
    total = _count(session, query, ("claims", repr(filters)))
    rows = []
    for claim, confidential in session.execute(query.order_by(TallyClaim.id).offset(offset).limit(limit)):
        hidden = bool(confidential) and not full
        row = {name: getattr(claim, name, None) for name in CLAIM_FIELDS}
        row.update(source=CONFIDENTIAL_LABEL if hidden else claim.source, evidence=None if hidden else claim.span_text)
        rows.append(row)
    if not full:
        from marsad.review.newsroom import scrub

        rows = scrub(rows, confidential_source_names(session))
    return Page(rows, total, offset, limit, CLAIM_FIELDS)


DOCUMENT_FIELDS = ["id", "published", "source", "reliability", "title", "url", "language", "version", "chars", "ingested_at"]


@cached_page("documents")
def documents_page(session, filters: Filters, *, full: bool, offset: int = 0, limit: int = 100) -> Page:
    from sqlalchemy import func, select

    from marsad.store.models import Document, Source, source_key

    _check_paging(offset, limit)
    query = (select(Document.id, Document.published, Source.name, Source.reliability, Document.title, Document.url,
                    Document.language, Document.version, Document.char_count, Document.ingested_at, Source.confidential)
             .outerjoin(Source, Source.id == Document.source_id).where(Document.is_current.is_(True)))
    if not full:
        query = query.where(func.coalesce(Source.confidential, False).is_(False))
    if filters.date_from:
        query = query.where(Document.published >= filters.date_from)
    if filters.date_to:
        query = query.where(Document.published <= filters.date_to)
    if filters.source:
        query = query.where(Source.name_key == source_key(filters.source))  # the store's one source identity
    if filters.updated_since:
        query = query.where(Document.ingested_at >= filters.updated_since)
    total = _count(session, query, ("documents", full, repr(filters)))
    rows = [dict(zip(DOCUMENT_FIELDS, row[:-1])) for row in session.execute(query.order_by(Document.id).offset(offset).limit(limit))]
    return Page(rows, total, offset, limit, DOCUMENT_FIELDS)


@cached_page("deleted")
def deleted_page(session, *, since: datetime | None, offset: int = 0, limit: int = 100) -> Page:
    """Records withdrawn (rejected by a reviewer) since ``since``."""
    from sqlalchemy import select

    from marsad.review.models import FactReview

    _check_paging(offset, limit)
    query = select(FactReview).where(FactReview.status == "rejected", FactReview.kind.in_(("event", "casualty")))
    if since:
        query = query.where(FactReview.updated_at >= since)
    total = _count(session, query, ("deleted", since))
    rows = [{"kind": r.kind, "id": r.fact_id, "key": r.fact_key, "withdrawn_at": r.updated_at}
            for r in session.scalars(query.order_by(FactReview.updated_at, FactReview.id).offset(offset).limit(limit))]
    return Page(rows, total, offset, limit, ["kind", "id", "key", "withdrawn_at"])
