"""Wire roundups and updates: a toll clause past "U.S.", the wounded of whom some later died, a numbered body
recovered, a war's running total told after its count, a period inside a relative clause (written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.extract import extract_text
from tests.extract.deaths import deaths_in


def deaths(text: str) -> int:
    return deaths_in(text, date(2025, 3, 1))


@pytest.mark.parametrize("text, expected", [
    # a toll's clause runs past the dots of "U.S."/"U.N."
    ("The death toll from a U.S. air strike on a fuel depot in Ras Isa rose to 74 on Friday, "
     "the health ministry said. The ministry had earlier given a toll of 38.", 74),
    ("The death toll from the U.N. compound bombing in the capital has risen to 21, officials said.", 21),
    # "wounding five others, two of whom later died": the share is no further wounded item
    ("Militants ambushed a police patrol near Bannu on Monday, killing four officers and wounding six others, "
     "three of whom later died in hospital, a police official said.", 7),
    # "a fourth body was pulled from the rubble": the incident's toll is now four
    ("Two people were killed when a drone hit an apartment block in Odesa on Thursday night, the governor said. "
     "On Friday, rescuers recovered a third body from the debris.", 3),
    # a perfect-tense count followed by "since <what> began/broke out" is a running total
    ("Gunmen killed four villagers in Bokkos on Tuesday, police said. More than 300 people have been killed in the area "
     "since the clashes between herders and farmers began.", 4),
    ("Two soldiers were killed in an ambush in Kachin state on Sunday. Thousands have died since fighting between the "
     "army and the rebels broke out in 2021.", 2),
    # a "since" period in a comma-bounded relative clause before the count is the clause's
    ("In Culiacan, where rival cartel factions have been fighting since September, police said three men were shot dead "
     "outside a car wash on Monday.", 3),
])
def test_roundups_and_updates(text, expected):
    assert deaths(text) == expected


def test_relative_clause_going_on_with_a_participle_keeps_its_period():
    # the aside rule must not free a count inside the relative clause itself (deaths_eval line 1166)
    text = ("Two police officers were killed when their vehicle hit a roadside bomb in Lamu county on Sunday. Police said "
            "the bomb had been planted by militants, who have carried out a string of similar attacks in the area this "
            "year, killing at least 20 officers.")
    assert deaths(text) == 2


def test_share_without_a_death_of_its_own_stays_a_part():
    ex = extract_text("Gunmen killed ten people, three of them children, in Jalalabad on Sunday.", published=date(2025, 3, 1))
    assert sum(e.fatalities for e in ex.events) == 10
    assert any(c.part_of for c in ex.casualties)
