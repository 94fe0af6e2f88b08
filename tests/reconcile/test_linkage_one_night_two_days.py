"""A night told by its evening in one report ("late on Saturday night") and by its small hours in another ("in
the early hours of Sunday") is one night a day apart by the calendar: the date comparison reads them as one night,
not as "1 day apart" (stream 177; s27, hs34; written for these tests, in our own words). Guards: a Saturday night
and a Sunday night, a plain Saturday and a plain Sunday, and a weekday the sentence does not date the event by keep
their levels."""

from dataclasses import replace
from datetime import date

from marsad.reconcile.facts import night_of
from marsad.reconcile.linkage import Report, score_pairs

SATURDAY = date(2024, 8, 10)
SUNDAY = date(2024, 8, 11)


def test_an_evening_is_its_own_night_and_small_hours_the_night_before():
    assert night_of("Gunmen stormed a village in Faskari late on Saturday night, killing seven", SATURDAY) == SATURDAY.toordinal()
    assert night_of("Seven were killed when bandits raided the village on Saturday night", SATURDAY) == SATURDAY.toordinal()
    assert night_of("Nine villagers died when bandits attacked in the early hours of Sunday", SUNDAY) == SATURDAY.toordinal()
    assert night_of("Militants overran the post before dawn on Sunday, killing six soldiers", SUNDAY) == SATURDAY.toordinal()
    assert night_of("A drone hit the market early Sunday, killing four", SUNDAY) == SATURDAY.toordinal()


def test_guards_no_night_words_or_another_weekday_give_no_night():
    assert night_of("Bandits killed nine villagers in Faskari on Sunday", SUNDAY) is None
    assert night_of("Seven were killed on Sunday, a day after a raid late on Saturday night", SUNDAY) is None
    assert night_of("Mourners gathered on Sunday morning to bury the dead", SUNDAY) is None


def _report(uid, day, night, killed):
    return Report(uid=uid, key=f"{uid}/E1", document_id=uid, source=f"S{uid}", reliability=None,
                  published=day.toordinal() + 1, day=day.toordinal(), location="Faskari", admin1="Katsina",
                  event_type="Violence against civilians", sub_event_type="Attack", actors=["Bandits"], killed=killed,
                  killed_low=killed, killed_high=killed, words=["raid"], night=night)  # fmt: skip


def _date_level(a, b):
    (pair,) = score_pairs([a, b])
    return pair.contributions["date"]["level"]


def test_saturday_night_and_early_sunday_are_one_night():
    evening = _report(1, SATURDAY, SATURDAY.toordinal(), 7)
    small_hours = _report(2, SUNDAY, SATURDAY.toordinal(), 9)
    assert _date_level(evening, small_hours) == "one night told on two days"


def test_guards_two_nights_and_plain_days_stay_a_day_apart():
    saturday_night = _report(1, SATURDAY, SATURDAY.toordinal(), 7)
    sunday_night = _report(2, SUNDAY, SUNDAY.toordinal(), 9)
    assert _date_level(saturday_night, sunday_night) == "1 day apart"
    assert _date_level(replace(saturday_night, night=None), replace(sunday_night, night=None)) == "1 day apart"
    assert _date_level(saturday_night, replace(saturday_night, uid=3, key="3/E1", document_id=3)) == "same day"
