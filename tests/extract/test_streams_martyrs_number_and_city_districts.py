"""Report streams 168-175 (s26, hs31): agency copy's "the number of martyrs … had risen to 61" is a toll, and "the
Dniprovskyi district of Kherson" lies in Kherson, not in the namesake district of another governorate (Kyiv's)
(written for these tests; goes in tests/extract/)."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.extract import extract_text
from tests.extract.deaths import deaths_in

DAY = date(2021, 11, 13)


@pytest.mark.parametrize("text, expected", [
    # "martyrs" counted by "the number of" (before: no count, no dead)
    ("The health ministry said the number of martyrs of the crime of bombing the prison in Saada had risen to 61, "
     "in addition to 143 wounded.", 61),
    ("The number of martyrs in the shelling of the market has risen to nine, the civil defence said.", 9),
    # guard: a brigade named after martyrs is no count of the dead
    ("The number of fighters of the Martyrs Brigade who joined the offensive rose to 300, the group said.", 0),
])
def test_the_number_of_martyrs_risen_to_a_figure_is_a_toll(text, expected):
    assert deaths_in(text, DAY) == expected


@pytest.mark.parametrize("text, admin1", [
    # the index knows a Dniprovskyi only in Kyiv; "of Kherson" says the city's district is meant (before: Kyiv City)
    ("Russian artillery shelled the Dniprovskyi district of Kherson on Monday morning, killing two civilians.",
     "Kherson"),
    ("A Russian drone dropped explosives on a car in the Dniprovskyi district of Kherson on Tuesday, killing the "
     "driver.", "Kherson"),
    # guard: a named district of the governorate the text names stays where it is
    ("Russian shelling of the Dniprovskyi district in Kyiv killed one woman on Monday.", "Kyiv City"),
    # guard: a town inside the container named after it still places the event at the town
    ("Gunmen killed four men at a bar in Celaya in Guanajuato on Saturday.", "Guanajuato"),
])
def test_a_district_of_a_city_is_no_namesake_of_another_governorate(text, admin1):
    events = extract_text(text, published=date(2024, 5, 14)).events
    assert events and events[0].admin1 == admin1
