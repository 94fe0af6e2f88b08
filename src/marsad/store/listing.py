"""Rows for listings (``marsad documents list``, ``events list``, ``sources``):
plain dicts with stable keys, ready for a table, JSON or CSV."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select

from marsad.store import repository as repo
from marsad.store.models import Casualty, Document, Event, ExtractionRun, Source

DOCUMENT_COLUMNS = ("id", "published", "source", "version", "language", "chars", "events", "casualties", "title", "url", "origin")
EVENT_COLUMNS = ("id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "location", "admin1",
                 "fatalities", "injured", "document_id", "source", "evidence")  # fmt: skip
SOURCE_COLUMNS = ("id", "name", "reliability", "confidential", "documents")


def document_rows(session, *, limit: int | None = None, **filters) -> list[dict[str, Any]]:
    documents = repo.list_documents(session, limit=limit, **filters)
    counts = _fact_counts(session, [d.id for d in documents])
    return [
        {
            "id": d.id, "published": d.published, "source": d.source.name if d.source else None,
            "version": d.version, "language": d.language, "chars": d.char_count,
            "events": counts.get(d.id, (0, 0))[0], "casualties": counts.get(d.id, (0, 0))[1],
            "title": d.title, "url": d.url, "origin": d.origin,
        }  # fmt: skip
        for d in documents
    ]


def _fact_counts(session, document_ids: list[int]) -> dict[int, tuple[int, int]]:
    if not document_ids:
        return {}
    counts: dict[int, list[int]] = {i: [0, 0] for i in document_ids}
    models: tuple[Any, ...] = (Event, Casualty)
    for position, model in enumerate(models):
        query = (
            select(model.document_id, func.count())
            .join(ExtractionRun, model.run_id == ExtractionRun.id)
            .where(ExtractionRun.is_current.is_(True), model.document_id.in_(document_ids))
            .group_by(model.document_id)
        )
        for document_id, count in session.execute(query):
            counts[document_id][position] = count
    return {k: (v[0], v[1]) for k, v in counts.items()}


def event_rows(
    session,
    *,
    place: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    source: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    query = repo.events_query(place=place, date_from=date_from, date_to=date_to, source=source, session=session)
    query = query.add_columns(Source.name)  # events_query joins documents and sources
    if limit:
        query = query.limit(limit)
    return [
        {
            "id": e.id, "event_date": e.event_date, "event_type": e.event_type, "sub_event_type": e.sub_event_type,
            "actor1": e.actor1, "actor2": e.actor2, "location": e.location, "admin1": e.admin1,
            "fatalities": e.fatalities, "injured": e.injured, "document_id": e.document_id,
            "source": source_name, "evidence": e.span_text,
        }  # fmt: skip
        for e, source_name in session.execute(query)
    ]


def source_rows(session) -> list[dict[str, Any]]:
    query = (
        select(Source, func.count(Document.id))
        .outerjoin(Document, (Document.source_id == Source.id) & Document.is_current.is_(True))
        .group_by(Source.id)
        .order_by(Source.name)
    )
    return [
        {"id": s.id, "name": s.name, "reliability": s.reliability, "confidential": s.confidential, "documents": n}
        for s, n in session.execute(query)
    ]


def check_place(session, place: str | None, *, option: str = "--area") -> None:
    """Raise :class:`~marsad.errors.InputError` when no stored event is in
    ``place`` (matched as ``events list --place`` matches), naming the close
    place names marsad knows. Call it when a listing or a bulletin came back
    empty: a known place with nothing in the period is a real "nothing"."""
    if not place:
        return
    import difflib

    from marsad.errors import InputError

    if session.execute(repo.events_query(place=place, session=session).with_only_columns(Event.id).limit(1)).first() is not None:
        return
    rows = session.execute(
        repo.current_fact_query(Event).with_only_columns(Event.location, Event.admin1, Event.admin2).distinct()
    ).all()
    names = sorted({name for row in rows for name in row if name})
    if not names:
        return  # nothing stored yet: every place finds nothing, and that is the truth
    by_lower = {name.lower(): name for name in names}
    close = [by_lower[m] for m in difflib.get_close_matches(place.lower(), list(by_lower), n=5, cutoff=0.6)]
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    raise InputError(f"{option} {place!r}: no stored event is in a place of that name.{hint} "
                     "See the places with `marsad events list`.")  # fmt: skip
