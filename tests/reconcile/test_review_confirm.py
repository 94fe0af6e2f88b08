"""A person's decision can only make the record more right (issue 9): confirming
that a toll update and a later recap belong to the first report of a strike
gives the incident the source's latest full toll, not the sum of the three
reports and not the recap's single victim."""

from datetime import date, timedelta

from sqlalchemy import select

from marsad.reconcile import decide, reconcile, tally
from marsad.reconcile.models import IncidentEstimate, IncidentReport
from tests.reconcile.helpers import store, strike_report

DAY = date(2022, 5, 3)


def load(database):
    with database.transaction() as session:
        # the first report; the toll update, geocoded to the wrong town; a recap naming one victim
        store(session, strike_report(doc="first", day=DAY, town="Atarib", killed=7, source="Monitor A"), reliability="B")
        store(session, strike_report(doc="update", day=DAY, town="Kafr Takharim", killed=11, source="Monitor A",
                                     published=DAY + timedelta(days=1)), reliability="B")  # fmt: skip
        store(session, strike_report(doc="recap", day=DAY, town="Harem", killed=1, source="Monitor A", target="a school",
                                     published=DAY + timedelta(days=2)), reliability="B")  # fmt: skip


def month_best(session) -> tuple[int, int]:
    (row,) = tally(session, date_from=DAY.replace(day=1), date_to=DAY.replace(day=31), by=["month"])
    return row.best, row.incidents


def test_confirming_a_toll_update_fixes_the_estimate(database):
    load(database)
    with database.transaction() as session:
        reconcile(session)
        assert month_best(session) == (19, 3)  # 7 + 11 + 1: three incidents for one strike
        decide(session, "1/E1", "2/E1", "same", decided_by="editor")
        decide(session, "1/E1", "3/E1", "same", decided_by="editor")
    with database.transaction() as session:
        reconcile(session)
        assert month_best(session) == (11, 1)  # the source's latest full toll; the recap's 1 never replaces it
        incident_id = session.scalar(select(IncidentReport.incident_id).where(IncidentReport.report_key == "2/E1"))
        civilians = session.scalar(select(IncidentEstimate).where(IncidentEstimate.incident_id == incident_id,
                                                                  IncidentEstimate.category == "civilians"))  # fmt: skip
        assert (civilians.low, civilians.best, civilians.high) == (11, 11, 11)
        superseded = dict(session.execute(select(IncidentReport.report_key, IncidentReport.superseded)).all())
        assert superseded == {"1/E1": True, "2/E1": False, "3/E1": True}


def test_splitting_a_wrong_link_restores_both_incidents(database):
    load(database)
    with database.transaction() as session:
        reconcile(session)
        decide(session, "1/E1", "3/E1", "same")
    with database.transaction() as session:
        reconcile(session)
        assert month_best(session) == (18, 2)  # 7 then 1 within one source: the toll stays 7
        decide(session, "1/E1", "3/E1", "different")
    with database.transaction() as session:
        reconcile(session)
        assert month_best(session) == (19, 3)
