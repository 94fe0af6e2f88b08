"""Writing many documents and facts with few statements.

:func:`store_documents` writes a batch of whole documents (text, run, facts)
with about ten executemany statements whatever the batch size, inside the
caller's transaction: the batch is all-or-nothing, so a crash leaves whole
documents only. :func:`insert_facts` writes the facts of any number of runs.
Both keep the semantics of :func:`marsad.store.repository.add_document` and
:func:`~marsad.store.repository.add_extraction` (same text stored once, new
text under a known URL supersedes, one run per pipeline configuration).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import bindparam, select, update

from marsad import model as m
from marsad.store.db import bulk_insert
from marsad.store.models import (
    Actor,
    Casualty,
    CasualtyPlace,
    Document,
    Event,
    EventPlace,
    ExtractionRun,
    Place,
    utcnow,
)


@dataclass
class NewDocument:
    """One document to store, with its extraction (or None to archive only)."""

    text: str
    content_hash: str
    extraction: m.Extraction | None = None
    source_id: int | None = None
    source_name: str | None = None
    url: str | None = None
    external_id: str | None = None
    title: str | None = None
    published: date | None = None
    published_inferred: bool = False
    language: str | None = None
    input_format: str | None = None
    origin: str | None = None


def run_json(extraction: m.Extraction, keep_full: bool) -> dict[str, Any]:
    """What a run keeps as JSON besides the fact columns: by default only what
    has no column (dates found, the publication date the text implied);
    ``keep_full`` keeps the whole Extraction (larger and slower)."""
    if keep_full:
        return extraction.to_dict()
    return {
        "published": extraction.published.isoformat() if extraction.published else None,
        "published_inferred": extraction.published_inferred,
        "language": extraction.language,
        "dates": m.to_jsonable(extraction.dates),
    }


def store_documents(session, items: Sequence[NewDocument], *, keep_json: bool = False) -> list[str]:
    """Store a batch; returns each item's status: ``new``, ``updated``,
    ``unchanged`` or ``reextracted``. The caller owns the transaction."""
    from marsad.store import repository as repo

    statuses: list[str | None] = [None] * len(items)
    stored = {
        row.content_hash: row.id
        for row in session.execute(
            select(Document.content_hash, Document.id).where(Document.content_hash.in_({i.content_hash for i in items}))
        )
    }
    keys = [repo.version_key(url=i.url, external_id=i.external_id, source_name=i.source_name) for i in items]
    fresh, slow, seen = [], [], set()
    key_counts: dict[str, int] = {}
    for key in keys:
        if key is not None:
            key_counts[key] = key_counts.get(key, 0) + 1
    for index, item in enumerate(items):
        if item.content_hash in stored or item.content_hash in seen:
            slow.append(index)  # already stored: at most a new run, rare enough to go one by one
        elif keys[index] is not None and key_counts[keys[index]] > 1:
            slow.append(index)  # two versions of one report in one batch: chain them in order
        else:
            fresh.append(index)
        seen.add(item.content_hash)
    if fresh:
        for index, status in zip(fresh, _insert_new([items[i] for i in fresh], [keys[i] for i in fresh], session,
                                                    keep_json)):  # fmt: skip
            statuses[index] = status
    for index in slow:
        statuses[index] = _store_one(session, items[index], keep_json)
    return [s or "unchanged" for s in statuses]


def _store_one(session, item: NewDocument, keep_json: bool) -> str:
    from marsad.store import repository as repo
    from marsad.store.models import Source

    source = session.get(Source, item.source_id) if item.source_id else None
    result = repo.add_document(
        session, text=item.text, source=source, url=item.url, external_id=item.external_id, title=item.title,
        published=item.published, published_inferred=item.published_inferred, language=item.language,
        input_format=item.input_format, origin=item.origin, hash_=item.content_hash,
    )  # fmt: skip
    if item.extraction is None:
        return result.status
    before = {r.id for r in result.document.runs} if result.status == "unchanged" else set()
    run = repo.add_extraction(session, result.document, item.extraction, keep_json=keep_json,
                              new_document=result.status != "unchanged")  # fmt: skip
    if result.status == "unchanged" and run.id not in before:
        return "reextracted"
    return result.status


def _insert_new(items: list[NewDocument], keys: list[str | None], session, keep_json: bool) -> list[str]:
    connection = session.connection()
    wanted = [k for k in keys if k is not None]
    previous: dict[str, tuple[int, int]] = {}
    if wanted:
        query = select(Document.version_key, Document.id, Document.version).where(
            Document.version_key.in_(wanted), Document.is_current.is_(True)
        )
        if connection.dialect.name == "postgresql":
            query = query.with_for_update()
        previous = {key: (doc_id, version) for key, doc_id, version in connection.execute(query)}
    now = utcnow()
    rows = []
    for item, key in zip(items, keys):
        prior = previous.get(key) if key is not None else None
        rows.append({
            "content_hash": item.content_hash, "source_id": item.source_id, "external_id": item.external_id,
            "version_key": key, "url": item.url, "title": item.title, "published": item.published,
            "published_inferred": item.published_inferred, "language": item.language, "text": item.text,
            "char_count": len(item.text), "input_format": item.input_format, "origin": item.origin,
            "version": prior[1] + 1 if prior else 1, "supersedes_id": prior[0] if prior else None,
            "is_current": True, "ingested_at": now,
        })  # fmt: skip
    superseded = [doc_id for doc_id, _ in previous.values()]
    if superseded:
        connection.execute(update(Document).where(Document.id.in_(superseded)).values(is_current=False))
        connection.execute(
            update(ExtractionRun).where(ExtractionRun.document_id.in_(superseded)).values(is_current=False)
        )
    document_ids = insert_returning(connection, Document, rows)
    extracted = [(doc_id, item.extraction) for doc_id, item in zip(document_ids, items) if item.extraction]
    run_rows = [_run_row(doc_id, extraction, keep_json, now) for doc_id, extraction in extracted]
    run_ids = insert_returning(connection, ExtractionRun, run_rows)
    insert_facts(connection, [(run_id, doc_id, ex) for run_id, (doc_id, ex) in zip(run_ids, extracted)])
    return ["updated" if key is not None and key in previous else "new" for key in keys]


def _run_row(document_id: int, extraction: m.Extraction, keep_json: bool, now) -> dict[str, Any]:
    from marsad.store import repository as repo

    pipeline = extraction.pipeline or {}
    return {
        "document_id": document_id, "pipeline_name": str(pipeline.get("name", "unknown")),
        "pipeline_version": str(pipeline.get("version", "unknown")), "pipeline_hash": repo.pipeline_hash(pipeline),
        "pipeline": m.to_jsonable(pipeline), "extraction": run_json(extraction, keep_json),
        "warnings": list(extraction.warnings) or None, "is_current": True, "created_at": now,
    }  # fmt: skip


# ------------------------------------------------------------------- facts


def insert_returning(connection, model, rows: list[dict[str, Any]]) -> list[int]:
    """Bulk insert of ``rows`` (one executemany) with ids allocated up front;
    returns the new ids in row order."""
    if not rows:
        return []
    from marsad.store.db import allocate_ids, bulk_insert

    table = model.__table__
    ids = allocate_ids(connection, table, len(rows))
    for row, new_id in zip(rows, ids):
        row["id"] = new_id
    bulk_insert(connection, table, rows)
    return ids


def insert_facts(connection, runs: Sequence[tuple[int, int, m.Extraction]]) -> None:
    """Write the facts of ``(run_id, document_id, extraction)`` triples: one
    executemany per table for all of them, ``part_of`` and place links resolved."""
    places, actors, events, casualties = [], [], [], []
    for run_id, document_id, ex in runs:
        base = {"run_id": run_id, "document_id": document_id}
        places += [{**base, **_place_row(p)} for p in ex.places]
        actors += [{**base, **_actor_row(a)} for a in ex.actors]
        events += [{**base, **_event_row(e, rank)} for rank, e in enumerate(ex.events)]
    place_ids = _by_run(runs, "places", insert_returning(connection, Place, places))
    bulk_insert(connection, Actor.__table__, actors)
    event_ids = _by_run(runs, "events", insert_returning(connection, Event, events))
    for position, (run_id, document_id, ex) in enumerate(runs):
        event_of = {cid: event_ids[position][e.id] for e in ex.events for cid in e.casualty_ids}
        casualties += [{"run_id": run_id, "document_id": document_id, **_casualty_row(c, event_of.get(c.id))}
                       for c in ex.casualties]  # fmt: skip
    casualty_ids = _by_run(runs, "casualties", insert_returning(connection, Casualty, casualties))
    parents, restated, event_links, casualty_links = [], [], set(), set()
    for position, (_, _, ex) in enumerate(runs):
        ids, pids = casualty_ids[position], place_ids[position]
        parents += [{"b_id": ids[c.id], "b_parent": ids[c.part_of]} for c in ex.casualties if c.part_of in ids]
        restated += [{"b_id": ids[c.id], "b_first": ids[c.alternative_of]} for c in ex.casualties
                     if c.alternative_of in ids]
        event_links |= {(event_ids[position][e.id], pids[p]) for e in ex.events for p in e.place_ids if p in pids}
        casualty_links |= {(ids[c.id], pids[p]) for c in ex.casualties for p in c.place_ids if p in pids}
    table: Any = Casualty.__table__
    if parents:
        connection.execute(
            table.update().where(table.c.id == bindparam("b_id")).values(part_of_id=bindparam("b_parent")), parents
        )
    if restated:
        connection.execute(table.update().where(table.c.id == bindparam("b_id"))
                           .values(alternative_of_id=bindparam("b_first")), restated)
    bulk_insert(connection, EventPlace.__table__, [{"event_id": a, "place_id": b} for a, b in sorted(event_links)])
    bulk_insert(connection, CasualtyPlace.__table__,
                [{"casualty_id": a, "place_id": b} for a, b in sorted(casualty_links)])  # fmt: skip


def _by_run(runs, kind: str, ids: list[int]) -> list[dict[str, int]]:
    """Split a flat list of new ids back into one {local id: db id} map per run."""
    maps, offset = [], 0
    for _, _, ex in runs:
        facts = getattr(ex, kind)
        maps.append({f.id: db_id for f, db_id in zip(facts, ids[offset : offset + len(facts)])})
        offset += len(facts)
    return maps


def _span(span: m.Span | None) -> dict[str, Any]:
    if span is None:
        return {"span_start": None, "span_end": None, "span_text": None}
    return {"span_start": span.start, "span_end": span.end, "span_text": span.text}


def _place_row(p: m.PlaceMention) -> dict[str, Any]:
    return {
        "local_id": p.id, "text": p.text, "name": p.name, "latitude": p.latitude, "longitude": p.longitude,
        "admin1": p.admin1, "admin2": p.admin2, "country": p.country, "geo_precision": p.geo_precision,
        "where_prec": p.where_prec, "gazetteer_id": p.gazetteer_id, "feature": p.feature,
        "relation": p.relation, "resolved": bool(p.resolved), "rule": p.rule, "confidence": p.confidence,
        **_span(p.span),
    }  # fmt: skip


def _actor_row(a: m.ActorMention) -> dict[str, Any]:
    return {
        "local_id": a.id, "text": a.text, "name": a.name, "acled_name": a.acled_name,
        "ucdp_name": a.ucdp_name, "inter": a.inter, "rule": a.rule, "confidence": a.confidence,
        **_span(a.span),
    }  # fmt: skip


def _event_row(e: m.Event, rank: int) -> dict[str, Any]:
    dv = e.date
    return {
        "local_id": e.id, "event_type": e.event_type, "sub_event_type": e.sub_event_type,
        "event_date": e.event_date or (dv.start if dv else None),
        "date_start": dv.start if dv else None, "date_end": dv.end if dv else None,
        "date_precision": dv.precision if dv else None,
        "actor1": e.actor1, "actor2": e.actor2, "assoc_actor_1": e.assoc_actor_1, "assoc_actor_2": e.assoc_actor_2,
        "location": e.location, "admin1": e.admin1, "admin2": e.admin2, "country": e.country,
        "latitude": e.latitude, "longitude": e.longitude, "geo_precision": e.geo_precision,
        "fatalities": e.fatalities or 0, "injured": e.injured or 0, "salience": e.salience, "rank": rank,
        "rule": e.rule, "confidence": e.confidence, **_span(e.span),
    }  # fmt: skip


def _casualty_row(c: m.Casualty, event_id: int | None) -> dict[str, Any]:
    pv = c.period
    return {
        "local_id": c.id, "event_id": event_id, "part_of_id": None, "alternative_of_id": None, "outcome": c.outcome, "count": c.count,
        "low": c.low, "high": c.high, "qualifier": c.qualifier, "vague": c.vague, "victims": c.victims,
        "victim_group": c.victim_group, "affiliation": c.affiliation, "nationality": c.nationality,
        "perpetrator": "; ".join(c.perpetrator) or None, "perpetrators": list(c.perpetrator) or None,
        "cause": c.cause, "period_start": pv.start if pv else None, "period_end": pv.end if pv else None,
        "period_precision": pv.precision if pv else None, "period_relative": pv.relative if pv else None,
        "derived": c.derived, "is_tally": bool(c.is_tally), "party_claim": bool(c.party_claim), "rule": c.rule, "confidence": c.confidence,
        **_span(c.span),
    }  # fmt: skip
