"""Review decisions applied to what readers read: the one place where tallies,
bulletins, exports and the API learn that a person corrected or rejected a fact.

:func:`apply_reviews` takes fact rows (dicts with ``id``, ``document_id`` and
the span, as reconcile and publish build them) and returns them with the
values in force: a correction replaces the machine's values (which stay under
``"machine"``), a rejected fact is dropped, and every row says its
``review_status``. :func:`reviewed_objects` does the same for ORM rows, as
read-only copies (the stored facts are never modified). ``verified_only``
keeps only facts a person verified or corrected.

Reviews are matched by fact id and, after a re-extraction gave the facts new
ids, by document and evidence span, so a decision survives it.
:func:`sync_reviews` moves the anchors for good and sends facts whose machine
values changed back to review.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timezone
from types import SimpleNamespace

REVIEWED = ("verified", "corrected")


class ReviewIndex:
    def __init__(self, reviews: Iterable):
        self.by_id: dict[int, object] = {}
        self.by_span: dict[tuple, object] = {}
        for review in reviews:
            if review.fact_id is not None:
                self.by_id[review.fact_id] = review
            if review.span_start is not None:
                self.by_span.setdefault((review.document_id, review.span_start, review.span_end), review)

    def find(self, fact_id, document_id, start, end):
        review = self.by_id.get(fact_id)
        if review is not None:
            return review
        return self.by_span.get((document_id, start, end)) if start is not None else None


def load_index(session, kind: str, document_ids: Iterable[int]) -> ReviewIndex:
    from sqlalchemy import select

    try:
        from marsad.review.models import FactReview
    except ImportError:  # pragma: no cover
        return ReviewIndex(())
    ids = sorted({i for i in document_ids if i is not None})
    found = []
    for start in range(0, len(ids), 500):
        query = select(FactReview).where(FactReview.kind == kind, FactReview.document_id.in_(ids[start:start + 500]))
        found.extend(session.scalars(query))
    return ReviewIndex(found)


def _span(row) -> tuple:
    if isinstance(row, dict):
        if "span" in row and row["span"]:
            return row["span"][0], row["span"][1]
        return row.get("span_start"), row.get("span_end")
    return row.span_start, row.span_end


def _typed(name: str, value):
    from marsad.review.service import DATE_FIELDS

    if name in DATE_FIELDS and isinstance(value, str):
        return date.fromisoformat(value)
    return value


def _corrections(review) -> dict:
    if review is None:
        return {}
    return corrections_of(review.status, review.values, review.machine)


def corrections_of(status: str | None, values: dict | None, machine: dict | None) -> dict:
    """The values a person set that differ from the machine's (none for a rejected fact)."""
    if status in (None, "rejected") or not values:
        return {}
    return {k: _typed(k, v) for k, v in values.items() if (machine or {}).get(k) != v}


def _keep(review, verified_only: bool, include_rejected: bool) -> bool:
    status = review.status if review is not None else "machine"
    if status == "rejected" and not include_rejected:
        return False
    return not verified_only or status in REVIEWED


def apply_reviews(session, kind: str, rows: list[dict], *, verified_only: bool = False,
                  include_rejected: bool = False) -> list[dict]:
    """``rows`` with corrections applied and rejected facts dropped (see module doc).
    Casualty rows attached to a rejected event are dropped too."""
    index = load_index(session, kind, (r.get("document_id") for r in rows))
    rejected_events = _rejected_events(session, rows) if kind == "casualty" else set()
    out = []
    for row in rows:
        review = index.find(row.get("id"), row.get("document_id"), *_span(row))
        if not _keep(review, verified_only, include_rejected) or row.get("event_id") in rejected_events:
            continue
        fixes = _corrections(review)
        row = dict(row, review_status=review.status if review is not None else "machine")
        if fixes:
            row["machine"] = {k: row.get(k) for k in fixes}
            row.update(fixes)
            if "perpetrator" in fixes and "perpetrators" in row:
                row["perpetrators"] = [p for p in (fixes["perpetrator"] or "").split("; ") if p]
            if "count" in fixes and "vague" in row:
                row["vague"] = None
        out.append(row)
    return out


def _rejected_events(session, rows: list[dict]) -> set[int]:
    from sqlalchemy import select

    from marsad.store.models import Event

    event_ids = sorted({r["event_id"] for r in rows if r.get("event_id")})
    if not event_ids:
        return set()
    events = []
    for start in range(0, len(event_ids), 500):
        query = select(Event.id, Event.document_id, Event.span_start, Event.span_end).where(Event.id.in_(event_ids[start:start + 500]))
        events.extend(session.execute(query))
    index = load_index(session, "event", (e.document_id for e in events))
    return {e.id for e in events if (r := index.find(e.id, e.document_id, e.span_start, e.span_end)) is not None and r.status == "rejected"}


def reviewed_objects(session, kind: str, facts: Iterable, *, verified_only: bool = False) -> list:
    """Read-only copies of ORM fact rows with corrections applied, rejected dropped."""
    facts = list(facts)
    index = load_index(session, kind, (f.document_id for f in facts))
    out = []
    for fact in facts:
        review = index.find(fact.id, fact.document_id, fact.span_start, fact.span_end)
        if not _keep(review, verified_only, False):
            continue
        fixes = _corrections(review)
        if not fixes and review is None:
            out.append(fact)
            continue
        values = {c.key: getattr(fact, c.key) for c in fact.__table__.columns}
        # a correction replaces the column it corrects (every corrected field is a column)
        out.append(SimpleNamespace(**{**values, **fixes, "review_status": review.status}))
    return out


