"""reconcile / tally / review / incident over a real database (SQLite and PostgreSQL)."""

from datetime import date

from sqlalchemy import select

from marsad.reconcile import check, decide, incident, reconcile, review_queue, tally
from marsad.reconcile.models import Incident, IncidentEstimate, IncidentLink, IncidentReport
from tests.reconcile.helpers import store, strike_report

DAY = date(2021, 3, 3)


def load(database):
    with database.transaction() as session:
        store(session, strike_report(doc="a1", day=DAY, town="Atarib", killed=9, source="Monitor A"), reliability="B")
        store(session, strike_report(doc="a2", day=DAY, town="Atarib", killed=14, source="Monitor A", published=date(2021, 3, 4)), reliability="B")
        store(session, strike_report(doc="b1", day=DAY, town="al-Atareb", killed=12, qualifier="at_least", source="Monitor B", children=3), reliability="C")
        store(session, strike_report(doc="b2", day=date(2021, 3, 4), town="Sarmada", killed=4, source="Monitor B", target="a bakery"), reliability="C")
        store(session, strike_report(doc="c1", day=date(2021, 4, 20), town="Saraqib", killed=2, source="Monitor C", perpetrator="Russian forces",
                                     target="a school"), reliability="D")  # fmt: skip


def snapshot(session):
    rows = []
    for model in (Incident, IncidentReport, IncidentEstimate, IncidentLink):
        for row in session.scalars(select(model).order_by(model.id)):
            rows.append({c.name: getattr(row, c.name) for c in model.__table__.columns if c.name != "updated_at"})
    return rows


def test_reconcile_links_estimates_and_is_idempotent(database):
    load(database)
    with database.transaction() as session:
        first = reconcile(session)
    assert (first.reports, first.incidents) == (5, 3)
    with database.transaction() as session:
        before = snapshot(session)
        again = reconcile(session)
        assert again.changed == 0
        assert snapshot(session) == before
        estimates = {(e.incident_id, e.category): e for e in session.scalars(select(IncidentEstimate))}
        atarib = session.scalar(select(IncidentReport.incident_id).where(IncidentReport.report_key.like("%/E1")).order_by(IncidentReport.id))
        civilians = estimates[(atarib, "civilians")]
        assert (civilians.low, civilians.best, civilians.high) == (12, 14, 14)  # 9 superseded by the same source's 14
        assert estimates[(atarib, "children")].best == 3


def test_tally_groups_and_counts_sources(database):
    load(database)
    with database.transaction() as session:
        reconcile(session)
        rows = [r.to_dict() for r in tally(session, date_from=date(2021, 3, 1), date_to=date(2021, 4, 30), by=["month", "perpetrator"], victims="civilians")]
        assert rows == [
            {"month": "2021-03", "perpetrator": "Syrian regime forces", "low": 16, "best": 18, "high": 18, "incidents": 2, "sources": 2},
            {"month": "2021-04", "perpetrator": "Russian forces", "low": 2, "best": 2, "high": 2, "incidents": 1, "sources": 1},
        ]
        idlib = tally(session, area="idlib", by=["admin1"], victims="children")
        assert [(r.group["admin1"], r.best) for r in idlib] == [("Idlib", 3)]


def test_person_decision_wins_over_model(database):
    load(database)
    with database.transaction() as session:
        reconcile(session)
        pair = session.scalar(select(IncidentLink).where(IncidentLink.status == "linked").order_by(IncidentLink.match_probability.desc()))
        decide(session, pair.report_key_a, pair.report_key_b, "different", decided_by="tester")
    with database.transaction() as session:
        summary = reconcile(session)
        assert summary.incidents == 4
        held = dict(session.execute(select(IncidentReport.report_key, IncidentReport.incident_id)).all())
        assert held[pair.report_key_a] != held[pair.report_key_b]
        decide(session, "1/E1", "4/E1", "same")
    with database.transaction() as session:
        reconcile(session)
        held = dict(session.execute(select(IncidentReport.report_key, IncidentReport.incident_id)).all())
        assert held["1/E1"] == held["4/E1"]
        view = incident(session, held["1/E1"])
        assert {r["report"] for r in view["reports"]} >= {"1/E1", "4/E1"}
        assert all("contributions" in link for link in view["links"])
        assert isinstance(review_queue(session), list)


