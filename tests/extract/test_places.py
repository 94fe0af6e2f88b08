"""The ``places`` pipeline component on sentences written for these tests."""

from __future__ import annotations

import dataclasses
import pickle
from types import SimpleNamespace

import pytest

from marsad.extract.actors import find_actors
from marsad.extract.main_place import main_place
from marsad.extract.pipeline import DocContext, registered
from marsad.extract.places import find_places
from marsad.model import PlaceMention, Span


def _places(text: str, gazetteer, **kwargs):
    ctx = DocContext(text=text)
    ctx.actors.extend(find_actors(text))
    mentions = find_places(ctx, gazetteer, **kwargs)
    for mention in mentions:
        assert text[mention.span.start:mention.span.end] == mention.text
    return {m.text: m for m in mentions}


def test_relations_set_precision(small_gazetteer):
    places = _places(
        "Clashes renewed on the outskirts of Hajin on Monday, while warplanes struck the eastern "
        "countryside of Deir Ezzor and a car bomb exploded 10 km south of Mayadin.", small_gazetteer)
    hajin, deir, mayadin = places["Hajin"], places["Deir Ezzor"], places["Mayadin"]
    assert (hajin.relation, hajin.geo_precision, hajin.where_prec, hajin.feature) == ("outskirts of", 2, 2, "town")
    assert (deir.relation, deir.feature, deir.geo_precision, deir.where_prec) == ("countryside of", "admin1", 3, 4)
    assert deir.admin1 == "Deir ez-Zor"
    assert (mayadin.relation, mayadin.geo_precision) == ("south of", 2)
    assert "Monday" not in places


def test_a_plain_town_is_precise(small_gazetteer):
    (hajin,) = _places("Two civilians were killed in Hajin.", small_gazetteer).values()
    assert (hajin.resolved, hajin.name, hajin.geo_precision, hajin.where_prec) == (True, "Hajin", 1, 1)  # OCHA C5175 stands for GeoNames Hajīn
    assert hajin.admin1 == "Deir ez-Zor" and hajin.country == "SY"


def test_a_resolved_mention_is_what_its_init_makes(small_gazetteer):
    # (places builds a resolved mention's fields' dictionary itself: every field, in their order)
    (hajin,) = _places("Two civilians were killed in Hajin.", small_gazetteer).values()
    assert list(vars(hajin)) == [f.name for f in dataclasses.fields(PlaceMention)]
    assert PlaceMention(**vars(hajin)) == hajin
    assert pickle.loads(pickle.dumps(hajin)) == hajin


def test_province_word_picks_the_governorate(small_gazetteer):
    ctx = DocContext(text="Raqqa Province: clashes continued in Raqqa city.")
    assert [m.feature for m in find_places(ctx, small_gazetteer)] == ["admin1", "town"]


def test_unknown_villages_are_kept_unresolved_with_spans(small_gazetteer):
    # invented names (the shipped OCHA communities know most real villages)
    text = "Shelling hit the villages of Khirbat Umm Zaytunah, Tall Qurnafil and Hajin at dawn."
    places = _places(text, small_gazetteer)
    assert set(places) == {"Khirbat Umm Zaytunah", "Tall Qurnafil", "Hajin"}
    assert not places["Khirbat Umm Zaytunah"].resolved and not places["Tall Qurnafil"].resolved
    assert places["Hajin"].resolved


def test_unresolved_village_takes_the_governorate_its_sentence_names(small_gazetteer):
    places = _places("Shelling hit Khirbat Umm Zaytunah village in the western countryside of Deir Ezzor.",
                     small_gazetteer)
    village = places["Khirbat Umm Zaytunah"]
    assert not village.resolved and village.latitude is None
    assert (village.admin1, village.country) == ("Deir ez-Zor", "SY")


def test_actors_months_and_common_words_are_not_places(small_gazetteer):
    text = ("Battle for the city: the Syrian Democratic Forces and the Islamic State fought near Raqqa "
            "in March, More fighters arrived on Thursday.")
    places = _places(text, small_gazetteer)
    assert list(places) == ["Raqqa"]
    assert places["Raqqa"].relation == "near"


def test_region_phrases_and_between(small_gazetteer):
    text = "The Coalition struck positions east of the Euphrates and on the road between Hajin and Al-Susah."
    places = _places(text, small_gazetteer)
    region = places["east of the Euphrates"]
    assert (region.name, region.geo_precision, region.where_prec) == ("East of the Euphrates", 3, 5)
    between = places["between Hajin and Al-Susah"]
    assert between.resolved and between.geo_precision == 2 and between.admin1 == "Deir ez-Zor"
    assert 34.5 < between.latitude < 34.7
    assert "Hajin" in places and "Al-Susah" in places


