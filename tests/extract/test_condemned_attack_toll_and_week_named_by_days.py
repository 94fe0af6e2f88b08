"""Three readings from report streams 184 and 188 (s27, hs34; written for these tests, in our own words):
a condemnation whose object's toll a relative clause tells ("condemned the shelling …, which he said killed three
civilians") reports that toll; a couple killed is two civilians, as a husband and wife are; and a week named by
its first and last days ("closed the week from 11 to 17 November with 31 homicides") is a week's running total.
Guards: "condemned the killing of six", a toll the relative clause only imagines, "a couple of soldiers", and a
range of fewer days keep their readings."""

from datetime import date

import pytest

from marsad.extract import extract_text

PUBLISHED = date(2024, 11, 18)


def _deaths(text):
    return sum(e.fatalities for e in extract_text(text, published=PUBLISHED).events)


def _killed(text):
    return [c for c in extract_text(text, published=PUBLISHED).casualties if c.outcome == "killed" and c.part_of is None]


@pytest.mark.parametrize(("text", "deaths"), [
    ("The foreign minister condemned the rebel shelling of the town of Hays on Friday, which he said killed four "
     "civilians, among them a child.", 4),
    ("The governor denounced the bombing of the bus station in Turbat on Thursday, which killed nine passengers.", 9),
    ("The UN envoy condemned the drone attack on a wedding near Kosti that killed 11 guests on Sunday.", 11),
])
def test_a_condemned_attack_with_its_toll_in_a_relative_clause_counts(text, deaths):
    assert _deaths(text) == deaths


@pytest.mark.parametrize("text", [
    "The ombudswoman condemned the killing of six farmers in Tumaco on Sunday.",
    "The mayor condemned the car bombing, which could have killed dozens of shoppers, police said.",
])
def test_guards_a_condemned_killing_or_an_imagined_toll_stays_uncounted(text):
    assert _deaths(text) == 0


def test_a_couple_killed_is_two_civilians():
    killed = _killed("Gunmen burst into a home in Navolato on Sunday and shot dead a couple and their teenage daughter.")
    assert sum(c.count for c in killed) == 3 and {c.victims for c in killed} == {"civilians"}
    (elderly,) = _killed("An elderly couple was found shot dead in their shop in Culiacan on Sunday.")
    assert elderly.victims == "civilians"


def test_guard_a_couple_of_soldiers_are_soldiers():
    (soldiers,) = _killed("Gunmen killed a couple of soldiers at a checkpoint outside Culiacan on Sunday.")
    assert soldiers.victims == "combatants"


def test_a_week_named_by_its_days_is_a_running_total():
    (week,) = _killed("Guerrero closed the week from 11 to 17 November with 42 homicides, state figures showed.")
    assert week.is_tally
    (between,) = _killed("The state recorded 42 homicides in the week between 11 and 17 November, the prosecutor said.")
    assert between.is_tally


def test_guard_a_few_days_named_by_their_ends_stay_the_days_toll():
    (days,) = _killed("Clashes from 12 to 14 November killed 17 fighters near Chilapa, the army said.")
    assert not days.is_tally
