"""What the read API serves: events, incidents, tallies, claims, documents and
withdrawn records, filtered and paged, with review decisions applied and
confidential sources redacted for everyone who may not see them.

Who sees what (``full=True`` for analysts, reviewers and admins):

- the public and viewers: facts a person verified or corrected only;
  a confidential source is "Confidential source", with no URL, title or quote;
- analysts and above: every fact that is not rejected, with its
  ``review_status`` (``status=`` filters it), and every source named.

Every list function returns a :class:`Page` (rows, total count). A list is
read as the ordered ids its filters select (kept per store revision, see
:mod:`marsad.review.readcache`), then the one page of rows by id: the total
costs nothing once known, and a page deep down costs what the first does.
Lists in id order also take a cursor, ``after`` (the last id of the page
before), which their next links carry.
"""

from __future__ import annotations

import functools
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date, datetime

from marsad.errors import InputError
from marsad.publish.redaction import CONFIDENTIAL_LABEL
from marsad.review.readcache import cached, cached_page, listing, page_of

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
    offset: int = 0  # the position of the first row
    limit: int = 100
    columns: list[str] = field(default_factory=list)
    keyed: bool = False  # rows in id order: the next page can be asked for by cursor
    # the rows as an adapter rendered them (JSON, CSV), kept with a cached page so it is rendered once
    rendered: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def has_next(self) -> bool:
        return self.offset + self.limit < self.total

    @property
    def next_after(self) -> int | None:
        """The cursor of the next page (the last id of this one), if any."""
        return self.rows[-1]["id"] if self.keyed and self.rows and self.has_next else None


def _check_paging(offset: int, limit: int) -> None:
    if offset < 0 or not 1 <= limit <= MAX_LIMIT:
        raise InputError(f"offset must be ≥ 0 and limit between 1 and {MAX_LIMIT}.")


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


def _coded_filters(query, model, filters: Filters, actor_columns: tuple, *, dates: bool = True):
    """Date, country, admin1, event type and actor: the filters events and
    incidents share (both carry ACLED's coded columns)."""
    from sqlalchemy import func, or_

    if dates and filters.date_from:
        query = query.where(model.event_date >= filters.date_from)
    if dates and filters.date_to:
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
def events_page(session, filters: Filters, *, full: bool, offset: int = 0, limit: int = 100,
                after: int | None = None) -> Page:
    """Current events with the review decisions in force.

    Listed on the events (and their reviews) alone; documents and sources are
    joined for the one page of rows only."""
    from marsad.store.models import Event

    _check_paging(offset, limit)
    query = functools.partial(_event_ids, filters, full=full)
    found = listing(session, ("events", full, repr(filters)), query)
    ids, start = page_of(session, found, query, offset=offset, limit=limit, after=after, sort_column=Event.id)
    return Page(_event_rows(session, ids, full=full), found.total, start, limit, EVENT_FIELDS, keyed=True)


def _event_ids(filters: Filters, *, full: bool):
    """The ids of the current events ``filters`` select, in id order."""
    from sqlalchemy import or_

    from marsad.store.models import Document, Event, Source, source_key

    query, review = _current_events()
    query = _status_filter(query, review, filters.status, full)
    query = _coded_filters(query, Event, filters, (Event.actor1, Event.actor2), dates=False)
    query = _reviewed_dates(query, filters)
    if filters.source or filters.updated_since:
        query = query.join(Document, Document.id == Event.document_id).outerjoin(Source, Source.id == Document.source_id)
    if filters.source:
        query = query.where(Source.name_key == source_key(filters.source))  # the store's one source identity
    if filters.updated_since:
        query = query.where(or_(Document.ingested_at >= filters.updated_since, review.updated_at >= filters.updated_since))
    return query.order_by(Event.id)


