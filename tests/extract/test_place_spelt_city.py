"""A name spelt letter for letter like a city's own name is that city, not a
governorate abroad that only shares its key and would make its country the
report's (sentences written for these tests, over a bundled index of a few countries)."""

from __future__ import annotations

import pytest

from tests.gazetteer.worlds import bundled_world
from tests.gazetteer.worlds import placed_mentions as _mentions

COUNTRIES = {"RU", "IQ", "ET"}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return bundled_world(tmp_path_factory, "spelt-city", COUNTRIES)


def test_a_city_spelt_so_is_no_governorate_sharing_its_key(world):
    # Russia's Samara region shares the key of Iraq's Samarra, which the text spells letter for letter
    samarra = _mentions("A roadside bomb wounded two soldiers on the road north of Samarra on Friday.", world)["Samarra"]
    assert samarra.country == "IQ"


def test_a_city_spelt_so_is_no_region_of_another_people(world):
    amara = _mentions("Unknown men shot a shopkeeper in a market of Amara city at dawn.", world)["Amara"]
    assert amara.country == "IQ"


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Drones struck a fuel depot in the Samara region overnight, the governor said.", "Samara", "RU"),
    ("Fighting between militias and the army was reported across Amhara on Tuesday.", "Amhara", "ET"),
])
def test_a_governorate_spelt_as_written_still_names_its_country(world, text, name, country):
    assert _mentions(text, world)[name].country == country
