"""What the words around a place say about the main place of a note: "X
(District, Province)" and the chains inside such brackets, an origin's
governorate, a country the note is about but does not happen in (sentences
written for these tests, over the small bundled gazetteer)."""

from __future__ import annotations

import pytest

from marsad.extract.actors import find_actors
from marsad.extract.main_place import main_place
from marsad.extract.pipeline import DocContext
from marsad.extract.places import find_places


def _main(text: str, gazetteer):
    return main_place(_mentions(text, gazetteer), gazetteer, text=text)


def _mentions(text: str, gazetteer):
    ctx = DocContext(text=text)
    ctx.actors.extend(find_actors(text))
    return find_places(ctx, gazetteer)


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


def test_the_home_of_an_armed_group_is_not_the_scene(small_gazetteer):
    chosen = _main("Mayadin militiamen attacked shepherds near Hajin.", small_gazetteer)
    assert chosen is not None and chosen.text == "Hajin"


@pytest.mark.parametrize("text", [
    "About 200 people demonstrated in Goole against the invasion of Turkey.",
    "About 200 people demonstrated in Goole against Turkey's war.",
])


def test_a_country_the_note_is_about_does_not_pull_its_namesakes(small_gazetteer, text):
    # Goole in England, not Göle in Turkey (same key): the protest is about Turkey, not in it
    mentions = _mentions(text, small_gazetteer)
    assert [m.relation for m in mentions if m.feature == "country"] == ["topic"]
    chosen = main_place(mentions, small_gazetteer, text=text)
    assert chosen is not None and chosen.country == "GB"


def test_a_country_the_note_happens_in_still_does(small_gazetteer):
    chosen = _main("Shelling hit Goole, a town in Turkey.", small_gazetteer)
    assert chosen is not None and chosen.country == "TR"


def test_the_label_a_note_opens_with_is_no_place(bundled_gazetteer_path, tmp_path):
    from marsad.gazetteer.importers import import_files
    from marsad.gazetteer.index import Gazetteer

    # a made-up village that bears the name of an ACLED note label
    table, user = tmp_path / "places.csv", tmp_path / "user.sqlite"
    table.write_text(
        "admin0Pcode,admin1Name_en,admin1Pcode,admin2Name_en,admin4Name_en,admin4Name_ar,admin4Pcode,latitude,longitude\n"
        "SY,Deir-ez-Zor,SY09,Abu Kamal,Displacement,,SY090201T09,34.5,40.9\n", encoding="utf-8")
    import_files([str(table)], layout="ocha", index_path=user)
    gazetteer = Gazetteer(user, bundled_gazetteer_path)
    assert "Displacement" in {m.text for m in _mentions("Families fled to Displacement village.", gazetteer)}
    mentions = _mentions("Displacement: On 3 May, forty families left Hajin.", gazetteer)
    assert [m.text for m in mentions] == ["Hajin"]
    gazetteer.close()


@pytest.mark.parametrize("text, name, governorate", [
    # Saudi Arabia's Al-Qassim and Jordan's Karak provinces share these districts' keys
    ("Gunmen killed a shopkeeper in Al-Qasim district (Babil).", "Al-Qasim", "Babil"),
    ("Gunmen killed a shopkeeper in Karak district (Daraa).", "Karak", "Daraa"),
])
def test_a_district_is_no_province_of_another_country(small_gazetteer, text, name, governorate):
    chosen = _main(text, small_gazetteer)
    assert chosen is not None and (chosen.text, chosen.admin1) == (name, governorate)


def test_a_town_whose_name_begins_a_longer_unknown_name_is_not_that_town(small_gazetteer):
    # "Hajin Zzqar" (made up) is a village of its own, not Hajin
    mentions = {m.text: m for m in _mentions("Shelling hit Hajin Zzqar village in Deir Ezzor.", small_gazetteer)}
    assert "Hajin" not in mentions and not mentions["Hajin Zzqar"].resolved
    chosen = _main("Gunmen attacked a checkpoint in Hajin Zzqar and Mayadin.", small_gazetteer)
    assert chosen is not None and chosen.text == "Mayadin"


def test_a_facility_named_after_a_town_still_names_the_town(small_gazetteer):
    chosen = _main("Gunmen attacked a checkpoint near Hajin Water Station.", small_gazetteer)
    assert chosen is not None and chosen.text == "Hajin"


@pytest.mark.parametrize("text", [
    "Hundreds of nurses marched through central Reading on Saturday.",
    "Students gathered in downtown Reading.",
])
def test_through_and_a_part_of_town_cue_a_place_named_like_a_common_word(small_gazetteer, text):
    chosen = _main(text, small_gazetteer)
    assert chosen is not None and (chosen.text, chosen.country) == ("Reading", "GB")


def test_a_common_word_without_a_cue_is_still_no_place(small_gazetteer):
    assert _mentions("Reading the statement aloud, the mayor condemned the attack.", small_gazetteer) == []


def test_a_bracket_after_a_name_cues_the_place_it_lies_in(small_gazetteer):
    chosen = _main("Protesters gathered in Zzqarton (Reading) on Saturday.", small_gazetteer)
    assert chosen is not None and (chosen.text, chosen.country) == ("Reading", "GB")
    assert _mentions("The strike (Sale of goods) ended.", small_gazetteer) == []


def test_a_part_of_a_city_far_from_it_is_a_namesake(small_gazetteer):
    # "City - Quarter": the gazetteer's Hajin lies 90 km from Deir Ezzor city, so this
    # quarter is not that Hajin, and the city stands for the event
    chosen = _main("Gunmen shot a trader in Deir Ezzor - Hajin (Deir Ezzor).", small_gazetteer)
    assert chosen is not None and chosen.text == "Deir Ezzor" and chosen.span.start < 40
