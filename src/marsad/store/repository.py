"""Repository functions over the documentation database.

Every function takes a SQLAlchemy ``Session`` as its first argument and
**never commits**: the caller owns the transaction (``Database.transaction()``
gives one). Writes are idempotent where the issue demands it: the same text is
stored once, and the same pipeline configuration over the same document is
stored as one run.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import Select, and_, exists, func, or_, select, update

from marsad import model as m
from marsad.errors import InputError
from marsad.hashing import content_hash  # noqa: F401 - re-exported: the one definition is light to import
from marsad.store.bulk import insert_facts, run_json
from marsad.store.db import insert_ignoring_conflicts
from marsad.store.models import (
    RELIABILITY_GRADES,
    Actor,
    Casualty,
    Document,
    Event,
    EventPlace,
    ExtractionRun,
    IngestFailure,
    Place,
    Source,
    source_key,
)


def pipeline_hash(pipeline: dict[str, Any]) -> str:
    """Fingerprint of a pipeline description (name, version, components, config)."""
    canonical = json.dumps(pipeline or {}, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# --------------------------------------------------------------------- sources


def get_or_create_source(
    session, name: str, *, reliability: str | None = None, confidential: bool | None = None
) -> Source:
    """The source called ``name``, created if new. A reliability grade or
    confidential flag given here updates an existing source."""
    name = name.strip()
    if not name:
        raise InputError("A source name cannot be empty.")
    if reliability is not None:
        reliability = reliability.strip().upper()
        if reliability not in RELIABILITY_GRADES:
            raise InputError(
                f"Reliability grade {reliability!r} is not on the Admiralty scale: use one of A, B, C, D, E, F "
                "(A completely reliable … E unreliable, F cannot be judged)."
            )
    source = find_source(session, name)
    if source is None:
        # An upsert: two ingests naming the same new source at once must both
        # get it, not have one abort on the unique key.
        insert_ignoring_conflicts(session, Source.__table__, {
            "name": name[:200], "name_key": source_key(name)[:200], "reliability": reliability,
            "confidential": bool(confidential), "created_at": datetime.now(timezone.utc),
        })  # fmt: skip
        source = find_source(session, name)
        if source is None:  # pragma: no cover - the insert or a concurrent one made it
            raise InputError(f"Could not create the source {name!r}; run the command again.")
    if reliability is not None:
        source.reliability = reliability
    if confidential is not None:
        source.confidential = confidential
    return source


def find_source(session, name: str) -> Source | None:
    """The source whose identity (:func:`~marsad.store.models.source_key`:
    case and spacing ignored) is ``name``'s, or None."""
    return session.scalars(select(Source).where(Source.name_key == source_key(name)[:200])).one_or_none()


def list_sources(session) -> list[Source]:
    return list(session.scalars(select(Source).order_by(Source.name)))


# ------------------------------------------------------------------- documents


@dataclass
class StoredDocument:
    """What :func:`add_document` did: ``status`` is ``new``, ``unchanged``
    (this text was already stored) or ``updated`` (a new version of a
    report already stored under the same URL or external id)."""

    document: Document
    status: str
    superseded: Document | None = None


def version_key(*, url: str | None, external_id: str | None, source_name: str | None) -> str | None:
    """What makes two texts versions of the same report: its URL, else its
    external id within its source."""
    if url:
        return url.strip()[:1000]
    if external_id:
        return f"{source_name or ''}:{external_id}"[:1000]
    return None


def find_documents_by_hash(session, hashes: Iterable[str]) -> dict[str, Document]:
    """Stored documents among ``hashes`` (a cheap check before extraction)."""
    wanted = list(dict.fromkeys(hashes))
    found: dict[str, Document] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for document in session.scalars(select(Document).where(Document.content_hash.in_(chunk))):
            found[document.content_hash] = document
    return found