def _reviewed_dates(query, filters: Filters):
    """The date filter on the date in force: an event whose date a reviewer
    corrected is listed under the corrected date, not the machine's. Kept as
    the machine-date range plus the (few) corrected ids, so the date index
    still serves the range."""
    from sqlalchemy import and_, or_, select

    from marsad.review.models import FactReview
    from marsad.store.models import Event

    if not (filters.date_from or filters.date_to):
        return query
    day = FactReview.values["event_date"].as_string()
    in_range = and_(*([day >= filters.date_from.isoformat()] if filters.date_from else []),
                    *([day <= filters.date_to.isoformat()] if filters.date_to else []))
    moved = select(FactReview.fact_id).where(FactReview.kind == "event", FactReview.status == "corrected",
                                             FactReview.fact_id.is_not(None), day.is_not(None))
    machine = and_(*([Event.event_date >= filters.date_from] if filters.date_from else []),
                   *([Event.event_date <= filters.date_to] if filters.date_to else []))
    return query.where(or_(and_(machine, Event.id.not_in(moved.where(~in_range))), Event.id.in_(moved.where(in_range))))


@functools.lru_cache(maxsize=1)
def _current_events():
    """The ids of current events joined to their reviews (and that review
    alias): built once, the filters added per list (aliasing cost a millisecond)."""
    from sqlalchemy import and_, select
    from sqlalchemy.orm import aliased

    from marsad.review.models import FactReview
    from marsad.store.models import Event, ExtractionRun

    review = aliased(FactReview)
    # EXISTS rather than IN: the planner then walks events in id order (or by
    # date) instead of sorting every current event.
    current = select(ExtractionRun.id).where(ExtractionRun.id == Event.run_id, ExtractionRun.is_current.is_(True)).exists()
    return select(Event.id).where(current).outerjoin(review, and_(review.kind == "event", review.fact_id == Event.id)), review


def _event_rows(session, ids: list[int], *, full: bool) -> list[dict]:
    """One page of events by id, with the review in force, document and source."""
    if not ids:
        return []
    return [_event_row(row._asdict(), full=full) for row in session.connection().execute(_event_rows_statement(), {"ids": ids})]


@functools.lru_cache(maxsize=1)
def _event_rows_statement():
    """Built once (building it cost as much as running it), the ids bound per page."""
    from sqlalchemy import and_, bindparam, select
    from sqlalchemy.orm import aliased

    from marsad.review.models import FactReview
    from marsad.store.models import Document, Event, Source

    review = aliased(FactReview)
    columns = [Event.__table__.c[name] for name in EVENT_COLUMNS]
    return (select(*columns, review.status, review.values, review.machine, review.updated_at.label("reviewed_at"),
                   Document.url, Document.published, Document.ingested_at, Source.name.label("source"),
                   Source.confidential)
            .join(Document, Document.id == Event.document_id).outerjoin(Source, Source.id == Document.source_id)
            .outerjoin(review, and_(review.kind == "event", review.fact_id == Event.id))
            .where(Event.id.in_(bindparam("ids", expanding=True))).order_by(Event.id))


EVENT_COLUMNS = ["id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "admin2",
                 "location", "latitude", "longitude", "geo_precision", "fatalities", "injured", "document_id",
                 "span_text", "span_start", "span_end"]  # fmt: skip
EVENT_FIELDS = ["id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "admin2",
                "location", "latitude", "longitude", "geo_precision", "fatalities", "injured", "review_status",
                "document_id", "source", "source_url", "evidence", "span_start", "span_end", "published", "updated_at"]  # fmt: skip


def _event_row(m, *, full: bool) -> dict:
    from marsad.review.overlay import corrections_of

    row = dict(m)
    fixes = corrections_of(m["status"], m["values"], m["machine"])
    if fixes:
        row.update(fixes)
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


