"""A report that names no country but whose clear places or country
adjectives point to one: a namesake in an unrelated country that nothing in
the text supports is no reading of an ambiguous name (sentences written for
these tests, over a bundled index of a few countries)."""

from __future__ import annotations

import pytest

from marsad.extract.actors import demonym_countries
from marsad.gazetteer.admin import with_neighbours
from tests.gazetteer.worlds import bundled_world
from tests.gazetteer.worlds import placed_mentions as _mentions

COUNTRIES = {"ML", "PK", "NG", "DE", "AF", "BF", "BJ"}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return bundled_world(tmp_path_factory, "home", COUNTRIES)


def _placed(text: str, gazetteer) -> dict[str, str | None]:
    return {name: mention.country for name, mention in _mentions(text, gazetteer).items()}


def test_country_adjectives_are_found():
    assert demonym_countries("Two Malian and three Burkinabe soldiers died.") == {"ML", "BF"}
    assert demonym_countries("Soldiers died.") == set()


def test_neighbours_include_the_country_itself():
    assert {"ML", "BF", "NE"} <= with_neighbours(frozenset({"ML"}))
    assert "PK" not in with_neighbours(frozenset({"ML"}))


def test_without_evidence_the_largest_namesake_stands(world):
    assert _placed("Gunmen ambushed an army convoy near Boni on Friday.", world)["Boni"] == "PK"


def test_a_country_adjective_rules_out_an_unrelated_namesake(world):
    placed = _placed("Gunmen ambushed a Malian army convoy near Boni on Friday.", world)
    assert placed["Boni"] is None  # unresolved: not Buni in Pakistan


def test_a_clear_place_rules_out_an_unrelated_namesake(world):
    placed = _placed("Gunmen ambushed an army convoy near Boni in the Douentza area on Friday.", world)
    assert placed["Douentza"] == "ML" and placed["Boni"] is None


def test_a_neighbouring_country_is_not_unrelated(world):
    # the adjective often names the attacker from next door
    assert _placed("Afghan fighters ambushed an army convoy near Boni on Friday.", world)["Boni"] == "PK"


def test_a_cued_name_spelt_as_a_foreign_town_is_that_town(world):
    assert _placed("Malian students marched in Buni on Friday.", world)["Buni"] == "PK"


def test_a_country_named_as_a_topic_leaves_the_adjectives_out(world):
    # (spelt as the Pakistani town's own name: a name that only shares its key stays unplaced, see
    # test_places_unit_words)
    placed = _placed("People marched near Buni against the Malian junta's deal with Russia.", world)
    assert placed["Buni"] == "PK"


@pytest.mark.parametrize(("word", "country"), [("state", "NG"), ("department", "BJ")])
def test_the_unit_word_says_whose_governorate_an_unknown_village_lies_in(world, word, country):
    # Nigeria and Benin both have a governorate called Plateau: a state in one, a department in the other
    village = _mentions(f"Gunmen burnt houses in Tafakwa, Plateau {word}, at dawn.", world)["Tafakwa"]
    assert not village.resolved and (village.country, village.admin1) == (country, "Plateau")
