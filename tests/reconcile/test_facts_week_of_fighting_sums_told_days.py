"""A count told as a week's fighting (s27, hs35, written in our own words): "at least 30 civilians were killed in
a week of fighting for Ariha" sums the week's incidents where other documents tell some of its days at that place,
so it is a claim over the week, not one more incident. Guards: told alone it stays the report's toll; days told
at another town, or a plain daily report, leave it (and them) as they are."""

from __future__ import annotations

from datetime import date

import pytest

from marsad import model as m
from tests.reconcile.helpers import span_of, store, strike_report

SUMMARY_DAY = date(2024, 8, 12)


def _summary(text: str, *, town: str = "Ariha", count: int = 30) -> tuple[str, m.Extraction]:
    casualty = m.Casualty(id="C1", outcome="killed", count=count, low=count, high=None, qualifier="at_least",
                          victims="civilians", span=span_of(text, f"{count} civilians"))  # fmt: skip
    event = m.Event(id="E1", event_type="Battles", sub_event_type="Armed clash", event_date=SUMMARY_DAY,
                    date=m.DateValue(SUMMARY_DAY, SUMMARY_DAY, 1), location=town, admin1="Idlib", country="Syria",
                    fatalities=count, casualty_ids=["C1"], span=span_of(text, text.rstrip(".")))  # fmt: skip
    return text, m.Extraction(document_id="summary", published=SUMMARY_DAY, source="Relief Group", language="en",
                              events=[event], casualties=[casualty], pipeline={"name": "marsad-test", "version": "test-1"})  # fmt: skip


WEEK = "At least 30 civilians were killed in a week of fighting for Ariha, a relief group said on Monday."


def _load(database, *documents):
    from marsad.reconcile.facts import load_facts

    with database.transaction() as session:
        for document in documents:
            store(session, document)
        return load_facts(session)


def test_a_week_of_fighting_whose_days_are_told_is_a_claim(database):
    days = [strike_report(doc=f"day-{d}", day=date(2024, 8, d), town="Ariha", killed=k) for d, k in ((5, 6), (8, 9))]
    reports, claims = _load(database, *days, _summary(WEEK))
    assert sorted(r.killed for r in reports) == [6, 9]  # before: a third incident of 30
    week = [c for c in claims if c.count == 30]
    assert len(week) == 1 and week[0].category == "civilians"
    assert (week[0].period_end - week[0].period_start).days >= 6


@pytest.mark.parametrize("days", [
    [],  # told alone: nothing else documents the week, so its count is the report's toll
    [strike_report(doc="elsewhere", day=date(2024, 8, 8), town="Saraqib", killed=9)],  # another town's day
    [strike_report(doc="long-before", day=date(2024, 7, 20), town="Ariha", killed=9)],  # before the week
])
def test_a_week_of_fighting_stays_a_report_where_no_day_of_it_is_told(database, days):
    reports, claims = _load(database, *days, _summary(WEEK))
    assert 30 in [r.killed for r in reports] and not [c for c in claims if c.count == 30]


def test_a_days_toll_beside_the_week_is_unchanged(database):
    text = "At least 30 civilians were killed on Monday in fighting for Ariha, a relief group said."
    day = strike_report(doc="day-8", day=date(2024, 8, 8), town="Ariha", killed=9)
    reports, _ = _load(database, day, _summary(text))
    assert sorted(r.killed for r in reports) == [9, 30]
