"""A toll broken down by place: one event per place, every death counted once."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.counting import total
from marsad.extract import extract_text

PUBLISHED = date(2021, 3, 10)


def _located(text):
    extraction = extract_text(text, published=PUBLISHED)
    events = [(e.location, e.fatalities) for e in extraction.events]
    assert sum(e.fatalities for e in extraction.events) == total(extraction.casualties)
    return extraction, events


@pytest.mark.parametrize(("text", "expected"), [
    # bare numbers after the toll, "N of them in A and M in B"
    ("Shelling by government forces killed nine people in Idlib province on Tuesday, six of them in Ariha and three "
     "in Saraqib.", [("Ariha", 6), ("Saraqab", 3)]),
    # a colon before the places
    ("Airstrikes killed twelve people in Idlib province on Sunday: seven in Maarat al-Numan and five in Kafranbel.",
     [("Ma'arrat An Nu'man", 7), ("Kafr Nobol", 5)]),
    # each part its own clause with its own verb
    ("Clashes left ten fighters dead in Daraa province on Monday. Four of them were killed near Nawa, and six more "
     "died in fighting around Jasim.", [("Nawa", 4), ("Jasim", 6)]),
    # parts after a colon, each told with where and how its dead died
    ("The monitor documented the death of five people today: three civilians, among them a child, in an airstrike "
     "on the town of Kafranbel in the countryside of Idlib, and two soldiers in an attack near Ariha.",
     [("Kafr Nobol", 3), ("Ariha", 2)]),
])
def test_a_toll_broken_down_by_place_is_one_event_per_place(text, expected):
    _, events = _located(text)
    assert events == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Gunmen killed three people in Kafr Zita, five in Kafranbel, including a doctor, and two in Morek on Friday.",
     [("Kafr Zeita", 3), ("Kafr Nobol", 5), ("Murak", 2)]),
    ("Two people were killed in Binnish and three in Sarmin when shells hit both towns on Monday.",
     [("Bennsh", 2), ("Sarmin", 3)]),
    # a country's toll for the day, then its incidents "as follows": the parts are the day's own, a province
    # where a part names no town
    ("The monitor documented the deaths of 8 people across Syria today, as follows: 3 soldiers killed by "
     "insurgents in the Homs desert, 4 civilians killed by shelling on Ariha and a child killed by a landmine in Sarmin.",
     [("Homs", 3), ("Ariha", 4), ("Sarmin", 1)]),
])
def test_tolls_side_by_side_at_their_own_places_are_one_event_each(text, expected):
    _, events = _located(text)
    assert events == expected


def test_a_count_stated_after_the_breakdown_goes_to_the_place_its_sentence_names():
    extraction, _ = _located("Airstrikes killed twelve people in Idlib province on Sunday: seven in Maarat al-Numan "
                             "and five in Kafranbel. Rescuers said 20 more were wounded in Kafranbel.")
    assert [(e.location, e.injured) for e in extraction.events] == [("Ma'arrat An Nu'man", 0), ("Kafr Nobol", 20)]


@pytest.mark.parametrize("text", [
    # sub-counts by victim, not by place
    "An air strike killed seven people in Saraqib on Tuesday, including five children.",
    # a breakdown that leaves the rest unplaced
    "Gunmen killed eight people in Deir ez-Zor province on Friday, five of them in Mayadin.",
])
def test_a_toll_not_wholly_broken_down_by_place_stays_one_event(text):
    extraction, events = _located(text)
    assert len(events) == 1
    assert any(c.part_of for c in extraction.casualties)


def test_a_bare_located_number_is_a_part_never_a_second_toll():
    # "three in Saraqib" once read as another three dead (12 for 9)
    extraction, _ = _located("Shelling killed nine people in Idlib province on Tuesday, six of them in Ariha and "
                             "three in Saraqib.")
    parts = [c.count for c in extraction.casualties if c.part_of]
    assert parts == [6, 3]
    assert total(extraction.casualties) == 9


@pytest.mark.parametrize(("text", "deaths", "parts"), [
    # a breakdown by time of day or by a place without a name adds nothing
    ("Twenty people were killed in the district on Monday, 14 in the morning and six in the evening.", 20, [14, 6]),
    ("The bombing killed 9 people, 5 in the market and 4 near the mosque, in the town of Atarib on Friday.", 9, [5, 4]),
    # siblings, not parts: each count is its own place's dead (the doctor is one of the five)
    ("Gunmen killed three people in Kafr Zita, five in Latamneh, including a doctor, and two in Morek.", 10, [1]),
])
def test_bare_numbers_after_a_toll_are_parts_or_siblings_never_both(text, deaths, parts):
    extraction, _ = _located(text)
    assert total(extraction.casualties) == deaths
    assert [c.count for c in extraction.casualties if c.part_of] == parts


def test_a_sibling_after_an_and_that_is_not_the_first_and():
    # "between the army and the RSF" holds the first "and"; the sibling follows the second
    extraction, _ = _located("Ten people were killed on Sunday in clashes between the army and the RSF in Omdurman, "
                             "and 15 others in Nyala, activists said.")
    assert total(extraction.casualties) == 25


def test_a_victim_named_by_where_he_came_from_still_has_a_sibling_after_him():
    extraction, _ = _located("The attack killed four soldiers from Azaz and two civilians.")
    assert total(extraction.casualties) == 6


def test_a_list_of_places_after_the_tolls_own_sub_counts_with_the_rest_in_the_last():
    text = ("The monitor documented the death of 12 civilians on Friday, among them 5 children, in shelling on the "
            "countryside of Idlib: 7 in Saraqib, 3 in Binnish and the rest in Taftanaz.")
    events = extract_text(text).events
    assert [e.fatalities for e in events] == [7, 3, 2]
    assert sum(e.fatalities for e in events) == 12
