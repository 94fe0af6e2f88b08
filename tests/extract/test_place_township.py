"""The unit word "township" and the cue "attack on" (sentences written for
these tests, over a bundled index of a few countries)."""

from __future__ import annotations

import pytest

from tests.gazetteer.worlds import bundled_world
from tests.gazetteer.worlds import placed_mentions as _mentions

COUNTRIES = {"MM", "MT", "TR", "CN", "ZA", "ET"}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return bundled_world(tmp_path_factory, "township", COUNTRIES)


def test_a_township_is_read_in_a_country_that_has_townships(world):
    # "Kale" alone is a Maltese or Turkish village; "Kale township" is Myanmar's (Kalemyo)
    placed = _mentions("Drones struck an army outpost in Kale township late on Sunday.", world)
    assert placed["Kale"].country == "MM"
    placed = _mentions("Two traders were robbed on the road in Bole township.", world)
    assert placed["Bole"].country == "CN"


def test_without_the_word_the_usual_reading_stands(world):
    placed = _mentions("Drones struck an army outpost in Kale late on Sunday.", world)
    assert placed["Kale"].country != "MM"


def test_an_attack_on_an_unknown_name_marks_a_place(world):
    placed = _mentions("Gunmen launched an attack on Vorzanti before dawn, residents said.", world)
    assert "Vorzanti" in placed and not placed["Vorzanti"].resolved
