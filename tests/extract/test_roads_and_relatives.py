"""A road named after a place is no scene where the text names the town it passes ("drivers blocked the Mosul
Road in Erbil"), and a participle right after "of" names people, not what happened ("relatives of killed
policemen protested" is a protest, not a clash). Guards: a road's name alone still places the event, near it;
a district the road runs through says less than the road's name; a main verb after "of …" is still read. And
"University" opens no place name ("the University of Maiduguri Teaching Hospital" names Maiduguri alone)."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.extract import extract_text


def _events(text: str) -> list[tuple[str, str | None, int | None]]:
    return [(e.sub_event_type, e.location, e.geo_precision)
            for e in extract_text(text, published=date(2024, 5, 6)).events]


@pytest.mark.parametrize("text, location", [
    ("On 3 May 2024, truck drivers blocked the Mosul road outside the governorate building in Erbil city.",
     "Erbil"),
    ("On 3 May 2024, shop owners closed the Baghdad highway in Basra city to protest power cuts.", "Basrah"),
])
def test_a_road_named_after_a_place_is_not_the_scene(text, location):
    assert [where for _, where, _ in _events(text)] == [location]


def test_a_road_named_alone_still_places_the_event_near_its_namesake():
    assert _events("On 3 May 2024, a roadside bomb hit an army vehicle on the Kirkuk road, wounding two soldiers.") \
        == [("Remote explosive/landmine/IED", "Kirkuk", 2)]


def test_a_district_the_road_runs_through_says_less_than_the_road():
    # (before: the district's seat, 40 km from the town the road is named after)
    events = _events("On 3 May 2024, an IED exploded targeting an officer on As-Sanamayn road in Dara countryside, "
                     "killing him.")
    assert [where for _, where, _ in events] == ["As-Sanamayn"]


@pytest.mark.parametrize("text", [
    "On 3 May 2024, dozens of family members of killed policemen protested in front of the governor's office in "
    "Basra city.",
    "On 3 May 2024, members of the families of slain soldiers protested outside the parliament in Baghdad.",
])
def test_a_participle_after_of_names_the_people_not_the_event(text):
    assert [sub for sub, _, _ in _events(text)] == ["Peaceful protest"]


def test_a_main_verb_after_an_of_phrase_is_still_read():
    events = _events("On 3 May 2024, gunmen killed two members of a local council in Kirkuk city.")
    assert [sub for sub, _, _ in events] == ["Attack"]


def test_university_is_no_place_of_its_own():
    # (before: "University" was a town in Florida, a place of the report)
    extraction = extract_text("Two students wounded in the blast in Konduga died at the University of Maiduguri "
                              "Teaching Hospital on Tuesday.", published=date(2024, 5, 6))
    assert [p.text for p in extraction.places] == ["Konduga", "Maiduguri"]
