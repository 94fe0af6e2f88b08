"""Syrian and Iraqi notes whose scene a word around a place's name moves: a
group's name that holds a town's ("the Nidaa Diyala Brigade", "a group called
Ahrar Sinjar"), an air base named after the town beside it, a named region of
Syria or Iraq (a plain, a lake, a mountain, an oil field) and the governorate
written after it ("Al Ghab Plain in Hama": the governorate, not its city)."""

from __future__ import annotations

import pytest

from marsad.extract.main_place import main_place
from marsad.extract.pipeline import DocContext
from marsad.extract.places import find_places


def _main(gazetteer, text):
    mentions = find_places(DocContext(text=text), gazetteer)
    return mentions, main_place(mentions, gazetteer, None, text=text)


def _names(mentions):
    return [m.name for m in mentions if m.resolved]


# --- a place's name inside an armed group's name -------------------------------------------------

@pytest.mark.parametrize("text", [
    "Gunmen ambushed a patrol of the Nidaa Diyala Brigade in the Al Azim district of Diyala late on Tuesday.",
    "Two fighters of the Nidaa Diyala Brigade were wounded by a roadside bomb in the Al Azim district, Diyala.",
])
def test_words_before_a_place_in_a_unit_name_name_the_unit(small_gazetteer, text):
    mentions, chosen = _main(small_gazetteer, text)
    assert "An Nada" not in _names(mentions), mentions
    assert chosen is not None and chosen.name == "Al 'Azim", chosen


@pytest.mark.parametrize("text", [
    "A little-known militant group called Ahrar Sinjar said it fired rockets at the Turkish post in Kudud village, "
    "Bashiqa sub-district of Ninewa.",
    "Rockets launched by an armed faction known as Ahrar Sinjar landed near Kudud village in Bashiqa sub-district, "
    "Ninewa, causing no damage.",
])
def test_a_group_introduced_by_name_is_no_place(small_gazetteer, text):
    mentions, chosen = _main(small_gazetteer, text)
    assert "Sinjār" not in _names(mentions), mentions
    assert chosen is not None and chosen.name == "Kudud", chosen


def test_a_village_called_so_is_still_a_place(small_gazetteer):
    # guard: "called" after a place word is a cue, not a group's name
    mentions, chosen = _main(small_gazetteer, "Gunmen raided a village called Kudud in Bashiqa sub-district of Ninewa.")
    assert chosen is not None and chosen.name == "Kudud", chosen


def test_a_town_before_a_unit_word_alone_stays_a_town(small_gazetteer):
    # guard: a town named on its own in the same text as a brigade named after a governorate
    mentions, chosen = _main(small_gazetteer, "The Diyala Brigade repelled an attack on Baqubah on Friday.")
    assert chosen is not None and chosen.name == "Baqubah", chosen


# --- an air base named after a town -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Soldiers opened fire on three small drones circling the perimeter of the Balad Air Base in Salah Al Din province.",
    "Two rockets fell inside Balad airbase, Salah al-Din, without casualties.",
])
def test_an_air_base_is_placed_at_its_town(small_gazetteer, text):
    mentions, chosen = _main(small_gazetteer, text)
    assert chosen is not None and chosen.name == "Balad", (chosen, mentions)


def test_air_strikes_are_no_base(small_gazetteer):
    # guard: "Air" of "Air strikes" after a town's name is no base
    _, chosen = _main(small_gazetteer, "Russian warplanes carried out air strikes on Idlib on Monday.")
    assert chosen is not None and chosen.admin1 == "Idlib", chosen


# --- named regions of Syria and Iraq -----------------------------------------------------------------

@pytest.mark.parametrize("text, region", [
    ("Iraqi artillery pounded IS hideouts west of Lake Hamrin in Diyala.", "Lake Hamrin"),
    ("A US convoy set out from Al-Omar Oil Field in Deir ez Zor countryside on Sunday.", "Al-Omar oil field"),
    ("An IS sniper wounded a Peshmerga at an outpost of Qarachoq Mountain, Erbil province.", "Qarachogh Mountain"),
    ("Regime troops fired heavy machine guns at rebel lines in Al Ghab Plain in Hama.", "Al-Ghab Plain"),
])
def test_a_named_region_stands_for_the_event(small_gazetteer, text, region):
    _, chosen = _main(small_gazetteer, text)
    assert chosen is not None and chosen.name == region, chosen


def test_a_city_named_apart_from_a_region_is_still_the_scene(small_gazetteer):
    # guard: the governorate's city is no container when the text names it on its own
    _, chosen = _main(small_gazetteer, "Shells fell in Al Ghab Plain, and a car bomb went off in Hama city.")
    assert chosen is not None and chosen.name == "Hama", chosen