def test_arabic_script_names_are_found(small_gazetteer):
    places = _places("قصف على هجين", small_gazetteer)
    assert places["هجين"].name == "Hajin"  # OCHA C5175, هجين


def test_country_of_the_report_filters_far_namesakes(small_gazetteer):
    assert _places("Fighting in Sinjar.", small_gazetteer, countries={"IQ"})["Sinjar"].admin1 == "Nineveh"
    assert _places("Fighting in Sinjar.", small_gazetteer, countries={"SY"})["Sinjar"].admin1 == "Idlib"
    assert _places("Iraqi forces entered Sinjar.", small_gazetteer)["Sinjar"].country == "IQ"


def test_main_place_prefers_the_first_town(small_gazetteer):
    ctx = DocContext(text="Airstrikes on Idlib countryside and shelling of Maarat al-Numan and Aleppo")
    mentions = find_places(ctx, small_gazetteer)
    assert main_place(mentions).text == "Maarat al-Numan"


def test_component_is_registered_and_runs_in_the_pipeline(small_gazetteer):
    from marsad.extract.pipeline import Pipeline

    extraction = Pipeline(["actors", "places"])("Clashes in the countryside of Hajin.")
    assert registered()["places"].version
    (place,) = extraction.places
    assert place.text == "Hajin" and place.relation == "countryside of" and place.latitude


@pytest.mark.parametrize("text", ["", "   ", "12 killed yesterday 23/01/2016", "ISIS; SDF; YPG."])
def test_texts_without_places(small_gazetteer, text):
    assert _places(text, small_gazetteer) == {}


def test_person_and_group_names_are_not_places(small_gazetteer):
    text = ("Sheikh Ahmed al-Hassan met Bashar al-Assad's envoy; Faylaq al-Rahman fighters clashed near "
            "Douma and Harasta.")
    assert set(_places(text, small_gazetteer)) == {"Douma", "Harasta"}


def test_direction_words_start_names_but_are_not_places(small_gazetteer):
    places = _places("Clashes in Eastern Ghouta and in East Aleppo; in the East, calm.", small_gazetteer)
    assert places["Eastern Ghouta"].feature == "region"
    assert places["Aleppo"].relation == "part of"
    assert "East" not in places


def test_deployment_countries_come_from_the_environment(small_gazetteer, monkeypatch):
    from marsad.extract.pipeline import Pipeline

    monkeypatch.setenv("MARSAD_COUNTRIES", "IQ")
    (sinjar,) = Pipeline(["places"])("Fighting in Sinjar.").places
    assert sinjar.admin1 == "Nineveh"
    monkeypatch.setenv("MARSAD_COUNTRIES", "sy")
    (sinjar,) = Pipeline(["places"])("Fighting in Sinjar.").places
    assert sinjar.admin1 == "Idlib"


def test_a_direction_moves_the_event_point_off_the_named_place(small_gazetteer):
    from marsad.gazetteer.resolve import haversine_km

    text = "Warplanes struck the northern countryside of Aleppo."
    ctx = DocContext(text=text)
    (aleppo,) = find_places(ctx, small_gazetteer)
    point = main_place([aleppo], small_gazetteer, text=text)
    assert point is not aleppo and point.text == "Aleppo"
    assert point.latitude > aleppo.latitude and abs(point.longitude - aleppo.longitude) < 0.01
    assert 14 < haversine_km(point.latitude, point.longitude, aleppo.latitude, aleppo.longitude) < 16
    assert main_place([aleppo], small_gazetteer).latitude == aleppo.latitude  # without the text: the place itself


def test_a_stated_distance_is_used_and_near_stays_put(small_gazetteer):
    from marsad.gazetteer.resolve import haversine_km

    text = "A car bomb exploded 10 km south of Mayadin."
    mayadin = _places(text, small_gazetteer)["Mayadin"]
    point = main_place([mayadin], small_gazetteer, text=text)
    assert point.latitude < mayadin.latitude
    assert 9.5 < haversine_km(point.latitude, point.longitude, mayadin.latitude, mayadin.longitude) < 10.5
    text = "Clashes near Mayadin."
    mayadin = _places(text, small_gazetteer)["Mayadin"]
    assert main_place([mayadin], small_gazetteer, text=text) is mayadin


def _resolved(text: str, country: str, place_id: str, start: int) -> PlaceMention:
    return PlaceMention(id=text, text=text, span=Span(start, start + len(text), text), latitude=35.0, longitude=38.0,
                        country=country, where_prec=1, feature="town", gazetteer_id=place_id, resolved=True)


class _Weights:
    """A gazetteer stand-in that only knows how often an archive coded each place."""

    def __init__(self, weights):
        self.weights = weights

    def place(self, place_id):
        return SimpleNamespace(weight=self.weights.get(place_id, 0), population=0, name="")


