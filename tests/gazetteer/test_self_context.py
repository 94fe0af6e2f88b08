"""A name is no context for itself: the districts and governorates that share
its name speak for the towns inside them only when the text names them as
such ("Kale district", "(Al Jawf)", "Al Jawf, Hajjah and Sadah governorates")."""

from __future__ import annotations

import pytest

from marsad.extract.main_place import main_place
from marsad.extract.pipeline import DocContext
from marsad.extract.places import find_places
from tests.gazetteer.worlds import bundled_world

# the namesakes these tests are about: US counties, a Jamaican parish, Myanmar's districts,
# Thailand's Long, Brazil's Colombo, Algeria's Saida, Libya's Tripoli, Spain's Trafalgar
COUNTRIES = {"GB", "US", "GR", "DE", "JM", "MM", "YE", "TR", "TH", "LK", "BR", "LB", "LY", "DZ", "ES"}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return bundled_world(tmp_path_factory, "world", COUNTRIES)


@pytest.mark.parametrize("text, country", [
    # Oxford, Maine lies in Oxford County and Athens, Ohio in Athens County: the
    # name is no district context for itself, however often it is repeated
    ("Healthcare workers gathered in Oxford to demand emergency funding.", "GB"),
    ("Workers marched to parliament in Athens - Central Athens, where they met riot police.", "GR"),
    # nor is the Jamaican parish Hanover a governorate named for Hannover
    ("Around 50 students demonstrated in Hannover against poor studying conditions.", "DE"),
])
def test_a_name_is_no_context_for_itself(world, text, country):
    chosen = main_place(find_places(DocContext(text=text), world), world, text=text)
    assert chosen is not None and chosen.country == country, chosen


def test_a_district_named_as_such_still_speaks_for_its_namesake_town(world):
    text = "Fighting broke out near a village of Kale township (Kale district, Sagaing region)."
    mentions = find_places(DocContext(text=text), world)
    assert {m.country for m in mentions if m.resolved} == {"MM"}


def test_a_list_shares_its_plural_unit_word(world):
    text = "Houthi forces deployed missile launchers in Al Jawf, Hajjah, and Sadah governorates."
    mentions = [m for m in find_places(DocContext(text=text), world) if m.resolved]
    assert [(m.text, m.feature) for m in mentions] == [("Al Jawf", "admin1"), ("Hajjah", "admin1"), ("Sadah", "admin1")]


@pytest.mark.parametrize("text, country", [
    # more than one country's places named: the country most of them lie in
    ("On 4 May 2022, near Tar Long village (Muse township, Muse district, Shan-North state), fighting broke out.",
     "MM"),
    # what the text says the town lies in picks among namesakes (Colombo in Brazil's Parana is
    # larger than Sri Lanka's in the district that bears its name), not the repeated name itself
    ("On 7 March 2022, people staged a protest in front of the UN Office in Colombo (Colombo, Western).", "LK"),
    ("On 20 June 2022, police dispersed a protest in Colombo city (Western) amid the economic crisis.", "LK"),
])
def test_the_report_country_and_the_stated_province_pick_the_namesake(world, text, country):
    chosen = main_place(find_places(DocContext(text=text), world), world, text=text)
    assert chosen is not None and chosen.country == country, chosen


def test_a_bracketed_other_spelling_is_no_province(world):
    """Sayda is Sidon's other name, not Algeria's Saida province."""
    text = "On 28 February 2022, retired police officers protested in Sidon city (Sayda) against banks' policies."
    chosen = main_place(find_places(DocContext(text=text), world), world, text=text)
    assert chosen is not None and chosen.name == "Sidon" and chosen.country == "LB"


def test_given_countries_are_not_widened_by_a_governorate_name(world):
    # Tripoli is also a governorate of Libya; the caller says the report is about Lebanon
    text = "On 10 February 2022, retired army officers protested in front of the Finance Building in Tripoli city."
    mentions = find_places(DocContext(text=text), world, countries={"LB"})
    chosen = main_place(mentions, world, {"LB"}, text=text)
    assert chosen is not None and chosen.country == "LB", chosen


@pytest.mark.parametrize("where, district", [
    # the governorate (and the villages of all its districts), not its namesake district
    ("in Ar Raqqa countryside", "Tell Abiad"),
    ("in Ar Raqqa district", "Ar-Raqqa"),
])
def test_a_governorate_name_is_not_its_namesake_district(small_gazetteer, where, district):
    text = f"Turkish forces shelled Saida village {where}."
    chosen = main_place(find_places(DocContext(text=text), small_gazetteer), small_gazetteer, text=text)
    assert chosen is not None and chosen.admin2 == district, chosen


def test_tied_namesakes_go_to_the_closest_spelling(small_gazetteer):
    from marsad.gazetteer.resolve import Context, rank

    # two OCHA villages of Al-Hasakeh share the key of "Al Asadiyah": Assadiya and Sadiyeh
    ranked = rank(small_gazetteer, "Al Asadiyah", Context(document_admin1={"SY.01"}, written="Al Asadiyah"))
    assert ranked[0].place.name == "Assadiya" and ranked[0].score == ranked[1].score


def test_on_a_tie_the_largest_place_named_under_its_own_name_sets_the_country(world):
    # Trafalgar (Spain) and London (England) one place each: the capital decides
    text = "On 6 March 2022, thousands gathered in Trafalgar Square, outside Broadcasting House in London."
    chosen = main_place(find_places(DocContext(text=text), world), world, text=text)
    assert chosen is not None and chosen.country == "GB", chosen