def sync_reviews(session) -> dict[str, int]:
    """Re-anchor reviews whose fact is no longer current (re-extraction, or a
    newer version of the report) and send decided facts back to ``in_review``
    when the machine's values changed. Decided values stay in force."""
    from sqlalchemy import or_, select

    from marsad.review.models import FactReview
    from marsad.review.service import fact_model

    counts = {"moved": 0, "touched": 0, "orphaned": 0}
    for kind in ("event", "casualty"):
        model = fact_model(kind)
        current = select(model.id).where(model.run_id.in_(_current_runs()))
        stale = list(session.scalars(select(FactReview).where(
            FactReview.kind == kind, or_(FactReview.fact_id.is_(None), ~FactReview.fact_id.in_(current)))))
        for review in stale:
            fact = _new_anchor(session, kind, review)
            if fact is None:
                counts["orphaned"] += review.fact_id is not None
                review.fact_id = None
                continue
            _move(session, kind, review, fact, counts)
    counts["touched"] += _touch_links(session)
    return counts


def _touch_links(session) -> int:
    """Send a decided link back to ``in_review`` when one of its two reports
    has been extracted again, or has a newer version, since the decision.
    Two queries whatever the number of links (the inbox runs this on every look)."""
    from sqlalchemy import and_, select

    from marsad.reconcile.review import report_document_id
    from marsad.review.audit import record
    from marsad.review.models import FactReview
    from marsad.store.models import Document, ExtractionRun, as_utc

    links = list(session.scalars(select(FactReview).where(FactReview.kind == "link", FactReview.status != "in_review")))
    documents = {d for link in links for d in map(report_document_id, link.fact_key.split("|")) if d is not None}
    state = {}
    for start in range(0, len(documents), 500):
        chunk = sorted(documents)[start:start + 500]
        query = (select(Document.id, Document.is_current, ExtractionRun.created_at)
                 .outerjoin(ExtractionRun, and_(ExtractionRun.document_id == Document.id, ExtractionRun.is_current.is_(True)))
                 .where(Document.id.in_(chunk)))
        state.update({document_id: (current, run_at) for document_id, current, run_at in session.execute(query)})
    touched = 0
    for link in links:
        why = []
        for report in link.fact_key.split("|"):
            current, run_at = state.get(report_document_id(report), (None, None))
            if current is False:
                why.append(f"a newer version of report {report}")
            elif current and run_at is not None and as_utc(run_at) > as_utc(link.updated_at):
                why.append(f"a newer extraction of report {report}")
        if why:
            old = {"status": link.status}
            link.status, link.touched = "in_review", "; ".join(why)
            link.updated_at = datetime.now(timezone.utc)
            record(session, "system", "link.touched", f"link {link.fact_key}", old, {"status": link.status}, link.touched)
            touched += 1
    return touched


def _current_runs():
    from sqlalchemy import select

    from marsad.store.models import ExtractionRun

    return select(ExtractionRun.id).where(ExtractionRun.is_current.is_(True))


def _new_anchor(session, kind: str, review):
    """The current fact with the review's span: in the same document, else in
    the current version of the same report (by the quoted words)."""
    from sqlalchemy import select

    from marsad.review.service import fact_model
    from marsad.store.models import Document

    model = fact_model(kind)
    base = select(model).where(model.run_id.in_(_current_runs()))
    fact = session.scalars(base.where(model.document_id == review.document_id, model.span_start == review.span_start,
                                      model.span_end == review.span_end)
                           .order_by((model.local_id == review.local_id).desc(), model.id)).first()
    if fact is not None:
        return fact
    old = session.get(Document, review.document_id) if review.document_id else None
    if old is None or old.version_key is None or review.span_start is None:
        return None
    quote = old.text[review.span_start:review.span_end]
    current = session.scalar(select(Document).where(Document.version_key == old.version_key, Document.is_current.is_(True)))
    if current is None or current.id == old.id:
        return None
    return session.scalars(base.where(model.document_id == current.id, model.span_text == quote).order_by(model.id)).first()


def _move(session, kind: str, review, fact, counts: dict) -> None:
    from marsad.review.audit import record
    from marsad.review.service import fact_key, machine_values

    now = machine_values(kind, fact)
    changed = {k: (review.machine.get(k), v) for k, v in now.items() if review.machine.get(k) != v}
    moved_document = fact.document_id != review.document_id
    old_state = {"status": review.status, "fact_id": review.fact_id, "document_id": review.document_id}
    review.fact_id, review.document_id, review.local_id = fact.id, fact.document_id, fact.local_id
    review.span_start, review.span_end = fact.span_start, fact.span_end
    counts["moved"] += 1
    if not changed and not moved_document:
        return
    why = ("a newer version of the report" if moved_document else "a newer extraction") + (
        ": " + "; ".join(f"{k} {a!r} → {b!r}" for k, (a, b) in changed.items()) if changed else "")
    review.machine = now
    if review.status != "in_review":
        review.status, review.touched = "in_review", why
        review.updated_at = datetime.now(timezone.utc)
        counts["touched"] += 1
    record(session, "system", f"{kind}.touched", f"{kind} {fact_key(fact)}", old_state,
           {"status": review.status, "fact_id": fact.id, "document_id": fact.document_id}, why)


def apply_to_records(session, records: list, *, verified_only: bool = False) -> list:
    """Export records (``publish.records.EventRecord``) with event corrections
    applied and rejected events dropped."""
    import dataclasses

    index = load_index(session, "event", (r.document_id for r in records))
    names = {f.name for f in dataclasses.fields(records[0])} if records else set()
    out = []
    for record in records:
        review = index.find(record.event_id, record.document_id, record.span_start, record.span_end)
        if not _keep(review, verified_only, False):
            continue
        fixes = {k: v for k, v in _corrections(review).items() if k in names}
        out.append(dataclasses.replace(record, **fixes) if fixes else record)
    return out
