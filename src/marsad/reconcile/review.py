"""The review queue: uncertain pairs for a person to confirm or split.

A decision is stored per pair of report keys and always wins over the
model: "same" links the two reports whatever their score, "different" keeps
them apart (and keeps apart the incidents they end up in). Decisions take
effect at the next ``reconcile``.
"""

from __future__ import annotations

from marsad.errors import InputError, NotFoundError

DECISIONS = ("same", "different")


def load_decisions(session) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    from sqlalchemy import select

    from marsad.reconcile.models import ReviewDecision

    same: list = []
    different: list = []
    for row in session.scalars(select(ReviewDecision).order_by(ReviewDecision.id)):
        (same if row.decision == "same" else different).append((row.report_key_a, row.report_key_b))
    return same, different


def resolve_report(session, ref: str) -> str:
    """A report key ("<document id>/<event local id>") from a key or an event id."""
    from sqlalchemy import select

    from marsad.store.models import Event

    ref = str(ref).strip()
    if "/" in ref:
        return _checked_key(session, ref)
    if not ref.isdigit():
        raise InputError(f"{ref!r} is neither an event id nor a report key like 12/E1 (see `marsad review pairs`)")
    event = session.scalar(select(Event).where(Event.id == int(ref)))
    if event is None:
        raise NotFoundError(f"No event {ref}: list uncertain pairs with `marsad review pairs`")
    return f"{event.document_id}/{event.local_id}"


def report_document_id(key: str) -> int | None:
    """The document id of a report key ("12/E1" → 12), or None when it is not one."""
    document_id, _, local_id = key.partition("/")
    return int(document_id) if document_id.isdigit() and local_id else None


def _checked_key(session, key: str) -> str:
    """``key`` ("<document id>/<event local id>") if its document and event exist."""
    from sqlalchemy import select

    from marsad.store.models import Document, Event

    document_id, _, local_id = key.partition("/")
    if report_document_id(key) is None:
        raise InputError(f"{key!r} is not a report key like 12/E1 (document id / event id); see `marsad review pairs`")
    if session.get(Document, int(document_id)) is None:
        raise NotFoundError(f"No document {document_id} (in report {key}): list documents with `marsad documents list`")
    if session.scalar(select(Event.id).where(Event.document_id == int(document_id), Event.local_id == local_id).limit(1)) is None:
        raise NotFoundError(f"Document {document_id} has no event {local_id!r}: see `marsad review pairs` or `marsad incidents show ID`")
    return key


def decide(session, report_a: str, report_b: str, decision: str, *, decided_by: str | None = None, note: str | None = None) -> dict:
    """Store (or replace) a person's decision on a pair; the caller commits."""
    from sqlalchemy import select

    from marsad.reconcile.models import ReviewDecision

    if decision not in DECISIONS:
        raise InputError(f"decision must be one of {', '.join(DECISIONS)}, not {decision!r}")
    a, b = sorted((resolve_report(session, report_a), resolve_report(session, report_b)))
    if a == b:
        raise InputError("a report cannot be paired with itself")
    row = session.scalar(select(ReviewDecision).where(ReviewDecision.report_key_a == a, ReviewDecision.report_key_b == b))
    if row is None:
        row = ReviewDecision(report_key_a=a, report_key_b=b)
        session.add(row)
    row.decision, row.decided_by, row.note = decision, decided_by, note
    session.flush()
    return {"report_key_a": a, "report_key_b": b, "decision": decision, "decided_by": decided_by}


def review_queue(session, *, limit: int | None = 50) -> list[dict]:
    """Uncertain pairs not yet decided, closest to a coin toss first."""
    from sqlalchemy import func, select

    from marsad.reconcile.models import IncidentLink

    query = select(IncidentLink).where(IncidentLink.uncertain.is_(True)).order_by(func.abs(IncidentLink.match_probability - 0.5), IncidentLink.id)
    if limit:
        query = query.limit(limit)
    return [
        {
            "report_a": link.report_key_a,
            "report_b": link.report_key_b,
            "event_a": link.event_a_id,
            "event_b": link.event_b_id,
            "probability": round(link.match_probability, 3),
            "status": link.status,
            "why": "; ".join(f"{name}: {c['level']} ({c['log2_bf']:+.1f})" for name, c in link.contributions.items()),
        }
        for link in session.scalars(query)
    ]
