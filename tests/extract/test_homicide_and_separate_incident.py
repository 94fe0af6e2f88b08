"""A prosecutor's "the homicide of four people" is a count of the killed, as "the killing of four people" is; and a
report whose opening sentence tells no incident in a rule's words but states its own dead at a place, followed by a
sentence opening "Separately," with other dead, tells two incidents, dated or not (s28, written in our own words)."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.extract import extract_text


@pytest.mark.parametrize("text, count", [
    ("Prosecutors opened an inquiry into the homicide of three farmers near Tepic on Friday.", 3),
    ("The police are investigating the homicide of a taxi driver in the port district.", 1),
])
def test_the_homicide_of_is_a_count(text, count):
    killed = [c for c in extract_text(text, published=date(2024, 5, 3)).casualties if c.outcome == "killed"]
    assert [c.count for c in killed] == [count]


OPENING_THEN_SEPARATELY = (
    "The regional prosecutor opened an investigation into the homicide of five people, all of one family, in "
    "Apatzingan on Saturday. Separately, the office said that the bodies of three men with gunshot wounds were "
    "found in a ravine near Uruapan.")


@pytest.mark.parametrize("published", [date(2024, 5, 4), None])
def test_an_opening_with_its_own_dead_and_a_separate_sentence_are_two_incidents(published):
    events = extract_text(OPENING_THEN_SEPARATELY, published=published).events
    assert sorted(e.fatalities for e in events) == [3, 5]


def test_without_separately_the_opening_leads_the_incident():
    text = ("Prosecutors opened an investigation into the homicide of five people in Apatzingan on Saturday. "
            "Gunmen had stormed the family's house at dawn.")
    events = extract_text(text, published=date(2024, 5, 4)).events
    assert [e.fatalities for e in events] == [5]
