"""From a cluster of reports to one incident: its attributes and estimates.

Attributes come from the reports by vote (the date most reports give, ties to
the best-ranked report that is no toll update), place and type from the best-ranked report that has
them (more reliable, then later, then more precisely located).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from marsad.reconcile.estimates import RELIABILITY_ORDER, Estimate, Figure, combine
from marsad.reconcile.linkage import Report


@dataclass
class IncidentDraft:
    report_uids: list[int]
    attributes: dict
    estimates: list[Estimate] = field(default_factory=list)
    superseded: set[str] = field(default_factory=set)


def _rank(report: Report) -> tuple:
    located = 0 if report.latitude is not None else 1
    return (RELIABILITY_ORDER.get(report.reliability or "", 6), -(report.published or 0), located, report.key)


def build_incident(reports: Sequence[Report]) -> IncidentDraft:
    ranked = sorted(reports, key=_rank)
    # the days the reports state; a report that states none is dated by its publication, which says only
    # that the incident was no later (a raid "residents said on Monday" and a toll of "Sunday night's attack")
    dated = [r for r in ranked if r.day_stated] or ranked
    days = Counter(r.day for r in dated)
    top_count = max(days.values())
    # a tie goes to a report that tells the incident rather than a later toll: "nine more bodies were
    # found on Tuesday, bringing the toll of Sunday night's attack to 31" may be dated by its finding
    day = next(r.day for r in sorted(dated, key=lambda r: r.toll_update) if days[r.day] == top_count)
    # the most precise place any report gives: a later update that names only the district
    # ("in Pakistan's Bajaur district") does not unplace the incident; in the country most of the
    # reports place it in (an update's "Kubat in Mangu" alone is a namesake abroad)
    countries = Counter(r.country for r in reports if r.country)
    # (and in a governorate a report names, if one does: "Nyaung Pin Thar in Sagaing region" places the village
    # there, where a report of the village alone found its namesake in Yangon)
    stated = {r.admin1 for r in reports if r.admin1_stated}
    placed = min([r for r in ranked if r.admin1 in stated] or ranked,
                 key=lambda r: (r.admin1 is None, -countries[r.country] if r.country else 0, r.latitude is None, r.location is None))
    typed = next((r for r in ranked if r.sub_event_type), ranked[0])
    perpetrators = Counter(p for r in reports for p in r.perpetrators[:1])
    perpetrator = perpetrators.most_common(1)[0][0] if perpetrators else (typed.actors[0] if typed.actors else None)
    sources = sorted({r.source or f"document {r.document_id}" for r in reports})
    attributes = {
        "event_date": date.fromordinal(day),
        "date_precision": 1 if len(days) == 1 else 2,
        "event_type": typed.event_type,
        "sub_event_type": typed.sub_event_type,
        "actor1": typed.actors[0] if typed.actors else None,
        "actor2": typed.actors[1] if len(typed.actors) > 1 else None,
        "perpetrator": perpetrator,
        "location": placed.location,
        "admin1": placed.admin1,
        "admin2": placed.admin2,
        "country": placed.country,
        "latitude": placed.latitude,
        "longitude": placed.longitude,
        "n_reports": len(reports),
        "n_sources": len(sources),
        "sources": sources,
    }
    figures = _assign_unknown_victims([Figure(**figure) for r in reports for figure in r.counts])
    estimates = combine(figures)
    superseded = {key for e in estimates for key in e.superseded}
    return IncidentDraft(sorted(r.uid for r in reports), attributes, estimates, superseded)


def _assign_unknown_victims(figures: list[Figure]) -> list[Figure]:
    """A report that says only "people" (say, a toll update) counts the same
    victims as the incident's other reports when those all name one category."""
    from dataclasses import replace

    named = {f.category for f in figures if f.category in ("civilians", "combatants")}
    if len(named) != 1:
        return figures
    (category,) = named
    # a report that names the category itself and adds "seven" more of unknown kind ("12 villagers
    # in A and seven in B") keeps them apart: they are more people, not the same victims again
    naming = {f.report_key for f in figures if f.category == category}
    return [replace(f, category=category) if f.category == "unknown" and f.report_key not in naming else f
            for f in figures]