def known_documents(session, hashes: Iterable[str]) -> dict[str, tuple[int, set[str]]]:
    """For each stored hash among ``hashes``: the document id and the
    pipeline hashes of its runs (one query per 500 hashes)."""
    wanted = list(dict.fromkeys(hashes))
    found: dict[str, tuple[int, set[str]]] = {}
    for start in range(0, len(wanted), 500):
        query = (
            select(Document.content_hash, Document.id, ExtractionRun.pipeline_hash)
            .outerjoin(ExtractionRun, ExtractionRun.document_id == Document.id)
            .where(Document.content_hash.in_(wanted[start : start + 500]))
        )
        for digest, document_id, run_hash in session.execute(query):
            entry = found.setdefault(digest, (document_id, set()))
            if run_hash:
                entry[1].add(run_hash)
    return found


def add_document(
    session,
    *,
    text: str,
    source: Source | None = None,
    url: str | None = None,
    external_id: str | None = None,
    title: str | None = None,
    published: date | None = None,
    published_inferred: bool = False,
    language: str | None = None,
    input_format: str | None = None,
    origin: str | None = None,
    hash_: str | None = None,
) -> StoredDocument:
    """Store one document version, unless this exact text is already stored.

    The same text → ``unchanged`` (the existing row). A new text under an
    existing URL (or source + external id) → ``updated``: a new row with the
    next version number that supersedes the old one; the old row and its runs
    stay, marked not current.
    """
    digest = hash_ or content_hash(text)
    existing = session.scalars(select(Document).where(Document.content_hash == digest)).one_or_none()
    if existing is not None:
        return StoredDocument(existing, "unchanged")
    key = version_key(url=url, external_id=external_id, source_name=source.name if source else None)
    previous = None
    if key is not None:
        previous = session.scalars(
            select(Document).where(Document.version_key == key, Document.is_current.is_(True)).with_for_update(of=Document)
        ).first()
    document = Document(
        content_hash=digest,
        source_id=source.id if source else None,
        external_id=external_id,
        version_key=key,
        url=url,
        title=title,
        published=published,
        published_inferred=published_inferred,
        language=language,
        text=text,
        char_count=len(text),
        input_format=input_format,
        origin=origin,
        version=(previous.version + 1) if previous else 1,
        supersedes_id=previous.id if previous else None,
        is_current=True,
    )
    if previous is not None:
        previous.is_current = False
        session.execute(
            update(ExtractionRun).where(ExtractionRun.document_id == previous.id).values(is_current=False)
        )
    session.add(document)
    session.flush()
    return StoredDocument(document, "updated" if previous else "new", previous)


def get_document(session, document_id: int) -> Document:
    from marsad.errors import NotFoundError

    document = session.get(Document, document_id)
    if document is None:
        raise NotFoundError(f"No document with id {document_id}: see `marsad documents list`.")
    return document


def document_versions(session, document: Document) -> list[Document]:
    """Every stored version of the report ``document`` belongs to, oldest first."""
    if document.version_key is None:
        return [document]
    return list(
        session.scalars(select(Document).where(Document.version_key == document.version_key).order_by(Document.version))
    )


def documents_query(
    *,
    since: date | None = None,
    until: date | None = None,
    source: str | None = None,
    language: str | None = None,
    include_superseded: bool = False,
) -> Select:
    """Documents by publication date (``since``/``until`` inclusive), newest first."""
    query = select(Document).outerjoin(Source, Document.source_id == Source.id)
    if not include_superseded:
        query = query.where(Document.is_current.is_(True))
    if since is not None:
        query = query.where(Document.published >= since)
    if until is not None:
        query = query.where(Document.published <= until)
    if source:
        query = query.where(Source.name_key == source_key(source))
    if language:
        query = query.where(Document.language == language)
    return query.order_by(Document.published.desc().nulls_last(), Document.id.desc())


def list_documents(session, *, limit: int | None = None, **filters) -> list[Document]:
    from sqlalchemy.orm import defer, selectinload

    query = documents_query(**filters).options(selectinload(Document.source), defer(Document.text))
    if limit:
        query = query.limit(limit)
    return list(session.scalars(query))


