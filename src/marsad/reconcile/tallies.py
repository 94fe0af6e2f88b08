"""Tallies of reconciled incidents: sums of low/best/high grouped by period,
area, perpetrator, victim category and outcome, with the number of incidents
and of independent sources behind each row."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from marsad.errors import InputError

GROUPINGS = ("day", "week", "month", "admin1", "admin2", "perpetrator", "victims", "outcome")


@dataclass
class TallyRow:
    group: dict
    low: int
    best: int
    high: int
    incidents: int
    sources: int
    incident_ids: list[int] = field(default_factory=list)  # for evidence links: `marsad incidents show ID`

    def to_dict(self) -> dict:
        return {**self.group, "low": self.low, "best": self.best, "high": self.high, "incidents": self.incidents, "sources": self.sources}


def period_label(day: date, by: str) -> str:
    if by == "day":
        return day.isoformat()
    if by == "week":  # ISO week, labelled by its Monday
        return (day - timedelta(days=day.weekday())).isoformat()
    return f"{day.year:04d}-{day.month:02d}"


def area_matches(area: str | None, *values: str | None) -> bool:
    if not area:  # before the import: asked once per estimate row
        return True
    from marsad.gazetteer.keys import names_place

    return any(names_place(area, value) for value in values)


def victims_matches(wanted: str | None, category: str) -> bool:
    """``civilians`` matches the civilians total only (not its children row);
    ``children`` the children rows; ``combatants/SDF`` that affiliation."""
    if not wanted:
        return "/" not in category and category not in ("children", "women")
    return category.lower() == wanted.lower()


def tally(
    session,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    area: str | None = None,
    by: Sequence[str] = (),
    victims: str | None = None,
    outcome: str | None = "killed",
    perpetrator: str | None = None,
) -> list[TallyRow]:
    """Sum incident estimates in scope, grouped by ``by`` (any of
    :data:`GROUPINGS`). Without ``victims``, every top-level category
    (civilians, combatants, unknown) counts, sub-categories never add."""
    check_tally(by, date_from, date_to)
    rows = session.execute(estimate_rows_query(date_from, date_to, outcome))
    return tally_rows(rows, date_from=date_from, date_to=date_to, area=area, by=by, victims=victims,
                      outcome=outcome, perpetrator=perpetrator)


def check_tally(by: Sequence[str], date_from: date | None, date_to: date | None) -> None:
    unknown = [b for b in by if b not in GROUPINGS]
    if unknown:
        raise InputError(f"cannot group by {', '.join(unknown)}: choose from {', '.join(GROUPINGS)}")
    if date_from and date_to and date_from > date_to:
        raise InputError(f"--from {date_from} is after --to {date_to}")


def estimate_rows_query(date_from: date | None = None, date_to: date | None = None, outcome: str | None = None):
    """Incident estimates with their incident's grouping columns, one plain row
    each (not ORM objects: a year of incidents is tens of thousands of rows)."""
    from sqlalchemy import select

    from marsad.reconcile.models import Incident, IncidentEstimate

    query = (select(Incident.id, Incident.event_date, Incident.admin1, Incident.admin2, Incident.location,
                    Incident.perpetrator, Incident.sources, IncidentEstimate.outcome, IncidentEstimate.category,
                    IncidentEstimate.low, IncidentEstimate.best, IncidentEstimate.high)
             .join(IncidentEstimate, IncidentEstimate.incident_id == Incident.id))
    if date_from:
        query = query.where(Incident.event_date >= date_from)
    if date_to:
        query = query.where(Incident.event_date <= date_to)
    if outcome:
        query = query.where(IncidentEstimate.outcome == outcome)
    return query.order_by(Incident.id, IncidentEstimate.id)


def tally_rows(rows: Iterable, *, date_from: date | None = None, date_to: date | None = None, area: str | None = None,
               by: Sequence[str] = (), victims: str | None = None, outcome: str | None = "killed",
               perpetrator: str | None = None) -> list[TallyRow]:
    """:func:`tally` over rows of :func:`estimate_rows_query` (read once and
    kept, as the read API does, or read for this tally): the scope is decided here."""
    groups: dict[tuple, list] = {}
    for row in rows:
        incident = estimate = row  # one row carries both
        day = incident.event_date
        if (date_from and (day is None or day < date_from)) or (date_to and (day is None or day > date_to)):
            continue
        if outcome and estimate.outcome != outcome:
            continue
        if not area_matches(area, incident.admin1, incident.admin2, incident.location):
            continue
        if not victims_matches(victims, estimate.category):
            continue
        if perpetrator and (incident.perpetrator or "").lower() != perpetrator.lower():
            continue
        values = _group_values(incident, estimate, by)
        groups.setdefault(tuple(values.items()), []).append((incident, estimate))
    return [_row(dict(key), members) for key, members in sorted(groups.items(), key=lambda kv: [str(v) for _, v in kv[0]])]


def _group_values(incident, estimate, by: Sequence[str]) -> dict:
    values = {}
    for name in by:
        if name in ("day", "week", "month"):
            values[name] = period_label(incident.event_date, name) if incident.event_date else None
        elif name == "victims":
            values[name] = estimate.category
        elif name == "outcome":
            values[name] = estimate.outcome
        else:
            values[name] = getattr(incident, name)
    return values


def _row(group: dict, members: list) -> TallyRow:
    sources = {s for incident, _ in members for s in (incident.sources or [])}
    return TallyRow(
        group=group,
        low=sum(e.low for _, e in members),
        best=sum(e.best for _, e in members),
        high=sum(e.high for _, e in members),
        incidents=len({incident.id for incident, _ in members}),
        sources=len(sources),
        incident_ids=sorted({incident.id for incident, _ in members}),
    )
