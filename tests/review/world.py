"""A small newsroom world built by hand: four reports from two sources (one
confidential), reconciled, and one account per role."""

from __future__ import annotations

from datetime import date

from marsad import model as m
from tests.reconcile.helpers import span_of, store, strike_report

PASSWORD = "correct horse battery"
ROLES = ("viewer", "analyst", "reviewer", "admin")
CONFIDENTIAL = "Local network"


def build_world(db) -> dict:
    from marsad.reconcile import reconcile
    from marsad.review.users import add_user
    from marsad.store import repository as repo

    day = date(2019, 3, 10)
    maarrat, saraqib, aleppo = (35.647, 36.674, 1), (35.864, 36.800, 1), (36.202, 37.134, 2)
    with db.transaction() as session:
        repo.get_or_create_source(session, CONFIDENTIAL, reliability="B", confidential=True)
        ids = {
            "market_a": store(session, _at(strike_report(doc="a1", day=day, town="Maarrat al-Numan", killed=12, children=3,
                                                         source="Monitor A"), maarrat), reliability="B"),
            "market_b": store(session, _at(strike_report(doc="b1", day=day, town="Maarrat al-Numan", killed=14,
                                                         source=CONFIDENTIAL, published=date(2019, 3, 11)), maarrat)),
            "school": store(session, _at(strike_report(doc="a2", day=day, town="Maarrat al-Numan", killed=7, target="a school",
                                                       source="Monitor A", published=date(2019, 3, 11)), maarrat), reliability="B"),
            "false": store(session, _at(strike_report(doc="a3", day=date(2019, 3, 12), town="Saraqib", killed=30,
                                                      source="Monitor A", target="a bakery"), saraqib), reliability="B"),
            "aleppo": store(session, _at(strike_report(doc="a4", day=date(2019, 2, 20), town="Aleppo", killed=4,
                                                       source="Monitor A", target="a bus station", admin1="Aleppo",
                                                       sub_event_type="Shelling/artillery/missile attack",
                                                       perpetrator="Hay'at Tahrir al-Sham"), aleppo), reliability="B"),
            "claim": store(session, monthly_claim(), reliability="B"),
        }
        for role in ROLES:
            add_user(session, role, role=role, password=PASSWORD)
    with db.transaction() as session:
        reconcile(session)
    return ids


def _at(report, place):
    """Give the report's event coordinates and a location precision (for the map)."""
    text, extraction = report
    event = extraction.events[0]
    event.latitude, event.longitude, event.geo_precision = place
    return text, extraction


def monthly_claim():
    """A monthly toll: a cumulative claim with an "including" sub-count, no incident."""
    text = ("Monthly report, 1 April 2019. Monitor A documented the deaths of 61 civilians in Idlib in March 2019, "
            "including 15 children.")
    period = m.DateValue(date(2019, 3, 1), date(2019, 3, 31), 4)
    casualties = [
        m.Casualty(id="C1", outcome="killed", count=61, low=61, high=61, victims="civilians", is_tally=True,
                   period=period, span=span_of(text, "61 civilians")),
        m.Casualty(id="C2", outcome="killed", count=15, low=15, high=15, victims="civilians", victim_group="children",
                   part_of="C1", is_tally=True, period=period, span=span_of(text, "15 children")),
    ]
    return text, m.Extraction(document_id="a5", published=date(2019, 4, 1), source="Monitor A", language="en",
                              events=[], casualties=casualties, pipeline={"name": "marsad-test", "version": "test-1"})
