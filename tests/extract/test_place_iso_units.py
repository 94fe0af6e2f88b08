"""A governorate the bundled index lacks (GeoNames' data predates it) but
ISO 3166-2 names: it says the report's country and the governorate of the
unplaced names of its sentence, without a point (sentences written for these
tests, over a bundled index of a few countries)."""

from __future__ import annotations

import math

import pytest

from marsad.gazetteer.admin import iso_unit
from tests.gazetteer.worlds import bundled_world
from tests.gazetteer.worlds import placed_mentions as _mentions


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return bundled_world(tmp_path_factory, "iso", {"CD", "IT", "NG", "DZ", "SE"})


def test_iso_names_a_province_of_one_country():
    assert iso_unit("ituri", "Ituri province", 5) == ("CD", "Ituri")
    assert iso_unit("ituri", "Ituri state", 5) is None  # DR Congo's are provinces
    assert iso_unit("kumui", "Comoe", 5) is None  # a district of Côte d'Ivoire and a province of Burkina Faso


def test_a_province_known_only_to_iso_places_the_villages_of_its_sentence(world):
    mentions = _mentions("Militiamen burnt a market in Mbau village, Ituri province, on Sunday.", world)
    province, village = mentions["Ituri"], mentions["Mbau"]
    assert (province.country, province.admin1, province.rule) == ("CD", "Ituri", "places.iso_unit")
    assert not province.resolved and (province.latitude is None or math.isnan(province.latitude))
    assert not village.resolved and (village.country, village.admin1) == ("CD", "Ituri")


def test_in_brackets_it_names_the_country_of_the_report(world):
    # without the province, the name would be Itri in Italy; with it, no foreign namesake stands
    mentions = _mentions("Gunmen attacked farmers near Mbau (Irumu, Ituri).", world)
    assert mentions["Ituri"].country == "CD"
    assert all(m.country in (None, "CD") for m in mentions.values())


def test_a_name_only_keyed_like_a_province_is_not_it(world):
    # "Marsha" shares its key with Italy's region Marche (ISO's name; GeoNames' is "The Marches") and with Märsta in Sweden
    mentions = _mentions("The council thanked Paolo Verdi, Marsha Bell and the volunteers.", world)
    assert all(m.rule != "places.iso_unit" for m in mentions.values())


def test_a_province_named_alone_after_in_is_no_foreign_place_of_another_name(world):
    # Italy's Itri bears "Ituri" as an alternate name, Nigeria's Itori shares its key: neither is named so
    mentions = _mentions("Militants attacked a bar in Ituri, wounding eight customers.", world)
    ituri = mentions["Ituri"]
    assert (ituri.country, ituri.admin1, ituri.rule) == ("CD", "Ituri", "places.iso_unit")


def test_a_name_alone_not_after_in_is_read_as_before(world):
    mentions = _mentions("Ituri militiamen attacked a bar, wounding eight customers.", world)
    assert all(m.rule != "places.iso_unit" for m in mentions.values())
