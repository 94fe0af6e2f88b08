"""``reconcile(session)``: link reports into incidents, estimate their counts,
store claims and derived remainders, writing only what changed.

Idempotent: the same facts and decisions give the same rows, and a second run
over unchanged data writes nothing (the summary counts say so). Incident ids
are kept stable: a new cluster takes the id of the stored incident holding
most of its reports.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from marsad.reconcile.claims import Claim, check_claims
from marsad.reconcile.incidents import IncidentDraft, build_incident
from marsad.reconcile.linkage import (
    LINKAGE_VERSION,
    REVIEW_BAND,
    WINDOW_MONTHS,
    Clustering,
    PairScore,
    Report,
    link_windows,
)

STORED_PAIR_PROBABILITY = 0.05


@dataclass
class Summary:
    reports: int = 0
    pairs_scored: int = 0
    incidents: int = 0
    review_queue: int = 0
    claims: int = 0
    derived_claims: int = 0
    changes: dict[str, dict[str, int]] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def changed(self) -> int:
        return sum(sum(v.values()) for v in self.changes.values())

    def to_dict(self) -> dict:
        return {**self.__dict__, "changed": self.changed}


@dataclass
class Linked:
    reports: list[Report]
    pairs: list[PairScore]  # the pairs worth storing (STORED_PAIR_PROBABILITY and up)
    clustering: Clustering
    drafts: list[IncidentDraft]
    pairs_scored: int = 0


def link_reports(
    reports: list[Report], same: Iterable[tuple[str, str]] = (), different: Iterable[tuple[str, str]] = (), *, window_months: int | None = WINDOW_MONTHS
) -> Linked:
    """The pure core: score, cluster (decisions win), build incidents; a
    window of ``window_months`` calendar months at a time (None: the whole
    store at once), with the same result."""
    uid_of = {r.key: r.uid for r in reports}

    def uids(pairs):
        return [(uid_of[a], uid_of[b]) for a, b in pairs if a in uid_of and b in uid_of]

    links = link_windows(reports, same=uids(same), different=uids(different), keep=STORED_PAIR_PROBABILITY, window_months=window_months)
    by_uid = {r.uid: r for r in reports}
    drafts = [build_incident([by_uid[u] for u in group]) for group in links.clustering.clusters]
    return Linked(reports, links.pairs, links.clustering, drafts, links.scored)


def reconcile(session) -> Summary:
    """Reconcile everything in the store; the caller commits."""
    from marsad.reconcile.facts import load_facts
    from marsad.reconcile.review import load_decisions

    started = time.perf_counter()
    reports, claims = load_facts(session)
    same, different = load_decisions(session)
    linked = link_reports(reports, same, different)
    summary = Summary(reports=len(reports), pairs_scored=linked.pairs_scored, incidents=len(linked.drafts))
    decided = set(same) | set(different)
    summary.changes["incidents"], ids = _sync_incidents(session, linked)
    summary.changes["incident_reports"] = _sync_members(session, linked, ids)
    summary.changes["incident_estimates"] = _sync_estimates(session, linked, ids)
    summary.changes["incident_links"], summary.review_queue = _sync_links(session, linked, decided)
    derived, _ = check_claims(claims)
    summary.claims, summary.derived_claims = len(claims), len([d for d in derived if d.casualty_id is None])
    summary.changes["tally_claims"] = _sync_claims(session, claims, derived)
    session.flush()
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary


def sync_rows(session, model, key: Callable, desired: dict, *, compare: Iterable[str]) -> dict[str, int]:
    """Make ``model``'s rows equal ``desired`` (key → column values), touching
    only rows that differ."""
    from sqlalchemy import delete, select

    compare = list(compare)
    existing = {key(row): row for row in session.scalars(select(model))}
    counts = {"inserted": 0, "updated": 0, "deleted": 0}
    stale = [row.id for k, row in existing.items() if k not in desired]
    if stale:
        for chunk in range(0, len(stale), 500):
            session.execute(delete(model).where(model.id.in_(stale[chunk : chunk + 500])))
        counts["deleted"] = len(stale)
    new_rows = []
    for k, values in desired.items():
        row = existing.get(k)
        if row is None:
            new_rows.append(values)
            continue
        changed = {c: values[c] for c in compare if _differs(getattr(row, c), values.get(c))}
        if changed:
            for column, value in changed.items():
                setattr(row, column, value)
            counts["updated"] += 1
    if new_rows:
        session.execute(model.__table__.insert(), new_rows)
        counts["inserted"] = len(new_rows)
    return counts


def _differs(old, new) -> bool:
    if isinstance(old, float) or isinstance(new, float):
        return old is None or new is None or abs(float(old) - float(new)) > 1e-9
    return old != new


def _sync_incidents(session, linked: Linked) -> tuple[dict[str, int], list[int]]:
    """Keep ids stable: each cluster takes the stored incident with most of its reports."""
    from sqlalchemy import select

    from marsad.reconcile.models import Incident, IncidentReport

    # by report key, which survives re-extraction (event ids do not)
    held = dict(session.execute(select(IncidentReport.report_key, IncidentReport.incident_id)).all())
    key_of = {r.uid: r.key for r in linked.reports}
    taken: set[int] = set()
    ids: list[int | None] = []
    for draft in linked.drafts:
        votes: dict[int, int] = defaultdict(int)
        for uid in draft.report_uids:
            if key_of[uid] in held:
                votes[held[key_of[uid]]] += 1
        choice = min((i for i in votes if i not in taken), key=lambda i: (-votes[i], i), default=None)
        if choice is not None:
            taken.add(choice)
        ids.append(choice)
    next_id = (session.scalar(select(Incident.id).order_by(Incident.id.desc()).limit(1)) or 0) + 1
    for index, value in enumerate(ids):
        if value is None:
            ids[index] = next_id
            next_id += 1
    columns = list(linked.drafts[0].attributes) if linked.drafts else []
    desired = {i: {"id": i, **d.attributes, "linkage_version": LINKAGE_VERSION} for i, d in zip(ids, linked.drafts)}
    counts = sync_rows(session, Incident, lambda row: row.id, desired, compare=columns + ["linkage_version"])
    return counts, ids


def _sync_members(session, linked: Linked, ids: list[int]) -> dict[str, int]:
    from marsad.reconcile.models import IncidentReport

    by_uid = {r.uid: r for r in linked.reports}
    probability = {(p.uid_a, p.uid_b): p.match_probability for p in linked.pairs}
    strongest: dict[int, float] = {}
    for a, b in linked.clustering.linked_pairs:  # a person's "same" counts as certain
        value = probability.get((a, b), 1.0)
        strongest[a] = max(strongest.get(a, 0.0), value)
        strongest[b] = max(strongest.get(b, 0.0), value)
    desired = {}
    for incident_id, draft in zip(ids, linked.drafts):
        for uid in draft.report_uids:
            report = by_uid[uid]
            desired[uid] = {
                "incident_id": incident_id,
                "event_id": uid,
                "document_id": report.document_id,
                "report_key": report.key,
                "source": report.source,
                "superseded": report.key in draft.superseded,
                "link_probability": strongest.get(uid),
            }
    return sync_rows(session, IncidentReport, lambda row: row.event_id, desired, compare=["incident_id", "document_id", "report_key", "source", "superseded", "link_probability"])


def _sync_estimates(session, linked: Linked, ids: list[int]) -> dict[str, int]:
    from marsad.reconcile.models import IncidentEstimate

    desired = {}
    for incident_id, draft in zip(ids, linked.drafts):
        for e in draft.estimates:
            desired[(incident_id, e.outcome, e.category)] = {
                "incident_id": incident_id, "outcome": e.outcome, "category": e.category, "low": e.low, "best": e.best,
                "high": e.high, "open_high": e.open_high, "n_reports": e.n_reports, "n_sources": e.n_sources,
                "best_report_key": e.best_report_key, "explanation": e.explanation,
            }  # fmt: skip
    columns = ["low", "best", "high", "open_high", "n_reports", "n_sources", "best_report_key", "explanation"]
    return sync_rows(session, IncidentEstimate, lambda r: (r.incident_id, r.outcome, r.category), desired, compare=columns)


def _sync_links(session, linked: Linked, decided: set[tuple[str, str]]) -> tuple[dict[str, int], int]:
    from marsad.reconcile.models import IncidentLink

    key_of = {r.uid: r.key for r in linked.reports}
    desired = {}
    queue = 0
    for pair in linked.pairs:
        is_linked = (pair.uid_a, pair.uid_b) in linked.clustering.linked_pairs
        if pair.match_probability < STORED_PAIR_PROBABILITY and not is_linked:
            continue
        a, b = sorted((key_of[pair.uid_a], key_of[pair.uid_b]))
        uncertain = REVIEW_BAND[0] <= pair.match_probability < REVIEW_BAND[1] and (a, b) not in decided
        queue += uncertain
        desired[(a, b)] = {
            "report_key_a": a, "report_key_b": b, "event_a_id": pair.uid_a if key_of[pair.uid_a] == a else pair.uid_b,
            "event_b_id": pair.uid_b if key_of[pair.uid_b] == b else pair.uid_a, "match_weight": pair.match_weight,
            "match_probability": pair.match_probability, "contributions": pair.contributions,
            "status": "linked" if is_linked else "not_linked", "uncertain": uncertain,
        }  # fmt: skip
    columns = ["event_a_id", "event_b_id", "match_weight", "match_probability", "contributions", "status", "uncertain"]
    return sync_rows(session, IncidentLink, lambda r: (r.report_key_a, r.report_key_b), desired, compare=columns), queue


def claim_row(claim: Claim) -> dict:
    return {
        "claim_key": claim.key, "casualty_id": claim.casualty_id, "document_id": claim.document_id,
        "parent_key": claim.parent_key, "source": claim.source, "published": claim.published,
        "outcome": claim.outcome, "category": claim.category, "perpetrators": list(claim.perpetrators),
        "cause": claim.cause, "period_start": claim.period_start, "period_end": claim.period_end,
        "admin1": claim.admin1, "count": claim.count, "low": claim.low, "high": claim.high,
        "qualifier": claim.qualifier, "derived": claim.derived,
        "span_start": claim.span[0] if claim.span else None, "span_end": claim.span[1] if claim.span else None,
        "span_text": claim.evidence,
    }  # fmt: skip


def _sync_claims(session, claims: list[Claim], derived: list[Claim]) -> dict[str, int]:
    from marsad.reconcile.models import TallyClaim

    desired = {c.key: claim_row(c) for c in claims}
    for claim in derived:  # filled remainders replace their stated row; new ones are added
        desired[claim.key] = claim_row(claim)
    columns = [c for c in next(iter(desired.values()), {}) if c != "claim_key"]
    return sync_rows(session, TallyClaim, lambda r: r.claim_key, desired, compare=columns)


@dataclass
class CheckResult:
    findings: list  # claims.Finding
    claims: int

    @property
    def contradictions(self) -> list:
        return [f for f in self.findings if f.kind == "contradiction"]


def check(session) -> CheckResult:
    """Check claimed totals: against their "including" children (deriving
    remainders) and against the documented incidents in their scope
    (``reconcile`` first, or the documented figures are zero)."""
    from sqlalchemy import select

    from marsad.reconcile.claims import coverage
    from marsad.reconcile.estimates import TOP_LEVEL
    from marsad.reconcile.facts import load_facts
    from marsad.reconcile.models import Incident, IncidentEstimate
    from marsad.reconcile.tallies import area_matches

    _, claims = load_facts(session)
    derived, findings = check_claims(claims)
    filled = {c.key: c for c in derived}
    everything = [filled.get(c.key, c) for c in claims] + [c for c in derived if c.key not in {x.key for x in claims}]
    rows = list(session.execute(select(Incident, IncidentEstimate).join(IncidentEstimate, IncidentEstimate.incident_id == Incident.id)))

    def documented(claim: Claim) -> tuple[int, int, int, int]:
        low = best = high = 0
        incidents = set()
        # a claim of "deaths" or "people" names no category: it covers every top-level one
        categories = TOP_LEVEL if claim.category == "unknown" else (claim.category,)
        for incident, estimate in rows:
            if estimate.outcome != claim.outcome or estimate.category not in categories:
                continue
            if claim.period_start and (incident.event_date is None or not claim.period_start <= incident.event_date <= (claim.period_end or claim.period_start)):
                continue
            if claim.admin1 and not area_matches(claim.admin1, incident.admin1, incident.admin2):
                continue
            if claim.perpetrators and incident.perpetrator not in claim.perpetrators:
                continue
            low, best, high = low + estimate.low, best + estimate.best, high + estimate.high
            incidents.add(incident.id)
        return low, best, high, len(incidents)

    findings.extend(coverage(everything, documented))
    return CheckResult(findings=findings, claims=len(everything))


def incident(session, incident_id: int) -> dict:
    """One incident: its attributes, every report of it with the counts each
    gave and its evidence, the estimates and why, and the links between reports."""
    from sqlalchemy import or_, select

    from marsad.errors import NotFoundError
    from marsad.reconcile.models import Incident, IncidentEstimate, IncidentLink, IncidentReport
    from marsad.store.models import Casualty, Document, Event

    row = session.get(Incident, incident_id)
    if row is None:
        raise NotFoundError(f"No incident {incident_id}: run `marsad reconcile`, then `marsad incidents list` to find ids")
    members = list(session.scalars(select(IncidentReport).where(IncidentReport.incident_id == incident_id).order_by(IncidentReport.id)))
    keys = [m.report_key for m in members]
    reports = []
    for member in members:
        event = session.get(Event, member.event_id)
        document = session.get(Document, member.document_id)
        counts = session.scalars(select(Casualty).where(Casualty.event_id == member.event_id).order_by(Casualty.id))
        reports.append({
            "report": member.report_key, "event_id": member.event_id, "document_id": member.document_id,
            "source": member.source, "published": document.published.isoformat() if document and document.published else None,
            "superseded": member.superseded, "link_probability": member.link_probability,
            "evidence": event.span_text if event else None,
            "counts": [{"outcome": c.outcome, "count": c.count, "low": c.low, "high": c.high, "qualifier": c.qualifier,
                        "vague": c.vague, "victims": c.victims, "group": c.victim_group, "evidence": c.span_text} for c in counts],
        })  # fmt: skip
    estimates = session.scalars(select(IncidentEstimate).where(IncidentEstimate.incident_id == incident_id).order_by(IncidentEstimate.outcome, IncidentEstimate.category))
    links = session.scalars(select(IncidentLink).where(or_(IncidentLink.report_key_a.in_(keys), IncidentLink.report_key_b.in_(keys))).order_by(IncidentLink.match_probability.desc()))
    attributes = {c.name: getattr(row, c.name) for c in Incident.__table__.columns}
    return {
        "incident": {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in attributes.items()},
        "reports": reports,
        "estimates": [{"outcome": e.outcome, "category": e.category, "low": e.low, "best": e.best, "high": e.high,
                       "open_high": e.open_high, "sources": e.n_sources, "why": e.explanation} for e in estimates],  # fmt: skip
        "links": [{"a": l.report_key_a, "b": l.report_key_b, "probability": l.match_probability, "status": l.status, "contributions": l.contributions} for l in links],
    }
