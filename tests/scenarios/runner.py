"""Run one report stream through marsad (ingest → reconcile → tally → check)
and compare it with the truth written next to it.

A stream is a YAML file in ``tests/scenarios/streams/``::

    name: ...
    covers: [toll_update, spelling, ...]      # the kinds of issue 9 it exercises
    pending: ...                              # optional: a known gap (the test is then xfail, not strict)
    sources: {Levant Monitor: B}              # Admiralty grades (optional)
    reports:
      - id: lm-1                              # document id (external id)
        source: Levant Monitor
        published: 2023-04-11
        url: https://...                      # optional
        title: ...                            # optional
        text: ...
    truth:
      incidents:                              # every incident, exactly
        - {date: 2023-04-11, admin1: Idlib, killed: 9, civilians: 9}
      tallies:                                # marsad tally queries and their rows
        - query: {from: 2023-04-01, to: 2023-04-30, by: [month]}
          rows: [{month: 2023-04, best: 25, incidents: 4}]
      claims:                                 # claimed totals that must be stored as claims
        - {count: 205, category: unknown, documented: 0}   # documented: what `marsad check` finds in scope
      claim_only: [lm-4]                      # reports that are claims only: no incident, no exported event

The same calls as ``marsad ingest``, ``marsad reconcile``, ``marsad tally``
and ``marsad check``; the test and ``bench/scenarios.py`` both use this.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

STREAMS = Path(__file__).resolve().parent / "streams"
TOP_LEVEL = ("civilians", "combatants", "unknown")


def stream_paths() -> list[Path]:
    return sorted(STREAMS.glob("*.yaml"))


def load_stream(path: Path) -> dict:
    import yaml

    stream = yaml.safe_load(path.read_text(encoding="utf-8"))
    stream.setdefault("name", path.stem)
    return stream


@dataclass
class Outcome:
    """What marsad made of one stream, and how it differs from the truth."""

    name: str
    incidents: list[dict] = field(default_factory=list)
    expected_incidents: list[dict] = field(default_factory=list)
    tallies: list[tuple[dict, list[dict], list[dict]]] = field(default_factory=list)  # query, expected, actual
    problems: list[str] = field(default_factory=list)

    @property
    def incidents_exact(self) -> bool:
        return not [p for p in self.problems if p.startswith("incidents")]

    @property
    def tally_rows(self) -> int:
        return sum(len(expected) for _, expected, _ in self.tallies)

    @property
    def tally_error(self) -> int:
        """Sum of |best − true best| over the expected rows (a missing row counts its whole truth)."""
        error = 0
        for _, expected, actual in self.tallies:
            for row in expected:
                match = _find_row(row, actual)
                error += abs((match or {}).get("best", 0) - row["best"])
        return error

    @property
    def tallies_exact(self) -> bool:
        return not [p for p in self.problems if p.startswith("tally")]


def _find_row(expected: dict, actual: list[dict]) -> dict | None:
    keys = [k for k in expected if k not in ("best", "low", "high", "incidents", "sources")]
    return next((row for row in actual if all(str(row.get(k)) == str(expected[k]) for k in keys)), None)


def ingest_stream(db, stream: dict) -> None:
    from marsad.ingest import IngestOptions
    from marsad.ingest.readers import RawDocument
    from marsad.ingest.service import ingest_documents
    from marsad.store import repository as repo

    with db.transaction() as session:
        for name, grade in (stream.get("sources") or {}).items():
            repo.get_or_create_source(session, name, reliability=grade)
    documents = [
        RawDocument(origin=f"{stream['name']}#{r['id']}", input_format="jsonl", text=r["text"], url=r.get("url"),
                    title=r.get("title"), published=_day(r.get("published")), source=r.get("source"), external_id=r["id"])
        for r in stream["reports"]
    ]  # fmt: skip
    summary = ingest_documents(db, documents, IngestOptions())
    if summary.failed:
        raise AssertionError(f"{stream['name']}: {summary.failed} report(s) failed to ingest: {summary.failures}")


def _day(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def run_stream(stream: dict, url: str) -> Outcome:
    """Ingest the stream into the (fresh) database at ``url``, reconcile, and compare."""
    from marsad.store import open_database

    db = open_database(url)
    try:
        ingest_stream(db, stream)
        from marsad.reconcile import reconcile

        with db.transaction() as session:
            reconcile(session)
        with db.transaction() as session:
            return compare(stream, session)
    finally:
        db.dispose()


def incident_rows(session) -> list[dict]:
    """Each incident's date, place and best estimates of the killed, by top-level category."""
    from sqlalchemy import select

    from marsad.reconcile.models import Incident, IncidentEstimate

    rows: dict[int, dict] = {}
    for incident in session.scalars(select(Incident).order_by(Incident.id)):
        rows[incident.id] = {"id": incident.id, "date": incident.event_date.isoformat() if incident.event_date else None,
                             "admin1": incident.admin1, "location": incident.location, "killed": 0}  # fmt: skip
    for estimate in session.scalars(select(IncidentEstimate).where(IncidentEstimate.outcome == "killed")):
        if estimate.category in TOP_LEVEL and estimate.incident_id in rows:
            row = rows[estimate.incident_id]
            row["killed"] += estimate.best
            row[estimate.category] = row.get(estimate.category, 0) + estimate.best
    return list(rows.values())


