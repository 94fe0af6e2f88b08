"""Villages of the national lists the bundled index holds (OCHA's Syrian
communities, Who's On First's Iraqi localities): found in reports about their
country, no reading of a name in a report about another, and none named by a
landform word, an area's name or a town the index already has."""

from __future__ import annotations

import pytest

from marsad.extract.main_place import main_place
from marsad.extract.pipeline import DocContext
from marsad.extract.places import find_places
from marsad.gazetteer.keys import place_key


def _main(gazetteer, text):
    mentions = find_places(DocContext(text=text), gazetteer)
    return mentions, main_place(mentions, gazetteer, None, text=text)


@pytest.mark.parametrize("text, village", [
    # the governorate says the report is about Iraq (no country is named)
    ("A roadside bomb hit a Peshmerga patrol outside Sidakan in the Soran district of Erbil governorate.", "Sidakan"),
    ("Gunmen on motorbikes shot dead a shepherd near Sayyid Narin, Diyala, late on Thursday.", "Sayyid Narin"),
])
def test_a_village_of_the_iraqi_list_is_found_in_a_report_about_iraq(small_gazetteer, text, village):
    _, chosen = _main(small_gazetteer, text)
    assert chosen is not None and chosen.name == village and chosen.gazetteer_id.startswith("wof:"), chosen


@pytest.mark.parametrize("text", [
    # Cameroon named: its Waza is not Wazah (وازة) in Sulaymaniyah, which bears the name as its own
    "Jihadist fighters torched granaries in Waza, in northern Cameroon, before dawn on Sunday.",
    # no country named: a Nepali village is not Abu Hardha' in Maysan, whose Arabic name has its consonants
    "Farmers blocked the highway for three hours at Bhardaha village (Saptari district) over fertiliser prices.",
])
def test_an_iraqi_village_is_no_reading_of_a_name_abroad(small_gazetteer, text):
    mentions, _ = _main(small_gazetteer, text)
    assert not [m.name for m in mentions if m.resolved and m.gazetteer_id.startswith("wof:")], mentions


def test_a_syrian_community_is_no_reading_of_a_name_abroad(small_gazetteer):
    # Lebanon named: its border village Tayr is not OCHA's Tayr in Daraa (Syria borders Lebanon, so the
    # rule for a cued name nothing at home bears would otherwise take it)
    mentions, _ = _main(small_gazetteer, "Israeli shells landed near Tayr in southern Lebanon overnight.")
    assert not [m.name for m in mentions if m.resolved and m.gazetteer_id.startswith("ocha:")], mentions


@pytest.mark.parametrize("name", [
    "Dola", "Gire", "Kani",  # Kurdish valley, hill, spring (generic heads of place_words.yaml)
    "Kurdistan",  # a region's name (Iran's Kordestan shares its key)
    "Wasit",  # an Iraqi governorate's
    "Kirkuk", "Tikrit",  # WOF's own records of towns cities500 has (no GeoNames id): one town, not two
])
def test_no_village_of_the_list_bears_a_landform_word_an_area_or_a_known_town(small_gazetteer, name):
    assert not [p.id for p in small_gazetteer.by_key(place_key(name)) if p.id.startswith("wof:")]


def test_a_landform_word_is_no_village_in_a_report(small_gazetteer):
    # "Dola" (دوله) is a village of Zakho, and the Kurdish word for valley: here the valley
    text = "Turkish drones struck a cave used by PKK fighters in the Dola valley near Amadiya in Duhok province."
    mentions, chosen = _main(small_gazetteer, text)
    assert not [m for m in mentions if m.resolved and m.gazetteer_id.startswith("wof:")], mentions
    assert chosen is not None and chosen.admin1 == "Duhok", chosen


