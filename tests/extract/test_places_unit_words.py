"""What a country named in the same text and a unit word after a name
("state", "province", "district") say about which namesake is meant
(sentences written for these tests, over a bundled index of a few countries)."""

from __future__ import annotations

import pytest

from tests.gazetteer.worlds import bundled_world
from tests.gazetteer.worlds import placed_mentions as _mentions

COUNTRIES = {"PK", "ET", "MM", "NE", "NG", "BF", "SN", "YE", "MX", "IL", "PS", "SD"}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return bundled_world(tmp_path_factory, "units", COUNTRIES)


def test_a_district_of_the_named_country_is_no_far_town_sharing_only_its_key(world):
    # Ethiopia's Korem shares Kurram's key, but the text names Pakistan and spells it otherwise
    kurram = _mentions("Gunmen fired on a bus in Kurram district, Pakistan, on Monday.", world)["Kurram"]
    assert kurram.country != "ET"


def test_a_town_next_door_may_be_spelt_another_way(world):
    # Jenin lies in a neighbour of the country named: its transliteration still finds it
    jenin = _mentions("Officials in Israel said two men were wounded in Jenin.", world)["Jenin"]
    assert jenin.country == "PS"


def test_a_province_of_the_named_country_is_no_town_or_district_abroad(world):
    soum = _mentions("Rebels raided an army post in Soum province, Burkina Faso.", world)["Soum"]
    assert soum.country not in ("SN", "YE")


def test_a_country_named_without_a_unit_word_is_the_country(world):
    found = _mentions("Suspected jihadists killed five soldiers near Tamou in western Niger.", world)
    assert found["Niger"].country == "NE"
    # the unplaced village is neither Myanmar's Tamu nor in Nigeria's Niger state
    assert found["Tamou"].country != "MM" and found["Tamou"].admin1 is None


def test_a_country_named_with_a_unit_word_is_the_governorate(world):
    found = _mentions("Bandits raided a farm settlement in Niger state, Nigeria, at night.", world)
    assert (found["Niger"].country, found["Niger"].admin1) == ("NG", "Niger")


@pytest.mark.parametrize("text", [
    "Gunmen shot a local official in Guerrero state on Sunday.",
    "Gunmen shot a local official in the state of Guerrero on Sunday.",
])
def test_a_state_is_not_a_namesake_town_in_another_state(world, text):
    guerrero = _mentions(text, world)["Guerrero"]
    assert (guerrero.country, guerrero.admin1) == ("MX", "Guerrero")


def test_a_town_named_like_its_state_still_stands_for_it(world):
    katsina = _mentions("Gunmen killed three traders in Katsina state overnight.", world)["Katsina"]
    assert (katsina.country, katsina.admin1) == ("NG", "Katsina")


@pytest.mark.parametrize("name", ["North Darfur", "Northern Darfur"])
def test_a_governorate_is_found_in_both_forms_of_its_direction_word(world, name):
    found = _mentions(f"Clashes between herders displaced families in {name} last week.", world)[name]
    assert (found.country, found.resolved) == ("SD", True)


def test_a_country_after_a_comma_is_the_country_when_the_name_is_no_place_of_its_namesake_governorate(world):
    found = _mentions("Jihadists killed nine soldiers in Tamou, Niger, on Monday.", world)
    assert found["Niger"].country == "NE" and found["Tamou"].admin1 is None


def test_a_governorate_after_a_comma_still_speaks_for_a_town_inside_it(world):
    found = _mentions("Gunmen killed two traders in Mokwa, Niger, on Monday.", world)
    assert (found["Mokwa"].country, found["Mokwa"].admin1) == ("NG", "Niger")


def test_a_governorate_closing_a_bracket_is_the_governorate(world):
    # a coded note's "(district, governorate)": the unknown village lies in Nigeria's Niger state
    village = _mentions("Vigilantes repelled cattle raiders in Gwaloko (Paikoro, Niger) at dawn.", world)["Gwaloko"]
    assert (village.country, village.admin1) == ("NG", "Niger")


def test_a_country_in_brackets_after_one_of_its_towns_is_the_country(world):
    found = _mentions("Jihadists killed nine soldiers in Ouallam (Niger) on Monday.", world)
    assert found["Ouallam"].country == "NE" and found["Niger"].country == "NE"