@cached_page("incidents")
def incidents_page(session, filters: Filters, *, full: bool, offset: int = 0, limit: int = 100,
                   after: int | None = None) -> Page:
    """Reconciled incidents with their killed low/best/high (top-level victim categories)."""
    from sqlalchemy import select

    from marsad.reconcile.models import Incident

    _check_paging(offset, limit)
    query = _coded_filters(select(Incident.id), Incident, filters, (Incident.actor1, Incident.actor2, Incident.perpetrator))
    if filters.updated_since:
        query = query.where(Incident.updated_at >= filters.updated_since)
    query = query.order_by(Incident.id)
    found = listing(session, ("incidents", repr(filters)), lambda: query)
    ids, start = page_of(session, found, lambda: query, offset=offset, limit=limit, after=after, sort_column=Incident.id)
    if not ids:
        return Page([], found.total, start, limit, INCIDENT_FIELDS, keyed=True)
    connection = session.connection()
    incidents_of, killed_of = _incident_rows_statements()
    sums = {row[0]: row[1:] for row in connection.execute(killed_of, {"ids": ids})}
    hidden = set() if full else confidential_source_names(session)
    rows = []
    for incident in connection.execute(incidents_of, {"ids": ids}):
        row = dict.fromkeys(INCIDENT_FIELDS)
        row.update(incident._asdict())
        low, best, high = sums.get(incident.id, (0, 0, 0))
        row.update(killed_low=low, killed_best=best, killed_high=high,
                   sources=sorted({CONFIDENTIAL_LABEL if s in hidden else s for s in incident.sources or []}))
        rows.append(row)
    return Page(rows, found.total, start, limit, INCIDENT_FIELDS, keyed=True)


@functools.lru_cache(maxsize=1)
def _incident_rows_statements():
    """A page of incidents by id, and their killed low/best/high (top-level
    victim categories): built once, the ids bound per page."""
    from sqlalchemy import bindparam, func, select

    from marsad.reconcile.models import Incident, IncidentEstimate

    columns = [Incident.__table__.c[name] for name in INCIDENT_FIELDS if name in Incident.__table__.c]
    ids = bindparam("ids", expanding=True)
    killed = (select(IncidentEstimate.incident_id, func.sum(IncidentEstimate.low), func.sum(IncidentEstimate.best),
                     func.sum(IncidentEstimate.high))
              .where(IncidentEstimate.incident_id.in_(ids), IncidentEstimate.outcome == "killed",
                     IncidentEstimate.category.in_(("civilians", "combatants", "unknown")))
              .group_by(IncidentEstimate.incident_id))
    return select(*columns).where(Incident.id.in_(ids)).order_by(Incident.id), killed


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
    """``marsad tally`` as rows (area = admin1), each with its incident ids.

    The estimates are read once per store revision and kept in date order, so
    a tally over any period sums only that period's rows, without a query."""
    from marsad.reconcile.tallies import check_tally, tally, tally_rows

    _check_paging(offset, limit)
    check_tally(by, filters.date_from, filters.date_to)
    scope = {"date_from": filters.date_from, "date_to": filters.date_to, "area": filters.admin1, "by": by,
             "outcome": outcome or None, "perpetrator": filters.actor}

    def compute():
        kept = _estimate_rows(session)
        if kept is None:
            found = tally(session, **scope)
        else:
            dated, days, undated = kept
            start = bisect_left(days, filters.date_from) if filters.date_from else 0
            end = bisect_right(days, filters.date_to) if filters.date_to else len(days)
            in_period = dated[start:end] if filters.date_from or filters.date_to else dated + undated
            found = tally_rows(in_period, **scope)
        return [dict(r.to_dict(), incident_ids=r.incident_ids) for r in found]

    key = ("tally", filters.date_from, filters.date_to, filters.admin1, tuple(by), outcome, filters.actor)
    rows = cached(session, key, compute, size=lambda rows: sum(1000 + 8 * len(r["incident_ids"]) for r in rows))
    columns = list(by) + ["low", "best", "high", "incidents", "sources", "incident_ids"]
    return Page(rows[offset:offset + limit], len(rows), offset, limit, columns)