def test_main_place_keeps_to_the_report_country_and_follows_the_archive():
    paris, hajin, susah = (_resolved("Paris", "FR", "p", 0), _resolved("Hajin", "SY", "h", 10),
                           _resolved("Susah", "SY", "s", 20))
    assert main_place([paris, hajin], _Weights({}), {"SY"}) is hajin
    assert main_place([paris, hajin], _Weights({})) is paris  # no country given: the first named
    assert main_place([paris, hajin, susah], _Weights({}), {"SY"}) is hajin  # no archive: the first named
    assert main_place([paris, hajin, susah], _Weights({"s": 40, "h": 3}), {"SY"}) is susah


def test_the_capital_is_the_capital_of_the_report_country(small_gazetteer):
    text = "Clashes continued south of the capital on Friday."
    capital = _places(text, small_gazetteer, countries={"SY"})["the capital"]
    assert (capital.name, capital.country, capital.relation, capital.resolved) == ("Damascus", "SY", "south of", True)
    assert "the capital" not in _places(text, small_gazetteer)  # the country is not known
    assert "the capital" not in _places("the capital of the province", small_gazetteer, countries={"SY"})


class _Archive:
    """A gazetteer stand-in with an imported archive's coded points in one governorate."""

    def __init__(self, points):
        self.points = points

    def place(self, place_id):
        return SimpleNamespace(admin1_code="SY.12", weight=0, population=0, name="")

    def archive_points(self, admin1_code):
        return self.points if admin1_code == "SY.12" else ()


def test_an_archive_places_a_governorates_countryside_where_its_events_are():
    from marsad.extract.main_place import event_point

    text = "Airstrikes on the countryside of Hama."
    start = text.index("Hama")
    hama = PlaceMention(id="P1", text="Hama", span=Span(start, start + 4, "Hama"), latitude=35.13, longitude=36.75,
                        feature="admin1", gazetteer_id="admin1:SY.12", resolved=True, country="SY")
    coded = [(35.13, 36.75, 50), (35.40, 36.60, 3), (35.45, 36.55, 4), (35.50, 36.50, 2), (35.30, 36.70, 1),
             (35.60, 36.40, 1)]
    # the city itself (50 codings) is left out: "the countryside" is not the city
    assert event_point(text, hama, _Archive(coded)) == (35.45, 36.55)
    assert event_point(text, hama, _Archive(coded[:3])) == (35.13, 36.75)  # too few points: the named place
    assert event_point(text, hama, None) == (35.13, 36.75)


def test_a_foreign_city_counts_only_under_its_own_name(small_gazetteer):
    # "Aerial" is one of Jerusalem's alternate names in GeoNames; "Beirut" is Beirut's own name
    places = _places("Human losses in Aerial bombardment on Hajin, and a delegation left for Beirut.",
                     small_gazetteer, countries={"SY"})
    assert "Aerial" not in places or not places["Aerial"].resolved
    assert places["Beirut"].country == "LB" and places["Hajin"].country == "SY"


def test_an_unresolved_village_never_takes_another_sentences_governorate(small_gazetteer):
    text = ("Daraa: gunmen shot dead a teacher in the eastern countryside of Daraa on Sunday. "
            "Separately, an old shell exploded in the village of Zubairat Hadiyah, wounding two shepherds.")
    village = _places(text, small_gazetteer)["Zubairat Hadiyah"]
    assert not village.resolved
    assert village.admin1 is None


def test_an_unresolved_town_takes_the_one_governorate_of_its_sentence(small_gazetteer):
    places = _places("A drone hit a car at the entrance of the town of Zubairat Hadiyah in Idlib province.",
                     small_gazetteer)
    assert (places["Zubairat Hadiyah"].resolved, places["Zubairat Hadiyah"].admin1) == (False, "Idlib")
    text = ("Aleppo: clashes went on near the city. Shelling then hit the village of Umm Zaytunah "
            "in the southern countryside of Idlib.")
    assert _places(text, small_gazetteer)["Umm Zaytunah"].admin1 == "Idlib"


def test_a_governorate_attached_to_an_unresolved_name_is_its_own(small_gazetteer):
    text = ("Shelling hit the village of Zubairat Hadiyah in Idlib countryside and the village of "
            "Umm Zaytunah in the western countryside of Aleppo.")
    places = _places(text, small_gazetteer)
    assert places["Zubairat Hadiyah"].admin1 == "Idlib"
    assert places["Umm Zaytunah"].admin1 == "Aleppo"


def test_a_comma_in_a_list_does_not_attach_a_governorate(small_gazetteer):
    listed = _places("Regime shelling hit the village of Zubairat Hadiyah, Hama and Homs.", small_gazetteer)
    assert listed["Zubairat Hadiyah"].admin1 is None  # a list of neighbours, two governorates named
    attached = _places("Regime shelling hit the village of Zubairat Hadiyah, Idlib countryside, and Homs.", small_gazetteer)
    assert attached["Zubairat Hadiyah"].admin1 == "Idlib"