def test_check_on_a_store_without_claims_finds_nothing(database):
    load(database)
    with database.transaction() as session:
        result = check(session)
    assert result.claims == 0 and result.findings == []


def test_re_extraction_keeps_incident_ids_and_decisions(database):
    from marsad.store import repository as repo
    from marsad.store.models import Document

    load(database)
    with database.transaction() as session:
        reconcile(session)
        decide(session, "1/E1", "3/E1", "different")
    with database.transaction() as session:
        reconcile(session)
        before = dict(session.execute(select(IncidentReport.report_key, IncidentReport.incident_id)).all())
        old_event = session.scalar(select(IncidentReport.event_id).where(IncidentReport.report_key == "1/E1"))
    with database.transaction() as session:  # a newer pipeline re-extracts document 1: new run, new event ids
        document = session.get(Document, 1)
        _, extraction = strike_report(doc="a1", day=DAY, town="Atarib", killed=9, source="Monitor A", version="test-2")
        repo.add_extraction(session, document, extraction)
    with database.transaction() as session:
        reconcile(session)
        after = dict(session.execute(select(IncidentReport.report_key, IncidentReport.incident_id)).all())
        new_event = session.scalar(select(IncidentReport.event_id).where(IncidentReport.report_key == "1/E1"))
    assert new_event != old_event
    assert after == before
    assert after["1/E1"] != after["3/E1"]  # the decision still holds


def test_a_monthly_total_takes_its_area_from_the_governorate_it_names(database):
    from marsad.extract import extract_text
    from marsad.reconcile.facts import load_facts

    text = "Monthly toll: the monitor documented the death of 57 civilians in Idlib province in March 2021, including 9 children."
    extraction = extract_text(text, published=date(2021, 4, 1), source="Monitor A")
    extraction.document_id = "monthly-idlib"
    with database.transaction() as session:
        store(session, (text, extraction))
        _, claims = load_facts(session)
    by_count = {c.count: c for c in claims}
    assert set(by_count) == {57, 9}
    assert by_count[57].admin1 == "Idlib" and by_count[9].admin1 == "Idlib"
    assert (by_count[57].period_start, by_count[57].period_end) == (date(2021, 3, 1), date(2021, 3, 31))


def test_facts_read_a_few_documents_at_a_time_are_those_read_at_once(database):
    from marsad.extract import extract_text
    from marsad.reconcile.facts import load_facts
    from marsad.store import repository as repo
    from marsad.store.models import Document

    load(database)
    text = "Monthly toll: the monitor documented the death of 57 civilians in Idlib province in March 2021, including 9 children."
    extraction = extract_text(text, published=date(2021, 4, 1), source="Monitor A")
    extraction.document_id = "monthly-idlib"
    with database.transaction() as session:
        store(session, (text, extraction))
        # document 1 re-extracted: its events now come after the other documents' (and in a later batch by id)
        _, again = strike_report(doc="a1", day=DAY, town="Atarib", killed=9, source="Monitor A", version="test-2")
        repo.add_extraction(session, session.get(Document, 1), again)
    with database.transaction() as session:
        whole = load_facts(session, batch=10_000)
        for batch in (1, 2, 4):
            assert load_facts(session, batch=batch) == whole
    reports, claims = whole
    assert [r.uid for r in reports] == sorted(r.uid for r in reports) and len(reports) == 5
    assert {r.key for r in reports} == {"1/E1", "2/E1", "3/E1", "4/E1", "5/E1"}
    assert {c.count for c in claims} == {57, 9}
