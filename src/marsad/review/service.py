"""The status machine on every fact and link, and the decisions that move it.

::

    machine ──► in_review ──► verified | corrected | rejected
                    ▲                      │
                    └── a newer extraction or version of the report touches it

A fact without a review row is ``machine``. An analyst's proposal puts it
``in_review`` with the proposed values beside the machine's; a reviewer
confirms (``verified``: the values are frozen as they are), corrects
(``corrected``: the new values are in force, the machine's original is kept
in ``machine``) or rejects (``rejected``: it is dropped from tallies,
bulletins and exports). A re-extraction never overwrites the values a person
decided: :func:`sync_reviews` re-anchors reviews on the new facts and sends a
decided fact back to ``in_review`` when the machine now says something else,
but keeps the decided values in force until a reviewer looks again.

Every change is written to the audit log in the same transaction. Functions
take the session and the acting user's name and role, and never commit.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from marsad.errors import InputError, NotFoundError
from marsad.review.audit import record
from marsad.review.users import role_allows

STATUSES = ("machine", "in_review", "verified", "corrected", "rejected")
DECIDED = ("verified", "corrected", "rejected")
KINDS = ("event", "casualty")
FIELDS = {
    "event": ("event_type", "sub_event_type", "event_date", "location", "admin1", "admin2", "country", "latitude",
              "longitude", "actor1", "actor2", "fatalities"),
    "casualty": ("outcome", "count", "low", "high", "qualifier", "victims", "victim_group", "perpetrator",
                 "period_start", "period_end"),
}  # fmt: skip
INTEGER_FIELDS = {"count", "low", "high", "fatalities"}
FLOAT_FIELDS = {"latitude", "longitude"}
DATE_FIELDS = {"event_date", "period_start", "period_end"}


class PermissionDenied(InputError):
    """The user's role does not allow this action."""


def require(role: str | None, permission: str) -> None:
    if not role_allows(role, permission):
        raise PermissionDenied(f"Your role ({role or 'anonymous'}) cannot do this: it needs {permission!r} rights.")


def fact_model(kind: str):
    from marsad.store.models import Casualty, Event

    if kind not in KINDS:
        raise InputError(f"Unknown fact kind {kind!r}: use one of {', '.join(KINDS)}.")
    return {"event": Event, "casualty": Casualty}[kind]


def get_fact(session, kind: str, fact_id: int):
    fact = session.get(fact_model(kind), fact_id)
    if fact is None:
        raise NotFoundError(f"No {kind} {fact_id}: find facts in the inbox (`marsad serve`).")
    return fact


def machine_values(kind: str, fact) -> dict:
    values = {name: getattr(fact, name) for name in FIELDS[kind]}
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in values.items()}


def fact_key(fact) -> str:
    return f"{fact.document_id}/{fact.local_id}"


def review_of(session, kind: str, fact):
    """The review anchored to ``fact``: by id, else by document and span."""
    from sqlalchemy import select

    from marsad.review.models import FactReview

    row = session.scalar(select(FactReview).where(FactReview.kind == kind, FactReview.fact_id == fact.id))
    if row is not None or fact.span_start is None:
        return row
    return session.scalar(
        select(FactReview).where(
            FactReview.kind == kind, FactReview.document_id == fact.document_id,
            FactReview.span_start == fact.span_start, FactReview.span_end == fact.span_end,
        ).order_by((FactReview.local_id == fact.local_id).desc(), FactReview.id)
    )  # fmt: skip


def status_of(session, kind: str, fact) -> str:
    review = review_of(session, kind, fact)
    return review.status if review is not None else "machine"


def clean_values(kind: str, values: dict) -> dict:
    """Typed, known fields only; empty strings mean "no value"."""
    cleaned = {}
    for name, value in (values or {}).items():
        if name not in FIELDS[kind]:
            raise InputError(f"{name!r} cannot be corrected on a {kind}: use {', '.join(FIELDS[kind])}.")
        if isinstance(value, str):
            value = value.strip() or None
        try:
            if value is not None and name in INTEGER_FIELDS:
                value = int(value)
                if value < 0 or value > 10_000_000:
                    raise ValueError
            elif value is not None and name in FLOAT_FIELDS:
                value = float(value)
                if not -180 <= value <= 180:
                    raise ValueError
            elif value is not None and name in DATE_FIELDS:
                value = date.fromisoformat(str(value)).isoformat()
        except ValueError:
            raise InputError(f"{name}: {value!r} is not a valid value.") from None
        cleaned[name] = value
    return cleaned


def _ensure_review(session, kind: str, fact):
    from marsad.review.models import FactReview

    review = review_of(session, kind, fact)
    if review is None:
        review = FactReview(kind=kind, fact_key=fact_key(fact), fact_id=fact.id, document_id=fact.document_id,
                            local_id=fact.local_id, span_start=fact.span_start, span_end=fact.span_end,
                            status="in_review", machine=machine_values(kind, fact))
        session.add(review)
    return review


def _state(review) -> dict:
    if review is None:
        return {"status": "machine"}
    return {"status": review.status, "values": review.values, "proposed": review.proposed}


ACTIONS = ("confirm", "correct", "reject", "propose", "reopen")


