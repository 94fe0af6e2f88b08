"""A later report corrects the day the first reports gave ("happened late on Thursday, not on Friday as first
reported"): the reports of the rejected day at the same place are the same incident, dated by the correction
(s24, hs27; written for these tests, in our own words). Guards: another town's report of the rejected day, a report
published after the correction, and a sentence with no contrast keep their own day."""

from dataclasses import replace
from datetime import date

from marsad.reconcile.facts import carry_corrected_days, rejected_day
from marsad.reconcile.linkage import Report

THURSDAY = date(2024, 5, 16)


def test_the_rejected_weekday_is_the_one_nearest_the_corrected_day():
    text = "The shooting at the restaurant happened late on Thursday, not on Friday as first reported, police said"
    assert rejected_day(text, THURSDAY) == date(2024, 5, 17).toordinal()
    assert rejected_day("The raid took place on Thursday, and not Tuesday, officials said", THURSDAY) == \
        date(2024, 5, 14).toordinal()


def test_no_contrast_no_rejected_day():
    assert rejected_day("Gunmen killed four people on Thursday and two more on Friday", THURSDAY) is None
    assert rejected_day("The attack was not on a school, officials said on Thursday", THURSDAY) is None


def _report(uid, day, town, published, rejected=None):
    return Report(uid=uid, key=f"{uid}/E1", document_id=uid, source=f"S{uid}", reliability="B", published=published.toordinal(),
                  day=day.toordinal(), location=town, admin1="Jalisco", killed=5, rejected_day=rejected)  # fmt: skip


def test_reports_of_the_rejected_day_take_the_corrected_day():
    friday = date(2024, 5, 17)
    first = _report(1, friday, "Tlaquepaque", friday)
    correction = _report(2, THURSDAY, "Tlaquepaque", date(2024, 5, 18), rejected=friday.toordinal())
    elsewhere = _report(3, friday, "Tonala", friday)
    later = _report(4, friday, "Tlaquepaque", date(2024, 5, 19))
    undated = replace(_report(5, friday, "Tlaquepaque", friday), day_stated=False)
    reports = [first, correction, elsewhere, later, undated]
    carry_corrected_days(reports)
    assert [date.fromordinal(r.day) for r in reports] == [THURSDAY, THURSDAY, friday, friday, friday]
