"""Reconciliation: one incident, many reports; running totals that add up.

Library API (every function takes a SQLAlchemy session from
``marsad.store.open_database(...).transaction()``; none commits):

``reconcile(session) -> Summary``
    Link the current reports (events dated to within a week) across documents
    and sources into incidents (Splink on DuckDB; see ``linkage``), estimate
    low/best/high per incident, outcome and victim category (``estimates``),
    store claimed totals and their derived remainders (``claims``). Writes only
    what changed; a second run on unchanged data changes nothing
    (``Summary.changed == 0``).
``check(session) -> CheckResult``
    Findings on claimed totals: ``derived`` remainders ("123 − 2 = 121"),
    ``contradiction`` (a sub-count above its parent, children adding up to more
    than their parent, documented incidents above a claim), ``coverage`` (the
    documented share of each claim).
``tally(session, *, date_from, date_to, area, by=[...], victims, outcome="killed", perpetrator) -> list[TallyRow]``
    Sums of incident low/best/high grouped by day/week/month, admin1, admin2,
    perpetrator, victims (category), outcome; each row with the number of
    incidents and of independent sources. ``TallyRow.to_dict()`` is flat.
``incident(session, id) -> dict``
    One incident: attributes, reports with their counts and evidence, the
    estimates and the rule that made them, the scored links.
``review_queue(session)``, ``decide(session, a, b, "same"|"different")``
    Uncertain pairs and a person's decisions, which always win over the model.

Victim categories: ``civilians``, ``combatants``, ``unknown`` (top level; these
add up), and break-outs that never add to them: ``children``, ``women``,
``combatants/<affiliation>`` (e.g. ``combatants/ISIS``). Outcomes:
``killed`` (including executions), ``injured``, ``abducted`` …

Tables (``marsad.reconcile.models``, Alembic revision ``r001``): incidents,
incident_reports, incident_links, incident_estimates, review_decisions,
tally_claims. The counting rules are in ``docs/methodology.md``.
"""

from __future__ import annotations

__all__ = ["reconcile", "check", "tally", "incident", "review_queue", "decide"]


def __getattr__(name: str):
    # Lazy, so that importing marsad.reconcile loads neither Splink nor SQLAlchemy.
    if name in ("reconcile", "check", "incident"):
        from marsad.reconcile import service

        return getattr(service, name)
    if name == "tally":
        from marsad.reconcile.tallies import tally

        return tally
    if name in ("review_queue", "decide"):
        from marsad.reconcile import review

        return getattr(review, name)
    raise AttributeError(f"module 'marsad.reconcile' has no attribute {name!r}")
