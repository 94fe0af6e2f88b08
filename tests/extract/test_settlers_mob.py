"""Settlers who stone or beat people act as a mob (ACLED's mob violence), as a crowd of villagers would; guard:
soldiers who shoot are no mob."""

from __future__ import annotations

import pytest

from tests.extract.first_event import first_sub_type


@pytest.mark.parametrize("text, expected", [
    ("On 2 April 2024, a group of Israeli settlers hurled stones at Palestinian cars near Huwara (Nablus), damaging "
     "three vehicles.", "Mob violence"),
    ("On 2 April 2024, settlers hurled stones at Palestinian farmers harvesting olives near Turmus Ayya (Ramallah).",
     "Mob violence"),
    # guard
    ("On 2 April 2024, Israeli soldiers shot and wounded a Palestinian man near Huwara (Nablus).", "Attack"),
])
def test_settlers_stoning_people_are_a_mob(text, expected):
    assert first_sub_type(text) == expected
