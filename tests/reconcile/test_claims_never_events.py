"""A monthly toll that an extractor attached to an event (the event of the
claim sentence itself) is a claim: it never becomes an incident, a tally row,
an exported event or a chart bar, and `marsad check` compares it with the
documented incidents of its month."""

from datetime import date

from marsad import model as m
from marsad.publish.records import Scope, iter_event_records
from marsad.reconcile import check, reconcile, tally
from tests.reconcile.helpers import span_of, store, strike_report

TEXT = ("Monitor B documented the death of 240 people in Idlib in March 2021, including 90 civilians. "
        "The remaining 150 were fighters.")  # fmt: skip


def monthly_toll() -> tuple[str, m.Extraction]:
    month = m.DateValue(date(2021, 3, 1), date(2021, 3, 31), 4)
    casualties = [
        m.Casualty(id="C1", outcome="killed", count=240, low=240, high=240, victims=None, is_tally=True, period=month,
                   span=span_of(TEXT, "240 people")),
        m.Casualty(id="C2", outcome="killed", count=90, low=90, high=90, victims="civilians", part_of="C1", is_tally=True,
                   period=month, span=span_of(TEXT, "90 civilians")),
    ]  # fmt: skip
    event = m.Event(id="E1", event_type="Riots", sub_event_type="Mob violence", event_date=date(2021, 3, 31), date=m.DateValue(date(2021, 3, 31), date(2021, 3, 31), 1),
                    actor1="Unidentified Armed Group (Syria)", location="Idlib", admin1="Idlib", country="Syria", fatalities=240,
                    casualty_ids=["C1", "C2"], span=span_of(TEXT, TEXT[:60]))  # fmt: skip
    return TEXT, m.Extraction(document_id="monthly", published=date(2021, 4, 2), source="Monitor B", language="en", events=[event],
                              casualties=casualties, pipeline={"name": "marsad-test", "version": "test-1"})  # fmt: skip


def test_a_monthly_toll_is_never_an_incident_an_export_or_a_bar(database):
    with database.transaction() as session:
        store(session, strike_report(doc="strike", day=date(2021, 3, 9), town="Atarib", killed=6, source="Monitor A"))
        store(session, monthly_toll())
    with database.transaction() as session:
        summary = reconcile(session)
        assert (summary.reports, summary.incidents) == (1, 1)
        rows = tally(session, date_from=date(2021, 3, 1), date_to=date(2021, 3, 31), by=["month"])
        assert [(r.best, r.incidents) for r in rows] == [(6, 1)]
        exported = list(iter_event_records(session, Scope()))
        assert [(r.fatalities, r.document_id) for r in exported] == [(6, 1)]
    with database.transaction() as session:
        coverage = {f.figures["claimed"]: f.figures for f in check(session).findings if f.kind == "coverage"}
        assert coverage[240]["documented_best"] == 6 and coverage[90]["documented_best"] == 6