# ------------------------------------------------------------- extraction runs


def find_run(session, document: Document, pipeline: dict[str, Any]) -> ExtractionRun | None:
    """The stored run of exactly this pipeline configuration over ``document``."""
    return session.scalars(
        select(ExtractionRun).where(
            ExtractionRun.document_id == document.id, ExtractionRun.pipeline_hash == pipeline_hash(pipeline)
        )
    ).first()


def current_run(session, document: Document) -> ExtractionRun | None:
    return session.scalars(
        select(ExtractionRun)
        .where(ExtractionRun.document_id == document.id)
        .order_by(ExtractionRun.is_current.desc(), ExtractionRun.id.desc())
    ).first()


def add_extraction(
    session, document: Document, extraction: m.Extraction, *, keep_json: bool = False, new_document: bool = False
) -> ExtractionRun:
    """Store one extraction run over ``document`` and all its facts.

    The new run becomes the document's current run (earlier runs stay, not
    current). If this exact pipeline configuration already ran over this
    document, the stored run is returned and nothing is added.
    ``new_document=True`` (the document was added in this transaction, so it
    has no runs) skips those two look-ups.
    """
    pipeline = extraction.pipeline or {}
    if not new_document:
        existing = find_run(session, document, pipeline)
        if existing is not None:
            return existing
        session.execute(
            update(ExtractionRun)
            .where(ExtractionRun.document_id == document.id, ExtractionRun.is_current.is_(True))
            .values(is_current=False)
        )
    run = ExtractionRun(
        document_id=document.id,
        pipeline_name=str(pipeline.get("name", "unknown")),
        pipeline_version=str(pipeline.get("version", "unknown")),
        pipeline_hash=pipeline_hash(pipeline),
        pipeline=m.to_jsonable(pipeline),
        extraction=run_json(extraction, keep_json),
        warnings=list(extraction.warnings) or None,
        is_current=document.is_current,
    )
    session.add(run)
    session.flush()
    insert_facts(session.connection(), [(run.id, run.document_id, extraction)])
    return run


# ------------------------------------------------------------------ fact queries


def current_fact_query(model) -> Select:
    """``select(model)`` restricted to current runs (latest run of the current
    version of each document). Start every fact query here."""
    return select(model).join(ExtractionRun, model.run_id == ExtractionRun.id).where(ExtractionRun.is_current.is_(True))


def place_names_matching(session, place: str) -> list[str]:
    """The stored place names (event locations and admin areas, cited place
    mentions) that name ``place`` in any spelling
    (:func:`marsad.gazetteer.keys.names_place`: "Dayr az Zawr" finds "Deir
    ez-Zor", "Ma'arrat an-Numan" finds "Maarat al-Numan")."""
    from marsad.gazetteer.keys import names_place

    values: set[str] = set()
    for column in (Event.location, Event.admin1, Event.admin2, Place.name, Place.text, Place.admin1):
        values.update(v for v in session.scalars(select(column).distinct()) if v)
    return sorted(v for v in values if names_place(place, v))


def events_query(
    *,
    place: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    source: str | None = None,
    event_type: str | None = None,
    actor: str | None = None,
    session=None,
) -> Select:
    """Current events filtered by place (location, admin areas or any cited
    place mention, spelling-tolerant), date range (inclusive), source, type, actor.

    The place is matched by :func:`place_names_matching` (the gazetteer's
    transliteration keys, the match ``tally --area`` uses), so a place filter
    needs the ``session`` that reads the stored names."""
    query = (
        current_fact_query(Event)
        .join(Document, Event.document_id == Document.id)
        .outerjoin(Source, Document.source_id == Source.id)
    )
    if place:
        if session is None:
            raise TypeError("events_query(place=...) needs session= to match the place's spellings")
        names = place_names_matching(session, place)
        cited = exists().where(
            EventPlace.event_id == Event.id,
            Place.id == EventPlace.place_id,
            or_(Place.name.in_(names), Place.text.in_(names), Place.admin1.in_(names)),
        )
        query = query.where(
            or_(Event.location.in_(names), Event.admin1.in_(names), Event.admin2.in_(names), cited)
        )
    if date_from is not None:
        query = query.where(func.coalesce(Event.date_end, Event.event_date) >= date_from)
    if date_to is not None:
        query = query.where(func.coalesce(Event.date_start, Event.event_date) <= date_to)
    if source:
        query = query.where(Source.name_key == source_key(source))
    if event_type:
        query = query.where(or_(Event.event_type == event_type, Event.sub_event_type == event_type))
    if actor:
        query = query.where(or_(Event.actor1.ilike(f"%{actor}%"), Event.actor2.ilike(f"%{actor}%")))
    return query.order_by(Event.event_date.nulls_last(), Event.document_id, Event.rank)