def _incident_problems(expected: list[dict], actual: list[dict]) -> list[str]:
    problems = []
    left = list(actual)
    for truth in sorted(expected, key=lambda t: (str(t["date"]), -t["killed"])):
        fields = [k for k in ("date", "admin1", "killed", *TOP_LEVEL) if k in truth]
        match = next((a for a in left if all(_same(k, a.get(k, 0 if k in TOP_LEVEL else None), truth[k]) for k in fields)), None)
        if match is None:
            problems.append(f"incidents: none matches {truth}")
        else:
            left.remove(match)
    for extra in left:
        problems.append(f"incidents: unexpected {extra}")
    return problems


def _same(key: str, actual, expected) -> bool:
    if key == "admin1":
        from marsad.gazetteer.keys import names_place

        return bool(actual) and names_place(str(expected), str(actual))
    return str(actual) == str(expected)


def tally_rows(session, query: dict) -> list[dict]:
    from marsad.reconcile import tally

    rows = tally(session, date_from=_day(query.get("from")), date_to=_day(query.get("to")), area=query.get("area"),
                 by=list(query.get("by") or []), victims=query.get("victims"), outcome=query.get("outcome", "killed"),
                 perpetrator=query.get("perpetrator"))  # fmt: skip
    return [row.to_dict() for row in rows]


def _tally_problems(query: dict, expected: list[dict], actual: list[dict]) -> list[str]:
    problems = []
    for row in expected:
        match = _find_row(row, actual)
        checked = {k: row[k] for k in ("best", "low", "high", "incidents") if k in row}
        got = {k: (match or {}).get(k) for k in checked}
        if got != checked:
            problems.append(f"tally {query}: expected {row}, got {match}")
    for row in actual:
        if _find_row(row, expected) is None and row.get("best"):
            problems.append(f"tally {query}: unexpected row {row}")
    return problems


def compare(stream: dict, session) -> Outcome:
    truth = stream.get("truth") or {}
    outcome = Outcome(name=stream["name"], incidents=incident_rows(session), expected_incidents=truth.get("incidents") or [])
    outcome.problems += _incident_problems(outcome.expected_incidents, outcome.incidents)
    for spec in truth.get("tallies") or []:
        actual = tally_rows(session, spec["query"])
        outcome.tallies.append((spec["query"], spec["rows"], actual))
        outcome.problems += _tally_problems(spec["query"], spec["rows"], actual)
    outcome.problems += _claim_problems(session, truth)
    return outcome


def _claim_problems(session, truth: dict) -> list[str]:
    """Claims are stored as claims (with their breakdown), and the reports that
    are only claims give no incident and no exported event."""
    from sqlalchemy import select

    from marsad.publish.records import Scope, iter_event_records
    from marsad.reconcile.models import IncidentReport, TallyClaim
    from marsad.store.models import Document

    problems = []
    claims = [(c.count, c.category, c.outcome) for c in session.scalars(select(TallyClaim))]
    for expected in truth.get("claims") or []:
        if not any(count == expected["count"] and category == expected.get("category", category)
                   and outcome == expected.get("outcome", "killed") for count, category, outcome in claims):  # fmt: skip
            problems.append(f"claims: {expected} is not stored (claims: {sorted(claims, key=str)})")
    if any("documented" in expected for expected in truth.get("claims") or []):
        from marsad.reconcile import check

        coverage = [f.figures for f in check(session).findings if f.kind == "coverage"]
        for expected in truth["claims"]:
            found = [f for f in coverage if f["claimed"] == expected["count"]]
            if "documented" in expected and not any(f["documented_best"] == expected["documented"] for f in found):
                problems.append(f"claims: `marsad check` should document {expected['documented']} of {expected['count']}, got {found}")
    only = set(truth.get("claim_only") or [])
    if only:
        ids = {d.id: d.external_id for d in session.scalars(select(Document)) if d.external_id in only}
        linked = {ids[m.document_id] for m in session.scalars(select(IncidentReport)) if m.document_id in ids}
        exported = {ids[r.document_id] for r in iter_event_records(session, Scope()) if r.document_id in ids}
        problems += [f"claims: report {d} became an incident" for d in sorted(linked)]
        problems += [f"claims: report {d} became an exported event" for d in sorted(exported)]
    return problems
