"""Reports that give no country (issue 11, text alone): governorates under
their local-language names (ISO 3166-2 via pycountry), namesakes told apart by
the spelling the text uses, names with Spanish and Portuguese small words, and
landmarks or organisations that are no places."""

from __future__ import annotations

import pytest

from marsad.extract.main_place import main_place
from marsad.extract.pipeline import DocContext
from marsad.extract.places import find_places
from marsad.gazetteer.admin import _MATCH_LOCALES, admin1_alternates, unit_points
from marsad.gazetteer.resolve import Context, rank
from tests.gazetteer.worlds import bundled_world

# the towns and their namesakes these tests are about
COUNTRIES = {"ES", "PH", "CO", "AR", "MM", "MT", "NO", "NG", "IT", "CM", "PA", "ZW", "BR", "PR", "NI", "BO", "CV", "NZ", "HT"}


def _subdivision(country: str, iso: str, **translations: str) -> tuple[str, list[list[str]]]:
    """A subdivision as :func:`~marsad.gazetteer.admin.iso_subdivisions` gives it."""
    return country, [[iso], *([translations[locale]] if locale in translations else [] for locale in _MATCH_LOCALES)]


def test_a_subdivision_matches_its_unit_through_a_translation():
    # ("Oromiya" and "Oromia" now share a key: nothing to add there)
    units = {("DE", "13"): "Saxony", ("DE", "14"): "Saxony-Anhalt", ("ET", "51"): "Oromiya", ("ET", "53"): "Tigray",
             ("ET", "47"): "Somali"}
    subdivisions = [_subdivision("DE", "Sachsen", ro="Saxonia", fr="Saxe"),
                    _subdivision("DE", "Sachsen-Anhalt", en="Saxony-Anhalt"),
                    _subdivision("ET", "Oromia"), _subdivision("ET", "Sumale")]
    names = admin1_alternates(units, subdivisions)
    assert names[("DE", "13")] == ["Sachsen", "Saxe"]  # one letter off: "Saxonia" (Romanian) ~ "Saxony"
    assert names[("DE", "14")] == ["Sachsen-Anhalt"]
    assert ("ET", "51") not in names
    assert names[("ET", "47")] == ["Sumale"]  # one letter off


def test_and_is_one_word_in_every_language():
    units = {("ES", "55"): "Castille and Leon"}
    subdivisions = [_subdivision("ES", "Castilla y León", fr="Castille-et-León")]
    assert admin1_alternates(units, subdivisions) == {("ES", "55"): ["Castilla y León", "Castille-et-León"]}


def test_a_near_spelling_never_takes_a_unit_that_has_its_own_match():
    units = {("GH", "05"): "Eastern", ("GH", "08"): "Upper East"}
    subdivisions = [_subdivision("GH", "Eastern", fr="Est"), _subdivision("GH", "Western", fr="Ouest")]
    assert admin1_alternates(units, subdivisions) == {}  # not "Western" for Eastern; "Est" is a direction


def test_one_subdivision_per_unit():
    units = {("XX", "01"): "Lakeland"}
    subdivisions = [_subdivision("XX", "Lakelands"), _subdivision("XX", "Lakelanda")]
    assert admin1_alternates(units, subdivisions) == {}


def test_a_governorate_sits_at_the_town_of_its_local_name():
    cities = {"1": {"name": "Bāmyān", "population": 60_000, "latitude": "34.8", "longitude": "67.8"},
              "2": {"name": "Larger", "population": 90_000, "latitude": "35.0", "longitude": "68.0"}}
    members = {("AF", "05", "Central Highlands"): ["1", "2"]}
    assert unit_points(cities, members)[("AF", "05", "Central Highlands")] == (35.0, 68.0)  # no seat: the largest town
    assert unit_points(cities, members, {("AF", "05"): ["Bamyan"]})[("AF", "05", "Central Highlands")] == (34.8, 67.8)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return bundled_world(tmp_path_factory, "local", COUNTRIES)


@pytest.mark.parametrize("text, country", [
    # "Andalucia" is Spain's Andalusia (not Colombia's town Andalucía), so Lucena is Spain's
    ("Olive farmers blocked a road near Lucena (Andalucia) over rising costs.", "ES"),
    # "Lazio" is Italy's Latium, so Latina is Italy's, not the one in Madrid
    ("Truck drivers gathered in Latina (Lazio) to protest against fuel prices.", "IT"),
    ("Residents protested in San Fernando (Andalucia) against the closure of a clinic.", "ES"),
    # a name runs over the small words of Spanish and Portuguese names: not Puerto Rico's Río Grande
    ("A shopkeeper was shot dead in Mossoro (Rio Grande do Norte) on Sunday night.", "BR"),
    ("Miners marched through Ponferrada (Castilla y Leon) to defend their jobs.", "ES"),
    # five words: not the Santa Cruz of Cape Verde
    ("Parents marched in Santa Cruz de la Sierra (Santa Cruz) over school closures.", "BO"),
])
def test_a_governorate_under_its_local_name(world, text, country):
    pytest.importorskip("pycountry")
    chosen = main_place(find_places(DocContext(text=text), world), world, text=text)
    assert chosen is not None and chosen.country == country, chosen


def test_a_province_named_by_directions_in_english_keeps_its_local_name(world):
    pytest.importorskip("pycountry")
    # Cameroon's "Far North" is only direction words in English text, "Extreme-Nord" is a name
    assert [p.id for p in world.by_name("Extreme-Nord") if p.feature == "admin1"] == ["admin1:CM.12"]
    assert not [p for p in world.by_name("Far North") if p.feature == "admin1"]


def test_the_namesake_spelt_as_written(world):
    # Ode (Nigeria) is larger and shares the key of Norway's Odda
    best = rank(world, "Odda", Context(written="Odda"))[0]
    assert (best.place.name, best.place.country) == ("Odda", "NO")
    best = rank(world, "Ode", Context(written="Ode"))[0]
    assert best.place.country == "NG"


def test_an_alternate_name_is_no_namesake(world):
    # a small Génova in Colombia is spelt "Genova"; Genoa's alternate name is too
    best = rank(world, "Genova", Context(written="Genova"))[0]
    assert best.place.country == "IT"


def test_a_country_tie_counts_the_size_of_names_spelt_as_written(world):
    # one place in Panama, one that shares Harare's key: Harare is larger, but the
    # text spells Herrera (Panama's province), not Harare
    text = "Teachers blocked the road in Chitre, Herrera to demand new classrooms."
    chosen = main_place(find_places(DocContext(text=text), world), world, text=text)
    assert chosen is not None and chosen.country == "PA", chosen


@pytest.mark.parametrize("text, word", [
    ("Residents gathered in Alexandra Park to protest against a new cycle path.", "Alexandra"),
    ("Teachers marched at the call of the unions (CGT, FO, Sud, FSU) against the reform.", "Sud"),
])
def test_landmarks_and_organisations_are_no_places(world, text, word):
    assert word not in [m.text for m in find_places(DocContext(text=text), world)]
