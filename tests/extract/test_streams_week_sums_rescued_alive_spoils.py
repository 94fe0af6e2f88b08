"""Report streams (s24, hs25): a correction whose reason is people pulled alive from the rubble, a province's
count over "seven days" after the incidents told one by one, and an attack whose spoils are weapons (written
for these tests, in our own words). The guards check that each rule does not reach too far."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.extract import extract_text
from tests.extract.deaths import deaths_in
from tests.extract.first_event import first_sub_type


@pytest.mark.parametrize("text, expected", [
    # why a toll came down names no dead: the people pulled out alive were never dead (before: counted instead)
    ("The health ministry lowered the death toll of Sunday's strike on Yaroun to four, saying two people first "
     "counted among the dead had been pulled alive from the rubble.", 4),
    ("Civil defence revised the toll down to six after a man listed among the victims was later dug out alive.", 6),
    # guards: people pulled out alive beside the dead are another group; a toll with no correction stays
    ("An air strike killed two people in Jabalia on Monday and three others were pulled alive from the rubble.", 2),
    ("Five people were killed when the building in Kharkiv collapsed on Tuesday; rescuers pulled two children "
     "out alive.", 5),
    ("A man was killed in Kramatorsk on Monday, whose wife was rescued alive from the car, the governor said.", 1),
    ("A man was killed in Kramatorsk on Monday while his wife was pulled alive from the car.", 1),
])
def test_people_pulled_alive_after_a_toll(text, expected):
    assert deaths_in(text, date(2024, 10, 29)) == expected


@pytest.mark.parametrize("text, tally", [
    # a count over "seven days" in the province the report is about, after its incidents told one by one:
    # their sum, a claim (before: added to the last incident told)
    ("Gunmen shot dead two farmers in Kafanchan on Monday and a vigilante in Zonkwa on Wednesday. Nine people "
     "were killed in the state in seven days, the police said.", True),
    ("Eleven people were killed across the province in a single week, the governor said on Sunday.", True),
    ("Nine civilians were killed in Idlib province in a single week, the civil defence said.", True),
    # guards: a town's count over seven days, and a day's count in the province, stay incidents
    ("Three people were killed in Toribio in seven days of clashes between the army and dissidents.", False),
    ("Four people were killed in the province on Thursday when gunmen opened fire on a bus.", False),
    # a week's toll that is the report's one count, its incidents told nowhere: the toll of that fighting
    ("More than 30 people were killed in a week of clashes between herders and farmers in the region, a relief "
     "agency said on Friday.", False),
])
def test_a_week_in_the_province_is_a_sum(text, tally):
    extraction = extract_text(text, published=date(2024, 3, 10))
    killed = [c for c in extraction.casualties if c.outcome == "killed"]
    assert killed[-1].is_tally is tally


def test_the_week_sum_adds_nothing_to_the_last_incident():
    text = ("On Wednesday a police officer was killed in an assault on the Toribio police station, and on Thursday "
            "three young men were murdered in Caldono. Six people were killed in the department in seven days.")
    assert deaths_in(text, date(2024, 3, 10)) == 4


@pytest.mark.parametrize("text, expected", [
    # a group's attack whose spoils it names: the attack (before: "seized weapons" made it a weapons seizure)
    ("The Islamic State Sahel Province claimed the attack near Banibangou, saying its fighters had killed 30 "
     "soldiers and seized weapons.", "Armed clash"),
    # guards: a seizure told alone, or before a killing it did not follow, stays the seizure
    ("Police seized rifles and ammunition in a raid on a house in Kirkuk on Monday, the interior ministry said.",
     "Disrupted weapons use"),
    ("Soldiers seized a large arms cache in a village near Gao on Friday, the army said, adding that the owners "
     "had fled.", "Disrupted weapons use"),
])
def test_weapons_taken_in_an_attack(text, expected):
    assert first_sub_type(text) == expected
