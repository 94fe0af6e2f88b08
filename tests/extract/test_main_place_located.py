"""The main place of a note that says where its places lie: "X (District,
Province)" and the chains inside such brackets (sentences written for these
tests, over the small bundled gazetteer)."""

from __future__ import annotations

from marsad.extract.actors import find_actors
from marsad.extract.main_place import main_place
from marsad.extract.pipeline import DocContext
from marsad.extract.places import find_places


def _main(text: str, gazetteer):
    ctx = DocContext(text=text)
    ctx.actors.extend(find_actors(text))
    return main_place(find_places(ctx, gazetteer), gazetteer, text=text)


def test_inside_brackets_the_first_place_of_a_chain_is_the_most_precise(small_gazetteer):
    # the unknown village lies in Hajin, which lies in the Abu Kamal district of Deir Ezzor:
    # not Abu Kamal, which the governorate's name happens to follow
    chosen = _main("Gunmen killed a man in Khirbat Zaytun village (Hajin, Abu Kamal, Deir Ezzor).", small_gazetteer)
    assert chosen is not None and chosen.text == "Hajin"


def test_outside_brackets_a_comma_joins_a_list_not_a_chain(small_gazetteer):
    chosen = _main("Protesters gathered in Hajin, Abu Kamal, Mayadin.", small_gazetteer)
    assert chosen is not None and chosen.text == "Hajin"


def test_a_namesake_far_from_the_place_the_text_puts_it_in_is_not_the_scene(small_gazetteer):
    # the only Azaz the gazetteer knows lies 400 km from Abu Kamal: the note means another one
    chosen = _main("Shelling hit Azaz (Abu Kamal).", small_gazetteer)
    assert chosen is not None and chosen.text == "Abu Kamal"


def test_an_acronym_in_brackets_does_not_locate_a_place(small_gazetteer):
    chosen = _main("Farmers of Hajin (FOH) marched through the streets of Abu Kamal (Deir Ezzor).", small_gazetteer)
    assert chosen is not None and chosen.text == "Abu Kamal"


def test_the_governorate_after_an_origin_locates_the_origin(small_gazetteer):
    # "from Hajin, Deir Ezzor": the governorate says where Hajin lies; with nothing else
    # named, the place people were evacuated from stands for the event, not the governorate
    chosen = _main("Dozens of families were evacuated from Hajin, Deir Ezzor.", small_gazetteer)
    assert chosen is not None and chosen.text == "Hajin"
