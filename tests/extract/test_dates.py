from datetime import date

import pytest

from marsad.extract.dates import dates_component
from marsad.extract.pipeline import DocContext


def _dates(text, published=None):
    ctx = DocContext(text=text, published=published)
    dates_component(ctx)
    return ctx, [(d.span.text, d.start, d.end, d.precision, d.rule) for d in ctx.dates]


def test_absolute_forms():
    _, found = _dates("Thursday, the 8th of November 2018 and 19/03/2022 and 5 January 2022, then March 7, 2020.")
    assert [(f[0], f[1]) for f in found] == [
        ("Thursday, the 8th of November 2018", date(2018, 11, 8)), ("19/03/2022", date(2022, 3, 19)),
        ("5 January 2022", date(2022, 1, 5)), ("March 7, 2020", date(2020, 3, 7))]
    assert all(f[3] == 1 for f in found)


def test_day_without_year_takes_the_publication_year_and_never_the_future():
    _, found = _dates("On 12 March, and on 28 December,", published=date(2022, 3, 20))
    assert [f[1] for f in found] == [date(2022, 3, 12), date(2021, 12, 28)]


def test_relative_dates():
    _, found = _dates("yesterday; hours ago; last week; 3 days ago", published=date(2022, 3, 20))
    assert [(f[1], f[2], f[3]) for f in found] == [
        (date(2022, 3, 19), date(2022, 3, 19), 1), (date(2022, 3, 20), date(2022, 3, 20), 1),
        (date(2022, 3, 13), date(2022, 3, 19), 3), (date(2022, 3, 17), date(2022, 3, 17), 1)]


def test_periods_from_the_operation_anchor():
    text = ("The operation was launched on the 10th of September 2018. In the second moth of the operation "
            "many died; since the 10th of September 2018 hundreds were wounded.")
    ctx, found = _dates(text, published=date(2018, 11, 10))
    assert ctx.anchors["operation_start"].start == date(2018, 9, 10)
    month = next(f for f in found if f[4] == "dates.nth_month:2")
    assert (month[1], month[2], month[3]) == (date(2018, 10, 10), date(2018, 11, 10), 4)
    since = next(f for f in found if f[4] == "dates.since")
    assert (since[1], since[2], since[3]) == (date(2018, 9, 10), date(2018, 11, 10), 5)


def test_publication_date_is_inferred_from_the_latest_stated_date():
    ctx, _ = _dates("On 3 May 2021 the delegations held a meeting. Two days after the meeting, the offensive began.")
    assert ctx.published == date(2021, 5, 5) and ctx.published_inferred


def test_last_weekday_and_a_bare_weekday_are_days_before_publication():
    from datetime import date

    from marsad.extract import extract_text

    friday = date(2024, 3, 8)
    assert extract_text("A bomb killed three people in Azaz last Sunday.", published=friday).events[0].event_date == date(2024, 3, 3)
    assert extract_text("Gunmen killed two farmers near Tafas Tuesday.", published=friday).events[0].event_date == date(2024, 3, 5)
    sunday = date(2024, 3, 10)
    assert extract_text("A bomb killed three people in Azaz last Sunday.", published=sunday).events[0].event_date == date(2024, 3, 3)


@pytest.mark.parametrize(("text", "start", "end"), [
    ("They have killed 20 officers so far this year.", date(2024, 1, 1), date(2024, 3, 8)),
    ("The group lost 300 fighters last year.", date(2023, 1, 1), date(2023, 12, 31)),
    ("UNAMA counted 1,274 deaths in the first quarter of the year.", date(2024, 1, 1), date(2024, 3, 8)),
    ("The toll during the first six months of 2023 was 410.", date(2023, 1, 1), date(2023, 6, 30)),
    ("Attacks rose in the second half of 2022.", date(2022, 7, 1), date(2022, 12, 31)),
    # the months or weeks up to the report
    ("The UN verified 1,100 civilian deaths over the past three months.", date(2023, 12, 8), date(2024, 3, 8)),
    ("Police recorded 40 murders in the last two weeks.", date(2024, 2, 23), date(2024, 3, 8)),
])
def test_a_year_or_a_part_of_one_is_a_period(text, start, end):
    _, found = _dates(text, published=date(2024, 3, 8))
    assert [(f[1], f[2]) for f in found if f[4] == "dates.year"] == [(start, end)]


@pytest.mark.parametrize("text", [
    "This year's deadliest attack killed 30 people on Monday.",
    "It was the deadliest attack on troops in the region this year.",
])
def test_a_comparison_with_the_year_is_no_period(text):
    _, found = _dates(text, published=date(2024, 3, 8))
    assert [f for f in found if f[4] == "dates.year"] == []


@pytest.mark.parametrize("text, start", [
    ("Aid groups say 410 people have died in the town since fighting erupted there on 2 April.", date(2023, 4, 2)),
    ("At least 90 civilians have been killed since the clashes broke out in the north on 14 March.", date(2023, 3, 14)),
    ("The siege has cost 300 lives since the war began on 1 February 2023.", date(2023, 2, 1)),
])
def test_a_period_opened_by_what_began_on_its_day(text, start):
    _, found = _dates(text, published=date(2023, 5, 20))
    assert [(f[1], f[2]) for f in found if f[4] == "dates.since"] == [(start, date(2023, 5, 20))]


@pytest.mark.parametrize("text, start, end", [
    ("In the week to 11 February, at least 46 civilians were killed in the state, OCHA said.",
     date(2024, 2, 5), date(2024, 2, 11)),
    ("Over the fortnight ending 10 February, the cluster recorded 31 deaths.", date(2024, 1, 28), date(2024, 2, 10)),
])
def test_a_week_named_by_the_day_it_ends_is_a_period(text, start, end):
    _, found = _dates(text, published=date(2024, 2, 14))
    assert [(f[1], f[2]) for f in found if f[4] == "dates.since"] == [(start, end)]


def test_what_began_on_another_day_than_the_one_after_it_opens_no_period():
    # the date belongs to the strike, not to the fighting's start
    _, found = _dates("Since fighting erupted, a strike on 2 April killed 12.", published=date(2023, 5, 20))
    assert not [f for f in found if f[4] == "dates.since"]


@pytest.mark.parametrize(("opening", "start"), [
    ("since the beginning of May", date(2024, 5, 1)),
    ("since early May", date(2024, 5, 1)),
    ("since mid-April", date(2024, 4, 15)),
    ("since late April", date(2024, 4, 21)),
    ("since the end of April", date(2024, 4, 30)),
    ("since the middle of December", date(2023, 12, 15)),  # (the latest December up to the report)
    ("since mid-2023", date(2023, 7, 1)),
])
def test_a_month_or_year_named_with_its_edge_opens_a_period(opening, start):
    _, found = _dates(f"The monitor has documented 23 deaths {opening}.", published=date(2024, 5, 13))
    assert [(f[1], f[2]) for f in found if f[4] == "dates.since"] == [(start, date(2024, 5, 13))]
