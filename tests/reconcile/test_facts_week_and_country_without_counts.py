"""Events with no count that are no one incident (s25, hs30, written in our own words): a week's acts summed
("intercepted 14 drones … over the past week") and a country's night of strikes placed in no governorate.
Guards: a count keeps either a report; a week an incident fell in ("last week") and a governorate keep it."""

from __future__ import annotations

from datetime import date

import pytest

from marsad import model as m
from tests.reconcile.helpers import span_of, store, strike_report

PUBLISHED = date(2024, 3, 12)
WEEK = m.DateValue(date(2024, 3, 5), date(2024, 3, 11), 3)


def _no_count(doc: str, text: str, *, when: m.DateValue, location: str, admin1: str | None, country: str,
              event_type: str = "Strategic developments", sub: str = "Disrupted weapons use") -> tuple[str, m.Extraction]:
    event = m.Event(id="E1", event_type=event_type, sub_event_type=sub, event_date=when.end, date=when,
                    actor1="Houthis", location=location, admin1=admin1, country=country, fatalities=0,
                    casualty_ids=[], span=span_of(text, text.rstrip(".")))  # fmt: skip
    return text, m.Extraction(document_id=doc, published=PUBLISHED, source="Coalition", language="en", events=[event],
                              casualties=[], pipeline={"name": "marsad-test", "version": "test-1"})  # fmt: skip


@pytest.mark.parametrize("doc, text, when, location, admin1, country, is_report", [
    # a week up to the report, filled with acts and no count: their sum (before: an incident with no dead)
    ("week", "The coalition said its air defences shot down 14 drones launched towards Saada and Najran over the "
             "past week.", WEEK, "Najran", "Najran", "Saudi Arabia", False),
    # a country's night of strikes, placed in no governorate and with no count (before: an incident of Yemen)
    ("country", "Overnight the Houthis fired eight missiles and a swarm of drones at Yemen's government areas.",
     m.DateValue(date(2024, 3, 11), date(2024, 3, 11), 1), "Yemen", None, "Yemen", False),
    # the country under the gazetteer's name where events carry ACLED's (before: an incident of each)
    ("drc", "Overnight the rebels fired drones at army positions across the Democratic Republic of the Congo.",
     m.DateValue(date(2024, 3, 11), date(2024, 3, 11), 1), "Democratic Republic of the Congo", None,
     "Democratic Republic of Congo", False),
    ("palestine", "Settlers attacked farmers in several villages of the West Bank overnight.",
     m.DateValue(date(2024, 3, 11), date(2024, 3, 11), 1), "Palestinian Territory", None, "Palestine", False),
    # guards: "last week" dates one incident within a week; a governorate places it; a region is no country
    ("region", "Overnight militias attacked villages across Darfur.",
     m.DateValue(date(2024, 3, 11), date(2024, 3, 11), 1), "Darfur", None, "Sudan", True),
    ("last-week", "A drone launched by the Houthis struck a fuel depot in Marib last week.",
     WEEK, "Marib", "Marib", "Yemen", True),
    ("governorate", "Overnight the Houthis fired two missiles at Marib.",
     m.DateValue(date(2024, 3, 11), date(2024, 3, 11), 1), "Marib", "Marib", "Yemen", True),
])
def test_events_without_counts_that_are_no_incident(database, doc, text, when, location, admin1, country, is_report):
    from marsad.reconcile.facts import load_facts

    with database.transaction() as session:
        store(session, _no_count(doc, text, when=when, location=location, admin1=admin1, country=country))
        reports, _ = load_facts(session)
    assert (len(reports) == 1) is is_report


def test_a_count_keeps_a_report_placed_only_in_its_country(database):
    from marsad.reconcile.facts import load_facts

    with database.transaction() as session:
        store(session, strike_report(doc="counted", day=date(2024, 3, 11), town="Syria", admin1=None, killed=3))
        reports, _ = load_facts(session)
    assert [r.killed for r in reports] == [3]
