"""A run of capitalised words that no gazetteer knows as a whole is one name,
not a small village's name with a word before or after it ("Şehîd X" is a
position named after a fighter, "A (B C)" another spelling of A); and a
village said to lie in a district named after its seat lies near that seat."""

from __future__ import annotations

import pytest

from marsad.extract.main_place import main_place
from marsad.extract.pipeline import DocContext
from marsad.extract.places import find_places


def _main(gazetteer, text):
    mentions = find_places(DocContext(text=text), gazetteer)
    return mentions, main_place(mentions, gazetteer, None, text=text)


def _villages(mentions, *ids):
    return [m for m in mentions if m.resolved and m.gazetteer_id in ids]


TARBASBI, QEREWLA, KHAYLAKH = "wof:1193156999", "wof:1225830625", "wof:1193134305"
AMADIYA = "geonames:99611"


@pytest.mark.parametrize("text", [
    # the bracket spells the unknown position's name again; its words are no villages of their own
    "Turkish jets bombed PKK shelters in Xirabok (Tarbasbi Khaylakh) area of Amadiya district in Duhok on Sunday.",
    # "Şehîd" (martyr) heads a PKK position's name; the word after it is no village here
    "PKK militants said the Şehîd Tarbasbi position came under Turkish artillery fire on Monday, in Amadiya district, Duhok.",
    "Turkish drones struck Sehid Qerewla and Girê Spî, two PKK posts in Amadiya district of Duhok governorate.",
])
def test_a_small_village_inside_a_longer_unknown_name_is_not_read(small_gazetteer, text):
    mentions, chosen = _main(small_gazetteer, text)
    assert not _villages(mentions, TARBASBI, QEREWLA, KHAYLAKH), mentions
    assert chosen is not None and chosen.gazetteer_id == AMADIYA, chosen


def test_a_town_after_an_unknown_word_is_still_read(small_gazetteer):
    # Sinjar is a town of 38,000: "Kocho Sinjar" (no comma, as headlines write) still names it
    mentions, _ = _main(small_gazetteer, "Gunmen attacked a checkpoint outside Xerabe Sinjar late on Friday, Iraqi police said.")
    assert [m for m in mentions if m.resolved and m.name == "Sinjār"], mentions


def test_a_lone_village_is_still_read(small_gazetteer):
    mentions, _ = _main(small_gazetteer, "Turkish drones struck a house in Tarbasbi village in Duhok governorate, killing a farmer.")
    assert _villages(mentions, TARBASBI), mentions


BARZAN_HAWIJA = "wof:1292980225"


def test_a_village_far_from_the_seat_of_its_district_is_a_namesake(small_gazetteer):
    # the one Barzan of Kirkuk lies 110 km from Daquq: the village meant is one the index lacks,
    # and the district stands for the event
    mentions, chosen = _main(small_gazetteer,
                             "Police found the body of a shepherd near Barzan village in Daquq district of Kirkuk province.")
    assert not _villages(mentions, BARZAN_HAWIJA), mentions
    assert chosen is not None and chosen.name == "Dāqūq", chosen


def test_a_village_near_the_seat_of_its_district_is_still_read(small_gazetteer):
    mentions, chosen = _main(small_gazetteer,
                             "Police found the body of a shepherd near Barzan village in Hawija district of Kirkuk province.")
    assert _villages(mentions, BARZAN_HAWIJA), mentions