def test_the_unit_word_after_a_governorate_picks_the_country_whose_governorates_it_names():
    from marsad.extract import extract_text

    (event,) = extract_text("Gunmen killed 15 villagers in Kubat, Plateau state, on Sunday night.").events
    assert (event.admin1, event.country) == ("Plateau", "Nigeria")
    (event,) = extract_text("Gunmen killed 3 people in Plateau department on Sunday.").events
    assert event.country == "Benin"


def test_an_armed_group_of_one_country_places_a_report_that_names_none():
    from marsad.extract import extract_text

    (event,) = extract_text("ISIS fighters executed 3 men accused of helping the SDF in the town of Al-Susah.").events
    assert (event.admin1, event.country) == ("Deir ez-Zor", "Syria")


def test_a_bridge_named_after_a_far_city_is_not_that_city(small_gazetteer):
    text = "Checkpoint guards arrested two young men on the Homs highway at Baghdad bridge on Monday."
    ctx = DocContext(text=text)
    point = main_place(find_places(ctx, small_gazetteer), small_gazetteer, None, text=text)
    assert point is not None and (point.name, point.country) == ("Homs", "SY")


def test_a_place_the_text_puts_in_another_governorate_is_a_namesake_not_that_place(small_gazetteer):
    # (As-Salamiyeh lies in Hama; the text puts its district in Idlib, so it means another)
    text = "Shelling hit Salamiyeh district in Idlib on Monday."
    point = main_place(find_places(DocContext(text=text), small_gazetteer), small_gazetteer, None, text=text)
    assert point is not None and point.admin1 == "Idlib"


@pytest.mark.parametrize("text", [
    "Gunmen attacked the army post in Puerto Jordan overnight.",
    "A bomb went off in Villa Jordan on Monday.",
])
def test_a_spanish_head_word_begins_a_name_and_is_no_place_alone(text):
    from marsad.extract.pipeline import extract_text

    names = [(p.text, p.country) for p in extract_text(text).places if p.resolved]
    assert not [n for n in names if n[0] in ("Puerto", "San", "Jordan", "San Pedro")]


def test_a_common_word_and_an_english_connector_begin_no_name():
    from marsad.extract.pipeline import extract_text

    names = [p.text for p in extract_text("Nurses at Qamishli's main hospital said six were killed.").places]
    assert names == ["Qamishli"]


@pytest.mark.parametrize(("text", "expected"), [
    # "shelling on X" cues a name as "attack on X" does: a spelling the gazetteer lacks is read by its skeleton
    ("Two farmers were killed in shelling on Khanqin in Diyala province on Monday.", ("Khanqin", "Khānaqīn")),
    # and a village it does not know keeps its name
    ("A drone strike on Zuhairat in Diyala province wounded a shepherd.", ("Zuhairat", None)),
    # one of Iraq's village list (Who's On First's Jalawlah) is placed
    ("A drone strike on Jalawla in Diyala province wounded a shepherd.", ("Jalawla", "Jalawlah")),
])
def test_an_act_on_a_place_cues_its_name(text, expected):
    from marsad.extract.pipeline import extract_text

    assert expected in [(p.text, p.name) for p in extract_text(text).places]


@pytest.mark.parametrize(("text", "scene"), [
    # the country that launches or strikes is an actor; the other country named is where it struck
    ("Overnight, Russia launched 23 drones and three missiles at Ukraine; air defences destroyed 20.", "Ukraine"),
    ("Israel struck Lebanon again on Monday.", "Lebanon"),
    # (a country named alone is the scene, whatever it does)
    ("Russia launched 23 drones overnight.", "Russia"),
])
def test_a_country_that_strikes_another_is_not_the_scene(text, scene):
    from marsad.extract import extract_text

    (event,) = extract_text(text).events
    assert event.location == scene


def test_a_name_spelt_as_a_town_is_not_another_spelling_for_a_governorate_of_another_sentence():
    from marsad.extract import extract_text

    text = ("Five PMF members were killed in an IS ambush east of Tuz Khurmatu. In a separate incident in Kirkuk, an "
            "IED struck an army patrol.")
    places = {p.text: p for p in extract_text(text).places}
    assert places["Tuz Khurmatu"].admin1 == "Salah al-Din"  # (not Tāzah Khūrmātū, a town of Kirkuk)



def test_a_news_outlet_named_like_a_village_is_no_place():
    # "Shafaq News" is an outlet, not the village of Shafaq in Nineveh
    from marsad.extract.pipeline import extract_text

    extraction = extract_text("Two Iraqi soldiers were killed when a bomb hit their patrol on Monday, a police officer "
                              "told Shafaq News.")
    assert "Shafaq" not in [e.location for e in extraction.events], extraction.events