def list_events(session, *, limit: int | None = None, **filters) -> list[Event]:
    query = events_query(session=session, **filters)
    if limit:
        query = query.limit(limit)
    return list(session.scalars(query))


def casualties_query(*, document_id: int | None = None, include_tallies: bool = True) -> Select:
    """Current casualty counts (each with ``event_id``, ``part_of_id``, span and run)."""
    query = current_fact_query(Casualty)
    if document_id is not None:
        query = query.where(Casualty.document_id == document_id)
    if not include_tallies:
        query = query.where(Casualty.is_tally.is_(False))
    return query.order_by(Casualty.document_id, Casualty.id)


def facts_of_document(session, document: Document) -> dict[str, list]:
    """The current run's facts of one document: events, casualties, places, actors."""
    result = {}
    for name, model in (("events", Event), ("casualties", Casualty), ("places", Place), ("actors", Actor)):
        query = current_fact_query(model).where(model.document_id == document.id).order_by(model.id)
        result[name] = list(session.scalars(query))
    return result


def count_rows(session) -> dict[str, int]:
    """Row counts of the main tables (for summaries and tests)."""
    tables = {
        "sources": Source, "documents": Document, "extraction_runs": ExtractionRun, "events": Event,
        "casualties": Casualty, "places": Place, "actors": Actor, "ingest_failures": IngestFailure,
    }  # fmt: skip
    return {name: session.scalar(select(func.count()).select_from(model)) for name, model in tables.items()}


# -------------------------------------------------------------------- failures


def record_failure(
    session,
    *,
    origin: str,
    stage: str,
    error: BaseException | str,
    content_hash: str | None = None,
    document_id: int | None = None,
) -> IngestFailure:
    """Record why one document could not be ingested (the batch goes on).

    A document that fails again the same way updates its open failure
    instead of adding a row, so re-running a batch does not pile them up."""
    values = {
        "stage": stage,
        "error_type": type(error).__name__ if isinstance(error, BaseException) else "Error",
        "error": str(error)[:10_000],
        "content_hash": content_hash,
        "document_id": document_id,
    }
    failure = session.scalars(
        select(IngestFailure).where(IngestFailure.origin == origin, IngestFailure.resolved_at.is_(None))
    ).first()
    if failure is None:
        failure = IngestFailure(origin=origin, **values)
        session.add(failure)
    else:
        for key, value in values.items():
            setattr(failure, key, value)
        failure.created_at = datetime.now(timezone.utc)
    session.flush()
    return failure


def resolve_failures(session, origin: str) -> int:
    """Mark earlier failures of ``origin`` resolved (it has now been ingested)."""
    result = session.execute(
        update(IngestFailure)
        .where(and_(IngestFailure.origin == origin, IngestFailure.resolved_at.is_(None)))
        .values(resolved_at=datetime.now(timezone.utc))
    )
    return result.rowcount or 0


def list_failures(session, *, unresolved_only: bool = True) -> list[IngestFailure]:
    query = select(IngestFailure).order_by(IngestFailure.id)
    if unresolved_only:
        query = query.where(IngestFailure.resolved_at.is_(None))
    return list(session.scalars(query))
