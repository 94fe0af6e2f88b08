"""A bulletin's running total told with "brings"/"brought" (s27, hs35, written in our own words): "This brings the
number of civilians killed since the beginning of the year to 187" is a cumulative count of civilians, as
"bringing the number … to" already was. Guards: "people" names no kind; a number of things is no toll."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.extract import extract_text

PUBLISHED = date(2024, 3, 10)


@pytest.mark.parametrize("text, count, victims", [
    ("Shelling killed four civilians in the north on Sunday. This brings the number of civilians killed in the "
     "country since the beginning of the year to 212, the monitor said.", 212, "civilians"),
    ("Two soldiers were killed by a mine on Sunday. That brought the number of soldiers killed in the province since "
     "the start of the year to 58.", 58, "combatants"),
    # "bringing" kept, and now names the civilians it counts (before: no kind)
    ("A wounded man died on Sunday, bringing the number of civilians killed in the strike to 9.", 9, "civilians"),
])
def test_brings_the_number_to_is_a_toll(text, count, victims):
    found = [c for c in extract_text(text, published=PUBLISHED).casualties if c.count == count]
    assert found and found[0].victims == victims


def test_people_in_the_number_name_no_kind():
    text = "Rescuers found two more bodies on Sunday, bringing the number of people killed in the strike to 12."
    found = [c for c in extract_text(text, published=PUBLISHED).casualties if c.count == 12]
    assert found and found[0].victims is None


def test_a_number_of_things_is_no_toll():
    text = "The convoy brought the number of aid trucks sent to the town to 40 on Sunday."
    assert not [c for c in extract_text(text, published=PUBLISHED).casualties if c.count == 40]
