"""Listing reconciled incidents, and telling a mistyped filter from an empty
result: ``tally --area Deir-ezZorr`` must say that no incident lies in such
an area (and name the close ones), not print "(nothing found)"."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from datetime import date

from marsad.errors import InputError
from marsad.reconcile.tallies import area_matches, victims_matches

INCIDENT_COLUMNS = ("id", "date", "type", "location", "admin1", "perpetrator", "killed", "reports", "sources")


class UnknownValueError(InputError):
    """A filter value that no stored incident has."""


def list_incidents(
    session, *, date_from: date | None = None, date_to: date | None = None, area: str | None = None,
    limit: int | None = None,
) -> list[dict]:
    """Reconciled incidents in date order, with their best killed estimate
    (top-level victim categories only, as ``tally`` adds them)."""
    from sqlalchemy import select

    from marsad.reconcile.models import Incident, IncidentEstimate

    if date_from and date_to and date_from > date_to:
        raise InputError(f"--from {date_from} is after --to {date_to}")
    query = select(Incident)
    if date_from:
        query = query.where(Incident.event_date >= date_from)
    if date_to:
        query = query.where(Incident.event_date <= date_to)
    rows = []
    for incident in session.scalars(query.order_by(Incident.event_date, Incident.id)):
        if not area_matches(area, incident.admin1, incident.admin2, incident.location):
            continue
        rows.append(incident)
        if limit and len(rows) >= limit:
            break
    killed: dict[int, int] = {}
    ids = [i.id for i in rows]
    for start in range(0, len(ids), 500):
        estimates = select(IncidentEstimate).where(IncidentEstimate.incident_id.in_(ids[start : start + 500]),
                                                   IncidentEstimate.outcome == "killed")  # fmt: skip
        for estimate in session.scalars(estimates):
            if victims_matches(None, estimate.category):
                killed[estimate.incident_id] = killed.get(estimate.incident_id, 0) + estimate.best
    return [
        {
            "id": i.id, "date": i.event_date, "type": i.sub_event_type or i.event_type, "location": i.location,
            "admin1": i.admin1, "perpetrator": i.perpetrator, "killed": killed.get(i.id),
            "reports": i.n_reports, "sources": i.n_sources,
        }  # fmt: skip
        for i in rows
    ]


def check_tally_filters(
    session, *, area: str | None = None, victims: str | None = None, perpetrator: str | None = None,
    outcome: str | None = None,
) -> None:
    """Raise :class:`UnknownValueError` for the first filter value that no
    reconciled incident has, naming the close known values. Call it when a
    tally came back empty."""
    from sqlalchemy import select

    from marsad.reconcile.models import Incident, IncidentEstimate

    if session.scalar(select(Incident.id).limit(1)) is None:
        return  # nothing reconciled yet: every filter finds nothing, and that is the truth
    if area:
        places = session.execute(select(Incident.admin1, Incident.admin2, Incident.location).distinct()).all()
        if not any(area_matches(area, *row) for row in places):
            _unknown("--area", area, (name for row in places for name in row))
    if victims:
        categories = set(session.scalars(select(IncidentEstimate.category).distinct()))
        if not any(victims_matches(victims, category) for category in categories):
            _unknown("--victims", victims, categories)
    if perpetrator:
        perpetrators = set(session.scalars(select(Incident.perpetrator).distinct()))
        if perpetrator.lower() not in {(p or "").lower() for p in perpetrators}:
            _unknown("--perpetrator", perpetrator, perpetrators)
    if outcome:
        outcomes = set(session.scalars(select(IncidentEstimate.outcome).distinct()))
        if outcome != "all" and outcome not in outcomes:
            _unknown("--outcome", outcome, outcomes | {"all"})


def _unknown(option: str, value: str, known: Iterable[str | None]) -> None:
    names = sorted({name for name in known if name})
    by_lower = {name.lower(): name for name in names}
    close = [by_lower[m] for m in difflib.get_close_matches(value.lower(), list(by_lower), n=5, cutoff=0.6)]
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    listing = ", ".join(names[:20]) + (" …" if len(names) > 20 else "") if names else "none"
    raise UnknownValueError(f"{option} {value!r}: no reconciled incident has this value.{hint} Known values: {listing}.")