def decide_fact(session, kind: str, fact_id: int, action: str, *, user: str, role: str,
                values: dict | None = None, comment: str | None = None) -> dict:
    """Move one fact through the status machine; returns its new state."""
    if action not in ACTIONS:
        raise InputError(f"Unknown action {action!r}: use one of {', '.join(ACTIONS)}.")
    require(role, "propose" if action == "propose" else "verify")
    fact = get_fact(session, kind, fact_id)
    old_status = status_of(session, kind, fact)
    review = _ensure_review(session, kind, fact)
    current = {**machine_values(kind, fact), **(review.values or {})}
    if action == "propose":
        review.proposed, review.proposed_by = _changes(kind, values, current), user
        if not review.proposed:
            raise InputError("Propose at least one value that differs from the one in force.")
        if review.status not in DECIDED:
            review.status = "in_review"
    elif action == "confirm":
        review.status, review.values = "verified", current
    elif action == "correct":
        corrected = _changes(kind, values or review.proposed or {}, current)
        if not corrected:
            raise InputError("A correction needs at least one value that differs from the one in force (e.g. count=12).")
        if kind == "casualty" and "count" in corrected:  # a new count replaces the range it came with
            corrected.setdefault("low", None)
            corrected.setdefault("high", None)
        review.status, review.values, review.proposed = "corrected", {**current, **corrected}, None
    elif action == "reject":
        if not (comment or "").strip():
            raise InputError("Say why the fact is rejected (a comment is required).")
        review.status = "rejected"
    else:  # reopen
        review.status = "in_review"
    review.comment = comment or review.comment
    review.decided_by = user if action != "propose" else review.decided_by
    review.touched = None
    review.updated_at = datetime.now(timezone.utc)
    session.flush()
    after = {**machine_values(kind, fact), **(review.values or {})}
    changed = sorted(k for k in after if after[k] != current.get(k))
    old = {"status": old_status, **{k: current.get(k) for k in changed}}
    new = {"status": review.status, **{k: after[k] for k in changed}, **({"proposed": review.proposed} if action == "propose" else {})}
    record(session, user, f"{kind}.{action}", f"{kind} {review.fact_key}", old, new, comment)
    return {"kind": kind, "fact_id": fact.id, "key": review.fact_key, **_state(review)}


def _changes(kind: str, values: dict | None, current: dict) -> dict:
    """The submitted values that differ from those in force (a form sends every field)."""
    cleaned = clean_values(kind, values or {})
    return {k: v for k, v in cleaned.items() if v != current.get(k)}


def decide_link(session, report_a: str, report_b: str, action: str, *, user: str, role: str,
                comment: str | None = None) -> dict:
    """Confirm (same incident) or split (different incidents) a link between two
    reports; the decision takes effect at the next ``reconcile``."""
    from sqlalchemy import select

    from marsad.reconcile.review import decide
    from marsad.review.models import FactReview

    if action not in ("confirm", "split"):
        raise InputError(f"A link is confirmed or split, not {action!r}.")
    require(role, "verify")
    decision = decide(session, report_a, report_b, "same" if action == "confirm" else "different",
                      decided_by=user, note=comment)
    key = f"{decision['report_key_a']}|{decision['report_key_b']}"
    review = session.scalar(select(FactReview).where(FactReview.kind == "link", FactReview.fact_key == key))
    old = _state(review)
    if review is None:
        review = FactReview(kind="link", fact_key=key, status="in_review", machine={})
        session.add(review)
    review.status = "verified" if action == "confirm" else "rejected"
    review.comment, review.decided_by = comment, user
    review.updated_at = datetime.now(timezone.utc)
    session.flush()
    record(session, user, f"link.{action}", f"link {key}", old, _state(review), comment)
    return {"link": key, "status": review.status}


def split_report(session, incident_id: int, report_key: str, *, user: str, role: str, comment: str | None = None) -> list[dict]:
    """Take one report out of its incident: "different" against each other report of it."""
    from sqlalchemy import select

    from marsad.reconcile.models import IncidentReport

    require(role, "verify")
    keys = list(session.scalars(select(IncidentReport.report_key).where(IncidentReport.incident_id == incident_id)))
    if report_key not in keys:
        raise NotFoundError(f"Report {report_key} is not in incident {incident_id}: reload the incident page.")
    return [decide_link(session, report_key, other, "split", user=user, role=role, comment=comment)
            for other in keys if other != report_key]


def merge_incidents(session, incident_id: int, other_id: int, *, user: str, role: str, comment: str | None = None) -> dict:
    """Two incidents are one: link a report of each ("same"); reconcile joins them."""
    from sqlalchemy import select

    from marsad.reconcile.models import IncidentReport

    require(role, "verify")
    if incident_id == other_id:
        raise InputError("An incident cannot be merged with itself.")
    first = {}
    for which in (incident_id, other_id):
        key = session.scalar(select(IncidentReport.report_key).where(IncidentReport.incident_id == which)
                             .order_by(IncidentReport.id).limit(1))
        if key is None:
            raise NotFoundError(f"No incident {which}: find incidents on the Tallies screen.")
        first[which] = key
    return decide_link(session, first[incident_id], first[other_id], "confirm", user=user, role=role, comment=comment)