def _plain_estimates(query):
    """``query`` unordered, its date and source list as the driver gives them
    (decoded once per distinct value by :func:`_decoded`, not once per row)."""
    from sqlalchemy import String, type_coerce

    columns = [type_coerce(c, String).label(c.name) if c.name in ("event_date", "sources") else c
               for c in query.selected_columns]
    return query.with_only_columns(*columns).order_by(None)


def _decoded_rows(result, names: list[str]):
    """Rows of :func:`_plain_estimates` with their dates and source lists
    decoded once per distinct value, and names stored once."""
    import json
    import sys

    day, listed = names.index("event_date"), names.index("sources")
    texts = [i for i, name in enumerate(names) if name in ("admin1", "admin2", "location", "perpetrator", "outcome", "category")]
    days: dict = {}
    sources: dict = {}
    for row in result:
        values = list(row)
        value = values[day]
        if value not in days:  # SQLite gives the ISO text, PostgreSQL a date
            days[value] = date.fromisoformat(value) if isinstance(value, str) else value
        values[day] = days[value]
        value = values[listed]
        key = tuple(value) if isinstance(value, list) else value  # PostgreSQL gives the list itself
        if key not in sources:
            decoded = json.loads(value) if isinstance(value, str) else value
            sources[key] = tuple(decoded) if decoded is not None else None
        values[listed] = sources[key]
        for i in texts:
            if values[i] is not None:
                values[i] = sys.intern(values[i])
        yield values


MAX_KEPT_ESTIMATES = 300_000  # about 250 bytes each; more: every tally reads its own period from the database
KEEP_ESTIMATES_AFTER = 3  # tallies asked in one store revision before the estimates are kept


def _estimate_rows(session) -> tuple[list, list, list] | None:
    """Every incident estimate (:func:`~marsad.reconcile.tallies.estimate_rows_query`)
    as (rows with a date in date order, their dates, rows without a date), per
    store revision; None when there are too many to keep, or while too few
    tallies were asked in this revision to pay for reading them all (a store
    written to every few seconds is tallied from the database). Equal values
    (names, dates, source lists) are stored once."""
    from collections import namedtuple

    asked = cached(session, ("tallies asked",), lambda: [0], size=lambda _: 64)
    asked[0] += 1  # not locked: a miscount only moves the moment they are kept
    if asked[0] < KEEP_ESTIMATES_AFTER:
        return None

    from marsad.reconcile.tallies import estimate_rows_query

    def compute():
        result = session.connection().execute(_plain_estimates(estimate_rows_query()).limit(MAX_KEPT_ESTIMATES + 1))
        names = list(result.keys())
        kept = namedtuple("EstimateRow", names)  # type: ignore[misc]  # the query's own columns
        rows = [kept._make(values) for values in _decoded_rows(result, names)]
        if len(rows) > MAX_KEPT_ESTIMATES:
            return None
        dated = sorted((r for r in rows if r.event_date is not None), key=lambda r: r.event_date)
        return dated, [r.event_date for r in dated], [r for r in rows if r.event_date is None]

    return cached(session, ("estimates",), compute, size=lambda kept: 250 * (len(kept[0]) + len(kept[2])) if kept else 64)


CLAIM_FIELDS = ["id", "claim_key", "source", "published", "outcome", "category", "perpetrators", "period_start",
                "period_end", "admin1", "count", "low", "high", "qualifier", "derived", "parent_key", "evidence",
                "document_id"]  # fmt: skip


@cached_page("claims")
def claims_page(session, filters: Filters, *, full: bool, offset: int = 0, limit: int = 100,
                after: int | None = None) -> Page:
    """Claimed totals ("608 since 10 September") and derived remainders."""
    from sqlalchemy import func, select

    from marsad.reconcile.models import TallyClaim
    from marsad.store.models import Document, Source

    _check_paging(offset, limit)
    query = select(TallyClaim.id).join(Document, Document.id == TallyClaim.document_id)
    if filters.date_from:
        query = query.where(func.coalesce(TallyClaim.period_end, TallyClaim.published) >= filters.date_from)
    if filters.date_to:
        query = query.where(func.coalesce(TallyClaim.period_start, TallyClaim.published) <= filters.date_to)
    if filters.admin1:
        query = query.where(func.lower(TallyClaim.admin1) == filters.admin1.strip().lower())
    query = query.order_by(TallyClaim.id)
    found = listing(session, ("claims", repr(filters)), lambda: query)
    ids, start = page_of(session, found, lambda: query, offset=offset, limit=limit, after=after, sort_column=TallyClaim.id)
    table = TallyClaim.__table__
    page = (select(table, Source.confidential).join(Document, Document.id == TallyClaim.document_id)
            .outerjoin(Source, Source.id == Document.source_id).where(TallyClaim.id.in_(ids)).order_by(TallyClaim.id))
    rows = []
    for claim in (session.execute(page) if ids else ()):
        m = claim._mapping
        hidden = bool(m["confidential"]) and not full
        row = {name: m[table.c[name]] if name in table.c else None for name in CLAIM_FIELDS}
        row.update(source=CONFIDENTIAL_LABEL if hidden else m[table.c.source],
                   evidence=None if hidden else m[table.c.span_text])
        rows.append(row)
    if not full:
        from marsad.review.newsroom import scrub

        rows = scrub(rows, confidential_source_names(session))
    return Page(rows, found.total, start, limit, CLAIM_FIELDS, keyed=True)


DOCUMENT_FIELDS = ["id", "published", "source", "reliability", "title", "url", "language", "version", "chars", "ingested_at"]


@cached_page("documents")
def documents_page(session, filters: Filters, *, full: bool, offset: int = 0, limit: int = 100,
                   after: int | None = None) -> Page:
    from sqlalchemy import func, select

    from marsad.store.models import Document, Source, source_key

    _check_paging(offset, limit)
    query = select(Document.id).outerjoin(Source, Source.id == Document.source_id).where(Document.is_current.is_(True))
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
    query = query.order_by(Document.id)
    found = listing(session, ("documents", full, repr(filters)), lambda: query)
    ids, start = page_of(session, found, lambda: query, offset=offset, limit=limit, after=after, sort_column=Document.id)
    page = (select(Document.id, Document.published, Source.name, Source.reliability, Document.title, Document.url,
                   Document.language, Document.version, Document.char_count, Document.ingested_at)
            .outerjoin(Source, Source.id == Document.source_id).where(Document.id.in_(ids)).order_by(Document.id))
    rows = [dict(zip(DOCUMENT_FIELDS, row)) for row in (session.execute(page) if ids else ())]
    return Page(rows, found.total, start, limit, DOCUMENT_FIELDS, keyed=True)


@cached_page("deleted")
def deleted_page(session, *, since: datetime | None, offset: int = 0, limit: int = 100) -> Page:
    """Records withdrawn (rejected by a reviewer) since ``since``, oldest first."""
    from sqlalchemy import select

    from marsad.review.models import FactReview

    _check_paging(offset, limit)
    query = select(FactReview.id).where(FactReview.status == "rejected", FactReview.kind.in_(("event", "casualty")))
    if since:
        query = query.where(FactReview.updated_at >= since)
    query = query.order_by(FactReview.updated_at, FactReview.id)
    found = listing(session, ("deleted", since), lambda: query)
    ids, start = page_of(session, found, lambda: query, offset=offset, limit=limit)
    by_id = {r.id: {"kind": r.kind, "id": r.fact_id, "key": r.fact_key, "withdrawn_at": r.updated_at}
             for r in (session.execute(select(FactReview.id, FactReview.kind, FactReview.fact_id, FactReview.fact_key,
                                              FactReview.updated_at).where(FactReview.id.in_(ids))) if ids else ())}
    return Page([by_id[i] for i in ids], found.total, start, limit, ["kind", "id", "key", "withdrawn_at"])
